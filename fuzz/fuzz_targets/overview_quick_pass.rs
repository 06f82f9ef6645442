//! The overview's reading of a plan against the full parser: a file that
//! `tertial check` rejects is never read as a good plan, a file it accepts
//! is never called broken, and where both accept, the unit and goals the
//! roll-up shows are the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tertial::overview::PlanSummary;
use tertial::overview::cache::Entry;

fuzz_target!(|data: &[u8]| {
    let full = tertial::plan::parse_plan("fuzz.toml", data);
    let quick = tertial::overview::read::parse_plan(data);
    match (full, quick) {
        (Ok(plan), Entry::Plan(summary)) => assert_eq!(summary, PlanSummary::of(&plan)),
        (Ok(_), other) => panic!("check accepts the plan, the overview reads {other:?}"),
        (Err(d), Entry::Plan(_)) => {
            panic!("check rejects the plan ({d:?}), the overview reads it as good")
        }
        (Err(_), _) => {}
    }
});
