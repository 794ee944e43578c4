//! `cargo bench --bench check`: time per package (whole check: open, parse, schemas, rules)
//! over the fixture packages, `../shared/corpus` and the connectors of
//! `../shared/corpus-connectors` (skipped when absent), then whole-run throughput, sequential
//! and parallel, then the median split of one package's check into phases, then scale (the
//! corpus against the same packages copied to 30,000, generated here with hard links;
//! `APPCERT_BENCH_COPIES` changes the 100 copies) and big files (a 6 MB OpenAPI description and
//! a 2 MB manifest, generated here). A plain binary (`harness = false`) printing tables;
//! whole-process figures (against `appcert --version`, peak RSS) are
//! `scripts/perf-measure.py`'s.

use appcert::{check_input, check_paths, check_paths_streaming, discover, InputKind, Options};
use std::path::Path;
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

/// Hard-links (or copies) every file of `from` under `to`.
fn link_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            let _ = std::fs::create_dir_all(&target);
        } else if std::fs::hard_link(entry.path(), &target).is_err() {
            let _ = std::fs::copy(entry.path(), &target);
        }
    }
}

/// The streaming run (what `appcert check DIR --format json` does) over the corpus, then over
/// the corpus copied `copies` times: time per package, and its ratio.
fn bench_scale(corpus: &str) {
    if !Path::new(corpus).join("INDEX.tsv").is_file() {
        println!("scale      (skipped: {corpus} not found)");
        return;
    }
    let copies: usize = std::env::var("APPCERT_BENCH_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let Ok(tmp) = tempfile::tempdir() else {
        return;
    };
    for i in 0..copies {
        link_tree(Path::new(corpus), &tmp.path().join(format!("c{i:03}")));
    }
    let options = Options::default();
    let run = |path: &str| {
        let t = Instant::now();
        let mut n = 0usize;
        let _ = check_paths_streaming(&[path.to_string()], &options, &mut |_| n += 1);
        (t.elapsed(), n)
    };
    let (small, n_small) = run(corpus);
    let (big, n_big) = run(&tmp.path().to_string_lossy());
    let per = |d: Duration, n: usize| ms(d) / n.max(1) as f64;
    println!(
        "scale      {n_small:>6} pkgs {:>8.1} ms ({:.3} ms/pkg); {n_big:>6} pkgs {:>9.1} ms ({:.3} ms/pkg); ratio {:.2}",
        ms(small),
        per(small, n_small),
        ms(big),
        per(big, n_big),
        per(big, n_big) / per(small, n_small)
    );
}

/// A 6 MB OpenAPI description (the me-api-based fixture's, grown) and a 2 MB manifest (the
/// tab-personal fixture's), each checked 3 times: median time and throughput.
fn bench_big_files(root: &str) {
    let Ok(tmp) = tempfile::tempdir() else {
        return;
    };
    let api = tmp.path().join("openapi-6mb");
    link_tree(
        &Path::new(root).join("fixtures/packages/me-api-based"),
        &api,
    );
    let spec_path = api.join("apiSpecificationFile/openapi.json");
    let Ok(text) = std::fs::read_to_string(&spec_path) else {
        return;
    };
    let Ok(mut spec) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    let Some((path, item)) = spec["paths"]
        .as_object()
        .and_then(|p| p.iter().next())
        .map(|(k, v)| (k.clone(), v.clone()))
    else {
        return;
    };
    let mut i = 0;
    while serde_json::to_string_pretty(&spec).map_or(0, |s| s.len()) < 6_000_000 {
        for _ in 0..500 {
            let mut op = item.clone();
            if let Some(obj) = op.as_object_mut() {
                for v in obj.values_mut() {
                    if let Some(id) = v.get("operationId").and_then(|x| x.as_str()) {
                        v["operationId"] = format!("{id}{i}").into();
                        v["description"] = format!(
                            "Operation number {i}: {}",
                            "lists the records of the account. ".repeat(8)
                        )
                        .into();
                    }
                }
            }
            spec["paths"][format!("{path}/v{i}")] = op;
            i += 1;
        }
    }
    let _ = std::fs::remove_file(&spec_path);
    let _ = std::fs::write(
        &spec_path,
        serde_json::to_string_pretty(&spec).unwrap_or_default(),
    );

    let tab = tmp.path().join("manifest-2mb");
    link_tree(
        &Path::new(root).join("fixtures/packages/tab-personal"),
        &tab,
    );
    let manifest_path = tab.join("manifest.json");
    let Ok(mut manifest) = std::fs::read_to_string(&manifest_path)
        .map_err(|_| ())
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).map_err(|_| ()))
    else {
        return;
    };
    let first = manifest["staticTabs"][0].clone();
    let mut tabs = Vec::new();
    let mut size = 0;
    while size < 2_000_000 {
        let mut t = first.clone();
        t["entityId"] = format!("tab{}", tabs.len()).into();
        t["contentUrl"] = format!(
            "https://example.com/?tab={}&{}",
            tabs.len(),
            "x".repeat(300)
        )
        .into();
        size += 420;
        tabs.push(t);
    }
    manifest["staticTabs"] = tabs.into();
    let _ = std::fs::remove_file(&manifest_path);
    let _ = std::fs::write(
        &manifest_path,
        serde_json::to_string_pretty(&manifest).unwrap_or_default(),
    );

    let options = Options::default();
    for (name, dir, file) in [
        ("openapi-6mb", &api, &spec_path),
        ("manifest-2mb", &tab, &manifest_path),
    ] {
        let bytes = std::fs::metadata(file).map_or(0, |m| m.len());
        let Ok(inputs) = discover::discover_all(&[dir.to_string_lossy().into_owned()]) else {
            continue;
        };
        let Some(input) = inputs.first() else {
            continue;
        };
        let mut times: Vec<Duration> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let _ = check_input(input, &options);
                t.elapsed()
            })
            .collect();
        times.sort();
        let median = times[1];
        println!(
            "{name:<14} {:>5.1} MB {:>8.1} ms {:>6.1} MB/s",
            bytes as f64 / 1e6,
            ms(median),
            bytes as f64 / 1e6 / median.as_secs_f64()
        );
    }
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
    bench_set(
        "conn-cert",
        &format!("{root}/../shared/corpus-connectors/certified-connectors"),
        1,
    );
    bench_set(
        "conn-ip",
        &format!("{root}/../shared/corpus-connectors/independent-publisher-connectors"),
        1,
    );
    println!(
        "\nphases (schemas already compiled; packages whose manifest parses and has a known version)\n{:<10} {:>5} {:>7} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "set", "pkgs", "open p50", "parse", "schema", "rules+ p50", "open Σms", "parse Σ", "schema Σ", "rules+ Σ"
    );
    bench_phases("fixtures", &format!("{root}/fixtures/packages"));
    bench_phases("corpus", &format!("{root}/../shared/corpus"));
    println!();
    bench_scale(&format!("{root}/../shared/corpus"));
    println!();
    bench_big_files(root);
}
