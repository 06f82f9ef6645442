//! The start of `tertial open` without a terminal: what is read before the
//! first frame, the mistakes that end it at once, and the first action.

mod common;
use common::Sandbox;
use tertial::app::{Action, Screen};
use tertial::cli::OpenArgs;
use tertial::i18n::Lang;
use tertial::tui::startup;
use tertial::workspace::Workspace;

const TODAY: (i32, u32, u32) = (2026, 5, 4);

fn args(unit: Option<&str>, period: Option<&str>) -> OpenArgs {
    OpenArgs {
        unit: unit.map(String::from),
        period: period.map(String::from),
        keymap: Some("default".into()),
        ..OpenArgs::default()
    }
}

/// A unit id of the workspace (its first plan file).
fn a_unit(ws: &Workspace) -> (String, i64) {
    let file = ws.plan_files().into_iter().next().unwrap();
    let year = file
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    (
        file.file_stem().unwrap().to_string_lossy().into_owned(),
        year.parse().unwrap(),
    )
}

#[test]
fn a_small_workspace_is_read_before_the_first_frame_and_starts_with_today() {
    let sb = Sandbox::new();
    let ws = Workspace::open(&sb.init_samples("ws")).unwrap();
    let opening = startup::open(&ws, &args(None, None), Lang::Sv, TODAY).unwrap();
    assert_eq!(opening.model.plans.len(), ws.plan_files().len());
    assert_eq!(opening.model.screen, Screen::Units);
    let Action::Start(start) = opening.first else {
        panic!("{:?}", opening.first)
    };
    assert_eq!(start.today, TODAY);
    assert!(!start.plans_unread);
}

#[test]
fn a_unit_asked_for_must_exist_and_its_period_be_of_its_plan_year() {
    let sb = Sandbox::new();
    let ws = Workspace::open(&sb.init_samples("ws")).unwrap();
    let (unit, year) = a_unit(&ws);
    let opening = startup::open(
        &ws,
        &args(Some(&unit), Some(&format!("{year}-T1"))),
        Lang::Sv,
        TODAY,
    )
    .unwrap();
    assert!(opening.model.plans.iter().all(|p| p.plan.unit.id == unit));
    let err = startup::open(&ws, &args(Some("finns-inte"), None), Lang::Sv, TODAY).unwrap_err();
    assert!(err.to_string().contains("okänd enhet"), "{err}");
    let err = startup::open(
        &ws,
        &args(Some(&unit), Some(&format!("{}-T1", year + 5))),
        Lang::Sv,
        TODAY,
    )
    .unwrap_err();
    assert!(err.to_string().contains("planen gäller"), "{err}");
}

#[test]
fn a_large_workspace_starts_without_reading_its_plans() {
    let sb = Sandbox::new();
    let dir = sb.workspace("ws");
    let units = (startup::BACKGROUND_PLAN_FILES + 1).to_string();
    let out = sb.run(&[
        "generate",
        dir.to_str().unwrap(),
        "--units",
        &units,
        "--goals",
        "1",
        "--years",
        "1",
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let ws = Workspace::open(&dir).unwrap();
    let opening = startup::open(&ws, &args(None, Some("2026-T1")), Lang::Sv, TODAY).unwrap();
    // Not read: the units stand there by their files' names only.
    assert_eq!(
        opening.model.plans.len(),
        startup::BACKGROUND_PLAN_FILES + 1
    );
    for p in &opening.model.plans {
        assert_eq!(p.plan.unit.name, p.plan.unit.id);
        assert!(p.plan.unit_goals.is_empty(), "{} was read", p.rel_path);
        assert_eq!(
            p.rel_path,
            format!("plans/{}/{}.toml", p.plan.unit.year, p.plan.unit.id)
        );
    }
    let Action::Start(start) = opening.first else {
        panic!("{:?}", opening.first)
    };
    assert!(start.plans_unread);
    assert_eq!(start.period, Some("2026-T1".parse().unwrap()));
}
