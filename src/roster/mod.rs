//! Who may do what in a workspace: the roster (`roster.toml` at the
//! workspace root, committed like everything else). People with their
//! git e-mails and signing keys, each unit's chiefs, areas with their
//! area chiefs (områdeschefer) and units, controllers, who may change the
//! roster and who may reopen a klar follow-up. The format is described
//! in docs/roster.md. A workspace without a roster checks no authorship.

pub mod access;
mod parse;
#[cfg(test)]
mod tests;

use crate::diag::Diagnostic;
use crate::repo::{self, Oid, RepoError, Repository};
use std::collections::BTreeMap;

pub use access::refusal;
pub use parse::{MAX_ROSTER_BYTES, parse_key, valid_id};

/// The roster's file, at the workspace root.
pub const ROSTER_FILE: &str = "roster.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The table key under `[people]`; also the user name on a server.
    pub id: String,
    pub name: String,
    /// As written; compared without regard to case.
    pub emails: Vec<String>,
    pub keys: Vec<SigningKey>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningKey {
    /// "<type> <base64>" (the comment of the .pub line dropped).
    Ssh(String),
    /// The key's fingerprint, upper-case hex.
    OpenPgp(String),
}

/// An area (område): its chiefs and its units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub chiefs: Vec<String>,
    pub units: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub people: Vec<Person>,
    /// Unit id → the ids of its chiefs (enhetschefer).
    pub units: BTreeMap<String, Vec<String>>,
    pub areas: Vec<Area>,
    pub controllers: Vec<String>,
    /// Who may change `roster.toml`.
    pub roster_admins: Vec<String>,
    /// Who may reopen any unit's klar follow-up (besides its area chiefs).
    pub reopeners: Vec<String>,
    /// Whether a unit's own chiefs may reopen its klar follow-up.
    pub chiefs_reopen: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The file's problems, each with file:line:col.
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<String>().trim_end())]
    Invalid(Vec<Diagnostic>),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl Roster {
    /// A roster no one is on: nobody may write anything.
    pub fn nobody() -> Roster {
        Roster {
            people: Vec::new(),
            units: BTreeMap::new(),
            areas: Vec::new(),
            controllers: Vec::new(),
            roster_admins: Vec::new(),
            reopeners: Vec::new(),
            chiefs_reopen: false,
        }
    }

    /// Parses the text of a roster; `file` names it in diagnostics.
    pub fn parse(text: &str, file: &str) -> Result<Roster, RosterError> {
        parse::parse(text.as_bytes(), file)
    }

    pub fn person_by_id(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person one of whose e-mails is `email` (case ignored).
    pub fn person_by_email(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        self.people
            .iter()
            .find(|p| p.emails.iter().any(|e| e.eq_ignore_ascii_case(email)))
    }

    /// The person holding the signing key `key` (an SSH public key line,
    /// comment or not, or `openpgp:<fingerprint>`).
    pub fn person_by_key(&self, key: &str) -> Option<&Person> {
        let key = parse_key(key).ok()?;
        self.people.iter().find(|p| p.keys.contains(&key))
    }

    /// The areas `unit` belongs to.
    pub fn areas_of<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Area> + 'a {
        self.areas
            .iter()
            .filter(move |a| a.units.iter().any(|u| u == unit))
    }

    /// Whether `unit` is named anywhere in the roster.
    pub fn knows_unit(&self, unit: &str) -> bool {
        self.units.contains_key(unit) || self.areas_of(unit).next().is_some()
    }

    fn unit_chiefs(&self, unit: &str) -> &[String] {
        self.units.get(unit).map_or(&[], Vec::as_slice)
    }

    fn is_area_chief(&self, unit: &str, id: &str) -> bool {
        self.areas_of(unit)
            .any(|a| a.chiefs.iter().any(|c| c == id))
    }

    /// Whether `person_id` may commit `unit`'s follow-ups: its chiefs and
    /// the chiefs of the areas it belongs to.
    pub fn may_write(&self, unit: &str, person_id: &str) -> bool {
        self.unit_chiefs(unit).iter().any(|c| c == person_id) || self.is_area_chief(unit, person_id)
    }

    /// Whether `person_id` may add to the workspace's word list: anyone
    /// who writes some unit's follow-ups, and whoever may change the roster.
    pub fn may_write_word_list(&self, person_id: &str) -> bool {
        self.may_change_roster(person_id)
            || self.units.values().flatten().any(|c| c == person_id)
            || self
                .areas
                .iter()
                .any(|a| a.chiefs.iter().any(|c| c == person_id))
    }

    /// Everyone who may write `unit`, unit chiefs first, each once.
    pub fn writers(&self, unit: &str) -> Vec<&Person> {
        let mut ids: Vec<&str> = self.unit_chiefs(unit).iter().map(String::as_str).collect();
        for a in self.areas_of(unit) {
            ids.extend(a.chiefs.iter().map(String::as_str));
        }
        let mut out: Vec<&Person> = Vec::new();
        for id in ids {
            if let Some(p) = self.person_by_id(id)
                && !out.iter().any(|o| o.id == p.id)
            {
                out.push(p);
            }
        }
        out
    }

    /// Whether `person_id` may reopen `unit`'s klar follow-up: its area
    /// chiefs, the roster's `reopen` role, and its own chiefs unless
    /// `chiefs_reopen = false`.
    pub fn may_reopen(&self, unit: &str, person_id: &str) -> bool {
        self.is_area_chief(unit, person_id)
            || self.reopeners.iter().any(|r| r == person_id)
            || (self.chiefs_reopen && self.unit_chiefs(unit).iter().any(|c| c == person_id))
    }

    /// Whether `person_id` may review and approve `unit`'s follow-ups:
    /// the chiefs of the areas it belongs to, except the unit's own chiefs
    /// (nobody approves their own unit's report, even when they are also
    /// its area chief).
    pub fn may_review(&self, unit: &str, person_id: &str) -> bool {
        self.is_area_chief(unit, person_id)
            && !self.unit_chiefs(unit).iter().any(|c| c == person_id)
    }

    pub fn is_controller(&self, person_id: &str) -> bool {
        self.controllers.iter().any(|c| c == person_id)
    }

    /// Whether `person_id` may change `roster.toml`.
    pub fn may_change_roster(&self, person_id: &str) -> bool {
        self.roster_admins.iter().any(|c| c == person_id)
    }

    /// The people who may change the roster.
    pub fn roster_admin_people(&self) -> Vec<&Person> {
        self.roster_admins
            .iter()
            .filter_map(|id| self.person_by_id(id))
            .collect()
    }

    /// git's allowed-signers file (`gpg.ssh.allowedSignersFile`) for
    /// every SSH key of the roster: one line per key, its principals the
    /// person's e-mails, valid for the "git" namespace.
    pub fn allowed_signers(&self) -> String {
        let mut out = String::new();
        for p in &self.people {
            if p.emails.is_empty() {
                continue;
            }
            let principals = p.emails.join(",");
            for k in &p.keys {
                if let SigningKey::Ssh(key) = k {
                    out.push_str(&format!("{principals} namespaces=\"git\" {key}\n"));
                }
            }
        }
        out
    }

    /// "Name <e-mail>, …" of `people`, sanitized for display.
    pub fn describe(people: &[&Person]) -> String {
        people
            .iter()
            .map(|p| {
                let name = crate::sanitize::line(&p.name);
                match p.emails.first() {
                    Some(e) => format!("{name} <{}>", crate::sanitize::line(e)),
                    None => name.into_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The roster in `commit`'s tree; None when it has no `roster.toml`.
pub fn at_commit(repo: &Repository, commit: Oid) -> Result<Option<Roster>, RosterError> {
    let Some(bytes) = repo::read::try_file_at(repo, commit, ROSTER_FILE)? else {
        return Ok(None);
    };
    parse::parse(&bytes, ROSTER_FILE).map(Some)
}

/// Rosters read at commits, kept by the id of their file: a walk over
/// many commits parses each version of the roster once.
#[derive(Default)]
pub struct Cache {
    by_blob: std::collections::HashMap<Oid, Result<std::rc::Rc<Roster>, Vec<Diagnostic>>>,
}

impl Cache {
    /// [`at_commit`], parsing each version of the file once.
    pub fn at_commit(
        &mut self,
        repo: &Repository,
        commit: Oid,
    ) -> Result<Option<std::rc::Rc<Roster>>, RosterError> {
        let Some(blob) = repo::read::blob_id_at(repo, commit, ROSTER_FILE)? else {
            return Ok(None);
        };
        let cached = match self.by_blob.entry(blob) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(match at_commit(repo, commit) {
                    Ok(r) => Ok(std::rc::Rc::new(r.unwrap_or_else(Roster::nobody))),
                    Err(RosterError::Invalid(d)) => Err(d),
                    Err(e) => return Err(e),
                })
            }
        };
        match cached {
            Ok(r) => Ok(Some(std::rc::Rc::clone(r))),
            Err(d) => Err(RosterError::Invalid(d.clone())),
        }
    }
}

/// The roster at the tip of `branch`; None without a branch or roster.
pub fn at_tip(repo: &Repository, branch: &str) -> Result<Option<Roster>, RosterError> {
    match repo::read::tip(repo, branch)? {
        Some(tip) => at_commit(repo, tip),
        None => Ok(None),
    }
}
