//! The plan as the program uses it: a unit's goal tree for one year, free of
//! file positions. Built from a validated file by `plan::load`.

use serde::{Deserialize, Serialize};

/// The only plan schema this version reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: i64,
    pub unit: Unit,
    #[serde(default, rename = "section", skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    #[serde(default, rename = "kf_goal", skip_serializing_if = "Vec::is_empty")]
    pub kf_goals: Vec<KfGoal>,
    #[serde(default, rename = "area_goal", skip_serializing_if = "Vec::is_empty")]
    pub area_goals: Vec<AreaGoal>,
    #[serde(
        default,
        rename = "committee_goal",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub committee_goals: Vec<CommitteeGoal>,
    #[serde(default, rename = "unit_goal", skip_serializing_if = "Vec::is_empty")]
    pub unit_goals: Vec<UnitGoal>,
    #[serde(default, rename = "indicator", skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, rename = "activity", skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub committee: String,
    /// Kept wide so an out-of-range year is reported as such, not as a
    /// number too large for its type.
    pub year: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dnr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chief: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub level: i64,
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_goals: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// KF:s inriktningsmål.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KfGoal {
    pub id: String,
    pub title: String,
}

/// KF:s mål för verksamhetsområdet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaGoal {
    pub id: String,
    pub kf_goal: String,
    pub title: String,
}

/// Nämndmål.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeGoal {
    pub id: String,
    pub area_goal: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_results: Vec<String>,
}

/// Enhetsmål: the unit of follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitGoal {
    pub id: String,
    pub committee_goal: String,
    pub title: String,
    pub expected_results: Vec<String>,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub ways_of_working: Points,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub resources: Points,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub follow_up: Points,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub development: Points,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub comment: Points,
}

/// A text field that the document either numbers (1., 2., …) or writes as
/// running text. Kept apart so a report can number exactly what was numbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Points {
    Text(String),
    Numbered(Vec<String>),
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Points;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a list of texts (the numbered points)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Points, E> {
                Ok(Points::Text(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Points, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Points::Numbered(items))
            }
        }
        d.deserialize_any(V)
    }
}

impl Default for Points {
    fn default() -> Self {
        Points::Text(String::new())
    }
}

impl Points {
    pub fn is_empty(&self) -> bool {
        match self {
            Points::Text(t) => t.trim().is_empty(),
            Points::Numbered(v) => v.is_empty(),
        }
    }

    /// The points as a list; running text is one point.
    pub fn items(&self) -> Vec<&str> {
        match self {
            Points::Text(t) if t.trim().is_empty() => Vec::new(),
            Points::Text(t) => vec![t.as_str()],
            Points::Numbered(v) => v.iter().map(String::as_str).collect(),
        }
    }

    pub fn is_numbered(&self) -> bool {
        matches!(self, Points::Numbered(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Periodicity {
    #[serde(rename = "År")]
    Year,
    #[serde(rename = "Tertial")]
    Tertial,
    #[serde(rename = "Månad")]
    Month,
}

impl Periodicity {
    pub const ALL: [(&'static str, Periodicity); 3] = [
        ("År", Periodicity::Year),
        ("Tertial", Periodicity::Tertial),
        ("Månad", Periodicity::Month),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Periodicity::Year => "År",
            Periodicity::Tertial => "Tertial",
            Periodicity::Month => "Månad",
        }
    }
}

/// Which direction of the outcome meets the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    fn is_default(&self) -> bool {
        *self == Better::Higher
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub parent: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_target: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kf_target: Option<String>,
    pub periodicity: Periodicity,
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_sex: bool,
    #[serde(default, skip_serializing_if = "Better::is_default")]
    pub better: Better,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Indicator {
    /// The annual target as a number, when it is one ("87 %", "3,2").
    pub fn target_value(&self) -> Option<f64> {
        self.annual_target
            .as_deref()
            .and_then(crate::i18n::parse_number)
            .map(|(v, _)| v)
    }

    /// Outcomes of this indicator are percentages when its targets are.
    pub fn is_percent(&self) -> bool {
        [&self.annual_target, &self.kf_target]
            .iter()
            .any(|t| t.as_deref().is_some_and(|t| t.trim_end().ends_with('%')))
    }

    /// Whether `value` meets the annual target (None: no numeric target).
    pub fn meets(&self, value: f64) -> Option<bool> {
        let target = self.target_value()?;
        Some(match self.better {
            Better::Higher => value >= target,
            Better::Lower => value <= target,
        })
    }

    /// A value in Swedish format with the indicator's unit: "69,23 %".
    pub fn format_value(&self, value: f64) -> String {
        let n = crate::i18n::format_number(value);
        if self.is_percent() {
            format!("{n} %")
        } else {
            n
        }
    }
}

/// A calendar date (Startdatum, Slutdatum), always valid once built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let dt = toml::value::Datetime {
            date: Some(toml::value::Date {
                year: self.year,
                month: self.month,
                day: self.day,
            }),
            time: None,
            offset: None,
        };
        dt.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        Date::from_datetime(&dt).ok_or_else(|| {
            serde::de::Error::custom(
                crate::i18n::current().t("förväntade ett datum", "expected a date"),
            )
        })
    }
}

impl Date {
    /// A date without time or offset; anything else is not a plan date.
    pub fn from_datetime(dt: &toml::value::Datetime) -> Option<Date> {
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => Some(Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub parent: String,
    pub text: String,
    pub start: Date,
    pub end: Date,
}

fn one() -> i64 {
    1
}
fn is_one(v: &i64) -> bool {
    *v == 1
}
fn is_false(v: &bool) -> bool {
    !*v
}
