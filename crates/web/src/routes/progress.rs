//! A campaign's chase list, for administrators: who has not finished, by site and team, with
//! counts, filters, a CSV download and reminder buttons (each group, or everyone).
//!
//! Who is listed is who the campaign asked, as it recorded them (`Store::campaign_progress`):
//! their main site and team when they were asked. People who have left or been erased are not
//! listed. Reminders are the campaign's reminder email (`crate::mail`): at most one per person
//! per campaign, to those invited who have not finished.
//!
//! An anonymous campaign promises that nobody sees who has or has not answered. Its page names
//! no one: it shows the report's response rates by site and team (the same figures, through
//! the same anonymity rule), and one button that reminds everyone who has not finished. The
//! notice afterwards and the audit trail say only that reminders went, not to how many, since
//! that number is how many have not answered.

use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::CsrfForm;
use crate::page::Page;
use crate::path::Path;
use crate::routes::analysis::csv_body;
use crate::routes::reports::{Count, RateRow, report_page};
use crate::{AppState, mail};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::{CampaignId, PersonId, SiteId, TeamId};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, PersonProgress, Progress, ProgressFilter};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The page's address, and what a reminder button reports back through it.
#[derive(Debug, Default, Deserialize)]
pub struct ProgressQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    team: String,
    /// How many reminders went, or `sent` for an anonymous campaign.
    #[serde(default)]
    reminded: Option<String>,
    #[serde(default)]
    failed: Option<usize>,
    /// `off` when email is not set up, `closed` when the campaign is not open.
    #[serde(default)]
    mail: Option<String>,
}

/// A site or team id from the address: none when empty, refused when not a number.
fn id_of(raw: &str) -> AppResult<Option<i64>> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|_| AppError::BadRequest("id")),
    }
}

fn filter_of(site: &str, team: &str) -> AppResult<ProgressFilter> {
    Ok(ProgressFilter {
        site: id_of(site)?.map(SiteId),
        team: id_of(team)?.map(TeamId),
        unfinished: false,
    })
}

/// A reminder button's group: each of site and team is one (an id), any (empty), or none
/// (`none`: the people with no site, or no team), which the store's filter cannot say.
struct Chosen {
    filter: ProgressFilter,
    no_site: bool,
    no_team: bool,
}

impl Chosen {
    fn parse(site: &str, team: &str) -> AppResult<Self> {
        let (no_site, no_team) = (site.trim() == "none", team.trim() == "none");
        let filter = filter_of(
            if no_site { "" } else { site },
            if no_team { "" } else { team },
        )?;
        Ok(Chosen {
            filter,
            no_site,
            no_team,
        })
    }

    fn matches(&self, p: &PersonProgress) -> bool {
        (!self.no_site || p.main_site().is_none()) && (!self.no_team || p.team.is_none())
    }

    fn query(&self) -> String {
        let mut parts = vec![query_of(&self.filter)];
        if self.no_site {
            parts.push("site=none".into());
        }
        if self.no_team {
            parts.push("team=none".into());
        }
        parts.retain(|p| !p.is_empty());
        parts.join("&")
    }
}

/// `site=…&team=…` for the filter's address (empty when there is no filter).
fn query_of(filter: &ProgressFilter) -> String {
    let mut parts = Vec::new();
    if let Some(s) = filter.site {
        parts.push(format!("site={}", s.0));
    }
    if let Some(t) = filter.team {
        parts.push(format!("team={}", t.0));
    }
    parts.join("&")
}

/// One person who has not finished, as the list shows them.
pub struct PersonRow {
    pub name: String,
    pub started: bool,
    /// Invited, reminded or neither, already in the reader's language.
    pub emails: String,
}

/// The people asked at one site and in one team (either may be none).
pub struct Group {
    pub site: Option<i64>,
    pub team: Option<i64>,
    pub name: String,
    pub asked: usize,
    pub finished: usize,
    pub started: usize,
    pub not_started: usize,
    /// Those who have not finished.
    pub people: Vec<PersonRow>,
    /// How many of them a reminder can go to: invited and not reminded yet.
    pub remindable: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_progress.html")]
pub struct ProgressPage {
    page: Page,
    campaign_id: CampaignId,
    anonymous: bool,
    /// Why reminders cannot be sent now, if they cannot.
    cannot_send: Option<String>,
    notice: Option<String>,
    sites: Vec<(i64, String)>,
    teams: Vec<(i64, String)>,
    site: Option<i64>,
    team: Option<i64>,
    /// Everyone listed: asked, finished, started but not finished, not started.
    totals: [usize; 4],
    remindable: usize,
    groups: Vec<Group>,
    /// The filter as an address query, for the CSV link and the reminder forms.
    query: String,
    /// For an anonymous campaign: the report's response rates by site and by team.
    rate_tables: Vec<(String, &'static str, Vec<RateRow>)>,
}

impl ProgressPage {
    fn is_site(&self, id: &i64) -> bool {
        self.site == Some(*id)
    }

