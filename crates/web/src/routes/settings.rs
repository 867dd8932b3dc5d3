//! The organisation's settings, for admins: signing in with the organisation's account
//! (OpenID Connect) and whether passwords still work; links to the retention period and the
//! anonymity threshold, each changed on its own page.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::single_sign_on::{Provider, parse_issuer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::Invalid;
use skillgym_store::{Actor, SingleSignOnInput, SingleSignOnSettings};

/// The form as typed. The client secret is never part of it on the way out.
#[derive(Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    issuer_url: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    employee_number_claim: String,
    #[serde(default)]
    password_sign_in: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "settings.html")]
pub struct SettingsPage {
    page: Page,
    form: SettingsForm,
    errors: FormErrors,
    secret_saved: bool,
    /// A secret is stored but this instance's key cannot decrypt it.
    secret_unreadable: bool,
    saved: bool,
    redirect_uri: String,
    /// Leavers are erased this many months after they left (changed on its own page).
    retention_months: i64,
    /// The smallest group a report shows figures for (changed on its own page).
    anonymity_threshold: usize,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    saved: Option<String>,
}

fn redirect_uri(state: &AppState) -> String {
    format!(
        "{}/sign-in/sso/callback",
        state.config.public_url.trim_end_matches('/')
    )
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(shown): Query<Shown>,
) -> AppResult<Response> {
    let org = state.store.organisation(admin.0.organisation_id).await?;
    let stored = state.store.single_sign_on(org.id).await?;
    let form = SettingsForm {
        issuer_url: stored
            .as_ref()
            .map(|s| s.issuer_url.clone())
            .unwrap_or_default(),
        client_id: stored
            .as_ref()
            .map(|s| s.client_id.clone())
            .unwrap_or_default(),
        client_secret: String::new(),
        employee_number_claim: stored
            .as_ref()
            .and_then(|s| s.employee_number_claim.clone())
            .unwrap_or_default(),
        password_sign_in: if org.password_sign_in || stored.is_none() {
            "on"
        } else {
            "off"
        }
        .into(),
    };
    Ok(SettingsPage {
        page: ctx.page("settings-title"),
        form,
        errors: FormErrors::default(),
        secret_saved: stored.is_some(),
        secret_unreadable: stored.as_ref().is_some_and(|s| s.client_secret.is_none()),
        saved: shown.saved.is_some(),
        redirect_uri: redirect_uri(&state),
        retention_months: state.store.retention_period(org.id).await?.months(),
        anonymity_threshold: state.store.anonymity_threshold(org.id).await?.get(),
    }
    .into_response())
}

/// Text without spaces or control characters, at most `max` characters.
fn token_like(
    raw: &str,
    max: usize,
    missing: &'static str,
    invalid: &'static str,
) -> Result<String, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        Err(Invalid(missing))
    } else if s.chars().count() > max || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(Invalid(invalid))
    } else {
        Ok(s.to_string())
    }
}

fn claim_name(raw: &str) -> Result<Option<String>, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let ok = s.len() <= 100
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/'));
    if ok {
        Ok(Some(s.to_string()))
    } else {
        Err(Invalid("sso-employee-number-claim-invalid"))
    }
}

pub async fn save(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(mut form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let org = state.store.organisation(admin.0.organisation_id).await?;
    let stored = state.store.single_sign_on(org.id).await?;
    let retention_months = state.store.retention_period(org.id).await?.months();
    let anonymity_threshold = state.store.anonymity_threshold(org.id).await?.get();
    let mut errors = FormErrors::default();
    let issuer_url = errors.check("issuer_url", parse_issuer(&form.issuer_url));
    let client_id = errors.check(
        "client_id",
        token_like(
            &form.client_id,
            255,
            "sso-client-id-missing",
            "sso-client-id-invalid",
        ),
    );
    // An empty box keeps the stored secret, if this instance can read it.
    let readable = stored.as_ref().is_some_and(|s| s.client_secret.is_some());
    let new_secret = if form.client_secret.trim().is_empty() && readable {
        Some(None)
    } else {
        errors
            .check(
                "client_secret",
                token_like(
                    &form.client_secret,
                    1000,
                    "sso-client-secret-missing",
                    "sso-client-secret-invalid",
                ),
            )
            .map(Some)
    };
    let claim = errors.check(
        "employee_number_claim",
        claim_name(&form.employee_number_claim),
    );
    let password_sign_in = match form.password_sign_in.as_str() {
        "on" => Some(true),
        "off" => Some(false),
        _ => {
            errors.add("password_sign_in", "sso-passwords-missing");
            None
        }
    };
    // The secret typed goes no further than here: it is never rendered back.
    let typed_secret = std::mem::take(&mut form.client_secret);
    let render = |form: SettingsForm, errors: FormErrors| {
        let mut response = SettingsPage {
            page: ctx.page("settings-title"),
            form,
            errors,
            secret_saved: stored.is_some(),
            secret_unreadable: stored.as_ref().is_some_and(|s| s.client_secret.is_none()),
            saved: false,
            redirect_uri: redirect_uri(&state),
            retention_months,
            anonymity_threshold,
        }
        .into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        response
    };
    let (Some(issuer_url), Some(client_id), Some(new_secret), Some(claim), Some(password_sign_in)) =
        (issuer_url, client_id, new_secret, claim, password_sign_in)
    else {
        return Ok(render(form, errors));
    };
    // Settings that cannot work are not saved: the provider must describe itself at this
    // issuer URL, or nobody could sign in (and with passwords off, nobody at all).
    let secret = match (&new_secret, &stored) {
        (Some(s), _) => Some(s.clone()),
        (None, Some(s)) => s.client_secret.clone(),
        (None, None) => Some(typed_secret),
    };
    let candidate = SingleSignOnSettings {
        issuer_url: issuer_url.clone(),
        client_id: client_id.clone(),
        client_secret: secret,
        employee_number_claim: claim.clone(),
    };
    if let Err(e) = Provider::discover(&candidate, &redirect_uri(&state)).await {
        tracing::info!(error = %e, "single sign-on settings: issuer refused");
        errors.add("issuer_url", "sso-issuer-unreachable");
        return Ok(render(form, errors));
    }
    state
        .store
        .save_single_sign_on(
            org.id,
            &SingleSignOnInput {
                issuer_url,
                client_id,
                client_secret: new_secret,
                employee_number_claim: claim,
                password_sign_in,
            },
            Actor::Person(ctx.user()?.person_id),
        )
        .await?;
    state.organisations.forget();
    tracing::info!(account = %ctx.user()?.account_id, password_sign_in, "single sign-on settings saved");
    Ok(Redirect::to("/settings?saved=1").into_response())
}
