//! Length limits of a follow-up's texts (`[limits]` in `tertial.toml`):
//! which texts each limit covers, counting characters and words, and
//! finding the texts that are over their limit. A limit never cuts typing
//! off: it is shown while writing and becomes a remark in the review.

use super::model::{FollowUp, GoalRecord};
use crate::diag::Diagnostic;
use crate::plan::Plan;

/// The table of `tertial.toml` that sets the limits.
pub const LIMITS_TABLE: &str = "limits";

/// A group of texts that share one limit, named after the report's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// Sammanfattande analys of the unit (`summary`).
    Summary,
    /// Every analysis of a goal (its summary judgement and each Punkt n)
    /// and of an activity.
    Analysis,
    /// Each text part of a deviation: avvikelse, orsak, åtgärd.
    Deviation,
    /// Analys av resultaträkning (`economy.analysis`).
    Economy,
    /// Each text of Systematiskt kvalitetsarbete (`quality`).
    Quality,
    /// Each Bedömning och planerade åtgärder of the complaints table.
    Complaint,
}

impl LimitKind {
    pub const ALL: [LimitKind; 6] = [
        LimitKind::Summary,
        LimitKind::Analysis,
        LimitKind::Deviation,
        LimitKind::Economy,
        LimitKind::Quality,
        LimitKind::Complaint,
    ];

    /// Its key in `[limits]`.
    pub fn key(self) -> &'static str {
        match self {
            LimitKind::Summary => "summary",
            LimitKind::Analysis => "analysis",
            LimitKind::Deviation => "deviation",
            LimitKind::Economy => "economy",
            LimitKind::Quality => "quality",
            LimitKind::Complaint => "complaint",
        }
    }

    fn from_key(key: &str) -> Option<LimitKind> {
        LimitKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The workspace's limits in characters; none set: no limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    max: [Option<usize>; LimitKind::ALL.len()],
}

impl Limits {
    pub fn get(&self, kind: LimitKind) -> Option<usize> {
        self.max[kind as usize]
    }

    pub fn set(&mut self, kind: LimitKind, chars: usize) {
        self.max[kind as usize] = Some(chars);
    }

    /// The `[limits]` table of `tertial.toml` (`file` names it in
    /// messages): `key = characters`, a whole number above 0. Anything
    /// else is an error at its line and column.
    pub fn from_marker(file: &str, src: &str) -> Result<Limits, Diagnostic> {
        let lang = crate::i18n::current();
        let root = toml::de::DeTable::parse(src).map_err(|e| {
            Diagnostic::at(
                file,
                src,
                e.span().unwrap_or(0..0),
                crate::plan::load::humanize(e.message()),
            )
        })?;
        let mut limits = Limits::default();
        let Some((_, table)) = root
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == LIMITS_TABLE)
        else {
            return Ok(limits);
        };
        let Some(entries) = table.get_ref().as_table() else {
            return Err(Diagnostic::at(
                file,
                src,
                table.span(),
                lang.pick(
                    format!("[{LIMITS_TABLE}] ska vara en tabell av fält = antal tecken"),
                    format!("[{LIMITS_TABLE}] must be a table of field = number of characters"),
                ),
            ));
        };
        let keys = || {
            LimitKind::ALL
                .iter()
                .map(|k| k.key())
                .collect::<Vec<_>>()
                .join(", ")
        };
        for (key, value) in entries.iter() {
            let name = key.get_ref();
            let kind = LimitKind::from_key(name).ok_or_else(|| {
                Diagnostic::at(
                    file,
                    src,
                    key.span(),
                    lang.pick(
                        format!(
                            "[{LIMITS_TABLE}] {name:?}: okänt fält; förväntade ett av {}",
                            keys()
                        ),
                        format!(
                            "[{LIMITS_TABLE}] {name:?}: unknown field; expected one of {}",
                            keys()
                        ),
                    ),
                )
            })?;
            let chars = value
                .get_ref()
                .as_integer()
                .and_then(|n| usize::from_str_radix(n.as_str(), n.radix()).ok())
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    Diagnostic::at(
                        file,
                        src,
                        value.span(),
                        lang.pick(
                            format!(
                                "[{LIMITS_TABLE}] {name}: förväntade ett antal tecken, ett heltal över 0 (t.ex. 2000)"
                            ),
                            format!(
                                "[{LIMITS_TABLE}] {name}: expected a number of characters, a whole number above 0 (e.g. 2000)"
                            ),
                        ),
                    )
                })?;
            limits.set(kind, chars);
        }
        Ok(limits)
    }
}

