//! The unit-level parts of the report: Sammanfattande analys, economy,
//! quality work, and the synpunkter och klagomål table whose accumulated
//! counts must equal the city's own VB 2025 table.

use tertial::followup::{CATEGORIES, FollowUp, IndicatorRecord, Period};
use tertial::report;

#[allow(dead_code)]
#[path = "common/report_fixture.rs"]
mod fixture;

/// The rows of the city's table: category words and the four numbers
/// (T1, T2, VB, Totalt ack), "1 st" read as 1.
fn seed_table() -> Vec<(String, [Option<u32>; 4])> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in fixture::SEED_REPORT.lines() {
        if line.starts_with("Uppdelning\t") {
            in_table = true;
            continue;
        }
        if !in_table || !line.contains('\t') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let num = |s: &str| s.trim_end_matches(" st").parse::<u32>().ok();
        assert!(cells.len() >= 6, "unexpected row: {line:?}");
        // A row that lost its empty group cell in the PDF starts with its
        // words and has its numbers one cell early.
        let (name, nums) = if num(cells[1]).is_some() {
            (cells[0], &cells[1..5])
        } else {
            (cells[1], &cells[2..6])
        };
        rows.push((
            name.to_string(),
            [num(nums[0]), num(nums[1]), num(nums[2]), num(nums[3])],
        ));
    }
    rows
}

fn md_table_rows<'a>(md: &'a str, first_column: &str) -> Vec<Vec<&'a str>> {
    let start = md.find(first_column).expect("table present");
    md[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect()
}

#[test]
fn accumulated_counts_equal_the_city_table() {
    let plan = fixture::plan();
    let vb = fixture::vb(&plan);
    let earlier = fixture::tertials(&plan);
    let seed = seed_table();
    assert_eq!(seed.len(), CATEGORIES.len());
    let md = report::markdown(&plan, &vb, &earlier);
    let rows = md_table_rows(&md, "| Uppdelning |");
    assert_eq!(rows.len(), CATEGORIES.len());
    for ((seed_name, seed_nums), (cat, row)) in seed.iter().zip(CATEGORIES.iter().zip(&rows)) {
        // The city's table spells one category "Bemannning".
        assert_eq!(seed_name.replace("nnn", "nn"), cat.name);
        assert_eq!(row[1], cat.name);
        let ours: Vec<Option<u32>> = row[2..6].iter().map(|c| c.parse().ok()).collect();
        assert_eq!(ours, seed_nums.to_vec(), "{}", cat.name);
    }
    assert!(md.contains("| Beröm | Beröm | 15 | 25 | 31 | 71 |  |"));
}

#[test]
fn a_tertial_report_shows_the_periods_so_far() {
    let plan = fixture::plan();
    let tertials = fixture::tertials(&plan);
    let t2 = &tertials[1];
    let md = report::markdown(&plan, t2, &tertials[..1]);
    assert!(md.contains(
        "| Uppdelning | Klagomål/synpunkter/kategorier | Utfall T1 2025 | Utfall T2 2025 | Totalt ack 2025 | Bedömning och planerade åtgärder |"
    ));
    assert!(md.contains("| Beröm | Beröm | 15 | 25 | 40 |  |"));
    // Without T1 at hand only T2 is counted, and T1's cell stays empty.
    let alone = report::markdown(&plan, t2, &[]);
    assert!(alone.contains("| Beröm | Beröm |  | 25 | 25 |  |"));
    // Another unit's T1 does not count.
    let mut other = tertials[0].clone();
    other.unit = "another-unit".into();
    let md = report::markdown(&plan, t2, &[other]);
    assert!(md.contains("| Beröm | Beröm |  | 25 | 25 |  |"));
}

#[test]
fn summary_economy_and_quality_are_in_every_format() {
    let plan = fixture::plan();
    let vb = fixture::vb(&plan);
    let earlier = fixture::tertials(&plan);
    let md = report::markdown(&plan, &vb, &earlier);
    let html = report::html(&plan, &vb, &earlier);
    let text = report::text(&plan, &vb, &earlier);
    for out in [&md, &html, &text] {
        assert!(out.contains("Kvalitets- och utvecklingsarbete"));
        assert!(out.contains("959 500"));
        assert!(out.contains("Området har under året rapporterat in en Lex Sarah."));
        assert!(out.contains("Avvikelser - Beställarenheten äldre: 8"));
        assert!(out.contains("Extern granskning/tillsyn/brukarundersökningar"));
        assert!(!out.contains("(ej ifylld)"), "a unit part left empty");
    }
    assert!(md.contains("| Budget (tkr) | Utfall (tkr) | Avvikelse (tkr) |"));
    assert!(md.contains("| 959 500 | Inga data |  |"));
    assert!(text.contains("Beröm – Beröm:\n31 (totalt ack 71)"));
    // The summary comes right after its heading, before the goals.
    let summary = md.find("## Sammanfattande analys").unwrap();
    let goals = md.find("## Uppföljning av Kommunfullmäktiges").unwrap();
    let text_at = md.find("Kvalitets- och utvecklingsarbete").unwrap();
    assert!(summary < text_at && text_at < goals);
}

