//! The anonymity threshold, and which of a campaign's figures it lets a report show.
//!
//! No figure may be about fewer people than the threshold (k), and none may be worked out from
//! the figures shown by subtraction. [`Disclosure`] decides for the whole report at once: the
//! campaign as a whole, every grouping the comparison and calibration offer (job family,
//! employment, working hours, length of service, each single-choice profile question),
//! teams and sites. The rule, in the words of
//! `docs/analysis.md` ("No figure about fewer than k people"):
//!
//! 1. Nothing is shown while fewer than k people have answered; a group, or one competence of a
//!    group, with 1 to k − 1 people is hidden.
//! 2. In each partition (a grouping, or teams), the hidden groups together, people with no
//!    answer included, hold none or at least k people, or more are hidden.
//! 3. A figure less any figure inside it (as two groups of different partitions, a site and a
//!    team within it, everyone and a site) leaves none or at least k people.
//! 4. A figure less the groups of another partition inside it (teams within a site) leaves none
//!    or at least k people; and when that difference is exactly the partition's hidden people
//!    inside the figure, the hidden people outside it are none or at least k.
//!
//! Each is checked for every measure separately: the people in a group, those who gave each
//! competence a 1–5 rating ("not sure" is not a rating), those who rated each area, those
//! with a knowledge-round score, and those who answered each tested competence's questions. Hiding works on group sizes, never on answers, so it costs the
//! same at 50 as at 50,000 people.

use super::columns::{CampaignColumns, NO_ANSWER, NONE};
use crate::{Employment, Invalid, JobFamily, QuestionId, ServiceLength, WorkingHours};
use std::cell::Cell;

/// The smallest number of people a figure may be about. Always within
/// [`AnonymityThreshold::MIN`]..=[`AnonymityThreshold::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnonymityThreshold(u16);

impl AnonymityThreshold {
    /// Two people could each work out the other's answers from a figure about both.
    pub const MIN: u16 = 3;
    /// More would hide every team and most sites of a library service.
    pub const MAX: u16 = 50;
    /// What an organisation starts with.
    pub const DEFAULT: AnonymityThreshold = AnonymityThreshold(5);

    /// A threshold as stored or chosen.
    pub fn new(n: i64) -> Result<Self, Invalid> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&n) {
            Ok(Self(n as u16))
        } else {
            Err(Invalid("anonymity-threshold-out-of-range"))
        }
    }

    /// A threshold typed by a person: a whole number within the range.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("anonymity-threshold-missing"));
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid("anonymity-threshold-not-whole"));
        }
        match s.parse::<u32>() {
            Ok(n) => Self::new(i64::from(n)),
            Err(_) => Err(Invalid("anonymity-threshold-out-of-range")),
        }
    }

    pub fn get(self) -> usize {
        usize::from(self.0)
    }

    /// How many of an open anonymous campaign's finished responses its figures count: whole
    /// steps of k, so that one more response changes nothing until k more have come in.
    pub fn counted(self, finished: usize) -> usize {
        finished / self.get() * self.get()
    }
}

impl Default for AnonymityThreshold {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Whether a page may say how many of the respondents are in a part the rule does not weigh
/// against its groups (those who answered from outside the audience, those in no group of a
/// grouping): only when it is none or all of them, which tells nothing the total does not. Any
/// other count of such a part could be set against the groups shown (everyone less it, less
/// the groups of a partition, …) to count a group the rule hides.
pub fn none_or_all(part: u64, total: u64) -> bool {
    part == 0 || part == total
}

/// Whether a figure may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppressed {
    Shown,
    /// About fewer people than the threshold.
    TooSmall,
    /// About enough people, but hidden so that no smaller figure can be worked out.
    Complementary,
}

impl Suppressed {
    pub fn is_shown(self) -> bool {
        self == Suppressed::Shown
    }
}

/// Teams and main sites are offered as a grouping only up to this many: beyond it a page of
/// groups side by side is unreadable, and the team pages serve instead. Main sites beyond it
/// are not weighed at all.
pub const MOST_PLACES: usize = 40;

/// A way of grouping respondents that the comparison and calibration offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupingKey {
    JobFamily,
    Employment,
    /// Full-time, part-time or volunteer (`WorkingHours`).
    Hours,
    /// Length of service when the campaign opened (`ServiceLength`).
    Service,
    /// Teams, as the campaign recorded them.
    Team,
    /// Main sites (each person's first-listed site), as the campaign recorded them: a
    /// partition, unlike sites themselves, where a person may count at several.
    Site,
    /// A single-choice profile question: groups are its options, by position.
    Question(QuestionId),
}

/// What may be shown of one grouping's groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupingDisclosure {
    competences: usize,
    /// How many competences the knowledge round tests.
    tested: usize,
    /// For groups nobody is in: shown (there is nothing to see), unless the campaign's own
    /// figures are hidden.
    empty: Suppressed,
    groups: Vec<Suppressed>,
    /// `cells[g * competences + c]`: group `g`'s figures for competence `c`.
    cells: Vec<Suppressed>,
    calibration: Vec<Suppressed>,
    /// `knowledge[g * tested + t]`: group `g`'s answers to tested competence `t`'s questions.
    knowledge: Vec<Suppressed>,
}

impl GroupingDisclosure {
    /// A grouping's disclosure as given, for testing what shows it; reports get theirs from
    /// [`Disclosure::grouping`].
    #[cfg(test)]
    pub(crate) fn new(
        competences: usize,
        groups: Vec<Suppressed>,
        calibration: Vec<Suppressed>,
    ) -> Self {
        Self {
            competences,
            tested: 0,
            empty: Suppressed::Shown,
            cells: vec![Suppressed::Shown; groups.len() * competences],
            groups,
            calibration,
            knowledge: Vec::new(),
        }
    }

    /// As [`GroupingDisclosure::new`], with each group's cells and knowledge given, for
    /// testing what shows confidence against knowledge by competence.
    #[cfg(test)]
    pub(crate) fn with_cells(
        competences: usize,
        tested: usize,
        groups: Vec<Suppressed>,
        cells: Vec<Suppressed>,
        knowledge: Vec<Suppressed>,
    ) -> Self {
        Self {
            competences,
            tested,
            empty: Suppressed::Shown,
            calibration: vec![Suppressed::Shown; groups.len()],
            groups,
            cells,
            knowledge,
        }
    }

    /// The group's size and figures. Groups nobody is in are shown (there is nothing to see).
    pub fn group(&self, g: usize) -> Suppressed {
        self.groups.get(g).copied().unwrap_or(self.empty)
    }

    /// The group's figures for one competence.
    pub fn cell(&self, g: usize, c: usize) -> Suppressed {
        if g >= self.groups.len() {
            return self.empty;
        }
        self.cells
            .get(g * self.competences + c)
            .copied()
            .unwrap_or(self.empty)
    }

    /// The group's confidence against knowledge.
    pub fn calibration(&self, g: usize) -> Suppressed {
        self.calibration.get(g).copied().unwrap_or(self.empty)
    }

    /// The group's answers to the questions testing tested competence `t` (by position in the
    /// columns' `tested`): its share of right answers.
    pub fn knowledge(&self, g: usize, t: usize) -> Suppressed {
        if g >= self.groups.len() {
            return self.empty;
        }
        self.knowledge
            .get(g * self.tested + t)
            .copied()
            .unwrap_or(self.empty)
    }
}

/// Which of a campaign's figures may be shown, for the whole report at once (see the module).
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    threshold: AnonymityThreshold,
    competences: usize,
    areas: usize,
    tested: usize,
    dims: Vec<Dim>,
    groupings: Vec<(GroupingKey, usize)>,
}

/// The kinds of group a report shows figures for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Everyone who answered: one group.
    Everyone,
    /// A grouping compared whose members the organisation knows (job family, employment): a
    /// partition, the last group being those with no answer.
    Grouping,
    /// A grouping by the answer to a profile question: who gave which answer is not known to
    /// anyone reading the report, so its groups cannot be set against other groups; only
    /// against the total.
    Answers,
    /// Teams: a partition, the last group being those in no team (and answers from no one
    /// asked).
    Teams,
    /// Sites: a person may work at several, or none.
    Sites,
}

