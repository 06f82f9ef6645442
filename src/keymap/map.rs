//! A keymap: per context, key sequences to action names. Resolving a key
//! (with any keys already pending), merging an override file over a preset
//! per key, and the reverse lookup the help and status line need.

use super::actions::Command;
use super::context::Context;
use super::key::Key;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: String,
    pub desc: Option<String>,
    /// Where it was written: "file:line:col".
    pub origin: String,
}

/// A context's bindings in file order (the first key of an action is the
/// one the status line shows).
pub type Table = Vec<(Vec<Key>, Binding)>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    pub tables: BTreeMap<Context, Table>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Action(String),
    /// The keys so far start one or more sequences: (next keys, binding).
    Pending(Vec<(Vec<Key>, Binding)>),
    Unbound,
}

impl Keymap {
    /// Binds `keys`, replacing a binding of the same keys in place.
    pub fn bind(&mut self, ctx: Context, keys: Vec<Key>, binding: Binding) {
        let table = self.tables.entry(ctx).or_default();
        match table.iter_mut().find(|(k, _)| *k == keys) {
            Some(slot) => slot.1 = binding,
            None => table.push((keys, binding)),
        }
    }

    /// Lays `over` on top of `self`, key by key: an override replaces the
    /// binding of the same key, and `noop` removes it.
    pub fn merge(&mut self, over: &Keymap) {
        for (ctx, table) in &over.tables {
            for (keys, b) in table {
                if b.action == Command::Noop.name() {
                    self.tables
                        .entry(*ctx)
                        .or_default()
                        .retain(|(k, _)| k != keys);
                } else {
                    self.bind(*ctx, keys.clone(), b.clone());
                }
            }
        }
    }

    /// Looks `pending` + `key` up in `ctx`, then in `global`.
    pub fn resolve(&self, ctx: Context, pending: &[Key], key: Key) -> Resolved {
        let mut seq = pending.to_vec();
        seq.push(key);
        for c in [ctx, Context::Global] {
            let Some(table) = self.tables.get(&c) else {
                continue;
            };
            if let Some((_, b)) = table.iter().find(|(k, _)| *k == seq) {
                return Resolved::Action(b.action.clone());
            }
            let next: Vec<(Vec<Key>, Binding)> = table
                .iter()
                .filter(|(k, _)| k.len() > seq.len() && k.starts_with(&seq))
                .map(|(k, b)| (k[seq.len()..].to_vec(), b.clone()))
                .collect();
            if !next.is_empty() {
                return Resolved::Pending(next);
            }
        }
        Resolved::Unbound
    }

    /// Every key sequence bound to `action` in `ctx` (then global).
    pub fn keys_for(&self, ctx: Context, action: &str) -> Vec<Vec<Key>> {
        let mut out = Vec::new();
        for c in [ctx, Context::Global] {
            if let Some(t) = self.tables.get(&c) {
                out.extend(
                    t.iter()
                        .filter(|(_, b)| b.action == action)
                        .map(|(k, _)| k.clone()),
                );
            }
        }
        out
    }

    /// The first key for `action` as keymap files write it ("ctrl-s", "g g").
    pub fn key_label(&self, ctx: Context, action: &str) -> Option<String> {
        self.keys_for(ctx, action)
            .first()
            .map(|k| super::key::show_sequence(k))
    }

    /// The first key for `action` as shown on screen ("Ctrl-S", "Retur").
    pub fn key_display(
        &self,
        ctx: Context,
        action: &str,
        lang: crate::i18n::Lang,
    ) -> Option<String> {
        self.keys_for(ctx, action)
            .first()
            .map(|k| super::key::display_sequence(k, lang))
    }
}
