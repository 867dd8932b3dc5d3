//! The learning catalogue: searching it, rating what one did (the mean shown only from k
//! ratings), trainers adding and changing activities, and the catalogue as a CSV file in and
//! out, all or nothing.

mod common;

use common::{TestApp, location, results_found, spawn_app};
use reqwest::{Client, Response, StatusCode};
use skillgym_domain::learning::{self, ActivityFilter};
use skillgym_domain::{ActivityId, Email, PersonId};
use skillgym_store::StoredActivity;
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    anyone_finds_what_builds_a_skill_in_the_time_they_have,
    usefulness_is_shown_only_once_enough_people_rated,
    trainers_add_and_change_activities_and_each_mistake_is_explained,
    a_catalogue_file_imports_all_or_nothing_and_exports_what_it_holds,
    a_network_shares_activities_that_members_adopt_with_their_codes,
    a_persons_ratings_are_in_their_data_and_go_when_they_are_erased,
);

async fn catalogue(app: &TestApp) -> Vec<StoredActivity> {
    app.store().catalogue(app.org).await.unwrap()
}

async fn anyone_finds_what_builds_a_skill_in_the_time_they_have(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let all = catalogue(&app).await;
    assert!(all.len() >= 60, "the demo catalogue");
    let page = app.page(&learner, "/learning").await;
    assert!(page.contains(&format!("{} activities", all.len())));
    for (query, filter) in [
        (
            "minutes=15",
            ActivityFilter {
                most_minutes: Some(15),
                ..Default::default()
            },
        ),
        (
            "competence=SAFE-1&level=2&language=cy",
            ActivityFilter {
                competence: Some("SAFE-1".into()),
                level: Some(2),
                language: Some("cy"),
                ..Default::default()
            },
        ),
        (
            "kind=club",
            ActivityFilter {
                kind: Some(learning::ActivityKind::Club),
                ..Default::default()
            },
        ),
    ] {
        let page = app.page(&learner, &format!("/learning?{query}")).await;
        let expected: Vec<&StoredActivity> =
            all.iter().filter(|a| filter.matches(&a.activity)).collect();
        assert!(!expected.is_empty(), "{query} finds something");
        assert_eq!(results_found(&page), expected.len(), "{query}");
        for a in &all {
            let link = format!("href=\"/learning/{}\"", a.id);
            assert_eq!(
                page.contains(&link),
                expected.iter().any(|e| e.id == a.id),
                "{query}: {}",
                a.activity.code
            );
        }
    }
    // In Welsh, the Welsh titles.
    app.post(&learner, "/language", &[("lang", "cy")]).await;
    let page = app.page(&learner, "/learning").await;
    let welsh = all[0].activity.title.cy.clone().unwrap();
    assert!(page.contains(&welsh.replace('\'', "&#39;")) || page.contains(&welsh));
}

