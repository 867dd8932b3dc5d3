//! Admins' side of audits: frameworks to look through, campaigns to open, follow and clone.

use super::audits::today;
use super::reports::Count;
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
use skillgym_domain::analysis::{AnonymityThreshold, ResponseRate, ShownRate};
use skillgym_domain::audit::{Audience, CampaignContent, Framework, Localised};
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{
    CampaignId, CompetenceId, FrameworkId, JobFamily, OrganisationId, ServiceId, SiteId,
};
use skillgym_i18n::Tr;
use skillgym_store::{
    Campaign, CampaignSummary, FrameworkSummary, NewCampaign, SERVICES_ANONYMOUS, SiteRecord,
    StoreError, StoredFramework, StoredService,
};

#[derive(Template, WebTemplate)]
#[template(path = "frameworks.html")]
pub struct FrameworksPage {
    page: Page,
    frameworks: Vec<FrameworkSummary>,
}

pub async fn frameworks(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    Ok(FrameworksPage {
        page: ctx.page("frameworks-title"),
        frameworks: state.store.frameworks(org).await?,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "framework.html")]
pub struct FrameworkPage {
    page: Page,
    id: FrameworkId,
    framework: Framework,
    /// Just changed in the editor.
    saved: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn framework(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = state.store.framework(org, id).await?;
    let mut page = ctx.page("framework-title");
    page.title = stored.framework.title.show(page.lang()).text.to_string();
    Ok(FrameworkPage {
        page,
        id: stored.id,
        framework: stored.framework,
        saved: query.saved.is_some(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns.html")]
pub struct CampaignsPage {
    page: Page,
    /// Each campaign, with how many started and finished written out.
    campaigns: Vec<(CampaignSummary, String, String)>,
    today: time::Date,
}

/// How many are in progress and finished, as the campaign pages show them: "fewer than k"
/// rather than a number under the anonymity threshold.
fn counted(tr: &Tr, threshold: AnonymityThreshold, c: &CampaignSummary) -> (String, String) {
    let k = threshold.get();
    let text = |n| Count::people(n, k).text(tr, k);
    (text(c.in_progress()), text(c.submitted))
}

pub async fn list(admin: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let org = admin.organisation_id;
    let threshold = state.store.anonymity_threshold(org).await?;
    Ok(CampaignsPage {
        page: ctx.page("campaigns-title"),
        campaigns: state
            .store
            .campaigns(org)
            .await?
            .into_iter()
            .map(|c| {
                let (in_progress, submitted) = counted(&ctx.tr, threshold, &c);
                (c, in_progress, submitted)
            })
            .collect(),
        today: today(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign.html")]
pub struct CampaignPage {
    page: Page,
    campaign: Campaign,
    /// How many are in progress and finished, written out.
    in_progress: String,
    submitted: String,
    /// Who was asked and who finished, counted as the report counts them but live (an open
    /// anonymous campaign's report counts in steps of the threshold).
    rate: ShownRate,
    competences: usize,
    sites: Vec<SiteRecord>,
    invitations: super::invitations::InvitationPanel,
    public_link: super::public_links::PublicLinkPanel,
    /// It opens a network's campaign for the organisation's staff.
    of_network: bool,
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    axum::extract::Query(notice): axum::extract::Query<super::invitations::InvitationNotice>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    let summary = state
        .store
        .campaigns(org)
        .await?
        .into_iter()
        .find(|c| c.id == campaign.id)
        .ok_or(crate::error::AppError::NotFound)?;
    let threshold = state.store.anonymity_threshold(org).await?;
    let (in_progress, submitted) = counted(&ctx.tr, threshold, &summary);
    let columns = state.analysis.columns(&state.store, org, &campaign).await?;
    let rate = ShownRate::counted(ResponseRate::of(&columns), threshold);
    let mut page = ctx.page("campaign-title");
    page.title = campaign.title.show(page.lang()).text.to_string();
    Ok(CampaignPage {
        page,
        in_progress,
        submitted,
        rate,
        competences: campaign.areas.iter().map(|a| a.competences.len()).sum(),
        sites: state.store.sites(org).await?,
        invitations: super::invitations::panel(&state, &ctx, org, &campaign, &notice).await?,
        public_link: super::public_links::panel(
            &state,
            org,
            id,
            format!("/campaigns/{id}/public-link"),
        )
        .await?,
        of_network: state
            .store
            .opened_network_campaign(org, id)
            .await?
            .is_some(),
        campaign,
    }
    .into_response())
}

/// A campaign as typed into the form.
#[derive(Default, Clone)]
pub struct CampaignForm {
    pub title_en: String,
    pub title_cy: String,
    pub framework: String,
    pub areas: Vec<String>,
    pub opens_on: String,
    pub closes_on: String,
    pub anonymous: String,
    pub sites: Vec<String>,
    pub families: Vec<String>,
    pub standard: bool,
    /// The catalogue's services it asks about (ids as sent).
    pub services: Vec<String>,
}

impl CampaignForm {
    fn read(fields: Vec<(String, String)>) -> Self {
        let mut form = CampaignForm::default();
        for (k, v) in fields {
            match k.as_str() {
                "title_en" => form.title_en = v,
                "title_cy" => form.title_cy = v,
                "framework" => form.framework = v,
                "area" => form.areas.push(v),
                "opens_on" => form.opens_on = v,
                "closes_on" => form.closes_on = v,
                "anonymous" => form.anonymous = v,
                "site" => form.sites.push(v),
                "family" => form.families.push(v),
                "standard" => form.standard = v == "yes",
                super::campaign_services::FIELD => form.services.push(v),
                _ => {}
            }
        }
        form
    }

    fn has(list: &[String], value: &str) -> bool {
        list.iter().any(|v| v == value)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_form.html")]
pub struct CampaignFormPage {
    page: Page,
    form: CampaignForm,
    errors: FormErrors,
    frameworks: Vec<StoredFramework>,
    sites: Vec<SiteRecord>,
    families: [JobFamily; 5],
    /// The services catalogue, to choose what it asks about.
    catalogue: Vec<StoredService>,
}

impl CampaignFormPage {
    fn area_checked(&self, code: &str) -> bool {
        CampaignForm::has(&self.form.areas, code)
    }

    fn site_checked(&self, id: &SiteId) -> bool {
        CampaignForm::has(&self.form.sites, &id.to_string())
    }

    fn family_checked(&self, family: &JobFamily) -> bool {
        CampaignForm::has(&self.form.families, family.as_str())
    }

    fn service_checked(&self, id: &ServiceId) -> bool {
        CampaignForm::has(&self.form.services, &id.to_string())
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    form: CampaignForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let mut frameworks = Vec::new();
    for f in state.store.frameworks(org).await? {
        frameworks.push(state.store.framework(org, f.id).await?);
    }
    let failed = !errors.is_empty();
    let mut response = CampaignFormPage {
        page: ctx.page("campaign-new-title"),
        form,
        errors,
        frameworks,
        sites: state.store.sites(org).await?,
        families: JobFamily::ALL,
        catalogue: state.store.services(org).await?,
    }
    .into_response();
    if failed {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let today = time::OffsetDateTime::now_utc().date();
    let frameworks = state.store.frameworks(org).await?;
    let form = CampaignForm {
        framework: frameworks
            .first()
            .map(|f| f.id.to_string())
            .unwrap_or_default(),
        opens_on: format_date(today),
        closes_on: format_date(today + time::Duration::days(28)),
        anonymous: "no".into(),
        standard: true,
        ..CampaignForm::default()
    };
    form_page(&state, &ctx, org, form, FormErrors::default()).await
}

pub async fn create(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let form = CampaignForm::read(fields);
    let mut errors = FormErrors::default();
    if form.title_en.trim().is_empty() {
        errors.add("title_en", "campaign-title-missing");
    }
    let framework = match form.framework.parse().map(FrameworkId) {
        Ok(id) => state.store.framework(org, id).await.ok(),
        Err(_) => None,
    };
    if framework.is_none() {
        errors.add("framework", "campaign-framework-missing");
    }
    let opens = errors.check("opens_on", parse_date(&form.opens_on));
    let closes = errors.check("closes_on", parse_date(&form.closes_on));
    if let (Some(o), Some(c)) = (opens, closes)
        && c < o
    {
        errors.add("closes_on", "campaign-closes-before-opens");
    }
    let competences: Vec<CompetenceId> = framework
        .as_ref()
        .map(|f| {
            f.framework
                .areas
                .iter()
                .filter(|a| CampaignForm::has(&form.areas, &a.code))
                .flat_map(|a| a.competences.iter())
                .filter_map(|c| f.competence_ids.get(&c.code).copied())
                .collect()
        })
        .unwrap_or_default();
    if framework.is_some() && competences.is_empty() {
        errors.add("area", "campaign-areas-missing");
    }
    let pairs: Vec<(String, String)> = form
        .services
        .iter()
        .map(|v| (super::campaign_services::FIELD.to_string(), v.clone()))
        .collect();
    let services = super::campaign_services::chosen(&pairs)
        .ok_or(crate::error::AppError::BadRequest("service"))?;
    let anonymous = form.anonymous == "yes";
    if anonymous && !services.is_empty() {
        errors.add(super::campaign_services::FIELD, SERVICES_ANONYMOUS);
    }
    let (Some(framework), Some(opens_on), Some(closes_on)) = (framework, opens, closes) else {
        return form_page(&state, &ctx, org, form, errors).await;
    };
    if !errors.is_empty() {
        return form_page(&state, &ctx, org, form, errors).await;
    }
    // The standard questions fit any framework: knowledge-round items whose competence is not
    // being rated are left out.
    let mut content = CampaignContent {
        title: Localised::new(form.title_en.trim(), Some(form.title_cy.trim().to_string())),
        profile_questions: Vec::new(),
        quiz: Vec::new(),
    };
    let mut pictures = Vec::new();
    if form.standard {
        let standard = CampaignContent::standard();
        let rated: Vec<&String> = framework
            .competence_ids
            .iter()
            .filter(|(_, id)| competences.contains(id))
            .map(|(code, _)| code)
            .collect();
        content.profile_questions = standard.profile_questions;
        content.quiz = standard
            .quiz
            .into_iter()
            .filter(|q| rated.contains(&&q.competence))
            .collect();
        pictures = skillgym_domain::audit::campaign::standard_pictures()
            .into_iter()
            .filter(|(name, _)| {
                content
                    .quiz
                    .iter()
                    .any(|q| q.image.as_deref() == Some(*name))
            })
            .map(|(name, body)| (name.to_string(), "image/svg+xml".to_string(), body.to_vec()))
            .collect();
    }
    let audience = Audience {
        sites: form
            .sites
            .iter()
            .filter_map(|s| s.parse().ok().map(SiteId))
            .collect(),
        teams: Vec::new(),
        job_families: form
            .families
            .iter()
            .filter_map(|f| JobFamily::parse(f).ok())
            .collect(),
    };
    let new = NewCampaign {
        framework: framework.id,
        title: content.title.clone(),
        opens_on,
        closes_on,
        anonymous,
        competences,
        audience,
        content,
        pictures,
        cloned_from: None,
    };
    let id = match state
        .store
        .create_campaign_asking(org, &new, &services)
        .await
    {
        Ok(id) => id,
        Err(StoreError::Refused(message)) => {
            errors.add(super::campaign_services::FIELD, message);
            return form_page(&state, &ctx, org, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/campaigns/{id}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct CloneForm {
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
}

/// A re-audit: the same competences, questions and audience, with new dates, so that results
/// can be compared with the earlier campaign.
pub async fn clone(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(form): CsrfForm<CloneForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    let dates = (parse_date(&form.opens_on), parse_date(&form.closes_on));
    let (Ok(opens_on), Ok(closes_on)) = dates else {
        return Err(crate::error::AppError::BadRequest("dates"));
    };
    if closes_on < opens_on {
        return Err(crate::error::AppError::BadRequest("dates"));
    }
    let pictures = state.store.campaign_pictures(campaign.id).await?;
    let new = NewCampaign {
        framework: campaign.framework_id,
        title: campaign.title.clone(),
        opens_on,
        closes_on,
        anonymous: campaign.anonymous,
        competences: campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter().map(|c| c.id))
            .collect(),
        audience: campaign.audience.clone(),
        content: CampaignContent {
            title: campaign.title.clone(),
            profile_questions: campaign.questions.iter().map(|(_, q)| q.clone()).collect(),
            quiz: campaign.quiz.iter().map(|(_, q)| q.clone()).collect(),
        },
        pictures,
        cloned_from: Some(campaign.id),
    };
    // The re-audit asks about the same services (an anonymous campaign asks about none).
    let services: Vec<ServiceId> = campaign.services.iter().map(|s| s.id).collect();
    let id = state
        .store
        .create_campaign_asking(org, &new, &services)
        .await?;
    Ok(Redirect::to(&format!("/campaigns/{id}")).into_response())
}
