//! `copilot-text-hidden-characters`: invisible or control characters (zero-width, bidi
//! overrides, tags, private use, control codes) in text the model reads.

use crate::finding::{display_path, Finding};
use crate::model::Ctx;
use crate::rules::helpers::copilot::util::{hidden_chars, model_texts};
use crate::rules::Out;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for mt in model_texts(ctx) {
        let (file, ptr, text) = (mt.file, mt.pointer, mt.text);
        let found = hidden_chars(text);
        if found.is_empty() {
            continue;
        }
        out.push(
                Finding::at(file, ptr.clone(), format!("`{}` contains invisible characters: {}", display_path(&ptr), found.join(", ")))
                    .help("Delete the invisible characters (retype the text or paste it as plain text): hidden characters can carry instructions the user never sees.")
                    .label("hidden characters"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "copilot-text-hidden-characters";

    #[test]
    fn flags_zero_width_and_bidi() {
        let pkg = Pkg::from_fixture("fixtures/packages/declarative-agent").patch(
            "declarativeAgent.json",
            json!({"description": "Answers travel\u{200B} questions\u{202E}."}),
        );
        assert_eq!(
            pkg.hits(ID),
            vec![at("declarativeAgent.json", "/description")]
        );
    }

    #[test]
    fn accepts_plain_text() {
        assert!(Pkg::from_fixture("fixtures/packages/declarative-agent")
            .hits(ID)
            .is_empty());
        assert!(Pkg::from_fixture("fixtures/packages/me-bot-copilot")
            .hits(ID)
            .is_empty());
    }
}
