//! Every route, grouped by what it is for. Each handler parses its input, asks the store or
//! the domain, and renders a page: access is checked first, through [`Ctx`].

mod account;
pub(crate) mod analysis;
mod audit_trail;
mod audits;
mod campaign_questions;
mod campaigns;
pub(crate) mod change;
mod framework_editor;
mod framework_files;
mod health;
mod home;
mod invitations;
mod people;
mod personal_data;
mod print;
pub(crate) mod profile;
mod reports;
mod retention;
mod settings;
mod sign_in;
mod single_sign_on;
mod sites;
mod staff_import;
mod survey_import;
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

/// The routes that take a data file (staff, survey responses, frameworks): staff files of a
/// few hundred thousand rows fit; larger bodies are refused.
const MAX_FILE_BODY: usize = 64 * 1024 * 1024;
/// A knowledge-round question with its picture: the picture's own limit, and room for the
/// form's text fields and the multipart framing. A larger upload is refused once this much has
/// been read, not after all of it.
const MAX_PICTURE_BODY: usize = skillgym_domain::audit::picture::MAX_BYTES + 256 * 1024;
/// Every other form (axum's own default): far more than any of them sends.
const MAX_FORM_BODY: usize = 2 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(home::home))
        .route("/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/sign-in/sso", get(single_sign_on::start))
        .route("/sign-in/sso/callback", get(single_sign_on::callback))
        .route("/settings", get(settings::show).post(settings::save))
        .route(
            "/settings/retention",
            get(retention::show).post(retention::save),
        )
        .route("/language", post(account::set_language))
        .route(
            "/access/{token}",
            get(account::access_form).post(account::access_submit),
        )
        .route("/audits", get(audits::list))
        .route("/audits/{id}", get(audits::start_page))
        .route("/audits/{id}/start", post(audits::start))
        .route(
            "/audits/{id}/section/{number}",
            get(audits::section).post(audits::save_section),
        )
        .route(
            "/audits/{id}/check",
            get(audits::check).post(audits::submit),
        )
        .route("/audits/{id}/results", get(audits::results))
        .route("/audits/{id}/pictures/{name}", get(audits::picture))
        .route(
            "/audits/{id}/link/{token}",
            get(invitations::link_page).post(invitations::open_link),
        )
        .route("/frameworks", get(campaigns::frameworks))
        .route(
            "/frameworks/import",
            get(framework_files::form)
                .post(framework_files::submit)
                .layer(DefaultBodyLimit::max(MAX_FILE_BODY)),
        )
        .route(
            "/frameworks/new",
            get(framework_editor::new_form).post(framework_editor::create),
        )
        .route("/frameworks/{id}", get(campaigns::framework))
        .route(
            "/frameworks/{id}/edit",
            get(framework_editor::edit_form).post(framework_editor::update),
        )
        .route(
            "/frameworks/{id}/levels",
            get(framework_editor::levels_form).post(framework_editor::save_levels),
        )
        .route(
            "/frameworks/{id}/areas/new",
            get(framework_editor::new_area_form).post(framework_editor::add_area),
        )
        .route(
            "/frameworks/{id}/areas/{code}/edit",
            get(framework_editor::edit_area_form).post(framework_editor::update_area),
        )
        .route(
            "/frameworks/{id}/areas/{code}/move",
            post(framework_editor::move_area),
        )
        .route(
            "/frameworks/{id}/areas/{code}/remove",
            get(framework_editor::remove_area_form).post(framework_editor::remove_area),
        )
        .route(
            "/frameworks/{id}/competences/new",
            get(framework_editor::new_competence_form).post(framework_editor::add_competence),
        )
        .route(
            "/frameworks/{id}/competences/{code}/edit",
            get(framework_editor::edit_competence_form).post(framework_editor::update_competence),
        )
        .route(
            "/frameworks/{id}/competences/{code}/move",
            post(framework_editor::move_competence),
        )
        .route(
            "/frameworks/{id}/competences/{code}/remove",
            get(framework_editor::remove_competence_form).post(framework_editor::remove_competence),
        )
        .route(
            "/frameworks/{id}/case.json",
            get(framework_files::case_json),
        )
        .route("/frameworks/{id}/framework.csv", get(framework_files::csv))
        .route("/campaigns", get(campaigns::list))
        .route(
            "/campaigns/new",
            get(campaigns::new_form).post(campaigns::create),
        )
        .route("/campaigns/{id}", get(campaigns::show))
        .route("/campaigns/{id}/clone", post(campaigns::clone))
        .route("/campaigns/{id}/questions", get(campaign_questions::list))
        .route(
            "/campaigns/{id}/questions/new",
            get(campaign_questions::new_question_form).post(campaign_questions::add_question),
        )
        .route(
            "/campaigns/{id}/questions/{q}/edit",
            get(campaign_questions::edit_question_form).post(campaign_questions::update_question),
        )
        .route(
            "/campaigns/{id}/questions/{q}/remove",
            get(campaign_questions::remove_question_form).post(campaign_questions::remove_question),
        )
        .route(
            "/campaigns/{id}/quiz/new",
            get(campaign_questions::new_quiz_form)
                .post(campaign_questions::add_quiz)
                .layer(DefaultBodyLimit::max(MAX_PICTURE_BODY)),
        )
        .route(
            "/campaigns/{id}/quiz/{q}/edit",
            get(campaign_questions::edit_quiz_form)
                .post(campaign_questions::update_quiz)
                .layer(DefaultBodyLimit::max(MAX_PICTURE_BODY)),
        )
        .route(
            "/campaigns/{id}/quiz/{q}/remove",
            get(campaign_questions::remove_quiz_form).post(campaign_questions::remove_quiz),
        )
        .route(
            "/campaigns/{id}/invitations",
            post(invitations::send_invitations),
        )
        .route(
            "/campaigns/{id}/reminders",
            post(invitations::send_reminders),
        )
        .route(
            "/campaigns/{id}/invitation-settings",
            post(invitations::save_settings),
        )
        .route(
            "/campaigns/{id}/import",
            get(survey_import::upload_form)
                .post(survey_import::upload)
                .layer(DefaultBodyLimit::max(MAX_FILE_BODY)),
        )
        .route(
            "/campaigns/{id}/import/{upload}",
            get(survey_import::map_form).post(survey_import::import),
        )
        .route("/campaigns/{id}/report", get(reports::campaign_report))
        .route("/campaigns/{id}/report/print", get(print::show))
        .route(
            "/campaigns/{id}/report/{table}",
            get(reports::campaign_report_csv),
        )
        .route("/campaigns/{id}/compare", get(analysis::compare))
        .route("/campaigns/{id}/compare.csv", get(analysis::compare_csv))
        .route("/campaigns/{id}/calibration", get(analysis::calibration))
        .route(
            "/campaigns/{id}/calibration.csv",
            get(analysis::calibration_csv),
        )
        .route("/campaigns/{id}/change", get(change::show))
        .route("/campaigns/{id}/change.csv", get(change::csv))
        .route("/me", get(people::me))
        .route("/me/data", post(personal_data::download_own))
        .route("/team", get(people::my_people))
        .route("/people", get(people::list))
        .route("/people/new", get(people::new_form).post(people::create))
        .route("/people/{id}", get(people::show))
        .route("/people/{id}/profile", get(profile::show))
        .route("/people/{id}/profile.csv", get(profile::csv))
        .route(
            "/role-profiles",
            get(profile::role_profiles).post(profile::save_role_profiles),
        )
        .route(
            "/people/{id}/edit",
            get(people::edit_form).post(people::update),
        )
        .route("/people/{id}/access", post(people::access))
        .route(
            "/people/{id}/erase",
            get(personal_data::erase_form).post(personal_data::erase),
        )
        .route("/audit-trail", get(audit_trail::list))
        .route("/audit-trail.csv", get(audit_trail::csv))
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
            get(staff_import::form)
                .post(staff_import::submit)
                .layer(DefaultBodyLimit::max(MAX_FILE_BODY)),
        )
        .route("/import/staff/example.csv", get(staff_import::example))
        .route(
            "/import/staff/{upload}",
            get(staff_import::check).post(staff_import::confirm),
        )
        .route("/export/staff.csv", get(staff_import::export))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::context,
        ))
        .layer(DefaultBodyLimit::max(MAX_FORM_BODY));
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

