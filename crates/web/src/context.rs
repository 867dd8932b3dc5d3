//! The per-request context: who is signed in, in which language, with which CSRF token; and
//! the one place an error becomes a page.

use crate::AppState;
use crate::auth::{self, ANSWER_COOKIE, CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE};
use crate::error::{AppError, ErrorPage};
use crate::page::{ErrorTemplate, Page};
use askama::Template;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, HOST, ORIGIN, RETRY_AFTER, SET_COOKIE,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use skillgym_domain::{OrganisationId, OrganisationSlug};
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Organisation, PublicRespondent, SessionRecord};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Everything a handler needs to know about the request beyond its own input.
#[derive(Clone)]
pub struct Ctx {
    pub tr: Tr,
    pub session: Option<Arc<SessionRecord>>,
    /// Someone answering through a public link, on their campaign's pages (where they are
    /// who answers, even with a staff session in the same browser).
    pub respondent: Option<Arc<PublicRespondent>>,
    pub organisation: Option<Arc<Organisation>>,
    /// Signed out, and the address chose the organisation (`?organisation=SLUG`), rather than
    /// the default one.
    pub organisation_chosen: bool,
    /// The token forms must carry: the session's, or for people signed out, the one in the
    /// CSRF cookie (double-submit).
    pub csrf: String,
    /// Signed out, and the request brought no CSRF cookie: the browser is not keeping ours.
    csrf_cookie_missing: bool,
    pub path: String,
    token_hash: Option<String>,
    /// The token of the public respondent's session this browser holds, wherever it is.
    answer_token: Option<String>,
}

impl Ctx {
    pub fn token_hash(&self) -> Option<&str> {
        self.token_hash.as_deref()
    }

    pub fn answer_token(&self) -> Option<&str> {
        self.answer_token.as_deref()
    }

    /// The page frame for a page titled by message `title`.
    pub fn page(&self, title: &str) -> Page {
        Page::new(self, self.tr.t(title))
    }

    /// Checks a submitted CSRF token against the one this request expects; a refusal says
    /// which part was missing or out of date, since the fix differs.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), AppError> {
        if auth::same_secret(submitted, &self.csrf) {
            Ok(())
        } else if self.csrf_cookie_missing {
            Err(AppError::CsrfCookieMissing)
        } else if submitted.is_empty() {
            Err(AppError::CsrfTokenMissing)
        } else {
            Err(AppError::BadCsrf)
        }
    }

    /// The signed-in person, or a redirect to sign in.
    pub fn user(&self) -> Result<&SessionRecord, AppError> {
        self.session.as_deref().ok_or(AppError::SignInRequired)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))
    }
}

/// Each organisation, cached for a minute: it changes rarely and every page shows its name.
#[derive(Default)]
pub struct OrganisationCache(RwLock<HashMap<Option<OrganisationId>, Cached>>);

type Cached = (Instant, Arc<Organisation>);

const ORGANISATION_TTL: Duration = Duration::from_secs(60);

impl OrganisationCache {
    /// Drops the cached organisations, after a change this instance made to one.
    pub fn forget(&self) {
        self.0.write().expect("cache lock").clear();
    }

    /// The organisation `id`, or with `None` the default one (the first created), which
    /// signed-out pages show.
    async fn get(
        &self,
        state: &AppState,
        id: Option<OrganisationId>,
    ) -> Result<Option<Arc<Organisation>>, AppError> {
        let cached = {
            let guard = self.0.read().expect("cache lock");
            guard
                .get(&id)
                .filter(|(at, _)| at.elapsed() < ORGANISATION_TTL)
                .map(|(_, org)| org.clone())
        };
        if cached.is_some() {
            return Ok(cached);
        }
        let org = match id {
            Some(id) => Some(state.store.organisation(id).await?),
            None => state.store.default_organisation().await?,
        };
        let Some(org) = org else {
            return Ok(None);
        };
        let org = Arc::new(org);
        self.0
            .write()
            .expect("cache lock")
            .insert(id, (Instant::now(), org.clone()));
        Ok(Some(org))
    }
}

/// Builds the [`Ctx`] for each request, and renders error pages once the handler is done.
pub async fn context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // The body is not Sync, so only owned parts of the request may be held across an await.
    let (headers, uri) = (req.headers().clone(), req.uri().clone());
    let (ctx, new_csrf_cookie) = match build(&state, &headers, &uri).await {
        Ok(built) => built,
        Err(e) => {
            let ctx = fallback_ctx(&req);
            return render_error(&ctx, e.into_response());
        }
    };
    let public_url = state
        .config
        .public_url_configured
        .then_some(state.config.public_url.as_str());
    if req.method() == Method::POST && !same_origin(&req, public_url) {
        return render_error(&ctx, AppError::OtherSite.into_response());
    }
    req.extensions_mut().insert(ctx.clone());
    let response = next.run(req).await;
    let mut response = render_error(&ctx, response);
    if let Some(token) = new_csrf_cookie {
        append_cookie(
            &mut response,
            &auth::cookie(CSRF_COOKIE, &token, None, state.config.secure_cookies),
        );
    }
    if let (Some(session), Some(hash)) = (&ctx.session, &ctx.token_hash) {
        // Slide the expiry forward, but write at most once every five minutes per session.
        let idle = state.config.session_idle.as_secs() as i64;
        let now = skillgym_store::now();
        if session.expires_at - now < idle - 300 && response.status().is_success() {
            let _ = state.store.extend_session(hash, now + idle).await;
        }
    }
    response
}

