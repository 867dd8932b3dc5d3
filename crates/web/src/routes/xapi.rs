//! The Learning Record Store's Statement Resource (xAPI 1.0.3, Communication 2.1) at
//! `/xapi/statements`, and `/xapi/about`: JSON in and out for learning systems, authenticated
//! per request by a client's HTTP Basic credentials (`skillgym xapi client create`), never by
//! a session cookie, so no CSRF token. What statements mean is `skillgym_xapi`'s; what is
//! stored, the store's (docs/xapi.md).
//!
//! Each request is checked in this order: credentials (401 with `WWW-Authenticate: Basic`),
//! then the `X-Experience-API-Version` header (400), then the parameters and the body (400),
//! so that someone without credentials learns nothing about what the endpoint would accept.
//!
//! Statements come as `application/json`, or as `multipart/mixed` with their attachments' data
//! (Communication 1.5.2; signed statements, Data 2.6): `skillgym_xapi::attachments` says what is
//! accepted. A POST with a `method` parameter is the alternate request syntax (Communication
//! 1.3): its form body stands for the headers, parameters and content of the request it
//! names, which then goes through [`serve`] as an ordinary one does.

use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::{Value, json};
use skillgym_store::{StatementCursor, StatementsStored, XapiClient};
use skillgym_xapi::attachments::{self, AttachmentData};
use skillgym_xapi::format::render;
use skillgym_xapi::multipart::{self, essence};
use skillgym_xapi::{AcceptLanguage, Agent, Invalid, Query, Statement, Target};
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
    MethodNotAllowed,
    TooLarge,
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
            XapiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "the Statement Resource takes GET, HEAD, PUT and POST".to_owned(),
            ),
            XapiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "a request body may be at most {} MB",
                    super::MAX_STATEMENTS_BODY >> 20
                ),
            ),
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

/// The client whose Basic credentials are in `headers` (401 otherwise).
async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<XapiClient, XapiError> {
    let (key, secret) = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(basic_credentials)
        .ok_or(XapiError::Unauthorized)?;
    state
        .store
        .xapi_client(&key, &secret)
        .await?
        .ok_or(XapiError::Unauthorized)
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

/// Whether `headers` hold an `X-Experience-API-Version` this LRS accepts: 1.0 or 1.0.x
/// (Communication 3.3: 1.0.3 is the version spoken; every 1.0.x is accepted, anything else
/// refused).
fn check_version(headers: &HeaderMap) -> Result<(), XapiError> {
    let version = headers
        .get(VERSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| XapiError::Bad("the X-Experience-API-Version header is required".into()))?;
    let supported = version == "1.0"
        || version
            .strip_prefix("1.0.")
            .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()));
    if supported {
        Ok(())
    } else {
        Err(XapiError::Bad(format!(
            "X-Experience-API-Version {version} is not supported: this LRS speaks {VERSION}"
        )))
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

/// The body, read up to the limit of the LRS's routes (413 beyond it).
async fn read_body(body: Body) -> Result<Bytes, XapiError> {
    axum::body::to_bytes(body, super::MAX_STATEMENTS_BODY)
        .await
        .map_err(|_| XapiError::TooLarge)
}

/// The statements of a PUT or POST body, checked by `validate` (which says whether they came
/// as an array), with the attachment data it carries: `application/json` (every attachment
/// with a `fileUrl`) or `multipart/mixed` (the statements first, then the attachments' data),
/// as Communication 1.5 says.
fn statements_of(
    headers: &HeaderMap,
    body: &[u8],
    validate: impl Fn(&Value) -> Result<Vec<Statement>, Invalid>,
) -> Result<(Vec<Statement>, Vec<AttachmentData>), XapiError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let json = |bytes: &[u8]| {
        serde_json::from_slice::<Value>(bytes)
            .map_err(|e| XapiError::Bad(format!("the statements are not JSON: {e}")))
    };
    match essence(content_type).as_str() {
        "application/json" => {
            let json = json(body)?;
            let statements = validate(&json)?;
            attachments::check_json(&statements, json.is_array())?;
            Ok((statements, Vec::new()))
        }
        "multipart/mixed" => {
            let parts = multipart::read(content_type, body)?;
            let json = json(attachments::statements_part(&parts)?)?;
            let statements = validate(&json)?;
            let data = attachments::check_parts(&statements, json.is_array(), &parts)?;
            Ok((statements, data))
        }
        _ => Err(XapiError::Bad(
            "statements are taken as application/json, or as multipart/mixed with their \
             attachments' data (Communication 1.5)"
                .into(),
        )),
    }
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
    statements: &[Statement],
    attachments: &[AttachmentData],
) -> Result<Vec<Uuid>, XapiError> {
    let authority = authority(state, client)?;
    match state
        .store
        .store_statements(
            client.organisation,
            client.id,
            statements,
            attachments,
            &authority,
            &state.config.public_url,
        )
        .await?
    {
        StatementsStored::Ids(ids) => Ok(ids),
        StatementsStored::Conflict(id) => Err(XapiError::Conflict(id)),
    }
}

