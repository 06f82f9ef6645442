//! `update`: the only place the model changes. Screens with more to them
//! have their own files (`walk`, `review`).

use super::action::{Action, Effect};
use super::model::{Model, Screen};
use super::overlay::{self as ov, Overlay};
use super::{review, start, walk};

pub const PAGE: usize = 10;

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let returned = matches!(action, Action::ExternalEditorDone(Some(_)));
    // Typing, or marks made anew while a word may be half typed (the
    // dictionary came in, a word was listed): the word at the cursor
    // waits until the cursor leaves it.
    let typing = matches!(
        action,
        Action::EditorInput(_)
            | Action::TypeOnField(..)
            | Action::SpellLoaded(_)
            | Action::WordAdded(_)
    );
    let effects = dispatch(m, action);
    // Whatever changed the editor's text, its marks follow.
    super::spelling::refresh(m, typing);
    if returned {
        super::spelling::after_external_editor(m);
    }
    effects
}

fn dispatch(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::NewDay(day) => {
            m.today = day;
            return Vec::new();
        }
        Action::SpellLoaded(load) => {
            super::spelling::loaded(m, *load);
            return Vec::new();
        }
        Action::Suggestions { word, found } => {
            super::spelling::suggestions(m, &word, found);
            return Vec::new();
        }
        Action::WordAdded(result) => {
            super::spelling::word_added(m, result);
            return Vec::new();
        }
        Action::SpellSuggest
            if super::spelling::open_text(m.screen, m.session.as_ref(), m.reviewing.as_ref())
                .is_some() =>
        {
            if m.overlay.is_none() && m.confirm.is_none() {
                return super::spelling::suggest(m);
            }
            return Vec::new();
        }
        _ => {}
    }
    if let Action::Key(ev) = action {
        // A question, an overlay or the problems screen takes Esc first.
        let free = m.confirm.is_none()
            && m.overlay.is_none()
            && m.rescue_path.is_none()
            && m.screen != Screen::Problems;
        if m.job.is_some() && free && cancels_job(&ev) {
            return start::cancel_job(m);
        }
        return super::keys::on_key(m, ev);
    }
    // Results of the start or of background work; what opens behind the
    // problems screen waits there until they are acknowledged.
    match action {
        Action::Start(s) => return behind_problems(m, |m| start::start(m, *s)),
        Action::PlansRead(r) => return start::plans_read(m, *r),
        Action::JobStarted { id, kind } => {
            start::job_started(m, id, kind);
            return Vec::new();
        }
        Action::JobProgress { id, done, total } => {
            start::job_progress(m, id, done, total);
            return Vec::new();
        }
        Action::JobStep {
            id,
            step,
            cancellable,
        } => {
            start::job_step(m, id, step, cancellable);
            return Vec::new();
        }
        Action::HistoryIndexed(effect) => return vec![*effect],
        Action::JobDone { id, result } => {
            return behind_problems(m, |m| start::job_done(m, id, *result));
        }
        Action::CancelJob => return start::cancel_job(m),
        Action::SessionReady(_) | Action::Periods(_) | Action::OverviewLoaded(_)
            if m.screen == Screen::Problems =>
        {
            return behind_problems(m, |m| inner(m, action));
        }
        _ => {}
    }
    if start::waits_for_plans(m, &action) {
        return Vec::new();
    }
    inner(m, action)
}

/// Esc and Ctrl-G stop a background job, whatever the keymap says.
pub fn cancels_job(ev: &ratatui::crossterm::event::KeyEvent) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    ev.kind != KeyEventKind::Release
        && (ev.code == KeyCode::Esc
            || (ev.code == KeyCode::Char('g') && ev.modifiers.contains(KeyModifiers::CONTROL)))
}

/// Runs `f`; while the problems screen is shown, the screen `f` chose is
/// the one shown once they are acknowledged.
fn behind_problems(m: &mut Model, f: impl FnOnce(&mut Model) -> Vec<Effect>) -> Vec<Effect> {
    if m.screen != Screen::Problems {
        return f(m);
    }
    let effects = f(m);
    if m.screen != Screen::Problems {
        m.after_problems = m.screen;
        m.screen = Screen::Problems;
    }
    effects
}

