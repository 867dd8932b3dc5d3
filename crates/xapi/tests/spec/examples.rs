//! The example statements of the specification (statements.rs) are all valid.

use serde_json::json;
use skillgym_xapi::{
    Actor, ComponentList, Ifi, InteractionType, StatementObject, validate, validate_batch,
};

use crate::parse;

pub use crate::statements::*;

#[test]
fn the_specifications_example_statements_are_valid() {
    for (name, text) in [
        ("Data 2.4.s2 simplest", SIMPLEST),
        ("Data 2.3.2.s3 voiding", VOIDING),
        ("Data 2.4.4.3.s5 statement reference", COMMENT),
        ("Data 2.4.4.3.s9 SubStatement", PLANNED),
        ("Appendix A simple", APPENDIX_A_SIMPLE),
        ("Appendix A completion", APPENDIX_A_COMPLETION),
        ("Appendix A long", APPENDIX_A_LONG),
        ("Appendix D signed", APPENDIX_D_SIGNED),
        ("Communication 1.5.2.s6 attachment", WITH_ATTACHMENT),
    ] {
        if let Err(invalid) = validate(&parse(text)) {
            panic!("{name}: {invalid}");
        }
    }
}

#[test]
fn the_long_example_is_read_into_its_parts() {
    let statement = validate(&parse(APPENDIX_A_LONG)).unwrap();
    let Actor::Group(team) = statement.actor() else {
        panic!("the actor is a Group")
    };
    assert_eq!(team.members.len(), 3);
    assert_eq!(
        statement.actor().ifi_key().as_deref(),
        Some("mbox:mailto:teampb@example.com")
    );
    assert_eq!(
        statement.verb().id.as_str(),
        "http://adlnet.gov/expapi/verbs/attended"
    );
    let context = statement.context().unwrap();
    assert_eq!(context.context_activities.all().count(), 4);
    assert_eq!(context.language.as_ref().unwrap().as_str(), "tlh");
    assert_eq!(statement.result().unwrap().completion, Some(true));
    assert_eq!(statement.version(), Some("1.0.0"));
    assert!(matches!(statement.object(), StatementObject::Activity(a) if a.definition.is_some()));
}

#[test]
fn the_appendix_b_objects_are_valid_as_objects() {
    let objects = [
        r#"{"id": "http://www.example.co.uk/exampleactivity", "definition": {"name": {"en-GB": "example activity", "en-US": "example activity"}, "description": {"en-GB": "An example of an activity", "en-US": "An example of an activity"}, "type": "http://www.example.co.uk/types/exampleactivitytype"}, "objectType": "Activity"}"#,
        r#"{"name": "Andrew Downes", "mbox": "mailto:andrew@example.co.uk", "objectType": "Agent"}"#,
        r#"{"name": "Example Group", "account" : {"homePage" : "http://example.com/homePage", "name" : "GroupAccount"}, "objectType": "Group", "member": [{"name": "Andrew Downes", "mbox": "mailto:andrew@example.com", "objectType": "Agent"}, {"name": "Aaron Silvers", "openid": "http://aaron.openid.example.org", "objectType": "Agent"}]}"#,
        r#"{"objectType": "SubStatement", "actor" : {"objectType": "Agent", "mbox":"mailto:agent@example.com"}, "verb" : {"id":"http://example.com/confirmed", "display":{"en":"confirmed"}}, "object": {"objectType":"StatementRef", "id" :"9e13cefd-53d3-4eac-b5ed-2cf6693903bb"}}"#,
    ];
    for object in objects {
        let statement = crate::with(crate::base(), &[("/object", parse(object))]);
        if let Err(invalid) = validate(&statement) {
            panic!("{object}: {invalid}");
        }
    }
}

