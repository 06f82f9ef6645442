//! After a commit: what was recorded, and where.

use super::style;
use crate::app::Model;
use crate::keymap::{Command, Context};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    let l = m.lang;
    let status = s.committed.map_or("", |st| st.code());
    let lines = vec![
        Line::from(Span::styled(
            l.t(
                "Uppföljningen är sparad i historiken.",
                "The follow-up is saved in the history.",
            ),
            style::title(),
        )),
        Line::default(),
        Line::from(format!(
            "{} · {} · {} {}",
            sanitize::line(&plan.unit.name),
            s.period,
            l.t("status", "status"),
            status
        )),
        Line::from(format!(
            "commit {}",
            s.last_commit.as_deref().unwrap_or("?")
        )),
        Line::from(format!(
            "{}: {}",
            l.t("fil", "file"),
            crate::followup::path(s.period, &plan.unit.id)
        )),
        Line::default(),
        Line::from(
            [
                (
                    Command::Open,
                    l.t("tillbaka till målen", "back to the goals"),
                ),
                (Command::Quit, l.t("avsluta", "quit")),
            ]
            .iter()
            .filter_map(|(c, what)| Some(format!("{}: {what}", m.key_name(Context::List, *c)?)))
            .collect::<Vec<_>>()
            .join(" · "),
        ),
    ];
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL))
            .wrap(Wrap { trim: false }),
        area,
    );
}
