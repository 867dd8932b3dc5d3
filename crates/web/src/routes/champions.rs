//! The digital champion's page: what colleagues at their sites are learning in their plans
//! (counts only, each at least the anonymity threshold), and the learning sessions coming up
//! at those sites, so a champion knows where their help is wanted.

use crate::AppState;
use crate::access::Champion;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::routes::catalogue::competence_titles;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::champions::{MOST_LISTED, parse_availability, parse_minutes, parse_note};
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{Invalid, ServiceId, SiteId, uk_time};
use skillgym_store::{ChampionRecord, NewHelpGiven, Offer, StoreError};
use std::collections::{BTreeSet, HashMap, HashSet};

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

/// A request for help, as the champion's page lists it.
pub struct RequestRow {
    pub day: String,
    pub asker: String,
    pub email: Option<String>,
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "champion.html")]
pub struct ChampionPage {
    page: Page,
    sites: Vec<String>,
    threshold: usize,
    learning: Vec<LearningRow>,
    sessions: Vec<SessionRow>,
    /// What they said they help with, once they have.
    offer: Option<ChampionRecord>,
    requests: Vec<RequestRow>,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

pub async fn page(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
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
    let offer = state.store.champion(org, champion.person_id).await?;
    let requests = state
        .store
        .help_requests_to(org, champion.person_id)
        .await?
        .into_iter()
        .map(|r| RequestRow {
            day: ctx.tr.date(&format_date(uk_time::local(r.asked_at).date())),
            asker: r.asker_name,
            email: r.asker_email,
            message: r.message,
        })
        .collect();
    Ok(ChampionPage {
        page: ctx.page("champion-title"),
        sites: me.sites.into_iter().map(|(_, name)| name).collect(),
        threshold,
        learning,
        sessions,
        offer,
        requests,
        notice: (done.done == "offer").then_some("champion-offer-saved"),
    }
    .into_response())
}

/// What the offer form holds, as the champion ticked and typed it.
#[derive(Debug, Default)]
pub struct OfferForm {
    pub competences: BTreeSet<String>,
    pub services: BTreeSet<String>,
    pub sites: BTreeSet<String>,
    pub availability: String,
    pub findable: bool,
}

impl OfferForm {
    fn read(fields: Vec<(String, String)>) -> Self {
        let mut form = OfferForm::default();
        for (name, value) in fields {
            match name.as_str() {
                "competence" => {
                    form.competences.insert(value);
                }
                "service" => {
                    form.services.insert(value);
                }
                "site" => {
                    form.sites.insert(value);
                }
                "availability" => form.availability = value,
                "findable" => form.findable = value == "yes",
                _ => {}
            }
        }
        form
    }