#[test]
fn the_appendix_c_interaction_definitions_are_valid() {
    let definitions = [
        (
            InteractionType::TrueFalse,
            r#"{"description": {"en-US": "Does the xAPI include the concept of statements?"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "true-false", "correctResponsesPattern": ["true"]}"#,
        ),
        (
            InteractionType::Choice,
            r#"{"description": {"en-US": "Which of these prototypes are available at the beta site?"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "choice", "correctResponsesPattern": ["golf[,]tetris"], "choices": [{"id": "golf", "description": {"en-US": "Golf Example"}}, {"id": "facebook", "description": {"en-US": "Facebook App"}}, {"id": "tetris", "description": {"en-US": "Tetris Example"}}, {"id": "scrabble", "description": {"en-US": "Scrabble Example"}}]}"#,
        ),
        (
            InteractionType::FillIn,
            r#"{"description": {"en-US": "Ben is often heard saying: "}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "fill-in", "correctResponsesPattern": ["Bob's your uncle"]}"#,
        ),
        (
            InteractionType::LongFillIn,
            r#"{"description": {"en-US": "What is the purpose of the xAPI?"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "long-fill-in", "correctResponsesPattern": ["{case_matters=false}{lang=en}To store and provide access to learning experiences."]}"#,
        ),
        (
            InteractionType::Likert,
            r#"{"description": {"en-US": "How awesome is Experience API?"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "likert", "correctResponsesPattern": ["likert_3"], "scale": [{"id": "likert_0", "description": {"en-US": "It's OK"}}, {"id": "likert_1", "description": {"en-US": "It's Pretty Cool"}}, {"id": "likert_2", "description": {"en-US": "It's Damn Cool"}}, {"id": "likert_3", "description": {"en-US": "It's Gonna Change the World"}}]}"#,
        ),
        (
            InteractionType::Matching,
            r#"{"description": {"en-US": "Match these people to their kickball team:"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "matching", "correctResponsesPattern": ["ben[.]3[,]chris[.]2[,]troy[.]4[,]freddie[.]1"], "source": [{"id": "ben", "description": {"en-US": "Ben"}}, {"id": "chris", "description": {"en-US": "Chris"}}, {"id": "troy", "description": {"en-US": "Troy"}}, {"id": "freddie", "description": {"en-US": "Freddie"}}], "target": [{"id": "1", "description": {"en-US": "Swift Kick in the Grass"}}, {"id": "2", "description": {"en-US": "We got Runs"}}, {"id": "3", "description": {"en-US": "Duck"}}, {"id": "4", "description": {"en-US": "Van Delay Industries"}}]}"#,
        ),
        (
            InteractionType::Performance,
            r#"{"description": {"en-US": "This interaction measures performance over a day of RS sports:"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "performance", "correctResponsesPattern": ["pong[.]1:[,]dg[.]:10[,]lunch[.]"], "steps": [{"id": "pong", "description": {"en-US": "Net pong matches won"}}, {"id": "dg", "description": {"en-US": "Strokes over par in disc golf at Liberty"}}, {"id": "lunch", "description": {"en-US": "Lunch having been eaten"}}]}"#,
        ),
        (
            InteractionType::Sequencing,
            r#"{"description": {"en-US": "Order players by their pong ladder position:"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "sequencing", "correctResponsesPattern": ["tim[,]mike[,]ells[,]ben"], "choices": [{"id": "tim", "description": {"en-US": "Tim"}}, {"id": "ben", "description": {"en-US": "Ben"}}, {"id": "ells", "description": {"en-US": "Ells"}}, {"id": "mike", "description": {"en-US": "Mike"}}]}"#,
        ),
        (
            InteractionType::Numeric,
            r#"{"description": {"en-US": "How many jokes is Chris the butt of each day?"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "numeric", "correctResponsesPattern": ["4[:]"]}"#,
        ),
        (
            InteractionType::Other,
            r#"{"description": {"en-US": "On this map, please mark Franklin, TN"}, "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "other", "correctResponsesPattern": ["(35.937432,-86.868896)"]}"#,
        ),
    ];
    for (kind, definition) in definitions {
        let statement = crate::with(crate::base(), &[("/object/definition", parse(definition))]);
        let statement = validate(&statement).unwrap_or_else(|e| panic!("{definition}: {e}"));
        let StatementObject::Activity(activity) = statement.object() else {
            panic!("an Activity")
        };
        let interaction = activity
            .definition
            .as_ref()
            .unwrap()
            .interaction
            .as_ref()
            .unwrap();
        assert_eq!(interaction.kind, kind);
        if kind == InteractionType::Matching {
            assert_eq!(interaction.components[&ComponentList::Target].len(), 4);
        }
    }
}

#[test]
fn other_fragments_of_the_specification_are_valid() {
    // Data 2.4.2.4.s3: an Agent identified by an opaque account.
    let account = r#"{"objectType": "Agent", "account": {"homePage": "http://www.example.com", "name": "1625378"}}"#;
    // Data 2.4.3.s8: a Verb in two languages.
    let verb = r#"{"id":"http://example.com/xapi/verbs#defenestrated", "display":{"en-US":"defenestrated", "es" : "defenestrado"}}"#;
    // Data 2.4.6.2.s5: contextActivities.
    let context = r#"{"contextActivities": {"parent" : [{"id" : "http://example.adlnet.gov/xapi/example/test1"}], "grouping" : [{"id" : "http://example.adlnet.gov/xapi/example/Algebra1"}]}}"#;
    // Data 2.4.9.s8: the authority of 3-legged OAuth, a Group of an application and a user.
    let authority = r#"{"objectType" : "Group", "member": [{"account": {"homePage":"http://example.com/xAPI/OAuth/Token", "name":"oauth_consumer_x75db"}}, {"mbox":"mailto:bob@example.com"}]}"#;
    let statement = crate::with(
        crate::base(),
        &[
            ("/actor", parse(account)),
            ("/verb", parse(verb)),
            ("/context", parse(context)),
            ("/authority", parse(authority)),
        ],
    );
    let statement = validate(&statement).unwrap();
    assert!(
        matches!(statement.actor().ifi(), Some(Ifi::Account { name, .. }) if name == "1625378")
    );
}

#[test]
fn a_batch_is_a_statement_or_an_array_of_statements() {
    let batch = json!([parse(SIMPLEST), parse(APPENDIX_A_SIMPLE), parse(PLANNED)]);
    assert_eq!(validate_batch(&batch).unwrap().len(), 3);
    assert_eq!(validate_batch(&parse(SIMPLEST)).unwrap().len(), 1);
    assert_eq!(validate_batch(&json!([])).unwrap().len(), 0);
}

#[test]
fn extensions_may_hold_anything_even_null() {
    let statement = crate::with(
        crate::base(),
        &[
            (
                "/result/extensions",
                json!({ "http://example.com/null": null }),
            ),
            (
                "/context/extensions",
                json!({ "http://example.com/list": [1, null, {"a": null}] }),
            ),
            (
                "/object/definition/extensions",
                json!({ "urn:example:x": null }),
            ),
        ],
    );
    validate(&statement).unwrap();
}
