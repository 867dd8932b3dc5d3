//! Skills audits: frameworks of areas, competences and levels; campaigns that ask people to
//! rate themselves, answer profile questions and take a knowledge round; and what one person's
//! answers show.

pub mod campaign;
pub mod case;
pub mod editing;
pub mod framework;
pub mod framework_csv;
pub mod localised;
pub mod national;
pub mod option_order;
pub mod picture;
pub mod questionnaire;
pub mod results;
pub mod section_form;
pub mod simulate;
pub mod survey;

pub use campaign::{
    Audience, CampaignContent, ProfileQuestion, QuestionKind, QuizItem, QuizOption,
};
pub use framework::{Area, Competence, Framework};
pub use localised::Localised;
pub use option_order::OptionOrder;
pub use questionnaire::{Questionnaire, Section};
pub use results::{Calibration, PersonResults};

use crate::Invalid;
use serde::{Deserialize, Serialize};

/// A self-rating of one competence: a level from 1 ("not strong") to 5 ("very strong"), or
/// "not sure / doesn't apply to my role".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    Level(u8),
    NotSure,
}

impl Rating {
    pub const NOT_SURE: &'static str = "not-sure";

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid("audit-rating-missing")),
            Self::NOT_SURE => Ok(Rating::NotSure),
            s => match s.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Rating::Level(n)),
                _ => Err(Invalid("audit-rating-invalid")),
            },
        }
    }

    /// The level, or `None` for "not sure".
    pub fn level(self) -> Option<u8> {
        match self {
            Rating::Level(n) => Some(n),
            Rating::NotSure => None,
        }
    }

    /// The form value: "1" to "5" or "not-sure".
    pub fn value(self) -> String {
        match self {
            Rating::Level(n) => n.to_string(),
            Rating::NotSure => Self::NOT_SURE.into(),
        }
    }

    /// The stored form: 1 to 5, or 0 for "not sure".
    pub fn to_stored(self) -> i64 {
        self.level().map_or(0, i64::from)
    }

    pub fn from_stored(v: i64) -> Result<Self, Invalid> {
        match v {
            0 => Ok(Rating::NotSure),
            1..=5 => Ok(Rating::Level(v as u8)),
            _ => Err(Invalid("audit-rating-invalid")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_one_to_five_or_not_sure() {
        assert_eq!(Rating::parse("3"), Ok(Rating::Level(3)));
        assert_eq!(Rating::parse("not-sure"), Ok(Rating::NotSure));
        assert!(Rating::parse("0").is_err());
        assert!(Rating::parse("6").is_err());
        assert!(Rating::parse("").is_err());
        for r in [Rating::Level(1), Rating::Level(5), Rating::NotSure] {
            assert_eq!(Rating::from_stored(r.to_stored()), Ok(r));
            assert_eq!(Rating::parse(&r.value()), Ok(r));
        }
    }
}
