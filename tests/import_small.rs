//! `tertial import` on a small hand-written plan: each layout quirk of
//! PDF and OCR exports on its own, labels on the front page, and text the
//! importer cannot place.

use tertial::import::{Imported, import};
use tertial::plan::{Points, parse_plan, write::to_toml};

fn assert_valid(imp: &Imported) {
    let toml = to_toml(&imp.plan);
    if let Err(d) = parse_plan("imported.toml", toml.as_bytes()) {
        let msgs: Vec<_> = d.iter().map(|d| d.message.clone()).collect();
        panic!("imported plan does not pass check: {msgs:?}\n{toml}");
    }
}

/// A small plan in the clean layout, used by the layout tests below.
const SMALL: &str = "Till
Testnämnden
Verksamhetsplan 2027
Testenhetens förskola

Inledning

Enhetens uppdrag

Vi tar hand om barn och hanterar kemikalier varsamt.

KF:s inriktningsmål: 1. Ett Stockholm som håller samman

KF:s mål för verksamhetsområdet: 1.2 Barn ska ha en bra start

Indikator\tÅrsmål\tKF:s årsmål år 2027\tPeriodicitet
Andel nöjda föräldrar\t90 %\t88 %\tÅr

Nämndmål: Barn lär sig mycket

Beskrivning

Målet nås genom lek.

Förväntat resultat

- Barnen lär sig.
- Föräldrarna är nöjda.

Aktivitet\tStartdatum\tSlutdatum
Nämnden ska ordna utbildning\t2027-01-01\t2027-06-30

Enhetsmål: Förskolan har en lärande miljö

Förväntat resultat

1. Barnen utvecklas.
2. Personalen utbildas.

Arbetssätt

1. Vi leker.
2. Vi går kurser.

Uppföljning

1. Observationer.
2. Kursintyg.

Redovisning av ekonomi

Budget 2027

Budgeten är i balans.
";

fn check_small(imp: &Imported) {
    assert_valid(imp);
    let p = &imp.plan;
    assert_eq!(p.unit.name, "Testenhetens förskola");
    assert_eq!(p.unit.id, "testenhetens-forskola");
    assert_eq!(p.unit.committee, "Testnämnden");
    assert_eq!(p.unit.year, 2027);
    assert_eq!(p.kf_goals.len(), 1);
    assert_eq!(p.area_goals[0].id, "1.2");
    assert_eq!(p.committee_goals.len(), 1);
    assert_eq!(p.committee_goals[0].expected_results.len(), 2);
    assert_eq!(p.unit_goals.len(), 1);
    assert_eq!(p.unit_goals[0].title, "Förskolan har en lärande miljö");
    assert_eq!(
        p.unit_goals[0].expected_results,
        ["Barnen utvecklas.", "Personalen utbildas."]
    );
    assert!(matches!(&p.unit_goals[0].ways_of_working, Points::Numbered(v) if v.len() == 2));
    assert!(matches!(&p.unit_goals[0].follow_up, Points::Numbered(v) if v.len() == 2));
    assert_eq!(p.indicators.len(), 1);
    assert_eq!(p.indicators[0].name, "Andel nöjda föräldrar");
    assert_eq!(p.indicators[0].annual_target.as_deref(), Some("90 %"));
    assert_eq!(p.indicators[0].kf_target.as_deref(), Some("88 %"));
    assert_eq!(p.activities.len(), 1);
    assert_eq!(p.activities[0].end.to_string(), "2027-06-30");
    assert!(
        p.sections
            .iter()
            .any(|s| s.title == "Budget 2027" && s.after_goals)
    );
}

#[test]
fn small_clean_plan() {
    let imp = import(SMALL.as_bytes(), None);
    check_small(&imp);
    assert!(imp.unplaced.is_empty(), "{:?}", imp.unplaced);
}

#[test]
fn every_line_followed_by_a_blank_line() {
    let doubled: String = SMALL.lines().map(|l| format!("{l}\n\n")).collect();
    check_small(&import(doubled.as_bytes(), None));
}

