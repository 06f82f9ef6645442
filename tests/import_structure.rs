//! `tertial import` on structural cues a flattened or paged text keeps:
//! a value printed twice, a title's last line just before a page footer.

use tertial::import::import;

fn plan_text(body: &str) -> String {
    format!(
        "Verksamhetsplan 2027 Testenhetens hemtjänst\n\n\
         Nämndmål: Äldre har ett tryggt liv\n\n\
         Enhetsmål: Kunderna är trygga\n\n\
         Förväntat resultat\n\n1. Kunderna känner sig trygga.\n\n{body}\n"
    )
}

/// Årsmål and KF:s årsmål alike, flattened onto one line with a unit of
/// several words, are two cells, not part of the name.
#[test]
fn a_value_printed_twice_is_both_cells() {
    let text = plan_text(
        "Indikator Årsmål KF:s årsmål år 2027 Periodicitet\n\
         Klimatpåverkan från livsmedel 1,5 kg CO2 per kg livsmedel 1,5 kg CO2 per kg livsmedel År\n",
    );
    let imp = import(text.as_bytes(), None);
    let i = &imp.plan.indicators[0];
    assert_eq!(i.name, "Klimatpåverkan från livsmedel");
    assert_eq!(
        i.annual_target.as_deref(),
        Some("1,5 kg CO2 per kg livsmedel")
    );
    assert_eq!(i.kf_target.as_deref(), Some("1,5 kg CO2 per kg livsmedel"));
}

/// A title's last line, short as an address line, just before a page
/// footer stays in the title.
#[test]
fn a_titles_last_line_before_a_footer_stays_in_the_title() {
    let mut text = String::from("Verksamhetsplan 2027 Testenhetens hemtjänst\n\n");
    for page in 1..=3 {
        text.push_str("Inledning\n\nVi arbetar för att kunderna ska vara trygga.\n\n");
        if page == 2 {
            text.push_str(
                "Nämndmål: Stadsdelsnämnden deltar i kraftsamlingen\nmot välfärdsbrott\n\n",
            );
        }
        text.push_str(&format!(
            "Stockholms stad\nTestenhetens hemtjänst\t2027-01-23\tSid {page} (3)\n\n"
        ));
    }
    text.push_str(
        "Enhetsmål: Kunderna är trygga\n\nFörväntat resultat\n\n1. Kunderna känner sig trygga.\n",
    );
    let imp = import(text.as_bytes(), None);
    let titles: Vec<&str> = imp
        .plan
        .committee_goals
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Stadsdelsnämnden deltar i kraftsamlingen mot välfärdsbrott"]
    );
}

/// After an indicator's Kommentar, the next row's name on a line of its
/// own and its values alone on the next ("100 % År") is a row, not more
/// of the comment.
#[test]
fn a_row_after_a_comment_with_its_values_on_their_own_line() {
    let text = plan_text(
        "Indikator Årsmål KF:s årsmål år 2027 Periodicitet\n\
         Andel nöjda kunder\n88 % År\n\
         Kommentar\n\
         Utfallet var 83%\n. Målet är att öka med 5%.\n\
         I varje verksamhet finns måltidsombud\n100 % År\n",
    );
    let imp = import(text.as_bytes(), None);
    let rows: Vec<(&str, Option<&str>)> = imp
        .plan
        .indicators
        .iter()
        .map(|i| (i.name.as_str(), i.annual_target.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Andel nöjda kunder", Some("88 %")),
            ("I varje verksamhet finns måltidsombud", Some("100 %")),
        ]
    );
    let comment = imp.plan.indicators[0].comment.as_deref().unwrap_or("");
    assert!(!comment.contains("måltidsombud"), "{comment}");
}

/// The same with the unit sign of the last value begun on the line of
/// the periodicity ("… måltidsombud 100" / "% År").
#[test]
fn a_row_after_a_comment_with_its_unit_sign_on_the_next_line() {
    let text = plan_text(
        "Indikator Årsmål KF:s årsmål år 2027 Periodicitet\n\
         Andel nöjda kunder 88\n% År\n\
         Kommentar\n\
         Utfallet var 83% . Målet är att öka med\n5%.\n\
         I varje verksamhet finns måltidsombud 100\n% År\n",
    );
    let imp = import(text.as_bytes(), None);
    let rows: Vec<(&str, Option<&str>)> = imp
        .plan
        .indicators
        .iter()
        .map(|i| (i.name.as_str(), i.annual_target.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Andel nöjda kunder", Some("88 %")),
            ("I varje verksamhet finns måltidsombud", Some("100 %")),
        ]
    );
}

