//! Preparing to store (Data 2.4), PUT and POST bodies, voiding, and Agent identity.

use serde_json::json;
use skillgym_xapi::{
    Actor, Agent, can_be_voided, is_voiding, mbox_of, prepare, validate, validate_batch,
    validate_put, voided_target, voided_target_json,
};
use time::macros::datetime;
use uuid::Uuid;

use crate::examples::{APPENDIX_A_LONG, APPENDIX_A_SIMPLE, COMMENT, PLANNED, SIMPLEST, VOIDING};
use crate::{base, parse, with};

fn lrs() -> Agent {
    Agent::with_account(
        Some("skillgym"),
        "https://skillgym.example.gov.uk/",
        "client-7",
    )
    .unwrap()
}

#[test]
fn the_lrs_assigns_id_stored_authority_version_and_timestamp() {
    let statement = validate(&base()).unwrap();
    let stored = prepare(
        &statement,
        &lrs(),
        datetime!(2026-03-01 09:30:15.123789 +01:00),
    );
    let id = Uuid::parse_str(stored["id"].as_str().unwrap()).unwrap();
    assert_eq!(id.get_version_num(), 4);
    assert_eq!(stored["stored"], json!("2026-03-01T08:30:15.123Z"));
    assert_eq!(stored["timestamp"], stored["stored"]);
    assert_eq!(stored["version"], json!("1.0.0"));
    assert_eq!(
        stored["authority"],
        json!({ "objectType": "Agent", "name": "skillgym", "account": { "homePage": "https://skillgym.example.gov.uk/", "name": "client-7" } })
    );
    assert_eq!(stored["actor"], base()["actor"]);
}

#[test]
fn what_the_client_sent_is_kept_except_stored_and_authority() {
    let sent = with(
        parse(APPENDIX_A_LONG),
        &[
            ("/id", json!("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE")),
            ("/version", json!("1.0.2")),
        ],
    );
    let statement = validate(&sent).unwrap();
    let stored = prepare(&statement, &lrs(), datetime!(2026-03-01 08:30:15 UTC));
    assert_eq!(stored["id"], json!("6690e6c9-3ef0-4ed3-8b37-7f3964730bee"));
    assert_eq!(stored["version"], json!("1.0.2"));
    assert_eq!(stored["timestamp"], json!("2013-05-18T05:32:34.804Z"));
    assert_eq!(stored["stored"], json!("2026-03-01T08:30:15.000Z"));
    assert_eq!(stored["authority"]["account"]["name"], json!("client-7"));
    assert_eq!(stored["result"], sent["result"]);
}

#[test]
fn timestamps_are_stored_in_utc_with_their_precision() {
    for (sent, kept) in [
        ("2015-11-18T12:17:00+00:00", "2015-11-18T12:17:00Z"),
        ("2015-11-18T12:17:00.5-05:30", "2015-11-18T17:47:00.5Z"),
        (
            "2015-11-18T00:17:00.123456+01:00",
            "2015-11-17T23:17:00.123456Z",
        ),
        ("20151118T121700Z", "2015-11-18T12:17:00Z"),
        // No time zone: nothing to convert from.
        ("2015-11-18T12:17:00", "2015-11-18T12:17:00"),
    ] {
        let statement = validate(&with(base(), &[("/timestamp", json!(sent))])).unwrap();
        let stored = prepare(&statement, &lrs(), datetime!(2026-03-01 08:30:15 UTC));
        assert_eq!(stored["timestamp"], json!(kept), "{sent}");
    }
    let planned = with(
        parse(PLANNED),
        &[("/object/timestamp", json!("2030-01-01T09:00:00+01:00"))],
    );
    let stored = prepare(
        &validate(&planned).unwrap(),
        &lrs(),
        datetime!(2026-03-01 08:30:15 UTC),
    );
    assert_eq!(stored["object"]["timestamp"], json!("2030-01-01T08:00:00Z"));
}

