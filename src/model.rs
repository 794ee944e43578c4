//! The package model the rules read: the package's files, its parsed JSON documents with
//! their spans, the references between files, and derived values computed once per package.
//! Rules import this module, never the engine.

use crate::env::Env;
use crate::json::JsonDoc;
use crate::package::Package;
use crate::profile::Profile;
use crate::references::FileRef;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything known about one package while it is checked.
pub struct Ctx<'p> {
    pub package: &'p Package,
    pub profile: Profile,
    /// Parsed JSON files by package path (the manifest under `manifest.json`).
    pub docs: BTreeMap<String, JsonDoc>,
    /// Texts of files that could not be parsed, for snippets.
    pub unparsed: BTreeMap<String, String>,
    /// Every file reference found so far.
    pub refs: Vec<FileRef>,
    /// Manifest version whose schema applies, when known.
    pub manifest_version: Option<String>,
    /// The Agents Toolkit environment the placeholders were resolved with (`--env`).
    pub env: Option<Arc<Env>>,
    /// Configurable numbers where the sources disagree.
    pub thresholds: crate::thresholds::Thresholds,
    /// Derived data several rules share (e.g. parsed OpenAPI descriptions), computed once.
    pub memo: Memo,
}

/// Per-package memo: a value derived from the package is computed by the first rule that
/// needs it and shared with the others (each OpenAPI description is parsed once, not once per
/// rule).
#[derive(Default)]
pub struct Memo {
    values: std::sync::Mutex<BTreeMap<String, Arc<dyn std::any::Any + Send + Sync>>>,
}

impl Memo {
    /// The value under `key`, computed by `make` on first use. A key always holds one type.
    pub fn get_or_insert<T: std::any::Any + Send + Sync>(
        &self,
        key: &str,
        make: impl FnOnce() -> T,
    ) -> Option<Arc<T>> {
        let mut map = match self.values.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        let value = map
            .entry(key.to_string())
            .or_insert_with(|| Arc::new(make()))
            .clone();
        value.downcast::<T>().ok()
    }
}

impl Ctx<'_> {
    pub fn manifest(&self) -> Option<&JsonDoc> {
        self.docs.get(MANIFEST)
    }
}

pub const MANIFEST: &str = "manifest.json";
