//! Snapshot tests of every screen, drawn by the pure `ui::view` into
//! ratatui's `TestBackend` at 80×24 (the smallest common terminal) and
//! 120×40 (where the walk puts the plan beside the form).
//!
//! Models are built without a terminal and without git, from the bundled
//! plans, and driven by the same `Action`s the shell sends. Each test also
//! checks a few things in code, so it means something even after its
//! snapshots are accepted.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};
use tertial::app::fields;
use tertial::app::model::{PendingDraft, PeriodInfo, PeriodsState};
use tertial::app::{Action, Effect, Model, Screen, Session, ordered_lints, update};
use tertial::followup::{FollowUp, Period, PeriodKind, Rating, Status};
use tertial::i18n::Lang;
use tertial::workspace::LoadedPlan;

/// The plan the walks use: Beställarenhet 2, 2025, six enhetsmål.
const PLAN: &str = "plans/2025/bestallarenhet-2.toml";
const UNIT: &str = "bestallarenhet-2";

/// A fixed "today", so the period list's default does not move.
const TODAY: (i32, u32, u32) = (2026, 11, 23);

/// 2026-11-23 08:00 UTC, 09:00 in Stockholm.
const SAVED_AT: u64 = 1_795_420_800;

// ---------------------------------------------------------------------------
// Building and drawing models
// ---------------------------------------------------------------------------

fn plans() -> Vec<LoadedPlan> {
    common::bundled_plans()
}

fn model_with(lang: Lang, problems: Vec<String>) -> Model {
    // Times are shown in Stockholm time, whatever TZ the tests run with.
    tertial::clock::set_zone(tertial::clock::stockholm());
    let mut m = Model::new(lang, "demo".into(), plans(), problems);
    m.today = TODAY;
    m
}

fn model(lang: Lang) -> Model {
    model_with(lang, Vec::new())
}

/// The index of the walk plan after `Model::new` sorted the plans.
fn plan_index(m: &Model) -> usize {
    m.plans
        .iter()
        .position(|p| p.rel_path == PLAN)
        .expect("the walk plan is bundled")
}

fn send(m: &mut Model, action: Action) -> Vec<Effect> {
    update(m, action)
}

fn key(k: Key) -> Action {
    Action::EditorInput(Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    })
}

/// Types text key by key, as the terminal delivers it.
fn type_text(m: &mut Model, text: &str) {
    for c in text.chars() {
        send(m, key(Key::Char(c)));
    }
}

/// Opens a session on the walk plan, as the shell does after `OpenSession`.
fn open_session(m: &mut Model, period: Period) {
    let plan = plan_index(m);
    let session = Session::new(plan, period, FollowUp::new(UNIT, period), None);
    send(m, Action::SessionReady(Box::new(session)));
    assert_eq!(m.screen, Screen::Walk);
}

fn t1() -> Period {
    Period::new(2025, PeriodKind::T1)
}

fn vb() -> Period {
    Period::new(2025, PeriodKind::Vb)
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| tertial::ui::view(m, f))
        .expect("the view draws");
    let text = terminal.backend().to_string();
    // Whatever a screen shows, it never puts control characters on it and
    // never overwrites a cell with a wide symbol.
    for line in text.lines() {
        assert!(
            !line.chars().any(|c| c.is_control()),
            "control character on screen {w}x{h}: {line:?}"
        );
        assert!(
            !line.contains("Hidden by multi-width symbols"),
            "wide symbol overwrote text at {w}x{h}: {line}"
        );
    }
    text
}

/// Snapshots the screen at 80×24 and 120×40 as `{name}_80x24` and
/// `{name}_120x40`; returns both texts for further checks.
fn snap_both(name: &str, m: &Model) -> [String; 2] {
    [(80, 24), (120, 40)].map(|(w, h)| {
        let text = render(m, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
        text
    })
}

/// The rendered rows without the quotes `TestBackend` puts around them.
fn rows(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.trim_start_matches('"').trim_end_matches('"'))
        .collect()
}

