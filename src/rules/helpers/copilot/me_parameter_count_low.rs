//! The shared logic of `me-parameter-count-low` and `me-parameter-count-few` (split from it):
//! both judge a Copilot-capable message extension as a whole, as the guidelines speak of the
//! extension ("the message extension must contain at least two parameters"; agents handle
//! "three or more parameters"), by the search command that takes the most parameters. One pass
//! classifies each extension; the severity set here only tells the two rules apart (the engine
//! stamps the real one, a warning for both, from each rule file).

use crate::finding::{Finding, Severity};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{copilot_mes, items};
use serde_json::Value;

fn collect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(m) = ctx.manifest() else { return };
    let store_min = ctx.thresholds.me_parameters_error_below;
    let agent_min = ctx.thresholds.me_parameters_warning_below;
    for (mp, me) in copilot_mes(&m.value) {
        // The search command with the most parameters (the first of equals).
        let mut best: Option<(usize, &str)> = None;
        for (_, c) in items(me, "/commands") {
            if c.get("type").and_then(Value::as_str).unwrap_or("query") != "query" {
                continue;
            }
            let Some(Value::Array(params)) = c.get("parameters") else {
                continue;
            };
            let id = c.get("id").and_then(Value::as_str).unwrap_or("?");
            if params.is_empty() {
                continue; // the schema asks for at least one
            }
            if best.is_none_or(|(n, _)| params.len() > n) {
                best = Some((params.len(), id));
            }
        }
        let Some((n, id)) = best else { continue };
        if n >= agent_min {
            continue;
        }
        let (wanted, who) = if n < store_min {
            (
                store_min,
                "the Teams Store guidelines ask a Copilot message extension for",
            )
        } else {
            (agent_min, "the agent validation guidelines ask for")
        };
        let mut f = Finding::at(
            MANIFEST,
            mp.clone(),
            format!(
                "this Copilot message extension takes at most {n} parameter{} in a search command (`{id}`); {who} {wanted} or more so users can combine conditions in one request",
                if n == 1 { "" } else { "s" }
            ),
        )
        .help(format!(
            "Add parameters to a search command (for example `{id}`) for the conditions users combine in one request (such as name, status and date), up to 5, each with a description; the service must accept any of them empty."
        ))
        .label("few parameters");
        if n >= store_min {
            f.severity = Severity::Warning;
        }
        out.push(f);
    }
}

/// Every problem found, tagged by the rule it belongs to (error: `me-parameter-count-low`,
/// warning: `me-parameter-count-few`).
pub(crate) fn findings(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut v = Vec::new();
    collect(ctx, &mut v);
    v
}
