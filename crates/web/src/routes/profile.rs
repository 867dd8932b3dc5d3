//! A person's profile for a campaign (their ratings by area against the service's mean, their
//! knowledge-round results and their gaps against their role profile), for the person, their
//! manager and admins; and the role profiles themselves, which admins set.

use super::analysis::csv_body;
use super::audit_trail::{by, record};
use crate::AppState;
use crate::access::{Admin, SignedIn};
use crate::charts::{self, Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::analysis::profile::{Profile, TargetLevel};
use skillgym_domain::people::format_date;
use skillgym_domain::{FrameworkId, JobFamily, PersonId, Role};
use skillgym_store::{AnsweredCampaign, AuditAction, Campaign, PersonRecord, RoleTargets};
use std::collections::HashMap;

/// How many of the biggest gaps the page lists (the table has them all).
const MOST_GAPS: usize = 10;

#[derive(Debug, Default, Deserialize)]
pub struct ProfileQuery {
    campaign: Option<i64>,
}

/// What the page and the CSV show.
struct Loaded {
    person: PersonRecord,
    /// The campaigns the viewer may see this person's answers to, newest first.
    campaigns: Vec<AnsweredCampaign>,
    /// The campaign shown, its profile and its competences' areas.
    shown: Option<(Campaign, Profile)>,
    own: bool,
}

/// The person, if the signed-in user may see their profile: themselves, someone who manages
/// them (directly or through their teams), or an admin. Anyone else is told there is no such
/// page, as for the person page.
async fn load(
    state: &AppState,
    ctx: &Ctx,
    person: PersonId,
    query: &ProfileQuery,
) -> AppResult<Loaded> {
    let user = ctx.user()?;
    let org = user.organisation_id;
    let own = user.person_id == person;
    let may_see = own
        || user.roles.has(Role::Admin)
        || (user.roles.has(Role::Manager) && state.store.manages(user.person_id, person).await?);
    if !may_see {
        return Err(AppError::NotFound);
    }
    let found = state.store.person(org, person).await?;
    // Answers to an anonymous campaign are shown to the person who gave them and no one else.
    let campaigns: Vec<AnsweredCampaign> = state
        .store
        .answered_campaigns(org, person)
        .await?
        .into_iter()
        .filter(|c| own || !c.anonymous)
        .collect();
    let chosen = match query.campaign {
        Some(c) => Some(
            campaigns
                .iter()
                .find(|a| a.id.0 == c)
                .ok_or(AppError::NotFound)?
                .id,
        ),
        None => campaigns.first().map(|c| c.id),
    };
    let shown = match chosen {
        None => None,
        Some(campaign) => {
            let reports = state.reports(org).await?;
            let campaign = reports.campaign(campaign).await?;
            let profile = (reports.profile(&campaign, &found).await?).ok_or(AppError::NotFound)?;
            Some((campaign, profile))
        }
    };
    if !own {
        let mut event = by(user, AuditAction::PersonViewed, Some(person)).with("view", "profile");
        if let Some((c, _)) = &shown {
            event = event.with("campaign", c.id.0);
        }
        record(state, user, event).await?;
    }
    Ok(Loaded {
        person: found,
        campaigns,
        shown,
        own,
    })
}

/// An area's line: the person's mean and the service's, as written and as drawn.
pub struct AreaView {
    pub title: String,
    pub lang: &'static str,
    pub mean: Option<String>,
    pub service: Option<String>,
    pub bars: (Option<f64>, Option<f64>),
}

/// A competence's line.
pub struct CompetenceView {
    pub code: String,
    pub title: String,
    pub lang: &'static str,
    /// The rating as a number, or the "not sure" message id's text.
    pub rating: Option<String>,
    /// Right of asked.
    pub quiz: Option<(usize, usize)>,
    pub measured: Option<String>,
    pub target: Option<u8>,
    pub gap: Option<String>,
    /// Short of the target.
    pub short: bool,
}

/// One of the biggest gaps, with what closing it looks like: the framework's description of
/// the next level up. Courses, champions and learning plans will be linked here once skillgym
/// has them; until then the framework is all there is to point to.
pub struct GapView {
    pub title: String,
    pub lang: &'static str,
    pub short_by: Option<String>,
    /// The competence's own description, from the framework.
    pub description: Option<(String, &'static str)>,
    /// The next level, and the framework's description of it.
    pub next: Option<(u8, String, &'static str)>,
    /// The competence on the framework's page, for those who may open it (admins).
    pub framework_link: Option<String>,
}

/// The `most` biggest gaps of `profile`, largest first.
pub(crate) fn gap_views(
    campaign: &Campaign,
    profile: &Profile,
    lang: &str,
    admin: bool,
    most: usize,
) -> Vec<GapView> {
    let competences: Vec<_> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .collect();
    profile
        .gaps()
        .into_iter()
        .take(most)
        .filter_map(|i| {
            let c = competences.get(i)?;
            let p = profile.competences.get(i)?;
            let title = c.title.show(lang);
            let description = (!c.description.is_blank()).then(|| {
                let d = c.description.show(lang);
                (d.text.to_string(), d.lang)
            });
            let next = p.next_level().and_then(|level| {
                let d = campaign.levels.get(usize::from(level) - 1)?;
                let shown = d.show(lang);
                Some((level, shown.text.to_string(), shown.lang))
            });
            Some(GapView {
                title: title.text.into(),
                lang: title.lang,
                short_by: p.gap.filter(|g| *g > 0.0).map(|g| format!("{g:.1}")),
                description,
                next,
                framework_link: admin.then(|| {
                    format!(
                        "/frameworks/{}#competence-{}",
                        campaign.framework_id.0, c.code
                    )
                }),
            })
        })
        .collect()
}

pub struct CampaignOption {
    pub id: i64,
    pub label: String,
    pub lang: &'static str,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "person_profile.html")]
pub struct ProfilePage {
    page: Page,
    person_id: i64,
    own: bool,
    family: &'static str,
    campaigns: Vec<CampaignOption>,
    campaign_id: i64,
    areas: Vec<AreaView>,
    competences: Vec<CompetenceView>,
    /// The biggest gaps, largest first.
    gaps: Vec<GapView>,
    has_targets: bool,
    /// The person's mean of each area beside the service's (`crate::charts`).
    chart: String,
}

fn views(
    campaign: &Campaign,
    profile: &Profile,
    lang: &str,
) -> (Vec<AreaView>, Vec<CompetenceView>) {
    let areas = campaign
        .areas
        .iter()
        .zip(&profile.areas)
        .map(|(area, p)| {
            let title = area.title.show(lang);
            AreaView {
                title: title.text.into(),
                lang: title.lang,
                mean: p.mean.map(|m| format!("{m:.2}")),
                service: p.service_mean.map(|m| format!("{m:.2}")),
                bars: (p.mean, p.service_mean),
            }
        })
        .collect();
    let competences = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .zip(&profile.competences)
        .map(|(c, p)| {
            let title = c.title.show(lang);
            CompetenceView {
                code: c.code.clone(),
                title: title.text.into(),
                lang: title.lang,
                rating: p.rating.map(|r| match r.level() {
                    Some(l) => l.to_string(),
                    None => String::new(),
                }),
                quiz: p.quiz.map(|q| (q.right, q.asked)),
                measured: p.measured.map(|m| format!("{m:.1}")),
                target: p.target.map(TargetLevel::level),
                gap: p.gap.map(|g| format!("{g:+.1}")),
                short: p.gap.is_some_and(|g| g > 0.0),
            }
        })
        .collect();
    (areas, competences)
}

pub async fn show(
    _: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
    Query(query): Query<ProfileQuery>,
) -> AppResult<Response> {
    let loaded = load(&state, &ctx, id, &query).await?;
    let lang = ctx.tr.lang().code();
    let mut page = ctx.page("profile-title");
    page.title = if loaded.own {
        ctx.tr.t("profile-title-own")
    } else {
        ctx.tr.t1("profile-title-for", "name", loaded.person.name())
    };
    let (areas, competences, gaps, campaign_id) = match &loaded.shown {
        Some((campaign, profile)) => {
            let (areas, competences) = views(campaign, profile, lang);
            let admin = ctx.user()?.roles.has(Role::Admin);
            let gaps = gap_views(campaign, profile, lang, admin, MOST_GAPS);
            (areas, competences, gaps, campaign.id.0)
        }
        None => Default::default(),
    };
    let campaigns = loaded
        .campaigns
        .iter()
        .map(|c| {
            let title = c.title.show(lang);
            CampaignOption {
                id: c.id.0,
                label: format!("{} ({})", title.text, ctx.tr.date(&format_date(c.opens_on))),
                lang: title.lang,
                selected: c.id.0 == campaign_id,
            }
        })
        .collect();
    Ok(ProfilePage {
        page,
        person_id: loaded.person.id.0,
        own: loaded.own,
        family: loaded.person.job_family.as_str(),
        campaigns,
        campaign_id,
        has_targets: competences.iter().any(|c| c.target.is_some()),
        chart: RowChart {
            id: "profile",
            kind: Kind::Bars,
            scale: Scale::new(0.0, 5.0, 5),
            series: vec![
                Series::nth(
                    0,
                    ctx.tr.t(if loaded.own {
                        "profile-you"
                    } else {
                        "profile-this-person"
                    }),
                    lang,
                ),
                Series::nth(1, ctx.tr.t("profile-service"), lang).coloured(charts::GREY),
            ],
            rows: areas
                .iter()
                .map(|a| Row {
                    label: a.title.clone(),
                    values: vec![a.bars.0, a.bars.1],
                    // The service's mean is missing only when hidden; the person's when they
                    // rated nothing in the area.
                    missing: if a.bars.1.is_none() {
                        ctx.tr.t("report-hidden")
                    } else {
                        "–".into()
                    },
                })
                .collect(),
            decimals: 2,
        }
        .html(),
        areas,
        competences,
        gaps,
    }
    .into_response())
}

pub async fn csv(
    _: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
    Query(query): Query<ProfileQuery>,
) -> AppResult<Response> {
    let loaded = load(&state, &ctx, id, &query).await?;
    let Some((campaign, profile)) = &loaded.shown else {
        return Err(AppError::NotFound);
    };
    let rows = skillgym_reporting::profile::table(campaign, profile, &ctx.tr);
    csv_body(
        rows,
        &format!("profile-{}-{}.csv", loaded.person.id.0, campaign.id.0),
    )
}

// ----- Role profiles -----

#[derive(Debug, Default, Deserialize)]
pub struct RoleProfileQuery {
    framework: Option<i64>,
    saved: Option<String>,
}

/// A competence's row of the form: its targets by job family, as typed.
pub struct TargetRow {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub lang: &'static str,
    /// Set only on an area's first competence: the area's title.
    pub area: Option<(String, &'static str)>,
    /// By job family, in [`JobFamily::ALL`] order: (field name, value).
    pub cells: Vec<(String, String)>,
}

pub struct FrameworkOption {
    pub id: i64,
    pub label: String,
    pub lang: &'static str,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "role_profiles.html")]
pub struct RoleProfilesPage {
    page: Page,
    frameworks: Vec<FrameworkOption>,
    framework_id: i64,
    families: [JobFamily; 5],
    rows: Vec<TargetRow>,
    errors: FormErrors,
    saved: bool,
}

fn field(competence: i64, family: JobFamily) -> String {
    format!("t-{competence}-{}", family.as_str())
}

async fn role_page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    framework: Option<i64>,
    typed: Option<&HashMap<String, String>>,
    errors: FormErrors,
    saved: bool,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let lang = ctx.tr.lang().code();
    let all = state.store.frameworks(org).await?;
    let chosen = match framework {
        Some(f) => {
            all.iter()
                .find(|x| x.id.0 == f)
                .ok_or(AppError::NotFound)?
                .id
        }
        None => match all.first() {
            Some(f) => f.id,
            None => FrameworkId(0),
        },
    };
    let mut rows = Vec::new();
    if chosen.0 != 0 {
        let stored = state.store.framework(org, chosen).await?;
        let targets = state.store.role_targets(org, chosen).await?;
        for area in &stored.framework.areas {
            for (i, c) in area.competences.iter().enumerate() {
                let Some(id) = stored.competence_ids.get(&c.code) else {
                    continue;
                };
                let title = c.title.show(lang);
                rows.push(TargetRow {
                    id: id.0,
                    code: c.code.clone(),
                    title: title.text.into(),
                    lang: title.lang,
                    area: (i == 0).then(|| {
                        let t = area.title.show(lang);
                        (t.text.to_string(), t.lang)
                    }),
                    cells: JobFamily::ALL
                        .iter()
                        .map(|f| {
                            let name = field(id.0, *f);
                            let value = match typed {
                                Some(t) => t.get(&name).cloned().unwrap_or_default(),
                                None => targets
                                    .get(&(*id, *f))
                                    .map(|l| l.level().to_string())
                                    .unwrap_or_default(),
                            };
                            (name, value)
                        })
                        .collect(),
                });
            }
        }
    }
    let failed = !errors.is_empty();
    let mut response = RoleProfilesPage {
        page: ctx.page("role-profiles-title"),
        frameworks: all
            .iter()
            .map(|f| {
                let t = f.title.show(lang);
                FrameworkOption {
                    id: f.id.0,
                    label: t.text.into(),
                    lang: t.lang,
                    selected: f.id == chosen,
                }
            })
            .collect(),
        framework_id: chosen.0,
        families: JobFamily::ALL,
        rows,
        errors,
        saved,
    }
    .into_response();
    if failed {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn role_profiles(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<RoleProfileQuery>,
) -> AppResult<Response> {
    role_page(
        &state,
        &ctx,
        &admin,
        query.framework,
        None,
        FormErrors::default(),
        query.saved.is_some(),
    )
    .await
}

pub async fn save_role_profiles(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let framework = form
        .get("framework")
        .and_then(|f| f.parse::<i64>().ok())
        .ok_or(AppError::BadRequest("framework"))?;
    let stored = state.store.framework(org, FrameworkId(framework)).await?;
    let mut errors = FormErrors::default();
    let mut targets = RoleTargets::new();
    let lang = ctx.tr.lang().code();
    for area in &stored.framework.areas {
        for c in &area.competences {
            let Some(id) = stored.competence_ids.get(&c.code) else {
                continue;
            };
            for family in JobFamily::ALL {
                let name = field(id.0, family);
                let raw = form.get(&name).map(String::as_str).unwrap_or("");
                match TargetLevel::parse(raw) {
                    Ok(Some(level)) => {
                        targets.insert((*id, family), level);
                    }
                    Ok(None) => {}
                    // Named as the box's label names it, so each entry of the summary says
                    // which box it is about.
                    Err(e) => errors.add_with(
                        name,
                        e.0,
                        vec![
                            ("competence", c.title.show(lang).text.to_string()),
                            (
                                "family",
                                ctx.tr.t(&format!("job-family-{}", family.as_str())),
                            ),
                        ],
                    ),
                }
            }
        }
    }
    if !errors.is_empty() {
        return role_page(
            &state,
            &ctx,
            &admin,
            Some(framework),
            Some(&form),
            errors,
            false,
        )
        .await;
    }
    state
        .store
        .set_role_targets(org, FrameworkId(framework), &targets)
        .await?;
    Ok(Redirect::to(&format!("/role-profiles?framework={framework}&saved=1")).into_response())
}
