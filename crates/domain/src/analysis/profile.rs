//! A person's profile for one campaign: their ratings by area against the service's mean, their
//! knowledge-round results by competence, and their gaps against the target levels of their
//! role profile (the target level of each competence for their job family).
//!
//! A gap is the target level less the measured level, where the measured level weighs tested
//! knowledge above confidence: with quiz answers for a competence, two parts the quiz (its share
//! right put on the 1–5 scale) to one part the rating; without, the rating alone.

use super::anonymity::Suppressed;
use crate::Invalid;
use crate::JobFamily;
use crate::audit::Rating;

/// A target proficiency level, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetLevel(u8);

impl TargetLevel {
    /// An empty field is no target; otherwise a whole number from 1 to 5.
    pub fn parse(raw: &str) -> Result<Option<Self>, Invalid> {
        match raw.trim() {
            "" => Ok(None),
            s => match s.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Some(Self(n))),
                _ => Err(Invalid("role-profile-level-invalid")),
            },
        }
    }

    /// A stored level; `None` when out of range.
    pub fn new(level: u8) -> Option<Self> {
        (1..=5).contains(&level).then_some(Self(level))
    }

    pub fn level(self) -> u8 {
        self.0
    }
}

/// How a person did in the knowledge round on one competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizResult {
    pub right: usize,
    pub asked: usize,
}

impl QuizResult {
    /// The share right put on the 1–5 scale: none right is 1, all right is 5.
    pub fn level(self) -> f64 {
        1.0 + 4.0 * self.right as f64 / self.asked.max(1) as f64
    }
}

/// One competence in a person's profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompetenceProfile {
    pub rating: Option<Rating>,
    pub quiz: Option<QuizResult>,
    /// The measured level (see the module); `None` with neither a 1–5 rating nor quiz answers.
    pub measured: Option<f64>,
    pub target: Option<TargetLevel>,
    /// Target less measured: above 0, short of the target.
    pub gap: Option<f64>,
}

impl CompetenceProfile {
    /// The next whole level above the measured one: what to work towards (a measured 2 or 2.4
    /// is working towards 3). `None` with nothing measured, or at 5 already.
    pub fn next_level(&self) -> Option<u8> {
        let next = self.measured?.floor() as u8 + 1;
        (next <= 5).then_some(next)
    }
}

/// One area: the person's mean rating and the service's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaProfile {
    /// The mean of the person's 1–5 ratings of the area's competences.
    pub mean: Option<f64>,
    /// The mean of every respondent's 1–5 ratings of them; `None` when the campaign's figures
    /// for the area are hidden (see `anonymity`).
    pub service_mean: Option<f64>,
}

/// Everyone's 1–5 ratings of one area's competences in a campaign, summed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AreaTotals {
    /// Respondents who rated at least one of the area's competences.
    pub people: usize,
    pub sum: f64,
    pub ratings: usize,
}

/// A person's profile for one campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub competences: Vec<CompetenceProfile>,
    pub areas: Vec<AreaProfile>,
}

impl Profile {
    /// `areas` gives each competence's area (below `area_count`); the person's `ratings`,
    /// `quiz` answers (by competence position, right or not) and `targets` are in competence
    /// order, and `service` holds every respondent's ratings (the person's included) summed by
    /// area, `service_shown` whether each area's may be shown.
    pub fn compute(
        service_shown: &[Suppressed],
        areas: &[usize],
        area_count: usize,
        ratings: &[Option<Rating>],
        quiz: &[(usize, bool)],
        targets: &[Option<TargetLevel>],
        service: &[AreaTotals],
    ) -> Self {
        let level = |r: Option<&Option<Rating>>| r.copied().flatten().and_then(Rating::level);
        let competences = (0..areas.len())
            .map(|c| {
                let rating = ratings.get(c).copied().flatten();
                let answers: Vec<bool> = quiz
                    .iter()
                    .filter(|(at, _)| *at == c)
                    .map(|(_, r)| *r)
                    .collect();
                let quiz = (!answers.is_empty()).then(|| QuizResult {
                    right: answers.iter().filter(|r| **r).count(),
                    asked: answers.len(),
                });
                let rated = rating.and_then(Rating::level).map(f64::from);
                let measured = match (quiz, rated) {
                    (Some(q), Some(r)) => Some((2.0 * q.level() + r) / 3.0),
                    (Some(q), None) => Some(q.level()),
                    (None, r) => r,
                };
                let target = targets.get(c).copied().flatten();
                CompetenceProfile {
                    rating,
                    quiz,
                    measured,
                    target,
                    gap: target.zip(measured).map(|(t, m)| f64::from(t.level()) - m),
                }
            })
            .collect();
        let areas = (0..area_count)
            .map(|area| {
                let members: Vec<usize> = (0..areas.len()).filter(|c| areas[*c] == area).collect();
                let own: Vec<f64> = members
                    .iter()
                    .filter_map(|c| level(ratings.get(*c)).map(f64::from))
                    .collect();
                let totals = service.get(area).copied().unwrap_or_default();
                AreaProfile {
                    mean: (!own.is_empty()).then(|| own.iter().sum::<f64>() / own.len() as f64),
                    service_mean: (service_shown.get(area).is_some_and(|s| s.is_shown())
                        && totals.ratings > 0)
                        .then(|| totals.sum / totals.ratings as f64),
                }
            })
            .collect();
        Self { competences, areas }
    }

