//! The document walk: a state machine over the cleaned lines that builds
//! the goal tree, the sections, the tables, and collects what it cannot
//! place.

use super::classify::{Field, Heading, fold, goal_heading, heading_kind};
use super::fields::{self, Buf};
use super::tables;
use super::text::Line;
use crate::plan::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
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
    level: Level,
    after_goals: bool,
    buf: Buf,
    title: String,
    pending: Vec<(usize, String)>,
    dates: Vec<Date>,
    expect_next: Option<&'static str>,
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
        }
    }

    fn parent_id(&self) -> Option<String> {
        match self.level {
            Level::None => None,
            Level::Kf => self.kf.last().map(|g| g.id.clone()),
            Level::Area => self.area.last().map(|g| g.id.clone()),
            Level::Committee => self.committee.last().map(|g| g.id.clone()),
            Level::Unit => self.unit.last().map(|g| g.id.clone()),
        }
    }

    fn unplace(&mut self, no: usize, text: &str) {
        let t = text.trim();
        if !t.is_empty() {
            self.unplaced.push((no, t.to_string()));
        }
    }

    /// Ends the current context, storing what it gathered.
    fn close(&mut self) {
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
                self.unplace(no, &format!("table row not understood: {l}"));
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
                g.expected_results = fields::bullets(&buf);
            }
            (Field::Expected, Level::Unit) => {
                let g = self.unit.last_mut().expect("level");
                g.expected_results = fields::points(&buf, true);
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

    fn finish_title(&mut self, h: Heading) {
        let title = std::mem::take(&mut self.title).trim().to_string();
        match h {
            Heading::KfGoal => {
                let (id, t) = split_number(&title, self.kf.len() + 1, "K");
                if !self.kf.iter().any(|g| g.id == id) {
                    self.kf.push(KfGoal {
                        id,
                        title: nonempty(t),
                    });
                } else if let Some(pos) = self.kf.iter().position(|g| g.id == id) {
                    let g = self.kf.remove(pos);
                    self.kf.push(g);
                }
                self.level = Level::Kf;
            }
            Heading::AreaGoal => {
                let (id, t) = split_number(&title, self.area.len() + 1, "O");
                let kf_goal = match self.kf.last() {
                    Some(k) => k.id.clone(),
                    None => {
                        // The area's number names its KF goal: "2.1" → "2".
                        let kid = id.split('.').next().unwrap_or("1").to_string();
                        self.kf.push(KfGoal {
                            id: kid.clone(),
                            title: "(KF:s inriktningsmål saknas i källan)".into(),
                        });
                        kid
                    }
                };
                if let Some(pos) = self.area.iter().position(|g| g.id == id) {
                    let g = self.area.remove(pos);
                    self.area.push(g);
                } else {
                    self.area.push(AreaGoal {
                        id,
                        kf_goal,
                        title: nonempty(t),
                    });
                }
                self.level = Level::Area;
            }
            Heading::CommitteeGoal => {
                let area_goal = self.ensure_area();
                let id = format!("N{}", self.committee.len() + 1);
                self.committee.push(CommitteeGoal {
                    id,
                    area_goal,
                    title: nonempty(&title),
                    description: String::new(),
                    expected_results: Vec::new(),
                });
                self.level = Level::Committee;
            }
            Heading::UnitGoal => {
                let committee_goal = self.ensure_committee();
                let id = format!("E{}", self.unit.len() + 1);
                let title = strip_emphasis(&title);
                self.unit.push(UnitGoal {
                    id,
                    committee_goal,
                    title: nonempty(&title),
                    expected_results: Vec::new(),
                    ways_of_working: Points::default(),
                    resources: Points::default(),
                    follow_up: Points::default(),
                    development: Points::default(),
                    comment: Points::default(),
                });
                self.level = Level::Unit;
            }
            _ => {}
        }
    }

    fn ensure_area(&mut self) -> String {
        if let Some(a) = self.area.last() {
            return a.id.clone();
        }
        if self.kf.is_empty() {
            self.kf.push(KfGoal {
                id: "K0".into(),
                title: "(KF:s inriktningsmål saknas i källan)".into(),
            });
        }
        let kf_goal = self.kf.last().expect("just ensured").id.clone();
        self.area.push(AreaGoal {
            id: "O0".into(),
            kf_goal,
            title: "(KF:s mål för verksamhetsområdet saknas i källan)".into(),
        });
        "O0".into()
    }

    fn ensure_committee(&mut self) -> String {
        if let Some(c) = self.committee.last() {
            return c.id.clone();
        }
        let area_goal = self.ensure_area();
        self.committee.push(CommitteeGoal {
            id: "N0".into(),
            area_goal,
            title: "(nämndmål saknas i källan)".into(),
            description: String::new(),
            expected_results: Vec::new(),
        });
        "N0".into()
    }
}

fn nonempty(s: &str) -> String {
    if s.trim().is_empty() {
        "(rubrik saknas i källan)".into()
    } else {
        s.trim().to_string()
    }
}

/// "*Enheten arbetar …*" → "Enheten arbetar …" (emphasis marks of the export).
pub fn strip_emphasis(s: &str) -> String {
    if s.matches('*').count() >= 2 {
        s.replace('*', "").trim().to_string()
    } else {
        s.to_string()
    }
}

