//! Broken statements, Data 2.2 to 2.4.4: the whole, id, actor, verb and object.

use serde_json::{Value, json};

use super::{Case, activity_with, agent_object, one, reference, substatement};
use crate::{base, with, without};

pub(super) fn cases() -> Vec<Case> {
    vec![
        // Data 2.2: the whole and its required properties.
        ("statement not an object", "", json!([1, 2])),
        ("no actor", "actor", without(base(), &["/actor"])),
        ("no verb", "verb", without(base(), &["/verb"])),
        ("no object", "object", without(base(), &["/object"])),
        (
            "unknown property",
            "colour",
            one(&[("/colour", json!("blue"))]),
        ),
        (
            "key in the wrong case",
            "Version",
            one(&[("/Version", json!("1.0.0"))]),
        ),
        (
            "null value",
            "actor.name",
            one(&[("/actor/name", Value::Null)]),
        ),
        (
            "object is a string",
            "object",
            one(&[("/object", json!("http://example.com/a"))]),
        ),
        // Data 2.4.1 and 4.4: id.
        ("id not a UUID", "id", one(&[("/id", json!("not-a-uuid"))])),
        (
            "id with too many digits",
            "id",
            one(&[("/id", json!("AA97B177-9383-4934-8543-0F91A7A028368"))]),
        ),
        (
            "id with a non-hex letter",
            "id",
            one(&[("/id", json!("MA97B177-9383-4934-8543-0F91A7A02836"))]),
        ),
        (
            "id braced",
            "id",
            one(&[("/id", json!("{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}"))]),
        ),
        ("id a number", "id", one(&[("/id", json!(12345))])),
        // Data 2.4.2: actor.
        (
            "two IFIs",
            "actor",
            one(&[("/actor/openid", json!("http://openid.example.com/learner"))]),
        ),
        ("no IFI", "actor", without(base(), &["/actor/mbox"])),
        (
            "mbox without mailto",
            "actor.mbox",
            one(&[("/actor/mbox", json!("learner@example.com"))]),
        ),
        (
            "mbox without a domain",
            "actor.mbox",
            one(&[("/actor/mbox", json!("mailto:learner@"))]),
        ),
        (
            "mbox_sha1sum of 39 digits",
            "actor.mbox_sha1sum",
            with(
                without(base(), &["/actor/mbox"]),
                &[(
                    "/actor/mbox_sha1sum",
                    json!("ebd31e95054c018b10727ccffd2ef2ec3a016ee"),
                )],
            ),
        ),
        (
            "openid not a URI",
            "actor.openid",
            with(
                without(base(), &["/actor/mbox"]),
                &[("/actor/openid", json!("toby openid"))],
            ),
        ),
        (
            "account without name",
            "actor.account.name",
            with(
                without(base(), &["/actor/mbox"]),
                &[(
                    "/actor/account",
                    json!({ "homePage": "http://www.example.com" }),
                )],
            ),
        ),
        (
            "account homePage not an IRL",
            "actor.account.homePage",
            with(
                without(base(), &["/actor/mbox"]),
                &[(
                    "/actor/account",
                    json!({ "homePage": "www.example.com", "name": "1625378" }),
                )],
            ),
        ),
        (
            "account name not a string",
            "actor.account.name",
            with(
                without(base(), &["/actor/mbox"]),
                &[(
                    "/actor/account",
                    json!({ "homePage": "http://www.example.com", "name": { "key": "should fail" } }),
                )],
            ),
        ),
        (
            "account with another key",
            "actor.account.id",
            with(
                without(base(), &["/actor/mbox"]),
                &[(
                    "/actor/account",
                    json!({ "homePage": "http://www.example.com", "name": "x", "id": "y" }),
                )],
            ),
        ),
        (
            "actor objectType unknown",
            "actor.objectType",
            one(&[("/actor/objectType", json!("Person"))]),
        ),
        (
            "actor objectType in the wrong case",
            "actor.objectType",
            one(&[("/actor/objectType", json!("agent"))]),
        ),
        (
            "Agent with members",
            "actor.member",
            one(&[("/actor/member", json!([]))]),
        ),
        (
            "anonymous Group without members",
            "actor.member",
            one(&[("/actor", json!({ "objectType": "Group", "name": "Ad hoc" }))]),
        ),
        (
            "anonymous Group with no members",
            "actor.member",
            one(&[("/actor", json!({ "objectType": "Group", "member": [] }))]),
        ),
        (
            "Group in a Group",
            "actor.member[0].objectType",
            one(&[(
                "/actor",
                json!({ "objectType": "Group", "member": [{ "objectType": "Group", "mbox": "mailto:team@example.com" }] }),
            )]),
        ),
        (
            "member without IFI",
            "actor.member[1]",
            one(&[(
                "/actor",
                json!({ "objectType": "Group", "member": [{ "mbox": "mailto:a@example.com" }, { "name": "B" }] }),
            )]),
        ),
        (
            "Group with two IFIs",
            "actor",
            one(&[(
                "/actor",
                json!({ "objectType": "Group", "mbox": "mailto:team@example.com", "openid": "http://team.example.com/" }),
            )]),
        ),
        // Data 2.4.3: verb.
        (
            "verb id not an IRI",
            "verb.id",
            one(&[("/verb/id", json!("completed"))]),
        ),
        ("verb without id", "verb.id", without(base(), &["/verb/id"])),
        (
            "verb display a string",
            "verb.display",
            one(&[("/verb/display", json!("completed"))]),
        ),
        (
            "display key not a language tag",
            "verb.display.de-419-DE",
            one(&[("/verb/display", json!({ "de-419-DE": "abgeschlossen" }))]),
        ),
        (
            "display value null",
            "verb.display.en-GB",
            one(&[("/verb/display/en-GB", Value::Null)]),
        ),
        (
            "verb with another key",
            "verb.name",
            one(&[("/verb/name", json!("completed"))]),
        ),
        (
            "voided verb with an Activity",
            "object.objectType",
            one(&[("/verb/id", json!("http://adlnet.gov/expapi/verbs/voided"))]),
        ),
        // Data 2.4.4: object.
        (
            "objectType in the wrong case",
            "object.objectType",
            one(&[("/object/objectType", json!("activity"))]),
        ),
        (
            "objectType unknown",
            "object.objectType",
            one(&[("/object/objectType", json!("Statement"))]),
        ),
        (
            "Activity without id",
            "object.id",
            without(base(), &["/object/id"]),
        ),
        (
            "Activity id relative",
            "object.id",
            one(&[("/object/id", json!("/activities/1"))]),
        ),
        (
            "Activity id empty",
            "object.id",
            one(&[("/object/id", json!(""))]),
        ),
        (
            "Agent object without objectType is an Activity",
            "object.mbox",
            one(&[("/object", json!({ "mbox": "mailto:other@example.com" }))]),
        ),
        (
            "Agent object with a bad mbox",
            "object.mbox",
            one(&[(
                "/object",
                with(agent_object(), &[("/mbox", json!("mailto:"))]),
            )]),
        ),
        (
            "StatementRef id not a UUID",
            "object.id",
            one(&[(
                "/object",
                json!({ "objectType": "StatementRef", "id": "http://example.com/1" }),
            )]),
        ),
        (
            "StatementRef with a definition",
            "object.definition",
            one(&[("/object", with(reference(), &[("/definition", json!({}))]))]),
        ),
        // Data 2.4.4.1: Activity Definitions.
        (
            "name not a language map",
            "object.definition.name",
            activity_with(json!({ "name": "Course" })),
        ),
        (
            "name key not a language tag",
            "object.definition.name.en_GB",
            activity_with(json!({ "name": { "en_GB": "Course" } })),
        ),
        (
            "type not an IRI",
            "object.definition.type",
            activity_with(json!({ "type": "course" })),
        ),
        (
            "moreInfo not an IRL",
            "object.definition.moreInfo",
            activity_with(json!({ "moreInfo": "urn:isbn:0451450523" })),
        ),
        (
            "interactionType in the wrong case",
            "object.definition.interactionType",
            activity_with(json!({ "interactionType": "Choice" })),
        ),
        (
            "interactionType unknown",
            "object.definition.interactionType",
            activity_with(json!({ "interactionType": "essay" })),
        ),
        (
            "correctResponsesPattern without interactionType",
            "object.definition.interactionType",
            activity_with(json!({ "correctResponsesPattern": ["true"] })),
        ),
        (
            "choices without interactionType",
            "object.definition.interactionType",
            activity_with(json!({ "choices": [{ "id": "a" }] })),
        ),
        (
            "correctResponsesPattern of numbers",
            "object.definition.correctResponsesPattern[0]",
            activity_with(json!({ "interactionType": "numeric", "correctResponsesPattern": [4] })),
        ),
        (
            "correctResponsesPattern a string",
            "object.definition.correctResponsesPattern",
            activity_with(
                json!({ "interactionType": "true-false", "correctResponsesPattern": "true" }),
            ),
        ),
        (
            "choices on a likert",
            "object.definition.choices",
            activity_with(json!({ "interactionType": "likert", "choices": [{ "id": "a" }] })),
        ),
        (
            "scale on a true-false",
            "object.definition.scale",
            activity_with(json!({ "interactionType": "true-false", "scale": [{ "id": "a" }] })),
        ),
        (
            "component ids repeated",
            "object.definition.choices[1].id",
            activity_with(
                json!({ "interactionType": "choice", "choices": [{ "id": "golf" }, { "id": "golf" }] }),
            ),
        ),
        (
            "component without id",
            "object.definition.steps[0].id",
            activity_with(
                json!({ "interactionType": "performance", "steps": [{ "description": { "en": "Step" } }] }),
            ),
        ),
        (
            "component with another key",
            "object.definition.source[0].name",
            activity_with(
                json!({ "interactionType": "matching", "source": [{ "id": "a", "name": "A" }] }),
            ),
        ),
        (
            "extension key not an IRI",
            "object.definition.extensions.room",
            activity_with(json!({ "extensions": { "room": "Kilby" } })),
        ),
        (
            "definition with another key",
            "object.definition.title",
            activity_with(json!({ "title": "Course" })),
        ),
        // Data 2.4.4.3: SubStatements.
        (
            "SubStatement with id",
            "object.id",
            one(&[(
                "/object",
                with(
                    substatement(),
                    &[("/id", json!("fd41c918-b88b-4b20-a0a5-a4c32391aaa0"))],
                ),
            )]),
        ),
        (
            "SubStatement with stored",
            "object.stored",
            one(&[(
                "/object",
                with(
                    substatement(),
                    &[("/stored", json!("2013-05-18T05:32:34.804Z"))],
                ),
            )]),
        ),
        (
            "SubStatement with version",
            "object.version",
            one(&[(
                "/object",
                with(substatement(), &[("/version", json!("1.0.0"))]),
            )]),
        ),
        (
            "SubStatement with authority",
            "object.authority",
            one(&[(
                "/object",
                with(
                    substatement(),
                    &[("/authority", json!({ "mbox": "mailto:lrs@example.com" }))],
                ),
            )]),
        ),
        (
            "SubStatement in a SubStatement",
            "object.object.objectType",
            one(&[(
                "/object",
                with(substatement(), &[("/object", substatement())]),
            )]),
        ),
        (
            "SubStatement without verb",
            "object.verb",
            one(&[("/object", without(substatement(), &["/verb"]))]),
        ),
        (
            "SubStatement with a bad timestamp",
            "object.timestamp",
            one(&[(
                "/object",
                with(
                    substatement(),
                    &[("/timestamp", json!("2008-09-15T15:53:00.601-00:00"))],
                ),
            )]),
        ),
        (
            "SubStatement's own rules",
            "object.actor.mbox",
            one(&[(
                "/object",
                with(
                    substatement(),
                    &[("/actor/mbox", json!("learner@example.com"))],
                ),
            )]),
        ),
    ]
}
