//! appcert: offline certification checks for Microsoft Teams and Microsoft 365 Copilot app
//! packages.
//!
//! The checking core works on packages held in memory and touches no file system, process
//! environment or network (it builds for `wasm32-unknown-unknown` without the default `cli`
//! feature):
//!
//! ```no_run
//! let options = appcert::Options::default();
//! let bytes = Vec::new(); // the bytes of an app package zip
//! let report = appcert::check_zip_bytes("app.zip", bytes, &options);
//! println!("{:?}: {} findings", report.verdict, report.findings.len());
//! let run = appcert::finish_run(vec![report], &options);
//! print!("{}", appcert::report::json::render(&run));
//! ```
//!
//! With the `cli` feature (the default), [`check_paths`] discovers and checks packages on disk,
//! in parallel, and [`cli::run`] is the whole command line.

// The public API: checking a package held in memory (`check_zip_bytes`, `check_files`),
// applying the findings' fixes to it (`fix`), the options, the report and its renderers, the
// configuration and the rule registry. With the `cli` feature: checking paths on disk
// (`check_paths`), fixing them (`fix_paths`) and the command line itself.
pub mod baseline;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod finding;
pub mod fix;
pub mod limits;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod options;
pub mod profile;
pub mod report;
pub mod rules;
pub mod submission;
pub mod thresholds;
pub mod update;

// Internals: the package model, parsers, schemas, kinds and the engine.
#[cfg(feature = "cli")]
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod discover;
mod engine;
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod env;
#[cfg(feature = "cli")]
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod folder;
mod image;
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod json;
mod kinds;
mod model;
#[doc(hidden)] // internal: public only for appcert's own tests
pub mod online;
mod openapi;
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod package;
#[cfg(feature = "cli")]
mod progress;
mod references;
#[doc(hidden)] // internal: public only for appcert's own tests, benches and fuzz targets
pub mod schema;
mod yaml_guard;

#[cfg(feature = "cli")]
pub use discover::{DiscoverError, Input, InputKind};
pub use finding::{Finding, Severity};
pub use limits::Limits;
pub use options::Options;
pub use report::{PackageReport, Report, Verdict};

/// Checks one discovered package.
#[cfg(feature = "cli")]
pub fn check_input(input: &Input, options: &Options) -> PackageReport {
    let opened = match input.kind {
        InputKind::Zip => folder::open_zip(&input.display, &input.path, &options.limits),
        InputKind::Dir => folder::open_dir(&input.display, &input.path, &options.limits),
    };
    let mut report = engine::check_opened(&input.display, opened, options);
    report.is_folder = input.kind == InputKind::Dir;
    report
}

/// Loads the last published version of a package (`--previous`): a zip, a package folder or
/// a manifest.json, whose manifest the update rules compare with the checked package's.
#[cfg(feature = "cli")]
pub fn load_previous(path: &str, limits: &Limits) -> Result<options::Previous, DiscoverError> {
    let fail = |why: String| DiscoverError(format!("--previous {path}: {why}"));
    let inputs = discover::discover_all(&[path.to_string()])?;
    let [input] = inputs.as_slice() else {
        return Err(fail(format!(
            "{} packages found; name the one published package",
            inputs.len()
        )));
    };
    let opened = match input.kind {
        InputKind::Zip => folder::open_zip(&input.display, &input.path, limits),
        InputKind::Dir => folder::open_dir(&input.display, &input.path, limits),
    };
    let Some(package) = opened.package else {
        let why = opened
            .findings
            .first()
            .map(|f| f.message.clone())
            .unwrap_or_else(|| "it cannot be opened".into());
        return Err(fail(why));
    };
    let kind = kinds::detect(&package).name();
    let file = if kind == "connector" {
        model::SWAGGER
    } else {
        model::MANIFEST
    };
    let bytes = match package.read(file) {
        Some(Ok(b)) => b,
        Some(Err(e)) => return Err(fail(format!("{file} cannot be read: {e}"))),
        None => return Err(fail(format!("the package has no {file} at its root"))),
    };
    let (text, _) = json::decode_text(bytes).map_err(|_| fail(format!("{file} is not UTF-8")))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| fail(format!("{file} is not valid JSON ({e})")))?;
    Ok(if kind == "connector" {
        options::Previous::connector(input.display.clone(), value)
    } else {
        options::Previous::teams(input.display.clone(), value)
    })
}

