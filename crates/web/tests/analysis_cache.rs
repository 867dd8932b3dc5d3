//! The columns kept in memory give exactly the figures that reading every answer afresh gives,
//! and a newly finished response is seen at once, even when another instance wrote it.

mod common;

use common::spawn_app;
use skillgym_domain::analysis::calibration::PersonCalibration;
use skillgym_domain::analysis::change::{self, Change};
use skillgym_domain::analysis::columns::NO_ANSWER;
use skillgym_domain::analysis::compare::{self, Comparison, GroupCounts};
use skillgym_domain::analysis::{
    AnonymityThreshold, CampaignColumns, CampaignFigures, Disclosure, GroupingKey, Person,
    ResponseRate,
};
use skillgym_domain::audit::{QuestionKind, Rating};
use skillgym_domain::{CompetenceId, JobFamily};
use skillgym_reporting::AnalysisCache;
use skillgym_store::ResponseAnswers;
use skillgym_test_db::{Backend, both_backends, oracle};
use std::collections::HashSet;
use std::sync::Arc;

both_backends!(cached_and_uncached_figures_agree);

async fn cached_and_uncached_figures_agree(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let cache = AnalysisCache::default();
    for summary in store.campaigns(app.org).await.unwrap() {
        let campaign = store.campaign(app.org, summary.id).await.unwrap();
        let columns = cache.columns(store, app.org, &campaign).await.unwrap();
        let competences: Vec<_> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter())
            .collect();
        let areas: Vec<usize> = campaign
            .areas
            .iter()
            .enumerate()
            .flat_map(|(i, a)| std::iter::repeat_n(i, a.competences.len()))
            .collect();

        // The overview, from every rating read row by row.
        let data = oracle::report_data(&app.db, app.org, campaign.id)
            .await
            .unwrap();
        let people: Vec<Person> = data
            .asked
            .iter()
            .map(|a| Person {
                sites: a.sites.iter().map(|s| s.0).collect(),
                team: a.team.map(|t| t.0),
                response: a.response,
            })
            .collect();
        let responses: Vec<Vec<_>> = data
            .responses
            .iter()
            .map(|r| competences.iter().map(|c| r.get(&c.id).copied()).collect())
            .collect();
        assert!(!responses.is_empty());
        // The same figures hidden both ways: those the whole campaign's columns call for.
        let thresholds = [3, 5].map(|k| AnonymityThreshold::new(k).unwrap());
        let disclosures = thresholds.map(|k| Disclosure::compute(&columns, &areas, k));
        let rows =
            CampaignColumns::from_people(areas.len(), &people, &responses, data.ungrouped as u64);
        for disclosure in &disclosures {
            assert_eq!(
                CampaignFigures::from_columns(disclosure, &areas, &columns),
                CampaignFigures::from_columns(disclosure, &areas, &rows),
                "the overview of campaign {}",
                campaign.id.0
            );
        }

        // Group comparisons by job family and by each single-choice question, from each
        // respondent's ratings one by one.
        let analysis = oracle::analysis_data(&app.db, app.org, campaign.id)
            .await
            .unwrap();
        assert_eq!(analysis.respondents.len(), columns.responses());
        let family_of = |f: Option<&str>| JobFamily::ALL.iter().position(|x| Some(x.as_str()) == f);
        // Each grouping: its number of groups, and each response's group read both ways.
        type Groups = Vec<Option<usize>>;
        let mut groupings: Vec<(GroupingKey, usize, Groups, Groups)> = vec![(
            GroupingKey::JobFamily,
            JobFamily::ALL.len(),
            analysis
                .respondents
                .iter()
                .map(|r| family_of(r.job_family.as_deref()))
                .collect(),
            columns
                .job_family
                .iter()
                .map(|c| (*c != NO_ANSWER).then_some(usize::from(*c)))
                .collect(),
        )];
        for (id, question) in &campaign.questions {
            if question.kind != QuestionKind::Single {
                continue;
            }
            let column = columns.profile.iter().find(|p| p.question == *id).unwrap();
            let groups = question.options.len();
            groupings.push((
                GroupingKey::Question(*id),
                groups,
                analysis
                    .respondents
                    .iter()
                    .map(|r| {
                        r.profile
                            .get(id)
                            .and_then(|v| v.parse::<usize>().ok())
                            .filter(|g| *g < groups)
                    })
                    .collect(),
                column
                    .answers
                    .iter()
                    .map(|c| (*c != NO_ANSWER).then_some(usize::from(*c)))
                    .collect(),
            ));
        }
        assert!(
            groupings.len() >= 2,
            "the demo asks single-choice questions"
        );
        for (key, groups, one_by_one, from_columns) in &groupings {
            assert_eq!(one_by_one, from_columns);
            let respondents: Vec<compare::Respondent> = analysis
                .respondents
                .iter()
                .zip(one_by_one)
                .map(|(r, group)| compare::Respondent {
                    group: *group,
                    ratings: competences
                        .iter()
                        .map(|c| r.ratings.get(&c.id).copied())
                        .collect(),
                })
                .collect();
            for disclosure in &disclosures {
                let shown = disclosure.grouping(*key);
                let uncached =
                    Comparison::compute(&shown, *groups, competences.len(), &respondents);
                let counts = GroupCounts::from_columns(*groups, from_columns, &columns);
                assert_eq!(Comparison::from_counts(&shown, &counts), uncached);
            }
        }

        // Confidence against knowledge, person by person.
        let tested: HashSet<CompetenceId> = campaign
            .quiz
            .iter()
            .filter_map(|(_, item)| competences.iter().find(|c| c.code == item.competence))
            .map(|c| c.id)
            .collect();
        let one_by_one: Vec<Option<PersonCalibration>> = analysis
            .respondents
            .iter()
            .map(|r| {
                let ratings: Vec<Rating> = tested
                    .iter()
                    .filter_map(|c| r.ratings.get(c).copied())
                    .collect();
                let quiz: Vec<bool> = r
                    .quiz
                    .iter()
                    .filter(|(c, _)| tested.contains(c))
                    .map(|(_, right)| *right)
                    .collect();
                PersonCalibration::new(&ratings, &quiz)
            })
            .collect();
        assert_eq!(columns.calibration(), one_by_one);
        assert!(one_by_one.iter().any(Option::is_some));
    }
}

