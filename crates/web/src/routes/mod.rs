//! Every route, grouped by what it is for, each method and path on its own line (the route ×
//! role test reads this list through [`route_table`]). Each handler parses its input, asks the
//! store or the domain, and renders a page: access is checked first, by an extractor of
//! [`crate::access`] ahead of any body, which is held to its route's limit.

mod account;
mod admin;
pub(crate) mod analysis;
mod anonymity;
mod audit_trail;
mod audits;
mod board;
mod buddies;
mod campaign_questions;
mod campaign_services;
mod campaigns;
mod catalogue;
mod champion_network;
mod champions;
pub(crate) mod change;
mod clubs;
mod comments;
mod credentials;
mod csv_import;
mod evaluation;
mod framework_editor;
mod framework_files;
mod free_text;
mod health;
mod help;
mod home;
pub(crate) mod horizon;
mod invitations;
mod networks;
mod people;
mod personal_data;
mod plans;
mod print;
pub(crate) mod profile;
mod progress;
mod public_links;
mod removal;
mod reports;
mod retention;
mod sessions;
pub(crate) mod training;
mod weekly_question;
mod xapi;

pub(crate) use sessions::when as session_when;
mod kit;
mod services;
mod settings;
mod sign_in;
mod single_sign_on;
mod sites;
mod staff_import;
mod survey_import;
mod team_audits;
mod teams;

use crate::context::{self, Ctx};
use crate::error::{AppError, ErrorPage};
use crate::{AppState, assets};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::handler::Handler;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, EXPECT, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
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
/// A batch of xAPI statements: 10,000 statements of a few kilobytes each fit, and so do
/// statements with their attachments' data in multipart/mixed (docs/xapi.md).
pub(crate) const MAX_STATEMENTS_BODY: usize = 64 * 1024 * 1024;

