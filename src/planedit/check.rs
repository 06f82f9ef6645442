//! Whether a corrected plan may be written: it must pass the plan checker
//! as `tertial check` will read it back, and in a workspace's
//! plans/<year>/ agree with its place (year and unit id).

use super::model::Model;
use crate::plan::write::to_toml;

/// The plan's text when it passes the checker (and fits where it goes),
/// else the messages.
pub fn check(m: &Model, path: &std::path::Path) -> Result<String, Vec<String>> {
    let text = to_toml(&m.doc.plan);
    let name = path.display().to_string();
    if let Err(diags) = crate::plan::parse_plan(&name, text.as_bytes()) {
        return Err(diags.iter().map(|d| d.to_string()).collect());
    }
    let p = &m.doc.plan.unit;
    if let Some((year, stem)) = workspace_place(path) {
        let mut out = Vec::new();
        if year != p.year {
            out.push(format!(
                "{name}: {} {} {} plans/{year}/",
                m.lang.t("planen gäller", "the plan is for"),
                p.year,
                m.lang.t("men ligger i", "but is in"),
            ));
        }
        if stem != p.id {
            out.push(format!(
                "{name}: {} {:?} {} {stem}.toml",
                m.lang.t("enhetens id är", "the unit id is"),
                p.id,
                m.lang.t("men filen heter", "but the file is named"),
            ));
        }
        if !out.is_empty() {
            return Err(out);
        }
    }
    Ok(text)
}

/// `.../plans/<year>/<stem>.toml`: where `tertial check` wants the year
/// and the unit id to agree with the file's place.
fn workspace_place(out: &std::path::Path) -> Option<(i64, String)> {
    let stem = out.file_stem()?.to_str()?;
    (out.extension()? == "toml").then_some(())?;
    let year_dir = out.parent()?;
    let year: i64 = year_dir.file_name()?.to_str()?.parse().ok()?;
    (year_dir.parent()?.file_name()? == crate::workspace::PLANS_DIR).then_some(())?;
    Some((year, stem.to_string()))
}