impl Kind {
    fn partition(self) -> bool {
        self != Kind::Sites
    }
}

/// One kind of group and what it shows. Measures are numbered: 0 the people, then each
/// competence's 1–5 raters, each area's raters, the people with a knowledge-round score, and
/// those who answered each tested competence's questions.
#[derive(Debug, Clone, PartialEq)]
struct Dim {
    kind: Kind,
    groups: usize,
    /// Decided after every other kind, and never at their cost (see `Engine::decide`): main
    /// sites, which people at several sites would otherwise make the sites' own figures give
    /// way to.
    yields: bool,
    /// `size[g * measures + m]`.
    size: Vec<u32>,
    state: Vec<Suppressed>,
}

const EVERYONE: usize = 0;

impl Disclosure {
    /// Decides for the campaign's columns; `competence_areas[c]` is competence `c`'s area.
    pub fn compute(
        columns: &CampaignColumns,
        competence_areas: &[usize],
        threshold: AnonymityThreshold,
    ) -> Self {
        let mut engine = Engine::new(columns, competence_areas, threshold);
        engine.decide();
        let Engine {
            dims,
            groupings,
            competences,
            areas,
            tested,
            ..
        } = engine;
        Self {
            threshold,
            competences,
            areas,
            tested,
            dims,
            groupings,
        }
    }

    pub fn threshold(&self) -> AnonymityThreshold {
        self.threshold
    }

    fn measures(&self) -> usize {
        self.competences + self.areas + 2 + self.tested
    }

    /// The measure of people with a knowledge-round score; each tested competence's follow.
    fn calibration_measure(&self) -> usize {
        1 + self.competences + self.areas
    }

    fn state(&self, d: usize, g: usize, m: usize) -> Suppressed {
        let dim = &self.dims[d];
        if g >= dim.groups {
            return Suppressed::Shown;
        }
        dim.state[g * self.measures() + m]
    }

    /// The campaign's own figures: how many answered, and everything else about everyone.
    pub fn everyone(&self) -> Suppressed {
        self.state(EVERYONE, 0, 0)
    }

    /// Everyone's ratings of competence `c`: its mean and distribution.
    pub fn competence(&self, c: usize) -> Suppressed {
        self.state(EVERYONE, 0, 1 + c)
    }

    /// Everyone's ratings of area `a`'s competences together.
    pub fn area(&self, a: usize) -> Suppressed {
        if a >= self.areas {
            return Suppressed::Shown;
        }
        self.state(EVERYONE, 0, 1 + self.competences + a)
    }

    /// Everyone's confidence against knowledge.
    pub fn everyone_calibration(&self) -> Suppressed {
        self.state(EVERYONE, 0, self.calibration_measure())
    }

    /// Everyone's answers to the questions testing tested competence `t`.
    pub fn everyone_knowledge(&self, t: usize) -> Suppressed {
        if t >= self.tested {
            return Suppressed::TooSmall;
        }
        self.state(EVERYONE, 0, self.calibration_measure() + 1 + t)
    }

    /// A team's response rate, by position in the columns' teams.
    pub fn team(&self, t: usize) -> Suppressed {
        self.state(self.dims.len() - 2, t, 0)
    }

    /// A team's ratings of competence `c`: its mean and distribution, as the team's manager
    /// sees them (a team's area is added up from its competences, as a grouping's is).
    pub fn team_competence(&self, t: usize, c: usize) -> Suppressed {
        if c >= self.competences {
            return Suppressed::TooSmall;
        }
        self.state(self.dims.len() - 2, t, 1 + c)
    }

    /// A site's response rate and heat-map row, by position in the columns' sites.
    pub fn site(&self, s: usize) -> Suppressed {
        self.state(self.dims.len() - 1, s, 0)
    }

    /// A site's mean rating of one area in the heat map.
    pub fn heat(&self, s: usize, a: usize) -> Suppressed {
        self.state(self.dims.len() - 1, s, 1 + self.competences + a)
    }

    /// What may be shown of one grouping's groups; for a question the campaign does not ask as
    /// a single choice, nothing is hidden because nobody is in its groups.
    pub fn grouping(&self, key: GroupingKey) -> GroupingDisclosure {
        let measures = self.measures();
        let Some(&(_, d)) = self.groupings.iter().find(|(k, _)| *k == key) else {
            return GroupingDisclosure {
                competences: self.competences,
                tested: self.tested,
                empty: self.everyone(),
                groups: Vec::new(),
                cells: Vec::new(),
                calibration: Vec::new(),
                knowledge: Vec::new(),
            };
        };
        let dim = &self.dims[d];
        // The last group holds those with no answer: never shown, so not offered.
        let groups = dim.groups - 1;
        let calibration = self.calibration_measure();
        GroupingDisclosure {
            competences: self.competences,
            tested: self.tested,
            empty: self.everyone(),
            groups: (0..groups).map(|g| dim.state[g * measures]).collect(),
            cells: (0..groups)
                .flat_map(|g| (0..self.competences).map(move |c| (g, c)))
                .map(|(g, c)| dim.state[g * measures + 1 + c])
                .collect(),
            calibration: (0..groups)
                .map(|g| dim.state[g * measures + calibration])
                .collect(),
            knowledge: (0..groups)
                .flat_map(|g| (0..self.tested).map(move |t| (g, t)))
                .map(|(g, t)| dim.state[g * measures + calibration + 1 + t])
                .collect(),
        }
    }
}

/// A set of respondents whose figures can be read or worked out: a group shown, or the hidden
/// groups of a partition together (the total less the groups shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Set {
    Cell(usize, usize),
    Hidden(usize),
}

/// For each group of one kind, the groups of another sharing people with it, sorted, with how
/// many they share.
type Overlaps = Vec<Vec<(u32, u32)>>;

/// Who is in which group, and how groups overlap, for deciding.
struct Engine {
    k: u32,
    competences: usize,
    areas: usize,
    /// How many competences the knowledge round tests.
    tested: usize,
    /// The competences it tests, by position: tested competence `t` is `tested_competences[t]`.
    tested_competences: Vec<usize>,
    measures: usize,
    /// Each area's competences.
    area_competences: Vec<Vec<usize>>,
    dims: Vec<Dim>,
    groupings: Vec<(GroupingKey, usize)>,
    /// `overlap[a][b][g]`: for each group `h` of dimension `b` sharing people with group `g` of
    /// dimension `a`, `(h, how many they share)`. Empty for pairs that are never compared.
    overlap: Vec<Vec<Overlaps>>,
    /// `twins[d][g]`: the groups of other kinds with exactly the same people as group `g` of
    /// `d`. Hiding one and showing its twin would hide nothing: one hidden to protect another
    /// hides its twins, and one never shown (those in no team) is known when a twin is shown.
    twins: Vec<Vec<Vec<(usize, usize)>>>,
    /// The different sets of sites people work at (none included), and how many people work
    /// at each set: `signature_size[i * (1 + areas) + j]`, for the people (`j` = 0) and each
    /// area's raters.
    signatures: Vec<Vec<u32>>,
    signature_size: Vec<u32>,
    /// Moves on whenever a cell is hidden: what was worked out from the cells before is stale.
    generation: u64,
    /// `hidden_sizes[d * measures + m]`: the size of partition `d`'s hidden groups for measure
    /// `m`, and the generation it was counted at. Asked for every set checked against `d`, so
    /// counting it again each time (2,000 teams) would dominate.
    hidden_sizes: Vec<Cell<(u64, u32)>>,
}

/// Groups of sites sharing people that are checked by trying every choice of sites sharing no
/// one; larger groups are checked by a simpler rule that is stricter.
const FEW_SITES: usize = 12;