async fn build(
    state: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
) -> Result<(Ctx, Option<String>), AppError> {
    let cookies = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token_hash = auth::read_cookie(cookies, SESSION_COOKIE).map(auth::token_hash);
    let session = match &token_hash {
        Some(hash) => {
            let lifetime = state.config.session_lifetime.as_secs() as i64;
            let started_after = skillgym_store::now() - lifetime;
            state
                .store
                .session(hash, started_after)
                .await?
                .map(Arc::new)
        }
        None => None,
    };
    // A session opened by a password-free link reaches only its campaign's pages: anywhere
    // else it counts as signed out (its token is kept, so signing out or in still ends it).
    let had_session = session.is_some();
    let session = session.filter(|s| {
        s.scope
            .is_none_or(|c| crate::audit_links::in_scope(c, uri.path()))
    });
    let respondent = public_respondent(state, cookies, uri.path()).await?;
    let session = session.filter(|_| respondent.is_none());
    // Signed in, a person sees their own organisation; signed out, the one the address
    // chooses (`?organisation=SLUG`, from a sign-in page's link), or else the default one.
    let asked_for = uri.query().and_then(|q| {
        q.split('&')
            .find_map(|pair| pair.strip_prefix("organisation="))
    });
    let (organisation, organisation_chosen) = match (&session, asked_for) {
        (None, _) if respondent.is_some() => {
            let id = respondent.as_ref().map(|r| r.organisation_id);
            (state.organisations.get(state, id).await?, false)
        }
        (None, Some(slug)) => {
            let slug = OrganisationSlug::parse(slug).map_err(|_| AppError::NotFound)?;
            let org = state.store.organisation_by_slug(&slug).await?;
            (Some(Arc::new(org.ok_or(AppError::NotFound)?)), true)
        }
        _ => {
            let id = session.as_ref().map(|s| s.organisation_id);
            (state.organisations.get(state, id).await?, false)
        }
    };
    let wants_pseudo = state.config.pseudo_locale
        && uri
            .query()
            .is_some_and(|q| q.split('&').any(|p| p == "lang=en-x-pseudo"));
    let lang = if wants_pseudo {
        Lang::Pseudo
    } else {
        session
            .as_ref()
            .and_then(|s| s.language.as_deref())
            .and_then(Lang::parse)
            .or_else(|| auth::read_cookie(cookies, LANG_COOKIE).and_then(Lang::parse))
            .or_else(|| {
                headers
                    .get(ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::from_accept_language)
            })
            .or_else(|| {
                organisation
                    .as_ref()
                    .and_then(|o| Lang::parse(&o.main_language))
            })
            .unwrap_or_default()
    };
    let csrf_cookie_missing =
        session.is_none() && auth::read_cookie(cookies, CSRF_COOKIE).is_none_or(|t| t.len() < 32);
    let (csrf, new_cookie) = match (&session, auth::read_cookie(cookies, CSRF_COOKIE)) {
        (Some(s), _) => (s.csrf_token.clone(), None),
        (None, Some(token)) if token.len() >= 32 => (token.to_string(), None),
        (None, _) => {
            let token = auth::random_token();
            (token.clone(), Some(token))
        }
    };
    let ctx = Ctx {
        tr: Tr::new(lang),
        token_hash: token_hash.filter(|_| had_session),
        session,
        respondent,
        organisation,
        organisation_chosen,
        csrf,
        csrf_cookie_missing,
        path: uri.path().to_string(),
        answer_token: auth::read_cookie(cookies, ANSWER_COOKIE)
            .and_then(|v| v.split_once('.'))
            .map(|(_, token)| token.to_string()),
    };
    Ok((ctx, new_cookie))
}

/// The public respondent whose cookie (`{campaign}.{token}`) names the campaign `path` is
/// on: elsewhere the cookie is not even looked up.
async fn public_respondent(
    state: &AppState,
    cookies: &str,
    path: &str,
) -> Result<Option<Arc<PublicRespondent>>, AppError> {
    let Some((campaign, token)) =
        auth::read_cookie(cookies, ANSWER_COOKIE).and_then(|v| v.split_once('.'))
    else {
        return Ok(None);
    };
    let Ok(campaign) = campaign.parse::<i64>() else {
        return Ok(None);
    };
    let campaign = skillgym_domain::CampaignId(campaign);
    if !crate::audit_links::answering(campaign, path) {
        return Ok(None);
    }
    let found = state.store.public_session(&auth::token_hash(token)).await?;
    Ok(found.filter(|r| r.campaign_id == campaign).map(Arc::new))
}

