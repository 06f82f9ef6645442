//! Which of the walk's fields a `[limits]` limit covers, the count the
//! editor's frame shows ("1 240 / 2 000 tecken · 190 ord"), and the field
//! an over-limit remark of the review opens.

use super::fields::{DevPart, Field};
use crate::followup::CATEGORIES;
use crate::followup::limits::{DeviationText, LimitKind, Limits, TextSpot, count};
use crate::i18n::Lang;

/// The limit that covers `field` (None: a field no limit covers).
pub fn kind_of(field: &Field) -> Option<LimitKind> {
    Some(match field {
        Field::Summary | Field::Point(_) | Field::ActivityAnalysis(_) => LimitKind::Analysis,
        Field::Deviation(_, DevPart::What | DevPart::Cause | DevPart::Measure) => {
            LimitKind::Deviation
        }
        Field::UnitSummary => LimitKind::Summary,
        Field::EconomyAnalysis => LimitKind::Economy,
        Field::QualityText | Field::LexSarah | Field::QualityDeviations | Field::QualityOther => {
            LimitKind::Quality
        }
        Field::ComplaintAssessment(_) => LimitKind::Complaint,
        _ => return None,
    })
}

/// What the count says of a text, and whether it is over the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub text: String,
    pub over: bool,
}

/// The count of `text` in `field`: "190 tecken · 31 ord", with a limit
/// "1 240 / 2 000 tecken · 190 ord", and over it "2 140 / 2 000 tecken –
/// 140 för många · 320 ord" (said in words, so it reads without colour).
/// None for fields that are not prose.
pub fn field_count(l: Lang, limits: &Limits, field: &Field, text: &str) -> Option<Count> {
    let kind = kind_of(field)?;
    let (chars, words) = count(text);
    let n = |v: usize| crate::report::unit_parts::amount(v as f64);
    let words = format!("{} {}", n(words), l.t("ord", "words"));
    let chars_word = l.t("tecken", "characters");
    Some(match limits.get(kind) {
        None => Count {
            text: format!("{} {chars_word} · {words}", n(chars)),
            over: false,
        },
        Some(limit) if chars > limit => Count {
            text: format!("{} · {words}", over_by(l, chars, limit)),
            over: true,
        },
        Some(limit) => Count {
            text: format!("{} / {} {chars_word} · {words}", n(chars), n(limit)),
            over: false,
        },
    })
}

/// "2 140 / 2 000 tecken – 140 för många".
pub fn over_by(l: Lang, chars: usize, limit: usize) -> String {
    let n = |v: usize| crate::report::unit_parts::amount(v as f64);
    format!(
        "{} / {} {} – {} {}",
        n(chars),
        n(limit),
        l.t("tecken", "characters"),
        n(chars.saturating_sub(limit)),
        l.t("för många", "too many")
    )
}

/// Where in the follow-up the walk's text field `field` is (None: a field
/// that is not prose).
pub fn text_spot_of(field: &Field) -> Option<TextSpot> {
    Some(match field {
        Field::Summary => TextSpot::GoalSummary,
        Field::Point(i) => TextSpot::Point(*i),
        Field::Deviation(i, DevPart::What) => TextSpot::DeviationText(*i, DeviationText::What),
        Field::Deviation(i, DevPart::Cause) => TextSpot::DeviationText(*i, DeviationText::Cause),
        Field::Deviation(i, DevPart::Measure) => {
            TextSpot::DeviationText(*i, DeviationText::Measure)
        }
        Field::ActivityAnalysis(id) => TextSpot::Activity(id.clone()),
        Field::UnitSummary => TextSpot::UnitSummary,
        Field::EconomyAnalysis => TextSpot::EconomyAnalysis,
        Field::QualityText => TextSpot::Quality(0),
        Field::LexSarah => TextSpot::Quality(1),
        Field::QualityDeviations => TextSpot::Quality(2),
        Field::QualityOther => TextSpot::Quality(3),
        Field::ComplaintAssessment(i) => TextSpot::Complaint(CATEGORIES.get(*i)?.code.to_string()),
        _ => return None,
    })
}

/// The walk's field a text of the follow-up is in.
pub fn field_of(spot: &TextSpot) -> Field {
    match spot {
        TextSpot::GoalSummary => Field::Summary,
        TextSpot::Point(i) => Field::Point(*i),
        TextSpot::DeviationText(i, part) => Field::Deviation(
            *i,
            match part {
                DeviationText::What => DevPart::What,
                DeviationText::Cause => DevPart::Cause,
                DeviationText::Measure => DevPart::Measure,
            },
        ),
        TextSpot::Activity(id) => Field::ActivityAnalysis(id.clone()),
        TextSpot::UnitSummary => Field::UnitSummary,
        TextSpot::EconomyAnalysis => Field::EconomyAnalysis,
        TextSpot::Quality(0) => Field::QualityText,
        TextSpot::Quality(1) => Field::LexSarah,
        TextSpot::Quality(2) => Field::QualityDeviations,
        TextSpot::Quality(_) => Field::QualityOther,
        TextSpot::Complaint(code) => Field::ComplaintAssessment(
            CATEGORIES
                .iter()
                .position(|c| c.code == code)
                .unwrap_or_default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_says_the_limit_and_how_far_over_it_in_words() {
        let mut limits = Limits::default();
        let text = "ord ".repeat(535);
        let none = field_count(Lang::Sv, &limits, &Field::Point(0), &text).unwrap();
        assert_eq!(none.text, "2 140 tecken · 535 ord");
        limits.set(LimitKind::Analysis, 2000);
        let over = field_count(Lang::Sv, &limits, &Field::Summary, &text).unwrap();
        assert_eq!(over.text, "2 140 / 2 000 tecken – 140 för många · 535 ord");
        assert!(over.over);
        let under = field_count(Lang::En, &limits, &Field::Summary, "Två ord").unwrap();
        assert_eq!(under.text, "7 / 2 000 characters · 2 words");
        assert!(!under.over);
        // A deviation's text has its own limit; a date none.
        let dev = Field::Deviation(0, DevPart::Measure);
        assert_eq!(
            field_count(Lang::Sv, &limits, &dev, "abc").unwrap().text,
            "3 tecken · 1 ord"
        );
        assert!(field_count(Lang::Sv, &limits, &Field::Deviation(0, DevPart::Due), "x").is_none());
    }
}
