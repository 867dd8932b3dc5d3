//! Signing in with the organisation's account: sending the person to their provider, and
//! taking them back. What must survive between the two (state, nonce, PKCE verifier) is kept
//! in the database, used once, so any instance can take the callback.

use crate::AppState;
use crate::auth::{self, SSO_COOKIE};
use crate::context::{Ctx, append_cookie};
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::routes::sign_in::{access_ended, start_session};
use crate::single_sign_on::{Identity, Provider};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::{AccountId, Email, OrganisationId, PersonId};
use skillgym_store::{
    Actor, AuditAction, NewAuditEvent, SINGLE_SIGN_ON_ATTEMPT_SECS, SingleSignOnAttempt, StoreError,
};

#[derive(Template, WebTemplate)]
#[template(path = "sso_refused.html")]
pub struct RefusedPage {
    page: Page,
    /// The message id that says why.
    reason: &'static str,
}

/// The page that says why a sign-in through the provider did not work.
fn refused(state: &AppState, ctx: &Ctx, status: StatusCode, reason: &'static str) -> Response {
    let mut response = RefusedPage {
        page: ctx.page("sso-refused-title"),
        reason,
    }
    .into_response();
    *response.status_mut() = status;
    // The browser's half of the attempt is spent either way.
    append_cookie(
        &mut response,
        &auth::cookie(SSO_COOKIE, "", Some(0), state.config.secure_cookies),
    );
    response
}

fn redirect_uri(state: &AppState) -> String {
    format!(
        "{}/sign-in/sso/callback",
        state.config.public_url.trim_end_matches('/')
    )
}

/// Sends the person to their organisation's provider.
pub async fn start(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if ctx.session.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let org = ctx.organisation.as_ref().ok_or(AppError::NotFound)?;
    let settings = state
        .store
        .single_sign_on(org.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let provider = match Provider::discover(&settings, &redirect_uri(&state)).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on: provider unavailable");
            return Ok(refused(
                &state,
                &ctx,
                StatusCode::BAD_GATEWAY,
                "sso-refused-unavailable",
            ));
        }
    };
    let started = provider.start();
    // Ties the attempt to this browser: a callback link replayed elsewhere finds no cookie.
    let browser = auth::random_token();
    state
        .store
        .create_single_sign_on_attempt(
            &auth::token_hash(&started.state),
            &SingleSignOnAttempt {
                organisation: org.id,
                nonce: started.nonce,
                pkce_verifier: started.pkce_verifier,
                browser_hash: auth::token_hash(&browser),
            },
        )
        .await?;
    let mut response = Redirect::to(&started.url).into_response();
    append_cookie(
        &mut response,
        &auth::cookie(
            SSO_COOKIE,
            &browser,
            Some(SINGLE_SIGN_ON_ATTEMPT_SECS),
            state.config.secure_cookies,
        ),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Takes the person back from the provider: checks the state (once), exchanges the code,
/// verifies the ID token, finds the person and signs them in.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<Callback>,
    headers: axum::http::HeaderMap,
) -> AppResult<Response> {
    let refuse = |status, reason| Ok(refused(&state, &ctx, status, reason));
    // The attempt is used up first, whatever follows, so the same state never works twice.
    let attempt = match query.state.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => {
            state
                .store
                .take_single_sign_on_attempt(&auth::token_hash(s))
                .await?
        }
        None => None,
    };
    let Some(attempt) = attempt else {
        tracing::info!("single sign-on: unknown, used or expired state");
        return refuse(StatusCode::BAD_REQUEST, "sso-refused-expired");
    };
    let cookies = headers
        .get(axum::http::header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let same_browser = auth::read_cookie(cookies, SSO_COOKIE)
        .is_some_and(|b| auth::same_secret(&auth::token_hash(b), &attempt.browser_hash));
    if !same_browser {
        tracing::warn!("single sign-on: callback in a browser that did not start the sign-in");
        return refuse(StatusCode::BAD_REQUEST, "sso-refused-expired");
    }
    if let Some(error) = &query.error {
        tracing::info!(%error, "single sign-on: the provider did not sign the person in");
        return refuse(StatusCode::BAD_REQUEST, "sso-refused-provider");
    }
    let Some(code) = query.code.as_deref().filter(|c| !c.is_empty()) else {
        return refuse(StatusCode::BAD_REQUEST, "sso-refused-failed");
    };
    // The organisation whose provider the attempt went to (one callback address serves all).
    let org = attempt.organisation;
    let Some(settings) = state.store.single_sign_on(org).await? else {
        return refuse(StatusCode::BAD_REQUEST, "sso-refused-expired");
    };
    let provider = match Provider::discover(&settings, &redirect_uri(&state)).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on: provider unavailable");
            return refuse(StatusCode::BAD_GATEWAY, "sso-refused-unavailable");
        }
    };
    let identity = match provider
        .finish(code, &attempt.pkce_verifier, &attempt.nonce)
        .await
    {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on: refused");
            return refuse(StatusCode::BAD_REQUEST, "sso-refused-failed");
        }
    };
    match account_for(&state, org, &identity).await? {
        Ok(account) => {
            tracing::info!(%account, subject = %identity.subject, "signed in with the organisation's account");
            let mut response = start_session(&state, &ctx, account).await?;
            append_cookie(
                &mut response,
                &auth::cookie(SSO_COOKIE, "", Some(0), state.config.secure_cookies),
            );
            Ok(response)
        }
        Err(Refused::AccessEnded) => {
            tracing::info!(subject = %identity.subject, "single sign-on refused: access ended");
            let mut response = access_ended(&ctx);
            append_cookie(
                &mut response,
                &auth::cookie(SSO_COOKIE, "", Some(0), state.config.secure_cookies),
            );
            Ok(response)
        }
        Err(Refused::Because(reason)) => {
            tracing::info!(subject = %identity.subject, reason, "single sign-on: nobody to sign in");
            refuse(StatusCode::FORBIDDEN, reason)
        }
    }
}

