//! The training matrix: an administrator adds a required module; everyone it applies to gets a
//! cell, worked out as the domain's arithmetic says; completions recorded by the person, their
//! manager or an administrator move it on; a manager sees only their people; someone changing
//! job comes under a module with their grace from the change; the CSV says what the page says.
//! On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::people::format_date;
use skillgym_domain::training::{Cell, cell_from};
use skillgym_domain::{Email, PersonId};
use skillgym_store::{AuditFilter, PersonFilter, Requirement};
use skillgym_test_db::{Backend, both_backends};
use std::collections::{HashMap, HashSet};
use time::Duration;

both_backends!(
    an_administrator_adds_a_module_and_the_matrix_counts_everyone_as_the_arithmetic_says,
    a_completion_recorded_by_the_person_or_their_manager_moves_their_cell_on,
    someone_changing_job_comes_under_a_module_with_their_grace_from_the_change,
    completions_from_another_system_import_all_or_nothing_and_once,
    an_administrator_changes_a_module_and_then_retires_it,
    a_certificate_uploaded_as_evidence_is_kept_for_those_who_may_see_it,
    each_manager_gets_one_weekly_email_of_their_people_due_whatever_the_instances,
);

fn today() -> time::Date {
    skillgym_domain::uk_time::local(skillgym_store::now()).date()
}

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// Adds data protection every 12 months (30 days' window, 28 days' grace) for everyone, as
/// applying since `days_ago` days ago, through the web.
async fn add_data_protection(app: &TestApp, days_ago: i64) -> Requirement {
    let admin = app.signed_in("admin@afon.example").await;
    let starts = format_date(today() - Duration::days(days_ago));
    let response = app
        .post(
            &admin,
            "/training/requirements",
            &[
                ("code", "dp-2027"),
                ("title", "Data protection"),
                ("title_cy", "Diogelu data"),
                ("every", "12"),
                ("window", "30"),
                ("grace", "28"),
                ("starts_on", &starts),
                ("employment", "any"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/training?done=added");
    let all = app.store().requirements(app.org).await.unwrap();
    all.into_iter().find(|r| r.code == "DP-2027").unwrap()
}

/// The audit trail's events of `code` in the organisation, as their details.
async fn trail_of(app: &TestApp, code: &str) -> Vec<String> {
    let filter = AuditFilter {
        limit: 1000,
        ..AuditFilter::default()
    };
    app.store()
        .audit_events(app.org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|e| e.action_code == code)
        .map(|e| e.detail)
        .collect()
}

/// Everyone who has not left.
async fn present(app: &TestApp) -> Vec<PersonId> {
    let filter = PersonFilter {
        present_on: Some(today()),
        limit: i64::MAX,
        ..PersonFilter::default()
    };
    let (people, _) = app.store().people(app.org, &filter).await.unwrap();
    people.into_iter().map(|p| p.id).collect()
}

/// The counts row of the matrix page for `code`: state → number.
fn counts(page: &str, code: &str) -> HashMap<String, i64> {
    let at = page
        .find(&format!("data-requirement=\"{code}\""))
        .expect("the module's row");
    let row = &page[at..at + page[at..].find("</tr>").unwrap()];
    row.split("data-state=\"")
        .skip(1)
        .map(|cell| {
            let state = &cell[..cell.find('"').unwrap()];
            let n = &cell[cell.find('>').unwrap() + 1..cell.find('<').unwrap()];
            (state.to_string(), n.parse().unwrap())
        })
        .collect()
}

async fn an_administrator_adds_a_module_and_the_matrix_counts_everyone_as_the_arithmetic_says(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let admin = app.signed_in("admin@afon.example").await;

    // Mistakes are named, field by field, and nothing is added.
    let before = store.requirements(app.org).await.unwrap().len();
    let response = app
        .post(
            &admin,
            "/training/requirements",
            &[
                ("code", "data protection"),
                ("title", ""),
                ("every", "0"),
                ("window", "30"),
                ("grace", "x"),
                ("starts_on", "1 April"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for says in [
        "Enter a code of up to 20 letters",
        "Enter a title of up to 200 characters",
        "Enter the months as a whole number from 1 to 120",
        "Enter the grace as a whole number of days",
        "Enter the day it applies from",
    ] {
        assert!(html.contains(says), "{says}: {html}");
    }
    assert_eq!(store.requirements(app.org).await.unwrap().len(), before);

    // Applying since 60 days ago with 28 days' grace: everyone who has not done it is overdue.
    let dp = add_data_protection(&app, 60).await;
    // Adding it is in the audit trail, by the administrator.
    assert!(
        trail_of(&app, "training-changed")
            .await
            .iter()
            .any(|d| d.contains("requirement=DP-2027"))
    );
    let everyone = present(&app).await;
    let page = app.page(&admin, "/training").await;
    let shown = counts(&page, "DP-2027");
    assert_eq!(shown["overdue"], everyone.len() as i64, "{shown:?}");
    assert_eq!(shown["done"] + shown["due-soon"] + shown["not-started"], 0);
    // The same code again is refused.
    let again = app
        .post(
            &admin,
            "/training/requirements",
            &[
                ("code", "DP-2027"),
                ("title", "Again"),
                ("every", "12"),
                ("window", "30"),
                ("grace", "28"),
                ("starts_on", &format_date(today())),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("already has this code")
    );

    // Three completions: 10 days ago (done), 340 days ago (in the window: due within 25
    // days), 400 days ago (run out). Recorded by an administrator on each person's page.
    let (a, b, c) = (everyone[0], everyone[1], everyone[2]);
    for (person, days) in [(a, 10), (b, 340), (c, 400)] {
        let response = app
            .post(
                &admin,
                &format!("/people/{person}/training"),
                &[
                    ("requirement", &dp.id.to_string()),
                    ("completed_on", &format_date(today() - Duration::days(days))),
                    ("evidence", "https://learning.example.org/certificates/42"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    // Each stored cell is what the domain works out from its completions.
    let expected = |days: i64| {
        skillgym_domain::training::cell(
            dp.renewal,
            today() - Duration::days(60),
            &[today() - Duration::days(days)],
            today(),
        )
    };
    for (person, days) in [(a, 10), (b, 340), (c, 400)] {
        let standing = store.standing(dp.id, person).await.unwrap().unwrap();
        assert_eq!(standing.cell(dp.renewal, today()), expected(days));
    }
    assert_eq!(expected(10).code(), "done");
    assert_eq!(expected(340).code(), "due-soon");
    assert_eq!(expected(400).code(), "overdue");

    let page = app.page(&admin, "/training").await;
    let shown = counts(&page, "DP-2027");
    assert_eq!(shown["done"], 1);
    assert_eq!(shown["due-soon"], 1);
    assert_eq!(shown["overdue"], everyone.len() as i64 - 2);
    // The counts are the cells worked out one by one.
    let mut worked: HashMap<&str, i64> = HashMap::new();
    for person in &everyone {
        let standing = store.standing(dp.id, *person).await.unwrap().unwrap();
        *worked
            .entry(cell_from(dp.renewal, standing.since, standing.valid_until, today()).code())
            .or_default() += 1;
    }
    for (state, n) in &worked {
        assert_eq!(shown[*state], *n, "{state}");
    }

    // Someone who left yesterday is counted no more, whether or not their cells are still
    // kept.
    let leaver = everyone[5];
    store
        .set_left_on(app.org, leaver, Some(today() - Duration::days(1)))
        .await
        .unwrap();
    let page = app.page(&admin, "/training").await;
    let after = counts(&page, "DP-2027");
    assert_eq!(after["overdue"], shown["overdue"] - 1);
    assert!(!page.contains(&format!("data-person=\"{leaver}\"")));
    let everyone: Vec<PersonId> = everyone.into_iter().filter(|p| *p != leaver).collect();

    // The CSV: everyone, each with the state and day of the page.
    let (heading, rows) = app.csv_file(&admin, "/training/export.csv").await;
    let column = heading.iter().position(|h| h == "DP-2027").unwrap();
    assert_eq!(rows.len(), everyone.len());
    let record = store.person(app.org, a).await.unwrap();
    let row = rows
        .iter()
        .find(|r| r[0] == record.employee_number.to_string())
        .unwrap();
    assert_eq!(row[column], "done");
    assert_eq!(
        row[column + 1],
        format_date(skillgym_domain::training::add_months(
            today() - Duration::days(10),
            12
        ))
    );

    // The completions are the person's data, and go when they are erased.
    let data = store.personal_data(app.org, a).await.unwrap();
    let completions = data.table("training_completions").unwrap();
    let mut theirs = 0;
    for r in store.requirements(app.org).await.unwrap() {
        theirs += store.completions(app.org, r.id, a).await.unwrap().len();
    }
    assert_eq!(completions.rows.len(), theirs);
    assert!(
        completions
            .rows
            .iter()
            .any(|row| row[0] == skillgym_store::Cell::Text("DP-2027".into()))
    );
    store
        .erase_person(app.org, a, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert!(store.standing(dp.id, a).await.unwrap().is_none());
}

async fn a_completion_recorded_by_the_person_or_their_manager_moves_their_cell_on(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let dp = add_data_protection(&app, 0).await;
    let learner = person_of(&app, "learner@afon.example").await;
    let client = app.signed_in("learner@afon.example").await;

    // Within the grace: not started, due in 28 days.
    let own = app.page(&client, "/me/training").await;
    assert!(own.contains("data-cell=\"not-started\""), "{own}");
    assert_eq!(
        store
            .standing(dp.id, learner)
            .await
            .unwrap()
            .unwrap()
            .cell(dp.renewal, today()),
        Cell::NotStarted {
            due: today() + Duration::days(28)
        }
    );

    // A day in the future, a link that is not a web address: refused, nothing recorded.
    let tomorrow = format_date(today() + Duration::days(1));
    for (day, evidence, says) in [
        (
            tomorrow.as_str(),
            "",
            "Enter a day that is not in the future",
        ),
        ("2026-13-01", "", "Enter the day it was completed"),
        (
            "2026-01-05",
            "javascript:alert(1)",
            "Enter a web address starting https://",
        ),
    ] {
        let response = app
            .post(
                &client,
                "/me/training",
                &[
                    ("requirement", &dp.id.to_string()),
                    ("completed_on", day),
                    ("evidence", evidence),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.text().await.unwrap().contains(says), "{says}");
    }
    assert!(
        store
            .completions(app.org, dp.id, learner)
            .await
            .unwrap()
            .is_empty()
    );

    let yesterday = format_date(today() - Duration::days(1));
    let response = app
        .post(
            &client,
            "/me/training",
            &[
                ("requirement", &dp.id.to_string()),
                ("completed_on", &yesterday),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let own = app.page(&client, "/me/training?done=recorded").await;
    assert!(own.contains("data-cell=\"done\""));
    assert!(own.contains("The completion is recorded."));

    // A manager sees their people only, on the page and in the CSV; someone else's page is
    // not there for them.
    let manager = app.signed_in("manager@afon.example").await;
    let manager_id = person_of(&app, "manager@afon.example").await;
    let managed: HashSet<String> = {
        let filter = PersonFilter {
            managed_by: Some(manager_id),
            present_on: Some(today()),
            limit: i64::MAX,
            ..PersonFilter::default()
        };
        let (people, _) = store.people(app.org, &filter).await.unwrap();
        people.iter().map(|p| p.id.to_string()).collect()
    };
    assert!(!managed.is_empty());
    let page = app.page(&manager, "/training").await;
    let listed: HashSet<String> = page
        .split("data-person=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect();
    assert!(listed.is_subset(&managed));
    assert_eq!(listed.len(), managed.len().min(50));
    let (_, rows) = app.csv_file(&manager, "/training/export.csv").await;
    assert_eq!(rows.len(), managed.len());
    let someone_else = present(&app)
        .await
        .into_iter()
        .find(|p| !managed.contains(&p.to_string()) && *p != manager_id)
        .unwrap();
    let response = app
        .get(&manager, &format!("/people/{someone_else}/training"))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The manager records one for one of their people: in the audit trail, by them.
    let theirs: PersonId = managed.iter().next().unwrap().parse().unwrap();
    let response = app
        .post(
            &manager,
            &format!("/people/{theirs}/training"),
            &[
                ("requirement", &dp.id.to_string()),
                ("completed_on", &yesterday),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (events, _) = store
        .audit_events(
            app.org,
            &AuditFilter {
                person: Some(theirs),
                limit: 100,
                ..AuditFilter::default()
            },
        )
        .await
        .unwrap();
    assert!(events.iter().any(
        |e| e.action.map(|a| a.as_str()) == Some("training-completed")
            && e.detail.contains("requirement=DP-2027")
    ));
}

async fn someone_changing_job_comes_under_a_module_with_their_grace_from_the_change(
    backend: Backend,
) {
    use skillgym_domain::{
        ContractedHours, EmployeeNumber, Employment, JobFamily, JobRole, PersonName,
    };
    let app = spawn_app(backend).await;
    let store = app.store();
    let input = |role: &str| skillgym_store::PersonInput {
        employee_number: EmployeeNumber::parse("NEW-1").unwrap(),
        given_name: PersonName::parse("Siân").unwrap(),
        family_name: PersonName::parse("Jones").unwrap(),
        email: None,
        employment: Employment::Volunteer,
        job_role: JobRole::parse(role).unwrap(),
        job_family: JobFamily::Frontline,
        contracted_hours: ContractedHours::FULL_TIME,
        start_date: None,
        left_on: None,
        line_manager: None,
        team: None,
        sites: Vec::new(),
    };
    let learner = store
        .create_person(
            app.org,
            &input("Library volunteer"),
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    // Learn My Way for job role "Digital helper" only, every 24 months, 14 days' grace, since
    // 100 days ago: the new volunteer is not one.
    let new = skillgym_store::NewRequirement {
        code: "LMW-HELPERS".into(),
        title: skillgym_domain::audit::Localised::new("Learn My Way", None),
        activity: None,
        url: Some("https://www.learnmyway.com/".into()),
        renewal: skillgym_domain::training::Renewal::new(Some(24), 0, 14).unwrap(),
        audience: skillgym_domain::training::Audience {
            job_roles: vec!["Digital helper".into()],
            ..Default::default()
        },
        starts_on: today() - Duration::days(100),
    };
    let lmw = store
        .create_requirement(app.org, &new, skillgym_store::Actor::CommandLine)
        .await
        .unwrap();
    let stored = store.requirement(app.org, lmw).await.unwrap();
    assert_eq!(stored.audience, new.audience);
    assert!(
        store.standing(lmw, learner).await.unwrap().is_none(),
        "{:?}",
        store.standing(lmw, learner).await
    );

    // They become a digital helper today: the module applies from today, due in 14 days.
    store
        .update_person(
            app.org,
            learner,
            &input("Digital Helper"),
            skillgym_store::Actor::CommandLine,
        )
        .await
        .unwrap();
    let standing = store.standing(lmw, learner).await.unwrap().unwrap();
    assert_eq!(standing.since, today());
    assert_eq!(
        standing.cell(new.renewal, today()),
        Cell::NotStarted {
            due: today() + Duration::days(14)
        }
    );
    // Back to their old job: no longer theirs to do.
    store
        .update_person(
            app.org,
            learner,
            &input("Library volunteer"),
            skillgym_store::Actor::CommandLine,
        )
        .await
        .unwrap();
    assert!(store.standing(lmw, learner).await.unwrap().is_none());
}

async fn upload(app: &TestApp, client: &reqwest::Client, body: String) -> reqwest::Response {
    let csrf = app.csrf(client).await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "completions_file",
        reqwest::multipart::Part::bytes(body.into_bytes()).file_name("completions.csv"),
    );
    client
        .post(format!("{}/training/import", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn completions_from_another_system_import_all_or_nothing_and_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let dp = add_data_protection(&app, 60).await;
    let admin = app.signed_in("admin@afon.example").await;
    let everyone = present(&app).await;
    let mut people = Vec::new();
    for id in &everyone[..3] {
        people.push(store.person(app.org, *id).await.unwrap());
    }
    let day = |days: i64| format_date(today() - Duration::days(days));
    let good = format!(
        "employee_number,email,module,completed_on,evidence\n\
         {},,dp-2027,{},https://lms.example.org/c/1\n\
         {},,DP-2027,{},\n\
         {},,DP-2027,{},\n",
        people[0].employee_number,
        day(5),
        people[1].employee_number,
        day(340),
        people[2].employee_number,
        day(400),
    );
    // One line naming nobody, one naming a module that does not exist: both named, nothing
    // imported.
    let bad = format!(
        "{good}NOBODY-1,,DP-2027,{},\n{},,FIRE,{},\n",
        day(5),
        people[0].employee_number,
        day(5)
    );
    let response = upload(&app, &admin, bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("FIRE is not the code of a required module"),
        "{html}"
    );
    for person in &everyone[..3] {
        assert!(
            store
                .completions(app.org, dp.id, *person)
                .await
                .unwrap()
                .is_empty()
        );
    }
    // The module is known but the person is not: named by the store, nothing imported.
    let nobody = format!("{good}NOBODY-1,,DP-2027,{},\n", day(5));
    let response = upload(&app, &admin, nobody).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Nobody in the staff file has this employee number"),
        "{html}"
    );
    assert!(
        html.contains("<td>line 5</td><td><code>employee_number</code></td>"),
        "{html}"
    );
    for person in &everyone[..3] {
        assert!(
            store
                .completions(app.org, dp.id, *person)
                .await
                .unwrap()
                .is_empty()
        );
    }

    // The good file: three added, each cell as the arithmetic says.
    let response = upload(&app, &admin, good.clone()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/training?imported=3&unchanged=0");
    // The import is in the audit trail, with how many it added; the refused ones are not.
    let imports = trail_of(&app, "training-imported").await;
    assert_eq!(imports.len(), 1, "{imports:?}");
    assert!(imports[0].contains("added=3"), "{imports:?}");
    for (person, days, state) in [
        (everyone[0], 5, "done"),
        (everyone[1], 340, "due-soon"),
        (everyone[2], 400, "overdue"),
    ] {
        let standing = store.standing(dp.id, person).await.unwrap().unwrap();
        assert_eq!(standing.cell(dp.renewal, today()).code(), state, "{days}");
        let done = store.completions(app.org, dp.id, person).await.unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].source, "import");
    }
    // The same file again adds nothing.
    let response = upload(&app, &admin, good).await;
    assert_eq!(location(&response), "/training?imported=0&unchanged=3");
    assert_eq!(
        store
            .completions(app.org, dp.id, everyone[0])
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn an_administrator_changes_a_module_and_then_retires_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let admin = app.signed_in("admin@afon.example").await;
    let dp = add_data_protection(&app, 60).await;
    let everyone = present(&app).await;
    // Done 200 days ago: valid for 12 months, so done.
    let (a, b) = (everyone[0], everyone[1]);
    let done_on = today() - Duration::days(200);
    store
        .record_completion(
            app.org,
            dp.id,
            a,
            done_on,
            None,
            skillgym_store::CompletionSource::Recorded,
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .standing(dp.id, a)
            .await
            .unwrap()
            .unwrap()
            .cell(dp.renewal, today())
            .code(),
        "done"
    );

    // The form shows the module as it is; its code cannot be changed.
    let form = app
        .page(&admin, &format!("/training/requirements/{}", dp.id))
        .await;
    assert!(form.contains("value=\"Data protection\""), "{form}");
    assert!(form.contains("Code: DP-2027"));
    assert!(!form.contains("name=\"code\""));

    // A mistake is named and changes nothing.
    let path = format!("/training/requirements/{}", dp.id);
    let starts = format_date(today() - Duration::days(60));
    let response = app
        .post(
            &admin,
            &path,
            &[
                ("title", "Data protection"),
                ("every", "6"),
                ("window", "300"),
                ("grace", "28"),
                ("starts_on", &starts),
                ("employment", "any"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store.requirement(app.org, dp.id).await.unwrap(), dp);

    // Every 6 months instead of 12: the completion 200 days ago has run out.
    let response = app
        .post(
            &admin,
            &path,
            &[
                ("title", "Data protection"),
                ("title_cy", "Diogelu data"),
                ("every", "6"),
                ("window", "30"),
                ("grace", "28"),
                ("starts_on", &starts),
                ("employment", "any"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/training?done=changed");
    let changed = store.requirement(app.org, dp.id).await.unwrap();
    assert_eq!(changed.renewal.months(), Some(6));
    let standing = store.standing(dp.id, a).await.unwrap().unwrap();
    assert_eq!(standing.since, today() - Duration::days(60));
    assert_eq!(
        standing.cell(changed.renewal, today()),
        skillgym_domain::training::cell(
            changed.renewal,
            today() - Duration::days(60),
            &[done_on],
            today()
        )
    );
    assert_eq!(standing.cell(changed.renewal, today()).code(), "overdue");
    let page = app.page(&admin, "/training?done=changed").await;
    assert!(page.contains("The module is changed"));
    assert_eq!(counts(&page, "DP-2027")["done"], 0);

    // Narrowed to volunteers: staff leave its audience, with their completions kept.
    let volunteers: HashSet<PersonId> = {
        let filter = PersonFilter {
            employment: Some(skillgym_domain::Employment::Volunteer),
            present_on: Some(today()),
            limit: i64::MAX,
            ..PersonFilter::default()
        };
        let (people, _) = store.people(app.org, &filter).await.unwrap();
        people.into_iter().map(|p| p.id).collect()
    };
    let response = app
        .post(
            &admin,
            &path,
            &[
                ("title", "Data protection"),
                ("every", "6"),
                ("window", "30"),
                ("grace", "28"),
                ("starts_on", &starts),
                ("employment", "volunteer"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(&admin, "/training").await;
    let shown = counts(&page, "DP-2027");
    assert_eq!(
        shown.values().sum::<i64>(),
        volunteers.len() as i64,
        "{shown:?}"
    );
    if !volunteers.contains(&a) {
        assert!(store.standing(dp.id, a).await.unwrap().is_none());
        assert_eq!(store.completions(app.org, dp.id, a).await.unwrap().len(), 1);
    }
    assert_eq!(
        trail_of(&app, "training-changed")
            .await
            .iter()
            .filter(|d| d.contains("requirement=DP-2027"))
            .count(),
        3,
        "added, then changed twice"
    );

    // Retired: out of the matrix and people's pages, taking no completions; the ones made
    // stay.
    let confirm = app.page(&admin, &format!("{path}/retire")).await;
    assert!(confirm.contains("It cannot be brought back"));
    let response = app.post(&admin, &format!("{path}/retire"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/training?done=retired");
    let page = app.page(&admin, "/training?done=retired").await;
    assert!(page.contains("The module is retired."));
    assert!(!page.contains("data-requirement=\"DP-2027\""));
    assert!(store.requirement(app.org, dp.id).await.unwrap().retired);
    assert_eq!(store.completions(app.org, dp.id, a).await.unwrap().len(), 1);
    assert!(
        trail_of(&app, "training-retired")
            .await
            .iter()
            .any(|d| d.contains("requirement=DP-2027"))
    );
    let response = app
        .post(
            &admin,
            &format!("/people/{b}/training"),
            &[
                ("requirement", &dp.id.to_string()),
                ("completed_on", &format_date(today())),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .completions(app.org, dp.id, b)
            .await
            .unwrap()
            .is_empty()
    );
    // Neither its forms nor retiring it again are there any more.
    for path in [path.clone(), format!("{path}/retire")] {
        assert_eq!(app.get(&admin, &path).await.status(), StatusCode::NOT_FOUND);
    }
    let again = app.post(&admin, &format!("{path}/retire"), &[]).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

/// A small PDF, as a certificate.
fn certificate() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
}

async fn a_certificate_uploaded_as_evidence_is_kept_for_those_who_may_see_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let dp = add_data_protection(&app, 0).await;
    let learner = person_of(&app, "learner@afon.example").await;
    let client = app.signed_in("learner@afon.example").await;
    let day = format_date(today() - Duration::days(3));
    let fields = [
        ("requirement", dp.id.to_string()),
        ("completed_on", day.clone()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();

    // Not a PDF, PNG or JPEG, whatever its name: refused, and nothing is recorded.
    let response = app
        .post_file(
            &client,
            "/me/training",
            &fields,
            Some((
                "evidence_file",
                "certificate.pdf",
                b"<svg onload=alert(1)>".to_vec(),
            )),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("Choose a certificate that is a PDF, PNG or JPEG"));
    assert!(
        html.contains("href=\"#evidence_file\""),
        "the error summary links to it"
    );
    assert!(
        store
            .completions(app.org, dp.id, learner)
            .await
            .unwrap()
            .is_empty()
    );

    let response = app
        .post_file(
            &client,
            "/me/training",
            &fields,
            Some(("evidence_file", "My GDPR \"cert\".PDF", certificate())),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let done = store.completions(app.org, dp.id, learner).await.unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].file_name.as_deref(), Some("My GDPR cert.pdf"));
    let href = format!("/people/{learner}/training/evidence/{}", done[0].id);
    let own = app.page(&client, "/me/training").await;
    assert!(own.contains(&href), "{own}");

    // The person, their manager and an administrator download it, as an attachment; another
    // manager, or anyone asking for it under someone else, is told there is no such file.
    let manager_of = store.person(app.org, learner).await.unwrap().line_manager;
    let mut readers = vec![client, app.signed_in("admin@afon.example").await];
    if let Some((manager, _)) = manager_of {
        let record = store.person(app.org, manager).await.unwrap();
        if let (Some(_), Some(email)) = (record.account, record.email) {
            readers.push(app.signed_in(&email).await);
        }
    }
    for reader in &readers {
        let response = app.get(reader, &href).await;
        assert_eq!(response.status(), StatusCode::OK);
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(disposition, "attachment; filename=\"My GDPR cert.pdf\"");
        assert_eq!(response.headers()["content-type"], "application/pdf");
        assert_eq!(response.bytes().await.unwrap().to_vec(), certificate());
    }
    let manager = app.signed_in("manager@afon.example").await;
    let manager_id = person_of(&app, "manager@afon.example").await;
    if !store.manages(manager_id, learner).await.unwrap() {
        assert_eq!(
            app.get(&manager, &href).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    let admin = readers.remove(1);
    let other = present(&app)
        .await
        .into_iter()
        .find(|p| *p != learner)
        .unwrap();
    let wrong = format!("/people/{other}/training/evidence/{}", done[0].id);
    assert_eq!(
        app.get(&admin, &wrong).await.status(),
        StatusCode::NOT_FOUND
    );

    // It is in their data download, and goes when they are erased.
    let data = store.personal_data(app.org, learner).await.unwrap();
    let path = format!("certificates/{}-My GDPR cert.pdf", done[0].id);
    assert_eq!(data.files, vec![(path.clone(), certificate())]);
    let row = &data.table("training_completions").unwrap().rows[0];
    assert!(row.contains(&skillgym_store::Cell::Text(path)));
    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert!(
        store
            .evidence_file(app.org, learner, done[0].id)
            .await
            .unwrap()
            .is_none()
    );
}

async fn each_manager_gets_one_weekly_email_of_their_people_due_whatever_the_instances(
    backend: Backend,
) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let one = app.store().clone();
    // A second instance: its own connections to the same database.
    let two = skillgym_store::Store::connect(&app.db.url).await.unwrap();
    // The coming Monday, on the UK's clock.
    let monday = common::next_monday(today());
    let at = common::uk_at;
    let mailer = smtp.mailer();
    // Before eight on Monday nothing goes.
    let early =
        skillgym_web::run_training_digest_job(&one, &mailer, &app.url, "one", at(monday, 7))
            .await
            .unwrap();
    assert_eq!(early.map(|s| s.sent), Some(0));

    // What each manager should hear of, from the matrix as a manager sees it that day.
    let managers: Vec<(PersonId, String)> = {
        let mut found = Vec::new();
        let (people, _) = one
            .people(
                app.org,
                &PersonFilter {
                    limit: i64::MAX,
                    ..PersonFilter::default()
                },
            )
            .await
            .unwrap();
        for p in people {
            let record = one.person(app.org, p.id).await.unwrap();
            if let (Some((_, roles)), Some(email)) = (record.account, record.email)
                && roles.has(skillgym_domain::Role::Manager)
                && !record.account_disabled
            {
                found.push((p.id, email));
            }
        }
        found
    };
    assert!(!managers.is_empty());
    let mut expected: HashMap<String, Vec<String>> = HashMap::new();
    for (manager, email) in &managers {
        let filter = PersonFilter {
            managed_by: Some(*manager),
            present_on: Some(monday),
            limit: i64::MAX,
            ..PersonFilter::default()
        };
        let matrix = one.training_matrix(app.org, &filter, monday).await.unwrap();
        let mut names = Vec::new();
        for row in &matrix.rows {
            let needs = row.cells.iter().zip(&matrix.requirements).any(|(c, r)| {
                c.is_some_and(|c| !matches!(c.cell(r.renewal, monday), Cell::Done { .. }))
            });
            if needs {
                names.push(row.name.clone());
            }
        }
        if !names.is_empty() {
            expected.insert(email.clone(), names);
        }
    }
    assert!(!expected.is_empty(), "the demo's managers have people due");

    // Two instances at nine: one of them sends, once to each manager with someone due.
    let (a, b) = futures_util::future::join(
        skillgym_web::run_training_digest_job(&one, &mailer, &app.url, "one", at(monday, 9)),
        skillgym_web::run_training_digest_job(&two, &mailer, &app.url, "two", at(monday, 9)),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, expected.len());
    // Later that week, from either instance: nothing more.
    for (store, name) in [(&one, "one"), (&two, "two")] {
        let again = skillgym_web::run_training_digest_job(
            store,
            &mailer,
            &app.url,
            name,
            at(monday + Duration::days(2), 10),
        )
        .await
        .unwrap();
        assert_eq!(again.map(|s| s.sent).unwrap_or(0), 0);
    }
    // Claiming one email from both instances at once: one of them has it.
    let next = monday + Duration::days(7);
    let (manager, _) = managers[0].clone();
    let (x, y) = futures_util::future::join(
        one.claim_training_digest(app.org, manager, next),
        two.claim_training_digest(app.org, manager, next),
    )
    .await;
    assert_ne!(x.unwrap(), y.unwrap());

    let messages = smtp.wait_for(expected.len()).await;
    assert_eq!(messages.len(), expected.len());
    for m in &messages {
        let names = &expected[&m.to];
        assert!(m.subject.starts_with("Required training:"), "{}", m.subject);
        for name in names {
            assert!(m.body.contains(name.as_str()), "{name} in {}", m.body);
        }
        assert!(m.body.contains(&format!("{}/training", app.url)));
    }
    two.close().await;
}
