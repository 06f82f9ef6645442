//! The program's core in the Elm style: the `Model`, the `Action`s that
//! change it, and `update`, which returns the `Effect`s (I/O) for the shell
//! in `tui` to carry out. Nothing here touches the terminal, files or git.
//! Keys reach the core through the keymap (`keys`), which names a declared
//! command; `commands` turns it into an `Action`.

pub mod action;
pub mod carry_over;
pub mod commands;
pub mod confirm;
pub mod fields;
pub mod keys;
pub mod limits;
pub mod model;
pub mod overlay;
mod overview;
pub mod previous;
pub mod remarks;
pub mod review;
mod review_comments;
pub mod review_mode;
pub mod spelling;
pub mod start;
mod typing;
mod undo;
pub mod unit_fields;
pub mod unsaved;
pub mod update;
pub mod waiting;
mod walk;

pub use action::{Action, Effect, SyncResult};
pub use model::{Model, Screen, Session};
pub use review::ordered_lints;
pub use update::update;
