//! A draft was found: resume it or set it aside.

use super::style;
use crate::app::Model;
use crate::keymap::{Command, Context};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let Some(s) = &m.session else { return };
    let Some(d) = &s.pending_draft else { return };
    let l = m.lang;
    let goals = d
        .followup
        .goals
        .iter()
        .filter(|g| g.rating.is_some())
        .count();
    let mut lines = vec![
        Line::from(Span::styled(
            l.t("Det finns ett sparat utkast", "There is a saved draft"),
            style::title(),
        )),
        Line::default(),
        Line::from(format!(
            "{} {} {} {}.",
            l.t("Sparat", "Saved"),
            crate::clock::date_time(d.saved_at as i64),
            l.t("av", "by"),
            sanitize::line(&d.by)
        )),
        Line::from(format!(
            "{goals} {}",
            l.t(
                "mål har en bedömning i utkastet.",
                "goals are rated in the draft."
            )
        )),
    ];
    if let Some(c) = &d.closing {
        // The unrecorded note is part of what would be thrown away.
        lines.push(Line::from(format!(
            "{} {} {}/{}: «{}»",
            l.t(
                "En ej sparad anteckning som stänger avvikelsen",
                "An unsaved note closing the deviation"
            ),
            c.period,
            sanitize::line(&c.goal),
            c.number,
            sanitize::line(&c.note)
        )));
    }
    lines.push(Line::default());
    // Each choice with every key the keymap binds to it (none: left out).
    let choices = [
        (
            Command::ResumeDraft,
            l.t("  återuppta utkastet", "  resume the draft"),
        ),
        (
            Command::DiscardDraft,
            l.t(
                "  kasta det (filen sparas undan, inget raderas)",
                "  discard it (the file is set aside, nothing is deleted)",
            ),
        ),
    ];
    lines.extend(choices.into_iter().filter_map(|(c, what)| {
        let keys = super::hints::every_key(m, Context::Resume, c)?;
        Some(Line::from(vec![
            Span::styled(format!(" {keys} "), style::key()),
            Span::raw(what),
        ]))
    }));
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL))
            .wrap(Wrap { trim: false }),
        area,
    );
}