#[test]
fn context_activities_are_stored_as_arrays_and_uuids_in_lowercase() {
    let sent = with(
        base(),
        &[
            (
                "/context/contextActivities/parent",
                json!({ "id": "http://example.com/course" }),
            ),
            (
                "/context/contextActivities/grouping",
                json!([{ "id": "http://example.com/programme" }]),
            ),
            (
                "/context/registration",
                json!("EC531277-B57B-4C15-8D91-D292C5B2B8F7"),
            ),
        ],
    );
    let statement = validate(&sent).unwrap();
    assert_eq!(
        statement.json()["context"]["contextActivities"]["parent"],
        json!([{ "id": "http://example.com/course" }])
    );
    assert_eq!(
        statement.json()["context"]["contextActivities"]["grouping"],
        sent["context"]["contextActivities"]["grouping"]
    );
    assert_eq!(
        statement.json()["context"]["registration"],
        json!("ec531277-b57b-4c15-8d91-d292c5b2b8f7")
    );
    let stored = prepare(&statement, &lrs(), datetime!(2026-03-01 08:30:15 UTC));
    assert_eq!(
        stored["context"]["contextActivities"]["parent"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn put_gives_the_statement_its_id_or_checks_it() {
    let id = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0";
    let statement = validate_put(&base(), id).unwrap();
    assert_eq!(statement.id(), Some(Uuid::parse_str(id).unwrap()));
    assert_eq!(statement.json()["id"], json!(id));
    let simple = parse(APPENDIX_A_SIMPLE);
    assert!(validate_put(&simple, "FD41C918-B88B-4B20-A0A5-A4C32391AAA0").is_ok());
    let wrong = validate_put(&simple, "7ccd3322-e1a5-411a-a67d-6a735c76f119").unwrap_err();
    assert_eq!(wrong.path, "id");
    assert_eq!(validate_put(&base(), "42").unwrap_err().path, "statementId");
}

#[test]
fn a_batch_is_refused_whole_naming_the_statement() {
    let broken = with(base(), &[("/actor/mbox", json!("learner@example.com"))]);
    let invalid = validate_batch(&json!([base(), broken])).unwrap_err();
    assert_eq!(invalid.path, "[1].actor.mbox");
    let twice = validate_batch(&json!([parse(SIMPLEST), base(), parse(SIMPLEST)])).unwrap_err();
    assert_eq!(twice.path, "[2].id");
    assert_eq!(validate_batch(&json!("statements")).unwrap_err().path, "");
    assert_eq!(validate_batch(&json!([42])).unwrap_err().path, "[0]");
}

#[test]
fn voiding_statements_name_their_target() {
    let voiding = validate(&parse(VOIDING)).unwrap();
    let target = Uuid::parse_str("e05aa883-acaf-40ad-bf54-02c8ce485fb0").unwrap();
    assert!(is_voiding(&voiding));
    assert_eq!(voided_target(&voiding), Some(target));
    assert_eq!(voided_target_json(voiding.json()), Some(target));
    // A comment is a Statement Reference with another verb.
    let comment = validate(&parse(COMMENT)).unwrap();
    assert!(!is_voiding(&comment));
    assert_eq!(voided_target_json(comment.json()), None);
    // A voiding statement cannot itself be voided; anything else can.
    assert!(!can_be_voided(voiding.json()));
    assert!(can_be_voided(comment.json()));
    assert!(can_be_voided(&parse(APPENDIX_A_LONG)));
}

#[test]
fn agents_have_one_key_per_identity() {
    let key = |json: serde_json::Value| Actor::from_json(&json).unwrap().ifi_key();
    assert_eq!(
        key(json!({ "mbox": "mailto:Ann.Smith@Example.GOV.uk" })).as_deref(),
        Some("mbox:mailto:Ann.Smith@example.gov.uk")
    );
    assert_eq!(
        key(json!({ "mbox_sha1sum": "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9" })).as_deref(),
        Some("mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9")
    );
    assert_eq!(
        key(json!({ "openid": "http://toby.openid.example.org/" })).as_deref(),
        Some("openid:http://toby.openid.example.org/")
    );
    assert_eq!(
        key(json!({ "account": { "homePage": "http://www.example.com", "name": "13936749" } }))
            .as_deref(),
        Some("account:http://www.example.com|13936749")
    );
    assert_eq!(
        key(json!({ "objectType": "Group", "mbox": "mailto:team@example.com", "member": [] }))
            .as_deref(),
        Some("mbox:mailto:team@example.com")
    );
    assert_eq!(
        key(json!({ "objectType": "Group", "member": [{ "mbox": "mailto:a@example.com" }] })),
        None
    );

    let ann = Actor::from_json(&json!({ "mbox": "mailto:Ann.Smith@Example.GOV.uk" })).unwrap();
    assert_eq!(mbox_of(&ann).as_deref(), Some("ann.smith@example.gov.uk"));
    let account = Actor::from_json(
        &json!({ "account": { "homePage": "http://www.example.com", "name": "1" } }),
    )
    .unwrap();
    assert_eq!(mbox_of(&account), None);
    assert!(Actor::from_json(&json!({ "mbox": "ann@example.com" })).is_err());
    assert!(Agent::with_account(None, "not a url", "x").is_err());
}
