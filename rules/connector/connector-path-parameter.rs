//! `connector-path-parameter`: a path parameter is not required or not in the path template,
//! or a `{name}` of the template has no path parameter.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operations, parameters, swagger};
use crate::rules::Out;

fn template_names(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n))
        .collect()
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, s)) = swagger(ctx) else {
        return;
    };
    for op in operations(s) {
        let names = template_names(op.path);
        let params = parameters(s, &op);
        for p in params.iter().filter(|p| p.location() == "path") {
            if !names.contains(&p.name()) {
                out.push(
                    Finding::at(
                        file,
                        p.pointer.clone(),
                        format!(
                            "path parameter \"{}\" of `{} {}` is not in the path template",
                            p.name(),
                            op.method.to_uppercase(),
                            op.path
                        ),
                    )
                    .help("Add `{name}` to the path, or change `in` to query or header.")
                    .at_key(),
                );
            } else if !p.required() {
                out.push(
                    Finding::at(
                        file,
                        p.pointer.clone(),
                        format!(
                            "path parameter \"{}\" must be `\"required\": true`",
                            p.name()
                        ),
                    )
                    .help("Set `\"required\": true`: a path parameter is always required.")
                    .at_key(),
                );
            }
        }
        for n in names {
            if !params
                .iter()
                .any(|p| p.location() == "path" && p.name() == n)
            {
                out.push(
                    Finding::at(file, op.pointer.clone(), format!("`{{{n}}}` in `{}` has no path parameter in `{}`", op.path, op.method.to_uppercase()))
                        .help("Declare a parameter with `\"in\": \"path\"`, `\"required\": true` and this name.")
                        .at_key(),
                );
            }
        }
    }
}
