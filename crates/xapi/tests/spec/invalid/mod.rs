//! One broken statement per rule: each is refused (400) with the property at fault named.

use serde_json::{Value, json};
use skillgym_xapi::validate;

use crate::{base, fault, with};

mod properties;
mod statement;

/// What is broken, the path the error names, the statement.
type Case = (&'static str, &'static str, Value);

pub(super) fn one(changes: &[(&str, Value)]) -> Value {
    with(base(), changes)
}

pub(super) fn activity_with(definition: Value) -> Value {
    one(&[("/object/definition", definition)])
}

pub(super) fn substatement() -> Value {
    json!({
        "objectType": "SubStatement",
        "actor": { "mbox": "mailto:learner@example.com" },
        "verb": { "id": "http://example.com/verbs/will-complete" },
        "object": { "id": "http://example.com/activities/course" }
    })
}

pub(super) fn attachment() -> Value {
    json!({
        "usageType": "http://example.com/attachment-usage/certificate",
        "display": { "en-GB": "Certificate" },
        "contentType": "application/pdf",
        "length": 1024,
        "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"
    })
}

pub(super) fn agent_object() -> Value {
    json!({ "objectType": "Agent", "mbox": "mailto:other@example.com" })
}

pub(super) fn reference() -> Value {
    json!({ "objectType": "StatementRef", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0" })
}

#[test]
fn every_broken_statement_is_refused_with_the_property_named() {
    let mut wrong = Vec::new();
    for (what, path, statement) in statement::cases().into_iter().chain(properties::cases()) {
        match validate(&statement) {
            Ok(_) => wrong.push(format!("{what}: accepted")),
            Err(invalid) if invalid.path != path => {
                wrong.push(format!("{what}: named {invalid}, expected {path}"));
            }
            Err(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_message_reads_as_path_and_reason() {
    let invalid = fault(&one(&[(
        "/context/instructor",
        json!({ "mbox": "trainer@example.com" }),
    )]));
    assert_eq!(
        invalid.to_string(),
        "context.instructor.mbox: must be a mailto: IRI, as in mailto:name@example.com (Data 2.4.2.3)"
    );
    let invalid = fault(&one(&[("/Actor", json!({}))]));
    assert!(
        invalid.message.contains("must be spelled \"actor\""),
        "{invalid}"
    );
    let invalid = fault(&one(&[("/result/success", json!("true"))]));
    assert!(invalid.message.contains("not a string"), "{invalid}");
}

#[test]
fn the_rules_that_only_say_should_do_not_refuse() {
    for (what, statement) in [
        // Data 2.2.s2.b1: empty objects SHOULD NOT be used.
        ("empty result", one(&[("/result", json!({}))])),
        ("empty context", one(&[("/context", json!({}))])),
        // Data 4.5.s1.b4: a timestamp SHOULD* include its time zone.
        (
            "timestamp without zone",
            one(&[("/timestamp", json!("2015-11-18T12:17:00"))]),
        ),
        // Data 2.4.7.s3.b6: the LRS SHOULD* NOT refuse future timestamps.
        (
            "timestamp in the future",
            one(&[("/timestamp", json!("2999-01-01T00:00:00Z"))]),
        ),
        // Data 2.4.10.s3.b1: any 1.0.x version.
        ("version 1.0.3", one(&[("/version", json!("1.0.3"))])),
        // Data 2.4.4.3.s4.b2: no need for the referenced statement to exist.
        (
            "voiding",
            one(&[
                ("/verb/id", json!("http://adlnet.gov/expapi/verbs/voided")),
                (
                    "/object",
                    json!({ "objectType": "StatementRef", "id": "E05AA883-ACAF-40AD-BF54-02C8CE485FB0" }),
                ),
            ]),
        ),
        // Data 2.4.4.1.s11: an empty pattern means no answer is correct.
        (
            "empty correctResponsesPattern",
            activity_with(json!({ "interactionType": "choice", "correctResponsesPattern": [] })),
        ),
        // Data 2.4.2.2.s5.b4: an Identified Group may list members.
        (
            "identified Group without members",
            one(&[(
                "/actor",
                json!({ "objectType": "Group", "account": { "homePage": "https://library.example.gov.uk", "name": "team-7" } }),
            )]),
        ),
        // A SubStatement may have its own attachments (Data 2.4.4.3.s8.b2).
        (
            "SubStatement with attachments",
            one(&[(
                "/object",
                with(substatement(), &[("/attachments", json!([attachment()]))]),
            )]),
        ),
        (
            "attachment with a SHA-512",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/sha2", json!("a".repeat(128)))])]),
            )]),
        ),
        (
            "context Activity given alone",
            one(&[(
                "/context/contextActivities/parent",
                json!({ "id": "http://example.com/course" }),
            )]),
        ),
    ] {
        if let Err(invalid) = validate(&statement) {
            panic!("{what}: {invalid}");
        }
    }
}
