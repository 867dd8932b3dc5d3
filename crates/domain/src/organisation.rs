//! The organisation (a library service or council), its sites and its teams.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

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
