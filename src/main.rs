use std::process::ExitCode;

fn main() -> ExitCode {
    appcert::cli::run()
}
