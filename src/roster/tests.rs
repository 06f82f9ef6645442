use super::*;

const KEY_A: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHh5eXh5eXh5eXh5eXh5eXh5eXh5eXh5eXh5eXh5eXh5 anna@laptop";
const KEY_B: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJi";

fn sample() -> String {
    format!(
        r#"schema = 1

[people.anna]
name = "Anna Andersson"
emails = ["anna.andersson@stockholm.se", "anna@example.invalid"]
keys = ["{KEY_A}"]

[people.bertil]
name = "Bertil Berg"
emails = ["bertil.berg@stockholm.se"]
keys = ["{KEY_B}", "openpgp:0123456789abcdef0123456789abcdef01234567"]

[people.cecilia]
name = "Cecilia Carlsson"
emails = ["cecilia.carlsson@stockholm.se"]

[people.david]
name = "David Dahl"
emails = ["david.dahl@stockholm.se"]

[units.hagerstens-hemtjanst]
chiefs = ["anna"]

[units.bestallarenhet-2]
chiefs = ["david"]

[areas.aldreomsorg]
name = "Äldreomsorg"
chiefs = ["bertil"]
units = ["hagerstens-hemtjanst", "bestallarenhet-2"]

[roles]
controllers = ["cecilia"]
roster = ["cecilia"]
reopen = ["cecilia"]
"#
    )
}

#[test]
fn who_may_do_what() {
    let r = Roster::parse(&sample(), "roster.toml").unwrap();
    assert_eq!(
        r.person_by_email("ANNA@example.invalid")
            .map(|p| p.id.as_str()),
        Some("anna")
    );
    assert_eq!(r.person_by_email("nobody@example.invalid"), None);
    assert_eq!(r.person_by_id("bertil").unwrap().name, "Bertil Berg");
    assert_eq!(
        r.person_by_key(KEY_B).map(|p| p.id.as_str()),
        Some("bertil")
    );
    // The comment of a .pub line does not matter.
    let bare_a = KEY_A.rsplit_once(' ').unwrap().0;
    assert_eq!(r.person_by_key(bare_a).map(|p| p.id.as_str()), Some("anna"));
    assert!(r.may_write("hagerstens-hemtjanst", "anna"));
    assert!(r.may_write("hagerstens-hemtjanst", "bertil"));
    assert!(!r.may_write("hagerstens-hemtjanst", "david"));
    assert!(!r.may_write("hagerstens-hemtjanst", "cecilia"));
    assert!(!r.may_write("unlisted-unit", "anna"));
    let writers: Vec<&str> = r
        .writers("hagerstens-hemtjanst")
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(writers, ["anna", "bertil"]);
    assert!(r.may_reopen("hagerstens-hemtjanst", "anna"));
    assert!(r.may_reopen("hagerstens-hemtjanst", "cecilia"));
    assert!(!r.may_reopen("hagerstens-hemtjanst", "david"));
    assert!(r.may_review("bestallarenhet-2", "bertil"));
    assert!(!r.may_review("bestallarenhet-2", "david"));
    assert!(r.may_change_roster("cecilia"));
    assert!(!r.may_change_roster("bertil"));
    assert!(r.is_controller("cecilia"));
    assert_eq!(
        Roster::describe(&r.writers("bestallarenhet-2")),
        "David Dahl <david.dahl@stockholm.se>, Bertil Berg <bertil.berg@stockholm.se>"
    );
}

#[test]
fn chiefs_may_be_kept_from_reopening() {
    let text = sample().replace(
        "reopen = [\"cecilia\"]",
        "reopen = []\nchiefs_reopen = false",
    );
    let r = Roster::parse(&text, "roster.toml").unwrap();
    assert!(!r.may_reopen("hagerstens-hemtjanst", "anna"));
    assert!(r.may_reopen("hagerstens-hemtjanst", "bertil"));
}

#[test]
fn allowed_signers_name_every_ssh_key_by_its_owners_emails() {
    let r = Roster::parse(&sample(), "roster.toml").unwrap();
    let a = KEY_A.rsplit_once(' ').unwrap().0;
    assert_eq!(
        r.allowed_signers(),
        format!(
            "anna.andersson@stockholm.se,anna@example.invalid namespaces=\"git\" {a}\n\
             bertil.berg@stockholm.se namespaces=\"git\" {KEY_B}\n"
        )
    );
}