/// The pages: every route that needs the request context (who is signed in, the language).
fn pages() -> Routes {
    Routes::new()
        .get("/", home::home)
        .get("/sign-in", sign_in::form)
        .post("/sign-in", sign_in::submit)
        .post("/sign-out", sign_in::sign_out)
        .get("/sign-in/sso", single_sign_on::start)
        .get("/sign-in/sso/callback", single_sign_on::callback)
        .get("/admin", admin::show)
        .get("/settings", settings::show)
        .post("/settings", settings::save)
        .get("/settings/retention", retention::show)
        .post("/settings/retention", retention::save)
        .get("/settings/anonymity", anonymity::show)
        .post("/settings/anonymity", anonymity::save)
        .get("/settings/follow-ups", evaluation::days_form)
        .post("/settings/follow-ups", evaluation::save_days)
        .get("/settings/kit", kit::age_form)
        .post("/settings/kit", kit::save_age)
        .get("/kit", kit::list)
        .get("/kit.csv", kit::export)
        .get("/kit/new", kit::new_form)
        .post("/kit/new", kit::create)
        .get("/kit/import", kit::import_form)
        .upload("/kit/import", kit::import)
        .get("/kit/flags", kit::flags_page)
        .get("/kit/{id}", kit::show)
        .get("/kit/{id}/edit", kit::edit_form)
        .post("/kit/{id}/edit", kit::update)
        .post("/kit/{id}/trained", kit::trained)
        .post("/kit/{id}/use", kit::log_use)
        .get("/kit/{id}/remove", kit::remove_form)
        .post("/kit/{id}/remove", kit::remove)
        .get("/settings/services", services::age_form)
        .post("/settings/services", services::save_age)
        .get("/services", services::list)
        .get("/services.csv", services::export)
        .get("/services/new", services::new_form)
        .post("/services/new", services::create)
        .get("/services/import", services::import_form)
        .upload("/services/import", services::import)
        .get("/services/gaps", services::gaps)
        .get("/services/{id}", services::show)
        .get("/services/{id}/edit", services::edit_form)
        .post("/services/{id}/edit", services::update)
        .post("/services/{id}/checked", services::checked)
        .post("/services/{id}/confidence", services::rate)
        .get("/services/{id}/remove", services::remove_form)
        .post("/services/{id}/remove", services::remove)
        .post("/language", account::set_language)
        .get("/network", networks::coordinated)
        .post("/network/{id}/campaigns", networks::publish)
        .post("/network/{id}/frameworks", networks::share_framework)
        .post("/network/{id}/activities", networks::share_activity)
        .get("/network/campaigns/{id}", networks::figures_for_coordinator)
        .get("/networks", networks::memberships)
        .post("/networks/{id}/sharing", networks::set_sharing)
        .post("/networks/campaigns/{id}/open", networks::open)
        .post("/networks/frameworks/{id}/adopt", networks::adopt_framework)
        .post("/networks/activities/{id}/adopt", networks::adopt_activity)
        .get("/campaigns/{id}/network", networks::compare)
        .get("/access/{token}", account::access_form)
        .post("/access/{token}", account::access_submit)
        .get("/audits", audits::list)
        .get("/audits/{id}", audits::start_page)
        .post("/audits/{id}/start", audits::start)
        .get("/audits/{id}/section/{number}", audits::section)
        .post("/audits/{id}/section/{number}", audits::save_section)
        .get("/audits/{id}/check", audits::check)
        .post("/audits/{id}/check", audits::submit)
        .get("/audits/{id}/results", audits::results)
        .get("/audits/{id}/pictures/{name}", audits::picture)
        .get("/take/{code}", public_links::show)
        .post("/take/{code}", public_links::start)
        .get("/take/{code}/sent", public_links::sent)
        .get("/take/{code}/confirm/{token}", public_links::confirm_page)
        .post("/take/{code}/confirm/{token}", public_links::confirm)
        .post(
            "/campaigns/{id}/public-link",
            public_links::set_for_campaign,
        )
        .post(
            "/network/campaigns/{id}/public-link",
            public_links::set_for_network_campaign,
        )
        .get("/audits/{id}/link/{token}", invitations::link_page)
        .post("/audits/{id}/link/{token}", invitations::open_link)
        .get("/learning", catalogue::list)
        .get("/learning/new", catalogue::new_form)
        .post("/learning/new", catalogue::create)
        .get("/learning/import", catalogue::import_form)
        .upload("/learning/import", catalogue::import)
        .get("/learning/catalogue.csv", catalogue::export)
        .get("/learning/{id}", catalogue::show)
        .get("/learning/{id}/edit", catalogue::edit_form)
        .post("/learning/{id}/edit", catalogue::update)
        .post("/learning/{id}/rating", catalogue::rate)
        .post("/learning/{id}/assignments", clubs::set)
        .get("/learning/assignments/{id}", clubs::show)
        .post("/learning/assignments/{id}/submission", clubs::submit)
        .post("/learning/assignments/{id}/feedback", clubs::feedback)
        .get("/learning/{id}/sessions/new", sessions::new_form)
        .post("/learning/{id}/sessions/new", sessions::create)
        .get("/learning/sessions/{id}", sessions::attendance_page)
        .post(
            "/learning/sessions/{id}/attendance",
            sessions::mark_attendance,
        )
        .post(
            "/learning/sessions/{id}/facilitator",
            sessions::change_facilitator,
        )
        .post("/learning/sessions/{id}/book", sessions::book)
        .post("/learning/sessions/{id}/cancel", sessions::cancel)
        .get(
            "/learning/sessions/{id}/calendar.ics",
            sessions::session_ics,
        )
        .get("/me/calendar", sessions::calendar_page)
        .post("/me/calendar", sessions::renew_calendar)
        .get("/calendar/{token}", sessions::feed)
        .get("/frameworks", campaigns::frameworks)
        .get("/frameworks/import", framework_files::form)
        .upload("/frameworks/import", framework_files::submit)
        .get("/frameworks/new", framework_editor::new_form)
        .post("/frameworks/new", framework_editor::create)
        .get("/frameworks/{id}", campaigns::framework)
        .get("/frameworks/{id}/edit", framework_editor::edit_form)
        .post("/frameworks/{id}/edit", framework_editor::update)
        .get("/frameworks/{id}/levels", framework_editor::levels_form)
        .post("/frameworks/{id}/levels", framework_editor::save_levels)
        .get(
            "/frameworks/{id}/areas/new",
            framework_editor::new_area_form,
        )
        .post("/frameworks/{id}/areas/new", framework_editor::add_area)
        .get(
            "/frameworks/{id}/areas/{code}/edit",
            framework_editor::edit_area_form,
        )
        .post(
            "/frameworks/{id}/areas/{code}/edit",
            framework_editor::update_area,
        )
        .post(
            "/frameworks/{id}/areas/{code}/move",
            framework_editor::move_area,
        )
        .get(
            "/frameworks/{id}/areas/{code}/remove",
            framework_editor::remove_area_form,
        )
        .post(
            "/frameworks/{id}/areas/{code}/remove",
            framework_editor::remove_area,
        )
        .get(
            "/frameworks/{id}/competences/new",
            framework_editor::new_competence_form,
        )
        .post(
            "/frameworks/{id}/competences/new",
            framework_editor::add_competence,
        )
        .get(
            "/frameworks/{id}/competences/{code}/edit",
            framework_editor::edit_competence_form,
        )
        .post(
            "/frameworks/{id}/competences/{code}/edit",
            framework_editor::update_competence,
        )
        .post(
            "/frameworks/{id}/competences/{code}/move",
            framework_editor::move_competence,
        )
        .get(
            "/frameworks/{id}/competences/{code}/remove",
            framework_editor::remove_competence_form,
        )
        .post(
            "/frameworks/{id}/competences/{code}/remove",
            framework_editor::remove_competence,
        )
        .get("/frameworks/{id}/case.json", framework_files::case_json)
        .get("/frameworks/{id}/framework.csv", framework_files::csv)
        .get("/campaigns", campaigns::list)
        .get("/campaigns/new", campaigns::new_form)
        .post("/campaigns/new", campaigns::create)
        .get("/campaigns/{id}", campaigns::show)
        .post("/campaigns/{id}/clone", campaigns::clone)
        .get("/campaigns/{id}/services", campaign_services::show)
        .post("/campaigns/{id}/services", campaign_services::save)
        .get("/campaigns/{id}/questions", campaign_questions::list)
        .get(
            "/campaigns/{id}/questions/new",
            campaign_questions::new_question_form,
        )
        .post(
            "/campaigns/{id}/questions/new",
            campaign_questions::add_question,
        )
        .get(
            "/campaigns/{id}/questions/{q}/edit",
            campaign_questions::edit_question_form,
        )
        .post(
            "/campaigns/{id}/questions/{q}/edit",
            campaign_questions::update_question,
        )
        .get(
            "/campaigns/{id}/questions/{q}/remove",
            campaign_questions::remove_question_form,
        )
        .post(
            "/campaigns/{id}/questions/{q}/remove",
            campaign_questions::remove_question,
        )
        .get(
            "/campaigns/{id}/quiz/new",
            campaign_questions::new_quiz_form,
        )
        .form_with_file("/campaigns/{id}/quiz/new", campaign_questions::add_quiz)
        .get(
            "/campaigns/{id}/quiz/{q}/edit",
            campaign_questions::edit_quiz_form,
        )
        .form_with_file(
            "/campaigns/{id}/quiz/{q}/edit",
            campaign_questions::update_quiz,
        )
        .get(
            "/campaigns/{id}/quiz/{q}/remove",
            campaign_questions::remove_quiz_form,
        )
        .post(
            "/campaigns/{id}/quiz/{q}/remove",
            campaign_questions::remove_quiz,
        )
        .post("/campaigns/{id}/invitations", invitations::send_invitations)
        .post("/campaigns/{id}/reminders", invitations::send_reminders)
        .get("/campaigns/{id}/progress", progress::show)
        .get("/campaigns/{id}/progress.csv", progress::csv)
        .post("/campaigns/{id}/progress/reminders", progress::remind)
        .post(
            "/campaigns/{id}/invitation-settings",
            invitations::save_settings,
        )
        .get("/campaigns/{id}/import", survey_import::upload_form)
        .upload("/campaigns/{id}/import", survey_import::upload)
        .get("/campaigns/{id}/import/{upload}", survey_import::map_form)
        .post("/campaigns/{id}/import/{upload}", survey_import::import)
        .get("/campaigns/{id}/report", reports::campaign_report)
        .get("/campaigns/{id}/report/print", print::show)
        .get(
            "/campaigns/{id}/report/{table}",
            reports::campaign_report_csv,
        )
        .get("/campaigns/{id}/compare", analysis::compare)
        .get("/campaigns/{id}/compare.csv", analysis::compare_csv)
        .get("/campaigns/{id}/calibration", analysis::calibration)
        .get("/campaigns/{id}/calibration.csv", analysis::calibration_csv)
        .get(
            "/campaigns/{id}/calibration-competences.csv",
            analysis::knowledge_csv,
        )
        .get("/campaigns/{id}/change", change::show)
        .get("/campaigns/{id}/change.csv", change::csv)
        .get("/campaigns/{id}/answers", free_text::show)
        .get("/campaigns/{id}/answers.csv", free_text::csv)
        .get("/me", people::me)
        .post("/me/data", personal_data::download_own)
        .get("/team", people::my_people)
        .get("/team/campaigns/{id}", team_audits::show)
        .post("/team/campaigns/{id}/reminders", team_audits::remind)
        .get("/people", people::list)
        .get("/people/new", people::new_form)
        .post("/people/new", people::create)
        .get("/people/{id}", people::show)
        .get("/people/{id}/profile", profile::show)
        .get("/people/{id}/plan", plans::of_person)
        .post("/people/{id}/plan", plans::propose)
        .get("/me/plan", plans::own)
        .post("/me/plan/steps", plans::tick)
        .post("/me/plan/reassess", plans::reassess)
        .get("/plans", plans::list)
        .get("/champion", champions::page)
        .get("/champion/offer", champions::offer_form)
        .post("/champion/offer", champions::save_offer)
        .get("/champion/help", champions::help_log)
        .post("/champion/help", champions::log_help)
        .get("/champion/step-down", champion_network::step_down_form)
        .post("/champion/step-down", champion_network::step_down)
        .get("/champions", champion_network::list)
        .get("/champions/nominate", champion_network::nominate_form)
        .post("/champions/nominate", champion_network::nominate)
        .get("/champions/help", champion_network::report)
        .post("/champions/{person}/approve", champion_network::approve)
        .get("/champions/{person}/end", champion_network::end_form)
        .post("/champions/{person}/end", champion_network::end)
        .get("/help", help::find)
        .get("/help/ask/{person}", help::ask_form)
        .post("/help/ask/{person}", help::ask)
        .get("/buddies", buddies::list)
        .get("/buddies/new", buddies::new_form)
        .post("/buddies/new", buddies::create)
        .get("/buddies/{id}", buddies::show)
        .post("/buddies/{id}/meetings", buddies::log_meeting)
        .post("/buddies/{id}/end", buddies::end)
        .get("/champions/board", board::list)
        .get("/champions/board/new", board::new_form)
        .post("/champions/board/new", board::create)
        .get("/champions/board/{id}", board::show)
        .post("/champions/board/{id}/comments", board::comment)
        .get("/champions/board/{id}/remove", board::remove_form)
        .post("/champions/board/{id}/remove", board::remove)
        .post("/comments/{id}/remove", comments::remove)
        .get("/horizon", horizon::list)
        .get("/horizon/new", horizon::clip_form)
        .post("/horizon/new", horizon::clip)
        .get("/horizon/synthesis", horizon::synthesis)
        .get("/horizon/write-ups", horizon::write_ups)
        .post("/horizon/write-ups/new", horizon::publish)
        .get("/horizon/write-ups/{id}", horizon::write_up)
        .get("/horizon/{id}", horizon::show)
        .post("/horizon/{id}/comments", horizon::comment)
        .get("/horizon/{id}/remove", horizon::remove_form)
        .post("/horizon/{id}/remove", horizon::remove)
        .get("/training", training::matrix)
        .get("/training/export.csv", training::export)
        .get("/training/requirements/new", training::new_requirement)
        .post("/training/requirements", training::create_requirement)
        .get("/training/requirements/{id}", training::edit_requirement)
        .post("/training/requirements/{id}", training::change_requirement)
        .get("/training/requirements/{id}/retire", training::retire_form)
        .post("/training/requirements/{id}/retire", training::retire)
        .get("/training/import", training::import_form)
        .upload("/training/import", training::import)
        .get("/me/feedback", evaluation::list)
        .get("/me/feedback/{id}", evaluation::form)
        .post("/me/feedback/{id}", evaluation::submit)
        .get("/me/follow-ups/{id}/{days}", evaluation::follow_up_form)
        .post("/me/follow-ups/{id}/{days}", evaluation::answer_follow_up)
        .get("/evaluation", evaluation::report_page)
        .get("/evaluation.csv", evaluation::report_csv)
        .get("/questions", weekly_question::faq)
        .get("/questions/ask", weekly_question::ask_form)
        .post("/questions/ask", weekly_question::ask)
        .get("/questions/waiting", weekly_question::waiting)
        .get("/questions/{id}", weekly_question::show)
        .get("/questions/{id}/answer", weekly_question::answer_form)
        .post("/questions/{id}/answer", weekly_question::answer)
        .get("/questions/{id}/remove", weekly_question::remove_form)
        .post("/questions/{id}/remove", weekly_question::remove)
        .get("/me/training", training::own)
        .form_with_file("/me/training", training::record_own)
        .get("/people/{id}/training", training::of_person)
        .form_with_file("/people/{id}/training", training::record_for)
        .get(
            "/people/{id}/training/evidence/{completion}",
            training::evidence,
        )
        .post("/plans/{id}/propose", plans::propose_again)
        .post("/plans/{id}/change", plans::change)
        .post("/plans/{id}/steps", plans::edit_steps)
        .post("/plans/{id}/notes", plans::add_note)
        .get("/credentials/{id}", credentials::show)
        .get("/credentials/{id}/credential.jws", credentials::download)
        .get("/credentials/issuers/{slug}", credentials::issuer)
        .get("/.well-known/jwks.json", credentials::jwks)
        .get("/people/{id}/profile.csv", profile::csv)
        .get("/role-profiles", profile::role_profiles)
        .post("/role-profiles", profile::save_role_profiles)
        .get("/people/{id}/edit", people::edit_form)
        .post("/people/{id}/edit", people::update)
        .post("/people/{id}/access", people::access)
        .get("/people/{id}/erase", personal_data::erase_form)
        .post("/people/{id}/erase", personal_data::erase)
        .get("/audit-trail", audit_trail::list)
        .get("/audit-trail.csv", audit_trail::csv)
        .get("/sites", sites::list)
        .get("/sites/new", sites::new_form)
        .post("/sites/new", sites::create)
        .get("/sites/{id}/edit", sites::edit_form)
        .post("/sites/{id}/edit", sites::update)
        .get("/teams", teams::list)
        .get("/teams/new", teams::new_form)
        .post("/teams/new", teams::create)
        .get("/teams/{id}/edit", teams::edit_form)
        .post("/teams/{id}/edit", teams::update)
        .get("/import/staff", staff_import::form)
        .upload("/import/staff", staff_import::submit)
        .get("/import/staff/example.csv", staff_import::example)
        .get("/import/staff/{upload}", staff_import::check)
        .post("/import/staff/{upload}", staff_import::confirm)
        .get("/export/staff.csv", staff_import::export)
}

