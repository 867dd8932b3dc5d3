//! A manager's view of the audits their people are asked to take: who has finished (in named
//! campaigns only), a button that reminds those who have not, and their team's figures as the
//! campaign's report shows them, which the anonymity rule decides
//! (`skillgym_domain::analysis::anonymity`). A manager sees only campaigns that asked their own
//! people, and never anyone else's.

use super::audit_trail::{by, record};
use super::reports::Count;
use crate::access::Manager;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::CsrfForm;
use crate::forms::Empty;
use crate::page::Page;
use crate::path::Path;
use crate::{AppState, mail};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::CampaignId;
use skillgym_domain::analysis::{CampaignFigures, TeamFigures};
use skillgym_domain::people::format_date;
use skillgym_i18n::Tr;
use skillgym_store::{AuditAction, Campaign, Progress, SessionRecord, TeamCampaign, TeamMember};
use std::collections::HashSet;

/// How long after it closes a campaign still shows on the team page.
const RECENT_DAYS: i64 = 90;

/// A campaign on the team page, with how far the manager's people have got when it is named.
pub struct TeamCampaignView {
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    /// The campaign's last day, written out.
    pub closes_on: String,
    pub open: bool,
    pub anonymous: bool,
    /// Finished, in progress, not started: named campaigns only.
    pub counts: Option<(usize, usize, usize)>,
}

/// The open and recent campaigns that asked the manager's people, for the team page.
pub(crate) async fn campaigns(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
) -> AppResult<Vec<TeamCampaignView>> {
    let today = super::audits::today();
    let since = today - time::Duration::days(RECENT_DAYS);
    let found = state
        .store
        .team_campaigns(user.organisation_id, user.person_id, today, since)
        .await?;
    let mut views = Vec::with_capacity(found.len());
    for c in found {
        let counts = if c.anonymous {
            None
        } else {
            let members = state
                .store
                .team_progress(user.organisation_id, user.person_id, c.id, today)
                .await?;
            Some(counts(&members))
        };
        views.push(view(&c, &ctx.tr, today, counts));
    }
    Ok(views)
}

fn view(
    c: &TeamCampaign,
    tr: &Tr,
    today: time::Date,
    counts: Option<(usize, usize, usize)>,
) -> TeamCampaignView {
    let title = c.title.show(tr.lang().code());
    TeamCampaignView {
        id: c.id.0,
        title: title.text.to_string(),
        lang: title.lang,
        closes_on: mail::long_date(tr, &format_date(c.closes_on)),
        open: c.opens_on <= today && today <= c.closes_on,
        anonymous: c.anonymous,
        counts,
    }
}

fn counts(members: &[TeamMember]) -> (usize, usize, usize) {
    let of = |p: Progress| members.iter().filter(|m| m.progress == p).count();
    (
        of(Progress::Finished),
        of(Progress::Started),
        of(Progress::NotStarted),
    )
}

/// One of the manager's teams in the campaign's figures.
pub struct TeamFiguresView {
    pub name: String,
    pub asked: u64,
    /// The number who finished, "fewer than k" or "hidden", as the report has it.
    pub finished: String,
    pub percent: Option<u64>,
    /// Whether the team's ratings may be shown at all.
    pub shown: bool,
    /// Each area: its title and language, and its mean written out (`None` when hidden or no
    /// one rated it).
    pub areas: Vec<(String, &'static str, Option<String>)>,
    pub competences: Vec<TeamCompetenceView>,
}

/// One competence in a team's figures.
pub struct TeamCompetenceView {
    pub title: String,
    pub lang: &'static str,
    /// The mean written out (`None` when nobody rated it 1–5) and how many did; `None` when
    /// hidden.
    pub figure: Option<(Option<String>, u64)>,
}

/// One of the manager's people, in a named campaign.
pub struct MemberView {
    pub id: i64,
    pub name: String,
    /// The message id of where they have got to.
    pub progress: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "team_campaign.html")]
