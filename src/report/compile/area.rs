//! Which area (område, avdelning) each unit belongs to, for grouping the
//! district's document. Until the workspace has a roster of areas every
//! unit stands under one heading, [`no_area`].

use std::collections::HashMap;

/// The heading of units that belong to no area.
pub fn no_area() -> &'static str {
    crate::i18n::current().t("(inget område)", "(no area)")
}

/// Each unit's area, by unit id.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    by_unit: HashMap<String, String>,
}

impl Areas {
    /// The areas of the workspace at `root` as committed on `branch`. A
    /// workspace without a roster has none.
    pub fn read(_root: &std::path::Path, _branch: &str) -> anyhow::Result<Areas> {
        Ok(Areas::default())
    }

    /// The area of `unit`, or [`no_area`].
    pub fn of<'a>(&'a self, unit: &str) -> &'a str {
        match self.by_unit.get(unit) {
            Some(area) => area,
            None => no_area(),
        }
    }
}
