//! The document walk: a state machine over the cleaned lines that builds
//! the goal tree, the sections, the tables, and collects what it cannot
//! place.

use super::classify::{Field, Heading, fold, goal_heading, heading_kind};
use super::fields::{self, Buf};
use super::front::{is_toc_line, looks_like_name, title_line};
use super::rows::{activity_line, indicator_line};
use super::tables;
use super::text::Line;
use crate::plan::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    None,
    Kf,
    Area,
    Committee,
    Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Front,
    Toc,
    Title(Heading),
    Section,
    Field(Field),
    Indicators,
    IndicatorComment,
    Activities,
    Loose,
}

#[derive(Default)]
pub struct Meta {
    pub dnr: Option<String>,
    pub committee: Option<String>,
    pub year: Option<i64>,
    pub unit_name: Option<String>,
    /// The responsible chief, and whether the name came from the
    /// "Handläggare" line (the author) rather than a chief's label.
    pub chief: Option<(String, bool)>,
}

pub struct Walk {
    pub plan_sections: Vec<Section>,
    pub kf: Vec<KfGoal>,
    pub area: Vec<AreaGoal>,
    pub committee: Vec<CommitteeGoal>,
    pub unit: Vec<UnitGoal>,
    pub indicators: Vec<Indicator>,
    pub activities: Vec<Activity>,
    pub unplaced: Vec<(usize, String)>,
    pub meta: Meta,
    ctx: Ctx,
    pub(super) level: Level,
    after_goals: bool,
    buf: Buf,
    pub(super) title: String,
    /// Where Årsmål and KF:s årsmål are among a tabbed table's values,
    /// when its header says so.
    pub(super) columns: Option<tables::Columns>,
    pub(super) pending: Vec<(usize, String)>,
    pub(super) dates: Vec<Date>,
    expect_next: Option<&'static str>,
    /// The text's line width (its longest line): a shorter line ended
    /// where the writer ended it.
    pub(super) width: usize,
    /// The words the text writes in lower case (fields::lower_words).
    lower: std::collections::HashSet<String>,
}

impl Walk {
    fn new() -> Walk {
        Walk {
            plan_sections: Vec::new(),
            kf: Vec::new(),
            area: Vec::new(),
            committee: Vec::new(),
            unit: Vec::new(),
            indicators: Vec::new(),
            activities: Vec::new(),
            unplaced: Vec::new(),
            meta: Meta::default(),
            ctx: Ctx::Front,
            level: Level::None,
            after_goals: false,
            buf: Vec::new(),
            title: String::new(),
            pending: Vec::new(),
            dates: Vec::new(),
            expect_next: None,
            columns: None,
            width: usize::MAX,
            lower: Default::default(),
        }
    }

    pub(super) fn parent_id(&self) -> Option<String> {
        match self.level {
            Level::None => None,
            Level::Kf => self.kf.last().map(|g| g.id.clone()),
            Level::Area => self.area.last().map(|g| g.id.clone()),
            Level::Committee => self.committee.last().map(|g| g.id.clone()),
            Level::Unit => self.unit.last().map(|g| g.id.clone()),
        }
    }

    pub(super) fn unplace(&mut self, no: usize, text: &str) {
        let t = text.trim();
        if !t.is_empty() {
            self.unplaced.push((no, t.to_string()));
        }
    }

    /// Ends the current context, storing what it gathered.
    pub(super) fn close(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        match self.ctx {
            Ctx::Title(h) => self.finish_title(h),
            Ctx::Section => {
                if let Some(s) = self.plan_sections.last_mut() {
                    s.text = fields::paragraphs(&buf, false);
                }
                // The PDF repeats a group heading without text; keep one.
                let n = self.plan_sections.len();
                if n > 0 {
                    let last = &self.plan_sections[n - 1];
                    if last.text.is_empty()
                        && self.plan_sections[..n - 1]
                            .iter()
                            .any(|s| s.title == last.title)
                    {
                        self.plan_sections.pop();
                    }
                }
            }
            Ctx::Field(f) => self.finish_field(f, buf),
            Ctx::IndicatorComment => {
                let text = fields::paragraphs(&buf, true);
                if let Some(i) = self.indicators.last_mut()
                    && !text.is_empty()
                {
                    i.comment = Some(text);
                }
            }
            Ctx::Indicators | Ctx::Activities => {}
            Ctx::Front | Ctx::Toc | Ctx::Loose => {
                for (no, l) in buf {
                    if let Some(l) = l {
                        self.unplace(no, &l);
                    }
                }
            }
        }
        if matches!(self.ctx, Ctx::Indicators | Ctx::Activities) {
            for (no, l) in std::mem::take(&mut self.pending) {
                let why = crate::i18n::current()
                    .t("tabellrad som inte förstods", "table row not understood");
                self.unplace(no, &format!("{why}: {l}"));
            }
            self.dates.clear();
        }
        self.ctx = Ctx::Loose;
    }

