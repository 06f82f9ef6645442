//! The follow-up parser on any bytes, checked against each bundled plan,
//! and the overview's reading of a follow-up: neither panics, and where the
//! full parser accepts, the overview reads the same unit, period, status
//! and ratings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tertial::overview::cache::Entry;
use tertial::plan::Plan;

fn plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        tertial::plan::bundled::PLANS
            .iter()
            .filter_map(|(path, text)| tertial::plan::parse_plan(path, text.as_bytes()).ok())
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    for plan in plans() {
        let _ = tertial::followup::load::parse_followup("fuzz.toml", data, plan);
    }
    let unchecked = tertial::followup::load::parse_unchecked(data);
    let quick = tertial::overview::read::parse_followup(data);
    if let Some(full) = unchecked {
        let Entry::FollowUp(f) = quick else {
            panic!("the follow-up parses, the overview reads {quick:?}");
        };
        assert_eq!(
            (f.unit.as_str(), f.period.as_str(), f.status),
            (full.unit.as_str(), full.period.to_string().as_str(), full.status)
        );
        let want: Vec<_> = full
            .goals
            .iter()
            .filter_map(|g| Some((g.id.clone(), g.rating?)))
            .collect();
        assert_eq!(f.ratings, want);
    }
});
