//! Digital champions and digital buddies. A supervisor nominates a champion and a trainer
//! approves; the champion says what they help with, where and when. "Find help" ranks them for
//! a competence, a service or a piece of kit by how strong they are in it, then by how near
//! they work. Volunteers may be paired with a digital buddy, whose meetings are recorded.

use crate::text::written;
use crate::{Invalid, KitId, PersonId, ServiceId, SiteId};
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The longest nomination reason, in characters.
pub const MOST_REASON: usize = 1000;
/// The longest "when I can help", in characters.
pub const MOST_AVAILABILITY: usize = 300;
/// The longest message asking for help.
pub const MOST_MESSAGE: usize = 2000;
/// The longest note of help given or of a buddies' meeting.
pub const MOST_NOTE: usize = 1000;
/// The most minutes one piece of help or one meeting may be logged as: a working day.
pub const MOST_MINUTES: u32 = 8 * 60;
/// The most competences or services a champion lists.
pub const MOST_LISTED: usize = 20;

/// Why a supervisor nominates someone.
pub fn parse_reason(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_REASON,
        "champion-reason-missing",
        "champion-reason-too-long",
        "champion-text-invalid",
    )
}

/// When a champion can help: may be left empty.
pub fn parse_availability(raw: &str) -> Result<String, Invalid> {
    if raw.trim().is_empty() {
        return Ok(String::new());
    }
    written(
        raw,
        MOST_AVAILABILITY,
        "champion-availability-missing",
        "champion-availability-too-long",
        "champion-text-invalid",
    )
}

/// What someone asks a champion.
pub fn parse_message(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_MESSAGE,
        "help-message-missing",
        "help-message-too-long",
        "champion-text-invalid",
    )
}

/// What a champion helped with, or what a volunteer and their buddy talked about.
pub fn parse_note(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_NOTE,
        "help-note-missing",
        "help-note-too-long",
        "champion-text-invalid",
    )
}

/// How long some help or a meeting took, in whole minutes: 1 to a working day.
pub fn parse_minutes(raw: &str) -> Result<u32, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Invalid("help-minutes-missing"));
    }
    match raw.parse::<u32>() {
        Ok(m) if (1..=MOST_MINUTES).contains(&m) => Ok(m),
        _ => Err(Invalid("help-minutes-invalid")),
    }
}

/// Where a nomination is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChampionStatus {
    /// A supervisor nominated them; no trainer has approved yet.
    Nominated,
    /// A trainer approved: they hold the champion role and can be found.
    Approved,
}

impl ChampionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ChampionStatus::Nominated => "nominated",
            ChampionStatus::Approved => "approved",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "nominated" => Some(ChampionStatus::Nominated),
            "approved" => Some(ChampionStatus::Approved),
            _ => None,
        }
    }
}

/// A site someone works at or helps at, with its coordinates when the organisation gave them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub site: SiteId,
    /// Latitude and longitude, in degrees.
    pub at: Option<(f64, f64)>,
}

/// The great-circle distance between two points, in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// How near a champion works to where someone is looking for help.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Nearness {
    /// They help at one of the sites searched from.
    SameSite,
    /// The shortest distance between a site searched from and one of theirs, in kilometres.
    Km(f64),
    /// No distance can be worked out: a site without coordinates on either side.
    Unknown,
}

impl Nearness {
    /// From the sites searched from (`near`) to the champion's (`theirs`).
    pub fn between(near: &[Place], theirs: &[Place]) -> Self {
        if near.iter().any(|n| theirs.iter().any(|t| t.site == n.site)) {
            return Nearness::SameSite;
        }
        near.iter()
            .filter_map(|n| n.at)
            .flat_map(|a| {
                theirs
                    .iter()
                    .filter_map(|t| t.at)
                    .map(move |b| distance_km(a, b))
            })
            .min_by(f64::total_cmp)
            .map_or(Nearness::Unknown, Nearness::Km)
    }