impl Engine {
    fn new(
        columns: &CampaignColumns,
        competence_areas: &[usize],
        threshold: AnonymityThreshold,
    ) -> Self {
        let competences = columns.competences.min(competence_areas.len());
        let areas = competence_areas[..competences]
            .iter()
            .max()
            .map_or(0, |m| m + 1);
        let tested_count = columns.tested.len();
        let measures = competences + areas + 2 + tested_count;
        let calibration = 1 + competences + areas;
        let responses = columns.responses();

        // Each response's group in every partition, and its sites.
        let mut partitions: Vec<(Kind, usize, Vec<u32>)> =
            vec![(Kind::Everyone, 1, vec![0; responses])];
        let mut groupings = Vec::new();
        // A column shorter than the responses (one built before it existed) is no answer.
        let byte_column = |codes: &[u8], groups: usize| -> Vec<u32> {
            (0..responses)
                .map(|r| codes.get(r).copied().unwrap_or(NO_ANSWER))
                .map(|c| {
                    if c == NO_ANSWER || usize::from(c) >= groups {
                        groups as u32
                    } else {
                        u32::from(c)
                    }
                })
                .collect()
        };
        groupings.push((GroupingKey::JobFamily, partitions.len()));
        partitions.push((
            Kind::Grouping,
            JobFamily::ALL.len() + 1,
            byte_column(&columns.job_family, JobFamily::ALL.len()),
        ));
        groupings.push((GroupingKey::Employment, partitions.len()));
        partitions.push((
            Kind::Grouping,
            Employment::ALL.len() + 1,
            byte_column(&columns.employment, Employment::ALL.len()),
        ));
        groupings.push((GroupingKey::Hours, partitions.len()));
        partitions.push((
            Kind::Grouping,
            WorkingHours::ALL.len() + 1,
            byte_column(&columns.hours, WorkingHours::ALL.len()),
        ));
        groupings.push((GroupingKey::Service, partitions.len()));
        partitions.push((
            Kind::Grouping,
            ServiceLength::ALL.len() + 1,
            byte_column(&columns.service, ServiceLength::ALL.len()),
        ));
        for question in &columns.profile {
            let options = question
                .answers
                .iter()
                .filter(|a| **a != NO_ANSWER)
                .max()
                .map_or(0, |m| usize::from(*m) + 1);
            groupings.push((GroupingKey::Question(question.question), partitions.len()));
            partitions.push((
                Kind::Answers,
                options + 1,
                byte_column(&question.answers, options),
            ));
        }
        let mut team_of = vec![columns.teams.len() as u32; responses];
        let mut asked_of = vec![NONE; responses];
        for (i, &r) in columns.asked_response.iter().enumerate() {
            if r != NONE && (r as usize) < responses {
                asked_of[r as usize] = i as u32;
                let t = columns.asked_team[i];
                if t != NONE {
                    team_of[r as usize] = t;
                }
            }
        }
        let sites = columns.sites.len();
        let main_sites = (1..=MOST_PLACES)
            .contains(&sites)
            .then_some(partitions.len());
        if let Some(main_sites) = main_sites {
            groupings.push((GroupingKey::Site, main_sites));
            partitions.push((
                Kind::Grouping,
                sites + 1,
                columns
                    .main_sites()
                    .into_iter()
                    .map(|s| s.unwrap_or(sites as u32))
                    .collect(),
            ));
        }
        let sites_of = |r: usize| -> &[u32] {
            match asked_of[r] {
                NONE => &[],
                i => columns.sites_of(i as usize),
            }
        };
        // Teams and sites come last, in that order (see `Disclosure::team`, `Disclosure::site`).
        groupings.push((GroupingKey::Team, partitions.len()));
        partitions.push((Kind::Teams, columns.teams.len() + 1, team_of));

        // What each response counts towards: itself, each competence it rated 1–5, each area
        // it rated, its knowledge-round score, and each tested competence it answered on.
        let tested: Vec<bool> = (0..competences)
            .map(|c| columns.tested.contains(&c))
            .collect();
        let mut dims: Vec<Dim> = partitions
            .iter()
            .enumerate()
            .map(|(d, (kind, groups, _))| Dim {
                kind: *kind,
                groups: *groups,
                yields: Some(d) == main_sites,
                size: vec![0; groups * measures],
                state: vec![Suppressed::Shown; groups * measures],
            })
            .collect();
        dims.push(Dim {
            kind: Kind::Sites,
            groups: sites,
            yields: false,
            size: vec![0; sites * measures],
            state: vec![Suppressed::Shown; sites * measures],
        });
        // Responses are first added up by their groups in every partition (everyone, job
        // family, employment, the questions, teams): far fewer such combinations than
        // responses, so each response is added once rather than once a partition.
        let full: Vec<usize> = (0..partitions.len()).collect();
        let mut combination_of = vec![0u32; responses];
        let mut combinations: std::collections::HashMap<Vec<u32>, u32> = Default::default();
        let mut members: Vec<Vec<u32>> = Vec::new();
        let mut key = Vec::with_capacity(full.len());
        let mut last: Option<(Vec<u32>, u32)> = None;
        for (r, at) in combination_of.iter_mut().enumerate() {
            key.clear();
            key.extend(full.iter().map(|d| partitions[*d].2[r]));
            // Neighbouring responses often share their groups: no lookup then.
            if let Some((k, c)) = &last
                && *k == key
            {
                *at = *c;
                continue;
            }
            let found = match combinations.get(&key) {
                Some(c) => *c,
                None => {
                    let c = members.len() as u32;
                    members.push(key.clone());
                    combinations.insert(key.clone(), c);
                    c
                }
            };
            *at = found;
            last = Some((key.clone(), found));
        }
        let mut by_combination = vec![0u32; members.len() * measures];
        let mut area_rated = vec![0u32; areas];
        let competence_info: Vec<(usize, bool)> = (0..competences)
            .map(|c| (competence_areas[c], tested[c]))
            .collect();
        let site_measures = 1 + areas;
        let mut signature_of: std::collections::HashMap<&[u32], usize> = Default::default();
        let mut signatures: Vec<Vec<u32>> = Vec::new();
        let mut signature_size: Vec<u32> = Vec::new();
        for (r, combination) in combination_of.iter().enumerate() {
            let at = *combination as usize * measures;
            let row = &mut by_combination[at..at + measures];
            row[0] += 1;
            area_rated.fill(0);
            let mut tested_rated = false;
            let ratings = &columns.ratings_of(r)[..competences];
            for ((&code, &(area, is_tested)), slot) in ratings
                .iter()
                .zip(&competence_info)
                .zip(&mut row[1..=competences])
            {
                let rated = code.wrapping_sub(1) < 5;
                *slot += u32::from(rated);
                area_rated[area] |= u32::from(rated);
                tested_rated |= rated & is_tested;
            }
            for (slot, rated) in row[1 + competences..].iter_mut().zip(&area_rated) {
                *slot += rated;
            }
            let (answered, _) = columns.quiz_of(r);
            row[calibration] += u32::from(tested_rated && answered.iter().any(|n| *n > 0));
            for (slot, n) in row[calibration + 1..].iter_mut().zip(answered) {
                *slot += u32::from(*n > 0);
            }
            // Sites show how many answered and each area's ratings.
            let site_dim = dims.last_mut().expect("sites");
            for &site in sites_of(r) {
                let site_row = &mut site_dim.size[site as usize * measures..][..measures];
                site_row[0] += 1;
                for (slot, rated) in site_row[1 + competences..].iter_mut().zip(&area_rated) {
                    *slot += rated;
                }
            }
            let signature = *signature_of.entry(sites_of(r)).or_insert_with(|| {
                signatures.push(sites_of(r).to_vec());
                signature_size.extend(std::iter::repeat_n(0, site_measures));
                signatures.len() - 1
            });
            let row = &mut signature_size[signature * site_measures..][..site_measures];
            row[0] += 1;
            for (slot, rated) in row[1..].iter_mut().zip(&area_rated) {
                *slot += rated;
            }
        }
        drop(signature_of);
        for (combination, groups) in members.iter().enumerate() {
            let from = &by_combination[combination * measures..][..measures];
            for (d, g) in full.iter().zip(groups) {
                let to = &mut dims[*d].size[*g as usize * measures..][..measures];
                for (t, f) in to.iter_mut().zip(from) {
                    *t += f;
                }
            }
        }
        // How the groups of any two kinds overlap: one pass per pair, counting. Groupings by
        // answer are never set against other groups, so they need none.
        let n = dims.len();
        let mut overlap = vec![vec![Vec::new(); n]; n];
        let site_d = n - 1;
        let compared: Vec<usize> = (1..n).filter(|d| dims[*d].kind != Kind::Answers).collect();
        for (i, &a) in compared.iter().enumerate() {
            for &b in &compared[i..] {
                if a == b && a != site_d {
                    continue;
                }
                let (ga, gb) = (dims[a].groups, dims[b].groups);
                let of = |d: usize, r: usize| -> &[u32] {
                    if d == site_d {
                        sites_of(r)
                    } else {
                        std::slice::from_ref(&partitions[d].2[r])
                    }
                };
                let count = |add: &mut dyn FnMut(u32, u32)| {
                    for r in 0..responses {
                        for &x in of(a, r) {
                            for &y in of(b, r) {
                                if a != b || x != y {
                                    add(x, y);
                                }
                            }
                        }
                    }
                };
                // Counted in a table when it is small enough (2,000 teams by 200 sites is
                // 400,000 cells), else sorted.
                let mut cells: Vec<(u32, u32, u32)> = Vec::new();
                if ga * gb <= 1 << 22 {
                    let mut table = vec![0u32; ga * gb];
                    count(&mut |x, y| table[x as usize * gb + y as usize] += 1);
                    for (i, &shared) in table.iter().enumerate() {
                        if shared > 0 {
                            cells.push(((i / gb) as u32, (i % gb) as u32, shared));
                        }
                    }
                } else {
                    let mut pairs: Vec<u64> = Vec::new();
                    count(&mut |x, y| pairs.push(u64::from(x) * gb as u64 + u64::from(y)));
                    pairs.sort_unstable();
                    for run in pairs.chunk_by(|x, y| x == y) {
                        let (x, y) = (run[0] / gb as u64, run[0] % gb as u64);
                        cells.push((x as u32, y as u32, run.len() as u32));
                    }
                }
                let mut forward = vec![Vec::new(); ga];
                let mut backward = vec![Vec::new(); gb];
                for (x, y, shared) in cells {
                    forward[x as usize].push((y, shared));
                    if a != b {
                        backward[y as usize].push((x, shared));
                    }
                }
                overlap[a][b] = forward;
                if a != b {
                    overlap[b][a] = backward;
                }
            }
        }
        let mut twins: Vec<Vec<Vec<(usize, usize)>>> =
            dims.iter().map(|d| vec![Vec::new(); d.groups]).collect();
        let people = |d: usize, g: usize| dims[d].size[g * measures];
        for a in 1..n {
            for b in a..n {
                if dims[a].kind == Kind::Answers || dims[b].kind == Kind::Answers {
                    continue;
                }
                for g in 0..overlap[a][b].len() {
                    for &(h, shared) in &overlap[a][b][g] {
                        let h = h as usize;
                        if shared == people(a, g) && shared == people(b, h) && (a, g) != (b, h) {
                            twins[a][g].push((b, h));
                            twins[b][h].push((a, g));
                        }
                    }
                }
            }
        }

        let mut area_competences = vec![Vec::new(); areas];
        for (c, &a) in competence_areas.iter().enumerate().take(competences) {
            area_competences[a].push(c);
        }
        Self {
            k: threshold.get() as u32,
            competences,
            areas,
            tested: tested_count,
            tested_competences: columns.tested.clone(),
            measures,
            area_competences,
            dims,
            groupings,
            overlap,
            twins,
            hidden_sizes: vec![Cell::new((u64::MAX, 0)); n * measures],
            signatures,
            signature_size,
            generation: 0,
        }
    }