/// Someone the campaign asks who has not started it (the demo sign-ins are left free to).
async fn not_started(
    store: &skillgym_store::Store,
    org: skillgym_domain::OrganisationId,
    campaign: skillgym_domain::CampaignId,
) -> skillgym_domain::PersonId {
    for person in store.person_ids(org).await.unwrap().into_values() {
        if store.in_audience(campaign, person).await.unwrap()
            && store.response_of(campaign, person).await.unwrap().is_none()
        {
            return person;
        }
    }
    panic!("someone has not answered");
}

both_backends!(a_finished_response_is_seen_at_once);

async fn a_finished_response_is_seen_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let open = store
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.id.0)
        .unwrap();
    let campaign = store.campaign(app.org, open.id).await.unwrap();
    let cache = AnalysisCache::default();
    let before = cache.columns(store, app.org, &campaign).await.unwrap();
    let again = cache.columns(store, app.org, &campaign).await.unwrap();
    assert!(Arc::ptr_eq(&before, &again), "kept between requests");
    assert_eq!(cache.held().0, 1);

    let admin = app.signed_in("admin@afon.example").await;
    let report = format!("/campaigns/{}/report", campaign.id.0);
    let finished = |html: &str| {
        let at = html
            .find(" people asked have finished")
            .expect("the headline");
        let text = html[..at].rsplit('>').next().unwrap();
        text.split_whitespace()
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let shown_before = finished(&app.page(&admin, &report).await);

    // Someone asked who has not answered (the demo sign-ins are left free to) starts, saves
    // and finishes — written straight to the database, as another instance would.
    let response = store
        .start_response(campaign.id, not_started(store, app.org, campaign.id).await)
        .await
        .unwrap();
    let first = campaign.areas[0].competences[0].id;
    let mut answers = ResponseAnswers::default();
    answers.ratings.insert(first, Rating::Level(5));
    store
        .save_section(response.id, 1, &answers, &[])
        .await
        .unwrap();
    let unfinished = cache.columns(store, app.org, &campaign).await.unwrap();
    assert!(
        Arc::ptr_eq(&before, &unfinished),
        "an unfinished response changes no figure, so the columns stay"
    );
    store.submit_response(response.id).await.unwrap();

    let after = cache.columns(store, app.org, &campaign).await.unwrap();
    assert!(!Arc::ptr_eq(&before, &after), "read again");
    assert_eq!(after.responses(), before.responses() + 1);
    let fives = |c: &skillgym_domain::analysis::CampaignColumns| {
        (0..c.responses())
            .filter(|r| c.ratings_of(*r)[0] == 5)
            .count()
    };
    assert_eq!(fives(&after), fives(&before) + 1);
    // The web app's own cache sees it too.
    assert_eq!(finished(&app.page(&admin, &report).await), shown_before + 1);
}

