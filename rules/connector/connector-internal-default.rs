//! `connector-internal-default`: a parameter is `x-ms-visibility: internal` and required but
//! has no `default`: makers cannot see it, so nothing fills it.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    let mut done = std::collections::HashSet::new();
    for op in operations(s) {
        for p in parameters(s, &op) {
            if p.location() == "body"
                || p.str("x-ms-visibility") != Some("internal")
                || !p.required()
                || p.value.get("default").is_some()
                || p.value.get("x-ms-notification-url").is_some()
                || !done.insert(p.pointer.clone())
            {
                continue;
            }
            out.push(
                Finding::at(file, p.pointer.clone(), format!("parameter \"{}\" is internal and required but has no default", p.name()))
                    .help("Give the parameter a `default` (internal parameters are hidden from makers, so only the default can fill them), or make it optional or visible.")
                    .at_key(),
            );
        }
    }
}
