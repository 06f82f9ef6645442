//! Report export: the Beställarenhet 2 verksamhetsberättelse 2025 (the city's
//! own report, tests/fixtures/report/verksamhetsberattelse-2025.txt)
//! re-entered as a follow-up and exported as Markdown, HTML and ILS text.
//! The reports are insta snapshots: run with INSTA_UPDATE=always to rewrite
//! them, then read the diff.

use tertial::followup::{FollowUp, Rating};
use tertial::plan::Plan;

use tertial::report;

#[allow(dead_code)]
#[path = "common/report_fixture.rs"]
mod fixture;

fn plan() -> Plan {
    fixture::plan()
}

fn followup(plan: &Plan) -> FollowUp {
    fixture::vb(plan)
}

/// The report as an insta snapshot (tests/snapshots/report__<name>.snap):
/// run with INSTA_UPDATE=always to rewrite it, then read the diff.
fn golden(name: &str, actual: &str) {
    insta::assert_snapshot!(name, actual);
}

/// The headings of the city's report from "Sammanfattande analys" on, in order:
/// the contents list plus the nämndmål and enhetsmål headings of the body.
const SEED_HEADINGS: &[&str] = &[
    "Sammanfattande analys",
    "Uppföljning av Kommunfullmäktiges inriktningsmål",
    "KF:s inriktningsmål: 1. Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden",
    "KF:s mål för verksamhetsområdet: 1.4 Stockholm ska vara en bra stad att åldras i - med god omsorg och stor trygghet",
    "Nämndmål: Äldre har ett tryggt, hälsosamt och självständigt liv samt en god personcentrerad vård och omsorg",
    "Enhetsmål: Den enskilde får ett gott bemötande och enheten erbjuder delaktighet och tillvaratar den enskildes resurser så att enheten uppnår en rättssäker och likställd myndighetsutövning av god kvalitet.",
    "KF:s inriktningsmål: 2. Ett grönt och fossilfritt Stockholm som leder en rättvis klimatomställning",
    "KF:s mål för verksamhetsområdet: 2.1 Stockholm ska bli klimatpositivt – genom minskade utsläpp och ökad koldioxidlagring",
    "Nämndmål: Stadsdelsnämndens verksamheter är klimatsmarta",
    "Enhetsmål: Enheten är energieffektiv och resurssmart med en minimal klimatpåverkan",
    "KF:s mål för verksamhetsområdet: 2.2 Stockholm ska vara en stad där den biologiska mångfalden ökar",
    "Nämndmål: Stadsdelsnämndens verksamheter bidrar till att öka den biologiska mångfalden",
    "Enhetsmål: Enheten ska arbeta för att stödja den biologiska mångfalden",
    "KF:s inriktningsmål: 3. Ett Stockholm med en stabil och hållbar ekonomi med utbildning, jobb och bostäder för alla",
    "KF:s mål för verksamhetsområdet: 3.4 Medarbetare i Stockholm ska ges goda förutsättningar att göra ett bra jobb",
    "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare och har en god arbetsmiljö",
    "Enhetsmål: Enheten är en god arbetsgivare och har en god arbetsmiljö",
    "KF:s mål för verksamhetsområdet: 3.5 Hög beredskap och stark rådighet ska råda i alla verksamhetsområden",
    "Nämndmål: Stadsdelsnämnden har en hög beredskap för oväntade händelser",
    "Enhetsmål: Målet är att enhetens medarbetare ska ha en god kännedom om stadens kris-, kontinuitets- och beredskapsarbete.",
    "KF:s mål för verksamhetsområdet: 3.6 Tryggheten ska öka genom förebyggande insatser",
    "Nämndmål: Stadsdelsnämnden deltar i kraftsamlingen mot välfärdsbrott",
    "Enhetsmål: Enheten ska öka kunskapen bland medarbetarna samt vara delaktiga i stadens arbete kring välfärdsbrott.",
    "Uppföljning av ekonomi",
    "Systematiskt kvalitetsarbete",
    "Redovisning av synpunkter och klagomål",
];