/// The walk of goal 1 in T1, rated delvis and nothing more.
fn walk_just_rated(lang: Lang) -> Model {
    let mut m = model(lang);
    open_session(&mut m, t1());
    send(&mut m, Action::Rate(Rating::Partial));
    m
}

/// The walk, rated delvis in T1, with a summary typed and the first
/// deviation's text being written (its editor open).
fn walk_rated(lang: Lang) -> Model {
    let mut m = walk_just_rated(lang);
    send(&mut m, Action::NextField);
    // Typing on a text field starts editing it.
    type_text(
        &mut m,
        "Bemötandet är gott men få ärenden följs upp i tid; väntetider på över två veckor.",
    );
    send(&mut m, Action::Back);
    assert!(m.session.as_ref().unwrap().editor.is_none());
    send(&mut m, Action::AddDeviation);
    type_text(&mut m, "Uppföljning av beslut sker för sällan");
    m
}

/// The review of the rated T1 walk, its editor closed.
fn review(lang: Lang) -> Model {
    let mut m = walk_rated(lang);
    send(&mut m, Action::Back);
    send(&mut m, Action::Review);
    assert_eq!(m.screen, Screen::Review);
    m
}

/// Selects the first remark not yet waived (the remarks follow the goals
/// and the unit's parts in the review).
fn to_first_open_remark(m: &mut Model) {
    let rows = tertial::app::review::rows(m);
    let Some(at) = rows.iter().position(
        |r| matches!(r, tertial::app::review::ReviewRow::Remark(l) if l.waived.is_none()),
    ) else {
        return;
    };
    send(m, Action::Top);
    for _ in 0..at {
        send(m, Action::Down);
    }
}

fn open_lint_count(m: &Model) -> usize {
    let s = m.session.as_ref().unwrap();
    let plan = &m.plans[s.plan].plan;
    ordered_lints(plan, &s.record, &m.rules, m.today)
        .iter()
        .filter(|l| l.blocks())
        .count()
}

// ---------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------

#[test]
fn problems_screen() {
    let problem = "plans/2026/trasig-enhet.toml:14:10: error: unit_goal E3 names the \
                   committee goal N9, which is not in the plan\n   |\n14 | parent = \"N9\"\n   \
                   |          ^^^^\n"
        .to_string();
    let m = model_with(Lang::Sv, vec![problem]);
    assert_eq!(m.screen, Screen::Problems);
    let [small, large] = snap_both("problems", &m);
    for text in [&small, &large] {
        assert!(text.contains("Problem i filer"));
        assert!(text.contains("Några filer har fel."));
        assert!(text.contains("plans/2026/trasig-enhet.toml:14:10: error:"));
        assert!(text.contains("14 | parent = \"N9\""));
        assert!(text.contains("fortsätt"));
    }
    // The error text is long: it wraps at 80 columns instead of being cut.
    assert!(small.contains("which is not in the plan"));
    // Acknowledging leads on to the unit list.
    let mut m = m;
    send(&mut m, Action::Acknowledge);
    assert_eq!(m.screen, Screen::Units);
}

#[test]
fn units_list() {
    let m = model(Lang::Sv);
    assert_eq!(m.screen, Screen::Units);
    let [small, large] = snap_both("units", &m);
    for text in [&small, &large] {
        assert!(text.contains("tertial · demo · välj enhet"));
        assert!(text.contains(" 3 / 3 "));
        assert!(text.contains("▶ Beställarenhet 2 2025 (bestallarenhet-2)"));
        assert!(text.contains("Hägerstens hemtjänst 2026"));
        assert!(text.contains("6 enhetsmål"));
    }
}

