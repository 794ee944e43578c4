//! Settings for checking packages: limits, profile, configuration, Agents Toolkit environment.

use crate::config::Config;
use crate::env::Env;
use crate::limits::Limits;
use crate::rules::Profile;
use std::sync::Arc;

/// Settings for checking packages.
#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    pub profile: Profile,
    pub config: Config,
    /// What `--env`/`--env-file` asked for; `check_paths` resolves it per package into `env`.
    pub env_spec: crate::env::EnvSpec,
    /// Agents Toolkit variables: when set, `${{VAR}}` placeholders are resolved in every JSON
    /// file right after parsing (in memory; spans still point into the template text).
    pub env: Option<Arc<Env>>,
    /// Show a progress bar on stderr (only when it is a terminal and the run is long).
    pub progress: bool,
    /// The last published version of the package (`--previous`): the update rules compare
    /// the checked package with it.
    pub previous: Option<Arc<Previous>>,
    /// The run checks one package and ends: each schema is compiled for the documents of
    /// that package only (the parts they use), not whole and cached for further packages.
    /// `check_paths` sets it when it finds one package; keep it off for a process that
    /// checks package after package (a language server).
    pub one_package: bool,
    /// What fetching the reviewer URLs gave (`--online`); the `online-*` rules read it and
    /// report nothing without it.
    pub online: Option<Arc<crate::online::OnlineResults>>,
    /// `--online`: how to fetch the reviewer URLs before the packages are checked
    /// (`check_paths` fills `online`). Command line only.
    #[cfg(feature = "cli")]
    pub online_fetch: Option<Arc<crate::online::fetch::FetchConfig>>,
}

pub use crate::update::Previous;

impl Options {
    /// These options for a run that checks one package and ends (no thread pool, schemas
    /// compiled for its documents only: `one_package`).
    pub fn for_one_package(&self) -> Options {
        Options {
            one_package: true,
            ..self.clone()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            profile: Profile::Store,
            config: Config::default(),
            env_spec: crate::env::EnvSpec::default(),
            env: None,
            progress: false,
            previous: None,
            one_package: false,
            online: None,
            #[cfg(feature = "cli")]
            online_fetch: None,
        }
    }
}
