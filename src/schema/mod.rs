//! The bundled official schemas: lookup by manifest version or `$schema` URL, lazy compilation
//! (at most once per process, shared across threads) and validation into owned errors.

mod connector_quirks;
pub mod messages;
pub mod quirks;
pub mod text_quirks;

use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Every bundled schema file: (path relative to `schemas/json-schemas/`, text).
pub fn files() -> &'static [(&'static str, &'static str)] {
    embedded::SCHEMA_FILES
}

fn file_text(schema_path: &str) -> Option<&'static str> {
    files()
        .iter()
        .find(|(p, _)| *p == schema_path)
        .map(|(_, t)| *t)
}

pub fn exists(schema_path: &str) -> bool {
    file_text(schema_path).is_some()
}

/// A schema that could not be loaded or compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaLoadError {
    pub schema_path: String,
    pub message: String,
}

impl std::fmt::Display for SchemaLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "schema {}: {}", self.schema_path, self.message)
    }
}

/// One schema violation, owned and renderer-independent.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaError {
    /// JSON pointer into the instance.
    pub pointer: String,
    /// The JSON Schema keyword that failed (`required`, `maxLength`, …).
    pub keyword: String,
    pub detail: Detail,
    /// Keyword location in the schema, for debugging.
    pub schema_path: String,
}

/// What exactly failed, with the keyword's parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Required {
        property: String,
    },
    AdditionalProperties {
        unexpected: Vec<String>,
    },
    Type {
        expected: String,
    },
    Enum {
        options: Vec<Value>,
    },
    Const {
        expected: Value,
    },
    Pattern {
        pattern: String,
    },
    Format {
        format: String,
    },
    MaxLength {
        limit: u64,
    },
    MinLength {
        limit: u64,
    },
    MaxItems {
        limit: u64,
    },
    MinItems {
        limit: u64,
    },
    MaxProperties {
        limit: u64,
    },
    MinProperties {
        limit: u64,
    },
    Maximum {
        limit: Value,
    },
    Minimum {
        limit: Value,
    },
    UniqueItems,
    /// No branch of an anyOf/oneOf matched; `branches` is the number of alternatives.
    NoBranch {
        branches: usize,
    },
    /// More than one oneOf branch matched.
    SeveralBranches,
    Not,
    Other {
        message: String,
    },
}

type Compiled = Result<Arc<jsonschema::Validator>, SchemaLoadError>;

/// One lazily compiled validator per bundled schema path.
type Cache = Mutex<HashMap<&'static str, Arc<OnceLock<Compiled>>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// A bundled schema: its path as embedded and its patched text (`build.rs`).
fn bundled(schema_path: &str) -> Result<(&'static str, &'static str), SchemaLoadError> {
    files()
        .iter()
        .find(|(p, _)| *p == schema_path)
        .copied()
        .ok_or_else(|| SchemaLoadError {
            schema_path: schema_path.to_string(),
            message: "no such bundled schema".into(),
        })
}

/// A mutex's guard, also after a panic elsewhere poisoned it (the maps stay consistent).
fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Every error of `instance` against `validator`, converted.
fn errors_of(validator: &jsonschema::Validator, instance: &Value) -> Vec<SchemaError> {
    let mut out = Vec::new();
    for error in validator.iter_errors(instance) {
        convert(&error, &mut out);
    }
    out
}

/// The compiled validator for a bundled schema, compiled on first use only.
pub fn validator(schema_path: &str) -> Compiled {
    let (key, text) = bundled(schema_path)?;
    let cell = locked(cache()).entry(key).or_default().clone();
    cell.get_or_init(|| compile(key, text)).clone()
}

/// The whole validator of a schema if a run already compiled it.
fn compiled(schema_path: &str) -> Option<Compiled> {
    locked(cache())
        .get(schema_path)
        .and_then(|cell| cell.get().cloned())
}

