//! GET Statements: parameters (Communication 2.1.3) and which stored statements they select.

use std::collections::HashMap;

use serde_json::{Value, json};
use skillgym_xapi::{Format, Query, Target, matches, matches_with};
use uuid::Uuid;

use crate::examples::{APPENDIX_A_LONG, PLANNED};
use crate::{base, parse, with};

fn query(pairs: &[(&str, &str)]) -> Query {
    Query::parse(pairs.iter().copied()).unwrap_or_else(|e| panic!("{pairs:?}: {e}"))
}

fn refused(pairs: &[(&str, &str)]) -> String {
    match Query::parse(pairs.iter().copied()) {
        Ok(query) => panic!("{pairs:?} accepted as {query:?}"),
        Err(invalid) => invalid.path,
    }
}

const ID: &str = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0";

#[test]
fn no_parameters_is_every_statement_in_exact_format() {
    let all = query(&[]);
    assert_eq!(all.format, Format::Exact);
    assert!(!all.attachments);
    let Target::Filter(filter) = all.target else {
        panic!("a filter")
    };
    assert_eq!(filter.limit, 0);
    assert!(!filter.ascending && !filter.related_agents && !filter.related_activities);
}

#[test]
fn a_single_statement_allows_only_format_and_attachments() {
    let one = query(&[
        ("statementId", ID),
        ("format", "ids"),
        ("attachments", "true"),
    ]);
    assert_eq!(one.target, Target::Statement(Uuid::parse_str(ID).unwrap()));
    assert_eq!(one.format, Format::Ids);
    assert!(one.attachments);
    let voided = query(&[("voidedStatementId", &ID.to_uppercase())]);
    assert_eq!(
        voided.target,
        Target::VoidedStatement(Uuid::parse_str(ID).unwrap())
    );
    assert_eq!(
        refused(&[("statementId", ID), ("voidedStatementId", ID)]),
        "voidedStatementId"
    );
    assert_eq!(refused(&[("statementId", ID), ("limit", "10")]), "limit");
    assert_eq!(
        refused(&[
            ("verb", "http://adlnet.gov/expapi/verbs/completed"),
            ("voidedStatementId", ID)
        ]),
        "verb"
    );
    assert_eq!(refused(&[("statementId", "42")]), "statementId");
}

#[test]
fn every_parameter_is_parsed() {
    let agent = r#"{"objectType": "Agent", "mbox": "mailto:learner@example.com"}"#;
    let parsed = query(&[
        ("agent", agent),
        ("verb", "http://adlnet.gov/expapi/verbs/completed"),
        (
            "activity",
            "http://example.com/activities/digital-skills-101",
        ),
        ("registration", "EC531277-B57B-4C15-8D91-D292C5B2B8F7"),
        ("related_activities", "true"),
        ("related_agents", "false"),
        ("since", "2026-01-01T00:00:00Z"),
        ("until", "2026-02-01T00:00:00.000+00:00"),
        ("limit", "25"),
        ("format", "canonical"),
        ("attachments", "false"),
        ("ascending", "true"),
    ]);
    assert_eq!(parsed.format, Format::Canonical);
    let Target::Filter(filter) = parsed.target else {
        panic!("a filter")
    };
    assert_eq!(
        filter.agent.unwrap().ifi_key().as_deref(),
        Some("mbox:mailto:learner@example.com")
    );
    assert_eq!(
        filter.verb.unwrap().as_str(),
        "http://adlnet.gov/expapi/verbs/completed"
    );
    assert_eq!(
        filter.registration,
        Some(Uuid::parse_str("ec531277-b57b-4c15-8d91-d292c5b2b8f7").unwrap())
    );
    assert!(filter.related_activities && !filter.related_agents && filter.ascending);
    assert_eq!(filter.limit, 25);
    assert!(filter.since.unwrap().at() < filter.until.unwrap().at());
}

