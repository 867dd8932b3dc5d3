//! Networks: for coordinators, the networks their organisation runs (members, published
//! campaigns, the network's figures); for a member's administrators, the networks it belongs
//! to (sharing its figures, opening network campaigns for its staff, and where it stands).

use super::audits::today;
use crate::AppState;
use crate::access::{Admin, Coordinator};
use crate::charts::{Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::CsrfForm;
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{ActivityId, CampaignId, FrameworkId, NetworkId, OrganisationId};
use skillgym_reporting::network::{NetworkFigures, Viewer, network_figures};
use skillgym_store::{
    Actor, CampaignSummary, FrameworkSummary, NetworkCampaignRecord, NetworkMember, NetworkRecord,
    StoreError,
};

/// A name in the reader's language where there is one, with its language for `lang`.
fn shown(lang: &str, en: &str, cy: Option<&str>) -> (String, &'static str) {
    match cy.filter(|_| lang == "cy") {
        Some(cy) => (cy.to_string(), "cy"),
        None => (en.to_string(), "en"),
    }
}

// ---- Coordinators ---------------------------------------------------------------------------

pub struct CoordinatedNetwork {
    id: NetworkId,
    name: (String, &'static str),
    members: Vec<(String, bool)>,
    campaigns: Vec<(CampaignId, (String, &'static str), String, String)>,
    /// The organisation's own campaigns not yet published to this network.
    publishable: Vec<(CampaignId, (String, &'static str))>,
    /// The frameworks shared with the network, and the organisation's others.
    frameworks: Vec<(String, (String, &'static str))>,
    shareable: Vec<(FrameworkId, (String, &'static str))>,
    /// The learning activities shared with the network, and the catalogue's others.
    activities: Vec<(String, (String, &'static str))>,
    activity_choices: Vec<(ActivityId, (String, &'static str))>,
}

#[derive(Template, WebTemplate)]
#[template(path = "network.html")]
pub struct NetworkPage {
    page: Page,
    networks: Vec<CoordinatedNetwork>,
}

pub async fn coordinated(
    coordinator: Coordinator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    let lang = ctx.tr.lang().code();
    let own: Vec<CampaignSummary> = state.store.campaigns(org).await?;
    let own_frameworks = state.store.frameworks(org).await?;
    let catalogue = state.store.catalogue(org).await?;
    let mut networks = Vec::new();
    for network in state.store.networks_run_by(org).await? {
        let members = state.store.network_members(network.id).await?;
        let shared = state.store.network_frameworks_of(network.id).await?;
        let (frameworks, shareable): (Vec<_>, Vec<_>) =
            own_frameworks.iter().partition(|f| shared.contains(&f.id));
        let titled = |f: &&FrameworkSummary| {
            let t = f.title.show(lang);
            (f.id, f.code.clone(), (t.text.to_string(), t.lang))
        };
        let shared_activities = state.store.network_activities_of(network.id).await?;
        let (activities, activity_choices): (Vec<_>, Vec<_>) = catalogue
            .iter()
            .partition(|a| shared_activities.contains(&a.id));
        let activity_title = |a: &&skillgym_store::StoredActivity| {
            let t = a.activity.title.show(lang);
            (t.text.to_string(), t.lang)
        };
        let published = state.store.network_campaigns_of(network.id).await?;
        let publishable = own
            .iter()
            .filter(|c| !published.iter().any(|p| p.id == c.id))
            .map(|c| {
                let t = c.title.show(lang);
                (c.id, (t.text.to_string(), t.lang))
            })
            .collect();
        networks.push(CoordinatedNetwork {
            id: network.id,
            name: shown(lang, &network.name, network.name_cy.as_deref()),
            members: members
                .iter()
                .map(|m| {
                    (
                        shown(lang, &m.name, m.name_cy.as_deref()).0,
                        m.shares_figures,
                    )
                })
                .collect(),
            campaigns: published
                .iter()
                .map(|c| {
                    (
                        c.id,
                        shown(lang, &c.title, c.title_cy.as_deref()),
                        ctx.tr.date(&format_date(c.opens_on)),
                        ctx.tr.date(&format_date(c.closes_on)),
                    )
                })
                .collect(),
            publishable,
            frameworks: frameworks
                .iter()
                .map(titled)
                .map(|(_, code, title)| (code, title))
                .collect(),
            shareable: shareable
                .iter()
                .map(titled)
                .map(|(id, _, title)| (id, title))
                .collect(),
            activities: activities
                .iter()
                .map(|a| (a.activity.code.to_string(), activity_title(a)))
                .collect(),
            activity_choices: activity_choices
                .iter()
                .map(|a| (a.id, activity_title(a)))
                .collect(),
        });
    }
    Ok(NetworkPage {
        page: ctx.page("network-title"),
        networks,
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    campaign: String,
}

pub async fn publish(
    coordinator: Coordinator,
    State(state): State<AppState>,
    Path(id): Path<NetworkId>,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    // Another organisation's network is no page of theirs, whatever the form holds.
    run_by(&state, org, id).await?;
    let campaign: CampaignId = form
        .campaign
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("campaign"))?;
    let actor = Actor::Person(coordinator.person_id);
    match state
        .store
        .publish_network_campaign(org, id, campaign, actor)
        .await
    {
        Ok(_) => Ok(Redirect::to("/network?published=1").into_response()),
        Err(StoreError::NotFound) => Err(AppError::BadRequest("campaign")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ShareFrameworkForm {
    #[serde(default)]
    framework: String,
}

pub async fn share_framework(
    coordinator: Coordinator,
    State(state): State<AppState>,
    Path(id): Path<NetworkId>,
    CsrfForm(form): CsrfForm<ShareFrameworkForm>,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    run_by(&state, org, id).await?;
    let framework: FrameworkId = form
        .framework
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("framework"))?;
    match state
        .store
        .publish_network_framework(org, id, framework)
        .await
    {
        Ok(_) => Ok(Redirect::to("/network").into_response()),
        Err(StoreError::NotFound) => Err(AppError::BadRequest("framework")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ShareActivityForm {
    #[serde(default)]
    activity: String,
}

/// A coordinator shares one of their organisation's learning activities with the network.
pub async fn share_activity(
    coordinator: Coordinator,
    State(state): State<AppState>,
    Path(id): Path<NetworkId>,
    CsrfForm(form): CsrfForm<ShareActivityForm>,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    run_by(&state, org, id).await?;
    let activity: ActivityId = form
        .activity
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("activity"))?;
    match state
        .store
        .publish_network_activity(org, id, activity)
        .await
    {
        Ok(_) => Ok(Redirect::to("/network").into_response()),
        Err(StoreError::NotFound) => Err(AppError::BadRequest("activity")),
        Err(e) => Err(e.into()),
    }
}

/// A member adopts a learning activity shared with one of its networks: a copy in its own
/// catalogue with the same code, which it then shows.
pub async fn adopt_activity(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<ActivityId>,
    CsrfForm(_): CsrfForm<AdoptForm>,
) -> AppResult<Response> {
    let own = state
        .store
        .adopt_network_activity(admin.organisation_id, id, Actor::Person(admin.person_id))
        .await?;
    Ok(Redirect::to(&format!("/learning/{own}")).into_response())
}

/// The network `id`, if `org` runs it.
async fn run_by(state: &AppState, org: OrganisationId, id: NetworkId) -> AppResult<NetworkRecord> {
    let network = state.store.network(id).await?;
    if network.organisation_id != org {
        return Err(AppError::NotFound);
    }
    Ok(network)
}

/// One row of a figures table: a competence's title and its figures as text.
pub struct FigureRow {
    title: (String, &'static str),
    members: String,
    lower_quartile: String,
    median: String,
    upper_quartile: String,
    own: String,
    position: String,
    shared: Vec<String>,
}

fn figure_rows(figures: &NetworkFigures, ctx: &Ctx) -> Vec<FigureRow> {
    let lang = ctx.tr.lang().code();
    let titles = figures
        .campaign
        .areas
        .iter()
        .flat_map(|a| &a.competences)
        .map(|c| {
            let t = c.title.show(lang);
            (t.text.to_string(), t.lang)
        });
    let two = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| format!("{x:.2}"));
    figures
        .competences
        .iter()
        .zip(titles)
        .map(|(c, title)| FigureRow {
            title,
            members: c.spread.map_or_else(String::new, |s| s.members.to_string()),
            lower_quartile: two(c.spread.map(|s| s.lower_quartile)),
            median: two(c.spread.map(|s| s.median)),
            upper_quartile: two(c.spread.map(|s| s.upper_quartile)),
            own: two(c.own),
            position: c
                .position
                .map_or_else(|| "–".to_string(), |p| ctx.tr.t(p.message())),
            shared: c.shared.iter().map(|m| two(*m)).collect(),
        })
        .collect()
}

/// The spread of the members' means for each competence as dots (lower quartile, median,
/// upper quartile, and with `own` the member's own mean), drawn by the server; the table
/// beside it holds the same figures, for screen readers and for reading exact values.
fn spread_chart(figures: &NetworkFigures, ctx: &Ctx, own: bool) -> String {
    let lang = ctx.tr.lang().code();
    let mut series: Vec<Series> = [
        "network-lower-quartile",
        "network-median",
        "network-upper-quartile",
    ]
    .iter()
    .enumerate()
    .map(|(i, id)| Series::nth(i, ctx.tr.t(id), lang))
    .collect();
    if own {
        series.push(Series::nth(3, ctx.tr.t("network-yours"), lang));
    }
    let titles = figures
        .campaign
        .areas
        .iter()
        .flat_map(|a| &a.competences)
        .map(|c| c.title.show(lang).text.to_string());
    let rows = figures
        .competences
        .iter()
        .zip(titles)
        .map(|(c, label)| {
            let mut values = vec![
                c.spread.map(|s| s.lower_quartile),
                c.spread.map(|s| s.median),
                c.spread.map(|s| s.upper_quartile),
            ];
            if own {
                values.push(c.own);
            }
            Row {
                label,
                values,
                missing: "–".into(),
            }
        })
        .collect();
    RowChart {
        id: "network-spread",
        kind: Kind::Dots { joined: false },
        scale: Scale::new(1.0, 5.0, 5),
        series,
        rows,
        decimals: 2,
    }
    .html()
}

/// The titles of the network's weak spots, lowest median first.
fn weak_spot_titles(figures: &NetworkFigures, lang: &str) -> Vec<(String, &'static str)> {
    let competences: Vec<_> = figures
        .campaign
        .areas
        .iter()
        .flat_map(|a| &a.competences)
        .collect();
    figures
        .weak_spots
        .iter()
        .filter_map(|code| competences.iter().find(|c| &c.code == code))
        .map(|c| {
            let t = c.title.show(lang);
            (t.text.to_string(), t.lang)
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "network_figures.html")]
pub struct NetworkFiguresPage {
    page: Page,
    network: (String, &'static str),
    rows: Vec<FigureRow>,
    weak_spots: Vec<(String, &'static str)>,
    opened: usize,
    members: usize,
    sharing: Vec<String>,
    public_link: super::public_links::PublicLinkPanel,
    chart: String,
}

pub async fn figures_for_coordinator(
    coordinator: Coordinator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let org = coordinator.organisation_id;
    let network = published_by(&state, org, id).await?;
    let members = state.store.network_members(network.id).await?;
    let named = named_members(&members);
    let figures = network_figures(
        &state.store,
        &state.analysis,
        org,
        id,
        &named,
        Viewer::Coordinator,
    )
    .await?;
    let lang = ctx.tr.lang().code();
    let title = figures.campaign.title.show(lang).text.to_string();
    let mut page = ctx.page("network-figures-title");
    page.title = title;
    Ok(NetworkFiguresPage {
        network: shown(lang, &network.name, network.name_cy.as_deref()),
        rows: figure_rows(&figures, &ctx),
        chart: spread_chart(&figures, &ctx, false),
        weak_spots: weak_spot_titles(&figures, lang),
        opened: figures.opened,
        members: members.len(),
        sharing: figures.sharing.clone(),
        public_link: super::public_links::panel(
            &state,
            org,
            id,
            format!("/network/campaigns/{id}/public-link"),
        )
        .await?,
        page,
    }
    .into_response())
}

fn named_members(members: &[NetworkMember]) -> Vec<(OrganisationId, String, bool)> {
    members
        .iter()
        .map(|m| (m.organisation_id, m.name.clone(), m.shares_figures))
        .collect()
}

/// The network that `org` runs and to which campaign `id` is published.
pub(super) async fn published_by(
    state: &AppState,
    org: OrganisationId,
    id: CampaignId,
) -> AppResult<NetworkRecord> {
    for network in state.store.networks_run_by(org).await? {
        let published = state.store.network_campaigns_of(network.id).await?;
        if published.iter().any(|c| c.id == id) {
            return Ok(network);
        }
    }
    Err(AppError::NotFound)
}

// ---- Members --------------------------------------------------------------------------------

pub struct Membership {
    id: NetworkId,
    name: (String, &'static str),
    shares: bool,
    campaigns: Vec<MemberCampaign>,
    frameworks: Vec<SharedFramework>,
    activities: Vec<SharedActivity>,
}

/// A framework shared with a network the organisation belongs to.
pub struct SharedActivity {
    id: ActivityId,
    code: String,
    title: (String, &'static str),
    /// The organisation's own copy, once adopted.
    own: Option<ActivityId>,
}

pub struct SharedFramework {
    id: FrameworkId,
    code: String,
    title: (String, &'static str),
    /// The organisation's own copy, once adopted.
    own: Option<FrameworkId>,
}

pub struct MemberCampaign {
    id: CampaignId,
    title: (String, &'static str),
    opens_on: String,
    closes_on: String,
    /// The dates as the open form starts with them.
    opens_value: String,
    closes_value: String,
    /// The dates typed could not be used (not dates, or closing before opening).
    dates_refused: bool,
    opened_as: Option<CampaignId>,
}

#[derive(Template, WebTemplate)]
#[template(path = "networks.html")]
pub struct NetworksPage {
    page: Page,
    memberships: Vec<Membership>,
    /// Why the last form could not be done, as a message id.
    problem: Option<&'static str>,
    /// The field the problem is about, for the error summary's link.
    problem_at: Option<String>,
}

pub async fn memberships(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    Ok(networks_page(&state, &ctx, admin.organisation_id)
        .await?
        .into_response())
}

async fn networks_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
) -> AppResult<NetworksPage> {
    let lang = ctx.tr.lang().code();
    let campaigns = state.store.network_campaigns_for(org).await?;
    let frameworks = state.store.network_frameworks_for(org).await?;
    let activities = state.store.network_activities_for(org).await?;
    let memberships = state
        .store
        .memberships(org)
        .await?
        .into_iter()
        .map(|(network, shares)| Membership {
            id: network.id,
            name: shown(lang, &network.name, network.name_cy.as_deref()),
            shares,
            campaigns: campaigns
                .iter()
                .filter(|c| c.network == network.id)
                .map(|c| member_campaign(c, ctx))
                .collect(),
            frameworks: frameworks
                .iter()
                .filter(|f| f.network == network.id)
                .map(|f| SharedFramework {
                    id: f.id,
                    code: f.code.clone(),
                    title: shown(lang, &f.title, f.title_cy.as_deref()),
                    own: f.adopted_as,
                })
                .collect(),
            activities: activities
                .iter()
                .filter(|(n, _, _)| *n == network.id)
                .map(|(_, a, own)| {
                    let t = a.activity.title.show(lang);
                    SharedActivity {
                        id: a.id,
                        code: a.activity.code.to_string(),
                        title: (t.text.to_string(), t.lang),
                        own: *own,
                    }
                })
                .collect(),
        })
        .collect();
    Ok(NetworksPage {
        page: ctx.page("networks-title"),
        memberships,
        problem: None,
        problem_at: None,
    })
}

fn member_campaign(c: &NetworkCampaignRecord, ctx: &Ctx) -> MemberCampaign {
    let lang = ctx.tr.lang().code();
    // A campaign that has opened already is opened from today by default.
    let opens = c.opens_on.max(today());
    MemberCampaign {
        id: c.id,
        title: shown(lang, &c.title, c.title_cy.as_deref()),
        opens_on: ctx.tr.date(&format_date(c.opens_on)),
        closes_on: ctx.tr.date(&format_date(c.closes_on)),
        opens_value: format_date(opens),
        closes_value: format_date(c.closes_on.max(opens)),
        dates_refused: false,
        opened_as: c.opened_as,
    }
}

#[derive(Deserialize)]
pub struct SharingForm {
    #[serde(default)]
    shares: String,
}

pub async fn set_sharing(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<NetworkId>,
    CsrfForm(form): CsrfForm<SharingForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    // Not a member: no such page, whatever the form holds.
    if !state
        .store
        .memberships(org)
        .await?
        .iter()
        .any(|(n, _)| n.id == id)
    {
        return Err(AppError::NotFound);
    }
    let shares = match form.shares.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("shares")),
    };
    state
        .store
        .set_network_sharing(id, org, shares, Actor::Person(admin.person_id))
        .await?;
    Ok(Redirect::to("/networks").into_response())
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
}

pub async fn open(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    CsrfForm(form): CsrfForm<OpenForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let listed = state.store.network_campaign_for(org, id).await?;
    if let Some(opened) = listed.opened_as {
        return Ok(Redirect::to(&format!("/campaigns/{opened}")).into_response());
    }
    let dates = match (parse_date(&form.opens_on), parse_date(&form.closes_on)) {
        (Ok(opens), Ok(closes)) if opens <= closes => Some((opens, closes)),
        _ => None,
    };
    let Some((opens_on, closes_on)) = dates else {
        // The page again, with what was typed and the error summary pointing at it.
        let mut page = networks_page(&state, &ctx, org).await?;
        for c in page.memberships.iter_mut().flat_map(|m| &mut m.campaigns) {
            if c.id == id {
                c.opens_value = form.opens_on.clone();
                c.closes_value = form.closes_on.clone();
                c.dates_refused = true;
            }
        }
        page.problem = Some("networks-open-dates");
        page.problem_at = Some(format!("opens_on-{id}"));
        let mut response = page.into_response();
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    let actor = Actor::Person(admin.person_id);
    match state
        .store
        .open_network_campaign_for(org, id, opens_on, closes_on, actor)
        .await
    {
        Ok(campaign) => Ok(Redirect::to(&format!("/campaigns/{campaign}")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut page = networks_page(&state, &ctx, org).await?;
            page.problem = Some("networks-open-conflict");
            let mut response = page.into_response();
            *response.status_mut() = axum::http::StatusCode::CONFLICT;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// Adopts a framework shared with one of the organisation's networks, and shows its copy.
pub async fn adopt_framework(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    CsrfForm(_): CsrfForm<AdoptForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    match state.store.adopt_network_framework(org, id).await {
        Ok(own) => Ok(Redirect::to(&format!("/frameworks/{own}")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut page = networks_page(&state, &ctx, org).await?;
            page.problem = Some("networks-adopt-conflict");
            let mut response = page.into_response();
            *response.status_mut() = axum::http::StatusCode::CONFLICT;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// Adopting asks nothing but the CSRF token.
#[derive(Deserialize)]
pub struct AdoptForm {}

#[derive(Template, WebTemplate)]
#[template(path = "network_compare.html")]
pub struct NetworkComparePage {
    page: Page,
    campaign: CampaignId,
    network: (String, &'static str),
    rows: Vec<FigureRow>,
    weak_spots: Vec<(String, &'static str)>,
    opened: usize,
    chart: String,
}

/// A member's campaign that opened a network's, beside the network's figures.
pub async fn compare(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let network_campaign = state
        .store
        .opened_network_campaign(org, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let listed = state
        .store
        .network_campaign_for(org, network_campaign)
        .await?;
    let network = state.store.network(listed.network).await?;
    let figures = network_figures(
        &state.store,
        &state.analysis,
        network.organisation_id,
        network_campaign,
        &[],
        Viewer::Member(org),
    )
    .await?;
    let lang = ctx.tr.lang().code();
    Ok(NetworkComparePage {
        page: ctx.page("network-compare-title"),
        campaign: id,
        network: shown(lang, &network.name, network.name_cy.as_deref()),
        rows: figure_rows(&figures, &ctx),
        chart: spread_chart(&figures, &ctx, true),
        weak_spots: weak_spot_titles(&figures, lang),
        opened: figures.opened,
    }
    .into_response())
}
