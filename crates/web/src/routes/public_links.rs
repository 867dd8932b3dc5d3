//! Audits open to people outside the staff file, through a campaign's public link
//! (`/take/{code}`): anonymous, or with an email address confirmed by a link sent to it
//! before anything is made. A network's campaign lets each respondent choose the member
//! service they answer for. The respondent then answers on the campaign's own pages, with a
//! session (`sg_answer`) that reaches nothing else.

use crate::AppState;
use crate::access::{Admin, Coordinator};
use crate::audit_links::{
    self, CONFIRMATION_HOURS, MAX_EMAILS_PER_ADDRESS, MAX_EMAILS_PER_EMAIL, MAX_STARTS_PER_ADDRESS,
    PUBLIC_WINDOW_SECS,
};
use crate::auth::{self, ANSWER_COOKIE};
use crate::client_address::ClientAddr;
use crate::context::{Ctx, append_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::audit::Localised;
use skillgym_domain::{CampaignId, Email, OrganisationId};
use skillgym_store::{
    Actor, PublicLink, PublicLinkMode, PublicRequest, PublicRespondent, PublicTarget,
};

/// The part of the campaign page (or the coordinator's network campaign page) that opens and
/// closes its public link.
pub struct PublicLinkPanel {
    /// The form's address.
    pub action: String,
    pub link: Option<PublicLink>,
    /// The full address to hand out.
    pub url: String,
    /// Whether email can be sent, so that addresses can be confirmed.
    pub mail: bool,
    /// People answering through the link for this campaign: started, finished.
    pub started: i64,
    pub submitted: i64,
}

impl PublicLinkPanel {
    pub fn open_in(&self, mode: &str) -> bool {
        self.link
            .as_ref()
            .is_some_and(|l| !l.closed && l.mode.as_str() == mode)
    }

    pub fn is_open(&self) -> bool {
        self.link.as_ref().is_some_and(|l| !l.closed)
    }
}

pub async fn panel(
    state: &AppState,
    org: OrganisationId,
    campaign: CampaignId,
    action: String,
) -> AppResult<PublicLinkPanel> {
    let link = state.store.public_link_of(org, campaign).await?;
    let (started, submitted) = state.store.public_respondent_counts(org, campaign).await?;
    Ok(PublicLinkPanel {
        action,
        url: link
            .as_ref()
            .map(|l| format!("{}/take/{}", state.config.public_url, l.code))
            .unwrap_or_default(),
        link,
        mail: state.config.mailer.is_some(),
        started,
        submitted,
    })
}

#[derive(Deserialize)]
pub struct LinkSettingForm {
    #[serde(default)]
    mode: String,
}

/// Opens a campaign's public link in the chosen mode, or closes it (`mode=closed`).
async fn set_link(
    state: &AppState,
    org: OrganisationId,
    campaign: CampaignId,
    form: &LinkSettingForm,
    actor: Actor,
) -> AppResult<()> {
    let mode = match form.mode.as_str() {
        "closed" => None,
        other => Some(PublicLinkMode::parse(other).ok_or(AppError::BadRequest("mode"))?),
    };
    if mode == Some(PublicLinkMode::ConfirmedEmail) && state.config.mailer.is_none() {
        return Err(AppError::BadRequest("no-mail"));
    }
    state
        .store
        .set_public_link(org, campaign, mode, &auth::random_token()[..22], actor)
        .await?;
    Ok(())
}

/// An administrator's campaign of their own organisation.
pub async fn set_for_campaign(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    request: Request,
) -> AppResult<Response> {
    let campaign = state.store.campaign(admin.organisation_id, id).await?;
    let CsrfForm(form) = CsrfForm::<LinkSettingForm>::from_request(request, &state).await?;
    set_link(
        &state,
        admin.organisation_id,
        campaign.id,
        &form,
        Actor::Person(admin.person_id),
    )
    .await?;
    Ok(Redirect::to(&format!("/campaigns/{id}#public-link")).into_response())
}

/// A coordinator's network campaign: respondents choose among the members that opened it.
pub async fn set_for_network_campaign(
    coordinator: Coordinator,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    request: Request,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    super::networks::published_by(&state, org, id).await?;
    let CsrfForm(form) = CsrfForm::<LinkSettingForm>::from_request(request, &state).await?;
    set_link(&state, org, id, &form, Actor::Person(coordinator.person_id)).await?;
    Ok(Redirect::to(&format!("/network/campaigns/{id}#public-link")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "take.html")]
pub struct TakePage {
    page: Page,
    code: String,
    title: Localised,
    /// The member services to choose from, for a network's campaign: (slug, name).
    choices: Vec<(String, Localised)>,
    chosen: String,
    email_asked: bool,
    email: String,
    errors: FormErrors,
}

/// The link by its code, with where its answers may go today; no page when it is unknown,
/// closed, or open nowhere.
async fn open_link(
    state: &AppState,
    code: &str,
) -> AppResult<(PublicLink, Vec<PublicTarget>, Localised)> {
    let link = state
        .store
        .public_link(code)
        .await?
        .ok_or(AppError::NotFound)?;
    let targets = state
        .store
        .public_targets(&link, super::audits::today())
        .await?;
    if targets.is_empty() {
        return Err(AppError::NotFound);
    }
    let campaign = state
        .store
        .campaign(link.organisation_id, link.campaign_id)
        .await?;
    Ok((link, targets, campaign.title))
}

fn take_page(
    ctx: &Ctx,
    link: &PublicLink,
    targets: &[PublicTarget],
    title: Localised,
    form: &TakeForm,
    errors: FormErrors,
) -> TakePage {
    let choose = targets.iter().any(|t| t.campaign_id != link.campaign_id);
    let mut page = ctx.page("take-title");
    page.title = title.show(page.lang()).text.to_string();
    TakePage {
        page,
        code: link.code.clone(),
        title,
        choices: if choose {
            targets
                .iter()
                .map(|t| {
                    (
                        t.slug.as_str().to_string(),
                        Localised::new(t.name.clone(), t.name_cy.clone()),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        chosen: form.organisation.clone(),
        email_asked: link.mode == PublicLinkMode::ConfirmedEmail,
        email: form.email.clone(),
        errors,
    }
}

#[derive(Deserialize, Default)]
pub struct TakeForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    email: String,
}

/// The link's first page. Someone who started through it in this browser and has not
/// finished goes straight back to their answers.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let (link, targets, title) = open_link(&state, &code).await?;
    if let Some(respondent) = returning(&state, &ctx, &targets).await? {
        return Ok(Redirect::to(&format!("/audits/{}", respondent.campaign_id)).into_response());
    }
    let page = take_page(
        &ctx,
        &link,
        &targets,
        title,
        &TakeForm::default(),
        FormErrors::default(),
    );
    Ok(page.into_response())
}

/// The respondent whose answer cookie this browser holds, for one of `targets`.
async fn returning(
    state: &AppState,
    ctx: &Ctx,
    targets: &[PublicTarget],
) -> AppResult<Option<PublicRespondent>> {
    let Some(token) = ctx.answer_token() else {
        return Ok(None);
    };
    let found = state.store.public_session(&auth::token_hash(token)).await?;
    Ok(found.filter(|r| targets.iter().any(|t| t.campaign_id == r.campaign_id)))
}

/// Starts answering (anonymous links), or sends the confirmation link (email links).
pub async fn start(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ctx: Ctx,
    Path(code): Path<String>,
    request: Request,
) -> AppResult<Response> {
    let (link, targets, title) = open_link(&state, &code).await?;
    let CsrfForm(form) = CsrfForm::<TakeForm>::from_request(request, &state).await?;
    let mut errors = FormErrors::default();
    let choose = targets.iter().any(|t| t.campaign_id != link.campaign_id);
    let target = if choose {
        let found = targets
            .iter()
            .find(|t| t.slug.as_str() == form.organisation);
        if found.is_none() {
            errors.add("organisation", "take-organisation-missing");
        }
        found
    } else {
        targets.first()
    };
    let email = match link.mode {
        PublicLinkMode::ConfirmedEmail => errors.check("email", Email::parse(&form.email)),
        PublicLinkMode::Anonymous => None,
    };
    let refuse = |errors: FormErrors, status: StatusCode| {
        let mut response =
            take_page(&ctx, &link, &targets, title.clone(), &form, errors).into_response();
        *response.status_mut() = status;
        response
    };
    let Some(target) = target.filter(|_| errors.is_empty()) else {
        return Ok(refuse(errors, StatusCode::UNPROCESSABLE_ENTITY));
    };
    let ip = client.to_string();
    let since = skillgym_store::now() - PUBLIC_WINDOW_SECS;
    match email {
        None => {
            let counts = state
                .store
                .count_public_request(link.organisation_id, PublicRequest::Start, &ip, None, since)
                .await?;
            if counts.from_address > MAX_STARTS_PER_ADDRESS {
                tracing::warn!(%ip, "public link starts throttled");
                errors.add("take", "take-throttled");
                return Ok(refuse(errors, StatusCode::TOO_MANY_REQUESTS));
            }
            let respondent = state.store.start_public_response(&link, target).await?;
            answer_as(&state, &respondent).await
        }
        Some(email) => {
            let Some(mailer) = &state.config.mailer else {
                return Err(AppError::BadRequest("no-mail"));
            };
            let hash = audit_links::address_hash(&state.store, &link, &email)?;
            let counts = state
                .store
                .count_public_request(
                    link.organisation_id,
                    PublicRequest::Email,
                    &ip,
                    Some(&hash),
                    since,
                )
                .await?;
            if counts.from_address > MAX_EMAILS_PER_ADDRESS
                || counts.for_email > MAX_EMAILS_PER_EMAIL
            {
                tracing::warn!(%ip, "public link confirmation emails throttled");
                errors.add("email", "take-throttled");
                return Ok(refuse(errors, StatusCode::TOO_MANY_REQUESTS));
            }
            let token = auth::random_token();
            let expires = skillgym_store::now() + CONFIRMATION_HOURS * 3600;
            state
                .store
                .ask_public_confirmation(&auth::token_hash(&token), &link, target, &hash, expires)
                .await?;
            let url = format!(
                "{}/take/{}/confirm/{token}",
                state.config.public_url, link.code
            );
            let lang = ctx.tr.lang();
            let title = title.show(lang.code()).text.to_string();
            let subject = ctx.tr.t1("take-email-subject", "campaign", title.as_str());
            let body = ctx.tr.args(
                "take-email-body",
                [
                    ("campaign", title.as_str().into()),
                    ("url", url.as_str().into()),
                    ("hours", CONFIRMATION_HOURS.into()),
                ],
            );
            if let Err(e) = mailer.send(email.as_str(), &subject, body).await {
                tracing::warn!(error = %e, "public link confirmation email failed");
                errors.add("email", "take-email-failed");
                return Ok(refuse(errors, StatusCode::SERVICE_UNAVAILABLE));
            }
            Ok(Redirect::to(&format!("/take/{}/sent", link.code)).into_response())
        }
    }
}

/// A session for `respondent` that lasts until their campaign closes, then their answers.
async fn answer_as(state: &AppState, respondent: &PublicRespondent) -> AppResult<Response> {
    let campaign = state
        .store
        .campaign(respondent.organisation_id, respondent.campaign_id)
        .await?;
    let token = auth::random_token();
    let expires =
        audit_links::expiry_for(&skillgym_domain::people::format_date(campaign.closes_on));
    state
        .store
        .create_public_session(&auth::token_hash(&token), respondent, expires)
        .await?;
    let mut response = Redirect::to(&format!("/audits/{}", campaign.id)).into_response();
    let max_age = (expires - skillgym_store::now()).max(0);
    append_cookie(
        &mut response,
        &auth::cookie(
            ANSWER_COOKIE,
            &format!("{}.{token}", campaign.id),
            Some(max_age),
            state.config.secure_cookies,
        ),
    );
    Ok(response)
}

#[derive(Template, WebTemplate)]
#[template(path = "take_sent.html")]
pub struct SentPage {
    page: Page,
    hours: i64,
}

/// "Check your email", whatever the address: the page says the same for every one.
pub async fn sent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> AppResult<Response> {
    open_link(&state, &code).await?;
    Ok(SentPage {
        page: ctx.page("take-sent-title"),
        hours: CONFIRMATION_HOURS,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "take_confirm.html")]
pub struct ConfirmPage {
    page: Page,
    title: Localised,
    action: String,
}

/// The page a confirmation link opens: a button, since mail scanners follow links and must
/// not use them up.
pub async fn confirm_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((code, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let (link, _, title) = open_link(&state, &code).await?;
    if !state
        .store
        .public_confirmation_waiting(&link, &auth::token_hash(&token))
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(ConfirmPage {
        page: ctx.page("take-confirm-title"),
        title,
        action: format!("/take/{code}/confirm/{token}"),
    }
    .into_response())
}

/// Follows a confirmation link: the address's respondent (made now, or found from before,
/// wherever they answered then) and their answers.
pub async fn confirm(
    State(state): State<AppState>,
    Path((code, token)): Path<(String, String)>,
    request: Request,
) -> AppResult<Response> {
    let (link, _, _) = open_link(&state, &code).await?;
    let CsrfForm(Empty {}) = CsrfForm::from_request(request, &state).await?;
    let respondent = state
        .store
        .confirm_public_address(&link, &auth::token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    answer_as(&state, &respondent).await
}
