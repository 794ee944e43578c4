//! Which files of the package a manifest (and the files it names) refer to, and where.

use crate::json::span::join;
use serde_json::Value;

/// What a referenced file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RefKind {
    Icon,
    Localization,
    DeclarativeAgent,
    Plugin,
    OpenApi,
    ResponseTemplate,
    /// A folder holding an agent skill's `SKILL.md` (manifest `agentSkills[].folder`).
    SkillFolder,
    /// An agentic user template (manifest `agenticUserTemplates[].file`).
    AgenticUserTemplate,
    /// MCP tool descriptions in the `tools/list` format (plugin `mcp_tool_description.file`,
    /// manifest `agentConnectors[]…mcpToolDescription.file`).
    McpToolDescription,
    /// A file a declarative agent uses as knowledge (`EmbeddedKnowledge` `files[].file`).
    KnowledgeFile,
    /// An Adaptive Card template file (plugin `response_semantics.static_template.file`).
    AdaptiveCard,
    /// An image shown by Teams (SharePoint preview, meeting scene, activity icon).
    Image,
    Other,
}

/// A reference from one JSON file of the package to another file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    /// The file holding the reference.
    pub from: String,
    /// JSON pointer of the reference in `from`.
    pub pointer: String,
    /// The value as written.
    pub raw: String,
    /// The package path it resolves to (relative to the package root), when it is a relative path.
    pub target: Option<String>,
    pub kind: RefKind,
}

/// Whether a string holds an unresolved template placeholder (`${{VAR}}`, `{{VAR}}`, `<<VAR>>`).
pub fn has_placeholder(s: &str) -> bool {
    (s.contains("{{") && s.contains("}}")) || (s.contains("<<") && s.contains(">>"))
}