fn inner(m: &mut Model, action: Action) -> Vec<Effect> {
    let action = match super::review_mode::results(m, action) {
        Ok(effects) => return effects,
        Err(action) => action,
    };
    if m.too_small() && matches!(action, Action::Paste(_)) {
        // Nothing pasted goes into an editor that cannot be seen.
        return Vec::new();
    }
    // Results of I/O and leaving pass; other actions answer what is open.
    let passes = matches!(
        action,
        Action::Resize(..)
            | Action::DraftSaved(_)
            | Action::DraftFailed { .. }
            | Action::DraftRescued(_)
            | Action::NoteKeptAside(_)
            | Action::Committed(_)
            | Action::Quit
    );
    if m.rescue_path.is_some() && !passes {
        return super::unsaved::rescue_path(m, action);
    }
    if m.confirm.is_some() && !passes {
        return super::confirm::update(m, action);
    }
    // Writing a waiver or a reason in the review: cancelling is going back.
    let action = match action {
        Action::CancelEdit if m.screen == Screen::Review => Action::Back,
        other => other,
    };
    if m.overlay.is_some()
        && !matches!(
            action,
            Action::Resize(..) | Action::DraftSaved(_) | Action::Quit
        )
    {
        return overlay(m, action);
    }
    match action {
        Action::Help => {
            m.overlay = Some(Overlay::Help { scroll: 0 });
            return Vec::new();
        }
        Action::Palette => {
            let under = super::keys::screen_context(m);
            m.overlay = Some(Overlay::Palette {
                query: String::new(),
                selected: 0,
                under,
            });
            return Vec::new();
        }
        Action::Timeline if m.screen == Screen::Walk => {
            // The unit-level page after the goals has no timeline.
            if let (Some(s), Some(plan)) = (&m.session, m.session_plan())
                && let Some(goal) = plan.unit_goals.get(s.goal)
            {
                return vec![Effect::LoadTimeline {
                    unit: plan.unit.id.clone(),
                    goal: goal.id.clone(),
                }];
            }
            return Vec::new();
        }
        Action::Sync => return vec![Effect::SaveDraftNow, Effect::Sync { keep: Vec::new() }],
        Action::WorktreeLocked { lock, age_secs } => {
            m.message = Some(crate::repo::worktree::stale_lock_text(
                m.lang,
                std::path::Path::new(&lock),
                age_secs,
            ));
            return Vec::new();
        }
        Action::SyncProgress(line) => {
            let syncing = m
                .lang
                .t("Synkar med servern …", "Syncing with the server …");
            m.message = Some(if line.is_empty() {
                syncing.to_string()
            } else {
                format!("{syncing} {line}")
            });
            return Vec::new();
        }
        Action::Synced(result) => {
            match result {
                super::action::SyncResult::Done(msg) | super::action::SyncResult::Failed(msg) => {
                    m.message = Some(msg)
                }
                super::action::SyncResult::NoRemote(remote) => {
                    m.message = Some(crate::sync::no_remote_short(m.lang, &remote))
                }
                super::action::SyncResult::Conflicts(items) => {
                    m.overlay = Some(Overlay::Conflicts {
                        items,
                        selected: 0,
                        chosen: Vec::new(),
                    });
                }
            }
            return Vec::new();
        }
        Action::TimelineLoaded(goal, rows) => {
            m.overlay = Some(Overlay::Timeline {
                goal,
                rows,
                scroll: 0,
            });
            return Vec::new();
        }
        Action::CarryOver if matches!(m.screen, Screen::Walk | Screen::Review) => {
            if let Some(s) = &mut m.session {
                s.editor = None;
            }
            super::carry_over::open(m);
            return Vec::new();
        }
        Action::TogglePrevious if m.screen == Screen::Walk => {
            m.previous_shown = Some(!crate::app::previous::shown(m));
            return Vec::new();
        }
        Action::Jump if m.session.is_some() => {
            m.overlay = Some(Overlay::Jump {
                query: String::new(),
                selected: 0,
            });
            return Vec::new();
        }
        Action::Overview
            if matches!(m.screen, Screen::Units | Screen::Periods | Screen::Overview) =>
        {
            return super::overview::toggle(m);
        }
        Action::StepPeriod(step) if m.screen == Screen::Overview => {
            return super::overview::step_period(m, step);
        }
        Action::OverviewLoaded(result) => {
            super::overview::loaded(m, result);
            return Vec::new();
        }
        Action::Quit => {
            m.confirm = None;
            // Typed text is never left only in memory: it is written
            // first, and if it cannot be, the chief is asked.
            if m.reviewing
                .as_ref()
                .is_some_and(|r| r.dirty && r.save_failed)
            {
                m.quit = true;
                return vec![Effect::QuitPrintingComments];
            }
            let comments = m.reviewing.as_ref().is_some_and(|r| r.dirty);
            if comments || m.session.as_ref().is_some_and(|s| s.dirty && !s.read_only) {
                return vec![Effect::SaveThenQuit];
            }
            m.quit = true;
            return vec![Effect::Quit];
        }
        Action::DraftFailed { why, quitting } => {
            super::unsaved::failed(m, why, quitting);
            return Vec::new();
        }
        Action::DraftRescued(result) => return super::unsaved::rescued(m, result),
        Action::NoteKeptAside(result) => {
            super::carry_over::note_kept(m, result);
            return Vec::new();
        }
        Action::ShowReport if m.session.is_some() => {
            m.overlay = Some(ov::report(m));
            return Vec::new();
        }
        Action::Resize(w, h) => {
            m.size = (w, h);
            return Vec::new();
        }
        Action::DraftSaved(at) => {
            if let Some(s) = &mut m.session {
                s.draft_saved_at = Some(at);
                s.dirty = false;
                s.save_error = None;
            }
            return Vec::new();
        }
        Action::Periods(mut p) => {
            // Back from a goal page: the period just left is selected.
            if let Some(s) = m.session.as_ref().filter(|s| s.plan == p.plan)
                && let Some(i) = p.periods.iter().position(|x| x.period == s.period)
            {
                p.selected = i;
            }
            m.periods = Some(p);
            m.screen = Screen::Periods;
            return Vec::new();
        }
        Action::Committed(result) => {
            committed(m, result);
            return Vec::new();
        }
        Action::SessionReady(mut s) => {
            let note = s.opening_note.take();
            if let Some(note) =
                note.or_else(|| super::waiting::opening_note(m.lang, &s, &m.due, m.today))
            {
                m.message = Some(note);
            }
            m.screen = if s.pending_draft.is_some() {
                Screen::Resume
            } else {
                Screen::Walk
            };
            m.session = Some(*s);
            super::carry_over::offer_on_open(m);
            return Vec::new();
        }
        _ => {}
    }
    m.message = None;
    match m.screen {
        Screen::Problems => {
            if matches!(action, Action::Acknowledge | Action::Open | Action::Back) {
                m.screen = m.after_problems;
            }
            Vec::new()
        }
        Screen::Units => units(m, action),
        Screen::Overview => super::overview::update(m, action),
        Screen::Periods => periods(m, action),
        Screen::Resume => resume(m, action),
        Screen::Walk => walk::update(m, action),
        Screen::Review => review::update(m, action),
        Screen::CarryOver => super::carry_over::update(m, action),
        Screen::Reviewing => super::review_mode::update(m, action),
        Screen::Done => {
            if matches!(action, Action::Acknowledge | Action::Open | Action::Back) {
                m.screen = Screen::Walk;
            }
            Vec::new()
        }
    }
}

