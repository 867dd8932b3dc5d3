//! The real `skillgym serve`, driven over HTTP while the command line works on its database:
//! a manager marked as having left by `import staff --absent left` is signed out at once, and
//! the request log (the server's stderr) never holds a link's token.

mod common;

use common::{skillgym, text};
use skillgym_domain::{CampaignId, Email};
use skillgym_store::{InvitationSettings, SecretKey, Store};
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

async fn demo_db(backend: Backend) -> TestDb {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(&db, &["demo", "--no-serve", "--people", "60"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

/// `skillgym serve` on a free port, its stdout and stderr read as they come.
struct Server {
    child: Child,
    url: String,
    stderr: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
    _data: tempfile::TempDir,
}

impl Server {
    fn start(db: &TestDb, key: &str) -> Self {
        Self::start_with(db, key, &[])
    }

    fn start_with(db: &TestDb, key: &str, args: &[&str]) -> Self {
        let data = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_skillgym"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data.path())
            .args(args)
            .env("DATABASE_URL", &db.url)
            .env("SKILLGYM_SECRET_KEY", key)
            .env("SKILLGYM_LOG", "info")
            .env_remove("SKILLGYM_LOG_FORMAT")
            .env_remove("SKILLGYM_LANG")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Both pipes are read to the end, so the server never blocks (or fails) writing.
        let (found, url) = mpsc::channel();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut readers = vec![std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if let Some((_, at)) = line.split_once("skillgym is running at ") {
                    let _ = found.send(at.trim().trim_end_matches('/').to_string());
                }
            }
        })];
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        readers.push(std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }));
        let url = url
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("serve started: {}", stderr.lock().unwrap()));
        Self {
            child,
            url,
            stderr,
            readers,
            _data: data,
        }
    }

    /// Stops the server; returns everything it wrote to stderr.
    fn stop(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        for reader in self.readers.drain(..) {
            reader.join().unwrap();
        }
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a form") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

async fn page(client: &reqwest::Client, url: &str) -> (reqwest::StatusCode, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn sign_in(server: &Server, email: &str) -> reqwest::Client {
    let client = browser();
    let (_, html) = page(&client, &format!("{}/sign-in", server.url)).await;
    let response = client
        .post(format!("{}/sign-in", server.url))
        .form(&[
            ("csrf", csrf_in(&html).as_str()),
            ("email", email),
            ("password", skillgym_domain::demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "{email}");
    client
}

/// Where GET / sends this browser: "" for the home page itself.
async fn home(server: &Server, client: &reqwest::Client) -> String {
    let response = client.get(format!("{}/", server.url)).send().await.unwrap();
    match response.headers().get("location") {
        Some(to) => to.to_str().unwrap().to_string(),
        None => {
            assert_eq!(response.status(), reqwest::StatusCode::OK);
            String::new()
        }
    }
}

both_backends!(
    a_manager_marked_as_left_at_the_command_line_is_signed_out_at_once,
    the_request_log_never_holds_a_link_token,
    the_session_lifetime_is_read_from_the_command_line,
);

/// `--session-lifetime-hours 1`: a session started 61 minutes ago has ended, however recently
/// it was used; one started 50 minutes ago has not. Out of range, `serve` says so and stops.
async fn the_session_lifetime_is_read_from_the_command_line(backend: Backend) {
    let db = demo_db(backend).await;
    let (_, key) = SecretKey::generate().unwrap();
    let server = Server::start_with(&db, &key, &["--session-lifetime-hours", "1"]);
    let client = sign_in(&server, "learner@afon.example").await;
    let started = |ago: i64| {
        let url = db.url.clone();
        async move {
            let pool = sqlx::AnyPool::connect(&url).await.unwrap();
            sqlx::query("UPDATE sessions SET created_at = $1")
                .bind(skillgym_store::now() - ago)
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
    };
    started(50 * 60).await;
    assert_eq!(home(&server, &client).await, "");
    started(61 * 60).await;
    assert_eq!(home(&server, &client).await, "/sign-in");
    server.stop();

    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(data.path())
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_SESSION_LIFETIME_HOURS", "0")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("must be a whole number of hours from 1 to 720"),
        "{}",
        text(&out.stderr)
    );
}

async fn a_manager_marked_as_left_at_the_command_line_is_signed_out_at_once(backend: Backend) {
    let db = demo_db(backend).await;
    let (_, key) = SecretKey::generate().unwrap();
    let server = Server::start(&db, &key);
    let manager = sign_in(&server, "manager@afon.example").await;
    assert_eq!(home(&server, &manager).await, "");
    let org = db.store.default_organisation().await.unwrap().unwrap().id;
    let account = db
        .store
        .account_by_email(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let number = db
        .store
        .person(org, account.person_id)
        .await
        .unwrap()
        .employee_number
        .to_string();

    let dir = tempfile::tempdir().unwrap();
    let everyone = dir.path().join("everyone.csv").display().to_string();
    let out = skillgym(&db, &["export", "staff", "-o", &everyone]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file: Vec<String> = std::fs::read_to_string(&everyone)
        .unwrap()
        .lines()
        .filter(|l| l.split(',').next() != Some(number.as_str()))
        .map(str::to_string)
        .collect();
    let without = dir.path().join("without.csv").display().to_string();
    std::fs::write(&without, file.join("\n") + "\n").unwrap();
    let out = skillgym(&db, &["import", "staff", &without, "--absent", "left"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    assert_eq!(
        home(&server, &manager).await,
        "/sign-in",
        "signed out at once"
    );
    // Their password now gets the page that says their access has ended.
    let client = browser();
    let (_, html) = page(&client, &format!("{}/sign-in", server.url)).await;
    let response = client
        .post(format!("{}/sign-in", server.url))
        .form(&[
            ("csrf", csrf_in(&html).as_str()),
            ("email", "manager@afon.example"),
            ("password", skillgym_domain::demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Your access to skillgym has ended")
    );
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::PersonLeft),
        limit: 10,
        ..Default::default()
    };
    let (events, _) = db.store.audit_events(org, &filter).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor_kind, "command-line");
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(account.person_id)
    );
    server.stop();
}

async fn the_request_log_never_holds_a_link_token(backend: Backend) {
    let db = demo_db(backend).await;
    let (key, key_text) = SecretKey::generate().unwrap();
    // A single-use link, as the command line prints it.
    let out = skillgym(
        &db,
        &["user", "create-admin", "--email", "admin@afon.example"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let access_token = stdout
        .split_whitespace()
        .find_map(|w| w.split_once("/access/").map(|(_, t)| t.to_string()))
        .expect("a link was printed");
    // A password-free link to the open campaign, signed with the server's key.
    let store = Store::connect(&db.url)
        .await
        .unwrap()
        .with_secret_key(Arc::new(key));
    let org = store.default_organisation().await.unwrap().unwrap().id;
    let today = time::OffsetDateTime::now_utc().date();
    let campaign: CampaignId = store
        .campaigns(org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today && today <= c.closes_on)
        .unwrap()
        .id;
    store
        .set_invitation_settings(
            org,
            campaign,
            InvitationSettings {
                links_allowed: true,
                reminder_days: 7,
            },
        )
        .await
        .unwrap();
    let learner = store
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let expires =
        skillgym_web::audit_links::expiry_for(&skillgym_domain::people::format_date(today))
            + 24 * 3600;
    let link_token = skillgym_web::audit_links::sign(&store, learner, campaign, expires)
        .await
        .unwrap();
    store.close().await;

    let server = Server::start(&db, &key_text);
    // Used as people use them: each page, then its form.
    let client = browser();
    let access = format!("{}/access/{access_token}", server.url);
    let (status, html) = page(&client, &access).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{html}");
    let response = client
        .post(&access)
        .form(&[
            ("csrf", csrf_in(&html).as_str()),
            ("password", "three random words"),
            ("confirm", "three random words"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let link = format!("{}/audits/{campaign}/link/{link_token}", server.url);
    let (status, html) = page(&client, &link).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{html}");
    let response = client
        .post(&link)
        .form(&[("csrf", csrf_in(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    // Something ordinary after, so the log is known to have been written through.
    assert_eq!(
        client
            .get(format!("{}/healthz", server.url))
            .send()
            .await
            .unwrap()
            .status(),
        reqwest::StatusCode::OK
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let log = server.stop();

    let signature = link_token.rsplit('.').next().unwrap();
    assert!(
        !log.contains(&access_token),
        "the access token is logged:\n{log}"
    );
    assert!(
        !log.contains(&link_token),
        "the link token is logged:\n{log}"
    );
    assert!(!log.contains(signature), "the link's signature is logged");
    // The requests themselves are there, with the token replaced.
    assert_eq!(log.matches("/access/[token]").count(), 2, "{log}");
    assert_eq!(
        log.matches(&format!("/audits/{campaign}/link/[token]"))
            .count(),
        2,
        "{log}"
    );
}
