//! The import corpus on the full set: every layout of every bundled plan
//! for many seeds, imported and compared item by item. Prints the table of
//! exact items per layout and class (docs/import.md).
//!   cargo bench --bench import_corpus -- [SEEDS] [--missed] [--layout NAME]

use tertial::import::corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20);
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
    let results: Vec<_> = corpus::run(0..seeds)
        .into_iter()
        .filter(|(name, _)| only.is_none_or(|o| o == name))
        .collect();
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
        }
    }
}
