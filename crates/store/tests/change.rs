//! The data for change over time and for a person's profile, on SQLite and on PostgreSQL: each
//! campaign's finished responses with whose they are, the campaigns a re-audit can be compared
//! with, role profiles and one person's answers.

use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::StoreError;
use skillgym_test_db::{Backend, TestDb, both_backends, oracle};
use std::collections::HashSet;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 80, 7).await
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
    let before = oracle::change_data(&db, org, earlier.id).await.unwrap();
    let after = oracle::change_data(&db, org, later.id).await.unwrap();
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
        oracle::change_data(&db, org, CampaignId(999_999)).await,
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
        .earlier_campaigns(org, campaign.framework_id, later.id, campaign.opens_on)
        .await
        .unwrap();
    let ids: Vec<_> = offered.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![earlier.id]);
    // The earlier campaign has nothing before it.
    let first = db.store.campaign(org, earlier.id).await.unwrap();
    let offered = db
        .store
        .earlier_campaigns(org, first.framework_id, first.id, first.opens_on)
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
    let data = oracle::change_data(&db, org, later).await.unwrap();
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
    let totals = oracle::area_totals(&db, org, later).await.unwrap();
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

both_backends!(
    a_closed_campaigns_figures_do_not_move_with_the_staff_list,
    erasure_keeps_who_was_asked_counted_but_forgets_the_person,
);

/// What a campaign's figures count of the people asked: how many, and each recorded person's
/// sites, team and whether they finished (sorted), with the finished responses in no group.
type AskedFigures = (
    usize,
    usize,
    Vec<(Vec<i64>, Option<i64>, bool)>,
    usize,
    usize,
);

async fn asked_figures(db: &TestDb, org: OrganisationId, id: CampaignId) -> AskedFigures {
    let report = oracle::report_data(db, org, id).await.unwrap();
    let mut people: Vec<_> = report
        .asked
        .iter()
        .map(|a| {
            let mut sites: Vec<i64> = a.sites.iter().map(|s| s.0).collect();
            sites.sort_unstable();
            (sites, a.team.map(|t| t.0), a.response.is_some())
        })
        .collect();
    people.sort();
    let change = oracle::change_data(db, org, id).await.unwrap();
    let campaign = db.store.campaign(org, id).await.unwrap();
    let columns = db.store.campaign_columns(org, &campaign).await.unwrap();
    (
        change.asked,
        // Asked as the response rate counts it: those recorded, and the answers of no one.
        columns.asked() + columns.ungrouped as usize,
        people,
        report.ungrouped,
        columns.responses(),
    )
}

/// How many of `people` (sites, team, finished) are at `site`, and how many of those finished.
fn at_site(people: &[(Vec<i64>, Option<i64>, bool)], site: i64) -> (usize, usize) {
    let here: Vec<_> = people.iter().filter(|p| p.0.contains(&site)).collect();
    (here.len(), here.iter().filter(|p| p.2).count())
}

