//! The organisation (a library service or council), its sites and its teams.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The short name in an organisation's addresses and in the command line's `--organisation`:
/// lower-case letters, digits and single hyphens, such as `afon-libraries`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrganisationSlug(String);

impl OrganisationSlug {
    pub const MAX_LEN: usize = 40;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("invalid-organisation-slug-missing"));
        }
        let fits = s.len() <= Self::MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if fits {
            Ok(Self(s.to_string()))
        } else {
            Err(Invalid("invalid-organisation-slug"))
        }
    }

    /// A slug made from a name: "Gwasanaeth Llyfrgelloedd Môn" gives
    /// `gwasanaeth-llyfrgelloedd-mon`. Letters with accents lose them; anything else that is not
    /// a letter or digit separates words. A name with no letter or digit gives `organisation`.
    pub fn from_name(name: &str) -> Self {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            let c = without_accent(c);
            if c.is_ascii_alphanumeric() {
                if slug.len() == Self::MAX_LEN {
                    break;
                }
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') && slug.len() < Self::MAX_LEN - 1 {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        if slug.is_empty() {
            Self("organisation".into())
        } else {
            Self(slug.to_string())
        }
    }

    /// The same slug with `-n` on the end, shortened to fit: for a second organisation whose
    /// name gives a slug already taken.
    pub fn numbered(&self, n: u32) -> Self {
        let suffix = format!("-{n}");
        let keep = self.0.len().min(Self::MAX_LEN - suffix.len());
        Self(format!("{}{suffix}", self.0[..keep].trim_end_matches('-')))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrganisationSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The letter without its accent, for the Welsh and other European letters a library service's
/// name may hold (`ŵ`, `â`, `é`…).
fn without_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ŷ' | 'ỳ' | 'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// What kind of place a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    /// A branch library run by the service.
    Branch,
    /// A community library, often run with or by volunteers.
    Community,
    /// A mobile library: a vehicle, with a base.
    Mobile,
    /// Headquarters or offices with no public library.
    Headquarters,
}

impl SiteKind {
    pub const ALL: [SiteKind; 4] = [
        SiteKind::Branch,
        SiteKind::Community,
        SiteKind::Mobile,
        SiteKind::Headquarters,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SiteKind::Branch => "branch",
            SiteKind::Community => "community",
            SiteKind::Mobile => "mobile",
            SiteKind::Headquarters => "headquarters",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        SiteKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim().to_lowercase())
            .ok_or(Invalid("invalid-site-kind"))
    }
}

/// The short code an HR system or staff file uses for a site, such as `CEN` or `MOB1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SiteCode(String);

