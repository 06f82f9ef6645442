//! Pure views: draw the model into a frame. No state changes, no I/O.
//! All text from files or git passes through `sanitize` here.

mod context;
mod done;
mod overlay;
mod overview;
mod periods;
mod problems;
mod resume;
mod review;
pub mod style;
mod unit_page;
mod units;
pub mod walk;

use crate::app::{Model, Screen};
use crate::keymap::Context;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Below this size the screens cannot be read; a notice is shown instead.
pub use crate::app::model::{MIN_HEIGHT, MIN_WIDTH};

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(m, f, area);
        return;
    }
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match m.screen {
        Screen::Problems => problems::view(m, f, body),
        Screen::Units => units::view(m, f, body),
        Screen::Periods => periods::view(m, f, body),
        Screen::Resume => resume::view(m, f, body),
        Screen::Walk => walk::view(m, f, body),
        Screen::Review => review::view(m, f, body),
        Screen::Done => done::view(m, f, body),
        Screen::Overview => overview::view(m, f, body),
    }
    overlay::view(m, f, body);
    status_line(m, f, status);
    sanitize::frame(f.buffer_mut());
}

fn too_small(m: &Model, f: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from(Span::styled(
            m.lang.t("Fönstret är för litet", "The window is too small"),
            style::title(),
        )),
        Line::from(format!(
            "{}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from(format!(
            "{} {}",
            m.key_name(crate::app::keys::context(m), "quit")
                .unwrap_or_else(|| "ctrl-c".into()),
            m.lang.t("avslutar", "quits")
        )),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// The few keys that matter on the current screen (from the active
/// keymap), the continuations of a pending key sequence, or a message.
fn status_line(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    if let Some(job) = &m.job {
        f.render_widget(
            Paragraph::new(Span::styled(
                crate::app::start::job_line(m, job),
                style::title(),
            )),
            area,
        );
        return;
    }
    if let Some(msg) = &m.message {
        f.render_widget(
            Paragraph::new(Span::styled(
                sanitize::line(msg).into_owned(),
                style::error(),
            )),
            area,
        );
        return;
    }
    let hint = crate::app::keys::pending_hint(m);
    let keys: Vec<(String, String)> = if !hint.is_empty() {
        let typed = crate::keymap::key::display_sequence(&m.pending_keys, l);
        std::iter::once((format!("{typed} …"), String::new()))
            .chain(hint)
            .collect()
    } else {
        let ctx = crate::app::keys::context(m);
        let wanted: &[(&str, &str, &str)] = match ctx {
            Context::Units => &[
                ("open", "öppna", "open"),
                ("help", "hjälp", "help"),
                ("overview", "översikt", "overview"),
                ("quit", "avsluta", "quit"),
            ],
            Context::List if m.screen == Screen::Problems => &[
                ("open", "fortsätt", "continue"),
                ("quit", "avsluta", "quit"),
            ],
            Context::List if m.screen == Screen::Done => &[
                ("open", "tillbaka till målen", "back to the goals"),
                ("quit", "avsluta", "quit"),
            ],
            Context::List if m.screen == Screen::Overview => &[
                ("open", "öppna enheten", "open the unit"),
                ("overview", "enhetslistan", "unit list"),
                ("next_period", "period", "period"),
                ("help", "hjälp", "help"),
                ("quit", "avsluta", "quit"),
            ],
            Context::List => &[
                ("open", "öppna", "open"),
                ("back", "tillbaka", "back"),
                ("quit", "avsluta", "quit"),
                ("help", "hjälp", "help"),
            ],
            Context::Resume => &[
                ("resume_draft", "återuppta", "resume"),
                ("discard_draft", "kasta", "discard"),
                ("quit", "avsluta", "quit"),
            ],
            Context::Confirm => &[
                ("press_button", "tryck på knappen", "press the button"),
                ("next_button", "byt knapp", "other button"),
                ("yes", "ja", "yes"),
                ("no", "avbryt", "cancel"),
            ],
            Context::Editor if m.screen == Screen::Review => &[("finish_edit", "avbryt", "cancel")],
            Context::Editor => &[
                ("finish_edit", "klar", "done"),
                ("next_field", "nästa fält", "next field"),
                ("cancel_edit", "avbryt", "cancel"),
                ("undo", "ångra", "undo"),
                ("external_editor", "$EDITOR", "$EDITOR"),
            ],
            Context::Goal => &[
                ("edit", "skriv", "write"),
                ("next_field", "fält", "field"),
                ("next_goal", "nästa mål", "next goal"),
                ("review", "granska", "review"),
                ("help", "hjälp", "help"),
                ("undo", "ångra", "undo"),
                ("back", "perioderna", "periods"),
                ("jump", "hoppa", "jump"),
                ("add_deviation", "avvikelse", "deviation"),
                ("quit", "avsluta", "quit"),
            ],
            Context::Review if m.session.as_ref().is_some_and(|s| s.locked()) => &[
                ("reopen", "återöppna", "reopen"),
                ("back", "tillbaka", "back"),
                ("help", "hjälp", "help"),
            ],
            Context::Review => &[
                ("open", "gå dit", "go there"),
                ("commit_done", "lämna som klar", "commit done"),
                ("commit_draft", "som utkast", "as draft"),
                ("waive", "motivera", "waive"),
                ("show_report", "rapporten", "report"),
                ("back", "tillbaka", "back"),
                ("help", "hjälp", "help"),
            ],
            Context::Palette => &[("open", "kör", "run"), ("back", "stäng", "close")],
            Context::Help => &[("back", "stäng", "close")],
            Context::Conflict => &[
                ("keep_local", "behåll lokal", "keep local"),
                ("keep_remote", "behåll serverns", "keep server's"),
                ("back", "avbryt", "cancel"),
            ],
            Context::Global => &[],
        };
        let mut v: Vec<(String, String)> = wanted
            .iter()
            .filter_map(|(action, sv, en)| {
                let k = m.key_name(ctx, action)?;
                Some((
                    k,
                    if l == crate::i18n::Lang::Sv { sv } else { en }.to_string(),
                ))
            })
            .collect();
        if ctx == Context::Units {
            v.insert(
                1,
                (
                    l.t("skriv", "type").to_string(),
                    l.t("filtrera", "filter").to_string(),
                ),
            );
        }
        v
    };
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (k, what) in keys {
        let len = k.chars().count() + what.chars().count() + 5;
        if used + len > area.width as usize {
            break;
        }
        used += len;
        spans.push(Span::styled(
            format!(" {} ", sanitize::line(&k)),
            style::key(),
        ));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
