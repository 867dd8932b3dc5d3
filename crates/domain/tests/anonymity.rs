//! No figure about fewer than k people, anywhere in a campaign's report: property tests over
//! small organisations generated at random (people with job families, employment, teams, sites,
//! answers to two single-choice questions, ratings with "not sure" and gaps, quiz scores, and
//! answers from people no longer asked).
//!
//! Each organisation's report is computed exactly as the web and the command line compute it
//! (`Disclosure`, `CampaignFigures`, `Comparison` and `Calibration` for every grouping, a
//! profile's service means), and every figure those structs show is collected as the attacker
//! would read it: a set of people (everyone in the group, as the organisation knows it), a
//! measure (people, raters of a competence, ratings of an area, people with a quiz score), a
//! count and a sum (count × mean). Then every subtraction is tried:
//!
//! - the total less the groups shown of one partition (job family, employment, each question,
//!   teams, main sites), and less any sites shown that share no one;
//! - any figure less any other inside it (across partitions, sites and teams, everyone and a
//!   site, one partition's hidden groups and another's);
//! - a figure less the groups of another partition inside it (teams within a site), and the
//!   hidden groups of that partition split by it;
//!
//! each with the sum × mean arithmetic checked against the true ratings, so the attack is real;
//! and none may leave between 1 and k − 1 people.
//!
//! The attacker knows who is in which site, main site, team, job family and employment group
//! (the organisation's own records), but not who gave which answer to a profile question: figures
//! by answer are set only against the total. Combinations beyond these subtractions (such as
//! a site plus a team less a job family, halved) are not checked: see `docs/analysis.md`.

use proptest::prelude::*;
use skillgym_domain::analysis::calibration::{Calibration, PersonCalibration, by_competence};
use skillgym_domain::analysis::columns::{
    CampaignColumns, NO_ANSWER, NONE, NOT_SURE, ProfileColumn, UNRATED,
};
use skillgym_domain::analysis::compare::{Comparison, GroupCounts};
use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::analysis::{
    AnonymityThreshold, CampaignFigures, Disclosure, GroupingKey, Suppressed, TeamFigures,
};
use skillgym_domain::{Employment, JobFamily, QuestionId, ServiceLength, WorkingHours};

/// One person asked, and their finished response if any.
#[derive(Debug, Clone)]
struct Asked {
    family: u8,
    employment: u8,
    /// Working hours and length of service, as their columns hold them.
    hours: u8,
    service: u8,
    team: Option<u32>,
    sites: Vec<u32>,
    answer: Option<Answer>,
}

/// A finished response: ratings (0 none, 1–5, 6 not sure), two profile answers, quiz.
#[derive(Debug, Clone)]
struct Answer {
    ratings: Vec<u8>,
    questions: [u8; 2],
    quiz: (u8, u8),
}

#[derive(Debug, Clone)]
struct Org {
    k: u16,
    areas: Vec<usize>,
    teams: u32,
    sites: u32,
    options: [u8; 2],
    people: Vec<Asked>,
    /// Answers from people no longer asked: with their job family and employment when still
    /// in the organisation, or none (erased, imported without a name).
    strays: Vec<(u8, u8, Answer)>,
}

const AREAS: [&[usize]; 3] = [&[0, 0], &[0, 1], &[0, 0, 1]];

fn answer(competences: usize) -> impl Strategy<Value = Answer> {
    (
        prop::collection::vec(
            prop_oneof![6 => 1u8..=5, 1 => Just(NOT_SURE), 1 => Just(UNRATED)],
            competences,
        ),
        [
            prop_oneof![4 => 0u8..3, 1 => Just(NO_ANSWER)],
            prop_oneof![4 => 0u8..2, 1 => Just(NO_ANSWER)],
        ],
        (0u8..3).prop_flat_map(|n| (Just(n), 0..=n)),
    )
        .prop_map(|(ratings, questions, quiz)| Answer {
            ratings,
            questions,
            quiz,
        })
}

