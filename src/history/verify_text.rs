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
            Finding::Review { commit, what } => write!(f, "{commit}: {what}"),
            Finding::NotOnRoster {
                commit,
                unit,
                author,
                writers,
            } => write!(
                f,
                "{commit}: {} {} {}; {}: {}",
                s(author),
                l.t("står inte i förteckningen för", "is not on the roster of"),
                s(unit),
                l.t("får skriva", "may write"),
                nobody_or(writers)
            ),
            Finding::ReopenNotAllowed {
                commit,
                unit,
                author,
                allowed,
            } => write!(
                f,
                "{commit}: {} {} {}; {}: {}",
                s(author),
                l.t("får inte återöppna", "may not reopen"),
                s(unit),
                l.t("får återöppna", "may reopen"),
                nobody_or(allowed)
            ),
            Finding::KlarChanged { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "var klar och ändrades utan att återöppnas",
                    "was klar and changed without a reopen"
                )
            ),
            Finding::ReopenWithoutReason { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "återöppnad utan motivering (Reopen-Reason)",
                    "reopened without a reason (Reopen-Reason)"
                )
            ),
            Finding::ReopenedFromChanged { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "ändrar reopened_from utan att återöppna (det sätter bara en återöppning)",
                    "changes reopened_from without reopening (only a reopen sets it)"
                )
            ),
            Finding::ReopenChangedText { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "återöppnades och ändrades i samma commit (en återöppning ändrar bara status)",
                    "was reopened and changed in the same commit (a reopen changes only the status)"
                )
            ),
            Finding::ReopenedNotKlar { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t(
                    "satt till återöppnad fast den inte var klar",
                    "set to återöppnad though it was not klar"
                )
            ),
            Finding::PathMismatch {
                commit,
                path,
                unit,
                period,
            } => write!(
                f,
                "{commit}: {} {} {} {}",
                s(path),
                l.t("gäller enligt filen", "says inside it is for"),
                s(unit),
                s(period)
            ),
            Finding::Unreadable { commit, path } => write!(
                f,
                "{commit}: {} {}",
                s(path),
                l.t("är inte en läsbar uppföljning", "is not a readable follow-up")
            ),
            Finding::RosterChange {
                commit,
                author,
                allowed,
            } => write!(
                f,
                "{commit}: {} {} {}; {}: {}",
                crate::roster::ROSTER_FILE,
                l.t("ändrad av", "changed by"),
                s(author),
                l.t("får ändra den", "may change it"),
                nobody_or(allowed)
            ),
            Finding::WordListChange { commit, author } => write!(
                f,
                "{commit}: {} {} {}; {}",
                crate::spell::words::WORKSPACE_FILE,
                l.t("ändrad av", "changed by"),
                s(author),
                l.t(
                    "den får ändras av enheternas och områdenas chefer och av dem som får ändra roster.toml",
                    "it may be changed by the units' and areas' chiefs and by those who may change roster.toml"
                ),
            ),
            Finding::RosterInvalid { commit, what } => write!(
                f,
                "{commit}: {}: {}",
                l.t("ogiltig förteckning", "invalid roster"),
                s(what)
            ),
            Finding::BranchMissing { branch } => write!(
                f,
                "{}: {} {} {}",
                l.t("historiken omskriven", "history rewritten"),
                l.t("grenen", "the branch"),
                s(branch),
                l.t(
                    "saknas fast tertial har gjort incheckningar på den",
                    "is missing though tertial has committed on it"
                )
            ),
            Finding::BehindRemote { remote, commit } => write!(
                f,
                "{}: {} ({commit}) {}",
                l.t("historiken omskriven", "history rewritten"),
                s(remote),
                l.t(
                    "har incheckningar som grenen saknar (kör tertial sync om den bara ligger efter)",
                    "has commits the branch lacks (run tertial sync if it is only behind)"
                )
            ),
            Finding::RemoteUnread { remote, why } => write!(
                f,
                "{}: {} ({})",
                s(remote),
                l.t(
                    "gick inte att fråga; historiken är inte jämförd med servern",
                    "could not be asked; the history is not compared with the server"
                ),
                s(why)
            ),
            Finding::TagSignature { tag, status } => write!(
                f,
                "{}: {} {}",
                s(tag),
                l.t("taggens signatur", "tag signature"),
                status.label()
            ),
        }
    }
}

fn nobody_or(list: &str) -> String {
    if list.is_empty() {
        crate::i18n::current()
            .t(
                "ingen (enheten finns inte i roster.toml)",
                "nobody (the unit is not in roster.toml)",
            )
            .to_string()
    } else {
        crate::sanitize::line(list).into_owned()
    }
}

pub(super) fn but_file_says() -> &'static str {
    crate::i18n::current().t("men filen säger", "but the file says")
}
