//! A campaign's answers as compact columns: one byte per rating, one index per person's team
//! and sites. Every figure of the campaign report, the group comparison and confidence against
//! knowledge is computed from them in a few passes, by counting (ratings run from 1 to 5, so a
//! group's ratings of a competence are five counts, and rank tests need nothing more).
//!
//! At national scale (50,000 people, 60 competences) the columns of a campaign take a few
//! megabytes, so a server can keep them in memory between requests; see `docs/analysis.md`.

use super::calibration::PersonCalibration;
use super::campaign::Person;
use super::profile::AreaTotals;
use crate::QuestionId;
use crate::audit::Rating;

/// No team, no response, no group.
pub const NONE: u32 = u32::MAX;
/// No answer in a byte column (job family, employment, a profile question).
pub const NO_ANSWER: u8 = u8::MAX;
/// A competence the response did not rate, in [`CampaignColumns::ratings`].
pub const UNRATED: u8 = 0;
/// "Not sure / not in my role", in [`CampaignColumns::ratings`]; 1 to 5 are the levels.
pub const NOT_SURE: u8 = 6;

/// The rating's byte in [`CampaignColumns::ratings`].
pub fn rating_code(rating: Option<Rating>) -> u8 {
    match rating {
        None => UNRATED,
        Some(Rating::NotSure) => NOT_SURE,
        Some(Rating::Level(n)) => n,
    }
}

/// One single-choice profile question's answers, by finished response: the option chosen,
/// by position, or [`NO_ANSWER`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileColumn {
    pub question: QuestionId,
    pub answers: Vec<u8>,
}

/// Everything the campaign's figures are computed from.
///
/// People asked are rows of the `asked_*` columns; finished responses (in the order of their
/// ids) are rows of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignColumns {
    /// The number of competences rated, in campaign order.
    pub competences: usize,
    /// The sites and teams of the people asked, sorted by id; columns hold positions in these.
    pub sites: Vec<i64>,
    pub teams: Vec<i64>,
    /// Each person asked: their team (position in `teams`) or [`NONE`].
    pub asked_team: Vec<u32>,
    /// Each person asked: their finished response (row) or [`NONE`].
    pub asked_response: Vec<u32>,
    /// Person `i`'s sites are `asked_sites[asked_site_starts[i]..asked_site_starts[i + 1]]`.
    pub asked_site_starts: Vec<u32>,
    pub asked_sites: Vec<u32>,
    /// Finished responses from no one asked (erased, imported anonymously, or moved out of the
    /// audience): in the totals, in no site or team.
    pub ungrouped: u64,
    /// `ratings[r * competences + c]`: response `r`'s rating of competence `c`, as
    /// [`rating_code`] makes it.
    pub ratings: Vec<u8>,
    /// Each response's person, or `None` once erased or when imported without a name: what
    /// pairs a person's responses to two campaigns (change over time).
    pub person: Vec<Option<i64>>,
    /// The order in which responses were submitted, as a number to sort by (ties only among
    /// responses submitted together, as by one import): the order in which an open anonymous
    /// campaign's figures take them (see [`CampaignColumns::first_submitted`]).
    pub submitted: Vec<i64>,
    /// Each response's job family and employment, by position in `JobFamily::ALL` and
    /// `Employment::ALL`, or [`NO_ANSWER`] for someone no longer in the organisation.
    pub job_family: Vec<u8>,
    pub employment: Vec<u8>,
    /// Each response's working hours and length of service when the campaign opened, by
    /// position in `WorkingHours::ALL` and `ServiceLength::ALL`, or [`NO_ANSWER`] (no longer
    /// in the organisation; no start date, or one after the campaign opened).
    pub hours: Vec<u8>,
    pub service: Vec<u8>,
    pub profile: Vec<ProfileColumn>,
    /// The competences the knowledge round tests, by position.
    pub tested: Vec<usize>,
    /// `quiz_answered[r * tested.len() + t]`: response `r`'s answers to the questions testing
    /// `tested[t]`, and in `quiz_right` how many were right.
    pub quiz_answered: Vec<u8>,
    pub quiz_right: Vec<u8>,
}