/// A request to the Statement Resource: as it was sent, or as the alternate request syntax
/// stands for it (Communication 1.3).
struct XapiRequest {
    method: Method,
    query: Option<String>,
    headers: HeaderMap,
    body: Body,
}

/// `GET /xapi/statements` (and HEAD).
pub(crate) async fn get(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let request = XapiRequest {
        method: Method::GET,
        query,
        headers,
        body: Body::empty(),
    };
    answer(statements(&state, request).await)
}

/// `PUT /xapi/statements?statementId=…`.
pub(crate) async fn put(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request = XapiRequest {
        method: Method::PUT,
        query,
        headers,
        body,
    };
    answer(statements(&state, request).await)
}

/// `POST /xapi/statements`: statements to store, or with a `method` parameter the alternate
/// request syntax (Communication 2.1.2.s2.b3: the parameters tell the two apart).
pub(crate) async fn post(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let alternate =
        pairs(query.as_deref()).is_ok_and(|pairs| pairs.iter().any(|(name, _)| name == "method"));
    let request = XapiRequest {
        method: Method::POST,
        query,
        headers,
        body,
    };
    if alternate {
        answer(alternate_syntax(&state, request).await)
    } else {
        answer(statements(&state, request).await)
    }
}

fn answer(result: Result<Response, XapiError>) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
}

/// Every request to the Statement Resource: the credentials, the version, then what the
/// method does.
async fn statements(state: &AppState, request: XapiRequest) -> Result<Response, XapiError> {
    let client = authenticate(state, &request.headers).await?;
    check_version(&request.headers)?;
    serve(state, &client, request).await
}

/// What the request's method does, for a client whose credentials and version are checked.
async fn serve(
    state: &AppState,
    client: &XapiClient,
    request: XapiRequest,
) -> Result<Response, XapiError> {
    let XapiRequest {
        method,
        query,
        headers,
        body,
    } = request;
    if method == Method::GET {
        get_statements(state, client, query.as_deref(), &headers).await
    } else if method == Method::HEAD {
        // Communication 1.1: as GET, without the body.
        let (parts, _) = get_statements(state, client, query.as_deref(), &headers)
            .await?
            .into_parts();
        Ok(Response::from_parts(parts, Body::empty()))
    } else if method == Method::PUT {
        put_statement(state, client, query.as_deref(), &headers, body).await
    } else if method == Method::POST {
        post_statements(state, client, query.as_deref(), &headers, body).await
    } else {
        Err(XapiError::MethodNotAllowed)
    }
}

