//! The digital champion's page: what colleagues at their sites are learning in their plans
//! (counts only, each at least the anonymity threshold), and the learning sessions coming up
//! at those sites, so a champion knows where their help is wanted.

use crate::AppState;
use crate::access::Champion;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use skillgym_domain::{SiteId, uk_time};
use std::collections::{HashMap, HashSet};

/// How far ahead the page lists sessions at the champion's sites.
const SESSIONS_AHEAD_DAYS: i64 = 28;

pub struct LearningRow {
    pub title: String,
    pub lang: &'static str,
    pub people: u32,
}

pub struct SessionRow {
    pub id: skillgym_domain::SessionId,
    pub href: String,
    pub title: String,
    pub lang: &'static str,
    pub when: String,
    pub site: String,
    pub places_left: u32,
    pub capacity: u32,
    pub waiting: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "champion.html")]
pub struct ChampionPage {
    page: Page,
    sites: Vec<String>,
    threshold: usize,
    learning: Vec<LearningRow>,
    sessions: Vec<SessionRow>,
}

pub async fn page(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = champion.organisation_id;
    let lang = ctx.tr.lang().code();
    let now = skillgym_store::now();
    let today = uk_time::local(now).date();
    let me = state.store.person(org, champion.person_id).await?;
    let own: HashSet<SiteId> = me.sites.iter().map(|(id, _)| *id).collect();
    let threshold = state.store.anonymity_threshold(org).await?.get();
    let all = state
        .store
        .learning_at_sites_of(org, champion.person_id, today)
        .await?;
    // Fewer people than the threshold are not counted aloud: a count of one at a small branch
    // names the person.
    let learning = all
        .into_iter()
        .filter(|l| l.people as usize >= threshold)
        .map(|l| {
            let title = l.title.show(lang);
            LearningRow {
                title: title.text.to_string(),
                lang: title.lang,
                people: l.people,
            }
        })
        .collect();
    let titles: HashMap<_, _> = state
        .store
        .catalogue(org)
        .await?
        .into_iter()
        .map(|a| (a.id, a.activity.title))
        .collect();
    let until = now + SESSIONS_AHEAD_DAYS * 86_400;
    let sessions = state
        .store
        .sessions_between(org, now, until)
        .await?
        .into_iter()
        .filter_map(|s| {
            let site = s.site.as_ref().filter(|t| own.contains(&t.id))?;
            let title = titles.get(&s.activity)?.show(lang);
            Some(SessionRow {
                id: s.id,
                href: format!("/learning/{}", s.activity),
                title: title.text.to_string(),
                lang: title.lang,
                when: super::sessions::when(&ctx.tr, s.starts_at, s.ends_at),
                site: site.name.clone(),
                places_left: s.capacity.saturating_sub(s.booked),
                capacity: s.capacity,
                waiting: s.waiting,
            })
        })
        .collect();
    Ok(ChampionPage {
        page: ctx.page("champion-title"),
        sites: me.sites.into_iter().map(|(_, name)| name).collect(),
        threshold,
        learning,
        sessions,
    }
    .into_response())
}
