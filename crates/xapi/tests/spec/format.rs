//! The `format` parameter (Communication 2.1.3): exact, ids, canonical.

use serde_json::{Value, json};
use skillgym_xapi::format::{Definitions, canonical, exact, ids, render};
use skillgym_xapi::{AcceptLanguage, Format};

use crate::examples::{APPENDIX_A_LONG, PLANNED};
use crate::{parse, with};

#[test]
fn exact_is_the_statement_as_stored() {
    let stored = parse(APPENDIX_A_LONG);
    assert_eq!(exact(&stored), stored);
    assert_eq!(
        render(&stored, Format::Exact, &AcceptLanguage::default()),
        stored
    );
}

#[test]
fn ids_keeps_only_what_identifies() {
    let stored = parse(APPENDIX_A_LONG);
    let reduced = ids(&stored);
    // An Identified Group keeps its IFI, not its name or members.
    assert_eq!(
        reduced["actor"],
        json!({ "objectType": "Group", "mbox": "mailto:teampb@example.com" })
    );
    assert_eq!(
        reduced["verb"],
        json!({ "id": "http://adlnet.gov/expapi/verbs/attended" })
    );
    assert_eq!(
        reduced["object"],
        json!({ "objectType": "Activity", "id": "http://www.example.com/meetings/occurances/34534" })
    );
    assert_eq!(
        reduced["context"]["instructor"],
        json!({ "objectType": "Agent", "account": { "homePage": "http://www.example.com", "name": "13936749" } })
    );
    assert_eq!(
        reduced["context"]["contextActivities"]["category"][0],
        json!({ "objectType": "Activity", "id": "http://www.example.com/meetings/categories/teammeeting" })
    );
    assert_eq!(
        reduced["authority"],
        json!({ "objectType": "Agent", "account": { "homePage": "http://cloud.scorm.com/", "name": "anonymous" } })
    );
    // The rest of the statement is untouched.
    for key in ["id", "result", "timestamp", "stored", "version"] {
        assert_eq!(reduced[key], stored[key], "{key}");
    }
    assert_eq!(
        reduced["context"]["registration"],
        stored["context"]["registration"]
    );
    assert_eq!(
        render(&stored, Format::Ids, &AcceptLanguage::default()),
        reduced
    );
}

#[test]
fn ids_keeps_each_member_of_an_anonymous_group_and_reduces_substatements() {
    let stored = with(
        parse(PLANNED),
        &[(
            "/actor",
            json!({ "objectType": "Group", "name": "Ad hoc", "member": [
                { "name": "Ann", "mbox": "mailto:ann@example.com" },
                { "name": "Bob", "openid": "http://bob.example.org/" }
            ] }),
        )],
    );
    let reduced = ids(&stored);
    assert_eq!(
        reduced["actor"],
        json!({ "objectType": "Group", "member": [
            { "mbox": "mailto:ann@example.com" },
            { "openid": "http://bob.example.org/" }
        ] })
    );
    assert_eq!(
        reduced["object"]["verb"],
        json!({ "id": "http://example.com/visited" })
    );
    assert_eq!(
        reduced["object"]["object"],
        json!({ "objectType": "Activity", "id": "http://example.com/website" })
    );
    assert_eq!(reduced["object"]["objectType"], json!("SubStatement"));
}

