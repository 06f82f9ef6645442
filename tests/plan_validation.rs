//! Table-driven tests of the plan validator through `tertial::plan::parse_plan`.
//!
//! Every malformed case is the valid BASE plan below with one thing broken.
//! The expected (line, col) of the first diagnostic was worked out by hand
//! from the input (1-based, columns counted in characters).

use tertial::diag::Diagnostic;
use tertial::plan::load::MAX_PLAN_BYTES;
use tertial::plan::parse_plan;

const FILE: &str = "plans/2026/test-unit.toml";

/// A minimal valid plan. Line numbers (used by every case below):
///
/// ```text
///  1 schema = 1
///  2
///  3 [unit]
///  4 id = "test-unit"
///  5 name = "Testenheten"
///  6 committee = "Testnämnden"
///  7 year = 2026
///  8
///  9 [[section]]
/// 10 title = "Inledning"
/// 11 level = 1
/// 12
/// 13 [[kf_goal]]
/// 14 id = "1"
/// 15 title = "KF-mål"
/// 16
/// 17 [[area_goal]]
/// 18 id = "1.4"
/// 19 kf_goal = "1"
/// 20 title = "Områdesmål"
/// 21
/// 22 [[committee_goal]]
/// 23 id = "N1"
/// 24 area_goal = "1.4"
/// 25 title = "Nämndmål"
/// 26
/// 27 [[unit_goal]]
/// 28 id = "E1"
/// 29 committee_goal = "N1"
/// 30 title = "Enhetsmål"
/// 31 expected_results = ["Resultat ett"]
/// 32 ways_of_working = ["Arbetssätt"]
/// 33
/// 34 [[indicator]]
/// 35 id = "I1"
/// 36 parent = "E1"
/// 37 name = "Indikator"
/// 38 periodicity = "Tertial"
/// 39 by_sex = false
/// 40 better = "higher"
/// 41
/// 42 [[activity]]
/// 43 id = "A1"
/// 44 parent = "E1"
/// 45 text = "Aktivitet"
/// 46 start = 2026-01-01
/// 47 end = 2026-12-31
/// ```
const BASE: &str = r#"schema = 1

[unit]
id = "test-unit"
name = "Testenheten"
committee = "Testnämnden"
year = 2026

[[section]]
title = "Inledning"
level = 1

[[kf_goal]]
id = "1"
title = "KF-mål"

[[area_goal]]
id = "1.4"
kf_goal = "1"
title = "Områdesmål"

[[committee_goal]]
id = "N1"
area_goal = "1.4"
title = "Nämndmål"

[[unit_goal]]
id = "E1"
committee_goal = "N1"
title = "Enhetsmål"
expected_results = ["Resultat ett"]
ways_of_working = ["Arbetssätt"]

[[indicator]]
id = "I1"
parent = "E1"
name = "Indikator"
periodicity = "Tertial"
by_sex = false
better = "higher"

[[activity]]
id = "A1"
parent = "E1"
text = "Aktivitet"
start = 2026-01-01
end = 2026-12-31
"#;

/// BASE with several replacements; each `from` must occur exactly once.
fn edits(list: &[(&str, &str)]) -> Vec<u8> {
    let mut s = BASE.to_string();
    for (from, to) in list {
        assert_eq!(
            s.matches(from).count(),
            1,
            "edit target {from:?} must be unique"
        );
        s = s.replacen(from, to, 1);
    }
    s.into_bytes()
}

/// BASE with one replacement.
fn edit(from: &str, to: &str) -> Vec<u8> {
    edits(&[(from, to)])
}

/// BASE with one replacement by raw bytes (for invalid UTF-8 and controls).
fn edit_bytes(from: &str, to: &[u8]) -> Vec<u8> {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "edit target {from:?} must be unique"
    );
    let i = BASE.find(from).unwrap();
    let mut out = BASE.as_bytes()[..i].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&BASE.as_bytes()[i + from.len()..]);
    out
}

struct Case {
    name: &'static str,
    input: Vec<u8>,
    /// Expected (line, col) of the first diagnostic.
    at: (usize, usize),
    /// Substrings the first diagnostic's message must contain.
    msg: &'static [&'static str],
    /// Expected source_line of the first diagnostic.
    line: &'static str,
}