/// A row's last cells on a line of their own ("% År", "År") repeat on
/// many pages of a paged text, yet are table cells, not page furniture;
/// a flattened row wrapped before its periodicity keeps its values.
#[test]
fn a_rows_last_cells_repeated_on_many_pages_stay_in_the_table() {
    let mut body = String::from("Indikator Årsmål KF:s årsmål år 2027 Periodicitet\n");
    for n in 1..=4 {
        let what = ["mat", "städning", "tvätt", "inköp"][n - 1];
        body.push_str(&format!("Andel kunder nöjda med {what} 8{n}\n% År\n"));
        body.push_str(&format!("Andel kunder trygga med {what} 7{n} %\nÅr\n"));
        body.push_str(&format!(
            "Stockholms stad\nTestenhetens hemtjänst\t2027-01-23\tSid {n} (4)\n"
        ));
    }
    let mut text = String::from("Verksamhetsplan 2027 Testenhetens hemtjänst\n\nInledning\n\n");
    for _ in 0..30 {
        text.push_str("Vi arbetar för att kunderna ska vara trygga.\n");
    }
    text.push_str(&plan_text(&body)["Verksamhetsplan 2027 Testenhetens hemtjänst\n\n".len()..]);
    let imp = import(text.as_bytes(), None);
    let rows: Vec<String> = imp
        .plan
        .indicators
        .iter()
        .map(|i| format!("{} | {}", i.name, i.annual_target.as_deref().unwrap_or("")))
        .collect();
    let mut want = Vec::new();
    for (n, what) in ["mat", "städning", "tvätt", "inköp"].iter().enumerate() {
        want.push(format!("Andel kunder nöjda med {what} | 8{} %", n + 1));
        want.push(format!("Andel kunder trygga med {what} | 7{} %", n + 1));
    }
    assert_eq!(rows, want);
}

/// The förväntat resultat of `text`'s only enhetsmål.
fn expected_results(text: &str) -> Vec<String> {
    let imp = import(text.as_bytes(), None);
    imp.plan.unit_goals[0].expected_results.clone()
}

/// Förväntat resultat as plain sentences wrapped at the text's width: a
/// sentence that fills its line is still a point of its own when the next
/// line starts with a capital.
#[test]
fn a_plain_point_filling_its_line_ends_at_its_full_stop() {
    let text = "Verksamhetsplan 2027 Testenhetens hemtjänst\n\n\
         Nämndmål: Äldre har ett tryggt liv\n\n\
         Enhetsmål: Kunderna är trygga\n\n\
         Förväntat resultat\n\n\
         Kunderna känner sig trygga med sina hemtjänstbesök.\n\
         Medarbetarna har god kunskap om kundernas behov.\n";
    assert_eq!(
        expected_results(text),
        [
            "Kunderna känner sig trygga med sina hemtjänstbesök.",
            "Medarbetarna har god kunskap om kundernas behov.",
        ]
    );
}

/// Plain points without a full stop: a capital on a word the text writes
/// in lower case elsewhere starts the next point; a name's capital
/// ("Hägersten-Älvsjö") goes on with the point.
#[test]
fn a_plain_point_without_full_stop_ends_before_a_sentences_capital() {
    let text = "Verksamhetsplan 2027 Testenhetens hemtjänst\n\n\
         Nämndmål: Äldre har ett tryggt liv\n\n\
         Vi arbetar för att stadsdelsnämnden ska nå sina mål.\n\n\
         Enhetsmål: Kunderna är trygga\n\n\
         Förväntat resultat\n\n\
         Stadsdelsnämnden har en hög andel heltidsanställda\n\
         Stadsdelsnämnden har en god arbetsmiljö i hela\n\
         Hägersten-Älvsjö\n\
         Fler kunder är nöjda\n";
    assert_eq!(
        expected_results(text),
        [
            "Stadsdelsnämnden har en hög andel heltidsanställda",
            "Stadsdelsnämnden har en god arbetsmiljö i hela Hägersten-Älvsjö",
            "Fler kunder är nöjda",
        ]
    );
}