/// Validates `instance` with a validator compiled for it alone, when the run checks one
/// package: the root `properties` the instance does not have are compiled as `true` (a
/// `properties` subschema applies only to a member that is there, and `additionalProperties`
/// reads only the names, which stay), so the definitions only they reference are never
/// compiled. The errors are the same as with the whole schema. The pruned validator is kept
/// for further documents with the same members only.
pub fn validate_by_path_once(
    schema_path: &str,
    instance: &Value,
) -> Result<Vec<SchemaError>, SchemaLoadError> {
    // A second document for the same schema with other members (localization files) takes
    // the whole validator, compiled once: at most one pruned and one whole compile per schema.
    type Pruned = Mutex<HashMap<String, (String, Compiled)>>;
    static PRUNED: OnceLock<Pruned> = OnceLock::new();
    let members = match instance.as_object() {
        Some(o) => o
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\u{0}"),
        None => String::new(),
    };
    let validator = match compiled(schema_path) {
        Some(whole) => whole?,
        None => {
            let mut map = locked(PRUNED.get_or_init(Default::default));
            match map.get(schema_path) {
                Some((seen, v)) if *seen == members => v.clone()?,
                Some(_) => {
                    drop(map);
                    validator(schema_path)?
                }
                None => {
                    let v = compile_pruned(schema_path, instance);
                    map.insert(schema_path.to_string(), (members, v.clone()));
                    v?
                }
            }
        }
    };
    Ok(errors_of(&validator, instance))
}

/// The validator of a bundled schema compiled for `instance` alone (never cached).
fn compile_pruned(schema_path: &str, instance: &Value) -> Compiled {
    let (key, text) = bundled(schema_path)?;
    compile_with(key, text, Some(instance))
}

/// Validates `instance` with a validator compiled for it alone, always (no cache): what
/// `validate_by_path_once` does for the first document of a schema. For the tests that
/// compare it with the whole schema.
#[doc(hidden)]
pub fn validate_pruned(
    schema_path: &str,
    instance: &Value,
) -> Result<Vec<SchemaError>, SchemaLoadError> {
    let validator = compile_pruned(schema_path, instance)?;
    Ok(errors_of(&validator, instance))
}

/// The root property names that `$ref`s of the (minified, build-time) schema text point into
/// (`"$ref":"#/properties/composeExtensions/…"`), found in the text: the byte sequence can
/// only be a `$ref` member (quotes inside JSON strings are escaped). `None` when a name holds
/// a JSON escape (then nothing is pruned).
fn referenced_properties(text: &str) -> Option<Vec<String>> {
    const NEEDLE: &str = "\"$ref\":\"#/properties/";
    let mut names = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), NEEDLE) {
        let rest = text.get(at + NEEDLE.len()..)?;
        let end = rest.find(['/', '"'])?;
        let name = rest.get(..end)?;
        if name.contains('\\') {
            return None;
        }
        names.push(name.replace("~1", "/").replace("~0", "~"));
    }
    Some(names)
}

/// The literal text every match of `pattern` starts with, when the pattern is anchored
/// (`^staticTabs\[([0-9]|1[0-5])\]\.name$` gives `staticTabs[`); `None` when that is not
/// certain (no `^`, an alternation outside a group, a flag group, …).
fn literal_prefix(pattern: &str) -> Option<String> {
    let body = pattern.strip_prefix('^')?;
    // An alternation at the top level (`^a|b`) would let a match start anywhere else.
    let (mut depth, mut class, mut escaped) = (0usize, false, false);
    for c in body.chars() {
        match (escaped, class, c) {
            (true, _, _) => escaped = false,
            (false, _, '\\') => escaped = true,
            (false, true, ']') => class = false,
            (false, true, _) => {}
            (false, false, '[') => class = true,
            (false, false, '(') => depth += 1,
            (false, false, ')') => depth = depth.checked_sub(1)?,
            (false, false, '|') if depth == 0 => return None,
            _ => {}
        }
    }
    let mut prefix = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let literal = match c {
            // An escaped punctuation character is itself; `\d`, `\b`, … end the prefix.
            '\\' => match chars.next() {
                Some(e) if e.is_ascii_punctuation() => e,
                _ => break,
            },
            '.' | '[' | '(' | ')' | '*' | '+' | '?' | '{' | '}' | '|' | '$' | '^' => break,
            c => c,
        };
        // A literal a quantifier may repeat zero times is not certain.
        if matches!(chars.peek(), Some('*' | '?' | '{')) {
            break;
        }
        prefix.push(literal);
    }
    Some(prefix)
}

