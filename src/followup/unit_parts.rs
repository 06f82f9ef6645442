//! The unit-level parts of a follow-up, besides the goals: Sammanfattande
//! analys, Uppföljning av ekonomi, Systematiskt kvalitetsarbete and the
//! table Redovisning av synpunkter och klagomål with its fixed categories.

use serde::{Deserialize, Serialize};

/// Uppföljning av ekonomi. Amounts in tkr, as the city reports them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Economy {
    /// Budget for the year (tkr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Utfall, or the forecast for the year end in T1/T2 (tkr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<f64>,
    /// Analys av resultaträkning.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub analysis: String,
}

impl Economy {
    pub fn is_empty(&self) -> bool {
        self.budget.is_none() && self.outcome.is_none() && self.analysis.trim().is_empty()
    }
}

/// Systematiskt kvalitetsarbete.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// The unit's quality work in the period, free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Lex Sarah/lex Maria: reports made and what they led to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lex_sarah: String,
    /// Avvikelser: the deviations reported and what was learnt.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deviations: String,
    /// What else the unit reports here (synpunkter och klagomål in words,
    /// extern granskning, egenkontroller …), free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other: String,
}

impl Quality {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.lex_sarah.trim().is_empty()
            && self.deviations.trim().is_empty()
            && self.other.trim().is_empty()
    }
}

/// One row of Redovisning av synpunkter och klagomål for this period.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintCount {
    /// A code of [`CATEGORIES`].
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Bedömning och planerade åtgärder.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessment: String,
}

impl ComplaintCount {
    pub fn is_empty(&self) -> bool {
        self.count.is_none() && self.assessment.trim().is_empty()
    }
}

/// A row of the city's table: its stable code, its group (Uppdelning) and
/// its words (Klagomål/synpunkter/kategorier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    pub code: &'static str,
    pub group: &'static str,
    pub name: &'static str,
}

const fn cat(code: &'static str, group: &'static str, name: &'static str) -> Category {
    Category { code, group, name }
}

const LEX_SARAH: &str = "Avvikelse - Lex Sarah";
const SOL_LSS: &str = "Avvikelse - SOL/LSS";
const FOUND_BY: &str = "Avvikelser enligt SOL/LSS - Vem har identifierat avvikelsen?";
const FROM_WHOM: &str = "Från vem har klagomål eller synpunkt inkommit?";
const PERSONAL_DATA: &str = "Personuppgiftsincidenter";
const NOT_STAFF: &str = "Synpunkter och klagomål - ej personalrelaterade";
const STAFF: &str = "Synpunkter och klagomål - som gäller verksamhet och personal";
const CONCERNS: &str = "Vem avser avvikelser - SOL/LSS";
const FEEDBACK: &str = "Vilken återkoppling och vilka åtgärder har gjorts?";

/// The categories of the city's table, in its order.
pub const CATEGORIES: [Category; 34] = [
    cat(
        "lex-sarah-ivo",
        LEX_SARAH,
        "Antal anmälningar till IVO (Antal rapporter som bedömts som allvarligt missförhållande eller påtaglig risk för missförhållande och anmälts till IVO)",
    ),
    cat("lex-sarah-rapporter", LEX_SARAH, "Antal inkomna rapporter"),
    cat("sol-annat", SOL_LSS, "Annat"),
    cat("sol-bemotande", SOL_LSS, "Bemötande"),
    cat(
        "sol-fysisk-miljo",
        SOL_LSS,
        "Fysisk miljö, utrustning och teknik",
    ),
    cat(
        "sol-rattssakerhet",
        SOL_LSS,
        "Rättssäkerhet vid handläggning och utförande",
    ),
    cat("sol-utforande", SOL_LSS, "Utförande av insats"),
    cat(
        "identifierad-extern",
        FOUND_BY,
        "Extern samverkanspart - avser en annan verksamhet eller annan enhet.",
    ),
    cat(
        "identifierad-medarbetare",
        FOUND_BY,
        "Medarbetare (inom den egna verksamheten/enheten)",
    ),
    cat("berom", "Beröm", "Beröm"),
    cat("fran-annan", FROM_WHOM, "Annan"),
    cat(
        "fran-annan-instans",
        FROM_WHOM,
        "Annan instans (t ex Patientnämnden)",
    ),
    cat("fran-anonym", FROM_WHOM, "Anonym"),
    cat("fran-brukare", FROM_WHOM, "Brukare/patient"),
    cat(
        "fran-narstaende",
        FROM_WHOM,
        "Närstående (anhörig, god man etc.)",
    ),
    cat(
        "fran-samverkanspart",
        FROM_WHOM,
        "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)",
    ),
    cat(
        "fran-tillsyn",
        FROM_WHOM,
        "Tillsynsmyndighet (t.ex. IVO, Skolinspektionen)",
    ),
    cat(
        "personuppgifter",
        PERSONAL_DATA,
        "Hantering av personuppgifter",
    ),
    cat(
        "ej-personal-annat",
        NOT_STAFF,
        "Annat (ange vad i rapporteringsvyn)",
    ),
    cat(
        "ej-personal-miljo",
        NOT_STAFF,
        "Fysisk miljö inne eller ute (ej städad, avsaknad av material etc.)",
    ),
    cat(
        "ej-personal-it",
        NOT_STAFF,
        "Teknik, verksamhetssystem eller IT-relaterade frågor",
    ),
    cat(
        "personal-annat",
        STAFF,
        "Annat (ange vad i rapporteringsvyn)",
    ),
    cat("personal-bemanning", STAFF, "Bemanning"),
    cat("personal-bemotande", STAFF, "Bemötande"),
    cat(
        "personal-beslut",
        STAFF,
        "Beslut (avsaknad av, missnöje med etc)",
    ),
    cat("personal-fraga", STAFF, "Fråga/idé"),
    cat(
        "personal-information",
        STAFF,
        "Information (utebliven info, obegriplig etc)",
    ),
    cat("personal-kompetens", STAFF, "Kompetens"),
    cat(
        "personal-tillganglighet",
        STAFF,
        "Tillgänglighet (öppettider, telefontider)",
    ),
    cat("personal-insats", STAFF, "Utebliven/försenad insats"),
    cat("avser-annan", CONCERNS, "Annan verksamhet"),
    cat("avser-egen", CONCERNS, "Den egna verksamheten"),
    cat(
        "aterkoppling",
        FEEDBACK,
        "Antal synpunkter/klagomål där återkoppling har lämnats",
    ),
    cat(
        "atgarder",
        FEEDBACK,
        "Antal synpunkter/klagomål där åtgärder vidtagits",
    ),
];

pub fn category(code: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.code == code)
}

/// The index of a category in the table's order (unknown codes last).
pub fn category_order(code: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| c.code == code)
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_lookups_find_them() {
        let mut codes: Vec<&str> = CATEGORIES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CATEGORIES.len());
        assert_eq!(category("berom").map(|c| c.group), Some("Beröm"));
        assert_eq!(category_order("atgarder"), CATEGORIES.len() - 1);
        assert_eq!(category_order("nope"), usize::MAX);
    }
}