/// Moves a selection in a list of `len` items.
pub fn step(selected: usize, len: usize, action: &Action) -> usize {
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

fn units(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Input(c) => {
            m.units.filter.push(c);
            m.units.refilter();
            m.units.selected = 0;
        }
        Action::Paste(s) => {
            m.units.filter.extend(s.chars().filter(|c| !c.is_control()));
            m.units.refilter();
            m.units.selected = 0;
        }
        Action::DeleteBack => {
            m.units.filter.pop();
            m.units.refilter();
            m.units.selected = 0;
        }
        Action::Back => {
            m.units.filter.clear();
            m.units.refilter();
        }
        Action::Open => {
            if let Some((i, _)) = m.filtered_units().get(m.units.selected) {
                return vec![Effect::LoadPeriods(*i)];
            }
        }
        other => {
            let len = m.filtered_units().len();
            m.units.selected = step(m.units.selected, len, &other);
        }
    }
    Vec::new()
}

fn periods(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(p) = &mut m.periods else {
        m.screen = Screen::Units;
        return Vec::new();
    };
    match action {
        Action::Back => return super::overview::back_home(m),
        Action::Open => {
            if let Some(info) = p.periods.get(p.selected) {
                return vec![Effect::OpenSession {
                    plan: p.plan,
                    period: info.period,
                }];
            }
        }
        other => p.selected = step(p.selected, p.periods.len(), &other),
    }
    Vec::new()
}