fn problems(text: &str) -> String {
    let _l = crate::i18n::speaking(crate::i18n::Lang::En);
    match Roster::parse(text, "roster.toml") {
        Err(RosterError::Invalid(d)) => d.iter().map(|d| d.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn problems_name_file_line_and_column() {
    let text = sample().replace("chiefs = [\"david\"]", "chiefs = [\"davd\"]");
    let p = problems(&text);
    assert!(p.contains("roster.toml:25:11"), "{p}");
    assert!(p.contains("\"davd\" is not under [people]"), "{p}");
    assert!(p.contains("chiefs = [\"davd\"]"), "{p}");

    let p = problems(&sample().replace(
        "keys = [\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJi",
        "keys = [\"ssh-dss AAAAC3NzaC1lZDI1NTE5AAAAIGJi",
    ));
    assert!(p.contains("roster.toml:11:9"), "{p}");
    assert!(p.contains("not a key"), "{p}");

    let p = problems(&sample().replace("[people.david]", "[people.David]"));
    assert!(p.contains("not usable as a user name"), "{p}");

    let p = problems("schema = 1\n[units.x]\nchefs = []\n");
    assert!(p.contains("roster.toml:3:1"), "{p}");

    let p = problems(
        "schema = 1\n[people.a]\nname = \"A\"\nemails = [\"a@x\"]\n[people.b]\nname = \"B\"\nemails = [\"A@x\"]\n",
    );
    assert!(
        p.contains("roster.toml:7:") && p.contains("already belongs to a"),
        "{p}"
    );

    let p = problems("schema = 2\n");
    assert!(
        p.contains("roster.toml:1:10") && p.contains("expected 1"),
        "{p}"
    );
}

#[test]
fn read_at_a_commit_of_the_repository() {
    let (_d, repo) = crate::repo::testutil::empty_repo();
    let who = crate::repo::testutil::sig();
    let first = crate::repo::commit_files(
        &repo,
        "main",
        &[crate::repo::FileChange::put("a", "1")],
        "a",
        &who,
    )
    .unwrap();
    assert_eq!(at_commit(&repo, first).unwrap(), None);
    let second = crate::repo::commit_files(
        &repo,
        "main",
        &[crate::repo::FileChange::put(ROSTER_FILE, sample())],
        "roster",
        &who,
    )
    .unwrap();
    let r = at_commit(&repo, second).unwrap().unwrap();
    assert_eq!(r.people.len(), 4);
    assert_eq!(at_tip(&repo, "main").unwrap(), Some(r));
    let bad = crate::repo::commit_files(
        &repo,
        "main",
        &[crate::repo::FileChange::put(ROSTER_FILE, "schema = \n")],
        "broken",
        &who,
    )
    .unwrap();
    assert!(matches!(
        at_commit(&repo, bad),
        Err(RosterError::Invalid(_))
    ));
}

#[test]
fn the_demo_roster_lets_its_chief_write_every_demo_unit() {
    let chief = crate::repo::Identity::new("Ann \"Demo\" Chef", "ann@example.invalid").unwrap();
    let r = Roster::parse(
        &crate::workspace::create::demo_roster(&chief),
        "roster.toml",
    )
    .unwrap();
    let me = r.person_by_email("ann@example.invalid").unwrap();
    assert_eq!(me.name, "Ann \"Demo\" Chef");
    for (path, _) in crate::plan::bundled::PLANS {
        let unit = path
            .rsplit('/')
            .next()
            .unwrap()
            .strip_suffix(".toml")
            .unwrap();
        assert!(r.may_write(unit, &me.id), "{unit}");
        assert!(r.may_review(unit, "omradeschef"), "{unit}");
    }
    assert!(r.may_change_roster(&me.id));
    assert!(r.is_controller("controller"));
}

#[test]
fn an_area_chief_who_is_also_the_units_chief_may_not_review_it() {
    let text = sample().replace(
        "[units.bestallarenhet-2]\nchiefs = [\"david\"]",
        "[units.bestallarenhet-2]\nchiefs = [\"david\", \"bertil\"]",
    );
    let r = Roster::parse(&text, "roster.toml").unwrap();
    assert!(r.may_write("bestallarenhet-2", "bertil"));
    assert!(!r.may_review("bestallarenhet-2", "bertil"));
    // The area's other unit is still theirs to review.
    assert!(r.may_review("hagerstens-hemtjanst", "bertil"));
}
