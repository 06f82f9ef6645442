//! The interface language (Swedish by default, English on request) and
//! Swedish number formatting.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

static CURRENT: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

thread_local! {
    /// A language for this thread alone, set by [`speaking`].
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The program's language for texts made far from any screen (error
/// messages, diagnostics for files): the one set with [`set_current`],
/// else the environment's.
pub fn current() -> Lang {
    if let Some(lang) = OVERRIDE.with(|o| o.get()) {
        return lang;
    }
    *CURRENT.get_or_init(|| Lang::detect(None))
}

/// Makes [`current`] answer `lang` on this thread until the returned
/// guard is dropped (a library caller that knows its language, and tests
/// that pin one).
pub fn speaking(lang: Lang) -> Speaking {
    Speaking(OVERRIDE.with(|o| o.replace(Some(lang))))
}

/// Restores the thread's earlier language when dropped.
#[must_use = "the language holds only while the guard lives"]
pub struct Speaking(Option<Lang>);

impl Drop for Speaking {
    fn drop(&mut self) {
        OVERRIDE.with(|o| o.set(self.0));
    }
}

/// Sets the program's language once, from `--lang` where there is one.
pub fn set_current(lang: Lang) {
    let _ = CURRENT.set(lang);
}

impl Lang {
    /// `--lang` first, then TERTIAL_LANG, then the locale (LC_ALL,
    /// LC_MESSAGES, LANG): English only when the locale says English.
    pub fn detect(flag: Option<&str>) -> Lang {
        let pick = |s: &str| {
            let s = s.to_ascii_lowercase();
            if s.starts_with("en") {
                Some(Lang::En)
            } else if s.starts_with("sv") {
                Some(Lang::Sv)
            } else {
                None
            }
        };
        if let Some(l) = flag.and_then(pick) {
            return l;
        }
        for var in ["TERTIAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return pick(&v).unwrap_or(Lang::Sv);
            }
        }
        Lang::Sv
    }

    /// A count and its word in the right number: `lang.count(1,
    /// ("enhet", "enheter"), ("unit", "units"))` is "1 enhet".
    pub fn count(self, n: usize, sv: (&str, &str), en: (&str, &str)) -> String {
        let (one, many) = match self {
            Lang::Sv => sv,
            Lang::En => en,
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// One of two made texts: `lang.pick(format!(…), format!(…))`.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// The text in this language: `lang.t("Mål", "Goal")`.
    pub fn t(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

/// The value of `--lang` on a command line (`--lang en`, `--lang=en`),
/// looked for before the command line is parsed so that its help and
/// errors already speak the language.
pub fn lang_flag<I, S>(args: I) -> Option<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.as_ref().to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args
                .next()
                .map(|v| v.as_ref().to_string_lossy().into_owned());
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

/// A number in Swedish format: decimal comma, no trailing zeros, a
/// non-breaking-free plain space as thousands separator is not used
/// (the city's reports write 1500, 69,23).
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return String::from("–");
    }
    let mut s = format!("{:.2}", v);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('.', ",")
}

/// Parses a number written the Swedish way ("69,23", "8,5 %", "1 500")
/// or with a decimal point. Returns the number and whether it had `%`.
pub fn parse_number(text: &str) -> Option<(f64, bool)> {
    let t = text.trim();
    let percent = t.ends_with('%');
    let t = t.trim_end_matches('%').trim();
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.chars().filter(|c| *c == '.').count() > 1 {
        return None;
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, percent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers_round_trip() {
        assert_eq!(format_number(69.23), "69,23");
        assert_eq!(format_number(8.5), "8,5");
        assert_eq!(format_number(80.0), "80");
        assert_eq!(parse_number("69,23 %"), Some((69.23, true)));
        assert_eq!(parse_number("1 500"), Some((1500.0, false)));
        assert_eq!(parse_number("3.2"), Some((3.2, false)));
        assert_eq!(parse_number("Max 10 personer"), None);
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        let units = |l: Lang, n| l.count(n, ("enhet", "enheter"), ("unit", "units"));
        assert_eq!(units(Lang::Sv, 1), "1 enhet");
        assert_eq!(units(Lang::Sv, 0), "0 enheter");
        assert_eq!(units(Lang::Sv, 2), "2 enheter");
        assert_eq!(units(Lang::En, 1), "1 unit");
        assert_eq!(units(Lang::En, 3), "3 units");
    }

    #[test]
    fn the_language_flag_is_found_before_parsing() {
        assert_eq!(lang_flag(["tertial", "--lang", "en"]), Some("en".into()));
        assert_eq!(
            lang_flag(["tertial", "check", "--lang=sv"]),
            Some("sv".into())
        );
        assert_eq!(lang_flag(["tertial", "--", "--lang", "en"]), None);
        assert_eq!(lang_flag(["tertial", "--lang"]), None);
    }

    #[test]
    fn a_thread_can_speak_its_own_language() {
        {
            let _en = speaking(Lang::En);
            assert_eq!(current(), Lang::En);
            {
                let _sv = speaking(Lang::Sv);
                assert_eq!(current(), Lang::Sv);
            }
            assert_eq!(current(), Lang::En);
        }
    }

    #[test]
    fn flag_wins_over_environment() {
        assert_eq!(Lang::detect(Some("en")), Lang::En);
        assert_eq!(Lang::detect(Some("sv")), Lang::Sv);
    }
}
