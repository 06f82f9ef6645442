//! Whether the person about to write a unit may: asked before any typing
//! (the program when a unit is opened, `tertial record` before it reads
//! the file), by the roster at the branch tip.

use super::{Person, Roster, RosterError};
use crate::repo::{self, Identity, Repository};

/// The person `who` is by the roster: by e-mail, else by the signing key
/// git config names.
pub fn whom<'a>(roster: &'a Roster, repo: &Repository, who: &Identity) -> Option<&'a Person> {
    roster.person_by_email(&who.email).or_else(|| {
        let signer = repo::sign::Signer::from_config(repo).ok()??;
        roster.person_by_key(&signer.public_key()?)
    })
}

/// Why `who` may not write `unit` (reopen it, when `reopening`), in the
/// program's language and sanitized, naming who may; None when they may,
/// or when the workspace has no roster.
pub fn refusal(
    repo: &Repository,
    branch: &str,
    unit: &str,
    who: &Identity,
    reopening: bool,
) -> Result<Option<String>, RosterError> {
    let Some(roster) = super::at_tip(repo, branch)? else {
        return Ok(None);
    };
    let person = whom(&roster, repo, who);
    let allowed = |id: &str| {
        if reopening {
            roster.may_reopen(unit, id)
        } else {
            roster.may_write(unit, id)
        }
    };
    if person.is_some_and(|p| allowed(&p.id)) {
        return Ok(None);
    }
    let may: Vec<&Person> = if reopening {
        roster
            .people
            .iter()
            .filter(|p| roster.may_reopen(unit, &p.id))
            .collect()
    } else {
        roster.writers(unit)
    };
    let may = if may.is_empty() {
        crate::i18n::current()
            .t(
                "ingen: enheten finns inte i roster.toml",
                "nobody: the unit is not in roster.toml",
            )
            .to_string()
    } else {
        Roster::describe(&may)
    };
    let you = crate::sanitize::line(&format!("{} <{}>", who.name, who.email)).into_owned();
    let unit = crate::sanitize::line(unit).into_owned();
    let l = crate::i18n::current();
    Ok(Some(match (person, reopening) {
        (None, _) => l.pick(
            format!("{you} står inte i roster.toml och får inte skriva {unit}; det får: {may}"),
            format!("{you} is not in roster.toml and may not write {unit}; who may: {may}"),
        ),
        (Some(_), false) => l.pick(
            format!("{you} får inte skriva {unit}; det får: {may}"),
            format!("{you} may not write {unit}; who may: {may}"),
        ),
        (Some(_), true) => l.pick(
            format!("{you} får inte återöppna {unit}; det får: {may}"),
            format!("{you} may not reopen {unit}; who may: {may}"),
        ),
    }))
}
