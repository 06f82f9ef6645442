//! The keymap parser on any bytes: a keymap and diagnostics, never a panic;
//! the merged map's own check never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (map, _diags) = tertial::keymap::parse::parse_keymap("fuzz.toml", data);
    let _ = tertial::keymap::parse::check_merged(&map, "fuzz.toml");
});
