//! The bundled plans are complete transcriptions of their source documents:
//! the counts below were made by hand in the documents (the 2026
//! plan of Hägerstens hemtjänst; the 2025 plan of
//! Hägersten-Älvsjös hemtjänst; the plan behind Beställarenhet 2's
//! verksamhetsberättelse 2025).

use tertial::plan::{Plan, bundled, parse_plan};

struct Expected {
    path: &'static str,
    unit: &'static str,
    year: i64,
    kf: usize,
    area: usize,
    committee: usize,
    unit_goals: usize,
    indicators: usize,
    activities: usize,
}

const EXPECTED: &[Expected] = &[
    Expected {
        path: "plans/2026/hagerstens-hemtjanst.toml",
        unit: "Hägerstens hemtjänst",
        year: 2026,
        kf: 3,
        area: 9,
        committee: 10,
        unit_goals: 20,
        indicators: 12,
        activities: 18,
    },
    Expected {
        path: "plans/2025/hagersten-alvsjos-hemtjanst.toml",
        unit: "Hägersten-Älvsjös hemtjänst",
        year: 2025,
        kf: 3,
        area: 7,
        committee: 7,
        unit_goals: 8,
        indicators: 9,
        activities: 14,
    },
    Expected {
        path: "plans/2025/bestallarenhet-2.toml",
        unit: "Beställarenhet 2",
        year: 2025,
        kf: 3,
        area: 6,
        committee: 6,
        unit_goals: 6,
        indicators: 4,
        activities: 8,
    },
];

fn load(path: &str) -> Plan {
    let (_, text) = bundled::PLANS
        .iter()
        .find(|(p, _)| *p == path)
        .expect("bundled plan");
    match parse_plan(path, text.as_bytes()) {
        Ok(p) => p,
        Err(diags) => panic!(
            "{path} does not validate:\n{}",
            diags.iter().map(|d| d.to_string()).collect::<String>()
        ),
    }
}

#[test]
fn every_bundled_plan_validates_with_the_documents_counts() {
    assert_eq!(bundled::PLANS.len(), EXPECTED.len());
    for e in EXPECTED {
        let p = load(e.path);
        assert_eq!(p.unit.name, e.unit, "{}", e.path);
        assert_eq!(p.unit.year, e.year, "{}", e.path);
        let got = (
            p.kf_goals.len(),
            p.area_goals.len(),
            p.committee_goals.len(),
            p.unit_goals.len(),
            p.indicators.len(),
            p.activities.len(),
        );
        let want = (
            e.kf,
            e.area,
            e.committee,
            e.unit_goals,
            e.indicators,
            e.activities,
        );
        assert_eq!(
            got, want,
            "{}: (kf, area, nämndmål, enhetsmål, indikatorer, aktiviteter)",
            e.path
        );
    }
}

#[test]
fn bundled_files_in_the_source_tree_are_the_embedded_ones() {
    for (path, text) in bundled::PLANS {
        let on_disk =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .unwrap();
        assert_eq!(&on_disk, text, "{path}");
    }
}

#[test]
fn ocr_damage_is_repaired_in_the_2026_plan() {
    let text = bundled::PLANS[0].1;
    for garbled in [
        "Hégerstens",
        "hemtjéanst",
        "6kad",
        "Okad ",
        "Forvantat",
        "Uppfbljning",
        "Sid 15",
    ] {
        assert!(
            !text.contains(garbled),
            "OCR residue {garbled:?} in the 2026 plan"
        );
    }
    let p = load("plans/2026/hagerstens-hemtjanst.toml");
    assert!(p.unit_goals.iter().any(|g| {
        g.title
            .starts_with("Avdelningsmål: Äldre ska erbjudas stöd")
    }));
    assert!(p.unit_goals.iter().any(|g| {
        g.title
            .starts_with("Områdesmål: Området arbetar för att kunden")
    }));
    assert!(text.contains("ökad"));
}

#[test]
fn goal_titles_follow_the_documents() {
    let p = load("plans/2025/bestallarenhet-2.toml");
    let titles: Vec<&str> = p.unit_goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles[1],
        "Enheten är energieffektiv och resurssmart med en minimal klimatpåverkan"
    );
    assert_eq!(
        titles[3],
        "Enheten är en god arbetsgivare och har en god arbetsmiljö"
    );
    let e1 = &p.unit_goals[0];
    assert_eq!(e1.expected_results.len(), 3);
    let p = load("plans/2025/hagersten-alvsjos-hemtjanst.toml");
    assert_eq!(
        p.unit_goals[0].title,
        "Enheten arbetar för att kunden ska vara delaktig och känna sig trygg med de goda service- och omsorgsinsatser vi utför."
    );
    assert_eq!(p.unit_goals[0].expected_results.len(), 5);
    // Sick leave is better when lower: the plans say so.
    assert!(
        p.indicators
            .iter()
            .filter(|i| i.name.starts_with("Sjukfrånvaro"))
            .all(|i| i.better == tertial::plan::Better::Lower)
    );
}
