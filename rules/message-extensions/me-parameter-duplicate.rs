//! `me-parameter-duplicate`: two parameters of one message extension command share a `name`
//! (exactly) or a `title` (case-insensitive, trimmed).

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{items, real_text};
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        for (cp, c) in items(me, "/commands") {
            let mut names: HashMap<String, String> = HashMap::new();
            let mut titles: HashMap<String, String> = HashMap::new();
            for (pp, p) in items(c, "/parameters") {
                for (key, seen, fold) in [("name", &mut names, false), ("title", &mut titles, true)]
                {
                    let Some(v) = p.get(key).and_then(Value::as_str) else {
                        continue;
                    };
                    if v.trim().is_empty() || !real_text(v) {
                        continue;
                    }
                    let norm = if fold {
                        v.trim().to_lowercase()
                    } else {
                        v.trim().to_string()
                    };
                    let pointer = format!("{mp}{cp}{pp}/{key}");
                    match seen.get(&norm) {
                        Some(first) => out.push(
                            Finding::at(
                                MANIFEST,
                                pointer.clone(),
                                format!(
                                    "`{}` is \"{v}\", the same {key} as the parameter at `{}`",
                                    display_path(&pointer),
                                    display_path(first)
                                ),
                            )
                            .help("Give every parameter of a command its own name and a distinct title, or remove the duplicate.")
                            .label(format!("duplicate parameter {key}")),
                        ),
                        None => {
                            seen.insert(norm, pointer);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-parameter-duplicate";

    #[test]
    fn flags_duplicate_names_and_titles_within_a_command() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/me-bot-copilot").edit("manifest.json", |m| {
                let p = &mut m["composeExtensions"][0]["commands"][0]["parameters"];
                p[1]["name"] = json!("trackingNumber");
                p[2]["title"] = json!("tracking NUMBER");
            });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/parameters/1/name"
                ),
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/parameters/2/title"
                ),
            ]
        );
        // The same parameter in two commands is fine.
        assert!(Pkg::from_fixture("fixtures/packages/me-bot-copilot")
            .hits(ID)
            .is_empty());
    }
}
