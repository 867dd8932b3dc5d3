//! Who is asking: sessions, passwords, CSRF tokens and the sign-in throttle.

pub mod password;

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "sg_session";
pub const CSRF_COOKIE: &str = "sg_csrf";
pub const LANG_COOKIE: &str = "sg_lang";
/// Someone answering through a public link: `{campaign}.{token}`.
pub const ANSWER_COOKIE: &str = "sg_answer";
/// Set while a sign-in is at the organisation's provider, to tie the callback to this browser.
pub const SSO_COOKIE: &str = "sg_sso";

/// A fresh random token: 256 bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored in place of a token: its SHA-256, so the database never holds one that works.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Sign-in attempts for one email within [`THROTTLE_WINDOW_SECS`] whose password is checked;
/// later ones are refused unchecked. A successful sign-in wipes the email's count.
pub const MAX_ATTEMPTS_PER_EMAIL: i64 = 5;
/// Sign-in attempts from one address within the window whose password is checked.
pub const MAX_ATTEMPTS_PER_ADDRESS: i64 = 50;
pub const THROTTLE_WINDOW_SECS: i64 = 15 * 60;

/// Builds a `Set-Cookie` value with the flags every skillgym cookie carries.
pub fn cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// The value of cookie `name` in a `Cookie` header.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// How long an access link works.
pub const ACCESS_LINK_DAYS: i64 = 7;

/// A new single-use link with which the account's owner chooses a password: what the store
/// keeps, and the address to give them.
pub fn new_access_link(public_url: &str) -> (skillgym_store::NewAccessLink, String) {
    let token = random_token();
    let link = skillgym_store::NewAccessLink {
        token_hash: token_hash(&token),
        expires_at: skillgym_store::now() + ACCESS_LINK_DAYS * 24 * 3600,
    };
    let address = format!("{}/access/{token}", public_url.trim_end_matches('/'));
    (link, address)
}

/// Makes and keeps a [`new_access_link`] for the account.
pub async fn make_access_link(
    store: &skillgym_store::Store,
    account: skillgym_domain::AccountId,
    public_url: &str,
) -> Result<String, skillgym_store::StoreError> {
    let (link, address) = new_access_link(public_url);
    store
        .create_access_link(account, &link.token_hash, link.expires_at)
        .await?;
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(token_hash("a"), token_hash("a"));
        assert_eq!(token_hash("a").len(), 64);
    }

    #[test]
    fn cookies_are_read_by_name() {
        let header = "sg_lang=cy; sg_session=abc=; other=1";
        assert_eq!(read_cookie(header, "sg_session"), Some("abc="));
        assert_eq!(read_cookie(header, "sg_lang"), Some("cy"));
        assert_eq!(read_cookie(header, "nope"), None);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
