//! `tertial import`: plain text of a verksamhetsplan (PDF-to-text or OCR)
//! to a plan file: the structure of the two seed plans.

use tertial::import::{Imported, Options, import, import_with};
use tertial::plan::{Points, parse_plan, write::to_toml};

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The imported plan must be a valid plan file.
fn assert_valid(imp: &Imported) {
    let toml = to_toml(&imp.plan);
    if let Err(d) = parse_plan("imported.toml", toml.as_bytes()) {
        let msgs: Vec<_> = d.iter().map(|d| d.message.clone()).collect();
        panic!("imported plan does not pass check: {msgs:?}\n{toml}");
    }
}

const SEED_000_TITLES: [&str; 20] = [
    "Avdelningsmål: Äldre ska erbjudas stöd och omsorg som stärker trygghet, hälsa och självständighet genom personcentrerade och samordnade insatser från det förebyggande arbetet till myndighetsutövning och utförande.",
    "Enheten arbetar för att kunden ska vara delaktig och känna sig trygg med de goda service- och omvårdnadsinsatser vi utför",
    "Områdesmål: Området arbetar för att kunden ska vara delaktig och känna sig trygg med de goda service- och omsorgsinsatser vi utför.",
    "Enheten är energieffektiv och resurssmart med en minimal klimatpåverkan.",
    "Området är energieffektiv och resurssmart med en minimal klimatpåverkan",
    "Enheten köper in ekologiska produkter.",
    "Området köper in ekologiska produkter.",
    "Enheten ska genom hållbara och effektiva arbetssätt bidra till ökad framkomlighet och minskade utsläpp.",
    "Enheten bidrar till en god livsmiljö och är en giftfri verksamhet.",
    "Området bidrar till en god livsmiljö och är en giftfri verksamhet.",
    "Enheten ger medarbetaren möjlighet att utvecklas och växa i sin yrkesroll.",
    "Enheten kommer arbeta aktivt med det goda medarbetarskapet.",
    "Områdesmål: Områdets enheter ger medarbetaren möjlighet att utvecklas och växa i sina yrkesroller.",
    "Områdesmål: Områdets enheter kommer arbeta aktivt med det goda medarbetarskapet.",
    "Enheten har en beredskap för olika händelser som är känd för medarbetare.",
    "Området har en beredskap för olika händelser som är känd för medarbetarna.",
    "Enheten ska följa Stockholms stads samt stadsdelsförvaltningens avtal och regelverk.",
    "Enheten bidrar till arbetet för att motverka välfärdsbrott.",
    "Området bidrar till arbetet för att motverka välfärdsbrott.",
    "Enheten bidrar till ett öppet, jämställt och demokratiskt Stockholm genom likvärdigt bemötande, delaktighet och rättssäkra arbetssätt.",
];

const SEED_001_TITLES: [&str; 8] = [
    "Enheten arbetar för att kunden ska vara delaktig och känna sig trygg med de goda service- och omsorgsinsatser vi utför.",
    "Enheten är energieffektiv och resurssmart med en minimal klimatpåverkan",
    "Enheten köper in ekologiska produkter.",
    "Enheten bidrar till en god livsmiljö och är en giffri verksamhet.",
    "Enheten kommer arbeta aktivt med det goda medarbetarskapet.",
    "Enheten är en verksamhet som ger medarbetaren möjlighet att utvecklas och växa i sin yrkesroll.",
    "Enheten har en beredskap för olika händelser som är känd för medarbetare.",
    "Enheten bidrar till arbetet för att motverka välfärdsbrott.",
];

fn titles(imp: &Imported) -> Vec<&str> {
    imp.plan
        .unit_goals
        .iter()
        .map(|g| g.title.as_str())
        .collect()
}

