//! The texts of a plan the correction screen can address one by one
//! (titles, points, indicator and activity cells, the unit's own fields,
//! texts the importer could not place), read and written by `Item`.

use crate::i18n::Lang;
use crate::plan::{Date, Periodicity, Plan, Points, UnitGoal};

/// The fields of an enhetsmål that hold points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Expected,
    Ways,
    Resources,
    FollowUp,
    Development,
    Comment,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Expected,
        Field::Ways,
        Field::Resources,
        Field::FollowUp,
        Field::Development,
        Field::Comment,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Expected => lang.t("Förväntat resultat", "Expected result"),
            Field::Ways => lang.t("Arbetssätt", "Way of working"),
            Field::Resources => lang.t("Resursanvändning", "Resources"),
            Field::FollowUp => lang.t("Uppföljning", "Follow-up"),
            Field::Development => lang.t("Utveckling", "Development"),
            Field::Comment => lang.t("Kommentar", "Comment"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorCell {
    Name,
    AnnualTarget,
    KfTarget,
    Periodicity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityCell {
    Text,
    Start,
    End,
}

/// One text of the plan (indices into the plan's lists, which the screen
/// never reorders), a note of the importer, or a text it did not place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    UnitName,
    UnitId,
    Committee,
    Year,
    KfTitle(usize),
    AreaTitle(usize),
    CommitteeTitle(usize),
    Description(usize),
    CommitteeResult(usize, usize),
    UnitTitle(usize),
    Point(usize, Field, usize),
    Indicator(usize, IndicatorCell),
    Activity(usize, ActivityCell),
    Note(usize),
    Unplaced(usize),
}

impl Item {
    /// Texts that are one point among others: they can be split, merged
    /// with the next, and moved.
    pub fn is_point(self) -> bool {
        matches!(
            self,
            Item::CommitteeResult(..) | Item::Point(..) | Item::Unplaced(_)
        )
    }

    /// Texts written over several lines (Enter is a new line there).
    pub fn is_multiline(self) -> bool {
        matches!(self, Item::Description(_))
    }
}

/// Where a moved text can go: appended to a title or description, a new
/// point of a list, or the unit's name or nämnd (replaced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    UnitName,
    Committee,
    KfTitle(usize),
    AreaTitle(usize),
    CommitteeTitle(usize),
    Description(usize),
    CommitteeResults(usize),
    UnitTitle(usize),
    UnitField(usize, Field),
}

/// What the screen corrects: the plan and the texts not yet placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub plan: Plan,
    /// (line in the source, text)
    pub unplaced: Vec<(usize, String)>,
}

/// Why a typed value was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Year,
    Date,
    Periodicity,
}

impl Invalid {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Invalid::Year => lang.t("Skriv ett årtal, t.ex. 2026", "Type a year, e.g. 2026"),
            Invalid::Date => lang.t(
                "Skriv ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-06-30",
                "Type a date YYYY-MM-DD, e.g. 2026-06-30",
            ),
            Invalid::Periodicity => {
                lang.t("Skriv År, Tertial eller Månad", "Type År, Tertial or Månad")
            }
        }
    }
}

/// The points of a field as a list (running text is one point).
pub fn points(g: &UnitGoal, f: Field) -> Vec<String> {
    match f {
        Field::Expected => g.expected_results.clone(),
        _ => points_field(g, f)
            .items()
            .into_iter()
            .map(str::to_string)
            .collect(),
    }
}

fn points_field(g: &UnitGoal, f: Field) -> &Points {
    match f {
        Field::Ways => &g.ways_of_working,
        Field::Resources => &g.resources,
        Field::FollowUp => &g.follow_up,
        Field::Development => &g.development,
        // Expected results are a plain list; never asked for here.
        Field::Comment | Field::Expected => &g.comment,
    }
}

/// Stores the points of a field. Running text stays running text while it
/// is one point; two or more points are numbered.
pub fn set_points(g: &mut UnitGoal, f: Field, items: Vec<String>) {
    let slot = match f {
        Field::Expected => {
            g.expected_results = items;
            return;
        }
        Field::Ways => &mut g.ways_of_working,
        Field::Resources => &mut g.resources,
        Field::FollowUp => &mut g.follow_up,
        Field::Development => &mut g.development,
        Field::Comment => &mut g.comment,
    };
    let numbered = slot.is_numbered();
    *slot = match items.len() {
        0 => Points::Text(String::new()),
        1 if !numbered => Points::Text(items.into_iter().next().unwrap_or_default()),
        _ => Points::Numbered(items),
    };
}