impl CampaignColumns {
    /// Finished responses.
    pub fn responses(&self) -> usize {
        self.job_family.len()
    }

    /// People asked.
    pub fn asked(&self) -> usize {
        self.asked_team.len()
    }

    /// Response `r`'s ratings, one byte per competence.
    pub fn ratings_of(&self, r: usize) -> &[u8] {
        &self.ratings[r * self.competences..(r + 1) * self.competences]
    }

    /// Response `r`'s answers to each tested competence's questions, and how many were right.
    pub fn quiz_of(&self, r: usize) -> (&[u8], &[u8]) {
        let t = self.tested.len();
        (
            &self.quiz_answered[r * t..(r + 1) * t],
            &self.quiz_right[r * t..(r + 1) * t],
        )
    }

    /// Response `r`'s answers to the knowledge round, and how many were right.
    pub fn quiz_totals(&self, r: usize) -> (u32, u32) {
        let (answered, right) = self.quiz_of(r);
        let sum = |x: &[u8]| x.iter().map(|n| u32::from(*n)).sum();
        (sum(answered), sum(right))
    }

    /// Person `i`'s sites, by position in `sites`.
    pub fn sites_of(&self, i: usize) -> &[u32] {
        self.asked_site_starts
            .get(i..i + 2)
            .map_or(&[][..], |s| &self.asked_sites[s[0] as usize..s[1] as usize])
    }

    /// Each finished response's main site (its person's first-listed site, by position in
    /// `sites`), if it came from someone asked who had a site.
    pub fn main_sites(&self) -> Vec<Option<u32>> {
        let mut main = vec![None; self.responses()];
        for (i, &r) in self.asked_response.iter().enumerate() {
            if let Some(slot) = main.get_mut(r as usize) {
                *slot = self.sites_of(i).first().copied();
            }
        }
        main
    }

    /// The bytes held, for keeping a cache of many campaigns within bounds.
    pub fn size_in_bytes(&self) -> usize {
        std::mem::size_of::<Self>()
            + self.sites.len() * 8
            + self.teams.len() * 8
            + (self.asked_team.len()
                + self.asked_response.len()
                + self.asked_site_starts.len()
                + self.asked_sites.len())
                * 4
            + self.ratings.len()
            + self.person.len() * std::mem::size_of::<Option<i64>>()
            + self.submitted.len() * 8
            + self.job_family.len()
            + self.employment.len()
            + self.hours.len()
            + self.service.len()
            + self
                .profile
                .iter()
                .map(|p| p.answers.len() + 16)
                .sum::<usize>()
            + self.quiz_answered.len()
            + self.quiz_right.len()
    }

    /// Whether any finished response has a job family: none has when every response was
    /// imported without a name (or its person erased), and grouping by job family then shows
    /// nothing.
    pub fn knows_job_families(&self) -> bool {
        self.job_family.iter().any(|&f| f != NO_ANSWER)
    }

    /// Response `r`'s rating of competence `c` (by position), as a [`Rating`].
    pub fn rating(&self, r: usize, c: usize) -> Option<Rating> {
        match self.ratings[r * self.competences + c] {
            UNRATED => None,
            NOT_SURE => Some(Rating::NotSure),
            level => Some(Rating::Level(level)),
        }
    }

    /// Each response's 1–5 ratings summed by area: `areas` gives each competence's area (by
    /// position, below `area_count`). What a person's profile sets their own means against.
    pub fn area_totals(&self, areas: &[usize], area_count: usize) -> Vec<AreaTotals> {
        let mut totals = vec![AreaTotals::default(); area_count];
        let mut rated = vec![false; area_count];
        for r in 0..self.responses() {
            rated.iter_mut().for_each(|x| *x = false);
            for (c, &code) in self.ratings_of(r).iter().enumerate() {
                if let level @ 1..=5 = code
                    && let Some(&area) = areas.get(c)
                {
                    totals[area].sum += f64::from(level);
                    totals[area].ratings += 1;
                    rated[area] = true;
                }
            }
            for (t, rated) in totals.iter_mut().zip(&rated) {
                t.people += usize::from(*rated);
            }
        }
        totals
    }

