//! `cargo bench --bench check`: time per package (whole check: open, parse, schemas, rules)
//! over the fixture packages and `../shared/corpus` (skipped when absent), then whole-run
//! throughput, sequential and parallel. A plain binary (`harness = false`) printing a table.

use appcert::{check_input, check_paths, discover, Options};
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
}
