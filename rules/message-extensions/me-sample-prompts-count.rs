//! `me-sample-prompts-count`: each query command of a Copilot-capable message extension needs
//! 3 to 5 sample prompts.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{copilot_mes, items};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in copilot_mes(&m.value) {
        for (cp, c) in items(me, "/commands") {
            if c.get("type").and_then(Value::as_str).unwrap_or("query") != "query" {
                continue;
            }
            let (ptr, n) = match c.get("samplePrompts") {
                None => (format!("{mp}{cp}"), 0),
                Some(Value::Array(a)) => (format!("{mp}{cp}/samplePrompts"), a.len()),
                Some(_) => continue,
            };
            if (3..=5).contains(&n) || n > 5 {
                continue; // more than 5: the schema reports it
            }
            let id = c.get("id").and_then(Value::as_str).unwrap_or("?");
            out.push(
                    Finding::at(MANIFEST, ptr, format!("command `{id}` has {n} sample prompt{}; the store asks for 3 to 5", if n == 1 { "" } else { "s" }))
                        .help("Add `samplePrompts` with 3 to 5 prompts (each at most 128 characters) that show what users can ask Copilot with this command.")
                        .label("too few"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-sample-prompts-count";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_too_few_and_none() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            m["composeExtensions"][0]["commands"][0]["samplePrompts"] =
                json!([{"text": "Find shipment PW-204518."}]);
            if let Some(c) = m["composeExtensions"][0]["commands"][1].as_object_mut() {
                c.remove("samplePrompts");
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/samplePrompts"
                ),
                at("manifest.json", "/composeExtensions/0/commands/1")
            ]
        );
    }

    #[test]
    fn accepts_three_to_five() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
