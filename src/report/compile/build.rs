//! The district's document as report blocks: the title, the units not yet
//! klar, then per KF goal and nämndmål the counts per rating and every
//! unit's goals under it, grouped by area; then the shared indicators and
//! the synpunkter och klagomål summed over the units.

use super::area::Areas;
use super::read::{Input, UnitInput};
use super::tables;
use crate::followup::Status;
use crate::i18n::Lang;
use crate::overview::{Counts, UnitStatus};
use crate::plan::UnitGoal;
use crate::report::{Block, NOT_FILLED, clean, heading};
use crate::review::FlowState;
use std::collections::{BTreeMap, HashMap};

/// A nämndmål and the units with goals under it.
struct CommitteeSection<'a> {
    title: String,
    counts: Counts,
    /// Per area (in name order), the units and their goals under the
    /// nämndmål.
    areas: BTreeMap<String, Vec<(&'a UnitInput, Vec<&'a UnitGoal>)>>,
}

/// A KF goal and its nämndmål, in the order the plans give them.
struct KfSection<'a> {
    heading: String,
    committees: Vec<CommitteeSection<'a>>,
    index: HashMap<String, usize>,
}

/// The document's blocks. `units` are those the document covers (one
/// area's, or all), `areas` says which area each is in.
pub fn blocks(
    input: &Input,
    units: &[&UnitInput],
    areas: &Areas,
    area: Option<&str>,
) -> Vec<Block> {
    let lang = crate::i18n::current();
    let period = input.period;
    let overview = roll_up(input, units);
    let group_counts: HashMap<String, Counts> = overview
        .groups
        .iter()
        .map(|g| (group_key(&g.id, &g.title), g.counts))
        .collect();
    let mut out = vec![title(input, units, area, &overview.totals)];
    not_done(units, areas, &mut out);
    for kf in sections(units, areas, &group_counts) {
        out.push(heading(2, &kf.heading, true));
        for c in &kf.committees {
            let label = lang.t("Nämndmål", "Committee goal");
            out.push(heading(3, &format!("{label}: {}", c.title), false));
            let n: usize = c.areas.values().map(Vec::len).sum();
            let units = lang.count(n, ("enhet", "enheter"), ("unit", "units"));
            out.push(Block::Para(lang.pick(
                format!("{units} har enhetsmål under nämndmålet. Antal enhetsmål per bedömning:"),
                format!(
                    "{units} {} goals under this committee goal. Goals per rating:",
                    if n == 1 { "has" } else { "have" }
                ),
            )));
            out.push(tables::counts(&c.counts, period.is_forecast()));
            for (area_name, entries) in &c.areas {
                out.push(heading(4, area_name, false));
                for (u, goals) in entries {
                    unit_entry(u, goals, period.is_forecast(), &mut out);
                }
            }
        }
    }
    tables::shared_indicators(period, units, &mut out);
    tables::complaints(period, units, &mut out);
    if !input.problems.is_empty() {
        out.push(heading(
            2,
            lang.t(
                "Filer som inte gick att läsa",
                "Files that could not be read",
            ),
            true,
        ));
        out.push(Block::Bullets(
            input.problems.iter().map(|p| clean(p)).collect(),
        ));
    }
    out
}

/// The roll-up the overview shows, over the units of the document.
fn roll_up(input: &Input, units: &[&UnitInput]) -> crate::overview::Overview {
    use crate::overview::{FollowUpSummary, PlanSummary};
    let plans: Vec<PlanSummary> = units.iter().map(|u| PlanSummary::of(&u.plan)).collect();
    let followups: Vec<FollowUpSummary> = units
        .iter()
        .filter_map(|u| u.followup.as_ref().map(|f| (f, u.flow)))
        .map(|(f, flow)| FollowUpSummary {
            unit: f.unit.clone(),
            period: f.period.to_string(),
            status: f.status,
            reopened_from: f.reopened_from.clone(),
            flow,
            ratings: f
                .goals
                .iter()
                .filter_map(|g| Some((g.id.clone(), g.rating?)))
                .collect(),
        })
        .collect();
    crate::overview::roll_up(
        input.period,
        &plans,
        &followups,
        crate::overview::Sort::Name,
        Vec::new(),
    )
}

/// How the overview groups nämndmål across units: by normalised title, or
/// by id when the plan gives no title.
fn group_key(id: &str, title: &str) -> String {
    let title = crate::overview::normalise(title);
    if title.is_empty() {
        format!("\u{0}{}", crate::overview::normalise(id))
    } else {
        title
    }
}

