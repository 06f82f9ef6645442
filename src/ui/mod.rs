//! Pure views: draw the model into a frame. No state changes, no I/O.
//! All text from files or git passes through `sanitize` here.

mod carry_over;
mod context;
mod done;
pub mod hints;
mod overlay;
mod overview;
mod periods;
mod problems;
mod resume;
mod returned;
mod review;
mod review_mode;
mod spelling;
pub mod style;
mod unit_page;
mod units;
mod waiting;
pub mod walk;
mod walk_form;
mod writing;

use crate::app::{Model, Screen};
use crate::keymap::{Command, Context};
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
        Screen::CarryOver => carry_over::view(m, f, body),
        Screen::Reviewing => review_mode::view(m, f, body),
    }
    overlay::view(m, f, body);
    status_line(m, f, status);
    sanitize::frame(f.buffer_mut());
}

fn too_small(m: &Model, f: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::from(Span::styled(
            m.lang.t("Fönstret är för litet", "The window is too small"),
            style::title(),
        )),
        Line::from(format!(
            "{}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    let ctx = crate::app::keys::context(m);
    if let Some(quits) = hints::keyed(m, ctx, Command::Quit, m.lang.t("avslutar", "quits")) {
        lines.push(Line::from(quits));
    }
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
        let mut v = hints::status(m, ctx);
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
