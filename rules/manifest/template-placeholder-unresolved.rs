//! `template-placeholder-unresolved`: `${{VAR}}`, `{{VAR}}` and `<<VAR>>` left in any JSON file
//! of the package, one finding per placeholder; and the unfilled sample values of older samples
//! in brackets or angle brackets (`<BOT_ID>`, `[WebAppDomain]`): a whole value, a placeholder
//! in the host of a URL, or a `validDomains` entry.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::RefKind;
use crate::rules::text::strings;
use crate::rules::Out;

/// Every placeholder in `s`, as written (`${{TEAMS_APP_ID}}`).
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    // Once a closing `}}` (or `>>`) is not found after some position, none is found after any
    // later one either: remembering that keeps the scan linear on hostile text such as a
    // megabyte of `{{`.
    let (mut no_curly_close, mut no_angle_close, mut no_triple_close) = (false, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let rest = &s[i..];
        // TeamsFx v2 (Handlebars) triple braces: `{{{state.fx-resource-….endpoint}}}`.
        if rest.starts_with("{{{") && !no_triple_close {
            match rest[3..].find("}}}") {
                Some(end)
                    if !rest[3..3 + end].contains(['{', '\n'])
                        && !rest[3..3 + end].trim().is_empty() =>
                {
                    out.push(&rest[..end + 6]);
                    i += end + 6;
                    continue;
                }
                Some(_) => {}
                None => no_triple_close = true,
            }
        }
        let (open, close) = if rest.starts_with("${{") && !no_curly_close {
            ("${{", "}}")
        } else if rest.starts_with("{{") && !no_curly_close {
            ("{{", "}}")
        } else if rest.starts_with("<<") && !no_angle_close {
            ("<<", ">>")
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        match rest[open.len()..].find(close) {
            Some(end) => {
                let inner = &rest[open.len()..open.len() + end];
                let len = open.len() + end + close.len();
                if !inner.trim().is_empty() && !inner.contains(['{', '<', '\n']) {
                    out.push(&rest[..len]);
                }
                i += len;
            }
            None => {
                if close == "}}" {
                    no_curly_close = true;
                } else {
                    no_angle_close = true;
                }
                i += open.len();
            }
        }
    }
    out
}

/// Whether a `{{…}}` is filled at run time rather than at build time: Copilot fills
/// `{{function.parameters.x}}` (and other `{{function.…}}`) in a plugin's confirmation and
/// response texts, and Adaptive Cards format dates with `{{DATE(…)}}` and `{{TIME(…)}}`.
fn is_runtime_template(p: &str, in_card: bool) -> bool {
    let Some(inner) = p.strip_prefix("{{").and_then(|s| s.strip_suffix("}}")) else {
        return false;
    };
    let inner = inner.trim();
    if inner.starts_with("function.") {
        return true;
    }
    in_card && (inner.starts_with("DATE(") || inner.starts_with("TIME("))
}

/// The help for an unresolved placeholder, by its syntax.
fn help_for(p: &str, name: &str, env: Option<&crate::env::Env>) -> String {
    if p.starts_with("${{") {
        return match env {
            Some(env) => format!(
                "Define `{name}` in {} (a line `{name}=<value>`), or set it in the environment; appcert resolves `{p}` the way the Agents Toolkit does.",
                env.define_in
            ),
            None => format!(
                "Replace `{p}` with the real value before packaging: the Agents Toolkit fills it from env/.env.<environment> (`atk package --env <environment>`, or check the template with `appcert check --env <environment>`)."
            ),
        };
    }
    if p.starts_with("<<") {
        return format!(
            "Replace `{p}` with the real value: it is a sample's value to fill in, which no build step fills."
        );
    }
    format!(
        "Replace `{p}` with the real value before packaging: it is the placeholder of another build step (TeamsFx v2, a project generator or a sample's instructions), which neither the Agents Toolkit nor appcert fills."
    )
}

