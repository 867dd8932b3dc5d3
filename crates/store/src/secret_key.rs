//! The key that encrypts secrets stored in the database (the OpenID Connect client secret), so
//! that a copy of the database, or a backup, does not give the secret away; and from which the
//! key that signs password-free audit links is derived, so that such a copy cannot mint one.
//!
//! Authenticated encryption with ChaCha20-Poly1305 from *ring* (already in the build through
//! rustls): a random 96-bit nonce per value, and the row's purpose and owner as associated
//! data, so a sealed value cannot be moved to another row or column and still open. The key
//! is 32 random bytes, written as base64; it never enters the database. Every instance that
//! shares a database must have the same key.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use std::path::Path;

/// The version written in front of every sealed value, for a future change of algorithm.
const VERSION: &str = "v1.";

/// Why a key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum SecretKeyError {
    #[error(
        "the secret key must be 32 random bytes written as base64 (44 characters, e.g. from `openssl rand -base64 32`)"
    )]
    Malformed,
    #[error("cannot read or create the secret key file {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
}

/// Why a sealed value did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Not something [`SecretKey::seal`] wrote.
    #[error("the stored value is not an encrypted secret")]
    Malformed,
    /// Sealed with another key (or changed since).
    #[error("the stored secret was encrypted with a different secret key")]
    WrongKey,
}

/// What the audit-link key is derived for: a new purpose gets a new label, never this one.
const AUDIT_LINK_LABEL: &[u8] = b"skillgym audit links v1";

/// What the Open Badges issuer's signing key is derived for.
const BADGE_LABEL: &[u8] = b"skillgym open badges issuer v1";

