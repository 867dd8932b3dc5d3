//! Password-free links to one audit: `/audits/{campaign}/link/{token}`; and what a
//! campaign's public link (`/take/{code}`, see `routes::public_links`) keeps and limits.
//!
//! The token is `person.campaign.expires.signature`, the signature an HMAC-SHA256 of the other
//! three under a key derived from the secret key (`SKILLGYM_SECRET_KEY` or the key file), never
//! stored: every instance with the same secret key checks every link, and a copy of the
//! database cannot make one. A link expires at the end of the campaign's closing day; it works
//! only while the campaign allows links and the person is in its audience, and its POST (never
//! its GET) opens a session that reaches only that campaign's pages.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use skillgym_domain::{CampaignId, PersonId};
use skillgym_store::{Store, StoreError};

/// What a valid token names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkClaims {
    pub person: PersonId,
    pub campaign: CampaignId,
    pub expires_at: i64,
}

fn signature(key: &[u8], payload: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(b"skillgym-audit-link-v1:");
    mac.update(payload.as_bytes());
    mac
}

/// The end of `closes_on` (an ISO date), in unix seconds: when a link to the campaign expires.
pub fn expiry_for(closes_on: &str) -> i64 {
    skillgym_domain::people::parse_date(closes_on)
        .ok()
        .and_then(|d| d.next_day())
        .map(|d| d.midnight().assume_utc().unix_timestamp())
        .unwrap_or(0)
}

/// Whether a session scoped to `campaign` may reach `path`: that campaign's pages (its
/// questions, its check page, the person's results, its pictures), signing out, and the
/// language switch. Every other route treats such a session as signed out.
pub fn in_scope(campaign: CampaignId, path: &str) -> bool {
    let base = format!("/audits/{}", campaign.0);
    path == base
        || path
            .strip_prefix(base.as_str())
            .is_some_and(|rest| rest.starts_with('/'))
        || path == "/sign-out"
        || path == "/language"
}

/// Whether `path` is one of `campaign`'s own pages, the only ones a public link's respondent
/// reaches as themselves.
pub fn answering(campaign: CampaignId, path: &str) -> bool {
    in_scope(campaign, path) && path.starts_with("/audits/")
}

/// Anonymous starts from one client address in an hour: a library's public computers share
/// one address, so this is set for a busy room, not for one person.
pub const MAX_STARTS_PER_ADDRESS: i64 = 60;
/// Confirmation emails asked for from one client address in an hour.
pub const MAX_EMAILS_PER_ADDRESS: i64 = 20;
/// Confirmation emails sent to one email address in an hour.
pub const MAX_EMAILS_PER_EMAIL: i64 = 3;
pub const PUBLIC_WINDOW_SECS: i64 = 3600;
/// How long a confirmation link works.
pub const CONFIRMATION_HOURS: i64 = 24;

/// The keyed hash by which a public link knows an email address, and all it keeps of it:
/// enough to allow one response per address, and nothing to write to. Keyed (by the secret
/// key, never stored) so that a copy of the database cannot be checked against a list of
/// addresses.
pub fn address_hash(
    store: &Store,
    link: &skillgym_store::PublicLink,
    email: &skillgym_domain::Email,
) -> Result<String, StoreError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(store.audit_link_key()?)
        .expect("HMAC takes a key of any length");
    mac.update(b"skillgym-public-address-v1:");
    mac.update(link.campaign_id.0.to_string().as_bytes());
    mac.update(b":");
    mac.update(email.as_str().as_bytes());
    Ok(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// Signs a token for `person` and `campaign` that works until `expires_at` (unix seconds).
pub async fn sign(
    store: &Store,
    person: PersonId,
    campaign: CampaignId,
    expires_at: i64,
) -> Result<String, StoreError> {
    let payload = format!("{}.{}.{expires_at}", person.0, campaign.0);
    let mac = signature(store.audit_link_key()?, &payload);
    Ok(format!(
        "{payload}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    ))
}

/// The claims of a token that is well formed, signed with our key, and not expired at `now`.
pub async fn verify(
    store: &Store,
    token: &str,
    now: i64,
) -> Result<Option<LinkClaims>, StoreError> {
    let Some((payload, sig)) = token.rsplit_once('.') else {
        return Ok(None);
    };
    let mut parts = payload.split('.');
    let (Some(person), Some(campaign), Some(expires), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(None);
    };
    let (Ok(person), Ok(campaign), Ok(expires_at)) =
        (person.parse(), campaign.parse(), expires.parse::<i64>())
    else {
        return Ok(None);
    };
    let Ok(sig) = URL_SAFE_NO_PAD.decode(sig) else {
        return Ok(None);
    };
    // verify_slice compares in constant time.
    if signature(store.audit_link_key()?, payload)
        .verify_slice(&sig)
        .is_err()
        || expires_at <= now
    {
        return Ok(None);
    }
    Ok(Some(LinkClaims {
        person: PersonId(person),
        campaign: CampaignId(campaign),
        expires_at,
    }))
}

#[cfg(test)]
mod tests {
    use super::{expiry_for, in_scope};
    use skillgym_domain::CampaignId;

    #[test]
    fn a_scoped_session_reaches_only_its_campaign() {
        let c = CampaignId(12);
        for path in [
            "/audits/12",
            "/audits/12/section/1",
            "/audits/12/results",
            "/sign-out",
        ] {
            assert!(in_scope(c, path), "{path}");
        }
        for path in [
            "/audits",
            "/audits/1",
            "/audits/123",
            "/audits/12x",
            "/me",
            "/campaigns/12",
            "/",
        ] {
            assert!(!in_scope(c, path), "{path}");
        }
    }

    #[test]
    fn links_expire_at_the_end_of_the_closing_day() {
        // 2026-12-31 ends at 2027-01-01T00:00:00Z.
        assert_eq!(expiry_for("2026-12-31"), 1_798_761_600);
        assert_eq!(expiry_for("not a date"), 0);
    }
}
