//! The words of `tertial verify`: each finding and signature state, in
//! the program's language (`crate::i18n::current`).

use super::verify::{Finding, Signature};

impl Signature {
    /// In the program's language (`crate::i18n::current`).
    pub fn label(self) -> &'static str {
        let l = crate::i18n::current();
        match self {
            Signature::Good => l.t("giltig", "good"),
            Signature::Bad => l.t("ogiltig", "bad"),
            Signature::UnknownKey => l.t("okänd nyckel", "unknown key"),
            Signature::Expired => l.t("utgången", "expired"),
            Signature::Unsigned => l.t("osignerad", "unsigned"),
        }
    }
}

/// In the program's language (`crate::i18n::current`).
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::sanitize::line as s;
        let l = crate::i18n::current();
        match self {
            Finding::NotByTertial { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "ändrad av en commit som tertial inte gjort (trailers saknas eller är ofullständiga)",
                    "changed by a commit tertial did not make (no or incomplete trailers)"
                )
            ),
            Finding::OutsideOwn {
                commit,
                path,
                unit,
                period,
            } => write!(
                f,
                "{commit}: {} {} {} {} ({})",
                s(path),
                l.t(
                    "ändrad av uppföljningscommiten för",
                    "changed by the follow-up commit of"
                ),
                s(unit),
                s(period),
                l.t(
                    "utanför dess egen enhet och period",
                    "outside its own unit and period"
                )
            ),
            Finding::Contradiction { commit, what } => write!(
                f,
                "{commit}: {}: {}",
                l.t(
                    "trailers motsäger innehållet",
                    "trailers contradict the content"
                ),
                s(what)
            ),
            Finding::Rewritten { anchor, commit } => write!(
                f,
                "{}: {} ({commit}) {}",
                l.t("historiken omskriven", "history rewritten"),
                s(anchor),
                l.t(
                    "ingår inte längre i grenen",
                    "is no longer part of the branch"
                )
            ),
            Finding::Corrupt { what } => {
                write!(f, "{}: {}", l.t("skadat objekt", "corrupt object"), s(what))
            }
            Finding::Signature { commit, status } => write!(
                f,
                "{commit}: {} {}",
                l.t("signatur", "signature"),
                status.label()
            ),
        }
    }
}

pub(super) fn but_file_says() -> &'static str {
    crate::i18n::current().t("men filen säger", "but the file says")
}
