//! A campaign's figures: who answered where, how every competence was rated, and a map of
//! sites × framework areas — each group checked against the anonymity threshold.

use super::anonymity::{Suppressed, suppress};
use super::columns::{CampaignColumns, NONE, NOT_SURE, UNRATED};
use super::overview::{Distribution, Overview};
use super::rate::ResponseRate;
use crate::audit::Rating;

/// A person the campaign asked: where they work and their finished response, if any.
#[derive(Debug, Clone)]
pub struct Person {
    pub sites: Vec<i64>,
    pub team: Option<i64>,
    pub response: Option<usize>,
}

/// Response rate for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRate {
    pub group: i64,
    pub asked: u64,
    pub finished: u64,
    pub shown: Suppressed,
}

impl GroupRate {
    pub fn percent(&self) -> u64 {
        ResponseRate::of_group(self.asked, self.finished).percent()
    }
}

/// One site's row of the heat map: the mean rating in each area.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub site: i64,
    pub respondents: u64,
    pub shown: Suppressed,
    /// Mean per area, or `None` when nobody rated it (always `None` when not shown).
    pub means: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFigures {
    /// Who was asked and who finished, imported responses included.
    pub rate: ResponseRate,
    pub by_site: Vec<GroupRate>,
    pub by_team: Vec<GroupRate>,
    pub overview: Overview,
    pub heat: Vec<HeatRow>,
}

impl CampaignFigures {
    /// `competence_areas[c]` is the area position of competence `c`; `responses[r][c]` is the
    /// rating response `r` gave competence `c`; `extra_finished` counts finished responses
    /// from people in no group (erased, or imported anonymously).
    pub fn compute(
        threshold: usize,
        competence_areas: &[usize],
        people: &[Person],
        responses: &[Vec<Option<Rating>>],
        extra_finished: u64,
    ) -> Self {
        let columns =
            CampaignColumns::from_people(competence_areas.len(), people, responses, extra_finished);
        Self::from_columns(threshold, competence_areas, &columns)
    }

    /// The figures from the campaign's columns, in one pass over people and one over ratings.
    pub fn from_columns(
        threshold: usize,
        competence_areas: &[usize],
        columns: &CampaignColumns,
    ) -> Self {
        let competences = columns.competences.min(competence_areas.len());
        let areas = competence_areas.iter().max().map_or(0, |m| m + 1);

        let mut distributions = vec![Distribution::default(); competences];
        // Each response's sum and number of 1–5 ratings in each area, for the heat map.
        let mut response_areas = vec![(0u32, 0u32); columns.responses() * areas];
        for r in 0..columns.responses() {
            let sums = &mut response_areas[r * areas..(r + 1) * areas];
            for (c, code) in columns.ratings_of(r).iter().enumerate().take(competences) {
                match *code {
                    UNRATED => {}
                    NOT_SURE => distributions[c].not_sure += 1,
                    level => {
                        distributions[c].levels[usize::from(level) - 1] += 1;
                        let s = &mut sums[competence_areas[c]];
                        s.0 += u32::from(level);
                        s.1 += 1;
                    }
                }
            }
        }

        let mut site_counts = vec![(0u64, 0u64); columns.sites.len()];
        let mut team_counts = vec![(0u64, 0u64); columns.teams.len()];
        let mut site_sums = vec![(0u64, 0u64); columns.sites.len() * areas];
        for i in 0..columns.asked() {
            let response = columns.asked_response[i];
            let done = u64::from(response != NONE);
            if columns.asked_team[i] != NONE {
                let t = &mut team_counts[columns.asked_team[i] as usize];
                t.0 += 1;
                t.1 += done;
            }
            for &site in columns.sites_of(i) {
                let s = &mut site_counts[site as usize];
                s.0 += 1;
                s.1 += done;
                if response != NONE {
                    let from = &response_areas[response as usize * areas..][..areas];
                    let to = &mut site_sums[site as usize * areas..][..areas];
                    for (t, f) in to.iter_mut().zip(from) {
                        t.0 += u64::from(f.0);
                        t.1 += u64::from(f.1);
                    }
                }
            }
        }
        let rates = |ids: &[i64], counts: &[(u64, u64)]| -> Vec<GroupRate> {
            // The rate shows how many answered, so it is the answering group that must be
            // big enough.
            let sizes: Vec<usize> = counts.iter().map(|c| c.1 as usize).collect();
            ids.iter()
                .zip(counts)
                .zip(suppress(&sizes, threshold))
                .map(|((&group, &(asked, finished)), shown)| GroupRate {
                    group,
                    asked,
                    finished,
                    shown,
                })
                .collect()
        };
        let by_site = rates(&columns.sites, &site_counts);
        let by_team = rates(&columns.teams, &team_counts);
        let heat = by_site
            .iter()
            .enumerate()
            .map(|(s, rate)| HeatRow {
                site: rate.group,
                respondents: rate.finished,
                shown: rate.shown,
                means: site_sums[s * areas..(s + 1) * areas]
                    .iter()
                    .map(|(sum, n)| {
                        (rate.shown.is_shown() && *n > 0).then(|| *sum as f64 / *n as f64)
                    })
                    .collect(),
            })
            .collect();
        Self {
            rate: ResponseRate::of(columns),
            by_site,
            by_team,
            overview: Overview::new(distributions),
            heat,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(sites: &[i64], team: Option<i64>, response: Option<usize>) -> Person {
        Person {
            sites: sites.to_vec(),
            team,
            response,
        }
    }

    #[test]
    fn rates_distributions_and_heat_respect_the_threshold() {
        let l = |n| Some(Rating::Level(n));
        // Site 1: five respondents; site 2: two respondents (hidden), site 3: none asked there.
        let mut people: Vec<Person> = (0..5).map(|i| person(&[1], Some(10), Some(i))).collect();
        people.push(person(&[1], Some(10), None));
        people.push(person(&[2], Some(20), Some(5)));
        people.push(person(&[2, 1], Some(20), Some(6)));
        let responses = vec![
            vec![l(1), l(2)],
            vec![l(2), l(2)],
            vec![l(3), Some(Rating::NotSure)],
            vec![l(4), l(2)],
            vec![l(5), l(2)],
            vec![l(1), l(5)],
            vec![l(1), l(5)],
        ];
        let f = CampaignFigures::compute(5, &[0, 1], &people, &responses, 1);
        assert_eq!((f.rate.asked(), f.rate.finished()), (9, 8));
        let site1 = &f.by_site[0];
        assert_eq!((site1.group, site1.asked, site1.finished), (1, 7, 6));
        assert_eq!(site1.percent(), 85);
        assert_eq!(f.by_site[1].shown, Suppressed::TooSmall);
        // With one site hidden, the other is hidden too, or its figures would reveal it.
        assert_eq!(site1.shown, Suppressed::Complementary);
        assert_eq!(
            f.overview.competences[0].distribution.levels,
            [3, 1, 1, 1, 1]
        );
        assert_eq!(f.overview.competences[1].distribution.not_sure, 1);
        assert!(f.heat.iter().all(|h| h.means.iter().all(Option::is_none)));
        let open = CampaignFigures::compute(2, &[0, 1], &people, &responses, 0);
        assert_eq!(open.heat[0].means[0], Some(16.0 / 6.0));
        assert_eq!(open.by_team.len(), 2);
    }
}
