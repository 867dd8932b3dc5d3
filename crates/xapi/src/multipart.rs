//! Reading and writing the `multipart/mixed` transmission format of statements with their
//! attachments' data (Communication 1.5.2, on RFC 2046 section 5.1): a first part of
//! `application/json` holding the statement(s), then one part per attachment, each with
//! `Content-Type`, `Content-Transfer-Encoding: binary` and `X-Experience-API-Hash` headers.
//!
//! [`read`] splits a body into its parts and checks the framing only; which part belongs to
//! which attachment is [`crate::attachments`]' business.

use crate::error::Invalid;

/// One part of a multipart body: its header fields (names in lowercase, values trimmed, in
/// order) and its data (the octets between the blank line and the next delimiter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    pub headers: Vec<(String, String)>,
    pub data: &'a [u8],
}

impl Part<'_> {
    /// The value of the header field `name` (lowercase), when there is exactly one.
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut found = self.headers.iter().filter(|(n, _)| n == name);
        match (found.next(), found.next()) {
            (Some((_, value)), None) => Some(value),
            _ => None,
        }
    }
}

/// The media type of a `Content-Type` value, lowercased, without parameters (`text/plain;
/// charset=ascii` is `text/plain`).
pub fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The value of the parameter `name` of a `Content-Type` value (RFC 2045 section 5.1: a token
/// or a quoted string; names without regard to case).
pub fn parameter(content_type: &str, name: &str) -> Option<String> {
    let mut rest = content_type.split_once(';')?.1;
    loop {
        let (key, after) = rest.split_once('=')?;
        let key = key.trim();
        let after = after.trim_start();
        let (value, tail) = if let Some(quoted) = after.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next().map(|(_, c)| c)),
                    '"' => {
                        end = Some(i + 1);
                        break;
                    }
                    c => value.push(c),
                }
            }
            let tail = &quoted[end?..];
            (value, tail.split_once(';').map_or("", |(_, t)| t))
        } else {
            let (value, tail) = after.split_once(';').unwrap_or((after, ""));
            (value.trim().to_owned(), tail)
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if tail.is_empty() {
            return None;
        }
        rest = tail;
    }
}

/// The parts of `body`, sent with the `Content-Type` value `content_type` (which must be
/// `multipart/mixed` with a `boundary`). A preamble before the first delimiter and an epilogue
/// after the last are ignored, as RFC 2046 says; a body that never closes (no `--boundary--`),
/// or a part without the blank line ending its header, is refused.
pub fn read<'a>(content_type: &str, body: &'a [u8]) -> Result<Vec<Part<'a>>, Invalid> {
    let bad = |message: &str| Invalid::new("", format!("{message} (Communication 1.5.2)"));
    if essence(content_type) != "multipart/mixed" {
        return Err(bad("the body is not multipart/mixed"));
    }
    let boundary = parameter(content_type, "boundary")
        .filter(|b| (1..=70).contains(&b.len()))
        .ok_or_else(|| bad("multipart/mixed needs a boundary of 1 to 70 characters"))?;
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let next_delimiter = [b"\r\n".as_slice(), delimiter].concat();
    // The first delimiter starts the body or a line.
    let mut at = if body.starts_with(delimiter) {
        0
    } else {
        find(body, &next_delimiter)
            .map(|i| i + 2)
            .ok_or_else(|| bad("the body holds no part"))?
    };
    let mut parts = Vec::new();
    loop {
        at += delimiter.len();
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            break;
        }
        // Transport padding, then the line break ending the delimiter line.
        let blank = rest
            .iter()
            .take_while(|b| **b == b' ' || **b == b'\t')
            .count();
        if !rest[blank..].starts_with(b"\r\n") {
            return Err(bad("a boundary line is not followed by a line break"));
        }
        at += blank + 2;
        let end = find(&body[at..], &next_delimiter)
            .map(|i| at + i)
            .ok_or_else(|| bad("the body does not end with the closing boundary"))?;
        parts.push(part(&body[at..end]).map_err(|m| bad(&m))?);
        at = end + 2;
    }
    if parts.is_empty() {
        return Err(bad("the body holds no part"));
    }
    Ok(parts)
}

