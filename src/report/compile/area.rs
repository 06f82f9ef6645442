//! Which area (område, avdelning) each unit belongs to, for grouping the
//! district's document: the roster's areas as committed on the branch. A
//! unit in no area, and every unit of a workspace without a roster,
//! stands under one heading, [`no_area`].

use std::collections::HashMap;

/// The heading of units that belong to no area.
pub fn no_area() -> &'static str {
    crate::i18n::current().t("(inget område)", "(no area)")
}

/// Each unit's area (name and id), by unit id.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    by_unit: HashMap<String, (String, String)>,
}

impl Areas {
    /// The areas of the roster committed on `branch` of the workspace at
    /// `root`; none without a roster. A unit the roster puts in two areas
    /// is shown under the first.
    pub fn read(root: &std::path::Path, branch: &str) -> anyhow::Result<Areas> {
        let repo = crate::repo::open(root)?;
        let Some(roster) = crate::roster::at_tip(&repo, branch)? else {
            return Ok(Areas::default());
        };
        Ok(Areas::of_roster(&roster))
    }

    pub fn of_roster(roster: &crate::roster::Roster) -> Areas {
        let mut by_unit = HashMap::new();
        for a in &roster.areas {
            let name = if a.name.trim().is_empty() {
                a.id.clone()
            } else {
                a.name.trim().to_string()
            };
            for u in &a.units {
                by_unit
                    .entry(u.clone())
                    .or_insert_with(|| (name.clone(), a.id.clone()));
            }
        }
        Areas { by_unit }
    }

    /// The area of `unit`, or [`no_area`].
    pub fn of<'a>(&'a self, unit: &str) -> &'a str {
        match self.by_unit.get(unit) {
            Some((name, _)) => name,
            None => no_area(),
        }
    }

    /// Whether `wanted` (as people type it: case and spacing do not
    /// matter) names the area of `unit`, by its name or its id.
    pub fn is_in(&self, unit: &str, wanted: &str) -> bool {
        let wanted = crate::overview::normalise(wanted);
        let same = |s: &str| crate::overview::normalise(s) == wanted;
        match self.by_unit.get(unit) {
            Some((name, id)) => same(name) || same(id),
            None => same(no_area()),
        }
    }
}
