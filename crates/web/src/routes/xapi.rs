//! The Learning Record Store's Statement Resource (xAPI 1.0.3, Communication 2.1) at
//! `/xapi/statements`, and `/xapi/about`: JSON in and out for learning systems, authenticated
//! per request by a client's HTTP Basic credentials (`skillgym xapi client create`), never by
//! a session cookie, so no CSRF token. What statements mean is `skillgym_xapi`'s; what is
//! stored, the store's (docs/xapi.md).
//!
//! Each request is checked in this order: credentials (401 with `WWW-Authenticate: Basic`),
//! then the `X-Experience-API-Version` header (400), then the parameters and the body (400),
//! so that someone without credentials learns nothing about what the endpoint would accept.

use crate::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::{Value, json};
use skillgym_store::{StatementCursor, StatementsStored, XapiClient};
use skillgym_xapi::format::render;
use skillgym_xapi::{AcceptLanguage, Agent, Invalid, Query, Target};
use uuid::Uuid;

/// The version this LRS speaks, sent on every response.
pub(crate) const VERSION: &str = "1.0.3";
const VERSION_HEADER: &str = "x-experience-api-version";
const CONSISTENT_THROUGH: &str = "x-experience-api-consistent-through";
/// The most statements one page of GET Statements holds (`limit=0` or more asks for this).
pub(crate) const MAX_PAGE: usize = 500;

/// Why the LRS refuses a request: the status, with a message for the client's developer
/// (machine text in English, as the specification's own).
#[derive(Debug)]
pub(crate) enum XapiError {
    Unauthorized,
    Bad(String),
    NotFound,
    Conflict(Uuid),
    Store(skillgym_store::StoreError),
}

impl From<Invalid> for XapiError {
    fn from(invalid: Invalid) -> Self {
        XapiError::Bad(invalid.to_string())
    }
}

impl From<skillgym_store::StoreError> for XapiError {
    fn from(e: skillgym_store::StoreError) -> Self {
        XapiError::Store(e)
    }
}

impl IntoResponse for XapiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            XapiError::Unauthorized => {
                let mut response = (
                    StatusCode::UNAUTHORIZED,
                    axum::Json(json!({ "message": "credentials are needed: HTTP Basic, \
                        with a client's key and secret" })),
                )
                    .into_response();
                response.headers_mut().insert(
                    WWW_AUTHENTICATE,
                    HeaderValue::from_static("Basic realm=\"skillgym xAPI\""),
                );
                return response;
            }
            XapiError::Bad(message) => (StatusCode::BAD_REQUEST, message),
            XapiError::NotFound => (StatusCode::NOT_FOUND, "no such statement".to_owned()),
            XapiError::Conflict(id) => (
                StatusCode::CONFLICT,
                format!("a different statement with id {id} is already stored"),
            ),
            XapiError::Store(e) => {
                tracing::error!(error = %e, "xAPI request failed");
                let status = if e.is_unavailable() {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    StatusCode::INTERNAL_SERVER_ERROR
                };
                (status, "the statement store failed".to_owned())
            }
        };
        (status, axum::Json(json!({ "message": message }))).into_response()
    }
}

/// The client whose Basic credentials came with the request.
pub(crate) struct Client(XapiClient);

impl FromRequestParts<AppState> for Client {
    type Rejection = XapiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, XapiError> {
        let (key, secret) = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(basic_credentials)
            .ok_or(XapiError::Unauthorized)?;
        match state.store.xapi_client(&key, &secret).await? {
            Some(client) => Ok(Client(client)),
            None => Err(XapiError::Unauthorized),
        }
    }
}

/// The key and secret of an `Authorization: Basic …` header.
fn basic_credentials(header: &str) -> Option<(String, String)> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (key, secret) = text.split_once(':')?;
    Some((key.to_owned(), secret.to_owned()))
}

