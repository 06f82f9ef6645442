use super::*;
use crate::followup::Status;

const BLOB: &str = "0123456789abcdef0123456789abcdef01234567";

fn review(outcome: Outcome) -> Review {
    Review {
        unit: "u1".into(),
        period: "2026-T1".parse().unwrap(),
        outcome,
        reviewer: "anna".into(),
        reviewed: BLOB.into(),
        overall: "Bra, men se E2.\nOch \"citat\".".into(),
        remarks: vec![
            Remark {
                on: Target::Goal("E2".into()),
                text: "Analysen saknar orsak.".into(),
            },
            Remark {
                on: Target::Part("economy".into()),
                text: "Prognosen?".into(),
            },
        ],
    }
}

#[test]
fn a_review_round_trips_through_its_file() {
    for outcome in [Outcome::Returned, Outcome::Approved] {
        let r = review(outcome);
        let text = r.to_toml();
        assert!(
            text.contains(&format!("outcome = \"{}\"", outcome.code())),
            "{text}"
        );
        assert!(text.contains("on = \"goal:E2\""), "{text}");
        assert_eq!(Review::parse(&text, "x.toml").unwrap(), r);
    }
}

#[test]
fn targets_parse_from_their_codes_and_nothing_else() {
    for t in [
        Target::Goal("E2".into()),
        Target::Indicator("I-3".into()),
        Target::Activity("A1".into()),
        Target::Part("complaints".into()),
    ] {
        assert_eq!(Target::parse(&t.code()), Some(t));
    }
    for bad in ["goal:", "E2", "part:other", "unit:E2", "goal:E 2", ""] {
        assert_eq!(Target::parse(bad), None, "{bad}");
    }
}

#[test]
fn a_bad_review_file_is_reported_at_its_line_and_column() {
    let text = review(Outcome::Approved)
        .to_toml()
        .replace("outcome = \"godkänd\"", "outcome = \"ok\"");
    let errs = Review::parse(&text, "reviews/2026-T1/u1.toml").unwrap_err();
    let line = text.lines().position(|l| l.starts_with("outcome")).unwrap() + 1;
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].line, errs[0].col), (line, 11));
    assert!(errs[0].to_string().contains("reviews/2026-T1/u1.toml"));

    let text = review(Outcome::Approved)
        .to_toml()
        .replace("on = \"goal:E2\"", "on = \"mål:E2\"")
        .replace(BLOB, "abc");
    let errs = Review::parse(&text, "f.toml").unwrap_err();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(Review::parse("schema = 1\nunit = ", "f.toml").is_err());
    assert!(Review::parse("schema = 2\n", "f.toml").is_err());
}

#[test]
fn the_flow_state_follows_status_and_review() {
    let approved = review(Outcome::Approved);
    let returned = review(Outcome::Returned);
    let other = "fedcba9876543210fedcba9876543210fedcba98";
    assert_eq!(flow_state(None, None, "", None), FlowState::NotStarted);
    assert_eq!(
        flow_state(None, None, "", Some(&approved)),
        FlowState::NotStarted
    );
    assert_eq!(
        flow_state(Some(Status::Draft), Some(BLOB), "", None),
        FlowState::Draft
    );
    assert_eq!(
        flow_state(Some(Status::Done), Some(BLOB), "", None),
        FlowState::Done
    );
    assert_eq!(
        flow_state(Some(Status::Done), Some(BLOB), "", Some(&approved)),
        FlowState::Approved
    );
    // An approval of another version is void.
    assert_eq!(
        flow_state(Some(Status::Done), Some(other), "", Some(&approved)),
        FlowState::Done
    );
    assert_eq!(
        flow_state(Some(Status::Reopened), Some(BLOB), "", Some(&approved)),
        FlowState::Draft
    );
    assert_eq!(
        flow_state(Some(Status::Reopened), Some(other), "", Some(&returned)),
        FlowState::Returned
    );
    assert_eq!(
        flow_state(Some(Status::Draft), Some(other), "", Some(&returned)),
        FlowState::Returned
    );
    // Klar again after a return: klar.
    assert_eq!(
        flow_state(Some(Status::Done), Some(other), "", Some(&returned)),
        FlowState::Done
    );
    // Reopened from the version the return names: still returned; the
    // chief's own reopen of a later klar version: not the old return.
    assert_eq!(
        flow_state(Some(Status::Reopened), Some(other), BLOB, Some(&returned)),
        FlowState::Returned
    );
    assert_eq!(
        flow_state(Some(Status::Draft), Some(other), BLOB, Some(&returned)),
        FlowState::Returned
    );
    assert_eq!(
        flow_state(Some(Status::Reopened), Some(BLOB), other, Some(&returned)),
        FlowState::Draft
    );
    let symbols: std::collections::HashSet<_> = FlowState::ALL.iter().map(|s| s.symbol()).collect();
    assert_eq!(symbols.len(), 5);
}

proptest::proptest! {
    #[test]
    fn any_text_round_trips_through_the_file(
        overall in "\\PC*|[\\s\\S]{0,40}",
        text in "[\\s\\S]{0,40}",
        id in "[A-Za-z0-9._-]{1,8}",
    ) {
        let mut r = review(Outcome::Returned);
        r.overall = overall;
        r.remarks = vec![Remark { on: Target::Indicator(id), text }];
        let back = Review::parse(&r.to_toml(), "x.toml");
        proptest::prop_assert_eq!(back, Ok(r));
    }

    #[test]
    fn any_bytes_are_read_without_a_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = Review::parse_bytes(&bytes, "x.toml");
        let _ = Target::parse(&String::from_utf8_lossy(&bytes));
    }
}