#[test]
fn seed_000_ocr_has_the_structure_of_the_bundled_plan() {
    let imp = import(&fixture("seed-000.txt"), None);
    assert_valid(&imp);
    let p = &imp.plan;
    assert_eq!(p.unit.name, "Hägerstens hemtjänst");
    assert_eq!(p.unit.id, "hagerstens-hemtjanst");
    assert_eq!(p.unit.year, 2026);
    // The text names no committee: a placeholder `check` accepts, and a note.
    assert_eq!(p.unit.committee, "(nämnd saknas i källan)");
    assert!(imp.notes.iter().any(|(_, t)| t.contains("unit.committee")));
    assert_eq!(p.unit.chief, None);
    // Text the importer could not place would be reported; here all fits.
    assert!(imp.unplaced.is_empty(), "{:?}", imp.unplaced);
    assert_eq!(p.kf_goals.len(), 3);
    assert_eq!(p.area_goals.len(), 9);
    assert_eq!(p.committee_goals.len(), 10);
    assert_eq!(p.unit_goals.len(), 20);
    assert_eq!(p.indicators.len(), 12);
    assert_eq!(p.activities.len(), 18);
    assert_eq!(titles(&imp), SEED_000_TITLES);
    assert!(imp.repairs > 100, "OCR repairs counted: {}", imp.repairs);
    // Goal numbers are the ids of KF and area goals.
    let area: Vec<&str> = p.area_goals.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        area,
        [
            "1.4", "2.1", "2.2", "2.3", "2.4", "3.4", "3.5", "3.6", "3.7"
        ]
    );
    // A flattened indicator row: values off the end, the name wrapped below.
    let i2 = &p.indicators[1];
    assert_eq!(
        i2.name,
        "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en 14-dagarsperiod"
    );
    assert_eq!(i2.annual_target.as_deref(), Some("10 st"));
    assert_eq!(i2.kf_target.as_deref(), Some("Max 10 personer"));
    // An activity whose text wraps over lines after its dates.
    assert!(
        p.activities[0]
            .text
            .ends_with("arbetssätt inom äldreomsorgen.")
    );
    assert_eq!(p.activities[10].end.to_string(), "2026-07-31");
    // Every enhetsmål has its points; the page footer is gone.
    assert!(p.unit_goals.iter().all(|g| !g.expected_results.is_empty()));
    assert_eq!(p.unit_goals[1].expected_results.len(), 5);
    assert!(matches!(&p.unit_goals[1].follow_up, Points::Numbered(v) if v.len() == 5));
    let toml = to_toml(p);
    assert!(!toml.contains("Sid 15 (31)") && !toml.contains("start.stockholm"));
    assert_eq!(p.sections.len(), 13);
    // OCR confusions of a first letter: "Gver" is "över", "I6sningar" "lösningar".
    assert!(!toml.contains("Gver") && toml.contains("se över om"));
    assert!(!toml.contains("I6sningar") && toml.contains("lösningar"));
    // Sick leave is reported by sex; the other indicators are not.
    let by_sex: Vec<&str> = p
        .indicators
        .iter()
        .filter(|i| i.by_sex)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(by_sex, ["Sjukfrånvaro", "Sjukfrånvaro dag 1-14"]);
}

#[test]
fn seed_000_without_the_system_dictionary() {
    // Without a system dictionary the structure is the same, the built-in
    // word list still repairs, and a note says the dictionary was not used.
    let opts = Options {
        system_dictionary: false,
        ..Options::default()
    };
    let _sv = tertial::i18n::speaking(tertial::i18n::Lang::Sv);
    let alone = import_with(&fixture("seed-000.txt"), &opts);
    assert_valid(&alone);
    let p = &alone.plan;
    assert_eq!(
        (
            p.kf_goals.len(),
            p.area_goals.len(),
            p.committee_goals.len()
        ),
        (3, 9, 10)
    );
    assert_eq!(p.unit_goals.len(), 20);
    assert_eq!((p.indicators.len(), p.activities.len()), (12, 18));
    assert!(alone.repairs > 100, "{} repairs", alone.repairs);
    assert!(
        alone
            .notes
            .iter()
            .any(|(_, n)| n.contains("bara med den inbyggda ordlistan")),
        "{:?}",
        alone.notes
    );
}

#[test]
fn seed_001_clean_text_has_the_structure_of_the_bundled_plan() {
    let imp = import(&fixture("seed-001.txt"), None);
    assert_valid(&imp);
    let p = &imp.plan;
    assert_eq!(p.unit.name, "Hägersten-Älvsjös hemtjänst");
    assert_eq!(p.unit.id, "hagersten-alvsjos-hemtjanst");
    assert_eq!(p.unit.year, 2025);
    assert_eq!(p.unit.dnr.as_deref(), Some("HÄ 2024-636"));
    assert_eq!(p.unit.committee, "Hägersten-Älvsjös stadsdelsnämnd");
    assert_eq!(p.kf_goals.len(), 3);
    assert_eq!(p.area_goals.len(), 7);
    assert_eq!(p.committee_goals.len(), 7);
    assert_eq!(p.unit_goals.len(), 8);
    assert_eq!(p.indicators.len(), 9);
    assert_eq!(p.activities.len(), 14);
    assert_eq!(titles(&imp), SEED_001_TITLES);
    assert_eq!(p.sections.len(), 13);
    let i3 = &p.indicators[2];
    assert_eq!(i3.parent, "N1");
    assert_eq!(i3.annual_target.as_deref(), Some("75 %"));
    assert_eq!(i3.kf_target, None);
    assert_eq!(p.activities[10].start.to_string(), "2024-01-01");
    assert_eq!(p.unit_goals[4].expected_results.len(), 5);
    assert!(imp.unplaced.is_empty(), "{:?}", imp.unplaced);
    // The front page's "Handläggare" is taken as the chief, with a note.
    assert_eq!(p.unit.chief.as_deref(), Some("AnneCharlotte Persson"));
    assert!(imp.notes.iter().any(|(_, t)| t.contains("Handläggare")));
    let by_sex: Vec<&str> = p
        .indicators
        .iter()
        .filter(|i| i.by_sex)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(by_sex.len(), 2, "{by_sex:?}");
    assert!(by_sex.iter().all(|n| n.starts_with("Sjukfrånvaro")));
}

#[test]
fn unit_id_option_wins() {
    let imp = import(&fixture("seed-001.txt"), Some("min-enhet"));
    assert_eq!(imp.plan.unit.id, "min-enhet");
    assert_valid(&imp);
}