#[test]
fn fixture_parses_and_has_no_open_lints() {
    let plan = plan();
    let f = followup(&plan);
    let open = tertial::followup::lint::open_lints(&plan, &f);
    assert!(open.is_empty(), "open lints: {open:?}");
    assert_eq!(f.goals.len(), plan.unit_goals.len());
    assert!(f.goals.iter().all(|g| g.rating == Some(Rating::Full)));
    for g in &f.goals {
        let goal = plan.unit_goal(&g.id).unwrap();
        assert_eq!(g.analysis.len(), goal.expected_results.len(), "{}", g.id);
        assert!(
            g.summary
                .starts_with("Området bedömer att enhetsmålet har uppnåtts helt.")
        );
    }
    assert_eq!(f.activities.len(), plan.activities.len());
    assert_eq!(f.indicators.len(), plan.indicators.len());
}

#[test]
fn markdown_matches_golden_file() {
    let plan = plan();
    golden(
        "bestallarenhet-2-2025-VB.md",
        &report::markdown(&plan, &followup(&plan), &fixture::tertials(&plan)),
    );
}

#[test]
fn html_matches_golden_file() {
    let plan = plan();
    golden(
        "bestallarenhet-2-2025-VB.html",
        &report::html(&plan, &followup(&plan), &fixture::tertials(&plan)),
    );
}

#[test]
fn text_matches_golden_file() {
    let plan = plan();
    golden(
        "bestallarenhet-2-2025-VB.txt",
        &report::text(&plan, &followup(&plan), &fixture::tertials(&plan)),
    );
}

fn md_headings(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| l.starts_with("## ") || l.starts_with("### ") || l.starts_with("#### "))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect()
}

fn html_headings(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i + 2..];
        let level = rest.as_bytes().first().copied().unwrap_or(0);
        if !(b'2'..=b'4').contains(&level) || rest.as_bytes().get(1) != Some(&b'>') {
            continue;
        }
        let end = rest.find("</h").unwrap();
        out.push(rest[2..end].to_string());
        rest = &rest[end..];
    }
    out
}

#[test]
fn headings_follow_the_city_report() {
    let plan = plan();
    let f = followup(&plan);
    let md = report::markdown(&plan, &f, &[]);
    assert_eq!(md_headings(&md), SEED_HEADINGS);
    assert!(md.starts_with("# Verksamhetsberättelse 2025\n\nBeställarenhet 2"));
    let html = report::html(&plan, &f, &[]);
    assert_eq!(html_headings(&html), SEED_HEADINGS);
    assert!(html.contains("<h1>Verksamhetsberättelse 2025</h1>"));
}

#[test]
fn every_heading_is_in_the_seed_document() {
    let lines: Vec<&str> = fixture::SEED_REPORT.lines().map(str::trim).collect();
    for h in SEED_HEADINGS {
        assert!(lines.contains(h), "not a line of the city's report: {h}");
    }
}

#[test]
fn ratings_and_indicator_values_in_swedish_format() {
    let plan = plan();
    let f = followup(&plan);
    let md = report::markdown(&plan, &f, &[]);
    let html = report::html(&plan, &f, &[]);
    let text = report::text(&plan, &f, &[]);
    for out in [&md, &html, &text] {
        assert!(out.contains("69,23 %"));
        assert!(out.contains("8,2 %"));
        assert!(out.contains("5,2 %"));
        assert!(out.contains("8,6 %"));
        assert!(out.contains("1,6 %"));
        assert!(out.contains("1,2 %"));
        assert!(out.contains("Uppfylls helt"));
        assert!(!out.contains("69.23"));
    }
    assert!(md.contains(
        "| Andel inköpta ekologiska livsmedel i kronor | 69,23 % |  |  |  | 70 % | 70 % | 2025 |"
    ));
    assert!(md.contains(
        "| Sjukfrånvaro | 8,2 % | 5,2 % | 8,6 % |  | 7,2 % | Tas fram av nämnd/styrelse | VB 2025 |"
    ));
    assert!(md.contains("| Aktivt Medskapandeindex | 80 |"));
    assert_eq!(md.matches("**● Uppfylls helt**").count(), 6);
    assert!(md.contains("**Punkt 3:**"));
}

