//! The credential itself: an `OpenBadgeCredential` (Open Badges 3.0, appendix B.1.2) as the
//! Verifiable Credentials Data Model 2.0 shapes it, built from a [`Badge`].
//!
//! The JSON is written through the private `*Json` structs at the bottom, so the format is
//! visible in one place; every value in it has been parsed into a type that cannot hold a bad
//! one ([`Uri`], [`Validity`], [`Language`]).

use serde::Serialize;
use serde_json::Value;
use std::fmt;
use time::{OffsetDateTime, UtcOffset};

/// The base context every verifiable credential starts with (VCDM 2.0 §4.3 "Contexts").
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The Open Badges 3.0 context, second in `@context` (OB 3.0 B.1.2, A.2). 3.0.3 is the current
/// one: the Final specification (document 1.4.1, November 2025) still names it; that revision
/// added the term `jti` to it.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// Why a badge's parts were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadgeError {
    /// OB 3.0 types every identifier here as a URI (B.1.1, B.1.2, B.1.3, B.1.14).
    #[error("{0:?} is not a URI: it needs a scheme such as https: or urn: and no spaces")]
    NotAUri(String),
    /// VCDM 2.0 §4.9: `validFrom` MUST be the same as or earlier than `validUntil`.
    #[error("the credential would stop being valid before it starts")]
    EndsBeforeItStarts,
    /// A date-time with a four-digit year is what XML Schema's `dateTimeStamp` and RFC 3339 share.
    #[error("the year {0} cannot be written as a credential date")]
    YearOutOfRange(i32),
}

/// An absolute URI, such as `https://…` or `urn:uuid:…`: what the credential's, issuer's,
/// achievement's and subject's `id` must be, and what `iss`, `jti` and `sub` carry.
///
/// Checked for a scheme (RFC 3986 §3.1), something after it, and no whitespace or control
/// characters: enough to catch a name or a relative path passed by mistake, not a full parser.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Uri(String);

impl Uri {
    /// Reads a URI, refusing text without a scheme or with spaces in it.
    pub fn parse(text: &str) -> Result<Uri, BadgeError> {
        let refuse = || BadgeError::NotAUri(text.to_owned());
        let (scheme, rest) = text.split_once(':').ok_or_else(refuse)?;
        let mut scheme_chars = scheme.chars();
        let scheme_ok = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let rest_ok =
            !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control());
        if scheme_ok && rest_ok {
            Ok(Uri(text.to_owned()))
        } else {
            Err(refuse())
        }
    }

    /// The URI as it was given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The language every string of a badge is written in: skillgym issues in English or Welsh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Welsh,
}

impl Language {
    /// The BCP 47 tag, as VCDM 2.0 §11.1 asks for a language and OB 3.0's `inLanguage` holds it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }
}

/// The kind of achievement, from OB 3.0's AchievementType enumeration: the values that fit what
/// skillgym recognises. `LearningProgram` is the one for a finished 12-week plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AchievementType {
    Achievement,
    Badge,
    CertificateOfCompletion,
    Competency,
    Course,
    LearningProgram,
    MicroCredential,
}

impl AchievementType {
    fn as_str(self) -> &'static str {
        match self {
            AchievementType::Achievement => "Achievement",
            AchievementType::Badge => "Badge",
            AchievementType::CertificateOfCompletion => "CertificateOfCompletion",
            AchievementType::Competency => "Competency",
            AchievementType::Course => "Course",
            AchievementType::LearningProgram => "LearningProgram",
            AchievementType::MicroCredential => "MicroCredential",
        }
    }
}

/// When a credential is valid: from `validFrom`, and until `validUntil` if it ever stops.
///
/// Kept in UTC and to the whole second, because the VC-JWT repeats both as `nbf` and `exp`,
/// which are whole seconds (RFC 7519 §2 NumericDate), and OB 3.0 §8.2.6.1 requires them to
/// *equal* the credential's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    from: OffsetDateTime,
    until: Option<OffsetDateTime>,
}

impl Validity {
    /// A validity period starting at `from` and, if `until` is given, ending then; fractions of a
    /// second are dropped.
    pub fn new(
        from: OffsetDateTime,
        until: Option<OffsetDateTime>,
    ) -> Result<Validity, BadgeError> {
        let from = whole_utc_second(from)?;
        let until = until.map(whole_utc_second).transpose()?;
        if until.is_some_and(|until| until < from) {
            return Err(BadgeError::EndsBeforeItStarts);
        }
        Ok(Validity { from, until })
    }