#[test]
fn empty_unit_parts_say_so_and_the_table_keeps_its_rows() {
    let plan = fixture::plan();
    let mut f = fixture::vb(&plan);
    f.summary.clear();
    f.economy = Default::default();
    f.quality = Default::default();
    f.complaints.clear();
    let md = report::markdown(&plan, &f, &[]);
    // Summary, economy and quality each say they are not filled in.
    assert_eq!(md.matches("*(ej ifylld)*").count(), 3);
    assert_eq!(md_table_rows(&md, "| Uppdelning |").len(), CATEGORIES.len());
}

#[test]
fn a_forecast_and_a_difference_in_the_economy() {
    let plan = fixture::plan();
    let mut f = fixture::vb(&plan);
    f.period = "2025-T2".parse().unwrap();
    f.economy.budget = Some(1_250_000.0);
    f.economy.outcome = Some(1_262_500.5);
    let md = report::markdown(&plan, &f, &[]);
    assert!(md.contains("| Budget (tkr) | Prognos helår (tkr) | Avvikelse (tkr) |"));
    assert!(md.contains("| 1 250 000 | 1 262 500,5 | -12 500,5 |"));
}

#[test]
fn inga_data_under_every_goal_level_and_last_years_vb_column() {
    let plan = fixture::plan();
    let vb = fixture::vb(&plan);
    let md = report::markdown(&plan, &vb, &[]);
    let levels = plan.kf_goals.len() + plan.area_goals.len() + plan.committee_goals.len();
    assert_eq!(md.matches("*— Inga data*").count(), levels);
    assert!(md.contains("| Indikator | Periodens utfall | Utfall män/pojkar | Utfall kvinnor/flickor | Utfall VB 2024 | Årsmål | KF:s årsmål | Period |"));
    // Last year's VB outcome fills its column.
    let mut last = FollowUp::new(
        &vb.unit,
        Period::new(2024, tertial::followup::PeriodKind::Vb),
    );
    let id = plan.indicators[0].id.clone();
    last.indicators.push(IndicatorRecord {
        total: Some(71.5),
        ..IndicatorRecord::new(&id)
    });
    let md = report::markdown(&plan, &vb, &[last]);
    assert!(md.contains("| 71,5 % |"), "{}", &md[..2000.min(md.len())]);
}

#[test]
fn hostile_unit_parts_are_neutralized_everywhere() {
    let plan = fixture::plan();
    let mut f = fixture::vb(&plan);
    let evil = "A\u{1b}]0;pwn\u{7}B\u{1b}[2J\u{9b}31m\u{202e}C <script>&|*_ ]]>";
    f.summary = evil.into();
    f.economy.analysis = evil.into();
    f.quality.lex_sarah = evil.into();
    f.complaint_mut("berom").assessment = evil.into();
    let md = report::markdown(&plan, &f, &[]);
    let html = report::html(&plan, &f, &[]);
    let text = report::text(&plan, &f, &[]);
    for out in [&md, &html, &text] {
        assert!(!out.contains('\u{1b}'));
        assert!(!out.contains('\u{9b}'));
        assert!(!out.contains('\u{7}'));
        assert!(!out.contains('\u{202e}'));
    }
    // Markup only means something in Markdown and HTML.
    assert!(!md.contains("<script>") && md.contains("\\<script\\>"));
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    assert!(!html.contains("]]>") || html.contains("]]&gt;"));
    assert!(text.contains("<script>"));
}

#[test]
fn the_unit_parts_survive_a_round_trip_through_the_file() {
    let plan = fixture::plan();
    let vb = fixture::vb(&plan);
    let text = tertial::followup::to_toml(&vb);
    let again = tertial::followup::load::parse_followup("again.toml", text.as_bytes(), &plan)
        .expect("written follow-up parses");
    assert_eq!(again, vb);
    assert_eq!(again.complaint("berom").and_then(|c| c.count), Some(31));
}

/// The diagnostics of a follow-up text that must not parse, one per line.
fn errors(text: &str, plan: &tertial::plan::Plan) -> String {
    tertial::followup::load::parse_followup("f.toml", text.as_bytes(), plan)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn unknown_or_repeated_categories_are_errors_with_a_place() {
    let _sv = tertial::i18n::speaking(tertial::i18n::Lang::Sv);
    let plan = fixture::plan();
    let base = "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n";
    let text = format!("{base}\n[[complaint]]\ncategory = \"beröm\"\ncount = 2\n");
    let err = errors(&text, &plan);
    assert!(err.contains("f.toml:6:"), "{err}");
    assert!(err.contains("okänd kategori \"beröm\""), "{err}");
    let text = format!(
        "{base}\n[[complaint]]\ncategory = \"berom\"\ncount = 2\n\n[[complaint]]\ncategory = \"berom\"\ncount = 3\n"
    );
    let err = errors(&text, &plan);
    assert!(err.contains("f.toml:10:"), "{err}");
    assert!(err.contains("finns två gånger"), "{err}");
    let text = format!("{base}\n[[complaint]]\ncategory = \"berom\"\ncount = -1\n");
    assert!(tertial::followup::load::parse_followup("f.toml", text.as_bytes(), &plan).is_err());
}