    fn order(&self, other: &Self) -> Ordering {
        use Nearness::*;
        match (self, other) {
            (SameSite, SameSite) | (Unknown, Unknown) => Ordering::Equal,
            (SameSite, _) | (Km(_), Unknown) => Ordering::Less,
            (_, SameSite) | (Unknown, Km(_)) => Ordering::Greater,
            (Km(a), Km(b)) => a.total_cmp(b),
        }
    }

    /// The distance rounded to whole kilometres, for showing.
    pub fn whole_km(&self) -> Option<u32> {
        match self {
            Nearness::Km(km) => Some(km.round() as u32),
            _ => None,
        }
    }
}

/// How strong a champion is in what was searched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Rated themselves 5 (expert), or listed it and rated themselves 4: "knows it well".
    Strong,
    /// Listed it, or rated themselves 4: "can help".
    Able,
}

impl Strength {
    /// From whether they listed it (or, for kit, are recorded as trained on it) and their own
    /// rating of it, 1 to 5, when they agreed that it be used. `None`: not someone to offer.
    pub fn of(listed: bool, rated: Option<u8>) -> Option<Self> {
        match (listed, rated.unwrap_or(0)) {
            (_, 5..) | (true, 4) => Some(Strength::Strong),
            (true, _) | (false, 4) => Some(Strength::Able),
            _ => None,
        }
    }
}

/// A champion who might help, before ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<K> {
    pub key: K,
    pub name: String,
    pub listed: bool,
    pub rated: Option<u8>,
    pub places: Vec<Place>,
}

/// A champion found, with why they rank where they do.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<K> {
    pub candidate: Candidate<K>,
    pub strength: Strength,
    pub nearness: Nearness,
}

/// Ranks champions for someone looking for help from the sites `near`: those strong in it
/// first, then those who can help; within each, the nearest first (their own site, then by
/// distance, then those whose distance is unknown); then the higher rating, then by name.
/// Champions neither listing it nor rating themselves 4 or more are left out.
pub fn rank<K: Ord + Clone>(candidates: Vec<Candidate<K>>, near: &[Place]) -> Vec<Found<K>> {
    let mut found: Vec<Found<K>> = candidates
        .into_iter()
        .filter_map(|c| {
            let strength = Strength::of(c.listed, c.rated)?;
            let nearness = Nearness::between(near, &c.places);
            Some(Found {
                candidate: c,
                strength,
                nearness,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        a.strength
            .cmp(&b.strength)
            .then_with(|| a.nearness.order(&b.nearness))
            .then_with(|| b.candidate.rated.cmp(&a.candidate.rated))
            .then_with(|| a.candidate.name.cmp(&b.candidate.name))
            .then_with(|| a.candidate.key.cmp(&b.candidate.key))
    });
    found
}

/// What someone looks for help with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    /// A competence, by its code in the organisation's frameworks.
    Competence(String),
    Service(ServiceId),
    /// A piece of kit of the register: the champions recorded as trained on it.
    Kit(KitId),
}

/// A champion as Find help shows them, beside their ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub person: PersonId,
    pub name: String,
    pub availability: String,
    /// The day they leave or left, if known: they are not offered from that day.
    pub leaves_on: Option<time::Date>,
    /// Where they help, with each site's name.
    pub places: Vec<(Place, String)>,
}

/// What one champion has to do with one topic.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Mention {
    listed: bool,
    /// Their latest rating, 1 to 5, and only when they agreed that it be used.
    rated: Option<u8>,
}

/// Every approved champion of an organisation who holds the role, with what they listed, the
/// kit they are trained on and, where they agreed, their latest ratings: what Find help
/// searches. Built once from the database and kept in memory while nothing in it changes, so
/// that a search looks only at the champions who mention the topic.
#[derive(Debug, Default, Clone)]
pub struct Directory {
    champions: Vec<Listing>,
    index: HashMap<PersonId, usize>,
    /// By topic, the champions (by position in `champions`) who mention it.
    topics: HashMap<HelpTopic, FxHashMap<usize, Mention>>,
}

