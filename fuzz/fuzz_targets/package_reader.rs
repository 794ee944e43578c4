//! The zip reader: any bytes must give a package or findings, within the limits, never a
//! panic. Every readable entry stays within the entry limit.
#![no_main]

use appcert::package::open_zip_bytes;
use appcert::Limits;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let opened = open_zip_bytes("fuzz.zip", Path::new("fuzz.zip"), data.to_vec(), &limits);
    if let Some(pkg) = &opened.package {
        let names: Vec<String> = pkg.names().map(str::to_string).collect();
        for name in &names {
            assert!(appcert::package::unsafe_name_reason(name).is_none());
            if let Some(Ok(bytes)) = pkg.read(name) {
                assert!(bytes.len() as u64 <= limits.max_entry_bytes);
            }
        }
    }
});
