//! Which of the services catalogue's services a campaign asks about: chosen by an admin before
//! anyone answers, never for an anonymous campaign (confidence with a service is the person's
//! own, and feeds Find help and the gaps per site).

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
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::{CampaignId, OrganisationId, ServiceId};
use skillgym_store::{Actor, CAMPAIGN_ANSWERED, Campaign, StoreError, StoredService};

/// The field the services are chosen in, and the error summary's link to it.
pub const FIELD: &str = "service";

/// Service ids as a form sends them; `None` when one is not a number.
pub fn chosen(fields: &[(String, String)]) -> Option<Vec<ServiceId>> {
    fields
        .iter()
        .filter(|(k, _)| k == FIELD)
        .map(|(_, v)| v.trim().parse().ok().map(ServiceId))
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_services.html")]
pub struct ServicesPage {
    page: Page,
    campaign: Campaign,
    catalogue: Vec<StoredService>,
    chosen: Vec<ServiceId>,
    /// Someone has started answering: nothing can change.
    answered: bool,
    saved: bool,
    errors: FormErrors,
}

impl ServicesPage {
    fn service_checked(&self, id: &ServiceId) -> bool {
        self.chosen.contains(id)
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

async fn services_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: CampaignId,
    chosen: Option<Vec<ServiceId>>,
    saved: bool,
    errors: FormErrors,
) -> AppResult<ServicesPage> {
    let campaign = state.store.campaign(org, id).await?;
    let mut page = ctx.page("campaign-services-title");
    page.title = page.t1(
        "campaign-services-of",
        "campaign",
        campaign.title.show(page.lang()).text.to_string(),
    );
    Ok(ServicesPage {
        page,
        chosen: chosen.unwrap_or_else(|| campaign.services.iter().map(|s| s.id).collect()),
        catalogue: state.store.services(org).await?,
        answered: state.store.campaign_answered(campaign.id).await?,
        campaign,
        saved,
        errors,
    })
}

fn with_status(page: ServicesPage, status: StatusCode) -> Response {
    let mut response = page.into_response();
    *response.status_mut() = status;
    response
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let page = services_page(
        &state,
        &ctx,
        org,
        id,
        None,
        query.saved.is_some(),
        FormErrors::default(),
    )
    .await?;
    Ok(page.into_response())
}

pub async fn save(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let Some(services) = chosen(&fields) else {
        return Err(crate::error::AppError::BadRequest("service"));
    };
    let refused = |message: &'static str| {
        let mut errors = FormErrors::default();
        errors.add(FIELD, message);
        errors
    };
    let actor = Actor::Person(admin.person_id);
    match state
        .store
        .set_campaign_services(org, id, &services, actor)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/campaigns/{id}/services?saved=1")).into_response()),
        Err(StoreError::Refused(message)) => {
            let page = services_page(
                &state,
                &ctx,
                org,
                id,
                Some(services),
                false,
                refused(message),
            )
            .await?;
            Ok(with_status(page, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            let page =
                services_page(&state, &ctx, org, id, None, false, FormErrors::default()).await?;
            Ok(with_status(page, StatusCode::CONFLICT))
        }
        Err(e) => Err(e.into()),
    }
}