/// Checks a package folder on disk with some of its files replaced by in-memory text (an
/// editor's unsaved buffers, keyed by package path): the same checks as the command line on
/// that folder, as if the buffers were saved.
#[cfg(feature = "cli")]
pub fn check_dir_with_buffers(
    display: &str,
    dir: &std::path::Path,
    buffers: std::collections::BTreeMap<String, Vec<u8>>,
    options: &Options,
) -> PackageReport {
    let opened = folder::open_dir_with_buffers(display, dir, buffers, &options.limits);
    let mut report = engine::check_opened(display, opened, options);
    report.is_folder = true;
    report
}

/// Checks a package given as in-memory files (package path, bytes): an editor's buffers, the
/// files of a folder chosen in a browser.
pub fn check_files(name: &str, files: Vec<(String, Vec<u8>)>, options: &Options) -> PackageReport {
    let opened = package::open_files(name, files, &options.limits);
    engine::check_opened(name, opened, options)
}

/// Checks a zip package held in memory.
pub fn check_zip_bytes(name: &str, bytes: Vec<u8>, options: &Options) -> PackageReport {
    let opened = package::open_zip_bytes(name, std::path::Path::new(name), bytes, &options.limits);
    engine::check_opened(name, opened, options)
}

/// Discovers the packages under the given paths and checks each of them, in parallel across
/// cores; the report lists the packages in discovery order whatever the scheduling.
#[cfg(feature = "cli")]
pub fn check_paths(paths: &[String], options: &Options) -> Result<Report, DiscoverError> {
    let mut packages = Vec::new();
    check_each(paths, options, &mut |p| packages.push(p))?;
    Ok(finish_run(packages, options))
}

/// Checks the packages under `paths` as `check_paths` does, but hands each package's report
/// to `each` in discovery order as soon as it is done instead of keeping them all, so memory
/// stays flat however many packages a run has; returns the run's report without its packages
/// (the summary counts them all). Each package's verdict is final (`--deny warnings`
/// applied). Not for a configuration with suppressions or a baseline, whose unused entries are
/// known only at the end of the run: `check_paths` reports those.
#[cfg(feature = "cli")]
pub fn check_paths_streaming(
    paths: &[String],
    options: &Options,
    each: &mut dyn FnMut(PackageReport),
) -> Result<Report, DiscoverError> {
    let (mut packages, mut passed) = (0, 0);
    let deny = options.config.deny_warnings;
    check_each(paths, options, &mut |mut p| {
        p.refresh(deny);
        packages += 1;
        passed += usize::from(p.verdict == Verdict::Pass);
        each(p);
    })?;
    let mut report = finish_run(Vec::new(), options);
    report.summary.packages = packages;
    report.summary.passed = passed;
    report.summary.failed = packages - passed;
    Ok(report)
}

/// The packages a window of the run checks in parallel: enough to keep every core busy
/// between the window's start and its slowest package, few enough that memory stays flat.
#[cfg(feature = "cli")]
const WINDOW_PER_THREAD: usize = 32;

/// Discovers and checks, handing each package's report to `each` in discovery order.
#[cfg(feature = "cli")]
fn check_each(
    paths: &[String],
    options: &Options,
    each: &mut dyn FnMut(PackageReport),
) -> Result<(), DiscoverError> {
    // One path, and nothing that needs every package before the first check (the
    // environments of `--env`, the links of `--online`, a progress bar's total): the search
    // feeds the checks as it finds packages, so nothing grows with the number of packages.
    use std::io::IsTerminal;
    let progress_bar = options.progress && std::io::stderr().is_terminal();
    if let [given] = paths {
        if !options.env_spec.is_active() && options.online_fetch.is_none() && !progress_bar {
            return check_found(given, options, each);
        }
    }
    let inputs = discover::discover_all(paths)?;
    // One package: no thread pool, and schemas compiled for its documents only.
    let base = if inputs.len() == 1 {
        options.for_one_package()
    } else {
        options.clone()
    };
    let mut per_input = with_envs(&inputs, &base)?;
    // Nothing is fetched when no online rule would read the results (`--ignore online`).
    let online_rules = rules::registry()
        .rules
        .values()
        .any(|m| m.category == "online" && options.config.enabled(&m.id));
    if let (Some(fetch), true) = (&options.online_fetch, online_rules) {
        per_input = fetch_online(&inputs, per_input, fetch);
    }
    if let [input] = inputs.as_slice() {
        let opts = per_input.first().map_or(&base, |o| o.as_ref());
        each(run_isolated(&input.display, || check_input(input, opts)));
        return Ok(());
    }
    let bar = progress::Progress::new(inputs.len(), options.progress);
    let window = rayon::current_num_threads().max(1) * WINDOW_PER_THREAD;
    for (ins, opts) in inputs.chunks(window).zip(per_input.chunks(window)) {
        use rayon::prelude::*;
        let reports: Vec<PackageReport> = ins
            .par_iter()
            .zip(opts.par_iter())
            .map(|(input, opts)| {
                let report = run_isolated(&input.display, || check_input(input, opts));
                bar.tick();
                report
            })
            .collect();
        reports.into_iter().for_each(&mut *each);
    }
    bar.finish();
    Ok(())
}

