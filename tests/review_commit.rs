//! Committing deliberately, through `update()` and the pure view: every
//! commit and deletion is asked with a named button, a question takes only
//! its own keys in every preset, klar needs what the workspace's rules
//! ask, the review scrolls to every goal at 80×24, and the walk shows how
//! much is done and where the follow-up stands.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::app::confirm::Question;
use tertial::app::{Action, Effect, Model, Screen, Session, update};
use tertial::followup::lint::{Level, LintKind, Rules};
use tertial::followup::{ActivityStatus, Deviation, FollowUp, Period, Rating, Status};
use tertial::i18n::Lang;

const TODAY: (i32, u32, u32) = (2026, 11, 23);

/// A model in the walk of `unit`'s plan for `period`.
fn walking(plan_path: &str, unit: &str, period: &str) -> Model {
    let mut m = Model::new(Lang::Sv, "test".into(), common::bundled_plans(), vec![]);
    m.today = TODAY;
    let i = m
        .plans
        .iter()
        .position(|p| p.rel_path == plan_path)
        .unwrap();
    let period: Period = period.parse().unwrap();
    let s = Session::new(i, period, FollowUp::new(unit, period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    m
}

fn small() -> Model {
    walking(
        "plans/2025/bestallarenhet-2.toml",
        "bestallarenhet-2",
        "2025-T1",
    )
}

/// Hägerstens hemtjänst 2026: twenty enhetsmål.
fn twenty() -> Model {
    walking(
        "plans/2026/hagerstens-hemtjanst.toml",
        "hagerstens-hemtjanst",
        "2026-T1",
    )
}

fn session(m: &Model) -> &Session {
    m.session.as_ref().unwrap()
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    terminal.backend().to_string()
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Action {
    Action::Key(KeyEvent::new(code, modifiers))
}

fn with_deviation(m: &mut Model) {
    let s = m.session.as_mut().unwrap();
    s.record.goal_mut("E1").deviations.push(Deviation {
        what: "Genomförandeplaner saknas".into(),
        ..Default::default()
    });
    // Focus the deviation's text (after rating, summary and the points).
    let plan = &m.plans[s.plan].plan;
    let fields = tertial::app::fields::page(plan, &s.record, 0);
    s.focus = fields
        .iter()
        .position(|f| matches!(f, tertial::app::fields::Field::Deviation(0, _)))
        .unwrap();
}

#[test]
fn a_question_ignores_every_navigation_key_of_every_preset() {
    for preset in ["default", "vim", "emacs"] {
        let mut m = small();
        m.keymap = tertial::keymap::load(Some(preset), None).map;
        with_deviation(&mut m);
        update(&mut m, Action::DeleteDeviation);
        let c = m.confirm.as_ref().expect("asked first");
        assert_eq!(
            c.question,
            Question::DeleteDeviation {
                goal: "E1".into(),
                index: 0
            }
        );
        let screen = render(&m, 80, 24);
        assert!(
            screen.contains("Avvikelse 1 under E1 tas bort."),
            "{screen}"
        );
        assert!(screen.contains("«Genomförandeplaner saknas»"), "{screen}");
        assert!(screen.contains("[ Ta bort ]  [ Avbryt ]"), "{screen}");
        let none = KeyModifiers::NONE;
        let moves = [
            key(KeyCode::Char('j'), none),
            key(KeyCode::Char('k'), none),
            key(KeyCode::Char('J'), KeyModifiers::SHIFT),
            key(KeyCode::Char('K'), KeyModifiers::SHIFT),
            key(KeyCode::Char('h'), none),
            key(KeyCode::Char('l'), none),
            key(KeyCode::Char('g'), none),
            key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            key(KeyCode::Char(' '), none),
            key(KeyCode::Char('1'), none),
            key(KeyCode::Char('n'), KeyModifiers::CONTROL),
            key(KeyCode::Char('p'), KeyModifiers::CONTROL),
            key(KeyCode::Char('f'), KeyModifiers::CONTROL),
            key(KeyCode::Char('v'), KeyModifiers::CONTROL),
            key(KeyCode::Down, none),
            key(KeyCode::Up, none),
            key(KeyCode::PageDown, none),
            key(KeyCode::PageUp, none),
            key(KeyCode::Home, none),
            key(KeyCode::End, none),
        ];
        for a in moves {
            update(&mut m, a.clone());
            assert!(m.confirm.is_some(), "{preset}: {a:?} answered the question");
            assert_eq!(
                session(&m).record.goal("E1").unwrap().deviations.len(),
                1,
                "{preset}: {a:?} deleted the deviation"
            );
        }
        // Enter presses the focused button, which starts on Avbryt.
        update(&mut m, key(KeyCode::Enter, none));
        assert!(m.confirm.is_none(), "{preset}");
        assert_eq!(session(&m).record.goal("E1").unwrap().deviations.len(), 1);
        // ← to Ta bort, Enter: deleted.
        update(&mut m, Action::DeleteDeviation);
        update(&mut m, key(KeyCode::Left, none));
        update(&mut m, key(KeyCode::Enter, none));
        assert!(
            session(&m).record.goal("E1").unwrap().deviations.is_empty(),
            "{preset}"
        );
        // y presses the first button.
        with_deviation(&mut m);
        update(&mut m, Action::DeleteDeviation);
        update(&mut m, key(KeyCode::Char('y'), none));
        assert!(
            session(&m).record.goal("E1").unwrap().deviations.is_empty(),
            "{preset}"
        );
    }
}

#[test]
fn a_commit_as_utkast_is_asked_naming_what_is_committed() {
    let mut m = small();
    let s = m.session.as_mut().unwrap();
    s.record.goal_mut("E1").rating = Some(Rating::Full);
    s.record.goal_mut("E2").rating = Some(Rating::Partial);
    s.record.goal_mut("E3").rating = Some(Rating::NotAssessed);
    update(&mut m, Action::Review);
    assert!(
        update(&mut m, Action::CommitDraft).is_empty(),
        "asked first"
    );
    let c = m.confirm.clone().unwrap();
    assert_eq!(c.question, Question::Commit(Status::Draft));
    let text = c.lines.join("\n");
    assert!(
        text.contains("Beställarenhet 2 · Tertialrapport 1 2025"),
        "{text}"
    );
    assert!(
        text.contains("1 helt, 1 delvis, 0 inte, 1 ej bedömd, 3 utan bedömning"),
        "{text}"
    );
    assert!(text.contains("öppna anmärkningar"), "{text}");
    assert_eq!(c.buttons, vec!["Spara som utkast", "Avbryt"]);
    // n, Esc and Enter on Avbryt all cancel; nothing is committed.
    for cancel in [
        key(KeyCode::Char('n'), KeyModifiers::NONE),
        key(KeyCode::Esc, KeyModifiers::NONE),
        key(KeyCode::Enter, KeyModifiers::NONE),
    ] {
        update(&mut m, Action::CommitDraft);
        assert!(update(&mut m, cancel).is_empty());
        assert!(m.confirm.is_none());
    }
    update(&mut m, Action::CommitDraft);
    update(&mut m, key(KeyCode::Tab, KeyModifiers::NONE));
    let effects = update(&mut m, key(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(
            effects.as_slice(),
            [
                Effect::SaveDraftNow,
                Effect::Commit {
                    status: Status::Draft,
                    ..
                }
            ]
        ),
        "{effects:?}"
    );
}

#[test]
fn reopening_asks_once_the_reason_is_written() {
    let mut m = small();
    let s = m.session.as_mut().unwrap();
    s.committed = Some(Status::Done);
    s.record.status = Status::Done;
    update(&mut m, Action::Review);
    update(&mut m, Action::Reopen);
    for c in "Ny statistik".chars() {
        update(&mut m, key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(update(&mut m, key(KeyCode::Enter, KeyModifiers::NONE)).is_empty());
    assert_eq!(
        m.confirm.as_ref().unwrap().question,
        Question::Reopen("Ny statistik".into())
    );
    let effects = update(&mut m, Action::Confirm(true));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Commit {
            status: Status::Reopened,
            reason: Some(_),
            ..
        }]
    ));
}

/// Every goal helt, no text at all: the case klar once let through.
fn rated_without_text(m: &mut Model) {
    let plan = m.plans[session(m).plan].plan.clone();
    let s = m.session.as_mut().unwrap();
    for g in &plan.unit_goals {
        s.record.goal_mut(&g.id).rating = Some(Rating::Full);
    }
    s.record.indicator_mut("I3").total = Some(8.2);
    s.record.indicator_mut("I4").no_data = true;
}

#[test]
fn klar_needs_analyses_statuses_and_the_summary_unless_the_workspace_says_otherwise() {
    let mut m = small();
    rated_without_text(&mut m);
    update(&mut m, Action::Review);
    assert!(update(&mut m, Action::CommitDone).is_empty());
    assert!(m.confirm.is_none(), "not klar: nothing to ask");
    assert!(m.message.as_deref().unwrap().contains("punkter kvar"));

    let plan = &m.plans[session(&m).plan].plan;
    let kinds = |m: &Model| {
        tertial::followup::lint::blocking(plan, &session(m).record, &m.rules, m.today)
            .into_iter()
            .map(|l| (l.kind, l.target))
            .collect::<Vec<_>>()
    };
    let open = kinds(&m);
    assert!(open.contains(&(LintKind::AnalysisMissing, "E1".into())));
    assert!(open.contains(&(LintKind::ActivityStatusMissing, "A1".into())));
    assert!(open.contains(&(LintKind::SummaryMissing, "enhet".into())));

    // ej bedömd needs a reason; economy figures an analysis; a deviation
    // past its due date is pointed out (a warning by default).
    let mut rec = session(&m).record.clone();
    rec.goal_mut("E2").rating = Some(Rating::NotAssessed);
    rec.economy.budget = Some(959_500.0);
    rec.goal_mut("E1").deviations.push(Deviation {
        what: "X".into(),
        measure: "Y".into(),
        due: Some(tertial::plan::Date {
            year: 2026,
            month: 1,
            day: 31,
        }),
        ..Default::default()
    });
    let all = tertial::followup::lint::check(plan, &rec, &m.rules, TODAY);
    let has = |k: LintKind, t: &str| all.iter().any(|l| l.kind == k && l.target == t);
    assert!(has(LintKind::ReasonMissing, "E2"));
    assert!(has(LintKind::EconomyAnalysisMissing, "enhet"));
    assert!(has(LintKind::LinkMissing, "E1/1"));
    assert!(has(LintKind::DuePast, "E1/1"));
    assert!(
        all.iter()
            .filter(|l| matches!(l.kind, LintKind::LinkMissing | LintKind::DuePast))
            .all(|l| l.level == Level::Warn && !l.blocks())
    );

    // A workspace that lets text and statuses be.
    let rules = Rules::from_marker(
        "schema = 1\n[klar]\nanalysis-missing = \"off\"\nactivity-status-missing = \"off\"\nsummary-missing = \"warn\"\n",
    )
    .unwrap();
    m.rules = rules;
    assert!(kinds(&m).is_empty(), "{:?}", kinds(&m));
    assert!(update(&mut m, Action::CommitDone).is_empty());
    assert_eq!(
        m.confirm.as_ref().unwrap().question,
        Question::Commit(Status::Done)
    );
    assert!(Rules::from_marker("[klar]\nanalysis-missing = \"sometimes\"\n").is_err());
    assert!(Rules::from_marker("[klar]\nno-such-remark = \"off\"\n").is_err());
}

#[test]
fn klar_with_everything_written_is_asked_and_committed() {
    let mut m = small();
    rated_without_text(&mut m);
    let plan = m.plans[session(&m).plan].plan.clone();
    let s = m.session.as_mut().unwrap();
    for g in &plan.unit_goals {
        s.record.goal_mut(&g.id).summary = "Målet nås.".into();
    }
    for a in &plan.activities {
        s.record.activity_mut(&a.id).status = Some(ActivityStatus::Done);
    }
    s.record.summary = "Ett år enligt plan.".into();
    update(&mut m, Action::Review);
    assert!(update(&mut m, Action::CommitDone).is_empty());
    let effects = update(&mut m, Action::Confirm(true));
    assert!(matches!(
        effects.as_slice(),
        [
            Effect::SaveDraftNow,
            Effect::Commit {
                status: Status::Done,
                ..
            }
        ]
    ));
}

#[test]
fn the_review_reaches_every_goal_and_part_at_80x24() {
    let mut m = twenty();
    update(&mut m, Action::Review);
    assert_eq!(m.screen, Screen::Review);
    let top = render(&m, 80, 24);
    insta::assert_snapshot!("review_20_goals_top_80x24", top);
    let mut seen = top.clone();
    let rows = tertial::app::review::rows(&m).len();
    for _ in 0..rows {
        update(&mut m, Action::Down);
        seen.push_str(&render(&m, 80, 24));
    }
    let end = render(&m, 80, 24);
    insta::assert_snapshot!("review_20_goals_end_80x24", end);
    for i in 1..=20 {
        assert!(seen.contains(&format!("  E{i} ")), "E{i} never shown");
    }
    for part in [
        "Sammanfattande analys",
        "Uppföljning av ekonomi",
        "Systematiskt kvalitetsarbete",
        "Synpunkter och klagomål",
    ] {
        assert!(seen.contains(part), "{part} never shown");
    }
    // The remarks come last: the last row is the last remark.
    let all = tertial::app::review::rows(&m);
    let last_remark = match all.last() {
        Some(tertial::app::review::ReviewRow::Remark(l)) => l.target.clone(),
        other => panic!("the last row is not a remark: {other:?}"),
    };
    assert!(end.contains(&format!("▶ {last_remark}")), "{end}");
    // Enter on a goal row opens that goal; on a part, the unit's page.
    let part_row = all
        .iter()
        .position(|r| {
            *r == tertial::app::review::ReviewRow::Part(tertial::app::review::UnitPart::Complaints)
        })
        .unwrap();
    update(&mut m, Action::Top);
    for _ in 0..part_row {
        update(&mut m, Action::Down);
    }
    assert!(
        render(&m, 80, 24).contains("▶ ○ Synpunkter och klagomål"),
        "{}",
        render(&m, 80, 24)
    );
    update(&mut m, Action::Open);
    assert_eq!(m.screen, Screen::Walk);
    assert_eq!(session(&m).goal, 20);
    update(&mut m, Action::Review);
    let goal_row = tertial::app::review::rows(&m)
        .iter()
        .position(|r| *r == tertial::app::review::ReviewRow::Goal(18))
        .unwrap();
    for _ in 0..goal_row {
        update(&mut m, Action::Down);
    }
    update(&mut m, Action::Open);
    assert_eq!(session(&m).goal, 18);
}

#[test]
fn the_walk_shows_how_much_is_done_and_the_status() {
    tertial::clock::set_zone(tertial::clock::stockholm());
    let mut m = twenty();
    update(&mut m, Action::Rate(Rating::Full));
    update(&mut m, Action::NextGoal);
    update(&mut m, Action::Rate(Rating::Partial));
    // On the last goal, with 2 of 20 rated: the bar shows 2 of 24, not
    // the position.
    for _ in 0..18 {
        update(&mut m, Action::NextGoal);
    }
    let screen = render(&m, 80, 24);
    assert!(
        screen.contains("Mål 20 av 20 · 2 bedömda · 2/24 klart"),
        "{screen}"
    );
    let bar = screen.lines().nth(1).unwrap();
    let filled = bar.chars().filter(|c| *c == '█').count();
    assert!(
        filled < 10,
        "{filled} of 80 cells filled for 2 of 24: {bar}"
    );
    assert!(bar.contains("utkast · ej inlämnad"), "{bar}");

    update(
        &mut m,
        Action::Committed(Ok(("abc1234567".into(), Status::Done, 1_795_420_800))),
    );
    update(&mut m, Action::Open);
    let screen = render(&m, 120, 40);
    assert!(
        screen.contains("klar · inlämnad 2026-11-23 09:00"),
        "{screen}"
    );
}

#[test]
fn the_report_of_the_draft_is_shown_before_committing() {
    let mut m = small();
    let s = m.session.as_mut().unwrap();
    s.record.goal_mut("E1").rating = Some(Rating::Partial);
    s.record.goal_mut("E1").summary = "Osparad men synlig analys".into();
    update(&mut m, Action::Review);
    update(&mut m, Action::ShowReport);
    let screen = render(&m, 80, 24);
    assert!(screen.contains("Rapporten som den ser ut nu"), "{screen}");
    // The text of the record in memory, scrolled to where it is.
    let mut seen = screen;
    for _ in 0..40 {
        update(&mut m, Action::PageDown);
        seen.push_str(&render(&m, 80, 24));
    }
    assert!(seen.contains("Osparad men synlig analys"), "{seen}");
    update(&mut m, Action::Back);
    assert!(m.overlay.is_none());
    assert_eq!(m.screen, Screen::Review);

    // From the goal page through the palette too.
    update(&mut m, Action::Back);
    assert_eq!(m.screen, Screen::Walk);
    update(&mut m, Action::Palette);
    for c in "rapporten".chars() {
        update(&mut m, Action::Input(c));
    }
    let items =
        tertial::app::overlay::palette_items(&m, "rapporten", tertial::keymap::Context::Goal);
    assert_eq!(items.first().map(|i| i.action), Some("show_report"));
    update(&mut m, Action::Open);
    assert!(matches!(
        m.overlay,
        Some(tertial::app::overlay::Overlay::Report { .. })
    ));
}
