//! The Power Platform connector kind: a folder (or zip, or file set) holding
//! `apiDefinition.swagger.json` (Swagger 2.0) and `apiProperties.json`, with `README.md`,
//! optionally `icon.png` (verified publishers), `script.csx` (custom code) and `settings.json`
//! (paconn). A misnamed swagger (`apiDefination.swagger.json`, any `*.swagger.json`) is loaded
//! and reported by `connector-file-missing`. Strict JSON; a UTF-8 byte-order mark is accepted,
//! as paconn reads the files as `utf-8-sig`.

use super::{read_json, validate_doc, PackageKind};
use crate::finding::Finding;
use crate::model::{Connector, Ctx, API_PROPERTIES, MANIFEST, SWAGGER};
use crate::options::Options;
use crate::package::Package;
use crate::report::AppInfo;
use crate::submission::{PublisherKind, INDEPENDENT_BRAND_COLOR};
use serde_json::Value;

/// The bundled (patched) schemas of the connector repository.
pub(crate) const SWAGGER_SCHEMA: &str = "connectors/apiDefinition.swagger.schema.json";
pub(crate) const PROPERTIES_SCHEMA: &str = "connectors/paconn-apiProperties.schema.json";
pub(crate) const SETTINGS_SCHEMA: &str = "connectors/paconn-settings.schema.json";

/// The Power Platform connector package kind.
pub(crate) struct ConnectorKind;

/// Root files of the package (connector files sit at the root of the folder).
fn root_names(package: &Package) -> impl Iterator<Item = &str> {
    package.names().filter(|n| !n.contains('/'))
}

/// A file that is meant as the swagger but misnamed: another case of the name, any
/// `*.swagger.json`, or `apiDef…json` (`apiDefination.swagger.json`, `apiDefinition.json`).
pub(crate) fn is_swagger_like(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.ends_with(".swagger.json") || (l.starts_with("apidef") && l.ends_with(".json"))
}

/// Whether a folder listing (file names at its root) looks like a connector: it holds
/// `apiDefinition.swagger.json`, `apiProperties.json` or a misnamed swagger, and no Teams
/// `manifest.json`.
pub fn is_connector_listing<'a>(mut names: impl Iterator<Item = &'a str>) -> bool {
    let mut found = false;
    for n in names.by_ref() {
        if n == MANIFEST {
            return false;
        }
        if n.eq_ignore_ascii_case(API_PROPERTIES) || is_swagger_like(n) {
            found = true;
        }
    }
    found
}

/// The publisher folders of the connector repository: a folder directly inside one is a
/// connector whatever it holds (the files missing are then reported).
pub const REPOSITORY_FOLDERS: &[&str] =
    &["certified-connectors", "independent-publisher-connectors"];

/// Whether a package path (`…/certified-connectors/Contoso`) is a connector folder of the
/// repository's layout.
pub fn in_repository_folder(path: &str) -> bool {
    let mut parts = path.trim_end_matches(['/', '\\']).rsplit(['/', '\\']);
    parts.next();
    parts
        .next()
        .is_some_and(|parent| REPOSITORY_FOLDERS.contains(&parent))
}

fn find_ci<'a>(package: &'a Package, name: &str) -> Option<&'a str> {
    if package.contains(name) {
        return root_names(package).find(|n| *n == name);
    }
    root_names(package).find(|n| n.eq_ignore_ascii_case(name))
}