/// The packages under one path, checked in windows as the search finds them, in its order.
#[cfg(feature = "cli")]
fn check_found(
    given: &str,
    options: &Options,
    each: &mut dyn FnMut(PackageReport),
) -> Result<(), DiscoverError> {
    use rayon::prelude::*;
    let mut found = discover::discover_iter(given)?;
    let Some(first) = found.next() else {
        return Err(discover::no_package(given));
    };
    let Some(second) = found.next() else {
        let one = options.for_one_package();
        each(run_isolated(&first.display, || check_input(&first, &one)));
        return Ok(());
    };
    let window = rayon::current_num_threads().max(1) * WINDOW_PER_THREAD;
    let mut pending = vec![first, second];
    loop {
        let room = window.saturating_sub(pending.len());
        pending.extend(found.by_ref().take(room));
        if pending.is_empty() {
            return Ok(());
        }
        let reports: Vec<PackageReport> = pending
            .par_iter()
            .map(|input| run_isolated(&input.display, || check_input(input, options)))
            .collect();
        reports.into_iter().for_each(&mut *each);
        pending.clear();
    }
}

/// `--online`, after discovery and before the checks: lists the reviewer URLs of every
/// package, fetches each distinct URL once for the whole run, and gives the results to every
/// package's options (the `online-*` rules read them).
#[cfg(feature = "cli")]
fn fetch_online(
    inputs: &[Input],
    per_input: Vec<std::sync::Arc<Options>>,
    fetch: &online::fetch::FetchConfig,
) -> Vec<std::sync::Arc<Options>> {
    use rayon::prelude::*;
    use std::sync::Arc;
    let urls: Vec<String> = inputs
        .par_iter()
        .zip(per_input.par_iter())
        .flat_map_iter(|(input, opts)| {
            let opened = match input.kind {
                InputKind::Zip => folder::open_zip(&input.display, &input.path, &opts.limits),
                InputKind::Dir => folder::open_dir(&input.display, &input.path, &opts.limits),
            };
            // A defect of appcert while listing one package's links skips that package's
            // links; its check reports the defect.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                engine::reviewer_urls(opened, opts)
            }))
            .unwrap_or_default()
        })
        .collect();
    let results = Arc::new(online::fetch::fetch_all(&urls, fetch));
    with_online(per_input, &results)
}

/// The same options with the fetch results of `--online`.
#[cfg(feature = "cli")]
fn with_online(
    per_input: Vec<std::sync::Arc<Options>>,
    results: &std::sync::Arc<online::OnlineResults>,
) -> Vec<std::sync::Arc<Options>> {
    per_input
        .into_iter()
        .map(|o| {
            let mut o = (*o).clone();
            o.online = Some(std::sync::Arc::clone(results));
            std::sync::Arc::new(o)
        })
        .collect()
}

/// The options of each input: with `--env`/`--env-file`, the environment of the package's
/// Agents Toolkit project (loaded once per project). A missing or unreadable env file is a
/// usage error.
#[cfg(feature = "cli")]
fn with_envs(
    inputs: &[Input],
    options: &Options,
) -> Result<Vec<std::sync::Arc<Options>>, DiscoverError> {
    use std::collections::HashMap;
    use std::sync::Arc;
    let shared = Arc::new(options.clone());
    if !options.env_spec.is_active() {
        return Ok(inputs.iter().map(|_| Arc::clone(&shared)).collect());
    }
    let mut by_root: HashMap<Option<std::path::PathBuf>, Arc<Options>> = HashMap::new();
    let mut out = Vec::with_capacity(inputs.len());
    let mut warned = false;
    for input in inputs {
        let dir = match input.kind {
            InputKind::Dir => input.path.clone(),
            InputKind::Zip => {
                // A built zip is checked as shipped: filling its leftover placeholders would
                // pass a package that is broken as it is.
                return Err(DiscoverError(format!(
                    "--env/--env-file apply to Agents Toolkit templates, but {} is a built package, checked as shipped: drop --env, or check the project's appPackage folder",
                    input.display
                )));
            }
        };
        let root = env::project_root(&dir);
        if root.is_none() && options.env_spec.name.is_some() && !warned {
            warned = true;
            eprintln!(
                "appcert: warning: --env: no Agents Toolkit project (m365agents.yml or teamsapp.yml) at or above {}; no env/.env.<name> file is read",
                input.display
            );
        }
        if let Some(o) = by_root.get(&root) {
            out.push(Arc::clone(o));
            continue;
        }
        let loaded = env::Env::load(&options.env_spec, &dir).map_err(DiscoverError)?;
        let mut o = options.clone();
        o.env = Some(Arc::new(loaded));
        let o = Arc::new(o);
        by_root.insert(root, Arc::clone(&o));
        out.push(o);
    }
    Ok(out)
}

