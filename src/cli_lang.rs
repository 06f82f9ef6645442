//! The command line in the interface language: the help of every command
//! and flag, clap's own headings and words, and clap's errors. The texts in
//! src/cli.rs are the English ones; the Swedish ones are laid over them here.

use crate::cli::Cli;
use crate::i18n::{self, Lang};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Parses the process's command line in the language it asks for (`--lang`,
/// TERTIAL_LANG, the locale), which also becomes the program's language.
/// Help and version are printed and errors reported here (exit code 2).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = Lang::detect(i18n::lang_flag(&args).as_deref());
    i18n::set_current(lang);
    match try_parse(lang, &args) {
        Ok(cli) => cli,
        Err(e) => exit(&e, lang),
    }
}

/// Parses `args` with the help and errors of `lang`.
pub fn try_parse(lang: Lang, args: &[OsString]) -> Result<Cli, clap::Error> {
    let mut cmd = command(lang);
    let matches = cmd.try_get_matches_from_mut(args)?;
    if lang == Lang::Sv
        && let Some(("help", sub)) = matches.subcommand()
    {
        // The help subcommand is tertial's own in Swedish (clap's is English).
        let path: Vec<String> = sub
            .get_many::<String>("command")
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        // Asked for as `tertial PATH… --help`, so that clap shows it as its own.
        let mut again: Vec<OsString> = vec![args.first().cloned().unwrap_or_default()];
        again.extend(path.iter().map(OsString::from));
        again.push("--help".into());
        return try_parse(lang, &again);
    }
    Cli::from_arg_matches(&matches)
}

/// The command line's definition in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Sv => swedish(cmd, "")
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("Visa versionen")
                    .help_heading(OPTIONS),
            )
            .disable_help_subcommand(true)
            .subcommand(
                Command::new("help")
                    .about("Visa den här hjälpen eller ett kommandos hjälp")
                    .arg(
                        Arg::new("command")
                            .num_args(0..)
                            .value_name("KOMMANDO")
                            .help("Kommandot (och underkommandot) att visa hjälpen för")
                            .help_heading(ARGUMENTS),
                    )
                    .help_template(TEMPLATE),
            ),
    }
}

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";
const ARGUMENTS: &str = "Argument";
const OPTIONS: &str = "Flaggor";

/// Lays the Swedish texts over a command and its subcommands. `path` is
/// the command's place, "" for tertial itself, "keymap check" below.
fn swedish(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = about_sv(path) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let path = path.to_string();
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                ARGUMENTS
            } else {
                OPTIONS
            };
            let mut a = a.help_heading(heading);
            if let Some(help) = help_sv(&path, a.get_id().as_str()) {
                a = a.help(help).long_help(None::<&str>);
            }
            if let Some(name) = value_name_sv(&a) {
                a = a.value_name(name);
            }
            a
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| swedish(s, &sub_path));
    }
    cmd.help_template(TEMPLATE)
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Visa hjälpen")
                .help_heading(OPTIONS),
        )
}

/// A value's placeholder in Swedish ("MAPP" for DIR).
fn value_name_sv(a: &Arg) -> Option<&'static str> {
    if !a.get_action().takes_values() {
        return None;
    }
    let given = a
        .get_value_names()
        .and_then(|v| v.first())
        .map(|s| s.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_ascii_uppercase());
    Some(match given.as_str() {
        "DIR" => "MAPP",
        "FILE" | "OUTPUT" => "FIL",
        "FILE.toml" => "FIL.toml",
        "UNIT" => "ENHET",
        "PERIOD" => "PERIOD",
        "AUTHOR" => "\"NAMN <E-POST>\"",
        "UNIT_ID" => "ENHETS-ID",
        "UNIT_NAME" => "NAMN",
        "COMMITTEE" => "NÄMND",
        "GOAL" => "MÅL",
        "REMOTE" => "FJÄRRFÖRRÅD",
        "REPO" => "FÖRRÅD",
        "REASON" => "SKÄL",
        "NAME|PATH" => "NAMN|SÖKVÄG",
        "NAME" => "NAMN",
        "UNIT:PERIOD" => "ENHET:PERIOD",
        "YEAR-T1|YEAR-T2|YEAR-VB" => "ÅR-T1|ÅR-T2|ÅR-VB",
        "PATHS" => "SÖKVÄGAR",
        "UNITS" => "ENHETER",
        "GOALS" => "MÅL",
        "YEARS" => "ÅR",
        "SEED" => "FRÖ",
        "TEXT" => "TEXT",
        "TARGET=TEXT" => "DEL=TEXT",
        _ => return None,
    })
}

