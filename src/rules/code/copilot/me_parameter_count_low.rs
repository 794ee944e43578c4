//! `me-parameter-count-low`: a search command of a Copilot-capable message extension with too
//! few parameters for compound requests. The sources disagree (§M.1: the Teams Store guidelines
//! say at least 2, the agent validation guidelines 3 or more): fewer than 2 is an error, exactly
//! 2 a warning. Both numbers are configurable (`[thresholds]` in appcert.toml).

use super::util::{copilot_mes, items};
use crate::engine::{Ctx, MANIFEST};
use crate::finding::{Finding, Severity};
use crate::rules::{registry, CodeRule};
use serde_json::Value;

pub struct MeParameterCountLow;

impl CodeRule for MeParameterCountLow {
    fn id(&self) -> &'static str {
        "me-parameter-count-low"
    }

    fn check(&self, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let Some(m) = ctx.manifest() else { return };
        let meta = registry().meta(self.id());
        let error_below = ctx.thresholds.me_parameters_error_below;
        let warn_below = ctx.thresholds.me_parameters_warning_below;
        for (mp, me) in copilot_mes(&m.value) {
            for (cp, c) in items(me, "/commands") {
                if c.get("type").and_then(Value::as_str).unwrap_or("query") != "query" {
                    continue;
                }
                let Some(Value::Array(params)) = c.get("parameters") else {
                    continue;
                };
                let n = params.len();
                if n >= warn_below || n == 0 {
                    continue; // none: the schema asks for at least one
                }
                let id = c.get("id").and_then(Value::as_str).unwrap_or("?");
                let mut f = meta
                    .finding(MANIFEST, format!("{mp}{cp}/parameters"), format!("search command `{id}` has {n} parameter{}; Copilot guidelines ask for {} or more so users can combine conditions", if n == 1 { "" } else { "s" }, if n < error_below { error_below } else { warn_below }))
                    .help("Add parameters for the conditions users combine in one request (for example name, status and date), up to 5, each with a description; the service must accept any of them empty.")
                    .label("few parameters");
                if n >= error_below {
                    f.severity = Severity::Warning;
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "me-parameter-count-low";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn error_below_two_warning_at_two() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            if let Some(p) = m["composeExtensions"][0]["commands"][0]["parameters"].as_array_mut() {
                p.truncate(1);
            }
            if let Some(p) = m["composeExtensions"][0]["commands"][1]["parameters"].as_array_mut() {
                p.truncate(2);
            }
        });
        let f = pkg.findings(ID);
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/parameters"
                ),
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/1/parameters"
                )
            ]
        );
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[1].severity, Severity::Warning);
    }

    #[test]
    fn accepts_three() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
