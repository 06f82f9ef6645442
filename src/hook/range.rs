//! `verify`'s rules over the pushed range (placeholder until check_range lands).

use crate::i18n::Lang;
use crate::repo::{Oid, Repository};

pub(super) fn findings(
    _repo: &Repository,
    _old: Option<Oid>,
    _new: Oid,
    _lang: Lang,
) -> Vec<String> {
    Vec::new()
}