/// What a one-package run may leave out of a schema's root, for the members of the one
/// document it validates.
struct Pruning<'a> {
    /// The document's members.
    present: &'a serde_json::Map<String, Value>,
    /// The root properties `$ref`s point into: kept whatever the document has.
    referenced: Vec<String>,
}

impl<'a> Pruning<'a> {
    /// The pruning of schema `text` for a document with these members; `None` when the
    /// schema's `$ref`s into its properties cannot be read (then nothing is pruned).
    fn new(present: &'a serde_json::Map<String, Value>, text: &str) -> Option<Self> {
        Some(Pruning {
            present,
            referenced: referenced_properties(text)?,
        })
    }

    /// A root `properties` member to build (the others are read past and become `true`).
    fn keeps_property(&self, name: &str) -> bool {
        self.present.contains_key(name) || self.referenced.iter().any(|r| r == name)
    }

    /// A root `patternProperties` pattern to keep: one that may match a member. A pattern no
    /// member matches changes nothing for this document, `additionalProperties` included
    /// (which asks only about the document's members), so it is left out, never compiled.
    fn keeps_pattern(&self, pattern: &str) -> bool {
        literal_prefix(pattern)
            .is_none_or(|prefix| self.present.keys().any(|k| k.starts_with(&prefix)))
    }
}

/// Parses a schema text, leaving out of the root what `pruning` says this instance cannot
/// reach: `properties` members read past (never built) become `true`; `patternProperties`
/// patterns no member can match are dropped.
fn parse_pruned(text: &str, pruning: &Pruning<'_>) -> serde_json::Result<Value> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
    use serde_json::Map;

    /// Which object is being parsed.
    #[derive(Clone, Copy)]
    enum Level {
        Root,
        Properties,
        Patterns,
    }
    struct Object<'p, 'a> {
        pruning: &'p Pruning<'a>,
        level: Level,
    }
    impl<'de> DeserializeSeed<'de> for Object<'_, '_> {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Object<'_, '_> {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON Schema object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let nested = |level| Object {
                    pruning: self.pruning,
                    level,
                };
                let value = match (self.level, key.as_str()) {
                    (Level::Root, "properties") => {
                        map.next_value_seed(nested(Level::Properties))?
                    }
                    (Level::Root, "patternProperties") => {
                        map.next_value_seed(nested(Level::Patterns))?
                    }
                    (Level::Properties, name) if !self.pruning.keeps_property(name) => {
                        map.next_value::<IgnoredAny>()?;
                        Value::Bool(true)
                    }
                    (Level::Patterns, pattern) if !self.pruning.keeps_pattern(pattern) => {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                    _ => map.next_value()?,
                };
                out.insert(key, value);
            }
            Ok(Value::Object(out))
        }
    }

    crate::json::tight::with_seed(
        text,
        Object {
            pruning,
            level: Level::Root,
        },
    )
}

fn compile(schema_path: &str, text: &str) -> Compiled {
    compile_with(schema_path, text, None)
}

