//! The package model the rules read: the package's files, its parsed JSON documents with
//! their spans, the references between files, and derived values computed once per package.
//! Rules import this module, never the engine.

use crate::env::Env;
use crate::image::{decode, Decoded};
use crate::json::JsonDoc;
use crate::openapi::{Spec, SpecError};
use crate::package::Package;
use crate::profile::Profile;
use crate::references::FileRef;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

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
    /// The last published version's manifest (`--previous`), for the update rules.
    pub previous: Option<Arc<crate::update::Previous>>,
    /// OpenAPI descriptions the package references, parsed at load under the limits.
    pub specs: BTreeMap<String, Arc<Result<Spec, SpecError>>>,
    /// Icons the manifest names, decoded on first use (`Ctx::icon`).
    pub icons: BTreeMap<String, OnceLock<Arc<Decoded>>>,
}

impl Ctx<'_> {
    pub fn manifest(&self) -> Option<&JsonDoc> {
        self.docs.get(MANIFEST)
    }

    /// An icon of the package, decoded once (on first use) and shared by every rule. `None`
    /// when the manifest does not name that file as an icon or it cannot be read.
    pub fn icon(&self, file: &str) -> Option<Arc<Decoded>> {
        let slot = self.icons.get(file)?;
        let bytes = self.package.read(file)?.ok()?;
        Some(Arc::clone(slot.get_or_init(|| Arc::new(decode(bytes)))))
    }
}

pub const MANIFEST: &str = "manifest.json";