fn fallback_ctx(req: &Request) -> Ctx {
    let lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default();
    Ctx {
        tr: Tr::new(lang),
        session: None,
        respondent: None,
        organisation: None,
        organisation_chosen: false,
        csrf: String::new(),
        csrf_cookie_missing: false,
        path: req.uri().path().to_string(),
        token_hash: None,
        answer_token: None,
    }
}

/// A POST must come from a page of ours: browsers send `Origin` on every form post, and a
/// different one means another site is submitting on the person's behalf. Ours is the public
/// URL's origin when the administrator set one (behind a proxy, the `Host` skillgym is asked
/// for may not be the one people use), else the `Host` asked for.
fn same_origin(req: &Request, public_url: Option<&str>) -> bool {
    let Some(origin) = req.headers().get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if let Some(url) = public_url {
        return origin_of(url).is_some_and(|ours| origin_of(origin) == Some(ours));
    }
    let host = req.headers().get(HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'));
    origin != "null" && origin_host.is_some() && origin_host == host
}

/// The origin of a URL as browsers write it: `scheme://host[:port]`, in lower case, without
/// the scheme's default port or any path.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("https", Some((host, "443"))) | ("http", Some((host, "80"))) => host.to_string(),
        _ => authority,
    };
    Some(format!("{scheme}://{authority}"))
}

fn render_error(ctx: &Ctx, response: Response) -> Response {
    let Some(error) = response.extensions().get::<ErrorPage>().copied() else {
        return response;
    };
    let page = Page::new(ctx, ctx.tr.t(error.title));
    let advice = match error.megabytes {
        Some(megabytes) => ctx.tr.t1(error.advice, "megabytes", megabytes),
        None => ctx.tr.t(error.advice),
    };
    let body = ErrorTemplate { advice, page }.render().unwrap_or_default();
    let mut out = (error.status, Html(body)).into_response();
    out.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    for cookie in response.headers().get_all(SET_COOKIE) {
        out.headers_mut().append(SET_COOKIE, cookie.clone());
    }
    if let Some(retry) = response.headers().get(RETRY_AFTER) {
        out.headers_mut().insert(RETRY_AFTER, retry.clone());
    }
    out
}

pub fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn post(host: &str, origin: Option<&str>) -> Request {
        let mut req = Request::post("/sign-in").header(HOST, host);
        if let Some(origin) = origin {
            req = req.header(ORIGIN, origin);
        }
        req.body(Body::empty()).unwrap()
    }

    #[test]
    fn origins_are_written_as_browsers_write_them() {
        let cases = [
            (
                "https://Skills.Example.gov.uk/",
                "https://skills.example.gov.uk",
            ),
            (
                "https://skills.example.gov.uk:443",
                "https://skills.example.gov.uk",
            ),
            ("http://127.0.0.1:80/path?q", "http://127.0.0.1"),
            (
                "https://example.org:8443/skills",
                "https://example.org:8443",
            ),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ];
        for (url, origin) in cases {
            assert_eq!(origin_of(url).as_deref(), Some(origin), "{url}");
        }
        for bad in [
            "null",
            "skills.example.gov.uk",
            "https://",
            "https://a@evil.example",
        ] {
            assert_eq!(origin_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn with_a_public_url_only_its_origin_may_post() {
        let public = Some("https://skills.example.gov.uk");
        // Behind a proxy, the Host skillgym sees is the proxy's upstream, not the public one.
        let proxied = |origin| post("127.0.0.1:8080", Some(origin));
        assert!(same_origin(
            &proxied("https://skills.example.gov.uk"),
            public
        ));
        assert!(same_origin(
            &proxied("https://SKILLS.example.gov.uk:443"),
            public
        ));
        assert!(!same_origin(&proxied("https://evil.example"), public));
        assert!(!same_origin(
            &proxied("http://skills.example.gov.uk"),
            public
        ));
        assert!(!same_origin(&proxied("null"), public));
        // The Host alone no longer vouches for the form.
        assert!(!same_origin(&proxied("http://127.0.0.1:8080"), public));
        // Without an Origin header (not a browser form post) the CSRF token decides.
        assert!(same_origin(&post("127.0.0.1:8080", None), public));
    }

    #[test]
    fn without_a_public_url_the_host_is_ours() {
        assert!(same_origin(
            &post("127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            None
        ));
        assert!(!same_origin(
            &post("127.0.0.1:8080", Some("https://evil.example")),
            None
        ));
        assert!(!same_origin(&post("127.0.0.1:8080", Some("null")), None));
    }
}