impl PackageKind for ConnectorKind {
    fn name(&self) -> &'static str {
        "connector"
    }

    fn recognises(&self, package: &Package) -> bool {
        is_connector_listing(root_names(package))
            || (!package.contains(MANIFEST) && in_repository_folder(&package.input))
    }

    fn load(&self, ctx: &mut Ctx<'_>, options: &Options, findings: &mut Vec<Finding>) {
        let package = ctx.package;
        let swagger = find_ci(package, SWAGGER)
            .or_else(|| root_names(package).find(|n| is_swagger_like(n)))
            .map(str::to_string);
        let mut connector = Connector {
            swagger,
            properties: find_ci(package, API_PROPERTIES).map(str::to_string),
            readme: find_ci(package, "README.md").map(str::to_string),
            script: find_ci(package, "script.csx").map(str::to_string),
            icon: find_ci(package, "icon.png").map(str::to_string),
            settings: find_ci(package, "settings.json").map(str::to_string),
            publisher_kind: PublisherKind::Certified,
            publisher_kind_source: "default",
        };
        let json_files: Vec<(String, &str)> = [
            (connector.swagger.clone(), SWAGGER_SCHEMA),
            (connector.properties.clone(), PROPERTIES_SCHEMA),
            (connector.settings.clone(), SETTINGS_SCHEMA),
        ]
        .into_iter()
        .filter_map(|(f, s)| f.map(|f| (f, s)))
        .collect();
        for (file, schema_path) in &json_files {
            let mut parsed = Vec::new();
            let object = read_json(ctx, file, options, &mut parsed);
            // paconn reads the files as utf-8-sig: a byte-order mark is accepted.
            parsed.retain(|f| f.rule != "json-byte-order-mark");
            if !object && ctx.docs.contains_key(file.as_str()) {
                parsed.push(
                    Finding::new(
                        "json-not-object",
                        file.as_str(),
                        "",
                        format!("`{file}` must hold a JSON object"),
                    )
                    .help("The swagger, apiProperties.json and settings.json are JSON objects."),
                );
            }
            findings.extend(parsed);
            if object && crate::schema::files().iter().any(|(p, _)| p == schema_path) {
                validate_doc(ctx, file, schema_path, "connector schema", findings);
            }
        }
        // Text files rules point into (README sections, script namespaces).
        for file in [connector.readme.clone(), connector.script.clone()]
            .into_iter()
            .flatten()
        {
            if let Some(Ok(bytes)) = package.read(&file) {
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                // `from_utf8` first: it checks a valid text several times faster than the
                // lossy conversion walks it.
                let text = match std::str::from_utf8(bytes) {
                    Ok(text) => text.to_owned(),
                    Err(_) => String::from_utf8_lossy(bytes).into_owned(),
                };
                ctx.unparsed.insert(file.clone(), text);
            }
        }
        let brand = connector
            .properties
            .as_deref()
            .and_then(|f| ctx.docs.get(f))
            .and_then(|d| d.str_at("/properties/iconBrandColor"))
            .map(str::to_ascii_lowercase);
        let input = package.input.replace('\\', "/");
        (connector.publisher_kind, connector.publisher_kind_source) = match ctx
            .connector_settings
            .kind
        {
            Some(k) => (k, "configured"),
            None if input.contains("independent-publisher-connectors") => {
                (PublisherKind::Independent, "path")
            }
            None if input.contains("certified-connectors") => (PublisherKind::Certified, "path"),
            None if brand.as_deref() == Some(INDEPENDENT_BRAND_COLOR) => {
                (PublisherKind::Independent, "iconBrandColor")
            }
            None => (PublisherKind::Certified, "default"),
        };
        ctx.connector = Some(connector);
    }

    fn app_info(&self, ctx: &Ctx<'_>) -> AppInfo {
        let swagger = ctx.swagger().map(|(_, d)| &d.value);
        let props = ctx.api_properties().map(|(_, d)| &d.value);
        let s = |v: Option<&Value>, p: &str| {
            v.and_then(|v| v.pointer(p))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        AppInfo {
            id: None,
            name: s(swagger, "/info/title"),
            version: s(swagger, "/info/version"),
            manifest_version: None,
            host: s(swagger, "/host"),
            publisher: s(props, "/properties/publisher")
                .or_else(|| s(swagger, "/info/contact/name")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Pkg;
    use serde_json::{json, Value};

    const BASE: &str = "fixtures/connectors/certified";

    #[test]
    fn odd_shapes_end_in_findings_not_panics() {
        let odd = [
            json!(null),
            json!(1),
            json!("x"),
            json!([]),
            json!({}),
            json!([{"$ref": ""}]),
            json!({"$ref": "é"}),
        ];
        let pointers = [
            "/paths",
            "/paths/~1tasks",
            "/paths/~1tasks/get",
            "/paths/~1tasks/get/parameters",
            "/paths/~1tasks/get/parameters/0",
            "/paths/~1tasks/get/responses",
            "/paths/~1hooks/post/parameters/0/schema",
            "/definitions",
            "/definitions/Task",
            "/info",
            "/x-ms-connector-metadata",
            "/host",
        ];
        for p in pointers {
            for v in &odd {
                let pkg = Pkg::from_fixture(BASE).edit("apiDefinition.swagger.json", |s| {
                    if let Some(slot) = s.pointer_mut(p) {
                        *slot = v.clone();
                    }
                });
                let _ = pkg.check();
            }
        }
        for v in &odd {
            let pkg = Pkg::from_fixture(BASE).edit("apiProperties.json", |s| {
                s["properties"]["policyTemplateInstances"] = v.clone();
                s["properties"]["scriptOperations"] = v.clone();
                s["properties"]["connectionParameters"] = v.clone();
            });
            let _ = pkg.check();
            let whole = Pkg::from_fixture(BASE).set_json("apiDefinition.swagger.json", v);
            let _ = whole.check();
        }
    }

    #[test]
    fn a_connector_is_recognised_and_a_bom_accepted() {
        let pkg = Pkg::from_fixture(BASE);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(serde_json::to_vec(&pkg.json("apiProperties.json")).unwrap());
        let report = pkg.set("apiProperties.json", bytes).report();
        assert_eq!(report.kind, "connector");
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
        // With a manifest.json it is a Teams package.
        let teams = Pkg::from_fixture(BASE)
            .set_json("manifest.json", &Value::Object(Default::default()))
            .report();
        assert_eq!(teams.kind, "teams");
    }
}
