//! The review before committing: one list that scrolls with the
//! selection: the remarks (those blocking klar first), every goal with
//! its rating, analysis length and deviations, and the unit's parts.

use super::style;
use super::walk::rating_style;
use crate::app::Model;
use crate::app::review::{ReviewRow, UnitPart, rows};
use crate::followup::lint::Level;
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    let l = m.lang;
    let rows = rows(m);
    let open = rows
        .iter()
        .filter(|r| matches!(r, ReviewRow::Remark(x) if x.blocks()))
        .count();
    let [head, list_area, waive_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(if s.waiving.is_some() || s.reopening.is_some() {
            3
        } else {
            0
        }),
    ])
    .areas(area);
    // " (key)" of a bound command; nothing when the keymap binds none.
    let key = |c: Command| {
        m.keymap
            .key_label(Context::Review, c.name())
            .map(|k| format!(" ({k})"))
            .unwrap_or_default()
    };
    let verdict = if s.locked() {
        Span::styled(
            format!(
                "  {}{} {}",
                l.t("Klar. Återöppna", "Done. Reopen"),
                key(Command::Reopen),
                l.t(
                    "med en motivering för att ändra.",
                    "with a reason to change it."
                )
            ),
            style::heading(),
        )
    } else if open == 0 {
        Span::styled(
            format!(
                "  {}{}.",
                l.t(
                    "Allt klart: kan lämnas som klar",
                    "All done: can be committed as done"
                ),
                key(Command::CommitDone)
            ),
            style::heading(),
        )
    } else {
        Span::styled(
            format!(
                "  {} {}",
                l.count(open, ("punkt", "punkter"), ("item", "items")),
                l.t("kvar före klar", "left before done")
            ),
            style::error(),
        )
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                l.t("Granska och lämna in", "Review and commit"),
                style::title(),
            ),
            verdict,
        ])),
        head,
    );

    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut section = None;
    let warnings = rows
        .iter()
        .filter(
            |r| matches!(r, ReviewRow::Remark(x) if x.level == Level::Warn && x.waived.is_none()),
        )
        .count();
    for (i, row) in rows.iter().enumerate() {
        let this = std::mem::discriminant(row);
        if section != Some(this) {
            if section.is_some() {
                lines.push(Line::default());
            }
            section = Some(this);
            let heading = match row {
                ReviewRow::Remark(_) => format!(
                    "{} · {open} {} · {warnings} {}",
                    l.t("Anmärkningar", "Remarks"),
                    l.t("hindrar klar", "block done"),
                    if warnings == 1 {
                        l.t("varning", "warning")
                    } else {
                        l.t("varningar", "warnings")
                    }
                ),
                ReviewRow::Goal(_) => l.t("Enhetsmål", "Unit goals").to_string(),
                ReviewRow::Part(_) => super::unit_page::title(l).to_string(),
                ReviewRow::Comment(_) => super::returned::heading(l, s),
            };
            lines.push(Line::from(Span::styled(heading, style::label())));
        }
        if i == s.review_selected {
            selected_line = lines.len();
        }
        let mut spans = vec![Span::raw(if i == s.review_selected {
            "▶ "
        } else {
            "  "
        })];
        spans.extend(row_spans(m, row, area.width < 100));
        let mut line = Line::from(spans);
        if i == s.review_selected {
            line = line.style(style::selected());
        }
        lines.push(line);
    }
    if rows.iter().all(|r| !matches!(r, ReviewRow::Remark(_))) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            l.t("Inga anmärkningar.", "No remarks."),
            style::label(),
        )));
    }
    let list_keys: Vec<String> = [
        (Command::Open, l.t("gå dit", "go there")),
        (
            Command::Waive,
            l.t("motivera anmärkningen", "waive the remark"),
        ),
    ]
    .into_iter()
    .filter_map(|(c, what)| Some(format!("{}: {what}", m.key_name(Context::Review, c)?)))
    .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", list_keys.join(" · ")));
    let height = block.inner(list_area).height as usize;
    // The selection a third of the way down, never past the end.
    let scroll = selected_line
        .saturating_sub(height / 3)
        .min(lines.len().saturating_sub(height));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        list_area,
    );
    if let Some(area) = &s.reopening {
        let mut ta = area.clone();
        ta.set_block(
            Block::default()
                .borders(Borders::ALL)
                .title(super::hints::field_title(
                    m,
                    l.t(
                        "Varför återöppnas uppföljningen?",
                        "Why is the follow-up reopened?",
                    ),
                    "",
                    l.t("återöppnar", "reopens"),
                    l.t("avbryter", "cancels"),
                )),
        );
        f.render_widget(&ta, waive_area);
    }
    if let Some(area) = &s.waiving {
        let mut ta = area.clone();
        ta.set_block(
            Block::default()
                .borders(Borders::ALL)
                .title(super::hints::field_title(
                    m,
                    l.t("Motivering", "Reason"),
                    "",
                    l.t("sparar", "saves"),
                    l.t("avbryter", "cancels"),
                )),
        );
        f.render_widget(&ta, waive_area);
    }
    let _ = plan;
}