    fn is_area(&self, m: usize) -> bool {
        (1 + self.competences..1 + self.competences + self.areas).contains(&m)
    }

    fn displays(&self, d: usize, m: usize) -> bool {
        match self.dims[d].kind {
            // Teams: how many answered and each competence's ratings (and so each area's), as
            // a team's manager sees them, and confidence against knowledge when administrators
            // group by team.
            Kind::Everyone | Kind::Grouping | Kind::Answers | Kind::Teams => true,
            Kind::Sites => m == 0 || self.is_area(m),
        }
    }

    fn size(&self, d: usize, g: usize, m: usize) -> u32 {
        self.dims[d].size[g * self.measures + m]
    }

    fn people(&self, d: usize, g: usize) -> u32 {
        self.size(d, g, 0)
    }

    fn small(&self, n: u32) -> bool {
        n > 0 && n < self.k
    }

    /// Whether the cell's figure can be read. A grouping's figures for an area are not shown
    /// as such, but can be added up from its competences' when all of those are shown.
    fn shown(&self, d: usize, g: usize, m: usize) -> bool {
        let dim = &self.dims[d];
        let at = g * self.measures;
        if matches!(dim.kind, Kind::Grouping | Kind::Answers | Kind::Teams) && self.is_area(m) {
            let a = m - 1 - self.competences;
            return dim.state[at].is_shown()
                && self.area_competences[a]
                    .iter()
                    .all(|&c| dim.size[at + 1 + c] == 0 || dim.state[at + 1 + c].is_shown());
        }
        dim.state[at + m].is_shown()
    }

    /// A cell with people in it for measure `m` whose figure cannot be read, nor read under
    /// another name (a twin shown).
    fn hidden(&self, d: usize, g: usize, m: usize) -> bool {
        self.size(d, g, m) > 0 && !self.shown(d, g, m) && !self.revealed(d, g, m)
    }

    /// Whether a cell not shown has a twin shown, whose figure is the same.
    fn revealed(&self, d: usize, g: usize, m: usize) -> bool {
        self.twins[d][g]
            .iter()
            .any(|&(d2, h)| self.displays(d2, m) && self.shown(d2, h, m))
    }

    /// Whether the cell's figure can be read, as itself or as its twin.
    fn known(&self, d: usize, g: usize, m: usize) -> bool {
        self.shown(d, g, m) || self.revealed(d, g, m)
    }

    fn hide(&mut self, d: usize, g: usize, m: usize, why: Suppressed) {
        let measures = self.measures;
        if matches!(
            self.dims[d].kind,
            Kind::Grouping | Kind::Answers | Kind::Teams
        ) && self.is_area(m)
        {
            // A grouping's (or team's) area is added up from its competences: hiding the smallest of them
            // shown hides the sum.
            let a = m - 1 - self.competences;
            let smallest = self.area_competences[a]
                .iter()
                .map(|c| 1 + c)
                .filter(|m| self.size(d, g, *m) > 0 && self.shown(d, g, *m))
                .min_by_key(|m| self.size(d, g, *m));
            if let Some(m) = smallest {
                self.hide(d, g, m, why);
            }
            return;
        }
        let dim = &mut self.dims[d];
        let at = g * measures;
        let mut changed = false;
        if m == 0 {
            // Without its size, none of a group's figures can be shown.
            for s in &mut dim.state[at..at + measures] {
                if s.is_shown() {
                    *s = why;
                    changed = true;
                }
            }
        } else if dim.state[at + m].is_shown() {
            dim.state[at + m] = why;
            changed = true;
        }
        if changed {
            self.generation += 1;
        }
        // A twin too small is hidden by rule 1 already; one hidden to protect others must not
        // show the same figure under another name.
        if changed && why == Suppressed::Complementary {
            for (d2, h) in self.twins[d][g].clone() {
                if self.displays(d2, m) {
                    self.hide(d2, h, m, why);
                }
            }
        }
    }