#[test]
fn tertial_reports_show_the_forecast_and_missing_data() {
    let plan = plan();
    let mut f = followup(&plan);
    f.period = "2025-T1".parse().unwrap();
    f.indicators.retain(|r| r.id != "I3");
    f.goals[1].rating = Some(Rating::Partial);
    f.goals[1].deviations.push(tertial::followup::Deviation {
        what: "Elbilen används sällan".into(),
        link: Some("R2".into()),
        measure: "Bokningsrutin på APT".into(),
        ..Default::default()
    });
    f.goals.remove(0);
    let md = report::markdown(&plan, &f, &[]);
    assert!(md.starts_with("# Tertialrapport 1 2025"));
    assert!(md.contains("**● Bedöms uppfyllas helt**"));
    assert!(md.contains("**◐ Bedöms uppfyllas delvis**"));
    assert!(md.contains("| Sjukfrånvaro | Inga data | Inga data | Inga data |"));
    assert!(md.contains("| Sjukfrånvaro dag 1-14 | 1,6 % | 1,2 % | 1,6 % |  | 1,5 % | Tas fram av nämnd/styrelse | T1 2025 |"));
    assert!(md.contains("**Åtgärd:** Bokningsrutin på APT"));
    assert!(md.contains("**Gäller:** Förväntat resultat 2"));
    assert!(md.contains("(ej ifylld)"));
    let html = report::html(&plan, &f, &[]);
    assert!(html.contains("r-partial"));
    let text = report::text(&plan, &f, &[]);
    assert!(text.contains("Åtgärd 1:\nBokningsrutin på APT"));
}

const HOSTILE: &str = "a\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}31m\u{85}c\u{202E}d\u{2066}e\r\
                       <script>alert('x')</script> & \"q\" | *x* [l](javascript:x)\n# rubrik\n---";

fn hostile_followup(plan: &Plan) -> FollowUp {
    let mut f = followup(plan);
    f.goals[0].summary = HOSTILE.into();
    f.goals[0].analysis[0] = HOSTILE.into();
    f.goals[0].deviations.push(tertial::followup::Deviation {
        what: HOSTILE.into(),
        cause: HOSTILE.into(),
        measure: HOSTILE.into(),
        responsible: Some(HOSTILE.into()),
        ..Default::default()
    });
    f.activities[0].analysis = HOSTILE.into();
    f.activities[0].deviation = true;
    f
}

fn hostile_plan() -> Plan {
    let mut plan = plan();
    plan.unit.name = HOSTILE.into();
    plan.unit_goals[0].title = HOSTILE.into();
    plan.unit_goals[0].expected_results[0] = HOSTILE.into();
    plan.committee_goals[0].description = HOSTILE.into();
    plan.indicators[0].name = HOSTILE.into();
    plan.indicators[0].kf_target = Some(HOSTILE.into());
    plan.activities[0].text = HOSTILE.into();
    plan.kf_goals[0].title = HOSTILE.into();
    plan
}

fn assert_no_controls(out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || tertial::sanitize::is_reordering(c)),
            "control or reordering character U+{:04X} in output",
            c as u32
        );
    }
    assert!(tertial::sanitize::is_clean(out));
}

#[test]
fn hostile_text_is_neutralized_in_markdown() {
    let plan = hostile_plan();
    let f = hostile_followup(&plan);
    let md = report::markdown(&plan, &f, &[]);
    assert_no_controls(&md);
    assert!(md.contains("␛\\[2J"));
    assert!(md.contains("<U+202E>") || md.contains("\\<U+202E\\>"));
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\<script\\>"));
    assert!(!md.contains("[l](javascript"));
    // User text cannot add headings: the outline is unchanged.
    let clean_plan = self::plan();
    let plain = report::markdown(&clean_plan, &followup(&clean_plan), &[]);
    let heading_lines = |s: &str| s.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(heading_lines(&md), heading_lines(&plain));
    assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
    let hostile_headings = md_headings(&md);
    assert_eq!(hostile_headings.len(), SEED_HEADINGS.len());
    assert!(md.contains("\\# rubrik"));
}