/// The text an item holds now (None: the item is no longer there).
pub fn text(doc: &Doc, notes: &[(usize, String)], item: Item) -> Option<String> {
    let p = &doc.plan;
    Some(match item {
        Item::UnitName => p.unit.name.clone(),
        Item::UnitId => p.unit.id.clone(),
        Item::Committee => p.unit.committee.clone(),
        Item::Year => p.unit.year.to_string(),
        Item::KfTitle(i) => p.kf_goals.get(i)?.title.clone(),
        Item::AreaTitle(i) => p.area_goals.get(i)?.title.clone(),
        Item::CommitteeTitle(i) => p.committee_goals.get(i)?.title.clone(),
        Item::Description(i) => p.committee_goals.get(i)?.description.clone(),
        Item::CommitteeResult(i, j) => p.committee_goals.get(i)?.expected_results.get(j)?.clone(),
        Item::UnitTitle(i) => p.unit_goals.get(i)?.title.clone(),
        Item::Point(i, f, j) => points(p.unit_goals.get(i)?, f).get(j)?.clone(),
        Item::Indicator(i, cell) => {
            let x = p.indicators.get(i)?;
            match cell {
                IndicatorCell::Name => x.name.clone(),
                IndicatorCell::AnnualTarget => x.annual_target.clone().unwrap_or_default(),
                IndicatorCell::KfTarget => x.kf_target.clone().unwrap_or_default(),
                IndicatorCell::Periodicity => x.periodicity.label().to_string(),
            }
        }
        Item::Activity(i, cell) => {
            let a = p.activities.get(i)?;
            match cell {
                ActivityCell::Text => a.text.clone(),
                ActivityCell::Start => a.start.to_string(),
                ActivityCell::End => a.end.to_string(),
            }
        }
        Item::Note(i) => notes.get(i)?.1.clone(),
        Item::Unplaced(i) => doc.unplaced.get(i)?.1.clone(),
    })
}

/// Parses "2026-06-30" into a valid date.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let mut parts = t.splitn(3, '-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if t.len() != 10 || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (day <= days).then_some(Date { year, month, day })
}

/// Stores `text` in the item. Values that must parse (year, dates,
/// periodicity) are refused as they are typed wrong; nothing is changed then.
pub fn set_text(doc: &mut Doc, item: Item, text: &str) -> Result<(), Invalid> {
    let one_line = if item.is_multiline() {
        text.to_string()
    } else {
        text.split('\n')
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let t = one_line;
    let p = &mut doc.plan;
    match item {
        Item::UnitName => p.unit.name = t,
        Item::UnitId => p.unit.id = t.trim().to_string(),
        Item::Committee => p.unit.committee = t,
        Item::Year => p.unit.year = t.trim().parse().map_err(|_| Invalid::Year)?,
        Item::KfTitle(i) => set(p.kf_goals.get_mut(i).map(|g| &mut g.title), t),
        Item::AreaTitle(i) => set(p.area_goals.get_mut(i).map(|g| &mut g.title), t),
        Item::CommitteeTitle(i) => set(p.committee_goals.get_mut(i).map(|g| &mut g.title), t),
        Item::Description(i) => set(p.committee_goals.get_mut(i).map(|g| &mut g.description), t),
        Item::CommitteeResult(i, j) => set(
            p.committee_goals
                .get_mut(i)
                .and_then(|g| g.expected_results.get_mut(j)),
            t,
        ),
        Item::UnitTitle(i) => set(p.unit_goals.get_mut(i).map(|g| &mut g.title), t),
        Item::Point(i, f, j) => {
            if let Some(g) = p.unit_goals.get_mut(i) {
                let mut v = points(g, f);
                if let Some(slot) = v.get_mut(j) {
                    *slot = t;
                    set_points(g, f, v);
                }
            }
        }
        Item::Indicator(i, cell) => {
            let Some(x) = p.indicators.get_mut(i) else {
                return Ok(());
            };
            let optional = |t: String| (!t.trim().is_empty()).then(|| t.trim().to_string());
            match cell {
                IndicatorCell::Name => x.name = t,
                IndicatorCell::AnnualTarget => x.annual_target = optional(t),
                IndicatorCell::KfTarget => x.kf_target = optional(t),
                IndicatorCell::Periodicity => {
                    x.periodicity = Periodicity::ALL
                        .iter()
                        .find(|(label, _)| label.eq_ignore_ascii_case(t.trim()))
                        .map(|(_, p)| *p)
                        .ok_or(Invalid::Periodicity)?;
                }
            }
        }
        Item::Activity(i, cell) => {
            let Some(a) = p.activities.get_mut(i) else {
                return Ok(());
            };
            match cell {
                ActivityCell::Text => a.text = t,
                ActivityCell::Start => a.start = parse_date(&t).ok_or(Invalid::Date)?,
                ActivityCell::End => a.end = parse_date(&t).ok_or(Invalid::Date)?,
            }
        }
        Item::Note(_) => {}
        Item::Unplaced(i) => set(doc.unplaced.get_mut(i).map(|u| &mut u.1), t),
    }
    Ok(())
}

fn set(slot: Option<&mut String>, text: String) {
    if let Some(s) = slot {
        *s = text;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_as_calendar_dates() {
        assert_eq!(
            parse_date("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("2025-1-01"), None);
        assert_eq!(parse_date("i år"), None);
    }
}
