//! Signed statements (Data 2.6): a statement carrying a JSON Web Signature (RFC 7515) of
//! itself as an attachment with usageType [`SIGNATURE_USAGE`] and contentType
//! `application/octet-stream` (2.6.s4.b1).
//!
//! The LRS MUST reject a statement whose signature is malformed (2.6.s5.b1), and to tell, MUST
//! (2.6.s5.b3): decode the JWS and read the signed statement from its payload (b1); check that
//! it is the statement received, by the comparison rules of Data 2.3.1 (b2: [`same_statement`],
//! which ignores `attachments`, so the signature attachment itself does not count); when the
//! JWS header holds an X.509 certificate (`x5c`), verify the signature with that certificate's
//! key as JWS defines (b3); and check the signature requirements of 2.6.s4 (b4): the algorithm
//! is RS256, RS384 or RS512 (2.6.s4.b4).
//!
//! What [`check`] reads: the JWS Compact Serialization only (2.6.s4.b2: SHOULD*; the JSON
//! Serialization "will be forbidden"), so anything else is malformed. The signature is verified
//! with the public key of the first certificate of `x5c` (RFC 7515 section 4.1.6: the one
//! holding the signing key); the chain is not checked against any authority, since the
//! specification says this check catches mistakes and is not a security measure (2.6.s5 note).
//! RSA keys of 2048 to 8192 bits are taken, and of 1024 bits for RS256 and RS512 (the
//! specification's own example, Data Appendix D, signs with a 1024-bit key); `ring` does the
//! RSASSA-PKCS1-v1_5 verification (RFC 7518 section 3.3).

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use serde_json::Value;

use crate::compare::same_statement;

/// The usageType of a signature attachment (Data 2.6.s4.b1).
pub const SIGNATURE_USAGE: &str = "http://adlnet.gov/expapi/attachments/signature";
/// The contentType a signature attachment MUST have (Data 2.6.s4.b1).
pub const SIGNATURE_CONTENT_TYPE: &str = "application/octet-stream";

/// Checks the JWS `jws` (an attachment's data) against `statement` (as received), as Data
/// 2.6.s5.b3 says; `Err` says what is wrong, for the `400 Bad Request`.
pub fn check(jws: &[u8], statement: &Value) -> Result<(), String> {
    let text = std::str::from_utf8(jws)
        .map_err(|_| "the signature is not a JWS: it is not text".to_owned())?
        .trim_ascii();
    let pieces: Vec<&str> = text.split('.').collect();
    let [header_b64, payload_b64, signature_b64] = pieces[..] else {
        return Err(
            "the signature is not a JWS in compact serialization (three parts joined by dots, \
             Data 2.6.s4.b2)"
                .into(),
        );
    };
    let header: Value = decode_json(header_b64, "header")?;
    let Value::Object(header) = header else {
        return Err("the JWS header is not a JSON object".into());
    };
    let alg = header
        .get("alg")
        .and_then(Value::as_str)
        .ok_or("the JWS header has no alg")?;
    let algorithm = algorithm(alg).ok_or_else(|| {
        format!("the JWS algorithm {alg} is not allowed: RS256, RS384 or RS512 (Data 2.6.s4.b4)")
    })?;
    let payload = decode_json(payload_b64, "payload")?;
    if !payload.is_object() {
        return Err("the JWS payload is not a statement (Data 2.6.s4.b3)".into());
    }
    if !same_statement(&payload, statement) {
        return Err(
            "the signed statement (the JWS payload) is not the statement sent (Data 2.6.s5.b3.b2)"
                .into(),
        );
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature_b64.trim_end_matches('='))
        .map_err(|_| "the JWS signature is not base64url".to_owned())?;
    let Some(chain) = header.get("x5c") else {
        return Ok(());
    };
    let first = chain
        .as_array()
        .and_then(|certificates| certificates.first())
        .and_then(Value::as_str)
        .ok_or("the JWS header's x5c is not an array of certificates")?;
    let certificate = STANDARD
        .decode(first)
        .map_err(|_| "the first certificate of x5c is not base64".to_owned())?;
    let key = rsa_public_key(&certificate)
        .ok_or("the first certificate of x5c is not an X.509 certificate with an RSA key")?;
    let signed = format!("{header_b64}.{payload_b64}");
    let verified = algorithm.iter().any(|algorithm| {
        UnparsedPublicKey::new(*algorithm, key)
            .verify(signed.as_bytes(), &signature)
            .is_ok()
    });
    if verified {
        Ok(())
    } else {
        Err(
            "the JWS signature does not verify with the first certificate of x5c \
             (Data 2.6.s5.b3.b3)"
                .into(),
        )
    }
}

/// RSASSA-PKCS1-v1_5 with the JWS algorithm's hash, for each key size taken.
fn algorithm(alg: &str) -> Option<&'static [&'static dyn VerificationAlgorithm]> {
    static RS256: [&dyn VerificationAlgorithm; 2] = [
        &signature::RSA_PKCS1_2048_8192_SHA256,
        &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    ];
    static RS384: [&dyn VerificationAlgorithm; 1] = [&signature::RSA_PKCS1_2048_8192_SHA384];
    static RS512: [&dyn VerificationAlgorithm; 2] = [
        &signature::RSA_PKCS1_2048_8192_SHA512,
        &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    ];
    match alg {
        "RS256" => Some(&RS256),
        "RS384" => Some(&RS384),
        "RS512" => Some(&RS512),
        _ => None,
    }
}