/// A sample value in brackets or angle brackets (`<BOT_ID>`, `[WebAppDomain]`, `<your app
/// id>`): a letter, then letters, digits, spaces, `_`, `-` or `.`.
fn bracketed_name(t: &str) -> bool {
    let inner = match (t.chars().next(), t.chars().last()) {
        (Some('<'), Some('>')) | (Some('['), Some(']')) if t.len() > 2 => &t[1..t.len() - 1],
        _ => return false,
    };
    inner.chars().next().is_some_and(char::is_alphabetic)
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
}

/// The bracketed sample values in `s` (each `<…>` or `[…]` that is a [`bracketed_name`]).
fn bracketed_parts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // Once a closer is not found after some position, it is not found after any later one:
    // remembering that keeps the scan linear on hostile text (a megabyte of `[`).
    let (mut no_angle, mut no_square) = (false, false);
    for (i, c) in s.char_indices() {
        let (close, none) = match c {
            '<' => ('>', &mut no_angle),
            '[' => (']', &mut no_square),
            _ => continue,
        };
        if *none {
            continue;
        }
        match s[i + 1..].find(close) {
            Some(end) => {
                let part = &s[i..i + 1 + end + 1];
                if bracketed_name(part) {
                    out.push(part);
                }
            }
            None => *none = true,
        }
    }
    out
}

