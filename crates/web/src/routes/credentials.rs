//! The Open Badges credentials finished plans earn.
//!
//! A plan finished with every step done earns one: an `OpenBadgeCredential` signed as a
//! VC-JWT with the issuer's Ed25519 key (derived from the secret key, see the `credentials`
//! crate). Its address, `/credentials/{id}` with a random id, is public: whoever its holder shows
//! it to sees it checked against the issuer's key there, and can download the signed
//! credential itself. The issuer's public key is at `/.well-known/jwks.json` for other
//! verifiers, and the issuer's profile at `/credentials/issuers/{slug}`.

use crate::AppState;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use skillgym_credentials::{
    Achievement, AchievementType, Badge, Issuer, Language, SigningKey, Subject, Uri, Validity,
};
use skillgym_domain::OrganisationId;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{IssuedCredential, Organisation, Plan};

fn signing_key(state: &AppState) -> AppResult<SigningKey> {
    Ok(SigningKey::from_seed(state.store.badge_seed()?))
}

fn uri(text: String) -> AppResult<Uri> {
    Uri::parse(&text).map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
}

fn issuer_id(state: &AppState, org: &Organisation) -> String {
    format!(
        "{}/credentials/issuers/{}",
        state.config.public_url,
        org.slug.as_str()
    )
}

/// Issues the credential `plan` earned, if it is finished with every step done and has none
/// yet; its id when one was issued.
pub(crate) async fn issue(
    state: &AppState,
    org: OrganisationId,
    plan: &Plan,
) -> AppResult<Option<String>> {
    let done = !plan.steps.is_empty() && plan.steps.iter().all(|s| s.done_at.is_some());
    if plan.finished_at.is_none() || !done {
        return Ok(None);
    }
    if state
        .store
        .credential_of_plan(org, plan.id)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    let organisation = state.store.organisation(org).await?;
    let person = state.store.person(org, plan.person).await?;
    // Written in the organisation's main language, which its staff read.
    let (lang, language) = match organisation.main_language.as_str() {
        "cy" => (Lang::Cy, Language::Welsh),
        _ => (Lang::En, Language::English),
    };
    let tr = Tr::new(lang);
    let name = match (lang, &organisation.name_cy) {
        (Lang::Cy, Some(cy)) => cy.clone(),
        _ => organisation.name.clone(),
    };
    let goals: Vec<String> = plan
        .goals
        .iter()
        .map(|g| {
            tr.t2(
                "badge-goal",
                "competence",
                g.title.show(lang.code()).text.to_string(),
                "level",
                g.level as usize,
            )
        })
        .collect();
    let id = uuid::Uuid::new_v4().to_string();
    let now = time::OffsetDateTime::now_utc();
    let badge = Badge {
        id: uri(format!("{}/credentials/{id}", state.config.public_url))?,
        issuer: Issuer {
            id: uri(issuer_id(state, &organisation))?,
            name: name.clone(),
            url: Some(uri(state.config.public_url.clone())?),
        },
        achievement: Achievement {
            id: uri(format!(
                "urn:skillgym:{}:achievement:twelve-week-plan",
                organisation.slug.as_str()
            ))?,
            name: tr.t("badge-name"),
            description: tr.t2(
                "badge-description",
                "organisation",
                name,
                "goals",
                goals.join("; "),
            ),
            criteria: tr.t("badge-criteria"),
            achievement_type: Some(AchievementType::LearningProgram),
        },
        subject: Subject {
            id: uri(format!("urn:uuid:{}", uuid::Uuid::new_v4()))?,
            name: Some(person.name()),
        },
        validity: Validity::new(now, None)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?,
        language,
    };
    let token = skillgym_credentials::sign(&badge, &signing_key(state)?);
    state
        .store
        .keep_credential(&IssuedCredential {
            id: id.clone(),
            organisation: org,
            plan: plan.id,
            person: plan.person,
            issued_at: now.unix_timestamp(),
            token,
        })
        .await?;
    Ok(Some(id))
}

/// A credential's page: what it says, and whether it checks out against the issuer's key.
#[derive(Template, WebTemplate)]
#[template(path = "credential.html")]
pub struct CredentialPage {
    page: Page,
    id: String,
    /// The credential, when its signature checks out.
    shown: Option<Shown>,
}

pub struct Shown {
    pub achievement: String,
    pub description: String,
    pub criteria: String,
    pub issuer: String,
    pub holder: Option<String>,
    pub issued: String,
    pub lang: String,
}

async fn found(state: &AppState, id: &str) -> AppResult<IssuedCredential> {
    // Ids are UUIDs: anything else is not one, and is not looked up.
    uuid::Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    state.store.credential(id).await?.ok_or(AppError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let credential = found(&state, &id).await?;
    let key = signing_key(&state)?;
    let now = time::OffsetDateTime::now_utc();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let shown = skillgym_credentials::verify(&credential.token, &key.public_key_bytes(), now)
        .ok()
        .map(|c| {
            let achievement = &c["credentialSubject"]["achievement"];
            Shown {
                achievement: text(&achievement["name"]),
                description: text(&achievement["description"]),
                criteria: text(&achievement["criteria"]["narrative"]),
                issuer: text(&c["issuer"]["name"]),
                holder: c["credentialSubject"]["identifier"][0]["identityHash"]
                    .as_str()
                    .map(String::from),
                issued: ctx.tr.date(&skillgym_domain::people::format_date(
                    skillgym_domain::uk_time::local(credential.issued_at).date(),
                )),
                lang: achievement["inLanguage"]
                    .as_str()
                    .unwrap_or("en")
                    .to_string(),
            }
        });
    Ok(CredentialPage {
        page: ctx.page("credential-title"),
        id,
        shown,
    }
    .into_response())
}

/// The signed credential itself, as OB 3.0 §5 serves a VC-JWT: the compact JWS as text.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let credential = found(&state, &id).await?;
    Ok((
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"skillgym-badge-{id}.jws\""),
            ),
        ],
        credential.token,
    )
        .into_response())
}

/// The issuer's public key, as a JWK Set.
pub async fn jwks(State(state): State<AppState>) -> AppResult<Response> {
    let key = signing_key(&state)?;
    let mut response = Json(serde_json::json!({ "keys": [key.public_jwk()] })).into_response();
    response.headers_mut().insert(
        CACHE_CONTROL,
        "public, max-age=3600".parse().expect("a header"),
    );
    Ok(response)
}

/// The issuer's profile (OB 3.0 B.1.16): who awards the credentials.
pub async fn issuer(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let slug = skillgym_domain::OrganisationSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let org = state
        .store
        .organisation_by_slug(&slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(serde_json::json!({
        "@context": [skillgym_credentials::VC_CONTEXT, skillgym_credentials::OB_CONTEXT],
        "id": issuer_id(&state, &org),
        "type": ["Profile"],
        "name": org.name,
        "url": state.config.public_url,
    }))
    .into_response())
}
