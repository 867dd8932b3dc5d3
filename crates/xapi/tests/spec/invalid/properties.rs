//! Broken statements, Data 2.4.5 to 2.4.11: result, context, timestamps, authority, version
//! and attachments.

use serde_json::{Value, json};

use super::{Case, agent_object, attachment, one, reference};
use crate::{with, without};

pub(super) fn cases() -> Vec<Case> {
    vec![
        // Data 2.4.5: result.
        (
            "scaled above 1",
            "result.score.scaled",
            one(&[("/result/score/scaled", json!(1.5))]),
        ),
        (
            "scaled below -1",
            "result.score.scaled",
            one(&[("/result/score/scaled", json!(-1.01))]),
        ),
        (
            "min not below max",
            "result.score.max",
            one(&[("/result/score", json!({ "min": 10, "max": 10 }))]),
        ),
        (
            "raw below min",
            "result.score.raw",
            one(&[("/result/score", json!({ "raw": 1, "min": 2, "max": 10 }))]),
        ),
        (
            "raw above max",
            "result.score.raw",
            one(&[("/result/score", json!({ "raw": 11, "max": 10 }))]),
        ),
        (
            "max a string of digits",
            "result.score.max",
            one(&[("/result/score/max", json!("100"))]),
        ),
        (
            "score with another key",
            "result.score.percent",
            one(&[("/result/score/percent", json!(95))]),
        ),
        (
            "success a string",
            "result.success",
            one(&[("/result/success", json!("true"))]),
        ),
        (
            "completion a string",
            "result.completion",
            one(&[("/result/completion", json!("false"))]),
        ),
        (
            "response a number",
            "result.response",
            one(&[("/result/response", json!(42))]),
        ),
        (
            "duration not ISO 8601",
            "result.duration",
            one(&[("/result/duration", json!("1 hour"))]),
        ),
        (
            "duration mixing weeks and days",
            "result.duration",
            one(&[("/result/duration", json!("P4W1D"))]),
        ),
        (
            "duration in the alternative format",
            "result.duration",
            one(&[("/result/duration", json!("PT01:30:00"))]),
        ),
        (
            "result extension key not an IRI",
            "result.extensions.minutes",
            one(&[("/result/extensions", json!({ "minutes": 3 }))]),
        ),
        (
            "result with another key",
            "result.passed",
            one(&[("/result/passed", json!(true))]),
        ),
        // Data 2.4.6: context.
        (
            "registration not a UUID",
            "context.registration",
            one(&[("/context/registration", json!("attempt-1"))]),
        ),
        (
            "registration null",
            "context.registration",
            one(&[("/context/registration", Value::Null)]),
        ),
        (
            "instructor mbox not a mailto IRI",
            "context.instructor.mbox",
            one(&[(
                "/context/instructor",
                json!({ "mbox": "trainer@example.com" }),
            )]),
        ),
        (
            "team an Agent",
            "context.team.objectType",
            one(&[(
                "/context/team",
                json!({ "mbox": "mailto:team@example.com" }),
            )]),
        ),
        (
            "team an anonymous Group without members",
            "context.team.member",
            one(&[("/context/team", json!({ "objectType": "Group" }))]),
        ),
        (
            "contextActivities key unknown",
            "context.contextActivities.parents",
            one(&[("/context/contextActivities/parents", json!([]))]),
        ),
        (
            "contextActivities value a string",
            "context.contextActivities.parent",
            one(&[(
                "/context/contextActivities/parent",
                json!("http://example.com/course"),
            )]),
        ),
        (
            "context Activity an Agent",
            "context.contextActivities.grouping[0].objectType",
            one(&[(
                "/context/contextActivities/grouping",
                json!([agent_object()]),
            )]),
        ),
        (
            "context Activity without id",
            "context.contextActivities.category.id",
            one(&[(
                "/context/contextActivities/category",
                json!({ "objectType": "Activity" }),
            )]),
        ),
        (
            "revision with an Agent object",
            "context.revision",
            one(&[
                (
                    "/object",
                    json!({ "objectType": "Agent", "mbox": "mailto:other@example.com" }),
                ),
                ("/context/revision", json!("2")),
            ]),
        ),
        (
            "platform with a StatementRef object",
            "context.platform",
            one(&[
                ("/object", reference()),
                ("/context/platform", json!("Moodle")),
            ]),
        ),
        (
            "language not a tag",
            "context.language",
            one(&[("/context/language", json!("British English"))]),
        ),
        (
            "statement without objectType",
            "context.statement.objectType",
            one(&[(
                "/context/statement",
                json!({ "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0" }),
            )]),
        ),
        (
            "statement not a StatementRef",
            "context.statement.objectType",
            one(&[(
                "/context/statement",
                json!({ "objectType": "Activity", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0" }),
            )]),
        ),
        (
            "context extension key not an IRI",
            "context.extensions.altitude",
            one(&[("/context/extensions", json!({ "altitude": 1000 }))]),
        ),
        (
            "context with another key",
            "context.location",
            one(&[("/context/location", json!("Leeds"))]),
        ),
        // Data 2.4.7, 2.4.8, 4.5: timestamps.
        (
            "timestamp a sentence",
            "timestamp",
            one(&[("/timestamp", json!("should fail"))]),
        ),
        (
            "timestamp a US date",
            "timestamp",
            one(&[("/timestamp", json!("01/011/2015"))]),
        ),
        (
            "timestamp offset -00",
            "timestamp",
            one(&[("/timestamp", json!("2008-09-15T15:53:00.601-00"))]),
        ),
        (
            "timestamp offset -0000",
            "timestamp",
            one(&[("/timestamp", json!("2008-09-15T15:53:00.601-0000"))]),
        ),
        (
            "timestamp offset -00:00",
            "timestamp",
            one(&[("/timestamp", json!("2008-09-15T15:53:00.601-00:00"))]),
        ),
        (
            "timestamp a date only",
            "timestamp",
            one(&[("/timestamp", json!("2015-11-18"))]),
        ),
        (
            "timestamp a number",
            "timestamp",
            one(&[("/timestamp", json!(1447849020))]),
        ),
        (
            "stored not a timestamp",
            "stored",
            one(&[("/stored", json!("yesterday"))]),
        ),
        // Data 2.4.9: authority.
        (
            "authority without IFI",
            "authority",
            one(&[("/authority", json!({ "name": "LRS" }))]),
        ),
        (
            "authority Group of three",
            "authority.member",
            one(&[(
                "/authority",
                json!({ "objectType": "Group", "member": [{ "mbox": "mailto:a@example.com" }, { "mbox": "mailto:b@example.com" }, { "mbox": "mailto:c@example.com" }] }),
            )]),
        ),
        // Data 2.4.10: version.
        (
            "version 1.1.0",
            "version",
            one(&[("/version", json!("1.1.0"))]),
        ),
        (
            "version 0.95",
            "version",
            one(&[("/version", json!("0.95"))]),
        ),
        (
            "version 1.0 without patch",
            "version",
            one(&[("/version", json!("1.0"))]),
        ),
        (
            "version a number",
            "version",
            one(&[("/version", json!(1.0))]),
        ),
        // Data 2.4.11: attachments.
        (
            "attachments an object",
            "attachments",
            one(&[("/attachments", attachment())]),
        ),
        (
            "attachment without sha2",
            "attachments[0].sha2",
            one(&[("/attachments", json!([without(attachment(), &["/sha2"])]))]),
        ),
        (
            "attachment sha2 not hex",
            "attachments[0].sha2",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/sha2", json!("not a hash"))])]),
            )]),
        ),
        (
            "attachment length a string",
            "attachments[0].length",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/length", json!("27"))])]),
            )]),
        ),
        (
            "attachment length negative",
            "attachments[0].length",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/length", json!(-1))])]),
            )]),
        ),
        (
            "attachment length fractional",
            "attachments[0].length",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/length", json!(2.5))])]),
            )]),
        ),
        (
            "attachment usageType not an IRI",
            "attachments[0].usageType",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/usageType", json!("certificate"))])]),
            )]),
        ),
        (
            "attachment without display",
            "attachments[0].display",
            one(&[(
                "/attachments",
                json!([without(attachment(), &["/display"])]),
            )]),
        ),
        (
            "attachment display key not a tag",
            "attachments[0].display.de-419-DE",
            one(&[(
                "/attachments",
                json!([with(
                    attachment(),
                    &[("/display", json!({ "de-419-DE": "Zertifikat" }))]
                )]),
            )]),
        ),
        (
            "attachment contentType not a media type",
            "attachments[0].contentType",
            one(&[(
                "/attachments",
                json!([with(attachment(), &[("/contentType", json!("pdf"))])]),
            )]),
        ),
        (
            "attachment fileUrl not an IRL",
            "attachments[0].fileUrl",
            one(&[(
                "/attachments",
                json!([with(
                    attachment(),
                    &[("/fileUrl", json!("certificate.pdf"))]
                )]),
            )]),
        ),
        (
            "second attachment broken",
            "attachments[1].length",
            one(&[(
                "/attachments",
                json!([attachment(), without(attachment(), &["/length"])]),
            )]),
        ),
    ]
}
