//! The command line: argument parsing, output selection and exit codes.
//! Exit codes: 0 every package passed, 1 at least one failed, 2 usage error or appcert could
//! not run.

use crate::config::{self, Config};
use crate::report::{github, human, json, junit, markdown, sarif};
use crate::rules::{registry, Profile};
use crate::{Limits, Options};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "appcert",
    version,
    about = "Tells you, offline and before you submit, whether a Microsoft Teams / Microsoft 365 Copilot app package will pass certification, and what to fix.",
    after_help = "Exit codes: 0 every package passed, 1 at least one package failed, 2 usage error or appcert could not run (with --diff: 1 when --fix would change something)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const CHECK_AFTER_HELP: &str = "\
Online checks: off by default (no network connection without --online). In CI, run them on the
release build only, e.g. in GitHub Actions:

  - name: Check the links reviewers open (release builds only)
    if: startsWith(github.ref, 'refs/tags/')
    run: appcert check appPackage --online --format human

Exit codes: 0 every package passed, 1 at least one package failed, 2 usage error or appcert could not run.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Check app packages: .zip files, unpacked package folders, manifest.json files, or folders searched for them.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(Box<CheckArgs>),
    /// Record today's findings as a baseline (JSON, to standard output or `--output FILE`):
    /// `check --baseline FILE` then reports only the findings not in it. Same options as check.
    Baseline(Box<CheckArgs>),
    /// List every rule: id, severity, profiles, title.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain(ExplainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish) to standard output.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output: `appcert man > appcert.1`.
    Man,
    /// Run the language server over standard input and output (for editors; settings come in
    /// the client's initialization options, see docs/editors.md).
    Lsp,
}

