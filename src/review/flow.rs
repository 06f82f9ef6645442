//! A unit's place in the flow for one period (ej påbörjad, utkast, klar,
//! återsänd, godkänd): from the follow-up's committed status, the id of
//! its file version, and the review on file.

use super::{Outcome, Review};
use crate::followup::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowState {
    /// No follow-up committed.
    NotStarted,
    /// Utkast or återöppnad (and not returned by a reviewer).
    Draft,
    /// Klar, not (or no longer) approved.
    Done,
    /// Sent back by a reviewer; until the chief commits klar again.
    Returned,
    /// Klar, and this very version approved.
    Approved,
}

impl FlowState {
    pub const ALL: [FlowState; 5] = [
        FlowState::NotStarted,
        FlowState::Draft,
        FlowState::Done,
        FlowState::Returned,
        FlowState::Approved,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            FlowState::NotStarted => "ej påbörjad",
            FlowState::Draft => "utkast",
            FlowState::Done => "klar",
            FlowState::Returned => "återsänd",
            FlowState::Approved => "godkänd",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            FlowState::NotStarted => "not started",
            FlowState::Draft => "draft",
            FlowState::Done => "done",
            FlowState::Returned => "returned",
            FlowState::Approved => "approved",
        }
    }

    /// The label in the program's language.
    pub fn label(self) -> &'static str {
        crate::i18n::current().t(self.label_sv(), self.label_en())
    }

    /// A symbol that carries the meaning without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            FlowState::NotStarted => "·",
            FlowState::Draft => "✎",
            FlowState::Done => "✓",
            FlowState::Returned => "↩",
            FlowState::Approved => "★",
        }
    }

    /// The state of a follow-up with `status` before any review is known.
    pub fn of_status(status: Status) -> FlowState {
        flow_state(Some(status), None, "", None)
    }

    /// Whether the unit's follow-up counts as handed in (klar or godkänd).
    pub fn is_done(self) -> bool {
        matches!(self, FlowState::Done | FlowState::Approved)
    }
}

/// The flow state of a follow-up committed with `status` (None: none
/// committed) whose file is the blob `followup_blob` (40 hex) and which
/// says it was reopened from `reopened_from` (empty: not said), given the
/// review on file. An approval counts only for the version it names: a
/// reopened or changed follow-up is no longer approved. A return counts
/// until the follow-up is klar again: a later reopen of another klar
/// version is the chief's own, not the old return.
pub fn flow_state(
    status: Option<Status>,
    followup_blob: Option<&str>,
    reopened_from: &str,
    review: Option<&Review>,
) -> FlowState {
    let Some(status) = status else {
        return FlowState::NotStarted;
    };
    match (status, review.map(|r| r.outcome)) {
        (Status::Done, Some(Outcome::Approved))
            if followup_blob.is_some_and(|b| {
                review.is_some_and(|r| r.reviewed.eq_ignore_ascii_case(b.trim()))
            }) =>
        {
            FlowState::Approved
        }
        (Status::Done, _) => FlowState::Done,
        (_, Some(Outcome::Returned))
            if reopened_from.is_empty()
                || review
                    .is_some_and(|r| r.reviewed.eq_ignore_ascii_case(reopened_from.trim())) =>
        {
            FlowState::Returned
        }
        _ => FlowState::Draft,
    }
}
