//! The overview cache reader on any file and on any body behind a good
//! checksum: never a panic, and what it reads is written back to a body
//! that reads as the same entries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tertial::overview::cache::Cache;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Cache::from_text(text);
    let Some(cache) = Cache::from_body(text) else {
        return;
    };
    let again = Cache::from_body(&cache.body(&[])).expect("a written body reads back");
    assert_eq!(again.len(), cache.len());
    for (oid, entry) in cache.entries() {
        assert_eq!(again.get(oid), Some(entry));
    }
});