both_backends!(someone_joining_is_seen_at_once);

async fn someone_joining_is_seen_at_once(backend: Backend) {
    use skillgym_domain::people::{
        ContractedHours, EmployeeNumber, Employment, JobRole, PersonName,
    };
    let app = spawn_app(backend).await;
    let store = app.store();
    let summary = store.campaigns(app.org).await.unwrap().remove(0);
    let campaign = store.campaign(app.org, summary.id).await.unwrap();
    let cache = AnalysisCache::default();
    let before = cache.columns(store, app.org, &campaign).await.unwrap();
    let version = store.analysis_version(app.org, campaign.id).await.unwrap();
    let team = store.teams(app.org).await.unwrap().remove(0).id;
    let mut input = skillgym_store::PersonInput {
        employee_number: EmployeeNumber::parse("NEW-1").unwrap(),
        given_name: PersonName::parse("Siân").unwrap(),
        family_name: PersonName::parse("Jones").unwrap(),
        email: None,
        employment: Employment::Volunteer,
        job_role: JobRole::parse("Library volunteer").unwrap(),
        job_family: JobFamily::Frontline,
        contracted_hours: ContractedHours::FULL_TIME,
        start_date: None,
        left_on: None,
        line_manager: None,
        team: Some(team),
        sites: Vec::new(),
    };
    let person = store
        .create_person(app.org, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    let moved = store.analysis_version(app.org, campaign.id).await.unwrap();
    // The people version moves, and the open campaign records them as asked, which moves its
    // answers' version too (see skillgym_store's `asked`).
    assert!(moved.people > version.people && moved.answers > version.answers);
    // Their sites, given and taken away, move it too (the sites triggers).
    let site = store.sites(app.org).await.unwrap().remove(0).id;
    input.sites = vec![site];
    store
        .update_person(app.org, person, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    let given = store.analysis_version(app.org, campaign.id).await.unwrap();
    assert!(given.people > moved.people, "a site given");
    input.sites = Vec::new();
    store
        .update_person(app.org, person, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    let taken = store.analysis_version(app.org, campaign.id).await.unwrap();
    assert!(taken.people > given.people, "a site taken away");
    // Working hours and length of service are groupings too.
    input.contracted_hours = ContractedHours::parse("16").unwrap();
    store
        .update_person(app.org, person, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    let part_time = store.analysis_version(app.org, campaign.id).await.unwrap();
    assert!(part_time.people > taken.people, "hours changed");
    input.start_date = Some(time::macros::date!(2020 - 01 - 06));
    store
        .update_person(app.org, person, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    let started = store.analysis_version(app.org, campaign.id).await.unwrap();
    assert!(started.people > part_time.people, "start date given");
    store
        .update_person(app.org, person, &input, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(
        store.analysis_version(app.org, campaign.id).await.unwrap(),
        started,
        "nothing changed, nothing to read again"
    );
    let after = cache.columns(store, app.org, &campaign).await.unwrap();
    assert_eq!(after.asked(), before.asked() + 1, "a new person is asked");
}

both_backends!(change_and_service_means_agree);

/// Change over time and the service's means on a person's profile, from the columns kept in
/// memory, against the same figures from every answer read row by row.
async fn change_and_service_means_agree(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let cache = AnalysisCache::default();
    let mut pairs = 0;
    for summary in store.campaigns(app.org).await.unwrap() {
        let later = store.campaign(app.org, summary.id).await.unwrap();
        let later_columns = cache.columns(store, app.org, &later).await.unwrap();
        let later_data = oracle::change_data(&app.db, app.org, later.id)
            .await
            .unwrap();
        assert_eq!(
            ResponseRate::of(&later_columns).asked() as usize,
            later_data.asked
        );
        assert_eq!(later_columns.responses(), later_data.responses.len());

        // The service's means by area.
        let areas: Vec<usize> = later
            .areas
            .iter()
            .enumerate()
            .flat_map(|(i, a)| std::iter::repeat_n(i, a.competences.len()))
            .collect();
        let one_by_one = oracle::area_totals(&app.db, app.org, later.id)
            .await
            .unwrap();
        let from_columns = later_columns.area_totals(&areas, later.areas.len());
        for (area, totals) in later.areas.iter().zip(&from_columns) {
            assert_eq!(
                one_by_one.get(&area.code).copied().unwrap_or_default(),
                *totals,
                "area {} of campaign {}",
                area.code,
                later.id.0
            );
        }
        assert!(from_columns.iter().any(|t| t.people > 0));

        // Change against each earlier campaign on the same framework.
        for choice in store
            .earlier_campaigns(app.org, later.framework_id, later.id, later.opens_on)
            .await
            .unwrap()
        {
            let earlier = store.campaign(app.org, choice.id).await.unwrap();
            let earlier_columns = cache.columns(store, app.org, &earlier).await.unwrap();
            let earlier_data = oracle::change_data(&app.db, app.org, earlier.id)
                .await
                .unwrap();
            let position_before: Vec<CompetenceId> = earlier
                .areas
                .iter()
                .flat_map(|a| a.competences.iter().map(|c| c.id))
                .collect();
            // The competences both asked, in the later campaign's order, with their areas.
            let mut shared = Vec::new();
            let (mut at_before, mut at_after, mut area_of) = (Vec::new(), Vec::new(), Vec::new());
            let mut area_count = 0;
            let mut position = 0;
            for area in &later.areas {
                let before = shared.len();
                for c in &area.competences {
                    if let Some(at) = position_before.iter().position(|id| *id == c.id) {
                        shared.push(c.id);
                        at_before.push(at);
                        at_after.push(position);
                        area_of.push(area_count);
                    }
                    position += 1;
                }
                area_count += usize::from(shared.len() > before);
            }
            assert!(!shared.is_empty());
            let rows = |data: &oracle::ChangeData| -> change::Responses {
                data.responses
                    .iter()
                    .map(|r| change::Response {
                        person: r.person.map(|p| p.0),
                        ratings: shared.iter().map(|c| r.ratings.get(c).copied()).collect(),
                    })
                    .collect()
            };
            for threshold in [3, 5].map(|k| AnonymityThreshold::new(k).unwrap()) {
                let one_by_one = Change::compute(
                    threshold,
                    &area_of,
                    area_count,
                    &rows(&earlier_data),
                    &rows(&later_data),
                );
                let from_columns = Change::compute(
                    threshold,
                    &area_of,
                    area_count,
                    &change::Responses::from_columns(&earlier_columns, &at_before),
                    &change::Responses::from_columns(&later_columns, &at_after),
                );
                assert_eq!(from_columns, one_by_one);
                assert!(one_by_one.competences.iter().any(|c| c.paired.is_some()));
            }
            pairs += 1;
        }
    }
    assert!(pairs > 0, "the demo has a re-audit");
}

both_backends!(a_new_server_reads_the_snapshot_while_it_is_current);

/// A fresh cache stands for a server just started: it takes the columns from the snapshot the
/// last read left, as long as nothing has changed since, and reads the answers otherwise.
async fn a_new_server_reads_the_snapshot_while_it_is_current(backend: Backend) {
    use skillgym_domain::analysis::snapshot::FORMAT;
    use skillgym_store::AnalysisSnapshot;
    let app = spawn_app(backend).await;
    let store = app.store();
    let open = store
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.id.0)
        .unwrap();
    let campaign = store.campaign(app.org, open.id).await.unwrap();
    let read = AnalysisCache::default()
        .columns(store, app.org, &campaign)
        .await
        .unwrap();
    let version = store.analysis_version(app.org, campaign.id).await.unwrap();
    let shape = skillgym_reporting::cache::shape(&campaign);
    let format = i64::from(FORMAT);
    let kept = store
        .analysis_snapshot(app.org, campaign.id, version, shape, format)
        .await
        .unwrap()
        .expect("the first read leaves a snapshot");
    assert_eq!(CampaignColumns::from_snapshot(&kept).as_ref(), Some(&*read));

    // Marked so that reading it shows: every rating of the first competence made a 1.
    let mut marked = (*read).clone();
    for r in 0..marked.responses() {
        marked.ratings[r * marked.competences] = 1;
    }
    assert_ne!(marked, *read, "the mark changes something");
    let snapshot = |data: Vec<u8>, version| AnalysisSnapshot {
        version,
        shape,
        format,
        data,
    };
    store
        .save_analysis_snapshot(
            app.org,
            campaign.id,
            &snapshot(marked.to_snapshot(), version),
        )
        .await
        .unwrap();
    let restarted = AnalysisCache::default()
        .columns(store, app.org, &campaign)
        .await
        .unwrap();
    assert_eq!(
        *restarted, marked,
        "a current snapshot is read, not the answers"
    );

    // Bytes that do not read back are passed over, and replaced.
    store
        .save_analysis_snapshot(app.org, campaign.id, &snapshot(vec![1, 2, 3], version))
        .await
        .unwrap();
    let restarted = AnalysisCache::default()
        .columns(store, app.org, &campaign)
        .await
        .unwrap();
    assert_eq!(restarted, read);
    assert_eq!(
        store
            .analysis_snapshot(app.org, campaign.id, version, shape, format)
            .await
            .unwrap(),
        Some(kept.clone())
    );

    // Once a response is finished, the marked snapshot of the version before is not read.
    store
        .save_analysis_snapshot(
            app.org,
            campaign.id,
            &snapshot(marked.to_snapshot(), version),
        )
        .await
        .unwrap();
    let response = store
        .start_response(campaign.id, not_started(store, app.org, campaign.id).await)
        .await
        .unwrap();
    store.submit_response(response.id).await.unwrap();
    let restarted = AnalysisCache::default()
        .columns(store, app.org, &campaign)
        .await
        .unwrap();
    assert_eq!(restarted.responses(), read.responses() + 1);
    assert_eq!(
        restarted.ratings_of(0),
        read.ratings_of(0),
        "the answers, not the mark"
    );

    // A snapshot of another shape (say, before a competence was added) is not read either.
    let now = store.analysis_version(app.org, campaign.id).await.unwrap();
    store
        .save_analysis_snapshot(
            app.org,
            campaign.id,
            &AnalysisSnapshot {
                shape: shape ^ 1,
                ..snapshot(marked.to_snapshot(), now)
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .analysis_snapshot(app.org, campaign.id, now, shape, format)
            .await
            .unwrap(),
        None
    );
    let restarted = AnalysisCache::default()
        .columns(store, app.org, &campaign)
        .await
        .unwrap();
    assert_eq!(restarted.ratings_of(0), read.ratings_of(0));

    // Taking a snapshot leaves a current one as it is (the mark stays), and writes one where
    // only another shape's is kept.
    store
        .save_analysis_snapshot(app.org, campaign.id, &snapshot(marked.to_snapshot(), now))
        .await
        .unwrap();
    skillgym_reporting::take_snapshot(store, app.org, &campaign)
        .await
        .unwrap();
    assert_eq!(
        store
            .analysis_snapshot(app.org, campaign.id, now, shape, format)
            .await
            .unwrap(),
        Some(marked.to_snapshot()),
        "a current snapshot is not taken again"
    );
    store
        .save_analysis_snapshot(
            app.org,
            campaign.id,
            &AnalysisSnapshot {
                shape: shape ^ 1,
                ..snapshot(marked.to_snapshot(), now)
            },
        )
        .await
        .unwrap();
    assert!(
        !store
            .has_analysis_snapshot(app.org, campaign.id, now, shape, format)
            .await
            .unwrap()
    );
    skillgym_reporting::take_snapshot(store, app.org, &campaign)
        .await
        .unwrap();
    assert!(
        store
            .has_analysis_snapshot(app.org, campaign.id, now, shape, format)
            .await
            .unwrap()
    );
    let taken = store
        .analysis_snapshot(app.org, campaign.id, now, shape, format)
        .await
        .unwrap()
        .expect("taken");
    assert_eq!(
        CampaignColumns::from_snapshot(&taken).map(|c| c.ratings_of(0).to_vec()),
        Some(read.ratings_of(0).to_vec()),
        "taken from the answers"
    );

    // Erasing anyone removes every snapshot of the organisation: they pair answers with ids.
    let someone = store
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .next()
        .unwrap();
    store
        .erase_person(app.org, someone, skillgym_store::Actor::System)
        .await
        .unwrap();
    for summary in store.campaigns(app.org).await.unwrap() {
        let c = store.campaign(app.org, summary.id).await.unwrap();
        let v = store.analysis_version(app.org, c.id).await.unwrap();
        for shape in [skillgym_reporting::cache::shape(&c), shape ^ 1] {
            for v in [v, now, version] {
                assert_eq!(
                    store
                        .analysis_snapshot(app.org, c.id, v, shape, format)
                        .await
                        .unwrap(),
                    None
                );
            }
        }
    }
}
