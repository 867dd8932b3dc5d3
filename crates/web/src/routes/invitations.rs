//! Inviting people to an audit by email, reminding those who have not finished, and the
//! password-free link each email may carry (see `crate::audit_links`).

use super::sign_in::access_ended;
use crate::access::Admin;
use crate::auth::{self, SESSION_COOKIE};
use crate::context::{Ctx, append_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty};
use crate::page::Page;
use crate::path::Path;
use crate::{AppState, audit_links, mail};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::audit::Localised;
use skillgym_domain::{CampaignId, OrganisationId, PersonId};
use skillgym_store::{Campaign, InvitationCounts, InvitationSettings, LinkTarget};

/// The longest wait for an automatic reminder, in days.
const MAX_REMINDER_DAYS: i64 = 60;

/// What the campaign page shows about invitations.
pub struct InvitationPanel {
    /// Whether SMTP is set up, so that emails can be sent.
    pub configured: bool,
    /// Whether the campaign is open today: emails go only while it is.
    pub open: bool,
    pub settings: InvitationSettings,
    pub counts: InvitationCounts,
    /// People in the audience with an email who have not been invited.
    pub waiting: usize,
    /// What the last button press did, already in the reader's language.
    pub notice: Option<String>,
}

/// What a button press reports back through the campaign page's address.
#[derive(Debug, Default, Deserialize)]
pub struct InvitationNotice {
    #[serde(default)]
    sent: Option<usize>,
    #[serde(default)]
    failed: Option<usize>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    mail: Option<String>,
    #[serde(default)]
    links: Option<String>,
}

/// The invitation part of the campaign page.
pub async fn panel(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    campaign: &Campaign,
    notice: &InvitationNotice,
) -> AppResult<InvitationPanel> {
    let open = campaign.is_open(super::audits::today());
    let campaign = campaign.id;
    let store = &state.store;
    let tr = &ctx.tr;
    let notice = if notice.mail.as_deref() == Some("off") {
        Some(tr.t("invitations-not-configured"))
    } else if notice.mail.as_deref() == Some("closed") {
        Some(tr.t("invitations-campaign-not-open"))
    } else if notice.links.as_deref() == Some("saved") {
        Some(tr.t("invitations-settings-saved"))
    } else if let Some(sent) = notice.sent {
        let id = if notice.kind.as_deref() == Some("reminder") {
            "reminders-sent"
        } else {
            "invitations-sent"
        };
        let failed = notice.failed.unwrap_or(0);
        Some(tr.t2(id, "sent", sent as i64, "failed", failed as i64))
    } else {
        None
    };
    Ok(InvitationPanel {
        configured: state.config.mailer.is_some(),
        open,
        settings: store.invitation_settings(org, campaign).await?,
        counts: store.invitation_counts(campaign).await?,
        waiting: store
            .to_invite(campaign, super::audits::today())
            .await?
            .len(),
        notice,
    })
}

pub async fn send_invitations(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    send(admin, state, id, false).await
}

pub async fn send_reminders(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    send(admin, state, id, true).await
}

async fn send(
    admin: Admin,
    state: AppState,
    id: CampaignId,
    reminders: bool,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    // Only a campaign of this organisation, and only while it is open.
    let campaign = state.store.campaign(org, id).await?;
    let Some(mailer) = &state.config.mailer else {
        return Ok(Redirect::to(&format!("/campaigns/{id}?mail=off#invitations")).into_response());
    };
    if !campaign.is_open(super::audits::today()) {
        return Ok(
            Redirect::to(&format!("/campaigns/{id}?mail=closed#invitations")).into_response(),
        );
    }
    let url = &state.config.public_url;
    let (sent, kind) = if reminders {
        let now = skillgym_store::now();
        let sent = mail::send_reminders(&state.store, mailer, url, id, now).await?;
        (sent, "reminder")
    } else {
        let sent = mail::send_invitations(&state.store, mailer, url, id).await?;
        (sent, "invite")
    };
    tracing::info!(
        campaign = id.0,
        kind,
        sent = sent.sent,
        failed = sent.failed,
        "emails sent by an admin"
    );
    Ok(Redirect::to(&format!(
        "/campaigns/{id}?kind={kind}&sent={}&failed={}#invitations",
        sent.sent, sent.failed
    ))
    .into_response())
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    links_allowed: Option<String>,
    #[serde(default)]
    reminder_days: String,
}