/// The routes that answer without the request context.
fn bare() -> Routes {
    Routes::new()
        .get("/healthz", health::healthz)
        .get("/assets/{file}", assets::serve)
}

/// The Learning Record Store (docs/xapi.md): JSON for learning systems, authenticated per
/// request by a client's Basic credentials (no session, no CSRF), every answer carrying
/// `X-Experience-API-Version`.
fn xapi() -> Routes {
    Routes::new()
        .get("/xapi/about", xapi::about)
        .get("/xapi/statements", xapi::get)
        .json(Method::PUT, "/xapi/statements", put(xapi::put))
        .json(Method::POST, "/xapi/statements", post(xapi::post))
}

pub fn router(state: AppState) -> Router {
    let pages = pages()
        .router
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::context,
        ));
    let secure = state.config.secure_cookies;
    let lrs = xapi()
        .router
        .layer(middleware::from_fn(xapi::version_header));
    bare()
        .router
        .merge(lrs)
        .merge(pages)
        .with_state(state)
        .layer(middleware::from_fn(move |req, next| {
            security_headers(secure, req, next)
        }))
        .layer(middleware::from_fn(log_request))
}

/// One route as the router has it: a method, a path pattern, and what body it takes.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    /// The most a body may hold, for a route that reads one.
    pub body_limit: Option<usize>,
    /// A body declared larger than the limit is refused before any of it is read. Otherwise
    /// (the forms with a picture) reading stops at the limit, so that the form can come back
    /// with what was typed before the file.
    pub refused_when_declared_larger: bool,
}

