//! tertial: follow-up of Stockholm city's verksamhetsplaner (T1, T2 and
//! verksamhetsberättelse) in the terminal, with git as the audit trail.

pub mod diag;
pub mod plan;
pub mod sanitize;
pub mod app;
pub mod cli;
pub mod i18n;
pub mod repo;
pub mod tui;
pub mod ui;
pub mod workspace;
