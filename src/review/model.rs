//! The review file (`reviews/<period>/<unit>.toml`): what an area chief
//! decided about one version of a unit's follow-up, with remarks on its
//! goals, indicators, activities and unit parts. Reading it (every problem
//! a diagnostic with file:line:col) and writing it.

use crate::diag::Diagnostic;
use crate::followup::Period;
use crate::i18n::current;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The schema version review files are written with.
pub const SCHEMA_VERSION: i64 = 1;
/// A review larger than this is not one a person wrote.
pub const MAX_REVIEW_BYTES: usize = 4 * 1024 * 1024;

/// What the reviewer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Återsänd: sent back to the unit with remarks; the follow-up is reopened.
    Returned,
    /// Godkänd: the follow-up version named by `reviewed` is approved.
    Approved,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Returned => "återsänd",
            Outcome::Approved => "godkänd",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        match s {
            "återsänd" => Some(Outcome::Returned),
            "godkänd" => Some(Outcome::Approved),
            _ => None,
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Outcome::Returned => "returned",
            Outcome::Approved => "approved",
        }
    }
}

/// The unit parts a remark can be about (`part:<name>`).
pub const PARTS: [&str; 4] = ["summary", "economy", "quality", "complaints"];

/// What a remark is about: a goal, indicator or activity of the plan (by
/// id), or one of the follow-up's unit parts ([`PARTS`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Goal(String),
    Indicator(String),
    Activity(String),
    Part(String),
}

impl Target {
    /// "goal:E2", "indicator:I3", "activity:A1", "part:summary".
    pub fn code(&self) -> String {
        match self {
            Target::Goal(id) => format!("goal:{id}"),
            Target::Indicator(id) => format!("indicator:{id}"),
            Target::Activity(id) => format!("activity:{id}"),
            Target::Part(p) => format!("part:{p}"),
        }
    }

