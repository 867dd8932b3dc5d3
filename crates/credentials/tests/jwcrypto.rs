//! Credentials as another implementation reads them: Python's `jwcrypto` (installed by
//! `scripts/install-test-deps`) imports the issuer's public JWK, verifies the compact JWS and
//! reads its claims, so a mistake shared by `sign` and `verify` cannot pass unnoticed.

use serde_json::{Value, json};
use skillgym_credentials::{
    Achievement, AchievementType, Badge, Issuer, Language, OB_CONTEXT, SigningKey, Subject, Uri,
    VC_CONTEXT, Validity, sign,
};
use time::macros::datetime;

fn uri(text: &str) -> Uri {
    Uri::parse(text).unwrap()
}

fn key() -> SigningKey {
    SigningKey::from_seed(*b"skillgym test issuer seed 32 b!!")
}

/// A finished plan, in English, valid from 1 March 2025 until 1 March 2099 (far enough ahead
/// that jwcrypto's own check of `exp` against today's clock keeps passing).
fn badge() -> Badge {
    Badge {
        id: uri("https://skills.example.gov.uk/credentials/4f1c2a9e-6a53-4b8e-9d0e-2b7f7f5c1a10"),
        issuer: Issuer {
            id: uri("https://skills.example.gov.uk/issuers/afon"),
            name: "Afon Valley Libraries".into(),
            url: Some(uri("https://afon.example")),
        },
        achievement: Achievement {
            id: uri("https://skills.example.gov.uk/achievements/12-week-plan"),
            name: "12-week learning plan".into(),
            description: "Finished a 12-week digital skills learning plan.".into(),
            criteria: "Complete every activity in the plan within 12 weeks.".into(),
            achievement_type: Some(AchievementType::LearningProgram),
        },
        subject: Subject {
            id: uri("urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44"),
            name: Some("Carys Morgan".into()),
        },
        validity: Validity::new(
            datetime!(2025-03-01 09:00:00 UTC),
            Some(datetime!(2099-03-01 09:00:00 UTC)),
        )
        .unwrap(),
        language: Language::English,
    }
}

/// What jwcrypto makes of `token` verified with `jwk`: the JOSE header, the claims and its own
/// RFC 7638 thumbprint of the key; or, when it refuses the token, what it printed.
fn read_with_jwcrypto(token: &str, jwk: &Value) -> Result<Value, String> {
    let script = r#"
import json, sys
from jwcrypto import jwk, jwt
given = json.load(sys.stdin)
key = jwk.JWK(**given["jwk"])
token = jwt.JWT(jwt=given["token"], key=key, algs=["EdDSA"], expected_type="JWS")
print(json.dumps({"header": json.loads(token.header),
                  "claims": json.loads(token.claims),
                  "thumbprint": key.thumbprint()}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (scripts/install-test-deps installs jwcrypto)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json!({"token": token, "jwk": jwk}).to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("No module named 'jwcrypto'"),
        "jwcrypto is missing: run scripts/install-test-deps"
    );
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).unwrap())
    } else {
        Err(stderr)
    }
}

#[test]
fn jwcrypto_verifies_the_signature_and_reads_the_claims() {
    let key = key();
    let badge = badge();
    let read = read_with_jwcrypto(&sign(&badge, &key), &key.public_jwk())
        .unwrap_or_else(|refusal| panic!("jwcrypto refused the credential:\n{refusal}"));

    assert_eq!(
        read["header"],
        json!({"alg": "EdDSA", "typ": "JWT", "jwk": key.public_jwk()})
    );
    assert_eq!(read["thumbprint"], key.key_id());

    let claims = &read["claims"];
    assert_eq!(claims["iss"], "https://skills.example.gov.uk/issuers/afon");
    assert_eq!(
        claims["jti"],
        "https://skills.example.gov.uk/credentials/4f1c2a9e-6a53-4b8e-9d0e-2b7f7f5c1a10"
    );
    assert_eq!(
        claims["sub"],
        "urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44"
    );
    assert_eq!(claims["nbf"], 1_740_819_600, "2025-03-01T09:00:00Z");
    assert_eq!(claims["exp"], 4_076_038_800_i64, "2099-03-01T09:00:00Z");
    assert_eq!(claims["validFrom"], "2025-03-01T09:00:00Z");
    assert_eq!(claims["validUntil"], "2099-03-01T09:00:00Z");
    assert_eq!(
        claims["@context"],
        json!([VC_CONTEXT, OB_CONTEXT, {"@language": "en"}])
    );
    assert_eq!(
        claims["type"],
        json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert_eq!(
        claims["credentialSubject"]["achievement"]["name"],
        "12-week learning plan"
    );
    assert_eq!(
        claims["credentialSubject"]["identifier"][0]["identityHash"],
        "Carys Morgan"
    );

    let mut credential = claims.as_object().unwrap().clone();
    for claim in ["iss", "jti", "sub", "nbf", "exp"] {
        credential.remove(claim);
    }
    assert_eq!(Value::Object(credential), badge.to_json());
}

/// The check above means something only if jwcrypto does refuse what it should.
#[test]
fn jwcrypto_refuses_a_tampered_token_and_another_key() {
    let key = key();
    let token = sign(&badge(), &key);

    let (rest, signature) = token.rsplit_once('.').unwrap();
    let (header, payload) = rest.split_once('.').unwrap();
    let mut altered = payload.as_bytes().to_vec();
    altered[40] = if altered[40] == b'A' { b'B' } else { b'A' };
    let tampered = format!(
        "{header}.{}.{signature}",
        String::from_utf8(altered).unwrap()
    );
    let refusal = read_with_jwcrypto(&tampered, &key.public_jwk()).unwrap_err();
    assert!(refusal.contains("Verification failed"), "{refusal}");

    let other = SigningKey::from_seed([9; 32]);
    let refusal = read_with_jwcrypto(&token, &other.public_jwk()).unwrap_err();
    assert!(refusal.contains("Verification failed"), "{refusal}");
}
