//! `appcert lsp`: a language server over stdio. When a file of a package is opened, changed or
//! saved, the whole package is re-checked (the editor's unsaved buffers overlaid on the files
//! on disk, exactly the command line's checks on that folder) and diagnostics are published for
//! every file of the package, clearing the ones that are fixed. `textDocument/codeAction`
//! offers the findings' fixes as quick fixes (the edits of `--fix`).
//!
//! Initialization options (all optional):
//! `{"profile": "store"|"org", "denyWarnings": bool, "config": "path/to/appcert.toml",
//!   "env": "dev", "envFiles": ["path"], "debounceMs": 150}`.

use crate::config::{self, Config};
use crate::finding::{Finding, Severity};
use crate::rules::Profile;
use crate::{Options, PackageReport};
use lsp_server::{Connection, ErrorCode, Message, Notification, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, InitializeParams,
    InitializeResult, MessageType, NumberOrString, Position, PositionEncodingKind,
    PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::{Duration, Instant};

/// The debounce after a change when the client sets none.
pub const DEFAULT_DEBOUNCE_MS: u64 = 150;

/// How positions are counted on a line: the negotiated `positionEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, s: &str) -> u32 {
        let n = match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.encode_utf16().count(),
            Encoding::Utf32 => s.chars().count(),
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// The client's choice among the encodings it offers (in its order of preference); UTF-16,
/// which every client supports, otherwise.
fn negotiate(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    for e in offered.into_iter().flatten() {
        if *e == PositionEncodingKind::UTF8 {
            return Encoding::Utf8;
        }
        if *e == PositionEncodingKind::UTF16 {
            return Encoding::Utf16;
        }
        if *e == PositionEncodingKind::UTF32 {
            return Encoding::Utf32;
        }
    }
    Encoding::Utf16
}

/// The LSP position of byte `offset` in `text` (clamped to the text and to a character
/// boundary). Lines end at `\n` (a `\r` before it belongs to the line break).
pub fn position(text: &str, offset: usize, encoding: Encoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = &text[start..offset];
    // A position inside a `\r\n` is the end of the line.
    if let Some(c) = col.strip_suffix('\r') {
        if text[offset..].starts_with('\n') {
            col = c;
        }
    }
    Position::new(u32::try_from(line).unwrap_or(u32::MAX), encoding.units(col))
}

/// The position of a 1-based line and 1-based column counted in characters.
fn position_of_line_column(text: &str, line: usize, column: usize, enc: Encoding) -> Position {
    let line0 = line.saturating_sub(1);
    let line_text = text
        .split('\n')
        .nth(line0)
        .unwrap_or("")
        .trim_end_matches('\r');
    let prefix: String = line_text.chars().take(column.saturating_sub(1)).collect();
    Position::new(u32::try_from(line0).unwrap_or(u32::MAX), enc.units(&prefix))
}

/// The range of a finding in its file's text.
pub fn finding_range(f: &Finding, text: Option<&str>, enc: Encoding) -> Range {
    let zero = Range::new(Position::new(0, 0), Position::new(0, 0));
    let Some(text) = text else {
        return match (f.line, f.column) {
            (Some(l), c) => {
                let p = Position::new(
                    u32::try_from(l.saturating_sub(1)).unwrap_or(0),
                    u32::try_from(c.unwrap_or(1).saturating_sub(1)).unwrap_or(0),
                );
                Range::new(p, p)
            }
            _ => zero,
        };
    };
    if let Some(span) = &f.span {
        return Range::new(
            position(text, span.start, enc),
            position(text, span.end.max(span.start), enc),
        );
    }
    match (f.line, f.column) {
        (Some(l), c) => {
            let p = position_of_line_column(text, l, c.unwrap_or(1), enc);
            Range::new(p, p)
        }
        _ => zero,
    }
}

/// The diagnostic of one finding.
pub fn diagnostic(f: &Finding, text: Option<&str>, enc: Encoding) -> Diagnostic {
    let severity = match f.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let mut message = f.message.clone();
    if f.file.is_empty() {
        message = format!("(package) {message}");
    }
    if !f.help.is_empty() {
        message.push_str("\nhelp: ");
        message.push_str(&f.help);
    }
    Diagnostic {
        range: if f.file.is_empty() {
            Range::default()
        } else {
            finding_range(f, text, enc)
        },
        severity: Some(severity),
        code: Some(NumberOrString::String(f.rule.clone())),
        code_description: None,
        source: Some("appcert".to_string()),
        message,
        related_information: None,
        tags: None,
        data: Some(serde_json::json!({
            "rule": f.rule,
            "pointer": f.pointer,
            "help": f.help,
            "policies": f.policies,
        })),
    }
}

/// What the client asked for in `initializationOptions`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub profile: Option<Profile>,
    pub deny_warnings: bool,
    pub config: Option<PathBuf>,
    pub env: Option<String>,
    pub env_files: Vec<PathBuf>,
    pub debounce: Duration,
}