    /// The competences short of their target, the largest gap first.
    pub fn gaps(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.competences.len())
            .filter(|c| self.competences[*c].gap.is_some_and(|g| g > 0.0))
            .collect();
        out.sort_by(|a, b| {
            let gap = |c: &usize| self.competences[*c].gap.unwrap_or_default();
            gap(b).total_cmp(&gap(a))
        });
        out
    }
}

/// The demo's role profile: a sensible target for each area (by its code) and job family, or
/// none where the area is not part of the role.
pub fn demo_target(area_code: &str, family: JobFamily) -> Option<TargetLevel> {
    use JobFamily::*;
    let level = match (area_code, family) {
        ("LIBRARY-LEADERSHIP", Frontline | Specialist) => return None,
        ("LIBRARY-LEADERSHIP", SeniorLeader) => 4,
        ("LIBRARY-LEADERSHIP", _) => 3,
        ("LIBRARY-ONLINE-SERVICES" | "LIBRARY-DEVICES", Frontline) => 4,
        ("LIBRARY-SOCIAL", Specialist) => 4,
        ("LIBRARY-SOCIAL", Frontline) => 2,
        ("LIBRARY-DATA", Manager | SeniorLeader) => 4,
        ("LIBRARY-ERESOURCES", Specialist | Frontline) => 3,
        (_, Specialist) => 4,
        _ => 3,
    };
    TargetLevel::new(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(values: &[u8]) -> Vec<Option<Rating>> {
        values
            .iter()
            .map(|&v| match v {
                0 => None,
                9 => Some(Rating::NotSure),
                v => Some(Rating::Level(v)),
            })
            .collect()
    }

    #[test]
    fn target_levels_are_whole_numbers_from_one_to_five() {
        assert_eq!(TargetLevel::parse(" "), Ok(None));
        assert_eq!(TargetLevel::parse("4").unwrap().unwrap().level(), 4);
        for bad in ["0", "6", "3.5", "three", "-1"] {
            assert!(TargetLevel::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn knowledge_weighs_twice_as_much_as_confidence() {
        // Competence 0: rated 5, one of two quiz questions right (level 3): measured
        // (2·3 + 5)/3 = 11/3; target 4, gap 1/3. Competence 1: "not sure", both right: 5,
        // target 3, gap −2. Competence 2: rated 2, no quiz, target 4: gap 2. Competence 3:
        // nothing to measure.
        let p = Profile::compute(
            &[Suppressed::Shown; 2],
            &[0, 0, 1, 1],
            2,
            &levels(&[5, 9, 2, 0]),
            &[(0, true), (0, false), (1, true), (1, true)],
            &[4, 3, 4, 2].map(TargetLevel::new),
            &[],
        );
        let c = &p.competences;
        assert_eq!(c[0].quiz, Some(QuizResult { right: 1, asked: 2 }));
        assert!((c[0].gap.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!((c[1].measured, c[1].gap), (Some(5.0), Some(-2.0)));
        assert_eq!(c[2].gap, Some(2.0));
        assert_eq!((c[3].measured, c[3].gap), (None, None));
        assert_eq!(p.gaps(), vec![2, 0]);
        // Measured 11/3 works towards 4; 5 has no level above; 2 works towards 3.
        assert_eq!(c[0].next_level(), Some(4));
        assert_eq!(c[1].next_level(), None);
        assert_eq!(c[2].next_level(), Some(3));
        assert_eq!(c[3].next_level(), None);
    }

    #[test]
    fn the_service_mean_is_shown_only_when_the_campaign_shows_it() {
        let me = levels(&[4, 2]);
        // Five people rated the area: ratings 2, 2, 2, 2, 4, 2 → 14 / 6.
        let service = [AreaTotals {
            people: 5,
            sum: 14.0,
            ratings: 6,
        }];
        let shown = [Suppressed::Shown];
        let p = Profile::compute(&shown, &[0, 0], 1, &me, &[], &[None, None], &service);
        assert_eq!(p.areas[0].mean, Some(3.0));
        assert!((p.areas[0].service_mean.unwrap() - 14.0 / 6.0).abs() < 1e-12);
        let hidden = [Suppressed::TooSmall];
        let p = Profile::compute(&hidden, &[0, 0], 1, &me, &[], &[None, None], &service);
        assert_eq!(p.areas[0].service_mean, None);
        assert_eq!(
            p.areas[0].mean,
            Some(3.0),
            "the person's own mean is theirs to see"
        );
    }

    #[test]
    fn the_demo_role_profile_is_complete_where_it_applies() {
        for family in JobFamily::ALL {
            assert!(demo_target("EVERYDAY-SAFE", family).is_some());
        }
        assert_eq!(
            demo_target("LIBRARY-LEADERSHIP", JobFamily::Frontline),
            None
        );
        assert_eq!(
            demo_target("LIBRARY-LEADERSHIP", JobFamily::SeniorLeader).map(TargetLevel::level),
            Some(4)
        );
    }
}
