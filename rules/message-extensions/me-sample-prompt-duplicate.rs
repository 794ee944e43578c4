//! `me-sample-prompt-duplicate`: the same sample prompt in two commands (or twice in one).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::normalize;
use crate::rules::helpers::copilot::util::{items, real_text};
use crate::rules::Out;
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (cp, c) in items(me, "/commands") {
            for (sp, s) in items(c, "/samplePrompts") {
                let Some(t) = s
                    .get("text")
                    .and_then(Value::as_str)
                    .filter(|t| real_text(t))
                else {
                    continue;
                };
                let n = normalize(t);
                let ptr = format!("{mp}{cp}{sp}/text");
                match seen.get(&n) {
                        Some(first) => out.push(
                            Finding::at(MANIFEST, ptr, format!("sample prompt \"{t}\" repeats `{}`", display_path(first)))
                                .help("Give each command its own sample prompts: the store rejects identical prompts in two commands.")
                                .label("duplicate"),
                        ),
                        None => {
                            seen.insert(n, ptr);
                        }
                    }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "me-sample-prompt-duplicate";
    const ME: &str = "fixtures/packages/me-bot-copilot";

    #[test]
    fn flags_prompt_repeated_across_commands() {
        let pkg = Pkg::from_fixture(ME).edit("manifest.json", |m| {
            m["composeExtensions"][0]["commands"][1]["samplePrompts"][2]["text"] =
                m["composeExtensions"][0]["commands"][0]["samplePrompts"][0]["text"].clone();
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at(
                "manifest.json",
                "/composeExtensions/0/commands/1/samplePrompts/2/text"
            )]
        );
    }

    #[test]
    fn accepts_distinct_prompts() {
        assert!(Pkg::from_fixture(ME).hits(ID).is_empty());
    }
}
