//! Sites: the places people work, kept by admins.

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
use skillgym_domain::{Location, SiteCode, SiteId, SiteKind, SiteName};
use skillgym_store::{SiteInput, SiteRecord, StoreError};

#[derive(Template, WebTemplate)]
#[template(path = "sites.html")]
pub struct SitesPage {
    page: Page,
    sites: Vec<SiteRecord>,
}

pub async fn list(admin: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let org = admin.organisation_id;
    Ok(SitesPage {
        page: ctx.page("sites-title"),
        sites: state.store.sites(org).await?,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
pub struct SiteForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    latitude: String,
    #[serde(default)]
    longitude: String,
}

impl SiteForm {
    fn parse(&self, errors: &mut FormErrors) -> Option<SiteInput> {
        let code = errors.check("code", SiteCode::parse(&self.code));
        let name = errors.check("name", SiteName::parse(&self.name));
        let kind = errors.check("kind", SiteKind::parse(&self.kind));
        let location = match Location::parse(&self.postcode, &self.latitude, &self.longitude) {
            Ok(l) => Some(l),
            Err(e) if e.0 == "invalid-postcode" => errors.check("postcode", Err(e)),
            Err(e) => errors.check("latitude", Err(e)),
        };
        Some(SiteInput {
            code: code?,
            name: name?,
            kind: kind?,
            location: location?,
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "site_form.html")]
pub struct SiteFormPage {
    page: Page,
    form: SiteForm,
    errors: FormErrors,
    action: String,
    kinds: [SiteKind; 4],
}

fn form_page(
    ctx: &Ctx,
    title: &str,
    action: String,
    form: SiteForm,
    errors: FormErrors,
) -> Response {
    let failed = !errors.is_empty();
    let mut response = SiteFormPage {
        page: ctx.page(title),
        form,
        errors,
        action,
        kinds: SiteKind::ALL,
    }
    .into_response();
    if failed {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

pub async fn new_form(_: Admin, ctx: Ctx) -> AppResult<Response> {
    let form = SiteForm {
        kind: "branch".into(),
        ..SiteForm::default()
    };
    Ok(form_page(
        &ctx,
        "site-new-title",
        "/sites/new".into(),
        form,
        FormErrors::default(),
    ))
}

pub async fn create(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SiteForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let mut errors = FormErrors::default();
    if let Some(input) = form.parse(&mut errors) {
        match state.store.create_site(org, &input).await {
            Ok(_) => return Ok(Redirect::to("/sites").into_response()),
            Err(StoreError::Taken(_)) => errors.add("code", "site-code-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(form_page(
        &ctx,
        "site-new-title",
        "/sites/new".into(),
        form,
        errors,
    ))
}

pub async fn edit_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SiteId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let site = state.store.site(org, id).await?;
    let form = SiteForm {
        code: site.code.to_string(),
        name: site.name,
        kind: site.kind.as_str().into(),
        postcode: site.location.postcode.unwrap_or_default(),
        latitude: site
            .location
            .latitude
            .map(|v| v.to_string())
            .unwrap_or_default(),
        longitude: site
            .location
            .longitude
            .map(|v| v.to_string())
            .unwrap_or_default(),
    };
    Ok(form_page(
        &ctx,
        "site-edit-title",
        format!("/sites/{id}/edit"),
        form,
        FormErrors::default(),
    ))
}

pub async fn update(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SiteId>,
    CsrfForm(form): CsrfForm<SiteForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    state.store.site(org, id).await?;
    let mut errors = FormErrors::default();
    if let Some(input) = form.parse(&mut errors) {
        match state.store.update_site(org, id, &input).await {
            Ok(()) => return Ok(Redirect::to("/sites").into_response()),
            Err(StoreError::Taken(_)) => errors.add("code", "site-code-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(form_page(
        &ctx,
        "site-edit-title",
        format!("/sites/{id}/edit"),
        form,
        errors,
    ))
}