fn resume(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(s) = &mut m.session else {
        m.screen = Screen::Units;
        return Vec::new();
    };
    match action {
        Action::ResumeDraft | Action::Open => {
            let mut closing = None;
            if let Some(d) = s.pending_draft.take() {
                s.record = d.followup;
                s.draft_saved_at = Some(d.saved_at);
                closing = d.closing;
            }
            m.screen = Screen::Walk;
            super::carry_over::offer_on_open(m);
            match closing {
                Some(note) => super::carry_over::restore_note(m, note),
                None => Vec::new(),
            }
        }
        // Never offered to a read-only session (someone else's draft).
        Action::DiscardDraft if !s.read_only => {
            if let Some(d) = &s.pending_draft {
                m.confirm = Some(super::confirm::discard_draft(
                    m.lang,
                    &d.by,
                    &crate::clock::date_time(d.saved_at as i64),
                ));
            }
            Vec::new()
        }
        Action::Back => {
            // Leaving without choosing keeps the draft where it is.
            m.session = None;
            m.screen = m.home;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn committed(m: &mut Model, result: Result<(String, crate::followup::Status, u64), String>) {
    let Some(s) = &mut m.session else { return };
    match result {
        Ok((id, status, at)) => {
            s.last_commit = Some(id);
            s.committed_at = Some(at);
            s.committed = Some(status);
            s.record.status = status;
            s.dirty = false;
            m.screen = Screen::Done;
        }
        Err(e) => m.message = Some(e),
    }
}

/// Actions while an overlay is open.
fn overlay(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(o) = m.overlay.clone() else {
        return Vec::new();
    };
    match (o, action) {
        (_, Action::Back) => m.overlay = None,
        (o @ Overlay::Spelling { .. }, a) => return super::spelling::on_overlay(m, o, a),
        (
            Overlay::Conflicts {
                items,
                selected,
                mut chosen,
            },
            a,
        ) => match a {
            Action::KeepSide(local) => {
                if let Some(item) = items.get(selected) {
                    chosen.retain(|(p, _)| p != &item.path);
                    chosen.push((item.path.clone(), local));
                }
                if chosen.len() == items.len() {
                    m.overlay = None;
                    return vec![Effect::Sync { keep: chosen }];
                }
                let next = (selected + 1).min(items.len().saturating_sub(1));
                m.overlay = Some(Overlay::Conflicts {
                    items,
                    selected: next,
                    chosen,
                });
            }
            other => {
                let selected = step(selected, items.len(), &other);
                m.overlay = Some(Overlay::Conflicts {
                    items,
                    selected,
                    chosen,
                });
            }
        },
        (Overlay::Timeline { goal, rows, scroll }, a) => {
            let scroll = match a {
                Action::Down => scroll.saturating_add(1),
                Action::Up => scroll.saturating_sub(1),
                Action::PageDown => scroll.saturating_add(10),
                Action::PageUp => scroll.saturating_sub(10),
                Action::Open | Action::Timeline => {
                    m.overlay = None;
                    return Vec::new();
                }
                _ => scroll,
            };
            m.overlay = Some(Overlay::Timeline { goal, rows, scroll });
        }
        (Overlay::Report { text, scroll }, a) => {
            let scroll = match a {
                Action::Down => scroll.saturating_add(1),
                Action::Up => scroll.saturating_sub(1),
                Action::PageDown => scroll.saturating_add(10),
                Action::PageUp => scroll.saturating_sub(10),
                Action::Top => 0,
                Action::Bottom => u16::MAX,
                Action::Open | Action::ShowReport => {
                    m.overlay = None;
                    return Vec::new();
                }
                _ => scroll,
            };
            m.overlay = Some(Overlay::Report { text, scroll });
        }
        (Overlay::Help { scroll }, a) => {
            let scroll = match a {
                Action::Down => scroll.saturating_add(1),
                Action::Up => scroll.saturating_sub(1),
                Action::PageDown => scroll.saturating_add(10),
                Action::PageUp => scroll.saturating_sub(10),
                Action::Open | Action::Help => {
                    m.overlay = None;
                    return Vec::new();
                }
                _ => scroll,
            };
            m.overlay = Some(Overlay::Help { scroll });
        }
        (
            Overlay::Palette {
                mut query,
                selected,
                under,
            },
            a,
        ) => {
            let items = ov::palette_items(m, &query, under);
            let selected = match a {
                Action::Open => {
                    m.overlay = None;
                    let chosen = items
                        .get(selected)
                        .and_then(|i| super::commands::action(i.command));
                    return chosen.map(|a| update(m, a)).unwrap_or_default();
                }
                a if edit_query(&mut query, &a) => 0,
                other => step(selected, items.len(), &other),
            };
            m.overlay = Some(Overlay::Palette {
                query,
                selected,
                under,
            });
        }
        (
            Overlay::Jump {
                mut query,
                selected,
            },
            a,
        ) => {
            let items = ov::jump_items(m, &query);
            let selected = match a {
                Action::Open => {
                    m.overlay = None;
                    if let Some(item) = items.get(selected) {
                        if ov::go(m, &item.target) {
                            m.screen = Screen::Walk;
                            if let Some(s) = &mut m.session {
                                s.editor = None;
                            }
                        } else {
                            m.message = Some(
                                m.lang
                                    .t(
                                        "Det finns inte under något enhetsmål.",
                                        "It is not under any unit goal.",
                                    )
                                    .into(),
                            );
                        }
                    }
                    return Vec::new();
                }
                a if edit_query(&mut query, &a) => 0,
                other => step(selected, items.len(), &other),
            };
            m.overlay = Some(Overlay::Jump { query, selected });
        }
    }
    Vec::new()
}

/// Typing into a search query (palette, jump); true when `a` was typing.
fn edit_query(query: &mut String, a: &Action) -> bool {
    match a {
        Action::Input(c) => query.push(*c),
        Action::Paste(text) => query.extend(text.chars().filter(|c| !c.is_control())),
        Action::DeleteBack => {
            query.pop();
        }
        _ => return false,
    }
    true
}