#[test]
fn bad_parameters_are_refused_by_name() {
    for (pairs, path) in [
        (vec![("colour", "blue")], "colour"),
        (vec![("StatementId", ID)], "StatementId"),
        (vec![("Agent", "{}")], "Agent"),
        (vec![("relatedActivities", "true")], "relatedActivities"),
        (vec![("limit", "5"), ("limit", "6")], "limit"),
        (vec![("agent", "mailto:learner@example.com")], "agent"),
        (
            vec![("agent", r#"{"mbox": "learner@example.com"}"#)],
            "agent.mbox",
        ),
        (
            vec![(
                "agent",
                r#"{"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}]}"#,
            )],
            "agent",
        ),
        (vec![("agent", r#"{"name": "No IFI"}"#)], "agent"),
        (vec![("verb", "completed")], "verb"),
        (vec![("activity", "")], "activity"),
        (vec![("registration", "attempt-1")], "registration"),
        (vec![("related_agents", "True")], "related_agents"),
        (vec![("related_activities", "1")], "related_activities"),
        (vec![("ascending", "yes")], "ascending"),
        (vec![("attachments", "")], "attachments"),
        (vec![("since", "yesterday")], "since"),
        (vec![("until", "2026-02-01T00:00:00-00:00")], "until"),
        (vec![("limit", "-1")], "limit"),
        (vec![("limit", "ten")], "limit"),
        (vec![("limit", "+5")], "limit"),
        (vec![("format", "Exact")], "format"),
    ] {
        assert_eq!(refused(&pairs), path, "{pairs:?}");
    }
}

/// A stored statement, as `prepare` leaves it.
fn stored(id: &str, stored_at: &str, changes: &[(&str, Value)]) -> Value {
    let mut statement = with(base(), changes);
    statement["id"] = json!(id);
    statement["stored"] = json!(stored_at);
    statement["timestamp"] = json!(stored_at);
    statement["version"] = json!("1.0.0");
    statement["authority"] = json!({ "objectType": "Agent", "account": { "homePage": "https://skillgym.example.gov.uk/", "name": "client-7" } });
    statement
}

fn filter(pairs: &[(&str, &str)], statement: &Value) -> bool {
    matches(&query(pairs), statement)
}

const LEARNER: &str = r#"{"mbox": "mailto:learner@example.com"}"#;

#[test]
fn agent_matches_the_actor_or_an_agent_object() {
    let own = stored(ID, "2026-01-10T10:00:00Z", &[]);
    assert!(filter(&[("agent", LEARNER)], &own));
    assert!(filter(
        &[("agent", r#"{"mbox": "mailto:learner@EXAMPLE.COM"}"#)],
        &own
    ));
    assert!(!filter(
        &[("agent", r#"{"mbox": "mailto:other@example.com"}"#)],
        &own
    ));
    let mentored = stored(
        ID,
        "2026-01-10T10:00:00Z",
        &[
            ("/actor", json!({ "mbox": "mailto:mentor@example.com" })),
            (
                "/object",
                json!({ "objectType": "Agent", "mbox": "mailto:learner@example.com" }),
            ),
        ],
    );
    assert!(filter(&[("agent", LEARNER)], &mentored));
    // A Group whose member is the Agent matches.
    let team = stored(
        ID,
        "2026-01-10T10:00:00Z",
        &[(
            "/actor",
            json!({ "objectType": "Group", "member": [{ "mbox": "mailto:learner@example.com" }] }),
        )],
    );
    assert!(filter(&[("agent", LEARNER)], &team));
    // An Identified Group matches by its own IFI.
    let long = parse(APPENDIX_A_LONG);
    assert!(filter(
        &[(
            "agent",
            r#"{"objectType": "Group", "mbox": "mailto:teampb@example.com"}"#
        )],
        &long
    ));
    assert!(filter(
        &[("agent", r#"{"openid": "http://toby.openid.example.org/"}"#)],
        &long
    ));
}

#[test]
fn related_agents_looks_at_authority_instructor_team_and_substatements() {
    let long = parse(APPENDIX_A_LONG);
    let instructor = r#"{"account": {"homePage": "http://www.example.com", "name": "13936749"}}"#;
    let authority = r#"{"account": {"homePage": "http://cloud.scorm.com/", "name": "anonymous"}}"#;
    let team = with(
        long.clone(),
        &[("/actor", json!({ "mbox": "mailto:someone@example.com" }))],
    );
    for (agent, statement) in [
        (instructor, &long),
        (authority, &long),
        (
            r#"{"objectType": "Group", "mbox": "mailto:teampb@example.com"}"#,
            &team,
        ),
    ] {
        // The instructor is also a member of the actor in the long example, hence `team`.
        let direct = filter(&[("agent", agent)], statement);
        let related = filter(&[("agent", agent), ("related_agents", "true")], statement);
        assert!(related, "{agent} related");
        if agent == authority {
            assert!(!direct, "the authority is only a related agent");
        }
    }
    let planned = stored(
        ID,
        "2026-01-10T10:00:00Z",
        &[
            ("/actor", json!({ "mbox": "mailto:manager@example.com" })),
            ("/object", parse(PLANNED)["object"].clone()),
        ],
    );
    let test = r#"{"mbox": "mailto:test@example.com"}"#;
    assert!(!filter(&[("agent", test)], &planned));
    assert!(filter(
        &[("agent", test), ("related_agents", "true")],
        &planned
    ));
}

#[test]
fn activity_matches_the_object_and_with_related_activities_the_context() {
    let long = parse(APPENDIX_A_LONG);
    let meeting = "http://www.example.com/meetings/occurances/34534";
    let series = "http://www.example.com/meetings/series/267";
    assert!(filter(&[("activity", meeting)], &long));
    assert!(!filter(&[("activity", series)], &long));
    assert!(filter(
        &[("activity", series), ("related_activities", "true")],
        &long
    ));
    assert!(
        !filter(
            &[("activity", "http://www.example.com/meetings/series/26")],
            &long
        ),
        "ids compare whole"
    );
    let planned = stored(
        ID,
        "2026-01-10T10:00:00Z",
        &[("/object", parse(PLANNED)["object"].clone())],
    );
    assert!(!filter(
        &[("activity", "http://example.com/website")],
        &planned
    ));
    assert!(filter(
        &[
            ("activity", "http://example.com/website"),
            ("related_activities", "true")
        ],
        &planned
    ));
}

#[test]
fn verb_registration_and_time_filters() {
    let one = stored(
        ID,
        "2026-01-10T10:00:00.500Z",
        &[(
            "/context/registration",
            json!("ec531277-b57b-4c15-8d91-d292c5b2b8f7"),
        )],
    );
    assert!(filter(
        &[("verb", "http://adlnet.gov/expapi/verbs/completed")],
        &one
    ));
    assert!(!filter(
        &[("verb", "http://adlnet.gov/expapi/verbs/passed")],
        &one
    ));
    assert!(filter(
        &[("registration", "EC531277-B57B-4C15-8D91-D292C5B2B8F7")],
        &one
    ));
    assert!(!filter(&[("registration", ID)], &one));
    // since is exclusive, until inclusive, compared as points in time.
    assert!(!filter(&[("since", "2026-01-10T10:00:00.500Z")], &one));
    assert!(filter(&[("since", "2026-01-10T10:00:00.499Z")], &one));
    assert!(filter(&[("until", "2026-01-10T11:00:00.500+01:00")], &one));
    assert!(!filter(&[("until", "2026-01-10T10:00:00.499Z")], &one));
    assert!(filter(
        &[
            ("since", "2026-01-10T09:00:00Z"),
            ("until", "2026-01-10T10:00:00.5Z")
        ],
        &one
    ));
    // statementId matches by id, whatever the case.
    assert!(filter(&[("statementId", &ID.to_uppercase())], &one));
    assert!(!filter(
        &[("statementId", "7ccd3322-e1a5-411a-a67d-6a735c76f119")],
        &one
    ));
}

#[test]
fn statements_targeting_a_matching_statement_match() {
    // "Ben passed explosives training", then "Andrew confirmed <that>", then a comment on the
    // confirmation (Communication 2.1.3.s3).
    let passed_id = "11111111-1111-4111-8111-111111111111";
    let confirmed_id = "22222222-2222-4222-8222-222222222222";
    let comment_id = "33333333-3333-4333-8333-333333333333";
    let passed = stored(
        passed_id,
        "2026-01-01T10:00:00Z",
        &[
            ("/actor", json!({ "mbox": "mailto:ben@example.com" })),
            ("/verb/id", json!("http://adlnet.gov/expapi/verbs/passed")),
            (
                "/object/id",
                json!("http://example.com/explosives-training"),
            ),
        ],
    );
    let confirmed = stored(
        confirmed_id,
        "2026-01-02T10:00:00Z",
        &[
            ("/actor", json!({ "mbox": "mailto:andrew@example.com" })),
            ("/verb/id", json!("http://example.com/verbs/confirmed")),
            (
                "/object",
                json!({ "objectType": "StatementRef", "id": passed_id }),
            ),
        ],
    );
    let comment = stored(
        comment_id,
        "2026-01-03T10:00:00Z",
        &[
            ("/actor", json!({ "mbox": "mailto:carol@example.com" })),
            (
                "/object",
                json!({ "objectType": "StatementRef", "id": confirmed_id }),
            ),
        ],
    );
    let all: HashMap<Uuid, Value> = [
        (passed_id, &passed),
        (confirmed_id, &confirmed),
        (comment_id, &comment),
    ]
    .into_iter()
    .map(|(id, s)| (Uuid::parse_str(id).unwrap(), s.clone()))
    .collect();
    let lookup = |id: Uuid| all.get(&id).cloned();
    let ben = query(&[("agent", r#"{"mbox": "mailto:ben@example.com"}"#)]);
    let training = query(&[("activity", "http://example.com/explosives-training")]);
    for statement in [&passed, &confirmed, &comment] {
        assert!(matches_with(&ben, statement, lookup));
        assert!(matches_with(&training, statement, lookup));
    }
    // Without looking up references, only the original matches.
    assert!(!matches(&ben, &confirmed));
    // The time filters apply to the targeting statement itself.
    let early = query(&[
        ("agent", r#"{"mbox": "mailto:ben@example.com"}"#),
        ("until", "2026-01-02T00:00:00Z"),
    ]);
    assert!(matches_with(&early, &passed, lookup));
    assert!(!matches_with(&early, &confirmed, lookup));
    // The filters are met together by one statement: Andrew did not pass the training.
    let andrew_training = query(&[
        ("agent", r#"{"mbox": "mailto:andrew@example.com"}"#),
        ("activity", "http://example.com/explosives-training"),
    ]);
    assert!(!matches_with(&andrew_training, &confirmed, lookup));
    // A reference to a statement the LRS does not hold, or a loop, matches nothing more.
    let dangling = stored(
        comment_id,
        "2026-01-03T10:00:00Z",
        &[("/object", json!({ "objectType": "StatementRef", "id": ID }))],
    );
    assert!(!matches_with(&ben, &dangling, lookup));
    let looping = stored(
        comment_id,
        "2026-01-03T10:00:00Z",
        &[(
            "/object",
            json!({ "objectType": "StatementRef", "id": comment_id }),
        )],
    );
    assert!(!matches_with(&ben, &looping, |_| Some(looping.clone())));
}
