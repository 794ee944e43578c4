//! `connector-swagger-size`: the swagger has 500,000 characters or more (the service's
//! "maximum allowed length of '500000'"; the documented limit is 1 MB).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::rules::Out;

/// The length the validation service refuses (#3567).
pub(crate) const MAX_CHARS: usize = 500_000;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(file) = ctx.connector.as_ref().and_then(|c| c.swagger.as_deref()) else {
        return;
    };
    let Some(Ok(bytes)) = ctx.package.read(file) else {
        return;
    };
    // A character is at least a byte: a smaller file cannot reach the limit.
    if bytes.len() < MAX_CHARS {
        return;
    }
    let text = String::from_utf8_lossy(bytes);
    let chars = text.chars().count();
    if chars >= MAX_CHARS {
        let over = if bytes.len() > 1_048_576 {
            " and more than 1 MB, the documented limit"
        } else {
            ""
        };
        out.push(
            Finding::at(
                file,
                "",
                format!("the swagger has {chars} characters{over}; the validation service refuses 500,000 or more"),
            )
            .help("Split the connector or trim the definition: remove unused definitions, long examples and descriptions of internal operations.")
            .whole_file(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};

    const ID: &str = "connector-swagger-size";

    #[test]
    fn flags_a_swagger_of_500000_characters() {
        let pkg = Pkg::from_fixture("fixtures/connectors/certified");
        let mut swagger = pkg.json("apiDefinition.swagger.json");
        swagger["info"]["x-padding"] = serde_json::Value::String("x".repeat(500_000));
        let big = pkg.set_json("apiDefinition.swagger.json", &swagger);
        assert_eq!(big.hits(ID), vec![at("apiDefinition.swagger.json", "")]);
    }

    #[test]
    fn accepts_the_clean_fixture() {
        assert!(Pkg::from_fixture("fixtures/connectors/certified")
            .hits(ID)
            .is_empty());
    }
}
