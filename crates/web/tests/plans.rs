//! Learning plans: a trainer proposes one from a person's audit results, agrees it with them,
//! keeps notes; the person works through it week by week; it pauses and resumes with what is
//! left moved on; a whole campaign's plans are proposed once, even from two instances at once.
//! On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_domain::plans::{PLAN_WEEKS, PlanStatus, StepPlace, WeeklyMinutes};
use skillgym_domain::{CampaignId, Email, PersonId, Role, Roles};
use skillgym_reporting::proposals::{ProposeError, Whom, proposals};
use skillgym_reporting::{AnalysisCache, Reports};
use skillgym_store::{Actor, AuditFilter, NewAccount, PersonFilter, Plan, PlanChange, Store};
use skillgym_test_db::{Backend, both_backends};
use std::collections::{HashMap, HashSet};

both_backends!(
    a_trainer_proposes_and_agrees_a_plan_that_the_person_works_through,
    a_paused_plan_moves_what_is_left_on_by_the_weeks_it_was_paused,
    a_campaigns_plans_are_proposed_once_even_from_two_instances_at_once,
    only_trainers_administrators_and_their_manager_see_a_persons_plan,
    a_plan_finished_with_every_step_done_earns_a_badge_anyone_can_check,
    each_agreed_plan_has_one_check_in_a_week_whatever_the_instances,
    a_trainer_adds_an_activity_or_a_session_they_chose_to_a_goal,
    a_champion_sees_what_colleagues_at_their_sites_learn_counted_and_the_sessions_there,
);

fn today() -> time::Date {
    skillgym_domain::uk_time::local(skillgym_store::now()).date()
}

