//! The anonymity threshold, for admins: the smallest number of people any figure of a report
//! may be about (3 to 50). Changes are recorded in the audit trail and apply to every report at
//! once.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_store::Actor;

#[derive(Template, WebTemplate)]
#[template(path = "anonymity.html")]
pub struct AnonymityPage {
    page: Page,
    errors: FormErrors,
    /// The threshold as typed (or as stored).
    threshold: String,
    current: usize,
    min: u16,
    max: u16,
    default: usize,
    saved: bool,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct AnonymityForm {
    #[serde(default)]
    threshold: String,
}

fn page(ctx: &Ctx, current: AnonymityThreshold, typed: String) -> AnonymityPage {
    AnonymityPage {
        page: ctx.page("anonymity-title"),
        errors: FormErrors::default(),
        threshold: typed,
        current: current.get(),
        min: AnonymityThreshold::MIN,
        max: AnonymityThreshold::MAX,
        default: AnonymityThreshold::DEFAULT.get(),
        saved: false,
    }
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(shown): Query<Shown>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let current = state.store.anonymity_threshold(org).await?;
    let mut page = page(&ctx, current, current.get().to_string());
    page.saved = shown.saved.is_some();
    Ok(page.into_response())
}

pub async fn save(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<AnonymityForm>,
) -> AppResult<Response> {
    let user = &admin;
    let org = user.organisation_id;
    let mut errors = FormErrors::default();
    let Some(threshold) = errors.check("threshold", AnonymityThreshold::parse(&form.threshold))
    else {
        let current = state.store.anonymity_threshold(org).await?;
        let mut page = page(&ctx, current, form.threshold.trim().to_string());
        page.errors = errors;
        let mut response = page.into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    match state
        .store
        .change_anonymity_threshold(org, threshold, Actor::Person(user.person_id))
        .await
    {
        Ok(_) => {}
        Err(skillgym_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    }
    // Pages show the organisation kept for a minute; reports read the threshold afresh.
    state.organisations.forget();
    tracing::info!(account = %user.account_id, threshold = threshold.get(), "anonymity threshold saved");
    Ok(Redirect::to("/settings/anonymity?saved=1").into_response())
}
