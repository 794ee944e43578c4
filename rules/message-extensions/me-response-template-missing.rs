//! `me-response-template-missing`: a command of an API-based message extension without
//! `apiResponseRenderingTemplateFile`, so its results cannot be shown as cards.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::items;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        if me.get("composeExtensionType").and_then(Value::as_str) != Some("apiBased") {
            continue;
        }
        for (cp, c) in items(me, "/commands") {
            if c.get("apiResponseRenderingTemplateFile").is_some() {
                continue;
            }
            let id = c.get("id").and_then(Value::as_str).unwrap_or("?");
            out.push(
                    Finding::at(MANIFEST, format!("{mp}{cp}"), format!("command `{id}` of the API-based message extension has no `apiResponseRenderingTemplateFile`"))
                        .help("Add a response rendering template (an Adaptive Card with `previewCard` and `responseLayout`) to the package and name it in `apiResponseRenderingTemplateFile`.")
                        .label("no response template"),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "me-response-template-missing";
    const ME: &str = "fixtures/packages/me-api-based";

    #[test]
    fn flags_command_without_template() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            if let Some(c) = m["composeExtensions"][0]["commands"][1].as_object_mut() {
                c.remove("apiResponseRenderingTemplateFile");
            }
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/composeExtensions/0/commands/1")]
        );
    }

    #[test]
    fn accepts_templates() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
