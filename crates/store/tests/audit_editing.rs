//! Admins' edits to frameworks and campaign questions, on SQLite and on PostgreSQL.

use skillgym_domain::OrganisationId;
use skillgym_domain::audit::campaign::{ProfileQuestion, QuestionKind, QuizItem, QuizOption};
use skillgym_domain::audit::editing::{CompetenceUse, ItemDraft, Move, Removal};
use skillgym_domain::audit::{Audience, CampaignContent, Localised};
use skillgym_store::{CAMPAIGN_ANSWERED, NewCampaign, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 40, 5).await
}

fn draft(code: &str, title: &str) -> ItemDraft {
    ItemDraft {
        code: code.into(),
        title: Localised::new(title, None),
        description: Localised::default(),
    }
}

both_backends!(
    a_competence_tested_by_a_question_stays_until_the_question_goes,
    answered_campaigns_keep_their_questions,
    a_question_may_show_welsh_readers_a_picture_of_their_own,
    campaigns_made_before_a_picture_was_redrawn_get_the_new_drawing,
);

async fn a_competence_tested_by_a_question_stays_until_the_question_goes(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let framework = store.frameworks(org).await.unwrap()[0].id;
    store
        .add_area(org, framework, &draft("NEW", "New area"))
        .await
        .unwrap();
    // Areas and competences share codes.
    assert!(matches!(
        store
            .add_competence(org, framework, "NEW", &draft("NEW", "Clash"))
            .await,
        Err(StoreError::Taken("code"))
    ));
    store
        .add_competence(org, framework, "NEW", &draft("NEW-1", "New competence"))
        .await
        .unwrap();
    let stored = store.framework(org, framework).await.unwrap();
    let areas: Vec<&str> = stored
        .framework
        .areas
        .iter()
        .map(|a| a.code.as_str())
        .collect();
    assert_eq!(areas.last(), Some(&"NEW"));
    store
        .move_area(org, framework, "NEW", Move::Up)
        .await
        .unwrap();
    let moved = store.framework(org, framework).await.unwrap().framework;
    assert_eq!(moved.areas[moved.areas.len() - 2].code, "NEW");

    let id = stored.competence_ids["NEW-1"];
    let quiz = QuizItem {
        code: "K1".into(),
        competence: "NEW-1".into(),
        prompt: Localised::new("Which?", None),
        image: None,
        image_cy: None,
        image_alt: None,
        options: vec![
            QuizOption {
                text: Localised::new("This", None),
                correct: true,
            },
            QuizOption {
                text: Localised::new("That", None),
                correct: false,
            },
        ],
        explanation: None,
    };
    let campaign = store
        .create_campaign(
            org,
            &NewCampaign {
                framework,
                title: Localised::new("Later", None),
                opens_on: time::macros::date!(2031 - 01 - 01),
                closes_on: time::macros::date!(2031 - 02 - 01),
                anonymous: false,
                competences: vec![id],
                audience: Audience::default(),
                content: CampaignContent {
                    title: Localised::new("Later", None),
                    profile_questions: Vec::new(),
                    quiz: vec![quiz],
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.competence_use(org, framework, "NEW-1").await.unwrap(),
        CompetenceUse {
            answers: 0,
            quiz_items: 1,
            campaigns: 1
        }
    );
    assert_eq!(
        store
            .remove_competence(org, framework, "NEW-1")
            .await
            .unwrap(),
        Removal::TestedByQuiz
    );
    let item = store.campaign(org, campaign).await.unwrap().quiz[0].0;
    store.remove_quiz_item(org, campaign, item).await.unwrap();
    assert_eq!(
        store.remove_area(org, framework, "NEW").await.unwrap(),
        Removal::Allowed
    );
    // Gone from the framework and from the campaign nobody had answered.
    let after = store.framework(org, framework).await.unwrap();
    assert!(!after.competence_ids.contains_key("NEW-1"));
    assert!(
        store
            .campaign(org, campaign)
            .await
            .unwrap()
            .areas
            .is_empty()
    );
    // Everything else kept its place and identifier.
    assert_eq!(after.framework, {
        let mut f = stored.framework.clone();
        f.areas.retain(|a| a.code != "NEW");
        f
    });
}

async fn answered_campaigns_keep_their_questions(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let campaign = store.campaigns(org).await.unwrap()[0].id;
    assert!(store.campaign_answered(campaign).await.unwrap());
    let question = ProfileQuestion {
        code: "Q99".into(),
        kind: QuestionKind::Text,
        prompt: Localised::new("Anything else?", None),
        hint: None,
        options: Vec::new(),
        min: None,
        max: None,
    };
    assert!(matches!(
        store.add_profile_question(org, campaign, &question).await,
        Err(StoreError::Taken(CAMPAIGN_ANSWERED))
    ));
    let first = store.campaign(org, campaign).await.unwrap().questions[0].0;
    assert!(matches!(
        store.remove_profile_question(org, campaign, first).await,
        Err(StoreError::Taken(CAMPAIGN_ANSWERED))
    ));
    // Another organisation's campaign is not found, whatever its state.
    assert!(matches!(
        store
            .add_profile_question(OrganisationId(org.0 + 1000), campaign, &question)
            .await,
        Err(StoreError::NotFound)
    ));
}

/// An unanswered campaign rating the framework's first competence, with `quiz` and `pictures`.
async fn campaign_with(
    store: &skillgym_store::Store,
    org: OrganisationId,
    quiz: Vec<QuizItem>,
    pictures: Vec<(String, String, Vec<u8>)>,
) -> skillgym_domain::CampaignId {
    let framework = store.frameworks(org).await.unwrap()[0].id;
    let stored = store.framework(org, framework).await.unwrap();
    let code = &stored.framework.areas[0].competences[0].code;
    store
        .create_campaign(
            org,
            &NewCampaign {
                framework,
                title: Localised::new("Pictures", None),
                opens_on: time::macros::date!(2031 - 01 - 01),
                closes_on: time::macros::date!(2031 - 02 - 01),
                anonymous: false,
                competences: vec![stored.competence_ids[code]],
                audience: Audience::default(),
                content: CampaignContent {
                    title: Localised::new("Pictures", None),
                    profile_questions: Vec::new(),
                    quiz: quiz
                        .into_iter()
                        .map(|q| QuizItem {
                            competence: code.clone(),
                            ..q
                        })
                        .collect(),
                },
                pictures,
                cloned_from: None,
            },
        )
        .await
        .unwrap()
}

fn picture_question(image: Option<&str>, image_cy: Option<&str>) -> QuizItem {
    QuizItem {
        code: "K1".into(),
        competence: String::new(),
        prompt: Localised::new(
            "Which signs suggest it is a scam?",
            Some("Pa arwyddion?".into()),
        ),
        image: image.map(str::to_string),
        image_cy: image_cy.map(str::to_string),
        image_alt: Some(Localised::new("An email", Some("E-bost".into()))),
        options: vec![
            QuizOption {
                text: Localised::new("This", None),
                correct: true,
            },
            QuizOption {
                text: Localised::new("That", None),
                correct: false,
            },
        ],
        explanation: None,
    }
}

async fn a_question_may_show_welsh_readers_a_picture_of_their_own(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let campaign = campaign_with(store, org, Vec::new(), Vec::new()).await;
    let mut item = picture_question(Some("phishing.svg"), Some("phishing-cy.svg"));
    let framework = store.frameworks(org).await.unwrap()[0].id;
    item.competence = store
        .framework(org, framework)
        .await
        .unwrap()
        .framework
        .areas[0]
        .competences[0]
        .code
        .clone();
    let id = store
        .add_quiz_item(org, campaign, &item, None)
        .await
        .unwrap();
    let stored = store.campaign(org, campaign).await.unwrap();
    assert_eq!(stored.quiz[0].1, item);
    assert_eq!(stored.quiz[0].1.picture_for("cy"), Some("phishing-cy.svg"));
    // Both pictures are copied into the campaign, with the sizes their drawings declare.
    let (kind, _) = store
        .campaign_picture(org, campaign, "phishing-cy.svg")
        .await
        .unwrap();
    assert_eq!(kind, "image/svg+xml");
    let sizes = store.picture_sizes(campaign).await.unwrap();
    assert_eq!(sizes["phishing.svg"], (480, 330));
    assert_eq!(sizes["phishing-cy.svg"], (480, 354));
    // Without its Welsh picture, the question no longer keeps that picture in the campaign.
    store
        .update_quiz_item(
            org,
            campaign,
            id,
            &QuizItem {
                image_cy: None,
                ..item.clone()
            },
            None,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .campaign_picture(org, campaign, "phishing-cy.svg")
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .campaign_picture(org, campaign, "phishing.svg")
            .await
            .is_ok()
    );
}

async fn campaigns_made_before_a_picture_was_redrawn_get_the_new_drawing(backend: Backend) {
    use skillgym_domain::audit::campaign::{earlier_standard_pictures, standard_pictures};
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let earlier = |name: &str| {
        earlier_standard_pictures()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .to_vec()
    };
    let today = |name: &str| {
        standard_pictures()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .to_vec()
    };
    let svg = "image/svg+xml".to_string();
    // A PNG an admin uploaded under a shipped name never happens (uploads are named by their
    // digest), but a body that is not exactly an earlier drawing is left alone all the same.
    let altered = [earlier("padlock.svg"), b"<!-- changed -->".to_vec()].concat();
    let campaign = campaign_with(
        store,
        org,
        vec![picture_question(Some("phishing.svg"), None)],
        vec![
            ("phishing.svg".into(), svg.clone(), earlier("phishing.svg")),
            ("padlock.svg".into(), svg.clone(), altered.clone()),
        ],
    )
    .await;
    assert_eq!(
        store.picture_sizes(campaign).await.unwrap()["phishing.svg"],
        (320, 200)
    );
    // Starting skillgym migrates, and brings the drawing up to date.
    store.migrate().await.unwrap();
    let (_, body) = store
        .campaign_picture(org, campaign, "phishing.svg")
        .await
        .unwrap();
    assert_eq!(body, today("phishing.svg"));
    assert_eq!(
        store.picture_sizes(campaign).await.unwrap()["phishing.svg"],
        (480, 330)
    );
    let (_, body) = store
        .campaign_picture(org, campaign, "padlock.svg")
        .await
        .unwrap();
    assert_eq!(body, altered);
    // Once done, nothing is left to redraw.
    assert_eq!(store.redraw_shipped_pictures().await.unwrap(), 0);
}
