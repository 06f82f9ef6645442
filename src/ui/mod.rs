//! Pure views: draw the model into a frame. No state changes, no I/O.
//! All text from files or git passes through `sanitize` here.

mod context;
mod done;
mod periods;
mod problems;
mod resume;
mod review;
pub mod style;
mod units;
pub mod walk;

use crate::app::{Model, Screen};
use crate::sanitize;
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
        Screen::Periods => periods::view(m, f, body),
        Screen::Resume => resume::view(m, f, body),
        Screen::Walk => walk::view(m, f, body),
        Screen::Review => review::view(m, f, body),
        Screen::Done => done::view(m, f, body),
    }
    status_line(m, f, status);
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
        Line::from(m.lang.t("Ctrl-C avslutar", "Ctrl-C quits")),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// The few keys that matter on the current screen, or a message.
fn status_line(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
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
    let session = m.session.as_ref();
    let editing = session.is_some_and(|s| s.editor.is_some());
    let confirming = session.is_some_and(|s| s.confirm.is_some());
    let keys: Vec<(&str, &str)> = match m.screen {
        Screen::Problems => vec![
            ("Enter", l.t("fortsätt", "continue")),
            ("q", l.t("avsluta", "quit")),
        ],
        Screen::Units => vec![
            ("↑↓", l.t("välj", "select")),
            ("Enter", l.t("öppna", "open")),
            (l.t("skriv", "type"), l.t("filtrera", "filter")),
            ("Ctrl-C", l.t("avsluta", "quit")),
        ],
        Screen::Periods => vec![
            ("↑↓", l.t("välj", "select")),
            ("Enter", l.t("öppna", "open")),
            ("Esc", l.t("tillbaka", "back")),
            ("q", l.t("avsluta", "quit")),
        ],
        Screen::Resume => vec![
            ("Enter", l.t("återuppta", "resume")),
            ("d", l.t("kasta", "discard")),
            ("q", l.t("avsluta", "quit")),
        ],
        Screen::Walk if confirming => vec![
            ("j", l.t("ja, ta bort", "yes, delete")),
            ("n", l.t("nej", "no")),
        ],
        Screen::Walk if editing => vec![
            ("Esc/Ctrl-S", l.t("klar", "done")),
            ("Tab", l.t("nästa fält", "next field")),
            ("Ctrl-E", "$EDITOR"),
        ],
        Screen::Walk => vec![
            ("Tab/↓", l.t("fält", "field")),
            ("PgDn/PgUp", l.t("mål", "goal")),
            ("Enter", l.t("skriv/välj", "edit/choose")),
            ("1-4", l.t("bedöm", "rate")),
            ("a", l.t("avvikelse", "deviation")),
            ("r", l.t("granska", "review")),
            ("q", l.t("avsluta", "quit")),
        ],
        Screen::Review => vec![
            ("Enter", l.t("gå dit", "go there")),
            ("w", l.t("motivera", "waive")),
            ("u", l.t("lämna som utkast", "commit draft")),
            ("k", l.t("lämna som klar", "commit done")),
            ("Esc", l.t("tillbaka", "back")),
        ],
        Screen::Done => vec![
            ("Enter", l.t("tillbaka", "back")),
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