/// The person of the demo account `email`.
async fn account_person(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// Someone the demo manager manages who finished a campaign with names, given an account to
/// sign in with as a learner; and that campaign.
async fn planned_person(app: &TestApp) -> (PersonId, String, CampaignId) {
    let store = app.store();
    let manager = account_person(app, "manager@afon.example").await;
    let filter = PersonFilter {
        managed_by: Some(manager),
        limit: 1000,
        ..PersonFilter::default()
    };
    for p in store.people(app.org, &filter).await.unwrap().0 {
        let record = store.person(app.org, p.id).await.unwrap();
        if record.account.is_some() {
            continue;
        }
        let answered = store.answered_campaigns(app.org, p.id).await.unwrap();
        let Some(campaign) = answered.iter().find(|c| !c.anonymous) else {
            continue;
        };
        let email = format!("planned-{}@afon.example", p.id);
        store
            .create_account(&NewAccount {
                person: p.id,
                email: Email::parse(&email).unwrap(),
                password_hash: Some(skillgym_web::hash_password(DEMO_PASSWORD).unwrap()),
                roles: Roles::from_iter([Role::Learner]),
            })
            .await
            .unwrap();
        return (p.id, email, campaign.id);
    }
    panic!("the manager manages someone who finished a campaign with names")
}

async fn current(store: &Store, app: &TestApp, person: PersonId) -> Plan {
    store
        .current_plan(app.org, person)
        .await
        .unwrap()
        .expect("a plan")
}

async fn a_trainer_proposes_and_agrees_a_plan_that_the_person_works_through(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let (person, email, campaign) = planned_person(&app).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let path = format!("/people/{person}/plan");

    // No plan yet: the form to propose one, from the campaign they answered.
    let page = app.page(&trainer, &path).await;
    assert!(page.contains(&format!("name=\"campaign\" value=\"{campaign}\"")));
    // Nothing chosen and no minutes: both explained, nothing made.
    let response = app
        .post(&trainer, &path, &[("campaign", ""), ("minutes", "")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("Choose which audit"), "{html}");
    assert!(html.contains("Enter the minutes a week as a whole number"));
    let response = app
        .post(
            &trainer,
            &path,
            &[("campaign", &campaign.to_string()), ("minutes", "5")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(store.current_plan(app.org, person).await.unwrap().is_none());

    let response = app
        .post(
            &trainer,
            &path,
            &[("campaign", &campaign.to_string()), ("minutes", "45")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{path}?done=proposed"));
    let plan = current(store, &app, person).await;
    assert_eq!(plan.status, PlanStatus::Proposed);
    assert_eq!(plan.weekly.get(), 45);
    assert_eq!(plan.campaign, Some(campaign));
    assert_eq!(plan.starts_on.weekday(), time::Weekday::Monday);
    assert!((2..=4).contains(&plan.goals.len()), "{:?}", plan.goals);

    // Each goal is a competence the profile shows short of its target (or, with fewer than
    // two, met and below 5), largest gap first; each step builds its goal's competence above
    // where the person is; no week holds more than 45 minutes of their own time.
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, app.org).await.unwrap();
    let stored = reports.campaign(campaign).await.unwrap();
    let record = store.person(app.org, person).await.unwrap();
    let profile = reports.profile(&stored, &record).await.unwrap().unwrap();
    let codes: Vec<&str> = stored
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.code.as_str()))
        .collect();
    let gap = |code: &str| {
        let at = codes.iter().position(|c| *c == code).unwrap();
        profile.competences[at].gap.unwrap()
    };
    for pair in plan.goals.windows(2) {
        if gap(&pair[0].code) > 0.0 && gap(&pair[1].code) > 0.0 {
            assert!(gap(&pair[0].code) >= gap(&pair[1].code));
        }
    }
    let catalogue = store.catalogue(app.org).await.unwrap();
    let mut own_time = vec![0u32; PLAN_WEEKS as usize];
    for step in &plan.steps {
        let goal = &plan.goals[step.goal as usize];
        let activity = &catalogue
            .iter()
            .find(|a| a.id == step.activity)
            .unwrap()
            .activity;
        let builds = activity
            .builds
            .iter()
            .find(|b| b.competence == goal.code)
            .expect("the step builds its goal's competence");
        assert!(f64::from(builds.level) > goal.from.floor());
        if let StepPlace::OwnTime { .. } = step.reason.place
            && step.first_week == step.last_week
        {
            own_time[step.first_week as usize] += step.minutes;
        }
        assert!(step.last_week < PLAN_WEEKS);
    }
    assert!(own_time.iter().all(|m| *m <= 45), "{own_time:?}");

    // The page says why each goal is there, in the person's words.
    let page = app.page(&trainer, &path).await;
    assert!(page.contains("your role asks for level") || page.contains("the next step up"));
    assert!(page.contains(&plan.goals[0].title.en));
    // The person sees it too, proposed: nothing to tick yet.
    let person_client = app.signed_in(&email).await;
    let own = app.page(&person_client, "/me/plan").await;
    assert!(own.contains("This plan is proposed"));
    assert!(!own.contains("action=\"/me/plan/steps\""));
    let early = app
        .post(
            &person_client,
            "/me/plan/steps",
            &[("step", "0"), ("done", "yes")],
        )
        .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Proposing again at other minutes replaces the proposal.
    let again = app
        .post(
            &trainer,
            &format!("/plans/{}/propose", plan.id),
            &[("minutes", "90")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    assert_eq!(plan.weekly.get(), 90);

    // Notes of the meeting, then agreed.
    let noted = app
        .post(
            &trainer,
            &format!("/plans/{}/notes", plan.id),
            &[("note", "Met at Pwllheli; Tuesday mornings suit best.")],
        )
        .await;
    assert_eq!(noted.status(), StatusCode::SEE_OTHER);
    let agreed = app
        .post(
            &trainer,
            &format!("/plans/{}/change", plan.id),
            &[("change", "agree")],
        )
        .await;
    assert_eq!(agreed.status(), StatusCode::SEE_OTHER);
    // Agreeing twice: the page says it changed meanwhile.
    let twice = app
        .post(
            &trainer,
            &format!("/plans/{}/change", plan.id),
            &[("change", "agree")],
        )
        .await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let plan = current(store, &app, person).await;
    assert_eq!(plan.status, PlanStatus::Agreed);
    assert!(plan.agreed_by.is_some());

    // Their home page says when it starts, or shows this week's steps.
    let home = app.page(&person_client, "/").await;
    let week = skillgym_domain::plans::week_of(plan.starts_on, today());
    if week < 0 {
        assert!(home.contains("Your plan starts on"), "{home}");
    } else {
        assert!(home.contains(&format!("This is week {} of the plan", week + 1)));
        for step in plan
            .steps
            .iter()
            .filter(|s| i64::from(s.first_week) == week)
        {
            assert!(home.contains(&format!("href=\"/learning/{}\"", step.activity)));
        }
    }

    // The person ticks off a step with a reflection, and sees the note.
    let own = app.page(&person_client, "/me/plan").await;
    assert!(own.contains("Tuesday mornings suit best"));
    assert!(own.contains("action=\"/me/plan/steps\""));
    let first = plan.steps[0].position.to_string();
    let ticked = app
        .post(
            &person_client,
            "/me/plan/steps",
            &[
                ("step", &first),
                ("done", "yes"),
                (
                    "reflection",
                    "I can now show people how to set up an email account.",
                ),
            ],
        )
        .await;
    assert_eq!(ticked.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    assert!(plan.steps[0].done_at.is_some());
    assert_eq!(
        plan.steps[0].reflection.as_deref(),
        Some("I can now show people how to set up an email account.")
    );
    // A reflection too long is refused, naming the field, and nothing changes.
    let second = plan.steps[1].position.to_string();
    let long = "x".repeat(2001);
    let refused = app
        .post(
            &person_client,
            "/me/plan/steps",
            &[("step", &second), ("done", "yes"), ("reflection", &long)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        current(store, &app, person).await.steps[1]
            .done_at
            .is_none()
    );

    // Everything is in the audit trail and in the person's data, and goes when they are erased.
    let (events, _) = store
        .audit_events(
            app.org,
            &AuditFilter {
                person: Some(person),
                limit: 100,
                ..AuditFilter::default()
            },
        )
        .await
        .unwrap();
    let details: HashSet<String> = events.iter().map(|e| e.detail.clone()).collect();
    assert!(details.contains("view=plan"));
    assert!(details.contains("plan-agreed"));
    assert!(details.contains("plan-edited"));
    let data = store.personal_data(app.org, person).await.unwrap();
    let steps = data.table("plan_steps").unwrap();
    assert_eq!(steps.rows.len(), plan.steps.len());
    assert_eq!(data.table("plan_notes").unwrap().rows.len(), 1);
    store
        .erase_person(app.org, person, Actor::System)
        .await
        .unwrap();
    assert!(store.plans_of(app.org, person).await.unwrap().is_empty());
    assert!(
        store
            .plan_summaries(app.org, 0)
            .await
            .unwrap()
            .iter()
            .all(|p| p.person != person)
    );
}

async fn a_paused_plan_moves_what_is_left_on_by_the_weeks_it_was_paused(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let (person, _, campaign) = planned_person(&app).await;
    let trainer = account_person(&app, "trainer@afon.example").await;
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, app.org).await.unwrap();
    let stored = reports.campaign(campaign).await.unwrap();
    let weekly = WeeklyMinutes::new(30);
    let found = proposals(&reports, &stored, Whom::One(person, weekly), today())
        .await
        .unwrap();
    store
        .save_proposals(app.org, &found.drafts, Actor::Person(trainer))
        .await
        .unwrap();
    let plan = current(store, &app, person).await;
    let id = plan.id;
    // Pausing a proposed plan is refused: agree first.
    let day = |weeks: i64, days: i64| {
        plan.starts_on + time::Duration::weeks(weeks) + time::Duration::days(days)
    };
    assert!(
        store
            .change_plan(app.org, id, PlanChange::Paused, trainer, day(0, 0))
            .await
            .is_err()
    );
    store
        .change_plan(app.org, id, PlanChange::Agreed, trainer, day(0, 0))
        .await
        .unwrap();
    store
        .tick_step(app.org, id, person, plan.steps[0].position, true, None)
        .await
        .unwrap();
    // Paused on the Wednesday of week 2, resumed 15 days later: three whole weeks, rounded up.
    store
        .change_plan(app.org, id, PlanChange::Paused, trainer, day(2, 2))
        .await
        .unwrap();
    assert_eq!(
        current(store, &app, person).await.progress(day(9, 0)),
        skillgym_domain::plans::Progress::Paused
    );
    store
        .change_plan(app.org, id, PlanChange::Resumed, trainer, day(2, 17))
        .await
        .unwrap();
    let after = current(store, &app, person).await;
    assert_eq!(after.status, PlanStatus::Agreed);
    assert_eq!(after.weeks_paused, 3);
    for (before, now) in plan.steps.iter().zip(&after.steps) {
        let moves = before.position != plan.steps[0].position
            && before.session.is_none()
            && before.last_week >= 2;
        let by = if moves { 3 } else { 0 };
        assert_eq!(
            (now.first_week, now.last_week),
            (before.first_week + by, before.last_week + by),
            "{before:?}"
        );
    }
    for (before, now) in plan.goals.iter().zip(&after.goals) {
        let by = if before.deadline_week >= 2 { 3 } else { 0 };
        assert_eq!(now.deadline_week, before.deadline_week + by);
    }
    // Finished, it is no longer current, and a new plan may be proposed.
    store
        .change_plan(app.org, id, PlanChange::Finished, trainer, day(16, 0))
        .await
        .unwrap();
    assert!(store.current_plan(app.org, person).await.unwrap().is_none());
    assert_eq!(store.plans_of(app.org, person).await.unwrap(), vec![id]);
}

async fn a_campaigns_plans_are_proposed_once_even_from_two_instances_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, app.org).await.unwrap();
    let summaries = store.campaigns(app.org).await.unwrap();
    let named = summaries
        .iter()
        .find(|c| !c.anonymous && c.submitted > 0)
        .unwrap();
    let campaign = reports.campaign(named.id).await.unwrap();
    let found = proposals(&reports, &campaign, Whom::Everyone, today())
        .await
        .unwrap();
    assert!(found.drafts.len() > 10, "{}", found.drafts.len());
    // Two instances save the same proposals at once: one plan each, no more.
    let (a, b) = futures_util::future::join(
        store.save_proposals(app.org, &found.drafts, Actor::CommandLine),
        store.save_proposals(app.org, &found.drafts, Actor::CommandLine),
    )
    .await;
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), found.drafts.len());
    let planned: HashSet<PersonId> = store
        .people_with_plans(app.org)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let drafted: HashSet<PersonId> = found.drafts.iter().map(|d| d.person).collect();
    assert_eq!(planned, drafted);
    // Proposing again finds everyone planned already.
    let again = proposals(&reports, &campaign, Whom::Everyone, today())
        .await
        .unwrap();
    assert!(again.drafts.is_empty());
    assert_eq!(again.planned_already, found.drafts.len());
    // Each stored plan is the draft it came from.
    let mut by_person: HashMap<PersonId, usize> = HashMap::new();
    for d in &found.drafts {
        *by_person.entry(d.person).or_default() += 1;
    }
    assert!(by_person.values().all(|n| *n == 1));
    let d = &found.drafts[0];
    let plan = current(store, &app, d.person).await;
    assert_eq!(plan.goals.len(), d.proposal.goals.len());
    assert_eq!(plan.steps.len(), d.proposal.steps.len());
    for (stored, drafted) in plan.steps.iter().zip(&d.proposal.steps) {
        assert_eq!(stored.activity, drafted.activity);
        assert_eq!(stored.reason, drafted.reason);
    }
    // An anonymous campaign's answers plan nothing.
    if let Some(anonymous) = summaries.iter().find(|c| c.anonymous) {
        let campaign = reports.campaign(anonymous.id).await.unwrap();
        assert!(matches!(
            proposals(&reports, &campaign, Whom::Everyone, today()).await,
            Err(ProposeError::Anonymous)
        ));
    }
    // The list shows them all, to agree.
    let trainer = app.signed_in("trainer@afon.example").await;
    let list = app.page(&trainer, "/plans?progress=to-agree").await;
    assert_eq!(
        list.matches("data-progress=\"to-agree\"").count(),
        found.drafts.len()
    );
}

async fn only_trainers_administrators_and_their_manager_see_a_persons_plan(backend: Backend) {
    let app = spawn_app(backend).await;
    let (person, email, campaign) = planned_person(&app).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let response = app
        .post(
            &trainer,
            &format!("/people/{person}/plan"),
            &[("campaign", &campaign.to_string()), ("minutes", "60")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = format!("/people/{person}/plan");
    for (who, expected) in [
        ("trainer@afon.example", StatusCode::OK),
        ("admin@afon.example", StatusCode::OK),
        ("manager@afon.example", StatusCode::OK),
        ("learner@afon.example", StatusCode::FORBIDDEN),
        ("champion@afon.example", StatusCode::FORBIDDEN),
    ] {
        let client = app.signed_in(who).await;
        assert_eq!(app.get(&client, &path).await.status(), expected, "{who}");
    }
    // The person reads their own at /me/plan, not as someone else's.
    let own = app.signed_in(&email).await;
    assert_eq!(app.get(&own, &path).await.status(), StatusCode::FORBIDDEN);
    // A manager who does not manage them is told there is no such page, and does not see them
    // in the list; their own manager does.
    let store = app.store();
    let mut other = None;
    for id in store.person_ids(app.org).await.unwrap().into_values() {
        let record = store.person(app.org, id).await.unwrap();
        if id != person && record.account.is_none() && !store.manages(id, person).await.unwrap() {
            other = Some(id);
            break;
        }
    }
    store
        .create_account(&NewAccount {
            person: other.unwrap(),
            email: Email::parse("other-manager@afon.example").unwrap(),
            password_hash: Some(skillgym_web::hash_password(DEMO_PASSWORD).unwrap()),
            roles: Roles::from_iter([Role::Manager]),
        })
        .await
        .unwrap();
    let stranger = app.signed_in("other-manager@afon.example").await;
    assert_eq!(
        app.get(&stranger, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    let theirs = app.page(&stranger, "/plans").await;
    assert!(!theirs.contains(&format!("/people/{person}/plan")));
    let manager = app.signed_in("manager@afon.example").await;
    let list = app.page(&manager, "/plans").await;
    assert!(list.contains(&format!("/people/{person}/plan")));
}

/// The claims of `token` as Python's `jwcrypto` reads them once it has verified the signature
/// with `jwk`, the key the issuer publishes; its error when it refuses.
fn jwcrypto_claims(token: &str, jwk: &serde_json::Value) -> Result<serde_json::Value, String> {
    use std::io::Write;
    let script = r#"
import json, sys
from jwcrypto import jwk, jwt
given = json.load(sys.stdin)
key = jwk.JWK(**given["jwk"])
token = jwt.JWT(jwt=given["token"], key=key, algs=["EdDSA"], expected_type="JWS")
print(json.dumps(json.loads(token.claims)))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (scripts/install-test-deps installs jwcrypto)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            serde_json::json!({"token": token, "jwk": jwk})
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("No module named"), "{stderr}");
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).unwrap())
    } else {
        Err(stderr)
    }
}

async fn a_plan_finished_with_every_step_done_earns_a_badge_anyone_can_check(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let (person, email, campaign) = planned_person(&app).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let path = format!("/people/{person}/plan");
    let proposed = app
        .post(
            &trainer,
            &path,
            &[("campaign", &campaign.to_string()), ("minutes", "60")],
        )
        .await;
    assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    let change = format!("/plans/{}/change", plan.id);
    let agreed = app.post(&trainer, &change, &[("change", "agree")]).await;
    assert_eq!(agreed.status(), StatusCode::SEE_OTHER);
    for step in &plan.steps {
        store
            .tick_step(app.org, plan.id, person, step.position, true, None)
            .await
            .unwrap();
    }
    // Every step done, the person rates the goals' competences again; each must be rated.
    let person_client = app.signed_in(&email).await;
    let own = app.page(&person_client, "/me/plan").await;
    assert!(own.contains("How would you rate yourself now?"), "{own}");
    let missing = app.post(&person_client, "/me/plan/reassess", &[]).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(String, String)> = plan
        .goals
        .iter()
        .map(|g| (format!("goal-{}", g.position), g.level.to_string()))
        .collect();
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let rated = app.post(&person_client, "/me/plan/reassess", &refs).await;
    assert_eq!(rated.status(), StatusCode::SEE_OTHER);
    let reassessed = current(store, &app, person).await;
    assert!(reassessed.reassessed_at.is_some());
    assert!(
        reassessed
            .goals
            .iter()
            .all(|g| g.end_rating == Some(g.level))
    );
    // The trainer sees where they started beside where they are now.
    let page = app.page(&trainer, &path).await;
    assert!(page.contains("Where you started and where you are now"));
    assert!(page.contains(&format!("{:.1}", reassessed.goals[0].from)));

    let finished = app.post(&trainer, &change, &[("change", "finish")]).await;
    assert_eq!(finished.status(), StatusCode::SEE_OTHER);
    let credential = store
        .credential_of_plan(app.org, plan.id)
        .await
        .unwrap()
        .expect("a badge");

    // The person finds its address on their plan.
    let own = app.page(&person_client, "/me/plan").await;
    let address = format!("{}/credentials/{}", app.url, credential.id);
    assert!(own.contains("This plan earned a badge"), "{own}");
    assert!(own.contains(&address));

    // Anyone with the address sees it checked, signed out.
    let outsider = common::browser();
    let page = app
        .page(&outsider, &format!("/credentials/{}", credential.id))
        .await;
    let name = store.person(app.org, person).await.unwrap().name();
    assert!(page.contains("This badge is genuine"), "{page}");
    assert!(page.contains(&name));
    assert!(page.contains("Twelve-week learning plan"));
    let token = app
        .page(
            &outsider,
            &format!("/credentials/{}/credential.jws", credential.id),
        )
        .await;
    assert_eq!(token, credential.token);

    // Another implementation verifies it with the key the issuer publishes, and finds what
    // Open Badges 3.0 requires of an OpenBadgeCredential.
    let jwks: serde_json::Value =
        serde_json::from_str(&app.page(&outsider, "/.well-known/jwks.json").await).unwrap();
    let claims = jwcrypto_claims(&token, &jwks["keys"][0]).expect("jwcrypto verifies it");
    assert_eq!(
        claims["@context"][0],
        "https://www.w3.org/ns/credentials/v2"
    );
    assert!(
        claims["@context"][1]
            .as_str()
            .unwrap()
            .starts_with("https://purl.imsglobal.org/spec/ob/v3p0/context")
    );
    let types: Vec<&str> = claims["type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(types.contains(&"VerifiableCredential") && types.contains(&"OpenBadgeCredential"));
    assert_eq!(claims["id"], address.as_str());
    assert_eq!(claims["jti"], address.as_str());
    let org = store.organisation(app.org).await.unwrap();
    let issuer = format!("{}/credentials/issuers/{}", app.url, org.slug.as_str());
    assert_eq!(claims["issuer"]["id"], issuer.as_str());
    assert_eq!(claims["iss"], issuer.as_str());
    assert!(claims["validFrom"].as_str().unwrap().ends_with('Z'));
    let subject = &claims["credentialSubject"];
    assert!(
        subject["type"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "AchievementSubject")
    );
    assert_eq!(claims["sub"], subject["id"]);
    let achievement = &subject["achievement"];
    assert!(
        achievement["type"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "Achievement")
    );
    assert!(achievement["criteria"]["narrative"].as_str().is_some());
    assert!(
        achievement["description"]
            .as_str()
            .unwrap()
            .contains(&plan.goals[0].title.en)
    );
    // The issuer's profile is where the credential says.
    let profile: serde_json::Value =
        serde_json::from_str(&app.page(&outsider, &issuer.replace(&app.url, "")).await).unwrap();
    assert_eq!(profile["id"], issuer.as_str());
    assert_eq!(profile["name"], org.name.as_str());
    // A changed token is refused by that other implementation too.
    let mut tampered = token.clone();
    let middle = tampered.len() / 2;
    tampered.replace_range(
        middle..middle + 1,
        if &token[middle..middle + 1] == "A" {
            "B"
        } else {
            "A"
        },
    );
    assert!(jwcrypto_claims(&tampered, &jwks["keys"][0]).is_err());

    // A plan finished with a step not done earns none.
    let found = {
        let cache = AnalysisCache::default();
        let reports = Reports::open(store, &cache, app.org).await.unwrap();
        let stored = reports.campaign(campaign).await.unwrap();
        proposals(&reports, &stored, Whom::One(person, None), today())
            .await
            .unwrap()
    };
    let trainer_id = account_person(&app, "trainer@afon.example").await;
    store
        .save_proposals(app.org, &found.drafts, Actor::Person(trainer_id))
        .await
        .unwrap();
    let second = current(store, &app, person).await;
    let change = format!("/plans/{}/change", second.id);
    app.post(&trainer, &change, &[("change", "agree")]).await;
    app.post(&trainer, &change, &[("change", "finish")]).await;
    assert!(
        store
            .credential_of_plan(app.org, second.id)
            .await
            .unwrap()
            .is_none()
    );
    let page = app.page(&trainer, &path).await;
    assert!(page.contains("did not earn a badge"));

    // Erased, the person's badge is gone with them.
    store
        .erase_person(app.org, person, Actor::System)
        .await
        .unwrap();
    let gone = app
        .get(&outsider, &format!("/credentials/{}", credential.id))
        .await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
}

async fn each_agreed_plan_has_one_check_in_a_week_whatever_the_instances(backend: Backend) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let store = app.store();
    let summaries = store.campaigns(app.org).await.unwrap();
    let named = summaries
        .iter()
        .find(|c| !c.anonymous && c.submitted > 0)
        .unwrap();
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, app.org).await.unwrap();
    let campaign = reports.campaign(named.id).await.unwrap();
    let mut found = proposals(&reports, &campaign, Whom::Everyone, today())
        .await
        .unwrap();
    // Three people with an email: two plans agreed, one paused; the rest stay proposed.
    let mut with_email = Vec::new();
    for d in &found.drafts {
        if store
            .person(app.org, d.person)
            .await
            .unwrap()
            .email
            .is_some()
        {
            with_email.push(d.person);
        }
        if with_email.len() == 3 {
            break;
        }
    }
    found
        .drafts
        .retain(|d| with_email.contains(&d.person) || d.person.0 % 2 == 0);
    store
        .save_proposals(app.org, &found.drafts, Actor::CommandLine)
        .await
        .unwrap();
    let trainer = account_person(&app, "trainer@afon.example").await;
    let mut plans = Vec::new();
    for p in &with_email {
        let plan = current(store, &app, *p).await;
        store
            .change_plan(app.org, plan.id, PlanChange::Agreed, trainer, today())
            .await
            .unwrap();
        plans.push(plan);
    }
    let paused = &plans[2];
    store
        .change_plan(app.org, paused.id, PlanChange::Paused, trainer, today())
        .await
        .unwrap();
    // The Tuesday of the plans' first week, on the UK's clock.
    let starts = plans[0].starts_on;
    let at = |hour: u8| {
        skillgym_domain::uk_time::instant(time::PrimitiveDateTime::new(
            starts + time::Duration::days(1),
            time::Time::from_hms(hour, 0, 0).unwrap(),
        ))
        .unwrap()
    };
    let mailer = smtp.mailer();
    // Before eight in the morning nothing goes.
    let early = skillgym_web::run_plan_check_in_job(store, &mailer, &app.url, "one", at(7))
        .await
        .unwrap();
    assert_eq!(early.map(|s| s.sent), Some(0));
    // Two instances at nine: one of them sends, once to each agreed plan that is not paused.
    let (a, b) = futures_util::future::join(
        skillgym_web::run_plan_check_in_job(store, &mailer, &app.url, "one", at(9)),
        skillgym_web::run_plan_check_in_job(store, &mailer, &app.url, "two", at(9)),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, 2);
    // The next run, an hour on, sends nothing more this week.
    let again = skillgym_web::run_plan_check_in_job(store, &mailer, &app.url, "two", at(10) + 60)
        .await
        .unwrap();
    assert_eq!(again.map(|s| s.sent), Some(0));
    let messages = smtp.wait_for(2).await;
    assert_eq!(messages.len(), 2);
    let mut to: Vec<String> = messages.iter().map(|m| m.to.clone()).collect();
    to.sort();
    let mut expected = Vec::new();
    for p in &plans[..2] {
        expected.push(
            store
                .person(app.org, p.person)
                .await
                .unwrap()
                .email
                .unwrap(),
        );
    }
    expected.sort();
    assert_eq!(to, expected, "the agreed plans, not the paused one");
    for plan in &plans[..2] {
        let email = store
            .person(app.org, plan.person)
            .await
            .unwrap()
            .email
            .unwrap();
        let m = messages.iter().find(|m| m.to == email).unwrap();
        assert_eq!(m.subject, "Week 1 of your learning plan");
        assert!(
            m.body.contains(&format!("{}/me/plan", app.url)),
            "{}",
            m.body
        );
        // This week's steps, each with its link.
        for step in plan.steps.iter().filter(|s| s.first_week == 0) {
            assert!(m.body.contains(&step.title.en), "{}", m.body);
            assert!(
                m.body
                    .contains(&format!("{}/learning/{}", app.url, step.activity))
            );
        }
    }
}

/// The `value`s of the page's options to add a step, `{goal}-{a|s}-{id}`.
fn add_choices(page: &str) -> Vec<(u32, char, i64)> {
    let select = &page[page
        .find("<select id=\"add\"")
        .expect("the form to add a step")..];
    let select = &select[..select.find("</select>").unwrap()];
    select
        .split("<option value=\"")
        .skip(2)
        .filter_map(|o| {
            let value = &o[..o.find('"')?];
            let mut parts = value.splitn(3, '-');
            Some((
                parts.next()?.parse().ok()?,
                parts.next()?.chars().next()?,
                parts.next()?.parse().ok()?,
            ))
        })
        .collect()
}

async fn a_trainer_adds_an_activity_or_a_session_they_chose_to_a_goal(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let (person, email, campaign) = planned_person(&app).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let path = format!("/people/{person}/plan");
    let response = app
        .post(
            &trainer,
            &path,
            &[("campaign", &campaign.to_string()), ("minutes", "45")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    let steps = plan.steps.len();
    let edits = |events: &[skillgym_store::AuditEventRecord]| {
        events.iter().filter(|e| e.detail == "plan-edited").count()
    };
    let trail = || async {
        store
            .audit_events(
                app.org,
                &AuditFilter {
                    person: Some(person),
                    limit: 100,
                    ..AuditFilter::default()
                },
            )
            .await
            .unwrap()
            .0
    };
    let edited_before = edits(&trail().await);

    // The form offers, under each goal, only what builds the goal's competence.
    let page = app.page(&trainer, &path).await;
    let offered = add_choices(&page);
    assert!(!offered.is_empty(), "{page}");
    let catalogue = store.catalogue(app.org).await.unwrap();
    let activity = |id: i64| {
        &catalogue
            .iter()
            .find(|a| a.id.0 == id)
            .expect("an activity of the catalogue")
            .activity
    };
    for (goal, kind, id) in &offered {
        let code = &plan.goals[*goal as usize].code;
        if *kind == 'a' {
            assert!(activity(*id).builds.iter().any(|b| &b.competence == code));
            assert!(!activity(*id).kind.needs_session());
        }
    }
    let (goal, _, chosen) = *offered.iter().find(|(_, k, _)| *k == 'a').unwrap();
    let value = format!("{goal}-a-{chosen}");
    let steps_path = format!("/plans/{}/steps", plan.id);

    // Nothing chosen, a week that is no number or past the plan's twelve: each said, nothing
    // added.
    for (add, week, says) in [
        ("", "3", "Choose an activity or session from the list"),
        (value.as_str(), "", "Enter the week as a number from 1"),
        (value.as_str(), "13", "Enter the week as a number from 1"),
        (value.as_str(), "0", "Enter the week as a number from 1"),
    ] {
        let response = app
            .post(&trainer, &steps_path, &[("add", add), ("week", week)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{add} {week}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(says), "{add} {week}: {html}");
    }
    // An activity under a goal whose competence it does not build.
    let other_goal = plan.goals.iter().find(|g| {
        !activity(chosen)
            .builds
            .iter()
            .any(|b| b.competence == g.code)
    });
    if let Some(other) = other_goal {
        let response = app
            .post(
                &trainer,
                &steps_path,
                &[
                    ("add", &format!("{}-a-{chosen}", other.position)),
                    ("week", "3"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(
            html.contains("Choose an activity that builds the goal"),
            "{html}"
        );
    }
    assert_eq!(current(store, &app, person).await.steps.len(), steps);

    // The person cannot add to their own plan (a learner plans for nobody).
    let person_client = app.signed_in(&email).await;
    let response = app
        .post(
            &person_client,
            &steps_path,
            &[("add", &value), ("week", "3")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Added in week 3 (the plan's third, from 0 the second), after the other steps, with its
    // reason; the page says it was chosen.
    let response = app
        .post(&trainer, &steps_path, &[("add", &value), ("week", "3")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    assert_eq!(plan.steps.len(), steps + 1);
    let added = plan.steps.iter().max_by_key(|s| s.position).unwrap();
    assert_eq!(
        location(&response),
        format!("{path}?done=added#step-{}", added.position)
    );
    assert_eq!(added.activity.0, chosen);
    assert_eq!(added.goal, goal);
    assert_eq!(added.first_week, 2);
    assert!(added.reason.chosen);
    assert_eq!(added.minutes, activity(chosen).minutes);
    let weeks = activity(chosen).minutes.div_ceil(45).max(1);
    assert_eq!(added.last_week, 2 + weeks - 1);
    let own = app.page(&person_client, "/me/plan").await;
    assert!(own.contains(&format!("id=\"step-{}\"", added.position)));
    assert!(own.contains("Chosen when you met about your plan."));

    // A session goes in its own week, whatever week is given (the demo has sessions with
    // places in the plan's weeks).
    let (goal, _, session) = offered
        .iter()
        .find(|(_, k, _)| *k == 's')
        .expect("a session to choose");
    let response = app
        .post(
            &trainer,
            &steps_path,
            &[("add", &format!("{goal}-s-{session}")), ("week", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let plan = current(store, &app, person).await;
    let added = plan.steps.iter().max_by_key(|s| s.position).unwrap();
    assert_eq!(added.session.map(|s| s.0), Some(*session));
    let starts_at = store
        .sessions_between(app.org, 0, i64::MAX)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.id.0 == *session)
        .unwrap()
        .starts_at;
    let week = skillgym_domain::plans::week_of(
        plan.starts_on,
        skillgym_domain::uk_time::local(starts_at).date(),
    );
    assert_eq!(i64::from(added.first_week), week);

    // Each addition is in the audit trail.
    assert!(edits(&trail().await) > edited_before);
}

/// The rows of the champion page's table: competence title and count.
fn learning_rows(page: &str) -> HashMap<String, u32> {
    let Some(at) = page.find("<tbody>") else {
        return HashMap::new();
    };
    let body = &page[at..page[at..].find("</tbody>").unwrap() + at];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let title = &row[row.find('>').unwrap() + 1..row.find("</th>").unwrap()];
            let title = &title[title.find('>').map(|i| i + 1).unwrap_or(0)..];
            let cell = "<td class=\"numeric\">";
            let count = &row[row.find(cell).unwrap() + cell.len()..];
            let count = &count[..count.find('<').unwrap()];
            (title.to_string(), count.parse().unwrap())
        })
        .collect()
}

async fn a_champion_sees_what_colleagues_at_their_sites_learn_counted_and_the_sessions_there(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, app.org).await.unwrap();
    let named = store
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| !c.anonymous && c.submitted > 0)
        .unwrap();
    let campaign = reports.campaign(named.id).await.unwrap();
    let found = proposals(&reports, &campaign, Whom::Everyone, today())
        .await
        .unwrap();
    store
        .save_proposals(app.org, &found.drafts, Actor::CommandLine)
        .await
        .unwrap();
    let champion_id = account_person(&app, "champion@afon.example").await;
    let champion = store.person(app.org, champion_id).await.unwrap();
    let sites: HashSet<_> = champion.sites.iter().map(|(id, _)| *id).collect();
    assert!(!sites.is_empty());

    // Worked out from each colleague's own plan: the people at the champion's sites (not the
    // champion, not a leaver) whose unfinished plan has a goal on each competence.
    let sites = &sites;
    let app = &app;
    let expected = |leaver: Option<PersonId>| async move {
        let mut people: HashMap<String, HashSet<PersonId>> = HashMap::new();
        for person in store.people_with_plans(app.org).await.unwrap() {
            let record = store.person(app.org, person).await.unwrap();
            if person == champion_id
                || Some(person) == leaver
                || !record.sites.iter().any(|(id, _)| sites.contains(id))
            {
                continue;
            }
            let Some(plan) = store.current_plan(app.org, person).await.unwrap() else {
                continue;
            };
            for goal in &plan.goals {
                people
                    .entry(goal.title.en.clone())
                    .or_default()
                    .insert(person);
            }
        }
        people
            .into_iter()
            .map(|(title, who)| (title, who.len() as u32))
            .collect::<HashMap<String, u32>>()
    };
    // The demo's branches are small: at the lowest threshold some counts show and some not.
    let lowest = skillgym_domain::analysis::anonymity::AnonymityThreshold::new(3).unwrap();
    store
        .change_anonymity_threshold(app.org, lowest, Actor::CommandLine)
        .await
        .unwrap();
    let threshold = 3;
    let client = app.signed_in("champion@afon.example").await;
    let page = app.page(&client, "/champion").await;
    let counted = expected(None).await;
    let shown: HashMap<String, u32> = counted
        .iter()
        .filter(|(_, n)| **n >= threshold)
        .map(|(t, n)| (t.clone(), *n))
        .collect();
    assert!(!shown.is_empty(), "{counted:?}");
    assert!(
        counted.values().any(|n| *n < threshold),
        "a competence too few share, to see it hidden: {counted:?}"
    );
    // Only the counts of at least the threshold, each as worked out.
    assert_eq!(learning_rows(&page), shown, "{page}");

    // Someone who has left counts no more.
    let (title, n) = shown.iter().next().unwrap();
    let leaver = {
        let mut found = None;
        for person in store.people_with_plans(app.org).await.unwrap() {
            let record = store.person(app.org, person).await.unwrap();
            if person == champion_id || !record.sites.iter().any(|(id, _)| sites.contains(id)) {
                continue;
            }
            let plan = store.current_plan(app.org, person).await.unwrap().unwrap();
            if plan.goals.iter().any(|g| &g.title.en == title) {
                found = Some(person);
                break;
            }
        }
        found.unwrap()
    };
    store
        .set_left_on(app.org, leaver, Some(today()))
        .await
        .unwrap();
    let page = app.page(&client, "/champion").await;
    let after = expected(Some(leaver)).await;
    assert_eq!(after[title], n - 1);
    let rows = learning_rows(&page);
    if *n > threshold {
        assert_eq!(rows[title], n - 1);
    } else {
        assert!(!rows.contains_key(title));
    }

    // The sessions of the next four weeks at the champion's sites, and no others: one is
    // added there, one at another site, one there after the four weeks.
    let now = skillgym_store::now();
    let drop_in = store
        .catalogue(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.activity.kind == skillgym_domain::learning::ActivityKind::DropIn)
        .unwrap()
        .id;
    let elsewhere = store
        .sites(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|s| !sites.contains(&s.id))
        .unwrap()
        .id;
    let own_site = *sites.iter().next().unwrap();
    for (site, days) in [(own_site, 10), (elsewhere, 10), (own_site, 40)] {
        store
            .schedule_session(
                app.org,
                drop_in,
                &skillgym_store::NewSession {
                    starts_at: now + days * 86_400,
                    ends_at: now + days * 86_400 + 3_600,
                    site: Some(site),
                    capacity: 6,
                },
            )
            .await
            .unwrap();
    }
    let page = app.page(&client, "/champion").await;
    let sessions = store
        .sessions_between(app.org, now, now + 28 * 86_400)
        .await
        .unwrap();
    let ours: HashSet<String> = sessions
        .iter()
        .filter(|s| s.site.as_ref().is_some_and(|t| sites.contains(&t.id)))
        .map(|s| s.id.to_string())
        .collect();
    assert!(!ours.is_empty());
    assert!(ours.len() < sessions.len(), "some sessions are elsewhere");
    let listed: HashSet<String> = page
        .split("data-session=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect();
    assert_eq!(listed, ours);

    // The champion's own menu leads there.
    let home = app.page(&client, "/").await;
    assert!(home.contains("href=\"/champion\""));
}