    fn is_team(&self, id: &i64) -> bool {
        self.team == Some(*id)
    }
}

fn emails_text(tr: &Tr, p: &PersonProgress) -> String {
    tr.t(if p.reminded {
        "progress-reminded"
    } else if p.invited {
        "progress-invited"
    } else {
        "progress-not-invited"
    })
}

fn can_remind(p: &PersonProgress) -> bool {
    p.invited && !p.reminded && p.progress != Progress::Finished
}

/// Site and team names by id, sorted by name.
async fn names(
    state: &AppState,
    admin: &Admin,
) -> AppResult<(HashMap<i64, String>, HashMap<i64, String>)> {
    Ok(state.store.group_names(admin.organisation_id).await?)
}

fn sorted(names: &HashMap<i64, String>) -> Vec<(i64, String)> {
    let mut list: Vec<(i64, String)> = names.iter().map(|(k, v)| (*k, v.clone())).collect();
    list.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    list
}

fn group_name(
    tr: &Tr,
    site: Option<i64>,
    team: Option<i64>,
    site_names: &HashMap<i64, String>,
    team_names: &HashMap<i64, String>,
) -> String {
    let site = site
        .and_then(|s| site_names.get(&s).cloned())
        .unwrap_or_else(|| tr.t("progress-no-site"));
    let team = team
        .and_then(|t| team_names.get(&t).cloned())
        .unwrap_or_else(|| tr.t("progress-no-team"));
    tr.t2("progress-group", "site", site, "team", team)
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(query): Query<ProgressQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    let filter = filter_of(&query.site, &query.team)?;
    let tr = ctx.tr;
    let title = campaign.title.show(tr.lang().code()).text.to_string();
    let page = Page::new(&ctx, tr.t1("progress-title-for", "campaign", title));
    let cannot_send = if state.config.mailer.is_none() {
        Some(tr.t("invitations-not-configured"))
    } else if !campaign.is_open(super::audits::today()) {
        Some(tr.t("invitations-campaign-not-open"))
    } else {
        None
    };
    let notice = match (query.mail.as_deref(), query.reminded.as_deref()) {
        (Some("off"), _) => Some(tr.t("invitations-not-configured")),
        (Some("closed"), _) => Some(tr.t("invitations-campaign-not-open")),
        (_, Some("sent")) => Some(tr.t("progress-reminded-anonymous")),
        (_, Some(n)) => n.parse::<i64>().ok().map(|sent| {
            tr.t2(
                "reminders-sent",
                "sent",
                sent,
                "failed",
                query.failed.unwrap_or(0) as i64,
            )
        }),
        _ => None,
    };
    let (site_names, team_names) = names(&state, &admin).await?;
    let mut view = ProgressPage {
        page,
        campaign_id: id,
        anonymous: campaign.anonymous,
        cannot_send,
        notice,
        sites: sorted(&site_names),
        teams: sorted(&team_names),
        site: filter.site.map(|s| s.0),
        team: filter.team.map(|t| t.0),
        totals: [0; 4],
        remindable: 0,
        groups: Vec::new(),
        query: query_of(&filter),
        rate_tables: Vec::new(),
    };
    if campaign.anonymous {
        // The report's own figures: who is asked where, and who finished only where the
        // anonymity rule lets the report show it.
        view.rate_tables = report_page(&state, &ctx, &admin, id).await?.rate_tables;
        view.query = String::new();
        return Ok(view.into_response());
    }
    let people = state.store.campaign_progress(org, id, filter).await?;
    let mut groups: BTreeMap<(String, Option<i64>, Option<i64>), Group> = BTreeMap::new();
    for p in &people {
        let (site, team) = (p.main_site().map(|s| s.0), p.team.map(|t| t.0));
        let name = group_name(&tr, site, team, &site_names, &team_names);
        let group = groups
            .entry((name.clone(), site, team))
            .or_insert_with(|| Group {
                site,
                team,
                name,
                asked: 0,
                finished: 0,
                started: 0,
                not_started: 0,
                people: Vec::new(),
                remindable: 0,
            });
        group.asked += 1;
        match p.progress {
            Progress::Finished => group.finished += 1,
            Progress::Started => group.started += 1,
            Progress::NotStarted => group.not_started += 1,
        }
        if p.progress != Progress::Finished {
            group.people.push(PersonRow {
                name: format!("{} {}", p.given_name, p.family_name),
                started: p.progress == Progress::Started,
                emails: emails_text(&tr, p),
            });
        }
        group.remindable += usize::from(can_remind(p));
    }
    view.groups = groups.into_values().collect();
    for g in &view.groups {
        view.totals[0] += g.asked;
        view.totals[1] += g.finished;
        view.totals[2] += g.started;
        view.totals[3] += g.not_started;
        view.remindable += g.remindable;
    }
    Ok(view.into_response())
}

/// `/campaigns/{id}/progress.csv`: those who have not finished, with the page's filter. Not for
/// an anonymous campaign, which lists no one.
pub async fn csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(query): Query<ProgressQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    if campaign.anonymous {
        return Err(AppError::NotFound);
    }
    let filter = ProgressFilter {
        unfinished: true,
        ..filter_of(&query.site, &query.team)?
    };
    let (site_names, team_names) = names(&state, &admin).await?;
    let tr = ctx.tr;
    let people = state.store.campaign_progress(org, id, filter).await?;
    let mut rows = vec![vec![
        tr.t("person-given-name"),
        tr.t("person-family-name"),
        tr.t("progress-site"),
        tr.t("person-team"),
        tr.t("progress-where"),
        tr.t("progress-emails"),
    ]];
    for p in &people {
        rows.push(vec![
            p.given_name.clone(),
            p.family_name.clone(),
            p.main_site()
                .and_then(|s| site_names.get(&s.0).cloned())
                .unwrap_or_default(),
            p.team
                .and_then(|t| team_names.get(&t.0).cloned())
                .unwrap_or_default(),
            tr.t(if p.progress == Progress::Started {
                "progress-started"
            } else {
                "progress-not-started"
            }),
            emails_text(&tr, p),
        ]);
    }
    csv_body(rows, &format!("progress-{id}.csv"))
}

#[derive(Deserialize)]
pub struct RemindForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    team: String,
}

