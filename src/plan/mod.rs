//! Plans: the model of a unit's verksamhetsplan, loading and validating plan
//! files, writing them back, and the plans bundled with the program.

pub mod bundled;
pub mod load;
pub mod matching;
pub mod model;
pub mod spans;
pub mod toml_words;
pub mod tree;
pub mod validate;
pub mod write;

pub use load::parse_plan;
pub use model::*;
