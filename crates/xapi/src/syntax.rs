//! The special data types of Data 4.0 (IRIs, language tags, UUIDs, timestamps, durations) and
//! the string formats of Agents (mailto IRIs, SHA-1 sums), each parsed into a value that can
//! only hold a well-formed string.
//!
//! Data 2.2.s4.b6/b7 allow "best-effort" validation of IRIs and language map keys; what is
//! checked here is written on each function.

use std::fmt;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
use uuid::Uuid;

/// An IRI (Data 4.3, RFC 3987): a scheme, a colon and something after it, with no character
/// that IRIs forbid. Relative references are not IRIs (About 4.0 "IRI").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Iri(String);

impl Iri {
    /// The IRI in `text`, or `None` when it is not one (best effort, Data 2.2.s4.b6): a scheme
    /// (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`), a colon, a non-empty rest; no spaces,
    /// control characters or `<>"{}|\^` and backquote; every `%` followed by two hex digits;
    /// at most one `#`.
    pub fn parse(text: &str) -> Option<Iri> {
        is_iri(text).then(|| Iri(text.to_owned()))
    }

    /// An IRL (About 4.0 "IRL": an IRI that is a URL), as `homePage`, `moreInfo` and `fileUrl`
    /// need: an IRI whose scheme is followed by `//` and an authority.
    pub fn parse_irl(text: &str) -> Option<Iri> {
        is_irl(text).then(|| Iri(text.to_owned()))
    }

    /// The IRI as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Iri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) fn is_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok || rest.is_empty() {
        return false;
    }
    let forbidden = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
    };
    if text.chars().any(forbidden) || text.matches('#').count() > 1 {
        return false;
    }
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, b)| {
        *b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

pub(crate) fn is_irl(text: &str) -> bool {
    is_iri(text)
        && text
            .split_once(':')
            .is_some_and(|(_, rest)| rest.starts_with("//") && rest.len() > 2)
}

/// A URI (RFC 3986) as `openid` needs: an IRI written in ASCII only.
pub(crate) fn is_uri(text: &str) -> bool {
    text.is_ascii() && is_iri(text)
}

/// An RFC 5646 language tag, the key of a language map (Data 4.2) and the value of
/// `context.language`. Data 2.2.s4.b2: the LRS MUST at least check that the sequence of
/// subtag lengths matches RFC 5646, which is what this does (the registry is not consulted).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The tag in `text`, as written, or `None` when its subtags do not follow RFC 5646 §2.1.
    pub fn parse(text: &str) -> Option<LanguageTag> {
        is_language_tag(text).then(|| LanguageTag(text.to_owned()))
    }

    /// The tag as received (tags compare case-insensitively, RFC 5646 §2.1.1).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// RFC 5646 §2.2.8 irregular and regular grandfathered tags.
const GRANDFATHERED: [&str; 26] = [
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

pub(crate) fn is_language_tag(text: &str) -> bool {
    if GRANDFATHERED.iter().any(|g| g.eq_ignore_ascii_case(text)) {
        return true;
    }
    let subtags: Vec<&str> = text.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || s.len() > 8 || !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let private_use = |rest: &[&str]| !rest.is_empty();
    if subtags[0].eq_ignore_ascii_case("x") {
        return private_use(&subtags[1..]);
    }
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA; extlang = 3ALPHA *2("-" 3ALPHA)
    let language = subtags[0];
    if !alpha(language) || language.len() < 2 {
        return false;
    }
    let mut i = 1;
    if language.len() <= 3 {
        let mut extlangs = 0;
        while extlangs < 3 && subtags.get(i).is_some_and(|s| s.len() == 3 && alpha(s)) {
            i += 1;
            extlangs += 1;
        }
    }
    // ["-" script]
    if subtags.get(i).is_some_and(|s| s.len() == 4 && alpha(s)) {
        i += 1;
    }
    // ["-" region] = 2ALPHA / 3DIGIT
    if subtags
        .get(i)
        .is_some_and(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digits(s)))
    {
        i += 1;
    }
    // *("-" variant) = 5*8alphanum / (DIGIT 3alphanum)
    while subtags
        .get(i)
        .is_some_and(|s| s.len() >= 5 || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()))
    {
        i += 1;
    }
    // *("-" extension) = singleton 1*("-" (2*8alphanum))
    while subtags
        .get(i)
        .is_some_and(|s| s.len() == 1 && !s.eq_ignore_ascii_case("x"))
    {
        i += 1;
        let start = i;
        while subtags.get(i).is_some_and(|s| s.len() >= 2) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    // ["-" privateuse]
    if subtags.get(i).is_some_and(|s| s.eq_ignore_ascii_case("x")) {
        return private_use(&subtags[i + 1..]);
    }
    i == subtags.len()
}

/// A UUID in the standard string form (Data 4.4: 8-4-4-4-12 hex digits, either case). Any
/// version and variant is accepted; the braced, URN and hyphenless forms are not.
pub(crate) fn parse_uuid(text: &str) -> Option<Uuid> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    if shape_ok {
        Uuid::parse_str(text).ok()
    } else {
        None
    }
}