/// Compiles a bundled schema, or, given the one instance it is for, the schema pruned for it:
/// the root `properties` the instance does not have are `true` (never parsed), except those a
/// `$ref` points into (`#/properties/composeExtensions/…`); the definitions only they
/// referenced are then not compiled.
///
/// The embedded text is already patched (`text_quirks::patch_schema_text` and
/// `quirks::patch_schema`, applied by `build.rs`), so pruning now comes after the patches
/// where it used to come before them; the result is the same. The patches are local to the
/// subschema they rewrite (a pruned root property is `true` whether it was patched or not),
/// none renames or removes a root property, and the `$ref`s into `#/properties` that keep a
/// property from being pruned are all still there: `apply_ref_siblings` moves a `$ref` into
/// an `allOf` with the same string, where `referenced_properties` finds it, and
/// `runtime_spec_by_type` edits `/$defs/runtime` only. The one root property a patch adds (the connector swagger's
/// `x-ms-openai-manifest`) is pruned to `true` when the instance lacks it, where it used to
/// be added after the pruning: for a member that is not there, the same verdict.
fn compile_with(schema_path: &str, text: &str, for_instance: Option<&Value>) -> Compiled {
    let err = |message: String| SchemaLoadError {
        schema_path: schema_path.to_string(),
        message,
    };
    let pruning = for_instance
        .and_then(Value::as_object)
        .and_then(|present| Pruning::new(present, text));
    let parsed = match &pruning {
        Some(pruning) => parse_pruned(text, pruning),
        None => serde_json::from_str(text),
    };
    let mut schema: Value = parsed.map_err(|e| err(e.to_string()))?;
    let draft = match schema.get("$schema").and_then(Value::as_str) {
        Some(s) if s.contains("2020-12") => jsonschema::Draft::Draft202012,
        // ajv-draft-04, which the toolkit uses, is draft-04 core plus the draft-07 keywords
        // (`const`, `contains`, `propertyNames`, `if`/`then`): Draft 7 reproduces it exactly
        // for these schemas (none uses a draft-04-only construct).
        _ => jsonschema::Draft::Draft7,
    };
    let one_off = for_instance.is_some();
    // The draft is chosen above, as the toolkit chooses its ajv class: `$schema` goes, so the
    // validator does not auto-detect another draft (draft-06 schemas are compiled by
    // ajv-draft-04 in the toolkit).
    if let Some(obj) = schema.as_object_mut() {
        obj.remove("$schema");
    }
    let compiled = jsonschema::options()
        .with_draft(draft)
        .should_validate_formats(true)
        .with_format("uri", quirks::is_ajv_uri)
        .with_format("email", quirks::is_ajv_email)
        .build(&schema)
        .map(Arc::new)
        .map_err(|e| err(e.to_string()));
    if one_off {
        // A one-package run ends soon after: freeing the schema tree (tens of thousands of
        // nodes, ~13 % of such a run) buys nothing. Whole validators are built once per
        // schema and free theirs.
        std::mem::forget(schema);
    }
    compiled
}

/// Validates `instance` against the bundled schema at `schema_path` (relative to
/// `schemas/json-schemas/`). An empty list means valid.
pub fn validate_by_path(
    schema_path: &str,
    instance: &Value,
) -> Result<Vec<SchemaError>, SchemaLoadError> {
    let validator = validator(schema_path)?;
    Ok(errors_of(&validator, instance))
}

/// Whether `instance` is valid against the bundled schema (fast path, no error collection).
pub fn is_valid_by_path(schema_path: &str, instance: &Value) -> Result<bool, SchemaLoadError> {
    Ok(validator(schema_path)?.is_valid(instance))
}