impl Settings {
    fn from_json(v: Option<&serde_json::Value>) -> (Settings, Vec<String>) {
        let mut s = Settings {
            debounce: Duration::from_millis(DEFAULT_DEBOUNCE_MS),
            ..Settings::default()
        };
        let mut problems = Vec::new();
        let Some(v) = v.filter(|v| v.is_object()) else {
            return (s, problems);
        };
        match v.get("profile").and_then(|p| p.as_str()) {
            Some("store") => s.profile = Some(Profile::Store),
            Some("org") => s.profile = Some(Profile::Org),
            Some(other) => problems.push(format!(
                "unknown profile `{other}` in the initialization options (store or org)"
            )),
            None => {}
        }
        s.deny_warnings = v
            .get("denyWarnings")
            .and_then(|d| d.as_bool())
            .unwrap_or(false);
        s.config = v
            .get("config")
            .and_then(|c| c.as_str())
            .filter(|c| !c.is_empty())
            .map(PathBuf::from);
        s.env = v
            .get("env")
            .and_then(|c| c.as_str())
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        s.env_files = v
            .get("envFiles")
            .and_then(|c| c.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str())
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(ms) = v.get("debounceMs").and_then(|d| d.as_u64()) {
            s.debounce = Duration::from_millis(ms);
        }
        (s, problems)
    }
}

/// The files that make a folder a package: a Teams app's manifest, a Power Platform
/// connector's swagger or API properties.
const ROOT_FILES: [&str; 3] = [
    "manifest.json",
    "apiDefinition.swagger.json",
    "apiProperties.json",
];

/// The file diagnostics about the whole package are shown on: the first root file present.
fn root_file(root: &Path) -> &'static str {
    ROOT_FILES
        .into_iter()
        .find(|f| root.join(f).is_file())
        .unwrap_or("manifest.json")
}

/// The package a file belongs to: the nearest folder at or above it that holds a
/// `manifest.json` or a connector's `apiDefinition.swagger.json` / `apiProperties.json` (or
/// the file is one of them), or, for a file of an Agents Toolkit project (its
/// `m365agents.yml`, its `env/` files), the project's app package folder.
pub fn package_of(path: &Path) -> Option<PathBuf> {
    for dir in path.ancestors().skip(1).take(12) {
        if ROOT_FILES
            .iter()
            .any(|f| dir.join(f).is_file() || path == dir.join(f))
        {
            return Some(dir.to_path_buf());
        }
        if crate::env::is_project_root(dir) {
            return crate::discover::toolkit_app_package(dir);
        }
    }
    None
}

