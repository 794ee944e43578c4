//! Package kinds. A kind says how it is recognised, which files it has and how they reference
//! each other, how its schemas are chosen and what app information the report shows; the
//! engine asks [`detect`] for the kind of a package, lets it load the package model, runs the
//! rules and renders the report. Adding a kind is a module here and an entry in [`KINDS`]; no
//! rule of another kind changes.

pub(crate) mod connector;
pub(crate) mod teams;

use crate::finding::Finding;
use crate::json::parse_doc;
use crate::model::Ctx;
use crate::options::Options;
use crate::package::{entry_error_finding, Package};
use crate::report::AppInfo;
use crate::schema;

/// One kind of package.
pub(crate) trait PackageKind: Sync {
    /// The kind's name in reports (`teams`, `connector`).
    fn name(&self) -> &'static str;
    /// Whether the package is of this kind.
    fn recognises(&self, package: &Package) -> bool;
    /// Finds and parses the kind's files into the model, validates each with its schema and
    /// resolves the references between them; problems become findings.
    fn load(&self, ctx: &mut Ctx<'_>, options: &Options, findings: &mut Vec<Finding>);
    /// What the report says of the app.
    fn app_info(&self, ctx: &Ctx<'_>) -> AppInfo;
}

/// Every kind, most specific first; the last one takes any package.
pub(crate) static KINDS: &[&dyn PackageKind] = &[&connector::ConnectorKind, &teams::Teams];

/// The kind of a package: the first that recognises it, else the Teams app kind (which
/// reports what is missing).
pub(crate) fn detect(package: &Package) -> &'static dyn PackageKind {
    KINDS
        .iter()
        .copied()
        .find(|k| k.recognises(package))
        .unwrap_or(&teams::Teams)
}

/// Reads and parses one JSON file of the package into the model (with the Agents Toolkit
/// environment applied to its values). Returns whether it is a JSON object.
pub(crate) fn read_json(
    ctx: &mut Ctx<'_>,
    file: &str,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> bool {
    let bytes = match ctx.package.read(file) {
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            // Zip entries that failed were already reported when the zip was opened.
            if !ctx.package.is_zip() {
                findings.push(entry_error_finding(file, &e));
            }
            return false;
        }
        None => return false,
    };
    let parsed = parse_doc(file, bytes, &options.limits);
    findings.extend(parsed.findings);
    if let Some(text) = parsed.unparsed_text {
        ctx.unparsed.insert(file.to_string(), text);
    }
    match parsed.doc {
        Some(mut doc) => {
            // Agents Toolkit templates: resolve `${{VAR}}` in the parsed values only. `doc.text`
            // stays the template, so spans (found by pointer) point at the template's text.
            if let Some(env) = &options.env {
                env.apply(&mut doc.value);
            }
            let ok = doc.value.is_object();
            ctx.docs.insert(file.to_string(), doc);
            ok
        }
        None => false,
    }
}

pub(crate) fn validate_doc(
    ctx: &Ctx<'_>,
    file: &str,
    schema_path: &str,
    label: &str,
    findings: &mut Vec<Finding>,
) {
    let Some(doc) = ctx.docs.get(file) else {
        return;
    };
    let result = if ctx.one_package {
        schema::validate_by_path_once(schema_path, &doc.value)
    } else {
        schema::validate_by_path(schema_path, &doc.value)
    };
    match result {
        Ok(errors) => {
            for e in &errors {
                findings.extend(schema::messages::to_findings(e, file, &doc.value, label));
            }
        }
        Err(e) => findings.push(
            Finding::new(
                "schema-unavailable",
                file,
                "",
                format!(
                    "`{file}` could not be checked: the bundled {label} failed to load ({})",
                    e.message
                ),
            )
            .help("This is a defect in appcert; please report it with the package."),
        ),
    }
}