/// Runs `check` for one package so that a panic (a defect in appcert) becomes an
/// `internal-error` finding for that package instead of ending the run.
pub fn run_isolated(display: &str, check: impl FnOnce() -> PackageReport) -> PackageReport {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)) {
        Ok(report) => report,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let meta = rules::registry().meta("internal-error");
            let finding = meta
                .finding(
                    "",
                    "",
                    format!("appcert failed while checking this package: {what}"),
                )
                .help(meta.docs().fix.clone());
            PackageReport::new(
                display.to_string(),
                report::AppInfo::default(),
                vec![finding],
            )
        }
    }
}

/// Reports stale suppressions, applies the baseline (`--baseline`) and `deny-warnings`, and
/// builds the run's report.
pub fn finish_run(mut packages: Vec<PackageReport>, options: &Options) -> Report {
    let config = &options.config;
    for (i, s) in config.suppressions.iter().enumerate() {
        if packages.iter().any(|p| p.used_suppressions.contains(&i)) {
            continue;
        }
        // A suppression of a rule that did not run (--select, --ignore, level off) is not
        // "unused": the rule had no chance to match it.
        if !config.enabled(&s.rule) {
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
                .help(meta.docs().fix.clone())
                .policies(meta.policies.clone()),
            );
        }
    }
    if let Some(baseline) = &config.baseline {
        baseline.apply(&mut packages, &|rule| config.enabled(rule));
    }
    for p in packages.iter_mut() {
        p.refresh(config.deny_warnings);
    }
    let mut report = Report::new(options.profile.as_str(), packages);
    report.rules_run = rules::registry()
        .rules
        .keys()
        .filter(|id| config.enabled(id))
        .cloned()
        .collect();
    report.deny_warnings = config.deny_warnings;
    report
}

/// The rules whose findings name files a package does not need: a fixed copy of a zip leaves
/// those files out (`__MACOSX/` entries too).
#[cfg(feature = "cli")]
pub const NOT_NEEDED_RULES: &[&str] = &[
    "package-extra-file",
    "secret-file-in-package",
    "package-nested-zip",
];

/// One package of a `--fix` or `--diff` run.
#[cfg(feature = "cli")]
#[derive(Debug)]
pub struct FixedInput {
    pub input: Input,
    /// Each changed file: package path, bytes before, bytes after.
    pub changes: Vec<(String, Vec<u8>, Vec<u8>)>,
    /// How many findings' fixes were applied.
    pub fixed: usize,
    /// Findings left with an unsafe fix only (fixable with `--unsafe-fixes`).
    pub unsafe_left: usize,
    /// The corrected copy of a zip, when one was written.
    pub written: Option<std::path::PathBuf>,
}

/// A `--fix` or `--diff` run: the report of the packages as they are now (the fixed folders, the
/// corrected copies of zips) and what changed in each.
#[cfg(feature = "cli")]
#[derive(Debug)]
pub struct FixRun {
    pub report: Report,
    pub packages: Vec<FixedInput>,
}

/// The corrected copy of `app.zip`: `app.fixed.zip` beside it.
#[cfg(feature = "cli")]
pub fn fixed_zip_name(name: &str) -> String {
    let stem = name
        .strip_suffix(".zip")
        .or_else(|| name.strip_suffix(".ZIP"))
        .unwrap_or(name);
    format!("{stem}.fixed.zip")
}