    fn finish_field(&mut self, f: Field, buf: Buf) {
        if !fields::has_text(&buf) {
            return;
        }
        let first_line = buf.iter().find(|(_, l)| l.is_some()).map_or(0, |(n, _)| *n);
        match (f, self.level) {
            (Field::Description, Level::Committee) => {
                let g = self.committee.last_mut().expect("level");
                g.description = fields::paragraphs(&buf, false);
            }
            (Field::Expected, Level::Committee) => {
                let g = self.committee.last_mut().expect("level");
                g.expected_results = fields::list(&buf, self.width, &self.lower);
            }
            (Field::Expected, Level::Unit) => {
                let g = self.unit.last_mut().expect("level");
                g.expected_results = fields::list(&buf, self.width, &self.lower);
            }
            (_, Level::Unit) => {
                let g = self.unit.last_mut().expect("level");
                let p = fields::to_points(&buf);
                let slot = match f {
                    Field::Ways => &mut g.ways_of_working,
                    Field::Resources => &mut g.resources,
                    Field::FollowUp => &mut g.follow_up,
                    Field::Development => &mut g.development,
                    _ => &mut g.comment,
                };
                if slot.is_empty() {
                    *slot = p;
                } else {
                    // A heading repeated within one goal: keep both texts.
                    let mut items: Vec<String> =
                        slot.items().iter().map(|s| s.to_string()).collect();
                    items.extend(p.items().iter().map(|s| s.to_string()));
                    *slot = Points::Numbered(items);
                }
            }
            _ => {
                for (no, l) in buf {
                    if let Some(l) = l {
                        self.unplace(no, &l);
                    }
                }
                let _ = first_line;
            }
        }
    }
}

pub fn walk(lines: &[Line]) -> Walk {
    let mut w = Walk::new();
    w.width = lines
        .iter()
        .filter(|l| !l.text.contains('\t'))
        .map(|l| l.text.trim().chars().count())
        .max()
        .unwrap_or(0)
        .max(40);
    w.lower = fields::lower_words(lines.iter().map(|l| l.text.as_str()));
    // The next heading after each line: a section heading inside a goal's
    // field is the field's own sub-heading when the goal goes on after it.
    let mut next = vec![None; lines.len()];
    let mut after: Option<Heading> = None;
    for (i, l) in lines.iter().enumerate().rev() {
        next[i] = after;
        let t = l.text.trim();
        if let Some((h, _)) = goal_heading(t) {
            after = Some(h);
        } else if let Some(h) = heading_kind(t) {
            after = Some(h);
        }
    }
    for (l, next) in lines.iter().zip(next) {
        step(&mut w, l, next);
    }
    w.close();
    w
}