fn org() -> impl Strategy<Value = Org> {
    (3u16..=5, 0..AREAS.len(), 1u32..=4, 1u32..=3).prop_flat_map(|(k, areas, teams, sites)| {
        let competences = AREAS[areas].len();
        let person = (
            prop_oneof![3 => 0u8..2, 1 => 0u8..5],
            prop_oneof![3 => Just(0u8), 1 => Just(1u8)],
            prop::option::weighted(0.85, 0..teams),
            prop::collection::btree_set(0..sites, 0..=2),
            prop::option::weighted(0.8, answer(competences)),
            prop_oneof![3 => 0u8..2, 1 => 0u8..3, 1 => Just(NO_ANSWER)],
            prop_oneof![3 => 0u8..2, 1 => 0u8..4, 1 => Just(NO_ANSWER)],
        )
            .prop_map(
                |(family, employment, team, sites, answer, hours, service)| Asked {
                    family,
                    employment,
                    hours,
                    service,
                    team,
                    sites: sites.into_iter().collect(),
                    answer,
                },
            );
        let stray = (
            prop_oneof![Just(NO_ANSWER), 0u8..5],
            prop_oneof![Just(NO_ANSWER), 0u8..2],
            answer(competences),
        );
        (
            prop::collection::vec(person, 0..26),
            prop::collection::vec(stray, 0..4),
        )
            .prop_map(move |(people, strays)| Org {
                k,
                areas: AREAS[areas].to_vec(),
                teams,
                sites,
                options: [3, 2],
                people,
                strays,
            })
    })
}

/// The campaign's columns, as the store reads them.
fn columns(org: &Org) -> CampaignColumns {
    let competences = org.areas.len();
    let mut c = CampaignColumns {
        competences,
        sites: (0..i64::from(org.sites)).map(|s| 100 + s).collect(),
        teams: (0..i64::from(org.teams)).map(|t| 200 + t).collect(),
        tested: vec![0],
        profile: (0..2)
            .map(|q| ProfileColumn {
                question: QuestionId(q),
                answers: Vec::new(),
            })
            .collect(),
        ..CampaignColumns::default()
    };
    c.asked_site_starts.push(0);
    let respond =
        |c: &mut CampaignColumns, [family, employment, hours, service]: [u8; 4], a: &Answer| {
            c.ratings.extend(&a.ratings);
            c.person.push(Some(c.responses() as i64));
            c.submitted.push(c.responses() as i64);
            c.job_family.push(family);
            c.employment.push(employment);
            c.hours.push(hours);
            c.service.push(service);
            for (column, value) in c.profile.iter_mut().zip(a.questions) {
                column.answers.push(value);
            }
            c.quiz_answered.push(a.quiz.0);
            c.quiz_right.push(a.quiz.1);
            c.responses() as u32 - 1
        };
    for p in &org.people {
        c.asked_team.push(p.team.unwrap_or(NONE));
        c.asked_sites.extend(&p.sites);
        c.asked_site_starts.push(c.asked_sites.len() as u32);
        let row = match &p.answer {
            Some(a) => respond(&mut c, [p.family, p.employment, p.hours, p.service], a),
            None => NONE,
        };
        c.asked_response.push(row);
    }
    for (family, employment, a) in &org.strays {
        // Someone no longer in the organisation has no working hours or service either.
        let known = |x: u8| if *family == NO_ANSWER { NO_ANSWER } else { x };
        respond(&mut c, [*family, *employment, known(1), known(2)], a);
        c.ungrouped += 1;
    }
    c
}

/// What a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    People,
    Competence(usize),
    /// The ratings of an area's competences.
    Area(usize),
    /// People with a confidence and a quiz score.
    Calibrated,
    /// Answers to the questions testing one tested competence (by position in `tested`):
    /// counted as answers, summed as right ones, about the people who gave any.
    Knowledge(usize),
}

/// A figure as read: who it is about (a bit per respondent), what, its count and its sum.
#[derive(Debug, Clone, Copy)]
struct Figure {
    set: u64,
    measure: Measure,
    count: f64,
    sum: f64,
    /// Where it came from, for the failure message.
    what: &'static str,
}

/// The truth about each respondent, to check what an attack recovers.
struct Truth {
    ratings: Vec<Vec<u8>>,
    calibration: Vec<Option<PersonCalibration>>,
    /// Each respondent's answers and right answers for each tested competence.
    quiz: Vec<Vec<(u8, u8)>>,
    areas: Vec<usize>,
}

impl Truth {
    fn has(&self, r: usize, m: Measure) -> bool {
        match m {
            Measure::People => true,
            Measure::Competence(c) => (1..=5).contains(&self.ratings[r][c]),
            Measure::Area(a) => (0..self.areas.len())
                .any(|c| self.areas[c] == a && (1..=5).contains(&self.ratings[r][c])),
            Measure::Calibrated => self.calibration[r].is_some(),
            Measure::Knowledge(t) => self.quiz[r][t].0 > 0,
        }
    }

