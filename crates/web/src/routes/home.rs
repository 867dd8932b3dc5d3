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
    /// This week of their plan: its number (from 1) and steps, or where the plan stands.
    plan: Option<HomePlan>,
    /// The next sessions they have a place on.
    sessions: Vec<HomeSession>,
    /// Horizon-scanning write-ups published lately: (id, title).
    write_ups: Vec<(skillgym_domain::WriteUpId, String)>,
}

pub struct HomePlan {
    /// `None` before it starts or after its weeks.
    pub week: Option<i64>,
    /// The day it starts, while it has not.
    pub starts: Option<String>,
    pub agreed: bool,
    pub steps: Vec<HomeStep>,
}

pub struct HomeStep {
    pub href: String,
    pub title: String,
    pub lang: &'static str,
    pub done: bool,
    pub late: bool,
}

pub struct HomeSession {
    pub href: String,
    pub title: String,
    pub lang: &'static str,
    pub when: String,
}

/// How many of the next booked sessions the home page lists.
const SESSIONS_SHOWN: usize = 3;

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
    let lang = ctx.tr.lang().code();
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let plan = state
        .store
        .plan_week(org, user.person_id, today)
        .await?
        .map(|w| HomePlan {
            week: (0..i64::from(skillgym_domain::plans::PLAN_WEEKS))
                .contains(&w.week)
                .then_some(w.week + 1),
            starts: (w.week < 0).then(|| {
                ctx.tr
                    .date(&skillgym_domain::people::format_date(w.starts_on))
            }),
            agreed: w.status == skillgym_domain::plans::PlanStatus::Agreed,
            steps: w
                .steps
                .iter()
                .map(|s| {
                    let title = s.title.show(lang);
                    HomeStep {
                        href: format!("/learning/{}", s.activity),
                        title: title.text.to_string(),
                        lang: title.lang,
                        done: s.done,
                        late: s.late,
                    }
                })
                .collect(),
        });
    let sessions = state
        .store
        .booked_sessions(org, user.person_id, skillgym_store::now())
        .await?
        .iter()
        .take(SESSIONS_SHOWN)
        .map(|b| {
            let title = b.title.show(lang);
            HomeSession {
                href: format!("/learning/{}", b.session.activity),
                title: title.text.to_string(),
                lang: title.lang,
                when: super::session_when(&ctx.tr, b.session.starts_at, b.session.ends_at),
            }
        })
        .collect();
    Ok(HomePage {
        page: ctx.page("home-title"),
        me,
        managed,
        counts,
        campaigns,
        champion: user.roles.has(Role::Champion),
        trainer: user.roles.has(Role::Trainer),
        plan,
        sessions,
        write_ups: super::horizon::on_home(&state, org).await?,
    }
    .into_response())
}
