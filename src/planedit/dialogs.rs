//! Draws the correction screen's dialogs over it: quitting with unsaved
//! changes, where to move a text, the checker's messages, where to save.

use super::item::{Field, Target};
use super::model::{Answer, Dialog, Model};
use crate::i18n::Lang;
use crate::sanitize;
use crate::ui::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn dialog(m: &Model, d: &Dialog, f: &mut Frame, area: Rect) {
    let l = m.lang;
    match d {
        Dialog::Quit { choice } => {
            let r = centered(area, 66, 6);
            f.render_widget(Clear, r);
            let mut buttons = Vec::new();
            for (i, a) in Answer::ALL.iter().enumerate() {
                let text = format!("[ {} ]", a.label(l));
                buttons.push(if i == *choice {
                    Span::styled(text, style::selected())
                } else {
                    Span::raw(text)
                });
                buttons.push(Span::raw(" "));
            }
            let p = Paragraph::new(vec![
                Line::raw(l.t(
                    "Planen har ändringar som inte är sparade.",
                    "The plan has changes that are not saved.",
                )),
                Line::raw(""),
                Line::from(buttons),
            ])
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(l.t(" Avsluta? ", " Quit? ")),
            );
            f.render_widget(p, r);
        }
        Dialog::Move {
            targets, cursor, ..
        } => {
            let r = centered(
                area,
                area.width.saturating_sub(6),
                area.height.saturating_sub(4),
            );
            f.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(l.t(" Flytta texten till … ", " Move the text to … "));
            let inner = block.inner(r);
            f.render_widget(block, r);
            let h = inner.height as usize;
            let top = cursor.saturating_sub(h.saturating_sub(1) / 2);
            let lines: Vec<Line> = targets
                .iter()
                .enumerate()
                .skip(top)
                .take(h)
                .map(|(i, t)| {
                    let text = sanitize::line(&target_label(m, *t)).into_owned();
                    if i == *cursor {
                        Line::styled(text, style::selected())
                    } else {
                        Line::raw(text)
                    }
                })
                .collect();
            f.render_widget(Paragraph::new(lines), inner);
        }
        Dialog::Problems(problems) => {
            let r = centered(
                area,
                area.width.saturating_sub(4),
                area.height.saturating_sub(4),
            );
            f.render_widget(Clear, r);
            let mut text = vec![
                Line::styled(
                    l.t(
                        "Planen klarar inte kontrollen; inget har sparats:",
                        "The plan does not pass the check; nothing was saved:",
                    ),
                    style::error(),
                ),
                Line::raw(""),
            ];
            for p in problems {
                for line in sanitize::display(p).lines() {
                    text.push(Line::raw(line.to_string()));
                }
            }
            f.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: false }).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(l.t(" Kontrollen ", " The check ")),
                ),
                r,
            );
        }
        Dialog::SavePath(ta) => {
            let r = centered(area, area.width.saturating_sub(6), 3);
            f.render_widget(Clear, r);
            let mut ta = (**ta).clone();
            ta.set_block(Block::default().borders(Borders::ALL).title(l.t(
                " Spara planen i fil (Enter spara, Esc avbryt) ",
                " Save the plan to the file (Enter save, Esc cancel) ",
            )));
            ta.set_cursor_line_style(Style::default());
            f.render_widget(&ta, r);
        }
    }
}

/// "Enhetsmål E2 · Arbetssätt: Den enskilde får …" for the move chooser.
fn target_label(m: &Model, t: Target) -> String {
    let l = m.lang;
    let p = &m.doc.plan;
    let short = |s: &str| -> String {
        let s: String = s.chars().take(50).collect();
        s
    };
    match t {
        Target::UnitName => format!(
            "{} ({})",
            l.t("Enhetens namn", "The unit's name"),
            l.t("ersätts", "replaced")
        ),
        Target::Committee => format!(
            "{} ({})",
            l.t("Nämnd", "Committee"),
            l.t("ersätts", "replaced")
        ),
        Target::KfTitle(i) => format!(
            "KF-mål {} · {}: {}",
            p.kf_goals[i].id,
            title_word(l),
            short(&p.kf_goals[i].title)
        ),
        Target::AreaTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("KF:s mål för området", "KF area goal"),
            p.area_goals[i].id,
            title_word(l),
            short(&p.area_goals[i].title)
        ),
        Target::CommitteeTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            title_word(l),
            short(&p.committee_goals[i].title)
        ),
        Target::Description(i) => format!(
            "{} {} · {}",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            l.t("Beskrivning", "Description")
        ),
        Target::CommitteeResults(i) => format!(
            "{} {} · {} ({})",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            Field::Expected.label(l),
            l.t("ny punkt", "new point")
        ),
        Target::UnitTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("Enhetsmål", "Unit goal"),
            p.unit_goals[i].id,
            title_word(l),
            short(&p.unit_goals[i].title)
        ),
        Target::UnitField(i, field) => format!(
            "{} {} · {} ({})",
            l.t("Enhetsmål", "Unit goal"),
            p.unit_goals[i].id,
            field.label(l),
            l.t("ny punkt", "new point")
        ),
    }
}

fn title_word(l: Lang) -> &'static str {
    l.t("rubriken (läggs till)", "the title (appended)")
}