#[test]
fn hostile_text_is_neutralized_in_html() {
    let plan = hostile_plan();
    let f = hostile_followup(&plan);
    let html = report::html(&plan, &f, &[]);
    assert_no_controls(&html);
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(html.contains("&lt;U+202E&gt;"));
    assert!(html.contains("␛[2J"));
    // Self-contained: nothing is fetched.
    assert!(!html.contains("src="));
    assert!(!html.contains("href="));
    assert!(!html.contains("@import"));
    assert!(html.contains("page-break-before"));
}

#[test]
fn hostile_text_is_neutralized_in_text() {
    let plan = hostile_plan();
    let f = hostile_followup(&plan);
    let text = report::text(&plan, &f, &[]);
    assert_no_controls(&text);
    assert!(text.contains("␛[2J"));
    assert!(text.contains("<U+202E>"));
    assert!(text.contains("<U+009B>"));
    assert!(text.contains("<U+0085>"));
    assert!(text.contains("␍"));
}

#[test]
fn text_is_field_by_field_per_goal() {
    let plan = plan();
    let f = followup(&plan);
    let text = report::text(&plan, &f, &[]);
    assert!(text.starts_with("Verksamhetsberättelse 2025 – Beställarenhet 2\n"));
    assert_eq!(text.matches("\nEnhetsmål: ").count(), plan.unit_goals.len());
    assert!(text.contains("Måluppfyllelse:\n● Uppfylls helt\n"));
    assert!(text.contains("\nPunkt 1:\nSamtliga beslut har följts upp"));
    assert!(text.contains("\nStatus:\nPågår\n"));
    assert!(text.contains("\nPeriodens utfall:\n69,23 %\n"));
    assert!(!text.contains('<') && !text.contains("**"));
}

#[test]
fn activity_status_stands_in_every_format() {
    let plan = plan();
    let mut f = followup(&plan);
    // A8 is "pågår" in the fixture; A7 gets no status at all.
    f.activities
        .iter_mut()
        .find(|a| a.id == "A7")
        .unwrap()
        .status = None;
    let md = report::markdown(&plan, &f, &[]);
    assert_eq!(
        md.matches("| Aktivitet | Startdatum | Slutdatum | Status | Avvikelse |")
            .count(),
        3
    );
    assert!(md.contains(
        "| Stadsdelsnämndens samtliga chefer utbildas i Miljöprogram 2030 | 2025-01-01 | 2025-12-31 | Genomförd | Nej |"
    ));
    assert!(md.contains("| 2025-01-01 | 2025-12-31 | Pågår | Nej |"));
    assert!(md.contains(
        "| Stadsdelsnämndens medarbetare går stadens utbildning i informationssäkerhet | 2025-01-01 | 2025-12-31 | (ej ifylld) | Nej |"
    ));
    // The analysis row spans all five columns.
    assert!(
        md.contains("| *Analys:* Samtliga chefer inom området har gått utbildningen. | | | | |")
    );
    let html = report::html(&plan, &f, &[]);
    assert!(html.contains("<th>Status</th>"));
    assert!(html.contains("<td>2025-12-31</td><td>Pågår</td><td>Nej</td>"));
    assert!(html.contains("<td>2025-12-31</td><td>(ej ifylld)</td><td>Nej</td>"));
    assert!(html.contains("<td class=\"analysis\" colspan=\"5\">"));
    assert!(!html.contains("colspan=\"4\""));
    let text = report::text(&plan, &f, &[]);
    assert!(text.contains("\nStatus:\nPågår\n"));
    assert!(text.contains("\nStatus:\nGenomförd\n"));
    assert!(text.contains("informationssäkerhet\n\nStatus:\n(ej ifylld)\n"));
}

/// The line after `needle` in `out`.
fn line_after<'a>(out: &'a str, needle: &str) -> &'a str {
    let at = out
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} missing"));
    out[at + needle.len()..].lines().nth(1).unwrap_or("")
}

