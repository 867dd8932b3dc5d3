//! Statement comparison (Data 2.3.1): same statement (ignore) or conflict (409).

use serde_json::{Value, json};
use skillgym_xapi::{Agent, prepare, same_statement, validate};
use time::macros::datetime;

use crate::examples::{APPENDIX_A_COMPLETION, APPENDIX_A_LONG, PLANNED};
use crate::{parse, with, without};

fn completion() -> Value {
    parse(APPENDIX_A_COMPLETION)
}

#[test]
fn a_statement_equals_itself_as_stored() {
    let sent = completion();
    let statement = validate(&sent).unwrap();
    let authority = Agent::with_account(None, "https://skillgym.example.gov.uk", "moodle").unwrap();
    let stored = prepare(
        &statement,
        &authority,
        datetime!(2026-01-05 10:00:00.123456 UTC),
    );
    assert!(same_statement(&sent, &stored));
    assert!(same_statement(&stored, &sent));
    // Stored by another LRS, with its own authority, stored time and version.
    let elsewhere = with(
        stored.clone(),
        &[
            ("/authority", json!({ "mbox": "mailto:lrs@example.org" })),
            ("/stored", json!("2020-01-01T00:00:00Z")),
            ("/version", json!("1.0.3")),
        ],
    );
    assert!(same_statement(&stored, &elsewhere));
}

#[test]
fn a_timestamp_the_lrs_filled_in_is_no_difference() {
    let sent = without(completion(), &["/timestamp"]);
    let stored = with(
        completion(),
        &[("/timestamp", json!("2026-01-05T10:00:00.123Z"))],
    );
    assert!(same_statement(&sent, &stored));
}

#[test]
fn what_the_exceptions_to_immutability_allow_is_ignored() {
    let original = parse(APPENDIX_A_LONG);
    let same = [
        // b2: Activity Definitions are not part of the statement.
        (
            "definition changed",
            with(
                original.clone(),
                &[("/object/definition/name", json!({ "en": "another name" }))],
            ),
        ),
        (
            "definition dropped",
            without(original.clone(), &["/object/definition"]),
        ),
        (
            "context Activity definition dropped",
            without(
                original.clone(),
                &["/context/contextActivities/category/0/definition"],
            ),
        ),
        // b3: the Verb's display is not part of the statement.
        (
            "verb display changed",
            with(
                original.clone(),
                &[("/verb/display", json!({ "fr": "a assisté" }))],
            ),
        ),
        // b4: timestamps in another time zone.
        (
            "timestamp in another zone",
            with(
                original.clone(),
                &[("/timestamp", json!("2013-05-18T06:32:34.804+01:00"))],
            ),
        ),
        (
            "timestamp with more digits",
            with(
                original.clone(),
                &[("/timestamp", json!("2013-05-18T05:32:34.804999Z"))],
            ),
        ),
        // b5: members are an unordered list.
        (
            "members reordered",
            with(
                original.clone(),
                &[("/actor/member", {
                    let mut members = original["actor"]["member"].as_array().unwrap().clone();
                    members.reverse();
                    Value::Array(members)
                })],
            ),
        ),
        // b6: attachments.
        (
            "attachments added",
            with(
                original.clone(),
                &[(
                    "/attachments",
                    json!([{ "usageType": "http://adlnet.gov/expapi/attachments/signature", "display": { "en": "Signature" }, "contentType": "application/octet-stream", "length": 4235, "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634" }]),
                )],
            ),
        ),
        // b7: case-insensitive values.
        (
            "mbox domain in capitals",
            with(
                original.clone(),
                &[("/actor/mbox", json!("mailto:teampb@EXAMPLE.com"))],
            ),
        ),
        (
            "registration in capitals",
            with(
                original.clone(),
                &[(
                    "/context/registration",
                    json!("EC531277-B57B-4C15-8D91-D292C5B2B8F7"),
                )],
            ),
        ),
        (
            "id in capitals",
            with(
                original.clone(),
                &[("/id", json!("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE"))],
            ),
        ),
        (
            "sha1sum in capitals",
            with(
                original.clone(),
                &[(
                    "/actor/member/2/mbox_sha1sum",
                    json!("EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"),
                )],
            ),
        ),
        (
            "language in capitals",
            with(original.clone(), &[("/context/language", json!("TLH"))]),
        ),
        // Returned as arrays (Data 2.4.6.2.s4.b3), objectType defaults, numbers by value.
        (
            "context Activity not in an array",
            with(
                original.clone(),
                &[(
                    "/context/contextActivities/parent",
                    original["context"]["contextActivities"]["parent"][0].clone(),
                )],
            ),
        ),
        (
            "objectType left out",
            without(
                original.clone(),
                &["/object/objectType", "/context/instructor/objectType"],
            ),
        ),
        // Data 4.6.s1.b5: duration precision beyond 0.01 s.
        (
            "duration with more precision",
            with(
                original.clone(),
                &[("/result/duration", json!("PT1H0M0.001S"))],
            ),
        ),
    ];
    for (what, other) in same {
        assert!(
            same_statement(&original, &other),
            "{what} should be the same statement"
        );
    }
    let tenths = with(completion(), &[("/result/duration", json!("PT1.2S"))]);
    let finer = with(completion(), &[("/result/duration", json!("PT1.2049S"))]);
    assert!(same_statement(&tenths, &finer));
    let sent = with(completion(), &[("/result/score/scaled", json!(1))]);
    let stored = with(completion(), &[("/result/score/scaled", json!(1.0))]);
    assert!(
        same_statement(&sent, &stored),
        "1 and 1.0 are the same number"
    );
}