    /// When the credential starts to be valid: `validFrom`, and the JWT's `nbf`.
    pub fn valid_from(&self) -> OffsetDateTime {
        self.from
    }

    /// When it stops, if it ever does: `validUntil`, and the JWT's `exp`.
    pub fn valid_until(&self) -> Option<OffsetDateTime> {
        self.until
    }
}

fn whole_utc_second(at: OffsetDateTime) -> Result<OffsetDateTime, BadgeError> {
    let at = at.to_offset(UtcOffset::UTC);
    if !(0..=9999).contains(&at.year()) {
        return Err(BadgeError::YearOutOfRange(at.year()));
    }
    Ok(at.replace_nanosecond(0).unwrap_or(at))
}

/// A date-time as `validFrom` and `validUntil` hold it: OB 3.0's DateTimeZ, VCDM 2.0's
/// `dateTimeStamp`, RFC 3339 in UTC with `Z`, e.g. `2025-03-01T09:00:00Z`. [`Validity`] has
/// already made it UTC, whole seconds and a four-digit year.
pub(crate) fn date_time(at: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The organisation that awards the badge: OB 3.0's Profile (B.1.14), as the credential's
/// `issuer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// Where the issuer's profile lives; it becomes the JWT's `iss` (OB 3.0 §8.2.4.1).
    pub id: Uri,
    pub name: String,
    /// The organisation's own website, if it has one.
    pub url: Option<Uri>,
}

/// What was achieved: OB 3.0's Achievement (B.1.1). The same for everyone who earns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achievement {
    pub id: Uri,
    /// Also the credential's `name`, which wallets list credentials by (B.1.2).
    pub name: String,
    pub description: String,
    /// What a person has to do to earn it (OB 3.0 Criteria `narrative`, B.1.6; Markdown allowed).
    pub criteria: String,
    pub achievement_type: Option<AchievementType>,
}

/// Who earned it: OB 3.0's AchievementSubject (B.1.3).
///
/// The credential is public to anyone with its URL, and anyone its holder shares it with can
/// pass it on (OB 3.0 Implementation Guide, "Including additional recipient profile
/// information"), so it says as little about the person as will do: an `id` that means nothing
/// outside skillgym (a random `urn:uuid:` per credential, never an email address or employee
/// number), and their name only when they have chosen to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Becomes the JWT's `sub` (OB 3.0 §8.2.4.1).
    pub id: Uri,
    /// Written in clear as an IdentityObject of type `name` (B.1.12), `hashed: false`, so a
    /// reader can see whose badge it is. `None` keeps the person anonymous.
    pub name: Option<String>,
}

/// Everything a credential says: one person's achievement, awarded by one issuer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// The credential's own `id`, e.g. the URL it can be downloaded from; becomes the JWT's `jti`.
    pub id: Uri,
    pub issuer: Issuer,
    pub achievement: Achievement,
    pub subject: Subject,
    pub validity: Validity,
    /// The language of every string above: the issuer's and achievement's names, the
    /// description and the criteria.
    pub language: Language,
}

impl Badge {
    /// The `OpenBadgeCredential`, unsigned, as JSON (OB 3.0 B.1.2 in the JSON of appendix A.1).
    ///
    /// The strings' language is given once, as a default `@language` in a third `@context`
    /// entry (VCDM 2.0 §11.2), and as the achievement's `inLanguage` (B.1.1), rather than as a
    /// `{"@value", "@language"}` object on each string (§11.1): OB 3.0's JSON Schema types
    /// `name`, `description` and `narrative` as plain strings.
    pub fn to_json(&self) -> Value {
        crate::json_value(&self.credential())
    }

    /// The credential in the shape both [`Badge::to_json`] and the signed payload write.
    pub(crate) fn credential(&self) -> CredentialJson<'_> {
        CredentialJson {
            context: (
                VC_CONTEXT,
                OB_CONTEXT,
                LanguageContext {
                    language: self.language.tag(),
                },
            ),
            id: &self.id,
            types: ["VerifiableCredential", "OpenBadgeCredential"],
            name: &self.achievement.name,
            issuer: ProfileJson {
                id: &self.issuer.id,
                types: ["Profile"],
                name: &self.issuer.name,
                url: self.issuer.url.as_ref(),
            },
            valid_from: date_time(self.validity.from),
            valid_until: self.validity.until.map(date_time),
            credential_subject: SubjectJson {
                id: &self.subject.id,
                types: ["AchievementSubject"],
                identifier: self.subject.name.as_deref().map(|name| {
                    [IdentityJson {
                        types: "IdentityObject",
                        identity_type: "name",
                        hashed: false,
                        identity_hash: name,
                    }]
                }),
                achievement: AchievementJson {
                    id: &self.achievement.id,
                    types: ["Achievement"],
                    achievement_type: self.achievement.achievement_type.map(|t| t.as_str()),
                    name: &self.achievement.name,
                    description: &self.achievement.description,
                    criteria: CriteriaJson {
                        narrative: &self.achievement.criteria,
                    },
                    in_language: self.language.tag(),
                },
            },
        }
    }
}

