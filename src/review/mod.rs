//! Review and approval of committed follow-ups by the area chiefs: the
//! review file (`reviews/<period>/<unit>.toml`), a unit's place in the
//! flow (ej påbörjad → utkast → klar → återsänd/godkänd), and the two
//! commits a reviewer makes (return with remarks, approve). See
//! docs/review.md.

pub mod command;
pub mod commit;
pub mod flow;
pub mod model;
pub mod read;
pub mod status;

pub use commit::{commit_approve, commit_return, reviewer_id};
pub use flow::{FlowState, flow_state};
pub use model::{Outcome, Remark, Review, Target};
pub use read::{at_tip, path};

use crate::diag::Diagnostic;
use crate::repo::RepoError;

/// The folder review files live in, at the workspace root.
pub const REVIEWS_DIR: &str = "reviews";

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The file's problems, each with file:line:col.
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<String>().trim_end())]
    Invalid(Vec<Diagnostic>),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[cfg(test)]
mod tests;
