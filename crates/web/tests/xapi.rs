//! The Learning Record Store at /xapi/ (docs/xapi.md), driven over HTTP as a learning system
//! drives it: Basic credentials, the version header, statements in and out, the filters and
//! `more` pages, voiding, duplicates, a 10,000-statement batch, and a completion that reaches
//! the training matrix.

mod common;
#[path = "../../xapi/tests/spec/statements.rs"]
mod examples;

use common::{TestApp, add_organisation, spawn_app};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use skillgym_domain::{Email, PersonId};
use skillgym_test_db::{Backend, both_backends};
use std::collections::BTreeSet;
use std::time::Instant;

both_backends!(
    the_specifications_examples_go_in_and_come_back,
    bad_statements_are_refused_with_what_is_wrong,
    credentials_are_checked_before_anything_else,
    a_resent_statement_is_accepted_and_a_different_one_conflicts,
    every_filter_selects_as_the_specification_says,
    more_links_page_through_to_the_end,
    related_filters_page_in_stored_order,
    voided_statements_are_kept_apart,
    ten_thousand_statements_in_one_post,
    a_completed_statement_reaches_the_training_matrix,
);

/// JSON bodies both ways (reqwest's own `json` feature is not in the build).
trait SendJson {
    fn json(self, body: &Value) -> Self;
}

impl SendJson for reqwest::RequestBuilder {
    fn json(self, body: &Value) -> Self {
        self.header("content-type", "application/json")
            .body(body.to_string())
    }
}

trait ReadJson {
    async fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, String>;
}

impl ReadJson for Response {
    async fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, String> {
        let text = self.text().await.map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))
    }
}

/// A query's parameters.
type Pairs<'a> = Vec<(&'a str, String)>;

const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// A learning system with its credentials for one organisation.
struct Lrs {
    url: String,
    key: String,
    secret: String,
    http: Client,
}

impl Lrs {
    async fn new(app: &TestApp, org: skillgym_domain::OrganisationId) -> Lrs {
        let made = app
            .store()
            .create_xapi_client(org, "Test LMS")
            .await
            .unwrap();
        Lrs {
            url: app.url.clone(),
            key: made.client.key,
            secret: made.secret,
            http: Client::new(),
        }
    }

