//! The spell check in the core, with the system's Swedish dictionary: the
//! word being typed is not marked until the cursor leaves it, text back
//! from `$EDITOR` is marked (or named, when no editor is open), a chosen
//! suggestion replaces the word in the field, and the review's remark
//! follows `[klar] spelling`. Without a dictionary the program says once
//! that spell checking is off.

mod common;
use std::sync::Arc;
use tertial::app::spelling::SpellLoad;
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::FollowUp;
use tertial::followup::lint::{Level, LintKind, Rules};
use tertial::i18n::Lang;

fn speller() -> Option<Arc<tertial::spell::Speller>> {
    let found = tertial::spell::Speller::system("sv_SE").ok();
    common::skip::ready_or_skip(
        found.is_some(),
        "HUNSPELL",
        "the spell check in the core",
        "no Swedish dictionary (hunspell-sv) is installed",
    )
    .then(|| Arc::new(found.unwrap()))
}

/// The walk of Beställarenhet 2, 2025-VB, on the first goal's summary.
fn walking(speller: Option<Arc<tertial::spell::Speller>>) -> Model {
    let mut m = Model::new(Lang::Sv, "test".into(), common::bundled_plans(), vec![]);
    m.today = (2026, 11, 23);
    let i = m
        .plans
        .iter()
        .position(|p| p.plan.unit.id == "bestallarenhet-2")
        .unwrap();
    let period = "2025-VB".parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    update(&mut m, Action::Down);
    let speller = speller.ok_or_else(|| tertial::spell::Missing::NotFound {
        lang: "sv_SE".into(),
        looked_in: Vec::new(),
    });
    update(
        &mut m,
        Action::SpellLoaded(Box::new(SpellLoad {
            speller,
            listed: vec!["Snickeboa".into()],
        })),
    );
    m
}

fn typed(m: &mut Model, text: &str) {
    for c in text.chars() {
        let input = ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(c),
            ctrl: false,
            alt: false,
            shift: false,
        };
        update(m, Action::EditorInput(input));
    }
}

fn summary(m: &Model) -> String {
    m.session
        .as_ref()
        .unwrap()
        .record
        .goal("E1")
        .unwrap()
        .summary
        .clone()
}

#[test]
fn the_word_being_typed_is_marked_once_the_cursor_leaves_it() {
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    update(&mut m, Action::Open);
    typed(&mut m, "Vi har stavnig");
    assert!(m.spelling.words().is_empty(), "still being typed");
    typed(&mut m, " och Snickeboa ");
    assert_eq!(
        m.spelling.words(),
        ["stavnig"],
        "a listed word is not marked"
    );

    update(&mut m, Action::SpellSuggest);
    assert!(matches!(
        &m.overlay,
        Some(tertial::app::overlay::Overlay::Spelling { word, .. }) if word == "stavnig"
    ));
    update(
        &mut m,
        Action::Suggestions {
            word: "stavnig".into(),
            found: vec!["stavning".into(), "stav nig".into()],
        },
    );
    update(&mut m, Action::Open);
    assert!(m.overlay.is_none());
    assert_eq!(summary(&m), "Vi har stavning och Snickeboa ");
    assert!(m.spelling.words().is_empty());
}

#[test]
fn text_back_from_the_external_editor_is_checked() {
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    // Not open in the editor: the words are named in the status line.
    update(
        &mut m,
        Action::ExternalEditorDone(Some("En anlys av kvalitet".into())),
    );
    assert_eq!(summary(&m), "En anlys av kvalitet");
    assert_eq!(m.message.as_deref(), Some("Stavning: anlys"));
    // Open in the editor: marked there.
    update(&mut m, Action::Open);
    update(
        &mut m,
        Action::ExternalEditorDone(Some("Ett stavnig fel\nsom anlys".into())),
    );
    // Also the last word, where the cursor is: it was not typed here.
    assert_eq!(m.spelling.words(), ["stavnig", "anlys"]);
}

#[test]
fn the_review_lists_misspelled_words_as_a_warning_the_workspace_can_change() {
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    update(
        &mut m,
        Action::ExternalEditorDone(Some("En anlys av stavnig".into())),
    );
    let remark = |m: &Model| {
        tertial::app::review::rows(m)
            .into_iter()
            .find_map(|r| match r {
                tertial::app::review::ReviewRow::Remark(l) if l.kind == LintKind::Spelling => {
                    Some(l)
                }
                _ => None,
            })
    };
    let r = remark(&m).expect("a spelling remark");
    assert_eq!(r.level, Level::Warn);
    assert!(!r.blocks());
    assert_eq!(r.target, "E1");
    assert_eq!(
        r.detail.as_deref(),
        Some("i sammanfattning: anlys, stavnig")
    );
    m.rules = Rules::from_marker("[klar]\nspelling = \"block\"\n").unwrap();
    assert!(remark(&m).unwrap().blocks());
    m.rules = Rules::from_marker("[klar]\nspelling = \"off\"\n").unwrap();
    assert!(remark(&m).is_none());
}

