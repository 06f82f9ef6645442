//! Names for generated workspaces: Stockholm's districts and their
//! stadsdelsnämnder, kinds of units, and the people who write follow-ups.

/// (district used in unit names, its stadsdelsnämnd without "stadsdelsnämnd")
pub const DISTRICTS: &[(&str, &str)] = &[
    ("Rinkeby", "Rinkeby-Kista"),
    ("Kista", "Rinkeby-Kista"),
    ("Husby", "Rinkeby-Kista"),
    ("Akalla", "Rinkeby-Kista"),
    ("Spånga", "Spånga-Tensta"),
    ("Tensta", "Spånga-Tensta"),
    ("Hjulsta", "Spånga-Tensta"),
    ("Solhem", "Spånga-Tensta"),
    ("Hässelby", "Hässelby-Vällingby"),
    ("Vällingby", "Hässelby-Vällingby"),
    ("Grimsta", "Hässelby-Vällingby"),
    ("Råcksta", "Hässelby-Vällingby"),
    ("Bromma", "Bromma"),
    ("Abrahamsberg", "Bromma"),
    ("Alvik", "Bromma"),
    ("Ulvsunda", "Bromma"),
    ("Åkeshov", "Bromma"),
    ("Kungsholmen", "Kungsholmen"),
    ("Stadshagen", "Kungsholmen"),
    ("Fredhäll", "Kungsholmen"),
    ("Vasastan", "Norrmalm"),
    ("Norrmalm", "Norrmalm"),
    ("Hagastaden", "Norrmalm"),
    ("Östermalm", "Östermalm"),
    ("Gärdet", "Östermalm"),
    ("Hjorthagen", "Östermalm"),
    ("Södermalm", "Södermalm"),
    ("Hornstull", "Södermalm"),
    ("Skanstull", "Södermalm"),
    ("Enskede", "Enskede-Årsta-Vantör"),
    ("Årsta", "Enskede-Årsta-Vantör"),
    ("Rågsved", "Enskede-Årsta-Vantör"),
    ("Högdalen", "Enskede-Årsta-Vantör"),
    ("Hagsätra", "Enskede-Årsta-Vantör"),
    ("Skarpnäck", "Skarpnäck"),
    ("Bagarmossen", "Skarpnäck"),
    ("Björkhagen", "Skarpnäck"),
    ("Kärrtorp", "Skarpnäck"),
    ("Farsta", "Farsta"),
    ("Hökarängen", "Farsta"),
    ("Sköndal", "Farsta"),
    ("Larsboda", "Farsta"),
    ("Hägersten", "Hägersten-Älvsjö"),
    ("Aspudden", "Hägersten-Älvsjö"),
    ("Midsommarkransen", "Hägersten-Älvsjö"),
    ("Liljeholmen", "Hägersten-Älvsjö"),
    ("Älvsjö", "Hägersten-Älvsjö"),
    ("Fruängen", "Hägersten-Älvsjö"),
    ("Västertorp", "Hägersten-Älvsjö"),
    ("Skärholmen", "Skärholmen"),
    ("Bredäng", "Skärholmen"),
    ("Sätra", "Skärholmen"),
    ("Vårberg", "Skärholmen"),
];

/// Kinds of units, with a weight (how common they are) and whether their
/// plans look like a beställarenhet's (myndighetsutövning) rather than an
/// utförare's.
pub const UNIT_KINDS: &[(&str, u32, bool)] = &[
    ("Hemtjänst", 40, false),
    ("Vård- och omsorgsboende", 18, false),
    ("Beställarenhet", 12, true),
    ("Biståndsenhet", 6, true),
    ("Dagverksamhet", 10, false),
    ("Träffpunkt", 8, false),
    ("Servicehus", 6, false),
];

/// People who write follow-ups: (first name, last name).
pub const PEOPLE: &[(&str, &str)] = &[
    ("Anna", "Andersson"),
    ("Maria", "Johansson"),
    ("Eva", "Karlsson"),
    ("Karin", "Nilsson"),
    ("Kristina", "Eriksson"),
    ("Lena", "Larsson"),
    ("Sara", "Olsson"),
    ("Kerstin", "Persson"),
    ("Emma", "Svensson"),
    ("Ingrid", "Gustafsson"),
    ("Marie", "Pettersson"),
    ("Malin", "Jonsson"),
    ("Jenny", "Jansson"),
    ("Birgitta", "Hansson"),
    ("Annika", "Bengtsson"),
    ("Linda", "Jönsson"),
    ("Susanne", "Lindberg"),
    ("Elin", "Jakobsson"),
    ("Monica", "Magnusson"),
    ("Hanna", "Lindström"),
    ("Åsa", "Olofsson"),
    ("Camilla", "Lindqvist"),
    ("Helena", "Lindgren"),
    ("Ulla", "Berg"),
    ("Sofia", "Axelsson"),
    ("Johan", "Bergström"),
    ("Lars", "Lundberg"),
    ("Mikael", "Lundqvist"),
    ("Anders", "Lind"),
    ("Per", "Lundgren"),
    ("Erik", "Mattsson"),
    ("Karl", "Berglund"),
    ("Peter", "Fredriksson"),
    ("Thomas", "Sandberg"),
    ("Jan", "Henriksson"),
    ("Daniel", "Forsberg"),
    ("Fredrik", "Sjöberg"),
    ("Hans", "Wallin"),
    ("Stefan", "Engström"),
    ("Mohammed", "Ali"),
    ("Fatima", "Hassan"),
    ("Amina", "Yusuf"),
    ("Ahmed", "Abdi"),
    ("Leyla", "Karimi"),
    ("Nadia", "Haddad"),
    ("Mehmet", "Yilmaz"),
    ("Zeynep", "Demir"),
    ("Aleksandra", "Nowak"),
    ("Marko", "Petrović"),
    ("Tiina", "Virtanen"),
];

/// "Åsa Öberg" -> "asa.oberg": lower-case ASCII for e-mail addresses.
pub fn ascii_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'ö' | 'ø' | 'ó' => out.push('o'),
            'é' | 'è' | 'ë' => out.push('e'),
            'ü' => out.push('u'),
            'ć' | 'č' => out.push('c'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => out.push('-'),
        }
    }
    out
}

/// A slug as `plan::validate::is_slug` wants it: a-z, 0-9, single '-'.
pub fn slug(s: &str) -> String {
    ascii_lower(s)
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// "Förnamn Efternamn <fornamn.efternamn@example.invalid>".
pub fn ident(person: (&str, &str)) -> String {
    let (first, last) = person;
    format!(
        "{first} {last} <{}.{}@example.invalid>",
        slug(first),
        slug(last)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_idents_are_plain_ascii() {
        assert_eq!(
            slug("Vård- och omsorgsboende Bredäng 3"),
            "vard-och-omsorgsboende-bredang-3"
        );
        assert_eq!(slug("Hemtjänst Skärholmen 12"), "hemtjanst-skarholmen-12");
        assert_eq!(
            ident(("Åsa", "Olofsson")),
            "Åsa Olofsson <asa.olofsson@example.invalid>"
        );
        for (d, _) in DISTRICTS {
            assert!(crate::plan::validate::is_slug(&slug(d)), "{d}");
        }
        let mut seen = std::collections::HashSet::new();
        for (d, _) in DISTRICTS {
            assert!(seen.insert(slug(d)), "two districts share the slug of {d}");
        }
        for p in PEOPLE {
            let id = ident(*p);
            let email = id.split_once('<').unwrap().1;
            assert!(email.is_ascii() && email.ends_with('>'), "{id}");
        }
    }
}