#[test]
fn hyphenated_line_breaks_are_joined() {
    let text = SMALL.replace(
        "hanterar kemikalier varsamt",
        "hanterar kem-\nikalier varsamt",
    );
    let imp = import(text.as_bytes(), None);
    check_small(&imp);
    let uppdrag = imp
        .plan
        .sections
        .iter()
        .find(|s| s.title == "Enhetens uppdrag")
        .unwrap();
    assert_eq!(
        uppdrag.text,
        "Vi tar hand om barn och hanterar kemikalier varsamt."
    );
    assert!(imp.repairs >= 1);
}

#[test]
fn headings_split_over_two_lines() {
    let text = SMALL
        .replace("Förväntat resultat\n\n1.", "Förväntat\nresultat\n\n1.")
        .replace(
            "KF:s mål för verksamhetsområdet: 1.2",
            "KF:s mål för\nverksamhetsområdet: 1.2",
        )
        .replace("Enhetsmål: Förskolan har", "Enhetsmål:\nFörskolan har");
    check_small(&import(text.as_bytes(), None));
}

#[test]
fn table_cells_on_separate_lines() {
    let text = SMALL
        .replace(
            "Indikator\tÅrsmål\tKF:s årsmål år 2027\tPeriodicitet\nAndel nöjda föräldrar\t90 %\t88 %\tÅr",
            "Indikator\nÅrsmål\nKF:s årsmål år 2027\nPeriodicitet\nAndel nöjda föräldrar\n90 %\n88 %\nÅr",
        )
        .replace(
            "Aktivitet\tStartdatum\tSlutdatum\nNämnden ska ordna utbildning\t2027-01-01\t2027-06-30",
            "Aktivitet\nStartdatum\nSlutdatum\nNämnden ska ordna utbildning\n2027-01-01\n2027-06-30",
        );
    check_small(&import(text.as_bytes(), None));
}

#[test]
fn headings_without_diacritics_and_page_headers() {
    let text = SMALL
        .replace("Förväntat resultat", "Forvantat resultat")
        .replace("Nämndmål:", "Namndmal:")
        .replace("Enhetsmål:", "Enhetsmal:")
        .replace("Uppföljning", "Uppfbljning")
        .replace("Arbetssätt", "Arbetssatt")
        .replace(
            "Beskrivning\n",
            "Beskrivning\nTjänsteutlåtande\nSid 4 (12)\n",
        );
    let imp = import(text.as_bytes(), None);
    check_small(&imp);
    assert!(!to_toml(&imp.plan).contains("Sid 4"));
}

#[test]
fn unplaced_text_is_reported_with_its_line() {
    let text = SMALL.replace(
        "Indikator\tÅrsmål",
        "Denna rad hör inte till något.\n\nIndikator\tÅrsmål",
    );
    let imp = import(text.as_bytes(), None);
    assert_valid(&imp);
    let line = text
        .lines()
        .position(|l| l.starts_with("Denna rad"))
        .unwrap()
        + 1;
    assert!(
        imp.unplaced
            .iter()
            .any(|(n, t)| *n == line && t.contains("Denna rad")),
        "{:?}",
        imp.unplaced
    );
}

#[test]
fn committee_and_chief_from_labels_and_headers() {
    let text = SMALL
        .replace("Till\nTestnämnden\n", "Enhetschef: Kim Berg\n")
        .replace(
            "Inledning\n",
            "Inledning\nSolbergs stadsdelsförvaltning\nSid 2 (9)\n",
        );
    let imp = import(text.as_bytes(), None);
    assert_valid(&imp);
    assert_eq!(imp.plan.unit.committee, "Solbergs stadsdelsnämnd");
    assert_eq!(imp.plan.unit.chief.as_deref(), Some("Kim Berg"));
    assert!(!to_toml(&imp.plan).contains("Sid 2"));
}

