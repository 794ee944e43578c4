//! The whole check of one package held in memory: every rule over whatever the zip holds, then
//! both report formats (the human one draws snippets at the findings' spans).
#![no_main]

use appcert::report::human::{self, Style};
use appcert::{check_zip_bytes, finish_run, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    let package = check_zip_bytes("fuzz.zip", data.to_vec(), &options);
    let report = finish_run(vec![package], &options);
    let _ = appcert::report::json::render(&report);
    let _ = human::render(&report, Style::plain());
});
