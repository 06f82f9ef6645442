//! The TOML parser's and serde's messages said for the person who wrote
//! the file, in the interface language: what the file should hold, not
//! Rust's type names. Keys and TOML words stay as they are written.

use crate::i18n::{self, Lang};

/// Serde's and the parser's message in the program's language.
pub fn humanize(msg: &str) -> String {
    match i18n::current() {
        Lang::En => humanize_en(msg),
        Lang::Sv => humanize_sv(msg),
    }
}

/// Serde's messages name Rust types; say what the file should hold instead.
fn humanize_en(msg: &str) -> String {
    let msg = msg
        .replace("expected i64", "expected a whole number")
        .replace("expected i32", "expected a whole number")
        .replace("expected u8", "expected a small whole number")
        .replace("expected a boolean", "expected true or false")
        .replace("a sequence", "a list [ … ]")
        .replace("expected a string", "expected a text in quotes")
        .replace(
            "expected a TOML datetime",
            "expected a date without quotes, e.g. 2026-01-01",
        )
        .replace(
            "cannot recurse further; max recursion depth met",
            "nesting too deep; expected arrays and tables nested at most a few levels",
        );
    let msg = match msg.strip_prefix("invalid value: integer `") {
        Some(rest) if msg.contains("expected a whole number") => {
            let n = rest.split('`').next().unwrap_or("");
            format!(
                "number {n} is out of range; expected a year or small number as the format says"
            )
        }
        _ => msg,
    };
    let msg = if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("missing key {rest}; expected it in this table")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        format!("unknown key {rest}")
    } else if msg.starts_with("duplicate key") {
        "duplicate key; expected each key once per table".to_string()
    } else {
        msg
    };
    msg.trim().to_string()
}

fn humanize_sv(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("nyckeln {rest} saknas; förväntade den i den här tabellen");
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        return unknown("okänd nyckel", rest);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        return unknown("okänt värde", rest);
    }
    if msg.starts_with("duplicate key") || msg.starts_with("duplicate field") {
        return "nyckeln finns två gånger; förväntade varje nyckel en gång per tabell".into();
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, wanted) = split_expected(rest);
        return format!(
            "fel sorts värde: {}; förväntade {}",
            unexpected_sv(found),
            expected_sv(wanted)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, wanted) = split_expected(rest);
        if let Some(n) = found.strip_prefix("integer `") {
            let n = n.trim_end_matches('`');
            return format!(
                "talet {n} ligger utanför det tillåtna; förväntade ett årtal eller ett litet tal som formatet säger"
            );
        }
        return format!(
            "ogiltigt värde: {}; förväntade {}",
            unexpected_sv(found),
            expected_sv(wanted)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let (n, wanted) = split_expected(rest);
        return format!("fel antal ({n}); förväntade {}", expected_sv(wanted));
    }
    let (what, wanted) = split_expected(msg);
    let what = parser_sv(what)
        .map(str::to_string)
        .unwrap_or_else(|| custom_sv(what));
    if wanted.is_empty() {
        what
    } else {
        let wanted: Vec<String> = wanted.split(", ").map(expected_item_sv).collect();
        format!("{what}; förväntade {}", wanted.join(", "))
    }
}

/// "`titel`, expected one of `title`, `id`" as "okänd nyckel `titel`;
/// förväntade en av `title`, `id`".
fn unknown(what: &str, rest: &str) -> String {
    let (name, wanted) = split_expected(rest);
    let (name, no_fields) = match name.split_once(", there are no ") {
        Some((n, _)) => (n, true),
        None => (name, false),
    };
    if no_fields {
        return format!("{what} {name}; här förväntades inga nycklar");
    }
    if wanted.is_empty() {
        return format!("{what} {name}");
    }
    let wanted = match wanted.strip_prefix("one of ") {
        Some(list) => format!("en av {list}"),
        None => wanted.replace(" or ", " eller "),
    };
    format!("{what} {name}; förväntade {wanted}")
}

/// "x, expected y" as ("x", "y"); ("x", "") without an expectation.
fn split_expected(s: &str) -> (&str, &str) {
    match s.split_once(", expected ") {
        Some((a, b)) => (a, b),
        None => (s, ""),
    }
}

/// Serde's name of what the file held.
fn unexpected_sv(found: &str) -> String {
    let pairs = [
        ("string ", "texten "),
        ("integer ", "heltalet "),
        ("floating point ", "talet "),
        ("boolean ", "sanningsvärdet "),
        ("character ", "tecknet "),
    ];
    for (en, sv) in pairs {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{sv}{rest}");
        }
    }
    match found {
        "sequence" => "en lista".into(),
        "map" => "en tabell".into(),
        "unit value" => "inget värde".into(),
        "datetime" => "ett datum eller en tid".into(),
        other => other.into(),
    }
}