/// A list far longer than the screen: only the rows on screen are drawn,
/// and the selected row stays the last one visible as the list scrolls.
#[test]
fn a_long_units_list_scrolls_to_the_selected_row() {
    tertial::clock::set_zone(tertial::clock::stockholm());
    let mut many = Vec::new();
    for n in 0..200 {
        let mut p = plans().remove(0);
        p.plan.unit.id = format!("enhet-{n:03}");
        p.plan.unit.name = format!("Enhet {n:03}");
        many.push(p);
    }
    let mut m = Model::new(Lang::Sv, "stad".into(), many, Vec::new());
    m.units.selected = 150;
    let text = render(&m, 80, 24);
    let shown = rows(&text);
    assert!(text.contains(" 200 / 200 "), "{text}");
    let selected = shown
        .iter()
        .position(|r| r.contains("▶ Enhet 150"))
        .expect(&text);
    // 20 rows fit between the count and the key line: 131 to 150.
    assert!(shown[3].contains("Enhet 131"), "{text}");
    assert!(
        !text.contains("Enhet 151") && !text.contains("Enhet 130"),
        "{text}"
    );
    assert_eq!(
        selected,
        shown.len() - 2,
        "the row above the key line: {text}"
    );
}

#[test]
fn units_list_filtered() {
    let mut m = model(Lang::Sv);
    for c in "hag".chars() {
        send(&mut m, Action::Input(c));
    }
    assert_eq!(m.units.filter, "hag");
    let [small, large] = snap_both("units_filter_hag", &m);
    for text in [&small, &large] {
        assert!(text.contains("Filter: hag"));
        // Only the two Hägersten units match; Beställarenhet 2 is gone.
        assert!(text.contains(" 2 / 3 "));
        assert!(!text.contains("Beställarenhet"));
        assert!(text.contains("▶ Hägerst"));
    }
}

#[test]
fn periods_list() {
    let mut m = model(Lang::Sv);
    let plan = plan_index(&m);
    // Opening the unit asks the shell for its periods.
    m.units.selected = m
        .filtered_units()
        .iter()
        .position(|(i, _)| *i == plan)
        .unwrap();
    assert_eq!(send(&mut m, Action::Open), vec![Effect::LoadPeriods(plan)]);
    // What the shell looks up: T1 committed as klar, T2 committed as utkast
    // with a draft on disk, VB not started. The selection is the period due
    // next on "today", as the shell computes it.
    let year = m.plans[plan].plan.unit.year as i32;
    let periods: Vec<PeriodInfo> = Period::of_year(year)
        .into_iter()
        .zip([
            (Some(Status::Done), false),
            (Some(Status::Draft), true),
            (None, false),
        ])
        .map(|(period, (committed, has_draft))| PeriodInfo {
            period,
            committed,
            has_draft,
        })
        .collect();
    let due = Period::due_next(year, m.today);
    let selected = periods.iter().position(|i| i.period == due).unwrap_or(0);
    send(
        &mut m,
        Action::Periods(PeriodsState {
            plan,
            periods,
            selected,
        }),
    );
    assert_eq!(m.screen, Screen::Periods);
    // In November 2026 every 2025 report is past due: VB is chosen.
    assert_eq!(selected, 2);
    let [small, large] = snap_both("periods", &m);
    for text in [&small, &large] {
        assert!(text.contains("Beställarenhet 2"));
        assert!(text.contains("Välj period:"));
        assert!(text.contains("2025-T1"));
        assert!(text.contains("Tertialrapport 1 2025"));
        assert!(text.contains("klar"));
        assert!(text.contains("utkast inlämnat · osparat utkast finns"));
        assert!(text.contains("▶ 2025-VB"));
        assert!(text.contains("Verksamhetsberättelse 2025"));
        assert!(text.contains("ej påbörjad"));
    }
    // Enter asks the shell to open the chosen period.
    assert_eq!(
        send(&mut m, Action::Open),
        vec![Effect::OpenSession { plan, period: vb() }]
    );
}