fn decode_json(part: &str, what: &str) -> Result<Value, String> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|_| format!("the JWS {what} is not base64url"))?;
    serde_json::from_slice(&bytes).map_err(|_| format!("the JWS {what} is not JSON"))
}

/// The RSAPublicKey (RFC 8017 appendix A.1.1, DER) of an X.509 certificate (RFC 5280 section
/// 4.1): `tbsCertificate.subjectPublicKeyInfo`, when its algorithm is rsaEncryption.
fn rsa_public_key(certificate: &[u8]) -> Option<&[u8]> {
    const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    let (0x30, certificate, _) = tlv(certificate)? else {
        return None;
    };
    let (0x30, mut tbs, _) = tlv(certificate)? else {
        return None;
    };
    // [0] version (absent in version 1), serialNumber, signature, issuer, validity, subject.
    if tbs.first() == Some(&0xa0) {
        tbs = tlv(tbs)?.2;
    }
    for _ in 0..5 {
        tbs = tlv(tbs)?.2;
    }
    let (0x30, spki, _) = tlv(tbs)? else {
        return None;
    };
    let (0x30, algorithm, rest) = tlv(spki)? else {
        return None;
    };
    let (0x06, oid, _) = tlv(algorithm)? else {
        return None;
    };
    if oid != RSA_ENCRYPTION {
        return None;
    }
    let (0x03, bits, _) = tlv(rest)? else {
        return None;
    };
    // A BIT STRING's first octet counts the unused bits of the last: none for a key.
    match bits.split_first()? {
        (0, key) => Some(key),
        _ => None,
    }
}

/// One DER element (X.690 section 8.1): its tag (single octet), its contents, what follows.
fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, mut rest) = rest.split_first()?;
    let length = if first < 0x80 {
        usize::from(first)
    } else {
        let octets = usize::from(first & 0x7f);
        if octets == 0 || octets > 4 || rest.len() < octets {
            return None;
        }
        let (digits, after) = rest.split_at(octets);
        rest = after;
        digits
            .iter()
            .fold(0usize, |n, digit| (n << 8) | usize::from(*digit))
    };
    if rest.len() < length {
        return None;
    }
    let (contents, after) = rest.split_at(length);
    Some((tag, contents, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_elements_are_read_with_short_and_long_lengths() {
        assert_eq!(
            tlv(&[0x02, 0x01, 0x05, 0xff]),
            Some((0x02, &[5u8][..], &[0xffu8][..]))
        );
        let long = [&[0x04u8, 0x81, 0x80][..], &[7u8; 128]].concat();
        assert_eq!(tlv(&long).map(|(_, c, _)| c.len()), Some(128));
        assert_eq!(tlv(&[0x04, 0x05, 1, 2]), None);
        assert_eq!(tlv(&[0x04, 0x80]), None);
        assert_eq!(tlv(&[0x1f, 0x01, 0x00]), None);
        assert_eq!(rsa_public_key(&[0x30, 0x00]), None);
    }

    #[test]
    fn malformed_signatures_say_what_is_wrong() {
        let statement = serde_json::json!({"actor": {"mbox": "mailto:a@example.org"}});
        let b64 = |v: &str| URL_SAFE_NO_PAD.encode(v);
        let jws = |header: &str, payload: &str| format!("{}.{}.c2ln", b64(header), b64(payload));
        let payload = statement.to_string();
        for (jws, says) in [
            ("not a jws".to_owned(), "compact serialization"),
            ("a.b.c.d".to_owned(), "compact serialization"),
            (jws("[]", &payload), "not a JSON object"),
            (jws(r#"{"alg":"HS256"}"#, &payload), "HS256 is not allowed"),
            (jws(r#"{"alg":"none"}"#, &payload), "none is not allowed"),
            (jws(r#"{}"#, &payload), "no alg"),
            (
                format!("{}.!!.c2ln", b64(r#"{"alg":"RS256"}"#)),
                "payload is not base64url",
            ),
            (jws(r#"{"alg":"RS256"}"#, "[1]"), "not a statement"),
            (
                jws(r#"{"alg":"RS256"}"#, r#"{"actor":{}}"#),
                "not the statement sent",
            ),
            (
                jws(r#"{"alg":"RS256","x5c":"x"}"#, &payload),
                "not an array",
            ),
            (
                jws(r#"{"alg":"RS256","x5c":["%%"]}"#, &payload),
                "not base64",
            ),
            (
                jws(r#"{"alg":"RS256","x5c":["MAA="]}"#, &payload),
                "not an X.509",
            ),
        ] {
            let err = check(jws.as_bytes(), &statement).unwrap_err();
            assert!(err.contains(says), "{jws}: {err}");
        }
        // Data Appendix D: the specification's example verifies with its certificate (a
        // 1024-bit key), and not once one character of the signature is changed.
        let example = include_str!("../tests/spec/appendix_d.jws");
        let original: Value =
            serde_json::from_str(include_str!("../tests/spec/appendix_d.json")).unwrap();
        assert_eq!(check(example.as_bytes(), &original), Ok(()));
        let changed = format!("{}A", &example[..example.len() - 1]);
        let err = check(changed.as_bytes(), &original).unwrap_err();
        assert!(err.contains("does not verify"), "{err}");
        // Without x5c there is nothing to verify the signature with.
        assert_eq!(
            check(jws(r#"{"alg":"RS512"}"#, &payload).as_bytes(), &statement),
            Ok(())
        );
    }
}
