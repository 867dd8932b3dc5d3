//! The command line, run as a person would: the real binary against a fresh database.

mod common;

use common::{skillgym, text};
use skillgym_store::Store;
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const HEADER: &str = "employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites";

/// A fresh database holding the default demo organisation, made by `skillgym demo`.
async fn demo_db(backend: Backend) -> TestDb {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(&db, &["demo", "--no-serve", "--people", "60"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("admin@afon.example") && stdout.contains("skillgym-demo"),
        "{stdout}"
    );
    db
}

async fn people(store: &Store) -> i64 {
    let org = store.default_organisation().await.unwrap().unwrap();
    store.people_counts(org.id).await.unwrap().total
}

fn write_file(dir: &tempfile::TempDir, name: &str, body: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    path.display().to_string()
}

both_backends!(
    staff_files_import_once_and_bad_ones_are_explained,
    export_writes_a_staff_file_that_imports_unchanged,
    killing_an_import_half_way_leaves_the_database_unchanged,
    a_first_administrator_gets_an_organisation_and_a_sign_in_link,
    create_admin_links_to_the_public_url_and_never_clashes_on_employee_number,
    a_reader_that_stops_reading_ends_the_command_quietly,
    password_sign_in_is_turned_back_on_from_the_command_line,
    survey_responses_import_once_and_bad_ones_are_explained,
    people_missing_from_a_staff_file_are_marked_as_left_only_with_absent_left,
    organisations_are_created_listed_and_chosen_by_their_short_name,
    networks_are_created_joined_and_listed,
    the_network_demo_has_four_members_that_opened_its_campaign,
);

/// A network run by the demo organisation, which a second organisation joins.
async fn networks_are_created_joined_and_listed(backend: Backend) {
    let db = demo_db(backend).await;
    let afon = db.store.default_organisation().await.unwrap().unwrap();
    let out = skillgym(&db, &["network", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no network yet"));
    let out = skillgym(
        &db,
        &[
            "network",
            "create",
            "--name",
            "Welsh public libraries",
            "--welsh-name",
            "Llyfrgelloedd cyhoeddus Cymru",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("whose short name is welsh-public-libraries"));
    let out = skillgym(
        &db,
        &["network", "create", "--name", "Welsh public libraries"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Another network already has the short name"));
    let out = skillgym(
        &db,
        &["organisation", "create", "--name", "Bro Library Service"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // With two organisations, which one joins must be said.
    let out = skillgym(&db, &["network", "add-member", "welsh-public-libraries"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("more than one organisation"));
    for slug in [
        afon.slug.as_str(),
        "bro-library-service",
        "bro-library-service",
    ] {
        let out = skillgym(
            &db,
            &[
                "network",
                "add-member",
                "welsh-public-libraries",
                "--organisation",
                slug,
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let out = skillgym(
        &db,
        &[
            "network",
            "add-member",
            "nowhere",
            "--organisation",
            "bro-library-service",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no network “nowhere”"));
    let out = skillgym(&db, &["network", "list"]);
    let listed = text(&out.stdout);
    assert!(
        listed.contains(&format!(
            "welsh-public-libraries: Welsh public libraries, run by {0}; members: {0}, Bro Library Service",
            afon.name
        )),
        "{listed}"
    );
    let network = &db.store.networks().await.unwrap()[0];
    assert_eq!(network.organisation_id, afon.id);
    assert_eq!(db.store.network_members(network.id).await.unwrap().len(), 2);
}

/// `skillgym demo --network`: the body that runs the network and four members, each of which
/// opened the network's campaign and answered it, and the sign-ins it prints.
async fn the_network_demo_has_four_members_that_opened_its_campaign(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(&db, &["demo", "--network", "--no-serve"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for email in [
        "coordinator@network.example",
        "admin@afon.example",
        "admin@mon.example",
        "admin@bro.example",
        "admin@cymoedd.example",
    ] {
        assert!(stdout.contains(email), "{email} in {stdout}");
    }
    let orgs = db.store.organisations().await.unwrap();
    assert_eq!(orgs.len(), 5);
    assert_eq!(
        orgs[0].name, "Welsh public libraries",
        "the default organisation runs it"
    );
    assert!(
        orgs.iter().any(|o| o.main_language == "cy"),
        "one works in Welsh first"
    );
    let network = &db.store.networks().await.unwrap()[0];
    let members = db.store.network_members(network.id).await.unwrap();
    assert_eq!(members.len(), 4);
    let campaigns = db.store.network_campaigns_of(network.id).await.unwrap();
    assert_eq!(campaigns.len(), 1);
    let openings = db.store.openings(campaigns[0].id).await.unwrap();
    assert_eq!(openings.len(), 4);
    for opening in openings {
        let summary = db
            .store
            .campaigns(opening.organisation_id)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.id == opening.campaign_id)
            .unwrap();
        assert!(summary.submitted >= 40, "{} answered", summary.submitted);
    }
    // Some answered through the network's public link, with no person.
    let (_, through_link) = db
        .store
        .public_respondent_counts(orgs[0].id, campaigns[0].id)
        .await
        .unwrap();
    assert!(through_link >= 4 * 6, "{through_link} through the link");
    let link = db
        .store
        .public_link(skillgym_store::DEMO_PUBLIC_LINK)
        .await
        .unwrap()
        .expect("the demo's public link");
    assert_eq!(link.campaign_id, campaigns[0].id);
    let targets = db
        .store
        .public_targets(&link, time::OffsetDateTime::now_utc().date())
        .await
        .unwrap();
    assert_eq!(targets.len(), 4, "each member can be chosen");
    let coordinator = db
        .store
        .account_by_email(&skillgym_domain::Email::parse("coordinator@network.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(coordinator.roles.has(skillgym_domain::Role::Coordinator));
    assert_eq!(coordinator.organisation_id, orgs[0].id);
}

/// A second organisation beside the demo: created, listed, and then every command that works
/// on one organisation must be told which, and works on that one alone.
async fn organisations_are_created_listed_and_chosen_by_their_short_name(backend: Backend) {
    let db = demo_db(backend).await;
    let afon = db.store.default_organisation().await.unwrap().unwrap();
    let out = skillgym(
        &db,
        &[
            "organisation",
            "create",
            "--name",
            "Bro Library Service",
            "--welsh-name",
            "Gwasanaeth Llyfrgell Bro",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("whose short name is bro-library-service"),
        "{}",
        text(&out.stdout)
    );
    let slug = skillgym_domain::OrganisationSlug::parse("bro-library-service").unwrap();
    let bro = db.store.organisation_by_slug(&slug).await.unwrap().unwrap();
    assert_eq!(bro.name_cy.as_deref(), Some("Gwasanaeth Llyfrgell Bro"));

    // A short name is another organisation's, or not one at all: nothing is created.
    let out = skillgym(
        &db,
        &[
            "organisation",
            "create",
            "--name",
            "Bro 2",
            "--slug",
            "bro-library-service",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already has the short name bro-library-service"));
    let out = skillgym(
        &db,
        &[
            "organisation",
            "create",
            "--name",
            "Bro 3",
            "--slug",
            "Bro Three",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("lower-case letters"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(db.store.organisations().await.unwrap().len(), 2);

    let out = skillgym(&db, &["organisation", "list"]);
    let listed = text(&out.stdout);
    assert!(
        listed.contains(&format!("{}: {} (60 people)", afon.slug, afon.name)),
        "{listed}"
    );
    assert!(
        listed.contains("bro-library-service: Bro Library Service (0 people)"),
        "{listed}"
    );
    // In Welsh, the Welsh name.
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["organisation", "list"])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LANG", "cy")
        .output()
        .unwrap();
    let listed = text(&out.stdout);
    assert!(
        listed.contains("bro-library-service: Gwasanaeth Llyfrgell Bro"),
        "{listed}"
    );

    // Which one, when there are two, is never guessed.
    let out = skillgym(&db, &["export", "staff"]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains("more than one organisation"), "{said}");
    assert!(
        said.contains(afon.slug.as_str()) && said.contains("bro-library-service"),
        "{said}"
    );
    assert!(out.stdout.is_empty());
    let out = skillgym(&db, &["--organisation", "nowhere", "export", "staff"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no organisation “nowhere”"));

    // Its first administrator, then its staff file: in it alone.
    let out = skillgym(
        &db,
        &[
            "user",
            "create-admin",
            "--organisation",
            "bro-library-service",
            "--email",
            "head@bro.example",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let account = db
        .store
        .account_by_email(&skillgym_domain::Email::parse("head@bro.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.organisation_id, bro.id);
    let out = skillgym(
        &db,
        &[
            "user",
            "create-admin",
            "--organisation",
            "bro-library-service",
            "--email",
            "admin@afon.example",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("has an account in another organisation"));
    db.store
        .create_site(
            bro.id,
            &skillgym_store::SiteInput {
                code: skillgym_domain::SiteCode::parse("BRO").unwrap(),
                name: skillgym_domain::SiteName::parse("Bro Library").unwrap(),
                kind: skillgym_domain::SiteKind::Branch,
                location: Default::default(),
            },
        )
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(
        &dir,
        "bro.csv",
        &format!(
            "{HEADER}\nB1,Elin,Bro,elin@bro.example,employee,Library assistant,frontline,37,,,,BRO\n"
        ),
    );
    let out = skillgym(
        &db,
        &[
            "import",
            "staff",
            &file,
            "--organisation",
            "bro-library-service",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(db.store.people_counts(bro.id).await.unwrap().total, 2);
    assert_eq!(db.store.people_counts(afon.id).await.unwrap().total, 60);
    let out = skillgym(
        &db,
        &["export", "staff", "--organisation", "bro-library-service"],
    );
    let exported = text(&out.stdout);
    assert!(exported.contains("elin@bro.example") && exported.contains("head@bro.example"));
    assert!(!exported.contains("afon.example"), "{exported}");
}

async fn people_missing_from_a_staff_file_are_marked_as_left_only_with_absent_left(
    backend: Backend,
) {
    let db = demo_db(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    let today = time::OffsetDateTime::now_utc().date();
    let (leavers, _) = db.store.leavers(org, today).await.unwrap();
    let everyone = dir.path().join("everyone.csv").display().to_string();
    let out = skillgym(&db, &["export", "staff", "-o", &everyone]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let all = std::fs::read_to_string(&everyone).unwrap();
    let mut lines: Vec<&str> = all.lines().collect();
    lines.truncate(lines.len() - 2);
    let full = write_file(&dir, "full.csv", &(lines.join("\n") + "\n"));

    let out = skillgym(&db, &["import", "staff", &full]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("2 people in skillgym are not in the file and were left as they are"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(db.store.leavers(org, today).await.unwrap().0, leavers);

    let out = skillgym(&db, &["import", "staff", &full, "--absent", "left"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("2 people who are not in the file were marked as having left today."),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(db.store.leavers(org, today).await.unwrap().0, leavers + 2);
    let filter = skillgym_store::AuditFilter {
        limit: 100,
        ..Default::default()
    };
    let (trail, _) = db.store.audit_events(org, &filter).await.unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.action_code == "staff-imported" && e.detail.contains("left=2")),
        "the audit trail records the leavers"
    );

    // A file cut short would mark most people as leavers: refused without --yes.
    let before = people(&db.store).await;
    let cut = write_file(
        &dir,
        "cut.csv",
        &format!("{HEADER}\nC0101,Cut,Short,,employee,Library Assistant,frontline,16,,,,CEN\n"),
    );
    let out = skillgym(&db, &["import", "staff", &cut, "--absent", "left"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Nothing was imported") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(people(&db.store).await, before, "nothing written");
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["import", "staff", &cut, "--absent", "left"])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LANG", "cy")
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("mwy na hanner"),
        "{}",
        text(&out.stderr)
    );
    let out = skillgym(&db, &["import", "staff", &cut, "--absent", "left", "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(people(&db.store).await, before + 1);
}

async fn staff_files_import_once_and_bad_ones_are_explained(backend: Backend) {
    let db = demo_db(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let before = people(&db.store).await;
    let good = write_file(
        &dir,
        "good.csv",
        &format!(
            "{HEADER}\nC0001,Owain,Rees,owain.rees@example.org,employee,Library Assistant,frontline,16,,,,CEN\n\
             C0002,Lowri,Rees,,volunteer,Digital Buddy,frontline,3,,C0001,,CEN\n"
        ),
    );
    let out = skillgym(&db, &["import", "staff", &good]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Imported: 2 added, 0 updated"),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["import", "staff", &good]);
    assert!(text(&out.stdout).contains("0 added, 0 updated, 2 unchanged"));
    assert_eq!(people(&db.store).await, before + 2);

    let bad = write_file(
        &dir,
        "bad.csv",
        &format!(
            "{HEADER}\nC0003,Ok,Person,,employee,Library Assistant,frontline,16,,,,CEN\n\
             C0004,Bad,Email,bad@@example.org,employee,Library Assistant,frontline,16,,,,CEN\n\
             C0005,No,Site,,employee,Library Assistant,frontline,16,,,,XYZ\n"
        ),
    );
    let out = skillgym(&db, &["import", "staff", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Nothing was imported: the file has 2 problems"),
        "{err}"
    );
    assert!(err.contains("line 3, column email"), "{err}");
    assert!(err.contains("line 4, column sites"), "{err}");
    assert_eq!(people(&db.store).await, before + 2);

    let out = skillgym(&db, &["import", "staff", "/no/such/file.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Cannot read /no/such/file.csv"));
    // In Welsh too.
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["import", "staff", &bad])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LANG", "cy")
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("llinell 3"),
        "{}",
        text(&out.stderr)
    );
}

async fn export_writes_a_staff_file_that_imports_unchanged(backend: Backend) {
    let db = demo_db(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("everyone.csv").display().to_string();
    let out = skillgym(&db, &["export", "staff", "--output", &path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read_to_string(&path).unwrap();
    assert_eq!(exported.lines().count() as i64, people(&db.store).await + 1);
    let out = skillgym(&db, &["import", "staff", &path]);
    assert!(
        text(&out.stdout).contains("0 added, 0 updated"),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["export", "staff"]);
    assert_eq!(text(&out.stdout), exported, "to the screen, the same file");
    // Both are in the audit trail, done at the command line by no one in particular.
    let org = db.store.default_organisation().await.unwrap().unwrap();
    let filter = skillgym_store::AuditFilter {
        limit: 100,
        ..Default::default()
    };
    let events = db.store.audit_events(org.id, &filter).await.unwrap().0;
    let codes: Vec<&str> = events.iter().map(|e| e.action_code.as_str()).collect();
    assert_eq!(
        codes,
        ["staff-exported", "staff-imported", "staff-exported"]
    );
    assert!(events.iter().all(|e| e.actor.is_none()
        && e.actor_kind == "command-line"
        && e.detail.starts_with("command-line")));
}

async fn killing_an_import_half_way_leaves_the_database_unchanged(backend: Backend) {
    let db = demo_db(backend).await;
    let before = people(&db.store).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.csv");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(file, "{HEADER}").unwrap();
        for i in 0..150_000 {
            writeln!(
                file,
                "K{i:06},Given{i},Family,k{i}@example.org,employee,Library Assistant,frontline,18.5,2020-01-01,,Large team,CEN"
            )
            .unwrap();
        }
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["import", "staff", &path.display().to_string()])
        .env("DATABASE_URL", &db.url)
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let started = Instant::now();
    let mut line = String::new();
    while !line.contains("Saving") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "import ended before saving"
        );
        assert!(started.elapsed() < Duration::from_secs(120));
    }
    std::thread::sleep(Duration::from_millis(150));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import must still be running when killed"
    );
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();

    // A new process opens the database as after a crash.
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(people(&store).await, before, "no half-written import");
    let org = store.default_organisation().await.unwrap().unwrap();
    assert!(
        !store
            .teams(org.id)
            .await
            .unwrap()
            .iter()
            .any(|t| t.name == "Large team")
    );
    store.close().await;
}

async fn a_first_administrator_gets_an_organisation_and_a_sign_in_link(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(
        &db,
        &[
            "user",
            "create-admin",
            "--email",
            "Head.Of.Service@Example.org",
            "--given-name",
            "Carys",
            "--family-name",
            "Morgan",
            "--organisation-name",
            "Example Libraries",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("head.of.service@example.org is now an administrator"),
        "{stdout}"
    );
    assert!(stdout.contains("/access/"), "{stdout}");
    let org = db.store.default_organisation().await.unwrap().unwrap();
    assert_eq!(org.name, "Example Libraries");
    let out = skillgym(
        &db,
        &[
            "user",
            "create-admin",
            "--email",
            "head.of.service@example.org",
        ],
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("already has an account"), "{stdout}");
    // An existing admin gets a fresh link too: the way in without a password.
    assert!(stdout.contains("/access/"), "{stdout}");
    let out = skillgym(&db, &["user", "create-admin", "--email", "nonsense"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Enter an email address in the correct format"));
}

async fn create_admin_links_to_the_public_url_and_never_clashes_on_employee_number(
    backend: Backend,
) {
    let db = TestDb::unmigrated(backend).await;
    let create = |email: &str, env: Option<&str>, flag: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
        command
            .args(["user", "create-admin", "--email", email])
            .env("DATABASE_URL", &db.url)
            .env("SKILLGYM_LOG", "warn")
            .env_remove("SKILLGYM_LANG")
            .env_remove("SKILLGYM_PUBLIC_URL")
            .env("LANG", "C.UTF-8");
        if let Some(url) = env {
            command.env("SKILLGYM_PUBLIC_URL", url);
        }
        if let Some(url) = flag {
            command.args(["--public-url", url]);
        }
        command.output().expect("skillgym runs")
    };
    // The link is for the address people use, from the environment or the flag.
    let out = create(
        "first@example.org",
        Some("https://skills.example.gov.uk/"),
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("https://skills.example.gov.uk/access/"),
        "{}",
        text(&out.stdout)
    );
    let out = create(
        "first@example.org",
        Some("https://ignored.example.org"),
        Some("https://sgiliau.example.gov.uk"),
    );
    assert!(
        text(&out.stdout).contains("https://sgiliau.example.gov.uk/access/"),
        "the flag comes before the environment: {}",
        text(&out.stdout)
    );

    // Employee numbers ADMIN-<seconds> for the next minute are taken already, as by
    // administrators created in the same second: the next one is created all the same.
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for second in now..now + 60 {
        use skillgym_domain::*;
        let input = skillgym_store::PersonInput {
            employee_number: EmployeeNumber::parse(&format!("ADMIN-{second}")).unwrap(),
            given_name: PersonName::parse("Someone").unwrap(),
            family_name: PersonName::parse("Else").unwrap(),
            email: None,
            employment: Employment::Employee,
            job_role: JobRole::parse("Library Assistant").unwrap(),
            job_family: JobFamily::Frontline,
            contracted_hours: ContractedHours::FULL_TIME,
            start_date: None,
            left_on: None,
            line_manager: None,
            team: None,
            sites: Vec::new(),
        };
        // The first administrator may hold one of them already.
        match db
            .store
            .create_person(org, &input, skillgym_store::Actor::CommandLine)
            .await
        {
            Ok(_) | Err(skillgym_store::StoreError::Taken("employee_number")) => {}
            Err(e) => panic!("{e}"),
        }
    }
    for email in ["second@example.org", "third@example.org"] {
        let out = create(email, None, None);
        assert!(out.status.success(), "{email}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("is now an administrator"));
    }
}

/// `skillgym export staff | head -1`: the reader closes the pipe before the command has written
/// everything. The command stops quietly with status 0, rather than panicking (status 101) or
/// printing "Broken pipe".
async fn a_reader_that_stops_reading_ends_the_command_quietly(backend: Backend) {
    let db = demo_db(backend).await;
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    let framework = db.store.frameworks(org).await.unwrap().remove(0).code;
    let campaign = db.store.campaigns(org).await.unwrap()[0].id.to_string();
    let commands: [&[&str]; 5] = [
        &["export", "staff"],
        &["export", "framework", &framework, "--format", "csv"],
        &["report", &campaign, "--format", "json", "--profiles"],
        // Commands that print a line or two once their work is done.
        &["migrate"],
        &["user", "create-admin", "--email", "reader@example.org"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_skillgym"))
            .args(args)
            .env("DATABASE_URL", &db.url)
            .env("SKILLGYM_LOG", "warn")
            .env_remove("SKILLGYM_LANG")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes before the command writes anything (it has a database to open
        // first), so every write meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

async fn password_sign_in_is_turned_back_on_from_the_command_line(backend: Backend) {
    let db = demo_db(backend).await;
    let store = &db.store;
    let org = store.default_organisation().await.unwrap().unwrap().id;
    // Without single sign-on, passwords cannot be turned off: nobody could sign in.
    let out = skillgym(&db, &["sign-in", "passwords", "off"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Single sign-on is not set up"),
        "{}",
        text(&out.stderr)
    );
    let out = skillgym(&db, &["sign-in", "passwords", "on"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Password sign-in was already on"));

    // Single sign-on set up with passwords off, and then the provider breaks.
    store
        .save_single_sign_on(
            org,
            &skillgym_store::SingleSignOnInput {
                issuer_url: "https://idp.example.gov.uk".into(),
                client_id: "skillgym".into(),
                client_secret: Some("s3cret".into()),
                employee_number_claim: None,
                password_sign_in: false,
            },
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    assert!(!store.password_sign_in_allowed(org).await.unwrap());
    let out = skillgym(&db, &["sign-in", "passwords", "on"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Password sign-in is on again"), "{stdout}");
    assert!(
        stdout.contains("skillgym user create-admin --email"),
        "{stdout}"
    );
    assert!(store.password_sign_in_allowed(org).await.unwrap());
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::SignInChanged),
        limit: 10,
        ..Default::default()
    };
    let (events, _) = store.audit_events(org, &filter).await.unwrap();
    // Newest first: turned on at the command line, after being turned off with the settings.
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].detail, "passwords-off");
    assert_eq!(events[0].actor_kind, "command-line");
    assert_eq!(events[0].detail, "command-line passwords-on");

    let out = skillgym(&db, &["sign-in", "passwords", "off"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Password sign-in is off"));
    assert!(!store.password_sign_in_allowed(org).await.unwrap());
    let (events, _) = store.audit_events(org, &filter).await.unwrap();
    assert_eq!(events[0].detail, "command-line passwords-off");
    let out = skillgym(&db, &["sign-in", "passwords", "maybe"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_explains_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .arg("--help")
        .output()
        .unwrap();
    let help = text(&out.stdout);
    for command in [
        "serve", "demo", "migrate", "import", "export", "user", "sign-in",
    ] {
        assert!(help.contains(command), "{command} in {help}");
    }
}

async fn survey_responses_import_once_and_bad_ones_are_explained(backend: Backend) {
    let db = demo_db(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    let campaign = db.store.campaigns(org).await.unwrap()[0].id;
    let c = db.store.campaign(org, campaign).await.unwrap();
    let codes: Vec<&str> = c.areas[0]
        .competences
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    let mapping = write_file(
        &dir,
        "mapping.json",
        &format!(
            r#"{{"respondent": {{"by": "anonymous"}},
                "columns": [
                  {{"column": "B", "competence": "{}"}},
                  {{"column": "C", "competence": "{}", "labels": {{"Expert": 5}}}}
                ]}}"#,
            codes[0], codes[1]
        ),
    );
    let header = "Respondent ID,How strong are you?,\n,First,Second\n";
    let good = write_file(
        &dir,
        "good.csv",
        &format!("{header}9001,1 - not strong,Not sure\n9002,4,Expert\n"),
    );
    let id = campaign.to_string();
    let args = [
        "import",
        "responses",
        &good,
        "--campaign",
        &id,
        "--mapping",
        &mapping,
    ];
    let out = skillgym(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Imported: 2 responses added, 0 updated"),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &args);
    assert!(text(&out.stdout).contains("0 responses added, 2 updated"));
    let sources = skillgym_test_db::oracle::response_sources(&db, campaign)
        .await
        .unwrap();
    assert_eq!(
        sources.get("import"),
        Some(&2),
        "re-importing does not count twice"
    );

    let bad = write_file(
        &dir,
        "bad.csv",
        &format!("{header}9001,1,2\n9003,7 - superb,Wizard\n"),
    );
    let out = skillgym(
        &db,
        &[
            "import",
            "responses",
            &bad,
            "--campaign",
            &id,
            "--mapping",
            &mapping,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Nothing was imported: there are 2 problems"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4, column B: How strong are you? | First: \"7 - superb\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4, column C: How strong are you? | Second"),
        "{stderr}"
    );
    assert_eq!(
        skillgym_test_db::oracle::response_sources(&db, campaign)
            .await
            .unwrap(),
        sources
    );
    // The same file as SurveyMonkey writes it, with Windows line endings: the same lines.
    let crlf = write_file(
        &dir,
        "crlf.csv",
        &format!("{header}9001,1,2\n9003,7 - superb,Wizard\n").replace('\n', "\r\n"),
    );
    let out = skillgym(
        &db,
        &[
            "import",
            "responses",
            &crlf,
            "--campaign",
            &id,
            "--mapping",
            &mapping,
        ],
    );
    assert_eq!(text(&out.stderr), stderr.replace("bad.csv", "crlf.csv"));
    // A mapping that does not say who answered is refused in a sentence.
    let no_respondent = write_file(
        &dir,
        "no-respondent.json",
        &format!(
            r#"{{"columns": [{{"column": "B", "competence": "{}"}}]}}"#,
            codes[0]
        ),
    );
    let out = skillgym(
        &db,
        &[
            "import",
            "responses",
            &good,
            "--campaign",
            &id,
            "--mapping",
            &no_respondent,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("The mapping does not say who answered") && !stderr.contains("column 1"),
        "{stderr}"
    );

    let out = skillgym(
        &db,
        &[
            "import",
            "responses",
            &good,
            "--campaign",
            "999999",
            "--mapping",
            &mapping,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no campaign 999999"));
    let out = skillgym(
        &db,
        &[
            "import",
            "responses",
            &good,
            "--campaign",
            &id,
            "--mapping",
            "no such mapping",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Cannot read the mapping"));
}

/// Email settings are checked at start: an SMTP server needs a sender, and a bad one is named.
#[tokio::test]
async fn serve_explains_incomplete_email_settings() {
    let db = TestDb::unmigrated(Backend::Sqlite).await;
    let out = skillgym(
        &db,
        &[
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--smtp-url",
            "smtp://127.0.0.1:2525",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("SKILLGYM_MAIL_FROM"),
        "{}",
        text(&out.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let settings = write_file(
        &dir,
        "skillgym.toml",
        "smtp_url = \"smtp://127.0.0.1:2525\"\nmail_from = \"not an address\"\n",
    );
    let out = skillgym(
        &db,
        &["--config", &settings, "serve", "--bind", "127.0.0.1:0"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("SKILLGYM_MAIL_FROM is not a valid email address"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn serve_explains_a_bad_secret_key() {
    let db = TestDb::unmigrated(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir", &data])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_SECRET_KEY", "not-a-key")
        .env("SKILLGYM_LOG", "warn")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("The secret key from SKILLGYM_SECRET_KEY is not valid")
            && stderr.contains("openssl rand -base64 32"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A damaged key file is named.
    std::fs::write(dir.path().join("secret.key"), "garbage\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir", &data])
        .env("DATABASE_URL", &db.url)
        .env_remove("SKILLGYM_SECRET_KEY")
        .env("SKILLGYM_LOG", "warn")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("secret.key is not valid"), "{stderr}");
}

/// Starts `skillgym serve` and returns what it wrote to stderr until it listened, then stops it.
fn serve_until_listening(db: &TestDb, data: &str, key: Option<&str>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
    command
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir", data])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LOG", "warn")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match key {
        Some(key) => command.env("SKILLGYM_SECRET_KEY", key),
        None => command.env_remove("SKILLGYM_SECRET_KEY"),
    };
    let mut child = command.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if line.unwrap().contains("skillgym is running at") {
            break;
        }
    }
    child.kill().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    child.wait().unwrap();
    stderr
}

#[tokio::test]
async fn serve_makes_a_private_key_file_and_warns_of_a_different_key() {
    let db = demo_db(Backend::Sqlite).await;
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    // The test's own store seals the secret with a key of its own.
    db.store
        .save_single_sign_on(
            org,
            &skillgym_store::SingleSignOnInput {
                issuer_url: "https://idp.example.gov.uk".into(),
                client_id: "skillgym".into(),
                client_secret: Some("s3cret".into()),
                employee_number_claim: None,
                password_sign_in: true,
            },
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let stderr = serve_until_listening(&db, &data, None);
    let key_file = dir.path().join("secret.key");
    assert!(
        stderr.contains("A new secret key was made in") && stderr.contains("secret.key"),
        "{stderr}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        stderr.contains("encrypted with a different secret key"),
        "{stderr}"
    );
    // Started again: the same file, nothing new to say about it.
    let key = std::fs::read_to_string(&key_file).unwrap();
    let stderr = serve_until_listening(&db, &data, None);
    assert!(!stderr.contains("A new secret key"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), key);
    // With the key given instead, no file is needed.
    let other = tempfile::tempdir().unwrap();
    let stderr = serve_until_listening(&db, &other.path().display().to_string(), Some(key.trim()));
    assert!(!other.path().join("secret.key").exists(), "{stderr}");
}

/// A mistake on the command line is told in the reader's language, with clap's exit code 2,
/// and touches nothing.
#[test]
fn a_usage_mistake_is_told_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let run = |lang: &str, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_skillgym"))
            .args(args)
            .env_remove("DATABASE_URL")
            .env("SKILLGYM_DATA_DIR", dir.path())
            .env("SKILLGYM_LANG", lang)
            .output()
            .unwrap()
    };
    let en = run("en", &["demo", "--no-serve", "--response-rate", "0"]);
    assert_eq!(en.status.code(), Some(2));
    let message = text(&en.stderr);
    assert!(
        message.contains("“0” is not a value --response-rate"),
        "{message}"
    );
    assert!(message.contains("skillgym demo --help"), "{message}");
    let cy = run("cy", &["demo", "--no-serve", "--response-rate", "0"]);
    assert_eq!(cy.status.code(), Some(2));
    let message = text(&cy.stderr);
    assert!(message.contains("Nid yw “0” yn werth"), "{message}");
    assert!(!dir.path().join("demo.db").exists());

    let help = run("cy", &["demo", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let shown = text(&help.stdout);
    assert!(shown.contains("Dangos cymorth") && !shown.contains("Print help"));
}

/// A trusted proxy that is not an address or a range is named at start, wherever it came from
/// (flag, environment, settings file), and nothing is served.
#[tokio::test]
async fn serve_explains_a_bad_trusted_proxy() {
    let db = TestDb::unmigrated(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let settings = write_file(
        &dir,
        "skillgym.toml",
        "trusted_proxies = [\"10.0.0.0/8\", \"10.0.0.0/40\"]\n",
    );
    let run = |args: &[&str], env: Option<&str>, lang: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
        command
            .args(args)
            .args(["--bind", "127.0.0.1:0", "--data-dir", &data])
            .env("DATABASE_URL", &db.url)
            .env("SKILLGYM_LOG", "warn")
            .env("SKILLGYM_LANG", lang)
            .env_remove("SKILLGYM_TRUSTED_PROXIES");
        if let Some(value) = env {
            command.env("SKILLGYM_TRUSTED_PROXIES", value);
        }
        command.output().unwrap()
    };
    for (args, env, named) in [
        (
            &["serve", "--trusted-proxy", "127.0.0.1/32,proxy.internal"][..],
            None,
            "proxy.internal",
        ),
        (
            &["serve"][..],
            Some("127.0.0.1, 10.0.0.0/33"),
            "10.0.0.0/33",
        ),
        (&["--config", &settings, "serve"][..], None, "10.0.0.0/40"),
    ] {
        let out = run(args, env, "en");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "The trusted proxy \"{named}\" is not an address or a range of addresses"
            )),
            "{stderr}"
        );
    }
    let out = run(&["serve", "--trusted-proxy", "nonsense"], None, "cy");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Nid yw'r dirprwy dibynadwy \"nonsense\""),
        "{stderr}"
    );
}

/// Starts `skillgym serve` with `args` and `env`, and returns its log (at info) until it listened.
fn serve_log(db: &TestDb, data: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
    command
        .args(args)
        .args(["--bind", "127.0.0.1:0", "--data-dir", data])
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LOG", "info")
        .env("NO_COLOR", "1")
        .env_remove("SKILLGYM_LANG")
        .env_remove("SKILLGYM_TRUSTED_PROXIES")
        .env_remove("SKILLGYM_PASSWORD_CHECKS")
        .env("LANG", "C.UTF-8")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if line.unwrap().contains("skillgym is running at") {
            break;
        }
    }
    child.kill().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    child.wait().unwrap();
    stderr
}

/// How many password checks run at once and which proxies are trusted come from the flag, the
/// environment or the settings file, in that order; with none, two per core and no proxy.
#[tokio::test]
async fn serve_takes_its_sign_in_limits_from_flags_environment_or_settings_file() {
    let db = TestDb::unmigrated(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data").display().to_string();
    let settings = write_file(
        &dir,
        "elsewhere.toml",
        "password_checks = 7\ntrusted_proxies = [\"192.0.2.0/24\", \"2001:db8::1\"]\n",
    );
    let cores = std::thread::available_parallelism().unwrap().get();
    let limits = |log: &str| {
        log.lines()
            .find(|l| l.contains("sign-in limits"))
            .unwrap_or_else(|| panic!("no sign-in limits in {log}"))
            .to_string()
    };
    let flags = limits(&serve_log(
        &db,
        &data,
        &[
            "--config",
            &settings,
            "serve",
            "--password-checks",
            "3",
            "--trusted-proxy",
            "10.0.0.0/8",
            "--trusted-proxy",
            "127.0.0.1",
        ],
        &[("SKILLGYM_PASSWORD_CHECKS", "5")],
    ));
    assert!(
        flags.contains("password_checks=3")
            && flags.contains("trusted_proxies=10.0.0.0/8,127.0.0.1/32"),
        "{flags}"
    );
    let env = limits(&serve_log(
        &db,
        &data,
        &["--config", &settings, "serve"],
        &[
            ("SKILLGYM_PASSWORD_CHECKS", "5"),
            ("SKILLGYM_TRUSTED_PROXIES", "10.1.0.0/16, 10.2.0.0/16"),
        ],
    ));
    assert!(
        env.contains("password_checks=5")
            && env.contains("trusted_proxies=10.1.0.0/16,10.2.0.0/16"),
        "{env}"
    );
    let file = limits(&serve_log(
        &db,
        &data,
        &["--config", &settings, "serve"],
        &[],
    ));
    assert!(
        file.contains("password_checks=7")
            && file.contains("trusted_proxies=192.0.2.0/24,2001:db8::1/128"),
        "{file}"
    );
    let none = limits(&serve_log(&db, &data, &["serve"], &[]));
    assert!(
        none.contains(&format!("password_checks={}", 2 * cores))
            && none.trim_end().ends_with("trusted_proxies="),
        "{none}"
    );
    // None at a time would let nobody sign in.
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["serve", "--password-checks", "0", "--data-dir", &data])
        .env("DATABASE_URL", &db.url)
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
