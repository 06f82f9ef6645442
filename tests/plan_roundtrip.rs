//! Round-trip properties of the plan writer and reader: any valid plan,
//! written with `plan::write::to_toml` and read again with `plan::parse_plan`,
//! comes back equal; writing it a second time gives the same bytes.

use proptest::prelude::*;
use proptest::sample::Index;
use tertial::plan::validate::check;
use tertial::plan::write::to_toml;
use tertial::plan::{
    Activity, AreaGoal, Better, CommitteeGoal, Date, Indicator, KfGoal, Periodicity, Plan, Points,
    SCHEMA_VERSION, Section, Unit, UnitGoal, parse_plan,
};

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// Small pieces of text that are hard for a TOML writer: quotes and triple
/// quotes, backslashes and escape-looking sequences, line breaks of every
/// kind, tabs and spaces, TOML-looking lines, control characters (C0, DEL,
/// C1), other Unicode separators, emoji and Swedish letters.
fn piece() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "\"\"\"\"",
        "''''''",
        "\"\"",
        "''",
        "\\",
        "\\\\",
        "\\n",
        "\\u00e5",
        "\\\"",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "  ",
        "\u{1b}",
        "\u{0}",
        "\u{7f}",
        "\u{9b}",
        "\u{85}",
        "\u{8}",
        "\u{c}",
        "\u{b}",
        "\u{1f}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{200b}",
        "\u{a0}",
        "[[unit_goal]]",
        "[unit]",
        "key = value",
        "\nschema = 2\n",
        "\n[[kf_goal]]\nid = \"1\"\n",
        "# not a comment",
        "${x}",
        "1979-05-27",
        "= [",
        "]]",
        "😀",
        "👩‍👩‍👧",
        "🇸🇪",
        "é",
        "å",
        "ä",
        "ö",
        "Å",
        "Ä",
        "Ö",
        "É",
        "Ü",
        "ß",
        "€",
        "–",
        "…",
        "»",
        "«",
        "\u{10ffff}",
        "\u{e000}",
    ])
    .prop_map(str::to_string);
    let words = prop::sample::select(vec![
        "Stadsdelsnämnden",
        "ska",
        "erbjuda",
        "stöd",
        "x",
        "A",
        "1",
        "2026",
        "10 st",
        "3,2",
        "88 %",
        "(N1)",
        "-",
        ".",
        ",",
        "?",
        "!",
        ":",
        ";",
        "%",
        "/",
        "*",
        "<b>",
        "Äldre",
        "får",
        "mål",
        "över",
        "Uppföljning",
        "É",
        "ID",
        "true",
        "nan",
        "inf",
        "-0",
        "0x1F",
        "1e3",
        "{}",
        "[]",
        "a.b",
        "a-b",
        "a_b",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => words,
        5 => special,
        // Any char at all: other scripts, private use, unassigned, controls.
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Long text, 300 to about 2,000 characters: a short hard text repeated.
fn long_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 1..10), 300..2000usize).prop_map(|(v, target)| {
        let unit = v.concat();
        let (mut s, mut n) = (String::new(), 0);
        while n < target {
            s.push_str(&unit);
            n += unit.chars().count();
        }
        s
    })
}

/// Text of 0 to about 2,000 characters; may be empty or all whitespace.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => Just(String::new()),
        1 => prop::sample::select(vec![" ", "\n", "\r\n", "\t", "  \n\t ", "\u{a0}", "\u{85}"])
            .prop_map(str::to_string),
        12 => prop::collection::vec(piece(), 1..12).prop_map(|v| v.concat()),
        1 => long_text(),
    ]
    .boxed()
}

