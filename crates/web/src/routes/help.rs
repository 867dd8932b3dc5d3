//! "Find help": anyone looks for a digital champion who can help with a skill or a service of
//! the catalogue, ranked by how strong they are in it and then by how near they work, and asks
//! one, which emails the champion and lists the request on their page.

use crate::AppState;
use crate::access::SignedIn;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use crate::routes::audits::today;
use crate::routes::catalogue::competence_titles_in;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::champions::{
    Found, HelpTopic, Listing, Nearness, Place, Strength, parse_message, rank,
};
use skillgym_domain::{KitId, OrganisationId, PersonId, ServiceId, SiteId};
use skillgym_i18n::{Lang, Tr};

/// How many champions a search shows.
const SHOWN: usize = 20;
/// How many requests for help one person may send in a day.
const MOST_REQUESTS_A_DAY: i64 = 10;

/// What a search asks for: `about` is `competence:CODE` or `service:ID` (one select), or the
/// same as separate parameters, as links from other pages give them.
#[derive(Debug, Default, Deserialize)]
pub struct Search {
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub competence: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub kit: String,
    /// The site to look near; their own first site when empty.
    #[serde(default)]
    pub near: String,
    /// After asking someone: set.
    #[serde(default)]
    pub asked: String,
}

impl Search {
    pub fn topic(&self) -> Option<HelpTopic> {
        let (kind, value) = match self.about.split_once(':') {
            Some((k, v)) => (k, v),
            None if !self.competence.is_empty() => ("competence", self.competence.as_str()),
            None if !self.service.is_empty() => ("service", self.service.as_str()),
            None if !self.kit.is_empty() => ("kit", self.kit.as_str()),
            None => return None,
        };
        match kind {
            "competence" if !value.trim().is_empty() => {
                Some(HelpTopic::Competence(value.trim().to_string()))
            }
            "service" => value
                .trim()
                .parse()
                .ok()
                .map(|id| HelpTopic::Service(ServiceId(id))),
            "kit" => value
                .trim()
                .parse()
                .ok()
                .map(|id| HelpTopic::Kit(KitId(id))),
            _ => None,
        }
    }
}

/// A topic as a query string value of `about`.
pub fn about_value(topic: &HelpTopic) -> String {
    match topic {
        HelpTopic::Competence(code) => format!("competence:{code}"),
        HelpTopic::Service(id) => format!("service:{}", id.0),
        HelpTopic::Kit(id) => format!("kit:{}", id.0),
    }
}

