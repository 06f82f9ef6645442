//! The plan correction screen's core: update() on its model (edit a
//! title, split, merge and move points, set the unit and nämnd, undo,
//! save only a plan that passes the checker, quit only on an answer),
//! and the screen drawn at 80×24.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{CursorMove, Input, Key};
use std::path::PathBuf;
use tertial::i18n::Lang;
use tertial::plan::{Plan, Points, parse_plan};
use tertial::planedit::{Action, Answer, Dialog, Effect, Field, Item, Model, Target, update};

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";

fn plan() -> Plan {
    common::bundled_plans()
        .into_iter()
        .find(|p| p.rel_path == PLAN)
        .expect("bundled")
        .plan
}

fn model() -> Model {
    let mut m = Model::for_file(
        Lang::Sv,
        plan(),
        PathBuf::from("plans/2025/bestallarenhet-2.toml"),
    );
    update(&mut m, Action::Resize(80, 24));
    m
}

fn typed(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(
            m,
            Action::EditorInput(Input {
                key: Key::Char(c),
                ctrl: false,
                alt: false,
                shift: false,
            }),
        );
    }
}

/// Replaces the text of `item` by keystrokes in the editor.
fn retype(m: &mut Model, item: Item, text: &str) {
    update(m, Action::Focus(item));
    update(m, Action::Edit);
    let e = m.editor.as_mut().expect("the editor opens");
    e.area.select_all();
    e.area.cut();
    typed(m, text);
    update(m, Action::FinishEdit);
}

/// The written text of a save, which must read back as a valid plan.
fn saved(m: &mut Model) -> Plan {
    let effects = update(m, Action::Save);
    let [Effect::Write { text, .. }] = effects.as_slice() else {
        panic!(
            "no write: {:?}; dialog shown: {}",
            effects,
            m.dialog.is_some()
        );
    };
    parse_plan("saved.toml", text.as_bytes()).expect("the written plan passes the checker")
}

#[test]
fn a_title_is_corrected_saved_and_undone() {
    let mut m = model();
    let before = m.doc.plan.unit_goals[0].title.clone();
    retype(&mut m, Item::UnitTitle(0), "Ett nytt enhetsmål");
    assert_eq!(m.doc.plan.unit_goals[0].title, "Ett nytt enhetsmål");
    assert!(m.dirty());
    let back = saved(&mut m);
    assert_eq!(back.unit_goals[0].title, "Ett nytt enhetsmål");
    // The whole plan round-trips: what was written is what is on screen.
    let mut expected = m.doc.plan.clone();
    expected.normalize();
    assert_eq!(back, expected);
    update(&mut m, Action::Undo);
    assert_eq!(m.doc.plan.unit_goals[0].title, before);
    assert!(!m.dirty());
}

#[test]
fn a_point_is_split_at_the_cursor_and_merged_back() {
    let mut m = model();
    let first = m.doc.plan.unit_goals[0].expected_results[0].clone();
    let n = m.doc.plan.unit_goals[0].expected_results.len();
    let item = Item::Point(0, Field::Expected, 0);
    update(&mut m, Action::Focus(item));
    update(&mut m, Action::Edit);
    // The cursor after the fifth word.
    let e = m.editor.as_mut().unwrap();
    e.area.move_cursor(CursorMove::Head);
    for _ in 0..5 {
        e.area.move_cursor(CursorMove::WordForward);
    }
    update(&mut m, Action::SplitAtCursor);
    assert!(m.editor.is_none());
    let list = &m.doc.plan.unit_goals[0].expected_results;
    assert_eq!(list.len(), n + 1);
    let words: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(list[0], words[..5].join(" "));
    assert_eq!(list[1], words[5..].join(" "));
    assert_eq!(m.current(), Some(Item::Point(0, Field::Expected, 1)));
    assert_eq!(saved(&mut m).unit_goals[0].expected_results.len(), n + 1);

    update(&mut m, Action::Focus(item));
    update(&mut m, Action::Merge);
    assert_eq!(m.doc.plan.unit_goals[0].expected_results[0], first);
    assert_eq!(m.doc.plan.unit_goals[0].expected_results.len(), n);
    update(&mut m, Action::Undo);
    assert_eq!(m.doc.plan.unit_goals[0].expected_results.len(), n + 1);
    update(&mut m, Action::Undo);
    assert_eq!(m.doc.plan, plan());
}

