//! The example statements of the specification, copied from its text, all valid.

use serde_json::json;
use skillgym_xapi::{
    Actor, ComponentList, Ifi, InteractionType, StatementObject, validate, validate_batch,
};

use crate::parse;

/// Data 2.4.s2: "the simplest possible Statement using all properties that MUST or SHOULD be
/// used".
pub const SIMPLEST: &str = r#"{
    "id": "12345678-1234-5678-1234-567812345678",
    "actor":{
        "mbox":"mailto:xapi@adlnet.gov"
    },
    "verb":{
        "id":"http://adlnet.gov/expapi/verbs/created",
        "display":{
            "en-US":"created"
        }
    },
    "object":{
        "id":"http://example.adlnet.gov/xapi/example/activity"
    }
}"#;

/// Data 2.3.2.s3: a statement voiding another.
pub const VOIDING: &str = r#"{
	"actor" : {
		"objectType": "Agent",
		"name" : "Example Admin",
		"mbox" : "mailto:admin@example.adlnet.gov"
	},
	"verb" : {
		"id":"http://adlnet.gov/expapi/verbs/voided",
		"display":{
			"en-US":"voided"
		}
	},
	"object" : {
		"objectType":"StatementRef",
		"id" : "e05aa883-acaf-40ad-bf54-02c8ce485fb0"
	}
}"#;

/// Data 2.4.4.3.s5: a comment on another statement, by Statement Reference.
pub const COMMENT: &str = r#"{
	"actor" : {
		"objectType": "Agent",
		"mbox":"mailto:test@example.com"
	},
	"verb" : {
		"id":"http://example.com/commented",
		"display": {
			"en-US":"commented"
		}
	},
	"object" : {
		"objectType":"StatementRef",
		"id":"8f87ccde-bb56-4c2e-ab83-44982ef22df0"
	},
	"result" : {
		"response" : "Wow, nice work!"
	}
}"#;

/// Data 2.4.4.3.s9: "I planned to visit 'Some Awesome Website'", with a SubStatement.
pub const PLANNED: &str = r#"{
	"actor": {
		"objectType": "Agent",
		"mbox":"mailto:test@example.com"
	},
	"verb" : {
		"id":"http://example.com/planned",
		"display":{
			"en-US":"planned"
		}
	},
	"object": {
		"objectType": "SubStatement",
		"actor" : {
			"objectType": "Agent",
			"mbox":"mailto:test@example.com"
		},
		"verb" : {
			"id":"http://example.com/visited",
			"display":{
				"en-US":"will visit"
			}
		},
		"object": {
			"objectType": "Activity",
			"id":"http://example.com/website",
			"definition": {
				"name" : {
					"en-US":"Some Awesome Website"
				}
			}
		}
	}
}"#;

/// Data Appendix A, "Example of a simple Statement" (the line break inside the description
/// is "for display purposes only" and is left out).
pub const APPENDIX_A_SIMPLE: &str = r#"{
	"id":"fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
	"timestamp": "2015-11-18T12:17:00+00:00",
	"actor":{
		"objectType": "Agent",
		"name":"Project Tin Can API",
		"mbox":"mailto:user@example.com"
	},
	"verb":{
		"id":"http://example.com/xapi/verbs#sent-a-statement",
		"display":{
			"en-US":"sent"
		}
	},
	"object":{
		"id":"http://example.com/xapi/activity/simplestatement",
		"definition":{
			"name":{
				"en-US":"simple statement"
			},
			"description":{
				"en-US":"A simple Experience API statement. Note that the LRS does not need to have any prior information about the Actor (learner), the verb, or the Activity/object."
			}
		}
	}
}"#;

/// Data Appendix A: "Completion with Verb named 'attempted' and Duration expressed in seconds".
pub const APPENDIX_A_COMPLETION: &str = r#"{
	"id":"7ccd3322-e1a5-411a-a67d-6a735c76f119",
	"timestamp": "2015-12-18T12:17:00+00:00",
	"actor":{
        "objectType": "Agent",
		"name":"Example Learner",
		"mbox":"mailto:example.learner@adlnet.gov"
	},
	"verb":{
		"id":"http://adlnet.gov/expapi/verbs/attempted",
		"display":{
			"en-US":"attempted"
		}
	},
	"object":{
		"id":"http://example.adlnet.gov/xapi/example/simpleCBT",
		"definition":{
			"name":{
				"en-US":"simple CBT course"
			},
			"description":{
				"en-US":"A fictitious example CBT course."
			}
		}
	},
	"result":{
		"score":{
			"scaled":0.95
		},
		"success":true,
		"completion":true,
		"duration": "PT1234S"
	}
}"#;