fn row_spans(m: &Model, row: &ReviewRow, narrow: bool) -> Vec<Span<'static>> {
    let l = m.lang;
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return Vec::new();
    };
    match row {
        ReviewRow::Remark(x) => {
            let what = if l == Lang::Sv {
                x.kind.describe_sv()
            } else {
                x.kind.describe_en()
            };
            // The words themselves, or the length against the limit, say
            // more than the kind's description.
            let what = match (&x.detail, x.length) {
                (Some(d), _) => format!("{} {}", l.t("Stavning", "Spelling"), sanitize::line(d)),
                (None, Some((chars, limit))) => {
                    format!("{what}: {}", crate::app::limits::over_by(l, chars, limit))
                }
                (None, None) => what.to_string(),
            };
            let mut spans = vec![
                Span::raw(format!("{:<7} ", sanitize::line(&x.target))),
                Span::styled(
                    what,
                    if x.blocks() {
                        style::error()
                    } else {
                        Style::default()
                    },
                ),
            ];
            if let Some(reason) = &x.waived {
                spans.push(Span::styled(
                    format!(
                        "  — {}: {}",
                        l.t("motiverat", "waived"),
                        sanitize::line(reason)
                    ),
                    style::dim(),
                ));
            } else if x.level == Level::Warn {
                spans.push(Span::styled(
                    format!("  ({})", l.t("varning", "warning")),
                    style::dim(),
                ));
            }
            spans
        }
        ReviewRow::Comment(i) => super::returned::row(l, s, *i),
        ReviewRow::Goal(i) => {
            let Some(g) = plan.unit_goals.get(*i) else {
                return Vec::new();
            };
            let rec = s.record.goal(&g.id);
            let rating = rec.and_then(|r| r.rating);
            let symbol = rating.map_or("?", |r| r.symbol());
            // On a narrow screen the rating is one word, so that the
            // goal's title keeps room to be recognised.
            let label = match (rating, l) {
                (Some(r), _) if narrow => short_rating(r, l),
                (Some(r), Lang::Sv) => r.label_sv(s.period.is_forecast()),
                (Some(r), Lang::En) => r.label_en(s.period.is_forecast()),
                (None, _) if narrow => l.t("ej ifylld", "not rated"),
                (None, _) => l.t("saknar bedömning", "not rated"),
            };
            let width = if narrow { 9 } else { 24 };
            vec![
                Span::raw(format!("{:<5} ", sanitize::line(&g.id))),
                Span::styled(format!("{symbol} {label:<width$} "), rating_style(rating)),
                Span::raw(format!(
                    "{:>5} {}  {} {}  ",
                    rec.map_or(0, |r| r.analysis_len()),
                    l.t("tkn", "chr"),
                    rec.map_or(0, |r| r.deviations.len()),
                    l.t("avv.", "dev.")
                )),
                Span::raw(sanitize::line(&g.title).into_owned()),
            ]
        }
        ReviewRow::Part(p) => {
            let name = match p {
                UnitPart::Summary => l.t("Sammanfattande analys", "Summary analysis"),
                UnitPart::Economy => l.t("Uppföljning av ekonomi", "Economy"),
                UnitPart::Quality => l.t("Systematiskt kvalitetsarbete", "Quality work"),
                UnitPart::Complaints => l.t("Synpunkter och klagomål", "Complaints"),
            };
            let (mark, state) = if p.done(&s.record) {
                ("●", l.t("ifylld", "filled in"))
            } else {
                ("○", l.t("tom", "empty"))
            };
            vec![Span::raw(format!("{mark} {name:<30} {state}"))]
        }
    }
}

/// The rating in one word, for narrow screens.
fn short_rating(r: crate::followup::Rating, l: Lang) -> &'static str {
    use crate::followup::Rating;
    match r {
        Rating::Full => l.t("helt", "fully"),
        Rating::Partial => l.t("delvis", "partly"),
        Rating::Not => l.t("inte", "not"),
        Rating::NotAssessed => l.t("ej bedömd", "not assessed"),
    }
}