#[test]
fn the_last_point_has_nothing_to_merge_with() {
    let mut m = model();
    let last = m.doc.plan.unit_goals[0].expected_results.len() - 1;
    update(&mut m, Action::Focus(Item::Point(0, Field::Expected, last)));
    update(&mut m, Action::Merge);
    assert_eq!(m.doc.plan, plan());
    assert!(m.message.as_deref().unwrap_or("").contains("ingen nästa"));
    assert!(m.undo.is_empty());
}

#[test]
fn a_point_moves_to_another_field_and_becomes_running_text() {
    let mut m = model();
    let moved = m.doc.plan.unit_goals[0].expected_results[2].clone();
    update(&mut m, Action::Focus(Item::Point(0, Field::Expected, 2)));
    update(&mut m, Action::Move);
    assert!(matches!(m.dialog, Some(Dialog::Move { .. })));
    update(&mut m, Action::MoveTo(Target::UnitField(0, Field::Ways)));
    let g = &m.doc.plan.unit_goals[0];
    assert_eq!(g.expected_results.len(), 2);
    assert!(g.ways_of_working.items().contains(&moved.as_str()));
    assert_eq!(
        m.current(),
        Some(Item::Point(
            0,
            Field::Ways,
            g.ways_of_working.items().len() - 1
        ))
    );
    // And back: Arbetssätt → Förväntat resultat.
    update(&mut m, Action::Move);
    update(
        &mut m,
        Action::MoveTo(Target::UnitField(0, Field::Expected)),
    );
    let g = &m.doc.plan.unit_goals[0];
    assert_eq!(g.expected_results.last(), Some(&moved));
    assert_eq!(g.ways_of_working, plan().unit_goals[0].ways_of_working);
    saved(&mut m);
}

#[test]
fn a_text_not_placed_is_moved_into_a_title_and_into_a_field() {
    let p = plan();
    let cut_title = p.kf_goals[0].title.clone();
    let (head, tail) = cut_title.split_at(cut_title.find(" med ").unwrap());
    let mut p = p;
    p.kf_goals[0].title = head.to_string();
    let source: Vec<String> = vec!["Verksamhetsplan".into(), head.into(), tail.trim().into()];
    let mut m = Model::new(
        Lang::Sv,
        p,
        vec![
            (3, tail.trim().to_string()),
            (9, "Ny punkt om arbetssätt".into()),
        ],
        vec![(2, "the title may continue on the next line".into())],
        Some(source),
    );
    // Listed at the top and in the tree, marked.
    let listed: Vec<_> = m
        .rows
        .iter()
        .filter(|r| r.item == Some(Item::Unplaced(0)))
        .collect();
    assert_eq!(listed.len(), 2, "listed and shown in the tree");
    assert!(
        listed
            .iter()
            .all(|r| r.mark == tertial::planedit::rows::Mark::Unplaced)
    );
    update(&mut m, Action::Focus(Item::Unplaced(0)));
    update(&mut m, Action::MoveTo(Target::KfTitle(0)));
    assert_eq!(m.doc.plan.kf_goals[0].title, cut_title);
    assert_eq!(m.doc.unplaced.len(), 1);
    update(&mut m, Action::Focus(Item::Unplaced(0)));
    update(&mut m, Action::MoveTo(Target::UnitField(1, Field::Ways)));
    assert!(m.doc.unplaced.is_empty());
    assert!(
        m.doc.plan.unit_goals[1]
            .ways_of_working
            .items()
            .contains(&"Ny punkt om arbetssätt")
    );
    update(&mut m, Action::Undo);
    assert_eq!(m.doc.unplaced.len(), 1);
}