/// The Swedish description of a command.
pub fn about_sv(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => {
            "Uppföljning av verksamhetsplaner (T1, T2, verksamhetsberättelse) i terminalen, med git som revisionsspår."
        }
        "open" => "Öppna en arbetsyta (kommandot som gäller utan annat).",
        "check" => "Kontrollera alla planer i en arbetsyta; slutstatus 1 vid minsta problem.",
        "init" => "Skapa en ny arbetsyta: ett git-förråd med plans/ och en första incheckning.",
        "record" => {
            "Kontrollera en uppföljningsfil mot sin plan och checka in den, precis som programmet gör på skärmen (för automatisering och tester)."
        }
        "export" => {
            "Exportera en incheckad uppföljning som en rapport likt stadens (md, html, docx för Word och LibreOffice, eller text att klistra in i ILS)."
        }
        "import" => {
            "Gör en planfil av texten i en verksamhetsplan (från PDF-till-text eller OCR). Text som inte kan placeras rapporteras med sin rad; planen kontrolleras innan den skrivs."
        }
        "plan" => "Planfiler.",
        "plan edit" => {
            "Rätta en planfil på skärmen: rubriker, punkter (dela, slå ihop, flytta till ett annat fält), indikatorers och aktiviteters celler, enhetens namn och nämnd. Skrivs bara när den klarar `tertial check`."
        }
        "overview" => {
            "Sammanställningen över enheterna för en period: per enhet dess status och målens bedömningar per nämndmål, per nämndmål antalen."
        }
        "compile" => {
            "Förvaltningens sammanställning för en period: per KF-mål och nämndmål antal per bedömning och varje enhets bedömning, analys och avvikelser, de indikatorer flera enheter har, synpunkter och klagomål summerade (md, html eller docx)."
        }
        "log" => {
            "Uppföljningarnas historik: vem som checkade in vad, när, med vilken status, och hur varje måls bedömning ändrades."
        }
        "review" => {
            "Granska en enhets klara uppföljning som dess områdeschef: godkänn den (--approve) eller återsänd den med kommentarer (--return); utan någon av dem, på skärmen."
        }
        "status" => {
            "Var varje enhet står i flödet för en period (ej påbörjad, utkast, klar, återsänd, godkänd), sena enheter och det som väntar på dig; ren text för skript och inloggningsmeddelanden."
        }
        "generate" => "Skapa en testarbetsyta i stadens storlek (belastningsprov och mätningar).",
        "verify" => {
            "Granska hela historiken: uppföljningar ändrade utanför tertial eller utanför sin enhet och period, trailers som motsäger innehållet, omskriven historik, trasiga objekt, signaturer. Slutstatus 1 vid minsta fynd."
        }
        "sync" => {
            "Dela uppföljningar via git-fjärrförrådet: hämta, lägg lokala uppföljningsincheckningar ovanpå fjärrgrenen, skicka. Slutstatus 1 när samma enhet och period ändrats på båda håll (då ändras ingenting)."
        }
        "hook" => {
            "Den centrala git-serverns krok: avvisar en push som bryter mot rollistans behörigheter eller verify:s regler (se docs/server.md)."
        }
        "hook pre-receive" => {
            "Pröva en push (gits pre-receive-protokoll på standard in, körs i det nakna förrådet); slutstatus 1 avvisar den och säger varför."
        }
        "hook install" => {
            "Skriv pre-receive-kroken i ett naket förråd; den kör det här programmet med dess absoluta sökväg."
        }
        "keymap" => "Kontrollera eller skriv ut tangentbindningar.",
        "keymap check" => {
            "Kontrollera en fil med tangentbindningar; slutstatus 1 vid fel (varningar skrivs också ut)."
        }
        "keymap print" => "Skriv ut de tangentbindningar som gäller: förvalet, sedan dina egna.",
        "demo" => "Skapa en ny demoarbetsyta av de medföljande planerna och öppna den.",
        _ => return None,
    })
}

