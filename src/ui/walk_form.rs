//! The goal form of the walk laid out as lines: rating and analysis,
//! deviations, indicators with their outcomes and activities, with the
//! focused field marked and scrolled to.

use super::style;
use super::walk::{rating_style, rating_text, sex_label};
use crate::app::Session;
use crate::app::fields::{self, DevPart, Field, Sex};
use crate::followup::ActivityStatus;
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::sanitize;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The form being laid out: its lines, and where the focused field is.
pub(super) struct Form<'a> {
    pub(super) lines: Vec<Line<'static>>,
    focus: usize,
    pub(super) focus_line: usize,
    index: usize,
    all: &'a [Field],
    /// The field open in the editor, and the form's inner width.
    editing: Option<&'a Field>,
    width: usize,
    /// The previous period's texts to show below their fields, and that
    /// period's name.
    pub(super) previous: &'a [(Field, String)],
    previous_period: String,
}

impl<'a> Form<'a> {
    /// A form for the session's page: `all` its fields, `width` its inner
    /// width.
    pub(super) fn new(s: &'a Session, all: &'a [Field], width: usize) -> Form<'a> {
        Form {
            lines: Vec::new(),
            focus: s.focus,
            focus_line: 0,
            index: 0,
            all,
            editing: s.editor.as_ref().map(|e| &e.field),
            width,
            previous: &[],
            previous_period: s
                .earlier
                .last()
                .map(|e| e.period.kind.code_with_year(e.period.year))
                .unwrap_or_default(),
        }
    }

    pub(super) fn section(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.lines
            .push(Line::from(Span::styled(text.to_string(), style::heading())));
    }

    pub(super) fn plain(&mut self, text: String, st: Style) {
        self.lines.push(Line::from(Span::styled(text, st)));
    }

    /// A field row: "label: value", marked when focused. Multi-line values
    /// continue on indented lines.
    pub(super) fn field(&mut self, field: &Field, label: &str, value: &str, value_style: Style) {
        let focused = self.all.get(self.focus) == Some(field);
        if focused {
            self.focus_line = self.lines.len();
        }
        self.index += 1;
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused {
            style::selected()
        } else {
            style::label()
        };
        let shown = sanitize::display(value);
        let mut rows = shown.lines();
        let first = rows.next().unwrap_or("");
        let label = if value.is_empty() {
            label.to_string()
        } else {
            format!("{label}:")
        };
        // The field open in the editor below keeps one row here, cut to
        // the width: typing there then neither rewrites this row nor moves
        // every row after it (each a redraw over the link).
        let editing = self.editing == Some(field);
        let first = if editing {
            let room = self
                .width
                .saturating_sub(marker.width() + label.width() + 1);
            clip(first, rows.next().is_some(), room)
        } else {
            first.to_string()
        };
        self.lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(label, label_style),
            Span::raw(" "),
            Span::styled(first, value_style),
        ]));
        for row in rows.filter(|_| !editing) {
            self.lines.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(row.to_string(), value_style),
            ]));
        }
        if let Some((_, then)) = self.previous.iter().find(|(f, _)| f == field) {
            self.lines
                .extend(super::writing::previous_lines(&self.previous_period, then));
        }
    }
}

pub(super) fn empty_or(l: Lang, text: &str) -> (&str, Style) {
    if text.trim().is_empty() {
        (l.t("(tomt)", "(empty)"), style::dim())
    } else {
        (text, Style::default())
    }
}