fn path_of(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

fn uri_of(path: &Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    Uri::from_str(url.as_str()).ok()
}

/// The path of a file inside the package folder, with `/` separators.
fn package_name(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The server's state: open buffers, pending checks, what was published per package.
pub struct Server {
    settings: Settings,
    encoding: Encoding,
    /// Open documents: path → text.
    docs: HashMap<PathBuf, String>,
    /// Package folders waiting to be checked, with when.
    pending: HashMap<PathBuf, Instant>,
    /// Per package folder, the files that have diagnostics published.
    published: HashMap<PathBuf, BTreeSet<PathBuf>>,
    /// Per package folder, the report last published (the code actions' findings while no
    /// check is pending).
    reports: HashMap<PathBuf, PackageReport>,
    /// The connection to the client.
    out: Connection,
}

impl Server {
    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let n = Notification::new(N::METHOD.to_string(), params);
        let _ = self.out.sender.send(Message::Notification(n));
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message });
    }

    fn schedule(&mut self, root: PathBuf, at: Instant) {
        let when = self.pending.entry(root).or_insert(at);
        // A later change pushes the check back (debounce); an open or save brings it forward.
        *when = at;
    }

    fn schedule_path(&mut self, path: &Path, at: Instant) {
        if path.file_name().and_then(|n| n.to_str()) == Some(config::FILE_NAME) {
            // The configuration changed: every package seen so far is checked again.
            let roots: Vec<PathBuf> = self.published.keys().cloned().collect();
            for r in roots {
                self.schedule(r, at);
            }
            return;
        }
        if let Some(root) = package_of(path) {
            self.schedule(root, at);
        }
    }

    fn options_for(&self, root: &Path) -> Options {
        let config_path = self
            .settings
            .config
            .clone()
            .or_else(|| config::discover(root));
        let mut config = match &config_path {
            Some(p) => match config::load(p) {
                Ok(c) => c,
                Err(e) => {
                    self.show(
                        MessageType::ERROR,
                        format!("appcert: {e} (checking without it)"),
                    );
                    Config::default()
                }
            },
            None => Config::default(),
        };
        if self.settings.deny_warnings {
            config.deny_warnings = true;
        }
        let profile = self
            .settings
            .profile
            .or(config.profile)
            .unwrap_or(Profile::Store);
        let mut options = Options {
            profile,
            config,
            ..Options::default()
        };
        options.env_spec = crate::env::EnvSpec {
            name: self.settings.env.clone(),
            files: self.settings.env_files.clone(),
        };
        if options.env_spec.is_active() {
            match crate::env::Env::load(&options.env_spec, root) {
                Ok(env) => options.env = Some(std::sync::Arc::new(env)),
                Err(e) => self.show(
                    MessageType::WARNING,
                    format!("appcert: {e} (placeholders left unresolved)"),
                ),
            }
        }
        options
    }

    /// Checks one package folder with the open buffers overlaid.
    pub fn check(&self, root: &Path) -> PackageReport {
        let buffers: BTreeMap<String, Vec<u8>> = self
            .docs
            .iter()
            .filter_map(|(p, text)| Some((package_name(root, p)?, text.clone().into_bytes())))
            .collect();
        let options = self.options_for(root);
        let display = root.display().to_string();
        let report = crate::run_isolated(&display, || {
            crate::check_dir_with_buffers(&display, root, buffers, &options)
        });
        let mut run = crate::finish_run(vec![report], &options);
        run.packages.remove(0)
    }

    /// Checks a package and publishes its diagnostics: every file with findings, and an empty
    /// list for each file that had some and has none now, and for open files of the package.
    fn check_and_publish(&mut self, root: &Path) {
        let has_root = ROOT_FILES
            .iter()
            .any(|f| root.join(f).is_file() || self.docs.keys().any(|p| p == &root.join(f)));
        if !has_root {
            // The package is gone (its manifest deleted): clear what was published.
            self.reports.remove(root);
            for path in self.published.remove(root).unwrap_or_default() {
                self.publish(&path, Vec::new());
            }
            return;
        }
        let report = self.check(root);
        let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
        for f in report.findings.iter().filter(|f| f.counts()) {
            // Package-level findings are shown on the manifest (or the connector's swagger).
            let file = if f.file.is_empty() {
                root_file(root)
            } else {
                f.file.as_str()
            };
            let text = report.sources.get(&f.file).map(String::as_str);
            by_file
                .entry(root.join(file))
                .or_default()
                .push(diagnostic(f, text, self.encoding));
        }
        let before = self.published.remove(root).unwrap_or_default();
        let open: Vec<PathBuf> = self
            .docs
            .keys()
            .filter(|p| p.starts_with(root))
            .cloned()
            .collect();
        for p in before.iter().chain(open.iter()) {
            by_file.entry(p.clone()).or_default();
        }
        let mut now = BTreeSet::new();
        for (path, diags) in by_file {
            if !diags.is_empty() {
                now.insert(path.clone());
            }
            self.publish(&path, diags);
        }
        self.published.insert(root.to_path_buf(), now);
        self.reports.insert(root.to_path_buf(), report);
    }

    fn publish(&self, path: &Path, diagnostics: Vec<Diagnostic>) {
        let Some(uri) = uri_of(path) else { return };
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        });
    }

    /// When a package is closed in the editor (no open file left), its diagnostics go too.
    fn close_package_if_unused(&mut self, root: &Path) {
        if self.docs.keys().any(|p| p.starts_with(root)) {
            self.schedule(root.to_path_buf(), Instant::now());
            return;
        }
        self.pending.remove(root);
        self.reports.remove(root);
        for path in self.published.remove(root).unwrap_or_default() {
            self.publish(&path, Vec::new());
        }
    }

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.docs.insert(path.clone(), p.text_document.text);
                    self.schedule_path(&path, Instant::now());
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = path_of(&p.text_document.uri) else {
                    return;
                };
                // Full synchronisation: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.docs.insert(path.clone(), change.text);
                }
                let at = Instant::now() + self.settings.debounce;
                self.schedule_path(&path, at);
            }
            DidSaveTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = path_of(&p.text_document.uri) {
                    if let Some(text) = p.text {
                        self.docs.insert(path.clone(), text);
                    }
                    self.schedule_path(&path, Instant::now());
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.docs.remove(&path);
                    if let Some(root) = package_of(&path) {
                        self.close_package_if_unused(&root);
                    }
                }
            }
            _ => {}
        }
    }

    /// Runs the checks whose time has come.
    fn run_due(&mut self) {
        let now = Instant::now();
        let due: Vec<PathBuf> = self
            .pending
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(r, _)| r.clone())
            .collect();
        for root in due {
            self.pending.remove(&root);
            self.check_and_publish(&root);
        }
    }
}