    fn set_size(&self, set: Set, m: usize) -> u32 {
        match set {
            Set::Cell(d, g) => self.size(d, g, m),
            Set::Hidden(d) => {
                let count = || {
                    (0..self.dims[d].groups)
                        .filter(|g| self.hidden(d, *g, m))
                        .map(|g| self.size(d, g, m))
                        .sum()
                };
                let slot = &self.hidden_sizes[d * self.measures + m];
                let (generation, size) = slot.get();
                if generation == self.generation {
                    // The property tests run with debug assertions: they check the shortcut.
                    debug_assert_eq!(size, count());
                    return size;
                }
                let size = count();
                slot.set((self.generation, size));
                size
            }
        }
    }

    /// Whether group `g` of `a` lies wholly inside group `h` of `b` (everyone who answered in
    /// `g` is in `h`).
    fn inside(&self, a: usize, g: usize, b: usize, h: usize) -> bool {
        b == EVERYONE || self.shared(a, g, b, h) == self.people(a, g)
    }

    /// The groups of `b` sharing people with group `g` of `a`, sorted, with how many.
    fn overlaps(&self, a: usize, g: usize, b: usize) -> &[(u32, u32)] {
        self.overlap[a][b].get(g).map_or(&[], Vec::as_slice)
    }

    /// How many people group `g` of `a` and group `h` of `b` have in common.
    fn shared(&self, a: usize, g: usize, b: usize, h: usize) -> u32 {
        let list = self.overlaps(a, g, b);
        list.binary_search_by_key(&(h as u32), |(x, _)| *x)
            .map_or(0, |i| list[i].1)
    }

    /// Whether group `g` of `a` lies wholly inside the hidden groups of partition `b`.
    fn inside_hidden(&self, a: usize, g: usize, b: usize, m: usize) -> bool {
        self.overlaps(a, g, b)
            .iter()
            .all(|&(h, _)| self.size(b, h as usize, m) == 0 || self.hidden(b, h as usize, m))
    }

    /// The groups of partition `d` hidden for measure `m`.
    fn hidden_groups(&self, d: usize, m: usize) -> Vec<usize> {
        (0..self.dims[d].groups)
            .filter(|g| self.hidden(d, *g, m))
            .collect()
    }

    fn set_inside(&self, x: Set, y: Set, m: usize) -> bool {
        match (x, y) {
            (Set::Cell(a, g), Set::Cell(b, h)) => self.inside(a, g, b, h),
            (Set::Cell(a, g), Set::Hidden(b)) => self.inside_hidden(a, g, b, m),
            (Set::Hidden(_), Set::Cell(EVERYONE, _)) => true,
            (Set::Hidden(a), Set::Cell(b, h)) if self.compared(a, b) => {
                // Every hidden group is inside `h` when those of them among `h`'s overlaps
                // that lie wholly inside it add up to all of them (each has someone in it).
                let inside: u32 = self
                    .overlaps(b, h, a)
                    .iter()
                    .map(|&(g, shared)| (g as usize, shared))
                    .filter(|&(g, shared)| shared == self.people(a, g) && self.hidden(a, g, m))
                    .map(|(g, _)| self.size(a, g, m))
                    .sum();
                let all = inside == self.set_size(Set::Hidden(a), m);
                debug_assert_eq!(all, self.hidden_inside(a, b, h, m));
                all
            }
            (Set::Hidden(a), Set::Cell(b, h)) => self.hidden_inside(a, b, h, m),
            (Set::Hidden(a), Set::Hidden(b)) => self
                .hidden_groups(a, m)
                .iter()
                .all(|g| self.inside_hidden(a, *g, b, m)),
        }
    }

    /// Whether every hidden group of `a` lies inside group `h` of `b`, one by one.
    fn hidden_inside(&self, a: usize, b: usize, h: usize, m: usize) -> bool {
        self.hidden_groups(a, m)
            .iter()
            .all(|g| self.inside(a, *g, b, h))
    }

    /// Whether the overlaps of `a`'s groups with `b`'s were counted: two different kinds, and
    /// neither a grouping by answer.
    fn compared(&self, a: usize, b: usize) -> bool {
        a != b
            && a != EVERYONE
            && b != EVERYONE
            && self.dims[a].kind != Kind::Answers
            && self.dims[b].kind != Kind::Answers
    }

    /// The smallest cell of `d` shown for `m` with people in it.
    fn smallest_shown(&self, d: usize, m: usize, also: impl Fn(usize) -> bool) -> Option<Set> {
        (0..self.dims[d].groups)
            .filter(|g| self.size(d, *g, m) > 0 && self.shown(d, *g, m) && also(*g))
            .min_by_key(|g| self.size(d, *g, m))
            .map(|g| Set::Cell(d, g))
    }

    /// Hides the smallest of the candidates; whether anything changed.
    fn hide_one(&mut self, candidates: &[Option<Set>], m: usize) -> bool {
        let best = candidates
            .iter()
            .flatten()
            .filter_map(|s| match *s {
                Set::Cell(d, g) if d != EVERYONE && self.shown(d, g, m) => {
                    Some((!self.dims[d].yields, self.size(d, g, m), d, g))
                }
                _ => None,
            })
            .min();
        match best {
            Some((_, _, d, g)) => {
                self.hide(d, g, m, Suppressed::Complementary);
                true
            }
            None => false,
        }
    }

    fn decide(&mut self) {
        let measures = self.measures;
        let k = self.k;
        if self.people(EVERYONE, 0) < k {
            for dim in &mut self.dims {
                dim.state.fill(Suppressed::TooSmall);
            }
            return;
        }
        // Rule 1: too few people; those with no answer are never shown.
        for d in 0..self.dims.len() {
            let none = match self.dims[d].kind {
                Kind::Grouping | Kind::Answers | Kind::Teams => Some(self.dims[d].groups - 1),
                _ => None,
            };
            for g in 0..self.dims[d].groups {
                for m in 0..measures {
                    if self.small(self.size(d, g, m)) {
                        self.hide(d, g, m, Suppressed::TooSmall);
                    }
                }
                if Some(g) == none {
                    // Never shown, but not hidden to protect anyone: its twins keep their own
                    // figures.
                    let at = g * measures;
                    for s in &mut self.dims[d].state[at..at + measures] {
                        if s.is_shown() {
                            *s = Suppressed::Complementary;
                        }
                    }
                }
            }
        }
        // A grouping that yields is decided after everything else: first with all of it hidden
        // (a group of it with the same people as a group shown elsewhere, such as a site where
        // nobody else works, is still read under that name), then with what rule 1 left of it,
        // its own groups hidden first. Should anything else have to give way after all, the
        // grouping shows nothing instead.
        let Some(y) = self.dims.iter().position(|d| d.yields) else {
            self.generation += 1;
            self.settle();
            return;
        };
        let own = self.dims[y].state.clone();
        for s in &mut self.dims[y].state {
            if s.is_shown() {
                *s = Suppressed::Complementary;
            }
        }
        self.generation += 1;
        self.settle();
        let decided: Vec<Vec<Suppressed>> = self.dims.iter().map(|d| d.state.clone()).collect();
        self.dims[y].state = own;
        self.generation += 1;
        self.settle();
        let others_kept = self
            .dims
            .iter()
            .zip(&decided)
            .enumerate()
            .all(|(d, (dim, before))| d == y || dim.state == *before);
        if !others_kept {
            for (dim, before) in self.dims.iter_mut().zip(decided) {
                dim.state = before;
            }
            self.generation += 1;
        }
    }

