//! The plan parser (syntax, types and the plan's rules) on any bytes: it
//! answers a plan or diagnostics, never panics, and a plan it accepts is
//! written back to a file it accepts again as the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tertial::plan::{parse_plan, write::to_toml};

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = parse_plan("fuzz.toml", data) else {
        return;
    };
    let written = to_toml(&plan);
    match parse_plan("written.toml", written.as_bytes()) {
        Ok(again) => assert_eq!(again, plan, "the written plan reads back different"),
        Err(d) => panic!("the written plan is rejected: {d:?}\n{written}"),
    }
});