fn step(w: &mut Walk, l: &Line, next: Option<Heading>) {
    let t = l.text.trim();
    let blank = t.is_empty();
    // Front matter: labelled lines before the document starts.
    if let Some(what) = w.expect_next.take() {
        if blank {
            w.expect_next = Some(what);
            return;
        }
        let named = looks_like_name(t);
        if heading_kind(t).is_none() && (named || !matches!(what, "chief" | "author")) {
            match what {
                "committee" => w.meta.committee = Some(t.to_string()),
                "unit" => w.meta.unit_name = Some(t.to_string()),
                _ => {
                    let from_author = what == "author";
                    if w.meta
                        .chief
                        .as_ref()
                        .is_none_or(|(_, a)| *a && !from_author)
                    {
                        w.meta.chief = Some((t.to_string(), from_author));
                    }
                }
            }
            return;
        }
    }
    if matches!(w.ctx, Ctx::Front | Ctx::Toc) && !blank && t.len() <= 400 {
        let f = fold(t);
        if let Some(rest) = t.strip_prefix("Dnr:").or_else(|| t.strip_prefix("Dnr")) {
            w.meta.dnr = Some(rest.trim().to_string());
            return;
        }
        if f == "till" {
            w.expect_next = Some("committee");
            return;
        }
        if let Some(rest) = t.strip_prefix("Till ")
            && w.meta.committee.is_none()
        {
            w.meta.committee = Some(rest.trim().to_string());
            return;
        }
        if let Some((year, name)) = title_line(t) {
            w.meta.year = Some(year);
            match name {
                Some(n) => w.meta.unit_name = Some(n.to_string()),
                None => w.expect_next = Some("unit"),
            }
            return;
        }
        if f == "innehallsforteckning" || f == "innehall" {
            w.ctx = Ctx::Toc;
            return;
        }
        if matches!(f.as_str(), "handlaggare" | "telefon")
            || f.starts_with("telefon")
            || f.starts_with("handlaggare")
        {
            if f == "handlaggare" {
                w.expect_next = Some("author");
            }
            return;
        }
        if let Some((label, rest)) = t.split_once(':').or(Some((t, "")))
            && matches!(
                fold(label).as_str(),
                "enhetschef" | "ansvarigchef" | "chef" | "ansvarigenhetschef" | "omradeschef"
            )
        {
            let rest = rest.trim();
            if rest.is_empty() {
                w.expect_next = Some("chief");
            } else if looks_like_name(rest) {
                w.meta.chief = Some((rest.to_string(), false));
            }
            return;
        }
        if tables::parse_date(t).is_some() {
            return;
        }
        if w.ctx == Ctx::Toc && is_toc_line(t) {
            return;
        }
    }
    if blank {
        match w.ctx {
            Ctx::Title(_) if !w.title.trim().is_empty() => w.close(),
            Ctx::Title(_) | Ctx::Indicators | Ctx::Activities => {}
            _ => w.buf.push((l.no, None)),
        }
        return;
    }
    // Headings.
    if let Some((h, rest)) = goal_heading(t) {
        w.close();
        if w.after_goals {
            w.after_goals = false;
        }
        w.ctx = Ctx::Title(h);
        w.title = rest.to_string();
        return;
    }
    if let Some(h) = heading_kind(t) {
        let h = match h {
            Heading::Field(_) if w.after_goals || w.level == Level::None => {
                Heading::Section(2, w.after_goals)
            }
            Heading::Field(Field::Comment) if matches!(w.ctx, Ctx::Indicators) => {
                w.close();
                w.ctx = Ctx::IndicatorComment;
                return;
            }
            h => h,
        };
        if let (Heading::Section(..), Ctx::Field(f)) = (h, w.ctx)
            && w.level != Level::None
            && goal_goes_on(f, next, t)
        {
            w.buf.push((l.no, Some(t.to_string())));
            return;
        }
        // A header's own later cells ("KF:s årsmål", "Periodicitet", "Slutdatum").
        w.close();
        match h {
            Heading::Section(level, after) => {
                let after = after || w.after_goals;
                if after {
                    w.after_goals = true;
                }
                let title = t.trim_end_matches(':').trim().to_string();
                let last_empty_same = w
                    .plan_sections
                    .last()
                    .is_some_and(|s| s.title == title && s.text.is_empty());
                if last_empty_same {
                    w.plan_sections.pop();
                }
                w.plan_sections.push(Section {
                    title,
                    level: i64::from(level),
                    after_goals: w.after_goals,
                    text: String::new(),
                });
                w.ctx = Ctx::Section;
            }
            Heading::Field(f) => w.ctx = Ctx::Field(f),
            Heading::IndicatorTable => {
                w.columns = tables::header_columns(t);
                w.ctx = Ctx::Indicators;
            }
            Heading::ActivityTable => w.ctx = Ctx::Activities,
            h => w.ctx = Ctx::Title(h),
        }
        return;
    }
    match w.ctx {
        Ctx::Title(_) => {
            if !w.title.is_empty() {
                w.title.push(' ');
            }
            w.title.push_str(t);
        }
        Ctx::Indicators => indicator_line(w, l.no, t),
        Ctx::IndicatorComment => {
            let named = tables::indicator_row(&[], t).is_some_and(|r| !r.values.is_empty());
            // "I varje verksamhet finns måltidsombud 100" / "% År": the
            // unit sign of the row's last value begins the line.
            let sign_split = tables::row_end(t)
                .is_some_and(|(_, head)| head.trim() == "%" || head.trim_start().starts_with("% "))
                && w.buf.last().is_some_and(|(_, l)| {
                    l.as_deref()
                        .and_then(|l| l.split_whitespace().last())
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                });
            if tables::row_end(t).is_some() && (named || sign_split || tables::values_only(t)) {
                // The next row's name may have begun on the lines before
                // its values: the lines after the comment's last sentence.
                let mut name = Vec::new();
                while let Some((no, Some(line))) = w.buf.last()
                    && !line.trim_end().ends_with(['.', '!', '?', ':'])
                {
                    name.insert(0, (*no, line.clone()));
                    w.buf.pop();
                }
                w.close();
                w.ctx = Ctx::Indicators;
                w.pending = name;
                indicator_line(w, l.no, t);
            } else {
                w.buf.push((l.no, Some(t.to_string())));
            }
        }
        Ctx::Activities => activity_line(w, l.no, t),
        Ctx::Front | Ctx::Toc => {
            w.ctx = Ctx::Front;
            w.unplace(l.no, t);
        }
        _ => w.buf.push((l.no, Some(t.to_string()))),
    }
}

/// Whether the goal whose field `f` is open goes on after a section
/// heading (`t`) whose next heading is `next`: a later field of the goal,
/// a table, or another goal. "Redovisning av ekonomi" always starts the
/// part after the goals (its "Resursanvändning" is not a goal's field).
fn goal_goes_on(f: Field, next: Option<Heading>, t: &str) -> bool {
    if fold(t).starts_with("redovisningavekonomi") {
        return false;
    }
    let order = |f: Field| f as u8;
    match next {
        Some(Heading::Field(g)) => order(g) > order(f),
        Some(Heading::Section(..)) | None => false,
        Some(_) => true,
    }
}