/// One part: header lines up to a blank line, then the data.
fn part(text: &[u8]) -> Result<Part<'_>, String> {
    let (head, data) = if text.starts_with(b"\r\n") {
        (&[][..], &text[2..])
    } else {
        let end = find(text, b"\r\n\r\n").ok_or("a part's header has no blank line after it")?;
        (&text[..end], &text[end + 4..])
    };
    let head = std::str::from_utf8(head).map_err(|_| "a part's header is not text")?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n").filter(|line| !line.is_empty()) {
        if line.starts_with([' ', '\t']) {
            // A folded line continues the one before (RFC 5322 section 2.2.3).
            let (_, value) = headers
                .last_mut()
                .ok_or("a part's header starts with a continuation line")?;
            let more = line.trim();
            if !value.is_empty() && !more.is_empty() {
                value.push(' ');
            }
            value.push_str(more);
            continue;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("a part's header line has no colon: {line:.60}"))?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(format!(
                "a part's header line has no field name: {line:.60}"
            ));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    Ok(Part { headers, data })
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while from + needle.len() <= haystack.len() {
        let i = from + haystack[from..].iter().position(|b| *b == first)?;
        if haystack.get(i..i + needle.len()) == Some(needle) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Whether `needle` occurs in `haystack` (for choosing a boundary that no part holds).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// A part to write: its header fields (name, value) and its data.
pub type PartOut<'a> = (Vec<(&'a str, String)>, &'a [u8]);

/// A `multipart/mixed` body of `parts` (each its header fields and data) with `boundary`,
/// as RFC 2046 frames it. The boundary must occur in no part: see [`contains`].
pub fn write(boundary: &str, parts: &[PartOut<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (headers, data) in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        for (name, value) in headers {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_tokens_or_quoted_strings() {
        let value = r#"multipart/mixed; boundary="abcABC0123'()+_,-./:=?""#;
        assert_eq!(
            parameter(value, "boundary").as_deref(),
            Some("abcABC0123'()+_,-./:=?")
        );
        assert_eq!(
            parameter("multipart/mixed;charset=x; Boundary=b1", "boundary").as_deref(),
            Some("b1")
        );
        assert_eq!(parameter("multipart/mixed", "boundary"), None);
        assert_eq!(essence("Text/Plain; charset=ascii"), "text/plain");
    }

    #[test]
    fn what_is_written_is_read_back() {
        let body = write(
            "b-1",
            &[
                (vec![("Content-Type", "application/json".into())], b"{}"),
                (
                    vec![("X-Experience-API-Hash", "ab".into())],
                    b"\r\n--b-\r\n",
                ),
            ],
        );
        let parts = read("multipart/mixed; boundary=b-1", &body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].header("content-type"), Some("application/json"));
        assert_eq!(parts[0].data, b"{}");
        assert_eq!(parts[1].data, b"\r\n--b-\r\n");
    }

    #[test]
    fn broken_framing_is_refused() {
        let ct = "multipart/mixed; boundary=b";
        for body in [
            &b""[..],
            b"--b\r\nContent-Type: a/b\r\n\r\nno end",
            b"--b\r\nno blank line\r\n--b--",
            b"--b\r\nContent-Type a/b\r\n\r\nx\r\n--b--",
            b"--b--",
            b"--bx\r\n\r\nx\r\n--b--",
        ] {
            assert!(read(ct, body).is_err(), "{}", String::from_utf8_lossy(body));
        }
        assert!(read("application/json", b"--b\r\n\r\n\r\n--b--").is_err());
        assert!(read("multipart/mixed", b"--b\r\n\r\n\r\n--b--").is_err());
        // A folded header line continues the value before it (found by fuzzing: an empty
        // value continued must not start with a space).
        let parts = read(
            ct,
            b"--b\r\nA:\r\n  one\r\nB: x\r\n\ty\r\n \r\n\r\n\r\n--b--",
        )
        .unwrap();
        assert_eq!(parts[0].header("a"), Some("one"));
        assert_eq!(parts[0].header("b"), Some("x y"));
        // A preamble and a part with no header at all are fine.
        let parts = read(ct, b"preamble\r\n--b\r\n\r\ndata\r\n--b--\r\nepilogue").unwrap();
        assert_eq!(parts[0].data, b"data");
        assert!(parts[0].headers.is_empty());
    }
}
