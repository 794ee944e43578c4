//! `update-operation-removed`: an operation (by operationId) of the published connector is
//! gone, and no operation took its place at the same path and method.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::operations;
use crate::rules::helpers::update::swaggers;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((prev, file, cur)) = swaggers(ctx) else {
        return;
    };
    let now = operations(cur);
    let at = if cur.get("paths").is_some() {
        "/paths"
    } else {
        ""
    };
    for p in operations(prev) {
        let Some(id) = p.str("operationId") else {
            continue;
        };
        if now.iter().any(|c| c.str("operationId") == Some(id))
            || now.iter().any(|c| c.path == p.path && c.method == p.method)
        {
            continue;
        }
        out.push(
            Finding::at(
                file,
                at,
                format!(
                    "operation `{id}` ({} {}) of the published version is gone: flows that use it break",
                    p.method.to_ascii_uppercase(),
                    p.path
                ),
            )
            .help("Keep the operation; to retire it, mark it `deprecated: true` with `x-ms-visibility: internal` and add its replacement beside it.")
            .label("operation removed"),
        );
    }
}
