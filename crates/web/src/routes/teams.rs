//! Teams: groups of people with a manager, kept by admins.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::{PersonId, TeamId, TeamName};
use skillgym_store::{StoreError, TeamRecord};

#[derive(Template, WebTemplate)]
#[template(path = "teams.html")]
pub struct TeamsPage {
    page: Page,
    teams: Vec<TeamRecord>,
}

pub async fn list(admin: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let org = admin.organisation_id;
    Ok(TeamsPage {
        page: ctx.page("teams-title"),
        teams: state.store.teams(org).await?,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
pub struct TeamForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    manager: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "team_form.html")]
pub struct TeamFormPage {
    page: Page,
    form: TeamForm,
    errors: FormErrors,
    action: String,
    managers: Vec<(PersonId, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    title: &str,
    action: String,
    form: TeamForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let org = ctx.user()?.organisation_id;
    let failed = !errors.is_empty();
    let mut response = TeamFormPage {
        page: ctx.page(title),
        form,
        errors,
        action,
        managers: state.store.people_names(org).await?,
    }
    .into_response();
    if failed {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(_: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    form_page(
        &state,
        &ctx,
        "team-new-title",
        "/teams/new".into(),
        TeamForm::default(),
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<TeamForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let mut errors = FormErrors::default();
    if let Some(name) = errors.check("name", TeamName::parse(&form.name)) {
        let manager = form.manager.parse().ok().map(PersonId);
        match state.store.create_team(org, &name, manager).await {
            Ok(_) => return Ok(Redirect::to("/teams").into_response()),
            Err(StoreError::Taken(_)) => errors.add("name", "team-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(
        &state,
        &ctx,
        "team-new-title",
        "/teams/new".into(),
        form,
        errors,
    )
    .await
}

pub async fn edit_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TeamId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let team = state.store.team(org, id).await?;
    let form = TeamForm {
        name: team.name,
        manager: team.manager_id.map(|m| m.to_string()).unwrap_or_default(),
    };
    form_page(
        &state,
        &ctx,
        "team-edit-title",
        format!("/teams/{id}/edit"),
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn update(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<TeamId>,
    CsrfForm(form): CsrfForm<TeamForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    state.store.team(org, id).await?;
    let mut errors = FormErrors::default();
    if let Some(name) = errors.check("name", TeamName::parse(&form.name)) {
        let manager = form.manager.parse().ok().map(PersonId);
        match state.store.update_team(org, id, &name, manager).await {
            Ok(()) => return Ok(Redirect::to("/teams").into_response()),
            Err(StoreError::Taken(_)) => errors.add("name", "team-name-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(
        &state,
        &ctx,
        "team-edit-title",
        format!("/teams/{id}/edit"),
        form,
        errors,
    )
    .await
}