impl Directory {
    /// Adds a champion; what they mention is added after with [`Directory::listed`] and
    /// [`Directory::rated`].
    pub fn add(&mut self, listing: Listing) {
        self.index.insert(listing.person, self.champions.len());
        self.champions.push(listing);
    }

    /// `person` listed `topic` (or, for kit, is trained on it). Ignored for someone not added.
    pub fn listed(&mut self, person: PersonId, topic: HelpTopic) {
        if let Some(m) = self.mention(person, topic) {
            m.listed = true;
        }
    }

    /// `person`'s latest rating of `topic`, to count only when they agreed. Ratings outside 1 to
    /// 5 ("not sure") are no rating.
    pub fn rated(&mut self, person: PersonId, topic: HelpTopic, value: u8) {
        if (1..=5).contains(&value)
            && let Some(m) = self.mention(person, topic)
        {
            m.rated = Some(value);
        }
    }

    fn mention(&mut self, person: PersonId, topic: HelpTopic) -> Option<&mut Mention> {
        let champion = *self.index.get(&person)?;
        Some(
            self.topics
                .entry(topic)
                .or_default()
                .entry(champion)
                .or_default(),
        )
    }

    /// How many champions it holds.
    pub fn len(&self) -> usize {
        self.champions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.champions.is_empty()
    }

    /// The champions who might help with `topic` on `today`, for [`rank`]: those who listed it
    /// or rated it 4 or more, and who have not left.
    pub fn candidates(&self, topic: &HelpTopic, today: time::Date) -> Vec<Candidate<PersonId>> {
        let Some(mentions) = self.topics.get(topic) else {
            return Vec::new();
        };
        mentions
            .iter()
            .filter(|(_, m)| m.listed || m.rated >= Some(4))
            .map(|(&i, m)| (&self.champions[i], m))
            .filter(|(c, _)| c.leaves_on.is_none_or(|day| day > today))
            .map(|(c, m)| Candidate {
                key: c.person,
                name: c.name.clone(),
                listed: m.listed,
                rated: m.rated,
                places: c.places.iter().map(|(place, _)| *place).collect(),
            })
            .collect()
    }