macro_rules! case {
    ($name:ident, $input:expr, ($l:expr, $c:expr), [$($m:expr),+ $(,)?], $src:expr) => {
        Case { name: stringify!($name), input: $input, at: ($l, $c), msg: &[$($m),+], line: $src }
    };
}

// One case per line (or a few); kept out of rustfmt so the table stays a table.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    let too_big = {
        let mut v = BASE.as_bytes().to_vec();
        while v.len() < MAX_PLAN_BYTES + 1 {
            v.extend_from_slice(b"# padding\n");
        }
        v.truncate(MAX_PLAN_BYTES + 1);
        v
    };
    let bom_schema_2 = {
        let mut v = b"\xEF\xBB\xBF".to_vec();
        v.extend(edit("schema = 1", "schema = 2"));
        v
    };
    let crlf_year_text = String::from_utf8(edit("year = 2026", "year = \"2026\"")).unwrap().replace('\n', "\r\n").into_bytes();
    let no_final_newline = edit("end = 2026-12-31\n", "end = 2025-12-31");
    assert!(!no_final_newline.ends_with(b"\n"));

    vec![
        // ---- unknown keys: point at the key ---------------------------------
        case!(unknown_key_top_level, edit("schema = 1\n\n", "schema = 1\nversion = 3\n"),
              (2, 1), ["unknown key `version`", "expected"], "version = 3"),
        case!(unknown_key_in_unit, edit("year = 2026\n", "year = 2026\nmanager = \"Anna\"\n"),
              (8, 1), ["unknown key `manager`", "expected"], "manager = \"Anna\""),
        case!(unknown_key_in_unit_goal, edit("ways_of_working = [\"Arbetssätt\"]\n", "ways_of_working = [\"Arbetssätt\"]\nresult = [\"x\"]\n"),
              (33, 1), ["unknown key `result`", "expected"], "result = [\"x\"]"),
        case!(unknown_key_in_indicator, edit("better = \"higher\"\n", "better = \"higher\"\ntarget = \"87 %\"\n"),
              (41, 1), ["unknown key `target`", "expected"], "target = \"87 %\""),
        case!(unknown_key_in_activity, edit("end = 2026-12-31\n", "end = 2026-12-31\nowner = \"Anna\"\n"),
              (48, 1), ["unknown key `owner`", "expected"], "owner = \"Anna\""),

        // ---- missing keys: point at the table that lacks the key -------------
        case!(missing_schema, edit("schema = 1\n\n", ""),
              (1, 1), ["missing `schema`", "expected `schema = 1`"], "[unit]"),
        case!(missing_unit_id, edit("id = \"test-unit\"\n", ""),
              (3, 1), ["missing key `id`", "expected"], "[unit]"),
        case!(missing_unit_name, edit("name = \"Testenheten\"\n", ""),
              (3, 1), ["missing key `name`", "expected"], "[unit]"),
        case!(missing_unit_table, edit("[unit]\nid = \"test-unit\"\nname = \"Testenheten\"\ncommittee = \"Testnämnden\"\nyear = 2026\n", ""),
              (1, 1), ["missing key `unit`", "expected"], "schema = 1"),
        case!(missing_unit_goal_expected_results, edit("expected_results = [\"Resultat ett\"]\n", ""),
              (27, 1), ["missing key `expected_results`", "expected"], "[[unit_goal]]"),
        case!(missing_activity_start, edit("start = 2026-01-01\n", ""),
              (42, 1), ["missing key `start`", "expected"], "[[activity]]"),
        case!(missing_indicator_periodicity, edit("periodicity = \"Tertial\"\n", ""),
              (34, 1), ["missing key `periodicity`", "expected"], "[[indicator]]"),

        // ---- wrong types: point at the value ---------------------------------
        case!(year_as_text, edit("year = 2026", "year = \"2026\""),
              (7, 8), ["expected a whole number"], "year = \"2026\""),
        case!(year_as_text_after_tab, edit("year = 2026", "year =\t\"2026\""),
              (7, 8), ["expected a whole number"], "year =\t\"2026\""),
        case!(by_sex_as_text, edit("by_sex = false", "by_sex = \"nej\""),
              (39, 10), ["expected true or false"], "by_sex = \"nej\""),
        case!(expected_results_as_number, edit("expected_results = [\"Resultat ett\"]", "expected_results = 3"),
              (31, 20), ["expected a list"], "expected_results = 3"),
        // Columns are characters: Å, ä, ö are one column each (31:28, not byte 31).
        case!(expected_result_item_number_after_non_ascii, edit("expected_results = [\"Resultat ett\"]", "expected_results = [\"Åäö\", 5]"),
              (31, 28), ["expected a text"], "expected_results = [\"Åäö\", 5]"),
        case!(title_as_number, edit("title = \"KF-mål\"", "title = 5"),
              (15, 9), ["expected a text"], "title = 5"),
        case!(ways_of_working_as_number, edit("ways_of_working = [\"Arbetssätt\"]", "ways_of_working = 7"),
              (32, 19), ["expected a text, or a list of texts"], "ways_of_working = 7"),
        case!(section_level_as_text, edit("level = 1", "level = \"2\""),
              (11, 9), ["expected"], "level = \"2\""),

        // ---- schema version --------------------------------------------------
        case!(schema_2, edit("schema = 1", "schema = 2"),
              (1, 10), ["unsupported schema version", "expected `schema = 1`"], "schema = 2"),
        case!(schema_as_text, edit("schema = 1", "schema = \"1\""),
              (1, 10), ["unsupported schema version", "expected `schema = 1`"], "schema = \"1\""),
        // The BOM is not a column.
        case!(schema_2_after_bom, bom_schema_2,
              (1, 10), ["unsupported schema version", "expected `schema = 1`"], "schema = 2"),

        // ---- ids ---------------------------------------------------------------
        case!(duplicate_id_same_kind, edit("title = \"KF-mål\"\n", "title = \"KF-mål\"\n\n[[kf_goal]]\nid = \"1\"\ntitle = \"Andra KF-målet\"\n"),
              (18, 6), ["duplicate id \"1\"", "expected ids unique"], "id = \"1\""),
        case!(duplicate_id_across_kinds, edit("id = \"I1\"", "id = \"E1\""),
              (35, 6), ["duplicate id \"E1\"", "expected ids unique"], "id = \"E1\""),
        // The second use in the file is the kf_goal appended at line 50.
        // A duplicate is reported at its later use in the file, whatever its kind.
        case!(duplicate_id_second_use_is_earlier_kind, edit("end = 2026-12-31\n", "end = 2026-12-31\n\n[[kf_goal]]\nid = \"A1\"\ntitle = \"Sent KF-mål\"\n"),
              (50, 6), ["duplicate id \"A1\"", "expected ids unique"], "id = \"A1\""),
        case!(id_with_space, edit("id = \"A1\"", "id = \"A 1\""),
              (43, 6), ["id \"A 1\" is not valid", "expected a non-empty id without spaces"], "id = \"A 1\""),
        case!(id_empty, edit("id = \"A1\"", "id = \"\""),
              (43, 6), ["id \"\" is not valid", "expected a non-empty id"], "id = \"\""),

        // ---- parents: point at the parent value -------------------------------
        case!(area_goal_parent_missing, edit("kf_goal = \"1\"", "kf_goal = \"9\""),
              (19, 11), ["no kf_goal has the id \"9\"", "expected the id of a kf_goal"], "kf_goal = \"9\""),
        case!(committee_goal_parent_missing, edit("area_goal = \"1.4\"", "area_goal = \"9.9\""),
              (24, 13), ["no area_goal has the id \"9.9\"", "expected the id of an area_goal"], "area_goal = \"9.9\""),
        case!(unit_goal_parent_missing, edit("committee_goal = \"N1\"", "committee_goal = \"N9\""),
              (29, 18), ["no committee_goal has the id \"N9\"", "expected the id of a committee_goal"], "committee_goal = \"N9\""),
        case!(indicator_parent_missing, edit("parent = \"E1\"\nname", "parent = \"X9\"\nname"),
              (36, 10), ["no goal has the id \"X9\"", "expected the id of a goal"], "parent = \"X9\""),
        case!(activity_parent_missing, edit("parent = \"E1\"\ntext", "parent = \"X9\"\ntext"),
              (44, 10), ["no goal has the id \"X9\"", "expected the id of a goal"], "parent = \"X9\""),
        case!(unit_goal_parent_wrong_level, edit("committee_goal = \"N1\"", "committee_goal = \"1.4\""),
              (29, 18), ["\"1.4\" is not a committee_goal", "expected the id of a committee_goal"], "committee_goal = \"1.4\""),
        case!(indicator_parent_is_an_activity, edit("parent = \"E1\"\nname", "parent = \"A1\"\nname"),
              (36, 10), ["\"A1\" is not a goal", "expected the id of a goal"], "parent = \"A1\""),

        // ---- empty texts -------------------------------------------------------
        case!(empty_title, edit("title = \"KF-mål\"", "title = \"\""),
              (15, 9), ["empty title", "expected a text"], "title = \"\""),
        case!(blank_section_title, edit("title = \"Inledning\"", "title = \"   \""),
              (10, 9), ["empty section title", "expected a heading"], "title = \"   \""),
        case!(empty_unit_name, edit("name = \"Testenheten\"", "name = \"\""),
              (5, 8), ["empty unit name", "expected a text"], "name = \"\""),
        case!(empty_expected_result, edit("expected_results = [\"Resultat ett\"]", "expected_results = [\"Resultat ett\", \"\"]"),
              (31, 37), ["empty expected result", "expected a text"], "expected_results = [\"Resultat ett\", \"\"]"),
        case!(empty_expected_results_list, edit("expected_results = [\"Resultat ett\"]", "expected_results = []"),
              (31, 20), ["no expected results", "expected at least one"], "expected_results = []"),

        // ---- dates -------------------------------------------------------------
        case!(date_february_30, edit("start = 2026-01-01", "start = 2026-02-30"),
              (46, 9), ["date", "expected"], "start = 2026-02-30"),
        case!(date_month_13, edit("start = 2026-01-01", "start = 2026-13-01"),
              (46, 9), ["date", "expected"], "start = 2026-13-01"),
        case!(date_time_instead_of_date, edit("start = 2026-01-01", "start = 2026-01-01T08:00:00"),
              (46, 9), ["expected a date"], "start = 2026-01-01T08:00:00"),
        // A quoted date asks for a date, as a date-time does.
        case!(date_as_string, edit("start = 2026-01-01", "start = \"2026-01-01\""),
              (46, 9), ["expected a date"], "start = \"2026-01-01\""),
        case!(end_before_start, edit("end = 2026-12-31", "end = 2025-12-31"),
              (47, 7), ["end date 2025-12-31 is before start date 2026-01-01", "expected an end on or after the start"], "end = 2025-12-31"),
        case!(end_before_start_no_final_newline, no_final_newline,
              (47, 7), ["is before start date", "expected an end on or after the start"], "end = 2025-12-31"),

        // ---- enumerations ------------------------------------------------------
        case!(bad_periodicity, edit("periodicity = \"Tertial\"", "periodicity = \"Vecka\""),
              (38, 15), ["Vecka", "expected", "Tertial"], "periodicity = \"Vecka\""),
        case!(bad_better, edit("better = \"higher\"", "better = \"högre\""),
              (40, 10), ["högre", "expected", "higher"], "better = \"högre\""),

        // ---- unit fields -------------------------------------------------------
        case!(unit_id_upper_case, edit("id = \"test-unit\"", "id = \"Test-Unit\""),
              (4, 6), ["is not a slug", "expected lower-case letters"], "id = \"Test-Unit\""),
        case!(unit_id_with_spaces, edit("id = \"test-unit\"", "id = \"test unit\""),
              (4, 6), ["is not a slug", "expected lower-case letters"], "id = \"test unit\""),
        case!(year_too_low, edit("year = 2026", "year = 1999"),
              (7, 8), ["year 1999 is out of range", "between 2000 and 2100"], "year = 1999"),
        case!(year_too_high, edit("year = 2026", "year = 2101"),
              (7, 8), ["year 2101 is out of range", "between 2000 and 2100"], "year = 2101"),
        case!(year_beyond_i32, edit("year = 2026", "year = 99999999999"),
              (7, 8), ["between 2000 and 2100"], "year = 99999999999"),

        // ---- sections ----------------------------------------------------------
        case!(section_level_3, edit("level = 1", "level = 3"),
              (11, 9), ["section level 3", "expected 1 or 2"], "level = 3"),
        case!(section_level_300, edit("level = 1", "level = 300"),
              (11, 9), ["300", "expected 1 or 2"], "level = 300"),
        // Lines 11-15 are a multi-line text; the bad level is on line 16.
        case!(section_level_after_multiline_text, edit("level = 1\n", "text = \"\"\"\nRad ett\n\nRad två\n\"\"\"\nlevel = 7\n"),
              (16, 9), ["section level 7", "expected 1 or 2"], "level = 7"),

        // ---- encoding and control characters ----------------------------------
        // The whole offending line is shown, the bad byte as U+FFFD.
        case!(invalid_utf8_mid_line_3, edit_bytes("[unit]", b"[un\xFFit]"),
              (3, 4), ["invalid UTF-8", "expected UTF-8"], "[un\u{FFFD}it]"),
        case!(latin1_byte_line_6, edit_bytes("Testnämnden", b"Testn\xE4mnden"),
              (6, 19), ["invalid UTF-8", "expected UTF-8"], "committee = \"Testn\u{FFFD}mnden\""),
        case!(raw_nul_byte, edit_bytes("name = \"Testenheten\"", b"name = \"Test\x00enheten\""),
              (5, 13), ["control character U+0000", "expected text"], "name = \"Test\u{0}enheten\""),
        case!(raw_esc_byte, edit_bytes("name = \"Testenheten\"", b"name = \"Test\x1b[2Jenheten\""),
              (5, 13), ["control character U+001B", "expected text"], "name = \"Test\u{1b}[2Jenheten\""),
        case!(raw_bel_in_comment, edit_bytes("schema = 1\n\n", b"schema = 1\n# bell \x07\n"),
              (2, 8), ["control character U+0007", "expected text"], "# bell \u{7}"),
        // A lone CR is not a line end in TOML and not allowed inside a string.
        case!(lone_cr_in_string, edit("name = \"Testenheten\"", "name = \"Test\renheten\""),
              (5, 13), ["expected"], "name = \"Test\renheten\""),

        // ---- TOML syntax -------------------------------------------------------
        // An unclosed string is reported where the string opens (5:8).
        // An unclosed string is reported where it opens.
        case!(unclosed_string, edit("name = \"Testenheten\"", "name = \"Testenheten"),
              (5, 8), ["string", "expected"], "name = \"Testenheten"),
        case!(missing_equals, edit("year = 2026", "year 2026"),
              (7, 6), ["expected", "="], "year 2026"),
        case!(unclosed_table_header, edit("[unit]", "[unit"),
              (3, 6), ["expected", "]"], "[unit"),
        case!(duplicate_key, edit("year = 2026\n", "year = 2026\nyear = 2027\n"),
              (8, 1), ["duplicate key", "once"], "year = 2027"),
        // A repeated table is reported at its header.
        case!(duplicate_unit_table, edit("end = 2026-12-31\n", "end = 2026-12-31\n\n[unit]\nid = \"x\"\n"),
              (49, 1), ["duplicate", "once"], "[unit]"),

        // ---- line endings ------------------------------------------------------
        case!(crlf_year_as_text, crlf_year_text,
              (7, 8), ["expected a whole number"], "year = \"2026\""),

        // ---- size --------------------------------------------------------------
        case!(over_size_limit, too_big,
              (1, 1), ["4194304", "expected at most"], ""),
    ]
}

