//! tertial: follow-up of Stockholm city's verksamhetsplaner (T1, T2 and
//! verksamhetsberättelse) in the terminal, with git as the audit trail.

pub mod app;
pub mod cli;
pub mod cli_lang;
pub mod clock;
pub mod diag;
pub mod followup;
pub mod fuzzy;
pub mod generate;
pub mod history;
pub mod hook;
pub mod i18n;
pub mod import;
pub mod keymap;
pub mod oserr;
pub mod overview;
pub mod pipe;
pub mod plan;
pub mod planedit;
pub mod record;
pub mod repo;
pub mod report;
pub mod review;
pub mod roster;
pub mod sanitize;
pub mod spell;
pub mod sync;
pub mod sys;
pub mod tui;
pub mod ui;
pub mod user_files;
pub mod workspace;
