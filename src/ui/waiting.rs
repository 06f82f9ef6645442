//! The overview's flow states and "Väntar på mig": each unit's place in
//! the review flow with a symbol readable without colour, a late mark
//! once the period's due date has passed, and the line that counts what
//! waits for the user (the filter key shows only those units).

use super::style;
use crate::app::Model;
use crate::app::model::OverviewState;
use crate::app::waiting::{Waits, late};
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::overview::UnitRow;
use ratatui::text::{Line, Span};

/// "✓ klar", "↩ återsänd", "· ej påbörjad försenad".
pub(super) fn flow_text(
    l: Lang,
    u: &UnitRow,
    due: Option<jiff::civil::Date>,
    today: crate::clock::Day,
) -> String {
    let mut text = format!(
        "{} {}",
        u.flow.symbol(),
        l.t(u.flow.label_sv(), u.flow.label_en())
    );
    if late(u.flow, due, today) {
        text.push(' ');
        text.push_str(l.t("försenad", "late"));
    }
    text
}

/// "Väntar på mig: 2 att granska · 1 återsänd · sista dag 8 maj (12 dagar
/// kvar) · w visar bara dem".
pub(super) fn line(
    m: &Model,
    state: &OverviewState,
    due: Option<jiff::civil::Date>,
) -> Line<'static> {
    let l = m.lang;
    let (mut review, mut returned) = (0, 0);
    for u in &state.data.units {
        match m.me.waits(u) {
            Some(Waits::Review) => review += 1,
            Some(Waits::Returned) => returned += 1,
            None => {}
        }
    }
    let mut spans = vec![Span::styled(
        format!(
            "{}: {review} {} · {returned} {}",
            l.t("Väntar på mig", "Waiting for me"),
            l.t("att granska", "to review"),
            l.t("återsända", "returned")
        ),
        if review + returned > 0 {
            style::label()
        } else {
            style::dim()
        },
    )];
    if let Some(left) = due.and_then(|d| crate::app::waiting::due_text(l, d, m.today)) {
        spans.push(Span::raw(format!(" · {left}")));
    }
    let toggle = if state.mine {
        l.t("visar alla", "shows all")
    } else {
        l.t("visar bara dem", "shows only those")
    };
    if let Some(key) = m.key_name(Context::List, Command::WaitingForMe) {
        spans.push(Span::styled(format!(" · {key} {toggle}"), style::dim()));
    }
    Line::from(spans)
}
