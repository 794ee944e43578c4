//! `connector-pageable`: `x-ms-pageable` has a `nextLinkName` other than `nextLink` or
//! `@odata.nextLink`, or none.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, swagger};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let Some(pg) = op.op.get("x-ms-pageable") else {
            continue;
        };
        let ptr = op.at("x-ms-pageable");
        match pg.get("nextLinkName").and_then(Value::as_str) {
            Some("nextLink" | "@odata.nextLink") => {}
            Some(other) => out.push(
                Finding::at(file, format!("{ptr}/nextLinkName"), format!("`nextLinkName` \"{other}\" is not supported; use \"nextLink\" or \"@odata.nextLink\""))
                    .help("The platform pages only through a response property named nextLink or @odata.nextLink holding the URL of the next page.")
                    .label("unsupported"),
            ),
            None => out.push(
                Finding::at(file, ptr, "`x-ms-pageable` has no `nextLinkName`")
                    .help("Add `\"nextLinkName\": \"@odata.nextLink\"` (or \"nextLink\")."),
            ),
        }
    }
}
