//! Finds where a value sits in a TOML source, by its path, so semantic
//! problems found after parsing can still name line and column. The source
//! is parsed for this only when there is something to report.

use toml::de::{DeTable, DeValue};

/// One step of a path into a TOML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// A path such as `unit_goal[3].id`.
pub type Path = Vec<Seg>;

/// Builds a path: `path!("unit_goal", 3, "id")`.
#[macro_export]
macro_rules! toml_path {
    ($($seg:expr),* $(,)?) => {
        Vec::from([$($crate::plan::spans::IntoSeg::into_seg($seg)),*])
    };
}

pub trait IntoSeg {
    fn into_seg(self) -> Seg;
}
impl IntoSeg for &'static str {
    fn into_seg(self) -> Seg {
        Seg::Key(self)
    }
}
impl IntoSeg for usize {
    fn into_seg(self) -> Seg {
        Seg::Index(self)
    }
}

/// The byte span of the deepest part of `path` that exists in `src`.
/// A missing key resolves to the table that should hold it.
pub fn locate(src: &str, path: &[Seg]) -> std::ops::Range<usize> {
    let Ok(root) = DeTable::parse(src) else {
        return 0..0;
    };
    let mut span = root.span();
    let mut table: Option<&DeTable> = Some(root.get_ref());
    let mut value: Option<&DeValue> = None;
    for seg in path {
        match seg {
            Seg::Key(k) => {
                let t = match (table, value) {
                    (Some(t), _) => t,
                    (None, Some(v)) => match v.as_table() {
                        Some(t) => t,
                        None => break,
                    },
                    _ => break,
                };
                let Some((_, v)) = t.iter().find(|(key, _)| key.get_ref() == k) else {
                    break;
                };
                span = v.span();
                value = Some(v.get_ref());
                table = None;
            }
            Seg::Index(i) => {
                let Some(arr) = value.and_then(|v| v.as_array()) else {
                    break;
                };
                let Some(v) = arr.get(*i) else {
                    break;
                };
                span = v.span();
                value = Some(v.get_ref());
                table = None;
            }
        }
    }
    span
}

/// Renders a path for messages: `unit_goal[3].id`.
pub fn show(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{}]", i + 1)),
        }
    }
    s
}