#[test]
fn resume_draft_screen() {
    let mut m = model(Lang::Sv);
    let plan = plan_index(&m);
    let mut draft = FollowUp::new(UNIT, vb());
    draft.goal_mut("E1").rating = Some(Rating::Full);
    draft.goal_mut("E2").rating = Some(Rating::Partial);
    draft.goal_mut("E2").summary = "Energiförbrukningen har minskat något.".into();
    let mut session = Session::new(plan, vb(), FollowUp::new(UNIT, vb()), None);
    session.pending_draft = Some(PendingDraft {
        followup: draft.clone(),
        saved_at: SAVED_AT,
        by: "anna@server".into(),
        closing: None,
    });
    send(&mut m, Action::SessionReady(Box::new(session)));
    assert_eq!(m.screen, Screen::Resume);
    let [small, large] = snap_both("resume_draft", &m);
    for text in [&small, &large] {
        assert!(text.contains("Det finns ett sparat utkast"));
        assert!(text.contains("Sparat 2026-11-23 09:00 av anna@server."));
        assert!(text.contains("2 mål har en bedömning i utkastet."));
        assert!(text.contains("återuppta utkastet"));
        assert!(text.contains("kasta det"));
    }
    // Resuming puts the draft into the walk.
    send(&mut m, Action::ResumeDraft);
    assert_eq!(m.screen, Screen::Walk);
    let s = m.session.as_ref().unwrap();
    assert_eq!(s.record, draft);
    assert_eq!(s.draft_saved_at, Some(SAVED_AT));
}

#[test]
fn walk_start() {
    let mut m = model(Lang::Sv);
    open_session(&mut m, vb());
    let [small, large] = snap_both("walk_start", &m);
    for text in [&small, &large] {
        assert!(text.contains("Beställarenhet 2 · Verksamhetsberättelse 2025"));
        assert!(text.contains("Mål 1 av 6 · 0 bedömda"));
        assert!(text.contains("Uppföljning · helår"));
        assert!(text.contains("▶ Bedömning: ? ej vald"));
        assert!(text.contains("Planen"));
    }
    // Wide enough, the plan's context sits beside the form, and the goal's
    // place in the plan (KF goal, nämndmål) is readable.
    assert!(large.contains("KF:s inriktningsmål"));
    assert!(large.contains("Nämndmål:"));
    assert!(large.contains("Förväntat resultat"));
    assert!(
        rows(&large)
            .iter()
            .any(|r| r.contains("Planen") && r.contains("Uppföljning · helår")),
        "at 120 columns the plan and the form are side by side"
    );
}

#[test]
fn walk_rated_with_deviation_being_written() {
    // Just after rating, the rating reads as a forecast in T1.
    let rated = render(&walk_just_rated(Lang::Sv), 80, 24);
    assert!(rated.contains("▶ Prognos: ◐ Bedöms uppfyllas delvis"));
    assert!(rated.contains("Mål 1 av 6 · 1 bedömd") && !rated.contains("1 bedömda"));

    let m = walk_rated(Lang::Sv);
    let s = m.session.as_ref().unwrap();
    let g = s.record.goal("E1").unwrap();
    assert_eq!(g.rating, Some(Rating::Partial));
    assert!(g.summary.starts_with("Bemötandet är gott men få ärenden"));
    assert_eq!(g.deviations.len(), 1);
    assert_eq!(
        g.deviations[0].what,
        "Uppföljning av beslut sker för sällan"
    );
    assert!(s.editor.is_some(), "the deviation's editor is open");
    assert!(s.dirty);

    let [small, large] = snap_both("walk_rated", &m);
    for text in [&small, &large] {
        assert!(text.contains("Tertialrapport 1 2025"));
        assert!(text.contains("· ändrat"));
        assert!(text.contains("Mål 1 av 6 · 1 bedömd") && !text.contains("1 bedömda"));
        assert!(text.contains("Uppföljning · prognos för helåret"));
        assert!(
            text.contains("E1 · Avvikelse 1 · Avvikelse"),
            "editor title"
        );
        assert!(text.contains("Uppföljning av beslut sker för sällan"));
        assert!(text.contains("Esc  klar"), "status line shows editing keys");
    }
    // At 120x40 the form shows the summary and the focused deviation.
    // The form scrolls to the field being edited, at both sizes.
    for text in [&small, &large] {
        assert!(text.contains("▶ Avvikelse: Uppföljning av beslut sker för sällan"));
    }
}