#[test]
fn canonical_keeps_one_language_per_map() {
    let stored = with(
        parse(APPENDIX_A_LONG),
        &[
            (
                "/verb/display",
                json!({ "en-GB": "attended", "en-US": "attended", "cy": "mynychodd" }),
            ),
            (
                "/object/definition/name",
                json!({ "en-GB": "example meeting", "cy": "cyfarfod enghreifftiol" }),
            ),
        ],
    );
    let welsh = canonical(
        &stored,
        &AcceptLanguage::parse("cy, en-GB;q=0.8"),
        &skillgym_xapi::format::AsStated,
    );
    assert_eq!(welsh["verb"]["display"], json!({ "cy": "mynychodd" }));
    assert_eq!(
        welsh["object"]["definition"]["name"],
        json!({ "cy": "cyfarfod enghreifftiol" })
    );
    // No Welsh description: the next acceptable language.
    assert_eq!(
        welsh["object"]["definition"]["description"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["en-GB"]
    );
    // Agents and Groups stay as in exact; language maps outside Activities and Verbs too.
    assert_eq!(welsh["actor"], stored["actor"]);
    assert_eq!(welsh["result"], stored["result"]);
    let english = render(&stored, Format::Canonical, &AcceptLanguage::parse("en-US"));
    assert_eq!(english["verb"]["display"], json!({ "en-US": "attended" }));
    assert_eq!(
        english["context"]["contextActivities"]["category"][0]["definition"]["name"],
        json!({ "en": "team meeting" })
    );
}

#[test]
fn canonical_reduces_interaction_components_too() {
    let stored = json!({
        "actor": { "mbox": "mailto:learner@example.com" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/answered", "display": { "en": "answered", "cy": "atebodd" } },
        "object": { "id": "http://example.com/q1", "definition": {
            "interactionType": "choice",
            "choices": [
                { "id": "a", "description": { "en": "Yes", "cy": "Ie" } },
                { "id": "b", "description": { "en": "No", "cy": "Na" } }
            ]
        } }
    });
    let welsh = render(&stored, Format::Canonical, &AcceptLanguage::parse("cy"));
    assert_eq!(
        welsh["object"]["definition"]["choices"][0]["description"],
        json!({ "cy": "Ie" })
    );
    assert_eq!(
        welsh["object"]["definition"]["choices"][1]["description"],
        json!({ "cy": "Na" })
    );
}

struct Library;

impl Definitions for Library {
    fn activity_definition(&self, id: &str) -> Option<Value> {
        (id == "http://example.com/website").then(
            || json!({ "name": { "en-GB": "The library's website", "cy": "Gwefan y llyfrgell" } }),
        )
    }

    fn verb_display(&self, id: &str) -> Option<Value> {
        (id == "http://example.com/planned")
            .then(|| json!({ "en-GB": "planned", "cy": "cynlluniodd" }))
    }
}

#[test]
fn canonical_uses_the_lrs_definitions_when_it_has_them() {
    let stored = parse(PLANNED);
    let rendered = canonical(&stored, &AcceptLanguage::parse("en-GB"), &Library);
    assert_eq!(rendered["verb"]["display"], json!({ "en-GB": "planned" }));
    assert_eq!(
        rendered["object"]["object"]["definition"]["name"],
        json!({ "en-GB": "The library's website" })
    );
    // Only the one Verb the LRS knows: the SubStatement's keeps its own display.
    assert_eq!(
        rendered["object"]["verb"]["display"],
        json!({ "en-US": "will visit" })
    );
}

#[test]
fn accept_language_picks_as_rfc_2616_says() {
    let tags = ["cy", "en", "en-GB", "en-US", "fr"];
    for (header, expected) in [
        ("en-GB", "en-GB"),
        ("en-gb", "en-GB"),
        ("en", "en"),
        ("cy, en;q=0.5", "cy"),
        ("fr;q=0.2, en-US;q=0.9", "en-US"),
        ("de, fr;q=0.1", "fr"),
        ("*", "cy"),
        ("de, *;q=0.5", "cy"),
        ("en;q=0, fr", "fr"),
        ("", "cy"),
        ("garbage;;;", "cy"),
    ] {
        assert_eq!(
            AcceptLanguage::parse(header).choose(tags),
            Some(expected),
            "{header}"
        );
    }
    // A range matches a tag or a prefix of it ending at a hyphen.
    assert_eq!(
        AcceptLanguage::parse("en").choose(["en-GB", "en-US", "fr"]),
        Some("en-GB")
    );
    assert_eq!(
        AcceptLanguage::parse("en, fr;q=0.5").choose(["eng", "fr-CA"]),
        Some("fr-CA")
    );
    // None acceptable: the same primary language, else the first tag.
    assert_eq!(
        AcceptLanguage::parse("en-GB").choose(["fr", "en-US"]),
        Some("en-US")
    );
    assert_eq!(
        AcceptLanguage::parse("de").choose(["fr", "en-US"]),
        Some("en-US")
    );
    assert_eq!(AcceptLanguage::parse("de").choose([]), None);
}

#[test]
fn format_names_are_exact() {
    assert_eq!(Format::parse("ids"), Some(Format::Ids));
    assert_eq!(Format::parse("exact"), Some(Format::Exact));
    assert_eq!(Format::parse("canonical"), Some(Format::Canonical));
    assert_eq!(Format::parse("Exact"), None);
    assert_eq!(Format::default(), Format::Exact);
}
