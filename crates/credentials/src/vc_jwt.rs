//! Signing and verifying a credential as a VC-JWT: Open Badges 3.0 §8.2 "JSON Web Token Proof
//! Format", with Ed25519 (`alg: "EdDSA"`, RFC 8037).

use crate::badge::{Badge, CredentialJson, OB_CONTEXT, Uri, VC_CONTEXT};
use crate::key::{Jwk, SigningKey, jwk_x};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{ED25519, UnparsedPublicKey};
use serde::Serialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The only algorithm accepted: the issuer's key is Ed25519. OB 3.0 §8.2.3 requires RS256 as
/// the minimum a verifier supports and permits others "but their use limits interoperability".
const ALG: &str = "EdDSA";

/// The JOSE header members OB 3.0 §8.2.3 allows; "Additional JOSE Headers are NOT allowed".
const HEADER_MEMBERS: [&str; 4] = ["alg", "kid", "jwk", "typ"];

/// The registered claims that repeat the credential (OB 3.0 §8.2.4.1).
const CLAIMS: [&str; 5] = ["iss", "jti", "sub", "nbf", "exp"];

/// Why a token is not a valid credential from the expected issuer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the token is not a compact JWS: {0}")]
    Malformed(&'static str),
    /// Refuses `none` and every algorithm but EdDSA, so a token cannot choose how it is checked.
    #[error("the token is signed with {0:?}; only EdDSA is accepted")]
    WrongAlgorithm(String),
    #[error("the JOSE header is not one Open Badges 3.0 allows: {0}")]
    BadHeader(String),
    #[error("the public key to check against is not a 32-byte Ed25519 key")]
    InvalidPublicKey,
    /// The header's `jwk` is not the key the token was checked with, so other verifiers that
    /// trust the header would look for the wrong key.
    #[error("the token's header names a different key from the issuer's")]
    KeyMismatch,
    #[error("the signature is not the issuer's: the token was altered or signed with another key")]
    BadSignature,
    #[error("the payload is not an Open Badges 3.0 credential: {0}")]
    NotACredential(&'static str),
    #[error("the JWT has no {0} claim, which Open Badges 3.0 requires")]
    MissingClaim(&'static str),
    #[error("the JWT's {claim} claim does not match the credential's {property}")]
    ClaimMismatch {
        claim: &'static str,
        property: &'static str,
    },
    #[error("the credential is not valid until {}", shown(.0))]
    NotYetValid(OffsetDateTime),
    #[error("the credential expired at {}", shown(.0))]
    Expired(OffsetDateTime),
}

/// A date in a message as the credential writes it, e.g. `2028-03-01T09:00:00Z`.
fn shown(at: &OffsetDateTime) -> String {
    crate::badge::date_time(at.to_offset(time::UtcOffset::UTC))
}

/// The badge as a compact JWS (OB 3.0 §8.2.5), ready to publish as a `.jws` file or a
/// `text/plain` web resource (OB 3.0 §5 "Open Badges Document Formats").
///
/// The header carries the public key as `jwk` rather than a `kid`, which §8.2.3 requires to be
/// a URI that dereferences to the key: the issuer publishes the same JWK in its JWK Set
/// (`/.well-known/jwks.json`, Implementation Guide "Key provenance") so verifiers can tell that
/// the key is the issuer's. The payload is the credential itself with the registered claims
/// beside it (§8.2.4.1), not the VCDM 1.1 `vc` claim.
pub fn sign(badge: &Badge, key: &SigningKey) -> String {
    let header = Header {
        alg: ALG,
        typ: "JWT",
        jwk: key.jwk(),
    };
    let payload = Payload {
        iss: &badge.issuer.id,
        jti: &badge.id,
        sub: &badge.subject.id,
        nbf: badge.validity.valid_from().unix_timestamp(),
        exp: badge.validity.valid_until().map(|t| t.unix_timestamp()),
        credential: badge.credential(),
    };
    compact_jws(&crate::json_text(&header), &crate::json_text(&payload), key)
}

/// Base64url both parts, sign them, and join the three with dots (RFC 7515 §7.1).
fn compact_jws(header: &str, payload: &str, key: &SigningKey) -> String {
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let signature = URL_SAFE_NO_PAD.encode(key.sign(signing_input.as_bytes()));
    format!("{signing_input}.{signature}")
}

/// Checks a token against the issuer's public key at `now`, and returns the credential it
/// carries: the payload without the registered claims, i.e. what [`Badge::to_json`] wrote.
///
/// The key is the caller's, never the header's: a `jwk` in the header is only checked to be the
/// same key. After the signature (RFC 7515 §5.2) come OB 3.0 §8.2.6.1's rules: `iss`, `sub`,
/// `nbf` and `jti` must be present and equal the issuer's id, the subject's id, `validFrom` and
/// the credential's id; `exp` must equal `validUntil` if either is there; and the credential
/// must have started (§9.1 step 4: `now` before `validFrom` is not yet valid) and not ended (at
/// or after `exp`, RFC 7519 §4.1.4).
pub fn verify(token: &str, public_key: &[u8], now: OffsetDateTime) -> Result<Value, VerifyError> {
    let public_key: &[u8; 32] = public_key
        .try_into()
        .map_err(|_| VerifyError::InvalidPublicKey)?;
    let mut parts = token.split('.');
    let (Some(header_part), Some(payload_part), Some(signature_part), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(VerifyError::Malformed(
            "it needs three parts separated by dots",
        ));
    };

    let header = decode_object(header_part, "the header is not base64url-encoded JSON")?;
    check_header(&header)?;

    let signature = URL_SAFE_NO_PAD
        .decode(signature_part)
        .map_err(|_| VerifyError::Malformed("the signature is not base64url"))?;
    let signing_input = &token[..header_part.len() + 1 + payload_part.len()];
    UnparsedPublicKey::new(&ED25519, public_key)
        .verify(signing_input.as_bytes(), &signature)
        .map_err(|_| VerifyError::BadSignature)?;
    check_header_key(&header, public_key)?;

    let mut credential = decode_object(payload_part, "the payload is not base64url-encoded JSON")?;
    let claims: Map<String, Value> = CLAIMS
        .iter()
        .filter_map(|&claim| Some((claim.to_owned(), credential.remove(claim)?)))
        .collect();
    check_credential(&credential)?;
    check_claims(&claims, &credential, now)?;
    Ok(Value::Object(credential))
}

fn decode_object(part: &str, malformed: &'static str) -> Result<Map<String, Value>, VerifyError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| VerifyError::Malformed(malformed))?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(object)) => Ok(object),
        _ => Err(VerifyError::Malformed(malformed)),
    }
}

/// `alg` first, so `none` is refused whatever else the header says; then OB 3.0 §8.2.3's four
/// members and nothing else (which also refuses `crit`, RFC 7515 §4.1.11).
fn check_header(header: &Map<String, Value>) -> Result<(), VerifyError> {
    match header.get("alg") {
        Some(Value::String(alg)) if alg == ALG => {}
        Some(Value::String(alg)) => return Err(VerifyError::WrongAlgorithm(alg.clone())),
        Some(_) => return Err(VerifyError::Malformed("the header's alg is not a string")),
        None => return Err(VerifyError::Malformed("the header has no alg")),
    }
    if let Some(name) = header
        .keys()
        .find(|name| !HEADER_MEMBERS.contains(&name.as_str()))
    {
        return Err(VerifyError::BadHeader(format!("{name:?} is not allowed")));
    }
    match header.get("typ") {
        None => {}
        Some(Value::String(typ)) if typ == "JWT" => {}
        Some(typ) => return Err(VerifyError::BadHeader(format!("typ is {typ}, not \"JWT\""))),
    }
    Ok(())
}

/// A `jwk` in the header must be the public key checked against, and public (OB 3.0 §8.2.3:
/// it "MUST never contain d").
fn check_header_key(header: &Map<String, Value>, public_key: &[u8; 32]) -> Result<(), VerifyError> {
    let Some(jwk) = header.get("jwk") else {
        return Ok(());
    };
    let Some(jwk) = jwk.as_object() else {
        return Err(VerifyError::BadHeader("jwk is not an object".into()));
    };
    if jwk.contains_key("d") {
        return Err(VerifyError::BadHeader("jwk holds a private key".into()));
    }
    let is_ours = jwk.get("kty").and_then(Value::as_str) == Some("OKP")
        && jwk.get("crv").and_then(Value::as_str) == Some("Ed25519")
        && jwk.get("x").and_then(Value::as_str) == Some(jwk_x(public_key).as_str());
    if is_ours {
        Ok(())
    } else {
        Err(VerifyError::KeyMismatch)
    }
}

/// OB 3.0 B.1.2: `@context` starts with the VCDM 2.0 and OB 3.0 contexts, and `type` includes
/// `VerifiableCredential` and `OpenBadgeCredential` (or its alias `AchievementCredential`).
fn check_credential(credential: &Map<String, Value>) -> Result<(), VerifyError> {
    let context = credential.get("@context").and_then(Value::as_array);
    let contexts_ok = context.is_some_and(|context| {
        context.first().and_then(Value::as_str) == Some(VC_CONTEXT)
            && context.get(1).and_then(Value::as_str) == Some(OB_CONTEXT)
    });
    if !contexts_ok {
        return Err(VerifyError::NotACredential(
            "@context does not start with the VCDM 2.0 and Open Badges 3.0 contexts",
        ));
    }
    let types: Vec<&str> = match credential.get("type") {
        Some(Value::String(one)) => vec![one],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !(types.contains(&"VerifiableCredential")
        && (types.contains(&"OpenBadgeCredential") || types.contains(&"AchievementCredential")))
    {
        return Err(VerifyError::NotACredential(
            "its type is not VerifiableCredential and OpenBadgeCredential",
        ));
    }
    Ok(())
}

fn check_claims(
    claims: &Map<String, Value>,
    credential: &Map<String, Value>,
    now: OffsetDateTime,
) -> Result<(), VerifyError> {
    // The issuer is a Profile object or, as VCDM 2.0 §4.7 also allows, just its URL.
    let issuer_id = match credential.get("issuer") {
        Some(Value::String(id)) => Some(id.as_str()),
        Some(issuer) => issuer.get("id").and_then(Value::as_str),
        None => None,
    };
    same_uri(claims, "iss", issuer_id, "issuer.id")?;
    let subject_id = credential
        .get("credentialSubject")
        .and_then(|subject| subject.get("id"))
        .and_then(Value::as_str);
    same_uri(claims, "sub", subject_id, "credentialSubject.id")?;
    same_uri(
        claims,
        "jti",
        credential.get("id").and_then(Value::as_str),
        "id",
    )?;

    let valid_from = date_property(credential, "validFrom")?
        .ok_or(VerifyError::NotACredential("it has no validFrom"))?;
    let nbf = numeric_date(claims, "nbf")?.ok_or(VerifyError::MissingClaim("nbf"))?;
    if nbf != valid_from {
        return Err(VerifyError::ClaimMismatch {
            claim: "nbf",
            property: "validFrom",
        });
    }
    let valid_until = date_property(credential, "validUntil")?;
    match (numeric_date(claims, "exp")?, valid_until) {
        (None, None) => {}
        (Some(exp), Some(until)) if exp == until => {}
        (None, Some(_)) => return Err(VerifyError::MissingClaim("exp")),
        (Some(_), _) => {
            return Err(VerifyError::ClaimMismatch {
                claim: "exp",
                property: "validUntil",
            });
        }
    }

    if now < valid_from {
        return Err(VerifyError::NotYetValid(valid_from));
    }
    match valid_until {
        Some(until) if now >= until => Err(VerifyError::Expired(until)),
        _ => Ok(()),
    }
}

/// A claim that must be present and equal a URI in the credential.
fn same_uri(
    claims: &Map<String, Value>,
    claim: &'static str,
    property_value: Option<&str>,
    property: &'static str,
) -> Result<(), VerifyError> {
    let value = claims.get(claim).ok_or(VerifyError::MissingClaim(claim))?;
    match (value.as_str(), property_value) {
        (Some(value), Some(property_value)) if value == property_value => Ok(()),
        _ => Err(VerifyError::ClaimMismatch { claim, property }),
    }
}

/// A NumericDate claim (RFC 7519 §2) as a date-time; skillgym writes whole seconds, and a
/// fraction could never equal the whole-second dates of its credentials anyway.
fn numeric_date(
    claims: &Map<String, Value>,
    claim: &'static str,
) -> Result<Option<OffsetDateTime>, VerifyError> {
    let Some(value) = claims.get(claim) else {
        return Ok(None);
    };
    value
        .as_i64()
        .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
        .map(Some)
        .ok_or(VerifyError::Malformed(
            "a date claim is not a whole number of seconds",
        ))
}

fn date_property(
    credential: &Map<String, Value>,
    property: &str,
) -> Result<Option<OffsetDateTime>, VerifyError> {
    let Some(value) = credential.get(property) else {
        return Ok(None);
    };
    value
        .as_str()
        .and_then(|text| OffsetDateTime::parse(text, &Rfc3339).ok())
        .map(Some)
        .ok_or(VerifyError::NotACredential(
            "validFrom or validUntil is not an RFC 3339 date-time",
        ))
}

/// OB 3.0 §8.2.3, in the order the members are written.
#[derive(Serialize)]
struct Header {
    alg: &'static str,
    typ: &'static str,
    jwk: Jwk,
}

/// OB 3.0 §8.2.4.1: the credential's own properties with the registered claims that repeat
/// them (RFC 7519 §4.1.1 `iss`, §4.1.2 `sub`, §4.1.4 `exp`, §4.1.5 `nbf`, §4.1.7 `jti`).
#[derive(Serialize)]
struct Payload<'a> {
    iss: &'a Uri,
    jti: &'a Uri,
    sub: &'a Uri,
    nbf: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exp: Option<i64>,
    #[serde(flatten)]
    credential: CredentialJson<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::badge::tests::badge;
    use crate::badge::{Subject, Validity};
    use serde_json::json;
    use time::macros::datetime;

    const SEED: [u8; 32] = [7; 32];
    const OTHER_SEED: [u8; 32] = [8; 32];
    /// A moment after the test badge's `validFrom`, so it is valid then.
    const NOW: OffsetDateTime = datetime!(2025-06-01 12:00:00 UTC);

    fn key() -> SigningKey {
        SigningKey::from_seed(SEED)
    }

    fn public_key() -> [u8; 32] {
        key().public_key_bytes()
    }

    fn part(token: &str, index: usize) -> Value {
        let text = token.split('.').nth(index).unwrap();
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).unwrap()).unwrap()
    }

    /// A token with any header and payload, signed properly, to test the checks after the
    /// signature.
    fn signed(header: &Value, payload: &Value) -> String {
        compact_jws(&header.to_string(), &payload.to_string(), &key())
    }

    /// The test badge's header and payload, to be altered and signed again.
    fn parts() -> (Value, Value) {
        let token = sign(&badge(), &key());
        (part(&token, 0), part(&token, 1))
    }

    fn verified(header: &Value, payload: &Value) -> Result<Value, VerifyError> {
        verify(&signed(header, payload), &public_key(), NOW)
    }

    #[test]
    fn a_signed_badge_verifies_to_its_credential() {
        let b = badge();
        let token = sign(&b, &key());
        assert_eq!(verify(&token, &public_key(), NOW), Ok(b.to_json()));
    }

    #[test]
    fn signing_is_deterministic() {
        assert_eq!(sign(&badge(), &key()), sign(&badge(), &key()));
    }

    #[test]
    fn the_header_is_eddsa_jwt_with_the_public_key() {
        let token = sign(&badge(), &key());
        assert_eq!(
            part(&token, 0),
            json!({"alg": "EdDSA", "typ": "JWT", "jwk": key().public_jwk()})
        );
        assert!(
            token
                .split('.')
                .next()
                .unwrap()
                .starts_with("eyJhbGciOiJFZERTQSIs")
        );
    }

    #[test]
    fn the_registered_claims_repeat_the_credential() {
        let mut b = badge();
        b.validity = Validity::new(
            datetime!(2025-03-01 09:00:00 UTC),
            Some(datetime!(2028-03-01 09:00:00 UTC)),
        )
        .unwrap();
        let payload = part(&sign(&b, &key()), 1);
        assert_eq!(payload["iss"], "https://skills.example.gov.uk/issuers/afon");
        assert_eq!(payload["iss"], payload["issuer"]["id"]);
        assert_eq!(payload["jti"], payload["id"]);
        assert_eq!(
            payload["sub"],
            "urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44"
        );
        assert_eq!(payload["sub"], payload["credentialSubject"]["id"]);
        assert_eq!(payload["nbf"], 1_740_819_600);
        assert_eq!(payload["exp"], 1_835_514_000);
        assert!(payload.get("vc").is_none(), "VCDM 2.0: no vc wrapper");
        let mut credential = payload.as_object().unwrap().clone();
        for claim in CLAIMS {
            credential.remove(claim);
        }
        assert_eq!(Value::Object(credential), b.to_json());

        let without_end = part(&sign(&badge(), &key()), 1);
        assert!(without_end.get("exp").is_none());
    }

    #[test]
    fn a_tampered_payload_fails() {
        let token = sign(&badge(), &key());
        let mut payload = part(&token, 1);
        payload["credentialSubject"]["id"] = json!("urn:uuid:00000000-0000-0000-0000-000000000000");
        payload["sub"] = payload["credentialSubject"]["id"].clone();
        let mut pieces: Vec<String> = token.split('.').map(str::to_owned).collect();
        pieces[1] = URL_SAFE_NO_PAD.encode(payload.to_string());
        assert_eq!(
            verify(&pieces.join("."), &public_key(), NOW),
            Err(VerifyError::BadSignature)
        );
    }

    #[test]
    fn a_tampered_signature_fails() {
        let token = sign(&badge(), &key());
        let (rest, signature) = token.rsplit_once('.').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(signature).unwrap();
        bytes[10] ^= 1;
        let altered = format!("{rest}.{}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(
            verify(&altered, &public_key(), NOW),
            Err(VerifyError::BadSignature)
        );
    }

    #[test]
    fn a_token_signed_with_another_key_fails() {
        let token = sign(&badge(), &SigningKey::from_seed(OTHER_SEED));
        assert_eq!(
            verify(&token, &public_key(), NOW),
            Err(VerifyError::BadSignature)
        );
    }

    #[test]
    fn a_header_naming_another_key_fails() {
        let (mut header, payload) = parts();
        header["jwk"] = SigningKey::from_seed(OTHER_SEED).public_jwk();
        assert_eq!(verified(&header, &payload), Err(VerifyError::KeyMismatch));

        let mut private = key().public_jwk();
        private["d"] = json!(URL_SAFE_NO_PAD.encode(SEED));
        header["jwk"] = private;
        assert!(matches!(
            verified(&header, &payload),
            Err(VerifyError::BadHeader(_))
        ));

        header.as_object_mut().unwrap().remove("jwk");
        assert!(verified(&header, &payload).is_ok(), "the jwk is optional");
    }

    #[test]
    fn alg_none_is_refused() {
        let (_, payload) = parts();
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#);
        let payload = URL_SAFE_NO_PAD.encode(payload.to_string());
        let token = format!("{header}.{payload}.");
        assert_eq!(
            verify(&token, &public_key(), NOW),
            Err(VerifyError::WrongAlgorithm("none".into()))
        );
    }

    #[test]
    fn only_eddsa_is_accepted() {
        let (mut header, payload) = parts();
        for alg in ["HS256", "RS256", "ES256", "EdDSA "] {
            header["alg"] = json!(alg);
            assert_eq!(
                verified(&header, &payload),
                Err(VerifyError::WrongAlgorithm(alg.into()))
            );
        }
        header.as_object_mut().unwrap().remove("alg");
        assert!(matches!(
            verified(&header, &payload),
            Err(VerifyError::Malformed(_))
        ));
    }

    #[test]
    fn only_the_headers_ob_3_allows_are_accepted() {
        let (header, payload) = parts();
        let mut crit = header.clone();
        crit["crit"] = json!(["exp"]);
        assert_eq!(
            verified(&crit, &payload),
            Err(VerifyError::BadHeader(r#""crit" is not allowed"#.into()))
        );
        let mut typ = header.clone();
        typ["typ"] = json!("vc+jwt");
        assert!(matches!(
            verified(&typ, &payload),
            Err(VerifyError::BadHeader(_))
        ));
        let mut kid = header;
        kid["kid"] = json!("https://skills.example.gov.uk/.well-known/jwks.json");
        assert!(verified(&kid, &payload).is_ok(), "a kid URI is allowed");
    }

    #[test]
    fn malformed_tokens_are_refused() {
        let token = sign(&badge(), &key());
        let (header, payload, _) = {
            let mut p = token.split('.');
            (p.next().unwrap(), p.next().unwrap(), p.next().unwrap())
        };
        for bad in [
            String::new(),
            "abc".into(),
            format!("{header}.{payload}"),
            format!("{token}.extra"),
            format!("{header}.{payload}.not*base64"),
            format!("{header}=.{payload}.AAAA"),
            format!("{}.{payload}.AAAA", URL_SAFE_NO_PAD.encode("not json")),
            format!("{}.{payload}.AAAA", URL_SAFE_NO_PAD.encode("[1,2]")),
        ] {
            assert!(
                matches!(
                    verify(&bad, &public_key(), NOW),
                    Err(VerifyError::Malformed(_))
                ),
                "{bad:?}"
            );
        }
        let not_json = signed(&part(&token, 0), &json!("a string"));
        assert!(matches!(
            verify(&not_json, &public_key(), NOW),
            Err(VerifyError::Malformed(_))
        ));
    }

    #[test]
    fn a_public_key_of_the_wrong_length_is_refused() {
        let token = sign(&badge(), &key());
        assert_eq!(
            verify(&token, &public_key()[..31], NOW),
            Err(VerifyError::InvalidPublicKey)
        );
    }

    #[test]
    fn each_claim_must_agree_with_the_credential() {
        let (header, payload) = parts();
        for (claim, property) in [
            ("iss", "issuer.id"),
            ("sub", "credentialSubject.id"),
            ("jti", "id"),
        ] {
            let mut altered = payload.clone();
            altered[claim] = json!("https://elsewhere.example/1");
            assert_eq!(
                verified(&header, &altered),
                Err(VerifyError::ClaimMismatch { claim, property })
            );
            altered.as_object_mut().unwrap().remove(claim);
            assert_eq!(
                verified(&header, &altered),
                Err(VerifyError::MissingClaim(claim))
            );
        }
        let mut altered = payload.clone();
        altered["nbf"] = json!(payload["nbf"].as_i64().unwrap() - 1);
        assert_eq!(
            verified(&header, &altered),
            Err(VerifyError::ClaimMismatch {
                claim: "nbf",
                property: "validFrom"
            })
        );
        altered.as_object_mut().unwrap().remove("nbf");
        assert_eq!(
            verified(&header, &altered),
            Err(VerifyError::MissingClaim("nbf"))
        );
    }

    #[test]
    fn exp_and_valid_until_come_together() {
        let (header, payload) = parts();
        let mut exp_only = payload.clone();
        exp_only["exp"] = json!(1_900_000_000);
        assert_eq!(
            verified(&header, &exp_only),
            Err(VerifyError::ClaimMismatch {
                claim: "exp",
                property: "validUntil"
            })
        );
        let mut until_only = payload;
        until_only["validUntil"] = json!("2030-01-01T00:00:00Z");
        assert_eq!(
            verified(&header, &until_only),
            Err(VerifyError::MissingClaim("exp"))
        );
        until_only["exp"] = json!(1_893_456_001);
        assert_eq!(
            verified(&header, &until_only),
            Err(VerifyError::ClaimMismatch {
                claim: "exp",
                property: "validUntil"
            })
        );
        until_only["exp"] = json!(1_893_456_000);
        assert!(verified(&header, &until_only).is_ok());
    }

    #[test]
    fn a_credential_is_valid_from_valid_from_until_valid_until() {
        let from = datetime!(2025-03-01 09:00:00 UTC);
        let until = datetime!(2028-03-01 09:00:00 UTC);
        let mut b = badge();
        b.validity = Validity::new(from, Some(until)).unwrap();
        let token = sign(&b, &key());
        let at = |now| verify(&token, &public_key(), now);
        assert_eq!(
            at(from - time::Duration::seconds(1)),
            Err(VerifyError::NotYetValid(from))
        );
        assert!(at(from).is_ok());
        assert!(at(until - time::Duration::seconds(1)).is_ok());
        assert_eq!(at(until), Err(VerifyError::Expired(until)));
    }

    #[test]
    fn the_payload_must_be_an_open_badge() {
        let (header, payload) = parts();
        let mut vc_1 = payload.clone();
        vc_1["@context"] = json!(["https://www.w3.org/2018/credentials/v1", OB_CONTEXT]);
        assert!(matches!(
            verified(&header, &vc_1),
            Err(VerifyError::NotACredential(_))
        ));
        let mut other = payload.clone();
        other["type"] = json!(["VerifiableCredential", "EndorsementCredential"]);
        assert!(matches!(
            verified(&header, &other),
            Err(VerifyError::NotACredential(_))
        ));
        let mut alias = payload.clone();
        alias["type"] = json!(["VerifiableCredential", "AchievementCredential"]);
        assert!(verified(&header, &alias).is_ok());
        let mut bad_date = payload;
        bad_date["validFrom"] = json!("1 March 2025");
        assert!(matches!(
            verified(&header, &bad_date),
            Err(VerifyError::NotACredential(_))
        ));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            VerifyError::Expired(datetime!(2028-03-01 10:00:00 +01:00)).to_string(),
            "the credential expired at 2028-03-01T09:00:00Z"
        );
        assert_eq!(
            VerifyError::ClaimMismatch {
                claim: "sub",
                property: "credentialSubject.id"
            }
            .to_string(),
            "the JWT's sub claim does not match the credential's credentialSubject.id"
        );
        assert_eq!(
            VerifyError::WrongAlgorithm("none".into()).to_string(),
            r#"the token is signed with "none"; only EdDSA is accepted"#
        );
    }

    #[test]
    fn an_issuer_given_as_a_url_is_understood() {
        let (header, mut payload) = parts();
        payload["issuer"] = payload["iss"].clone();
        assert!(verified(&header, &payload).is_ok());
    }

    #[test]
    fn a_named_subject_round_trips() {
        let mut b = badge();
        b.subject = Subject {
            name: Some("Carys Morgan".into()),
            ..b.subject
        };
        let credential = verify(&sign(&b, &key()), &public_key(), NOW).unwrap();
        assert_eq!(
            credential["credentialSubject"]["identifier"][0]["identityHash"],
            "Carys Morgan"
        );
    }
}
