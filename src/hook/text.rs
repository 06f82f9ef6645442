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