/// Serde's name of what the file should hold (a type's `expecting`).
fn expected_sv(wanted: &str) -> String {
    match wanted {
        "i64" | "i32" | "u32" | "u64" | "usize" | "u16" | "i16" => "ett heltal".into(),
        "u8" => "ett litet heltal".into(),
        "f64" | "f32" => "ett tal".into(),
        "a boolean" => "true eller false".into(),
        "a string" => "en text inom citattecken".into(),
        "a sequence" => "en lista [ … ]".into(),
        "a TOML datetime" => "ett datum utan citattecken, t.ex. 2026-01-01".into(),
        "a text, or a list of texts (the numbered points)" => {
            "en text, eller en lista med texter (de numrerade punkterna)".into()
        }
        "a map" => "en tabell".into(),
        w if w.starts_with("struct ") => "en tabell".into(),
        w if w.starts_with("variant identifier") || w.starts_with("field identifier") => {
            "ett namn".into()
        }
        w if w.starts_with("an array of length ") => {
            format!("en lista med {} värden", &w["an array of length ".len()..])
        }
        other => other.replace(" or ", " eller "),
    }
}

/// One of the parser's expected things: a literal in backticks stays.
fn expected_item_sv(item: &str) -> String {
    let item = item.trim();
    if item.starts_with('`') || item.starts_with('\'') {
        return item.to_string();
    }
    if let Some((unit, range)) = item.split_once(" between ") {
        // "day between 01 and 28"
        let unit = date_word_sv(unit);
        return format!("{unit} mellan {}", range.replace(" and ", " och "));
    }
    if let Some(rest) = item.strip_prefix("a two-digit ") {
        // "a two-digit day (DD)"
        let (unit, code) = rest.split_once(' ').unwrap_or((rest, ""));
        return format!("{} med två siffror {code}", date_word_sv(unit))
            .trim_end()
            .to_string();
    }
    match item {
        "a four-digit year (YYYY)" => "ett år med fyra siffror (ÅÅÅÅ)",
        "nothing" => "ingenting",
        "newline" => "radslut",
        "key" => "en nyckel",
        "value" => "ett värde",
        "numbers" | "digits" => "siffror",
        "letters" => "bokstäver",
        "literal string" => "en sträng inom '",
        "basic string" => "en sträng inom \"",
        "multi-line basic string" => "en sträng inom \"\"\"",
        "unicode hexadecimal value" => "ett hexadecimalt unicode-värde",
        "printable characters" | "characters" => "tecken",
        "non-single-quote visible characters" | "non-single-quote characters" => "tecken utom '",
        "non-double-quote visible characters" => "tecken utom \"",
        "etc" => "med mera",
        other => other,
    }
    .to_string()
}

/// A part of a date or time, with its article ("en dag").
fn date_word_sv(unit: &str) -> &'static str {
    match unit {
        "day" => "en dag",
        "month" => "en månad",
        "year" => "ett år",
        "hour" | "hours" => "en timme",
        "minute" | "minutes" => "en minut",
        "second" => "en sekund",
        _ => "ett värde",
    }
}

/// Messages that tertial or serde make themselves.
fn custom_sv(what: &str) -> String {
    match what {
        "expected a date" => "förväntade ett datum".into(),
        other => other.into(),
    }
}