    /// Each response's confidence against its quiz score, where it has both.
    pub fn calibration(&self) -> Vec<Option<PersonCalibration>> {
        (0..self.responses())
            .map(|r| {
                let ratings = self.ratings_of(r);
                let (mut sum, mut n) = (0u32, 0u32);
                for &c in &self.tested {
                    if let level @ 1..=5 = ratings[c] {
                        sum += u32::from(level - 1);
                        n += 1;
                    }
                }
                let (answered, right) = self.quiz_totals(r);
                PersonCalibration::from_counts(sum, n, right, answered)
            })
            .collect()
    }

    /// The columns with only the first `count` responses in the order they were submitted
    /// (ties in the order of the rows), the others treated as unfinished. An open anonymous
    /// campaign's figures are computed from whole steps of the anonymity threshold this way, so
    /// that one more response changes nothing until enough have come in.
    pub fn first_submitted(&self, count: usize) -> Self {
        if count >= self.responses() {
            return self.clone();
        }
        let mut order: Vec<usize> = (0..self.responses()).collect();
        order.sort_by_key(|r| (self.submitted.get(*r).copied().unwrap_or(0), *r));
        let mut kept = vec![false; self.responses()];
        for r in &order[..count] {
            kept[*r] = true;
        }
        let mut row_of = vec![NONE; self.responses()];
        let mut out = Self {
            competences: self.competences,
            sites: self.sites.clone(),
            teams: self.teams.clone(),
            asked_team: self.asked_team.clone(),
            asked_site_starts: self.asked_site_starts.clone(),
            asked_sites: self.asked_sites.clone(),
            tested: self.tested.clone(),
            profile: self
                .profile
                .iter()
                .map(|p| ProfileColumn {
                    question: p.question,
                    answers: Vec::with_capacity(count),
                })
                .collect(),
            ..Self::default()
        };
        for r in (0..self.responses()).filter(|r| kept[*r]) {
            row_of[r] = out.responses() as u32;
            out.ratings.extend_from_slice(self.ratings_of(r));
            out.person.push(self.person[r]);
            out.submitted
                .push(self.submitted.get(r).copied().unwrap_or(0));
            out.job_family.push(self.job_family[r]);
            out.employment.push(self.employment[r]);
            out.hours.push(self.hours[r]);
            out.service.push(self.service[r]);
            for (to, from) in out.profile.iter_mut().zip(&self.profile) {
                to.answers.push(from.answers[r]);
            }
            let (answered, right) = self.quiz_of(r);
            out.quiz_answered.extend_from_slice(answered);
            out.quiz_right.extend_from_slice(right);
        }
        out.asked_response = self
            .asked_response
            .iter()
            .map(|&r| if r == NONE { NONE } else { row_of[r as usize] })
            .collect();
        let grouped = out.asked_response.iter().filter(|r| **r != NONE).count();
        out.ungrouped = (out.responses() - grouped) as u64;
        out
    }