/// The form scrolls by wrapped screen rows, so long wrapped lines above the
/// focused field never push it out of view.
#[test]
fn walk_focused_field_is_visible_at_80x24() {
    let text = render(&walk_rated(Lang::Sv), 80, 24);
    assert!(
        text.contains("▶ Avvikelse: Uppföljning av beslut"),
        "the focused field is not on screen:\n{text}"
    );
}

#[test]
fn walk_indicator_outcome() {
    let mut m = model(Lang::Sv);
    open_session(&mut m, vb());
    // E3 is the goal under which the plan has indicator I1 (70 %).
    send(&mut m, Action::NextGoal);
    send(&mut m, Action::NextGoal);
    let (goal, target) = {
        let s = m.session.as_ref().unwrap();
        let plan = &m.plans[s.plan].plan;
        let goal = &plan.unit_goals[s.goal];
        let all = fields::fields(plan, &s.record, goal);
        let target = all
            .iter()
            .position(|f| *f == fields::Field::Outcome("I1".into(), fields::Sex::Total))
            .expect("E3 has indicator I1");
        (goal.id.clone(), target)
    };
    assert_eq!(goal, "E3");
    for _ in 0..target {
        send(&mut m, Action::NextField);
    }
    type_text(&mut m, "69,23");
    send(&mut m, key(Key::Enter));
    let s = m.session.as_ref().unwrap();
    assert!(s.editor.is_none(), "Enter ends a one-line field");
    assert_eq!(s.focus, target, "focus stays on the outcome");
    assert_eq!(s.record.indicator("I1").unwrap().total, Some(69.23));

    let [small, large] = snap_both("walk_indicator", &m);
    for text in [&small, &large] {
        assert!(text.contains("Mål 3 av 6"));
        assert!(text.contains("I1 Andel inköpta ekologiska livsmedel i kronor"));
        assert!(text.contains("▶ Periodens utfall: 69,23 %  ✗ når inte årsmålet"));
        assert!(text.contains("Inga data: [ ]"));
    }
}

#[test]
fn review_with_lints() {
    let mut m = review(Lang::Sv);
    // As opened: the goals first.
    let opened = render(&m, 120, 40);
    to_first_open_remark(&mut m);
    // E1: deviation without a measure; E2–E6 without a rating; the
    // tertial indicators I3 and I4 without an outcome; eight activities
    // without a status; no Sammanfattande analys.
    assert_eq!(open_lint_count(&m), 17);
    let [small, large] = snap_both("review", &m);
    for text in [&small, &large] {
        assert!(text.contains("Granska och lämna in"));
        assert!(text.contains("17 punkter kvar före klar"));
        assert!(text.contains("Anmärkningar"));
        assert!(text.contains("▶ E1/1"));
        assert!(text.contains("Avvikelse utan åtgärd"));
        assert!(text.contains("lämna som klar"));
    }
    // The review opens on the goals; the remarks follow them.
    assert!(opened.contains("◐ Bedöms uppfyllas delvis"), "{opened}");
    assert!(opened.contains("? saknar bedömning"), "{opened}");
    assert!(large.contains("Målet saknar bedömning"));
    assert!(large.contains("Indikator utan utfall"));
}

#[test]
fn review_waiver_being_typed() {
    let mut m = review(Lang::Sv);
    to_first_open_remark(&mut m);
    send(&mut m, Action::Waive);
    assert!(m.session.as_ref().unwrap().waiving.is_some());
    type_text(
        &mut m,
        "Åtgärden beslutas på APT i juni, före nästa tertial",
    );
    let [small, large] = snap_both("review_waiving", &m);
    for text in [&small, &large] {
        assert!(text.contains("Motivering (Enter sparar, Esc avbryter)"));
        assert!(text.contains("Åtgärden beslutas på APT i juni"));
    }
    // Enter stores the waiver: one remark fewer is open.
    send(&mut m, key(Key::Enter));
    assert!(m.session.as_ref().unwrap().waiving.is_none());
    assert_eq!(open_lint_count(&m), 16);
    assert!(render(&m, 120, 40).contains("motiverat: Åtgärden beslutas på APT i juni"));
}

