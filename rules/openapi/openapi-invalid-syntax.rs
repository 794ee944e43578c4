//! `openapi-invalid-syntax`: an OpenAPI description of the package that is not valid YAML or
//! JSON.

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::distinct_specs;
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for (_, parsed) in distinct_specs(ctx) {
        let Err(e) = parsed.as_ref() else {
            continue;
        };
        let at = match (e.line, e.column) {
            (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
            _ => String::new(),
        };
        let mut f = Finding::at(e.file.clone(), "", format!("the OpenAPI description {} cannot be parsed: {}{at}", e.file, e.message))
                .help("Fix the syntax at that position (YAML indentation, quotes, commas in JSON); validate the file with an OpenAPI editor before packaging.")
                .whole_file();
        f.line = e.line;
        f.column = e.column;
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Pkg;

    const ID: &str = "openapi-invalid-syntax";

    #[test]
    fn flags_broken_yaml_with_position() {
        let pkg = Pkg::from_fixture("fixtures/packages/declarative-agent").set(
            "apis/openapi.yaml",
            b"openapi: 3.0.3\npaths:\n  /a: [\n    get:\n".to_vec(),
        );
        let f = pkg.findings(ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].file, "apis/openapi.yaml");
        assert!(f[0].line.is_some());
    }

    #[test]
    fn flags_broken_json() {
        let pkg = Pkg::from_fixture("fixtures/packages/me-api-based").set(
            "apiSpecificationFile/openapi.json",
            b"{\"openapi\": \"3.0.3\",}".to_vec(),
        );
        assert_eq!(pkg.findings(ID).len(), 1);
    }

    #[test]
    fn accepts_fixtures() {
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/me-api-based")
            .hits(ID)
            .is_empty());
    }
}
