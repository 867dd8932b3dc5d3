//! Attachments with their data (Communication 1.5.2 "Requirements for Attachment Statement
//! Batches", Data 2.4.11) and signed statements (Data 2.6): which requests the LRS accepts,
//! and the data it keeps, matched to the attachment headers by SHA-2 alone (1.5.2.s1.b4).
//!
//! - [`check_json`]: an `application/json` request MUST give a `fileUrl` for every attachment
//!   (1.5.2.s2.b1), since it cannot carry the data.
//! - [`statements_part`]: a `multipart/mixed` request's first part holds the statements, as
//!   `application/json` (1.5.2.s2.b2.b1, b6).
//! - [`check_parts`]: every later part has an `X-Experience-API-Hash` (b3) and
//!   `Content-Transfer-Encoding: binary` (b4) header, and data with that SHA-2; every attachment
//!   without a `fileUrl` has a part with its `sha2` (1.5.2.s3.b5); every part is some
//!   attachment's (a part no statement names is refused: the batch's parts "form a logical
//!   part of the Statement", b2); where a part's header and its attachment's property
//!   correspond (`Content-Type`/`contentType` by media type, `Content-Length`/`length`), they
//!   match (b7), and a part's `Content-Length` is the length of its data; and each signature
//!   attachment is well formed ([`crate::signature`]).

use serde_json::Value;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use crate::error::Invalid;
use crate::model::{Attachment, Statement, StatementObject};
use crate::multipart::{Part, essence};
use crate::signature::{self, SIGNATURE_CONTENT_TYPE, SIGNATURE_USAGE};

/// An attachment's data as received, to store: its `sha2` (lowercase hex) and Content-Type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentData {
    pub sha2: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// The SHA-2 of `data` in lowercase hex, with the digest length of `like` (a `sha2` value:
/// 56, 64, 96 or 128 hex digits for SHA-224, -256, -384, -512); `None` for any other length.
pub fn sha2_hex(data: &[u8], like: &str) -> Option<String> {
    let digest = match like.len() {
        56 => Sha224::digest(data).to_vec(),
        64 => Sha256::digest(data).to_vec(),
        96 => Sha384::digest(data).to_vec(),
        128 => Sha512::digest(data).to_vec(),
        _ => return None,
    };
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// Every attachment header of `statement` with its path: the statement's own and its
/// SubStatement's (Data 2.4.11 recommends the statement's, but a SubStatement's are valid).
fn headers_of<'s>(statement: &'s Statement, at: &str) -> Vec<(String, &'s Attachment, bool)> {
    let mut out: Vec<(String, &Attachment, bool)> = statement
        .attachments()
        .iter()
        .enumerate()
        .map(|(i, a)| (format!("{at}attachments[{i}]"), a, true))
        .collect();
    if let StatementObject::SubStatement(sub) = statement.object() {
        out.extend(
            sub.attachments
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("{at}object.attachments[{i}]"), a, false)),
        );
    }
    out
}

/// Where statement `i` of the request is in error paths: `[i].` for a batch sent as an
/// array, nothing for a single statement.
fn prefix(batch: bool, i: usize) -> String {
    if batch {
        format!("[{i}].")
    } else {
        String::new()
    }
}

/// Data 2.6.s4.b1: a signature attachment is `application/octet-stream`.
fn signature_type(attachment: &Attachment, path: &str) -> Result<(), Invalid> {
    if attachment.usage_type.as_str() == SIGNATURE_USAGE
        && essence(&attachment.content_type) != SIGNATURE_CONTENT_TYPE
    {
        return Err(Invalid::new(
            format!("{path}.contentType"),
            "a signature attachment must be application/octet-stream (Data 2.6.s4.b1)",
        ));
    }
    Ok(())
}