/// A request with an `X-Experience-API-Version` this LRS accepts: 1.0 or 1.0.x (Communication
/// 3.3: 1.0.3 is the version spoken; every 1.0.x is accepted, anything else refused).
pub(crate) struct Versioned;

impl FromRequestParts<AppState> for Versioned {
    type Rejection = XapiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, XapiError> {
        let version = parts
            .headers
            .get(VERSION_HEADER)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| {
                XapiError::Bad("the X-Experience-API-Version header is required".into())
            })?;
        let supported = version == "1.0"
            || version.strip_prefix("1.0.").is_some_and(|patch| {
                !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit())
            });
        if supported {
            Ok(Versioned)
        } else {
            Err(XapiError::Bad(format!(
                "X-Experience-API-Version {version} is not supported: this LRS speaks {VERSION}"
            )))
        }
    }
}

/// Sends `X-Experience-API-Version` on every response of the LRS (Communication 3.3).
pub(crate) async fn version_header(req: axum::extract::Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    response.headers_mut().insert(
        HeaderName::from_static(VERSION_HEADER),
        HeaderValue::from_static(VERSION),
    );
    response
}

/// `GET /xapi/about` (Communication 2.8): the versions spoken. No credentials needed.
pub(crate) async fn about() -> Response {
    axum::Json(json!({ "version": [VERSION] })).into_response()
}

/// The query string's pairs, decoded.
fn pairs(query: Option<&str>) -> Result<Vec<(String, String)>, XapiError> {
    serde_urlencoded::from_str(query.unwrap_or_default())
        .map_err(|_| XapiError::Bad("the query string cannot be read".into()))
}

/// The body as JSON, when it is sent as `application/json`.
fn json_body(headers: &HeaderMap, body: &Bytes) -> Result<Value, XapiError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(XapiError::Bad(
            "statements are taken as application/json (attachment data in multipart/mixed \
             is not supported)"
                .into(),
        ));
    }
    serde_json::from_slice(body).map_err(|e| XapiError::Bad(format!("the body is not JSON: {e}")))
}

/// The authority skillgym asserts for a client's statements: an Agent with an account on
/// skillgym's public address named with the client's key.
fn authority(state: &AppState, client: &XapiClient) -> Result<Agent, XapiError> {
    let home = format!("{}/", state.config.public_url.trim_end_matches('/'));
    Ok(Agent::with_account(Some(&client.name), &home, &client.key)?)
}

async fn store(
    state: &AppState,
    client: &XapiClient,
    statements: &[skillgym_xapi::Statement],
) -> Result<Vec<Uuid>, XapiError> {
    let authority = authority(state, client)?;
    match state
        .store
        .store_statements(
            client.organisation,
            client.id,
            statements,
            &authority,
            &state.config.public_url,
        )
        .await?
    {
        StatementsStored::Ids(ids) => Ok(ids),
        StatementsStored::Conflict(id) => Err(XapiError::Conflict(id)),
    }
}

