//! The real app on a random port with a fresh database, driven over HTTP like a browser.
#![allow(dead_code)]

pub mod answering;
pub mod smtp;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use skillgym_domain::demo::{self, DEMO_PASSWORD, DemoOptions};
use skillgym_domain::{CampaignId, OrganisationId, PersonId, SiteId};
use skillgym_i18n::{Lang, Tr};
use skillgym_reporting::report::campaign_report;
use skillgym_reporting::{AnalysisCache, CampaignReport, ReportError, ReportOptions, Reports};
use skillgym_store::{AuditAction, AuditFilter, Store};
use skillgym_test_db::{Backend, TestDb};
use skillgym_web::WebConfig;
use std::sync::OnceLock;

pub struct TestApp {
    pub url: String,
    pub db: TestDb,
    pub org: OrganisationId,
}

/// Hashing is slow on purpose; every test's demo accounts share one hash.
fn demo_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| skillgym_web::hash_password(DEMO_PASSWORD).unwrap())
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, WebConfig::default()).await
}

pub async fn spawn_app_with(backend: Backend, mut config: WebConfig) -> TestApp {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 60,
        seed: 11,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, demo_hash(), &|_| {})
        .await
        .expect("the demo loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    // A test that sets a public URL plays skillgym behind a proxy at that address.
    if !config.public_url_configured {
        config.public_url = url.clone();
    }
    let app = skillgym_web::app(db.store.clone(), config);
    tokio::spawn(async move {
        axum_serve(listener, app).await;
    });
    TestApp {
        url,
        db,
        org: org.id,
    }
}

/// A second organisation in the same skillgym, of the same shape as the first (the same demo,
/// its people's emails at `domain` instead of `afon.example`, as an email belongs to one
/// account); its id.
pub async fn add_organisation(app: &TestApp, name: &str, domain: &str) -> OrganisationId {
    let generated = demo::generate(&DemoOptions {
        people: 60,
        seed: 11,
        ..Default::default()
    })
    .renamed(name, name, domain);
    app.store()
        .seed_demo(&generated, demo_hash(), &|_| {})
        .await
        .expect("the second organisation loads")
        .id
}

async fn axum_serve(listener: tokio::net::TcpListener, app: axum::Router) {
    skillgym_web::serve(listener, app).await.unwrap();
}

/// A browser: keeps cookies, does not follow redirects (tests look at them).
pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The hidden CSRF token in a page's first form.
pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .expect("the page has a form with a CSRF token")
        + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

impl TestApp {
    pub fn store(&self) -> &Store {
        &self.db.store
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, client: &Client, path: &str) -> String {
        let response = self.get(client, path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.text().await.unwrap()
    }

    /// A CSV download: its header and its rows of cells (without the byte-order mark).
    pub async fn csv_file(&self, client: &Client, path: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let text = self.page(client, path).await;
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        (header, rows)
    }

    /// A CSRF token for this browser, read from a page it may see.
    pub async fn csrf(&self, client: &Client) -> String {
        let response = self.get(client, "/sign-in").await;
        let html = if response.status() == StatusCode::OK {
            response.text().await.unwrap()
        } else {
            self.page(client, "/me").await
        };
        csrf_in(&html)
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post(&self, client: &Client, path: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf(client).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        client
            .post(format!("{}{path}", self.url))
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// Posts a multipart form, as a page with a file field sends it, with this browser's CSRF
    /// token added: the text `fields`, and the file `(field, name, bytes)` if one is given.
    pub async fn post_file(
        &self,
        client: &Client,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, Vec<u8>)>,
    ) -> Response {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf(client).await);
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        if let Some((field, name, bytes)) = file {
            form = form.part(
                field.to_string(),
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            );
        }
        client
            .post(format!("{}{path}", self.url))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    /// A browser signed in as `email` with the demo password.
    pub async fn signed_in(&self, email: &str) -> Client {
        let client = browser();
        let response = self
            .post(
                &client,
                "/sign-in",
                &[("email", email), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign in as {email}"
        );
        client
    }

    pub async fn person_id(&self, employee_number: &str) -> PersonId {
        self.store().person_ids(self.org).await.unwrap()[employee_number]
    }

    /// The person whose account has this email.
    pub async fn person_by_email(&self, email: &str) -> PersonId {
        self.store()
            .account_by_email(&skillgym_domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap()
            .person_id
    }

    /// The people working at `site` now (it is among their sites, and they have not left),
    /// by id.
    pub async fn people_working_at(&self, site: SiteId) -> Vec<PersonId> {
        let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
        let mut out = Vec::new();
        let mut ids: Vec<PersonId> = self
            .store()
            .person_ids(self.org)
            .await
            .unwrap()
            .into_values()
            .collect();
        ids.sort();
        for id in ids {
            let p = self.store().person(self.org, id).await.unwrap();
            if p.sites.iter().any(|(s, _)| *s == site) && p.left_on.is_none_or(|d| d > today) {
                out.push(id);
            }
        }
        out
    }

    /// The actions of the organisation's audit trail (up to 1,000), newest first.
    pub async fn audit_actions(&self) -> Vec<AuditAction> {
        self.store()
            .audit_events(
                self.org,
                &AuditFilter {
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .0
            .into_iter()
            .filter_map(|e| e.action)
            .collect()
    }

    pub async fn people_count(&self) -> i64 {
        self.store().people_counts(self.org).await.unwrap().total
    }

    /// The campaign's report as `skillgym report` works it out, in English, with a cache of
    /// its own (as the command line has).
    pub async fn report(
        &self,
        campaign: CampaignId,
        options: &ReportOptions,
    ) -> Result<CampaignReport, ReportError> {
        let cache = AnalysisCache::default();
        let reports = Reports::open(self.store(), &cache, self.org).await?;
        campaign_report(&reports, campaign, options, &Tr::new(Lang::En)).await
    }

    /// The same report as the JSON `skillgym report` writes, as a value (parsing the text back
    /// could move a float by its last bit: serde_json parses fast, not exactly, by default).
    pub async fn report_json(&self, campaign: CampaignId) -> serde_json::Value {
        let report = self.report(campaign, &ReportOptions::default()).await;
        serde_json::to_value(report.unwrap()).unwrap()
    }
}

/// The number in a search's results heading: "N services found, of M".
pub fn results_found(html: &str) -> usize {
    let at = html.find(" found, of ").expect("a results heading");
    let start = html[..at].rfind('>').unwrap() + 1;
    html[start..at]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub fn location(response: &Response) -> &str {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

/// The instant the UK's clock shows `hour`:00 on `day`: when a scheduled email job runs.
pub fn uk_at(day: time::Date, hour: u8) -> i64 {
    skillgym_domain::uk_time::instant(time::PrimitiveDateTime::new(
        day,
        time::Time::from_hms(hour, 0, 0).unwrap(),
    ))
    .unwrap()
}

/// The first Monday after `day`, when the weekly emails go.
pub fn next_monday(day: time::Date) -> time::Date {
    let mut d = day + time::Duration::days(1);
    while d.weekday() != time::Weekday::Monday {
        d += time::Duration::days(1);
    }
    d
}