/// Data Appendix A: "A long example Statement showcasing most of the properties available",
/// as returned by an LRS (with `authority`, `stored` and `version`).
pub const APPENDIX_A_LONG: &str = r#"{
    "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
    "actor": {
        "name": "Team PB",
        "mbox": "mailto:teampb@example.com",
        "member": [
            {
                "name": "Andrew Downes",
                "account": {
                    "homePage": "http://www.example.com",
                    "name": "13936749"
                },
                "objectType": "Agent"
            },
            {
                "name": "Toby Nichols",
                "openid": "http://toby.openid.example.org/",
                "objectType": "Agent"
            },
            {
                "name": "Ena Hills",
                "mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9",
                "objectType": "Agent"
            }
        ],
        "objectType": "Group"
    },
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/attended",
        "display": {
            "en-GB": "attended",
            "en-US": "attended"
        }
    },
    "result": {
        "extensions": {
            "http://example.com/profiles/meetings/resultextensions/minuteslocation": "X:\\meetings\\minutes\\examplemeeting.one"
        },
        "success": true,
        "completion": true,
        "response": "We agreed on some example actions.",
        "duration": "PT1H0M0S"
    },
    "context": {
        "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
        "contextActivities": {
            "parent": [
                {
                    "id": "http://www.example.com/meetings/series/267",
                    "objectType": "Activity"
                }
            ],
            "category": [
                {
                    "id": "http://www.example.com/meetings/categories/teammeeting",
                    "objectType": "Activity",
                    "definition": {
			            "name": {
			                "en": "team meeting"
			            },
			            "description": {
			                "en": "A category of meeting used for regular team meetings."
			            },
			            "type": "http://example.com/expapi/activities/meetingcategory"
			        }
                }
            ],
            "other": [
                {
                    "id": "http://www.example.com/meetings/occurances/34257",
                    "objectType": "Activity"
                },
                {
                    "id": "http://www.example.com/meetings/occurances/3425567",
                    "objectType": "Activity"
                }
            ]
        },
        "instructor" :
        {
        	"name": "Andrew Downes",
            "account": {
                "homePage": "http://www.example.com",
                "name": "13936749"
            },
            "objectType": "Agent"
        },
        "team":
        {
        	"name": "Team PB",
        	"mbox": "mailto:teampb@example.com",
        	"objectType": "Group"
        },
        "platform" : "Example virtual meeting software",
        "language" : "tlh",
        "statement" : {
        	"objectType":"StatementRef",
        	"id" :"6690e6c9-3ef0-4ed3-8b37-7f3964730bee"
        }

    },
    "timestamp": "2013-05-18T05:32:34.804+00:00",
    "stored": "2013-05-18T05:32:34.804+00:00",
    "authority": {
        "account": {
            "homePage": "http://cloud.scorm.com/",
            "name": "anonymous"
        },
        "objectType": "Agent"
    },
    "version": "1.0.0",
    "object": {
        "id": "http://www.example.com/meetings/occurances/34534",
        "definition": {
            "extensions": {
                "http://example.com/profiles/meetings/activitydefinitionextensions/room": {"name": "Kilby", "id" : "http://example.com/rooms/342"}
            },
            "name": {
                "en-GB": "example meeting",
                "en-US": "example meeting"
            },
            "description": {
                "en-GB": "An example meeting that happened on a specific occasion with certain people present.",
                "en-US": "An example meeting that happened on a specific occasion with certain people present."
            },
            "type": "http://adlnet.gov/expapi/activities/meeting",
            "moreInfo": "http://virtualmeeting.example.com/345256"
        },
        "objectType": "Activity"
    }
}"#;

/// Data Appendix D: the original statement that was signed.
pub const APPENDIX_D_SIGNED: &str = r#"{
    "version": "1.0.0",
    "id": "33cff416-e331-4c9d-969e-5373a1756120",
    "actor": {
        "mbox": "mailto:example@example.com",
        "name": "Example Learner",
        "objectType": "Agent"
    },
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/experienced",
        "display": {
            "en-US": "experienced"
        }
    },
    "object": {
        "id": "https://www.youtube.com/watch?v=xh4kIiH3Sm8",
        "objectType": "Activity",
        "definition": {
            "name": {
                "en-US": "Tax Tips & Information : How to File a Tax Return "
            },
            "description": {
                "en-US": "Filing a tax return will require filling out either a 1040, 1040A or 1040EZ form"
            }
        }
    },
    "timestamp": "2013-04-01T12:00:00Z"
}"#;

/// Communication 1.5.2.s6: the statement of the multipart example, with an attachment header.
pub const WITH_ATTACHMENT: &str = r#"{
    "actor": {
        "mbox": "mailto:sample.agent@example.com",
        "name": "Sample Agent",
        "objectType": "Agent"
    },
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/answered",
        "display": {
            "en-US": "answered"
        }
    },
    "object": {
        "id": "http://www.example.com/tincan/activities/multipart",
        "objectType": "Activity",
        "definition": {
            "name": {
                "en-US": "Multi Part Activity"
            },
            "description": {
                "en-US": "Multi Part Activity Description"
            }
        }
    },
    "attachments": [
        {
            "usageType": "http://example.com/attachment-usage/test",
            "display": { "en-US": "A test attachment" },
            "description": { "en-US": "A test attachment (description)" },
            "contentType": "text/plain; charset=ascii",
            "length": 27,
            "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"
        }
    ]
}"#;

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
