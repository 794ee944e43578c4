//! `connector-file-missing`: the connector lacks `apiDefinition.swagger.json`,
//! `apiProperties.json` or its README, or names one of them differently.

use crate::finding::Finding;
use crate::model::{Ctx, API_PROPERTIES, SWAGGER};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(c) = &ctx.connector else { return };
    match c.swagger.as_deref() {
        None => out.push(
            Finding::at("", "", format!("the connector has no `{SWAGGER}`"))
                .help("Add the Swagger 2.0 definition of the connector as apiDefinition.swagger.json, next to apiProperties.json."),
        ),
        Some(f) if f != SWAGGER => out.push(
            Finding::at(f, "", format!("the swagger is named `{f}` instead of `{SWAGGER}`"))
                .help("Rename the file to apiDefinition.swagger.json: the repository's validation and paconn look for that exact name, and a misnamed swagger is not checked at all.")
                .whole_file(),
        ),
        _ => {}
    }
    match c.properties.as_deref() {
        None => out.push(
            Finding::at("", "", format!("the connector has no `{API_PROPERTIES}`")).help(
                "Add apiProperties.json with at least `{\"properties\": {\"iconBrandColor\": …}}`.",
            ),
        ),
        Some(f) if f != API_PROPERTIES => out.push(
            Finding::at(f, "", format!("`{f}` must be named `{API_PROPERTIES}`"))
                .help("Rename the file to apiProperties.json (the name is case-sensitive).")
                .whole_file(),
        ),
        _ => {}
    }
    if c.readme.is_none() {
        out.push(
            Finding::at("", "", "the connector has no README.md")
                .help("Add a README.md from the repository's template: Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations."),
        );
    }
}
