//! Follow-ups: the record of one unit and period (model and file format),
//! checking it against its plan, the lints before committing, drafts that
//! survive anything, and committing it to the workspace's history.

pub mod carried;
pub mod carry;
pub mod commit;
pub mod draft;
pub mod limits;
pub mod lint;
pub mod load;
pub mod model;
pub mod period;
pub mod unit_parts;

pub use model::*;
pub use period::{Period, PeriodKind};

/// Where a unit's follow-up for a period lives in a workspace.
pub fn path(period: Period, unit: &str) -> String {
    format!("{}/{period}/{unit}.toml", crate::workspace::FOLLOWUPS_DIR)
}

/// The follow-up as TOML text, in plan order.
pub fn to_toml(f: &FollowUp) -> String {
    let mut out = String::from(
        "# Uppföljning: a tertial follow-up file (schema 1); see docs/followup-format.md.\n\n",
    );
    // Serializing our own plain structs cannot fail.
    out.push_str(&toml::to_string_pretty(f).unwrap_or_default());
    out
}
