//! The data for change over time, on SQLite and on PostgreSQL: each campaign's finished
//! responses with whose they are, and the campaigns a re-audit can be compared with.

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
