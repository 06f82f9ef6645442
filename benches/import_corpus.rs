//! The import corpus on the full set: every layout of every bundled plan
//! for many seeds, imported and compared item by item. Prints the table of
//! exact items per layout and class (docs/import.md).
//!   cargo bench --bench import_corpus -- [SEEDS] [--from FIRST] [--missed] [--layout NAME]
//!   cargo bench --bench import_corpus -- --time   (import of 0.5, 1 and 2 MiB)

use tertial::import::corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds: u64 = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || args[i - 1] != "--from")
        .find_map(|(_, a)| a.parse().ok())
        .unwrap_or(20);
    // --from FIRST: the seeds FIRST.. instead of 0.., to measure on others.
    let first: u64 = args
        .iter()
        .position(|a| a == "--from")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let missed = args.iter().any(|a| a == "--missed");
    let only = args
        .iter()
        .position(|a| a == "--layout")
        .and_then(|i| args.get(i + 1));
    if let Some(name) = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
    {
        // --show LAYOUT:SEED:PLAN prints one rendering.
        let parts: Vec<&str> = name.split(':').collect();
        let plans = corpus::plans();
        let seed: u64 = parts.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let n: usize = parts.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
        print!(
            "{}",
            corpus::render(&plans[n], corpus::layout(parts[0], seed), seed)
        );
        return;
    }
    if args.iter().any(|a| a == "--time") {
        time_rows();
        return;
    }
    let names: Vec<&'static str> = corpus::LAYOUTS
        .iter()
        .copied()
        .filter(|name| only.is_none_or(|o| o == name))
        .collect();
    let results = corpus::run_layouts(&names, first..first + seeds);
    println!(
        "{} bundled plans × {seeds} seeds per layout\n",
        corpus::plans().len()
    );
    print!("{}", corpus::table(&results));
    if missed {
        for (_, s) in &results {
            for m in &s.missed {
                println!("{m}");
            }
            for m in &s.extra {
                println!("{m}");
            }
        }
    }
}

/// Import time of 0.5, 1 and 2 MiB of plan text (renderings of the bundled
/// plans in the mixed layouts, one after another): linear, not quadratic.
fn time_rows() {
    let plans = corpus::plans();
    let mut text = String::new();
    let mut seed = 0u64;
    while text.len() < 2 * 1024 * 1024 {
        let plan = &plans[seed as usize % plans.len()];
        text.push_str(&corpus::render(plan, corpus::layout("mixed", seed), seed));
        seed += 1;
    }
    println!("| import input | lines | time |\n|---|---:|---:|");
    for kib in [512usize, 1024, 2048] {
        let mut cut = (kib * 1024).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let input = &text[..cut];
        let start = std::time::Instant::now();
        let imp = corpus::import(input);
        let took = start.elapsed();
        std::hint::black_box(&imp);
        println!(
            "| {kib} KiB | {} | {:.2} s |",
            input.lines().count(),
            took.as_secs_f64()
        );
    }
}