    fn from_record(record: &ChampionRecord) -> Self {
        OfferForm {
            competences: record.competences.iter().cloned().collect(),
            services: record.services.iter().map(|s| s.0.to_string()).collect(),
            sites: record.sites.iter().map(|(s, _)| s.0.to_string()).collect(),
            availability: record.availability.clone(),
            findable: record.findable,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "champion_offer.html")]
pub struct OfferPage {
    page: Page,
    competences: Vec<(String, String, &'static str)>,
    services: Vec<(String, String, &'static str)>,
    sites: Vec<(String, String)>,
    form: OfferForm,
    errors: FormErrors,
}

async fn offer_page(
    state: &AppState,
    ctx: &Ctx,
    champion: &Champion,
    form: OfferForm,
    errors: FormErrors,
) -> AppResult<OfferPage> {
    let org = champion.organisation_id;
    let lang = ctx.tr.lang().code();
    let services = state
        .store
        .services(org)
        .await?
        .into_iter()
        .map(|s| {
            let name = s.service.name.show(lang);
            (s.id.0.to_string(), name.text.to_string(), name.lang)
        })
        .collect();
    let sites = state
        .store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| (s.id.0.to_string(), s.name.to_string()))
        .collect();
    Ok(OfferPage {
        page: ctx.page("champion-offer-title"),
        competences: competence_titles(state, ctx, org).await?,
        services,
        sites,
        form,
        errors,
    })
}

/// What the champion helps with, where and when.
pub async fn offer_form(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let record = state
        .store
        .champion(champion.organisation_id, champion.person_id)
        .await?;
    let form = match &record {
        Some(r) => OfferForm::from_record(r),
        // Given the role by an administrator: where they work, to start with.
        None => OfferForm {
            sites: state
                .store
                .person(champion.organisation_id, champion.person_id)
                .await?
                .sites
                .iter()
                .map(|(s, _)| s.0.to_string())
                .collect(),
            ..OfferForm::default()
        },
    };
    Ok(
        offer_page(&state, &ctx, &champion, form, FormErrors::default())
            .await?
            .into_response(),
    )
}

pub async fn save_offer(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = champion.organisation_id;
    let form = OfferForm::read(fields);
    let mut errors = FormErrors::default();
    let availability = errors.check("availability", parse_availability(&form.availability));
    let known: BTreeSet<String> = competence_titles(&state, &ctx, org)
        .await?
        .into_iter()
        .map(|(code, _, _)| code)
        .collect();
    if form.competences.iter().any(|c| !known.contains(c)) {
        errors.add("competence", "champion-competence-unknown");
    }
    if form.competences.len() > MOST_LISTED || form.services.len() > MOST_LISTED {
        errors.add("competence", "champion-too-many");
    }
    let ids = |set: &BTreeSet<String>| -> Option<Vec<i64>> {
        set.iter().map(|v| v.parse::<i64>().ok()).collect()
    };
    let (services, sites) = (ids(&form.services), ids(&form.sites));
    if services.is_none() {
        errors.add("service", "champion-service-unknown");
    }
    if sites.is_none() {
        errors.add("site", "champion-site-unknown");
    }
    if let (Some(availability), Some(services), Some(sites), true) =
        (availability, services, sites, errors.is_empty())
    {
        let offer = Offer {
            competences: form.competences.iter().cloned().collect(),
            services: services.into_iter().map(ServiceId).collect(),
            sites: sites.into_iter().map(SiteId).collect(),
            availability,
            findable: form.findable,
        };
        match state
            .store
            .save_offer(org, champion.person_id, &offer)
            .await
        {
            Ok(()) => return Ok(Redirect::to("/champion?done=offer").into_response()),
            Err(StoreError::Refused(why)) => {
                let field = if why == "champion-site-unknown" {
                    "site"
                } else {
                    "service"
                };
                errors.add(field, why);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut response = offer_page(&state, &ctx, &champion, form, errors)
        .await?
        .into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct HelpForm {
    #[serde(default)]
    pub given_on: String,
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub site: String,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub minutes: String,
}

/// A piece of help logged, as the list shows it.
pub struct LoggedRow {
    pub day: String,
    pub about: Option<(String, &'static str)>,
    pub site: Option<String>,
    pub what: String,
    pub minutes: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "champion_help.html")]
pub struct HelpLogPage {
    page: Page,
    competences: Vec<(String, String, &'static str)>,
    services: Vec<(String, String, &'static str)>,
    sites: Vec<(String, String)>,
    logged: Vec<LoggedRow>,
    form: HelpForm,
    errors: FormErrors,
    done: bool,
}

async fn help_page(
    state: &AppState,
    ctx: &Ctx,
    champion: &Champion,
    form: HelpForm,
    errors: FormErrors,
    done: bool,
) -> AppResult<HelpLogPage> {
    let org = champion.organisation_id;
    let lang = ctx.tr.lang().code();
    let competences: Vec<_> = competence_titles(state, ctx, org)
        .await?
        .into_iter()
        .map(|(code, title, lang)| (format!("competence:{code}"), title, lang))
        .collect();
    let services: Vec<_> = state
        .store
        .services(org)
        .await?
        .into_iter()
        .map(|s| {
            let name = s.service.name.show(lang);
            (
                format!("service:{}", s.id.0),
                name.text.to_string(),
                name.lang,
            )
        })
        .collect();
    let site_list = state.store.sites(org).await?;
    let title_of = |about: &str| {
        competences
            .iter()
            .chain(&services)
            .find(|(v, _, _)| v == about)
            .map(|(_, t, l)| (t.clone(), *l))
    };
    let logged = state
        .store
        .help_given_by(org, champion.person_id)
        .await?
        .into_iter()
        .map(|h| LoggedRow {
            day: ctx.tr.date(&format_date(h.help.given_on)),
            about: h
                .help
                .topic
                .as_ref()
                .and_then(|t| title_of(&super::help::about_value(t))),
            site: h.help.site.and_then(|id| {
                site_list
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.to_string())
            }),
            what: h.help.what,
            minutes: h.help.minutes,
        })
        .collect();
    Ok(HelpLogPage {
        page: ctx.page("champion-help-title"),
        sites: site_list
            .iter()
            .map(|s| (s.id.0.to_string(), s.name.to_string()))
            .collect(),
        competences,
        services,
        logged,
        form,
        errors,
        done,
    })
}

pub async fn help_log(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let today = uk_time::local(skillgym_store::now()).date();
    let me = state
        .store
        .person(champion.organisation_id, champion.person_id)
        .await?;
    let form = HelpForm {
        given_on: format_date(today),
        site: me
            .sites
            .first()
            .map(|(s, _)| s.0.to_string())
            .unwrap_or_default(),
        ..HelpForm::default()
    };
    Ok(help_page(
        &state,
        &ctx,
        &champion,
        form,
        FormErrors::default(),
        done.done == "logged",
    )
    .await?
    .into_response())
}

pub async fn log_help(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<HelpForm>,
) -> AppResult<Response> {
    let org = champion.organisation_id;
    let today = uk_time::local(skillgym_store::now()).date();
    let mut errors = FormErrors::default();
    let given_on = errors.check("given_on", parse_help_day(&form.given_on, today));
    let what = errors.check("what", parse_note(&form.what));
    let minutes = errors.check("minutes", parse_minutes(&form.minutes));
    let topic = super::help::Search {
        about: form.about.clone(),
        ..super::help::Search::default()
    }
    .topic();
    if !form.about.is_empty() && topic.is_none() {
        errors.add("about", "help-about-unknown");
    }
    let site = match form.site.trim() {
        "" => Some(None),
        s => s.parse::<i64>().ok().map(|id| Some(SiteId(id))),
    };
    if site.is_none() {
        errors.add("site", "help-site-unknown");
    }
    if let (Some(given_on), Some(what), Some(minutes), Some(site), true) =
        (given_on, what, minutes, site, errors.is_empty())
    {
        let help = NewHelpGiven {
            given_on,
            topic,
            site,
            what,
            minutes,
        };
        match state.store.log_help(org, champion.person_id, &help).await {
            Ok(_) => return Ok(Redirect::to("/champion/help?done=logged").into_response()),
            Err(StoreError::Refused(why)) => {
                let field = if why == "help-site-unknown" {
                    "site"
                } else {
                    "about"
                };
                errors.add(field, why);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut response = help_page(&state, &ctx, &champion, form, errors, false)
        .await?
        .into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The day help was given: today or before, within the last year.
fn parse_help_day(raw: &str, today: time::Date) -> Result<time::Date, Invalid> {
    let day = parse_date(raw.trim()).map_err(|_| Invalid("help-day-invalid"))?;
    if day > today {
        Err(Invalid("help-day-future"))
    } else if day < today - time::Duration::days(366) {
        Err(Invalid("help-day-old"))
    } else {
        Ok(day)
    }
}