    /// The people in `set` the measure is about.
    fn people(&self, set: u64, m: Measure) -> u32 {
        members(set).filter(|r| self.has(*r, m)).count() as u32
    }

    /// What the figure counts (ratings, for an area) and sums, over `set`.
    fn count_and_sum(&self, set: u64, m: Measure) -> (f64, f64) {
        let mut out = (0.0, 0.0);
        for r in members(set) {
            match m {
                Measure::People => out.0 += 1.0,
                Measure::Competence(c) => {
                    let v = self.ratings[r][c];
                    if (1..=5).contains(&v) {
                        out = (out.0 + 1.0, out.1 + f64::from(v));
                    }
                }
                Measure::Area(a) => {
                    for (c, &v) in self.ratings[r].iter().enumerate() {
                        if self.areas[c] == a && (1..=5).contains(&v) {
                            out = (out.0 + 1.0, out.1 + f64::from(v));
                        }
                    }
                }
                Measure::Calibrated => {
                    if let Some(p) = self.calibration[r] {
                        out = (out.0 + 1.0, out.1 + p.confidence);
                    }
                }
                Measure::Knowledge(t) => {
                    let (answered, right) = self.quiz[r][t];
                    out = (out.0 + f64::from(answered), out.1 + f64::from(right));
                }
            }
        }
        out
    }
}

fn members(set: u64) -> impl Iterator<Item = usize> {
    (0..64).filter(move |r| set >> r & 1 == 1)
}

/// A partition of the respondents, as shown: its groups' sets and which are shown.
struct Partition {
    name: &'static str,
    /// Every group's members, those with no answer included (never shown).
    groups: Vec<u64>,
}

/// Everything the report shows, as the attacker reads it, and the partitions behind it.
struct Report {
    figures: Vec<Figure>,
    partitions: Vec<Partition>,
    /// Each site's people: sites are no partition (people may work at several, or none).
    sites: Vec<u64>,
    everyone: u64,
}

fn set_of(rows: impl Iterator<Item = usize>) -> u64 {
    rows.fold(0, |s, r| s | 1 << r)
}

