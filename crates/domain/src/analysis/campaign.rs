//! A campaign's figures: who answered where, how every competence was rated, and a map of
//! sites × framework areas — each group checked against the anonymity threshold.

use super::anonymity::{AnonymityThreshold, Disclosure, Suppressed};
use super::columns::{CampaignColumns, NONE, NOT_SURE, UNRATED};
use super::overview::{Distribution, Overview};
use super::rate::{ResponseRate, ShownRate};
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
    /// People asked: who is in the group, not who answered, so never hidden.
    pub asked: u64,
    /// How many finished; `None` when hidden.
    pub finished: Option<u64>,
    pub shown: Suppressed,
}

impl GroupRate {
    /// The share who finished, as a whole percentage rounded down; `None` when hidden.
    pub fn percent(&self) -> Option<u64> {
        self.finished
            .map(|f| ResponseRate::of_group(self.asked, f).percent())
    }
}

/// One site's row of the heat map: the mean rating in each area.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub site: i64,
    /// How many at the site finished; `None` when the site is hidden.
    pub respondents: Option<u64>,
    pub shown: Suppressed,
    /// Mean per area, or `None` when nobody rated it or it is hidden.
    pub means: Vec<Option<f64>>,
    /// Whether each area's mean may be shown.
    pub areas: Vec<Suppressed>,
}

/// One team's ratings, as its manager sees them: only what `disclosure` shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamFigures {
    /// Whether the team's figures may be shown at all (how many answered).
    pub shown: Suppressed,
    /// Each competence's ratings; `None` when hidden.
    pub competences: Vec<Option<Distribution>>,
    /// Each area's mean of its competences' 1–5 ratings, with how many ratings: only when every
    /// competence of the area someone in the team rated is shown, since the area's figure
    /// less those shown would give the one hidden. `None` when hidden or nobody rated it.
    pub areas: Vec<Option<(f64, u64)>>,
}

