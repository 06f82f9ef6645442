//! Pure views: draw the model into a frame. No state changes, no I/O.
//! All text from files or git passes through `sanitize` here.

mod plan;
mod problems;
pub mod style;
mod units;

use crate::app::{Model, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Below this size the screens cannot be read; a notice is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

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
        Screen::Plan => plan::view(m, f, body),
    }
    status_line(m, f, status);
}

fn too_small(m: &Model, f: &mut Frame, area: Rect) {
    let text = m.lang.t("Fönstret är för litet", "The window is too small");
    let lines = vec![
        Line::from(Span::styled(text, style::title())),
        Line::from(format!(
            "{}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from(m.lang.t("q avslutar", "q quits")),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// The few keys that matter on the current screen.
fn status_line(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let keys: &[(&str, &str)] = match m.screen {
        Screen::Problems => &[
            ("Enter", l.t("fortsätt", "continue")),
            ("q", l.t("avsluta", "quit")),
        ],
        Screen::Units => &[
            ("↑↓", l.t("välj", "select")),
            ("Enter", l.t("öppna", "open")),
            (l.t("skriv", "type"), l.t("filtrera", "filter")),
            ("Ctrl-C", l.t("avsluta", "quit")),
        ],
        Screen::Plan => &[
            ("↑↓", l.t("mål", "goal")),
            ("PgUp/PgDn", l.t("rulla", "scroll")),
            ("Esc", l.t("tillbaka", "back")),
            ("q", l.t("avsluta", "quit")),
        ],
    };
    let mut spans = Vec::new();
    for (k, what) in keys {
        spans.push(Span::styled(format!(" {k} "), style::key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