/// `PUT /xapi/statements?statementId=…`: stores one statement with that id; 204.
pub(crate) async fn put(
    Client(client): Client,
    _: Versioned,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, XapiError> {
    let pairs = pairs(query.as_deref())?;
    let mut id = None;
    for (name, value) in &pairs {
        match name.as_str() {
            "statementId" if id.is_none() => id = Some(value.clone()),
            other => {
                return Err(XapiError::Bad(format!(
                    "{other}: is not a parameter of PUT Statements (Communication 2.1.1)"
                )));
            }
        }
    }
    let id = id.ok_or_else(|| XapiError::Bad("statementId: is required".into()))?;
    let json = json_body(&headers, &body)?;
    let statement = skillgym_xapi::validate_put(&json, &id)?;
    store(&state, &client, &[statement]).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /xapi/statements`: stores one statement or an array, all or none; 200 with the ids.
pub(crate) async fn post(
    Client(client): Client,
    _: Versioned,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, XapiError> {
    if let Some((name, _)) = pairs(query.as_deref())?.first() {
        return Err(XapiError::Bad(format!(
            "{name}: is not a parameter of POST Statements (the alternate request syntax is \
             not supported)"
        )));
    }
    let json = json_body(&headers, &body)?;
    let statements = skillgym_xapi::validate_batch(&json)?;
    let ids = store(&state, &client, &statements).await?;
    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    Ok(axum::Json(ids).into_response())
}

/// Where a StatementResult's `more` link picks up: the query it continues and where the last
/// page ended, as an opaque token (hex of JSON).
#[derive(serde::Serialize, serde::Deserialize)]
struct More {
    q: Vec<(String, String)>,
    s: i64,
    r: i64,
}

fn more_link(pairs: &[(String, String)], cursor: StatementCursor) -> String {
    let more = More {
        q: pairs.to_vec(),
        s: cursor.stored_ms,
        r: cursor.row,
    };
    let token = hex::encode(serde_json::to_vec(&more).unwrap_or_default());
    format!("/xapi/statements?more={token}")
}

fn read_more(token: &str) -> Result<(Vec<(String, String)>, StatementCursor), XapiError> {
    let bad = || XapiError::Bad("more: is not a link this LRS gave".into());
    let bytes = hex::decode(token).map_err(|_| bad())?;
    let more: More = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    Ok((
        more.q,
        StatementCursor {
            stored_ms: more.s,
            row: more.r,
        },
    ))
}

/// `GET /xapi/statements`: one statement by `statementId` or `voidedStatementId`, or a
/// StatementResult of those the filters select, a page at a time.
pub(crate) async fn get(
    Client(client): Client,
    _: Versioned,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, XapiError> {
    let mut pairs = pairs(query.as_deref())?;
    let mut after = None;
    if let Some(at) = pairs.iter().position(|(name, _)| name == "more") {
        if pairs.len() > 1 {
            return Err(XapiError::Bad(
                "more: a more link is followed as it was given, with nothing added".into(),
            ));
        }
        let (continued, cursor) = read_more(&pairs[at].1)?;
        pairs = continued;
        after = Some(cursor);
    }
    let query = Query::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let languages = AcceptLanguage::parse(
        headers
            .get("accept-language")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default(),
    );
    let org = client.organisation;
    let body = match &query.target {
        Target::Statement(id) | Target::VoidedStatement(id) => {
            let voided = matches!(query.target, Target::VoidedStatement(_));
            let stored = state
                .store
                .xapi_statement(org, *id, voided)
                .await?
                .ok_or(XapiError::NotFound)?;
            render(&stored, query.format, &languages)
        }
        Target::Filter(filter) => {
            let page = match usize::try_from(filter.limit) {
                Ok(0) | Err(_) => MAX_PAGE,
                Ok(n) => n.min(MAX_PAGE),
            };
            let (found, next) = state
                .store
                .xapi_statements(org, &query, after, page)
                .await?;
            let statements: Vec<Value> = found
                .iter()
                .map(|s| render(s, query.format, &languages))
                .collect();
            let more = next.map(|c| more_link(&pairs, c)).unwrap_or_default();
            json!({ "statements": statements, "more": more })
        }
    };
    let through = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let mut response = if query.attachments {
        // Attachment data is not stored (only statements sent as JSON are taken), so the
        // multipart response holds the statements' part alone (Communication 2.1.3).
        let boundary = format!("xapi-{}", Uuid::new_v4().simple());
        let text = format!(
            "--{boundary}\r\nContent-Type: application/json\r\n\r\n{body}\r\n--{boundary}--\r\n"
        );
        let mut response = text.into_response();
        if let Ok(value) = HeaderValue::from_str(&format!("multipart/mixed; boundary={boundary}")) {
            response.headers_mut().insert(CONTENT_TYPE, value);
        }
        response
    } else {
        axum::Json(body).into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&through) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(CONSISTENT_THROUGH), value);
    }
    Ok(response)
}
