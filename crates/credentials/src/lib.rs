//! skillgym's credentials: the Open Badges 3.0 credential a person earns by finishing a
//! 12-week learning plan, signed so that anyone can check it came from the issuer unaltered.
//!
//! A [`Badge`] says who awarded what to whom and when; [`Badge::to_json`] writes it as an
//! `OpenBadgeCredential` (1EdTech Open Badges 3.0, appendix B.1, on the W3C Verifiable
//! Credentials Data Model 2.0); [`sign`] makes it a VC-JWT, a compact JWS signed with the
//! issuer's Ed25519 [`SigningKey`] (OB 3.0 §8.2 "JSON Web Token Proof Format", RFC 8037
//! `EdDSA`); [`verify`] checks one against the issuer's public key and gives the credential
//! back; [`SigningKey::public_jwk`] is the key to publish for other verifiers.
//!
//! Publishing is the web's part: OB 3.0 §5 serves the compact JWS as `text/plain` (or a `.jws`
//! file), and the Implementation Guide's "Key provenance" has the issuer publish its JWK Set at
//! `/.well-known/jwks.json`, keeping retired keys there for as long as credentials signed with
//! them should verify.
//!
//! Section numbers are those of Open Badges 3.0 Final (document 1.4.1), VCDM 2.0 and the RFCs.
//! This crate knows no HTTP and no SQL.

mod badge;
mod key;
mod vc_jwt;

pub use badge::{
    Achievement, AchievementType, Badge, BadgeError, Issuer, Language, OB_CONTEXT, Subject, Uri,
    VC_CONTEXT, Validity,
};
pub use key::SigningKey;
pub use vc_jwt::{VerifyError, sign, verify};

use serde::Serialize;

/// Every structure written here is strings, numbers, booleans, arrays and string-keyed objects,
/// which serde_json always serialises; the only failures it has are non-string map keys and
/// custom `Serialize` errors, and nothing here has either.
const ALWAYS_SERIALISES: &str = "credential JSON has only string keys and plain values";

fn json_value<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect(ALWAYS_SERIALISES)
}

fn json_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect(ALWAYS_SERIALISES)
}