impl Server {
    /// `textDocument/codeAction`: a quick fix for each finding of the document with a fix whose
    /// range meets the requested one (the package checked with the open buffers, as published).
    /// Unsafe fixes are offered too, not preferred: the user picks each one.
    // `WorkspaceEdit::changes` is keyed by `Uri` (lsp-types' type), which clippy deems mutable.
    #[allow(clippy::mutable_key_type)]
    pub fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(path) = path_of(&params.text_document.uri) else {
            return Vec::new();
        };
        let Some(root) = package_of(&path) else {
            return Vec::new();
        };
        let Some(name) = package_name(&root, &path) else {
            return Vec::new();
        };
        // The published report when it is current, else a check of the buffers as they are.
        let fresh;
        let report = match self.reports.get(&root) {
            Some(r) if !self.pending.contains_key(&root) => r,
            _ => {
                fresh = self.check(&root);
                &fresh
            }
        };
        let wanted = params.range;
        let meets = |r: &Range| {
            (r.start.line, r.start.character) <= (wanted.end.line, wanted.end.character)
                && (wanted.start.line, wanted.start.character) <= (r.end.line, r.end.character)
        };
        let mut actions = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.counts() && f.file == name)
        {
            let Some(fix) = &f.fix else { continue };
            let diag = diagnostic(
                f,
                report.sources.get(&f.file).map(String::as_str),
                self.encoding,
            );
            if !meets(&diag.range) {
                continue;
            }
            let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
            let mut complete = true;
            for e in &fix.edits {
                let file = root.join(&e.file);
                let (Some(uri), Some(text)) = (uri_of(&file), self.text_of(&file)) else {
                    complete = false;
                    break;
                };
                let range = Range::new(
                    position(&text, e.range.start, self.encoding),
                    position(&text, e.range.end, self.encoding),
                );
                changes.entry(uri).or_default().push(TextEdit {
                    range,
                    new_text: e.replacement.clone(),
                });
            }
            if !complete {
                continue;
            }
            let safe = fix.applicability == crate::finding::Applicability::Safe;
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    fix.title.clone()
                } else {
                    format!("{} (changes meaning)", fix.title)
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
        actions
    }

    /// The text of a file as the checks saw it: the open buffer, else the file on disk.
    fn text_of(&self, path: &Path) -> Option<String> {
        if let Some(t) = self.docs.get(path) {
            return Some(t.clone());
        }
        let bytes = std::fs::read(path).ok()?;
        String::from_utf8(bytes).ok()
    }
}

