//! The data for change over time and for a person's profile, on SQLite and on PostgreSQL: each
//! campaign's finished responses with whose they are, the campaigns a re-audit can be compared
//! with, role profiles and one person's answers.

use skillgym_domain::demo::{self, DemoOptions};
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::StoreError;
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::collections::HashSet;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 80,
        seed: 7,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .expect("the demo loads");
    (db, org.id)
}

both_backends!(
    a_reaudit_reads_both_campaigns_responses,
    only_earlier_campaigns_on_the_same_framework_are_offered,
);

async fn a_reaudit_reads_both_campaigns_responses(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let summaries = db.store.campaigns(org).await.unwrap();
    let (later, earlier) = (&summaries[0], &summaries[1]);
    let campaign = db.store.campaign(org, later.id).await.unwrap();
    assert_eq!(campaign.cloned_from, Some(earlier.id));
    let before = db.store.change_data(org, earlier.id).await.unwrap();
    let after = db.store.change_data(org, later.id).await.unwrap();
    for (data, summary) in [(&before, earlier), (&after, later)] {
        assert_eq!(data.responses.len() as i64, summary.submitted);
        assert!(data.asked >= data.responses.len());
        assert!(data.responses.iter().all(|r| r.person.is_some()));
        assert!(data.responses.iter().all(|r| !r.ratings.is_empty()));
    }
    // The two campaigns share their competences, and many people answered both.
    let then: HashSet<_> = before.responses.iter().filter_map(|r| r.person).collect();
    let both = after
        .responses
        .iter()
        .filter(|r| r.person.is_some_and(|p| then.contains(&p)))
        .count();
    assert!(both > 0, "people answered both campaigns");
    let competences: HashSet<_> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.id))
        .collect();
    assert!(
        before.responses[0]
            .ratings
            .keys()
            .all(|c| competences.contains(c))
    );
    assert!(matches!(
        db.store.change_data(org, CampaignId(999_999)).await,
        Err(StoreError::NotFound)
    ));
}

async fn only_earlier_campaigns_on_the_same_framework_are_offered(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let summaries = db.store.campaigns(org).await.unwrap();
    let (later, earlier) = (&summaries[0], &summaries[1]);
    let campaign = db.store.campaign(org, later.id).await.unwrap();
    let offered = db
        .store
        .earlier_campaigns(org, campaign.framework_id, later.id, &campaign.opens_on)
        .await
        .unwrap();
    let ids: Vec<_> = offered.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![earlier.id]);
    // The earlier campaign has nothing before it.
    let first = db.store.campaign(org, earlier.id).await.unwrap();
    let offered = db
        .store
        .earlier_campaigns(org, first.framework_id, first.id, &first.opens_on)
        .await
        .unwrap();
    assert!(offered.is_empty());
}

both_backends!(
    role_targets_are_seeded_replaced_and_kept_to_their_framework,
    a_persons_answers_are_read_back,
);

async fn role_targets_are_seeded_replaced_and_kept_to_their_framework(backend: Backend) {
    use skillgym_domain::JobFamily;
    use skillgym_domain::analysis::profile::TargetLevel;
    let (db, org) = demo_store(backend).await;
    let framework = db.store.frameworks(org).await.unwrap()[0].id;
    let stored = db.store.framework(org, framework).await.unwrap();
    let targets = db.store.role_targets(org, framework).await.unwrap();
    // The demo sets a target for every competence and job family but leadership for frontline
    // and specialist staff.
    let leadership = stored
        .framework
        .areas
        .iter()
        .find(|a| a.code == "LIBRARY-LEADERSHIP")
        .unwrap()
        .competences
        .len();
    assert_eq!(
        targets.len(),
        stored.competence_ids.len() * JobFamily::ALL.len() - 2 * leadership
    );
    let one = *stored.competence_ids.values().next().unwrap();
    let mut changed = skillgym_store::RoleTargets::new();
    changed.insert((one, JobFamily::Frontline), TargetLevel::new(5).unwrap());
    db.store
        .set_role_targets(org, framework, &changed)
        .await
        .unwrap();
    let read = db.store.role_targets(org, framework).await.unwrap();
    assert_eq!(read, changed, "the profile is replaced whole");
    // A competence of no framework of this one is refused, and nothing changes.
    let mut wrong = changed.clone();
    wrong.insert(
        (skillgym_domain::CompetenceId(999_999), JobFamily::Manager),
        TargetLevel::new(2).unwrap(),
    );
    assert!(matches!(
        db.store.set_role_targets(org, framework, &wrong).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        db.store.role_targets(org, framework).await.unwrap(),
        changed
    );
    assert!(matches!(
        db.store
            .role_targets(org, skillgym_domain::FrameworkId(999_999))
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn a_persons_answers_are_read_back(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let later = db.store.campaigns(org).await.unwrap()[0].id;
    let data = db.store.change_data(org, later).await.unwrap();
    let response = &data.responses[0];
    let person = response.person.unwrap();
    let answered = db.store.answered_campaigns(org, person).await.unwrap();
    assert_eq!(answered[0].id, later, "newest first");
    let answers = db
        .store
        .person_answers(org, later, person)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(answers.ratings, response.ratings);
    let campaign = db.store.campaign(org, later).await.unwrap();
    assert_eq!(answers.quiz.len(), campaign.quiz.len());
    // The service's totals by area add up every respondent's 1–5 ratings.
    let totals = db.store.area_totals(org, later).await.unwrap();
    for area in &campaign.areas {
        let (mut people, mut sum, mut ratings) = (0, 0.0, 0);
        for r in &data.responses {
            let levels: Vec<u8> = area
                .competences
                .iter()
                .filter_map(|c| r.ratings.get(&c.id).and_then(|x| x.level()))
                .collect();
            people += usize::from(!levels.is_empty());
            sum += levels.iter().map(|l| f64::from(*l)).sum::<f64>();
            ratings += levels.len();
        }
        let got = totals[&area.code];
        assert_eq!(
            (got.people, got.sum, got.ratings),
            (people, sum, ratings),
            "{}",
            area.code
        );
    }
    assert!(
        db.store
            .person_answers(org, CampaignId(999_999), person)
            .await
            .unwrap()
            .is_none()
    );
}