/// The form's lines and the line of the focused field.
/// `text` cut to `room` columns, with "…" where it was cut (or where more
/// lines follow).
fn clip(text: &str, more: bool, room: usize) -> String {
    if !more && text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The form of one goal's page: its rating, analysis, deviations,
/// indicators and activities; the line of the focused field.
pub(super) fn form_lines(
    l: Lang,
    plan: &Plan,
    s: &Session,
    width: usize,
    previous: &[(Field, String)],
) -> (Vec<Line<'static>>, usize) {
    let Some(goal) = plan.unit_goals.get(s.goal) else {
        return super::unit_page::form_lines(l, s, width, previous);
    };
    let all = fields::fields(plan, &s.record, goal);
    let mut form = Form::new(s, &all, width);
    form.previous = previous;
    super::returned::overall(&mut form, l, s);
    form.lines.push(Line::from(vec![
        Span::styled(format!("{} ", sanitize::line(&goal.id)), style::dim()),
        Span::styled(sanitize::line(&goal.title).into_owned(), style::title()),
    ]));
    super::returned::beside(&mut form, l, s, &format!("goal:{}", goal.id));
    rating_and_analysis(&mut form, l, s, goal);
    deviations(&mut form, l, s, goal);
    let indicators = plan.indicators_for_goal(goal);
    if !indicators.is_empty() {
        form.section(l.t("Indikatorer", "Indicators"));
    }
    for ind in indicators {
        indicator(&mut form, l, s, ind);
    }
    let activities = plan.activities_for_goal(goal);
    if !activities.is_empty() {
        form.section(l.t("Aktiviteter", "Activities"));
    }
    for a in activities {
        activity(&mut form, l, s, a);
    }
    let focus_line = form.focus_line;
    (form.lines, focus_line)
}

/// The goal's rating (or forecast), summary and one analysis per
/// förväntat resultat.
fn rating_and_analysis(form: &mut Form, l: Lang, s: &Session, goal: &crate::plan::UnitGoal) {
    let rec = s.record.goal(&goal.id);
    let rating = rec.and_then(|r| r.rating);
    let label = if s.period.is_forecast() {
        l.t("Prognos", "Forecast")
    } else {
        l.t("Bedömning", "Rating")
    };
    form.field(
        &Field::Rating,
        label,
        &rating_text(l, rating, s.period.is_forecast()),
        rating_style(rating),
    );

    form.section(l.t("Analys", "Analysis"));
    let summary = rec.map(|r| r.summary.as_str()).unwrap_or("");
    let (v, st) = empty_or(l, summary);
    form.field(&Field::Summary, l.t("Sammanfattning", "Summary"), v, st);
    for (i, result) in goal.expected_results.iter().enumerate() {
        form.plain(
            format!("  ({}) {}", i + 1, sanitize::line(result)),
            style::dim(),
        );
        let text = rec
            .and_then(|r| r.analysis.get(i))
            .map(String::as_str)
            .unwrap_or("");
        let (v, st) = empty_or(l, text);
        form.field(
            &Field::Point(i),
            &format!("{} {}", l.t("Punkt", "Point"), i + 1),
            v,
            st,
        );
    }
}

/// The goal's deviations, each with its parts, and the field that adds one.
fn deviations(form: &mut Form, l: Lang, s: &Session, goal: &crate::plan::UnitGoal) {
    let rec = s.record.goal(&goal.id);
    form.section(l.t("Avvikelser och åtgärder", "Deviations and measures"));
    for (i, d) in rec
        .map(|r| r.deviations.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        form.plain(
            format!(
                "  {} {}{}",
                l.t("Avvikelse", "Deviation"),
                i + 1,
                super::writing::carried_note(l, d)
            ),
            style::title(),
        );
        for part in DevPart::ALL {
            let text = match part {
                DevPart::Done => super::writing::done_text(l, d),
                _ => fields::text_of(&s.record, &goal.id, &Field::Deviation(i, part)),
            };
            let (v, st) = if text.is_empty() {
                ("–", style::dim())
            } else {
                (text.as_str(), Style::default())
            };
            form.field(&Field::Deviation(i, part), part.label(l), v, st);
        }
    }
    form.field(
        &Field::AddDeviation,
        l.t("[+] Lägg till avvikelse", "[+] Add deviation"),
        "",
        Style::default(),
    );
}

/// One indicator: its targets, earlier values, outcomes and "no data".
fn indicator(form: &mut Form, l: Lang, s: &Session, ind: &crate::plan::Indicator) {
    let r = s.record.indicator(&ind.id);
    form.plain(
        format!(
            "  {} {}",
            sanitize::line(&ind.id),
            sanitize::line(&ind.name)
        ),
        style::title(),
    );
    super::returned::beside(form, l, s, &format!("indicator:{}", ind.id));
    form.plain(
        format!(
            "    {} {} · {} {} · {}{}",
            l.t("Årsmål", "Target"),
            sanitize::line(ind.annual_target.as_deref().unwrap_or("–")),
            l.t("KF:s årsmål", "Council target"),
            sanitize::line(ind.kf_target.as_deref().unwrap_or("–")),
            ind.periodicity.label(),
            if crate::followup::lint::indicator_due(ind.periodicity, s.period) {
                ""
            } else {
                l.t(" · mäts till VB", " · measured for VB")
            }
        ),
        style::dim(),
    );
    let trend: Vec<String> = s
        .earlier
        .iter()
        .filter_map(|e| {
            let r = e.indicator(&ind.id)?;
            let v = match (r.total, r.no_data) {
                (Some(v), _) => ind.format_value(v),
                (None, true) => l.t("inga data", "no data").to_string(),
                _ => return None,
            };
            Some(format!(
                "{} {v}",
                e.period.kind.code_with_year(e.period.year)
            ))
        })
        .collect();
    if !trend.is_empty() {
        form.plain(
            format!("    {}: {}", l.t("Tidigare", "Earlier"), trend.join(" · ")),
            style::dim(),
        );
    }
    let mut sexes = vec![Sex::Total];
    if ind.by_sex {
        sexes.extend([Sex::Women, Sex::Men]);
    }
    for sex in sexes {
        let value = r.and_then(|r| match sex {
            Sex::Total => r.total,
            Sex::Women => r.women,
            Sex::Men => r.men,
        });
        let (text, st) = match value {
            Some(v) => {
                let verdict = match (sex, ind.meets(v)) {
                    (Sex::Total, Some(true)) => l.t("  ✓ når årsmålet", "  ✓ meets the target"),
                    (Sex::Total, Some(false)) => {
                        l.t("  ✗ når inte årsmålet", "  ✗ below the target")
                    }
                    _ => "",
                };
                (
                    format!("{}{verdict}", ind.format_value(v)),
                    Style::default(),
                )
            }
            None if r.is_some_and(|r| r.no_data) => {
                (l.t("Inga data", "No data").to_string(), style::dim())
            }
            None => ("–".to_string(), style::dim()),
        };
        form.field(
            &Field::Outcome(ind.id.clone(), sex),
            sex_label(l, sex),
            &text,
            st,
        );
    }
    let no_data = r.is_some_and(|r| r.no_data);
    form.field(
        &Field::NoData(ind.id.clone()),
        l.t("Inga data", "No data"),
        if no_data { "[x]" } else { "[ ]" },
        Style::default(),
    );
}

/// One activity: its span, status, deviation and analysis.
fn activity(form: &mut Form, l: Lang, s: &Session, a: &crate::plan::Activity) {
    let r = s.record.activity(&a.id);
    form.plain(
        format!("  {} {}", sanitize::line(&a.id), sanitize::line(&a.text)),
        style::title(),
    );
    super::returned::beside(form, l, s, &format!("activity:{}", a.id));
    form.plain(format!("    {} – {}", a.start, a.end), style::dim());
    let status = r.and_then(|r| r.status);
    let status_text = match status {
        Some(st) => if l == Lang::Sv {
            st.label_sv()
        } else {
            st.label_en()
        }
        .to_string(),
        None => l.t("– ej vald", "– not chosen").to_string(),
    };
    let st = match status {
        Some(ActivityStatus::Delayed | ActivityStatus::Cancelled) => style::error(),
        Some(_) => Style::default(),
        None => style::dim(),
    };
    form.field(
        &Field::ActivityStatus(a.id.clone()),
        l.t("Status", "Status"),
        &status_text,
        st,
    );
    let dev = r.is_some_and(|r| r.deviation);
    form.field(
        &Field::ActivityDeviation(a.id.clone()),
        l.t("Avvikelse", "Deviation"),
        if dev {
            l.t("[x] ja", "[x] yes")
        } else {
            l.t("[ ] nej", "[ ] no")
        },
        Style::default(),
    );
    let text = r.map(|r| r.analysis.as_str()).unwrap_or("");
    let (v, st) = empty_or(l, text);
    form.field(
        &Field::ActivityAnalysis(a.id.clone()),
        l.t("Analys", "Analysis"),
        v,
        st,
    );
}