    /// Rules 2 to 4 until nothing more needs hiding: each round hides at least one more cell,
    /// and with every cell hidden none applies, so this ends.
    fn settle(&mut self) {
        let (measures, k) = (self.measures, self.k);
        // The rules are checked against the whole state: a measure checked with nothing to
        // hide needs no check again until something is hidden (the generation moves on).
        let mut clean_at: Vec<Option<u64>> = vec![None; measures];
        loop {
            let mut changed = self.knowledge_needs_its_ratings();
            for (m, clean) in clean_at.iter_mut().enumerate() {
                // With too few overall, every cell is too small already.
                if self.size(EVERYONE, 0, m) < k || *clean == Some(self.generation) {
                    continue;
                }
                let before = self.generation;
                let mut hid = false;
                if self.is_area(m) {
                    hid |= self.area_needs_its_competences(m);
                }
                hid |= self.check_measure(m);
                if !hid && self.generation == before {
                    *clean = Some(before);
                }
                changed |= hid;
            }
            if !changed {
                break;
            }
        }
    }

    /// A group's knowledge of a competence is shown beside its ratings of it, and only where
    /// those are shown too (`calibration::by_competence`): knowledge the page leaves out would
    /// otherwise count as shown here, and the rest of the rules would weigh a figure no one
    /// sees rather than the hidden people it adds to.
    fn knowledge_needs_its_ratings(&mut self) -> bool {
        let mut changed = false;
        let first = 2 + self.competences + self.areas;
        for d in 0..self.dims.len() {
            for g in 0..self.dims[d].groups {
                for t in 0..self.tested {
                    let (m, c) = (first + t, 1 + self.tested_competences[t]);
                    if c <= self.competences
                        && self.displays(d, m)
                        && self.size(d, g, m) > 0
                        && self.shown(d, g, m)
                        && !(self.size(d, g, c) > 0 && self.shown(d, g, c))
                    {
                        self.hide(d, g, m, Suppressed::Complementary);
                        changed = true;
                    }
                }
            }
        }
        changed
    }

    /// Everyone's mean for an area, less the sums of its competences shown, would give a hidden
    /// competence's: the area is hidden with it.
    fn area_needs_its_competences(&mut self, m: usize) -> bool {
        let a = m - 1 - self.competences;
        let hidden = self.area_competences[a]
            .iter()
            .any(|&c| self.hidden(EVERYONE, 0, 1 + c));
        if hidden && self.shown(EVERYONE, 0, m) {
            self.hide(EVERYONE, 0, m, Suppressed::Complementary);
            return true;
        }
        false
    }

    /// Rules 2 to 4 for one measure; whether anything was hidden.
    fn check_measure(&mut self, m: usize) -> bool {
        let mut changed = false;
        let dims: Vec<usize> = (0..self.dims.len())
            .filter(|d| self.displays(*d, m))
            .collect();
        let partitions: Vec<usize> = dims
            .iter()
            .copied()
            .filter(|d| *d != EVERYONE && self.dims[*d].kind.partition())
            .collect();
        // Rule 2: the hidden groups of a partition together.
        for &d in &partitions {
            if self.small(self.set_size(Set::Hidden(d), m)) {
                let fix = self.smallest_shown(d, m, |_| true);
                changed |= self.hide_one(&[fix], m);
            }
        }
        // Sites are no partition, but sites sharing no one add up like one.
        if self.displays(self.dims.len() - 1, m) {
            changed |= self.check_sites_together(m);
        }
        // Rules 3 and 4, for every set whose figure can be read or worked out and whose members
        // are known.
        let dims: Vec<usize> = dims
            .into_iter()
            .filter(|d| self.dims[*d].kind != Kind::Answers)
            .collect();
        let partitions: Vec<usize> = partitions
            .into_iter()
            .filter(|d| self.dims[*d].kind != Kind::Answers)
            .collect();
        let mut sets: Vec<Set> = Vec::new();
        for &d in &dims {
            for g in 0..self.dims[d].groups {
                if self.size(d, g, m) > 0 && self.shown(d, g, m) {
                    sets.push(Set::Cell(d, g));
                }
            }
        }
        sets.extend(
            partitions
                .iter()
                .filter(|d| self.set_size(Set::Hidden(**d), m) > 0)
                .map(|d| Set::Hidden(*d)),
        );
        for &y in &sets {
            if !self.readable(y, m) {
                continue;
            }
            changed |= self.check_differences(y, &dims, m);
            for &p in &partitions {
                if self.readable(y, m) && set_dim(y) != p {
                    changed |= self.check_partition_inside(y, p, m);
                }
            }
        }
        changed
    }

    /// Whether a set's figure can still be read (earlier fixes this round may have hidden it).
    fn readable(&self, s: Set, m: usize) -> bool {
        match s {
            Set::Cell(d, g) => self.shown(d, g, m),
            Set::Hidden(d) => self.set_size(Set::Hidden(d), m) > 0,
        }
    }

