//! `appcert lsp` driven as an editor drives it (initialize, didOpen, didChange, didSave,
//! didClose, shutdown) over lsp-server's in-memory connection: the published diagnostics,
//! their ranges (UTF-16 by default, UTF-8 when negotiated, on a line where they differ), half-typed
//! JSON, files of the package that are not open, clearing, debounce.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// The latest diagnostics published for each URI.
    diags: BTreeMap<String, Vec<Diagnostic>>,
    /// Every publication, in order (URI, number of diagnostics).
    log: Vec<(String, usize)>,
    init_result: serde_json::Value,
}

fn uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A fixture package copied into a temporary folder.
fn package(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_dir(
        &super::common::root().join("fixtures/packages").join(name),
        &dir,
    );
    (tmp, dir)
}

impl Client {
    fn start(init_options: serde_json::Value, encodings: Option<Vec<&str>>) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || appcert::lsp::serve(server));
        let mut c = Client {
            conn: client,
            server: Some(handle),
            next_id: 1,
            diags: BTreeMap::new(),
            log: Vec::new(),
            init_result: serde_json::Value::Null,
        };
        let mut caps = serde_json::json!({});
        if let Some(e) = encodings {
            caps = serde_json::json!({ "general": { "positionEncodings": e } });
        }
        c.init_result = c.request(
            "initialize",
            serde_json::json!({
                "processId": null,
                "rootUri": null,
                "capabilities": caps,
                "initializationOptions": init_options,
            }),
        );
        c.notify("initialized", serde_json::json!({}));
        c
    }

    fn notify(&self, method: &str, params: serde_json::Value) {
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                method.to_string(),
                params,
            )))
            .unwrap();
    }

    /// Sends a request and waits for its response, collecting the notifications before it.
    fn request(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.conn
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.to_string(),
                params,
            )))
            .unwrap();
        loop {
            let m = self
                .conn
                .receiver
                .recv_timeout(Duration::from_secs(30))
                .expect("the server answers");
            match m {
                Message::Response(r) if r.id == id => {
                    return r
                        .result
                        .unwrap_or_else(|| serde_json::json!({ "error": r.error.map(|e| e.code) }))
                }
                Message::Notification(n) => self.take(n),
                _ => {}
            }
        }
    }

    fn take(&mut self, n: Notification) {
        if n.method == "textDocument/publishDiagnostics" {
            let p: lsp_types::PublishDiagnosticsParams = serde_json::from_value(n.params).unwrap();
            self.log
                .push((p.uri.as_str().to_string(), p.diagnostics.len()));
            self.diags.insert(p.uri.as_str().to_string(), p.diagnostics);
        }
    }

    /// Waits until every message sent so far is handled (an unknown request answered in order).
    fn sync(&mut self) {
        let r = self.request("appcert/sync", serde_json::Value::Null);
        assert_eq!(r["error"], serde_json::json!(-32601), "{r}");
    }

    fn open(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            serde_json::json!({ "textDocument": {
                "uri": uri(path), "languageId": "json", "version": 1, "text": text } }),
        );
        self.sync();
    }

    fn change(&mut self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            serde_json::json!({
                "textDocument": { "uri": uri(path), "version": version },
                "contentChanges": [ { "text": text } ] }),
        );
        self.sync();
    }

    fn save(&mut self, path: &Path) {
        self.notify(
            "textDocument/didSave",
            serde_json::json!({ "textDocument": { "uri": uri(path) } }),
        );
        self.sync();
    }

    fn close(&mut self, path: &Path) {
        self.notify(
            "textDocument/didClose",
            serde_json::json!({ "textDocument": { "uri": uri(path) } }),
        );
        self.sync();
    }

    fn of(&self, path: &Path) -> &[Diagnostic] {
        self.diags.get(&uri(path)).map(Vec::as_slice).unwrap_or(&[])
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", serde_json::Value::Null);
        assert_eq!(r, serde_json::Value::Null);
        self.notify("exit", serde_json::Value::Null);
        let served = self.server.take().unwrap().join().unwrap();
        assert_eq!(served, Ok(()));
    }
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter()
        .filter(|d| d.severity == Some(DiagnosticSeverity::ERROR))
        .collect()
}

