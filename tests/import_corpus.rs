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
