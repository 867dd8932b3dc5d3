//! The print-ready report of a whole campaign: the report, the comparison by job family,
//! confidence against knowledge and change over time on one page, each part rendered from the
//! same code as its own page, with a print stylesheet that drops the navigation.

use super::analysis::{ByQuery, calibration_page, compare_page};
use super::change::{ChangeQuery, change_page};
use super::reports::report_page;
use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use skillgym_domain::CampaignId;

#[derive(Template, WebTemplate)]
#[template(path = "campaign_print.html")]
pub struct PrintPage {
    page: Page,
    campaign_id: CampaignId,
    /// Each part's HTML, rendered by its own page's template.
    parts: Vec<String>,
}

fn rendered(part: impl Template) -> AppResult<String> {
    part.render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering the report: {e}")))
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, CampaignId(id)).await?;
    let report = report_page(&state, &ctx, &admin, id).await?;
    let compare = compare_page(&state, &ctx, &admin, id, &ByQuery::default()).await?;
    let calibration = calibration_page(&state, &ctx, &admin, id, &ByQuery::default()).await?;
    let change = change_page(&state, &ctx, &admin, id, &ChangeQuery::default()).await?;
    let parts = vec![
        rendered(report.as_content())?,
        rendered(compare.as_content())?,
        rendered(calibration.as_content())?,
        rendered(change.as_content())?,
    ];
    let lang = ctx.tr.lang().code();
    let mut page = ctx.page("print-title");
    page.title = ctx.tr.t1(
        "print-title-for",
        "campaign",
        campaign.title.show(lang).text.to_string(),
    );
    Ok(PrintPage {
        page,
        campaign_id: campaign.id,
        parts,
    }
    .into_response())
}
