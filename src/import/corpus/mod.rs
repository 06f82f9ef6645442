//! The import corpus: the bundled plans rendered as plan text in many
//! layouts (wrapped, double-spaced, paged, OCR'd …), imported again and
//! compared item by item with the plan each came from. It measures how
//! well import generalises to layouts it was not written against.

mod compare;
mod layout;
mod render;
mod rng;

pub use compare::{CLASSES, Score, score};
pub use layout::{Layout, Lists, wrap};

use crate::plan::{Plan, parse_plan};
use rng::Rng;

/// The layouts of the corpus, by name. Each seed varies the details
/// (widths, list marks, where a page breaks, which letters OCR confuses).
pub const LAYOUTS: [&str; 11] = [
    "city", "double", "wrap", "pages", "lists", "subheads", "percent", "crlf", "ocr", "nofront",
    "mixed",
];

/// The layout `name` for `seed`.
pub fn layout(name: &str, seed: u64) -> Layout {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
    let mut l = Layout::default();
    let width = 50 + rng.below(21);
    let lists = [Lists::Dash, Lists::DashTight, Lists::Plain][rng.below(3)];
    match name {
        "double" => l.double = true,
        "wrap" => {
            l.wrap = Some(width);
            l.flat_tables = true;
        }
        "pages" => l.pages = true,
        "lists" => l.lists = lists,
        "subheads" => l.sub_headings = true,
        "percent" => {
            l.flat_tables = true;
            l.split_percent = true;
            l.wrap = Some(70);
        }
        "crlf" => l.crlf = true,
        "ocr" => l.ocr = true,
        "nofront" => {
            l.front = false;
            l.pages = seed % 2 == 1;
        }
        "mixed" => {
            if rng.chance(60) {
                l.wrap = Some(width);
                l.flat_tables = true;
            } else {
                l.flat_tables = rng.chance(30);
            }
            l.double = rng.chance(40);
            l.pages = rng.chance(60);
            l.lists = if rng.chance(50) { lists } else { Lists::City };
            l.sub_headings = rng.chance(50);
            l.split_percent = l.flat_tables && rng.chance(50);
            l.crlf = rng.chance(30);
            l.ocr = rng.chance(30);
            l.front = rng.chance(50);
        }
        _ => {}
    }
    l
}

/// The text of `plan` in `layout`; `seed` chooses the details.
pub fn render(plan: &Plan, layout: Layout, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let sub = layout.sub_headings.then(|| rng.below(6));
    let mut printer = layout::Printer {
        layout,
        rng: &mut rng,
        lines: Vec::new(),
    };
    if !layout.front && (!layout.pages || seed.is_multiple_of(4)) {
        // Without a front page the title line still names the unit.
        printer.lines.push(format!(
            "Verksamhetsplan {} {}",
            plan.unit.year, plan.unit.name
        ));
        printer.lines.push(String::new());
    }
    for b in render::blocks(plan, layout.front, sub) {
        printer.block(&b);
    }
    let mut lines = printer.lines;
    if layout.pages {
        lines = layout::paginate(lines, &mut rng, &plan.unit.name, plan.unit.year);
    }
    if layout.ocr {
        lines = lines.iter().map(|l| layout::ocr(l, &mut rng)).collect();
    }
    if layout.double {
        lines = lines.into_iter().flat_map(|l| [l, String::new()]).collect();
    }
    let eol = if layout.crlf { "\r\n" } else { "\n" };
    let mut s = lines.join(eol);
    s.push_str(eol);
    s
}

/// The bundled plans, parsed.
pub fn plans() -> Vec<Plan> {
    crate::plan::bundled::PLANS
        .iter()
        .map(|(path, text)| {
            parse_plan(path, text.as_bytes())
                .unwrap_or_else(|_| panic!("bundled plan {path} does not parse"))
        })
        .collect()
}

/// Imports `text` as `tertial import` does.
pub fn import(text: &str) -> super::Imported {
    super::import(text.as_bytes(), None)
}

/// Every layout's score over the bundled plans and `seeds`.
pub fn run(seeds: std::ops::Range<u64>) -> Vec<(&'static str, Score)> {
    run_layouts(&LAYOUTS, seeds)
}

/// The score of each of `names` over the bundled plans and `seeds`.
pub fn run_layouts(
    names: &[&'static str],
    seeds: std::ops::Range<u64>,
) -> Vec<(&'static str, Score)> {
    let plans = plans();
    names
        .iter()
        .map(|&name| {
            let mut total = Score::default();
            for seed in seeds.clone() {
                for (n, plan) in plans.iter().enumerate() {
                    let seed = seed * 16 + n as u64;
                    let text = render(plan, layout(name, seed), seed);
                    let imp = import(&text);
                    let mut s = score(plan, &imp.plan);
                    for m in &mut s.missed {
                        *m = format!("{name} seed {seed} {}: {m}", plan.unit.id);
                    }
                    for m in &mut s.extra {
                        *m = format!("{name} seed {seed} {}: got {m}", plan.unit.id);
                    }
                    total.add(&s);
                }
            }
            (name, total)
        })
        .collect()
}

fn percent(exact: usize, all: usize) -> String {
    if all == 0 {
        return "–".into();
    }
    let p = exact as f64 * 100.0 / all as f64;
    format!("{p:.1}").replace('.', ",")
}

/// The table of exact items per layout and class, as Markdown.
pub fn table(results: &[(&str, Score)]) -> String {
    let mut s = String::from("| layout |");
    for c in CLASSES {
        s.push_str(&format!(" {c} |"));
    }
    s.push_str(" all | exact % |\n|---|");
    for _ in 0..=CLASSES.len() {
        s.push_str("---:|");
    }
    s.push_str("---:|\n");
    let mut sum = Score::default();
    for (name, sc) in results {
        s.push_str(&format!("| {name} |"));
        for c in 0..CLASSES.len() {
            s.push_str(&format!(" {}/{} |", sc.exact[c], sc.total[c]));
        }
        s.push_str(&format!(
            " {}/{} | {} |\n",
            sc.all_exact(),
            sc.all(),
            percent(sc.all_exact(), sc.all())
        ));
        sum.add(sc);
    }
    s.push_str("| **all** |");
    for c in 0..CLASSES.len() {
        s.push_str(&format!(" {} |", percent(sum.exact[c], sum.total[c])));
    }
    s.push_str(&format!(
        " {}/{} | {} |\n",
        sum.all_exact(),
        sum.all(),
        percent(sum.all_exact(), sum.all())
    ));
    s
}
