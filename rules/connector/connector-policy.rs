//! `connector-policy`: a policy template instance names an unknown template, or its
//! `x-ms-apimTemplate-operationName` names an operation the swagger does not have.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::connector::{operation_ids, properties, swagger};
use crate::rules::Out;
use serde_json::Value;

/// The policy templates of the platform, lowercase (the ids are matched case-insensitively,
/// as merged connectors write `setheader` and `setHeader`): those of the repository's schema
/// and those merged connectors use that it lacks.
pub(crate) const TEMPLATES: &[&str] = &[
    "convertarraytoobject",
    "convertobjecttoarray",
    "dynamichosturl",
    "dynamicsubdomain",
    "encodepropertyvalue",
    "moveproperties",
    "pollingtrigger",
    "routerequesttoendpoint",
    "setconnectionstatustounauthenticated",
    "setheader",
    "setproperty",
    "setqueryparameter",
    "setvaluefromurl",
    "stringreplace",
    "stringtoarray",
    "updatenextlink",
];

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some((file, p)) = properties(ctx) else {
        return;
    };
    let Some(list) = p.get("policyTemplateInstances").and_then(Value::as_array) else {
        return;
    };
    let ids = swagger(ctx).map(|(_, s)| operation_ids(s));
    for (i, inst) in list.iter().enumerate() {
        let base = format!("/properties/policyTemplateInstances/{i}");
        match inst.get("templateId").and_then(Value::as_str) {
            Some(t) if TEMPLATES.contains(&t.to_ascii_lowercase().as_str()) => {}
            Some(t) => out.push(
                Finding::at(
                    file,
                    format!("{base}/templateId"),
                    format!("policy template \"{t}\" is not a known template"),
                )
                .help(format!(
                    "Use one of the platform's policy templates: {}.",
                    TEMPLATES.join(", ")
                ))
                .label("unknown template"),
            ),
            None => out.push(
                Finding::at(
                    file,
                    base.clone(),
                    "the policy template instance has no `templateId`",
                )
                .help("Name the template (`setheader`, `dynamichosturl`, …)."),
            ),
        }
        let Some(ids) = &ids else { continue };
        let names_ptr = format!("{base}/parameters/x-ms-apimTemplate-operationName");
        let names = inst.pointer("/parameters/x-ms-apimTemplate-operationName");
        for (j, n) in names
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(n) = n.as_str() {
                if !ids.contains(&n) {
                    out.push(
                        Finding::at(file, format!("{names_ptr}/{j}"), format!("the policy applies to operation \"{n}\", which the swagger does not have"))
                            .help("Name operationIds of apiDefinition.swagger.json (case-sensitive), or remove the name.")
                            .label("unknown operation"),
                    );
                }
            }
        }
    }
}