impl TeamFigures {
    /// Team `t`, by position in the columns' teams.
    pub fn compute(
        disclosure: &Disclosure,
        competence_areas: &[usize],
        columns: &CampaignColumns,
        t: usize,
    ) -> Self {
        let competences = columns.competences.min(competence_areas.len());
        let areas = competence_areas[..competences]
            .iter()
            .max()
            .map_or(0, |m| m + 1);
        let shown = disclosure.team(t);
        let mut all = vec![Distribution::default(); competences];
        for i in 0..columns.asked() {
            let response = columns.asked_response[i];
            if columns.asked_team[i] as usize != t || response == NONE {
                continue;
            }
            for (c, code) in columns
                .ratings_of(response as usize)
                .iter()
                .enumerate()
                .take(competences)
            {
                match *code {
                    UNRATED => {}
                    NOT_SURE => all[c].not_sure += 1,
                    level => all[c].levels[usize::from(level) - 1] += 1,
                }
            }
        }
        let competence_figures: Vec<Option<Distribution>> = (0..competences)
            .map(|c| {
                (shown.is_shown() && disclosure.team_competence(t, c).is_shown()).then_some(all[c])
            })
            .collect();
        let area_figures = (0..areas)
            .map(|a| {
                let members: Vec<usize> = (0..competences)
                    .filter(|c| competence_areas[*c] == a)
                    .collect();
                let readable = shown.is_shown()
                    && members
                        .iter()
                        .all(|c| all[*c].rated() == 0 || competence_figures[*c].is_some());
                let count: u64 = members.iter().map(|c| all[*c].rated()).sum();
                let sum: u64 = members
                    .iter()
                    .flat_map(|c| all[*c].levels.iter().enumerate())
                    .map(|(l, n)| (l as u64 + 1) * n)
                    .sum();
                (readable && count > 0).then(|| (sum as f64 / count as f64, count))
            })
            .collect();
        Self {
            shown,
            competences: competence_figures,
            areas: area_figures,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFigures {
    /// Who was asked and who finished, imported responses included; only who was asked while
    /// fewer than the threshold have finished.
    pub rate: ShownRate,
    /// Whether the campaign's own figures may be shown: no figure at all while fewer than the
    /// threshold have answered.
    pub everyone: Suppressed,
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
        threshold: AnonymityThreshold,
        competence_areas: &[usize],
        people: &[Person],
        responses: &[Vec<Option<Rating>>],
        extra_finished: u64,
    ) -> Self {
        let columns =
            CampaignColumns::from_people(competence_areas.len(), people, responses, extra_finished);
        let disclosure = Disclosure::compute(&columns, competence_areas, threshold);
        Self::from_columns(&disclosure, competence_areas, &columns)
    }

    /// The figures from the campaign's columns, in one pass over people and one over ratings,
    /// hidden as `disclosure` (computed from the same columns) says.
    pub fn from_columns(
        disclosure: &Disclosure,
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
        // The rate shows how many answered, so it is the answering group that must be big
        // enough.
        let rates = |ids: &[i64], counts: &[(u64, u64)], shown: &dyn Fn(usize) -> Suppressed| {
            ids.iter()
                .zip(counts)
                .enumerate()
                .map(|(i, (&group, &(asked, finished)))| {
                    let shown = shown(i);
                    GroupRate {
                        group,
                        asked,
                        finished: shown.is_shown().then_some(finished),
                        shown,
                    }
                })
                .collect::<Vec<_>>()
        };
        let by_site = rates(&columns.sites, &site_counts, &|s| disclosure.site(s));
        let by_team = rates(&columns.teams, &team_counts, &|t| disclosure.team(t));
        let heat = by_site
            .iter()
            .enumerate()
            .map(|(s, rate)| {
                let shown: Vec<Suppressed> = (0..areas).map(|a| disclosure.heat(s, a)).collect();
                HeatRow {
                    site: rate.group,
                    respondents: rate.finished,
                    shown: rate.shown,
                    means: site_sums[s * areas..(s + 1) * areas]
                        .iter()
                        .zip(&shown)
                        .map(|((sum, n), shown)| {
                            (shown.is_shown() && *n > 0).then(|| *sum as f64 / *n as f64)
                        })
                        .collect(),
                    areas: shown,
                }
            })
            .collect();
        let everyone = disclosure.everyone();
        Self {
            rate: ShownRate::new(ResponseRate::of(columns), disclosure.threshold(), everyone),
            everyone,
            by_site,
            by_team,
            overview: Overview::new(
                distributions
                    .into_iter()
                    .enumerate()
                    .map(|(c, d)| (d, disclosure.competence(c)))
                    .collect(),
            ),
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
        let k = AnonymityThreshold::DEFAULT;
        let f = CampaignFigures::compute(k, &[0, 1], &people, &responses, 1);
        // The one response from no one asked counts as asked and finished; how many there are
        // is not shown (one person).
        assert_eq!((f.rate.asked(), f.rate.finished()), (9, Some(8)));
        assert_eq!((f.rate.others(), f.rate.others_hidden()), (None, true));
        let site1 = &f.by_site[0];
        assert_eq!((site1.group, site1.asked, site1.finished), (1, 7, None));
        assert_eq!(f.by_site[1].shown, Suppressed::TooSmall);
        // Everyone less site 1 would be two people: site 1 is hidden too.
        assert_eq!(site1.shown, Suppressed::Complementary);
        let levels = |c: usize| f.overview.competences[c].distribution.unwrap();
        assert_eq!(levels(0).levels, [3, 1, 1, 1, 1]);
        assert_eq!(levels(1).not_sure, 1);
        assert!(f.heat.iter().all(|h| h.means.iter().all(Option::is_none)));

        // Three more at site 2, and a threshold of 3. Site 1 less team 10 (inside it) would be
        // the one person at both sites, and site 1 less its main-site group the same: site 1
        // is hidden, and site 2 (the same people as team 20) shown.
        for i in 7..10 {
            people.push(person(&[2], Some(20), Some(i)));
        }
        let mut responses = responses;
        responses.extend([vec![l(2), l(4)], vec![l(3), l(4)], vec![l(4), l(4)]]);
        let k = AnonymityThreshold::new(3).unwrap();
        let open = CampaignFigures::compute(k, &[0, 1], &people, &responses, 0);
        assert_eq!(open.by_site[0].finished, None);
        assert_eq!(open.by_site[1].finished, Some(5));
        assert_eq!(open.by_site[1].percent(), Some(100));
        assert_eq!(open.heat[1].means[0], Some(11.0 / 5.0));
        assert_eq!(open.by_team.len(), 2);

        // Without the person at both sites, both sites are shown.
        let mut single = people.clone();
        single[7] = person(&[2], Some(20), Some(6));
        let open = CampaignFigures::compute(k, &[0, 1], &single, &responses, 0);
        assert_eq!(open.by_site[0].finished, Some(5));
        assert_eq!(open.by_site[0].percent(), Some(83));
        assert_eq!(open.heat[0].means[0], Some(15.0 / 5.0));
        assert_eq!(open.by_site[1].finished, Some(5));

        // Nothing at all while fewer than the threshold have answered.
        let few = CampaignFigures::compute(k, &[0, 1], &people[..2], &responses[..2], 0);
        assert_eq!(
            (few.rate.finished(), few.everyone),
            (None, Suppressed::TooSmall)
        );
        assert_eq!(few.rate.asked(), 2);
        assert!(
            few.overview
                .competences
                .iter()
                .all(|c| c.distribution.is_none())
        );
    }
}