fn code(d: &Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(s)) => s,
        _ => "",
    }
}

/// The position of byte `offset` of `text`, counted in UTF-16 units or in bytes.
fn pos(text: &str, offset: usize, utf16: bool) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = &text[start..offset];
    let n = if utf16 {
        col.encode_utf16().count()
    } else {
        col.len()
    };
    Position::new(line, n as u32)
}

/// The manifest with a non-ASCII developer name and an http website on one line.
fn manifest_with_http_on_non_ascii_line(original: &str) -> String {
    let edited = original.replace(
        "\"name\": \"Quillstone Software\",\n    \"websiteUrl\": \"https://quillstone.app\",",
        "\"name\": \"Quillstoné Söftware 😀\", \"websiteUrl\": \"http://quillstone.app\",",
    );
    assert_ne!(edited, original, "the fixture changed: update the test");
    edited
}

#[test]
fn lsp_publishes_diagnostics_with_utf16_ranges_and_clears_them() {
    let (_tmp, dir) = package("tab-personal");
    let manifest = dir.join("manifest.json");
    let original = std::fs::read_to_string(&manifest).unwrap();
    let mut c = Client::start(serde_json::json!({ "debounceMs": 0 }), None);
    assert_eq!(c.init_result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(c.init_result["serverInfo"]["name"], "appcert");

    // Open: the clean fixture has no error; the manifest gets a (possibly empty) list.
    c.open(&manifest, &original);
    assert!(c.diags.contains_key(&uri(&manifest)), "{:?}", c.log);
    assert!(errors(c.of(&manifest)).is_empty(), "{:?}", c.of(&manifest));

    // Change (not saved): an http URL after non-ASCII text on the same line.
    let edited = manifest_with_http_on_non_ascii_line(&original);
    c.change(&manifest, 2, &edited);
    let at_url: Vec<&Diagnostic> = c
        .of(&manifest)
        .iter()
        .filter(|d| d.data.as_ref().unwrap()["pointer"] == "/developer/websiteUrl")
        .collect();
    assert!(!at_url.is_empty(), "{:#?}", c.of(&manifest));
    let value = edited.find("\"http://quillstone.app\"").unwrap();
    let utf16 = pos(&edited, value, true);
    let bytes = pos(&edited, value, false);
    assert_ne!(
        utf16.character, bytes.character,
        "the line must be non-ASCII"
    );
    for d in &at_url {
        assert_eq!(d.source.as_deref(), Some("appcert"));
        assert!(!code(d).is_empty());
        assert_eq!(d.range.start, utf16, "{d:#?}");
        assert_eq!(
            d.range.end,
            pos(&edited, value + "\"http://quillstone.app\"".len(), true)
        );
    }
    let http = at_url
        .iter()
        .find(|d| d.severity == Some(DiagnosticSeverity::ERROR));
    assert!(
        http.is_some(),
        "an http website URL is an error: {at_url:#?}"
    );
    assert!(http.unwrap().message.contains("\nhelp: "));

    // Half-typed JSON: a syntax diagnostic at the break, never a crash.
    let cut = edited.find("\"accentColor\"").unwrap();
    let half = format!("{}\"accentCo", &edited[..cut]);
    c.change(&manifest, 3, &half);
    let errs = errors(c.of(&manifest));
    assert!(!errs.is_empty(), "half-typed JSON gives a diagnostic");
    assert!(
        errs.iter()
            .any(|d| code(d).contains("json") || code(d).contains("syntax")),
        "{errs:#?}"
    );
    let end = pos(&half, half.len(), true);
    assert!(
        errs.iter().any(|d| d.range.start.line + 1 >= end.line),
        "the syntax error is at the end of the buffer: {errs:#?}"
    );

    // Fixed again: the errors are cleared.
    c.change(&manifest, 4, &original);
    assert!(errors(c.of(&manifest)).is_empty(), "{:?}", c.of(&manifest));

    // Saved broken on disk, buffer in sync: the same diagnostics come from the save.
    std::fs::write(&manifest, &edited).unwrap();
    c.change(&manifest, 5, &edited);
    c.save(&manifest);
    assert!(!errors(c.of(&manifest)).is_empty());

    // Closed: the package has no open file left, its diagnostics go.
    c.close(&manifest);
    assert!(c.of(&manifest).is_empty(), "{:?}", c.log);
    c.shutdown();
}

#[test]
fn lsp_checks_the_files_of_the_package_that_are_not_open() {
    let (_tmp, dir) = package("localized-tab");
    let manifest = dir.join("manifest.json");
    let german = dir.join("de-de.json");
    let good = std::fs::read_to_string(&german).unwrap();
    std::fs::write(&german, "{ \"name.short\": ").unwrap();
    let mut c = Client::start(serde_json::json!({ "debounceMs": 0 }), None);
    c.open(&manifest, &std::fs::read_to_string(&manifest).unwrap());
    assert!(
        !errors(c.of(&german)).is_empty(),
        "the broken localization file on disk gets diagnostics: {:?}",
        c.log
    );
    // Fixed on disk, the manifest saved: the localization file's diagnostics are cleared.
    std::fs::write(&german, good).unwrap();
    c.save(&manifest);
    assert!(c.of(&german).is_empty(), "{:?}", c.log);
    // An unsaved buffer wins over the file on disk.
    c.open(&german, "{ \"$schema\": ");
    assert!(!errors(c.of(&german)).is_empty());
    c.close(&german);
    assert!(errors(c.of(&german)).is_empty(), "{:?}", c.of(&german));
    c.shutdown();
}

#[test]
fn lsp_counts_columns_in_utf8_when_the_client_prefers_it() {
    let (_tmp, dir) = package("tab-personal");
    let manifest = dir.join("manifest.json");
    let edited = manifest_with_http_on_non_ascii_line(&std::fs::read_to_string(&manifest).unwrap());
    let mut c = Client::start(
        serde_json::json!({ "debounceMs": 0 }),
        Some(vec!["utf-8", "utf-16"]),
    );
    assert_eq!(c.init_result["capabilities"]["positionEncoding"], "utf-8");
    c.open(&manifest, &edited);
    let value = edited.find("\"http://quillstone.app\"").unwrap();
    let d = c
        .of(&manifest)
        .iter()
        .find(|d| d.data.as_ref().unwrap()["pointer"] == "/developer/websiteUrl")
        .expect("a finding at the website URL");
    assert_eq!(d.range.start, pos(&edited, value, false));
    c.shutdown();
}

#[test]
fn lsp_debounces_changes_and_applies_the_profile_and_deny_warnings() {
    let (_tmp, dir) = package("tab-personal");
    let manifest = dir.join("manifest.json");
    let original = std::fs::read_to_string(&manifest).unwrap();
    let mut c = Client::start(
        serde_json::json!({ "debounceMs": 300, "profile": "org", "denyWarnings": true }),
        None,
    );
    c.open(&manifest, &original);
    let published = c.log.len();
    c.change(&manifest, 2, "{");
    assert_eq!(
        c.log.len(),
        published,
        "a change is checked after the debounce"
    );
    std::thread::sleep(Duration::from_millis(600));
    c.sync();
    assert!(c.log.len() > published, "checked once the debounce elapsed");
    assert!(!errors(c.of(&manifest)).is_empty());
    c.shutdown();
}

#[test]
fn lsp_checks_a_connector_swagger() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("certified");
    copy_dir(
        &super::common::root().join("fixtures/connectors/certified"),
        &dir,
    );
    let swagger = dir.join("apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&swagger).unwrap();
    let mut c = Client::start(serde_json::json!({ "debounceMs": 0 }), None);
    c.open(&swagger, &text);
    assert!(errors(c.of(&swagger)).is_empty(), "{:?}", c.of(&swagger));
    // A half-typed swagger: a syntax diagnostic on the swagger itself.
    c.change(&swagger, 2, "{ \"swagger\": ");
    assert!(!errors(c.of(&swagger)).is_empty(), "{:?}", c.log);
    c.shutdown();
}

/// The byte offset of an LSP position counted in UTF-16 units.
fn offset(text: &str, p: Position) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(p.line as usize)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, ch) in text[start..].char_indices() {
        if units >= p.character as usize {
            return start + i;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// Applies a code action's edits of one file to its text (edits from the last to the first).
fn apply_action(text: &str, action: &serde_json::Value, file_uri: &str) -> String {
    let edits: Vec<lsp_types::TextEdit> =
        serde_json::from_value(action["edit"]["changes"][file_uri].clone()).unwrap();
    let mut out = text.to_string();
    let mut edits: Vec<(usize, usize, String)> = edits
        .into_iter()
        .map(|e| {
            (
                offset(text, e.range.start),
                offset(text, e.range.end),
                e.new_text,
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (s, e, t) in edits {
        out.replace_range(s..e, &t);
    }
    out
}

#[test]
fn lsp_offers_the_fixes_as_quick_fixes_on_the_open_buffer() {
    let (_tmp, dir) = package("tab-personal");
    let manifest = dir.join("manifest.json");
    let original = std::fs::read_to_string(&manifest).unwrap();
    let mut c = Client::start(serde_json::json!({ "debounceMs": 0 }), None);
    assert_eq!(
        c.init_result["capabilities"]["codeActionProvider"]["codeActionKinds"],
        serde_json::json!(["quickfix"])
    );
    // Unsaved: an http website after non-ASCII text (unsafe fix) and a two-part version (safe).
    let edited = manifest_with_http_on_non_ascii_line(&original).replacen(
        "\"version\": \"1.0.0\"",
        "\"version\": \"2.1\"",
        1,
    );
    assert!(
        edited.contains("\"2.1\""),
        "the fixture changed: update the test"
    );
    c.open(&manifest, &edited);
    let actions = c.request(
        "textDocument/codeAction",
        serde_json::json!({
            "textDocument": { "uri": uri(&manifest) },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 9999, "character": 0 } },
            "context": { "diagnostics": [] }
        }),
    );
    let actions = actions.as_array().expect("a list of actions");
    let by_rule = |rule: &str| {
        actions
            .iter()
            .find(|a| a["diagnostics"][0]["code"] == rule)
            .unwrap_or_else(|| panic!("no action for {rule}: {actions:#?}"))
    };
    let version = by_rule("manifest-version-not-semver");
    assert_eq!(version["kind"], "quickfix");
    assert_eq!(version["isPreferred"], true);
    assert_eq!(version["title"], "Write the version as `2.1.0`");
    assert_eq!(
        apply_action(&edited, version, &uri(&manifest)),
        edited.replacen("\"2.1\"", "\"2.1.0\"", 1)
    );
    let https = by_rule("developer-url-not-https");
    assert_eq!(https["isPreferred"], false);
    assert_eq!(https["title"], "Use `https://` (changes meaning)");
    // The edit's range is in UTF-16 units on a line with non-ASCII text before it.
    assert_eq!(
        apply_action(&edited, https, &uri(&manifest)),
        edited.replacen("\"http://quillstone.app\"", "\"https://quillstone.app\"", 1)
    );
    // A range that meets no fixable finding gets no action.
    let none = c.request(
        "textDocument/codeAction",
        serde_json::json!({
            "textDocument": { "uri": uri(&manifest) },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 1 } },
            "context": { "diagnostics": [] }
        }),
    );
    assert_eq!(none, serde_json::json!([]));
    c.shutdown();
}

#[test]
fn lsp_quick_fixes_follow_a_change_not_yet_checked() {
    let (_tmp, dir) = package("tab-personal");
    let manifest = dir.join("manifest.json");
    let original = std::fs::read_to_string(&manifest).unwrap();
    // A debounce no test waits for: the change below stays pending.
    let mut c = Client::start(serde_json::json!({ "debounceMs": 600000 }), None);
    c.open(&manifest, &original);
    let edited = original.replacen("\"version\": \"1.0.0\"", "\"version\": \"3.1\"", 1);
    assert_ne!(edited, original, "the fixture changed: update the test");
    c.change(&manifest, 2, &edited);
    let actions = c.request(
        "textDocument/codeAction",
        serde_json::json!({
            "textDocument": { "uri": uri(&manifest) },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 9999, "character": 0 } },
            "context": { "diagnostics": [] }
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, vec!["Write the version as `3.1.0`"]);
    c.shutdown();
}
