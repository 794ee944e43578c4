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

pub mod discover;
pub mod engine;
pub mod finding;
pub mod json;
pub mod limits;
pub mod package;
pub mod references;
pub mod report;
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
    Ok(Report::new("store", packages))
}