/// The text of line `n` (1-based) as a diagnostic should show it.
fn nth_line(input: &[u8], n: usize) -> Option<String> {
    let bytes = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let text = String::from_utf8_lossy(bytes);
    text.split('\n')
        .nth(n - 1)
        .map(|l| l.trim_end_matches('\r').to_string())
}

/// Checks every diagnostic's Display: names file:line:col and shows no ESC.
fn check_display(d: &Diagnostic) -> Result<(), String> {
    let shown = format!("{d}");
    let loc = format!("{}:{}:{}", d.file, d.line, d.col);
    if !shown.contains(&loc) {
        return Err(format!("Display does not contain {loc:?}: {shown:?}"));
    }
    if shown.contains('\u{1b}') {
        return Err(format!("Display contains a raw ESC: {shown:?}"));
    }
    Ok(())
}

fn first_diag(name: &str, input: &[u8]) -> Result<Vec<Diagnostic>, String> {
    match std::panic::catch_unwind(|| parse_plan(FILE, input)) {
        Err(_) => Err(format!("[{name}] parse_plan panicked")),
        Ok(Ok(_)) => Err(format!(
            "[{name}] expected the plan to be rejected, but it parsed"
        )),
        Ok(Err(ds)) if ds.is_empty() => Err(format!("[{name}] rejected with no diagnostics")),
        Ok(Err(ds)) => Ok(ds),
    }
}

