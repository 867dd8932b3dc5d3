//! Signing in with email and password, and signing out; [`start_session`] is shared with
//! signing in through the organisation's account.

use crate::AppState;
use crate::auth::{self, SESSION_COOKIE};
use crate::client_address::ClientAddr;
use crate::context::{Ctx, append_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::{AccountId, Email};

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    page: Page,
    email: String,
    errors: FormErrors,
    /// Offer "Sign in with your organisation's account".
    sso: bool,
    /// Offer the email and password form.
    passwords: bool,
    /// `?organisation=SLUG` when the page was asked for one organisation's way in, kept on
    /// its links and form; empty for the default organisation's.
    chosen: String,
}

/// The query that keeps a signed-out page on the organisation it was asked for.
fn chosen(ctx: &Ctx) -> String {
    match (&ctx.organisation, ctx.organisation_chosen) {
        (Some(org), true) => format!("?organisation={}", org.slug),
        _ => String::new(),
    }
}

/// Which ways in the organisation offers, read fresh so that every instance agrees as soon
/// as an admin changes them.
pub(crate) async fn ways_in(state: &AppState, ctx: &Ctx) -> AppResult<(bool, bool)> {
    let Some(org) = &ctx.organisation else {
        return Ok((false, true));
    };
    let sso = state.store.single_sign_on(org.id).await?.is_some();
    let passwords = state.store.password_sign_in_allowed(org.id).await?;
    Ok((sso, passwords))
}

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if ctx.session.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let (sso, passwords) = ways_in(&state, &ctx).await?;
    Ok(SignInPage {
        page: ctx.page("sign-in-title"),
        email: String::new(),
        errors: FormErrors::default(),
        sso,
        passwords,
        chosen: chosen(&ctx),
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let email = errors.check("email", Email::parse(&form.email));
    if form.password.is_empty() {
        errors.add("password", "sign-in-password-missing");
    }
    let (sso, allowed) = ways_in(&state, &ctx).await?;
    let refuse = |errors: FormErrors| -> AppResult<Response> {
        let mut response = SignInPage {
            page: ctx.page("sign-in-title"),
            email: form.email.clone(),
            errors,
            sso,
            passwords: allowed,
            chosen: chosen(&ctx),
        }
        .into_response();
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return refuse(errors);
    };

    // Counted before the password is checked, and checked only within the limit: of many
    // attempts sent at once, no more are checked than the limit allows.
    let ip = client.to_string();
    let since = skillgym_store::now() - auth::THROTTLE_WINDOW_SECS;
    let attempt = state
        .store
        .count_sign_in_attempt(email.as_str(), &ip, since)
        .await?;
    if attempt.by_email > auth::MAX_ATTEMPTS_PER_EMAIL
        || attempt.by_ip > auth::MAX_ATTEMPTS_PER_ADDRESS
    {
        tracing::warn!(%ip, "sign-in throttled");
        errors.add("email", "sign-in-throttled");
        let mut response = refuse(errors)?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }

    let account = state.store.account_for_sign_in(&email).await?;
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let matches = match state
        .config
        .password_checks
        .verify(form.password.clone(), hash)
        .await
    {
        Err(AppError::Busy) => {
            // Never checked, so not held against the person.
            state.store.forget_sign_in_attempt(attempt.id).await?;
            return Err(AppError::Busy);
        }
        checked => checked?,
    };
    // The person's own organisation decides, whichever organisation's page they used.
    let account = account.filter(|a| matches && a.password_sign_in);
    let Some(account) = account else {
        errors.add("email", "sign-in-wrong");
        return refuse(errors);
    };
    // Said only to someone who knows the password, so it tells a stranger nothing.
    if account.ended {
        tracing::info!(account = %account.id, "password sign-in refused: access ended");
        return Ok(access_ended(&ctx));
    }

    state
        .store
        .clear_sign_in_failures(email.as_str(), since)
        .await?;
    tracing::info!(account = %account.id, "signed in with a password");
    start_session(&state, &ctx, account.id).await
}

#[derive(Template, WebTemplate)]
#[template(path = "access_ended.html")]
pub struct AccessEndedPage {
    page: Page,
}

/// The page for someone who proved who they are but may no longer sign in: their account is
/// disabled or they have left. The same page for every way in (password, access link,
/// password-free audit link, the organisation's account).
pub(crate) fn access_ended(ctx: &Ctx) -> Response {
    let mut response = AccessEndedPage {
        page: ctx.page("access-ended-title"),
    }
    .into_response();
    *response.status_mut() = axum::http::StatusCode::FORBIDDEN;
    response
}

/// Signs `account` in, however they proved who they are (password or the organisation's
/// account): a new session with a new token, the browser's old session ended, then home.
pub(crate) async fn start_session(
    state: &AppState,
    ctx: &Ctx,
    account: AccountId,
) -> AppResult<Response> {
    // A new token at every sign-in, so a token planted before sign-in is worthless.
    if let Some(old) = ctx.token_hash() {
        state.store.delete_session(old).await?;
    }
    let token = auth::random_token();
    let idle = state.config.session_idle.as_secs() as i64;
    state
        .store
        .create_session(
            &auth::token_hash(&token),
            account,
            &auth::random_token(),
            skillgym_store::now() + idle,
        )
        .await?;
    let mut response = Redirect::to("/").into_response();
    append_cookie(
        &mut response,
        &auth::cookie(SESSION_COOKIE, &token, None, state.config.secure_cookies),
    );
    Ok(response)
}

pub async fn sign_out(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    if let Some(hash) = ctx.token_hash() {
        state.store.delete_session(hash).await?;
    }
    let mut response = Redirect::to("/sign-in").into_response();
    append_cookie(
        &mut response,
        &auth::cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies),
    );
    Ok(response)
}