#[test]
fn the_unit_name_and_committee_are_set() {
    let mut m = model();
    retype(&mut m, Item::UnitName, "Beställarenhet 3");
    retype(&mut m, Item::Committee, "Skarpnäcks stadsdelsnämnd");
    let back = saved(&mut m);
    assert_eq!(back.unit.name, "Beställarenhet 3");
    assert_eq!(back.unit.committee, "Skarpnäcks stadsdelsnämnd");
}

#[test]
fn indicator_and_activity_cells_are_checked_as_typed() {
    let mut m = model();
    use tertial::planedit::item::{ActivityCell, IndicatorCell};
    retype(
        &mut m,
        Item::Indicator(0, IndicatorCell::AnnualTarget),
        "8,5 %",
    );
    retype(
        &mut m,
        Item::Indicator(0, IndicatorCell::Periodicity),
        "tertial",
    );
    assert_eq!(
        m.doc.plan.indicators[0].annual_target.as_deref(),
        Some("8,5 %")
    );
    assert_eq!(
        m.doc.plan.indicators[0].periodicity,
        tertial::plan::Periodicity::Tertial
    );
    // A date that is not one keeps the editor open with the text typed.
    retype(&mut m, Item::Activity(0, ActivityCell::End), "2025-02-30");
    let e = m.editor.as_ref().expect("the editor stays open");
    assert_eq!(e.area.lines().join(""), "2025-02-30");
    assert!(e.invalid.is_some());
    assert_ne!(m.doc.plan.activities[0].end.to_string(), "2025-02-30");
    assert!(
        update(&mut m, Action::Save).is_empty(),
        "not saved past a wrong date"
    );
    let e = m.editor.as_mut().unwrap();
    e.area.select_all();
    e.area.cut();
    typed(&mut m, "2025-06-30");
    assert_eq!(saved(&mut m).activities[0].end.to_string(), "2025-06-30");
}

#[test]
fn a_plan_that_fails_the_checker_is_not_written_and_the_messages_are_shown() {
    // The English texts, word for word (Swedish is the default).
    let _en = tertial::i18n::speaking(tertial::i18n::Lang::En);
    let mut m = model();
    retype(&mut m, Item::UnitTitle(0), "");
    let effects = update(&mut m, Action::Save);
    assert!(effects.is_empty());
    let Some(Dialog::Problems(problems)) = &m.dialog else {
        panic!("no problems shown");
    };
    assert!(
        problems.iter().any(|p| p.contains("empty title")),
        "{problems:?}"
    );
    // A wrong place in a workspace is refused too.
    let mut m = model();
    retype(&mut m, Item::UnitId, "annan-enhet");
    assert!(update(&mut m, Action::Save).is_empty());
    assert!(matches!(m.dialog, Some(Dialog::Problems(_))));
}

#[test]
fn quitting_with_changes_asks_and_only_an_answer_quits() {
    let mut m = model();
    update(&mut m, Action::Quit);
    assert!(m.quit, "nothing changed: quits at once");
    let mut m = model();
    retype(&mut m, Item::UnitName, "X");
    update(&mut m, Action::Quit);
    assert!(!m.quit);
    assert!(matches!(m.dialog, Some(Dialog::Quit { .. })));
    update(&mut m, Action::Answer(Answer::Stay));
    assert!(!m.quit && m.dialog.is_none());
    update(&mut m, Action::Quit);
    let effects = update(&mut m, Action::Answer(Answer::Save));
    assert!(matches!(effects.as_slice(), [Effect::Write { .. }]));
    assert!(!m.quit, "quits only once written");
    update(&mut m, Action::Written(Ok(PathBuf::from("x.toml"))));
    assert!(m.quit && !m.dirty());
}