fn convert(error: &jsonschema::ValidationError<'_>, out: &mut Vec<SchemaError>) {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = error.instance_path().as_str().to_string();
    let keyword = error.kind().keyword().to_string();
    let schema_path = error.schema_path().as_str().to_string();
    let detail = match error.kind() {
        K::Required { property } => Detail::Required {
            property: property
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| property.to_string()),
        },
        K::AdditionalProperties { unexpected } => Detail::AdditionalProperties {
            unexpected: unexpected.clone(),
        },
        K::Type { kind } => Detail::Type {
            expected: type_kind_text(kind),
        },
        K::Enum { options } => Detail::Enum {
            options: match options.as_ref() {
                Value::Array(a) => a.clone(),
                other => vec![other.clone()],
            },
        },
        K::Constant { expected_value } => Detail::Const {
            expected: expected_value.as_ref().clone(),
        },
        K::Pattern { pattern } => Detail::Pattern {
            pattern: pattern.clone(),
        },
        K::Format { format } => Detail::Format {
            format: format.clone(),
        },
        K::MaxLength { limit } => Detail::MaxLength { limit: *limit },
        K::MinLength { limit } => Detail::MinLength { limit: *limit },
        K::MaxItems { limit } => Detail::MaxItems { limit: *limit },
        K::MinItems { limit } => Detail::MinItems { limit: *limit },
        K::MaxProperties { limit } => Detail::MaxProperties { limit: *limit },
        K::MinProperties { limit } => Detail::MinProperties { limit: *limit },
        K::Maximum { limit } | K::ExclusiveMaximum { limit } => Detail::Maximum {
            limit: limit.clone(),
        },
        K::Minimum { limit } | K::ExclusiveMinimum { limit } => Detail::Minimum {
            limit: limit.clone(),
        },
        K::UniqueItems => Detail::UniqueItems,
        K::AnyOf { context } | K::OneOfNotValid { context } => {
            // Report the alternative that came closest (fewest errors, then deepest), so the
            // message names a concrete fix instead of "matches none of the alternatives".
            let best = context.iter().filter(|b| !b.is_empty()).min_by_key(|b| {
                let depth = b
                    .iter()
                    .map(|e| e.instance_path().as_str().matches('/').count())
                    .max()
                    .unwrap_or(0);
                (b.len(), usize::MAX - depth)
            });
            match best {
                Some(branch)
                    if context.len() == 1 || !branch_is_type_mismatch_at(branch, &pointer) =>
                {
                    for e in branch {
                        convert(e, out);
                    }
                    return;
                }
                _ => Detail::NoBranch {
                    branches: context.len(),
                },
            }
        }
        K::OneOfMultipleValid { .. } => Detail::SeveralBranches,
        K::Not { .. } => Detail::Not,
        // A property name the schema's `propertyNames` refuses: for the reader, a property
        // the schema does not allow (the instance of the inner error is the name).
        K::PropertyNames { error } => match error.instance().as_ref() {
            Value::String(name) => Detail::AdditionalProperties {
                unexpected: vec![name.clone()],
            },
            _ => Detail::Other {
                message: "a property name is not allowed".into(),
            },
        },
        other => Detail::Other {
            message: format!("{} constraint failed", other.keyword()),
        },
    };
    out.push(SchemaError {
        pointer,
        keyword,
        detail,
        schema_path,
    });
}

/// A branch whose only complaint is that the value at `pointer` has the wrong type says nothing
/// more useful than "matches none of the alternatives".
fn branch_is_type_mismatch_at(branch: &[jsonschema::ValidationError<'_>], pointer: &str) -> bool {
    branch.len() == 1
        && branch[0].instance_path().as_str() == pointer
        && matches!(
            branch[0].kind(),
            jsonschema::error::ValidationErrorKind::Type { .. }
                | jsonschema::error::ValidationErrorKind::Enum { .. }
                | jsonschema::error::ValidationErrorKind::Constant { .. }
        )
}

fn type_kind_text(kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    match kind {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set.iter().map(|t| t.to_string()).collect();
            names.join(" or ")
        }
    }
}

/// The manifest versions appcert has a schema for, in release order.
pub fn supported_manifest_versions() -> Vec<String> {
    let mut versions: Vec<(u32, u32, String)> = files()
        .iter()
        .filter_map(|(p, _)| {
            let rest = p.strip_prefix("teams/v")?;
            let (ver, file) = rest.split_once('/')?;
            if file != "MicrosoftTeams.schema.json" || ver == "DevPreview" {
                return None;
            }
            let (maj, min) = ver.split_once('.')?;
            Some((maj.parse().ok()?, min.parse().ok()?, ver.to_string()))
        })
        .collect();
    versions.sort();
    let mut out: Vec<String> = versions.into_iter().map(|(_, _, v)| v).collect();
    out.push("devPreview".to_string());
    out
}

/// The folder name of a manifest version: `1.16` → `v1.16`, `devPreview` → `vDevPreview`.
fn version_folder(manifest_version: &str) -> Option<String> {
    if manifest_version == "devPreview" {
        return Some("vDevPreview".into());
    }
    let (maj, min) = manifest_version.split_once('.')?;
    if maj.is_empty()
        || min.is_empty()
        || !maj.bytes().all(|b| b.is_ascii_digit())
        || !min.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(format!("v{manifest_version}"))
}

