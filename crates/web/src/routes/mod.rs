//! Every route, grouped by what it is for. Each handler parses its input, asks the store or
//! the domain, and renders a page: access is checked first, through [`Ctx`].

mod account;
mod health;
mod home;
mod people;
mod sign_in;
mod sites;
mod staff_import;
mod teams;

use crate::context::{self, Ctx};
use crate::error::AppError;
use crate::{AppState, assets};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use std::time::Instant;

/// Staff files of a few hundred thousand rows fit; larger bodies are refused.
const MAX_BODY: usize = 64 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(home::home))
        .route("/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(account::set_language))
        .route(
            "/access/{token}",
            get(account::access_form).post(account::access_submit),
        )
        .route("/me", get(people::me))
        .route("/team", get(people::my_people))
        .route("/people", get(people::list))
        .route("/people/new", get(people::new_form).post(people::create))
        .route("/people/{id}", get(people::show))
        .route(
            "/people/{id}/edit",
            get(people::edit_form).post(people::update),
        )
        .route("/people/{id}/access", post(people::access))
        .route("/sites", get(sites::list))
        .route("/sites/new", get(sites::new_form).post(sites::create))
        .route(
            "/sites/{id}/edit",
            get(sites::edit_form).post(sites::update),
        )
        .route("/teams", get(teams::list))
        .route("/teams/new", get(teams::new_form).post(teams::create))
        .route(
            "/teams/{id}/edit",
            get(teams::edit_form).post(teams::update),
        )
        .route(
            "/import/staff",
            get(staff_import::form).post(staff_import::submit),
        )
        .route("/import/staff/example.csv", get(staff_import::example))
        .route("/export/staff.csv", get(staff_import::export))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::context,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY));
    let secure = state.config.secure_cookies;
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/assets/{file}", get(assets::serve))
        .merge(pages)
        .with_state(state)
        .layer(middleware::from_fn(move |req, next| {
            security_headers(secure, req, next)
        }))
        .layer(middleware::from_fn(log_request))
}

async fn not_found(_: Ctx) -> AppError {
    AppError::NotFound
}

/// Headers that keep pages from being framed, sniffed or leaking where people came from. The
/// pages need no script at all, so the policy allows none.
async fn security_headers(secure: bool, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if !headers.contains_key(CACHE_CONTROL) {
        // Pages carry personal data: never keep them in a shared library PC's cache.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if secure {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

async fn log_request(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let micros = started.elapsed().as_micros() as u64;
    if status >= 500 {
        tracing::warn!(%method, %path, status, micros, "request");
    } else {
        tracing::info!(%method, %path, status, micros, "request");
    }
    response
}