pub struct TeamCampaignPage {
    page: Page,
    campaign: TeamCampaignView,
    threshold: usize,
    /// Named campaigns only: each of the manager's people and where they have got to.
    members: Vec<MemberView>,
    /// Whether any of the manager's people has not finished.
    unfinished: bool,
    /// Whether emails can be sent.
    mail_configured: bool,
    /// What the last press of the reminder button did, in the reader's language.
    notice: Option<String>,
    /// The teams the manager manages, as far as the anonymity rule shows them.
    teams: Vec<TeamFiguresView>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TeamNotice {
    #[serde(default)]
    sent: Option<usize>,
    #[serde(default)]
    failed: Option<usize>,
    #[serde(default)]
    reminded: Option<String>,
    #[serde(default)]
    mail: Option<String>,
}

/// The campaign, and the manager's people it asked; a campaign that asked none of them is no
/// business of theirs, and they are told there is no such page.
async fn team_campaign(
    state: &AppState,
    user: &SessionRecord,
    id: CampaignId,
) -> AppResult<(Campaign, Vec<TeamMember>)> {
    let campaign = state.store.campaign(user.organisation_id, id).await?;
    let members = state
        .store
        .team_progress(
            user.organisation_id,
            user.person_id,
            campaign.id,
            super::audits::today(),
        )
        .await?;
    if members.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok((campaign, members))
}

/// `/team/campaigns/{id}`: how the manager's people are getting on with one campaign.
pub async fn show(
    manager: Manager,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(notice): Query<TeamNotice>,
) -> AppResult<Response> {
    let user: &SessionRecord = &manager;
    let org = user.organisation_id;
    let (campaign, members) = team_campaign(&state, user, id).await?;
    let today = super::audits::today();
    let summary = TeamCampaign {
        id: campaign.id,
        title: campaign.title.clone(),
        opens_on: campaign.opens_on,
        closes_on: campaign.closes_on,
        anonymous: campaign.anonymous,
    };
    let named = !campaign.anonymous;
    let view = view(&summary, &ctx.tr, today, named.then(|| counts(&members)));

    // The team's figures are the campaign report's own rows for the teams they manage, so that
    // they show exactly what the anonymity rule lets the whole report show, and nothing more.
    let reports = state.reports(org).await?;
    let analysed = reports.analysed(&campaign).await?;
    let threshold = reports.threshold();
    let competence_areas = skillgym_reporting::cache::competence_areas(&campaign);
    let columns = &analysed.columns;
    let figures = CampaignFigures::from_columns(&analysed.disclosure, &competence_areas, columns);
    let k = threshold.get();
    let lang = ctx.tr.lang().code();
    let mut teams = Vec::new();
    for (team, name) in state.store.teams_managed(org, user.person_id).await? {
        let Some(rate) = figures.by_team.iter().find(|r| r.group == team.0) else {
            continue;
        };
        let Some(t) = columns.teams.iter().position(|id| *id == team.0) else {
            continue;
        };
        let ratings = TeamFigures::compute(&analysed.disclosure, &competence_areas, columns, t);
        let shown = ratings.shown.is_shown();
        teams.push(TeamFiguresView {
            name,
            asked: rate.asked,
            finished: Count::of(rate.finished, rate.shown).text(&ctx.tr, k),
            percent: rate.percent(),
            shown,
            areas: campaign
                .areas
                .iter()
                .zip(&ratings.areas)
                .map(|(area, figure)| {
                    let title = area.title.show(lang);
                    let mean = figure.map(|(mean, _)| format!("{mean:.2}"));
                    (title.text.to_string(), title.lang, mean)
                })
                .collect(),
            competences: campaign
                .areas
                .iter()
                .flat_map(|a| &a.competences)
                .zip(&ratings.competences)
                .map(|(c, figure)| {
                    let title = c.title.show(lang);
                    TeamCompetenceView {
                        title: title.text.to_string(),
                        lang: title.lang,
                        figure: figure.map(|d| (d.mean().map(|m| format!("{m:.2}")), d.rated())),
                    }
                })
                .collect(),
        });
    }

    let tr = &ctx.tr;
    let notice = if notice.mail.as_deref() == Some("off") {
        Some(tr.t("invitations-not-configured"))
    } else if notice.mail.as_deref() == Some("closed") {
        Some(tr.t("invitations-campaign-not-open"))
    } else if notice.reminded.is_some() {
        Some(tr.t("team-reminders-sent-anonymous"))
    } else {
        notice.sent.map(|sent| {
            tr.t2(
                "team-reminders-sent",
                "sent",
                sent as i64,
                "failed",
                notice.failed.unwrap_or(0) as i64,
            )
        })
    };
    let mut page = ctx.page("my-people-title");
    page.title = tr.t1("team-campaign-title", "campaign", view.title.clone());
    Ok(TeamCampaignPage {
        page,
        campaign: view,
        threshold: k,
        members: if named {
            members
                .iter()
                .map(|m| MemberView {
                    id: m.person.0,
                    name: m.name.clone(),
                    progress: match m.progress {
                        Progress::Finished => "team-progress-finished",
                        Progress::Started => "team-progress-in-progress",
                        Progress::NotStarted => "team-progress-not-started",
                    },
                })
                .collect()
        } else {
            Vec::new()
        },
        unfinished: members.iter().any(|m| m.progress != Progress::Finished),
        mail_configured: state.config.mailer.is_some(),
        notice,
        teams,
    }
    .into_response())
}

/// `POST /team/campaigns/{id}/reminders`: the campaign's reminder, to those of the manager's
/// people who have not finished (and have been invited, and not reminded yet).
pub async fn remind(
    manager: Manager,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user: &SessionRecord = &manager;
    let (campaign, members) = team_campaign(&state, user, id).await?;
    let back = format!("/team/campaigns/{id}");
    let Some(mailer) = &state.config.mailer else {
        return Ok(Redirect::to(&format!("{back}?mail=off#reminders")).into_response());
    };
    if !campaign.is_open(super::audits::today()) {
        return Ok(Redirect::to(&format!("{back}?mail=closed#reminders")).into_response());
    }
    let unfinished: HashSet<_> = members
        .iter()
        .filter(|m| m.progress != Progress::Finished)
        .map(|m| m.person)
        .collect();
    let sent = mail::send_reminders_among(
        &state.store,
        mailer,
        &state.config.public_url,
        campaign.id,
        &unfinished,
    )
    .await?;
    let mut event = by(user, AuditAction::TeamReminded, None).with("campaign", id);
    // How many were reminded would tell how many have not finished an anonymous campaign.
    if !campaign.anonymous {
        event = event.with("people", sent.sent);
    }
    record(&state, user, event).await?;
    tracing::info!(
        campaign = id.0,
        sent = sent.sent,
        failed = sent.failed,
        "reminders sent by a manager"
    );
    let to = if campaign.anonymous {
        format!("{back}?reminded=yes#reminders")
    } else {
        format!("{back}?sent={}&failed={}#reminders", sent.sent, sent.failed)
    };
    Ok(Redirect::to(&to).into_response())
}
