//! Personal data rights on the web: a person downloads everything skillgym holds about them,
//! and an admin erases a person.

use super::audit_trail::{by, record};
use crate::AppState;
use crate::access::{Admin, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::PersonId;
use skillgym_store::{Actor, AuditAction, SessionRecord};

/// Everything skillgym holds about the signed-in person, as one zip of JSON and CSV files.
/// A POST, so that it carries a CSRF token and a link cannot start a download of it.
pub async fn download_own(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    record(
        &state,
        user,
        by(user, AuditAction::OwnDataDownloaded, Some(user.person_id)),
    )
    .await?;
    let data = state
        .store
        .personal_data(user.organisation_id, user.person_id)
        .await?;
    let today = skillgym_store::iso_time(skillgym_store::now());
    let today = today.get(..10).unwrap_or("");
    let readme = ctx.tr.t1("my-data-readme", "date", today.to_string());
    // CSV headings are for people, in their language; the JSON keeps the column names.
    let heading = |table: &str, column: &str| {
        ctx.tr.t(&format!(
            "my-data-column-{}-{}",
            table.replace('_', "-"),
            column.replace('_', "-")
        ))
    };
    let zip = data
        .to_zip(&readme, &heading)
        .map_err(anyhow::Error::from)?;
    Ok((
        [
            (CONTENT_TYPE, "application/zip".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"skillgym-my-data-{today}.zip\""),
            ),
        ],
        zip,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "erase_person.html")]
pub struct ErasePage {
    page: Page,
    id: PersonId,
    name: String,
    missing_confirmation: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "erased.html")]
pub struct ErasedPage {
    page: Page,
}

/// The admin about to erase someone else: the person, or why not.
async fn erasable(
    state: &AppState,
    user: &Admin,
    person: PersonId,
) -> AppResult<(PersonId, String)> {
    // An admin cannot erase themselves, so an organisation is never left with no one to run it
    // by accident.
    if person == user.person_id {
        return Err(AppError::Forbidden);
    }
    let record = state.store.person(user.organisation_id, person).await?;
    Ok((person, record.name()))
}

fn erase_page(ctx: &Ctx, id: PersonId, name: String, missing_confirmation: bool) -> Response {
    let page = Page::new(ctx, ctx.tr.t1("erase-title", "name", name.as_str()));
    let mut response = ErasePage {
        page,
        id,
        name,
        missing_confirmation,
    }
    .into_response();
    if missing_confirmation {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// The confirmation page, with a warning and a box to tick.
pub async fn erase_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
) -> AppResult<Response> {
    let (person, name) = erasable(&state, &admin, id).await?;
    Ok(erase_page(&ctx, person, name, false))
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: String,
}

/// Erases the person once the box is ticked; the erasure is recorded in the audit trail.
pub async fn erase(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> AppResult<Response> {
    let (person, name) = erasable(&state, &admin, id).await?;
    if form.confirm != "yes" {
        return Ok(erase_page(&ctx, person, name, true));
    }
    let user = ctx.user()?;
    state
        .store
        .erase_person(user.organisation_id, person, Actor::Person(user.person_id))
        .await?;
    tracing::info!(person = person.0, "person erased");
    Ok(ErasedPage {
        page: ctx.page("erased-title"),
    }
    .into_response())
}
