//! The start of `tertial open` before the terminal is taken: what is read
//! for the first frame (one unit's plans, a small workspace's plans, or for
//! a large workspace only the plan files' names: the plans are read in the
//! background while the first frame lists the units by name), the mistakes that end the program at once (no plans,
//! an unknown unit, a period of another year), and the model with the
//! action that starts it. No terminal is involved, so it is tested as is.

use crate::app::start::Start;
use crate::app::{Action, Model};
use crate::cli::OpenArgs;
use crate::followup::Period;
use crate::i18n::Lang;
use crate::workspace::Workspace;

/// More plan files than this are read in the background: reading them
/// would keep the first frame waiting (a city has 1,200 a year).
pub const BACKGROUND_PLAN_FILES: usize = 100;

/// The model before its first frame, and the action that starts it.
#[derive(Debug)]
pub struct Opening {
    pub model: Model,
    pub first: Action,
}

/// Reads what the first frame needs; `today` is the local date.
pub fn open(
    ws: &Workspace,
    args: &OpenArgs,
    lang: Lang,
    today: crate::clock::Day,
) -> anyhow::Result<Opening> {
    let period: Option<Period> = args.period.as_deref().map(str::parse).transpose()?;
    let (plans, diags, unread) = match &args.unit {
        // With --unit only that unit's plans are read: opening one unit of
        // a city's workspace must not wait for 1,200 others.
        Some(unit) => {
            let found = ws.load_unit_plans(unit);
            if found.0.is_empty() && found.1.is_empty() {
                let (plans, diags) = ws.load_plans();
                (plans, diags, false)
            } else {
                (found.0, found.1, false)
            }
        }
        None => match ws.plan_files() {
            files if files.is_empty() => (Vec::new(), Vec::new(), false),
            // The list shows the units by their files' names until the
            // plans are read.
            files if files.len() > BACKGROUND_PLAN_FILES => (
                crate::app::start::named_by_files(&ws.root, &files),
                Vec::new(),
                true,
            ),
            _ => {
                let (plans, diags) = ws.load_plans();
                (plans, diags, false)
            }
        },
    };
    if !unread && plans.is_empty() && diags.is_empty() {
        anyhow::bail!(
            "{}",
            lang.t(
                "arbetsytan har inga planer; lägg dem i plans/<år>/<enhet>.toml",
                "the workspace has no plans; put them in plans/<year>/<unit>.toml"
            )
        );
    }
    let mut problems: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let keymap = crate::keymap::load(
        args.keymap.as_deref(),
        crate::keymap::config_dir().as_deref(),
    );
    // Errors always; warnings only for the user's own files (the presets'
    // known warnings are for `tertial keymap check`).
    problems.extend(
        keymap
            .problems
            .iter()
            .filter(|d| d.is_error() || !d.file.starts_with("keymaps/"))
            .map(|d| d.to_string()),
    );
    let mut rules = ws.rules();
    if let Err(e) = &rules {
        problems.push(format!("{}: {e}", crate::workspace::MARKER));
    }
    // A bad `[limits]` table is shown like a bad `[klar]`: texts then have
    // no limits.
    match (ws.limits(), &mut rules) {
        (Ok(limits), Ok(rules)) => rules.limits = limits,
        (Err(d), _) => problems.push(d.to_string()),
        (Ok(_), Err(_)) => {}
    }
    let due = due_dates(ws, &mut problems);
    let model = Model::new(lang, workspace_name(ws), plans, problems);
    check_unit_and_period(&model, args.unit.as_deref(), period, lang)?;
    let first = Action::Start(Box::new(Start {
        today,
        keymap: keymap.map,
        rules: rules.unwrap_or_default(),
        unit: args.unit.clone(),
        period,
        plans_unread: unread,
        review: false,
        due,
        me: me(ws, args.author.as_deref()),
    }));
    Ok(Opening { model, first })
}

/// The folder's name, as the screens' titles show it.
fn workspace_name(ws: &Workspace) -> String {
    ws.root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| ws.root.display().to_string())
}

/// `--unit` names a unit with a plan, and `--period` with a unit (or in a
/// workspace of one plan) is of that plan's year.
fn check_unit_and_period(
    model: &Model,
    unit: Option<&str>,
    period: Option<Period>,
    lang: Lang,
) -> anyhow::Result<()> {
    let index = match unit {
        Some(unit) => Some(
            model
                .plans
                .iter()
                .position(|p| p.plan.unit.id == unit)
                .ok_or_else(|| {
                    anyhow::anyhow!("{}: {unit}", lang.t("okänd enhet", "unknown unit"))
                })?,
        ),
        None if model.plans.len() == 1 => Some(0),
        None => None,
    };
    if let (Some(i), Some(p)) = (index, period)
        && i64::from(p.year) != model.plans[i].plan.unit.year
    {
        anyhow::bail!(
            "{} {p}: {} {}",
            lang.t("perioden", "the period"),
            lang.t("planen gäller", "the plan is for"),
            model.plans[i].plan.unit.year
        );
    }
    Ok(())
}

/// The due dates of tertial.toml's `[due]`; a bad entry is a problem
/// shown first (file:line:col), and the dates are then left out.
fn due_dates(ws: &Workspace, problems: &mut Vec<String>) -> crate::app::waiting::DueDates {
    let Ok(text) = std::fs::read_to_string(ws.root.join(crate::workspace::MARKER)) else {
        return Default::default();
    };
    match crate::workspace::due::due_dates(&text, crate::workspace::MARKER) {
        Ok(d) => d,
        Err(e) => {
            problems.push(e);
            Default::default()
        }
    }
}

/// Who runs the program by the roster at the tip: the units they review
/// and the units they are chief of (none without a roster).
fn me(ws: &Workspace, author: Option<&str>) -> crate::app::waiting::Me {
    let mut me = crate::app::waiting::Me::default();
    let Ok(repo) = ws.repo() else { return me };
    let Ok(who) = crate::repo::identity(&repo, author) else {
        return me;
    };
    let Ok(Some(roster)) = crate::roster::at_tip(&repo, crate::repo::DEFAULT_BRANCH) else {
        return me;
    };
    let Some(person) = crate::roster::access::whom(&roster, &repo, &who) else {
        return me;
    };
    let units = roster
        .units
        .keys()
        .chain(roster.areas.iter().flat_map(|a| a.units.iter()));
    for unit in units {
        if roster.may_review(unit, &person.id) {
            me.reviews.insert(unit.clone());
        }
        if roster
            .units
            .get(unit)
            .is_some_and(|chiefs| chiefs.contains(&person.id))
        {
            me.chiefs.insert(unit.clone());
        }
    }
    me
}
