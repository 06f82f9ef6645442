//! What the hook says to the pusher (git shows it prefixed "remote:"), in
//! the pusher's language where their ssh passes LANG on (Swedish by
//! default). Every name taken from a push is made safe to show by the caller.

use super::updates::Rewrite;
use crate::i18n::Lang;

pub fn no_pusher(lang: Lang) -> String {
    let vars = super::pusher::VARIABLES.join(", ");
    match lang {
        Lang::Sv => format!(
            "servern säger inte vem som skickar ({vars}: ingen är satt), så ingen behörighet kan prövas. Administratören ställer in det: för vanlig SSH med command=\"TERTIAL_USER=<id> git-shell -c \\\"$SSH_ORIGINAL_COMMAND\\\"\" på varje nyckel i authorized_keys (se docs/server.md)"
        ),
        Lang::En => format!(
            "the server does not say who is pushing (none of {vars} is set), so no right can be checked. The administrator sets it up: for plain SSH with command=\"TERTIAL_USER=<id> git-shell -c \\\"$SSH_ORIGINAL_COMMAND\\\"\" on each key in authorized_keys (see docs/server.md)"
        ),
    }
}

pub fn bad_line(lang: Lang, line: usize, text: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "standard in, rad {line}: väntade \"<gammal> <ny> <referens>\", fick \"{text}\""
        ),
        Lang::En => {
            format!("standard input, line {line}: expected \"<old> <new> <ref>\", got \"{text}\"")
        }
    }
}

pub fn cannot_read(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Sv => format!("kan inte läsa det som skickas: {why}"),
        Lang::En => format!("cannot read the push: {why}"),
    }
}

pub fn rewrite(lang: Lang, name: &str, how: &Rewrite) -> String {
    let short = |o: &crate::repo::Oid| o.to_string()[..10].to_string();
    match (lang, how) {
        (Lang::Sv, Rewrite::Deleted) => {
            format!("{name} får inte tas bort: den håller publicerad historik")
        }
        (Lang::En, Rewrite::Deleted) => {
            format!("{name} may not be deleted: it holds published history")
        }
        (Lang::Sv, Rewrite::NotForward { old, new }) => format!(
            "{name}: {} innehåller inte {}, så pushen skulle skriva om publicerad historik. Hämta och lägg dina ändringar ovanpå (tertial sync)",
            short(new),
            short(old)
        ),
        (Lang::En, Rewrite::NotForward { old, new }) => format!(
            "{name}: {} does not contain {}, so the push would rewrite published history. Fetch and put your changes on top (tertial sync)",
            short(new),
            short(old)
        ),
        (Lang::Sv, Rewrite::TagMoved) => {
            format!("{name}: en klar-tagg flyttas aldrig")
        }
        (Lang::En, Rewrite::TagMoved) => format!("{name}: a klar tag never moves"),
    }
}

/// The header of a refused push and its reasons, one a line.
pub fn refused(lang: Lang, reasons: &[String]) -> String {
    let head = match lang {
        Lang::Sv => "tertial: pushen avvisas:",
        Lang::En => "tertial: push refused:",
    };
    let mut out = String::from(head);
    for r in reasons {
        out.push_str("\ntertial:   - ");
        out.push_str(r);
    }
    out
}

/// The line of an accepted push.
pub fn accepted(lang: Lang, pusher: &str, commits: usize) -> String {
    match lang {
        Lang::Sv => format!(
            "tertial: pushen godkänns ({pusher}; {} granskade)",
            lang.count(
                commits,
                ("incheckning", "incheckningar"),
                ("commit", "commits")
            )
        ),
        Lang::En => format!(
            "tertial: push accepted ({pusher}; {} checked)",
            lang.count(
                commits,
                ("incheckning", "incheckningar"),
                ("commit", "commits")
            )
        ),
    }
}

pub fn no_roster(lang: Lang) -> String {
    match lang {
        Lang::Sv => "arbetsytan har ingen roster.toml, så servern kan inte pröva vem som får skriva vad; lägg till en (docs/roster.md)".into(),
        Lang::En => "the workspace has no roster.toml, so the server cannot tell who may write what; add one (docs/roster.md)".into(),
    }
}

pub fn bad_roster(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Sv => format!("rollistan går inte att läsa, så ingen behörighet kan prövas: {why}"),
        Lang::En => format!("the roster cannot be read, so no right can be checked: {why}"),
    }
}

pub fn unknown_pusher(lang: Lang, pusher: &str, source: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "\"{pusher}\" (servern säger det med {source}) finns inte i roster.toml: varken som id under [people] eller som e-postadress"
        ),
        Lang::En => format!(
            "\"{pusher}\" (as the server says with {source}) is not in roster.toml: neither as an id under [people] nor as an e-mail address"
        ),
    }
}

/// `who` may not write `unit` (the file `path`); `writers` may.
pub fn may_not_write(lang: Lang, who: &str, unit: &str, path: &str, writers: &str) -> String {
    match (lang, writers.is_empty()) {
        (Lang::Sv, false) => {
            format!("{who} får inte skriva enheten {unit} ({path}); det får {writers}")
        }
        (Lang::Sv, true) => format!(
            "{who} får inte skriva enheten {unit} ({path}); ingen får det förrän enheten läggs till i roster.toml"
        ),
        (Lang::En, false) => {
            format!("{who} may not write the unit {unit} ({path}); {writers} may")
        }
        (Lang::En, true) => format!(
            "{who} may not write the unit {unit} ({path}); no one may until the unit is added to roster.toml"
        ),
    }
}

/// `who` may not review `unit` (the review file `path`); `reviewers` may.
pub fn may_not_review(lang: Lang, who: &str, unit: &str, path: &str, reviewers: &str) -> String {
    let reviewers = if reviewers.is_empty() {
        "–"
    } else {
        reviewers
    };
    match lang {
        Lang::Sv => format!(
            "{who} får inte granska enheten {unit} ({path}); det får enhetens områdeschefer: {reviewers}"
        ),
        Lang::En => format!(
            "{who} may not review the unit {unit} ({path}); the unit's area chiefs may: {reviewers}"
        ),
    }
}

/// `who` may not change `path`, which belongs to those who may change the roster.
pub fn may_not_change(lang: Lang, who: &str, path: &str, admins: &str) -> String {
    let admins = if admins.is_empty() { "–" } else { admins };
    match lang {
        Lang::Sv => {
            format!("{who} får inte ändra {path}; det får de som får ändra rollistan: {admins}")
        }
        Lang::En => {
            format!("{who} may not change {path}; those who may change the roster may: {admins}")
        }
    }
}
