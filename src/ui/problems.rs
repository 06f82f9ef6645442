//! The start-up screen listing plan files that did not load.

use super::style;
use crate::app::Model;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let mut lines = vec![
        Line::from(Span::styled(
            l.t(
                "Några filer har fel. Allt annat går att använda.",
                "Some files have problems. Everything else can be used.",
            ),
            style::error(),
        )),
        Line::from(l.t(
            "Rätta filerna och kör `tertial check` för att se alla fel.",
            "Fix the files and run `tertial check` to see every problem.",
        )),
        Line::default(),
    ];
    for p in &m.problems {
        for text in sanitize::display(p).lines() {
            lines.push(Line::from(text.to_string()));
        }
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(l.t(" Problem i filer ", " Problems in files "));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