/// The capabilities announced to the client.
fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(enc.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Serves one client over `connection` until it shuts down or disconnects.
pub fn serve(connection: Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = negotiate(&params);
    let (settings, problems) = Settings::from_json(params.initialization_options.as_ref());
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "appcert".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    connection
        .initialize_finish(id, serde_json::to_value(result).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        settings,
        encoding,
        docs: HashMap::new(),
        pending: HashMap::new(),
        published: HashMap::new(),
        reports: HashMap::new(),
        out: connection,
    };
    for p in problems {
        server.show(MessageType::WARNING, format!("appcert: {p}"));
    }
    loop {
        let wait = server
            .pending
            .values()
            .min()
            .map(|t| t.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(3600));
        let message = match server.out.receiver.recv_timeout(wait) {
            Ok(m) => Some(m),
            Err(e) if e.is_timeout() => None,
            Err(_) => return Ok(()),
        };
        match message {
            Some(Message::Request(req)) => {
                if server
                    .out
                    .handle_shutdown(&req)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                if req.method == lsp_types::request::CodeActionRequest::METHOD {
                    let response = match serde_json::from_value::<CodeActionParams>(req.params) {
                        Ok(p) => Response::new_ok(req.id, server.code_actions(&p)),
                        Err(e) => Response::new_err(
                            req.id,
                            ErrorCode::InvalidParams as i32,
                            format!("invalid codeAction parameters: {e}"),
                        ),
                    };
                    let _ = server.out.sender.send(Message::Response(response));
                    server.run_due();
                    continue;
                }
                let _ = server.out.sender.send(Message::Response(Response::new_err(
                    req.id,
                    ErrorCode::MethodNotFound as i32,
                    format!("appcert does not handle `{}`", req.method),
                )));
            }
            Some(Message::Notification(n)) => {
                if n.method == lsp_types::notification::Exit::METHOD {
                    return Ok(());
                }
                server.on_notification(n);
            }
            Some(Message::Response(_)) | None => {}
        }
        server.run_due();
    }
}

/// `appcert lsp`: serves over standard input and output.
pub fn run_stdio() -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(connection);
    let joined = io_threads.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("appcert lsp: {e}");
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            eprintln!("appcert lsp: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_on_non_ascii_lines() {
        let text = "{\n  \"name\": \"Café 😀\", \"x\": 1\n}";
        let off = text.find("\"x\"").unwrap();
        assert_eq!(position(text, off, Encoding::Utf16), Position::new(1, 21));
        assert_eq!(position(text, off, Encoding::Utf8), Position::new(1, 24));
        assert_eq!(position(text, off, Encoding::Utf32), Position::new(1, 20));
        // Past the end and inside a character: clamped.
        assert_eq!(position("é", 1, Encoding::Utf16), Position::new(0, 0));
        assert_eq!(position("a\r\nb", 1, Encoding::Utf16), Position::new(0, 1));
        assert_eq!(position("a\r\nb", 3, Encoding::Utf16), Position::new(1, 0));
    }
}
