//! The overview screen: the roll-up across units for one period, a start
//! screen for area chiefs. Enter opens a unit's period chooser; the
//! overview key (or Back) goes to the plain unit list.

use super::action::{Action, Effect};
use super::model::{Model, OverviewState, Screen};
use super::update::step;

/// The overview key: from the overview to the unit list, else (re)read
/// the overview for the period shown last, or the one due next.
pub fn toggle(m: &mut Model) -> Vec<Effect> {
    if m.screen == Screen::Overview {
        m.screen = Screen::Units;
        m.home = Screen::Units;
        return Vec::new();
    }
    vec![Effect::LoadOverview(
        m.overview.as_ref().map(|o| o.data.period),
    )]
}

/// The overview of the period `step` periods later (earlier when negative).
pub fn step_period(m: &mut Model, step: i8) -> Vec<Effect> {
    let Some(o) = &m.overview else {
        return Vec::new();
    };
    match crate::overview::step_period(o.data.period, step) {
        Some(p) => vec![Effect::LoadOverview(Some(p))],
        None => Vec::new(),
    }
}

pub fn loaded(m: &mut Model, result: Result<Box<crate::overview::Overview>, String>) {
    match result {
        Ok(data) => {
            let year = i64::from(data.period.year);
            let plans = data
                .units
                .iter()
                .map(|u| {
                    m.plans
                        .iter()
                        .position(|p| p.plan.unit.id == u.id && p.plan.unit.year == year)
                })
                .collect();
            // The same unit stays selected when the overview is read again.
            let before = m
                .overview
                .as_ref()
                .and_then(|o| o.selected_unit(&m.me).and_then(|i| o.data.units.get(i)))
                .map(|u| u.id.clone());
            let mine = m.overview.as_ref().is_some_and(|o| o.mine);
            let mut state = OverviewState {
                data,
                plans,
                selected: 0,
                mine,
            };
            state.selected = before
                .and_then(|id| {
                    state
                        .shown(&m.me)
                        .iter()
                        .position(|&i| state.data.units[i].id == id)
                })
                .unwrap_or(0);
            m.overview = Some(state);
            // Read in the background: a unit opened meanwhile stays open,
            // and so does a unit list being filtered.
            let filtering = m.screen == Screen::Units && !m.units.filter.is_empty();
            if !filtering && matches!(m.screen, Screen::Units | Screen::Periods | Screen::Overview)
            {
                m.screen = Screen::Overview;
            }
            m.home = Screen::Overview;
        }
        Err(e) => {
            m.message = Some(format!(
                "{}: {e}",
                m.lang.t(
                    "Översikten kunde inte läsas",
                    "The overview could not be read"
                )
            ));
        }
    }
}

/// Back from a unit's periods to the list it was chosen in; the overview
/// is read again then (a follow-up may have been committed meanwhile).
pub fn back_home(m: &mut Model) -> Vec<Effect> {
    m.screen = m.home;
    match (&m.overview, m.home) {
        (Some(o), Screen::Overview) => vec![Effect::LoadOverview(Some(o.data.period))],
        _ => Vec::new(),
    }
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(o) = &mut m.overview else {
        m.screen = Screen::Units;
        return Vec::new();
    };
    match action {
        Action::Back => {
            m.screen = Screen::Units;
            m.home = Screen::Units;
        }
        Action::WaitingForMe => {
            o.mine = !o.mine;
            o.selected = 0;
            if o.mine && o.shown(&m.me).is_empty() {
                m.message = Some(
                    m.lang
                        .t(
                            "Inget väntar på dig i den här perioden.",
                            "Nothing waits for you in this period.",
                        )
                        .into(),
                );
            }
        }
        Action::Open => match o.selected_unit(&m.me).and_then(|i| o.plans.get(i)) {
            Some(Some(i)) => return vec![Effect::LoadPeriods(*i)],
            Some(None) => {
                m.message = Some(
                    m.lang
                        .t(
                            "Enhetens plan finns inte i arbetskatalogen.",
                            "The unit's plan is not in the working tree.",
                        )
                        .into(),
                )
            }
            None => {}
        },
        other => o.selected = step(o.selected, o.shown(&m.me).len(), &other),
    }
    Vec::new()
}
