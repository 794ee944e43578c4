//! `me-parameter-duplicate`: two parameters of one message extension command share a `name`
//! (exactly) or a `title` (case-insensitive, trimmed).

use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{items, report_duplicates};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    for (mp, me) in items(&m.value, "/composeExtensions") {
        for (cp, c) in items(me, "/commands") {
            let parameters = items(c, "/parameters")
                .into_iter()
                .map(|(pp, p)| (format!("{mp}{cp}{pp}"), p));
            report_duplicates(
                out,
                parameters,
                "name",
                "parameter",
                "Give every parameter of a command its own name and a distinct title, or remove the duplicate.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "me-parameter-duplicate";

    #[test]
    fn flags_duplicate_names_and_titles_within_a_command() {
        let pkg =
            Pkg::from_fixture("fixtures/packages/me-bot-copilot").edit("manifest.json", |m| {
                let p = &mut m["composeExtensions"][0]["commands"][0]["parameters"];
                p[1]["name"] = json!("trackingNumber");
                p[2]["title"] = json!("tracking NUMBER");
            });
        assert_eq!(
            pkg.hits(ID),
            vec![
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/parameters/1/name"
                ),
                at(
                    "manifest.json",
                    "/composeExtensions/0/commands/0/parameters/2/title"
                ),
            ]
        );
        // The same parameter in two commands is fine.
        assert!(Pkg::from_fixture("fixtures/packages/me-bot-copilot")
            .hits(ID)
            .is_empty());
    }
}
