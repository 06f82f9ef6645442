//! Building the goal tree as the walk closes each goal heading: ids from
//! the document's numbers, parents, and placeholders where a level is
//! missing from the text.

use super::classify::Heading;
use super::parse::{Level, Walk};
use crate::plan::*;

impl Walk {
    pub(super) fn finish_title(&mut self, h: Heading) {
        let title = std::mem::take(&mut self.title).trim().to_string();
        match h {
            Heading::KfGoal => {
                let (id, t) = split_number(&title, self.kf.len() + 1, "K");
                if !self.kf.iter().any(|g| g.id == id) {
                    // Ids are unique across kinds: an area goal may be "3".
                    let id = if self.is_taken(&id) {
                        self.next_free("K")
                    } else {
                        id
                    };
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
                        let kid = if kid == id || self.is_taken(&kid) {
                            self.next_free("K")
                        } else {
                            kid
                        };
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
                    let id = if self.is_taken(&id) {
                        self.next_free("O")
                    } else {
                        id
                    };
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

    /// Whether a KF or area goal has this id (the other kinds' ids have
    /// letters of their own: N, E, I, A).
    fn is_taken(&self, id: &str) -> bool {
        self.kf.iter().any(|g| g.id == id) || self.area.iter().any(|g| g.id == id)
    }

    /// The first free id of `prefix` and a number.
    fn next_free(&self, prefix: &str) -> String {
        let mut n = self.kf.len() + self.area.len();
        loop {
            let id = format!("{prefix}{n}");
            if !self.is_taken(&id) {
                return id;
            }
            n += 1;
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

pub(super) fn nonempty(s: &str) -> String {
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
pub(super) fn split_number<'a>(t: &'a str, n: usize, prefix: &str) -> (String, &'a str) {
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
