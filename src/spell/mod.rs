//! Spelling with a Hunspell dictionary installed on the system (Debian's
//! `hunspell-sv`, or any `<lang>.aff`/`<lang>.dic` pair): finding it,
//! loading it, checking words and suggesting spellings. Free of any UI so
//! the importer's OCR repairs and the editor can share it.

pub mod check;
pub mod tokens;
pub mod words;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where distributions install Hunspell dictionaries.
pub const SYSTEM_DIRS: [&str; 5] = [
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
];

/// A folder (or a `.dic` file) to look in before the system folders.
pub const PATH_VARIABLE: &str = "TERTIAL_HUNSPELL_PATH";

/// A dictionary's files are read only up to this size (the Swedish one is
/// 2.3 MB): a path that names a device does not fill the memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A loaded dictionary and the file it came from.
pub struct Speller {
    dict: spellbook::Dictionary,
    pub dic_path: PathBuf,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller")
            .field("dic_path", &self.dic_path)
            .finish()
    }
}

/// Why no dictionary could be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No `<lang>.aff`/`<lang>.dic` pair in any folder looked in.
    NotFound {
        lang: String,
        looked_in: Vec<PathBuf>,
    },
    /// Found but not readable or not a dictionary.
    Unreadable { path: PathBuf, reason: String },
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::NotFound { lang, looked_in } => {
                let dirs: Vec<String> = looked_in.iter().map(|p| p.display().to_string()).collect();
                let package = if lang.starts_with("en") {
                    "hunspell-en-us"
                } else {
                    "hunspell-sv"
                };
                write!(
                    f,
                    "no {lang} Hunspell dictionary in {} (install {package}, or set {PATH_VARIABLE})",
                    dirs.join(", ")
                )
            }
            Missing::Unreadable { path, reason } => {
                write!(f, "{}: not a usable dictionary: {reason}", path.display())
            }
        }
    }
}

/// The `.aff` and `.dic` files of `lang` ("sv_SE") in the folders looked
/// in: `configured` (a folder or a `.dic` file) first, then the system's.
pub fn find(lang: &str, configured: Option<&Path>) -> Result<(PathBuf, PathBuf), Missing> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(c) = configured {
        if c.extension().is_some_and(|e| e == "dic") {
            let aff = c.with_extension("aff");
            if aff.is_file() && c.is_file() {
                return Ok((aff, c.to_path_buf()));
            }
            dirs.push(c.to_path_buf());
        } else {
            dirs.push(c.to_path_buf());
        }
    }
    dirs.extend(SYSTEM_DIRS.iter().map(PathBuf::from));
    for d in &dirs {
        let aff = d.join(format!("{lang}.aff"));
        let dic = d.join(format!("{lang}.dic"));
        if aff.is_file() && dic.is_file() {
            return Ok((aff, dic));
        }
    }
    Err(Missing::NotFound {
        lang: lang.to_string(),
        looked_in: dirs,
    })
}

fn read_bounded(path: &Path) -> Result<String, Missing> {
    use std::io::Read;
    let unreadable = |reason: String| Missing::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(unreadable(format!("larger than {MAX_FILE_BYTES} bytes")));
    }
    String::from_utf8(bytes)
        .map_err(|_| unreadable("not UTF-8 (only UTF-8 dictionaries are read)".into()))
}

impl Speller {
    /// Loads the dictionary whose `.aff` and `.dic` files these are.
    pub fn load(aff: &Path, dic: &Path) -> Result<Speller, Missing> {
        let aff_text = read_bounded(aff)?;
        let dic_text = read_bounded(dic)?;
        let dict =
            spellbook::Dictionary::new(&aff_text, &dic_text).map_err(|e| Missing::Unreadable {
                path: dic.to_path_buf(),
                reason: e.to_string(),
            })?;
        Ok(Speller {
            dict,
            dic_path: dic.to_path_buf(),
        })
    }

    /// Finds and loads `lang`, looking first where [`PATH_VARIABLE`] says.
    pub fn system(lang: &str) -> Result<Speller, Missing> {
        let configured = std::env::var_os(PATH_VARIABLE).map(PathBuf::from);
        let (aff, dic) = find(lang, configured.as_deref())?;
        Speller::load(&aff, &dic)
    }

    /// Whether `word` is spelled right.
    pub fn check(&self, word: &str) -> bool {
        self.dict.check(word)
    }

    /// Spellings the dictionary suggests for `word`, best first.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.dict.suggest(word, &mut out);
        out
    }
}

/// The dictionary's name for the program's language.
pub fn dictionary_name(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Sv => "sv_SE",
        crate::i18n::Lang::En => "en_US",
    }
}

/// The `path` of the `[spell]` table of a `tertial.toml`: a folder or a
/// `.dic` file, relative to the workspace.
pub fn configured_path(marker: &str) -> Option<PathBuf> {
    let table: toml::Table = toml::from_str(marker).ok()?;
    table
        .get("spell")?
        .get("path")?
        .as_str()
        .filter(|p| !p.trim().is_empty())
        .map(PathBuf::from)
}

/// The system's Swedish dictionary, loaded once per process.
pub fn swedish() -> Result<&'static Speller, &'static Missing> {
    static SV: OnceLock<Result<Speller, Missing>> = OnceLock::new();
    SV.get_or_init(|| Speller::system("sv_SE")).as_ref()
}
