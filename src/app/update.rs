//! `update`: the only place the model changes.

use super::action::{Action, Effect};
use super::model::{Model, Screen};

const PAGE: usize = 10;

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => {
            m.quit = true;
            return vec![Effect::Quit];
        }
        Action::Resize(w, h) => {
            m.size = (w, h);
            return Vec::new();
        }
        _ => {}
    }
    match m.screen {
        Screen::Problems => {
            if matches!(action, Action::Acknowledge | Action::Open | Action::Back) {
                m.screen = m.start_screen();
            }
        }
        Screen::Units => units(m, action),
        Screen::Plan => plan(m, action),
    }
    Vec::new()
}

fn step(selected: usize, len: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(PAGE),
        Action::PageDown => (selected + PAGE).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected.min(last),
    }
}

fn units(m: &mut Model, action: Action) {
    match action {
        Action::Input(c) => {
            m.units.filter.push(c);
            m.units.selected = 0;
        }
        Action::Paste(s) => {
            m.units.filter.extend(s.chars().filter(|c| !c.is_control()));
            m.units.selected = 0;
        }
        Action::DeleteBack => {
            m.units.filter.pop();
            m.units.selected = 0;
        }
        Action::Back => m.units.filter.clear(),
        Action::Open => {
            if let Some((i, _)) = m.filtered_units().get(m.units.selected) {
                m.plan = super::model::PlanState {
                    plan: *i,
                    goal: 0,
                    scroll: 0,
                };
                m.screen = Screen::Plan;
            }
        }
        other => {
            let len = m.filtered_units().len();
            m.units.selected = step(m.units.selected, len, &other);
        }
    }
}

fn plan(m: &mut Model, action: Action) {
    let goals = m.current_plan().map_or(0, |p| p.plan.unit_goals.len());
    match action {
        Action::Back if m.plans.len() > 1 => m.screen = Screen::Units,
        Action::ScrollDown => m.plan.scroll = m.plan.scroll.saturating_add(3),
        Action::ScrollUp => m.plan.scroll = m.plan.scroll.saturating_sub(3),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let next = step(m.plan.goal, goals, &action);
            if next != m.plan.goal {
                m.plan.scroll = 0;
            }
            m.plan.goal = next;
        }
        _ => {}
    }
}
