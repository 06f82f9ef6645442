//! What chiefs write in follow-ups, as sentences to combine: openings of
//! the summary per rating, analysis sentences, deviations with cause and
//! åtgärd, activity comments and waiver reasons. The plans' own sentences
//! (see `text::Corpus`) are mixed in by the follow-up builder.

/// Openings of the summary for a year-end assessment (VB), per rating.
pub const SUMMARY_FULL: &[&str] = &[
    "Målet har uppfyllts helt under året.",
    "Enheten bedömer att målet är uppfyllt.",
    "Samtliga förväntade resultat har nåtts under året.",
    "Målet är uppfyllt och arbetet har följt verksamhetsplanen.",
];
pub const SUMMARY_PARTIAL: &[&str] = &[
    "Målet har uppfyllts delvis.",
    "Flera av de förväntade resultaten har nåtts, men inte alla.",
    "Arbetet har kommit en god bit på väg men delar återstår.",
    "Målet är delvis uppfyllt; resultatet skiljer sig mellan arbetsgrupperna.",
];
pub const SUMMARY_NOT: &[&str] = &[
    "Målet har inte uppfyllts.",
    "De förväntade resultaten har inte nåtts under året.",
    "Enheten har inte nått målet, främst på grund av bemanningsläget.",
];
/// Openings of the summary for a forecast (T1, T2), per rating.
pub const FORECAST_FULL: &[&str] = &[
    "Målet bedöms uppfyllas helt vid årets slut.",
    "Arbetet går enligt plan och målet bedöms nås.",
    "Utifrån resultatet hittills bedöms målet uppfyllas helt.",
    "Prognosen är att samtliga förväntade resultat nås under året.",
];
pub const FORECAST_PARTIAL: &[&str] = &[
    "Målet bedöms uppfyllas delvis.",
    "Prognosen är att målet nås delvis; några aktiviteter är försenade.",
    "Arbetet har påbörjats men alla förväntade resultat bedöms inte nås i år.",
];
pub const FORECAST_NOT: &[&str] = &[
    "Målet bedöms inte uppfyllas under året.",
    "Prognosen är att målet inte nås, eftersom arbetet inte har kommit igång.",
];
pub const SUMMARY_UNASSESSED: &[&str] = &[
    "Målet har inte kunnat bedömas ännu eftersom underlag saknas.",
    "Bedömning görs när resultatet från brukarundersökningen har kommit.",
];

/// Sentences of an analysis: what was done, what the results show.
pub const ANALYSIS: &[&str] = &[
    "Under perioden har arbetet följts upp på arbetsplatsträffarna varje månad.",
    "Resultatet från brukarundersökningen visar en positiv utveckling jämfört med föregående år.",
    "Enheten har genomfört de planerade utbildningsinsatserna för samtliga medarbetare.",
    "Medarbetarna har deltagit i reflektionsmöten där arbetssättet har diskuterats.",
    "Genomförandeplanerna har uppdaterats i de flesta ärenden.",
    "Andelen genomförda aktiviteter har ökat sedan förra tertialet.",
    "Ombuden har träffats regelbundet och fört ut kunskapen till arbetsgrupperna.",
    "Uppföljningen visar att arbetssättet fungerar men behöver förankras bättre i kvällsgrupperna.",
    "Hög personalomsättning under våren har påverkat kontinuiteten.",
    "Enheten har infört nya rutiner för dokumentation i verksamhetssystemet.",
    "Egenkontroller har genomförts enligt plan utan större avvikelser.",
    "Sjukfrånvaron har minskat något men ligger fortfarande över årsmålet.",
    "Samverkan med hemsjukvården och biståndshandläggarna har stärkts.",
    "Arbetet med levnadsberättelser har kommit igång i samtliga arbetsgrupper.",
    "Kunderna har tillfrågats om sina önskemål vid uppföljningen av genomförandeplanen.",
    "Chefer och samordnare har gått igenom resultatet med varje arbetsgrupp.",
    "Rutinen för avvikelsehantering har reviderats och gåtts igenom på arbetsplatsträffarna.",
    "Förbrukningen av engångsartiklar har följts upp varje månad.",
    "Andelen ekologiska inköp har ökat jämfört med föregående tertial.",
    "Enheten har använt elcyklar i större utsträckning än tidigare.",
    "Introduktionen av nya medarbetare har setts över och förbättrats.",
    "Det finns fortfarande skillnader mellan arbetsgrupperna som behöver jämnas ut.",
    "Resultatet följs upp igen i nästa tertialrapport.",
    "Vi ser en tydlig förbättring jämfört med samma period föregående år.",
    "Arbetet har försenats av att nyckelpersoner har varit frånvarande.",
    "Medarbetarenkäten visar ett högre aktivt medskapandeindex än förra året.",
    "Brukarundersökningen genomförs under hösten och resultatet redovisas i verksamhetsberättelsen.",
    "Kvalitetsombuden har gjort stickprov i den sociala dokumentationen.",
    "Planeringen har effektiviserats så att fler besök utförs av ordinarie personal.",
    "Synpunkter och klagomål har sammanställts och analyserats varje kvartal.",
    "Nutritionsombuden har genomfört riskbedömningar enligt Senior alert.",
    "Fler medarbetare än tidigare har gått webbutbildningen i palliativ vård.",
    "Schemaläggningen har setts över för att minska antalet delade turer.",
    "Enheten har haft ett nära samarbete med anhöriga under perioden.",
    "Arbetsmiljöronden genomfördes i mars och åtgärderna är till största delen klara.",
];

