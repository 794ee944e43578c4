//! Failing fixture packages under `fixtures/failing/`: the rules each one must trigger, and
//! snapshots of the JSON and human reports under both profiles.

use crate::common::*;
use appcert::config::Config;
use appcert::rules::Profile;
use appcert::{Input, InputKind, Options, Severity, Verdict};

fn check(name: &str, profile: Profile) -> appcert::Report {
    let options = Options {
        profile,
        config: Config::default(),
        ..Options::default()
    };
    let input = Input {
        display: format!("fixtures/failing/{name}"),
        path: root().join("fixtures/failing").join(name),
        kind: InputKind::Dir,
    };
    appcert::finish_run(vec![appcert::check_input(&input, &options)], &options)
}

/// (rule, pointer) of every finding at `severity` or above.
fn hits(report: &appcert::Report, at_least: Severity) -> Vec<(String, String)> {
    report.packages[0]
        .findings
        .iter()
        .filter(|f| f.severity >= at_least)
        .map(|f| (f.rule.clone(), f.pointer.clone()))
        .collect()
}

fn pair(rule: &str, pointer: &str) -> (String, String) {
    (rule.to_string(), pointer.to_string())
}

#[test]
fn listing_and_domains_store_profile() {
    let report = check("listing-and-domains", Profile::Store);
    assert_eq!(report.packages[0].verdict, Verdict::Fail);
    let got = hits(&report, Severity::Warning);
    let expected = [
        pair("manifest-version-not-semver", "/version"),
        pair("developer-url-local-host", "/developer/websiteUrl"),
        pair("developer-url-not-https", "/developer/privacyUrl"),
        pair("developer-url-sample-domain", "/developer/termsOfUseUrl"),
        pair("name-leads-with-teams-feature", "/name/short"),
        pair("name-preproduction-word", "/name/short"),
        pair("listing-microsoft-abbreviation", "/description/short"),
        pair("listing-office-365-name", "/description/short"),
        pair("description-full-same-as-short", "/description/full"),
        pair(
            "bot-command-special-prefix",
            "/bots/0/commandLists/0/commands/0/title",
        ),
        pair(
            "bot-command-duplicate",
            "/bots/0/commandLists/0/commands/3/title",
        ),
        pair(
            "bot-command-scope-not-in-bot",
            "/bots/0/commandLists/1/scopes/1",
        ),
        pair("valid-domain-shared-host", "/validDomains/0"),
        pair("valid-domain-public-suffix", "/validDomains/1"),
        pair("valid-domain-not-a-domain", "/validDomains/2"),
        pair("valid-domain-tunnel", "/validDomains/3"),
    ];
    for e in &expected {
        assert!(got.contains(e), "missing {e:?} in {got:#?}");
    }
    insta::assert_json_snapshot!("failing-listing-and-domains-store-json", json_of(&report));
    insta::assert_snapshot!("failing-listing-and-domains-store-human", human_of(&report));
}

#[test]
fn listing_and_domains_org_profile_keeps_validity_and_security() {
    let report = check("listing-and-domains", Profile::Org);
    assert_eq!(report.profile, "org");
    assert_eq!(report.packages[0].verdict, Verdict::Fail);
    let got = hits(&report, Severity::Warning);
    // Store-listing rules drop to info...
    for rule in [
        "name-leads-with-teams-feature",
        "name-preproduction-word",
        "listing-microsoft-abbreviation",
        "description-full-same-as-short",
    ] {
        assert!(
            got.iter().all(|(r, _)| r != rule),
            "{rule} should be info in org: {got:#?}"
        );
        assert!(report.packages[0]
            .findings
            .iter()
            .any(|f| f.rule == rule && f.severity == Severity::Info));
    }
    // ...validity, security and privacy rules stay.
    for e in [
        pair("manifest-version-not-semver", "/version"),
        pair("developer-url-not-https", "/developer/privacyUrl"),
        pair("valid-domain-tunnel", "/validDomains/3"),
        pair(
            "bot-command-special-prefix",
            "/bots/0/commandLists/0/commands/0/title",
        ),
    ] {
        assert!(got.contains(&e), "missing {e:?} in {got:#?}");
    }
    insta::assert_snapshot!("failing-listing-and-domains-org-human", human_of(&report));
}