#[test]
fn indicator_columns_follow_the_header() {
    // Another export puts last year's outcome before the targets.
    let text = SMALL
        .replace(
            "Indikator\tÅrsmål\tKF:s årsmål år 2027\tPeriodicitet",
            "Indikator\tUtfall 2026\tÅrsmål\tKF:s årsmål år 2027\tPeriodicitet",
        )
        .replace(
            "Andel nöjda föräldrar\t90 %\t88 %\tÅr",
            "Andel nöjda föräldrar\t85 %\t90 %\t88 %\tÅr",
        );
    check_small(&import(text.as_bytes(), None));
}

#[test]
fn soft_hyphens_at_line_ends_are_joined() {
    for mark in ['\u{ad}', '¬'] {
        let text = SMALL.replace(
            "hanterar kemikalier varsamt",
            &format!("hanterar kem{mark}\nikalier varsamt"),
        );
        let imp = import(text.as_bytes(), None);
        check_small(&imp);
        let uppdrag = imp
            .plan
            .sections
            .iter()
            .find(|s| s.title == "Enhetens uppdrag")
            .unwrap();
        assert_eq!(
            uppdrag.text,
            "Vi tar hand om barn och hanterar kemikalier varsamt."
        );
    }
}

#[test]
fn the_title_line_may_name_the_unit() {
    let text = SMALL.replace(
        "Verksamhetsplan 2027\nTestenhetens förskola\n",
        "Verksamhetsplan för 2027 Testenhetens förskola\n",
    );
    check_small(&import(text.as_bytes(), None));
}

#[test]
fn without_a_front_page_the_name_is_the_most_frequent_unit_phrase() {
    let body = SMALL
        .split_once("Inledning\n")
        .map(|(_, b)| format!("Inledning\n{b}"))
        .unwrap();
    let text = body.replace(
        "Vi tar hand om barn",
        "Beställarenhet 3 tar hand om barn. Beställarenhet 3 är liten",
    );
    let imp = import(text.as_bytes(), None);
    assert_valid(&imp);
    assert_eq!(imp.plan.unit.name, "Beställarenhet 3");
    assert_eq!(imp.plan.unit.id, "bestallarenhet-3");
    assert_eq!(imp.plan.unit.year, 2027);
    assert_eq!(imp.plan.unit_goals.len(), 1);
}

/// A plan without a front page: the page headers name the unit, the body
/// names another district's nämnd as a partner.
const NO_FRONT: &str = "Inledning

Vi samarbetar med Skarpnäcks stadsdelsnämnd kring larm.

Nämndmål: Äldre har ett tryggt liv

Enhetsmål: Enheten är trygg

Förväntat resultat

1. Kunderna är nöjda med vården.

Testbyns hemtjänst
Sid 2 (3)

Arbetssätt

Vi följer upp varje vecka.

Testbyns hemtjänst
Sid 3 (3)
";

#[test]
fn unit_from_page_headers_and_a_partner_nämnd_is_unsure() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let imp = tertial::import::import(NO_FRONT.as_bytes(), None);
    assert_valid(&imp);
    assert_eq!(imp.plan.unit.name, "Testbyns hemtjänst");
    let notes: Vec<&str> = imp.notes.iter().map(|(_, n)| n.as_str()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("page headers") && n.contains("fairly sure")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Skarpnäcks stadsdelsnämnd") && n.contains("unsure")),
        "{notes:?}"
    );
}

#[test]
fn unit_name_and_nämnd_given_by_the_user_win() {
    let imp = tertial::import::import_with(
        NO_FRONT.as_bytes(),
        &tertial::import::Options {
            unit_name: Some("Testbyns hemtjänst öst"),
            committee: Some("Testbyns stadsdelsnämnd"),
            ..Default::default()
        },
    );
    assert_valid(&imp);
    assert_eq!(imp.plan.unit.name, "Testbyns hemtjänst öst");
    assert_eq!(imp.plan.unit.committee, "Testbyns stadsdelsnämnd");
    assert!(
        !imp.notes.iter().any(|(_, n)| n.contains("unsure")),
        "{:?}",
        imp.notes
    );
}

#[test]
fn a_reduction_is_not_taken_for_lower_is_better() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let text = "Verksamhetsplan 2027 Testbyns hemtjänst

Nämndmål: Verksamheterna är klimatsmarta