/// What deviates; `{n}` becomes a number.
pub const DEVIATION_WHAT: &[&str] = &[
    "Genomförandeplaner saknas i {n} ärenden",
    "Personalkontinuiteten är {n} personal per kund under en 14-dagarsperiod",
    "Sjukfrånvaron ligger över årsmålet",
    "{n} medarbetare har inte gått utbildningen i palliativ vård",
    "Brukarundersökningen visar lägre nöjdhet än föregående år",
    "Levnadsberättelse saknas för {n} kunder med demenssjukdom",
    "Andelen ekologiska livsmedel är lägre än målet",
    "Egenkontrollerna har inte genomförts enligt plan",
    "{n} avvikelser har inte utretts inom fastställd tid",
    "Elbilen används mer sällan än planerat",
    "Arbetsplatsträffar har ställts in vid {n} tillfällen",
    "Den sociala dokumentationen brister i {n} granskade ärenden",
    "Nutritionsombud saknas i {n} arbetsgrupper",
    "Handlingsplanen efter medarbetarenkäten är inte klar",
    "Bilanvändningen har ökat i stället för minskat",
    "Medarbetarsamtal har inte hållits med {n} medarbetare",
];

pub const DEVIATION_CAUSE: &[&str] = &[
    "Hög personalomsättning och flera vakanta tjänster under perioden.",
    "Planerade utbildningstillfällen ställdes in av utbildningsanordnaren.",
    "Verksamhetssystemet byttes under våren och rutinerna är inte på plats.",
    "Hög sjukfrånvaro bland samordnarna.",
    "Fler nya kunder än väntat har gjort att uppföljningar fått vänta.",
    "Arbetet har inte prioriterats i arbetsgrupperna.",
    "Bokningen av bilar och cyklar är krånglig.",
    "Chefsbyte under perioden.",
    "Underlaget från staden har kommit senare än planerat.",
    "Ombuden har inte haft avsatt tid för uppdraget.",
];

/// Åtgärd.
pub const DEVIATION_MEASURE: &[&str] = &[
    "Påminnelse till utförarna varje månad.",
    "Samordnarna följer upp genomförandeplanerna varje vecka.",
    "Nya utbildningstillfällen bokas under hösten.",
    "Punkten tas upp som stående punkt på arbetsplatsträffarna.",
    "Ombuden får avsatt tid två timmar i månaden.",
    "En handlingsplan tas fram tillsammans med medarbetarna.",
    "Rekrytering av två undersköterskor pågår.",
    "Stickprov i dokumentationen görs varje månad av enhetschefen.",
    "Rutinen för bokning förenklas och presenteras på APT.",
    "Uppföljning med HR kring sjukfrånvaron varje månad.",
    "Schemat ses över för att öka kontinuiteten.",
    "Resultatet följs upp i nästa tertialrapport.",
];

pub const RESPONSIBLE: &[&str] = &[
    "Enhetschef",
    "Biträdande enhetschef",
    "Samordnare",
    "Områdeschef",
    "Planerare",
    "Kvalitetsutvecklare",
    "Arbetsgruppens ombud",
];

pub const ACTIVITY_DONE: &[&str] = &[
    "Aktiviteten är genomförd enligt plan.",
    "Genomförd; resultatet har redovisats på arbetsplatsträffen.",
    "Alla medarbetare har deltagit.",
];
pub const ACTIVITY_ONGOING: &[&str] = &[
    "Arbetet pågår och fortsätter under hösten.",
    "Påbörjad i samtliga arbetsgrupper.",
    "Pågår enligt tidplan.",
];
pub const ACTIVITY_DELAYED: &[&str] = &[
    "Aktiviteten har skjutits upp på grund av vakanser.",
    "Försenad; utbildningen kunde inte genomföras under perioden.",
    "Försenad eftersom ansvarig samordnare har varit sjukskriven.",
];
pub const ACTIVITY_CANCELLED: &[&str] = &[
    "Inställd eftersom utbildningen inte erbjöds under året.",
    "Inställd; aktiviteten ersätts av en stadsövergripande satsning.",
];

/// Why an indicator without outcome was accepted.
pub const WAIVER_REASON: &[&str] = &[
    "Statistiken publiceras först i mars.",
    "Mätningen genomfördes inte i år.",
    "Resultatet från stadens enkät har inte kommit.",
];