/// Every route, for the route × role test (an axum `Router` cannot list its own).
#[doc(hidden)]
pub fn route_table() -> Vec<RouteInfo> {
    let mut table = bare().table;
    table.extend(xapi().table);
    table.extend(pages().table);
    table
}

/// A router that notes each method and path as it is added, with its body limit.
struct Routes {
    router: Router<AppState>,
    table: Vec<RouteInfo>,
}

impl Routes {
    fn new() -> Self {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    fn add(
        mut self,
        method: Method,
        path: &'static str,
        body_limit: Option<(usize, bool)>,
        endpoint: MethodRouter<AppState>,
    ) -> Self {
        self.table.push(RouteInfo {
            method,
            path,
            body_limit: body_limit.map(|(limit, _)| limit),
            refused_when_declared_larger: body_limit.is_some_and(|(_, early)| early),
        });
        self.router = self.router.route(path, endpoint);
        self
    }

    fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::GET, path, None, get(handler))
    }

    /// A form.
    fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.with_body(path, handler, MAX_FORM_BODY, true)
    }

    /// A form carrying a data file.
    fn upload<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.with_body(path, handler, MAX_FILE_BODY, true)
    }

    /// A form that may carry a picture or a certificate, after its typed fields.
    fn form_with_file<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        handler: H,
    ) -> Self {
        self.with_body(path, handler, MAX_PICTURE_BODY, false)
    }

    /// A JSON API route taking a body of at most [`MAX_STATEMENTS_BODY`]: its handler checks
    /// the credentials from the head before reading the body, and answers in JSON (no page).
    fn json(self, method: Method, path: &'static str, endpoint: MethodRouter<AppState>) -> Self {
        let endpoint = endpoint.layer(DefaultBodyLimit::max(MAX_STATEMENTS_BODY));
        self.add(method, path, Some((MAX_STATEMENTS_BODY, false)), endpoint)
    }

    fn with_body<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        handler: H,
        limit: usize,
        refuse_when_declared_larger: bool,
    ) -> Self {
        let endpoint =
            post(handler)
                .layer(DefaultBodyLimit::max(limit))
                .layer(middleware::from_fn(move |req, next| {
                    limit_body(limit, refuse_when_declared_larger, req, next)
                }));
        self.add(
            Method::POST,
            path,
            Some((limit, refuse_when_declared_larger)),
            endpoint,
        )
    }
}

