//! `agent-name-mismatch`: the declarative agent's `name` and each API plugin's `name_for_human`
//! must be the app's name (`name.short`, or `name.full`: the guideline says "the name in the app
//! manifest").

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::rules::helpers::copilot::util::{agents, plugins, real_text, worker_files};
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(m) = ctx.manifest() else { return };
    let Some(app) = m.str_at("/name/short").filter(|s| real_text(s)) else {
        return;
    };
    // Worker agents (and plugins only they use) are agents of their own, with their own names.
    let workers = worker_files(ctx);
    let full = m.str_at("/name/full").filter(|s| real_text(s));
    let mut names: Vec<(&str, &str, &str)> = Vec::new();
    for (file, a) in agents(ctx)
        .into_iter()
        .filter(|(f, _)| !workers.contains(*f))
    {
        if let Some(n) = a.get("name").and_then(Value::as_str) {
            names.push((file, "/name", n));
        }
    }
    for (file, p) in plugins(ctx)
        .into_iter()
        .filter(|(f, _)| !workers.contains(*f))
    {
        if let Some(n) = p.get("name_for_human").and_then(Value::as_str) {
            names.push((file, "/name_for_human", n));
        }
    }
    for (file, ptr, name) in names {
        if !real_text(name)
            || name.trim() == app.trim()
            || full.is_some_and(|f| name.trim() == f.trim())
        {
            continue;
        }
        let key = &ptr[1..];
        out.push(
                Finding::at(
                    file,
                    ptr,
                    format!("`{key}` in {file} is \"{name}\" but `name.short` in {MANIFEST} is \"{app}\"; the store requires the same name in both"),
                )
                .help(format!("Use \"{app}\" for `{key}` in {file} (or change `name.short` in {MANIFEST} and every agent and plugin name to one name)."))
                .label("differs from the app name"),
            );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{at, Pkg};
    use serde_json::json;

    const ID: &str = "agent-name-mismatch";
    const DA: &str = "fixtures/packages/declarative-agent";

    #[test]
    fn flags_each_differing_name() {
        let pkg = Pkg::from_fixture(DA)
            .patch("declarativeAgent.json", json!({"name": "Fernhill Trips"}))
            .patch("ai-plugin.json", json!({"name_for_human": "Fernhill API"}));
        assert_eq!(
            pkg.hits(ID),
            vec![
                at("ai-plugin.json", "/name_for_human"),
                at("declarativeAgent.json", "/name")
            ]
        );
    }

    #[test]
    fn accepts_equal_names() {
        assert!(Pkg::from_fixture(DA).hits(ID).is_empty());
        // The full name is a name in the app manifest too.
        let full = Pkg::from_fixture(DA)
            .patch(
                "manifest.json",
                json!({"name": {"full": "Fernhill Travel Desk"}}),
            )
            .patch(
                "declarativeAgent.json",
                json!({"name": "Fernhill Travel Desk"}),
            );
        assert!(full.hits(ID).is_empty());
    }
}