/// Path of the Teams schema named `file` (e.g. `MicrosoftTeams.schema.json`) for a manifest
/// version, when bundled.
pub fn teams_schema_path(manifest_version: &str, file: &str) -> Option<String> {
    let path = format!("teams/{}/{file}", version_folder(manifest_version)?);
    exists(&path).then_some(path)
}

pub fn manifest_schema_path(manifest_version: &str) -> Option<String> {
    teams_schema_path(manifest_version, "MicrosoftTeams.schema.json")
}

/// Declarative agent schema for a `version` value such as `v1.2`.
pub fn declarative_agent_schema_path(version: &str) -> Option<String> {
    let path = format!("copilot/declarative-agent/{version}/schema.json");
    (version.starts_with('v') && exists(&path)).then_some(path)
}

/// API plugin schema for a `schema_version` value such as `v2.2`.
pub fn plugin_schema_path(schema_version: &str) -> Option<String> {
    let path = format!("copilot/plugin/{schema_version}/schema.json");
    (schema_version.starts_with('v') && exists(&path)).then_some(path)
}

/// Versions (folder names) bundled for a copilot schema family (`declarative-agent`, `plugin`).
pub fn copilot_versions(family: &str) -> Vec<String> {
    let prefix = format!("copilot/{family}/");
    let mut v: Vec<String> = files()
        .iter()
        .filter_map(|(p, _)| {
            let rest = p.strip_prefix(&prefix)?;
            Some(rest.split_once('/')?.0.to_string())
        })
        .collect();
    v.sort_by_key(|s| {
        s.trim_start_matches('v')
            .split('.')
            .map(|n| n.parse::<u32>().unwrap_or(0))
            .collect::<Vec<_>>()
    });
    v.dedup();
    v
}

/// Maps a `$schema` URL to the bundled schema it names, if any. Accepts the canonical
/// `https://developer.microsoft.com/json-schemas/...` form, locale variants
/// (`/en-us/json-schemas/...`), `http:`, and the raw GitHub devPreview URL.
pub fn schema_path_for_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if lower.contains("raw.githubusercontent.com") && lower.contains("devpreview") {
        let file = url.rsplit('/').next()?;
        let path = format!("teams/vDevPreview/{file}");
        return exists(&path).then_some(path);
    }
    let parsed = url::Url::parse(url).ok()?;
    if parsed.host_str()? == "statics.teams.microsoft.com" {
        // The address the documentation gave for the first schemas (v1.0 to v1.5):
        // https://statics.teams.microsoft.com/sdk/v1.2/manifest/MicrosoftTeams.schema.json
        let segments: Vec<&str> = parsed.path_segments()?.filter(|s| !s.is_empty()).collect();
        let [sdk, version, manifest, file] = segments[..] else {
            return None;
        };
        if !sdk.eq_ignore_ascii_case("sdk") || !manifest.eq_ignore_ascii_case("manifest") {
            return None;
        }
        let path = format!("teams/{version}/{file}");
        return exists(&path).then_some(path);
    }
    if parsed.host_str()? != "developer.microsoft.com" {
        return None;
    }
    let mut segments: Vec<&str> = parsed.path_segments()?.filter(|s| !s.is_empty()).collect();
    if segments.first().is_some_and(|s| is_locale(s)) {
        segments.remove(0);
    }
    if segments.first() != Some(&"json-schemas") {
        return None;
    }
    let rel = segments[1..].join("/");
    if exists(&rel) {
        return Some(rel);
    }
    // Case differences in the folder (`vdevpreview`) are tolerated by the web server.
    files()
        .iter()
        .find(|(p, _)| p.eq_ignore_ascii_case(&rel))
        .map(|(p, _)| p.to_string())
}

fn is_locale(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic))
        || (b.len() == 5
            && b[2] == b'-'
            && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_alphabetic))
}