#[test]
fn any_other_difference_is_a_conflict() {
    let original = parse(APPENDIX_A_LONG);
    let different = [
        (
            "another verb",
            with(
                original.clone(),
                &[(
                    "/verb/id",
                    json!("http://adlnet.gov/expapi/verbs/completed"),
                )],
            ),
        ),
        (
            "another activity",
            with(
                original.clone(),
                &[(
                    "/object/id",
                    json!("http://www.example.com/meetings/occurances/1"),
                )],
            ),
        ),
        (
            "another actor",
            with(
                original.clone(),
                &[("/actor/mbox", json!("mailto:teamqa@example.com"))],
            ),
        ),
        (
            "mbox local part in capitals",
            with(
                original.clone(),
                &[("/actor/mbox", json!("mailto:TeamPB@example.com"))],
            ),
        ),
        (
            "a member's name",
            with(
                original.clone(),
                &[("/actor/member/0/name", json!("A. Downes"))],
            ),
        ),
        ("a member fewer", {
            let mut fewer = original.clone();
            fewer["actor"]["member"].as_array_mut().unwrap().truncate(2);
            fewer
        }),
        (
            "success",
            with(original.clone(), &[("/result/success", json!(false))]),
        ),
        (
            "response",
            with(
                original.clone(),
                &[("/result/response", json!("We agreed on nothing."))],
            ),
        ),
        (
            "duration",
            with(original.clone(), &[("/result/duration", json!("PT2H"))]),
        ),
        (
            "duration written otherwise",
            with(original.clone(), &[("/result/duration", json!("PT1H"))]),
        ),
        (
            "timestamp",
            with(
                original.clone(),
                &[("/timestamp", json!("2013-05-18T05:32:35.804Z"))],
            ),
        ),
        (
            "extension value",
            with(
                original.clone(),
                &[(
                    "/result/extensions/http:~1~1example.com~1profiles~1meetings~1resultextensions~1minuteslocation",
                    json!("Y:"),
                )],
            ),
        ),
        (
            "platform",
            with(original.clone(), &[("/context/platform", json!("Teams"))]),
        ),
        (
            "a context Activity",
            with(
                original.clone(),
                &[(
                    "/context/contextActivities/other/1/id",
                    json!("http://www.example.com/meetings/occurances/9"),
                )],
            ),
        ),
        (
            "instructor",
            with(
                original.clone(),
                &[("/context/instructor/account/name", json!("1"))],
            ),
        ),
        (
            "registration",
            without(original.clone(), &["/context/registration"]),
        ),
    ];
    for (what, other) in different {
        assert!(!same_statement(&original, &other), "{what} should conflict");
    }
}

#[test]
fn substatements_are_compared_too() {
    let original = parse(PLANNED);
    let display = with(
        original.clone(),
        &[("/object/verb/display", json!({ "en-GB": "will visit" }))],
    );
    assert!(same_statement(&original, &display));
    let timed = with(
        original.clone(),
        &[("/object/timestamp", json!("2030-01-01T00:00:00Z"))],
    );
    assert!(
        !same_statement(&original, &timed),
        "a SubStatement's timestamp is not assigned by the LRS"
    );
    let other = with(
        original.clone(),
        &[(
            "/object/object/id",
            json!("http://example.com/other-website"),
        )],
    );
    assert!(!same_statement(&original, &other));
}