/// Reminds those of a group (or everyone, with no site and team) who have not finished; for an
/// anonymous campaign always everyone.
pub async fn remind(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(form): CsrfForm<RemindForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    let chosen = if campaign.anonymous {
        Chosen::parse("", "")?
    } else {
        Chosen::parse(&form.site, &form.team)?
    };
    // Back to the page as it was filtered (a group of no site or no team is not a filter it
    // offers: back to the whole list then).
    let back = |extra: &str| {
        let filter = if chosen.no_site || chosen.no_team {
            String::new()
        } else {
            chosen.query()
        };
        let query = [filter, extra.to_string()]
            .into_iter()
            .filter(|q| !q.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        Redirect::to(&format!("/campaigns/{id}/progress?{query}")).into_response()
    };
    let Some(mailer) = &state.config.mailer else {
        return Ok(back("mail=off"));
    };
    if !campaign.is_open(super::audits::today()) {
        return Ok(back("mail=closed"));
    }
    let unfinished: HashSet<PersonId> = state
        .store
        .campaign_progress(
            org,
            id,
            ProgressFilter {
                unfinished: true,
                ..chosen.filter
            },
        )
        .await?
        .iter()
        .filter(|p| chosen.matches(p))
        .map(|p| p.person)
        .collect();
    let sent = mail::send_reminders_among(
        &state.store,
        mailer,
        &state.config.public_url,
        id,
        &unfinished,
    )
    .await?;
    state
        .store
        .record_chase(
            org,
            Actor::Person(admin.person_id),
            id,
            chosen.filter,
            (!campaign.anonymous).then_some(sent.sent),
        )
        .await?;
    tracing::info!(
        campaign = id.0,
        sent = sent.sent,
        failed = sent.failed,
        "chase reminders sent"
    );
    if campaign.anonymous {
        return Ok(back("reminded=sent"));
    }
    Ok(back(&format!(
        "reminded={}&failed={}",
        sent.sent, sent.failed
    )))
}
