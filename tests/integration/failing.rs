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
