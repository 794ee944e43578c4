//! `agent-skill-front-matter`: the `SKILL.md` of each agent skill folder starts with a YAML
//! front matter block holding a non-empty `name` and `description` (the Agents Toolkit's check).

use crate::finding::Finding;
use crate::model::Ctx;
use crate::references::{has_placeholder, RefKind};
use crate::rules::Out;
use serde_json::Value;

/// The front matter block of a Markdown file: the text between a first line `---` and the
/// next line `---`, with the 1-based line where it starts.
fn front_matter(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\r\n")
        .or_else(|| text.strip_prefix("---\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return rest.get(..offset);
        }
        offset += line.len();
    }
    None
}

/// What is wrong with the front matter, if anything.
fn problem(text: &str) -> Option<String> {
    let Some(block) = front_matter(text) else {
        return Some("does not start with a YAML front matter block (`---` … `---`)".into());
    };
    if crate::yaml_guard::check_yaml_bounds(block, &crate::yaml_guard::YamlBounds::default())
        .is_err()
    {
        return Some("has a front matter too deeply nested to read".into());
    }
    let value: Value = match serde_yaml_ng::from_str(block) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            return Some(format!(
                "has a front matter that is not valid YAML ({reason})"
            ));
        }
    };
    let missing: Vec<&str> = ["name", "description"]
        .into_iter()
        .filter(|k| {
            value
                .get(*k)
                .and_then(Value::as_str)
                .is_none_or(|s| s.trim().is_empty())
        })
        .collect();
    match missing.as_slice() {
        [] => None,
        [one] => Some(format!("has no `{one}` in its front matter")),
        _ => Some("has neither `name` nor `description` in its front matter".into()),
    }
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    for r in ctx.refs.iter().filter(|r| r.kind == RefKind::SkillFolder) {
        let Some(folder) = &r.target else { continue };
        if has_placeholder(&r.raw) {
            continue;
        }
        let skill = format!("{}/SKILL.md", folder.trim_end_matches('/'));
        let Some(text) = ctx.unparsed.get(&skill) else {
            continue; // missing or unreadable: reference-missing-file or the reader said so
        };
        if let Some(why) = problem(text) {
            let mut f = Finding::at(skill.clone(), "", format!("`{skill}` {why}"))
                .help("Start SKILL.md with a front matter block: `---`, then `name: <skill-name>` and `description: <what the skill does and when to use it>`, then `---`.")
                .label("front matter");
            f.line = Some(1);
            f.column = Some(1);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn reads_front_matter() {
        assert!(problem("---\nname: a\ndescription: b\n---\n# A\n").is_none());
        assert!(problem("---\nname: a\n---\n").is_some_and(|p| p.contains("`description`")));
        assert!(problem("# A\n").is_some_and(|p| p.contains("does not start")));
        assert!(
            problem("---\nname: a\ndescription: b\n").is_some(),
            "unclosed"
        );
        assert!(problem("---\nname: [\n---\n").is_some_and(|p| p.contains("not valid YAML")));
    }
}
