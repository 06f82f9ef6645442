//! Who may push what: each pushed commit's changes against the roster as
//! it was at the commit's parent (placeholder until the roster lands).

use super::pusher::Pusher;
use crate::i18n::Lang;
use crate::repo::{Oid, Repository};

pub(super) fn refusals(
    _repo: &Repository,
    _commits: &[Oid],
    _pusher: &Pusher,
    _lang: Lang,
) -> Vec<String> {
    Vec::new()
}
