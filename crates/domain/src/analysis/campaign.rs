//! A campaign's figures: who answered where, how every competence was rated, and a map of
//! sites × framework areas — each group checked against the anonymity threshold.

use super::anonymity::{Suppressed, suppress};
use super::overview::{Distribution, Overview};
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
        (self.finished * 100).checked_div(self.asked).unwrap_or(0)
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
    pub asked: u64,
    pub finished: u64,
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
        let mut sites: Vec<i64> = people
            .iter()
            .flat_map(|p| p.sites.iter().copied())
            .collect();
        sites.sort_unstable();
        sites.dedup();
        let mut teams: Vec<i64> = people.iter().filter_map(|p| p.team).collect();
        teams.sort_unstable();
        teams.dedup();

        let rates = |groups: &[i64], member: &dyn Fn(&Person, i64) -> bool| -> Vec<GroupRate> {
            let mut rows: Vec<GroupRate> = groups
                .iter()
                .map(|&g| {
                    let members = people.iter().filter(|p| member(p, g));
                    let (asked, finished) = members.fold((0, 0), |(a, f), p| {
                        (a + 1, f + u64::from(p.response.is_some()))
                    });
                    GroupRate {
                        group: g,
                        asked,
                        finished,
                        shown: Suppressed::Shown,
                    }
                })
                .collect();
            // The rate shows how many answered, so it is the answering group that must be
            // big enough.
            let sizes: Vec<usize> = rows.iter().map(|r| r.finished as usize).collect();
            for (row, s) in rows.iter_mut().zip(suppress(&sizes, threshold)) {
                row.shown = s;
            }
            rows
        };
        let by_site = rates(&sites, &|p, g| p.sites.contains(&g));
        let by_team = rates(&teams, &|p, g| p.team == Some(g));

        let competences = competence_areas.len();
        let mut distributions = vec![Distribution::default(); competences];
        for response in responses {
            for (c, rating) in response.iter().enumerate().take(competences) {
                if let Some(r) = rating {
                    distributions[c].add(*r);
                }
            }
        }
        let areas = competence_areas.iter().max().map_or(0, |m| m + 1);
        let heat = by_site
            .iter()
            .map(|rate| {
                let mut sums = vec![(0u64, 0u64); areas];
                for p in people.iter().filter(|p| p.sites.contains(&rate.group)) {
                    let Some(r) = p.response else { continue };
                    for (c, rating) in responses[r].iter().enumerate().take(competences) {
                        if let Some(level) = rating.and_then(Rating::level) {
                            let s = &mut sums[competence_areas[c]];
                            s.0 += u64::from(level);
                            s.1 += 1;
                        }
                    }
                }
                HeatRow {
                    site: rate.group,
                    respondents: rate.finished,
                    shown: rate.shown,
                    means: sums
                        .iter()
                        .map(|(sum, n)| {
                            (rate.shown.is_shown() && *n > 0).then(|| *sum as f64 / *n as f64)
                        })
                        .collect(),
                }
            })
            .collect();
        let finished = people.iter().filter(|p| p.response.is_some()).count() as u64;
        Self {
            asked: people.len() as u64,
            finished: finished + extra_finished,
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
        assert_eq!((f.asked, f.finished), (8, 8));
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
