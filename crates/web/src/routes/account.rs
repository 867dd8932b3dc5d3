//! A person's own account: their language, and setting a password from an access link.

use crate::AppState;
use crate::auth::{self, LANG_COOKIE, password};
use crate::context::{Ctx, append_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use crate::routes::sign_in::access_ended;
use crate::same_site::same_site_path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_i18n::Lang;

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Switches language: remembered on the account when signed in, in a cookie otherwise.
pub async fn set_language(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> AppResult<Response> {
    let lang = Lang::parse(&form.lang)
        .filter(|l| Lang::OFFERED.contains(l))
        .ok_or(AppError::BadRequest("lang"))?;
    if let Some(user) = &ctx.session {
        state
            .store
            .set_language(user.account_id, lang.code())
            .await?;
    }
    let mut response = Redirect::to(same_site_path(&form.back)).into_response();
    append_cookie(
        &mut response,
        &auth::cookie(
            LANG_COOKIE,
            lang.code(),
            Some(365 * 24 * 3600),
            state.config.secure_cookies,
        ),
    );
    Ok(response)
}

#[derive(Template, WebTemplate)]
#[template(path = "access.html")]
pub struct AccessPage {
    page: Page,
    token: String,
    errors: FormErrors,
}

/// The page an access link opens: choose a password.
pub async fn access_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let account = state
        .store
        .access_link(&auth::token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    if state.store.access_ended(account).await? {
        return Ok(access_ended(&ctx));
    }
    Ok(AccessPage {
        page: ctx.page("access-title"),
        token,
        errors: FormErrors::default(),
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct AccessForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn access_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<AccessForm>,
) -> AppResult<Response> {
    let hash = auth::token_hash(&token);
    let account = state
        .store
        .access_link(&hash)
        .await?
        .ok_or(AppError::NotFound)?;
    if state.store.access_ended(account).await? {
        tracing::info!(%account, "access link refused: access ended");
        return Ok(access_ended(&ctx));
    }
    let mut errors = FormErrors::default();
    if form.password.chars().count() < password::MIN_LENGTH {
        errors.add("password", "access-password-short");
    } else if form.password != form.confirm {
        errors.add("confirm", "access-password-mismatch");
    }
    if !errors.is_empty() {
        return Ok(AccessPage {
            page: ctx.page("access-title"),
            token,
            errors,
        }
        .into_response());
    }
    let password_hash = state.config.password_checks.hash(form.password).await?;
    let account = state
        .store
        .redeem_access_link(&hash, &password_hash)
        .await?;
    state.store.delete_sessions_of(account).await?;
    Ok(Redirect::to("/sign-in").into_response())
}