fn title(
    input: &Input,
    units: &[&UnitInput],
    area: Option<&str>,
    t: &crate::overview::Totals,
) -> Block {
    let lang = crate::i18n::current();
    let period = input.period;
    let one_line = |s: &str| crate::sanitize::line(s.trim()).into_owned();
    let mut committees: Vec<String> = units
        .iter()
        .map(|u| one_line(&u.plan.unit.committee))
        .collect();
    committees.sort();
    committees.dedup();
    committees.retain(|c| !c.is_empty());
    // A district's few nämnder are named; a whole city's are counted.
    let mut lines: Vec<String> = if committees.len() <= 3 {
        committees
    } else {
        vec![lang.pick(
            format!("{} nämnder", committees.len()),
            format!("{} committees", committees.len()),
        )]
    };
    if let Some(a) = area {
        lines.push(format!("{}: {}", lang.t("Område", "Area"), one_line(a)));
    }
    let counted = lang.count(units.len(), ("enhet", "enheter"), ("unit", "units"));
    lines.push(lang.pick(
        format!(
            "{counted}: {}, {} utkast, {}, {} ej påbörjade",
            Lang::Sv.count(t.done, ("klar", "klara"), ("", "")),
            t.draft,
            Lang::Sv.count(t.reopened, ("återöppnad", "återöppnade"), ("", "")),
            t.not_started
        ),
        format!(
            "{counted}: {} done, {} draft, {} reopened, {} not started",
            t.done, t.draft, t.reopened, t.not_started
        ),
    ));
    let approved = units
        .iter()
        .filter(|u| u.flow == FlowState::Approved)
        .count();
    let returned = units
        .iter()
        .filter(|u| u.flow == FlowState::Returned)
        .count();
    if approved + returned > 0
        && let Some(last) = lines.last_mut()
    {
        last.push_str(&lang.pick(
            format!("; {approved} godkända, {returned} återsända"),
            format!("; {approved} approved, {returned} returned"),
        ));
    }
    Block::Title {
        title: match lang {
            Lang::Sv => format!("{} – sammanställning", period.title_sv()),
            Lang::En => format!("{} – compilation", period.title_en()),
        },
        lines,
    }
}

/// Where a unit stands: its status, and with a review, återsänd or
/// godkänd (a returned unit is not klar; an approved one is).
fn status_of(u: &UnitInput) -> FlowState {
    u.flow
}

/// The words for where a unit stands; a reopened follow-up not returned
/// by a reviewer reads as återöppnad.
fn status_label(u: &UnitInput) -> &'static str {
    let l = crate::i18n::current();
    match (u.flow, u.followup.as_ref().map(|f| f.status)) {
        (FlowState::Draft, Some(Status::Reopened)) => l.pick(
            UnitStatus::Reopened.label_sv(),
            UnitStatus::Reopened.label_en(),
        ),
        (flow, _) => l.pick(flow.label_sv(), flow.label_en()),
    }
}

