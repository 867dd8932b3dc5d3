//! Signing in with a council account through OpenID Connect: the authorization code flow
//! with PKCE (S256), state and nonce, and an ID token whose signature, issuer, audience,
//! expiry and nonce are checked before anyone is signed in.

use base64::Engine;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdTokenClaims, CoreProviderMetadata,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse, reqwest,
};
use skillgym_domain::single_sign_on::map_claims;
use skillgym_domain::{Email, Invalid};
use skillgym_store::SingleSignOnSettings;
use std::time::Duration;

/// Why a sign-in through the provider did not work; the person sees one page for all of them,
/// the log says which.
#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error("the provider could not be reached or described itself wrongly: {0}")]
    Discovery(String),
    #[error("the provider refused the code: {0}")]
    Exchange(String),
    #[error("the ID token is not valid: {0}")]
    IdToken(String),
    #[error("configuration: {0}")]
    Configuration(String),
}

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Checks an issuer URL an admin typed: HTTPS, except on this machine's loopback address,
/// where plain HTTP is allowed so tests can run a provider locally.
pub fn parse_issuer(raw: &str) -> Result<String, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Invalid("sso-issuer-missing"));
    }
    let issuer = IssuerUrl::new(raw.to_string()).map_err(|_| Invalid("sso-issuer-invalid"))?;
    let url = issuer.url();
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => {}
        // Plain HTTP only when the issuer is on loopback: nothing else may see the traffic.
        "http" if loopback => {}
        _ => return Err(Invalid("sso-issuer-not-https")),
    }
    if url.query().is_some() || url.fragment().is_some() || url.host_str().is_none() {
        return Err(Invalid("sso-issuer-invalid"));
    }
    Ok(raw.trim_end_matches('/').to_string())
}

/// The HTTP client for the provider: rustls on ring with Mozilla's roots, no redirects
/// followed (a provider that redirects its token endpoint is misconfigured or hostile).
fn http_client() -> Result<reqwest::Client, SsoError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| SsoError::Configuration(e.to_string()))
}

/// A provider described by its discovery document, ready for one sign-in.
pub struct Provider {
    client: Client,
    http: reqwest::Client,
    employee_number_claim: Option<String>,
}

/// What skillgym must remember between sending someone to the provider and their return.
pub struct Started {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Whom the provider vouches for, from a verified ID token.
#[derive(Debug)]
pub struct Identity {
    /// Who vouches (the token's `iss`), and for whom (`sub`): the pair an account is linked
    /// to at its first sign-in through the provider.
    pub issuer: String,
    pub subject: String,
    /// The email address, only when the provider says it has verified it.
    pub email: Option<Email>,
    pub employee_number: Option<String>,
}

impl Provider {
    /// Fetches the provider's discovery document and signing keys (each sign-in, so a key
    /// rotation at the provider needs nothing done here).
    pub async fn discover(
        settings: &SingleSignOnSettings,
        redirect_uri: &str,
    ) -> Result<Self, SsoError> {
        let issuer = IssuerUrl::new(
            parse_issuer(&settings.issuer_url)
                .map_err(|e| SsoError::Configuration(format!("issuer URL refused ({})", e.0)))?,
        )
        .map_err(|e| SsoError::Configuration(e.to_string()))?;
        let secret = settings.client_secret.clone().ok_or_else(|| {
            SsoError::Configuration(
                "the client secret cannot be decrypted with this instance's secret key \
                 (SKILLGYM_SECRET_KEY or the key file): every instance needs the same key"
                    .into(),
            )
        })?;
        let http = http_client()?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &http)
            .await
            .map_err(|e| SsoError::Discovery(error_chain(&e)))?;
        let redirect = RedirectUrl::new(redirect_uri.to_string())
            .map_err(|e| SsoError::Configuration(e.to_string()))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(settings.client_id.clone()),
            Some(ClientSecret::new(secret)),
        )
        .set_redirect_uri(redirect);
        Ok(Self {
            client,
            http,
            employee_number_claim: settings.employee_number_claim.clone(),
        })
    }

    /// The address to send the person to, with a fresh state, nonce and PKCE challenge.
    pub fn start(&self) -> Started {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Started {
            url: url.to_string(),
            state: state.into_secret(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.into_secret(),
        }
    }

    /// Exchanges the code for tokens and verifies the ID token: signature against the
    /// provider's keys, issuer, audience (this client), expiry and the nonce we sent.
    pub async fn finish(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
    ) -> Result<Identity, SsoError> {
        let tokens = self
            .client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| SsoError::Configuration(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_string()))
            .request_async(&self.http)
            .await
            .map_err(|e| SsoError::Exchange(error_chain(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SsoError::IdToken("the provider sent no ID token".into()))?;
        let verifier = self.client.id_token_verifier();
        // Checks signature, issuer, audience, expiry and nonce; the claims are read below.
        let claims: &CoreIdTokenClaims = id_token
            .claims(&verifier, &Nonce::new(nonce.to_string()))
            .map_err(|e| SsoError::IdToken(error_chain(&e)))?;
        let claimed = payload_of(&id_token.to_string())
            .and_then(|payload| map_claims(&payload, self.employee_number_claim.as_deref()))
            .ok_or_else(|| SsoError::IdToken("its claims name nobody".into()))?;
        Ok(Identity {
            issuer: claims.issuer().as_str().to_string(),
            subject: claimed.subject,
            email: claimed.email,
            employee_number: claimed.employee_number,
        })
    }
}

/// The claims of a compact JWT (its second part), decoded but not checked.
fn payload_of(jwt: &str) -> Option<Vec<u8>> {
    let payload = jwt.split('.').nth(1)?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_must_use_https_except_on_loopback() {
        assert!(parse_issuer("https://login.microsoftonline.com/abc/v2.0").is_ok());
        assert_eq!(
            parse_issuer("https://accounts.google.com/").unwrap(),
            "https://accounts.google.com"
        );
        assert!(parse_issuer("http://127.0.0.1:4000").is_ok());
        assert!(parse_issuer("http://localhost:4000/oidc").is_ok());
        assert_eq!(
            parse_issuer("http://idp.example.gov.uk").unwrap_err().0,
            "sso-issuer-not-https"
        );
        assert_eq!(
            parse_issuer("http://127.0.0.1.example.com").unwrap_err().0,
            "sso-issuer-not-https"
        );
        assert_eq!(parse_issuer("").unwrap_err().0, "sso-issuer-missing");
        assert_eq!(
            parse_issuer("not a url").unwrap_err().0,
            "sso-issuer-invalid"
        );
        assert_eq!(
            parse_issuer("ftp://127.0.0.1").unwrap_err().0,
            "sso-issuer-not-https"
        );
    }

    #[test]
    fn the_payload_is_the_second_part() {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"{"sub":"abc","employee_id":"E123"}"#);
        let jwt = format!("h.{payload}.s");
        let claimed = map_claims(&payload_of(&jwt).unwrap(), Some("employee_id")).unwrap();
        assert_eq!(claimed.subject, "abc");
        assert_eq!(claimed.employee_number.as_deref(), Some("E123"));
        assert_eq!(payload_of("no dots"), None);
    }
}
