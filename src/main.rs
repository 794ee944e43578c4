use std::process::ExitCode;

fn main() -> ExitCode {
    appcert_cli::run()
}

#[path = "cli.rs"]
mod appcert_cli;