    /// Rule 2 for sites: everyone less any sites shown that share no one leaves none or at
    /// least k. It leaves the people at no site shown, and within each group of sites linked by
    /// people who work at several, those at none of the sites chosen; each must be none or at
    /// least k for every choice, so that any sum of them is too.
    fn check_sites_together(&mut self, m: usize) -> bool {
        let d = self.dims.len() - 1;
        let slot = if m == 0 { 0 } else { m - self.competences };
        let width = 1 + self.areas;
        let sites = self.dims[d].groups;
        let shown: Vec<bool> = (0..sites)
            .map(|s| self.size(d, s, m) > 0 && self.shown(d, s, m))
            .collect();
        // Groups of shown sites linked by people working at more than one of them.
        let mut parent: Vec<usize> = (0..sites).collect();
        fn root(parent: &mut [usize], mut s: usize) -> usize {
            while parent[s] != s {
                parent[s] = parent[parent[s]];
                s = parent[s];
            }
            s
        }
        let mut nowhere = 0u32;
        for (i, signature) in self.signatures.iter().enumerate() {
            let size = self.signature_size[i * width + slot];
            let mut at = signature.iter().map(|s| *s as usize).filter(|s| shown[*s]);
            match at.next() {
                None => nowhere += size,
                Some(first) => {
                    for other in at {
                        let (a, b) = (root(&mut parent, first), root(&mut parent, other));
                        parent[a] = b;
                    }
                }
            }
        }
        if self.small(nowhere) {
            // Hiding a site whose people work nowhere else adds them to those at no site.
            let single = |s: usize| -> u32 {
                self.signatures
                    .iter()
                    .enumerate()
                    .filter(|(_, sig)| {
                        sig.contains(&(s as u32))
                            && sig.iter().all(|x| *x as usize == s || !shown[*x as usize])
                    })
                    .map(|(i, _)| self.signature_size[i * width + slot])
                    .sum()
            };
            let fix = (0..sites)
                .filter(|s| shown[*s] && single(*s) > 0)
                .min_by_key(|s| single(*s))
                .or_else(|| {
                    (0..sites)
                        .filter(|s| shown[*s])
                        .min_by_key(|s| self.size(d, *s, m))
                });
            return self.hide_one(&[fix.map(|s| Set::Cell(d, s))], m);
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for s in (0..sites).filter(|s| shown[*s]) {
            groups.entry(root(&mut parent, s)).or_default().push(s);
        }
        let mut position = vec![usize::MAX; sites];
        for members in groups.values().filter(|g| g.len() > 1) {
            for (at, s) in members.iter().enumerate() {
                position[*s] = at;
            }
            // The people at each combination of this group's sites shown, by position.
            let mut combinations: Vec<(Vec<usize>, u32)> = Vec::new();
            for (i, signature) in self.signatures.iter().enumerate() {
                let at: Vec<usize> = signature
                    .iter()
                    .map(|s| position[*s as usize])
                    .filter(|p| *p != usize::MAX)
                    .collect();
                if !at.is_empty() {
                    combinations.push((at, self.signature_size[i * width + slot]));
                }
            }
            let fix = if members.len() <= FEW_SITES {
                let mask = |at: &[usize]| at.iter().fold(0u32, |m, a| m | 1 << a);
                let everyone: u32 = combinations.iter().map(|(_, n)| n).sum();
                let clash: Vec<u32> = (0..members.len())
                    .map(|a| {
                        combinations
                            .iter()
                            .map(|(at, _)| mask(at))
                            .filter(|m| m >> a & 1 == 1)
                            .fold(0, |c, m| c | m)
                            & !(1 << a)
                    })
                    .collect();
                // Every choice of sites sharing no one.
                (1u32..1 << members.len())
                    .filter(|chosen| {
                        (0..members.len()).all(|a| chosen >> a & 1 == 0 || clash[a] & chosen == 0)
                    })
                    .find(|chosen| {
                        let covered: u32 = combinations
                            .iter()
                            .filter(|(at, _)| mask(at) & chosen != 0)
                            .map(|(_, n)| n)
                            .sum();
                        self.small(everyone - covered)
                    })
                    .and_then(|chosen| {
                        // A site left out: hiding it changes what can be chosen.
                        (0..members.len())
                            .filter(|a| chosen >> a & 1 == 0)
                            .map(|a| members[a])
                            .min_by_key(|s| self.size(d, *s, m))
                    })
            } else {
                // Too many to try: each site must have at least k people working at no other
                // of them, so that leaving any site out leaves at least k.
                let mut own = vec![0u32; members.len()];
                for (at, n) in &combinations {
                    if let [only] = at[..] {
                        own[only] += n;
                    }
                }
                (0..members.len())
                    .find(|a| own[*a] < self.k)
                    .map(|a| members[a])
            };
            for s in members {
                position[*s] = usize::MAX;
            }
            if let Some(site) = fix {
                return self.hide_one(&[Some(Set::Cell(d, site))], m);
            }
        }
        false
    }

    /// Rule 3: `y` less any one set inside it.
    fn check_differences(&mut self, y: Set, dims: &[usize], m: usize) -> bool {
        let mut changed = false;
        for &b in dims {
            if b == EVERYONE || (b == set_dim(y) && self.dims[b].kind.partition()) {
                continue;
            }
            let mut inner: Vec<Set> = match y {
                Set::Cell(EVERYONE, _) => {
                    (0..self.dims[b].groups).map(|g| Set::Cell(b, g)).collect()
                }
                Set::Cell(d, h) => self
                    .overlaps(d, h, b)
                    .iter()
                    .filter(|&&(g, n)| n == self.people(b, g as usize))
                    .map(|&(g, _)| Set::Cell(b, g as usize))
                    .collect(),
                Set::Hidden(d) => (0..self.dims[b].groups)
                    .filter(|g| self.size(b, *g, m) > 0 && self.inside_hidden(b, *g, d, m))
                    .map(|g| Set::Cell(b, g))
                    .collect(),
            };
            inner.retain(|x| *x != y && self.readable(*x, m));
            if self.dims[b].kind.partition()
                && self.readable(Set::Hidden(b), m)
                && self.set_inside(Set::Hidden(b), y, m)
            {
                inner.push(Set::Hidden(b));
            }
            for x in inner {
                if !self.readable(y, m) || !self.readable(x, m) {
                    continue;
                }
                let rest = self.set_size(y, m).saturating_sub(self.set_size(x, m));
                if self.small(rest) {
                    let grow = match y {
                        Set::Hidden(d) => self.smallest_shown(d, m, |_| true),
                        Set::Cell(..) => None,
                    };
                    changed |= self.hide_one(&[Some(x), Some(y), grow], m);
                }
            }
        }
        changed
    }

    /// Rule 4: `y` less the groups of partition `p` inside it.
    fn check_partition_inside(&mut self, y: Set, p: usize, m: usize) -> bool {
        if y == Set::Cell(EVERYONE, 0) {
            return false;
        }
        let y_size = self.set_size(y, m);
        let mut inside_shown = Vec::new();
        let mut straddled = false;
        // Only groups sharing someone with `y` can lie inside it or straddle it: for a cell,
        // its overlaps, each with how many it shares.
        let groups: Vec<(usize, Option<u32>)> = match y {
            Set::Cell(d, h) if self.compared(d, p) => self
                .overlaps(d, h, p)
                .iter()
                .map(|&(g, shared)| (g as usize, Some(shared)))
                .collect(),
            _ => (0..self.dims[p].groups).map(|g| (g, None)).collect(),
        };
        for (g, shared) in groups {
            if self.size(p, g, m) == 0 || !self.known(p, g, m) {
                continue;
            }
            let (touches, inside) = match y {
                Set::Cell(d, h) => {
                    let shared = shared.unwrap_or_else(|| self.shared(p, g, d, h));
                    debug_assert_eq!(shared, self.shared(p, g, d, h));
                    (shared > 0, shared > 0 && shared == self.people(p, g))
                }
                Set::Hidden(d) => {
                    let touches = self
                        .overlaps(p, g, d)
                        .iter()
                        .any(|&(h, _)| self.hidden(d, h as usize, m));
                    (touches, touches && self.inside_hidden(p, g, d, m))
                }
            };
            if inside {
                inside_shown.push(g);
            } else if touches {
                straddled = true;
            }
        }
        let hidden = self.set_size(Set::Hidden(p), m);
        let hidden_inside = hidden > 0 && self.set_inside(Set::Hidden(p), y, m);
        let subtracted: u32 = inside_shown
            .iter()
            .map(|g| self.size(p, *g, m))
            .sum::<u32>()
            + if hidden_inside { hidden } else { 0 };
        let rest = y_size.saturating_sub(subtracted);
        let grow_y = match y {
            Set::Hidden(d) => self.smallest_shown(d, m, |_| true),
            Set::Cell(..) => None,
        };
        if self.small(rest) {
            let mut candidates = vec![Some(y), grow_y];
            if hidden > 0 && !hidden_inside {
                // One more group of `p` among the hidden adds at least k to what is left.
                candidates.extend(inside_shown.iter().map(|g| Some(Set::Cell(p, *g))));
            } else if hidden_inside {
                // The hidden groups reach outside `y`, and can no longer be taken away.
                let outside = self.smallest_shown(p, m, |g| !inside_shown.contains(&g));
                candidates.push(outside);
            }
            return self.hide_one(&candidates, m);
        }
        // Nothing straddles `y`: what is left is the hidden people inside it, so those outside
        // it are known too.
        if hidden > 0 && !hidden_inside && !straddled && self.small(hidden - rest.min(hidden)) {
            let outside = self.smallest_shown(p, m, |g| !inside_shown.contains(&g));
            return self.hide_one(&[Some(y), outside, grow_y], m);
        }
        false
    }
}

fn set_dim(s: Set) -> usize {
    match s {
        Set::Cell(d, _) | Set::Hidden(d) => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::campaign::Person;
    use crate::audit::Rating;

    const K: AnonymityThreshold = AnonymityThreshold::DEFAULT;

    /// A campaign of one competence: each person's sites and team, and whether they rated it.
    fn columns(people: &[(&[i64], Option<i64>, bool)]) -> CampaignColumns {
        let asked: Vec<Person> = people
            .iter()
            .enumerate()
            .map(|(i, (sites, team, _))| Person {
                sites: sites.to_vec(),
                team: *team,
                response: Some(i),
            })
            .collect();
        let ratings: Vec<Vec<Option<Rating>>> = people
            .iter()
            .map(|(_, _, rated)| {
                vec![Some(if *rated {
                    Rating::Level(3)
                } else {
                    Rating::NotSure
                })]
            })
            .collect();
        let mut c = CampaignColumns::from_people(1, &asked, &ratings, 0);
        c.job_family = vec![0; people.len()];
        c.employment = vec![0; people.len()];
        c
    }

    #[test]
    fn thresholds_are_whole_numbers_from_3_to_50() {
        assert_eq!(AnonymityThreshold::parse(" 7 ").unwrap().get(), 7);
        for (typed, why) in [
            ("", "anonymity-threshold-missing"),
            ("2", "anonymity-threshold-out-of-range"),
            ("51", "anonymity-threshold-out-of-range"),
            ("5.5", "anonymity-threshold-not-whole"),
            ("-4", "anonymity-threshold-not-whole"),
            ("99999999999", "anonymity-threshold-out-of-range"),
        ] {
            assert_eq!(
                AnonymityThreshold::parse(typed),
                Err(Invalid(why)),
                "{typed}"
            );
        }
        assert_eq!(AnonymityThreshold::default().get(), 5);
        assert!(AnonymityThreshold::new(3).is_ok() && AnonymityThreshold::new(50).is_ok());
    }

    #[test]
    fn open_anonymous_campaigns_count_whole_steps() {
        assert_eq!(
            [0, 4, 5, 9, 10, 13].map(|n| K.counted(n)),
            [0, 0, 5, 5, 10, 10]
        );
    }

    #[test]
    fn teams_within_a_site_do_not_give_away_the_rest_of_it() {
        // Site 1: team 10 (6 people, all at site 1) and two people of team 20, which mostly
        // works at site 2. Site 1 less team 10 would be those two.
        let mut people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[1], Some(10), true); 6];
        people.extend([(&[1][..], Some(20), true); 2]);
        people.extend([(&[2][..], Some(20), true); 6]);
        let d = Disclosure::compute(&columns(&people), &[0], K);
        assert_eq!(d.everyone(), Suppressed::Shown);
        let shown = |s: Suppressed| s.is_shown();
        assert!(
            !(shown(d.site(0)) && shown(d.team(0))),
            "site 1 less team 10"
        );
        // Site 2 lies inside team 20, which has two more people elsewhere.
        assert!(
            !(shown(d.site(1)) && shown(d.team(1))),
            "team 20 less site 2"
        );
        assert!(shown(d.site(0)) || shown(d.team(0)), "one of them is shown");
    }