/// A mailto IRI as `mbox` needs (Data 2.4.2.3: "mailto:email address"): the lowercase scheme,
/// one address with a non-empty local part and domain, and no query or second address.
pub(crate) fn is_mailto(text: &str) -> bool {
    let Some(address) = text.strip_prefix("mailto:") else {
        return false;
    };
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    is_iri(text)
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.contains(['?', ','])
}

/// 40 hex digits, as `mbox_sha1sum` needs (Data 2.4.2.3).
pub(crate) fn is_sha1_hex(text: &str) -> bool {
    text.len() == 40 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A SHA-2 digest in hex, as an attachment's `sha2` needs (Data 2.4.11): the length of a
/// SHA-224, SHA-256, SHA-384 or SHA-512 digest (Communication 1.5.2.s4.b4 recommends the last
/// three).
pub(crate) fn is_sha2_hex(text: &str) -> bool {
    matches!(text.len(), 56 | 64 | 96 | 128) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// An Internet Media Type (RFC 2046), best effort: `type/subtype` in token characters,
/// optionally followed by `;` parameters.
pub(crate) fn is_media_type(text: &str) -> bool {
    let essence = text.split(';').next().unwrap_or_default().trim();
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| token(kind) && token(subtype))
}

/// An ISO 8601 combined date and time (Data 4.5), as `timestamp`, `stored` and the `since` and
/// `until` parameters hold: the text as received and the point in time it names.
///
/// Accepted: the extended (`2013-05-18T05:32:34.804+00:00`) and basic (`20130518T053234Z`)
/// formats, seconds optional, any number of fraction digits after `.` or `,`, and a zone of
/// `Z`, `±hh:mm`, `±hhmm` or `±hh`. Rejected: dates without a time, and the offsets `-00:00`,
/// `-0000` and `-00`, which ISO 8601 does not allow (RFC 3339 uses them for "unknown").
///
/// Data 4.5.s1.b4 only says a timestamp SHOULD* include its time zone, so one without is
/// accepted, and taken to be UTC when a point in time is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    at: OffsetDateTime,
    has_zone: bool,
    fraction_digits: usize,
}

impl Timestamp {
    /// The timestamp in `text`, or `None` when it is not an ISO 8601 date and time.
    pub fn parse(text: &str) -> Option<Timestamp> {
        parse_timestamp(text)
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The point in time (UTC when the text has no zone).
    pub fn at(&self) -> OffsetDateTime {
        self.at
    }

    /// Whether the text names its time zone.
    pub fn has_zone(&self) -> bool {
        self.has_zone
    }

    /// The same point in time written in UTC with the precision received (Data 4.5.s1.b6:
    /// the LRS SHOULD* return timestamps in UTC); the text unchanged when it has no zone.
    pub fn to_utc_string(&self) -> String {
        if self.has_zone {
            format_utc(self.at, self.fraction_digits).unwrap_or_else(|| self.text.clone())
        } else {
            self.text.clone()
        }
    }
}

/// `at` in UTC as `YYYY-MM-DDThh:mm:ss[.f]Z` with `digits` fraction digits (at most 9), or
/// `None` when the year falls outside 0000–9999.
pub(crate) fn format_utc(at: OffsetDateTime, digits: usize) -> Option<String> {
    let at = at.to_offset(UtcOffset::UTC);
    if !(0..=9999).contains(&at.year()) {
        return None;
    }
    let fraction = if digits == 0 {
        String::new()
    } else {
        let nanos = format!("{:09}", at.nanosecond());
        format!(".{}", &nanos[..digits.min(9)])
    };
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    ))
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, wanted: &[u8]) -> bool {
        let found = self.peek().is_some_and(|b| wanted.contains(&b));
        if found {
            self.at += 1;
        }
        found
    }

    fn digits(&mut self, count: usize) -> Option<u32> {
        let slice = self.bytes.get(self.at..self.at + count)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += count;
        Some(slice.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    }

    fn next_is_digit(&self) -> bool {
        self.peek().is_some_and(|b| b.is_ascii_digit())
    }
}

fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let mut c = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let year = c.digits(4)?;
    let extended = c.eat(b"-");
    let month = c.digits(2)?;
    if extended && !c.eat(b"-") {
        return None;
    }
    let day = c.digits(2)?;
    if !c.eat(b"Tt") {
        return None;
    }
    let hour = c.digits(2)?;
    if extended && !c.eat(b":") {
        return None;
    }
    let minute = c.digits(2)?;
    let mut second = 0;
    let mut nanos = 0;
    let mut fraction_digits = 0;
    let has_seconds = if extended {
        c.eat(b":")
    } else {
        c.next_is_digit()
    };
    if has_seconds {
        second = c.digits(2)?;
        if c.eat(b".,") {
            let start = c.at;
            while c.next_is_digit() {
                c.at += 1;
            }
            fraction_digits = c.at - start;
            if fraction_digits == 0 {
                return None;
            }
            let kept = &c.bytes[start..start + fraction_digits.min(9)];
            let value = kept.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            nanos = value * 10u32.pow(9 - kept.len() as u32);
        }
    }
    let (offset, has_zone) = match c.peek() {
        None => (UtcOffset::UTC, false),
        Some(b'Z' | b'z') => {
            c.at += 1;
            (UtcOffset::UTC, true)
        }
        Some(sign @ (b'+' | b'-')) => {
            c.at += 1;
            let hours = c.digits(2)?;
            let minutes = if c.eat(b":") || c.next_is_digit() {
                c.digits(2)?
            } else {
                0
            };
            if hours > 23 || minutes > 59 || (sign == b'-' && hours == 0 && minutes == 0) {
                return None;
            }
            let sign = if sign == b'-' { -1 } else { 1 };
            let offset = UtcOffset::from_hms(sign * hours as i8, sign * minutes as i8, 0).ok()?;
            (offset, true)
        }
        Some(_) => return None,
    };
    if c.at != c.bytes.len() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // A leap second is kept as the last instant of the second before it.
    let (second, nanos) = if second == 60 {
        (59, 999_999_999)
    } else {
        (second, nanos)
    };
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = Date::from_calendar_date(year as i32, month, u8::try_from(day).ok()?).ok()?;
    let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()?;
    Some(Timestamp {
        text: text.to_owned(),
        at: PrimitiveDateTime::new(date, time).assume_offset(offset),
        has_zone,
        fraction_digits: fraction_digits.min(9),
    })
}

/// An ISO 8601 duration (Data 4.6: ISO 8601:2004 §4.4.3.2, `PnYnMnDTnHnMnS` or `PnW`; the
/// alternative format of §4.4.3.3 MUST NOT be used). Only the last component may carry a
/// decimal fraction. It is kept as a string: Data 2.3.1.b8 compares durations as strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration(String);

impl Duration {
    /// The duration in `text`, or `None` when it is not in the §4.4.3.2 format.
    pub fn parse(text: &str) -> Option<Duration> {
        is_duration(text).then(|| Duration(text.to_owned()))
    }

    /// The duration as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else {
        return false;
    };
    // Reads `number designator` components in the order given; Some(count) when the whole of
    // `part` is read and a fraction, if any, is on the last component.
    fn components(part: &str, designators: &[u8]) -> Option<usize> {
        let bytes = part.as_bytes();
        let (mut i, mut next, mut count, mut fraction_seen) = (0, 0, 0, false);
        while i < bytes.len() {
            if fraction_seen {
                return None;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return None;
            }
            if i < bytes.len() && (bytes[i] == b'.' || bytes[i] == b',') {
                i += 1;
                let fraction_start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i == fraction_start {
                    return None;
                }
                fraction_seen = true;
            }
            let designator = *bytes.get(i)?;
            let position = designators[next..].iter().position(|d| *d == designator)?;
            next += position + 1;
            count += 1;
            i += 1;
        }
        Some(count)
    }
    if components(rest, b"W") == Some(1) {
        return true;
    }
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let Some(date_count) = components(date, b"YMD") else {
        return false;
    };
    match time {
        None => date_count > 0,
        // A fraction on the date part must be the last component of the whole duration.
        Some(time) => !date.contains(['.', ',']) && components(time, b"HMS").is_some_and(|n| n > 0),
    }
}
