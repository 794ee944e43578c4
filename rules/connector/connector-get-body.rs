//! `connector-get-body`: a GET operation has a body or formData parameter.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, swagger};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s).into_iter().filter(|o| o.method == "get") {
        for p in parameters(s, &op) {
            if matches!(p.location(), "body" | "formData") {
                out.push(
                    Finding::at(file, p.pointer.clone(), format!("GET `{}` has a {} parameter \"{}\"", op.path, p.location(), p.name()))
                        .help("A GET request has no body: pass the values as query or path parameters, or use POST.")
                        .at_key(),
                );
            }
        }
    }
}
