//! `agent-worker-cycle`: declarative agents whose `worker_agents` lead back to an agent
//! already on the path.

use crate::finding::Finding;
use crate::model::{Ctx, MANIFEST};
use crate::references::{FileRef, RefKind};
use crate::rules::Out;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    // Edges: agent file → (worker file, the reference).
    let mut edges: BTreeMap<&str, Vec<(&str, &FileRef)>> = BTreeMap::new();
    for r in &ctx.refs {
        if r.kind != RefKind::DeclarativeAgent || r.from == MANIFEST {
            continue;
        }
        if let Some(t) = &r.target {
            edges
                .entry(r.from.as_str())
                .or_default()
                .push((t.as_str(), r));
        }
    }
    let roots: Vec<&str> = ctx
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::DeclarativeAgent && r.from == MANIFEST)
        .filter_map(|r| r.target.as_deref())
        .collect();
    let mut reported: BTreeSet<(String, String)> = BTreeSet::new();
    for root in roots {
        // Depth-first, iterative; the path holds the agents from the root.
        let mut path: Vec<&str> = vec![root];
        let mut stack: Vec<std::slice::Iter<'_, (&str, &FileRef)>> =
            vec![edges.get(root).map(|v| v.iter()).unwrap_or_default()];
        while let Some(top) = stack.last_mut() {
            let Some((next, r)) = top.next() else {
                stack.pop();
                path.pop();
                continue;
            };
            if let Some(pos) = path.iter().position(|p| p == next) {
                if reported.insert((r.from.clone(), r.pointer.clone())) {
                    let mut cycle: Vec<&str> = path[pos..].to_vec();
                    cycle.push(next);
                    out.push(
                        Finding::at(
                            r.from.clone(),
                            r.pointer.clone(),
                            format!("worker agents form a cycle: {}", cycle.join(" → ")),
                        )
                        .help("Remove the reference that closes the cycle; a worker agent does one task for the agent that calls it.")
                        .label("cycle"),
                    );
                }
                continue;
            }
            if path.len() > 64 {
                continue; // deeper than any real chain: stop following
            }
            path.push(next);
            stack.push(edges.get(next).map(|v| v.iter()).unwrap_or_default());
        }
    }
}
