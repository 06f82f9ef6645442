//! Reading `roster.toml`: the TOML as written, then every reference
//! (a person id in a unit, area or role) checked against `[people]`.
//! Every problem is a diagnostic with file:line:col and the line.

use super::{Area, Person, Roster, RosterError, SigningKey};
use crate::diag::Diagnostic;
use crate::i18n::current;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// A roster larger than this is not one a person wrote.
pub const MAX_ROSTER_BYTES: usize = 4 * 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    schema: Spanned<i64>,
    #[serde(default)]
    people: BTreeMap<String, Spanned<RawPerson>>,
    #[serde(default)]
    units: BTreeMap<String, Spanned<RawUnit>>,
    #[serde(default)]
    areas: BTreeMap<String, Spanned<RawArea>>,
    #[serde(default)]
    roles: RawRoles,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    #[serde(default)]
    emails: Vec<Spanned<String>>,
    #[serde(default)]
    keys: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    #[serde(default)]
    chiefs: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    chiefs: Vec<Spanned<String>>,
    #[serde(default)]
    units: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRoles {
    #[serde(default)]
    controllers: Vec<Spanned<String>>,
    #[serde(default)]
    roster: Vec<Spanned<String>>,
    #[serde(default)]
    reopen: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    chiefs_reopen: bool,
}

fn yes() -> bool {
    true
}

/// A person id: usable as a user name on a server (`a-z 0-9 . _ -`,
/// starting with a letter or digit).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// SSH public key types git can verify signatures with.
const SSH_TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// A key as written: an SSH public key line (its comment dropped) or
/// `openpgp:<fingerprint>` (40 or 64 hex digits).
pub fn parse_key(text: &str) -> Result<SigningKey, String> {
    let l = current();
    let text = text.trim();
    if let Some(fp) = text.strip_prefix("openpgp:") {
        let fp: String = fp.chars().filter(|c| !c.is_whitespace()).collect();
        if (fp.len() == 40 || fp.len() == 64) && fp.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(SigningKey::OpenPgp(fp.to_ascii_uppercase()));
        }
        return Err(l
            .t(
                "openpgp: ska följas av nyckelns fingeravtryck (40 hexadecimala tecken)",
                "openpgp: must be followed by the key's fingerprint (40 hex digits)",
            )
            .into());
    }
    let mut parts = text.split_whitespace();
    let (Some(kind), Some(body)) = (parts.next(), parts.next()) else {
        return Err(not_a_key());
    };
    let base64 = body
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='));
    if !SSH_TYPES.contains(&kind) || !base64 || body.len() < 16 {
        return Err(not_a_key());
    }
    Ok(SigningKey::Ssh(format!("{kind} {body}")))
}

fn not_a_key() -> String {
    current()
        .t(
            "ingen nyckel; förväntade en rad ur en .pub-fil (\"ssh-ed25519 AAAA…\") eller \"openpgp:FINGERAVTRYCK\"",
            "not a key; expected a line of a .pub file (\"ssh-ed25519 AAAA…\") or \"openpgp:FINGERPRINT\"",
        )
        .into()
}

pub fn parse(bytes: &[u8], file: &str) -> Result<Roster, RosterError> {
    let src = crate::plan::load::decode_text(file, bytes, MAX_ROSTER_BYTES)
        .map_err(|d| RosterError::Invalid(vec![d]))?;
    let raw: Raw = toml::from_str(src).map_err(|e| {
        let msg = crate::plan::load::humanize(e.message());
        RosterError::Invalid(vec![Diagnostic::at(
            file,
            src,
            e.span().unwrap_or(0..0),
            msg,
        )])
    })?;
    let mut diags = Vec::new();
    let mut at = |span: Range<usize>, msg: String| diags.push(Diagnostic::at(file, src, span, msg));
    let l = current();
    if *raw.schema.get_ref() != 1 {
        at(
            raw.schema.span(),
            l.pick(
                format!("schema {} stöds inte; förväntade 1", raw.schema.get_ref()),
                format!(
                    "schema {} is not supported; expected 1",
                    raw.schema.get_ref()
                ),
            ),
        );
    }
    let mut people = Vec::new();
    for (id, p) in &raw.people {
        let span = p.span();
        if !valid_id(id) {
            at(
                span.clone(),
                l.pick(
                    format!("personens id {id:?} duger inte som användarnamn; förväntade a-z, 0-9, '.', '_', '-'"),
                    format!("person id {id:?} is not usable as a user name; expected a-z, 0-9, '.', '_', '-'"),
                ),
            );
        }
        let p = p.get_ref();
        let mut keys = Vec::new();
        for k in &p.keys {
            match parse_key(k.get_ref()) {
                Ok(key) => keys.push(key),
                Err(msg) => at(k.span(), msg),
            }
        }
        let mut emails = Vec::new();
        for e in &p.emails {
            let email = e.get_ref().trim();
            if !email.contains('@')
                || email.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == ',')
            {
                at(
                    e.span(),
                    l.pick(
                        format!("{email:?} är ingen e-postadress"),
                        format!("{email:?} is not an e-mail address"),
                    ),
                );
                continue;
            }
            emails.push(email.to_string());
        }
        people.push(Person {
            id: id.clone(),
            name: p.name.clone(),
            emails,
            keys,
        });
    }
    // One e-mail, one person: otherwise a commit's author is ambiguous.
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for (id, p) in &raw.people {
        for e in &p.get_ref().emails {
            let key = e.get_ref().trim().to_lowercase();
            if let Some(first) = owner.insert(key, id)
                && first != id
            {
                at(
                    e.span(),
                    l.pick(
                        format!("{:?} hör redan till {first}; en e-postadress hör till en person", e.get_ref()),
                        format!("{:?} already belongs to {first}; an e-mail address belongs to one person", e.get_ref()),
                    ),
                );
            }
        }
    }
    let ids = |list: &[Spanned<String>], at: &mut dyn FnMut(Range<usize>, String)| -> Vec<String> {
        list.iter()
            .filter_map(|s| {
                if raw.people.contains_key(s.get_ref()) {
                    Some(s.get_ref().clone())
                } else {
                    at(
                        s.span(),
                        current().pick(
                            format!("{:?} finns inte under [people]", s.get_ref()),
                            format!("{:?} is not under [people]", s.get_ref()),
                        ),
                    );
                    None
                }
            })
            .collect()
    };
    let mut units = BTreeMap::new();
    for (unit, u) in &raw.units {
        units.insert(unit.clone(), ids(&u.get_ref().chiefs, &mut at));
    }
    let mut areas = Vec::new();
    for (id, a) in &raw.areas {
        let a = a.get_ref();
        areas.push(Area {
            id: id.clone(),
            name: a.name.clone().unwrap_or_else(|| id.clone()),
            chiefs: ids(&a.chiefs, &mut at),
            units: a.units.iter().map(|u| u.get_ref().clone()).collect(),
        });
    }
    let controllers = ids(&raw.roles.controllers, &mut at);
    let roster_admins = ids(&raw.roles.roster, &mut at);
    let reopeners = ids(&raw.roles.reopen, &mut at);
    if !diags.is_empty() {
        return Err(RosterError::Invalid(diags));
    }
    Ok(Roster {
        people,
        units,
        areas,
        controllers,
        roster_admins,
        reopeners,
        chiefs_reopen: raw.roles.chiefs_reopen,
    })
}
