//! What fuzzing found, kept as regular tests: each input a fuzz target
//! once failed on, or one of its kind, with the behaviour now expected.

use tertial::overview::PlanSummary;
use tertial::overview::cache::Entry;
use tertial::overview::read;

const PLAN: &str = include_str!("../plans/2025/bestallarenhet-2.toml");

/// The bundled plan with its first `from` replaced by `to`.
fn mutated(from: &str, to: &str) -> String {
    assert!(PLAN.contains(from), "{from:?} is not in the plan");
    PLAN.replacen(from, to, 1)
}

/// Plans `tertial check` rejects for what lies outside the statements the
/// roll-up shows (a long text, a field it does not show, a rule across
/// goals) were read by the overview as good plans.
#[test]
fn the_overview_never_reads_a_plan_check_rejects_as_good() {
    let cases = [
        // A syntax error in a long text the roll-up never shows.
        mutated("description = \"\"\"\n", "description = \"\"\"\n\\q"),
        // A value that is no TOML value, in a table the roll-up skips.
        mutated(
            "[[kf_goal]]\nid = \"1\"\n",
            "[[kf_goal]]\nid = \"1\"\nnote = tbd\n",
        ),
        // A KF goal with a second title, and that one no text.
        mutated(
            "[[kf_goal]]\nid = \"1\"\n",
            "[[kf_goal]]\nid = \"1\"\ntitle = 5\n",
        ),
        // A nämndmål that names no area goal.
        mutated(
            "area_goal = \"1.4\"\ntitle = \"Äldre",
            "area_goal = \"9.9\"\ntitle = \"Äldre",
        ),
        // The same key twice in a skipped table.
        mutated(
            "[[kf_goal]]\nid = \"1\"\n",
            "[[kf_goal]]\nid = \"1\"\nid = \"1\"\n",
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        let check = tertial::plan::parse_plan("p.toml", text.as_bytes());
        assert!(check.is_err(), "case {i}: check accepts it");
        let entry = read::parse_plan(text.as_bytes());
        assert!(
            matches!(entry, Entry::Broken(_)),
            "case {i}: the overview reads {entry:?}"
        );
    }
}

/// The reason given names the line, as `tertial check` does.
#[test]
fn a_broken_plan_is_named_with_checks_first_problem() {
    let text = mutated("year = 2025\n", "year = 2025\nchief = tbd\n");
    let Entry::Broken(why) = read::parse_plan(text.as_bytes()) else {
        panic!("read as good");
    };
    assert!(why.starts_with("line 8: "), "{why}");
}

/// Where check accepts, the overview shows the unit and goals it reads.
#[test]
fn where_check_accepts_the_overview_reads_the_same_plan() {
    let plan = tertial::plan::parse_plan("p.toml", PLAN.as_bytes()).unwrap();
    assert_eq!(
        read::parse_plan(PLAN.as_bytes()),
        Entry::Plan(PlanSummary::of(&plan))
    );
}
