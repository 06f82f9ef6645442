//! The Word export and hostile text: control characters, escape
//! sequences, reordering marks and XML markup in plan and follow-up fields
//! never reach the package's XML raw, whatever the text.

mod docx;
use docx::*;
use proptest::prelude::{ProptestConfig, Strategy, any, prop_assert, prop_assert_eq, proptest};
use roxmltree::Document;
use tertial::followup::FollowUp;
use tertial::plan::Plan;
use tertial::report;

const HOSTILE: &str = "a\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}31m\u{85}c\u{202E}d\u{2066}e\r\
    \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}\u{80}\u{9f}\u{200F}\u{2028}\u{FEFF}\u{FFFE}\u{FFFF}\
    <script>alert('x')</script> & \"q\" ]]> <![CDATA[x]]> <?pi?> <!-- c --> &amp; \
    </w:t></w:r></w:p><w:p><w:r><w:t>injected\n# rubrik\n- punkt";

fn hostile() -> (Plan, FollowUp) {
    let mut plan = plan();
    plan.unit.name = HOSTILE.into();
    plan.unit.committee = HOSTILE.into();
    plan.unit_goals[0].title = HOSTILE.into();
    plan.unit_goals[0].expected_results[0] = HOSTILE.into();
    plan.committee_goals[0].title = HOSTILE.into();
    plan.committee_goals[0].description = HOSTILE.into();
    plan.committee_goals[0].expected_results[0] = HOSTILE.into();
    plan.indicators[0].name = HOSTILE.into();
    plan.indicators[0].kf_target = Some(HOSTILE.into());
    plan.activities[0].text = HOSTILE.into();
    plan.kf_goals[0].title = HOSTILE.into();
    let mut f = followup(&plan);
    f.goals[0].summary = HOSTILE.into();
    f.goals[0].analysis[0] = HOSTILE.into();
    f.goals[0].deviations.push(tertial::followup::Deviation {
        what: HOSTILE.into(),
        cause: HOSTILE.into(),
        measure: HOSTILE.into(),
        responsible: Some(HOSTILE.into()),
        ..Default::default()
    });
    f.activities[0].analysis = HOSTILE.into();
    f.activities[0].deviation = true;
    (plan, f)
}

#[test]
fn hostile_text_never_reaches_the_xml_raw() {
    let (plan, f) = hostile();
    let bytes = report::docx(&plan, &f, &[]);
    for (name, xml) in unzip(&bytes) {
        for c in xml.chars() {
            assert!(
                c == '\n' || !(c.is_control() || tertial::sanitize::is_reordering(c)),
                "{name}: U+{:04X}",
                c as u32
            );
            assert!(c != '\u{FFFE}' && c != '\u{FFFF}', "{name}");
        }
        let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The markup in the text stayed text: no element came from it.
        assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
        assert!(
            !doc.descendants().any(|n| n.is_pi() || n.is_comment()),
            "{name}"
        );
        assert!(!xml.contains("<script"), "{name}");
        assert!(!xml.contains("<![CDATA["), "{name}");
    }
    let parts = parts(&bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let all = text_of(doc.root());
    assert!(all.contains("<script>alert('x')</script> & \"q\" ]]> <![CDATA[x]]>"));
    assert!(all.contains("</w:t></w:r></w:p><w:p><w:r><w:t>injected"));
    assert!(all.contains("␛[2J"));
    assert!(all.contains("<U+202E>"));
    // User text adds no heading, table or paragraph outside its own.
    let clean = vb();
    let clean_doc = parts_doc(&clean.0);
    let clean_doc = Document::parse(&clean_doc).unwrap();
    assert_eq!(word_headings(&doc).len(), word_headings(&clean_doc).len());
    let count = |d: &Document, name: &str| d.descendants().filter(|n| w(*n, name)).count();
    assert_eq!(count(&doc, "tbl"), count(&clean_doc, "tbl"));
    let core = &parts["docProps/core.xml"];
    assert!(core.contains("&lt;script&gt;"));
    assert!(parts["word/footer1.xml"].contains("&lt;script&gt;"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..Default::default()
    })]

    /// Any text in any field gives a package whose every part is
    /// well-formed XML without a control character, and the same outline.
    #[test]
    fn any_text_gives_well_formed_parts(
        texts in proptest::collection::vec(
            proptest::collection::vec(any::<char>(), 0..60)
                .prop_map(String::from_iter),
            9,
        )
    ) {
        let mut plan = plan();
        plan.unit.name = texts[0].clone();
        plan.kf_goals[0].title = texts[1].clone();
        plan.indicators[0].name = texts[2].clone();
        plan.activities[0].text = texts[3].clone();
        plan.unit_goals[0].expected_results[0] = texts[4].clone();
        let mut f = followup(&plan);
        f.goals[0].summary = texts[5].clone();
        f.goals[0].analysis[0] = texts[6].clone();
        f.activities[0].analysis = texts[7].clone();
        f.goals[0].deviations.push(tertial::followup::Deviation {
            what: texts[8].clone(),
            link: Some(texts[8].clone()),
            ..Default::default()
        });
        let bytes = report::docx(&plan, &f, &[]);
        for (name, xml) in unzip(&bytes) {
            let doc = Document::parse(&xml);
            prop_assert!(doc.is_ok(), "{}: {:?}", name, doc.err());
            prop_assert!(
                xml.chars().all(|c| c == '\n' || !c.is_control()),
                "{}", name
            );
        }
        let doc = parts_doc(&bytes);
        let doc = Document::parse(&doc).unwrap();
        prop_assert_eq!(word_headings(&doc).len(), 26);
    }
}
