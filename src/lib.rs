//! appcert: offline certification checks for Microsoft Teams and Microsoft 365 Copilot app
//! packages.
//!
//! ```no_run
//! let options = appcert::Options::default();
//! let report = appcert::check_paths(&["appPackage/build/app.zip".to_string()], &options).unwrap();
//! for pkg in &report.packages {
//!     println!("{}: {:?}", pkg.input, pkg.verdict);
//! }
//! ```

pub mod config;
pub mod discover;
pub mod engine;
pub mod finding;
pub mod json;
pub mod limits;
pub mod package;
pub mod references;
pub mod report;
pub mod rules;
pub mod schema;

pub use discover::{DiscoverError, Input, InputKind};
pub use engine::Options;
pub use finding::{Finding, Severity};
pub use limits::Limits;
pub use report::{PackageReport, Report, Verdict};

/// Checks one discovered package.
pub fn check_input(input: &Input, options: &Options) -> PackageReport {
    let opened = match input.kind {
        InputKind::Zip => package::open_zip(&input.display, &input.path, &options.limits),
        InputKind::Dir => package::open_dir(&input.display, &input.path, &options.limits),
    };
    engine::check_opened(&input.display, opened, options)
}

/// Checks a zip package held in memory.
pub fn check_zip_bytes(name: &str, bytes: Vec<u8>, options: &Options) -> PackageReport {
    let opened = package::open_zip_bytes(name, std::path::Path::new(name), bytes, &options.limits);
    engine::check_opened(name, opened, options)
}

/// Discovers the packages under the given paths and checks each of them.
pub fn check_paths(paths: &[String], options: &Options) -> Result<Report, DiscoverError> {
    let inputs = discover::discover_all(paths)?;
    let packages = inputs.iter().map(|i| check_input(i, options)).collect();
    Ok(finish_run(packages, options))
}

/// Reports stale suppressions, applies `deny-warnings` and builds the run's report.
pub fn finish_run(mut packages: Vec<PackageReport>, options: &Options) -> Report {
    let config = &options.config;
    for (i, s) in config.suppressions.iter().enumerate() {
        if packages.iter().any(|p| p.used_suppressions.contains(&i)) {
            continue;
        }
        let target = packages.iter_mut().find(|p| {
            s.package
                .as_ref()
                .is_none_or(|filter| p.input.contains(filter.as_str()))
        });
        if let Some(p) = target {
            let meta = rules::registry().meta("config-unused-suppression");
            p.findings.push(
                meta.finding(
                    "",
                    "",
                    format!(
                        "the suppression of `{}` at {} `{}` ({}) matches no finding",
                        s.rule,
                        s.file,
                        if s.pointer.is_empty() {
                            "(whole file)"
                        } else {
                            &s.pointer
                        },
                        s.origin
                    ),
                )
                .help(meta.docs.fix.clone())
                .policies(meta.policies.clone()),
            );
        }
    }
    for p in packages.iter_mut() {
        p.refresh(config.deny_warnings);
    }
    Report::new(options.profile.as_str(), packages)
}