/// Holds a route's body to its limit: a body declared larger is refused at once, before any of
/// it is read; one that turns out larger while it is read is refused by whatever reads it.
/// Either way the page names the limit.
async fn limit_body(
    limit: usize,
    refuse_when_declared_larger: bool,
    req: Request,
    next: Next,
) -> Response {
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut response = if refuse_when_declared_larger && declared.is_some_and(|n| n > limit as u64)
    {
        // A browser is still sending: read and drop the rest for a while, so that it shows this
        // page rather than a connection reset. A client that waits to be told to go on (`Expect:
        // 100-continue`) is not told, and sends nothing.
        if !req.headers().contains_key(EXPECT) {
            crate::upload::discard(req.into_body());
        }
        AppError::TooLarge.into_response()
    } else {
        next.run(req).await
    };
    if let Some(page) = response.extensions_mut().get_mut::<ErrorPage>()
        && page.status == StatusCode::PAYLOAD_TOO_LARGE
    {
        *page = ErrorPage::too_large(limit);
    }
    response
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

/// A path as the request log writes it: the token of a single-use link (`/access/{token}`), a
/// password-free link (`/audits/{id}/link/{token}`), a public link's confirmation
/// (`/take/{code}/confirm/{token}`) or a calendar feed (`/calendar/{token}`) replaced by
/// `[token]`, so that the log, and whoever reads it, never holds a link that works. Any segment
/// after an `access`, `link`, `confirm` or `calendar` segment is replaced, whatever surrounds it.
fn path_for_log(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut previous = "";
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        let secret =
            matches!(previous, "access" | "link" | "confirm" | "calendar") && !segment.is_empty();
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
        assert_eq!(
            path_for_log("/take/k3yC0de/confirm/abc_DEF-123"),
            "/take/k3yC0de/confirm/[token]"
        );
        assert_eq!(
            path_for_log("/calendar/abc_DEF-123.ics"),
            "/calendar/[token]"
        );
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