async fn a_closed_campaigns_figures_do_not_move_with_the_staff_list(backend: Backend) {
    use skillgym_domain::csv_file::FileLanguage;
    use skillgym_domain::people::EmployeeNumber;
    use skillgym_domain::staff_file;
    let (db, org) = demo_store(backend).await;
    let summaries = db.store.campaigns(org).await.unwrap();
    let (open, closed) = (summaries[0].id, summaries[1].id);
    let today = time::OffsetDateTime::now_utc().date();
    let last_year = db.store.campaign(org, closed).await.unwrap();
    assert!(last_year.closes_on < today);
    let records = db.store.staff_records(org).await.unwrap();
    let before = asked_figures(&db, org, closed).await;
    // The demo asks everyone: all 80 were asked, and the same number as the report lists.
    assert_eq!(records.len(), 80);
    assert_eq!((before.0, before.1, before.2.len()), (80, 80, 80));
    let finished = before.2.iter().filter(|p| p.2).count();
    assert_eq!(before.3, 0, "every response has its person");
    assert_eq!(before.4, finished);
    let sites = db.store.sites(org).await.unwrap();
    let (first_site, other_site) = (sites[0].id.0, sites[1].id.0);
    let site_before = at_site(&before.2, first_site);
    assert!(site_before.0 > 0);

    // Today's staff file: ten people leave, everyone at the first site moves to the other one
    // and into a new team, and twenty new starters join.
    let first_code = sites[0].code.clone();
    let other_code = sites[1].code.clone();
    let mut file: Vec<_> = records[10..].to_vec();
    let mut moved = 0;
    for r in &mut file {
        if r.sites.contains(&first_code) {
            r.sites = vec![other_code.clone()];
            r.team = Some(skillgym_domain::organisation::TeamName::parse("New team").unwrap());
            moved += 1;
        }
    }
    assert!(moved > 0);
    for n in 0..20 {
        let mut starter = records[20].clone();
        starter.employee_number = EmployeeNumber::parse(&format!("NEW-{n}")).unwrap();
        starter.email = None;
        starter.line_manager = None;
        file.push(starter);
    }
    let mut bytes = Vec::new();
    staff_file::write(&mut bytes, file, FileLanguage::English).unwrap();
    let outcome = db
        .store
        .import_staff_file_with(
            org,
            &bytes,
            skillgym_store::Absent::Left {
                on: today,
                most_confirmed: false,
                by: skillgym_store::Actor::System,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(outcome.marked_left, 10);

    // The closed campaign counts exactly whom it counted, where they were.
    let after = asked_figures(&db, org, closed).await;
    assert_eq!(after, before);
    assert_eq!(at_site(&after.2, first_site), site_before);
    assert_eq!(
        at_site(&after.2, other_site),
        at_site(&before.2, other_site)
    );
    // So does every scheduled recording after it.
    db.store.record_audiences(today).await.unwrap();
    assert_eq!(asked_figures(&db, org, closed).await, before);

    // The open campaign asks the new starters too, and keeps the leavers it asked.
    let open_after = asked_figures(&db, org, open).await;
    assert_eq!((open_after.0, open_after.1), (100, 100));
}

async fn erasure_keeps_who_was_asked_counted_but_forgets_the_person(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let closed = db.store.campaigns(org).await.unwrap()[1].id;
    let before = asked_figures(&db, org, closed).await;
    let data = oracle::change_data(&db, org, closed).await.unwrap();
    let answered = data.responses[0].person.unwrap();
    let asked = oracle::report_data(&db, org, closed).await.unwrap();
    // Someone who did not finish: a person in the organisation with no finished response.
    let finishers: HashSet<_> = data.responses.iter().filter_map(|r| r.person).collect();
    let people = db.store.people_names(org).await.unwrap();
    let silent = people
        .iter()
        .map(|p| p.0)
        .find(|p| !finishers.contains(p))
        .expect("someone did not finish");
    assert_eq!(asked.asked.len(), 80);
    for person in [answered, silent] {
        db.store
            .erase_person(org, person, skillgym_store::Actor::System)
            .await
            .unwrap();
    }
    let after = asked_figures(&db, org, closed).await;
    // As many asked and finished as before; the finisher's response is now in no group, and
    // the one who did not finish is one person asked, in no group.
    assert_eq!((after.0, after.1, after.4), (before.0, before.1, before.4));
    assert_eq!(after.3, 1, "the erased finisher's response is ungrouped");
    assert_eq!(after.2.len(), 79);
    assert!(after.2.contains(&(Vec::new(), None, false)));
    let progress = db
        .store
        .campaign_progress(org, closed, Default::default())
        .await
        .unwrap();
    assert_eq!(progress.len(), 78, "the erased are in no list");
    assert!(
        progress
            .iter()
            .all(|p| p.person != answered && p.person != silent)
    );
}