/// Checks and fixes the packages under `paths` (`--fix` when `write`, else `--diff`): a package
/// folder's changed files are written in place; a zip is never modified, its corrected copy
/// (`fixed_zip_name`) holds the fixed files without those the package does not need
/// ([`NOT_NEEDED_RULES`]). Without `write` nothing is written.
#[cfg(feature = "cli")]
pub fn fix_paths(
    paths: &[String],
    options: &Options,
    write: bool,
    unsafe_fixes: bool,
) -> Result<FixRun, DiscoverError> {
    let inputs = discover::discover_all(paths)?;
    let per_input = with_envs(&inputs, options)?;
    let mut reports = Vec::new();
    let mut packages = Vec::new();
    for (input, opts) in inputs.into_iter().zip(per_input) {
        let (done, report) = fix_input(input, &opts, write, unsafe_fixes)?;
        packages.push(done);
        reports.push(report);
    }
    Ok(FixRun {
        report: finish_run(reports, options),
        packages,
    })
}

#[cfg(feature = "cli")]
fn fix_input(
    input: Input,
    options: &Options,
    write: bool,
    unsafe_fixes: bool,
) -> Result<(FixedInput, PackageReport), DiscoverError> {
    let opened = match input.kind {
        InputKind::Zip => folder::open_zip(&input.display, &input.path, &options.limits),
        InputKind::Dir => folder::open_dir(&input.display, &input.path, &options.limits),
    };
    let files: Vec<(String, Vec<u8>)> = match &opened.package {
        Some(p) => p
            .names()
            .filter_map(|n| match p.read(n) {
                Some(Ok(b)) => Some((n.to_string(), b.to_vec())),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    };
    let mut done = FixedInput {
        input,
        changes: Vec::new(),
        fixed: 0,
        unsafe_left: 0,
        written: None,
    };
    if opened.package.is_none() {
        let report = run_isolated(&done.input.display, || check_input(&done.input, options));
        return Ok((done, report));
    }
    let originals: std::collections::BTreeMap<String, Vec<u8>> = files.iter().cloned().collect();
    let fixed = fix::fix_files(&done.input.display, files, options, unsafe_fixes);
    done.fixed = fixed.fixed;
    done.unsafe_left = if unsafe_fixes {
        0
    } else {
        fix::unsafe_only(&fixed.report)
    };
    for name in &fixed.changed {
        let before = originals.get(name).cloned().unwrap_or_default();
        let after = fixed.files.get(name).cloned().unwrap_or_default();
        done.changes.push((name.clone(), before, after));
    }
    let fail = |what: String| DiscoverError(what);
    if write && !done.changes.is_empty() {
        match done.input.kind {
            InputKind::Dir => {
                for (name, _, after) in &done.changes {
                    let path = done.input.path.join(name);
                    std::fs::write(&path, after)
                        .map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
                }
            }
            InputKind::Zip => {
                let original =
                    run_isolated(&done.input.display, || check_input(&done.input, options));
                let left_out: std::collections::BTreeSet<&str> = original
                    .findings
                    .iter()
                    .filter(|f| NOT_NEEDED_RULES.contains(&f.rule.as_str()))
                    .map(|f| f.file.as_str())
                    .collect();
                let kept = fixed
                    .files
                    .iter()
                    .filter(|(n, _)| !left_out.contains(n.as_str()) && !n.starts_with("__MACOSX/"));
                let bytes = write_zip(kept)
                    .map_err(|e| fail(format!("cannot build the corrected zip: {e}")))?;
                let file_name = done
                    .input
                    .path
                    .file_name()
                    .map(|n| fixed_zip_name(&n.to_string_lossy()))
                    .unwrap_or_else(|| "package.fixed.zip".to_string());
                let path = done.input.path.with_file_name(file_name);
                std::fs::write(&path, bytes)
                    .map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
                done.written = Some(path);
            }
        }
    }
    // The report is of the package as it now is on disk: the fixed folder, the corrected copy.
    let now = match &done.written {
        Some(path) => Input {
            display: fixed_zip_name(&done.input.display),
            path: path.clone(),
            kind: InputKind::Zip,
        },
        None => done.input.clone(),
    };
    let report = if write {
        run_isolated(&now.display, || check_input(&now, options))
    } else {
        let mut r = fixed.report;
        r.input = done.input.display.clone();
        r.is_folder = done.input.kind == InputKind::Dir;
        r
    };
    Ok((done, report))
}

/// A zip of `files` (deflated, in name order).
#[cfg(feature = "cli")]
fn write_zip<'a>(
    files: impl Iterator<Item = (&'a String, &'a Vec<u8>)>,
) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files {
        w.start_file(name.as_str(), opts)?;
        w.write_all(data)?;
    }
    Ok(w.finish()?.into_inner())
}