/// Everything a person can look for help with, in the reader's language: (value of `about`,
/// title, its language), skills then services.
struct Topics {
    competences: Vec<(String, String, &'static str)>,
    services: Vec<(String, String, &'static str)>,
    /// Kit of the register, named with its site.
    kit: Vec<(String, String, &'static str)>,
}

impl Topics {
    /// In `lang`: the reader's, or the champion's for the email asking them.
    async fn of(state: &AppState, lang: &str, org: OrganisationId) -> AppResult<Self> {
        let competences = competence_titles_in(state, lang, org)
            .await?
            .into_iter()
            .map(|(code, title, lang)| (format!("competence:{code}"), title, lang))
            .collect();
        let services = state
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
        let kit = state
            .store
            .kit(org, None)
            .await?
            .into_iter()
            .map(|k| {
                let name = format!("{} ({})", k.item.name, k.site_name);
                (format!("kit:{}", k.id.0), name, "en")
            })
            .collect();
        Ok(Self {
            competences,
            services,
            kit,
        })
    }

    fn title(&self, about: &str) -> Option<(String, &'static str)> {
        self.competences
            .iter()
            .chain(&self.services)
            .chain(&self.kit)
            .find(|(value, _, _)| value == about)
            .map(|(_, title, lang)| (title.clone(), *lang))
    }
}

/// A champion found, as the page shows them: never their rating, only what it makes them.
pub struct Shown {
    pub person: PersonId,
    pub name: String,
    pub strong: bool,
    pub listed: bool,
    pub same_site: bool,
    pub km: Option<u32>,
    pub sites: String,
    pub availability: String,
}

fn shown(found: Found<PersonId>, listing: &Listing) -> Shown {
    Shown {
        person: found.candidate.key,
        name: found.candidate.name,
        strong: found.strength == Strength::Strong,
        listed: found.candidate.listed,
        same_site: found.nearness == Nearness::SameSite,
        km: found.nearness.whole_km(),
        sites: listing
            .places
            .iter()
            .map(|(_, name)| name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        availability: listing.availability.clone(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "help.html")]
pub struct HelpPage {
    page: Page,
    competences: Vec<(String, String, &'static str)>,
    services: Vec<(String, String, &'static str)>,
    kit: Vec<(String, String, &'static str)>,
    sites: Vec<(SiteId, String)>,
    about: String,
    near: Option<SiteId>,
    topic_title: Option<(String, &'static str)>,
    found: Vec<Shown>,
    total: usize,
    asked: bool,
}

/// The sites to search near: the one chosen, or where the person works.
async fn near(
    state: &AppState,
    org: OrganisationId,
    person: PersonId,
    chosen: &str,
) -> AppResult<(Option<SiteId>, Vec<Place>)> {
    if let Ok(id) = chosen.trim().parse::<i64>() {
        let place = state.store.place(org, SiteId(id)).await?;
        return Ok((Some(place.site), vec![place]));
    }
    let own = state.store.places_of(org, person).await?;
    Ok((own.first().map(|p| p.site), own))
}

pub async fn find(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(search): Query<Search>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let topics = Topics::of(&state, ctx.tr.lang().code(), org).await?;
    let sites = state.store.site_names(org).await?;
    let (near_site, places) = near(&state, org, signed_in.person_id, &search.near).await?;
    let topic = search.topic();
    let about = topic.as_ref().map(about_value).unwrap_or_default();
    let topic_title = topic.as_ref().and_then(|_| topics.title(&about));
    let (found, total) = match (&topic, &topic_title) {
        (Some(topic), Some(_)) => {
            let directory = state.champions.of(&state.store, org).await?;
            let ranked = rank(directory.candidates(topic, today()), &places);
            let total = ranked.len();
            let found = ranked
                .into_iter()
                .take(SHOWN)
                .filter_map(|f| {
                    let listing = directory.listing(f.candidate.key)?;
                    Some(shown(f, listing))
                })
                .collect();
            (found, total)
        }
        // Something not in the catalogue or the frameworks: nothing to find.
        _ => (Vec::new(), 0),
    };
    Ok(HelpPage {
        page: ctx.page("help-title"),
        competences: topics.competences,
        services: topics.services,
        kit: topics.kit,
        sites,
        about,
        near: near_site,
        topic_title,
        found,
        total,
        asked: !search.asked.is_empty(),
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct AskForm {
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "help_ask.html")]
pub struct AskPage {
    page: Page,
    champion: PersonId,
    name: String,
    topic_title: Option<(String, &'static str)>,
    form: AskForm,
    errors: FormErrors,
}

/// The champion asked, if they may be: an approved champion of the organisation, not someone
/// who has left and not the person asking.
async fn champion_to_ask(
    state: &AppState,
    signed_in: &SignedIn,
    champion: PersonId,
) -> AppResult<String> {
    let org = signed_in.organisation_id;
    if champion == signed_in.person_id || !state.store.is_findable_champion(org, champion).await? {
        return Err(AppError::NotFound);
    }
    Ok(state.store.person(org, champion).await?.name())
}

pub async fn ask_form(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(champion): Path<PersonId>,
    Query(search): Query<Search>,
) -> AppResult<Response> {
    let name = champion_to_ask(&state, &signed_in, champion).await?;
    let topics = Topics::of(&state, ctx.tr.lang().code(), signed_in.organisation_id).await?;
    let about = search.topic().as_ref().map(about_value).unwrap_or_default();
    Ok(AskPage {
        page: ctx.page("help-ask-title"),
        champion,
        name,
        topic_title: topics.title(&about),
        form: AskForm {
            about,
            message: String::new(),
        },
        errors: FormErrors::default(),
    }
    .into_response())
}

/// Keeps the request, then emails the champion: the request is on their page whether or not
/// the email goes.
pub async fn ask(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(champion): Path<PersonId>,
    CsrfForm(form): CsrfForm<AskForm>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let name = champion_to_ask(&state, &signed_in, champion).await?;
    let topics = Topics::of(&state, ctx.tr.lang().code(), org).await?;
    let search = Search {
        about: form.about.clone(),
        ..Search::default()
    };
    let topic = search.topic();
    let topic_title = topic.as_ref().and_then(|t| topics.title(&about_value(t)));
    let mut errors = FormErrors::default();
    let message = errors.check("message", parse_message(&form.message));
    let day_ago = skillgym_store::now() - 86_400;
    if message.is_some()
        && state
            .store
            .help_requests_since(org, signed_in.person_id, day_ago)
            .await?
            >= MOST_REQUESTS_A_DAY
    {
        errors.add("message", "help-too-many");
    }
    let (Some(message), true) = (message, errors.is_empty()) else {
        let status = if errors.message("message") == "help-too-many" {
            StatusCode::TOO_MANY_REQUESTS
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let mut response = AskPage {
            page: ctx.page("help-ask-title"),
            champion,
            name,
            topic_title,
            form,
            errors,
        }
        .into_response();
        *response.status_mut() = status;
        return Ok(response);
    };
    // A topic that is not the organisation's is not kept: the message says what it is about.
    let topic = topic.filter(|_| topic_title.is_some());
    let id = state
        .store
        .ask_for_help(org, champion, signed_in.person_id, &topic, &message)
        .await?;
    if let Some(mailer) = &state.config.mailer {
        let asker = state.store.person(org, signed_in.person_id).await?;
        let contact = state.store.champion_contact(org, champion).await?;
        if let Some((email, language)) = contact {
            let lang = Lang::parse(language.as_deref().unwrap_or(""))
                .filter(|l| *l != Lang::Pseudo)
                .unwrap_or_default();
            let tr = Tr::new(lang);
            // What it is about as the champion reads it, not as the asker does.
            let title = match &topic {
                Some(t) if lang != ctx.tr.lang() => Topics::of(&state, lang.code(), org)
                    .await?
                    .title(&about_value(t)),
                _ => topic_title.clone(),
            };
            let about = title
                .map(|(t, _)| t)
                .unwrap_or_else(|| tr.t("help-email-no-topic"));
            let subject = tr.t2(
                "help-email-subject",
                "name",
                asker.name(),
                "about",
                about.as_str(),
            );
            let reply = asker.email.clone().unwrap_or_default();
            let body = format!(
                "{}\n\n{}\n\n{}\n",
                tr.t2(
                    "help-email-intro",
                    "name",
                    asker.name(),
                    "about",
                    about.as_str()
                ),
                message,
                tr.t2(
                    "help-email-reply",
                    "email",
                    reply.as_str(),
                    "url",
                    format!("{}/champion", state.config.public_url.trim_end_matches('/')),
                ),
            );
            let sent = mailer
                .send(&email, &subject, body)
                .await
                .map_err(|e| e.to_string());
            if let Err(e) = &sent {
                tracing::warn!(error = %e, "help request email failed");
            }
            let outcome = sent.as_ref().map(|_| ()).map_err(String::as_str);
            state.store.help_request_emailed(id, outcome).await?;
        }
    }
    let about = topic.as_ref().map(about_value).unwrap_or_default();
    let query = serde_urlencoded::to_string([("about", about.as_str()), ("asked", "1")])
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(Redirect::to(&format!("/help?{query}")).into_response())
}