pub async fn save_settings(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    // No such campaign here is a 404 whatever the form says, as on every other route.
    state.store.invitation_settings(org, id).await?;
    let reminder_days = form
        .reminder_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_REMINDER_DAYS).contains(d))
        .ok_or(AppError::BadRequest("reminder_days"))?;
    let settings = InvitationSettings {
        links_allowed: form.links_allowed.is_some(),
        reminder_days,
    };
    state
        .store
        .set_invitation_settings(org, id, settings)
        .await?;
    Ok(Redirect::to(&format!("/campaigns/{id}?links=saved#invitations")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "link_refused.html")]
pub struct LinkRefusedPage {
    page: Page,
}

#[derive(Template, WebTemplate)]
#[template(path = "link_open.html")]
pub struct LinkOpenPage {
    page: Page,
    campaign: Localised,
    action: String,
}

fn link_refused(ctx: &Ctx, id: CampaignId) -> Response {
    tracing::info!(campaign = id.0, "password-free link refused");
    let mut response = LinkRefusedPage {
        page: ctx.page("invitation-link-refused-title"),
    }
    .into_response();
    *response.status_mut() = StatusCode::FORBIDDEN;
    response
}

/// The person a link's token names, if it is well formed, ours, unexpired and for campaign `id`.
async fn link_person(state: &AppState, id: CampaignId, token: &str) -> AppResult<Option<PersonId>> {
    Ok(
        audit_links::verify(&state.store, token, skillgym_store::now())
            .await?
            .filter(|c| c.campaign == id)
            .map(|c| c.person),
    )
}

/// The page a password-free link opens: one button. Opening it changes nothing (mail systems'
/// link scanners open every link): only the button's POST signs in, or makes an account.
pub async fn link_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, token)): Path<(CampaignId, String)>,
) -> AppResult<Response> {
    let Some(person) = link_person(&state, id, &token).await? else {
        return Ok(link_refused(&ctx, id));
    };
    match state.store.link_target(id, person).await? {
        LinkTarget::Refused => return Ok(link_refused(&ctx, id)),
        LinkTarget::AccessEnded => return Ok(access_ended(&ctx)),
        // Already signed in fully as this person: nothing to ask.
        LinkTarget::Account(account)
            if ctx
                .session
                .as_ref()
                .is_some_and(|s| s.account_id == account && s.scope.is_none()) =>
        {
            return Ok(Redirect::to(&format!("/audits/{id}")).into_response());
        }
        LinkTarget::Account(_) | LinkTarget::NewAccount(_) => {}
    }
    let campaign = state.store.mail_campaign(id).await?;
    Ok(LinkOpenPage {
        page: ctx.page("invitation-link-open-title"),
        campaign: campaign.title,
        action: format!("/audits/{id}/link/{token}"),
    }
    .into_response())
}

/// Uses a password-free link: a session that reaches only this campaign, then its page.
pub async fn open_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, token)): Path<(CampaignId, String)>,
    request: Request,
) -> AppResult<Response> {
    // The link is checked from the path before the form is read, so a forged link is refused
    // without waiting for a body.
    let Some(person) = link_person(&state, id, &token).await? else {
        return Ok(link_refused(&ctx, id));
    };
    let CsrfForm(Empty {}) = CsrfForm::from_request(request, &state).await?;
    let account = match state.store.link_account(id, person).await? {
        LinkTarget::Account(account) => account,
        LinkTarget::AccessEnded => {
            tracing::info!(campaign = id.0, "password-free link refused: access ended");
            return Ok(access_ended(&ctx));
        }
        LinkTarget::Refused | LinkTarget::NewAccount(_) => return Ok(link_refused(&ctx, id)),
    };
    let now = skillgym_store::now();
    let target = Redirect::to(&format!("/audits/{id}")).into_response();
    // Already signed in fully as this person: keep that session rather than narrow it.
    if ctx
        .session
        .as_ref()
        .is_some_and(|s| s.account_id == account && s.scope.is_none())
    {
        return Ok(target);
    }
    if let Some(old) = ctx.token_hash() {
        state.store.delete_session(old).await?;
    }
    let token = auth::random_token();
    let idle = state.config.session_idle.as_secs() as i64;
    state
        .store
        .create_scoped_session(
            &auth::token_hash(&token),
            account,
            &auth::random_token(),
            now + idle,
            id,
        )
        .await?;
    tracing::info!(campaign = id.0, account = %account, "signed in with a password-free link");
    let mut response = target;
    append_cookie(
        &mut response,
        &auth::cookie(SESSION_COOKIE, &token, None, state.config.secure_cookies),
    );
    Ok(response)
}