/// Computes the report as the web does and reads every figure it shows.
fn report(org: &Org, c: &CampaignColumns, truth: &Truth) -> (Report, Disclosure) {
    let k = AnonymityThreshold::new(i64::from(org.k)).unwrap();
    let d = Disclosure::compute(c, &org.areas, k);
    let figures = CampaignFigures::from_columns(&d, &org.areas, c);
    let n = c.responses();
    let everyone = set_of(0..n);
    let mut out = Vec::new();
    let mut push = |set: u64, measure: Measure, count: f64, mean: Option<f64>, what| {
        out.push(Figure {
            set,
            measure,
            count,
            sum: mean.map_or(0.0, |m| m * count),
            what,
        });
    };

    // The campaign report: response rates, every competence, the heat map.
    let mut team_sets = vec![0u64; org.teams as usize + 1];
    let mut site_sets = vec![0u64; org.sites as usize];
    for (i, p) in org.people.iter().enumerate() {
        let r = c.asked_response[i];
        if r == NONE {
            continue;
        }
        team_sets[p.team.map_or(org.teams as usize, |t| t as usize)] |= 1 << r;
        for s in &p.sites {
            site_sets[*s as usize] |= 1 << r;
        }
    }
    team_sets[org.teams as usize] |= everyone & !team_sets.iter().fold(0, |a, b| a | b);
    if let Some(f) = figures.rate.finished() {
        push(everyone, Measure::People, f as f64, None, "everyone");
    }
    // How many answered from outside the audience: the responses no one asked gave.
    if let Some(n) = figures.rate.others().filter(|n| *n > 0) {
        let asked = set_of(
            c.asked_response
                .iter()
                .filter(|r| **r != NONE)
                .map(|r| *r as usize),
        );
        let what = "from outside the audience";
        push(everyone & !asked, Measure::People, n as f64, None, what);
    }
    for (t, rate) in figures.by_team.iter().enumerate() {
        if let Some(f) = rate.finished {
            push(team_sets[t], Measure::People, f as f64, None, "team rate");
        }
        assert_eq!(rate.finished.is_some(), rate.shown.is_shown());
    }
    // Each team's ratings, as its manager sees them.
    for (t, set) in team_sets.iter().enumerate().take(org.teams as usize) {
        let team = TeamFigures::compute(&d, &org.areas, c, t);
        for (competence, dist) in team.competences.iter().enumerate() {
            if let Some(dist) = dist {
                let m = Measure::Competence(competence);
                push(*set, m, dist.rated() as f64, dist.mean(), "team competence");
            }
        }
        for (a, area) in team.areas.iter().enumerate() {
            if let Some((mean, count)) = area {
                push(
                    *set,
                    Measure::Area(a),
                    *count as f64,
                    Some(*mean),
                    "team area",
                );
            }
        }
    }
    for (s, rate) in figures.by_site.iter().enumerate() {
        if let Some(f) = rate.finished {
            push(site_sets[s], Measure::People, f as f64, None, "site rate");
        }
    }
    for stats in &figures.overview.competences {
        if let Some(dist) = stats.distribution {
            let m = Measure::Competence(stats.competence);
            push(everyone, m, dist.rated() as f64, dist.mean(), "competence");
        }
    }
    for (s, row) in figures.heat.iter().enumerate() {
        for (a, mean) in row.means.iter().enumerate() {
            // The heat map shows a mean only; the attacker is given its count.
            if let Some(mean) = mean {
                let (count, _) = truth.count_and_sum(site_sets[s], Measure::Area(a));
                push(
                    site_sets[s],
                    Measure::Area(a),
                    count,
                    Some(*mean),
                    "heat map",
                );
            }
        }
        assert!(row.shown.is_shown() || row.means.iter().all(Option::is_none));
    }

    // A profile's service means (the same for every profile).
    let areas = org.areas.iter().max().map_or(0, |m| m + 1);
    let shown: Vec<Suppressed> = (0..areas).map(|a| d.area(a)).collect();
    let profile = Profile::compute(
        &shown,
        &org.areas,
        areas,
        &vec![None; org.areas.len()],
        &[],
        &vec![None; org.areas.len()],
        &c.area_totals(&org.areas, areas),
    );
    for (a, area) in profile.areas.iter().enumerate() {
        if let Some(mean) = area.service_mean {
            let (count, _) = truth.count_and_sum(everyone, Measure::Area(a));
            push(
                everyone,
                Measure::Area(a),
                count,
                Some(mean),
                "service mean",
            );
        }
    }
    let calibrations = c.calibration();
    let mut partitions = vec![Partition {
        name: "teams",
        groups: team_sets.clone(),
    }];

    // Every grouping compared, and confidence against knowledge by it.
    // Each response's team, as the campaign recorded it.
    let mut team_code = vec![NO_ANSWER; n];
    for (i, p) in org.people.iter().enumerate() {
        let r = c.asked_response[i];
        if r != NONE {
            team_code[r as usize] = p.team.map_or(NO_ANSWER, |t| t as u8);
        }
    }
    // Each response's main site: its person's first-listed site.
    let mut main_site_code = vec![NO_ANSWER; n];
    for (i, p) in org.people.iter().enumerate() {
        let r = c.asked_response[i];
        if r != NONE {
            main_site_code[r as usize] = p.sites.first().map_or(NO_ANSWER, |s| *s as u8);
        }
    }
    let groupings: [(GroupingKey, &'static str, usize, Vec<u8>); 8] = [
        (
            GroupingKey::JobFamily,
            "job family",
            JobFamily::ALL.len(),
            c.job_family.clone(),
        ),
        (
            GroupingKey::Employment,
            "employment",
            Employment::ALL.len(),
            c.employment.clone(),
        ),
        (
            GroupingKey::Hours,
            "hours",
            WorkingHours::ALL.len(),
            c.hours.clone(),
        ),
        (
            GroupingKey::Service,
            "service",
            ServiceLength::ALL.len(),
            c.service.clone(),
        ),
        (
            GroupingKey::Team,
            "team grouping",
            org.teams as usize,
            team_code,
        ),
        (
            GroupingKey::Site,
            "main site grouping",
            org.sites as usize,
            main_site_code,
        ),
        (
            GroupingKey::Question(QuestionId(0)),
            "question 0",
            org.options[0] as usize,
            c.profile[0].answers.clone(),
        ),
        (
            GroupingKey::Question(QuestionId(1)),
            "question 1",
            org.options[1] as usize,
            c.profile[1].answers.clone(),
        ),
    ];
    for (key, name, count, codes) in groupings {
        let group_of: Vec<Option<usize>> = codes
            .iter()
            .map(|x| (*x != NO_ANSWER && usize::from(*x) < count).then_some(usize::from(*x)))
            .collect();
        let mut sets = vec![0u64; count + 1];
        for (r, g) in group_of.iter().enumerate() {
            sets[g.unwrap_or(count)] |= 1 << r;
        }
        let question = matches!(key, GroupingKey::Question(_));
        let shown = d.grouping(key);
        let comparison =
            Comparison::from_counts(&shown, &GroupCounts::from_columns(count, &group_of, c));
        let people: Vec<(Option<usize>, PersonCalibration)> = calibrations
            .iter()
            .zip(&group_of)
            .filter_map(|(p, g)| p.map(|p| (*g, p)))
            .collect();
        let calibration = Calibration::compute(&shown, d.everyone_calibration(), count, &people);
        for (g, size) in comparison.groups.iter().enumerate() {
            if let Some(n) = size.respondents {
                let what = if question { name } else { "compared group" };
                push(sets[g], Measure::People, n as f64, None, what);
            }
        }
        for row in &comparison.competences {
            for (g, cell) in row.cells.iter().enumerate() {
                if let Some(cell) = cell {
                    let m = Measure::Competence(row.competence);
                    let what = if question { name } else { "compared cell" };
                    push(sets[g], m, cell.n as f64, Some(cell.mean), what);
                }
            }
        }
        // A group's area can be added up from its competences when all of them are shown.
        for a in 0..areas {
            for (g, &set) in sets.iter().enumerate().take(count) {
                let cells: Vec<_> = comparison
                    .competences
                    .iter()
                    .filter(|row| org.areas[row.competence] == a)
                    .map(|row| row.cells[g])
                    .collect();
                let rated = |row: &usize| truth.people(set, Measure::Competence(*row)) > 0;
                let all_shown = comparison
                    .competences
                    .iter()
                    .filter(|row| org.areas[row.competence] == a)
                    .zip(&cells)
                    .all(|(row, cell)| cell.is_some() || !rated(&row.competence));
                if all_shown && comparison.groups[g].respondents.is_some() {
                    let (n, sum) = cells.iter().flatten().fold((0.0, 0.0), |(n, s), x| {
                        (n + x.n as f64, s + x.mean * x.n as f64)
                    });
                    if n > 0.0 {
                        let what = if question { name } else { "added-up area" };
                        push(set, Measure::Area(a), n, Some(sum / n), what);
                    }
                }
            }
        }
        for (g, row) in calibration.groups.iter().enumerate() {
            if let (Some(n), Some(f)) = (row.people, row.figures) {
                let what = if question { name } else { "calibration" };
                push(
                    sets[g],
                    Measure::Calibrated,
                    n as f64,
                    Some(f.confidence),
                    what,
                );
            }
        }
        // Confidence against knowledge competence by competence: a competence's ratings and
        // its questions' answers, by group and for everyone.
        for k in by_competence(c, &group_of, count, &d, &shown) {
            let t = c.tested.iter().position(|x| *x == k.competence).unwrap();
            let cells = k
                .groups
                .iter()
                .enumerate()
                .filter_map(|(g, x)| Some((sets[g], (*x)?)));
            let everyone_cell = k.everyone.filter(|_| key == GroupingKey::JobFamily);
            for (set, cell) in cells.chain(everyone_cell.map(|x| (everyone, x))) {
                let what = if question { name } else { "knowledge" };
                let m = Measure::Competence(k.competence);
                push(set, m, cell.raters as f64, Some(cell.mean_rating), what);
                let answers = cell.answers as f64;
                push(
                    set,
                    Measure::Knowledge(t),
                    answers,
                    Some(cell.share_right),
                    what,
                );
            }
        }
        if key == GroupingKey::JobFamily
            && let (Some(n), Some(f)) = (calibration.everyone.people, calibration.everyone.figures)
        {
            push(
                everyone,
                Measure::Calibrated,
                n as f64,
                Some(f.confidence),
                "calibration",
            );
        }
        partitions.push(Partition { name, groups: sets });
    }
    (
        Report {
            figures: out,
            partitions,
            sites: site_sets,
            everyone,
        },
        d,
    )
}

const MEASURES: fn(&[usize]) -> Vec<Measure> = |areas| {
    let mut m = vec![Measure::People, Measure::Calibrated, Measure::Knowledge(0)];
    m.extend((0..areas.len()).map(Measure::Competence));
    m.extend((0..=*areas.iter().max().unwrap()).map(Measure::Area));
    m
};

/// Checks one attack: `set` recovered by subtraction, its count and sum as worked out.
fn check(
    truth: &Truth,
    k: u32,
    m: Measure,
    set: u64,
    worked_out: (f64, f64),
    how: &str,
) -> Result<(), TestCaseError> {
    let (count, sum) = truth.count_and_sum(set, m);
    // The attack is real: what it works out is the truth about those people.
    prop_assert!(
        (count - worked_out.0).abs() < 1e-6,
        "{how}: {m:?} count {count} but worked out {}",
        worked_out.0
    );
    if m != Measure::People {
        prop_assert!(
            (sum - worked_out.1).abs() < 1e-6,
            "{how}: {m:?} sum {sum} but worked out {}",
            worked_out.1
        );
    }
    let people = truth.people(set, m);
    prop_assert!(
        people == 0 || people >= k,
        "{how} gives a figure ({m:?}) about {people} people (threshold {k}): {:?}",
        members(set).collect::<Vec<_>>()
    );
    Ok(())
}

/// Whether the partition groups people by their answers to a profile question.
fn answers(p: &Partition) -> bool {
    p.name.starts_with("question")
}

/// The figures of `m` the attacker can read as about the groups of partition `p`, one per
/// group: for a question, its own; otherwise any about the same people.
fn cells_of<'a>(shown: &[&'a Figure], p: &Partition) -> Vec<&'a Figure> {
    let mut out: Vec<&Figure> = Vec::new();
    for f in shown {
        let usable = if answers(p) {
            f.what == p.name
        } else {
            known_to_all(f)
        };
        if usable && f.set != 0 && p.groups.contains(&f.set) && !out.iter().any(|x| x.set == f.set)
        {
            out.push(f);
        }
    }
    out
}