#[test]
fn without_a_dictionary_the_program_says_once_why_and_goes_on() {
    let mut m = walking(None);
    assert!(
        m.message
            .as_deref()
            .is_some_and(|s| s.starts_with("Stavningskontrollen är av: ingen ordlista sv_SE")),
        "{:?}",
        m.message
    );
    update(&mut m, Action::Open);
    typed(&mut m, "Vi har stavnig ");
    assert!(m.spelling.words().is_empty());
    assert_eq!(summary(&m), "Vi har stavnig ");
    update(&mut m, Action::SpellSuggest);
    assert!(m.overlay.is_none());
    assert!(m.message.as_deref().unwrap_or("").contains("hunspell-sv"));
    assert_eq!(m.screen, Screen::Walk);
}

#[test]
fn a_dictionary_that_comes_in_mid_word_does_not_mark_the_word_being_typed() {
    let Some(sp) = speller() else { return };
    let mut m = Model::new(Lang::Sv, "test".into(), common::bundled_plans(), vec![]);
    let i = m
        .plans
        .iter()
        .position(|p| p.plan.unit.id == "bestallarenhet-2")
        .unwrap();
    let period = "2025-VB".parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    update(&mut m, Action::Down);
    update(&mut m, Action::Open);
    typed(&mut m, "Ett stavnig fel och Måle");
    update(
        &mut m,
        Action::SpellLoaded(Box::new(SpellLoad {
            speller: Ok(sp),
            listed: Vec::new(),
        })),
    );
    assert_eq!(m.spelling.words(), ["stavnig"]);
    typed(&mut m, "t ");
    assert_eq!(m.spelling.words(), ["stavnig"]);
}

#[test]
fn a_spelling_remark_opens_the_field_the_words_are_in() {
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    m.session.as_mut().unwrap().record.economy.analysis = "Prognosen är osäkr.".into();
    m.screen = Screen::Review;
    let rows = tertial::app::review::rows(&m);
    let at = rows
        .iter()
        .position(|r| {
            matches!(r, tertial::app::review::ReviewRow::Remark(l)
                if l.kind == LintKind::Spelling && l.detail.as_deref().is_some_and(|d| d.contains("osäkr")))
        })
        .expect("a spelling remark on the economy's analysis");
    m.session.as_mut().unwrap().review_selected = at;
    update(&mut m, Action::Open);
    assert_eq!(m.screen, Screen::Walk);
    let s = m.session.as_ref().unwrap();
    let plan = &m.plans[s.plan].plan;
    let fields = tertial::app::fields::page(plan, &s.record, s.goal);
    assert_eq!(
        fields.get(s.focus),
        Some(&tertial::app::fields::Field::EconomyAnalysis)
    );
}

#[test]
fn the_plan_files_keys_are_no_words_of_the_plan() {
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    update(&mut m, Action::Open);
    // "periodicity" and "description" are keys of the plan file, not its text.
    typed(&mut m, "Vi har periodicity och description ");
    assert_eq!(m.spelling.words(), ["periodicity", "description"]);
}

#[test]
fn a_reviewers_comment_is_checked_and_a_suggestion_goes_into_the_comment() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use tertial::app::review_mode::{Comments, Reviewing};
    let Some(sp) = speller() else { return };
    let mut m = walking(Some(sp));
    // The same unit's committed follow-up, open for review.
    let s = m.session.take().unwrap();
    let mut review = Session::new(s.plan, s.period, s.record.clone(), None);
    review.read_only = true;
    review.focus = tertial::app::review_mode::NO_FOCUS;
    let r = Reviewing::new("0".repeat(40), Comments::default(), None);
    update(&mut m, Action::ReviewReady(Box::new(review), Box::new(r)));
    assert_eq!(m.screen, Screen::Reviewing);
    update(&mut m, Action::Open);
    typed(&mut m, "Analysen är brsitfällig här");
    assert_eq!(m.spelling.words(), ["brsitfällig"]);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| tertial::ui::view(&m, f)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Stavning (F7): brsitfällig"),
        "named without colour: {screen}"
    );

    update(&mut m, Action::SpellSuggest);
    assert!(matches!(
        &m.overlay,
        Some(tertial::app::overlay::Overlay::Spelling { word, .. }) if word == "brsitfällig"
    ));
    update(
        &mut m,
        Action::Suggestions {
            word: "brsitfällig".into(),
            found: vec!["bristfällig".into()],
        },
    );
    update(&mut m, Action::Open);
    let r = m.reviewing.as_ref().unwrap();
    assert_eq!(
        r.comments.remarks.values().next().map(String::as_str),
        Some("Analysen är bristfällig här")
    );
    assert!(r.dirty, "the corrected comment goes into the next draft");
    assert!(m.spelling.words().is_empty());
    // The follow-up under review is untouched.
    assert_eq!(m.session.as_ref().unwrap().record, s.record);
}