#[derive(clap::Args, Debug)]
struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ListFormat {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
struct CompletionsArgs {
    /// The shell.
    shell: clap_complete::Shell,
}

#[derive(clap::Args, Debug)]
struct ExplainArgs {
    /// The rule id (see `appcert rules`).
    rule: String,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum DenyLevel {
    /// Warnings fail the package.
    Warnings,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Readable diagnostics with source snippets.
    Human,
    /// The versioned JSON report (schemas/report.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and Azure DevOps.
    Sarif,
    /// JUnit XML: one test suite per package, one test case per rule.
    Junit,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// Markdown tables, for $GITHUB_STEP_SUMMARY or a pull-request comment.
    Markdown,
    /// One line per finding: `path:line:column: severity rule: message` (grep and editors); `[*]`
    /// before the message when `--fix` fixes it, `[?]` when `--fix --unsafe-fixes` does.
    Concise,
}

impl Format {
    /// The format a report file's extension names (`--output FILE`).
    fn of_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "xml" => Some(Format::Junit),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "log" => Some(Format::Human),
            _ => None,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Packages to check: .zip files, package folders, manifest.json files, or folders to search;
    /// `-` reads one zip or manifest.json from standard input.
    /// In an Agents Toolkit project folder (m365agents.yml or teamsapp.yml), its appPackage/
    /// only (built zips under appPackage/build/ are checked only when named).
    #[arg(default_value = ".")]
    paths: Vec<String>,
    /// Output format (default: human; with `--output FILE`, the format of the file's extension:
    /// .json, .sarif, .xml for JUnit, .md, .txt).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Print how many findings each rule produced instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Human output: cite the policies of every finding and repeat every help text (by default,
    /// a rule's policies once per run and a help text once per package).
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Human output: also show the findings that `appcert.toml` suppresses.
    #[arg(long)]
    show_suppressed: bool,
    /// With `check -` (a zip or a manifest.json on standard input): the name to report it as.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// The last published version of the checked package (zip, folder or manifest.json; a
    /// connector folder or swagger): update checks (Teams: same app id and bot ids, a higher
    /// version, no removed commands…; connectors: no operation removed or renamed, no new
    /// required input, no type changed, no response property removed). One checked package
    /// per run, of the same kind.
    #[arg(long, value_name = "PATH")]
    previous: Option<String>,
    /// Write the report to FILE instead of standard output; `FORMAT=FILE` (e.g.
    /// `sarif=appcert.sarif`) writes that format to FILE in addition. Repeatable.
    #[arg(long, short = 'o', value_name = "[FORMAT=]FILE")]
    output: Vec<String>,
    /// Who the package is checked for: `store` (public store submission, every rule) or `org`
    /// (one organization's catalog: store-listing rules drop to info). Default: the config file's, else store.
    #[arg(long, value_enum)]
    profile: Option<Profile>,
    /// Power Platform connectors: the publisher kind. Default: the config file's, else from the
    /// path (`certified-connectors/` or `independent-publisher-connectors/`), else
    /// `iconBrandColor` `#da3b01` means independent, else certified.
    #[arg(long, value_enum, value_name = "KIND")]
    connector_kind: Option<crate::submission::PublisherKind>,
    /// Power Platform connectors: `new` (default) or `update` of a merged connector (the
    /// requirements merged connectors widely break are warnings for an update).
    #[arg(long, value_enum, value_name = "TYPE")]
    submission: Option<crate::submission::Submission>,
    /// Configuration file (default: appcert.toml in the current folder or above).
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// Run only these rules or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    select: Vec<String>,
    /// Do not run these rules or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    ignore: Vec<String>,
    /// `--deny warnings`: warnings fail the package too.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyLevel>,
    /// When to use colour in human output (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Largest package file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_input_bytes)]
    max_input_bytes: u64,
    /// Total uncompressed bytes read from one package.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_total_bytes)]
    max_total_bytes: u64,
    /// Uncompressed bytes of one package file.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_entry_bytes)]
    max_entry_bytes: u64,
    /// Number of files in one package.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_entries)]
    max_entries: usize,
    /// Compression ratio above which a large entry is treated as a decompression bomb.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_ratio)]
    max_ratio: u64,
    /// Agents Toolkit environment: resolve `${{VAR}}` placeholders from env/.env.NAME (then
    /// env/.env.NAME.user) of the package's project (the folder with m365agents.yml or
    /// teamsapp.yml at or above it), and from the process environment, which wins. In memory
    /// only; findings point at the template.
    #[arg(long, value_name = "NAME")]
    env: Option<String>,
    /// Read `${{VAR}}` values from this dotenv file too (repeatable; wins over env/.env.NAME,
    /// a later file over an earlier one; the process environment wins over all).
    #[arg(long, value_name = "FILE")]
    env_file: Vec<std::path::PathBuf>,
    /// No progress bar, and in human output no line for packages that pass without findings
    /// (the findings, failing packages and the total are still printed).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Apply the safe fixes (a BOM, `$schema` against `manifestVersion`, a two-part `version`,
    /// white space around names, repeated `validDomains`…): package folders are changed in
    /// place; a zip is never modified, its corrected copy `NAME.fixed.zip` is written beside it
    /// (files the package does not use left out). The report shows what remains.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// With `--fix` or `--diff`: the fixes that change meaning too (`http://` to `https://`).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print what `--fix` would change as a unified diff and write nothing; exit 1 when there
    /// would be changes, 0 otherwise.
    #[arg(long, conflicts_with_all = ["output", "statistics", "format"])]
    diff: bool,
    /// Nesting depth of a JSON file.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_json_depth)]
    max_json_depth: usize,
    /// Length in bytes of one JSON string.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_string_bytes)]
    max_string_bytes: usize,
    /// Besides the offline checks, fetch every link a reviewer opens (website, privacy policy,
    /// terms of use; plugin and connector links): it must answer 2xx over valid TLS without a
    /// sign-in, redirect only over https, and be a privacy or terms page (`online-*` rules).
    /// Off by default: without it appcert makes no network connection. GET only, no cookies,
    /// public addresses only, each URL once per run, 8 at once; proxies from HTTPS_PROXY and
    /// NO_PROXY.
    #[arg(long)]
    online: bool,
    /// With --online: seconds each request may take, fractions allowed (default 10); the
    /// whole fetching phase is bounded by 12 times this, at least a minute.
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    online_timeout: Option<std::time::Duration>,
    /// With --online: connect to ADDRESS for HOST:PORT instead of resolving HOST (repeatable,
    /// as curl's option; an address given here may be loopback or private).
    #[arg(long, value_name = "HOST:PORT:ADDRESS")]
    resolve: Vec<crate::online::fetch::Override>,
    /// With --online: PEM file of CA certificates trusted in addition to the built-in
    /// (Mozilla) roots, as curl's option (a company CA, a test CA).
    #[arg(long, value_name = "FILE")]
    ca_cert: Option<std::path::PathBuf>,
    /// Report only the findings not recorded in this baseline (written by `appcert baseline`);
    /// its entries that no longer occur are reported (`baseline-entry-unused`, info).
    #[arg(long, value_name = "FILE")]
    baseline: Option<std::path::PathBuf>,
    /// `appcert baseline`: where the baseline goes (`Some(None)`: standard output).
    #[arg(skip)]
    record_baseline: Option<Option<std::path::PathBuf>>,
}

/// `--online-timeout`: seconds, fractions allowed, more than 0 and at most an hour.
fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 3600.0) {
        return Err(format!(
            "`{s}`: give a number of seconds above 0 and at most 3600"
        ));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Baseline(mut args) => {
            if args.format.is_some() || args.statistics || args.baseline.is_some() {
                return usage_error("`appcert baseline` writes JSON to standard output or `--output FILE`; --format, --statistics and --baseline are options of `check`");
            }
            if args.output.len() > 1 {
                return usage_error("`appcert baseline` writes one file: give one `--output FILE`");
            }
            args.record_baseline = Some(args.output.pop().map(std::path::PathBuf::from));
            check(*args)
        }
        Command::Rules(args) => list_rules(args),
        Command::Explain(args) => explain(args),
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "appcert", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            match clap_mangen::Man::new(cmd).render(&mut out) {
                Ok(()) => print(&String::from_utf8_lossy(&out)),
                Err(e) => usage_error(&format!("cannot render the manual page: {e}")),
            }
        }
        Command::Lsp => crate::lsp::run_stdio(),
    }
}

fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn list_rules(args: RulesArgs) -> ExitCode {
    let reg = registry();
    match args.format {
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = reg
                .rules
                .values()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "title": r.title,
                        "category": r.category,
                        "kind": r.kind,
                        "severity": r.severity,
                        "profiles": r.profiles,
                        "policies": r.policies,
                        "kinds": r.kinds,
                        "update_severity": r.update_severity,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
            text.push('\n');
            print(&text)
        }
        ListFormat::Human => {
            let mut text = String::new();
            let width = reg.rules.keys().map(String::len).max().unwrap_or(10);
            let cwidth = reg
                .rules
                .values()
                .map(|r| r.category.len())
                .max()
                .unwrap_or(8);
            let mut rules: Vec<&crate::rules::RuleMeta> = reg.rules.values().collect();
            rules.sort_by(|a, b| (&a.category, &a.id).cmp(&(&b.category, &b.id)));
            for r in rules {
                let profiles: Vec<&str> = r.profiles.iter().map(|p| p.as_str()).collect();
                text.push_str(&format!(
                    "{:cwidth$}  {:width$}  {:7}  {:9}  {}\n",
                    r.category,
                    r.id,
                    r.severity.as_str(),
                    profiles.join(","),
                    r.title
                ));
            }
            text.push_str(&format!(
                "\n{} rules. `appcert explain RULE` prints one rule's documentation.\n",
                reg.rules.len()
            ));
            print(&text)
        }
    }
}

fn explain(args: ExplainArgs) -> ExitCode {
    let Some(r) = registry().get(&args.rule) else {
        let hint = match config::suggestion(&args.rule) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => " (run `appcert rules` for the list)".to_string(),
        };
        return usage_error(&format!("unknown rule `{}`{hint}", args.rule));
    };
    print(&crate::rules::explain(r))
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("appcert: error: {message}");
    ExitCode::from(2)
}

/// The report without the packages that passed with no finding (`--quiet`), keeping the
/// run's totals. `None` when nothing is left out.
fn quiet_view(report: &crate::Report) -> Option<crate::Report> {
    let quiet =
        |p: &crate::PackageReport| p.verdict == crate::Verdict::Pass && p.findings.is_empty();
    if !report.packages.iter().any(quiet) {
        return None;
    }
    let mut view = report.clone();
    view.packages.retain(|p| !quiet(p));
    Some(view)
}