/// Unfilled sample values of older samples: the whole value in brackets or angle brackets, a
/// bracketed name in the host of a URL (`https://[WebAppDomain]/config`), or a `validDomains`
/// entry that is one (`[WebAppDomain]`, `<your-domain>.com`, `$DomainName`). Free text (a
/// description with `<b>` or `[link]`) is not looked at.
pub fn sample_placeholders<'s>(pointer: &str, s: &'s str) -> Vec<&'s str> {
    let t = s.trim();
    if bracketed_name(t) {
        return vec![t];
    }
    if let Some((_, rest)) = t.split_once("://") {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        return bracketed_parts(&rest[..end]);
    }
    let is_domain = pointer
        .strip_prefix("/validDomains/")
        .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()));
    if is_domain {
        if t.starts_with('$') && t.len() > 1 {
            return vec![t];
        }
        return bracketed_parts(t);
    }
    Vec::new()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    // Files whose strings are Adaptive Card templates (run-time `{{DATE(…)}}` is theirs).
    let cards: std::collections::BTreeSet<&str> = ctx
        .refs
        .iter()
        .filter(|r| matches!(r.kind, RefKind::ResponseTemplate | RefKind::AdaptiveCard))
        .filter_map(|r| r.target.as_deref())
        .collect();
    for (file, doc) in &ctx.docs {
        let card_file = cards.contains(file.as_str());
        for (pointer, s) in strings(&doc.value, "") {
            let in_card = card_file
                || pointer.contains("/static_template/")
                || pointer.contains("/response_semantics/");
            let found = placeholders(s);
            if found.is_empty() {
                for p in sample_placeholders(&pointer, s) {
                    out.push(
                        Finding::at(
                            file.clone(),
                            pointer.clone(),
                            format!(
                                "`{}` holds the unfilled sample value `{p}`",
                                crate::finding::display_path(&pointer)
                            ),
                        )
                        .help(format!(
                            "Replace `{p}` with the real value (your domain, id or address) before packaging: a sample's stand-in is not a valid value."
                        ))
                        .label("unfilled sample value"),
                    );
                }
            }
            for p in found {
                if is_runtime_template(p, in_card) {
                    continue;
                }
                let name = p
                    .trim_matches(|c| matches!(c, '$' | '{' | '}' | '<' | '>'))
                    .trim();
                let help = help_for(p, name, ctx.env.as_deref());
                let message = match (&ctx.env, p.starts_with("${{")) {
                    (Some(env), true) => format!(
                        "`{}` holds the template variable `{p}`, which is not defined in {}",
                        crate::finding::display_path(&pointer),
                        env.define_in
                    ),
                    _ => format!(
                        "`{}` holds the unresolved template variable `{p}`",
                        crate::finding::display_path(&pointer)
                    ),
                };
                out.push(
                    Finding::at(file.clone(), pointer.clone(), message)
                        .help(help)
                        .label("unresolved placeholder"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn run_time_templates_are_not_build_placeholders() {
        use super::is_runtime_template;
        assert!(is_runtime_template("{{function.parameters.hours}}", false));
        assert!(is_runtime_template("{{DATE(${created}, SHORT)}}", true));
        assert!(!is_runtime_template("{{DATE(${created}, SHORT)}}", false));
        assert!(!is_runtime_template("{{BOT_ID}}", true));
        assert!(!is_runtime_template("${{function.x}}", false));
    }

    #[test]
    fn finds_each_style() {
        assert_eq!(
            placeholders("{{{state.fx-resource-frontend-hosting.endpoint}}}/tab"),
            vec!["{{{state.fx-resource-frontend-hosting.endpoint}}}"]
        );
        assert_eq!(placeholders("{{{A}} {{B}}"), vec!["{{B}}"]);
        assert_eq!(placeholders("${{TEAMS_APP_ID}}"), vec!["${{TEAMS_APP_ID}}"]);
        assert_eq!(
            placeholders("api://{{d}}/botid-{{id}}"),
            vec!["{{d}}", "{{id}}"]
        );
        assert_eq!(placeholders("<<BOT_ID>>"), vec!["<<BOT_ID>>"]);
        assert!(placeholders("https://{teamSiteDomain}/x").is_empty());
        assert!(placeholders("a < b > c").is_empty());
        assert!(placeholders("{{}}").is_empty());
        assert_eq!(placeholders("x }} {{A}} <<B>>"), vec!["{{A}}", "<<B>>"]);
        assert_eq!(placeholders("<< x {{A}} <<"), vec!["{{A}}"]);
    }

    #[test]
    fn finds_bracketed_sample_values() {
        use super::sample_placeholders as sp;
        assert_eq!(
            sp("/validDomains/0", "[WebAppDomain]"),
            vec!["[WebAppDomain]"]
        );
        assert_eq!(
            sp("/validDomains/1", "<your-domain>.azurewebsites.net"),
            vec!["<your-domain>"]
        );
        assert_eq!(sp("/validDomains/2", "$DomainName"), vec!["$DomainName"]);
        assert_eq!(sp("/bots/0/botId", "<BOT_ID>"), vec!["<BOT_ID>"]);
        assert_eq!(sp("/id", " <your app id> "), vec!["<your app id>"]);
        assert_eq!(
            sp(
                "/configurableTabs/0/configurationUrl",
                "https://[WebAppDomain]/config"
            ),
            vec!["[WebAppDomain]"]
        );
        assert!(sp("/staticTabs/0/contentUrl", "http://[::1]:3978/tab").is_empty());
        assert!(sp("/staticTabs/0/contentUrl", "https://contoso.com/a?b=[x]").is_empty());
        assert!(sp(
            "/description/full",
            "Use <b>bold</b> and [links](https://x.y)."
        )
        .is_empty());
        assert!(sp("/validDomains/0", "app.contoso.com").is_empty());
        assert!(sp("/name/short", "[#LI]").is_empty());
    }

    #[test]
    fn unclosed_brackets_do_not_make_the_sample_scan_quadratic() {
        // A megabyte of `[` and `<` in a validDomains entry and a URL host: linear.
        let text = "[<".repeat(500_000);
        assert!(super::sample_placeholders("/validDomains/0", &text).is_empty());
        let url = format!("https://{text}/x");
        assert!(super::sample_placeholders("/developer/websiteUrl", &url).is_empty());
        assert_eq!(
            super::sample_placeholders("/validDomains/0", "[WebAppDomain]"),
            vec!["[WebAppDomain]"]
        );
    }

    #[test]
    fn unclosed_openers_do_not_make_the_scan_quadratic() {
        // 2 MB of openers without a closer: the linear scan finishes at once; the former
        // quadratic one took minutes here (and 39 s on a 900 KB description).
        let text = "{{<<".repeat(500_000);
        assert!(placeholders(&text).is_empty());
        let text = format!("{}${{{{X}}}}", "{{".repeat(500_000));
        assert!(placeholders(&text).len() <= 1);
    }
}