/// Characters and words of a text, as the editor's frame shows them.
/// Every character counts (spaces and line breaks too), as in the
/// city's web forms.
pub fn count(text: &str) -> (usize, usize) {
    (text.chars().count(), text.split_whitespace().count())
}

/// A text of the follow-up that a limit covers, named so the review can
/// open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextSpot {
    GoalSummary,
    /// Punkt n+1 of the goal.
    Point(usize),
    /// Deviation n's text part (0 what, 1 cause, 2 measure).
    DeviationText(usize, DeviationText),
    /// The activity's analysis.
    Activity(String),
    UnitSummary,
    EconomyAnalysis,
    /// Quality text n (0 text, 1 lex Sarah, 2 deviations, 3 other).
    Quality(usize),
    /// The complaint category's assessment (its code).
    Complaint(String),
}

/// A deviation's parts that are prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviationText {
    What,
    Cause,
    Measure,
}

impl DeviationText {
    pub fn key(self) -> &'static str {
        match self {
            DeviationText::What => "what",
            DeviationText::Cause => "cause",
            DeviationText::Measure => "measure",
        }
    }
}

/// A text over its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// The goal it belongs to ("" for the unit-level parts).
    pub goal: String,
    pub spot: TextSpot,
    /// What a waiver names: `E1/summary`, `E1/R2` (Punkt 2), `E1/2/measure`
    /// (deviation 2's åtgärd), `A3`, `enhet/summary`, `enhet/economy`,
    /// `enhet/quality/lex_sarah`, `enhet/complaint/berom`.
    pub target: String,
    pub chars: usize,
    pub limit: usize,
}

const QUALITY_KEYS: [&str; 4] = ["text", "lex_sarah", "deviations", "other"];

/// Every text of `f` over its limit, goal by goal in the plan's order
/// (each with its activities), then the unit-level parts.
pub fn too_long(plan: &Plan, f: &FollowUp, limits: &Limits) -> Vec<TooLong> {
    let mut out = Vec::new();
    let mut check = |kind: LimitKind, goal: &str, spot: TextSpot, target: String, text: &str| {
        let Some(limit) = limits.get(kind) else {
            return;
        };
        let chars = text.chars().count();
        if chars > limit {
            out.push(TooLong {
                goal: goal.to_string(),
                spot,
                target,
                chars,
                limit,
            });
        }
    };
    let mut activity_seen = std::collections::HashSet::new();
    for goal in &plan.unit_goals {
        if let Some(g) = f.goal(&goal.id) {
            goal_texts(g, &mut check);
        }
        for a in plan.activities_for_goal(goal) {
            let Some(r) = f.activity(&a.id) else { continue };
            if activity_seen.insert(a.id.clone()) {
                check(
                    LimitKind::Analysis,
                    &goal.id,
                    TextSpot::Activity(a.id.clone()),
                    a.id.clone(),
                    &r.analysis,
                );
            }
        }
    }
    let unit = super::lint::UNIT_TARGET;
    check(
        LimitKind::Summary,
        "",
        TextSpot::UnitSummary,
        format!("{unit}/summary"),
        &f.summary,
    );
    check(
        LimitKind::Economy,
        "",
        TextSpot::EconomyAnalysis,
        format!("{unit}/economy"),
        &f.economy.analysis,
    );
    let q = &f.quality;
    for (i, text) in [&q.text, &q.lex_sarah, &q.deviations, &q.other]
        .into_iter()
        .enumerate()
    {
        check(
            LimitKind::Quality,
            "",
            TextSpot::Quality(i),
            format!("{unit}/quality/{}", QUALITY_KEYS[i]),
            text,
        );
    }
    for c in &f.complaints {
        check(
            LimitKind::Complaint,
            "",
            TextSpot::Complaint(c.category.clone()),
            format!("{unit}/complaint/{}", c.category),
            &c.assessment,
        );
    }
    out
}