/// Every subtraction of the section's list, for one measure.
fn subtractions(report: &Report, truth: &Truth, k: u32, m: Measure) -> Result<(), TestCaseError> {
    let shown: Vec<&Figure> = report.figures.iter().filter(|f| f.measure == m).collect();
    let total = shown.iter().find(|f| f.set == report.everyone).copied();
    // Known sets: the figures shown, and each partition's hidden groups together (the total
    // less the groups shown).
    let mut known: Vec<Figure> = shown.iter().map(|f| **f).collect();
    let mut hidden_of: Vec<Option<Figure>> = Vec::new();
    for p in &report.partitions {
        let Some(total) = total else {
            hidden_of.push(None);
            continue;
        };
        let cells = cells_of(&shown, p);
        let union = cells.iter().fold(0u64, |a, f| a | f.set);
        let rest = report.everyone & !union;
        let worked = cells.iter().fold((total.count, total.sum), |(c, s), f| {
            (c - f.count, s - f.sum)
        });
        check(
            truth,
            k,
            m,
            rest,
            worked,
            &format!("everyone less the {} shown", p.name),
        )?;
        let h = (rest != 0).then_some(Figure {
            set: rest,
            measure: m,
            count: worked.0,
            sum: worked.1,
            what: p.name,
        });
        if !answers(p) {
            known.extend(h);
        }
        hidden_of.push(h);
    }
    // Who gave which answer is not known: those figures go no further.
    known.retain(known_to_all);
    // Everyone less sites shown that share no one: the people at none of them.
    if let Some(total) = total {
        let mut sites: Vec<&Figure> = Vec::new();
        // A figure by answer about the same people as a site is not known to be the site's.
        for f in shown.iter().filter(|f| known_to_all(f)) {
            if f.set != 0 && report.sites.contains(&f.set) && !sites.iter().any(|x| x.set == f.set)
            {
                sites.push(f);
            }
        }
        for chosen in 1u32..1 << sites.len() {
            let picked: Vec<&&Figure> = sites
                .iter()
                .enumerate()
                .filter(|(i, _)| chosen >> i & 1 == 1)
                .map(|(_, f)| f)
                .collect();
            let union = picked.iter().fold(0u64, |a, f| a | f.set);
            let apart =
                picked.iter().map(|f| f.set.count_ones()).sum::<u32>() == union.count_ones();
            if apart {
                let worked = picked.iter().fold((total.count, total.sum), |(c, s), f| {
                    (c - f.count, s - f.sum)
                });
                let how = format!("everyone less {} sites sharing no one", picked.len());
                check(truth, k, m, report.everyone & !union, worked, &how)?;
            }
        }
    }
    // Any figure less any other inside it.
    for y in &known {
        for x in &known {
            if x.set & !y.set == 0 && x.set != y.set {
                check(
                    truth,
                    k,
                    m,
                    y.set & !x.set,
                    (y.count - x.count, y.sum - x.sum),
                    &format!(
                        "{} less {} (shown: {})",
                        y.what,
                        x.what,
                        shown_list(report, m, truth)
                    ),
                )?;
            }
        }
    }
    // A figure less the groups of another partition inside it, and that partition's hidden
    // groups split by it.
    for y in &known {
        for (p, hidden) in report.partitions.iter().zip(&hidden_of) {
            if answers(p) {
                continue;
            }
            let cells = cells_of(&shown, p);
            let mut inside: Vec<Figure> = cells
                .iter()
                .filter(|f| f.set & !y.set == 0)
                .map(|f| **f)
                .collect();
            if let Some(h) = hidden
                && h.set & !y.set == 0
            {
                inside.push(*h);
            }
            let union = inside.iter().fold(0u64, |a, f| a | f.set);
            let worked = inside
                .iter()
                .fold((y.count, y.sum), |(c, s), f| (c - f.count, s - f.sum));
            let how = format!("{} less the {} inside it", y.what, p.name);
            check(truth, k, m, y.set & !union, worked, &how)?;
            let straddled = cells
                .iter()
                .any(|f| f.set & y.set != 0 && f.set & !y.set != 0);
            if let Some(h) = hidden
                && h.set & !y.set != 0
                && !straddled
            {
                let outside = (h.count - worked.0, h.sum - worked.1);
                let how = format!("the hidden {} outside {}", p.name, y.what);
                check(truth, k, m, h.set & !y.set, outside, &how)?;
            }
        }
    }
    Ok(())
}