// The wire format. OB 3.0 A.1: sets are arrays even with one item, and absent values are left
// out rather than written as null.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CredentialJson<'a> {
    #[serde(rename = "@context")]
    context: (&'static str, &'static str, LanguageContext),
    id: &'a Uri,
    #[serde(rename = "type")]
    types: [&'static str; 2],
    name: &'a str,
    issuer: ProfileJson<'a>,
    valid_from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
    credential_subject: SubjectJson<'a>,
}

#[derive(Serialize)]
struct LanguageContext {
    #[serde(rename = "@language")]
    language: &'static str,
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    id: &'a Uri,
    #[serde(rename = "type")]
    types: [&'static str; 1],
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a Uri>,
}

#[derive(Serialize)]
struct SubjectJson<'a> {
    id: &'a Uri,
    #[serde(rename = "type")]
    types: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<[IdentityJson<'a>; 1]>,
    achievement: AchievementJson<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IdentityJson<'a> {
    #[serde(rename = "type")]
    types: &'static str,
    identity_type: &'static str,
    hashed: bool,
    identity_hash: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AchievementJson<'a> {
    id: &'a Uri,
    #[serde(rename = "type")]
    types: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    achievement_type: Option<&'static str>,
    name: &'a str,
    description: &'a str,
    criteria: CriteriaJson<'a>,
    in_language: &'static str,
}

#[derive(Serialize)]
struct CriteriaJson<'a> {
    narrative: &'a str,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::datetime;

    fn uri(text: &str) -> Uri {
        Uri::parse(text).unwrap()
    }

    /// A badge as skillgym would issue it, in Welsh, with fixed dates.
    pub(crate) fn badge() -> Badge {
        Badge {
            id: uri(
                "https://skills.example.gov.uk/credentials/4f1c2a9e-6a53-4b8e-9d0e-2b7f7f5c1a10",
            ),
            issuer: Issuer {
                id: uri("https://skills.example.gov.uk/issuers/afon"),
                name: "Llyfrgelloedd Cwm Afon".into(),
                url: Some(uri("https://afon.example")),
            },
            achievement: Achievement {
                id: uri("https://skills.example.gov.uk/achievements/12-week-plan"),
                name: "Cynllun dysgu 12 wythnos".into(),
                description: "Wedi gorffen cynllun dysgu sgiliau digidol 12 wythnos.".into(),
                criteria: "Gorffen pob gweithgaredd yn y cynllun o fewn 12 wythnos.".into(),
                achievement_type: Some(AchievementType::LearningProgram),
            },
            subject: Subject {
                id: uri("urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44"),
                name: None,
            },
            validity: Validity::new(datetime!(2025-03-01 09:00:00 UTC), None).unwrap(),
            language: Language::Welsh,
        }
    }

