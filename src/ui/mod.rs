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
        // Most important first: what does not fit at the right is cut.
        Screen::Walk => vec![
            ("Enter", l.t("skriv/välj", "edit/choose")),
            ("Tab", l.t("fält", "field")),
            ("PgDn", l.t("nästa mål", "next goal")),
            ("1-4", l.t("bedöm", "rate")),
            ("r", l.t("granska", "review")),
            ("q", l.t("avsluta", "quit")),
            ("a", l.t("avvikelse", "deviation")),
            ("PgUp", l.t("förra målet", "previous goal")),
        ],
        Screen::Review if session.is_some_and(|s| s.waiving.is_some()) => {
            vec![
                ("Enter", l.t("spara motiveringen", "save the reason")),
                ("Esc/Ctrl-G", l.t("avbryt", "cancel")),
            ]
        }
        Screen::Review => vec![
            ("Enter", l.t("gå dit", "go there")),
            ("k", l.t("lämna som klar", "commit done")),
            ("u", l.t("som utkast", "as draft")),
            ("w", l.t("motivera", "waive")),
            ("Esc", l.t("tillbaka", "back")),
        ],
        Screen::Done => vec![
            ("Enter", l.t("tillbaka", "back")),
            ("q", l.t("avsluta", "quit")),
        ],
    };
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (k, what) in keys {
        let len = k.chars().count() + what.chars().count() + 5;
        if used + len > area.width as usize {
            break;
        }
        used += len;
        spans.push(Span::styled(format!(" {k} "), style::key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