#[test]
fn markdown_keeps_the_line_breaks_of_an_analysis() {
    let plan = plan();
    let mut f = followup(&plan);
    f.goals[0].analysis[0] =
        "Rad ett\nrad två\n- en punkt\n- en till\nEfter listan\n\nNytt stycke".into();
    f.summary = "Sammanfattning\nandra raden".into();
    let md = report::markdown(&plan, &f, &[]);
    // A backslash at the end of a line is a hard break in CommonMark and
    // GitHub; the list is set apart from the text after it, which would
    // otherwise continue its last item.
    assert!(
        md.contains("Rad ett\\\nrad två\n- en punkt\n- en till\n\nEfter listan\n\nNytt stycke\n"),
        "{md}"
    );
    assert!(md.contains("Sammanfattning\\\nandra raden\n"));
    // The title's lines: the same visible breaks, none after the last.
    assert!(md.starts_with("# Verksamhetsberättelse 2025\n\nBeställarenhet 2\\\n"));
    assert!(!md.contains("  \n"));
    // No backslash before a blank line or a list item: it would be shown.
    assert!(!md.contains("\\\n\n") && !md.contains("\\\n- "));
}

#[test]
fn unrated_and_not_assessed_differ_in_every_format() {
    let plan = plan();
    let mut f = followup(&plan);
    f.goals[0].rating = Some(Rating::NotAssessed);
    f.goals[1].rating = None;
    let md = report::markdown(&plan, &f, &[]);
    assert_eq!(md.matches("**– Ej bedömd**").count(), 1);
    assert_eq!(md.matches("**? Ej ifylld**").count(), 1);
    let html = report::html(&plan, &f, &[]);
    assert!(
        html.contains(
            "<p class=\"rating r-unassessed\"><span class=\"sym\">–</span> Ej bedömd</p>"
        )
    );
    assert!(html.contains("<p class=\"rating r-none\"><span class=\"sym\">?</span> Ej ifylld</p>"));
    let text = report::text(&plan, &f, &[]);
    assert!(text.contains("Måluppfyllelse:\n– Ej bedömd\n"));
    assert!(text.contains("Måluppfyllelse:\n? Ej ifylld\n"));
    for out in [&md, &html, &text] {
        assert!(!out.contains("– (ej ifylld)"));
    }
}

/// "— Inga data" stands under exactly the headings under which the city's
/// report has it: every KF goal, area goal and nämndmål, also those with
/// indicators or activities of their own; never under an enhetsmål or a
/// unit-level section.
#[test]
fn inga_data_stands_where_the_city_report_has_it() {
    let seed: Vec<&str> = fixture::SEED_REPORT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut in_seed: Vec<&str> = seed
        .windows(2)
        .filter(|w| w[1].ends_with("Inga data") && SEED_HEADINGS.contains(&w[0]))
        .map(|w| w[0])
        .collect();
    in_seed.dedup();
    let plan = plan();
    let md = report::markdown(&plan, &followup(&plan), &fixture::tertials(&plan));
    let lines: Vec<&str> = md.lines().filter(|l| !l.is_empty()).collect();
    let ours: Vec<String> = lines
        .windows(2)
        .filter(|w| w[1] == "*— Inga data*")
        .map(|w| w[0].trim_start_matches('#').trim().to_string())
        .collect();
    assert_eq!(ours, in_seed);
    assert_eq!(ours.len(), 15);
    assert!(ours.iter().all(|h| !h.starts_with("Enhetsmål")));
    assert_eq!(md.matches("— Inga data").count(), 15);
    assert_eq!(
        line_after(&md, "### KF:s mål för verksamhetsområdet: 2.2"),
        ""
    );
}

#[test]
fn markdown_keeps_the_line_breaks_of_deviations_and_list_items() {
    let plan = plan();
    let mut f = followup(&plan);
    f.goals[0].deviations.push(tertial::followup::Deviation {
        what: "Första raden\n# inte en rubrik".into(),
        measure: "Steg ett\nsteg två".into(),
        ..Default::default()
    });
    let mut plan = plan;
    plan.unit_goals[0].expected_results[0] = "Resultat\nandra raden".into();
    let md = report::markdown(&plan, &f, &[]);
    assert!(
        md.contains("**Avvikelse 1:** Första raden\\\n\\# inte en rubrik\n"),
        "{md}"
    );
    assert!(md.contains("**Åtgärd:** Steg ett\\\nsteg två\n"));
    // The next line is indented under its item, so it stays in it.
    assert!(md.contains("1. Resultat\\\n   andra raden\n2. "));
}