fn check(args: CheckArgs) -> ExitCode {
    let outputs = match plan_outputs(args.format, &args.output) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let mut config = match &args.config {
        Some(path) => match config::load(path) {
            Ok(c) => c,
            Err(e) => return usage_error(&e.to_string()),
        },
        None => match std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d))
        {
            Some(path) => match config::load(&path) {
                Ok(c) => c,
                Err(e) => return usage_error(&e.to_string()),
            },
            None => Config::default(),
        },
    };
    for name in args.select.iter().chain(&args.ignore) {
        if !config::is_rule_or_category(name) {
            let hint = match config::suggestion(name) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => " (run `appcert rules` for the list)".to_string(),
            };
            return usage_error(&format!("unknown rule or category `{name}`{hint}"));
        }
    }
    if let Some(path) = &args.baseline {
        let read = std::fs::read_to_string(path)
            .map_err(|e| format!("--baseline {}: {e}", path.display()))
            .and_then(|text| crate::baseline::Baseline::parse(&path.display().to_string(), &text));
        match read {
            Ok(b) => config.baseline = Some(std::sync::Arc::new(b)),
            Err(e) => return usage_error(&e),
        }
    }
    config.select = args.select.clone();
    config.ignore.extend(args.ignore.iter().cloned());
    if args.deny.is_some() {
        config.deny_warnings = true;
    }
    if let Some(k) = args.connector_kind {
        config.connector.kind = Some(k);
    }
    if let Some(s) = args.submission {
        config.connector.submission = s;
    }
    let profile = args.profile.or(config.profile).unwrap_or(Profile::Store);
    let options = Options {
        profile,
        config,
        limits: Limits {
            max_input_bytes: args.max_input_bytes,
            max_total_bytes: args.max_total_bytes,
            max_entry_bytes: args.max_entry_bytes,
            max_entries: args.max_entries,
            max_ratio: args.max_ratio,
            max_json_depth: args.max_json_depth,
            max_string_bytes: args.max_string_bytes,
        },
        env_spec: crate::env::EnvSpec {
            name: args.env.clone(),
            files: args.env_file.clone(),
        },
        env: None,
        progress: !args.quiet,
        previous: None,
        one_package: false,
        online: None,
        online_fetch: None,
    };
    let mut options = options;
    match online_config(&args) {
        Ok(fetch) => options.online_fetch = fetch.map(std::sync::Arc::new),
        Err(e) => return usage_error(&e),
    }
    if let Some(prev) = &args.previous {
        match crate::discover::discover_all(&args.paths) {
            Ok(inputs) if inputs.len() == 1 => {}
            Ok(inputs) => {
                return usage_error(&format!(
                    "--previous compares one package with its published version, but {} packages were found",
                    inputs.len()
                ))
            }
            Err(e) => return usage_error(&e.to_string()),
        }
        match crate::load_previous(prev, &options.limits) {
            Ok(p) => options.previous = Some(std::sync::Arc::new(p)),
            Err(e) => return usage_error(&e.to_string()),
        }
    }
    for f in &args.env_file {
        if !f.is_file() {
            return usage_error(&format!("--env-file {}: no such file", f.display()));
        }
    }
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return usage_error("--unsafe-fixes applies with --fix or --diff");
    }
    if (args.fix || args.diff) && args.paths.iter().any(|p| p == "-") {
        return usage_error(
            "--fix and --diff work on package folders and zip files, not on standard input",
        );
    }
    if args.diff {
        return diff(&args, &options);
    }
    if let Some(code) = check_streaming(&args, &outputs, &options) {
        return code;
    }
    let mut fixed_summary = None;
    let report = if args.fix {
        match crate::fix_paths(&args.paths, &options, true, args.unsafe_fixes) {
            Ok(run) => {
                fixed_summary = Some(fix_summary(&run, false));
                run.report
            }
            Err(e) => return usage_error(&e.to_string()),
        }
    } else if args.paths.iter().any(|p| p == "-") {
        if args.paths.len() > 1 {
            return usage_error("`-` (standard input) cannot be mixed with other paths");
        }
        match check_stdin(&args, &options) {
            Ok(r) => r,
            Err(e) => return usage_error(&e),
        }
    } else {
        match crate::check_paths(&args.paths, &options) {
            Ok(r) => r,
            Err(e) => return usage_error(&e.to_string()),
        }
    };
    if let Some(prev) = &options.previous {
        if let Some(p) = report.packages.iter().find(|p| p.kind != prev.kind) {
            return usage_error(&format!(
                "--previous {}: a {} package, but {} is a {} package; compare a package with the published version of the same package",
                prev.input, prev.kind, p.input, p.kind
            ));
        }
    }
    if let Some(to) = &args.record_baseline {
        return write_baseline(to.as_deref(), &report);
    }
    if let Some(b) = options.config.baseline.as_ref() {
        if !b.entries.is_empty() && !b.names_any(&report.packages) {
            eprintln!("appcert: warning: the baseline {} names none of the packages checked (its packages are named as `appcert baseline` was given them, from the folder it ran in)", b.origin);
        }
    }
    if let Err(code) = write_reports(&args, &outputs, &report) {
        return code;
    }
    if let Some(summary) = fixed_summary {
        eprint!("{summary}");
    }
    if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A run whose one report is JSON or concise, without `--fix`, standard input, `--previous`,