/// A key to seal and open secrets with.
pub struct SecretKey {
    key: LessSafeKey,
    rng: SystemRandom,
    /// HMAC-SHA256(secret key, [`AUDIT_LINK_LABEL`]).
    audit_link_key: [u8; 32],
    /// HMAC-SHA256(secret key, [`BADGE_LABEL`]): the seed of the Ed25519 key that signs the
    /// credentials finished plans earn.
    badge_seed: [u8; 32],
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

impl SecretKey {
    fn from_bytes(bytes: &[u8]) -> Result<Self, SecretKeyError> {
        let unbound =
            UnboundKey::new(&CHACHA20_POLY1305, bytes).map_err(|_| SecretKeyError::Malformed)?;
        let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, bytes), AUDIT_LINK_LABEL);
        let mut audit_link_key = [0u8; 32];
        audit_link_key.copy_from_slice(derived.as_ref());
        let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, bytes), BADGE_LABEL);
        let mut badge_seed = [0u8; 32];
        badge_seed.copy_from_slice(derived.as_ref());
        Ok(Self {
            key: LessSafeKey::new(unbound),
            rng: SystemRandom::new(),
            audit_link_key,
            badge_seed,
        })
    }

    /// The key that signs password-free audit links: derived from this key, so it is never
    /// stored, and every instance with the same secret key has the same link key. A new
    /// secret key invalidates every link signed with the old one.
    pub fn audit_link_key(&self) -> &[u8] {
        &self.audit_link_key
    }

    /// The seed of the key that signs Open Badges credentials: derived from this key like the
    /// audit-link key, so never stored; a new secret key means a new issuer key, and the
    /// credentials signed before no longer verify.
    pub fn badge_seed(&self) -> [u8; 32] {
        self.badge_seed
    }

    /// A key written as base64 (standard or URL-safe, padded or not), as given in
    /// `SKILLGYM_SECRET_KEY` or the key file.
    pub fn from_base64(text: &str) -> Result<Self, SecretKeyError> {
        let text = text.trim();
        let bytes = STANDARD
            .decode(text)
            .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
            .map_err(|_| SecretKeyError::Malformed)?;
        if bytes.len() != 32 {
            return Err(SecretKeyError::Malformed);
        }
        Self::from_bytes(&bytes)
    }

    /// A new random key, and its base64 text to keep.
    pub fn generate() -> Result<(Self, String), SecretKeyError> {
        let mut bytes = [0u8; 32];
        SystemRandom::new()
            .fill(&mut bytes)
            .map_err(|_| SecretKeyError::Malformed)?;
        Ok((Self::from_bytes(&bytes)?, STANDARD.encode(bytes)))
    }

    /// The key in `path`, or a new one written there (readable by this user only) when the
    /// file does not exist; `true` when it was created.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), SecretKeyError> {
        let file_error = |source| SecretKeyError::File {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => return Ok((Self::from_base64(&text)?, false)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(file_error(e)),
        }
        let (key, text) = Self::generate()?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(file_error)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(format!("{text}\n").as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(file_error)?;
                Ok((key, true))
            }
            // Another process starting at the same moment wrote it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let text = std::fs::read_to_string(path).map_err(file_error)?;
                Ok((Self::from_base64(&text)?, false))
            }
            Err(e) => Err(file_error(e)),
        }
    }

    /// Encrypts `plaintext`, bound to `context` (what it is and whose).
    pub fn seal(&self, plaintext: &str, context: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        self.rng
            .fill(&mut nonce)
            .expect("the operating system's random number generator works");
        let mut data = plaintext.as_bytes().to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut data,
            )
            .expect("ChaCha20-Poly1305 seals any input that fits in memory");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(out))
    }

    /// Decrypts what [`SecretKey::seal`] wrote with the same `context`.
    pub fn open(&self, sealed: &str, context: &str) -> Result<String, OpenError> {
        let encoded = sealed.strip_prefix(VERSION).ok_or(OpenError::Malformed)?;
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| OpenError::Malformed)?;
        if bytes.len() < NONCE_LEN + CHACHA20_POLY1305.tag_len() {
            return Err(OpenError::Malformed);
        }
        let (nonce, rest) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| OpenError::Malformed)?;
        let mut data = rest.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(context.as_bytes()), &mut data)
            .map_err(|_| OpenError::WrongKey)?;
        String::from_utf8(plain.to_vec()).map_err(|_| OpenError::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_and_context_only() {
        let (key, text) = SecretKey::generate().unwrap();
        let sealed = key.seal("client-s3cret", "oidc-client-secret:1");
        assert!(sealed.starts_with("v1."));
        assert!(!sealed.contains("client-s3cret"));
        // A fresh nonce each time.
        assert_ne!(sealed, key.seal("client-s3cret", "oidc-client-secret:1"));
        assert_eq!(
            key.open(&sealed, "oidc-client-secret:1").unwrap(),
            "client-s3cret"
        );
        let same = SecretKey::from_base64(&text).unwrap();
        assert_eq!(
            same.open(&sealed, "oidc-client-secret:1").unwrap(),
            "client-s3cret"
        );
        let (other, _) = SecretKey::generate().unwrap();
        assert_eq!(
            other.open(&sealed, "oidc-client-secret:1"),
            Err(OpenError::WrongKey)
        );
        assert_eq!(
            key.open(&sealed, "oidc-client-secret:2"),
            Err(OpenError::WrongKey)
        );
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(key.open(&tampered, "oidc-client-secret:1").is_err());
        assert_eq!(
            key.open("plain-text", "oidc-client-secret:1"),
            Err(OpenError::Malformed)
        );
        assert_eq!(key.open("v1.AAAA", "x"), Err(OpenError::Malformed));
    }

    #[test]
    fn the_audit_link_key_is_derived_from_the_secret_key() {
        let (key, text) = SecretKey::generate().unwrap();
        let again = SecretKey::from_base64(&text).unwrap();
        assert_eq!(key.audit_link_key(), again.audit_link_key());
        let (other, _) = SecretKey::generate().unwrap();
        assert_ne!(key.audit_link_key(), other.audit_link_key());
        assert_eq!(key.badge_seed(), again.badge_seed());
        assert_ne!(key.badge_seed(), other.badge_seed());
        assert_ne!(&key.badge_seed()[..], key.audit_link_key());
        // Not the secret key itself.
        let raw = STANDARD.decode(&text).unwrap();
        assert_ne!(key.audit_link_key(), raw.as_slice());
        // HMAC-SHA256(key, label), as the README says.
        let expected = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, &raw), AUDIT_LINK_LABEL);
        assert_eq!(key.audit_link_key(), expected.as_ref());
    }

    #[test]
    fn keys_are_32_bytes_of_base64() {
        assert!(SecretKey::from_base64("bm90IGEga2V5").is_err());
        assert!(SecretKey::from_base64("not base64 at all!").is_err());
        let (_, text) = SecretKey::generate().unwrap();
        assert_eq!(text.len(), 44);
        assert!(SecretKey::from_base64(&format!("  {text}\n")).is_ok());
        let url_safe = text.replace('+', "-").replace('/', "_");
        assert!(SecretKey::from_base64(url_safe.trim_end_matches('=')).is_ok());
    }

    #[test]
    fn a_key_file_is_made_once_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("secret.key");
        let (first, created) = SecretKey::load_or_create(&path).unwrap();
        assert!(created);
        let (second, created) = SecretKey::load_or_create(&path).unwrap();
        assert!(!created);
        let sealed = first.seal("x", "c");
        assert_eq!(second.open(&sealed, "c").unwrap(), "x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "garbage").unwrap();
        assert!(matches!(
            SecretKey::load_or_create(&path),
            Err(SecretKeyError::Malformed)
        ));
    }
}