/// The Swedish help of a flag or argument of the command at `path`.
pub fn help_sv(path: &str, id: &str) -> Option<&'static str> {
    let open = matches!(path, "" | "open" | "demo");
    Some(match (path, id) {
        ("", "dir") => "Arbetsytan att öppna (standard: mappen du står i).",
        (_, "unit") if open => "Enheten att öppna (dess id, t.ex. hagerstens-hemtjanst).",
        (_, "period") if open => {
            "Perioden att följa upp: ÅR-T1, ÅR-T2 eller ÅR-VB (standard: väljs på skärmen)."
        }
        (_, "author") if open => {
            "Incheckningarnas författare, \"Namn <e-post>\" (standard: git config; eller TERTIAL_AUTHOR)."
        }
        (_, "keymap") if open || path == "review" => {
            "Tangentbindningar: ett förval (default, vim, emacs) eller en fil (standard: inställningsfilens val, annars default)."
        }
        (_, "lang")
            if open
                || matches!(
                    path,
                    "plan edit" | "keymap print" | "compile" | "status" | "review"
                ) =>
        {
            "Gränssnittets språk: sv (standard) eller en."
        }
        ("demo", "dir") => "Mappen att skapa demoarbetsytan i (standard: användarens datamapp).",
        ("demo", "no_open") => "Skapa bara arbetsytan och skriv ut var; öppna den inte.",
        (
            "open" | "check" | "export" | "overview" | "compile" | "log" | "verify" | "sync"
            | "review" | "status",
            "dir",
        ) => "Arbetsytans mapp (standard: mappen du står i).",
        ("init", "dir") => "Mappen att skapa (får inte finnas eller ska vara tom).",
        ("init", "with_samples") => "Kopiera in de medföljande exempelplanerna.",
        ("init", "author") => {
            "Författare till den första incheckningen, \"Namn <e-post>\" (standard: git config)."
        }
        ("record", "dir") => "Arbetsytans mapp.",
        ("record" | "export" | "review", "unit") => "Planens enhets-id.",
        ("record" | "export" | "review", "period") => "Perioden: ÅR-T1, ÅR-T2 eller ÅR-VB.",
        ("review", "approve") => "Godkänn uppföljningen så som den är incheckad.",
        ("review", "return_") => {
            "Återsänd uppföljningen till enheten (den återöppnas) med kommentarerna."
        }
        ("review", "overall") => {
            "Den övergripande kommentaren (skälet till att uppföljningen återöppnas)."
        }
        ("review", "remark") => {
            "En kommentar om en del: goal:<id>=TEXT, indicator:<id>=TEXT, activity:<id>=TEXT eller part:summary|economy|quality|complaints=TEXT."
        }
        ("status", "period") => {
            "ÅR-T1, ÅR-T2 eller ÅR-VB (standard: perioden som infaller härnäst)."
        }
        ("record", "from") => "Uppföljningsfilen (TOML, se docs/followup-format.md).",
        ("record", "status") => "Status att spara: utkast eller klar (standard: filens egen).",
        ("record", "reopen") => {
            "Öppna en uppföljning som är klar igen, med detta skäl (sparas i incheckningen)."
        }
        ("record" | "review", "author") => {
            "Författare, \"Namn <e-post>\" (standard: git config; eller TERTIAL_AUTHOR)."
        }
        ("export", "format") => "md, html, docx eller text. En .docx är binär: skriv den med -o.",
        ("export" | "overview" | "compile", "output") => {
            "Skriv till den här filen i stället för standard ut (-: standard ut). Bara en vanlig fil skrivs, och ersätts helt."
        }
        ("import", "file") => "Planens text (UTF-8, UTF-16 med byte-ordningsmärke, eller Latin-1).",
        ("import", "output") => {
            "Skriv planen hit (standard, eller -: standard ut). Bara en vanlig fil skrivs, och ersätts helt (skrivs bredvid och byter sedan namn) med sina rättigheter kvar. I en arbetsytas plans/<år>/ är filnamnet enhetens id."
        }
        ("import", "unit_id") => {
            "Enhetens id (standard: filnamnet under plans/<år>/, annars gjort av enhetens namn)."
        }
        ("import", "unit_name") => {
            "Enhetens namn (standard: försättsbladet, titelraden eller sidhuvudena; en gissning ur texten rapporteras som osäker)."
        }
        ("import", "committee") => {
            "Planens nämnd (standard: försättsbladets \"Till …\"-rad, annars sidhuvudena; en nämnd som nämns i texten rapporteras som osäker)."
        }
        ("import", "strict") => {
            "Avsluta med status 1 och skriv ingenting när någon text inte kunde placeras."
        }
        ("import", "review") => {
            "Öppna planen i rättningsvyn innan den skrivs (standard utan -o i en terminal)."
        }
        ("plan edit", "file") => "Planfilen (TOML).",
        ("overview", "period") => {
            "ÅR-T1, ÅR-T2 eller ÅR-VB (standard: perioden som infaller härnäst)."
        }
        ("overview", "format") => "md, html eller csv.",
        ("compile", "period") => "Perioden: ÅR-T1, ÅR-T2 eller ÅR-VB.",
        ("compile", "area") => "Bara enheterna i det här området (standard: alla).",
        ("compile", "format") => "md, html eller docx. En .docx är binär: skriv den med -o.",
        ("overview", "sort") => {
            "Enheternas ordning: late (ej påbörjade först, sedan flest ej uppfyllda mål) eller name."
        }
        ("overview", "no_cache") => "Varken läs eller skriv cachen i .tertial/.",
        ("log", "unit") => "Bara den här enheten (dess id).",
        ("log", "period") => "ÅR-T1, ÅR-T2 eller ÅR-VB.",
        ("log", "goal") => "Ett enhetsmåls id (E3): bara incheckningarna som ändrade det.",
        ("verify", "require_signed") => {
            "Räkna osignerade, okända nycklars och utgångna signaturer som fynd."
        }
        ("verify", "remote") => {
            "Fråga också det här fjärrförrådet (t.ex. origin) efter dess gren: ett vittne som en omskrivning av de lokala referenserna inte kan flytta."
        }
        ("sync", "remote") => "Fjärrförrådet att synka med.",
        ("sync", "keep_local") => {
            "Lös en konflikt genom att lägga den här sidans text överst: ENHET:PERIOD."
        }
        ("sync", "keep_remote") => {
            "Lös en konflikt genom att lägga fjärrsidans text överst: ENHET:PERIOD."
        }
        ("hook install", "repo") => "Serverns nakna förråd (t.ex. /srv/git/arbetsyta.git).",
        ("hook install", "force") => "Ersätt en pre-receive-krok som inte är skriven av tertial.",
        ("keymap check", "file") => {
            "Filen med tangentbindningar (TOML, formatet i keymaps/default.toml)."
        }
        ("keymap print", "keymap") => {
            "Förval eller fil (standard: inställningsfilens val, annars default)."
        }
        _ => return None,
    })
}

