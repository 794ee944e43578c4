//! `update-parameter-type-changed`: a parameter, or a body property, of an operation of the
//! published connector declares another type or format.

use crate::finding::Finding;
use crate::json::span::join;
use crate::model::Ctx;
use crate::rules::helpers::connector::parameters;
use crate::rules::helpers::update::{declared_type, matched_operations, properties, swaggers};
use crate::rules::Out;
use std::collections::HashSet;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, file, cur)) = swaggers(ctx) else {
        return;
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (p, c) in matched_operations(prev, cur) {
        let id = c.str("operationId").unwrap_or_default();
        let before = parameters(prev, &p);
        for param in parameters(cur, &c) {
            let Some(old) = before
                .iter()
                .find(|o| o.name() == param.name() && o.location() == param.location())
            else {
                continue;
            };
            if let (Some(was), Some(now)) = (declared_type(old.value), declared_type(param.value)) {
                let pointer = join(&param.pointer, "type");
                if was != now && seen.insert(pointer.clone()) {
                    out.push(
                        Finding::at(
                            file,
                            pointer,
                            format!(
                                "parameter `{}` of `{id}` is {now} now, {was} in the published version",
                                param.name()
                            ),
                        )
                        .help(format!("Keep the published type ({was}); add a new parameter for the new one."))
                        .label("type changed"),
                    );
                }
            }
            let (Some(schema), Some(old_schema)) =
                (param.value.get("schema"), old.value.get("schema"))
            else {
                continue;
            };
            let was_props = properties(prev, old_schema, "");
            for prop in properties(cur, schema, &join(&param.pointer, "schema")) {
                let Some(o) = was_props.iter().find(|o| o.name == prop.name) else {
                    continue;
                };
                let (Some(was), Some(now)) = (declared_type(o.schema), declared_type(prop.schema))
                else {
                    continue;
                };
                if was != now && seen.insert(prop.pointer.clone()) {
                    out.push(
                        Finding::at(
                            file,
                            prop.pointer.clone(),
                            format!(
                                "body property `{}` of `{id}` is {now} now, {was} in the published version",
                                prop.name
                            ),
                        )
                        .help(format!("Keep the published type ({was}); add a new property for the new one."))
                        .label("type changed"),
                    );
                }
            }
        }
    }
}
