//! The home page, shaped by the person's roles.

use crate::AppState;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::Role;
use skillgym_store::{CampaignSummary, PeopleCounts, PersonFilter, PersonRecord, PersonSummary};

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    page: Page,
    me: PersonRecord,
    /// For managers: the people they manage, first few, and how many in all.
    managed: Option<(Vec<PersonSummary>, i64)>,
    /// For admins: the organisation in numbers.
    counts: Option<PeopleCounts>,
    /// The audits open to the person, each with how far they got.
    campaigns: Vec<CampaignSummary>,
    champion: bool,
    trainer: bool,
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let Some(user) = ctx.session.clone() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let org = user.organisation_id;
    let me = state.store.person(org, user.person_id).await?;
    let managed = if user.roles.has(Role::Manager) {
        let filter = PersonFilter {
            managed_by: Some(user.person_id),
            limit: 8,
            ..PersonFilter::default()
        };
        Some(state.store.people(org, &filter).await?)
    } else {
        None
    };
    let counts = if user.roles.has(Role::Admin) {
        Some(state.store.people_counts(org).await?)
    } else {
        None
    };
    let campaigns = state
        .store
        .campaigns_for(org, user.person_id, super::audits::today())
        .await?;
    Ok(HomePage {
        page: ctx.page("home-title"),
        me,
        managed,
        counts,
        campaigns,
        champion: user.roles.has(Role::Champion),
        trainer: user.roles.has(Role::Trainer),
    }
    .into_response())
}