/// Resolves `raw` relative to the folder of `from`. `None` for URLs, absolute paths and paths
/// that climb out of the package.
pub fn resolve(from: &str, raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.contains("://") || raw.starts_with('/') || raw.starts_with('\\') {
        return None;
    }
    let bytes = raw.as_bytes();
    if bytes.len() >= 2 && bytes[1] == b':' {
        return None;
    }
    let mut parts: Vec<&str> = match from.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    for seg in raw.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

fn push(out: &mut Vec<FileRef>, from: &str, pointer: String, value: Option<&Value>, kind: RefKind) {
    if let Some(raw) = value.and_then(Value::as_str) {
        out.push(FileRef {
            from: from.to_string(),
            target: resolve(from, raw),
            raw: raw.to_string(),
            pointer,
            kind,
        });
    }
}

fn each<'a>(v: &'a Value, pointer: &str) -> impl Iterator<Item = (String, &'a Value)> + 'a {
    let base = pointer.to_string();
    v.pointer(pointer)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .map(move |(i, item)| (format!("{base}/{i}"), item))
}

/// Files named by the manifest itself.
pub fn manifest_refs(manifest: &Value) -> Vec<FileRef> {
    let m = "manifest.json";
    let mut out = Vec::new();
    for key in ["color", "outline", "color32x32"] {
        let p = format!("/icons/{key}");
        push(&mut out, m, p.clone(), manifest.pointer(&p), RefKind::Icon);
    }
    push(
        &mut out,
        m,
        "/localizationInfo/defaultLanguageFile".into(),
        manifest.pointer("/localizationInfo/defaultLanguageFile"),
        RefKind::Localization,
    );
    for (p, item) in each(manifest, "/localizationInfo/additionalLanguages") {
        push(
            &mut out,
            m,
            join(&p, "file"),
            item.get("file"),
            RefKind::Localization,
        );
    }
    for (p, item) in each(manifest, "/copilotAgents/declarativeAgents") {
        push(
            &mut out,
            m,
            join(&p, "file"),
            item.get("file"),
            RefKind::DeclarativeAgent,
        );
    }
    for (p, item) in each(manifest, "/copilotExtensions/declarativeCopilots") {
        push(
            &mut out,
            m,
            join(&p, "file"),
            item.get("file"),
            RefKind::DeclarativeAgent,
        );
    }
    for (p, item) in each(manifest, "/copilotExtensions/plugins") {
        push(
            &mut out,
            m,
            join(&p, "file"),
            item.get("file"),
            RefKind::Plugin,
        );
    }
    for (p, item) in each(manifest, "/agentSkills") {
        push(
            &mut out,
            m,
            join(&p, "folder"),
            item.get("folder"),
            RefKind::SkillFolder,
        );
    }
    for (p, item) in each(manifest, "/agenticUserTemplates") {
        push(
            &mut out,
            m,
            join(&p, "file"),
            item.get("file"),
            RefKind::AgenticUserTemplate,
        );
    }
    for (p, item) in each(manifest, "/agentConnectors") {
        let inner = "/toolSource/remoteMcpServer/mcpToolDescription/file";
        push(
            &mut out,
            m,
            format!("{p}{inner}"),
            item.pointer(inner),
            RefKind::McpToolDescription,
        );
    }
    for (p, item) in each(manifest, "/configurableTabs") {
        push(
            &mut out,
            m,
            join(&p, "sharePointPreviewImage"),
            item.get("sharePointPreviewImage"),
            RefKind::Image,
        );
    }
    for (p, item) in each(manifest, "/meetingExtensionDefinition/scenes") {
        for key in ["file", "preview"] {
            push(&mut out, m, join(&p, key), item.get(key), RefKind::Image);
        }
    }
    for (p, item) in each(manifest, "/activities/activityIcons") {
        push(
            &mut out,
            m,
            join(&p, "iconFile"),
            item.get("iconFile"),
            RefKind::Image,
        );
    }
    for (p, item) in each(manifest, "/composeExtensions") {
        push(
            &mut out,
            m,
            join(&p, "apiSpecificationFile"),
            item.get("apiSpecificationFile"),
            RefKind::OpenApi,
        );
        for (cp, cmd) in each(item, "/commands") {
            let cp = format!("{p}{cp}");
            push(
                &mut out,
                m,
                join(&cp, "apiResponseRenderingTemplateFile"),
                cmd.get("apiResponseRenderingTemplateFile"),
                RefKind::ResponseTemplate,
            );
        }
    }
    out
}

/// Files named by a declarative agent file: plugins (`actions`), worker agents (declarative
/// agents themselves) and embedded knowledge files.
pub fn agent_refs(file: &str, agent: &Value) -> Vec<FileRef> {
    let mut out = Vec::new();
    for (p, item) in each(agent, "/actions") {
        push(
            &mut out,
            file,
            join(&p, "file"),
            item.get("file"),
            RefKind::Plugin,
        );
    }
    for (p, item) in each(agent, "/worker_agents") {
        push(
            &mut out,
            file,
            join(&p, "file"),
            item.get("file"),
            RefKind::DeclarativeAgent,
        );
    }
    for (p, cap) in each(agent, "/capabilities") {
        if cap.get("name").and_then(Value::as_str) != Some("EmbeddedKnowledge") {
            continue;
        }
        for (fp, f) in each(cap, "/files") {
            push(
                &mut out,
                file,
                format!("{p}{}", join(&fp, "file")),
                f.get("file"),
                RefKind::KnowledgeFile,
            );
        }
    }
    out
}

/// Files named by an API plugin file.
pub fn plugin_refs(file: &str, plugin: &Value) -> Vec<FileRef> {
    let mut out = Vec::new();
    for (p, rt) in each(plugin, "/runtimes") {
        let url = rt.pointer("/spec/url");
        if url
            .and_then(Value::as_str)
            .is_some_and(|u| !u.contains("://"))
        {
            push(
                &mut out,
                file,
                format!("{p}/spec/url"),
                url,
                RefKind::OpenApi,
            );
        }
        push(
            &mut out,
            file,
            format!("{p}/spec/mcp_tool_description/file"),
            rt.pointer("/spec/mcp_tool_description/file"),
            RefKind::McpToolDescription,
        );
    }
    for (p, f) in each(plugin, "/functions") {
        let inner = "/capabilities/response_semantics/static_template/file";
        push(
            &mut out,
            file,
            format!("{p}{inner}"),
            f.pointer(inner),
            RefKind::AdaptiveCard,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(
            resolve("manifest.json", "color.png").as_deref(),
            Some("color.png")
        );
        assert_eq!(
            resolve("manifest.json", "./a/b.json").as_deref(),
            Some("a/b.json")
        );
        assert_eq!(
            resolve("agents/da.json", "plugin.json").as_deref(),
            Some("agents/plugin.json")
        );
        assert_eq!(
            resolve("agents/da.json", "../p.json").as_deref(),
            Some("p.json")
        );
        assert_eq!(resolve("manifest.json", "../p.json"), None);
        assert_eq!(resolve("manifest.json", "/abs.json"), None);
        assert_eq!(resolve("manifest.json", "https://x.org/a.json"), None);
        assert_eq!(resolve("manifest.json", "C:\\x.json"), None);
    }

    #[test]
    fn recognises_placeholders() {
        assert!(has_placeholder("${{TEAMS_APP_ID}}"));
        assert!(has_placeholder("{{APP}}"));
        assert!(has_placeholder("<<BOT_ID>>"));
        assert!(!has_placeholder("plain"));
    }
}