/// The units whose follow-up is not klar, listed with where they stand:
/// the document never leaves a unit out silently.
fn not_done(units: &[&UnitInput], areas: &Areas, out: &mut Vec<Block>) {
    let lang = crate::i18n::current();
    out.push(heading(
        2,
        lang.t("Enheter som inte är klara", "Units not done"),
        false,
    ));
    let mut rows: Vec<Vec<String>> = units
        .iter()
        .filter(|u| !status_of(u).is_done())
        .map(|u| {
            vec![
                clean(u.plan.unit.name.trim()),
                clean(areas.of(&u.plan.unit.id)),
                status_label(u).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push(Block::Para(
            lang.t("Alla enheter är klara.", "Every unit is done.")
                .into(),
        ));
        return;
    }
    rows.sort_by(|a, b| (&a[1], a[0].to_lowercase()).cmp(&(&b[1], b[0].to_lowercase())));
    let n = rows.len();
    out.push(Block::Para(lang.pick(
        if n == 1 {
            "1 enhet är inte klar; dess mål står nedan med den bedömning som finns.".to_string()
        } else {
            format!("{n} enheter är inte klara; deras mål står nedan med den bedömning som finns.")
        },
        if n == 1 {
            "1 unit is not done; its goals stand below with what ratings there are.".to_string()
        } else {
            format!("{n} units are not done; their goals stand below with what ratings there are.")
        },
    )));
    out.push(Block::Table {
        columns: vec![
            lang.t("Enhet", "Unit").into(),
            lang.t("Område", "Area").into(),
            lang.t("Status", "Status").into(),
        ],
        rows,
    });
}

/// The KF goals and their nämndmål, in plan order (a KF goal or nämndmål
/// first met in a later plan comes after those met before), each
/// nämndmål with the units that have goals under it.
fn sections<'a>(
    units: &[&'a UnitInput],
    areas: &Areas,
    counts: &HashMap<String, Counts>,
) -> Vec<KfSection<'a>> {
    let lang = crate::i18n::current();
    let mut sorted: Vec<&UnitInput> = units.to_vec();
    sorted.sort_by_key(|u| (u.plan.unit.name.to_lowercase(), u.plan.unit.id.clone()));
    let mut kfs: Vec<KfSection> = Vec::new();
    let mut kf_index: HashMap<String, usize> = HashMap::new();
    for u in sorted {
        let plan = &u.plan;
        for g in &plan.unit_goals {
            let ctx = plan.context(g);
            let (kf_key, kf_heading) = match ctx.kf {
                Some(k) => (
                    crate::overview::normalise(&k.title),
                    lang.pick("KF:s inriktningsmål: ", "KF goal: ").to_string()
                        + &format!("{}. {}", k.id, k.title),
                ),
                None => (
                    String::new(),
                    lang.t("Utan KF:s inriktningsmål", "Without a KF goal")
                        .into(),
                ),
            };
            let ki = *kf_index.entry(kf_key).or_insert_with(|| {
                kfs.push(KfSection {
                    heading: kf_heading,
                    committees: Vec::new(),
                    index: HashMap::new(),
                });
                kfs.len() - 1
            });
            let kf = &mut kfs[ki];
            let (c_id, c_title) = ctx
                .committee
                .map_or(("", ""), |c| (c.id.as_str(), c.title.as_str()));
            let key = group_key(c_id, c_title);
            let ci = *kf.index.entry(key.clone()).or_insert_with(|| {
                kf.committees.push(CommitteeSection {
                    title: if c_title.trim().is_empty() {
                        c_id.to_string()
                    } else {
                        c_title.to_string()
                    },
                    counts: counts.get(&key).copied().unwrap_or_default(),
                    areas: BTreeMap::new(),
                });
                kf.committees.len() - 1
            });
            let list = kf.committees[ci]
                .areas
                .entry(areas.of(&plan.unit.id).to_string())
                .or_default();
            match list.last_mut() {
                Some((last, goals)) if std::ptr::eq(*last, u) => goals.push(g),
                _ => list.push((u, vec![g])),
            }
        }
    }
    kfs
}

/// One unit under a nämndmål: its name and status, then per goal the
/// rating, the summary analysis and the deviations with their åtgärder.
fn unit_entry(u: &UnitInput, goals: &[&UnitGoal], forecast: bool, out: &mut Vec<Block>) {
    let lang = crate::i18n::current();
    let mut name = clean(u.plan.unit.name.trim());
    if status_of(u) != FlowState::Done {
        name = format!("{name} ({})", status_label(u));
    }
    out.push(Block::Label(name));
    for g in goals {
        let rec = u.followup.as_ref().and_then(|f| f.goal(&g.id));
        let rating = rec.and_then(|r| r.rating);
        let words = match (rating, lang) {
            (Some(r), Lang::Sv) => r.label_sv(forecast),
            (Some(r), Lang::En) => r.label_en(forecast),
            (None, _) => lang.t("Ej ifylld", "Not filled in"),
        };
        let symbol = rating.map_or(crate::report::UNRATED_SYMBOL, |r| r.symbol());
        out.push(Block::Rating {
            rating,
            label: format!("{symbol} {words} – {}: {}", g.id, clean(g.title.trim())),
        });
        let summary = rec.map(|r| r.summary.trim()).unwrap_or("");
        out.push(if summary.is_empty() {
            Block::Placeholder(lang.t(NOT_FILLED, "(not filled in)").into())
        } else {
            Block::Para(clean(summary))
        });
        for (i, d) in rec
            .map(|r| r.deviations.as_slice())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            out.push(Block::Field {
                label: format!("{} {}", lang.t("Avvikelse", "Deviation"), i + 1),
                text: clean(d.what.trim()),
            });
            out.push(Block::Field {
                label: lang.t("Åtgärd", "Action").into(),
                text: if d.measure.trim().is_empty() {
                    lang.t(NOT_FILLED, "(not filled in)").into()
                } else {
                    clean(d.measure.trim())
                },
            });
        }
    }
}