    /// One champion's listing.
    pub fn listing(&self, person: PersonId) -> Option<&Listing> {
        self.index.get(&person).map(|&i| &self.champions[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Sites of a county service: Aberystwyth, Aberaeron (about 23 km), Cardigan (about 54 km),
    // and a mobile library with no coordinates.
    const ABERYSTWYTH: Place = Place {
        site: SiteId(1),
        at: Some((52.4153, -4.0829)),
    };
    const ABERAERON: Place = Place {
        site: SiteId(2),
        at: Some((52.2427, -4.2590)),
    };
    const CARDIGAN: Place = Place {
        site: SiteId(3),
        at: Some((52.0838, -4.6610)),
    };
    const MOBILE: Place = Place {
        site: SiteId(4),
        at: None,
    };

    fn candidate(
        key: u32,
        name: &str,
        listed: bool,
        rated: Option<u8>,
        places: &[Place],
    ) -> Candidate<u32> {
        Candidate {
            key,
            name: name.into(),
            listed,
            rated,
            places: places.to_vec(),
        }
    }

    fn names(found: &[Found<u32>]) -> Vec<&str> {
        found.iter().map(|f| f.candidate.name.as_str()).collect()
    }

    #[test]
    fn distances_between_real_places() {
        let km = distance_km(ABERYSTWYTH.at.unwrap(), ABERAERON.at.unwrap());
        assert!((km - 22.6).abs() < 0.5, "{km}");
        let km = distance_km(ABERYSTWYTH.at.unwrap(), CARDIGAN.at.unwrap());
        assert!((km - 53.9).abs() < 0.5, "{km}");
        // London to Cardiff, about 210 km as the crow flies.
        let km = distance_km((51.5074, -0.1278), (51.4816, -3.1791));
        assert!((km - 211.0).abs() < 2.0, "{km}");
        assert_eq!(distance_km((52.0, -4.0), (52.0, -4.0)), 0.0);
    }

    #[test]
    fn strength_from_what_they_listed_and_rated() {
        assert_eq!(Strength::of(false, Some(5)), Some(Strength::Strong));
        assert_eq!(Strength::of(true, Some(4)), Some(Strength::Strong));
        assert_eq!(Strength::of(true, None), Some(Strength::Able));
        assert_eq!(Strength::of(true, Some(2)), Some(Strength::Able));
        assert_eq!(Strength::of(false, Some(4)), Some(Strength::Able));
        assert_eq!(Strength::of(false, Some(3)), None);
        assert_eq!(Strength::of(false, None), None);
    }

    #[test]
    fn nearness_same_site_then_distance_then_unknown() {
        assert_eq!(
            Nearness::between(&[ABERYSTWYTH], &[CARDIGAN, ABERYSTWYTH]),
            Nearness::SameSite
        );
        let Nearness::Km(km) = Nearness::between(&[ABERYSTWYTH], &[CARDIGAN, ABERAERON]) else {
            panic!("a distance");
        };
        assert!((km - 22.6).abs() < 0.5);
        assert_eq!(
            Nearness::between(&[ABERYSTWYTH], &[MOBILE]),
            Nearness::Unknown
        );
        assert_eq!(Nearness::between(&[MOBILE], &[CARDIGAN]), Nearness::Unknown);
        assert_eq!(Nearness::between(&[], &[CARDIGAN]), Nearness::Unknown);
        // The mobile library has no coordinates, but is the same site.
        assert_eq!(Nearness::between(&[MOBILE], &[MOBILE]), Nearness::SameSite);
    }

    /// The worked case in docs/champions.md: someone at Aberystwyth looking for help.
    #[test]
    fn ranked_by_strength_then_nearness() {
        let found = rank(
            vec![
                candidate(1, "Alaw (rated 5, Cardigan)", false, Some(5), &[CARDIGAN]),
                candidate(
                    2,
                    "Bryn (listed, rated 4, Aberaeron)",
                    true,
                    Some(4),
                    &[ABERAERON],
                ),
                candidate(3, "Ceri (listed, Aberystwyth)", true, None, &[ABERYSTWYTH]),
                candidate(
                    4,
                    "Dafydd (rated 4, Aberystwyth)",
                    false,
                    Some(4),
                    &[ABERYSTWYTH],
                ),
                candidate(
                    5,
                    "Eirlys (rated 3, Aberystwyth)",
                    false,
                    Some(3),
                    &[ABERYSTWYTH],
                ),
                candidate(6, "Ffion (rated 5, mobile)", false, Some(5), &[MOBILE]),
                candidate(7, "Gareth (listed, Cardigan)", true, None, &[CARDIGAN]),
            ],
            &[ABERYSTWYTH],
        );
        assert_eq!(
            names(&found),
            [
                // Strong: the nearer first, unknown distance last.
                "Bryn (listed, rated 4, Aberaeron)",
                "Alaw (rated 5, Cardigan)",
                "Ffion (rated 5, mobile)",
                // Able: the same site first, the higher rating breaking the tie.
                "Dafydd (rated 4, Aberystwyth)",
                "Ceri (listed, Aberystwyth)",
                "Gareth (listed, Cardigan)",
            ]
        );
        assert_eq!(found[0].nearness.whole_km(), Some(23));
        assert_eq!(found[3].nearness, Nearness::SameSite);
    }

    #[test]
    fn ties_go_by_name_and_nobody_is_lost_or_doubled() {
        let found = rank(
            vec![
                candidate(2, "Same", true, None, &[ABERYSTWYTH]),
                candidate(1, "Same", true, None, &[ABERYSTWYTH]),
                candidate(3, "Another", true, None, &[ABERYSTWYTH]),
            ],
            &[ABERYSTWYTH],
        );
        let keys: Vec<u32> = found.iter().map(|f| f.candidate.key).collect();
        assert_eq!(keys, [3, 1, 2]);
    }

    #[test]
    fn minutes_and_notes() {
        assert_eq!(parse_minutes(" 30 "), Ok(30));
        assert_eq!(parse_minutes("480"), Ok(480));
        assert_eq!(parse_minutes("481"), Err(Invalid("help-minutes-invalid")));
        assert_eq!(parse_minutes("0"), Err(Invalid("help-minutes-invalid")));
        assert_eq!(
            parse_minutes("half an hour"),
            Err(Invalid("help-minutes-invalid"))
        );
        assert_eq!(parse_minutes(""), Err(Invalid("help-minutes-missing")));
        assert_eq!(
            parse_note("  Set up the NHS App  "),
            Ok("Set up the NHS App".into())
        );
        assert_eq!(parse_note(" "), Err(Invalid("help-note-missing")));
        assert_eq!(
            parse_note(&"x".repeat(MOST_NOTE + 1)),
            Err(Invalid("help-note-too-long"))
        );
        assert_eq!(parse_availability("  "), Ok(String::new()));
        assert_eq!(parse_reason("\u{7}"), Err(Invalid("champion-text-invalid")));
    }

    /// What the directory offers for a topic: those who listed it or rated it 4 or more, as
    /// they rated it last; never a leaver from the day they leave; nothing for the unknown.
    #[test]
    fn the_directory_offers_who_listed_or_rated_it() {
        let day = |d| time::Date::from_calendar_date(2026, time::Month::December, d).unwrap();
        let mut directory = Directory::default();
        for (id, name, leaves_on) in [
            (1, "Alaw", None),
            (2, "Bryn", None),
            (3, "Cerys", Some(day(7))),
            (4, "Dewi", None),
        ] {
            directory.add(Listing {
                person: PersonId(id),
                name: name.into(),
                availability: String::new(),
                leaves_on,
                places: vec![(ABERYSTWYTH, "Aberystwyth".into())],
            });
        }
        let email = HelpTopic::Competence("C2".into());
        directory.listed(PersonId(1), email.clone());
        directory.rated(PersonId(1), email.clone(), 2);
        directory.rated(PersonId(2), email.clone(), 5);
        directory.rated(PersonId(3), email.clone(), 4);
        // Rated 3: neither listed nor rated high enough.
        directory.rated(PersonId(4), email.clone(), 3);
        // Someone not in the directory (not a champion) is ignored.
        directory.listed(PersonId(9), email.clone());
        // "Not sure" is no rating.
        directory.rated(PersonId(4), HelpTopic::Service(ServiceId(1)), 0);

        let found = |on| {
            let mut got: Vec<(i64, bool, Option<u8>)> = directory
                .candidates(&email, on)
                .into_iter()
                .map(|c| (c.key.0, c.listed, c.rated))
                .collect();
            got.sort();
            got
        };
        assert_eq!(
            found(day(6)),
            [(1, true, Some(2)), (2, false, Some(5)), (3, false, Some(4))]
        );
        // Cerys leaves on the 7th.
        assert_eq!(found(day(7)), [(1, true, Some(2)), (2, false, Some(5))]);
        assert!(
            directory
                .candidates(&HelpTopic::Service(ServiceId(1)), day(6))
                .is_empty()
        );
        assert!(
            directory
                .candidates(&HelpTopic::Kit(KitId(1)), day(6))
                .is_empty()
        );
        let places = &directory.candidates(&email, day(6))[0].places;
        assert_eq!(places, &[ABERYSTWYTH]);
        assert_eq!(directory.len(), 4);
    }
}