/// Text with at least one non-whitespace character (titles, names, expected
/// results: the validator rejects blank ones). Leading and trailing spaces
/// and line breaks are kept.
fn required_text() -> BoxedStrategy<String> {
    let visible = prop::sample::select(vec![
        "x", "Ä", "ö", "é", "\"", "'", "\\", "[", "😀", "1", "#", "=", "\u{1b}", "\u{9b}",
        "\u{7f}", "\u{0}",
    ]);
    (any_text(), visible, any_text())
        .prop_map(|(a, v, b)| format!("{a}{v}{b}"))
        .boxed()
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    prop::option::of(any_text()).boxed()
}

fn points() -> BoxedStrategy<Points> {
    prop_oneof![
        any_text().prop_map(Points::Text),
        prop::collection::vec(any_text(), 0..4).prop_map(Points::Numbered),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------
// Small values
// ---------------------------------------------------------------------------

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}"
}

fn date() -> impl Strategy<Value = Date> {
    let year = prop_oneof![8 => 1990u16..=2110, 1 => 1u16..=9999, 1 => Just(2024u16)];
    (year, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        Date {
            year,
            month,
            day: day.min(days),
        }
    })
}

fn periodicity() -> impl Strategy<Value = Periodicity> {
    prop::sample::select(vec![
        Periodicity::Year,
        Periodicity::Tertial,
        Periodicity::Month,
    ])
}

fn better() -> impl Strategy<Value = Better> {
    prop::sample::select(vec![Better::Higher, Better::Lower])
}

/// Optional, odd-but-valid prefix shared by every id of one plan (ids may be
/// any non-empty text without whitespace).
fn id_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just(String::new()),
        1 => prop::sample::select(vec!["Ä", "é😀", "'", "\"", "\\", "#", "x=", "[[", "''''"])
            .prop_map(str::to_string),
    ]
}

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

fn unit() -> impl Strategy<Value = Unit> {
    (
        slug(),
        required_text(),
        required_text(),
        2000i64..=2100,
        opt_text(),
        opt_text(),
    )
        .prop_map(|(id, name, committee, year, dnr, chief)| Unit {
            id,
            name,
            committee,
            year,
            dnr,
            chief,
        })
}

fn section() -> impl Strategy<Value = Section> {
    (required_text(), 1i64..=2, any::<bool>(), any_text()).prop_map(
        |(title, level, after_goals, text)| Section {
            title,
            level,
            after_goals,
            text,
        },
    )
}

/// A unit goal without its ids.
#[derive(Debug, Clone)]
struct UnitBody {
    title: String,
    expected_results: Vec<String>,
    ways_of_working: Points,
    resources: Points,
    follow_up: Points,
    development: Points,
    comment: Points,
}

fn unit_body() -> impl Strategy<Value = UnitBody> {
    (
        required_text(),
        prop::collection::vec(required_text(), 1..4),
        points(),
        points(),
        points(),
        points(),
        points(),
    )
        .prop_map(
            |(
                title,
                expected_results,
                ways_of_working,
                resources,
                follow_up,
                development,
                comment,
            )| {
                UnitBody {
                    title,
                    expected_results,
                    ways_of_working,
                    resources,
                    follow_up,
                    development,
                    comment,
                }
            },
        )
}

/// (title, description, expected results, unit goals)
type CommitteeNode = (String, String, Vec<String>, Vec<UnitBody>);
/// (title, committee goals)
type AreaNode = (String, Vec<CommitteeNode>);
/// (title, area goals)
type KfNode = (String, Vec<AreaNode>);

fn tree() -> impl Strategy<Value = Vec<KfNode>> {
    let committee = (
        required_text(),
        any_text(),
        prop::collection::vec(any_text(), 0..4),
        prop::collection::vec(unit_body(), 0..4),
    );
    let area = (required_text(), prop::collection::vec(committee, 0..4));
    let kf = (required_text(), prop::collection::vec(area, 0..4));
    prop::collection::vec(kf, 1..4)
}

