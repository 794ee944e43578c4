//! `static-tab-entity-id-duplicate`: two static tabs share an `entityId`.

use crate::finding::{display_path, Finding};
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::Out;
use serde_json::Value;
use std::collections::HashMap;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let tabs = doc.value.get("staticTabs").and_then(Value::as_array);
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (i, tab) in tabs.into_iter().flatten().enumerate() {
        let Some(id) = tab.get("entityId").and_then(Value::as_str) else {
            continue;
        };
        if has_placeholder(id) {
            continue;
        }
        let pointer = format!("/staticTabs/{i}/entityId");
        match seen.get(id) {
                Some(first) => out.push(
                    Finding::at(
                        MANIFEST,
                        pointer.clone(),
                        format!(
                            "`{}` is \"{id}\", already used by `{}`",
                            display_path(&pointer),
                            display_path(first)
                        ),
                    )
                    .help("Give every static tab its own `entityId`; Teams uses it to tell the tabs apart and in deep links.")
                    .label("duplicate entityId"),
                ),
                None => {
                    seen.insert(id, pointer);
                }
            }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "static-tab-entity-id-duplicate";
    const TAB: &str = "fixtures/packages/tab-personal";

    #[test]
    fn flags_the_second_tab_with_the_same_entity_id() {
        let pkg = Pkg::from_fixture(TAB).edit("manifest.json", |m| {
            m["staticTabs"][1]["entityId"] = json!("milestones");
        });
        assert_eq!(
            pkg.hits(ID),
            vec![at("manifest.json", "/staticTabs/1/entityId")]
        );
    }

    #[test]
    fn accepts_distinct_entity_ids() {
        assert!(Pkg::from_fixture(TAB).hits(ID).is_empty());
    }
}
