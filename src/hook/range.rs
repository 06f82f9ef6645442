//! `verify`'s rules over a push: each pushed commit judged by
//! `history::rules::check_range` against the roster at its parent, with
//! signatures required where `tertial.toml` at that parent says
//! `require_signed = true` under `[verify]` (so the setting a push finds
//! on the server, or one an earlier commit of the same push made, holds).

use crate::history::rules::{VerifyOptions, check_range};
use crate::history::verify::signing_required;
use crate::repo::{self, Oid, Repository};

/// What verify finds in `commits` (oldest first), as lines for the pusher.
pub(super) fn findings(repo: &Repository, commits: &[Oid]) -> Vec<String> {
    let mut out = Vec::new();
    for &commit in commits {
        let parent = match repo::pushed::first_parent(repo, commit) {
            Ok(p) => p,
            Err(e) => {
                out.push(e.git_message());
                continue;
            }
        };
        let opts = VerifyOptions {
            require_signed: parent.is_some_and(|p| signing_required(repo, p)),
            // The server is where the witness lives: no remote to ask.
            remote: None,
        };
        // From the parent to the commit: this commit alone (a root commit:
        // its history is itself).
        for finding in check_range(repo, parent, commit, &opts) {
            out.push(crate::sanitize::line(&finding.to_string()).into_owned());
        }
    }
    out
}