/// A path as the request log writes it: the token of a single-use link (`/access/{token}`)
/// or a password-free link (`/audits/{id}/link/{token}`) replaced by `[token]`, so that the
/// log, and whoever reads it, never holds a link that works. Any segment after an `access` or
/// `link` segment is replaced, whatever surrounds it.
fn path_for_log(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut previous = "";
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        let secret = matches!(previous, "access" | "link") && !segment.is_empty();
        out.push_str(if secret { "[token]" } else { segment });
        previous = segment;
    }
    out
}

async fn log_request(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = path_for_log(req.uri().path());
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

#[cfg(test)]
mod tests {
    use super::path_for_log;

    #[test]
    fn logged_paths_hold_no_link_token() {
        assert_eq!(path_for_log("/access/abc_DEF-123"), "/access/[token]");
        assert_eq!(
            path_for_log("/audits/12/link/7.12.1798761600.c2lnbmF0dXJl"),
            "/audits/12/link/[token]"
        );
        assert_eq!(
            path_for_log("/audits/12/link/7.12.1.sig/more"),
            "/audits/12/link/[token]/more"
        );
        assert_eq!(path_for_log("//access/abc"), "//access/[token]");
        for kept in [
            "/",
            "/access",
            "/access/",
            "/people/3/access",
            "/audits/12/section/1",
            "/campaigns/4/report",
        ] {
            assert_eq!(path_for_log(kept), kept);
        }
    }
}
