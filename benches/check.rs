//! `cargo bench --bench check`: time per package (whole check: open, parse, schemas, rules)
//! over the fixture packages and `../shared/corpus` (skipped when absent), then whole-run
//! throughput, sequential and parallel, then the median split of one package's check into
//! phases. A plain binary (`harness = false`) printing tables.

use appcert::{check_input, check_paths, discover, InputKind, Options};
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn bench_set(name: &str, path: &str, rounds: usize) {
    let Ok(inputs) = discover::discover_all(&[path.to_string()]) else {
        println!("{name:<10} (skipped: {path} not found)");
        return;
    };
    let options = Options::default();
    // Warm-up: the first package of a run pays for compiling the schemas it uses.
    let cold_start = Instant::now();
    if let Some(first) = inputs.first() {
        let _ = check_input(first, &options);
    }
    let cold = cold_start.elapsed();
    let mut per_package: Vec<Duration> = Vec::new();
    for _ in 0..rounds {
        for input in &inputs {
            let t = Instant::now();
            let _ = check_input(input, &options);
            per_package.push(t.elapsed());
        }
    }
    per_package.sort();
    let seq_start = Instant::now();
    for input in &inputs {
        let _ = check_input(input, &options);
    }
    let seq = seq_start.elapsed();
    let par_start = Instant::now();
    let _ = check_paths(&[path.to_string()], &options);
    let par = par_start.elapsed();
    println!(
        "{name:<10} {:>5} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>10.1} {:>10.1} {:>9.0}",
        inputs.len(),
        ms(cold),
        ms(percentile(&per_package, 0.5)),
        ms(percentile(&per_package, 0.95)),
        ms(percentile(&per_package, 1.0)),
        ms(seq),
        ms(par),
        inputs.len() as f64 / par.as_secs_f64(),
    );
}

/// One package's check split into phases, measured by running the library's pieces in
/// order: open (read the zip or list the folder, read manifest.json), parse (decode and parse
/// the manifest, span index included), schema (validate the manifest against its schema), and
/// the rest of the whole check (referenced files and their schemas, every rule, locations),
/// which is the whole check minus the three.
fn phases(input: &appcert::Input, options: &Options) -> Option<[Duration; 4]> {
    let t = Instant::now();
    let opened = match input.kind {
        InputKind::Zip => appcert::folder::open_zip(&input.display, &input.path, &options.limits),
        InputKind::Dir => appcert::folder::open_dir(&input.display, &input.path, &options.limits),
    };
    let pkg = opened.package?;
    let bytes = pkg.read("manifest.json")?.ok()?.to_vec();
    let open = t.elapsed();
    let t = Instant::now();
    let parsed = appcert::json::parse_doc("manifest.json", &bytes, &options.limits);
    let parse = t.elapsed();
    let doc = parsed.doc?;
    let version = doc.str_at("/manifestVersion")?.to_string();
    let path = appcert::schema::manifest_schema_path(&version)?;
    let t = Instant::now();
    let _ = appcert::schema::validate_by_path(&path, &doc.value);
    let schema = t.elapsed();
    let t = Instant::now();
    let _ = check_input(input, options);
    let whole = t.elapsed();
    Some([
        open,
        parse,
        schema,
        whole.saturating_sub(open + parse + schema),
    ])
}

fn bench_phases(name: &str, path: &str) {
    let Ok(inputs) = discover::discover_all(&[path.to_string()]) else {
        return;
    };
    let options = Options::default();
    for input in &inputs {
        let _ = check_input(input, &options); // compile every schema first
    }
    let mut columns: [Vec<Duration>; 4] = Default::default();
    for input in &inputs {
        if let Some(p) = phases(input, &options) {
            for (c, d) in columns.iter_mut().zip(p) {
                c.push(d);
            }
        }
    }
    for c in columns.iter_mut() {
        c.sort();
    }
    let median = |i: usize| ms(percentile(&columns[i], 0.5));
    let total = |i: usize| ms(columns[i].iter().sum());
    println!(
        "{name:<10} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>9.3} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
        columns[0].len(),
        median(0),
        median(1),
        median(2),
        median(3),
        total(0),
        total(1),
        total(2),
        total(3),
    );
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let root = env!("CARGO_MANIFEST_DIR");
    println!(
        "threads: {} (rayon)\n{:<10} {:>5} {:>9} {:>9} {:>9} {:>9} {:>10} {:>10} {:>9}",
        rayon::current_num_threads(),
        "set",
        "pkgs",
        "first ms",
        "p50 ms",
        "p95 ms",
        "max ms",
        "seq run ms",
        "par run ms",
        "pkgs/s"
    );
    bench_set("fixtures", &format!("{root}/fixtures/packages"), 20);
    bench_set("corpus", &format!("{root}/../shared/corpus"), 3);
    println!(
        "\nphases (schemas already compiled; packages whose manifest parses and has a known version)\n{:<10} {:>5} {:>7} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "set", "pkgs", "open p50", "parse", "schema", "rules+ p50", "open Σms", "parse Σ", "schema Σ", "rules+ Σ"
    );
    bench_phases("fixtures", &format!("{root}/fixtures/packages"));
    bench_phases("corpus", &format!("{root}/../shared/corpus"));
}