/// The human report's shape on a failing fixture: per finding a header
/// `path:line:col: severity[rule]: message`, then (for the first finding of a source line) the
/// numbered source line and one caret line per finding on it, then `= help:` (a help text once
/// per package), `= fix:` and `= policy:` (a rule's policies once); at most 5 lines per finding.
#[test]
fn listing_and_domains_human_shape() {
    let report = check("listing-and-domains", Profile::Store);
    let text = human_of(&report);
    let lines: Vec<&str> = text.lines().collect();
    let pkg = &report.packages[0];
    let findings: Vec<_> = pkg.findings.iter().filter(|f| f.counts()).collect();
    assert!(findings.len() > 10);
    assert!(
        lines.len() <= 5 * findings.len(),
        "{} lines for {} findings:\n{text}",
        lines.len(),
        findings.len()
    );
    let mut at = 0;
    let mut helps = std::collections::BTreeSet::new();
    for f in &findings {
        let header = format!(
            "fixtures/failing/listing-and-domains/{}:{}:{}: {}[{}]: {}",
            f.file,
            f.line.expect("line"),
            f.column.expect("column"),
            f.severity,
            f.rule,
            f.message
        );
        let i = at
            + lines[at..]
                .iter()
                .position(|l| *l == header)
                .unwrap_or_else(|| panic!("no header {header:?} after line {at}:\n{text}"));
        at = i + 1;
        // The lines of this finding, up to the next header.
        let body: Vec<&str> = lines[at..]
            .iter()
            .take_while(|l| l.starts_with(' '))
            .copied()
            .collect();
        let numbered = format!(" {} | ", f.line.expect("line"));
        if let Some(first) = body.first().filter(|l| l.starts_with(&numbered)) {
            let carets = body[1].trim_start();
            assert!(
                carets.starts_with("| ") && carets.contains('^'),
                "{first}\n{}",
                body[1]
            );
            // The caret starts under the finding's column (every line here is ASCII).
            let column = body[1].find('^').expect("caret") + 1 - numbered.len();
            assert_eq!(Some(column), f.column, "{first}\n{}", body[1]);
        }
        let help = body.iter().find(|l| l.trim_start().starts_with("= help: "));
        assert_eq!(help.is_some(), helps.insert(f.help.clone()), "{header}");
        if let Some(help) = help {
            assert_eq!(help.trim_start(), format!("= help: {}", f.help));
        }
        if f.fix.is_some() {
            assert!(body.iter().any(|l| l.trim_start().starts_with("= fix: ")));
        }
    }
    // Every rule's policies are cited once.
    for f in &findings {
        let cite = format!("= policy: {}", f.policies.join("; "));
        let n = lines.iter().filter(|l| l.trim_start() == cite).count();
        assert!(f.policies.is_empty() || n >= 1, "{cite}");
    }
    let rules: std::collections::BTreeSet<&str> =
        findings.iter().map(|f| f.rule.as_str()).collect();
    let cited = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("= policy: "))
        .count();
    assert!(cited <= rules.len());
    // No frame, no context line: every line is a header, a gutter line, a note, the verdict,
    // the legend or blank.
    for l in &lines {
        let t = l.trim_start();
        assert!(
            l.starts_with("fixtures/")
                || t.starts_with('|')
                || t.starts_with("= ")
                || t.split_once(" | ")
                    .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
                || l.starts_with("✗ ")
                || l.starts_with("☞ ")
                || l.is_empty(),
            "{l:?}"
        );
    }
    assert!(text.ends_with("\n\n☞ info: advice; it does not fail the package.\n"));
}