    fn request(&self, method: reqwest::Method, query: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}/xapi/statements{query}", self.url))
            .basic_auth(&self.key, Some(&self.secret))
            .header("X-Experience-API-Version", "1.0.3")
    }

    async fn post(&self, body: &Value) -> Response {
        self.request(reqwest::Method::POST, "")
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn put(&self, id: &str, body: &Value) -> Response {
        self.request(reqwest::Method::PUT, &format!("?statementId={id}"))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn get(&self, pairs: &[(&str, &str)]) -> Response {
        self.http
            .get(format!("{}/xapi/statements", self.url))
            .query(pairs)
            .basic_auth(&self.key, Some(&self.secret))
            .header("X-Experience-API-Version", "1.0.3")
            .send()
            .await
            .unwrap()
    }

    /// The ids a filter query selects, following `more` to the end, in order.
    async fn ids(&self, pairs: &[(&str, &str)]) -> Vec<String> {
        let mut ids = Vec::new();
        let mut response = self.get(pairs).await;
        loop {
            assert_eq!(response.status(), StatusCode::OK, "{pairs:?}");
            let result: Value = response.json().await.unwrap();
            for s in result["statements"].as_array().unwrap() {
                ids.push(s["id"].as_str().unwrap().to_owned());
            }
            let more = result["more"].as_str().unwrap().to_owned();
            if more.is_empty() {
                return ids;
            }
            assert!(more.starts_with("/xapi/"), "{more}");
            response = self
                .http
                .get(format!("{}{more}", self.url))
                .basic_auth(&self.key, Some(&self.secret))
                .header("X-Experience-API-Version", "1.0.3")
                .send()
                .await
                .unwrap();
        }
    }

    async fn stored_ids(&self, body: &Value) -> Vec<String> {
        let response = self.post(body).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn statement(id: &str, mbox: &str, verb: &str, activity: &str) -> Value {
    json!({
        "id": id,
        "actor": { "mbox": format!("mailto:{mbox}") },
        "verb": { "id": verb, "display": { "en-GB": "did", "cy": "gwnaeth" } },
        "object": { "id": activity },
    })
}

fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

async fn the_specifications_examples_go_in_and_come_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;

    let about = Client::new()
        .get(format!("{}/xapi/about", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(about.status(), StatusCode::OK);
    assert_eq!(about.headers()["x-experience-api-version"], "1.0.3");
    assert_eq!(
        about.json::<Value>().await.unwrap()["version"],
        json!(["1.0.3"])
    );

    for text in [
        examples::SIMPLEST,
        examples::VOIDING,
        examples::COMMENT,
        examples::PLANNED,
        examples::APPENDIX_A_SIMPLE,
        examples::APPENDIX_A_COMPLETION,
        examples::APPENDIX_A_LONG,
        examples::APPENDIX_D_SIGNED,
    ] {
        let sent = parse(text);
        let response = lrs.post(&sent).await;
        assert_eq!(response.status(), StatusCode::OK, "{text}");
        assert_eq!(response.headers()["x-experience-api-version"], "1.0.3");
        let ids: Vec<String> = response.json().await.unwrap();
        assert_eq!(ids.len(), 1);
        if let Some(id) = sent["id"].as_str() {
            assert_eq!(ids[0], id);
        }
        let got = lrs.get(&[("statementId", &ids[0])]).await;
        assert_eq!(got.status(), StatusCode::OK);
        assert!(
            got.headers()
                .contains_key("x-experience-api-consistent-through")
        );
        let got: Value = got.json().await.unwrap();
        assert!(skillgym_xapi::same_statement(&sent, &got), "{got}");
        assert_eq!(got["authority"]["account"]["name"], lrs.key.as_str());
        assert!(got["stored"].is_string());
        // Sent again: the same, accepted, nothing new.
        let mut again = sent.clone();
        again["id"] = json!(ids[0]);
        assert_eq!(lrs.post(&again).await.status(), StatusCode::OK);
    }
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 8);

    // PUT with the id in the address.
    let mut simple = parse(examples::APPENDIX_A_SIMPLE);
    simple.as_object_mut().unwrap().remove("id");
    let id = uuid(1);
    let response = lrs.put(&id, &simple).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let got: Value = lrs.get(&[("statementId", &id)]).await.json().await.unwrap();
    assert_eq!(got["id"], id.as_str());

    // format=ids and canonical.
    let ids: Value = lrs
        .get(&[
            ("statementId", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"),
            ("format", "ids"),
        ])
        .await
        .json()
        .await
        .unwrap();
    assert!(ids["verb"].get("display").is_none(), "{ids}");
    // attachments=true: a multipart response holding the statements.
    let multipart = lrs
        .get(&[("statementId", &id), ("attachments", "true")])
        .await;
    assert!(
        multipart.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("multipart/mixed; boundary=")
    );
    assert!(multipart.text().await.unwrap().contains(&id));
}

async fn bad_statements_are_refused_with_what_is_wrong(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let good = statement(&uuid(1), "a@example.org", COMPLETED, "https://x.example/a");
    let mut no_actor = good.clone();
    no_actor.as_object_mut().unwrap().remove("actor");
    let mut bad_verb = good.clone();
    bad_verb["verb"]["id"] = json!("not an iri");
    let mut bad_mbox = good.clone();
    bad_mbox["actor"]["mbox"] = json!("a@example.org");
    let mut extra = good.clone();
    extra["colour"] = json!("blue");
    let mut two_ifis = good.clone();
    two_ifis["actor"]["openid"] = json!("https://id.example/a");
    for (body, path) in [
        (no_actor, "actor"),
        (bad_verb, "verb.id"),
        (bad_mbox, "actor.mbox"),
        (extra, "colour"),
        (two_ifis, "actor"),
        (
            json!([good.clone(), {"actor": good["actor"], "verb": {"id": COMPLETED}}]),
            "[1]",
        ),
        (json!("a statement"), ""),
    ] {
        let response = lrs.post(&body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(response.headers()["x-experience-api-version"], "1.0.3");
        let message: Value = response.json().await.unwrap();
        assert!(
            message["message"].as_str().unwrap().starts_with(path),
            "{path}: {message}"
        );
    }
    // All or nothing: the good first statement of the bad batch is not stored.
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 0);

    let not_json = lrs
        .request(reqwest::Method::POST, "")
        .header("content-type", "application/json")
        .body("{ not json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);
    let as_form = lrs
        .request(reqwest::Method::POST, "")
        .form(&[("a", "b")])
        .send()
        .await
        .unwrap();
    assert_eq!(as_form.status(), StatusCode::BAD_REQUEST);
    // PUT: the id is needed, and must agree with the statement's.
    let response = lrs
        .request(reqwest::Method::PUT, "")
        .json(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        lrs.put(&uuid(2), &good).await.status(),
        StatusCode::BAD_REQUEST
    );
    // GET: parameters are the specification's, spelled its way.
    for pairs in [
        vec![("colour", "blue")],
        vec![("Verb", COMPLETED)],
        vec![("statementId", "not-a-uuid")],
        vec![("statementId", &uuid(1)), ("verb", COMPLETED)],
        vec![("limit", "-1")],
        vec![("agent", "{\"name\": \"no ifi\"}")],
        vec![("more", "zz")],
    ] {
        let response = lrs.get(&pairs).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{pairs:?}");
    }
    // The version header: missing, or a version not spoken.
    for version in [None, Some("0.95"), Some("2.0.0"), Some("1.1")] {
        let mut request = lrs
            .http
            .post(format!("{}/xapi/statements", app.url))
            .basic_auth(&lrs.key, Some(&lrs.secret))
            .json(&good);
        if let Some(v) = version {
            request = request.header("X-Experience-API-Version", v);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{version:?}");
        assert_eq!(response.headers()["x-experience-api-version"], "1.0.3");
    }
    // 1.0 and 1.0.0 are 1.0.x too.
    for version in ["1.0", "1.0.0"] {
        let response = lrs
            .http
            .post(format!("{}/xapi/statements", app.url))
            .basic_auth(&lrs.key, Some(&lrs.secret))
            .header("X-Experience-API-Version", version)
            .json(&good)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{version}");
    }
}

async fn credentials_are_checked_before_anything_else(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let good = statement(&uuid(1), "a@example.org", COMPLETED, "https://x.example/a");
    assert_eq!(lrs.post(&good).await.status(), StatusCode::OK);
    let url = format!("{}/xapi/statements", app.url);
    let http = Client::new();
    for request in [
        http.post(&url).json(&good),
        http.post(&url)
            .basic_auth(&lrs.key, Some("wrong"))
            .header("X-Experience-API-Version", "1.0.3")
            .json(&good),
        http.post(&url)
            .basic_auth("sg-nobody", Some(&lrs.secret))
            .header("X-Experience-API-Version", "1.0.3")
            .json(&good),
        http.get(&url).header("Authorization", "Bearer abc"),
        http.get(&url).header("Authorization", "Basic !!!"),
        http.put(format!("{url}?statementId={}", uuid(1)))
            .json(&good),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(
            response.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Basic")
        );
        assert_eq!(response.headers()["x-experience-api-version"], "1.0.3");
    }
    // Another organisation's client sees none of this one's statements.
    let other = add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = Lrs::new(&app, other).await;
    assert_eq!(
        theirs.get(&[("statementId", &uuid(1))]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(theirs.ids(&[]).await.is_empty());
    // Their own statement with the same id is theirs alone.
    let different = statement(&uuid(1), "b@example.org", COMPLETED, "https://x.example/b");
    assert_eq!(theirs.post(&different).await.status(), StatusCode::OK);
    assert_eq!(lrs.ids(&[]).await, vec![uuid(1)]);
    let mine: Value = lrs
        .get(&[("statementId", &uuid(1))])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["actor"]["mbox"], "mailto:a@example.org");
}

async fn a_resent_statement_is_accepted_and_a_different_one_conflicts(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let first = statement(&uuid(1), "a@example.org", COMPLETED, "https://x.example/a");
    assert_eq!(
        lrs.put(&uuid(1), &first).await.status(),
        StatusCode::NO_CONTENT
    );
    let stored: Value = lrs
        .get(&[("statementId", &uuid(1))])
        .await
        .json()
        .await
        .unwrap();
    // The same again (also with what the LRS added to it): accepted, unchanged.
    assert_eq!(
        lrs.put(&uuid(1), &first).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        lrs.put(&uuid(1), &stored).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(lrs.stored_ids(&first).await, vec![uuid(1)]);
    let again: Value = lrs
        .get(&[("statementId", &uuid(1))])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["stored"], stored["stored"]);
    // Different under the same id: 409, on PUT and POST; the batch holding it stores nothing.
    let different = statement(&uuid(1), "a@example.org", COMPLETED, "https://x.example/b");
    assert_eq!(
        lrs.put(&uuid(1), &different).await.status(),
        StatusCode::CONFLICT
    );
    let batch = json!([
        statement(&uuid(2), "a@example.org", COMPLETED, "https://x.example/a"),
        different,
    ]);
    assert_eq!(lrs.post(&batch).await.status(), StatusCode::CONFLICT);
    assert_eq!(lrs.ids(&[]).await, vec![uuid(1)]);
    // Two with one id in one batch: 400.
    let twice = json!([first, first]);
    assert_eq!(lrs.post(&twice).await.status(), StatusCode::BAD_REQUEST);
}

async fn every_filter_selects_as_the_specification_says(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let registration = "ec531277-b57b-4c15-8d91-d292c5b2b8f7";
    let (a, b, c) = (
        "https://x.example/a",
        "https://x.example/b",
        "https://x.example/c",
    );
    let attempted = "http://adlnet.gov/expapi/verbs/attempted";
    let mut s1 = statement(&uuid(1), "ann@example.org", COMPLETED, a);
    s1["context"] = json!({
        "registration": registration,
        "instructor": { "mbox": "mailto:ivy@example.org" },
        "contextActivities": { "parent": [{ "id": c }] }
    });
    let s2 = statement(&uuid(2), "ann@example.org", attempted, b);
    let mut s3 = statement(&uuid(3), "bob@example.org", COMPLETED, b);
    s3["actor"] = json!({
        "objectType": "Group",
        "member": [{ "mbox": "mailto:cat@example.org" }, { "mbox": "mailto:dan@example.org" }]
    });
    let mut s4 = statement(&uuid(4), "ann@example.org", attempted, a);
    s4["object"] = json!({
        "objectType": "SubStatement",
        "actor": { "mbox": "mailto:eve@example.org" },
        "verb": { "id": COMPLETED },
        "object": { "id": c }
    });
    // A statement about s2: it meets the filters s2 meets (Communication 2.1.3.s3).
    let mut s5 = statement(
        &uuid(5),
        "fay@example.org",
        "http://example.com/commented",
        a,
    );
    s5["object"] = json!({ "objectType": "StatementRef", "id": uuid(2) });
    lrs.stored_ids(&json!([s1, s2, s3])).await;
    let before_last = chrono_now(&lrs, &uuid(3)).await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    lrs.stored_ids(&json!([s4, s5])).await;

    let agent = |mbox: &str| format!("{{\"mbox\":\"mailto:{mbox}\"}}");
    let ids = |list: &[u32]| -> BTreeSet<String> { list.iter().map(|n| uuid(*n)).collect() };
    let cases: Vec<(Pairs, BTreeSet<String>)> = vec![
        (vec![], ids(&[1, 2, 3, 4, 5])),
        (vec![("verb", COMPLETED.into())], ids(&[1, 3])),
        (vec![("verb", attempted.into())], ids(&[2, 4, 5])),
        (vec![("activity", a.into())], ids(&[1])),
        (vec![("activity", b.into())], ids(&[2, 3, 5])),
        (vec![("activity", c.into())], ids(&[])),
        (
            vec![
                ("activity", c.into()),
                ("related_activities", "true".into()),
            ],
            ids(&[1, 4]),
        ),
        (vec![("registration", registration.into())], ids(&[1])),
        (
            vec![("agent", agent("ann@example.org"))],
            ids(&[1, 2, 4, 5]),
        ),
        (
            vec![("agent", agent("ann@EXAMPLE.org"))],
            ids(&[1, 2, 4, 5]),
        ),
        (vec![("agent", agent("dan@example.org"))], ids(&[3])),
        (vec![("agent", agent("ivy@example.org"))], ids(&[])),
        (
            vec![
                ("agent", agent("ivy@example.org")),
                ("related_agents", "true".into()),
            ],
            ids(&[1]),
        ),
        (
            vec![
                ("agent", agent("eve@example.org")),
                ("related_agents", "true".into()),
            ],
            ids(&[4]),
        ),
        (vec![("agent", agent("fay@example.org"))], ids(&[5])),
        (
            vec![
                ("agent", agent("ann@example.org")),
                ("verb", COMPLETED.into()),
            ],
            ids(&[1]),
        ),
        (vec![("since", before_last.clone())], ids(&[4, 5])),
        (vec![("until", before_last.clone())], ids(&[1, 2, 3])),
    ];
    for (pairs, want) in cases {
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let got: BTreeSet<String> = lrs.ids(&pairs).await.into_iter().collect();
        assert_eq!(got, want, "{pairs:?}");
    }
    // Newest first by default, oldest first with ascending.
    let newest = lrs.ids(&[]).await;
    assert_eq!(&newest[..2], &[uuid(5), uuid(4)]);
    let oldest = lrs.ids(&[("ascending", "true")]).await;
    assert_eq!(&oldest[3..], &[uuid(4), uuid(5)]);
}

/// The `stored` of a statement, to use as `since`/`until`.
async fn chrono_now(lrs: &Lrs, id: &str) -> String {
    let s: Value = lrs.get(&[("statementId", id)]).await.json().await.unwrap();
    s["stored"].as_str().unwrap().to_owned()
}

async fn more_links_page_through_to_the_end(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let mut all = Vec::new();
    // Three batches (three `stored` times), 25 statements in all.
    for batch in [0..10, 10..20, 20..25] {
        let statements: Vec<Value> = batch
            .map(|n| {
                let verb = if n % 2 == 0 {
                    COMPLETED
                } else {
                    "http://example.com/other"
                };
                statement(&uuid(n), "ann@example.org", verb, "https://x.example/a")
            })
            .collect();
        all.extend(lrs.stored_ids(&Value::from(statements)).await);
    }
    for limit in ["1", "3", "7", "10", "25", "100"] {
        let got = lrs.ids(&[("limit", limit)]).await;
        let mut want = all.clone();
        want.reverse();
        // Newest batch first; within one `stored`, the later written first.
        assert_eq!(got, want, "limit {limit}");
        let up = lrs.ids(&[("limit", limit), ("ascending", "true")]).await;
        assert_eq!(up, all, "limit {limit} ascending");
        let even = lrs.ids(&[("limit", limit), ("verb", COMPLETED)]).await;
        assert_eq!(even.len(), 13, "limit {limit}");
    }
    // One page of 3 says there is more; the link repeats nothing else.
    let first: Value = lrs.get(&[("limit", "3")]).await.json().await.unwrap();
    assert_eq!(first["statements"].as_array().unwrap().len(), 3);
    let more = first["more"].as_str().unwrap();
    assert!(more.starts_with("/xapi/statements?more="), "{more}");
    // A more link with something added is refused.
    let response = lrs
        .http
        .get(format!("{}{more}&limit=2", app.url))
        .basic_auth(&lrs.key, Some(&lrs.secret))
        .header("X-Experience-API-Version", "1.0.3")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

/// A course that most statements mention (as their object, their parent, or both at once),
/// statements about statements in it, a voided one, an instructor: `related_activities` and
/// `related_agents`, alone and with other filters, page through via `more` to exactly the
/// statements that match, in `stored` order both ways, whatever the page size.
async fn related_filters_page_in_stored_order(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let course = "https://x.example/course";
    let attempted = "http://adlnet.gov/expapi/verbs/attempted";
    // Statement n: ann or bob, completed or attempted, in the course unless n % 4 == 3 (its
    // object as well as its parent when n.is_multiple_of(10)), taught by ivy when n.is_multiple_of(6); when
    // n % 15 == 7, fay's comment on statement n - 1 instead.
    let refers = |n: u32| n % 15 == 7;
    let make = |n: u32| -> Value {
        if refers(n) {
            return json!({
                "id": uuid(n),
                "actor": { "mbox": "mailto:fay@example.org" },
                "verb": { "id": "http://example.com/commented" },
                "object": { "objectType": "StatementRef", "id": uuid(n - 1) }
            });
        }
        let mbox = if n.is_multiple_of(2) {
            "ann@example.org"
        } else {
            "bob@example.org"
        };
        let verb = if n.is_multiple_of(3) {
            COMPLETED
        } else {
            attempted
        };
        let object = if n.is_multiple_of(10) {
            course.to_owned()
        } else {
            format!("https://x.example/a{}", n % 5)
        };
        let mut s = statement(&uuid(n), mbox, verb, &object);
        let mut context = json!({});
        if n % 4 != 3 {
            context["contextActivities"] = json!({ "parent": [{ "id": course }] });
        }
        if n.is_multiple_of(6) {
            context["instructor"] = json!({ "mbox": "mailto:ivy@example.org" });
        }
        s["context"] = context;
        s
    };
    let voided = 8;
    let voiding = 1000;
    let mut order = Vec::new();
    let mut since = String::new();
    for batch in 0..4u32 {
        let mut statements: Vec<Value> = (batch * 50..batch * 50 + 50).map(make).collect();
        if batch == 3 {
            statements.push(json!({
                "id": uuid(voiding),
                "actor": { "mbox": "mailto:admin@example.org" },
                "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
                "object": { "objectType": "StatementRef", "id": uuid(voided) }
            }));
        }
        order.extend(lrs.stored_ids(&Value::from(statements)).await);
        if batch == 1 {
            since = chrono_now(&lrs, &uuid(99)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // What each statement (not a reference) is: its own number's properties.
    let own = |n: u32, in_course: bool, ann: bool, completed: bool| {
        !refers(n)
            && (!in_course || n % 4 != 3)
            && (!ann || n.is_multiple_of(2))
            && (!completed || n.is_multiple_of(3))
    };
    // The statements a filter selects: not voided, and matching themselves or (references)
    // through their target.
    let want = |matches: &dyn Fn(u32) -> bool, from: u32| -> Vec<String> {
        order
            .iter()
            .filter(|id| {
                let n: u32 = id.rsplit('-').next().unwrap().parse().unwrap();
                let target = if n == voiding {
                    Some(voided)
                } else if n < voiding && refers(n) {
                    Some(n - 1)
                } else {
                    None
                };
                n != voided
                    && (n >= from)
                    && ((n < voiding && matches(n)) || target.is_some_and(matches))
            })
            .cloned()
            .collect()
    };
    let agent = |mbox: &str| format!("{{\"mbox\":\"mailto:{mbox}\"}}");
    let cases: Vec<(Pairs, Vec<String>)> = vec![
        (
            vec![
                ("activity", course.into()),
                ("related_activities", "true".into()),
            ],
            want(&|n| own(n, true, false, false), 0),
        ),
        (
            vec![
                ("activity", course.into()),
                ("related_activities", "true".into()),
                ("agent", agent("ann@example.org")),
                ("verb", COMPLETED.into()),
            ],
            want(&|n| own(n, true, true, true), 0),
        ),
        (
            vec![
                ("activity", course.into()),
                ("related_activities", "true".into()),
                ("since", since.clone()),
            ],
            want(&|n| own(n, true, false, false), 100),
        ),
        (
            vec![("activity", course.into())],
            want(&|n| own(n, false, false, false) && n.is_multiple_of(10), 0),
        ),
        (
            vec![
                ("agent", agent("ivy@example.org")),
                ("related_agents", "true".into()),
            ],
            want(&|n| own(n, false, false, false) && n.is_multiple_of(6), 0),
        ),
        (
            vec![
                ("agent", agent("ann@example.org")),
                ("related_agents", "true".into()),
                ("activity", course.into()),
                ("related_activities", "true".into()),
            ],
            want(&|n| own(n, true, true, false), 0),
        ),
    ];
    for (i, (pairs, mut want)) in cases.into_iter().enumerate() {
        assert!(want.len() > 10, "{pairs:?}");
        let limits: &[&str] = if i == 0 {
            &["1", "7", "100"]
        } else {
            &["7", "100"]
        };
        for limit in limits {
            let mut pairs: Vec<(&str, &str)> =
                pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            pairs.push(("limit", *limit));
            let up = {
                let mut up = pairs.clone();
                up.push(("ascending", "true"));
                lrs.ids(&up).await
            };
            assert_eq!(up, want, "{pairs:?} ascending");
            want.reverse();
            assert_eq!(lrs.ids(&pairs).await, want, "{pairs:?}");
            want.reverse();
        }
    }
    // More than a page of 100 in the course.
    assert!(
        want(&|n| own(n, true, false, false), 0).len() > 100,
        "more than one page"
    );
}

async fn voided_statements_are_kept_apart(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let target = statement(
        &uuid(1),
        "ann@example.org",
        COMPLETED,
        "https://x.example/a",
    );
    lrs.stored_ids(&target).await;
    let void = |id: u32, of: &str| {
        json!({
            "id": uuid(id),
            "actor": { "mbox": "mailto:admin@example.org" },
            "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
            "object": { "objectType": "StatementRef", "id": of }
        })
    };
    lrs.stored_ids(&void(2, &uuid(1))).await;
    assert_eq!(
        lrs.get(&[("statementId", &uuid(1))]).await.status(),
        StatusCode::NOT_FOUND
    );
    let voided: Value = lrs
        .get(&[("voidedStatementId", &uuid(1))])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(voided["id"], uuid(1).as_str());
    assert_eq!(
        lrs.get(&[("voidedStatementId", &uuid(2))]).await.status(),
        StatusCode::NOT_FOUND
    );
    // Filters leave the voided statement out, and return the voiding one, even where only
    // its target matches (Communication 2.1.4: statements targeting a voided statement are
    // still returned as the StatementRef filter conditions say).
    assert_eq!(lrs.ids(&[]).await, vec![uuid(2)]);
    assert_eq!(lrs.ids(&[("verb", COMPLETED)]).await, vec![uuid(2)]);
    // A voiding statement aimed at a voiding statement is stored and changes nothing.
    lrs.stored_ids(&void(3, &uuid(2))).await;
    assert_eq!(
        lrs.get(&[("statementId", &uuid(2))]).await.status(),
        StatusCode::OK
    );
    // A statement voided before it arrives is voided when it does.
    lrs.stored_ids(&void(4, &uuid(5))).await;
    let late = statement(
        &uuid(5),
        "ann@example.org",
        COMPLETED,
        "https://x.example/b",
    );
    lrs.stored_ids(&late).await;
    assert_eq!(
        lrs.get(&[("voidedStatementId", &uuid(5))]).await.status(),
        StatusCode::OK
    );
    // Both in one batch.
    let pair = json!([
        statement(
            &uuid(6),
            "ann@example.org",
            COMPLETED,
            "https://x.example/c"
        ),
        void(7, &uuid(6)),
    ]);
    lrs.stored_ids(&pair).await;
    assert_eq!(
        lrs.get(&[("statementId", &uuid(6))]).await.status(),
        StatusCode::NOT_FOUND
    );
    let left: BTreeSet<String> = lrs.ids(&[]).await.into_iter().collect();
    assert_eq!(left, [2, 3, 4, 7].iter().map(|n| uuid(*n)).collect());
}

async fn ten_thousand_statements_in_one_post(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let batch: Vec<Value> = (0..10_000)
        .map(|n| {
            let mut s = statement(
                &uuid(n),
                &format!("learner{}@example.org", n % 700),
                COMPLETED,
                &format!("https://x.example/courses/{}", n % 40),
            );
            s["context"] =
                json!({ "contextActivities": { "grouping": [{ "id": "https://x.example/all" }] } });
            s
        })
        .collect();
    let started = Instant::now();
    let ids = lrs.stored_ids(&Value::from(batch)).await;
    eprintln!("10,000 statements stored in {:?}", started.elapsed());
    assert_eq!(ids.len(), 10_000);
    assert_eq!(
        app.store().xapi_statement_count(app.org).await.unwrap(),
        10_000
    );
    let some = lrs
        .ids(&[
            ("agent", "{\"mbox\":\"mailto:learner7@example.org\"}"),
            ("activity", "https://x.example/courses/7"),
        ])
        .await;
    // n with n % 700 == 7 and n % 40 == 7: n ≡ 7 (mod 1400), eight of them.
    assert_eq!(some.len(), 8);
    // A filter that all of them meet, page after page (many candidates: read in `stored`
    // order rather than sorted).
    let all = lrs
        .ids(&[
            ("activity", "https://x.example/all"),
            ("related_activities", "true"),
        ])
        .await;
    assert_eq!(all.len(), 10_000);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), 10_000);
}

async fn a_completed_statement_reaches_the_training_matrix(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let lrs = Lrs::new(&app, app.org).await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let new = skillgym_store::NewRequirement {
        code: "DP".into(),
        title: skillgym_domain::audit::Localised::new("Data protection", None),
        activity: None,
        url: Some("https://learning.example.org/dp".into()),
        renewal: skillgym_domain::training::Renewal::new(None, 0, 28).unwrap(),
        audience: Default::default(),
        starts_on: today - time::Duration::days(10),
    };
    let dp = store
        .create_requirement(app.org, &new, skillgym_store::Actor::CommandLine)
        .await
        .unwrap();
    let activity = "https://learning.example.org/courses/data-protection";
    store
        .map_xapi_activity(app.org, "DP", Some(activity))
        .await
        .unwrap();
    assert_eq!(
        store.xapi_activity(app.org, dp).await.unwrap().as_deref(),
        Some(activity)
    );
    let person_of = async |email: &str| -> PersonId {
        store
            .account_by_email(&Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap()
            .person_id
    };
    let learner = person_of("learner@afon.example").await;
    let trainer = person_of("trainer@afon.example").await;
    assert_eq!(
        store
            .standing(dp, learner)
            .await
            .unwrap()
            .unwrap()
            .valid_until,
        None
    );

    // By email, in another case; the day is the timestamp's in the UK (23:30 UTC is the next
    // day in London in summer).
    let mut by_email = statement(&uuid(1), "Learner@AFON.example", COMPLETED, activity);
    by_email["actor"]["mbox"] = json!("mailto:learner@AFON.example");
    let when = today - time::Duration::days(3);
    by_email["timestamp"] = json!(format!("{when}T23:30:00Z"));
    lrs.stored_ids(&by_email).await;
    let standing = store.standing(dp, learner).await.unwrap().unwrap();
    assert_eq!(standing.valid_until, Some(time::Date::MAX));
    let completions = store.completions(app.org, dp, learner).await.unwrap();
    assert_eq!(completions.len(), 1);
    assert_eq!(completions[0].source, "xapi");
    let uk_day = skillgym_domain::uk_time::local(
        time::PrimitiveDateTime::new(when, time::macros::time!(23:30))
            .assume_utc()
            .unix_timestamp(),
    )
    .date();
    assert_eq!(completions[0].completed_on, uk_day);

    // By an account on skillgym's address named with the employee number, `passed`.
    let number = store
        .person(app.org, trainer)
        .await
        .unwrap()
        .employee_number;
    let by_account = json!({
        "id": uuid(2),
        "actor": { "account": { "homePage": format!("{}/", app.url), "name": number.to_string() } },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/passed" },
        "object": { "id": activity }
    });
    lrs.stored_ids(&by_account).await;
    assert_eq!(
        store
            .standing(dp, trainer)
            .await
            .unwrap()
            .unwrap()
            .valid_until,
        Some(time::Date::MAX)
    );
    // Somebody unknown, another verb, another activity: stored, counted for nobody.
    let before = store.completions(app.org, dp, learner).await.unwrap().len();
    lrs.stored_ids(&json!([
        statement(&uuid(3), "nobody@example.org", COMPLETED, activity),
        statement(
            &uuid(4),
            "learner@afon.example",
            "http://adlnet.gov/expapi/verbs/attempted",
            activity
        ),
        statement(
            &uuid(5),
            "learner@afon.example",
            COMPLETED,
            "https://learning.example.org/other"
        ),
    ]))
    .await;
    assert_eq!(
        store.completions(app.org, dp, learner).await.unwrap().len(),
        before
    );

    // Voiding the statement undoes its completion.
    lrs.stored_ids(&json!({
        "id": uuid(6),
        "actor": { "mbox": "mailto:admin@afon.example" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
        "object": { "objectType": "StatementRef", "id": uuid(1) }
    }))
    .await;
    assert!(
        store
            .completions(app.org, dp, learner)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .standing(dp, learner)
            .await
            .unwrap()
            .unwrap()
            .valid_until,
        None
    );
    assert_eq!(
        store
            .standing(dp, trainer)
            .await
            .unwrap()
            .unwrap()
            .valid_until,
        Some(time::Date::MAX)
    );

    // The statements about someone are in their data (by email in any case, and the ones
    // about them by another verb or activity), and go when they are erased; the statement
    // about nobody stays.
    let data = store.personal_data(app.org, learner).await.unwrap();
    let theirs: std::collections::HashSet<String> = data
        .table("xapi_statements")
        .unwrap()
        .rows
        .iter()
        .map(|r| match &r[0] {
            skillgym_store::Cell::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    for n in [1, 4, 5] {
        assert!(theirs.contains(&uuid(n)), "{n}: {theirs:?}");
    }
    assert!(!theirs.contains(&uuid(2)) && !theirs.contains(&uuid(3)));
    let by_number = store.personal_data(app.org, trainer).await.unwrap();
    assert_eq!(by_number.table("xapi_statements").unwrap().rows.len(), 1);
    let held = store.xapi_statement_count(app.org).await.unwrap();
    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(
        store.xapi_statement_count(app.org).await.unwrap(),
        held - theirs.len() as i64
    );
    // Nor do the filters find them.
    let them = json!({ "mbox": "mailto:learner@afon.example" }).to_string();
    assert!(
        lrs.ids(&[("agent", &them), ("related_agents", "true")])
            .await
            .is_empty()
    );
    let nobody: uuid::Uuid = uuid(3).parse().unwrap();
    assert!(
        store
            .xapi_statement(app.org, nobody, false)
            .await
            .unwrap()
            .is_some()
    );
}