impl SiteCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim().to_uppercase();
        if s.is_empty() {
            Err(Invalid("invalid-site-code-missing"))
        } else if s.len() > 16 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            Err(Invalid("invalid-site-code"))
        } else {
            Ok(Self(s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SiteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A site's name as people know it ("Central Library").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiteName(String);

impl SiteName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            Err(Invalid("invalid-site-name-missing"))
        } else if s.chars().count() > 120 || s.chars().any(char::is_control) {
            Err(Invalid("invalid-site-name"))
        } else {
            Ok(Self(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A team's name, unique within the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TeamName(String);

impl TeamName {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            Err(Invalid("invalid-team-name-missing"))
        } else if s.chars().count() > 120 || s.chars().any(char::is_control) {
            Err(Invalid("invalid-team-name"))
        } else {
            Ok(Self(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TeamName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a site is: a UK postcode, coordinates, or both. Champions are found by place with it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Location {
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl Location {
    /// Parses an optional postcode and optional "latitude, longitude" pair as typed in a form.
    pub fn parse(postcode: &str, latitude: &str, longitude: &str) -> Result<Self, Invalid> {
        let postcode = match postcode.trim() {
            "" => None,
            p => Some(normalise_postcode(p).ok_or(Invalid("invalid-postcode"))?),
        };
        let coord = |raw: &str, limit: f64| -> Result<Option<f64>, Invalid> {
            match raw.trim() {
                "" => Ok(None),
                s => match s.parse::<f64>() {
                    Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
                    _ => Err(Invalid("invalid-coordinates")),
                },
            }
        };
        let latitude = coord(latitude, 90.0)?;
        let longitude = coord(longitude, 180.0)?;
        if latitude.is_some() != longitude.is_some() {
            return Err(Invalid("invalid-coordinates-pair"));
        }
        Ok(Self {
            postcode,
            latitude,
            longitude,
        })
    }
}

/// Upper-cases a UK postcode and puts the single space before the inward code ("cf10 1aa" →
/// "CF10 1AA"); `None` when it cannot be a UK postcode.
pub fn normalise_postcode(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let outward_ok =
        outward.as_bytes()[0].is_ascii_alphabetic() && outward.chars().any(|c| c.is_ascii_digit());
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_made_from_names() {
        let slug = |n: &str| OrganisationSlug::from_name(n).as_str().to_string();
        assert_eq!(slug("Afon Library Service"), "afon-library-service");
        assert_eq!(
            slug("Gwasanaeth Llyfrgelloedd Môn"),
            "gwasanaeth-llyfrgelloedd-mon"
        );
        assert_eq!(slug("  Ŵyl & Co. (Libraries) "), "wyl-co-libraries");
        assert_eq!(slug("!!!"), "organisation");
        let long = slug(&"word ".repeat(30));
        assert!(
            long.len() <= OrganisationSlug::MAX_LEN && !long.ends_with('-'),
            "{long}"
        );
        for name in ["Afon Library Service", "Môn", "a b", &"x".repeat(80), "— —"] {
            let made = OrganisationSlug::from_name(name);
            assert_eq!(
                OrganisationSlug::parse(made.as_str()),
                Ok(made.clone()),
                "{name}"
            );
            let numbered = made.numbered(12);
            assert_eq!(
                OrganisationSlug::parse(numbered.as_str()),
                Ok(numbered),
                "{name}"
            );
        }
    }

    #[test]
    fn a_slug_is_lower_case_letters_digits_and_single_hyphens() {
        assert!(OrganisationSlug::parse("afon").is_ok());
        assert!(OrganisationSlug::parse("cardiff-2").is_ok());
        for bad in [
            "Afon",
            "a b",
            "-afon",
            "afon-",
            "a--b",
            "café",
            &"a".repeat(41),
        ] {
            assert_eq!(
                OrganisationSlug::parse(bad),
                Err(Invalid("invalid-organisation-slug")),
                "{bad}"
            );
        }
        assert_eq!(
            OrganisationSlug::parse(" "),
            Err(Invalid("invalid-organisation-slug-missing"))
        );
    }

    #[test]
    fn postcodes_are_normalised() {
        assert_eq!(normalise_postcode("cf10 1aa").as_deref(), Some("CF10 1AA"));
        assert_eq!(normalise_postcode("SA11AA").as_deref(), Some("SA1 1AA"));
        assert_eq!(normalise_postcode("LL57  2DG").as_deref(), Some("LL57 2DG"));
        assert_eq!(normalise_postcode("12345"), None);
        assert_eq!(normalise_postcode("CF10"), None);
    }

    #[test]
    fn coordinates_come_in_pairs_within_range() {
        assert!(Location::parse("", "51.48", "-3.18").is_ok());
        assert_eq!(
            Location::parse("", "51.48", ""),
            Err(Invalid("invalid-coordinates-pair"))
        );
        assert_eq!(
            Location::parse("", "91", "0"),
            Err(Invalid("invalid-coordinates"))
        );
    }

    #[test]
    fn site_codes_are_upper_case() {
        assert_eq!(SiteCode::parse(" cen ").unwrap().as_str(), "CEN");
        assert!(SiteCode::parse("C E N").is_err());
    }
}