/// An indicator without id and parent; the index picks the parent goal.
fn indicator_body() -> impl Strategy<Value = (Index, Indicator)> {
    (
        any::<Index>(),
        required_text(),
        opt_text(),
        opt_text(),
        periodicity(),
        any::<bool>(),
        better(),
        opt_text(),
    )
        .prop_map(
            |(ix, name, annual_target, kf_target, periodicity, by_sex, better, comment)| {
                let x = Indicator {
                    id: String::new(),
                    parent: String::new(),
                    name,
                    annual_target,
                    kf_target,
                    periodicity,
                    by_sex,
                    better,
                    comment,
                };
                (ix, x)
            },
        )
}

fn activity_body() -> impl Strategy<Value = (Index, Activity)> {
    (any::<Index>(), required_text(), date(), date()).prop_map(|(ix, text, a, b)| {
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        (
            ix,
            Activity {
                id: String::new(),
                parent: String::new(),
                text,
                start,
                end,
            },
        )
    })
}

/// Builds a plan from the generated parts, with unique ids "1", "1.2",
/// "N3", "E7", "I4", "A5" (plus the plan's id prefix).
fn assemble(
    unit: Unit,
    sections: Vec<Section>,
    tree: Vec<KfNode>,
    indicators: Vec<(Index, Indicator)>,
    activities: Vec<(Index, Activity)>,
    p: String,
) -> Plan {
    let mut plan = Plan {
        schema: SCHEMA_VERSION,
        unit,
        sections,
        kf_goals: Vec::new(),
        area_goals: Vec::new(),
        committee_goals: Vec::new(),
        unit_goals: Vec::new(),
        indicators: Vec::new(),
        activities: Vec::new(),
    };
    let mut goal_ids = Vec::new();
    let (mut n, mut e) = (0, 0);
    for (ki, (title, areas)) in tree.into_iter().enumerate() {
        let kf_id = format!("{p}{}", ki + 1);
        goal_ids.push(kf_id.clone());
        plan.kf_goals.push(KfGoal {
            id: kf_id.clone(),
            title,
        });
        for (ai, (title, committees)) in areas.into_iter().enumerate() {
            let area_id = format!("{p}{}.{}", ki + 1, ai + 1);
            goal_ids.push(area_id.clone());
            plan.area_goals.push(AreaGoal {
                id: area_id.clone(),
                kf_goal: kf_id.clone(),
                title,
            });
            for (title, description, expected_results, units) in committees {
                n += 1;
                let c_id = format!("{p}N{n}");
                goal_ids.push(c_id.clone());
                plan.committee_goals.push(CommitteeGoal {
                    id: c_id.clone(),
                    area_goal: area_id.clone(),
                    title,
                    description,
                    expected_results,
                });
                for u in units {
                    e += 1;
                    let u_id = format!("{p}E{e}");
                    goal_ids.push(u_id.clone());
                    plan.unit_goals.push(UnitGoal {
                        id: u_id,
                        committee_goal: c_id.clone(),
                        title: u.title,
                        expected_results: u.expected_results,
                        ways_of_working: u.ways_of_working,
                        resources: u.resources,
                        follow_up: u.follow_up,
                        development: u.development,
                        comment: u.comment,
                    });
                }
            }
        }
    }
    for (i, (ix, mut x)) in indicators.into_iter().enumerate() {
        x.id = format!("{p}I{}", i + 1);
        x.parent = ix.get(&goal_ids).clone();
        plan.indicators.push(x);
    }
    for (i, (ix, mut x)) in activities.into_iter().enumerate() {
        x.id = format!("{p}A{}", i + 1);
        x.parent = ix.get(&goal_ids).clone();
        plan.activities.push(x);
    }
    plan
}

/// Shuffles a list with a small deterministic generator (a seed shrinks
/// better than `prop_shuffle` under `prop_flat_map`).
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        v.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Shuffles every list, so that `normalize` has work to do. Seed 0 keeps
/// the order in which the tree was built.
fn shuffled(mut plan: Plan, seed: u64) -> Plan {
    if seed == 0 {
        return plan;
    }
    let mut s = seed;
    shuffle(&mut plan.sections, &mut s);
    shuffle(&mut plan.area_goals, &mut s);
    shuffle(&mut plan.committee_goals, &mut s);
    shuffle(&mut plan.unit_goals, &mut s);
    shuffle(&mut plan.indicators, &mut s);
    shuffle(&mut plan.activities, &mut s);
    plan
}

