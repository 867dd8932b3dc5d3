//! The Statement Resource's attachments with their data (Communication 1.5.2), signed
//! statements (Data 2.6) and the alternate request syntax (Communication 1.3), driven over
//! HTTP as a learning system drives them (docs/xapi.md), good requests and every refusal.

mod common;
#[path = "../../xapi/tests/spec/statements.rs"]
mod examples;

use common::{TestApp, add_organisation, spawn_app};
use reqwest::{Client, Method, Response, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};
use skillgym_domain::Email;
use skillgym_test_db::{Backend, both_backends};
use skillgym_xapi::multipart;
use std::io::Write;

both_backends!(
    the_specifications_multipart_example_goes_in_and_comes_back,
    attachment_data_is_kept_once_and_sent_with_the_statements_that_name_it,
    attachment_requests_that_break_the_rules_are_refused,
    signed_statements_are_checked,
    the_alternate_request_syntax_is_the_ordinary_request,
    the_specifications_signed_example_goes_in,
    a_body_over_64_mb_is_refused,
    a_person_has_their_attachments_downloaded_and_erased,
);

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

    fn request(&self, method: Method, query: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}/xapi/statements{query}", self.url))
            .basic_auth(&self.key, Some(&self.secret))
            .header("X-Experience-API-Version", "1.0.3")
    }

    /// POST (or PUT with `?statementId=…`) of a body with its Content-Type.
    async fn send(
        &self,
        method: Method,
        query: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Response {
        self.request(method, query)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    async fn post_json(&self, body: &Value) -> Response {
        self.send(
            Method::POST,
            "",
            "application/json",
            body.to_string().into_bytes(),
        )
        .await
    }

    async fn post_multipart(&self, body: Vec<u8>) -> Response {
        self.send(Method::POST, "", MIXED, body).await
    }

    async fn get(&self, query: &str) -> Response {
        self.request(Method::GET, query).send().await.unwrap()
    }

    fn authorization(&self) -> String {
        use base64::Engine;
        let pair = format!("{}:{}", self.key, self.secret);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

const BOUNDARY: &str = "boundary-7f3a";
const MIXED: &str = "multipart/mixed; boundary=boundary-7f3a";
const USAGE: &str = "http://example.com/attachment-usage/test";
const SIGNATURE: &str = "http://adlnet.gov/expapi/attachments/signature";

/// A multipart/mixed body under [`BOUNDARY`], written out by hand: each part its header lines
/// (written as given) and its data.
fn mixed(parts: &[(&[&str], &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (headers, data) in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        for line in *headers {
            out.extend_from_slice(format!("{line}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

fn sha256(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

fn statement(id: &str, mbox: &str) -> Value {
    json!({
        "id": id,
        "actor": { "mbox": format!("mailto:{mbox}") },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/answered" },
        "object": { "id": "http://www.example.com/tincan/activities/multipart" }
    })
}

/// An attachment header for `data`.
fn header(data: &[u8], content_type: &str) -> Value {
    json!({
        "usageType": USAGE,
        "display": { "en-US": "A test attachment" },
        "contentType": content_type,
        "length": data.len(),
        "sha2": sha256(data)
    })
}

/// A JSON part, then a well-formed part for each attachment's data.
fn with_data(statements: &Value, data: &[(&str, &[u8])]) -> Vec<u8> {
    let json = statements.to_string();
    let heads: Vec<Vec<String>> = data
        .iter()
        .map(|(content_type, bytes)| {
            vec![
                format!("Content-Type: {content_type}"),
                "Content-Transfer-Encoding: binary".to_owned(),
                format!("X-Experience-API-Hash: {}", sha256(bytes)),
            ]
        })
        .collect();
    let heads: Vec<Vec<&str>> = heads
        .iter()
        .map(|h| h.iter().map(String::as_str).collect())
        .collect();
    let mut parts: Vec<(&[&str], &[u8])> =
        vec![(&["Content-Type: application/json"], json.as_bytes())];
    for (head, (_, bytes)) in heads.iter().zip(data) {
        parts.push((head, bytes));
    }
    mixed(&parts)
}

/// The parts of a multipart answer: its first part as JSON, then each attachment part's
/// headers and data.
async fn read_multipart(response: Response) -> (Value, Vec<(Vec<(String, String)>, Vec<u8>)>) {
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("multipart/mixed; boundary="),
        "{content_type}"
    );
    let body = response.bytes().await.unwrap();
    let parts = multipart::read(&content_type, &body).unwrap();
    assert_eq!(parts[0].header("content-type"), Some("application/json"));
    let json: Value = serde_json::from_slice(parts[0].data).unwrap();
    let rest = parts[1..]
        .iter()
        .map(|p| (p.headers.clone(), p.data.to_vec()))
        .collect();
    (json, rest)
}

async fn message(response: Response) -> String {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    text
}

/// Communication 1.5.2.s6: the specification's own example, byte for byte (its boundary uses
/// every character class a boundary may hold, and its parts' headers have no space after the
/// colon), goes in, and comes back in multipart with the attachment's data.
async fn the_specifications_multipart_example_goes_in_and_comes_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let body = "\r\n--abcABC0123'()+_,-./:=?\r\n\
Content-Type:application/json\r\n\
\r\n\
{\r\n\
    \"actor\": {\r\n\
        \"mbox\": \"mailto:sample.agent@example.com\",\r\n\
        \"name\": \"Sample Agent\",\r\n\
        \"objectType\": \"Agent\"\r\n\
    },\r\n\
    \"verb\": {\r\n\
        \"id\": \"http://adlnet.gov/expapi/verbs/answered\",\r\n\
        \"display\": {\r\n\
            \"en-US\": \"answered\"\r\n\
        }\r\n\
    },\r\n\
    \"object\": {\r\n\
        \"id\": \"http://www.example.com/tincan/activities/multipart\",\r\n\
        \"objectType\": \"Activity\",\r\n\
        \"definition\": {\r\n\
            \"name\": {\r\n\
                \"en-US\": \"Multi Part Activity\"\r\n\
            },\r\n\
            \"description\": {\r\n\
                \"en-US\": \"Multi Part Activity Description\"\r\n\
            }\r\n\
        }\r\n\
    },\r\n\
    \"attachments\": [\r\n\
        {\r\n\
            \"usageType\": \"http://example.com/attachment-usage/test\",\r\n\
            \"display\": { \"en-US\": \"A test attachment\" },\r\n\
            \"description\": { \"en-US\": \"A test attachment (description)\" },\r\n\
            \"contentType\": \"text/plain; charset=ascii\",\r\n\
            \"length\": 27,\r\n\
            \"sha2\": \"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\"\r\n\
        }\r\n\
    ]\r\n\
}\r\n\
--abcABC0123'()+_,-./:=?\r\n\
Content-Type:text/plain\r\n\
Content-Transfer-Encoding:binary\r\n\
X-Experience-API-Hash:495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\r\n\
\r\n\
here is a simple attachment\r\n\
--abcABC0123'()+_,-./:=?--";
    let response = lrs
        .http
        .post(format!("{}/xapi/statements", app.url))
        .basic_auth(&lrs.key, Some(&lrs.secret))
        .header("X-Experience-API-Version", "1.0.0")
        .header(
            "Content-Type",
            "multipart/mixed; boundary=\"abcABC0123'()+_,-./:=?\"",
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let ids: Vec<String> = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    let id = &ids[0];

    let (got, parts) = read_multipart(
        lrs.get(&format!("?statementId={id}&attachments=true"))
            .await,
    )
    .await;
    assert_eq!(got["id"], id.as_str());
    assert_eq!(got["attachments"][0]["length"], 27);
    assert_eq!(parts.len(), 1);
    let (headers, data) = &parts[0];
    assert_eq!(data, b"here is a simple attachment");
    let has = |name: &str, value: &str| headers.iter().any(|(n, v)| n == name && v == value);
    assert!(has("content-type", "text/plain"), "{headers:?}");
    assert!(has("content-transfer-encoding", "binary"), "{headers:?}");
    assert!(
        has(
            "x-experience-api-hash",
            "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"
        ),
        "{headers:?}"
    );

    // attachments=false (and by default): JSON, no data (Communication 2.1.3.s2.b7).
    for query in [
        format!("?statementId={id}&attachments=false"),
        format!("?statementId={id}"),
    ] {
        let response = lrs.get(&query).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/json");
        let text = response.text().await.unwrap();
        assert!(!text.contains("here is a simple attachment"));
    }

    // PUT takes multipart/mixed too.
    let data = b"a second attachment, put".as_slice();
    let mut sent = statement(&uuid(7), "sample.agent@example.com");
    sent["attachments"] = json!([header(data, "text/plain")]);
    let response = lrs
        .send(
            Method::PUT,
            &format!("?statementId={}", uuid(7)),
            MIXED,
            with_data(&sent, &[("text/plain", data)]),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (_, parts) = read_multipart(
        lrs.get(&format!("?statementId={}&attachments=true", uuid(7)))
            .await,
    )
    .await;
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].1, data);
}

/// Statements that name the same data share one copy (sent once or twice); a GET with
/// `attachments=true` sends each hash's data once, for the statements it returns, and none for
/// an attachment known only by its `fileUrl`. Another organisation's statements naming the
/// same hash do not get this organisation's data.
async fn attachment_data_is_kept_once_and_sent_with_the_statements_that_name_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let picture: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let notes = b"\r\n--not the boundary\r\n\r\n".as_slice();
    let mut first = statement(&uuid(1), "a@example.org");
    first["attachments"] = json!([header(&picture, "image/png"), header(notes, "text/plain")]);
    let mut second = statement(&uuid(2), "b@example.org");
    second["attachments"] = json!([header(&picture, "image/png")]);
    let mut linked = statement(&uuid(3), "c@example.org");
    let mut by_url = header(b"hosted elsewhere", "text/plain");
    by_url["fileUrl"] = json!("https://files.example.org/hosted.txt");
    linked["attachments"] = json!([by_url]);
    // The picture's data twice (allowed, SHOULD only once: 1.5.2.s2.b2.b5).
    let body = with_data(
        &json!([first, second, linked]),
        &[
            ("image/png", &picture),
            ("text/plain", notes),
            ("image/png", &picture),
        ],
    );
    let response = lrs.post_multipart(body).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );

    let (result, parts) = read_multipart(lrs.get("?attachments=true&ascending=true").await).await;
    let ids: Vec<&str> = result["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [uuid(1), uuid(2), uuid(3)]);
    let hashes: Vec<&str> = parts
        .iter()
        .map(|(h, _)| {
            h.iter()
                .find(|(n, _)| n == "x-experience-api-hash")
                .map(|(_, v)| v.as_str())
                .unwrap()
        })
        .collect();
    assert_eq!(hashes, [sha256(&picture), sha256(notes)]);
    assert_eq!(parts[0].1, picture);
    assert_eq!(parts[1].1, notes);

    // Only the returned statements' attachments.
    let (_, parts) = read_multipart(
        lrs.get(&format!("?statementId={}&attachments=true", uuid(2)))
            .await,
    )
    .await;
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].1, picture);
    let (_, parts) = read_multipart(
        lrs.get(&format!("?statementId={}&attachments=true", uuid(3)))
            .await,
    )
    .await;
    assert!(parts.is_empty());

    // A later statement with the data already kept: its part is still checked, and accepted.
    let mut fourth = statement(&uuid(4), "d@example.org");
    fourth["attachments"] = json!([header(notes, "text/plain")]);
    let response = lrs
        .post_multipart(with_data(&fourth, &[("text/plain", notes)]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // Sent again unchanged: accepted, nothing new.
    let response = lrs
        .post_multipart(with_data(&fourth, &[("text/plain", notes)]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 4);

    // Another organisation: the same hash, with a fileUrl, gets none of our data.
    let other = add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = Lrs::new(&app, other).await;
    let mut copy = statement(&uuid(1), "a@example.org");
    let mut by_url = header(&picture, "image/png");
    by_url["fileUrl"] = json!("https://files.example.org/picture.png");
    copy["attachments"] = json!([by_url]);
    assert_eq!(theirs.post_json(&copy).await.status(), StatusCode::OK);
    let (_, parts) = read_multipart(
        theirs
            .get(&format!("?statementId={}&attachments=true", uuid(1)))
            .await,
    )
    .await;
    assert!(parts.is_empty());
    assert!(
        app.store()
            .xapi_attachments(other, &[sha256(&picture)])
            .await
            .unwrap()
            .is_empty()
    );
}

/// Every 400 of Communication 1.5.2 (and the JSON rule of 1.5.2.s2.b1), each with a message
/// naming the rule; none of these requests stores anything.
async fn attachment_requests_that_break_the_rules_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let data = b"here is a simple attachment".as_slice();
    let hash = sha256(data);
    let mut sent = statement(&uuid(1), "a@example.org");
    sent["attachments"] = json!([header(data, "text/plain; charset=ascii")]);
    let json = sent.to_string();
    let json = json.as_bytes();
    let hash_line = format!("X-Experience-API-Hash: {hash}");
    let good_head = [
        "Content-Type: text/plain",
        "Content-Transfer-Encoding: binary",
        hash_line.as_str(),
    ];
    let first: (&[&str], &[u8]) = (&["Content-Type: application/json"], json);

    // application/json with an attachment that has no fileUrl (1.5.2.s2.b1).
    let text = message(lrs.post_json(&sent).await).await;
    assert!(
        text.contains("attachments[0].fileUrl") && text.contains("1.5.2.s2.b1"),
        "{text}"
    );
    let batch = json!([statement(&uuid(2), "b@example.org"), sent]);
    let text = message(lrs.post_json(&batch).await).await;
    assert!(text.contains("[1].attachments[0].fileUrl"), "{text}");

    let wrong_hash = format!("X-Experience-API-Hash: {}", sha256(b"other data"));
    let bad_hex = format!("X-Experience-API-Hash: {}", "zz".repeat(32));
    let sha512_line = format!("X-Experience-API-Hash: {}", hex(&Sha512::digest(data)));
    let cases: Vec<(Vec<u8>, &str)> = vec![
        // The first part is not the statements' JSON (1.5.2.s2.b2.b1).
        (mixed(&[(&good_head, data), first]), "1.5.2.s2.b2.b1"),
        (
            mixed(&[(&["Content-Type: text/plain"], json), (&good_head, data)]),
            "1.5.2.s2.b2.b1",
        ),
        // No hash header (b3), no or another Content-Transfer-Encoding (b4).
        (
            mixed(&[
                first,
                (
                    &[
                        "Content-Type: text/plain",
                        "Content-Transfer-Encoding: binary",
                    ],
                    data,
                ),
            ]),
            "1.5.2.s2.b2.b3",
        ),
        (
            mixed(&[first, (&["Content-Type: text/plain", &hash_line], data)]),
            "1.5.2.s2.b2.b4",
        ),
        (
            mixed(&[
                first,
                (
                    &[
                        "Content-Type: text/plain",
                        "Content-Transfer-Encoding: base64",
                        &hash_line,
                    ],
                    data,
                ),
            ]),
            "1.5.2.s2.b2.b4",
        ),
        // The data does not have the hash its header gives; a hash that is not hex.
        (
            mixed(&[
                first,
                (&["Content-Transfer-Encoding: binary", &wrong_hash], data),
            ]),
            "1.5.2.s1.b4",
        ),
        (
            mixed(&[
                first,
                (&["Content-Transfer-Encoding: binary", &bad_hex], data),
            ]),
            "SHA-2 hash in hexadecimal",
        ),
        // The attachment's data is missing, with no fileUrl (1.5.2.s3.b5).
        (mixed(&[first]), "1.5.2.s3.b5"),
        // Its data hashed with SHA-512: a different hash from the header's sha2.
        (
            mixed(&[
                first,
                (&["Content-Transfer-Encoding: binary", &sha512_line], data),
            ]),
            "1.5.2.s3.b5",
        ),
        // A part no attachment names.
        (
            mixed(&[
                first,
                (&good_head, data),
                (
                    &[
                        "Content-Transfer-Encoding: binary",
                        &wrong_hash.replace(&sha256(b"other data"), &sha256(b"extra")),
                    ],
                    b"extra",
                ),
            ]),
            "1.5.2.s2.b2.b2",
        ),
        // The part's Content-Type or length is not the attachment's (b7).
        (
            mixed(&[
                first,
                (
                    &[
                        "Content-Type: image/png",
                        "Content-Transfer-Encoding: binary",
                        &hash_line,
                    ],
                    data,
                ),
            ]),
            "1.5.2.s2.b2.b7",
        ),
        (
            mixed(&[
                first,
                (
                    &[
                        "Content-Length: 3",
                        "Content-Transfer-Encoding: binary",
                        &hash_line,
                    ],
                    data,
                ),
            ]),
            "1.5.2.s2.b2.b7",
        ),
        // Broken framing.
        (
            mixed(&[first, (&good_head, data)])[..200].to_vec(),
            "closing boundary",
        ),
        (b"no parts at all".to_vec(), "no part"),
        (
            mixed(&[first, (&["Content-Type text/plain"], data)]),
            "no colon",
        ),
    ];
    for (body, says) in cases {
        let text = message(lrs.post_multipart(body).await).await;
        assert!(text.contains(says), "{says}: {text}");
    }
    // The declared length differs from the part's Content-Length (b7).
    let mut long = sent.clone();
    long["attachments"][0]["length"] = json!(28);
    let long = long.to_string();
    let body = mixed(&[
        (&["Content-Type: application/json"], long.as_bytes()),
        (
            &[
                "Content-Length: 27",
                "Content-Transfer-Encoding: binary",
                &hash_line,
            ],
            data,
        ),
    ]);
    let text = message(lrs.post_multipart(body).await).await;
    assert!(
        text.contains("attachments[0].length") && text.contains("b7"),
        "{text}"
    );
    // multipart/mixed without a boundary; an unknown content type.
    let text = message(
        lrs.send(Method::POST, "", "multipart/mixed", mixed(&[first]))
            .await,
    )
    .await;
    assert!(text.contains("boundary"), "{text}");
    let text = message(
        lrs.send(Method::POST, "", "text/plain", json.to_vec())
            .await,
    )
    .await;
    assert!(
        text.contains("application/json, or as multipart/mixed"),
        "{text}"
    );
    // PUT: the same rules.
    let text = message(
        lrs.send(
            Method::PUT,
            &format!("?statementId={}", uuid(1)),
            MIXED,
            mixed(&[first]),
        )
        .await,
    )
    .await;
    assert!(text.contains("1.5.2.s3.b5"), "{text}");
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 0);

    // The same statement right: accepted; and multipart with no attachment at all
    // (1.5.2.s3.b8), or with fileUrl ones only (b9).
    let response = lrs
        .post_multipart(mixed(&[first, (&good_head, data)]))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let plain = statement(&uuid(2), "b@example.org").to_string();
    let response = lrs
        .post_multipart(mixed(&[(
            &["Content-Type: application/json"],
            plain.as_bytes(),
        )]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut hosted = statement(&uuid(3), "c@example.org");
    let mut by_url = header(b"elsewhere", "text/plain");
    by_url["fileUrl"] = json!("https://files.example.org/x.txt");
    hosted["attachments"] = json!([by_url]);
    let hosted = hosted.to_string();
    let response = lrs
        .post_multipart(mixed(&[(
            &["Content-Type: application/json"],
            hosted.as_bytes(),
        )]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 3);
}

/// Signatures made by Python's `cryptography` (installed with jwcrypto by
/// scripts/install-test-deps) with a fresh 2048-bit RSA key and its self-signed certificate:
/// JWS compact serialisations of `statement` (and of a tampered copy), by name.
fn signatures(statement: &Value) -> Value {
    let script = r#"
import base64, datetime, hashlib, hmac, json, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

statement = sys.stdin.read()
def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
def key(): return rsa.generate_private_key(public_exponent=65537, key_size=2048)
def certificate(k):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "skillgym test signer")])
    now = datetime.datetime.now(datetime.timezone.utc)
    made = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(k.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
        .sign(k, hashes.SHA256()))
    return base64.b64encode(made.public_bytes(serialization.Encoding.DER)).decode()
signer, other = key(), key()
HASHES = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}
def jws(payload, alg="RS256", x5c=None, k=signer):
    header = {"alg": alg}
    if x5c is not None: header["x5c"] = x5c
    signing = b64(json.dumps(header).encode()) + "." + b64(payload.encode())
    if alg in HASHES:
        signature = k.sign(signing.encode(), padding.PKCS1v15(), HASHES[alg])
    else:
        signature = hmac.new(b"secret", signing.encode(), hashlib.sha256).digest()
    return signing + "." + b64(signature)
own = [certificate(signer), certificate(other)]
tampered = json.loads(statement)
tampered["verb"]["id"] = "http://adlnet.gov/expapi/verbs/failed"
print(json.dumps({
    "rs256": jws(statement, x5c=own),
    "rs384": jws(statement, "RS384", own),
    "rs512": jws(statement, "RS512", own),
    "no_x5c": jws(statement),
    "tampered": jws(json.dumps(tampered), x5c=own),
    "hs256": jws(statement, "HS256"),
    "other_key": jws(statement, x5c=own, k=other),
    "other_certificate": jws(statement, x5c=[certificate(other)]),
    "not_a_certificate": jws(statement, x5c=[base64.b64encode(b"not DER").decode()]),
}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (scripts/install-test-deps installs jwcrypto and cryptography)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(statement.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The statement with a signature attachment for `jws`, as a multipart body.
fn signed(statement: &Value, jws: &str, content_type: &str) -> Vec<u8> {
    let mut sent = statement.clone();
    let mut attachment = header(jws.as_bytes(), content_type);
    attachment["usageType"] = json!(SIGNATURE);
    attachment["display"] = json!({ "en-US": "Signature" });
    sent["attachments"] = json!([attachment]);
    with_data(&sent, &[(content_type, jws.as_bytes())])
}

/// Data 2.6: a statement signed with RS256, RS384 or RS512, with or without the signer's
/// certificate, is stored and its signature comes back with it; one whose JWS is malformed,
/// uses another algorithm, signs another statement, or does not verify with the first
/// certificate of `x5c`, is refused with 400 and a message.
async fn signed_statements_are_checked(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let original = |n: u32| {
        let mut s = statement(&uuid(n), "signer@example.org");
        s["timestamp"] = json!("2013-04-01T12:00:00Z");
        s
    };
    let jws = signatures(&original(1));
    let text = |name: &str| jws[name].as_str().unwrap().to_owned();

    for (name, says) in [
        ("tampered", "Data 2.6.s5.b3.b2"),
        ("hs256", "Data 2.6.s4.b4"),
        ("other_key", "Data 2.6.s5.b3.b3"),
        ("other_certificate", "Data 2.6.s5.b3.b3"),
        ("not_a_certificate", "not an X.509 certificate"),
    ] {
        let said = message(
            lrs.post_multipart(signed(
                &original(1),
                &text(name),
                "application/octet-stream",
            ))
            .await,
        )
        .await;
        assert!(
            said.contains("attachments[0]") && said.contains(says),
            "{name}: {said}"
        );
    }
    // Malformed: not compact, not base64url, a payload that is not JSON.
    let good = text("rs256");
    let (head, rest) = good.split_once('.').unwrap();
    let (_, signature) = rest.split_once('.').unwrap();
    for (malformed, says) in [
        ("just text".to_owned(), "compact serialization"),
        (
            format!("{head}.%%%.{signature}"),
            "payload is not base64url",
        ),
        (
            format!("{head}.bm90IGpzb24.{signature}"),
            "payload is not JSON",
        ),
        (format!("{good}.extra"), "compact serialization"),
    ] {
        let said = message(
            lrs.post_multipart(signed(&original(1), &malformed, "application/octet-stream"))
                .await,
        )
        .await;
        assert!(said.contains(says), "{malformed}: {said}");
    }
    // A signature attachment must be application/octet-stream (2.6.s4.b1).
    let said = message(
        lrs.post_multipart(signed(&original(1), &good, "text/plain"))
            .await,
    )
    .await;
    assert!(said.contains("2.6.s4.b1"), "{said}");
    // The signature is of this statement: another id is another statement.
    let said = message(
        lrs.post_multipart(signed(&original(9), &good, "application/octet-stream"))
            .await,
    )
    .await;
    assert!(said.contains("2.6.s5.b3.b2"), "{said}");
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 0);

    // Good signatures.
    for (n, name) in (1..).zip(["rs256", "rs384", "rs512", "no_x5c"]) {
        let jws = signatures(&original(n));
        let response = lrs
            .post_multipart(signed(
                &original(n),
                jws[name].as_str().unwrap(),
                "application/octet-stream",
            ))
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{name}: {}",
            response.text().await.unwrap()
        );
        let (got, parts) = read_multipart(
            lrs.get(&format!("?statementId={}&attachments=true", uuid(n)))
                .await,
        )
        .await;
        assert_eq!(got["attachments"][0]["usageType"], SIGNATURE);
        assert_eq!(parts[0].1, jws[name].as_str().unwrap().as_bytes());
    }
    // The signed statement sent by PUT, with its own key order and no id in the payload:
    // still the same statement.
    let mut unsigned = original(10);
    unsigned.as_object_mut().unwrap().remove("id");
    let jws = signatures(&unsigned);
    let response = lrs
        .send(
            Method::PUT,
            &format!("?statementId={}", uuid(10)),
            MIXED,
            signed(
                &unsigned,
                jws["rs256"].as_str().unwrap(),
                "application/octet-stream",
            ),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

/// Communication 1.3: `POST /xapi/statements?method=…` with a form standing for the headers,
/// the parameters and the content is the ordinary request in every way: PUT, POST and GET
/// (and HEAD) answer as they do, with the same credentials, the same version check and the
/// same 400s; the syntax's own rules refuse the rest.
async fn the_alternate_request_syntax_is_the_ordinary_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let url = format!("{}/xapi/statements", app.url);
    let auth = lrs.authorization();
    let form = |method: &str, fields: &[(&str, &str)]| {
        let body = serde_urlencoded::to_string(fields).unwrap();
        lrs.http
            .post(format!("{url}?method={method}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    };
    let first = statement(&uuid(1), "a@example.org").to_string();

    // PUT, with the headers in the form.
    let response = form(
        "PUT",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("Content-Type", "application/json"),
            ("Content-Length", &first.len().to_string()),
            ("statementId", &uuid(1)),
            ("content", &first),
        ],
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.headers()["x-experience-api-version"], "1.0.3");
    // POST, with the credentials in the HTTP header (1.3.s3.b8 allows either).
    let second = json!([statement(&uuid(2), "b@example.org")]).to_string();
    let response = form(
        "POST",
        &[
            ("X-Experience-API-Version", "1.0.3"),
            ("Content-Type", "application/json"),
            ("content", &second),
        ],
    )
    .header("authorization", &auth)
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let ids: Vec<String> = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(ids, [uuid(2)]);

    // GET: the same StatementResult as the ordinary GET, filters in the form.
    let agent = json!({ "mbox": "mailto:a@example.org" }).to_string();
    let ordinary: Value = serde_json::from_str(
        &lrs.request(Method::GET, &format!("?agent={}", urlencode(&agent)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    let response = form(
        "GET",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("agent", &agent),
        ],
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .headers()
            .contains_key("x-experience-api-consistent-through")
    );
    let alternate: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(alternate["statements"], ordinary["statements"]);
    assert_eq!(alternate["statements"].as_array().unwrap().len(), 1);
    // HEAD: the GET's status and headers, no body.
    let response = form(
        "HEAD",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("statementId", &uuid(1)),
        ],
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.bytes().await.unwrap().is_empty());
    // GET of one statement with attachments=true: multipart, as the ordinary one.
    let response = form(
        "GET",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("statementId", &uuid(1)),
            ("attachments", "true"),
        ],
    )
    .send()
    .await
    .unwrap();
    let (got, _) = read_multipart(response).await;
    assert_eq!(got["id"], uuid(1).as_str());

    // Credentials first: none, or wrong, in the form or the header: 401.
    let wrong = {
        use base64::Engine;
        let pair = format!("{}:wrong", lrs.key);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    };
    for fields in [
        vec![
            ("X-Experience-API-Version", "1.0.3"),
            ("content", first.as_str()),
        ],
        vec![
            ("Authorization", wrong.as_str()),
            ("X-Experience-API-Version", "1.0.3"),
        ],
    ] {
        let response = form("POST", &fields).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().contains_key("www-authenticate"));
    }
    // Not form-encoded, without credentials in the header: 401 before anything else.
    let response = lrs
        .http
        .post(format!("{url}?method=POST"))
        .header("content-type", "application/json")
        .body(first.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    // The version as for any request.
    let response = form(
        "GET",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "2.0.0"),
        ],
    )
    .send()
    .await
    .unwrap();
    assert!(message(response).await.contains("not supported"));
    // The same validation: the same 400 as the ordinary POST.
    let mut bad = statement(&uuid(3), "c@example.org");
    bad["verb"]["id"] = json!("not an iri");
    let ordinary = message(
        lrs.send(
            Method::POST,
            "",
            "application/json",
            bad.to_string().into_bytes(),
        )
        .await,
    )
    .await;
    let alternate = message(
        form(
            "POST",
            &[
                ("Authorization", &auth),
                ("X-Experience-API-Version", "1.0.3"),
                ("Content-Type", "application/json"),
                ("content", &bad.to_string()),
            ],
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(alternate, ordinary);

    // The syntax's own rules.
    let ok = [
        ("Authorization", auth.as_str()),
        ("X-Experience-API-Version", "1.0.3"),
        ("statementId", ""),
    ];
    let statement_id = uuid(1);
    let fields = [ok[0], ok[1], ("statementId", statement_id.as_str())];
    // Another parameter in the address besides method (1.3.s3.b3).
    let response = lrs
        .http
        .post(format!("{url}?method=GET&statementId={}", uuid(1)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(&ok[..2]).unwrap())
        .send()
        .await
        .unwrap();
    assert!(message(response).await.contains("1.3.s3.b3"));
    // Not form-encoded (1.3.s3.b9), credentials in the header.
    let response = lrs
        .request(Method::POST, "?method=POST")
        .header("content-type", "application/json")
        .body(first.clone())
        .send()
        .await
        .unwrap();
    assert!(message(response).await.contains("1.3.s3.b9"));
    // A method the resource does not take; one that is not a method at all.
    let response = form("DELETE", &fields).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let response = form("get", &fields).send().await.unwrap();
    assert!(message(response).await.contains("1.3.s3.b2"));
    // A Content-Length that is not the content's.
    let response = form(
        "POST",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("Content-Type", "application/json"),
            ("Content-Length", "3"),
            ("content", &first),
        ],
    )
    .send()
    .await
    .unwrap();
    assert!(message(response).await.contains("1.3.s3.b12"));
    // A parameter the request it stands for does not take: as the ordinary request.
    let response = form(
        "POST",
        &[
            ("Authorization", &auth),
            ("X-Experience-API-Version", "1.0.3"),
            ("Content-Type", "application/json"),
            ("verb", "http://adlnet.gov/expapi/verbs/answered"),
            ("content", &first),
        ],
    )
    .send()
    .await
    .unwrap();
    assert!(
        message(response)
            .await
            .contains("verb: is not a parameter of POST")
    );
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 2);
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("x", text)]).unwrap()[2..].to_owned()
}

/// A person's data download holds the attachment data of the statements about them; erasing
/// them deletes those statements, and the attachment data that only those statements named;
/// data another statement names stays.
async fn a_person_has_their_attachments_downloaded_and_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let theirs = b"only the learner's certificate".as_slice();
    let shared = b"a course handout everyone got".as_slice();
    let mut about_them = statement(&uuid(1), "learner@afon.example");
    about_them["attachments"] = json!([header(theirs, "text/plain"), header(shared, "text/plain")]);
    let mut about_another = statement(&uuid(2), "trainer@afon.example");
    about_another["attachments"] = json!([header(shared, "text/plain")]);
    let response = lrs
        .post_multipart(with_data(
            &json!([about_them, about_another]),
            &[("text/plain", theirs), ("text/plain", shared)],
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let hashes = [sha256(theirs), sha256(shared)];
    let store = app.store();
    assert_eq!(
        store
            .xapi_attachments(app.org, &hashes)
            .await
            .unwrap()
            .len(),
        2
    );

    let learner = store
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    // Their data download holds both (their statements name both).
    let download = store.personal_data(app.org, learner).await.unwrap();
    let mut files: Vec<(String, Vec<u8>)> = download.files.clone();
    files.retain(|(path, _)| path.starts_with("xapi-attachments/"));
    files.sort();
    let mut expected = vec![
        (
            format!("xapi-attachments/{}", sha256(theirs)),
            theirs.to_vec(),
        ),
        (
            format!("xapi-attachments/{}", sha256(shared)),
            shared.to_vec(),
        ),
    ];
    expected.sort();
    assert_eq!(files, expected);

    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(store.xapi_statement_count(app.org).await.unwrap(), 1);
    let kept = store.xapi_attachments(app.org, &hashes).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].data, shared);
    let (_, parts) = read_multipart(
        lrs.get(&format!("?statementId={}&attachments=true", uuid(2)))
            .await,
    )
    .await;
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].1, shared);
}

/// Data Appendix D: the specification's signed statement with its JWS (RS256, a 1024-bit key,
/// its certificate chain in `x5c`) goes in; with one character of the signature changed, or
/// signing a statement with another timestamp, it does not.
async fn the_specifications_signed_example_goes_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let jws = include_str!("../../xapi/tests/spec/appendix_d.jws");
    let mut sent: Value = serde_json::from_str(examples::APPENDIX_D_SIGNED).unwrap();
    // As the appendix gives it (its length, 4235, is not the JWS's 4239 octets).
    sent["attachments"] = json!([{
        "usageType": SIGNATURE,
        "display": { "en-US": "Signature" },
        "description": { "en-US": "A test signature" },
        "contentType": "application/octet-stream",
        "length": 4235,
        "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634"
    }]);
    assert_eq!(sha256(jws.as_bytes()), sent["attachments"][0]["sha2"]);
    let body = |statement: &Value, jws: &str| {
        with_data(statement, &[("application/octet-stream", jws.as_bytes())])
    };
    // Tampered: the last signature character changed; a statement with another timestamp.
    let last = if jws.ends_with('8') { "4" } else { "8" };
    let tampered = format!("{}{last}", &jws[..jws.len() - 1]);
    let mut resigned = sent.clone();
    resigned["attachments"][0]["sha2"] = json!(sha256(tampered.as_bytes()));
    let text = message(lrs.post_multipart(body(&resigned, &tampered)).await).await;
    assert!(text.contains("2.6.s5.b3.b3"), "{text}");
    let mut later = sent.clone();
    later["timestamp"] = json!("2013-04-01T12:00:01Z");
    let text = message(lrs.post_multipart(body(&later, jws)).await).await;
    assert!(text.contains("2.6.s5.b3.b2"), "{text}");

    let response = lrs.post_multipart(body(&sent, jws)).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let (got, parts) = read_multipart(
        lrs.get("?statementId=33cff416-e331-4c9d-969e-5373a1756120&attachments=true")
            .await,
    )
    .await;
    assert_eq!(got["attachments"][0]["length"], 4235);
    assert_eq!(parts[0].1, jws.as_bytes());
}

/// Statements and attachment data together may take 64 MB (docs/xapi.md); a body of more is
/// refused with 413, and nothing is stored.
async fn a_body_over_64_mb_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let lrs = Lrs::new(&app, app.org).await;
    let big = vec![b'a'; 64 << 20];
    let mut sent = statement(&uuid(1), "a@example.org");
    sent["attachments"] = json!([header(&big, "text/plain")]);
    let response = lrs
        .post_multipart(with_data(&sent, &[("text/plain", &big)]))
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().contains("at most 64 MB"));
    assert_eq!(app.store().xapi_statement_count(app.org).await.unwrap(), 0);
    // Just under the limit: taken.
    let fits = vec![b'b'; (64 << 20) - 4096];
    sent["attachments"] = json!([header(&fits, "text/plain")]);
    let response = lrs
        .post_multipart(with_data(&sent, &[("text/plain", &fits)]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}