/// Why a verified identity signs nobody in.
enum Refused {
    /// The message id that says why.
    Because(&'static str),
    /// The person has left, or their account is disabled.
    AccessEnded,
}

/// The account to sign into. An account once signed into through the provider is found by
/// the provider's (issuer, subject) alone. Otherwise the person is matched by email or
/// employee number, and their account is linked to this identity, or made for them (a new
/// learner account: never an admin account that did not exist before). A match already
/// linked to another identity is refused and recorded in the audit trail: an email address
/// given to a new starter must not open a leaver's account.
async fn account_for(
    state: &AppState,
    org: OrganisationId,
    identity: &Identity,
) -> AppResult<Result<AccountId, Refused>> {
    let store = &state.store;
    let linked = store
        .single_sign_on_identity(org, &identity.issuer, &identity.subject)
        .await?;
    if let Some(found) = linked {
        return Ok(match found.account {
            Some((_, disabled)) if disabled || found.left => Err(Refused::AccessEnded),
            Some((account, _)) => Ok(account),
            None => Err(Refused::Because("sso-refused-unknown")),
        });
    }
    let found = store
        .single_sign_on_match(
            org,
            identity.email.as_ref(),
            identity.employee_number.as_deref(),
        )
        .await?;
    let Some(found) = found else {
        return Ok(Err(Refused::Because("sso-refused-unknown")));
    };
    if found.identity.is_some() {
        return other_identity(state, org, found.person_id).await;
    }
    if found.left || found.account.is_some_and(|(_, disabled)| disabled) {
        return Ok(Err(Refused::AccessEnded));
    }
    let account = match found.account {
        Some((account, _)) => account,
        None => {
            // A new account needs an email: the person's own, or the one the provider verified.
            let email = found
                .person_email
                .as_deref()
                .and_then(|e| Email::parse(e).ok())
                .or_else(|| identity.email.clone());
            let Some(email) = email else {
                return Ok(Err(Refused::Because("sso-refused-unknown")));
            };
            match store
                .create_single_sign_on_account(found.person_id, &email)
                .await
            {
                Ok(account) => account,
                // Another account already uses that email: do not guess which person is meant.
                Err(StoreError::Taken(_)) => {
                    return Ok(Err(Refused::Because("sso-refused-unknown")));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    // Linked only if nobody linked it first (two first sign-ins at once: one wins).
    if store
        .link_single_sign_on_identity(account, &identity.issuer, &identity.subject)
        .await?
    {
        Ok(Ok(account))
    } else {
        other_identity(state, org, found.person_id).await
    }
}

/// Refuses a sign-in whose match is linked to another identity, and records the attempt.
async fn other_identity(
    state: &AppState,
    org: OrganisationId,
    person: PersonId,
) -> AppResult<Result<AccountId, Refused>> {
    tracing::warn!(person = %person, "single sign-on: the matched account is linked to another identity");
    let event = NewAuditEvent::new(
        Actor::SignIn,
        AuditAction::SingleSignOnRefused,
        Some(person),
    )
    .with_flag("other-identity");
    state.store.record_event(org, &event).await?;
    Ok(Err(Refused::Because("sso-refused-other-identity")))
}
