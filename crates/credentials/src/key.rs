//! The issuer's Ed25519 key: what signs every credential, and its public half as a JSON Web Key
//! for anyone who wants to check one.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The issuer's signing key, made from a 32-byte seed kept secret by whoever runs skillgym.
///
/// Its `Debug` shows only the key id, so a log line cannot leak it.
pub struct SigningKey {
    pair: Ed25519KeyPair,
}

impl SigningKey {
    /// The key for a seed: the same seed always gives the same key (RFC 8032 §5.1.5).
    pub fn from_seed(seed: [u8; 32]) -> SigningKey {
        let pair = Ed25519KeyPair::from_seed_unchecked(&seed)
            .expect("ring refuses an Ed25519 seed only for its length, which the type fixes");
        SigningKey { pair }
    }

    /// The raw 32-byte public key, as [`crate::verify`] takes it.
    pub fn public_key_bytes(&self) -> [u8; 32] {
        let mut bytes = [0; 32];
        bytes.copy_from_slice(self.pair.public_key().as_ref());
        bytes
    }

    /// The key's RFC 7638 JWK thumbprint (SHA-256, base64url): a name for it that anyone can
    /// recompute from the public key, used as the JWK's `kid`.
    pub fn key_id(&self) -> String {
        thumbprint(&self.x())
    }

    /// The public key as a JWK (RFC 7517, with RFC 8037's `OKP` key type for Ed25519), for the
    /// issuer's JWK Set and for the JOSE header. It never holds the private `d` (OB 3.0 §8.2.3).
    pub fn public_jwk(&self) -> Value {
        crate::json_value(&self.jwk())
    }

    pub(crate) fn jwk(&self) -> Jwk {
        let x = self.x();
        Jwk {
            kty: "OKP",
            crv: "Ed25519",
            kid: thumbprint(&x),
            x,
            alg: "EdDSA",
            usage: "sig",
        }
    }

    /// The Ed25519 signature of `message` (RFC 8037 §3.1: the JWS signature is the raw 64 bytes).
    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        let mut signature = [0; 64];
        signature.copy_from_slice(self.pair.sign(message).as_ref());
        signature
    }

    fn x(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.pair.public_key().as_ref())
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("key_id", &self.key_id())
            .finish_non_exhaustive()
    }
}

/// An Ed25519 public key as a JWK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Jwk {
    kty: &'static str,
    crv: &'static str,
    x: String,
    kid: String,
    alg: &'static str,
    #[serde(rename = "use")]
    usage: &'static str,
}

/// RFC 7638 §3, with the members RFC 8037 §2 names for an `OKP` key, in lexicographic order and
/// without whitespace. `x` is base64url, so it needs no escaping.
fn thumbprint(x: &str) -> String {
    let members = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
    URL_SAFE_NO_PAD.encode(ring::digest::digest(
        &ring::digest::SHA256,
        members.as_bytes(),
    ))
}

/// The base64url `x` of a raw public key, to compare with a JWK's.
pub(crate) fn jwk_x(public_key: &[u8; 32]) -> String {
    URL_SAFE_NO_PAD.encode(public_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The private key of RFC 8037 Appendix A.1, whose results A.2 to A.4 give.
    fn rfc8037_key() -> SigningKey {
        let d = URL_SAFE_NO_PAD
            .decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
            .unwrap();
        SigningKey::from_seed(d.try_into().unwrap())
    }

    #[test]
    fn the_public_key_is_rfc_8037s() {
        // RFC 8037 A.2.
        assert_eq!(
            rfc8037_key().public_jwk()["x"],
            "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        );
    }

    #[test]
    fn the_key_id_is_rfc_8037s_thumbprint() {
        // RFC 8037 A.3.
        assert_eq!(
            rfc8037_key().key_id(),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
    }

    #[test]
    fn signatures_are_rfc_8037s() {
        // RFC 8037 A.4: the JWS of "Example of Ed25519 signing" under {"alg":"EdDSA"}.
        let signature =
            rfc8037_key().sign(b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");
        assert_eq!(
            URL_SAFE_NO_PAD.encode(signature),
            "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
        );
    }

    #[test]
    fn the_public_jwk_has_no_private_part() {
        let key = rfc8037_key();
        assert_eq!(
            key.public_jwk(),
            json!({
                "kty": "OKP",
                "crv": "Ed25519",
                "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                "kid": "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
                "alg": "EdDSA",
                "use": "sig",
            })
        );
        assert_eq!(
            jwk_x(&key.public_key_bytes()),
            "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        );
    }

    #[test]
    fn debug_does_not_show_the_seed() {
        let shown = format!("{:?}", rfc8037_key());
        assert_eq!(
            shown,
            r#"SigningKey { key_id: "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", .. }"#
        );
    }
}