    /// Builds the columns from people and rows of ratings, as [`super::CampaignFigures::compute`]
    /// takes them (response rows carry no groups or quiz).
    pub fn from_people(
        competences: usize,
        people: &[Person],
        responses: &[Vec<Option<Rating>>],
        ungrouped: u64,
    ) -> Self {
        let mut sites: Vec<i64> = people.iter().flat_map(|p| p.sites.clone()).collect();
        sites.sort_unstable();
        sites.dedup();
        let mut teams: Vec<i64> = people.iter().filter_map(|p| p.team).collect();
        teams.sort_unstable();
        teams.dedup();
        let position = |list: &[i64], id: i64| list.binary_search(&id).expect("listed") as u32;
        let mut columns = Self {
            competences,
            ungrouped,
            ..Self::default()
        };
        columns.asked_site_starts.push(0);
        for p in people {
            columns
                .asked_team
                .push(p.team.map_or(NONE, |t| position(&teams, t)));
            columns
                .asked_response
                .push(p.response.map_or(NONE, |r| r as u32));
            columns
                .asked_sites
                .extend(p.sites.iter().map(|s| position(&sites, *s)));
            columns
                .asked_site_starts
                .push(columns.asked_sites.len() as u32);
        }
        for response in responses {
            columns
                .ratings
                .extend((0..competences).map(|c| rating_code(response.get(c).copied().flatten())));
            columns.person.push(None);
            columns.submitted.push(0);
            columns.job_family.push(NO_ANSWER);
            columns.employment.push(NO_ANSWER);
            columns.hours.push(NO_ANSWER);
            columns.service.push(NO_ANSWER);
        }
        columns.sites = sites;
        columns.teams = teams;
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_hold_people_and_ratings_compactly() {
        let people = vec![
            Person {
                sites: vec![30, 10],
                team: Some(7),
                response: Some(0),
            },
            Person {
                sites: vec![],
                team: None,
                response: None,
            },
        ];
        let l = |n| Some(Rating::Level(n));
        let c =
            CampaignColumns::from_people(3, &people, &[vec![l(2), None, Some(Rating::NotSure)]], 1);
        assert_eq!((c.asked(), c.responses()), (2, 1));
        assert_eq!(c.sites, vec![10, 30]);
        assert_eq!(c.sites_of(0), &[1, 0]);
        assert_eq!(c.sites_of(1), &[] as &[u32]);
        assert_eq!(c.asked_team, vec![0, NONE]);
        assert_eq!(c.ratings_of(0), &[2, UNRATED, NOT_SURE]);
        assert!(c.size_in_bytes() > 0);
    }

    #[test]
    fn the_first_submitted_responses_are_kept_and_the_rest_count_as_unfinished() {
        let people: Vec<Person> = [0, 1, 3]
            .into_iter()
            .map(|r| Person {
                sites: vec![1],
                team: Some(1),
                response: Some(r),
            })
            .collect();
        let l = |n| Some(Rating::Level(n));
        // Row 2 is from no one asked; rows were submitted in the order 1, 3, 0, 2.
        let mut c = CampaignColumns::from_people(
            1,
            &people,
            &[vec![l(1)], vec![l(2)], vec![l(3)], vec![l(4)]],
            1,
        );
        c.submitted = vec![30, 10, 40, 20];
        let first = c.first_submitted(2);
        assert_eq!(first.responses(), 2);
        assert_eq!(first.ratings, vec![2, 4], "rows 1 and 3, in their order");
        assert_eq!(first.asked_response, vec![NONE, 0, 1]);
        assert_eq!(first.ungrouped, 0);
        assert_eq!(c.first_submitted(3).ungrouped, 0);
        assert_eq!(c.first_submitted(4), c);
    }

    #[test]
    fn area_totals_count_levels_and_the_people_who_gave_them() {
        let l = |n| Some(Rating::Level(n));
        let responses = [
            vec![l(2), l(4), Some(Rating::NotSure)],
            vec![None, l(5), l(1)],
            vec![Some(Rating::NotSure), None, None],
        ];
        let c = CampaignColumns::from_people(3, &[], &responses, 3);
        assert_eq!(c.rating(0, 2), Some(Rating::NotSure));
        assert_eq!(c.rating(1, 0), None);
        let totals = c.area_totals(&[0, 0, 1], 2);
        // Area 0: 2 and 4 from the first, 5 from the second; the third was not sure.
        assert_eq!(
            totals[0],
            AreaTotals {
                people: 2,
                sum: 11.0,
                ratings: 3
            }
        );
        assert_eq!(
            totals[1],
            AreaTotals {
                people: 1,
                sum: 1.0,
                ratings: 1
            }
        );
    }
}
