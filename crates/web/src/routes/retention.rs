//! The retention period, for admins: how many months after the day a person left the
//! scheduled retention job erases them. A shorter period that would erase people at once is
//! saved only once the admin confirms how many.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::mail::long_date;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::people::format_date;
use skillgym_domain::{OrganisationId, RetentionPeriod};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, SessionRecord};

/// People who would be erased at once by a new, shorter period.
pub struct Erasing {
    count: i64,
    /// They left before this day (written out in the reader's language).
    before: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "retention.html")]
pub struct RetentionPage {
    page: Page,
    errors: FormErrors,
    /// The months as typed (or as stored).
    months: String,
    current: i64,
    leavers: i64,
    threshold: i64,
    /// The next leaver's "left on" day and the day they will be erased, written out.
    next: Option<(String, String)>,
    /// Set when the admin must confirm erasing people at once.
    erasing: Option<Erasing>,
    /// The months the confirmation box is for.
    confirm_for: String,
    saved: bool,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct RetentionForm {
    #[serde(default)]
    months: String,
    /// "yes" when the box that confirms erasing people at once is ticked.
    #[serde(default)]
    confirm: String,
    /// The months the confirmation was shown for: ticking it for one figure does not count
    /// for another.
    #[serde(default)]
    confirm_for: String,
}

/// What the page shows about the current period, whatever the form holds.
async fn page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    threshold: i64,
    months: String,
) -> AppResult<RetentionPage> {
    let tr: &Tr = &ctx.tr;
    let current = state.store.retention_period(org).await?;
    let cutoff = current.erase_left_before(super::audits::today());
    let (leavers, _) = state.store.leavers(org, cutoff).await?;
    let next = state
        .store
        .next_leaver_on_or_after(org, cutoff)
        .await?
        .map(|left| {
            (
                long_date(tr, &format_date(left)),
                long_date(tr, &format_date(current.erased_on(left))),
            )
        });
    Ok(RetentionPage {
        page: ctx.page("retention-title"),
        errors: FormErrors::default(),
        months,
        current: current.months(),
        leavers,
        threshold,
        next,
        erasing: None,
        confirm_for: String::new(),
        saved: false,
    })
}

async fn organisation(state: &AppState, admin: &Admin) -> AppResult<(OrganisationId, i64)> {
    let org = state.store.organisation(admin.0.organisation_id).await?;
    Ok((org.id, org.anonymity_threshold.get() as i64))
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(shown): Query<Shown>,
) -> AppResult<Response> {
    let (org, threshold) = organisation(&state, &admin).await?;
    let current = state.store.retention_period(org).await?;
    let mut page = page(&state, &ctx, org, threshold, current.months().to_string()).await?;
    page.saved = shown.saved.is_some();
    Ok(page.into_response())
}

pub async fn save(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<RetentionForm>,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let (org, threshold) = organisation(&state, &admin).await?;
    let mut errors = FormErrors::default();
    let period = errors.check("months", RetentionPeriod::parse(&form.months));
    let mut page = page(&state, &ctx, org, threshold, form.months.trim().to_string()).await?;
    let Some(period) = period else {
        page.errors = errors;
        return Ok(unprocessable(page));
    };
    // A shorter period can put leavers past it at once: the job would erase them within the
    // hour, for good, so the admin says they mean it, for this many people.
    let cutoff = period.erase_left_before(super::audits::today());
    let (_, due) = state.store.leavers(org, cutoff).await?;
    let confirmed = form.confirm == "yes" && form.confirm_for == period.months().to_string();
    if due > 0 && period.months() < page.current && !confirmed {
        let asked_before = form.confirm_for == period.months().to_string();
        page.erasing = Some(Erasing {
            count: due,
            before: long_date(&ctx.tr, &format_date(cutoff)),
        });
        page.confirm_for = period.months().to_string();
        if asked_before {
            page.errors.add("confirm", "retention-confirm-missing");
            return Ok(unprocessable(page));
        }
        return Ok(page.into_response());
    }
    state
        .store
        .change_retention_period(org, period, Actor::Person(user.person_id))
        .await?;
    Ok(Redirect::to("/settings/retention?saved=1").into_response())
}

fn unprocessable(page: RetentionPage) -> Response {
    let mut response = page.into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}