#[test]
fn base_plan_is_valid() {
    let plan = parse_plan(FILE, BASE.as_bytes()).unwrap_or_else(|ds| {
        panic!(
            "BASE must be valid: {}",
            ds.iter().map(|d| d.to_string()).collect::<String>()
        )
    });
    assert_eq!(plan.unit.id, "test-unit");
    assert_eq!(plan.activities.len(), 1);
}

#[test]
fn malformed_plans_are_reported_at_the_right_place() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let cases = cases();
    let mut names = std::collections::HashSet::new();
    let mut inputs = std::collections::HashSet::new();
    for c in &cases {
        assert!(names.insert(c.name), "duplicate case name {}", c.name);
        assert!(
            inputs.insert(c.input.clone()),
            "case {} repeats another case's input",
            c.name
        );
    }
    assert!(cases.len() >= 35, "only {} cases", cases.len());

    let mut failures = Vec::new();
    for c in &cases {
        let ds = match first_diag(c.name, &c.input) {
            Ok(ds) => ds,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let d = &ds[0];
        let mut problems = Vec::new();
        if (d.line, d.col) != c.at {
            problems.push(format!(
                "at {}:{}, expected {}:{}",
                d.line, d.col, c.at.0, c.at.1
            ));
        }
        for m in c.msg {
            if !d.message.contains(m) {
                problems.push(format!("message {:?} lacks {:?}", d.message, m));
            }
        }
        if d.source_line != c.line {
            problems.push(format!(
                "source_line {:?}, expected {:?}",
                d.source_line, c.line
            ));
        }
        if d.file != FILE {
            problems.push(format!("file {:?}", d.file));
        }
        // Every diagnostic (not only the first): Display, and a source line
        // that really is the line it names (whole-file ones have none).
        for d in &ds {
            if let Err(e) = check_display(d) {
                problems.push(e);
            }
            if d.line == 0 || d.col == 0 {
                problems.push(format!("0-based position {}:{}", d.line, d.col));
            }
            if !d.source_line.is_empty() {
                let real = nth_line(&c.input, d.line);
                if real.as_deref() != Some(d.source_line.as_str()) {
                    problems.push(format!(
                        "diagnostic at line {} shows {:?}, but that line is {:?}",
                        d.line, d.source_line, real
                    ));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("[{}] {}", c.name, problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    // Line 19: a parent that does not exist; line 35: indicator reusing the
    // unit goal's id; line 43: activity reusing the committee goal's id.
    let input = edits(&[
        ("kf_goal = \"1\"", "kf_goal = \"9\""),
        ("id = \"I1\"", "id = \"E1\""),
        ("id = \"A1\"", "id = \"N1\""),
    ]);
    let ds = parse_plan(FILE, &input).expect_err("three problems");
    let at: Vec<(usize, usize)> = ds.iter().map(|d| (d.line, d.col)).collect();
    let mut sorted = at.clone();
    sorted.sort();
    assert_eq!(ds.len(), 3, "{at:?}");
    assert_eq!(
        sorted,
        vec![(19, 11), (35, 6), (43, 6)],
        "all three reported"
    );
    assert!(
        ds.iter()
            .any(|d| d.message.contains("\"9\"") && d.message.contains("kf_goal")),
        "{ds:?}"
    );
    assert!(
        ds.iter().any(|d| d.message.contains("duplicate id \"E1\"")),
        "{ds:?}"
    );
    assert!(
        ds.iter().any(|d| d.message.contains("duplicate id \"N1\"")),
        "{ds:?}"
    );
    // Diagnostics come in file order, whatever rule found them.
    assert_eq!(
        at,
        vec![(19, 11), (35, 6), (43, 6)],
        "diagnostics in file order"
    );
}

#[test]
fn utf8_bom_is_accepted() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(BASE.as_bytes());
    let plan = parse_plan(FILE, &input).unwrap_or_else(|ds| panic!("BOM rejected: {ds:?}"));
    assert_eq!(plan, parse_plan(FILE, BASE.as_bytes()).unwrap());
}

#[test]
fn crlf_line_endings_are_accepted() {
    let input = BASE.replace('\n', "\r\n");
    let plan =
        parse_plan(FILE, input.as_bytes()).unwrap_or_else(|ds| panic!("CRLF rejected: {ds:?}"));
    assert_eq!(plan, parse_plan(FILE, BASE.as_bytes()).unwrap());
}

#[test]
fn valid_leap_day_is_accepted() {
    let input = edit(
        "start = 2026-01-01\nend = 2026-12-31",
        "start = 2028-02-29\nend = 2028-12-31",
    );
    parse_plan(FILE, &input).unwrap_or_else(|ds| panic!("2028-02-29 rejected: {ds:?}"));
}

fn assert_clean_failure(name: &str, input: &[u8], line: Option<usize>) {
    let ds = first_diag(name, input).unwrap_or_else(|e| panic!("{e}"));
    for d in &ds {
        check_display(d).unwrap_or_else(|e| panic!("[{name}] {e}"));
        assert!(
            d.line >= 1 && d.col >= 1,
            "[{name}] position {}:{}",
            d.line,
            d.col
        );
    }
    if let Some(line) = line {
        assert_eq!(ds[0].line, line, "[{name}] first diagnostic {}", ds[0]);
    }
}

#[test]
fn deeply_nested_arrays_fail_cleanly() {
    let deep = format!(
        "schema = 1\ndeep = {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let input = edit("schema = 1\n", &deep);
    assert_clean_failure("nested_arrays_10000", &input, Some(2));
}

#[test]
fn deeply_nested_inline_tables_fail_cleanly() {
    let deep = format!(
        "schema = 1\ndeep = {}1{}\n",
        "{a = ".repeat(10_000),
        "}".repeat(10_000)
    );
    let input = edit("schema = 1\n", &deep);
    assert_clean_failure("nested_inline_tables_10000", &input, Some(2));
}

/// A fixed-seed linear congruential generator (Numerical Recipes constants).
struct Lcg(u64);
impl Lcg {
    fn next_byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u8
    }
}

#[test]
fn random_bytes_fail_with_a_diagnostic() {
    let mut rng = Lcg(0x07e5_71a1);
    let input: Vec<u8> = (0..200_000).map(|_| rng.next_byte()).collect();
    assert_clean_failure("random_bytes_200000", &input, None);
}

#[test]
fn random_toml_like_text_fails_with_a_diagnostic() {
    // Random text over TOML's own punctuation, so the parser (not only the
    // UTF-8 check) sees it.
    const ALPHABET: &[u8] = b"[]{}=\"'.,#\n \t-_:aZ019";
    for seed in 1..=5u64 {
        let mut rng = Lcg(seed);
        let input: Vec<u8> = (0..200_000)
            .map(|_| ALPHABET[rng.next_byte() as usize % ALPHABET.len()])
            .collect();
        assert_clean_failure(&format!("random_toml_like_seed_{seed}"), &input, None);
    }
}

#[test]
fn esc_in_the_input_never_reaches_the_display() {
    // ESC in a string on line 5, and in a key: both must show as a placeholder.
    for (name, input) in [
        (
            "esc_in_string",
            edit_bytes("name = \"Testenheten\"", b"name = \"\x1b]0;pwned\x07\""),
        ),
        (
            "esc_in_key",
            edit_bytes("year = 2026", b"ye\x1b[31mar = 2026"),
        ),
        (
            "esc_in_file_name_of_bad_plan",
            edit("schema = 1", "schema = 2"),
        ),
    ] {
        let file = if name == "esc_in_file_name_of_bad_plan" {
            "plans/\u{1b}[2J.toml"
        } else {
            FILE
        };
        let ds = parse_plan(file, &input).expect_err(name);
        for d in &ds {
            let shown = format!("{d}");
            assert!(!shown.contains('\u{1b}'), "[{name}] raw ESC in {shown:?}");
            assert!(
                shown.contains(&format!(":{}:{}", d.line, d.col)),
                "[{name}] {shown:?}"
            );
        }
    }
}
