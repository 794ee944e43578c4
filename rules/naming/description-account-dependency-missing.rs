//! `description-account-dependency-missing` (heuristic): the app requires an account or a
//! licence, but the long description does not say so or gives no way forward (a sign-up,
//! contact or help link, or an address). Only the manifest's own `description.full` (the
//! default language) is read: the wording checks are English.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::has_placeholder;
use crate::rules::helpers::copilot::util::{items, plugins};
use crate::rules::Out;
use serde_json::Value;

/// Why the app evidently requires an account or a licence, if it does.
fn requirement(ctx: &Ctx<'_>, m: &Value) -> Option<&'static str> {
    if m.get("subscriptionOffer").is_some() {
        return Some("it is linked to a SaaS offer (`subscriptionOffer`), so users need a licence");
    }
    let oauth_card = m
        .get("validDomains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(|d| d.trim().eq_ignore_ascii_case("token.botframework.com"));
    if oauth_card {
        return Some("`validDomains` lists token.botframework.com, so users sign in to a service");
    }
    for (_, me) in items(m, "/composeExtensions") {
        let auth = me
            .pointer("/authorization/authType")
            .and_then(Value::as_str)
            .unwrap_or("");
        if matches!(auth, "oAuth2.0" | "apiSecretServiceAuth") {
            return Some("its message extension signs in to an API (`authorization`)");
        }
    }
    for (_, p) in plugins(ctx) {
        for (_, r) in items(p, "/runtimes") {
            let auth = r
                .pointer("/auth/type")
                .and_then(Value::as_str)
                .unwrap_or("");
            if matches!(auth, "OAuthPluginVault" | "ApiKeyPluginVault") {
                return Some("its API plugin signs in to an API (`runtimes[].auth`)");
            }
        }
    }
    None
}

/// Whether the text gives a way forward: a link or an e-mail address.
pub fn way_forward(s: &str) -> bool {
    let lower = s.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    // An address: text@text.text
    s.split(|c: char| c.is_whitespace() || "()[]<>,;\"'".contains(c))
        .any(|w| {
            let w = w.trim_matches(|c: char| c == '.' || c == ':');
            let Some((user, host)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        })
}

/// Whether the text calls out an account, subscription or licence dependency.
pub fn calls_out(s: &str) -> bool {
    let lower = s.to_lowercase();
    [
        "account",
        "subscription",
        "licence",
        "license",
        "sign up",
        "sign-up",
        "signup",
        "register",
        "registration",
        "requires",
        "required",
        "prerequisite",
        "trial",
        "admin",
        "administrator",
        "install the",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(doc) = ctx.manifest() else { return };
    let Some(full) = doc.str_at("/description/full") else {
        return;
    };
    if full.trim().is_empty() || has_placeholder(full) {
        return;
    }
    let Some(why) = requirement(ctx, &doc.value) else {
        return;
    };
    let mut missing = Vec::new();
    if !calls_out(full) {
        missing.push("does not say that users need an account or a licence");
    }
    if !way_forward(full) {
        missing.push("gives no way forward (a sign-up, contact or help link, or an address)");
    }
    if missing.is_empty() {
        return;
    }
    out.push(
        Finding::at(
            MANIFEST,
            "/description/full",
            format!(
                "the app requires an account ({why}), but `description.full` {}",
                missing.join(" and ")
            ),
        )
        .help("Say in the long description what users need (an account, a subscription, an admin's setup) and how to get it, with a link or an address: \"A Contoso account is required. [Sign up](https://contoso.com/signup) or contact sales@contoso.com.\"")
        .label("account dependency"),
    );
}

#[cfg(test)]
mod tests {
    use super::{calls_out, way_forward};
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "description-account-dependency-missing";

    #[test]
    fn ways_forward_and_call_outs() {
        assert!(way_forward("Contact sales@contoso.com today."));
        assert!(way_forward("See [help](https://contoso.com/help)."));
        assert!(way_forward("Visit www.contoso.com"));
        assert!(!way_forward("Ask your admin @ the office."));
        assert!(calls_out("A Contoso account is required."));
        assert!(!calls_out("Plan shifts in Microsoft Teams."));
    }

    #[test]
    fn flags_a_signed_in_app_without_call_out_or_link() {
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({
                "validDomains": ["harborlightlabs.net", "token.botframework.com"],
                "description": {"full": "Harborlight Standup runs your daily check-in in Microsoft Teams without another meeting."}
            }),
        );
        let f = pkg.findings(ID);
        assert_eq!(pkg.hits(ID), vec![at("manifest.json", "/description/full")]);
        assert!(
            f[0].message.contains("token.botframework.com"),
            "{}",
            f[0].message
        );
        assert!(f[0].message.contains("no way forward"), "{}", f[0].message);
    }

    #[test]
    fn passes_without_a_requirement_or_with_a_call_out() {
        // The base package's description calls out the workspace and links to sign-up.
        let pkg = Pkg::base().patch(
            "manifest.json",
            json!({"validDomains": ["harborlightlabs.net", "token.botframework.com"]}),
        );
        assert!(pkg.hits(ID).is_empty());
        let plain = Pkg::base().patch(
            "manifest.json",
            json!({"description": {"full": "Harborlight Standup runs your daily check-in in Microsoft Teams."}}),
        );
        assert!(plain.hits(ID).is_empty());
    }
}