/// Reports a parse error or prints help or version, then ends the process.
fn exit(e: &clap::Error, lang: Lang) -> ! {
    if lang == Lang::En {
        e.exit();
    }
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            use std::io::Write;
            let text = clap_words_sv(&e.render().to_string());
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            std::process::exit(0);
        }
        _ => {
            eprint!("{}", error_text_sv(e));
            std::process::exit(2);
        }
    }
}

/// The words clap writes itself that no setting reaches.
fn clap_words_sv(text: &str) -> String {
    text.replace("[OPTIONS]", "[FLAGGOR]")
        .replace("[default: ", "[standard: ")
        .replace("[possible values: ", "[möjliga värden: ")
}

/// A clap error in Swedish: what went wrong, a tip where clap has one,
/// the usage, and where to read more.
pub fn error_text_sv(e: &clap::Error) -> String {
    let ctx = |kind: ContextKind| -> Option<String> {
        e.get(kind).map(|v| match v {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join("', '"),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("', '"),
            ContextValue::Number(n) => n.to_string(),
            ContextValue::Bool(b) => b.to_string(),
            _ => String::new(),
        })
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("oväntat argument '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando '{}'",
            ctx(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => v.join("\n  "),
                _ => arg,
            };
            format!("argument som krävs saknas:\n  {missing}")
        }
        ErrorKind::MissingSubcommand => format!(
            "'{}' kräver ett kommando",
            ctx(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("ett värde krävs för '{arg}' men inget gavs")
        }
        ErrorKind::InvalidValue => format!("ogiltigt värde '{value}' för '{arg}'"),
        ErrorKind::ValueValidation => format!("ogiltigt värde '{value}' för '{arg}'"),
        ErrorKind::ArgumentConflict => match ctx(ContextKind::PriorArg) {
            Some(prior) => format!("'{arg}' kan inte användas tillsammans med '{prior}'"),
            None => format!("'{arg}' kan inte användas med ett annat argument som getts"),
        },
        ErrorKind::TooManyValues => format!("oväntat värde '{value}' för '{arg}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för '{arg}'")
        }
        ErrorKind::NoEquals => format!("'{arg}' kräver ett = före värdet"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8".to_string(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return clap_words_sv(&e.render().to_string());
        }
        _ => {
            // Texts tertial made itself (the help subcommand) or clap's rare
            // kinds: as they are, after "fel:".
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            return format!("fel: {}", text.trim_end()) + "\n";
        }
    };
    let mut out = format!("fel: {what}\n");
    if let Some(s) = ctx(ContextKind::SuggestedArg) {
        out.push_str(&format!("\n  tips: ett liknande argument finns: '{s}'\n"));
    }
    if let Some(s) = ctx(ContextKind::SuggestedSubcommand) {
        out.push_str(&format!("\n  tips: ett liknande kommando finns: '{s}'\n"));
    }
    if let Some(s) = ctx(ContextKind::ValidValue) {
        out.push_str(&format!("  [möjliga värden: '{s}']\n"));
    }
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!(
            "\nAnvändning: {}\n",
            clap_words_sv(usage).replace("\n       ", "\n            ")
        ));
    }
    out.push_str("\nMer hjälp: '--help'.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if cmd.is_hide_set() {
            return;
        }
        if about_sv(path).is_none() {
            out.push(format!("about of {path:?}"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if a.is_hide_set() || a.get_help().is_none() {
                continue;
            }
            if help_sv(path, id).is_none() {
                out.push(format!("{path:?} {id}"));
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_flag_has_a_swedish_text() {
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn the_swedish_command_line_is_well_formed() {
        command(Lang::Sv).debug_assert();
        command(Lang::En).debug_assert();
    }

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn help_is_swedish_with_swedish_headings() {
        let e = try_parse(Lang::Sv, &args(&["tertial", "check", "--help"])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DisplayHelp);
        let help = clap_words_sv(&e.render().to_string());
        assert!(help.contains("Användning: tertial check [MAPP]"), "{help}");
        assert!(help.contains("Argument:"), "{help}");
        assert!(help.contains("Flaggor:"), "{help}");
        assert!(help.contains("Visa hjälpen"), "{help}");
        assert!(!help.contains("Usage"), "{help}");
        assert!(!help.contains("Options"), "{help}");
    }

    #[test]
    fn the_help_subcommand_shows_a_commands_help() {
        let e = try_parse(Lang::Sv, &args(&["tertial", "help", "keymap", "check"])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DisplayHelp);
        assert!(
            e.to_string()
                .contains("Kontrollera en fil med tangentbindningar")
        );
    }

    #[test]
    fn an_unknown_flag_is_reported_in_swedish() {
        let e = try_parse(Lang::Sv, &args(&["tertial", "check", "--nope"])).unwrap_err();
        let text = error_text_sv(&e);
        assert!(
            text.starts_with("fel: oväntat argument '--nope'\n"),
            "{text}"
        );
        assert!(text.contains("Användning: tertial check [MAPP]"), "{text}");
        assert!(!text.contains("Usage"), "{text}");
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn english_stays_clap_s_own() {
        let e = try_parse(Lang::En, &args(&["tertial", "check", "--help"])).unwrap_err();
        let help = e.render().to_string();
        assert!(help.contains("Usage: tertial check [DIR]"), "{help}");
        assert!(help.contains("Validate every plan"), "{help}");
    }
}