/// A valid plan (the validator accepts it), in no particular order.
fn plan() -> impl Strategy<Value = Plan> {
    (
        unit(),
        prop::collection::vec(section(), 0..5),
        tree(),
        prop::collection::vec(indicator_body(), 0..7),
        prop::collection::vec(activity_body(), 0..7),
        id_prefix(),
        any::<u64>(),
    )
        .prop_map(|(unit, sections, tree, ind, act, p, seed)| {
            shuffled(assemble(unit, sections, tree, ind, act, p), seed)
        })
}

/// A valid plan in the canonical order of `Plan::normalize`.
fn normalized_plan() -> impl Strategy<Value = Plan> {
    plan().prop_map(|mut p| {
        p.normalize();
        p
    })
}

fn parse(text: &str) -> Result<Plan, String> {
    parse_plan("gen.toml", text.as_bytes())
        .map_err(|ds| ds.iter().map(|d| format!("{d}\n")).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // Shrink far enough to print a small failing plan, and leave no
        // regression file in the source tree.
        max_shrink_iters: 20_000,
        max_shrink_time: 120_000,
        failure_persistence: None,
        ..ProptestConfig::with_cases(256)
    })]

    /// parse(write(p)) == p for every valid plan p in canonical order.
    #[test]
    fn written_plan_reads_back_equal(plan in normalized_plan()) {
        let problems = check(&plan);
        prop_assert!(problems.is_empty(), "generator made an invalid plan: {:?}", problems);
        let text = to_toml(&plan);
        let back = parse(&text);
        prop_assert!(back.is_ok(), "written plan does not parse:\n{}", back.as_ref().unwrap_err());
        prop_assert_eq!(back.unwrap(), plan, "--- written text ---\n{}", text);
    }

    /// Writing is stable: write(parse(write(p))) is byte-identical to write(p).
    #[test]
    fn writing_twice_gives_the_same_text(plan in normalized_plan()) {
        let problems = check(&plan);
        prop_assert!(problems.is_empty(), "generator made an invalid plan: {:?}", problems);
        let text = to_toml(&plan);
        let back = parse(&text);
        prop_assert!(back.is_ok(), "written plan does not parse:\n{}", back.as_ref().unwrap_err());
        let again = to_toml(&back.unwrap());
        prop_assert_eq!(again, text);
    }
}

// ---------------------------------------------------------------------------
// The bundled plans
// ---------------------------------------------------------------------------

/// A bundled plan parses, writes, and reads back equal; its written text
/// passes `parse_plan` and writes again to the same bytes.
fn bundled_round_trip(i: usize) {
    let (path, text) = tertial::plan::bundled::PLANS[i];
    let plan = parse_plan(path, text.as_bytes())
        .unwrap_or_else(|ds| panic!("bundled plan {path} does not parse: {ds:?}"));
    let mut canonical = plan.clone();
    canonical.normalize();
    assert_eq!(
        canonical, plan,
        "{path}: parse_plan did not give the canonical order"
    );
    let written = to_toml(&plan);
    let back = parse_plan(path, written.as_bytes())
        .unwrap_or_else(|ds| panic!("written {path} does not parse: {ds:?}\n{written}"));
    assert_eq!(back, plan, "{path}: written plan reads back different");
    assert_eq!(to_toml(&back), written, "{path}: writing twice differs");
}

#[test]
fn bundled_plan_0_round_trips() {
    bundled_round_trip(0);
}

#[test]
fn bundled_plan_1_round_trips() {
    bundled_round_trip(1);
}

#[test]
fn bundled_plan_2_round_trips() {
    bundled_round_trip(2);
}
