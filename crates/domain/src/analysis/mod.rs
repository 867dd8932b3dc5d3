//! What an audit shows about groups of people: response rates, how each competence was rated,
//! the weakest and strongest spots, and a map of places × areas, with no figure for a group too
//! small to keep its people anonymous.

pub mod anonymity;
pub mod calibration;
pub mod campaign;
pub mod change;
pub mod columns;
pub mod compare;
pub mod overview;
pub mod profile;
pub mod rate;
pub mod snapshot;
pub mod stats;
pub mod words;

pub use anonymity::{AnonymityThreshold, Disclosure, GroupingDisclosure, GroupingKey, Suppressed};
pub use campaign::{CampaignFigures, GroupRate, HeatRow, Person, TeamFigures};
pub use columns::CampaignColumns;
pub use overview::{CompetenceStats, Distribution, Overview};
pub use rate::{ResponseRate, ShownRate};