fn goal_texts(g: &GoalRecord, check: &mut impl FnMut(LimitKind, &str, TextSpot, String, &str)) {
    let id = g.id.as_str();
    check(
        LimitKind::Analysis,
        id,
        TextSpot::GoalSummary,
        format!("{id}/summary"),
        &g.summary,
    );
    for (i, text) in g.analysis.iter().enumerate() {
        check(
            LimitKind::Analysis,
            id,
            TextSpot::Point(i),
            format!("{id}/R{}", i + 1),
            text,
        );
    }
    for (i, d) in g.deviations.iter().enumerate() {
        for (part, text) in [
            (DeviationText::What, &d.what),
            (DeviationText::Cause, &d.cause),
            (DeviationText::Measure, &d.measure),
        ] {
            check(
                LimitKind::Deviation,
                id,
                TextSpot::DeviationText(i, part),
                format!("{id}/{}/{}", i + 1, part.key()),
                text,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_read_and_bad_ones_named_at_their_line_and_column() {
        let src = "name = \"x\"\n[limits]\nanalysis = 2000\ndeviation = 1_000\n";
        let l = Limits::from_marker("tertial.toml", src).unwrap();
        assert_eq!(l.get(LimitKind::Analysis), Some(2000));
        assert_eq!(l.get(LimitKind::Deviation), Some(1000));
        assert_eq!(l.get(LimitKind::Summary), None);
        let _en = crate::i18n::speaking(crate::i18n::Lang::En);
        let d = Limits::from_marker("tertial.toml", "[limits]\nanalys = 5\n").unwrap_err();
        assert_eq!((d.line, d.col), (2, 1));
        assert!(
            d.message.contains("\"analys\": unknown field"),
            "{}",
            d.message
        );
        let d = Limits::from_marker("tertial.toml", "[limits]\nsummary = \"lång\"\n").unwrap_err();
        assert_eq!((d.line, d.col), (2, 11));
        let d = Limits::from_marker("tertial.toml", "[limits]\nsummary = 0\n").unwrap_err();
        assert!(d.message.contains("above 0"), "{}", d.message);
        let d = Limits::from_marker("tertial.toml", "limits = 3\n").unwrap_err();
        assert_eq!((d.line, d.col), (1, 10));
        assert_eq!(
            Limits::from_marker("tertial.toml", "x = 1\n").unwrap(),
            Limits::default()
        );
    }

    #[test]
    fn counts_characters_and_words() {
        assert_eq!(count(""), (0, 0));
        assert_eq!(count("Öppna  dörrar\nför alla"), (22, 4));
    }

    #[test]
    fn texts_over_their_limit_are_found_with_their_targets() {
        let (path, text) = crate::plan::bundled::PLANS[2];
        let plan = crate::plan::parse_plan(path, text.as_bytes()).unwrap();
        let mut f = FollowUp::new("u", "2026-T1".parse().unwrap());
        let g = f.goal_mut("E1");
        g.summary = "kort".into();
        g.analysis = vec!["".into(), "x".repeat(11)];
        g.deviations.push(super::super::Deviation {
            what: "y".repeat(6),
            measure: "ok".into(),
            ..Default::default()
        });
        f.summary = "z".repeat(30);
        let mut limits = Limits::default();
        limits.set(LimitKind::Analysis, 10);
        limits.set(LimitKind::Deviation, 5);
        let found: Vec<(String, usize, usize)> = too_long(&plan, &f, &limits)
            .into_iter()
            .map(|t| (t.target, t.chars, t.limit))
            .collect();
        assert_eq!(
            found,
            vec![("E1/R2".into(), 11, 10), ("E1/1/what".into(), 6, 5)]
        );
    }
}
