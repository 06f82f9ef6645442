//! The text corpus of the generator: the bundled plans are parsed and
//! taken apart into pools (goal titles, expected results, ways of working,
//! follow-up points, activities, indicators, sentences of prose), and their
//! goal trees above the unit goals become templates for generated plans.
//! Years and the district are replaced by markers that [`fill`] sets again.

use crate::plan::{self, AreaGoal, CommitteeGoal, Indicator, KfGoal, Plan, Points};

/// Marks the plan year in harvested text.
const YEAR: &str = "{ÅR}";
/// Marks the stadsdelsnämnd in harvested text.
const SDN: &str = "{SDN}";
/// The district of the bundled plans.
const BUNDLED_SDN: &str = "Hägersten-Älvsjö";

/// A section heading of a template plan; its text is generated.
#[derive(Debug, Clone)]
pub struct SectionShape {
    pub title: String,
    pub level: i64,
    pub after_goals: bool,
    /// Paragraphs of text (0: a heading without text).
    pub paragraphs: usize,
}

/// The goal tree above the unit goals of one bundled plan.
#[derive(Debug, Clone)]
pub struct Template {
    /// Whether the plan is a beställarenhet's (myndighetsutövning).
    pub orderer: bool,
    pub sections: Vec<SectionShape>,
    pub kf_goals: Vec<KfGoal>,
    pub area_goals: Vec<AreaGoal>,
    pub committee_goals: Vec<CommitteeGoal>,
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub templates: Vec<Template>,
    pub goal_titles: Vec<String>,
    pub expected_results: Vec<String>,
    pub ways_of_working: Vec<String>,
    pub follow_up: Vec<String>,
    pub activities: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// Single sentences from every longer text of the plans.
    pub sentences: Vec<String>,
}

impl Corpus {
    /// Harvests `crate::plan::bundled::PLANS`.
    pub fn bundled() -> anyhow::Result<Corpus> {
        let mut c = Corpus::default();
        for (path, text) in plan::bundled::PLANS {
            let p = plan::parse_plan(path, text.as_bytes()).map_err(|d| {
                anyhow::anyhow!(
                    "bundled plan {path} does not load: {}",
                    d.first().map(|d| d.to_string()).unwrap_or_default()
                )
            })?;
            c.harvest(&p);
        }
        for pool in [
            &mut c.goal_titles,
            &mut c.expected_results,
            &mut c.ways_of_working,
            &mut c.follow_up,
            &mut c.activities,
            &mut c.sentences,
        ] {
            dedup(pool);
        }
        let mut names = std::collections::HashSet::new();
        c.indicators.retain(|i| names.insert(i.name.clone()));
        anyhow::ensure!(
            !c.templates.iter().any(|t| t.committee_goals.is_empty())
                && !c.templates.is_empty()
                && !c.goal_titles.is_empty()
                && !c.expected_results.is_empty()
                && !c.activities.is_empty()
                && !c.indicators.is_empty()
                && c.sentences.len() >= 20,
            "the bundled plans give too little text to generate from"
        );
        if c.ways_of_working.is_empty() {
            c.ways_of_working = c.sentences.clone();
        }
        if c.follow_up.is_empty() {
            c.follow_up = c.sentences.clone();
        }
        Ok(c)
    }

    fn harvest(&mut self, p: &Plan) {
        let year = p.unit.year.to_string();
        let mark = |s: &str| s.trim().replace(&year, YEAR).replace(BUNDLED_SDN, SDN);
        let mut template = Template {
            orderer: p.unit.id.contains("bestall"),
            sections: Vec::new(),
            kf_goals: p.kf_goals.clone(),
            area_goals: p.area_goals.clone(),
            committee_goals: Vec::new(),
        };
        for s in &p.sections {
            let paragraphs = s
                .text
                .split("\n\n")
                .filter(|t| !t.trim().is_empty())
                .count();
            template.sections.push(SectionShape {
                title: mark(&s.title),
                level: s.level,
                after_goals: s.after_goals,
                paragraphs: paragraphs.min(4),
            });
            self.add_sentences(&mark(&s.text));
        }
        for g in &p.committee_goals {
            let mut g = g.clone();
            g.description = mark(&g.description);
            g.expected_results = g.expected_results.iter().map(|e| mark(e)).collect();
            self.add_sentences(&g.description);
            template.committee_goals.push(g);
        }
        self.templates.push(template);
        for g in &p.unit_goals {
            self.goal_titles.push(mark(&g.title));
            self.expected_results
                .extend(g.expected_results.iter().map(|e| mark(e)));
            for item in points(&g.ways_of_working) {
                self.ways_of_working.push(mark(item));
                self.add_sentences(&mark(item));
            }
            for item in points(&g.follow_up) {
                self.follow_up.push(mark(item));
                self.add_sentences(&mark(item));
            }
            for field in [&g.resources, &g.development, &g.comment] {
                for item in field.items() {
                    self.add_sentences(&mark(item));
                }
            }
        }
        self.activities
            .extend(p.activities.iter().map(|a| mark(&a.text)));
        self.indicators.extend(p.indicators.iter().cloned());
    }

    fn add_sentences(&mut self, text: &str) {
        for s in sentences(text) {
            if (40..=400).contains(&s.len()) && s.ends_with('.') {
                self.sentences.push(s.to_string());
            }
        }
    }
}

/// The numbered points of a field, or its paragraphs when it is running text.
fn points(p: &Points) -> Vec<&str> {
    match p {
        Points::Numbered(v) => v
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect(),
        Points::Text(t) => t
            .split("\n\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    }
}

/// Splits text into sentences: at line ends, and after '.', '!' or '?'
/// followed by a space and an upper-case letter.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_start_matches(['-', '•', '*']).trim();
        let mut start = 0;
        let mut it = line.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if matches!(c, '.' | '!' | '?') {
                let rest = &line[i + c.len_utf8()..];
                let mut r = rest.chars();
                if r.next() == Some(' ') && r.next().is_some_and(char::is_uppercase) {
                    out.push(line[start..=i].trim());
                    start = i + 2;
                    it.next();
                }
            }
        }
        let last = line[start.min(line.len())..].trim();
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

fn dedup(pool: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    pool.retain(|s| !s.is_empty() && seen.insert(s.clone()));
}

/// Puts the plan year and the stadsdelsnämnd back into harvested text.
pub fn fill(text: &str, year: i32, sdn: &str) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    text.replace(YEAR, &year.to_string()).replace(SDN, sdn)
}

/// `n` sentences of `pool` joined into one paragraph.
pub fn paragraph(rng: &mut super::rng::Rng, pool: &[String], n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let s: &String = rng.pick(pool);
        out.push_str(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        assert_eq!(
            sentences("Vi arbetar. Det går bra t.ex. här. Klart!\n- Punkt två."),
            vec![
                "Vi arbetar.",
                "Det går bra t.ex. här.",
                "Klart!",
                "Punkt två."
            ]
        );
        assert_eq!(sentences("Åtta. Ökar."), vec!["Åtta.", "Ökar."]);
    }

    #[test]
    fn the_bundled_plans_give_enough_text() {
        let c = Corpus::bundled().unwrap();
        assert_eq!(c.templates.len(), plan::bundled::PLANS.len());
        assert!(c.sentences.len() > 100, "{}", c.sentences.len());
        assert!(c.expected_results.len() > 40);
        assert!(c.indicators.len() >= 8);
        assert!(c.sentences.iter().any(|s| s.contains(YEAR)));
        assert_eq!(
            fill("Budget {ÅR} i {SDN}", 2023, "Farsta"),
            "Budget 2023 i Farsta"
        );
    }
}