/// Communication 1.5.2.s2.b1: statements sent as `application/json` give a `fileUrl` for
/// every attachment, since the request cannot carry attachment data.
pub fn check_json(statements: &[Statement], batch: bool) -> Result<(), Invalid> {
    for (i, statement) in statements.iter().enumerate() {
        for (path, attachment, _) in headers_of(statement, &prefix(batch, i)) {
            signature_type(attachment, &path)?;
            if attachment.file_url.is_none() {
                return Err(Invalid::new(
                    format!("{path}.fileUrl"),
                    "is required when statements are sent as application/json; send the \
                     attachment's data in multipart/mixed instead (Communication 1.5.2.s2.b1)",
                ));
            }
        }
    }
    Ok(())
}

/// The statements of a `multipart/mixed` request: its first part, which MUST be
/// `application/json` (Communication 1.5.2.s2.b2.b1 and b6).
pub fn statements_part<'p>(parts: &'p [Part<'_>]) -> Result<&'p [u8], Invalid> {
    let first = parts
        .first()
        .ok_or_else(|| Invalid::new("", "the body holds no part (Communication 1.5.2)"))?;
    match first.header("content-type").map(essence) {
        Some(t) if t == "application/json" => Ok(first.data),
        _ => Err(Invalid::new(
            "",
            "the first part must hold the statements, with Content-Type application/json \
             (Communication 1.5.2.s2.b2.b1)",
        )),
    }
}

/// Checks the attachment parts of a `multipart/mixed` request (all but the first) against
/// `statements`, as the module documentation says, and gives the data to store, once per
/// SHA-2. `batch`: whether the statements came as an array (for error paths).
pub fn check_parts(
    statements: &[Statement],
    batch: bool,
    parts: &[Part<'_>],
) -> Result<Vec<AttachmentData>, Invalid> {
    // The parts, by the hash their header gives and their data has.
    let mut received: Vec<(String, &Part<'_>)> = Vec::new();
    for (k, part) in parts.iter().enumerate().skip(1) {
        let at = format!("part {}", k + 1);
        let hash = part
            .header("x-experience-api-hash")
            .map(str::to_ascii_lowercase)
            .ok_or_else(|| {
                Invalid::new(
                    &at,
                    "needs one X-Experience-API-Hash header (Communication 1.5.2.s2.b2.b3)",
                )
            })?;
        match part.header("content-transfer-encoding") {
            Some(encoding) if encoding.eq_ignore_ascii_case("binary") => {}
            _ => {
                return Err(Invalid::new(
                    &at,
                    "needs the header Content-Transfer-Encoding: binary (Communication \
                     1.5.2.s2.b2.b4)",
                ));
            }
        }
        if !crate::syntax::is_sha2_hex(&hash) {
            return Err(Invalid::new(
                &at,
                "X-Experience-API-Hash must be a SHA-2 hash in hexadecimal (Data 2.4.11)",
            ));
        }
        if sha2_hex(part.data, &hash).as_deref() != Some(hash.as_str()) {
            return Err(Invalid::new(
                &at,
                "its data does not have the SHA-2 hash its X-Experience-API-Hash header gives \
                 (Communication 1.5.2.s1.b4)",
            ));
        }
        if let Some(length) = part.header("content-length")
            && length.parse::<usize>().ok() != Some(part.data.len())
        {
            return Err(Invalid::new(
                &at,
                "its Content-Length header is not the length of its data (Communication \
                 1.5.2.s2.b2.b7)",
            ));
        }
        received.push((hash, part));
    }
    let mut used = vec![false; received.len()];
    for (i, statement) in statements.iter().enumerate() {
        for (path, attachment, own) in headers_of(statement, &prefix(batch, i)) {
            signature_type(attachment, &path)?;
            let sha2 = attachment.sha2.to_ascii_lowercase();
            let Some(found) = received.iter().position(|(hash, _)| *hash == sha2) else {
                if attachment.file_url.is_none() {
                    return Err(Invalid::new(
                        format!("{path}.sha2"),
                        "no part of the request has this hash, and the attachment has no \
                         fileUrl (Communication 1.5.2.s3.b5)",
                    ));
                }
                continue;
            };
            // Every part with this hash is the same data: mark them all.
            for (k, (hash, _)) in received.iter().enumerate() {
                if *hash == sha2 {
                    used[k] = true;
                }
            }
            let part = received[found].1;
            if let Some(content_type) = part.header("content-type")
                && essence(content_type) != essence(&attachment.content_type)
            {
                return Err(Invalid::new(
                    format!("{path}.contentType"),
                    format!(
                        "is not the Content-Type of the part with its hash, {content_type} \
                         (Communication 1.5.2.s2.b2.b7)"
                    ),
                ));
            }
            // `length` corresponds to the part's Content-Length header, when it has one (b7);
            // without one it is not checked against the data, since the specification's own
            // signed example (Data Appendix D) declares 4235 octets for a 4239-octet JWS.
            if part.header("content-length").is_some()
                && u64::try_from(part.data.len()).ok() != Some(attachment.length)
            {
                return Err(Invalid::new(
                    format!("{path}.length"),
                    format!(
                        "is not the Content-Length of the part with its hash, {} octets \
                         (Communication 1.5.2.s2.b2.b7)",
                        part.data.len()
                    ),
                ));
            }
            if own && attachment.usage_type.as_str() == SIGNATURE_USAGE {
                signature::check(part.data, statement.json())
                    .map_err(|message| Invalid::new(path.clone(), message))?;
            }
        }
    }
    if let Some(k) = used.iter().position(|u| !u) {
        let (hash, _) = &received[k];
        return Err(Invalid::new(
            "",
            format!(
                "a part has the hash {hash}, which no attachment of the statements has: each \
                 part after the first must be an attachment's data (Communication 1.5.2.s2.b2.b2)"
            ),
        ));
    }
    let mut data: Vec<AttachmentData> = Vec::new();
    for (hash, part) in received {
        if data.iter().any(|d| d.sha2 == hash) {
            continue;
        }
        let content_type = part
            .header("content-type")
            .map(str::to_owned)
            .or_else(|| {
                statements
                    .iter()
                    .flat_map(|s| headers_of(s, ""))
                    .find(|(_, a, _)| a.sha2.eq_ignore_ascii_case(&hash))
                    .map(|(_, a, _)| a.content_type.clone())
            })
            .unwrap_or_else(|| "application/octet-stream".to_owned());
        data.push(AttachmentData {
            sha2: hash,
            content_type,
            data: part.data.to_vec(),
        });
    }
    Ok(data)
}

/// The `sha2` values (lowercase) of the attachments of stored statements `statements`, each
/// once, in order: what a GET with `attachments=true` sends the data of (Communication
/// 2.1.3.s2.b6).
pub fn hashes_of(statements: &[&Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |attachments: Option<&Value>| {
        for attachment in attachments.and_then(Value::as_array).into_iter().flatten() {
            if let Some(sha2) = attachment.get("sha2").and_then(Value::as_str) {
                let sha2 = sha2.to_ascii_lowercase();
                if !out.contains(&sha2) {
                    out.push(sha2);
                }
            }
        }
    };
    for statement in statements {
        add(statement.get("attachments"));
        if let Some(object) = statement.get("object")
            && object.get("objectType").and_then(Value::as_str) == Some("SubStatement")
        {
            add(object.get("attachments"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha2_follows_the_length_of_the_hash_given() {
        let data = b"here is a simple attachment";
        let expected = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";
        assert_eq!(sha2_hex(data, expected).as_deref(), Some(expected));
        assert_eq!(sha2_hex(data, &"0".repeat(128)).map(|h| h.len()), Some(128));
        assert_eq!(sha2_hex(data, &"0".repeat(96)).map(|h| h.len()), Some(96));
        assert_eq!(sha2_hex(data, &"0".repeat(56)).map(|h| h.len()), Some(56));
        assert_eq!(sha2_hex(data, "abc"), None);
    }
}