/// suppressions or a baseline (all of which need the whole run first), streams: each package
/// is written as soon as it and those before it are checked, so memory stays flat however
/// many packages. `None` when the run does not qualify (the caller checks as usual).
fn check_streaming(args: &CheckArgs, outputs: &Outputs, options: &Options) -> Option<ExitCode> {
    let [(format, path)] = outputs.as_slice() else {
        return None;
    };
    let stdin = args.paths.iter().any(|p| p == "-");
    if !matches!(format, Format::Json | Format::Concise)
        || args.fix
        || stdin
        || args.record_baseline.is_some()
        || options.previous.is_some()
        || !options.config.suppressions.is_empty()
        || options.config.baseline.is_some()
    {
        return None;
    }
    let sink: Box<dyn Write> = match path {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => return Some(usage_error(&format!("cannot write {}: {e}", p.display()))),
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    // The first write error (a closed pipe, a full disk) stops the writing, not the run.
    let mut failed: Option<std::io::Error> = None;
    let mut stream = (*format == Format::Json).then(|| json::Stream::new(options.profile.as_str()));
    let run = crate::check_paths_streaming(&args.paths, options, &mut |p| {
        if failed.is_some() {
            return;
        }
        let written = match stream.as_mut() {
            Some(s) => s.package(&mut out, &p),
            None => {
                let mut text = String::new();
                concise_package(&p, &cwd, &mut text);
                out.write_all(text.as_bytes())
            }
        };
        if let Err(e) = written {
            failed = Some(e);
        }
    });
    let report = match run {
        Ok(r) => r,
        Err(e) => return Some(usage_error(&e.to_string())),
    };
    if failed.is_none() {
        let ended = match stream {
            Some(s) => s.end(&mut out, &report),
            None => out.flush(),
        };
        failed = ended.err();
    }
    if let Some(e) = failed {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Some(usage_error(&format!("cannot write the report: {e}")));
        }
        return Some(ExitCode::from(2));
    }
    Some(if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `appcert baseline`: the run's findings as a baseline, to `to` or standard output.
fn write_baseline(to: Option<&std::path::Path>, report: &crate::Report) -> ExitCode {
    let baseline = crate::baseline::Baseline::of(&report.packages);
    let text = baseline.render();
    let findings: usize = baseline.entries.iter().map(|e| e.count).sum();
    let n = report.packages.len();
    eprintln!(
        "appcert: baseline of {n} package{}: {findings} findings in {} entries",
        if n == 1 { "" } else { "s" },
        baseline.entries.len()
    );
    let written = match to {
        Some(path) => match std::fs::write(path, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => usage_error(&format!("cannot write {}: {e}", path.display())),
        },
        None => print(&text),
    };
    // A package appcert could not check is not recorded: never exit 0 over it.
    let crashed = report
        .packages
        .iter()
        .filter(|p| p.findings.iter().any(|f| f.rule == "internal-error"))
        .count();
    if crashed > 0 && written == ExitCode::SUCCESS {
        return usage_error(&format!(
            "appcert could not check {crashed} package(s) (internal-error): the baseline leaves that out"
        ));
    }
    written
}

/// `--diff`: the unified diff of what `--fix` would change, on standard output; exit 1 when
/// there would be changes.
fn diff(args: &CheckArgs, options: &Options) -> ExitCode {
    let run = match crate::fix_paths(&args.paths, options, false, args.unsafe_fixes) {
        Ok(run) => run,
        Err(e) => return usage_error(&e.to_string()),
    };
    let mut text = String::new();
    for p in &run.packages {
        for (name, before, after) in &p.changes {
            text.push_str(&unified_diff(&p.input.display, name, before, after));
        }
    }
    let _ = print(&text);
    eprint!("{}", fix_summary(&run, true));
    if run.packages.iter().any(|p| !p.changes.is_empty()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The diff of one package file, with `a/` and `b/` before its path (the package's display
/// path, then the file's). A removed byte-order mark is said in a line of its own, since a diff
/// cannot show it.
pub fn unified_diff(package: &str, file: &str, before: &[u8], after: &[u8]) -> String {
    let base = package.trim_end_matches(['/', '\\']);
    let path = if base.is_empty() || base == "." {
        file.to_string()
    } else {
        format!("{base}/{file}")
    };
    let bom = |b: &[u8]| b.starts_with(b"\xEF\xBB\xBF");
    let text = |b: &[u8]| {
        let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
        String::from_utf8_lossy(b).into_owned()
    };
    let (old, new) = (text(before), text(after));
    let mut out = similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if bom(before) != bom(after) {
        let what = if bom(before) {
            "removes the byte-order mark"
        } else {
            "adds a byte-order mark"
        };
        if out.is_empty() {
            out = format!("--- a/{path}\n+++ b/{path}\n");
        }
        out.push_str(&format!("(the fix {what} of {path})\n"));
    }
    out
}

/// "Fixed 3 findings (2 more fixable with --unsafe-fixes)." (or "Would fix…" for `--diff`).
fn fix_summary(run: &crate::FixRun, dry: bool) -> String {
    let fixed: usize = run.packages.iter().map(|p| p.fixed).sum();
    let more: usize = run.packages.iter().map(|p| p.unsafe_left).sum();
    let plural = |n: usize| if n == 1 { "finding" } else { "findings" };
    let mut s = match (dry, fixed) {
        (false, 0) => "No finding fixed".to_string(),
        (true, 0) => "No finding would be fixed".to_string(),
        (false, n) => format!("Fixed {n} {}", plural(n)),
        (true, n) => format!("Would fix {n} {}", plural(n)),
    };
    if more > 0 {
        s.push_str(&format!(" ({more} more fixable with --unsafe-fixes)"));
    }
    s.push_str(".\n");
    for p in &run.packages {
        if let Some(path) = &p.written {
            s.push_str(&format!(
                "Wrote the corrected copy {} ({} left unchanged).\n",
                path.display(),
                p.input.display
            ));
        }
    }
    s
}

/// `appcert check -`: a zip or a manifest.json read from standard input (within
/// `--max-input-bytes`), named `--stdin-filename` in the report.
/// `--online` and its options. The network options without `--online` change nothing (the run
/// stays offline, with a warning), so that a CI step can add or drop `--online` alone.
fn online_config(args: &CheckArgs) -> Result<Option<crate::online::fetch::FetchConfig>, String> {
    if !args.online {
        let given = [
            ("--resolve", !args.resolve.is_empty()),
            ("--ca-cert", args.ca_cert.is_some()),
            ("--online-timeout", args.online_timeout.is_some()),
        ];
        for (flag, _) in given.iter().filter(|(_, g)| *g) {
            eprintln!(
                "appcert: warning: {flag} has no effect without --online (no network connection is made)"
            );
        }
        return Ok(None);
    }
    if args.paths.iter().any(|p| p == "-") {
        return Err(
            "--online checks packages on disk; it cannot be used with `-` (standard input)".into(),
        );
    }
    let mut fetch = crate::online::fetch::FetchConfig::new(
        args.online_timeout
            .unwrap_or(std::time::Duration::from_secs(10)),
    );
    fetch.resolve = args.resolve.clone();
    if let Some(path) = &args.ca_cert {
        fetch.ca_certs = crate::online::fetch::read_ca_certs(path)?;
    }
    Ok(Some(fetch))
}

fn check_stdin(args: &CheckArgs, options: &Options) -> Result<crate::Report, String> {
    use std::io::Read;
    let limit = options.limits.max_input_bytes;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "standard input is larger than --max-input-bytes ({limit} bytes)"
        ));
    }
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_string());
    let report = if bytes.starts_with(b"PK") || bytes.is_empty() {
        crate::check_zip_bytes(&name, bytes, options)
    } else {
        // A manifest on its own: the package is that one file, named after the folder of
        // `--stdin-filename` (`appPackage/manifest.json` → `appPackage`).
        let folder = name
            .strip_suffix("manifest.json")
            .map(|d| d.trim_end_matches(['/', '\\']))
            .filter(|d| !d.is_empty())
            .unwrap_or(if name.ends_with("manifest.json") {
                "."
            } else {
                &name
            })
            .to_string();
        crate::check_files(&folder, vec![("manifest.json".to_string(), bytes)], options)
    };
    Ok(crate::finish_run(vec![report], options))
}

/// Where each requested report goes: `None` is standard output.
type Outputs = Vec<(Format, Option<std::path::PathBuf>)>;

/// `--format F` goes to standard output, or to the one plain `--output FILE` (whose extension
/// names the format when `--format` is not given); each `--output FORMAT=FILE` adds a report in
/// that format. An unknown format, or a file whose extension names none, is a usage error:
/// a CI step must never upload a human report as SARIF.
fn plan_outputs(format: Option<Format>, outputs: &[String]) -> Result<Outputs, String> {
    let mut primary: Option<std::path::PathBuf> = None;
    let mut extra = Vec::new();
    for o in outputs {
        // `name=file` where `name` looks like a format name is a format request.
        let spec = o.split_once('=').filter(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        match spec {
            Some((name, file)) => {
                let Ok(f) = Format::from_str(name, true) else {
                    return Err(format!(
                        "`--output {o}`: unknown format `{name}` (formats: human, json, sarif, junit, github, markdown, concise)"
                    ));
                };
                if file.is_empty() {
                    return Err(format!("`--output {o}` names no file"));
                }
                extra.push((f, Some(std::path::PathBuf::from(file))));
            }
            None if o.is_empty() => return Err("`--output` names no file".to_string()),
            None if primary.is_some() => {
                return Err(format!(
                    "`--output {o}`: only one `--output FILE` without a format; use `--output FORMAT=FILE` for more"
                ))
            }
            None => primary = Some(std::path::PathBuf::from(o)),
        }
    }
    let format = match (format, &primary) {
        (Some(f), _) => f,
        (None, None) => Format::Human,
        (None, Some(path)) => Format::of_extension(path).ok_or_else(|| {
            format!(
                "`--output {}`: its extension names no report format; use .json, .sarif, .xml (JUnit), .md or .txt, or give `--format`",
                path.display()
            )
        })?,
    };
    let mut plan = vec![(format, primary)];
    plan.extend(extra);
    Ok(plan)
}

/// One line per finding: `path:line:column: severity rule: message`.
fn concise(report: &crate::Report, cwd: &std::path::Path) -> String {
    let mut out = String::new();
    for p in &report.packages {
        concise_package(p, cwd, &mut out);
    }
    out
}

/// The `--format concise` lines of one package.
fn concise_package(p: &crate::PackageReport, cwd: &std::path::Path, out: &mut String) {
    {
        let pkg = sarif::PackagePath::of(&p.input, p.is_folder, cwd);
        for f in p.findings.iter().filter(|f| f.counts()) {
            let mut at = pkg.file(&f.file);
            if let Some(line) = f.line {
                at.push_str(&format!(":{line}:{}", f.column.unwrap_or(1)));
            }
            // `[*]`: `--fix` removes it (as in ruff); `[?]`: with `--unsafe-fixes`.
            let mark = match f.fix.as_ref().map(|x| x.applicability) {
                Some(crate::finding::Applicability::Safe) => " [*]",
                Some(crate::finding::Applicability::Unsafe) => " [?]",
                None => "",
            };
            out.push_str(&format!(
                "{at}: {} {}:{mark} {}\n",
                f.severity, f.rule, f.message
            ));
        }
    }
}

/// Findings per rule (`--statistics`), most frequent first.
fn statistics(report: &crate::Report) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for p in &report.packages {
        for f in p.findings.iter().filter(|f| f.counts()) {
            *counts
                .entry((f.rule.as_str(), f.severity.as_str()))
                .or_default() += 1;
        }
    }
    let mut rows: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.iter().map(|((r, _), _)| r.len()).max().unwrap_or(4);
    let mut out = String::new();
    for ((rule, severity), n) in &rows {
        let title = registry().get(rule).map(|r| r.title.as_str()).unwrap_or("");
        out.push_str(&format!("{n:>6}  {rule:width$}  {severity:7}  {title}\n"));
    }
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    out.push_str(&format!(
        "{total:>6}  findings in {} packages ({} failed)\n",
        report.summary.packages, report.summary.failed
    ));
    out
}

fn render(
    format: Format,
    to_terminal: bool,
    args: &CheckArgs,
    report: &crate::Report,
    cwd: &std::path::Path,
) -> String {
    match format {
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, cwd),
        Format::Junit => junit::render(report),
        Format::Github => github::render(report, cwd),
        Format::Markdown => markdown::render(report, cwd),
        Format::Concise => concise(report, cwd),
        Format::Human if args.statistics => statistics(report),
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    let set = |name: &str| {
                        std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0")
                    };
                    if set("FORCE_COLOR") || set("CLICOLOR_FORCE") {
                        true
                    } else {
                        to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    }
                }
            };
            // Prose wraps to a terminal's width; a pipe or a file gets one line per item.
            let width = to_terminal.then(|| {
                std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.parse().ok())
                    .filter(|&w: &usize| w > 0)
                    .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                    .unwrap_or(100)
            });
            // `--quiet`: passing packages without findings print no line.
            let shown = if args.quiet { quiet_view(report) } else { None };
            let report_full = report;
            let report = shown.as_ref().unwrap_or(report_full);
            let mut text = human::render(
                report,
                human::Style {
                    color,
                    unicode: true,
                    width,
                    verbose: args.verbose,
                    show_suppressed: args.show_suppressed,
                },
            );
            // The total of a quiet run, when the renderer saw too few packages to print it.
            if report.packages.len() <= 1 && report_full.packages.len() > 1 {
                let s = &report_full.summary;
                text.push_str(&format!(
                    "{}Checked {} packages: {} passed, {} failed.\n",
                    if text.is_empty() { "" } else { "\n" },
                    s.packages,
                    s.passed,
                    s.failed
                ));
            }
            text
        }
    }
}

/// Writes every requested report; on failure, the exit code to return.
fn write_reports(
    args: &CheckArgs,
    outputs: &Outputs,
    report: &crate::Report,
) -> Result<(), ExitCode> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    for (format, path) in outputs {
        let to_terminal = path.is_none() && std::io::stdout().is_terminal();
        let text = render(*format, to_terminal, args, report, &cwd);
        let written = match path {
            Some(path) => std::fs::write(path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display())),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())
                    .and_then(|_| out.flush())
                    .map_err(|e| format!("cannot write the report: {e}"))
            }
        };
        if let Err(e) = written {
            // A closed pipe (e.g. `| head`) is not worth a second message.
            if !e.contains("Broken pipe") {
                return Err(usage_error(&e));
            }
            return Err(ExitCode::from(2));
        }
    }
    Ok(())
}
