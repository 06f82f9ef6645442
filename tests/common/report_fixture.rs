//! The Beställarenhet 2 report of 2025 as test fixtures: the bundled plan,
//! the re-entered VB and the two tertial reports that feed its
//! accumulated synpunkter och klagomål counts.

use tertial::followup::FollowUp;
use tertial::plan::{Plan, parse_plan};

const PLAN: &str = include_str!("../../plans/2025/bestallarenhet-2.toml");
const VB: &str = include_str!("../fixtures/bestallarenhet-2-2025-VB.toml");
const T1: &str = include_str!("../fixtures/bestallarenhet-2-2025-T1.toml");
const T2: &str = include_str!("../fixtures/bestallarenhet-2-2025-T2.toml");

/// The city's own report the fixtures were re-entered from.
pub const SEED_REPORT: &str = include_str!("../fixtures/report/verksamhetsberattelse-2025.txt");

pub fn plan() -> Plan {
    parse_plan("plans/2025/bestallarenhet-2.toml", PLAN.as_bytes()).expect("bundled plan parses")
}

fn parse(name: &str, text: &str, plan: &Plan) -> FollowUp {
    tertial::followup::load::parse_followup(name, text.as_bytes(), plan)
        .unwrap_or_else(|d| panic!("{name} does not parse: {d:?}"))
}

/// The finished VB 2025.
pub fn vb(plan: &Plan) -> FollowUp {
    parse("bestallarenhet-2-2025-VB.toml", VB, plan)
}

/// T1 and T2 2025 (only their complaint counts are filled in).
pub fn tertials(plan: &Plan) -> Vec<FollowUp> {
    vec![
        parse("bestallarenhet-2-2025-T1.toml", T1, plan),
        parse("bestallarenhet-2-2025-T2.toml", T2, plan),
    ]
}
