//! A campaign asks only its audience: invitations, reminders and the report's "asked" all hold
//! to the sites, teams and job families it names, on SQLite and on PostgreSQL.

use skillgym_domain::OrganisationId;
use skillgym_domain::audit::{Audience, CampaignContent, Localised};
use skillgym_store::{NewCampaign, PersonFilter};
use skillgym_test_db::{Backend, TestDb, both_backends, oracle};
use std::collections::BTreeSet;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 80, 11).await
}

both_backends!(a_campaign_for_one_team_asks_and_invites_that_team_only);

async fn a_campaign_for_one_team_asks_and_invites_that_team_only(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let teams = store.teams(org).await.unwrap();
    let team = teams
        .iter()
        .filter(|t| t.members >= 2)
        .min_by_key(|t| t.members)
        .expect("a team of two or more");
    assert!(
        teams.iter().map(|t| t.members).sum::<i64>() > team.members,
        "other teams have people, so asking everyone would show"
    );
    let (members, _) = store
        .people(
            org,
            &PersonFilter {
                team: Some(team.id),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let members: BTreeSet<_> = members.iter().map(|p| p.id).collect();

    let framework = store.frameworks(org).await.unwrap()[0].id;
    let stored = store.framework(org, framework).await.unwrap();
    let competence = stored.competence_ids[&stored.framework.areas[0].competences[0].code];
    let today = time::OffsetDateTime::now_utc().date();
    let campaign = store
        .create_campaign(
            org,
            &NewCampaign {
                framework,
                title: Localised::new("One team", None),
                opens_on: today,
                closes_on: today + time::Duration::days(30),
                anonymous: false,
                competences: vec![competence],
                audience: Audience {
                    teams: vec![team.id],
                    ..Default::default()
                },
                content: CampaignContent {
                    title: Localised::new("One team", None),
                    profile_questions: Vec::new(),
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap();

    let asked = oracle::report_data(&db, org, campaign).await.unwrap().asked;
    assert_eq!(asked.len(), members.len(), "the report asks the team only");
    assert!(asked.iter().all(|a| a.team == Some(team.id)));

    let invited = store.to_invite(campaign, today).await.unwrap();
    assert!(!invited.is_empty(), "the team has people with email");
    for recipient in &invited {
        assert!(
            members.contains(&recipient.person),
            "{} is not in the team but was invited",
            recipient.email
        );
    }
}