    #[test]
    fn every_required_property_is_there_with_its_type() {
        let c = badge().to_json();
        // B.1.2 AchievementCredential.
        assert_eq!(
            c["@context"],
            json!([VC_CONTEXT, OB_CONTEXT, {"@language": "cy"}])
        );
        assert_eq!(
            c["id"],
            "https://skills.example.gov.uk/credentials/4f1c2a9e-6a53-4b8e-9d0e-2b7f7f5c1a10"
        );
        assert_eq!(
            c["type"],
            json!(["VerifiableCredential", "OpenBadgeCredential"])
        );
        assert_eq!(c["name"], "Cynllun dysgu 12 wythnos");
        assert_eq!(c["validFrom"], "2025-03-01T09:00:00Z");
        // B.1.14 Profile, as the issuer.
        assert_eq!(
            c["issuer"],
            json!({
                "id": "https://skills.example.gov.uk/issuers/afon",
                "type": ["Profile"],
                "name": "Llyfrgelloedd Cwm Afon",
                "url": "https://afon.example",
            })
        );
        // B.1.3 AchievementSubject, B.1.1 Achievement, B.1.6 Criteria.
        assert_eq!(
            c["credentialSubject"],
            json!({
                "id": "urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44",
                "type": ["AchievementSubject"],
                "achievement": {
                    "id": "https://skills.example.gov.uk/achievements/12-week-plan",
                    "type": ["Achievement"],
                    "achievementType": "LearningProgram",
                    "name": "Cynllun dysgu 12 wythnos",
                    "description": "Wedi gorffen cynllun dysgu sgiliau digidol 12 wythnos.",
                    "criteria": {
                        "narrative": "Gorffen pob gweithgaredd yn y cynllun o fewn 12 wythnos."
                    },
                    "inLanguage": "cy",
                },
            })
        );
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "@context",
                "credentialSubject",
                "id",
                "issuer",
                "name",
                "type",
                "validFrom"
            ]
        );
    }

    #[test]
    fn optional_properties_appear_only_when_given() {
        let mut b = badge();
        b.issuer.url = None;
        b.achievement.achievement_type = None;
        let c = b.to_json();
        assert!(c["issuer"].get("url").is_none());
        assert!(
            c["credentialSubject"]["achievement"]
                .get("achievementType")
                .is_none()
        );
        assert!(c.get("validUntil").is_none());
        assert!(c["credentialSubject"].get("identifier").is_none());
        assert_no_nulls_or_empty_arrays(&c);

        b.validity = Validity::new(
            datetime!(2025-03-01 09:00:00 UTC),
            Some(datetime!(2028-03-01 09:00:00 UTC)),
        )
        .unwrap();
        b.subject.name = Some("Carys Morgan".into());
        let c = b.to_json();
        assert_eq!(c["validUntil"], "2028-03-01T09:00:00Z");
        assert_eq!(
            c["credentialSubject"]["identifier"],
            json!([{
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": false,
                "identityHash": "Carys Morgan",
            }])
        );
        assert_no_nulls_or_empty_arrays(&c);
    }

    /// OB 3.0 A.1: null values and empty arrays are left out.
    fn assert_no_nulls_or_empty_arrays(value: &Value) {
        match value {
            Value::Null => panic!("a null in the credential"),
            Value::Array(items) => {
                assert!(!items.is_empty(), "an empty array in the credential");
                items.iter().for_each(assert_no_nulls_or_empty_arrays);
            }
            Value::Object(map) => map.values().for_each(assert_no_nulls_or_empty_arrays),
            _ => {}
        }
    }

    #[test]
    fn english_badges_say_so() {
        let mut b = badge();
        b.language = Language::English;
        let c = b.to_json();
        assert_eq!(c["@context"][2], json!({"@language": "en"}));
        assert_eq!(c["credentialSubject"]["achievement"]["inLanguage"], "en");
    }

    #[test]
    fn dates_are_utc_whole_seconds_with_z() {
        let v = Validity::new(
            datetime!(2025-03-31 10:15:30.75 +01:00),
            Some(datetime!(2026-01-01 00:00:00.999 -05:00)),
        )
        .unwrap();
        assert_eq!(v.valid_from(), datetime!(2025-03-31 09:15:30 UTC));
        assert_eq!(date_time(v.valid_from()), "2025-03-31T09:15:30Z");
        assert_eq!(
            v.valid_until().map(date_time).as_deref(),
            Some("2026-01-01T05:00:00Z")
        );
    }

    #[test]
    fn a_validity_cannot_end_before_it_starts() {
        let from = datetime!(2025-03-01 09:00:00 UTC);
        assert_eq!(
            Validity::new(from, Some(from - time::Duration::seconds(1))),
            Err(BadgeError::EndsBeforeItStarts)
        );
        assert!(Validity::new(from, Some(from)).is_ok());
        assert_eq!(
            Validity::new(datetime!(-0001-01-01 00:00:00 UTC), None),
            Err(BadgeError::YearOutOfRange(-1))
        );
    }

    #[test]
    fn uris_need_a_scheme_and_no_spaces() {
        for good in [
            "https://skills.example.gov.uk/credentials/1",
            "urn:uuid:0b6f3d52-8a0e-4d8b-9a8e-5f3c1d2e7a44",
            "did:web:skills.example.gov.uk",
            "mailto:someone@example.org",
        ] {
            assert_eq!(Uri::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            "Carys Morgan",
            "/credentials/1",
            "https:",
            ":nothing",
            "1http://example.org",
            "https://example.org/a b",
            "https://example.org/\n",
            "ht tp://example.org",
        ] {
            assert_eq!(
                Uri::parse(bad),
                Err(BadgeError::NotAUri(bad.into())),
                "{bad:?}"
            );
        }
    }
}
