//! Writes the hostile packages of the integration tests, one `<case>.zip` each.
//!
//! ```sh
//! cargo run --release --example hostile -- /tmp/hostile   # every case (scripts/hostile-measure.sh)
//! cargo run --example hostile -- --fixtures               # the small ones into fixtures/hostile/
//! ```

#[path = "../tests/integration/hostile.rs"]
mod hostile;

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: hostile <output folder> | --fixtures");
        std::process::exit(2);
    };
    let small_only = arg == "--fixtures";
    let dir = if small_only {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile")
    } else {
        std::path::PathBuf::from(arg)
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        std::process::exit(1);
    }
    for case in hostile::cases() {
        if small_only && case.bytes.len() > hostile::COMMITTED_MAX {
            continue;
        }
        let path = dir.join(format!("{}.zip", case.name));
        if let Err(e) = std::fs::write(&path, &case.bytes) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
        println!(
            "{}\t{}\t{}",
            case.name,
            case.bytes.len(),
            case.rules.join(",")
        );
    }
}