/// The TOML parser's descriptions of a syntax error.
fn parser_sv(what: &str) -> Option<&'static str> {
    Some(match what {
        "cannot recurse further; max recursion depth met" => {
            "för djup nästling; förväntade listor och tabeller nästlade högst några nivåer"
        }
        "carriage return must be followed by newline" => "vagnretur måste följas av radslut",
        "missing opening quote" => "inledande citattecken saknas",
        "missing comma between array elements" => "kommatecken saknas mellan listans värden",
        "integers with a radix cannot be signed" => "tal med talbas kan inte ha tecken",
        "radix must be lowercase" => "talbasen skrivs med gemen bokstav",
        "missing assignment between key-value pairs" => "= saknas mellan nyckel och värde",
        "unexpected leading zero" => "oväntad inledande nolla",
        "unclosed array table" => "listtabellen är inte stängd",
        "missing key for inline table element" => "nyckel saknas i inline-tabellen",
        "missing inline table opening" => "inline-tabellens { saknas",
        "missing escaped value" => "tecknet efter \\ saknas",
        "missing array opening" => "listans [ saknas",
        "invalid unquoted key" => "ogiltig nyckel utan citattecken",
        "unquoted keys cannot be empty" => "en nyckel utan citattecken kan inte vara tom",
        "unexpected sign" => "oväntat tecken + eller -",
        "unexpected key or value" => "oväntad nyckel eller oväntat värde",
        "unexpected content" => "oväntat innehåll",
        "unexpected content between comment and newline" => {
            "oväntat innehåll mellan kommentar och radslut"
        }
        "unexpected `=` in array" => "oväntat `=` i listan",
        "unclosed table" => "tabellrubriken är inte stängd",
        "unclosed inline table" => "inline-tabellen är inte stängd",
        "unclosed array" => "listan är inte stängd",
        "too few unicode value digits" => "för få siffror i unicode-värdet",
        "string values must be quoted" => "texter skrivs inom citattecken",
        "redundant numeric sign" => "överflödigt tecken + eller -",
        "redundant integer number prefix" => "överflödigt talprefix",
        "missing value" => "värde saknas",
        "missing value for key" => "nyckeln saknar värde",
        "missing table open" => "tabellrubrikens [ saknas",
        "missing comment start" => "kommentarens # saknas",
        "missing comma between key-value pairs" => "kommatecken saknas mellan nycklarna",
        "keys cannot be multi-line literal strings" => {
            "nycklar kan inte vara strängar över flera rader"
        }
        "keys cannot be multi-line basic strings" => {
            "nycklar kan inte vara strängar över flera rader"
        }
        "key with no value" => "nyckel utan värde",
        "invalid value" => "ogiltigt värde",
        "invalid key-value pair" => "ogiltigt par av nyckel och värde",
        "invalid inline table element" => "ogiltigt värde i inline-tabellen",
        "invalid comment character" => "ogiltigt tecken i kommentaren",
        "extra comma in inline table" => "överflödigt kommatecken i inline-tabellen",
        "extra comma in array" => "överflödigt kommatecken i listan",
        "extra assignment between key-value pairs" => "överflödigt = mellan nyckel och värde",
        "extra `=`" => "överflödigt `=`",
        "`_` may only go between digits" => "`_` får bara stå mellan siffror",
        "invalid basic string" => "ogiltig sträng",
        "invalid literal string" => "ogiltig sträng",
        "invalid multi-line basic string" => "ogiltig sträng över flera rader",
        "invalid multi-line literal string" => "ogiltig sträng över flera rader",
        "integer number overflowed" => "talet är för stort",
        "invalid table header" => "ogiltig tabellrubrik",
        "invalid key" => "ogiltig nyckel",
        "invalid number" => "ogiltigt tal",
        "invalid integer" => "ogiltigt heltal",
        "invalid float" => "ogiltigt decimaltal",
        "invalid datetime" => "ogiltigt datum eller ogiltig tid",
        "invalid string" => "ogiltig sträng",
        "invalid date-time" => "ogiltig tidpunkt",
        "invalid date" => "ogiltigt datum",
        "invalid time" => "ogiltig tid",
        "invalid year" => "ogiltigt år",
        "invalid month" => "ogiltig månad",
        "invalid day" => "ogiltig dag",
        "invalid hour" => "ogiltig timme",
        "invalid minute" => "ogiltig minut",
        "invalid second" => "ogiltig sekund",
        "invalid offset" => "ogiltig tidszon",
        "invalid boolean" => "ogiltigt sanningsvärde",
        "invalid hexadecimal number" => "ogiltigt hexadecimalt tal",
        "invalid binary number" => "ogiltigt binärt tal",
        "invalid octal number" => "ogiltigt oktalt tal",
        "invalid integer number" => "ogiltigt heltal",
        "invalid exponent" => "ogiltig exponent",
        "invalid fraction" => "ogiltiga decimaler",
        "invalid mantissa" => "ogiltigt tal",
        "invalid table" => "ogiltig tabell",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_in_swedish() {
        assert_eq!(
            humanize_sv("unknown field `titel`, expected one of `id`, `title`"),
            "okänd nyckel `titel`; förväntade en av `id`, `title`"
        );
        assert_eq!(
            humanize_sv("invalid type: string \"x\", expected i64"),
            "fel sorts värde: texten \"x\"; förväntade ett heltal"
        );
        assert_eq!(
            humanize_sv("missing field `title`"),
            "nyckeln `title` saknas; förväntade den i den här tabellen"
        );
        assert_eq!(
            humanize_sv("invalid value: integer `99999999999`, expected i32"),
            "talet 99999999999 ligger utanför det tillåtna; förväntade ett årtal eller ett litet tal som formatet säger"
        );
    }

    #[test]
    fn parser_messages_in_swedish() {
        assert_eq!(
            humanize_sv("string values must be quoted, expected literal string"),
            "texter skrivs inom citattecken; förväntade en sträng inom '"
        );
        assert_eq!(
            humanize_sv("unclosed table, expected `]`"),
            "tabellrubriken är inte stängd; förväntade `]`"
        );
        assert_eq!(
            humanize_sv("invalid day, expected day between 01 and 28"),
            "ogiltig dag; förväntade en dag mellan 01 och 28"
        );
        assert_eq!(
            humanize_sv("invalid date, expected a two-digit day (DD)"),
            "ogiltigt datum; förväntade en dag med två siffror (DD)"
        );
    }
}