/// The version folder a Teams schema path belongs to (`teams/v1.16/...` → `1.16`,
/// `teams/vDevPreview/...` → `devPreview`).
pub fn teams_version_of_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix("teams/v")?;
    let ver = rest.split_once('/')?.0;
    Some(if ver == "DevPreview" {
        "devPreview".to_string()
    } else {
        ver.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn literal_prefixes_of_anchored_patterns() {
        let cases = [
            (r"^staticTabs\[([0-9]|1[0-5])\]\.name$", Some("staticTabs[")),
            (
                r"^activities.activityTypes\[\b(1|2)\b]\.description$",
                Some("activities"),
            ),
            (
                r"^extensions\[[0]\]\.audienceClaimUrl$",
                Some("extensions["),
            ),
            (r"^ab?c", Some("a")),
            (r"^a\.?b", Some("a")),
            (r"^ab+c", Some("ab")),
            (r"^a{2}", Some("")),
            (r"^\d+x", Some("")),
            (r"^(?i)abc", Some("")),
            (r"^abc|^xyz", None),
            (r"^(abc|xyz)", Some("")),
            (r"^a[|]b", Some("a")),
            (r"^a\|b", Some("a|b")),
            ("abc", None),
        ];
        for (pattern, prefix) in cases {
            assert_eq!(literal_prefix(pattern).as_deref(), prefix, "{pattern}");
        }
    }

    #[test]
    fn pruned_parse_drops_patterns_no_member_can_match() {
        let text = r#"{"patternProperties":{"^a\\.b$":{"type":"string"},"^x":{},"y":{}},"additionalProperties":false}"#;
        let present = json!({"a.b": "1"});
        let pruning = Pruning::new(present.as_object().unwrap(), text).unwrap();
        let pruned = parse_pruned(text, &pruning).unwrap();
        assert_eq!(
            pruned,
            json!({"patternProperties":{"^a\\.b$":{"type":"string"},"y":{}},"additionalProperties":false})
        );
    }

    #[test]
    fn pruned_parse_reads_past_absent_root_properties() {
        let text = r##"{"$schema":"x","properties":{"a":{"type":"string"},"b":{"$ref":"#/definitions/d"},"c/d":{"items":[1,{"x":"}"}]}},"definitions":{"d":{"$ref":"#/properties/c~1d/items"}},"additionalProperties":false}"##;
        assert_eq!(
            referenced_properties(text).unwrap(),
            vec!["c/d".to_string()]
        );
        let present = json!({"a": 1});
        let pruning = Pruning::new(present.as_object().unwrap(), text).unwrap();
        let pruned = parse_pruned(text, &pruning).unwrap();
        let mut expected: Value = serde_json::from_str(text).unwrap();
        expected["properties"]["b"] = Value::Bool(true);
        assert_eq!(pruned, expected);
        // Member order is kept (the validator reports in schema order).
        assert_eq!(
            serde_json::to_string(&pruned).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
        // Every property there (or referenced): the whole schema.
        let present = json!({"a": 1, "b": 2});
        let all = Pruning::new(present.as_object().unwrap(), text).unwrap();
        assert_eq!(
            parse_pruned(text, &all).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        // A name with a JSON escape: nothing is pruned.
        assert_eq!(
            referenced_properties(r##"{"$ref":"#/properties/a\u0062"}"##),
            None
        );
        assert!(parse_pruned("{\"properties\":{\"a\":", &all).is_err());
    }

    #[test]
    fn picks_schema_by_manifest_version() {
        assert_eq!(
            manifest_schema_path("1.16").as_deref(),
            Some("teams/v1.16/MicrosoftTeams.schema.json")
        );
        assert_eq!(
            manifest_schema_path("devPreview").as_deref(),
            Some("teams/vDevPreview/MicrosoftTeams.schema.json")
        );
        assert_eq!(manifest_schema_path("1.18"), None);
        assert_eq!(manifest_schema_path("1.16.0"), None);
        assert_eq!(manifest_schema_path("../x"), None);
    }

    #[test]
    fn supported_versions_are_ordered_and_skip_1_18() {
        let v = supported_manifest_versions();
        assert_eq!(v.first().map(String::as_str), Some("1.0"));
        assert!(v.iter().any(|x| x == "1.30"));
        assert!(!v.iter().any(|x| x == "1.18"));
        let pos9 = v.iter().position(|x| x == "1.9").unwrap();
        let pos10 = v.iter().position(|x| x == "1.10").unwrap();
        assert!(pos9 < pos10);
        assert_eq!(v.last().map(String::as_str), Some("devPreview"));
    }

    #[test]
    fn maps_schema_url_variants() {
        let canonical =
            "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json";
        assert_eq!(
            schema_path_for_url(canonical).as_deref(),
            Some("teams/v1.24/MicrosoftTeams.schema.json")
        );
        let localized = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.24/MicrosoftTeams.schema.json";
        assert_eq!(
            schema_path_for_url(localized).as_deref(),
            Some("teams/v1.24/MicrosoftTeams.schema.json")
        );
        let raw = "https://raw.githubusercontent.com/OfficeDev/microsoft-teams-app-schema/preview/DevPreview/MicrosoftTeams.schema.json";
        assert_eq!(
            schema_path_for_url(raw).as_deref(),
            Some("teams/vDevPreview/MicrosoftTeams.schema.json")
        );
        let da = "https://developer.microsoft.com/json-schemas/copilot/declarative-agent/v1.2/schema.json";
        assert_eq!(
            schema_path_for_url(da).as_deref(),
            Some("copilot/declarative-agent/v1.2/schema.json")
        );
        assert_eq!(schema_path_for_url("https://example.com/schema.json"), None);
        let statics =
            "https://statics.teams.microsoft.com/sdk/v1.2/manifest/MicrosoftTeams.schema.json";
        assert_eq!(
            schema_path_for_url(statics).as_deref(),
            Some("teams/v1.2/MicrosoftTeams.schema.json")
        );
        assert_eq!(
            schema_path_for_url(
                "https://statics.teams.microsoft.com/sdk/v9.9/manifest/MicrosoftTeams.schema.json"
            ),
            None
        );
    }

    #[test]
    fn every_bundled_schema_compiles() {
        for (path, _) in files() {
            if let Err(e) = validator(path) {
                panic!("{e}");
            }
        }
    }

    /// `build.rs` patches the schemas and embeds them re-serialized: the run-time parse of an
    /// embedded text is the vendored file patched here, key order and numbers included.
    #[test]
    fn embedded_schemas_are_the_patched_vendored_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/json-schemas");
        assert!(files().len() > 90);
        for (path, text) in files() {
            let raw = std::fs::read_to_string(root.join(path)).unwrap();
            let mut expected: Value =
                serde_json::from_str(&text_quirks::patch_schema_text(path, &raw)).unwrap();
            quirks::patch_schema(path, &mut expected);
            let embedded: Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                serde_json::to_string(&embedded).unwrap(),
                serde_json::to_string(&expected).unwrap(),
                "{path}"
            );
        }
    }

    #[test]
    fn property_names_violations_read_as_unknown_properties() {
        let errors = validate_by_path(
            "copilot/plugin/v2.4/schema.json",
            &json!({"schema_version": "v2.4", "name_for_human": "x", "api_key": "k"}),
        )
        .unwrap();
        assert!(
            errors.iter().any(|e| e.pointer.is_empty()
                && e.detail
                    == Detail::AdditionalProperties {
                        unexpected: vec!["api_key".into()]
                    }),
            "{errors:#?}"
        );
    }

    #[test]
    fn required_and_max_length_are_reported() {
        let errors = validate_by_path(
            "teams/v1.16/MicrosoftTeams.schema.json",
            &json!({"manifestVersion": "1.16", "name": {"short": "x".repeat(31)}}),
        )
        .unwrap();
        assert!(errors
            .iter()
            .any(|e| matches!(&e.detail, Detail::Required { property } if property == "id")));
        assert!(errors
            .iter()
            .any(|e| e.pointer == "/name/short"
                && matches!(e.detail, Detail::MaxLength { limit: 30 })));
    }
}