#[test]
fn done_screen() {
    let mut m = walk_rated(Lang::Sv);
    send(&mut m, Action::Back);
    // Rate the other five goals as fully met.
    for _ in 1..6 {
        send(&mut m, Action::NextGoal);
        send(&mut m, Action::Rate(Rating::Full));
    }
    send(&mut m, Action::Review);
    // Waive what is left (the measure, the five analyses, the two
    // indicators, the activities' statuses and the summary).
    assert_eq!(open_lint_count(&m), 17);
    while open_lint_count(&m) > 0 {
        to_first_open_remark(&mut m);
        send(&mut m, Action::Waive);
        type_text(&mut m, "Följs upp i T2");
        send(&mut m, key(Key::Enter));
    }
    assert!(render(&m, 80, 24).contains("Allt klart: kan lämnas som klar (k)."));
    // Asked first, naming what is committed; the focus starts on Avbryt.
    assert!(send(&mut m, Action::CommitDone).is_empty());
    let [small, large] = snap_both("confirm_klar", &m);
    for text in [&small, &large] {
        assert!(text.contains("Lämna in som klar?"));
        assert!(text.contains("Beställarenhet 2 · Tertialrapport 1 2025"));
        assert!(text.contains("1 delvis"), "{text}");
        assert!(text.contains("[ Spara som klar ]"));
        assert!(text.contains("[ Avbryt ]"));
    }
    assert!(
        send(&mut m, Action::PressButton).is_empty(),
        "Enter on Avbryt"
    );
    assert!(m.confirm.is_none());
    send(&mut m, Action::CommitDone);
    send(&mut m, Action::PrevButton);
    let effects = send(&mut m, Action::PressButton);
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::Commit {
                status: Status::Done,
                ..
            }
        )),
        "committing as klar asks the shell to commit: {effects:?}"
    );
    send(
        &mut m,
        Action::Committed(Ok(("abc1234567".into(), Status::Done, 1_795_420_800))),
    );
    assert_eq!(m.screen, Screen::Done);
    let [small, large] = snap_both("done", &m);
    for text in [&small, &large] {
        assert!(text.contains("Uppföljningen är sparad i historiken."));
        assert!(text.contains("Beställarenhet 2 · 2025-T1 · status klar"));
        assert!(text.contains("commit abc1234567"));
        assert!(text.contains("2025-T1/bestallarenhet-2.toml"));
        assert!(text.contains("Retur: tillbaka till målen"));
    }
}

#[test]
fn window_too_small() {
    let m = model(Lang::Sv);
    let text = render(&m, 30, 8);
    insta::assert_snapshot!("too_small_30x8", text);
    assert!(text.contains("Fönstret är för litet"));
    assert!(text.contains("30×8 < 40×10"));
    assert!(text.contains("Ctrl-C avslutar"));
    // Just at the limit the real screen is drawn.
    assert!(render(&m, 40, 10).contains("välj enhet"));
}

#[test]
fn english_walk() {
    let rated = render(&walk_just_rated(Lang::En), 120, 40);
    assert!(rated.contains("▶ Forecast: ◐ Expected to be partly met"));

    let m = walk_rated(Lang::En);
    let text = render(&m, 120, 40);
    insta::assert_snapshot!("walk_rated_en_120x40", text);
    assert!(text.contains("Beställarenhet 2 · Tertial report 1 2025"));
    assert!(text.contains("Goal 1 of 6 · 1 rated"));
    assert!(text.contains("Follow-up · forecast for the year"));
    assert!(text.contains("▶ Deviation: Uppföljning av beslut sker för sällan"));
    assert!(text.contains("Council direction"));
    assert!(text.contains("E1 · Deviation 1 · Deviation"));
    assert!(!text.contains("Bedöms"), "no Swedish labels in English");
    assert!(!text.contains("Mål 1 av"));
}
