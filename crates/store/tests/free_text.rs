//! A campaign's free-text answers as the answers page reads them, on SQLite and PostgreSQL:
//! finished responses only, in the order they were submitted, with what groups them.

use skillgym_domain::audit::{CampaignContent, Localised, ProfileQuestion, QuestionKind};
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_domain::{
    CampaignId, ContractedHours, OrganisationId, PersonId, ServiceLength, WorkingHours,
};
use skillgym_store::{FreeTextResponse, NewCampaign, ResponseAnswers, Store};
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(free_text_answers_are_the_finished_ones_in_submission_order);

fn question(code: &str, kind: QuestionKind, options: usize) -> ProfileQuestion {
    ProfileQuestion {
        code: code.into(),
        kind,
        prompt: Localised::new(format!("Question {code}"), None),
        hint: None,
        options: (0..options)
            .map(|i| Localised::new(format!("Option {i}"), None))
            .collect(),
        min: None,
        max: None,
    }
}

/// A new campaign on the demo's framework with a free-text, a single-choice and a number
/// question.
async fn campaign(store: &Store, org: OrganisationId) -> CampaignId {
    let demo = store.campaigns(org).await.unwrap()[0].id;
    let demo = store.campaign(org, demo).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let title = Localised::new("Free text".to_string(), None);
    store
        .create_campaign(
            org,
            &NewCampaign {
                framework: demo.framework_id,
                title: title.clone(),
                opens_on: today - time::Duration::days(1),
                closes_on: today + time::Duration::days(30),
                anonymous: false,
                competences: demo.areas[0].competences.iter().map(|c| c.id).collect(),
                audience: Default::default(),
                content: CampaignContent {
                    title,
                    profile_questions: vec![
                        question("NEEDS", QuestionKind::Text, 0),
                        question("YEARS", QuestionKind::Number, 0),
                        question("ROLE", QuestionKind::Single, 3),
                    ],
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap()
}

async fn free_text_answers_are_the_finished_ones_in_submission_order(backend: Backend) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 30,
        seed: 5,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .unwrap()
        .id;
    let store = &db.store;
    let id = campaign(store, org).await;
    let stored = store.campaign(org, id).await.unwrap();
    let ids: Vec<_> = stored.questions.iter().map(|(id, _)| *id).collect();
    let people: Vec<PersonId> = store
        .person_ids(org)
        .await
        .unwrap()
        .into_values()
        .take(4)
        .collect();
    let mut responses = Vec::new();
    for (i, person) in people.iter().enumerate() {
        let response = store.start_response(id, *person).await.unwrap();
        let mut answers = ResponseAnswers::default();
        if i != 1 {
            answers.profile.insert(ids[0], format!("Answer {i}"));
        }
        answers.profile.insert(ids[1], "7".into());
        answers.profile.insert(ids[2], (i % 3).to_string());
        store
            .save_section(response.id, 1, &answers, &[])
            .await
            .unwrap();
        responses.push(response.id);
    }
    // Submitted in the other order; the last one started never is.
    for response in responses[..3].iter().rev() {
        store.submit_response(*response).await.unwrap();
    }
    let read = store.free_text_answers(org, &stored, None).await.unwrap();
    let opened = stored.opens_on;
    let mut expected = Vec::new();
    for i in [2usize, 1, 0] {
        let person = store.person(org, people[i]).await.unwrap();
        let mut answers = Vec::new();
        if i != 1 {
            answers.push((ids[0], format!("Answer {i}")));
        }
        // The number question is left out; the single choice groups.
        answers.push((ids[2], (i % 3).to_string()));
        let hours = ContractedHours::from_hours(person.contracted_hours).unwrap();
        let started = person.start_date;
        expected.push(FreeTextResponse {
            job_family: Some(person.job_family),
            employment: Some(person.employment),
            hours: Some(WorkingHours::of(person.employment, hours)),
            service: started.and_then(|d| ServiceLength::on(d, opened)),
            team: person.team.map(|(t, _)| t),
            main_site: person.sites.first().map(|(s, _)| *s),
            answers,
        });
    }
    assert_eq!(read, expected);
    assert!(
        read.iter()
            .any(|r| r.service.is_some() && r.team.is_some() && r.main_site.is_some())
    );
    // Only the first submitted, as an open anonymous campaign's figures count them.
    let first = store
        .free_text_answers(org, &stored, Some(2))
        .await
        .unwrap();
    assert_eq!(first, expected[..2]);
    // An erased person's response stays, in no group, without the words they wrote.
    store
        .erase_person(org, people[2], skillgym_store::Actor::System)
        .await
        .unwrap();
    let read = store.free_text_answers(org, &stored, None).await.unwrap();
    assert_eq!((read[0].job_family, read[0].main_site), (None, None));
    assert_eq!(read[0].answers, [(ids[2], "2".to_string())]);
}
