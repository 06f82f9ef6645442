//! The walk's last page: the unit-level parts of the follow-up
//! (Sammanfattande analys, ekonomi, kvalitetsarbete, synpunkter och
//! klagomål), with the year's earlier counts beside this period's.

use super::style;
use super::walk::{Form, empty_or};
use crate::app::Session;
use crate::app::fields::Field;
use crate::followup::{CATEGORIES, FollowUp};
use crate::i18n::{Lang, format_number};
use crate::report::unit_parts::{accumulated, counts};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The page's title in the progress bar.
pub fn title(l: Lang) -> &'static str {
    l.t("Enhetens delar", "The unit's parts")
}

/// The name of a unit-level field, for the editor's title; None for the
/// fields of a goal.
pub fn field_label(l: Lang, field: &Field) -> Option<String> {
    let category = |i: &usize| CATEGORIES.get(*i).map_or("", |c| c.name);
    Some(match field {
        Field::UnitSummary => l.t("Sammanfattande analys", "Summary analysis").into(),
        Field::Budget => l.t("Budget (tkr)", "Budget (kSEK)").into(),
        Field::EconomyOutcome => l
            .t("Utfall/prognos (tkr)", "Outcome/forecast (kSEK)")
            .into(),
        Field::EconomyAnalysis => l.t("Analys av ekonomin", "Analysis of the economy").into(),
        Field::QualityText => l.t("Systematiskt kvalitetsarbete", "Quality work").into(),
        Field::LexSarah => "Lex Sarah/lex Maria".into(),
        Field::QualityDeviations => l.t("Avvikelser", "Deviations").into(),
        Field::QualityOther => l.t("Övrigt", "Other").into(),
        Field::Complaint(i) => format!("{} · {}", l.t("Antal", "Count"), category(i)),
        Field::ComplaintAssessment(i) => format!(
            "{} · {}",
            l.t(
                "Bedömning och planerade åtgärder",
                "Assessment and measures"
            ),
            category(i)
        ),
        _ => return None,
    })
}

/// What the page is for, in the pane where goals show their plan context.
pub fn context_lines(l: Lang) -> Vec<Line<'static>> {
    let text = [
        l.t(
            "Här skrivs det som gäller hela enheten, inte ett enskilt mål:",
            "What concerns the whole unit, not one goal:",
        ),
        "",
        l.t(
            "• Sammanfattande analys – inleder rapporten.",
            "• Summary analysis – opens the report.",
        ),
        l.t(
            "• Uppföljning av ekonomi – budget, utfall (prognos i T1/T2) i tkr, analys.",
            "• Economy – budget, outcome (forecast in T1/T2) in kSEK, analysis.",
        ),
        l.t(
            "• Systematiskt kvalitetsarbete – lex Sarah/lex Maria, avvikelser.",
            "• Quality work – lex Sarah/lex Maria, deviations.",
        ),
        l.t(
            "• Synpunkter och klagomål – periodens antal per kategori; T1, T2 och totalt ack hämtas från årets andra uppföljningar.",
            "• Complaints – this period's count per category; T1, T2 and the year's total come from the year's other follow-ups.",
        ),
    ];
    text.into_iter()
        .map(|t| Line::from(Span::raw(t.to_string())))
        .collect()
}

fn amount(v: Option<f64>) -> String {
    v.map(crate::report::unit_parts::amount).unwrap_or_default()
}

/// The form's lines and the line of the focused field.
pub fn form_lines(
    l: Lang,
    s: &Session,
    width: usize,
    previous: &[(Field, String)],
) -> (Vec<Line<'static>>, usize) {
    let rec = &s.record;
    let all = crate::app::unit_fields::fields(rec);
    let mut form = Form::new(s, &all, width);
    form.previous = previous;
    super::returned::overall(&mut form, l, s);
    form.plain(title(l).to_string(), style::title());
    form.section(l.t("Sammanfattande analys", "Summary analysis"));
    super::returned::beside(&mut form, l, s, "part:summary");
    text_field(&mut form, l, &Field::UnitSummary, "Text", &rec.summary);

    form.section(l.t("Uppföljning av ekonomi", "Economy"));
    super::returned::beside(&mut form, l, s, "part:economy");
    let e = &rec.economy;
    line_field(&mut form, l, &Field::Budget, &amount(e.budget));
    line_field(&mut form, l, &Field::EconomyOutcome, &amount(e.outcome));
    if let (Some(b), Some(o)) = (e.budget, e.outcome) {
        form.plain(
            format!(
                "    {} {} tkr",
                l.t("Avvikelse mot budget:", "Difference from budget:"),
                crate::report::unit_parts::amount(b - o)
            ),
            style::dim(),
        );
    }
    text_field(&mut form, l, &Field::EconomyAnalysis, "Analys", &e.analysis);

    form.section(l.t("Systematiskt kvalitetsarbete", "Quality work"));
    super::returned::beside(&mut form, l, s, "part:quality");
    let q = &rec.quality;
    text_field(&mut form, l, &Field::QualityText, "Text", &q.text);
    text_field(
        &mut form,
        l,
        &Field::LexSarah,
        "Lex Sarah/lex Maria",
        &q.lex_sarah,
    );
    let label = l.t("Avvikelser", "Deviations");
    text_field(
        &mut form,
        l,
        &Field::QualityDeviations,
        label,
        &q.deviations,
    );
    let label = l.t("Övrigt", "Other");
    text_field(&mut form, l, &Field::QualityOther, label, &q.other);

    form.section(l.t(
        "Redovisning av synpunkter och klagomål",
        "Complaints and feedback",
    ));
    super::returned::beside(&mut form, l, s, "part:complaints");
    complaints(&mut form, l, s, rec);
    (form.lines, form.focus_line)
}

fn complaints(form: &mut Form, l: Lang, s: &Session, rec: &FollowUp) {
    let earlier = s.earlier.iter().map(|e| &e.followup);
    let shown = crate::app::unit_fields::fields(rec);
    let mut group = "";
    for (i, c) in CATEGORIES.iter().enumerate() {
        if c.group != group {
            group = c.group;
            form.plain(format!("  {}", c.group), style::title());
        }
        let counts = counts(rec, earlier.clone(), c.code);
        let now = counts.last().copied().flatten();
        let mut value = now.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
        // The year so far, when earlier periods said anything.
        if counts.len() > 1 && counts[..counts.len() - 1].iter().any(Option::is_some) {
            value.push_str(&format!(
                "   ({} {})",
                l.t("totalt ack", "year to date"),
                accumulated(&counts).map_or_else(|| "–".into(), |n| format_number(f64::from(n)))
            ));
        }
        let st = if now.is_some() {
            Style::default()
        } else {
            style::dim()
        };
        form.field(&Field::Complaint(i), &format!("  {}", c.name), &value, st);
        let field = Field::ComplaintAssessment(i);
        if shown.contains(&field) {
            let text = rec.complaint(c.code).map_or("", |r| r.assessment.as_str());
            let (v, st) = empty_or(l, text);
            form.field(
                &field,
                l.t("      Bedömning/åtgärder", "      Assessment/measures"),
                v,
                st,
            );
        }
    }
}

fn text_field(form: &mut Form, l: Lang, field: &Field, label: &str, text: &str) {
    let (v, st) = empty_or(l, text);
    form.field(field, label, v, st);
}

fn line_field(form: &mut Form, l: Lang, field: &Field, value: &str) {
    let label = field_label(l, field).unwrap_or_default();
    if value.is_empty() {
        form.field(field, &label, "–", style::dim());
    } else {
        form.field(field, &label, value, Style::default());
    }
}