    /// The target an `on` string names; None when it names none (an
    /// unknown kind, an empty id, or a part not in [`PARTS`]).
    pub fn parse(s: &str) -> Option<Target> {
        let (kind, id) = s.trim().split_once(':')?;
        let id = id.trim();
        if id.is_empty() || id.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return None;
        }
        let id = id.to_string();
        match kind.trim() {
            "goal" => Some(Target::Goal(id)),
            "indicator" => Some(Target::Indicator(id)),
            "activity" => Some(Target::Activity(id)),
            "part" if PARTS.contains(&id.as_str()) => Some(Target::Part(id)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    pub on: Target,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub unit: String,
    pub period: Period,
    pub outcome: Outcome,
    /// The reviewer's person id in the roster.
    pub reviewer: String,
    /// The blob id (40 hex) of the follow-up file version reviewed.
    pub reviewed: String,
    pub overall: String,
    pub remarks: Vec<Remark>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    schema: Spanned<i64>,
    unit: Spanned<String>,
    period: Period,
    outcome: Spanned<String>,
    reviewer: Spanned<String>,
    reviewed: Spanned<String>,
    #[serde(default)]
    overall: String,
    #[serde(default)]
    remark: Vec<RawRemark>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRemark {
    on: Spanned<String>,
    text: String,
}

#[derive(Serialize)]
struct Out<'a> {
    schema: i64,
    unit: &'a str,
    period: String,
    outcome: &'a str,
    reviewer: &'a str,
    reviewed: &'a str,
    overall: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    remark: Vec<OutRemark<'a>>,
}

#[derive(Serialize)]
struct OutRemark<'a> {
    on: String,
    text: &'a str,
}

/// Whether `s` is a full blob id (40 lower-case hex digits).
pub fn is_blob_id(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl Review {
    /// Parses the text of a review file; `file` names it in diagnostics.
    pub fn parse(text: &str, file: &str) -> Result<Review, Vec<Diagnostic>> {
        let src = text.trim_start_matches('\u{feff}');
        let raw: Raw = toml::from_str(src).map_err(|e| {
            vec![Diagnostic::at(
                file,
                src,
                e.span().unwrap_or(0..0),
                crate::plan::toml_words::humanize(e.message()),
            )]
        })?;
        let l = current();
        let mut problems = Vec::new();
        let mut at = |span: std::ops::Range<usize>, msg: String| {
            problems.push(Diagnostic::at(file, src, span, msg));
        };
        if *raw.schema.get_ref() != SCHEMA_VERSION {
            at(
                raw.schema.span(),
                l.pick(
                    format!(
                        "schemaversion {} stöds inte; förväntade {SCHEMA_VERSION}",
                        raw.schema.get_ref()
                    ),
                    format!(
                        "unsupported schema version {}; expected {SCHEMA_VERSION}",
                        raw.schema.get_ref()
                    ),
                ),
            );
        }
        if raw.unit.get_ref().trim().is_empty() {
            at(
                raw.unit.span(),
                l.t("enheten saknas", "the unit is missing").into(),
            );
        }
        let outcome = Outcome::parse(raw.outcome.get_ref());
        if outcome.is_none() {
            at(
                raw.outcome.span(),
                l.pick(
                    format!(
                        "utfallet {:?} finns inte; förväntade \"återsänd\" eller \"godkänd\"",
                        raw.outcome.get_ref()
                    ),
                    format!(
                        "outcome {:?} does not exist; expected \"återsänd\" or \"godkänd\"",
                        raw.outcome.get_ref()
                    ),
                ),
            );
        }
        if !crate::roster::valid_id(raw.reviewer.get_ref()) {
            at(
                raw.reviewer.span(),
                l.pick(
                    format!(
                        "granskaren {:?} är inget person-id; förväntade ett id ur roster.toml",
                        raw.reviewer.get_ref()
                    ),
                    format!(
                        "reviewer {:?} is not a person id; expected an id from roster.toml",
                        raw.reviewer.get_ref()
                    ),
                ),
            );
        }
        if !is_blob_id(raw.reviewed.get_ref()) {
            at(
                raw.reviewed.span(),
                l.pick(
                    format!(
                        "{:?} är inget blob-id; förväntade 40 hexadecimala tecken",
                        raw.reviewed.get_ref()
                    ),
                    format!(
                        "{:?} is not a blob id; expected 40 hexadecimal digits",
                        raw.reviewed.get_ref()
                    ),
                ),
            );
        }
        let mut remarks = Vec::with_capacity(raw.remark.len());
        for r in &raw.remark {
            match Target::parse(r.on.get_ref()) {
                Some(on) => remarks.push(Remark {
                    on,
                    text: r.text.clone(),
                }),
                None => at(
                    r.on.span(),
                    l.pick(
                        format!(
                            "{:?} pekar inte ut något; förväntade goal:<id>, indicator:<id>, activity:<id> eller part:summary|economy|quality|complaints",
                            r.on.get_ref()
                        ),
                        format!(
                            "{:?} names nothing; expected goal:<id>, indicator:<id>, activity:<id> or part:summary|economy|quality|complaints",
                            r.on.get_ref()
                        ),
                    ),
                ),
            }
        }
        match outcome {
            Some(outcome) if problems.is_empty() => Ok(Review {
                unit: raw.unit.into_inner(),
                period: raw.period,
                outcome,
                reviewer: raw.reviewer.into_inner(),
                reviewed: raw.reviewed.into_inner(),
                overall: raw.overall,
                remarks,
            }),
            _ => Err(problems),
        }
    }

    /// Parses the bytes of a review file (UTF-8, size-limited).
    pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Review, Vec<Diagnostic>> {
        let text =
            crate::plan::load::decode_text(file, bytes, MAX_REVIEW_BYTES).map_err(|d| vec![d])?;
        Review::parse(text, file)
    }

    /// The review as the text of its file.
    pub fn to_toml(&self) -> String {
        let out = Out {
            schema: SCHEMA_VERSION,
            unit: &self.unit,
            period: self.period.to_string(),
            outcome: self.outcome.code(),
            reviewer: &self.reviewer,
            reviewed: &self.reviewed,
            overall: &self.overall,
            remark: self
                .remarks
                .iter()
                .map(|r| OutRemark {
                    on: r.on.code(),
                    text: &r.text,
                })
                .collect(),
        };
        let mut text = String::from(
            "# Granskning: an area chief's review of a follow-up (schema 1); see docs/review.md.\n\n",
        );
        // Serializing our own plain structs cannot fail.
        text.push_str(&toml::to_string_pretty(&out).unwrap_or_default());
        text
    }

    /// The remarks about `on`, in file order.
    pub fn remarks_on<'a>(&'a self, on: &'a Target) -> impl Iterator<Item = &'a Remark> + 'a {
        self.remarks.iter().filter(move |r| &r.on == on)
    }
}