/// "1.4 Stockholm ska …" → ("1.4", "Stockholm ska …"); "1. Ett …" → ("1", …).
fn split_number<'a>(t: &'a str, n: usize, prefix: &str) -> (String, &'a str) {
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let id = num.trim_end_matches('.').to_string();
    if id.is_empty() || !id.starts_with(|c: char| c.is_ascii_digit()) {
        return (format!("{prefix}{n}"), t);
    }
    (id, t[num.len()..].trim_start())
}

/// "Anna Andersson", "AnneCharlotte Persson", "Karl-Erik af Ek": two to
/// five words of letters, the first and last capitalised.
pub fn looks_like_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=5).contains(&words.len())
        && t.chars().count() <= 60
        && words.first().is_some_and(cap)
        && words.last().is_some_and(cap)
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.'))
}

fn is_toc_line(t: &str) -> bool {
    let t = t.trim_end();
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || digits == t.len() {
        return false;
    }
    let head = &t[..t.len() - digits];
    head.ends_with('\t')
        || head.trim_end().ends_with("..")
        || (head.ends_with(' ') && heading_kind(head.trim()).is_some())
}

pub fn walk(lines: &[Line]) -> Walk {
    let mut w = Walk::new();
    for l in lines {
        step(&mut w, l);
    }
    w.close();
    w
}

fn step(w: &mut Walk, l: &Line) {
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
    if matches!(w.ctx, Ctx::Front | Ctx::Toc) && !blank {
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
        if f.starts_with("verksamhetsplan") && f.len() == 19 {
            w.meta.year = f[15..].parse().ok();
            w.expect_next = Some("unit");
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
            Heading::IndicatorTable => w.ctx = Ctx::Indicators,
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
            if tables::row_end(t).is_some()
                && tables::indicator_row(&[], t).is_some_and(|r| !r.values.is_empty())
            {
                w.close();
                w.ctx = Ctx::Indicators;
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

fn is_header_cell(t: &str) -> bool {
    let f = fold(t);
    f.starts_with("kfsarsmal")
        || f == "periodicitet"
        || f == "arsmal"
        || f == "slutdatum"
        || f == "startdatum"
}

fn indicator_line(w: &mut Walk, no: usize, t: &str) {
    if is_header_cell(t) {
        return;
    }
    if let Some(row) = tables::indicator_row(
        &w.pending.iter().map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        t,
    ) {
        w.pending.clear();
        let Some(parent) = w.parent_id() else {
            w.unplace(no, &format!("indicator outside any goal: {t}"));
            return;
        };
        let clean = |v: &String| Some(v.trim().to_string()).filter(|s| !s.is_empty());
        let (annual, kf) = match (row.tabbed, row.values.len()) {
            (_, 0) => (None, None),
            (true, _) | (false, 2..) => (
                row.values.first().and_then(clean),
                row.values.get(1).and_then(clean),
            ),
            (false, _) => {
                let v = clean(&row.values[0]);
                let text = v
                    .as_deref()
                    .is_some_and(|s| !s.starts_with(|c: char| c.is_ascii_digit()));
                if text || matches!(w.level, Level::Kf | Level::Area) {
                    (None, v)
                } else {
                    (v, None)
                }
            }
        };
        let better = tables::better(
            &row.name,
            &[
                annual.clone().unwrap_or_default(),
                kf.clone().unwrap_or_default(),
            ],
        );
        let id = format!("I{}", w.indicators.len() + 1);
        w.indicators.push(Indicator {
            id,
            parent,
            name: nonempty(&row.name),
            annual_target: annual,
            kf_target: kf,
            periodicity: row.periodicity,
            by_sex: tables::by_sex(&row.name),
            better,
            comment: None,
        });
        return;
    }
    let lower = t.chars().next().is_some_and(|c| c.is_lowercase());
    let stripped = tables::strip_icon(t);
    if w.pending.is_empty()
        && (lower || stripped.chars().next().is_some_and(|c| c.is_lowercase()))
        && let Some(i) = w.indicators.last_mut()
    {
        i.name.push(' ');
        i.name.push_str(stripped);
        i.by_sex = tables::by_sex(&i.name);
        return;
    }
    w.pending.push((no, t.to_string()));
}

fn activity_line(w: &mut Walk, no: usize, t: &str) {
    if is_header_cell(t) {
        return;
    }
    let (dates, rest) = tables::take_dates(t);
    let starts_cont = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, '"' | '”' | '(' | '–' | '—'));
    if dates.is_empty()
        && w.pending.is_empty()
        && w.dates.is_empty()
        && starts_cont
        && let Some(a) = w.activities.last_mut()
    {
        a.text.push(' ');
        a.text.push_str(&rest);
        return;
    }
    if !rest.is_empty() {
        w.pending.push((no, rest));
    }
    w.dates.extend(dates);
    if w.dates.len() >= 2 {
        let text = w
            .pending
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let first = w.pending.first().map_or(no, |(n, _)| *n);
        let (start, end) = (w.dates[0], w.dates[1]);
        w.pending.clear();
        w.dates.clear();
        let Some(parent) = w.parent_id() else {
            w.unplace(first, &format!("activity outside any goal: {text}"));
            return;
        };
        if text.trim().is_empty() {
            w.unplace(no, "activity dates without a text");
            return;
        }
        let (start, end) = if end < start {
            w.unplace(no, "activity ends before it starts; dates swapped");
            (end, start)
        } else {
            (start, end)
        };
        let id = format!("A{}", w.activities.len() + 1);
        w.activities.push(Activity {
            id,
            parent,
            text,
            start,
            end,
        });
    }
}