    #[test]
    fn main_sites_are_decided_after_sites_and_teams() {
        // Two branches, each a team of eight; one of team 20 also works at site 1. Site 1 less
        // team 10 (inside it) would be that person: site 1 and team 10 are hidden, and team 10
        // can be worked out anyway (everyone less team 20).
        let mut people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[1], Some(10), true); 8];
        people.extend([(&[2][..], Some(20), true); 9]);
        people[16].0 = &[2, 1];
        let d = Disclosure::compute(&columns(&people), &[0], K);
        let shown = [d.site(0), d.site(1), d.team(0), d.team(1)].map(Suppressed::is_shown);
        assert_eq!(shown, [false, true, false, true]);
        // Main site 1 is team 10's people, known already: decided jointly, it would be hidden
        // with team 10; decided after, it is shown.
        let by_site = d.grouping(GroupingKey::Site);
        assert!(by_site.groups.iter().all(|g| g.is_shown()), "{by_site:?}");
    }

    #[test]
    fn a_teams_ratings_need_k_raters_and_cannot_be_taken_from_everyones() {
        // Team 10: eight people who rated the competence. Team 20: six people, three of whom
        // rated it. Everyone's mean less team 10's would be those three's.
        let mut people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[], Some(10), true); 8];
        people.extend([(&[][..], Some(20), true); 3]);
        people.extend([(&[][..], Some(20), false); 3]);
        let c = columns(&people);
        let d = Disclosure::compute(&c, &[0], K);
        assert!(d.team(0).is_shown() && d.team(1).is_shown());
        assert_eq!(d.team_competence(1, 0), Suppressed::TooSmall);
        assert!(
            !(d.competence(0).is_shown() && d.team_competence(0, 0).is_shown()),
            "everyone less team 10"
        );
        let small = crate::analysis::TeamFigures::compute(&d, &[0], &c, 1);
        assert_eq!(small.competences, vec![None]);
        assert_eq!(small.areas, vec![None]);
        // With nobody else rating it, team 10's ratings are everyone's: shown.
        let alone: Vec<(&[i64], Option<i64>, bool)> = vec![(&[], Some(10), true); 8];
        let c = columns(&alone);
        let d = Disclosure::compute(&c, &[0], K);
        let team = crate::analysis::TeamFigures::compute(&d, &[0], &c, 0);
        assert_eq!(team.competences[0].map(|d| d.rated()), Some(8));
        assert_eq!(team.areas[0], Some((3.0, 8)));
    }

    #[test]
    fn a_team_that_is_a_site_is_hidden_with_it() {
        // Team 10 is exactly the people of site 2. Site 2 is hidden because everyone less
        // site 1 leaves... the 3 people at no site; the team must not show them.
        let mut people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[1], Some(20), true); 8];
        people.extend([(&[2][..], Some(10), true); 6]);
        people.extend([(&[][..], Some(20), true); 2]);
        let c = columns(&people);
        let d = Disclosure::compute(&c, &[0], K);
        // Everyone less site 1 less site 2 is nobody's, but everyone less site 1 is site 2
        // and the two at no site: 8 ≥ 5. Whatever is hidden, the twins agree.
        assert_eq!(d.site(1).is_shown(), d.team(0).is_shown());
    }

    #[test]
    fn the_area_of_a_hidden_competence_is_hidden_too() {
        // Two competences in one area: everyone rated the first, only three the second.
        let people: Vec<Person> = (0..8)
            .map(|i| Person {
                sites: vec![],
                team: None,
                response: Some(i),
            })
            .collect();
        let ratings: Vec<Vec<Option<Rating>>> = (0..8)
            .map(|i| {
                vec![
                    Some(Rating::Level(4)),
                    Some(if i < 3 {
                        Rating::Level(1)
                    } else {
                        Rating::NotSure
                    }),
                ]
            })
            .collect();
        let c = CampaignColumns::from_people(2, &people, &ratings, 0);
        let d = Disclosure::compute(&c, &[0, 0], K);
        assert_eq!(d.competence(0), Suppressed::Shown);
        assert_eq!(d.competence(1), Suppressed::TooSmall);
        assert!(
            !d.area(0).is_shown(),
            "the area's mean less the first's gives the second's"
        );
        let one_area = Disclosure::compute(&c, &[0, 1], K);
        assert!(one_area.area(0).is_shown() && !one_area.area(1).is_shown());
    }

    #[test]
    fn people_with_no_answer_count_among_the_hidden() {
        // Six frontline, seven specialists and two whose job family is not known (no longer in
        // the organisation): the two would be everyone less the groups shown.
        let people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[], None, true); 15];
        let mut c = columns(&people);
        c.job_family = [vec![0; 6], vec![1; 7], vec![NO_ANSWER; 2]].concat();
        let d = Disclosure::compute(&c, &[0], K);
        let families = d.grouping(GroupingKey::JobFamily);
        assert_eq!(families.group(0), Suppressed::Complementary);
        assert_eq!(families.group(1), Suppressed::Shown);
    }

    #[test]
    fn not_sure_is_not_a_rating_so_a_group_can_be_hidden_for_one_competence() {
        // Employees: 8, of whom 2 rated the competence; volunteers: 7, all rated it.
        let people: Vec<(&[i64], Option<i64>, bool)> = (0..15)
            .map(|i| (&[][..], None, !(2..8).contains(&i)))
            .collect();
        let mut c = columns(&people);
        c.employment = [vec![0; 8], vec![1; 7]].concat();
        let d = Disclosure::compute(&c, &[0], K);
        let employment = d.grouping(GroupingKey::Employment);
        assert!(employment.group(0).is_shown() && employment.group(1).is_shown());
        assert_eq!(employment.cell(0, 0), Suppressed::TooSmall);
        // The total less the volunteers would give the two employees' mean.
        assert_eq!(employment.cell(1, 0), Suppressed::Complementary);
    }

    #[test]
    fn nothing_while_fewer_than_k_have_answered() {
        let people: Vec<(&[i64], Option<i64>, bool)> = vec![(&[1], Some(1), true); 4];
        let d = Disclosure::compute(&columns(&people), &[0], K);
        assert_eq!(d.everyone(), Suppressed::TooSmall);
        assert_eq!(d.competence(0), Suppressed::TooSmall);
        assert_eq!(
            d.grouping(GroupingKey::JobFamily).group(3),
            Suppressed::TooSmall
        );
    }
}