/// PUT Statements (Communication 2.1.1): stores one statement with the `statementId`; 204.
async fn put_statement(
    state: &AppState,
    client: &XapiClient,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, XapiError> {
    let pairs = pairs(query)?;
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
    let body = read_body(body).await?;
    let (statements, data) = statements_of(headers, &body, |json| {
        if json.is_array() {
            return Err(Invalid {
                path: String::new(),
                message: "PUT Statements takes one statement, not an array (Communication \
                          2.1.1)"
                    .into(),
            });
        }
        skillgym_xapi::validate_put(json, &id).map(|s| vec![s])
    })?;
    store(state, client, &statements, &data).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// POST Statements (Communication 2.1.2): stores one statement or an array, all or none; 200
/// with the ids.
async fn post_statements(
    state: &AppState,
    client: &XapiClient,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, XapiError> {
    if let Some((name, _)) = pairs(query)?.first() {
        return Err(XapiError::Bad(format!(
            "{name}: is not a parameter of POST Statements (Communication 2.1.2)"
        )));
    }
    let body = read_body(body).await?;
    let (statements, data) = statements_of(headers, &body, skillgym_xapi::validate_batch)?;
    let ids = store(state, client, &statements, &data).await?;
    let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
    Ok(axum::Json(ids).into_response())
}

/// The form parameters of the alternate request syntax that stand for headers (Communication
/// 1.3.s3.b6); `Content-Transfer-Encoding` is not one of them.
const FORM_HEADERS: [&str; 6] = [
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
];

/// `POST /xapi/statements?method=…` (Communication 1.3): the request the form body stands
/// for. The form's header parameters are taken as headers (1.3.s3.b7), `content` as the body
/// (as UTF-8 text, b5), every other form parameter as a query parameter (b14); the headers
/// not in the form are the HTTP request's own (b8). The credentials and version are checked
/// as for any request, then: the body must be `application/x-www-form-urlencoded` (b9), the
/// address must hold `method` alone (b3), `Content-Length`, when given, must be the length
/// of `content` (b12), and the method must be one the resource takes. Then it is served as
/// the request it stands for.
async fn alternate_syntax(state: &AppState, request: XapiRequest) -> Result<Response, XapiError> {
    let form_encoded = request
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(essence)
        .is_some_and(|t| t == "application/x-www-form-urlencoded");
    let body = read_body(request.body).await?;
    let form: Vec<(String, String)> = if form_encoded {
        serde_urlencoded::from_bytes(&body).map_err(|_| {
            XapiError::Bad("the form body cannot be read (Communication 1.3)".into())
        })?
    } else {
        Vec::new()
    };
    let mut headers = request.headers.clone();
    headers.remove(CONTENT_TYPE);
    headers.remove(CONTENT_LENGTH);
    let mut parameters = Vec::new();
    let mut content = None;
    let mut declared_length = None;
    let mut bad_header = None;
    for (name, value) in form {
        let lower = name.to_ascii_lowercase();
        if lower == "content" && name == "content" {
            content = Some(value);
        } else if lower == "content-length" {
            declared_length = Some(value);
        } else if FORM_HEADERS.contains(&lower.as_str()) {
            match (
                HeaderName::from_bytes(lower.as_bytes()),
                HeaderValue::from_str(&value),
            ) {
                (Ok(header), Ok(value)) => {
                    headers.insert(header, value);
                }
                _ => bad_header = Some(name),
            }
        } else {
            parameters.push((name, value));
        }
    }
    let client = authenticate(state, &headers).await?;
    check_version(&headers)?;
    if !form_encoded {
        return Err(XapiError::Bad(
            "the alternate request syntax (a method parameter) takes a body of \
             application/x-www-form-urlencoded (Communication 1.3.s3.b9)"
                .into(),
        ));
    }
    if let Some(name) = bad_header {
        return Err(XapiError::Bad(format!(
            "{name}: is not a valid header value (Communication 1.3.s3.b7)"
        )));
    }
    let address = pairs(request.query.as_deref())?;
    if let Some((name, _)) = address.iter().find(|(name, _)| name != "method") {
        return Err(XapiError::Bad(format!(
            "{name}: with the alternate request syntax, the address holds only the method \
             parameter; send the others in the form (Communication 1.3.s3.b3)"
        )));
    }
    let [(_, method)] = &address[..] else {
        return Err(XapiError::Bad(
            "method: is given more than once (Communication 1.3.s3.b2)".into(),
        ));
    };
    let method = match method.as_str() {
        "GET" | "HEAD" | "PUT" | "POST" => Method::from_bytes(method.as_bytes())
            .map_err(|_| XapiError::Bad("method: is not an HTTP method".into()))?,
        "DELETE" | "OPTIONS" | "PATCH" => return Err(XapiError::MethodNotAllowed),
        other => {
            return Err(XapiError::Bad(format!(
                "method: {other} is not a method of the Statement Resource (GET, HEAD, PUT or \
                 POST, in capitals; Communication 1.3.s3.b2)"
            )));
        }
    };
    let content = content.unwrap_or_default();
    if let Some(length) = declared_length
        && length.trim().parse::<usize>().ok() != Some(content.len())
    {
        return Err(XapiError::Bad(
            "Content-Length: is not the length of the content form parameter (Communication \
             1.3.s3.b12)"
                .into(),
        ));
    }
    let query = (!parameters.is_empty())
        .then(|| serde_urlencoded::to_string(&parameters))
        .transpose()
        .map_err(|_| XapiError::Bad("the form's parameters cannot be passed on".into()))?;
    let request = XapiRequest {
        method,
        query,
        headers,
        body: Body::from(content),
    };
    serve(state, &client, request).await
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

/// GET Statements (Communication 2.1.3): one statement by `statementId` or
/// `voidedStatementId`, or a StatementResult of those the filters select, a page at a time;
/// with `attachments=true`, in `multipart/mixed` with the data of their attachments.
async fn get_statements(
    state: &AppState,
    client: &XapiClient,
    query: Option<&str>,
    headers: &HeaderMap,
) -> Result<Response, XapiError> {
    let mut pairs = pairs(query)?;
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
    let (body, hashes) = match &query.target {
        Target::Statement(id) | Target::VoidedStatement(id) => {
            let voided = matches!(query.target, Target::VoidedStatement(_));
            let stored = state
                .store
                .xapi_statement(org, *id, voided)
                .await?
                .ok_or(XapiError::NotFound)?;
            let hashes = attachments::hashes_of(&[&stored]);
            (render(&stored, query.format, &languages), hashes)
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
            let hashes = attachments::hashes_of(&found.iter().collect::<Vec<_>>());
            (json!({ "statements": statements, "more": more }), hashes)
        }
    };
    let through = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let mut response = if query.attachments {
        // Communication 2.1.3.s2.b6 and 1.5.2.s3.b1: the statements' part, then the data of
        // their attachments that is kept, each hash once.
        let data = state.store.xapi_attachments(org, &hashes).await?;
        multipart_answer(&body, &data)
    } else {
        // 2.1.3.s2.b7: no attachment data, application/json.
        axum::Json(body).into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&through) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(CONSISTENT_THROUGH), value);
    }
    Ok(response)
}

/// A `multipart/mixed` answer (Communication 1.5.2.s2.b2): `json` as the first part, then each
/// attachment's data with its `Content-Type`, `Content-Transfer-Encoding: binary` and
/// `X-Experience-API-Hash`, under a boundary found in none of them.
fn multipart_answer(json: &Value, data: &[AttachmentData]) -> Response {
    let json = json.to_string();
    let boundary = loop {
        let boundary = format!("xapi-{}", Uuid::new_v4().simple());
        let found = std::iter::once(json.as_bytes())
            .chain(data.iter().map(|d| d.data.as_slice()))
            .any(|part| multipart::contains(part, boundary.as_bytes()));
        if !found {
            break boundary;
        }
    };
    let mut parts = vec![(
        vec![("Content-Type", "application/json".to_owned())],
        json.as_bytes(),
    )];
    for attachment in data {
        parts.push((
            vec![
                ("Content-Type", attachment.content_type.clone()),
                ("Content-Transfer-Encoding", "binary".to_owned()),
                ("X-Experience-API-Hash", attachment.sha2.clone()),
            ],
            attachment.data.as_slice(),
        ));
    }
    let mut response = multipart::write(&boundary, &parts).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("multipart/mixed; boundary={boundary}")) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}
