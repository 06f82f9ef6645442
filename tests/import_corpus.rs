//! The import corpus on a small set: each bundled plan rendered in every
//! layout of the corpus (one seed), imported, and compared item by item
//! with the plan it came from. The full set is `cargo bench --bench
//! import_corpus`.

use tertial::import::corpus;

#[test]
fn every_layout_renders_text_that_names_every_goal() {
    for plan in corpus::plans() {
        for name in corpus::LAYOUTS {
            let text = corpus::render(&plan, corpus::layout(name, 1), 1);
            let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                folded.contains("Enhetsmål") || folded.contains("Enhetsmal"),
                "{name}: no enhetsmål in the rendering"
            );
            if name == "crlf" {
                assert!(text.contains("\r\n"));
            }
        }
    }
}

#[test]
fn the_city_layout_round_trips_every_item() {
    for plan in corpus::plans() {
        let text = corpus::render(&plan, corpus::layout("city", 0), 0);
        let imp = corpus::import(&text);
        let s = corpus::score(&plan, &imp.plan);
        assert!(s.missed.is_empty(), "{}: {:#?}", plan.unit.id, s.missed);
    }
}

/// Exact items of `layout` over the bundled plans and two seeds, in percent.
fn exact_percent(layout: &str) -> (f64, Vec<String>) {
    let mut all = corpus::Score::default();
    for seed in 0..2u64 {
        for plan in corpus::plans() {
            let text = corpus::render(&plan, corpus::layout(layout, seed), seed);
            let imp = corpus::import(&text);
            all.add(&corpus::score(&plan, &imp.plan));
        }
    }
    (
        all.all_exact() as f64 * 100.0 / all.all() as f64,
        all.missed,
    )
}

fn assert_layout(layout: &str) {
    let (p, missed) = exact_percent(layout);
    assert!(
        p >= 98.0,
        "{layout}: {p:.1} % exact; missed: {:#?}",
        &missed[..missed.len().min(10)]
    );
}

#[test]
fn points_without_numbers_are_separate_points() {
    assert_layout("lists");
}

#[test]
fn sub_headings_inside_a_field_stay_in_the_field() {
    assert_layout("subheads");
}

#[test]
fn ocr_text_is_repaired_with_the_system_dictionary() {
    let (p, missed) = exact_percent("ocr");
    match tertial::spell::swedish() {
        Ok(_) => assert!(p >= 97.5, "{p:.1} % exact: {:#?}", &missed[..10]),
        Err(_) => {
            let plan = &corpus::plans()[0];
            let text = corpus::render(plan, corpus::layout("ocr", 0), 0);
            let imp = corpus::import(&text);
            assert!(
                imp.notes.iter().any(|(_, n)| n.contains("word list only")),
                "no note that the dictionary is missing"
            );
        }
    }
}

#[test]
fn clean_text_gets_no_repairs() {
    let text = "Verksamhetsplan 2026 Testenhetens hemtjänst\n\nInledning\n\n\
        Vi har APT-\nmöten varje månad under perioden 2020-\n2023 och framåt.\n\n\
        Nämndmål: Äldre har ett tryggt liv\n\nEnhetsmål: Enheten är trygg\n\n\
        Förväntat resultat\n\n1. Kunderna är nöjda med vården.\n";
    let imp = corpus::import(text);
    assert_eq!(imp.repairs, 0);
    let s = &imp.plan.sections[0].text;
    assert!(s.contains("APT-möten"), "{s}");
    assert!(s.contains("2020-2023"), "{s}");
}

/// The mixed layouts (wrapped, paged, OCR'd … at random per seed) on the
/// small set: the floor this set reaches, so a change that loses items on
/// them shows.
#[test]
fn mixed_layouts_keep_their_floor() {
    if tertial::spell::swedish().is_err() {
        return;
    }
    let (p, missed) = exact_percent("mixed");
    assert!(
        p >= 97.5,
        "{p:.1} % exact: {:#?}",
        &missed[..missed.len().min(10)]
    );
}
