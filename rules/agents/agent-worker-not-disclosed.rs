//! `agent-worker-not-disclosed`: a declarative agent calls a worker agent that neither its
//! description nor the app's long description names.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::RefKind;
use crate::rules::Out;
use serde_json::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let full = ctx
        .manifest()
        .and_then(|m| m.str_at("/description/full"))
        .unwrap_or_default()
        .to_lowercase();
    for r in &ctx.refs {
        if r.kind != RefKind::DeclarativeAgent || r.from == MANIFEST {
            continue;
        }
        let Some(target) = &r.target else { continue };
        let Some(worker) = ctx.docs.get(target) else {
            continue;
        };
        let Some(name) = worker.str_at("/name").filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        let caller = ctx.docs.get(&r.from).map(|d| &d.value);
        let mentions = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .is_some_and(|s| s.to_lowercase().contains(&name.to_lowercase()))
        };
        let named = full.contains(&name.to_lowercase())
            || mentions(caller.and_then(|c| c.get("description")))
            || mentions(caller.and_then(|c| c.pointer("/disclaimer/text")));
        if !named {
            out.push(
                Finding::at(r.from.clone(), r.pointer.clone(), format!("the agent calls the worker agent \"{name}\", which neither its description nor the app's long description names"))
                    .help(format!("Say in the agent's description or in `description.full` that it works with {name}, and for what."))
                    .label("worker not named"),
            );
        }
    }
}