Indikator\tÅrsmål\tKF:s årsmål\tPeriodicitet
Minskning av energiförbrukningen\t10 %\t\tÅr
Sjukfrånvaro\t7 %\t\tTertial

Enhetsmål: Enheten sparar energi

Förväntat resultat

1. Mindre energi används.
";
    let imp = import(text.as_bytes(), None);
    assert_valid(&imp);
    let better: Vec<_> = imp.plan.indicators.iter().map(|i| i.better).collect();
    use tertial::plan::model::Better;
    assert_eq!(better, [Better::Higher, Better::Lower]);
    assert!(
        imp.notes.iter().any(|(_, n)| n.contains("reduction")),
        "{:?}",
        imp.notes
    );
}

/// An activity table flattened with each row's dates wrapped so that the
/// end date stands alone on a line, many times, in a paged document: a
/// date cell repeated on its own line is no page header.
#[test]
fn an_end_date_on_a_line_of_its_own_stays_in_its_activity() {
    let mut text = String::from(SMALL);
    text.push_str("\nAktivitet Startdatum Slutdatum\n");
    for n in 1..=4 {
        text.push_str(&format!(
            "Enheten ska genomföra insats nummer {n} för barnen i förskolan. 2027-01-01\n2027-12-31\n"
        ));
    }
    text.push_str("\nStockholms stad\nTestenhetens förskola\t2027-01-23\tSid 2 (3)\n\n");
    text.push_str("Enhetsmål: Barnen trivs\n\nFörväntat resultat\n\n1. Barnen trivs.\n");
    text.push_str("\nStockholms stad\nTestenhetens förskola\t2027-01-23\tSid 3 (3)\n");
    let imp = import(text.as_bytes(), None);
    let acts: Vec<String> = imp
        .plan
        .activities
        .iter()
        .filter(|a| a.text.contains("insats nummer"))
        .map(|a| format!("{} {} {}", a.text, a.start, a.end))
        .collect();
    assert_eq!(acts.len(), 4, "{acts:#?}");
    for a in &acts {
        assert!(a.ends_with("2027-01-01 2027-12-31"), "{a}");
    }
}

/// In OCR text a word garbled beyond doubt ("&r" can only be "är") counts
/// as a use of that word, so a plain "ar" is read as the word the
/// document uses most ("är"), not as one its table headers repeat ("år").
#[test]
fn garbled_uses_of_a_word_count_when_a_dropped_dot_is_repaired() {
    let mut text = String::from("Verksamhetsplan 2027 Testenhetens förskola\n\nInledning\n\n");
    for _ in 0..6 {
        text.push_str("Varje år ska vi följa upp. KF:s årsmål år 2027.\n");
    }
    for _ in 0..6 {
        text.push_str("Barnen &r trygga och det &r lugnt.\n");
    }
    text.push_str("Målet är nått. Förskolan ar ny.\n");
    let imp = import(text.as_bytes(), None);
    let s = &imp.plan.sections[0].text;
    assert!(s.contains("Förskolan är ny"), "{s}");
}

/// An activity row flattened with its dates on its first line, its text
/// going on below them with a capital ("… delta i" / "ESF-projektet …"):
/// a text that ends on a preposition is not finished, so the next line
/// belongs to it, not to the next activity.
#[test]
fn an_activity_that_ends_on_a_preposition_goes_on_below_its_dates() {
    let mut text = String::from(SMALL);
    text.push_str("\nAktivitet Startdatum Slutdatum\n");
    text.push_str("Enheten ska delta i 2027-01-01 2027-12-31\nESF-projektet \"Trygg vardag\"\n");
    text.push_str("Enheten ska utveckla 2027-02-01 2027-11-30\nsamarbetet med skolan\n");
    let imp = import(text.as_bytes(), None);
    let acts: Vec<&str> = imp
        .plan
        .activities
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        acts[acts.len().saturating_sub(2)..],
        [
            "Enheten ska delta i ESF-projektet \"Trygg vardag\"",
            "Enheten ska utveckla samarbetet med skolan"
        ],
        "{:?}",
        imp.unplaced
    );
}
