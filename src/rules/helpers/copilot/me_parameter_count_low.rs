//! The shared logic of `me-parameter-count-low` and the rules split from it (`me-parameter-count-few`): one pass classifies each problem; the severity set here only tells the rules
//! apart (the engine stamps the real one from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{copilot_mes, items};
use serde_json::Value;

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(m) = ctx.manifest() else { return };
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
            let mut f = Finding::at(MANIFEST, format!("{mp}{cp}/parameters"), format!("search command `{id}` has {n} parameter{}; Copilot guidelines ask for {} or more so users can combine conditions", if n == 1 { "" } else { "s" }, if n < error_below { error_below } else { warn_below }))
                    .help("Add parameters for the conditions users combine in one request (for example name, status and date), up to 5, each with a description; the service must accept any of them empty.")
                    .label("few parameters");
            if n >= error_below {
                f.severity = Severity::Warning;
            }
            out.push(f);
        }
    }
}

/// Every problem found, tagged by the part it belongs to.
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
