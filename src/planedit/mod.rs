//! The plan correction screen (`tertial plan edit FILE`, and `tertial
//! import` without `-o`): walks a plan's texts, lets the chief correct
//! what was read (titles, points split and merged, texts moved between
//! fields, indicator and activity cells, the unit's name and nämnd), and
//! writes the plan only when it passes the checker. Its own small
//! Elm-style app: `Model`, `Action`, `update`, a pure `view`, and a shell.

pub mod check;
mod dialogs;
pub mod item;
mod keys;
pub mod model;
pub mod ops;
pub mod rows;
mod shell;
pub mod update;
pub mod view;

pub use item::{Doc, Field, Item, Target};
pub use model::{Answer, Dialog, Model};
pub use shell::{edit_file, review};
pub use update::{Action, Effect, update};