/// Whether the attacker knows who is in the figure's group: everyone, sites, teams, job
/// families and employment, but not answers to profile questions.
fn known_to_all(f: &Figure) -> bool {
    !f.what.starts_with("question")
}

/// The figures shown for `m`, for failure messages.
fn shown_list(report: &Report, m: Measure, truth: &Truth) -> String {
    report
        .figures
        .iter()
        .filter(|f| f.measure == m)
        .map(|f| {
            let who: Vec<usize> = members(f.set).filter(|r| truth.has(*r, m)).collect();
            format!("{} {:?} = {}", f.what, who, f.count)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn truth(org: &Org, c: &CampaignColumns) -> Truth {
    Truth {
        ratings: (0..c.responses())
            .map(|r| c.ratings_of(r).to_vec())
            .collect(),
        calibration: c.calibration(),
        quiz: (0..c.responses())
            .map(|r| {
                let (answered, right) = c.quiz_of(r);
                answered
                    .iter()
                    .copied()
                    .zip(right.iter().copied())
                    .collect()
            })
            .collect(),
        areas: org.areas.clone(),
    }
}

proptest! {
    // A thousand organisations each run; `PROPTEST_CASES=100000` for a longer search.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn no_subtraction_recovers_a_figure_about_fewer_than_k(org in org()) {
        let c = columns(&org);
        let truth = truth(&org, &c);
        let (report, _) = report(&org, &c, &truth);
        for m in MEASURES(&org.areas) {
            subtractions(&report, &truth, u32::from(org.k), m)?;
        }
    }

    #[test]
    fn nothing_is_shown_while_fewer_than_k_have_answered(org in org()) {
        let c = columns(&org);
        let truth = truth(&org, &c);
        let (report, d) = report(&org, &c, &truth);
        if c.responses() < usize::from(org.k) {
            prop_assert_eq!(d.everyone(), Suppressed::TooSmall);
            prop_assert!(report.figures.is_empty(), "{:?}", report.figures);
        } else {
            // Nothing is hidden to protect the whole campaign's figures once k have answered:
            // change over time shows an earlier campaign's response rate by this rule alone
            // (`ShownRate::counted`), without working out the rest of what it may show.
            prop_assert_eq!(d.everyone(), Suppressed::Shown);
        }
    }
}