#[test]
fn split_points_of_running_text_become_numbered() {
    let mut m = model();
    let g = 1;
    m.doc.plan.unit_goals[g].ways_of_working =
        Points::Text("Vi följer upp varje vecka. Vi lär av avvikelser.".into());
    m.refresh();
    let item = Item::Point(g, Field::Ways, 0);
    update(&mut m, Action::Focus(item));
    update(&mut m, Action::Edit);
    let e = m.editor.as_mut().unwrap();
    e.area.move_cursor(CursorMove::Head);
    // After "vecka" and its full stop (a word of its own to the editor).
    for _ in 0..6 {
        e.area.move_cursor(CursorMove::WordForward);
    }
    update(&mut m, Action::SplitAtCursor);
    assert_eq!(
        m.doc.plan.unit_goals[g].ways_of_working,
        Points::Numbered(vec![
            "Vi följer upp varje vecka.".into(),
            "Vi lär av avvikelser.".into()
        ])
    );
    saved(&mut m);
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tertial::planedit::view::view(m, f)).unwrap();
    t.backend().to_string()
}

#[test]
fn snapshot_plan_edit_80x24() {
    let mut m = model();
    update(&mut m, Action::Focus(Item::UnitTitle(0)));
    let text = render(&m, 80, 24);
    assert!(text.contains("Enhetsmål E1"));
    insta::assert_snapshot!("plan_edit_80x24", text);
}

#[test]
fn snapshot_import_review_80x24_shows_marks_and_the_source() {
    let mut p = plan();
    p.kf_goals[0].title = "Ett Stockholm som håller samman".into();
    let source = vec![
        "Verksamhetsplan 2025".to_string(),
        "Ett Stockholm som håller samman".into(),
        "med en stark och jämlik välfärd i hela staden".into(),
        "Sid 4 (25)\u{1b}[31m".into(),
    ];
    let mut m = Model::new(
        Lang::Sv,
        p,
        vec![(3, "med en stark och jämlik välfärd i hela staden".into())],
        vec![(
            0,
            "enhetsmål E1 has no förväntat resultat; a placeholder was written".into(),
        )],
        Some(source),
    );
    update(&mut m, Action::Resize(80, 24));
    update(&mut m, Action::Focus(Item::KfTitle(0)));
    update(&mut m, Action::Down);
    let text = render(&m, 80, 24);
    assert!(text.contains("! "), "a visible marker:\n{text}");
    assert!(
        text.contains("    3 med en stark"),
        "the source line:\n{text}"
    );
    assert!(!text.contains('\u{1b}'));
    insta::assert_snapshot!("import_review_80x24", text);
}

#[test]
fn rows_find_their_source_lines_through_ocr_letters_and_notes_mark_the_unit() {
    let p = plan();
    let source = vec![
        "Verksamhetsplan".to_string(),
        "KF:s inriktningsmal: 1. Ett Stockholm som haller samman med en".into(),
    ];
    let m = Model::new(
        Lang::Sv,
        p,
        Vec::new(),
        vec![(
            0,
            "the text does not name its committee (nämnd); wrote \"(nämnd saknas i källan)\""
                .into(),
        )],
        Some(source),
    );
    let kf = m
        .rows
        .iter()
        .find(|r| r.item == Some(Item::KfTitle(0)))
        .unwrap();
    assert_eq!(kf.line, Some(2));
    let committee = m
        .rows
        .iter()
        .find(|r| r.item == Some(Item::Committee))
        .unwrap();
    assert_eq!(committee.mark, tertial::planedit::rows::Mark::Unsure);
    let name = m
        .rows
        .iter()
        .find(|r| r.item == Some(Item::UnitName))
        .unwrap();
    assert_eq!(name.mark, tertial::planedit::rows::Mark::None);
}

#[test]
fn hostile_plan_text_is_shown_as_placeholders() {
    let mut p = plan();
    p.kf_goals[0].title = "Mål\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}slut".into();
    p.kf_goals[0].id = "1\u{1b}[2J".into();
    let mut m = Model::new(Lang::Sv, p, Vec::new(), Vec::new(), None);
    update(&mut m, Action::Resize(80, 24));
    update(&mut m, Action::Focus(Item::KfTitle(0)));
    update(&mut m, Action::Edit);
    let text = render(&m, 80, 24);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    assert!(text.contains("Mål␛]52;c;ZXZpbA==␇<U+202E>slut"), "{text}");
    assert!(text.contains("KF-mål 1␛[2J"), "{text}");
}
