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
    pub docs: BTreeMap<String, JsonDoc<'p>>,
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
    /// What fetching the reviewer URLs gave (`--online`), for the online rules.
    pub online: Option<Arc<crate::online::OnlineResults>>,
    /// OpenAPI descriptions the package references, parsed at load under the limits.
    pub specs: BTreeMap<String, Arc<Result<Spec<'p>, SpecError>>>,
    /// Icons the manifest names, decoded on first use (`Ctx::icon`).
    pub icons: BTreeMap<String, OnceLock<Arc<Decoded>>>,
    /// A Power Platform connector: its files and publisher kind, set by the connector kind's
    /// load (`None` for other kinds).
    pub connector: Option<Connector>,
    /// The run's connector settings (`--connector-kind`, `--submission`).
    pub connector_settings: crate::submission::ConnectorSettings,
    /// The run checks this package only (`Options::one_package`): schemas are compiled for
    /// its documents alone.
    pub one_package: bool,
}

/// The files of a Power Platform connector, by package path (`None`: absent).
#[derive(Debug, Clone, Default)]
pub struct Connector {
    /// The swagger: `apiDefinition.swagger.json`, or the misnamed file found instead.
    pub swagger: Option<String>,
    /// `apiProperties.json`.
    pub properties: Option<String>,
    /// The README (`README.md` in any case).
    pub readme: Option<String>,
    /// `script.csx`.
    pub script: Option<String>,
    /// `icon.png`.
    pub icon: Option<String>,
    /// `settings.json` of the paconn command line.
    pub settings: Option<String>,
    /// The publisher kind: configured, else from the path, else from `iconBrandColor`.
    pub publisher_kind: crate::submission::PublisherKind,
    /// How the publisher kind was decided, for messages.
    pub publisher_kind_source: &'static str,
}

impl<'p> Ctx<'p> {
    pub fn manifest(&self) -> Option<&JsonDoc<'p>> {
        self.docs.get(MANIFEST)
    }

    /// The connector's parsed swagger (with its package path), when it is a JSON object.
    pub fn swagger(&self) -> Option<(&str, &JsonDoc<'p>)> {
        let file = self.connector.as_ref()?.swagger.as_deref()?;
        let doc = self.docs.get(file)?;
        doc.value.is_object().then_some((file, doc))
    }

    /// The connector's parsed `apiProperties.json`, when it is a JSON object.
    pub fn api_properties(&self) -> Option<(&str, &JsonDoc<'p>)> {
        let file = self.connector.as_ref()?.properties.as_deref()?;
        let doc = self.docs.get(file)?;
        doc.value.is_object().then_some((file, doc))
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
/// The connector's swagger, as the repository and paconn name it.
pub const SWAGGER: &str = "apiDefinition.swagger.json";
/// The connector's properties file.
pub const API_PROPERTIES: &str = "apiProperties.json";
