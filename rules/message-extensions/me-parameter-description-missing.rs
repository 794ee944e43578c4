//! `me-parameter-description-missing`: a parameter of a Copilot-capable message extension
//! command without a `description`: Copilot fills parameters from their descriptions.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{copilot_mes, items};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in copilot_mes(&m.value) {
        for (cp, c) in items(me, "/commands") {
            for (pp, p) in items(c, "/parameters") {
                let described = p
                    .get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.trim().is_empty());
                if described {
                    continue;
                }
                let name = p.get("name").and_then(Value::as_str).unwrap_or("?");
                let cmd = c.get("id").and_then(Value::as_str).unwrap_or("?");
                out.push(
                        Finding::at(MANIFEST, format!("{mp}{cp}{pp}"), format!("parameter `{name}` of command `{cmd}` has no `description`"))
                            .help("Add a `description` (at most 128 characters) saying what the parameter holds and its format, with an example value; add a `semanticDescription` for details.")
                            .label("undescribed"),
                    );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "me-parameter-description-missing";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_undescribed_parameter() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            if let Some(p) =
                m["composeExtensions"][0]["commands"][1]["parameters"][2].as_object_mut()
            {
                p.remove("description");
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/composeExtensions/0/commands/1/parameters/2"
            )]
        );
    }

    #[test]
    fn accepts_described_parameters() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
