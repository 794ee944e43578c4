//! Settings of a connector check: the publisher kind (certified or independent publisher) and
//! the submission type (new connector or update of a merged one). `--connector-kind`,
//! `--submission`, or `connector-kind` / `submission` in `appcert.toml`.

use serde::{Deserialize, Serialize};

/// The brand colour every independent-publisher connector must use.
pub const INDEPENDENT_BRAND_COLOR: &str = "#da3b01";

/// Who publishes a Power Platform connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum PublisherKind {
    /// A verified publisher (`certified-connectors/`): the service owner certifies it.
    #[default]
    Certified,
    /// An independent publisher (`independent-publisher-connectors/`).
    Independent,
}

impl PublisherKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PublisherKind::Certified => "certified",
            PublisherKind::Independent => "independent",
        }
    }
}

/// Whether a connector is submitted for the first time or updates a merged one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Submission {
    /// A new connector: every requirement at its full severity.
    #[default]
    New,
    /// An update of a merged connector: rules marked `update_severity` in their rule file (the
    /// requirements merged connectors widely break, because the review checks only changed
    /// files) are reported at that lower severity.
    Update,
}

impl Submission {
    pub fn as_str(self) -> &'static str {
        match self {
            Submission::New => "new",
            Submission::Update => "update",
        }
    }
}

/// The connector settings of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConnectorSettings {
    /// The publisher kind; `None`: from the path, else from `iconBrandColor`.
    pub kind: Option<PublisherKind>,
    pub submission: Submission,
}