async fn usefulness_is_shown_only_once_enough_people_rated(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let threshold = store.anonymity_threshold(app.org).await.unwrap().get();
    // An activity nobody has rated.
    let unrated: ActivityId = catalogue(&app)
        .await
        .into_iter()
        .find(|a| a.ratings == 0)
        .unwrap()
        .id;
    let path = format!("/learning/{unrated}");
    let mut people: Vec<PersonId> = store
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .collect();
    people.sort();
    let learner_id = app.person_by_email("learner@afon.example").await;
    for p in people
        .iter()
        .filter(|p| **p != learner_id)
        .take(threshold - 1)
    {
        store.rate_activity(app.org, unrated, *p, 5).await.unwrap();
    }
    let learner = app.signed_in("learner@afon.example").await;
    let page = app.page(&learner, &path).await;
    assert!(
        page.contains(&format!("Shown once {threshold} people have rated it")),
        "{page}"
    );
    // Nothing chosen: explained, nothing saved.
    let refused = app.post(&learner, &format!("{path}/rating"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("error-summary"));
    let response = app
        .post(&learner, &format!("{path}/rating"), &[("usefulness", "2")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(&learner, &path).await;
    let mean = (5 * (threshold - 1) + 2) as f64 / threshold as f64;
    assert!(
        page.contains(&format!("{mean:.1} out of 5, from {threshold} ratings")),
        "{page}"
    );
    assert!(page.contains("You rated it 2 out of 5"));
    // A second rating replaces the first.
    app.post(&learner, &format!("{path}/rating"), &[("usefulness", "5")])
        .await;
    let page = app.page(&learner, &path).await;
    assert!(page.contains(&format!("5.0 out of 5, from {threshold} ratings")));
    // Another organisation's activity is not there to rate.
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = store.catalogue(other).await.unwrap()[0].id;
    let response = app
        .post(
            &learner,
            &format!("/learning/{theirs}/rating"),
            &[("usefulness", "5")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(store.rating_of(theirs, learner_id).await.unwrap(), None);
}

fn form<'a>(code: &'a str, title: &'a str, minutes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("title_en", title),
        ("title_cy", "Llyfrau llafar"),
        ("summary_en", "Help someone borrow their first e-audiobook."),
        ("kind", "guide"),
        ("provider", "Afon Valley Libraries digital team"),
        ("minutes", minutes),
        ("cost", "0"),
        ("english", "yes"),
        ("welsh", "yes"),
        ("competence_1", "ERESOURCES-1"),
        ("level_1", "2"),
    ]
}

async fn trainers_add_and_change_activities_and_each_mistake_is_explained(backend: Backend) {
    let app = spawn_app(backend).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let before = catalogue(&app).await.len();
    let response = app
        .post(
            &trainer,
            "/learning/new",
            &form("act-audiobooks", "E-audiobooks in ten minutes", "10"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page_path = location(&response).to_string();
    let page = app.page(&trainer, &page_path).await;
    assert!(page.contains("E-audiobooks in ten minutes") && page.contains("ACT-AUDIOBOOKS"));
    assert_eq!(catalogue(&app).await.len(), before + 1);

    // Every mistake is named on the page, and nothing changes.
    let mut bad = form("ACT-AUDIOBOOKS-2", "", "0");
    bad.push(("url", "javascript:alert(1)"));
    bad.retain(|(k, _)| *k != "english" && *k != "welsh");
    let refused = app.post(&trainer, "/learning/new", &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for field in ["title_en", "minutes", "url", "english"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    // A code another activity has.
    let taken = app
        .post(
            &trainer,
            "/learning/new",
            &form("ACT-AUDIOBOOKS", "Again", "10"),
        )
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("Another activity in the catalogue has this code")
    );
    assert_eq!(catalogue(&app).await.len(), before + 1);

    // Changed: the page shows the change.
    let changed = app
        .post(
            &trainer,
            &format!("{page_path}/edit"),
            &form("ACT-AUDIOBOOKS", "E-audiobooks in five minutes", "5"),
        )
        .await;
    assert_eq!(location(&changed), page_path);
    let page = app.page(&trainer, &page_path).await;
    assert!(page.contains("E-audiobooks in five minutes") && page.contains("5 minutes"));
    // The edit form starts with what is stored.
    let edit = app.page(&trainer, &format!("{page_path}/edit")).await;
    assert!(edit.contains("value=\"E-audiobooks in five minutes\""));
}

async fn upload(app: &TestApp, client: &Client, body: Vec<u8>) -> Response {
    app.post_file(
        client,
        "/learning/import",
        &[],
        Some(("catalogue_file", "catalogue.csv", body)),
    )
    .await
}

async fn a_catalogue_file_imports_all_or_nothing_and_exports_what_it_holds(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = catalogue(&app).await;
    let header = "code,title,title_cy,summary,summary_cy,kind,provider,minutes,cost,languages,url,completion,competences\n";
    let first = &before[0].activity;
    // One changed, one new, and one wrong: nothing at all is imported.
    let changed = format!(
        "{},Changed title,,,,{},Afon digital team,12,0.00,en,,,SAFE-1:2\n",
        first.code,
        first.kind.as_str()
    );
    let new = "ACT-NEW-ONE,A new one,Un newydd,,,video,Afon digital team,3,0.00,en cy,,,SAFE-2:1\n";
    let wrong = "ACT-WRONG,Wrong,,,,video,Afon digital team,many,0.00,en,,,NOT-A-SKILL:2\n";
    let refused = upload(
        &app,
        &admin,
        format!("{header}{changed}{new}{wrong}").into_bytes(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("line 4") && html.contains("<code>minutes</code>"),
        "{html}"
    );
    assert!(html.contains("<code>competences</code>"));
    assert_eq!(catalogue(&app).await, before, "nothing imported");

    let response = upload(&app, &admin, format!("{header}{changed}{new}").into_bytes()).await;
    assert_eq!(location(&response), "/learning?added=1&updated=1");
    let after = catalogue(&app).await;
    assert_eq!(after.len(), before.len() + 1);
    let page = app.page(&admin, "/learning?added=1&updated=1").await;
    assert!(page.contains("1 added and 1 changed"));
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Added or changed activities in the learning catalogue"));

    // The download reads back as the catalogue now is, in either language.
    let csv = app
        .get(&admin, "/learning/catalogue.csv")
        .await
        .bytes()
        .await
        .unwrap();
    let read = learning::read(&csv, &|_| true).unwrap();
    let stored: Vec<_> = after.into_iter().map(|a| a.activity).collect();
    assert_eq!(read, stored);
    assert!(read.iter().any(|a| a.title.en == "Changed title"));
    // Imported again, it changes nothing but says each was updated.
    let again = upload(&app, &admin, csv.to_vec()).await;
    assert_eq!(
        location(&again),
        format!("/learning?added=0&updated={}", stored.len())
    );
    assert_eq!(
        catalogue(&app)
            .await
            .into_iter()
            .map(|a| a.activity)
            .collect::<Vec<_>>(),
        stored
    );
}

async fn a_network_shares_activities_that_members_adopt_with_their_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let bro = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let network = store
        .create_network(
            app.org,
            &skillgym_store::NewNetwork {
                slug: skillgym_domain::OrganisationSlug::parse("welsh-libraries").unwrap(),
                name: "Welsh public libraries".into(),
                name_cy: None,
            },
        )
        .await
        .unwrap();
    store.add_network_member(network.id, bro).await.unwrap();
    // An activity of the network's own, which Bro's catalogue does not have.
    let mut own = learning::demo_catalogue()[0].clone();
    own.code = learning::ActivityCode::parse("ACT-NETWORK-ONLY").unwrap();
    own.title.en = "Only the network has this".into();
    let shared = store.save_activity(app.org, None, &own).await.unwrap();
    let admin = store
        .account_by_email(&Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    store
        .set_roles(
            admin.id,
            admin.roles.with(skillgym_domain::Role::Coordinator),
        )
        .await
        .unwrap();
    let coordinator = app.signed_in("admin@afon.example").await;
    let response = app
        .post(
            &coordinator,
            &format!("/network/{}/activities", network.id),
            &[("activity", &shared.to_string())],
        )
        .await;
    assert_eq!(location(&response), "/network");
    assert!(
        app.page(&coordinator, "/network")
            .await
            .contains("Only the network has this")
    );

    let bro_admin = app.signed_in("admin@bro.example").await;
    let page = app.page(&bro_admin, "/networks").await;
    assert!(page.contains("Only the network has this") && page.contains("ACT-NETWORK-ONLY"));
    let before = store.catalogue(bro).await.unwrap().len();
    let adopted = app
        .post(
            &bro_admin,
            &format!("/networks/activities/{shared}/adopt"),
            &[],
        )
        .await;
    assert_eq!(adopted.status(), StatusCode::SEE_OTHER);
    let theirs = store.catalogue(bro).await.unwrap();
    assert_eq!(theirs.len(), before + 1);
    let copy = theirs
        .iter()
        .find(|a| a.activity.code.as_str() == "ACT-NETWORK-ONLY")
        .expect("a copy with the same code");
    assert_eq!(location(&adopted), format!("/learning/{}", copy.id));
    assert_eq!(copy.activity, own);
    // Adopting again gives the same copy.
    let again = app
        .post(
            &bro_admin,
            &format!("/networks/activities/{shared}/adopt"),
            &[],
        )
        .await;
    assert_eq!(location(&again), format!("/learning/{}", copy.id));
    assert_eq!(store.catalogue(bro).await.unwrap().len(), before + 1);
    // Afon is not a member: nothing is shared with it to adopt.
    let response = app
        .post(
            &coordinator,
            &format!("/networks/activities/{shared}/adopt"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

async fn a_persons_ratings_are_in_their_data_and_go_when_they_are_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let activity = catalogue(&app).await[0].clone();
    let learner = app.signed_in("learner@afon.example").await;
    let learner_id = app.person_by_email("learner@afon.example").await;
    app.post(
        &learner,
        &format!("/learning/{}/rating", activity.id),
        &[("usefulness", "4")],
    )
    .await;
    let data = store.personal_data(app.org, learner_id).await.unwrap();
    let table = data.table("activity_ratings").expect("their ratings");
    assert_eq!(table.rows.len(), 1);
    let row = format!("{:?}", table.rows[0]);
    assert!(
        row.contains(activity.activity.code.as_str()) && row.contains('4'),
        "{row}"
    );

    let admin = app.signed_in("admin@afon.example").await;
    let page = app
        .page(&admin, &format!("/people/{learner_id}/erase"))
        .await;
    assert!(page.contains("how useful they said activities in the learning catalogue were"));
    let response = app
        .post(
            &admin,
            &format!("/people/{learner_id}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        store.rating_of(activity.id, learner_id).await.unwrap(),
        None
    );
    let after = store.activity(app.org, activity.id).await.unwrap();
    assert_eq!(
        after.ratings, activity.ratings,
        "their rating is no longer counted"
    );
}
