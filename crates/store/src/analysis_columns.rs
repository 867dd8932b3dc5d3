//! A campaign's answers read into compact columns ([`CampaignColumns`]) for analysis, and the
//! versions that say when columns read earlier are out of date.
//!
//! Queries of one row per person or per finished response, read at the same time on separate
//! pooled connections (the responses in two halves by id, and the people asked): the database
//! gathers each
//! response's ratings into short text (each rating one number, competence id × 8 + value:
//! `2497,2500,…`), its quiz into one number, and its profile answers into text, so that a
//! national campaign's two million ratings cross the connection as 36,000 rows, with almost
//! nothing to decode.

use crate::{Backend, Campaign, Result, Store, StoreError};
use futures_util::TryStreamExt;
use skillgym_domain::analysis::columns::{
    CampaignColumns, NO_ANSWER, NONE, NOT_SURE, ProfileColumn,
};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{
    CampaignId, ContractedHours, Employment, JobFamily, OrganisationId, ServiceLength, WorkingHours,
};
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashMap;

/// Where a campaign's analysis data stands: any write that could change its figures moves one
/// of these (database triggers keep them, see migration 0010), so columns read at an older
/// version are out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalysisVersion {
    /// Moves when a finished response is added, changed or removed, or the audience changes.
    pub answers: i64,
    /// Moves when anyone in the organisation joins, leaves, or changes team, sites, job family
    /// or employment.
    pub people: i64,
}

impl Store {
    /// The campaign's current [`AnalysisVersion`]; `NotFound` when the organisation has no such
    /// campaign.
    pub async fn analysis_version(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<AnalysisVersion> {
        // Recording who was asked moves the answers' version when it adds anyone.
        self.record_audience(campaign).await?;
        let row = sqlx::query(
            "SELECT c.answers_version, o.people_version FROM campaigns c \
             JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.organisation_id = $1 AND c.id = $2",
        )
        .bind(org.0)
        .bind(campaign.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(AnalysisVersion {
            answers: row.try_get(0)?,
            people: row.try_get(1)?,
        })
    }

    /// Every site's and team's name by id, for labelling figures (two light queries, where
    /// [`Store::sites`] and [`Store::teams`] also count members and find managers).
    pub async fn group_names(
        &self,
        org: OrganisationId,
    ) -> Result<(HashMap<i64, String>, HashMap<i64, String>)> {
        let mut names = Vec::with_capacity(2);
        for table in ["sites", "teams"] {
            let rows = sqlx::query(AssertSqlSafe(format!(
                "SELECT id, name FROM {table} WHERE organisation_id = $1"
            )))
            .bind(org.0)
            .fetch_all(&self.pool)
            .await?;
            names.push(
                rows.iter()
                    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                    .collect::<Result<HashMap<i64, String>>>()?,
            );
        }
        let teams = names.pop().expect("two tables");
        let sites = names.pop().expect("two tables");
        Ok((sites, teams))
    }

    /// Reads the campaign's people asked and finished responses into columns. Read the
    /// [`AnalysisVersion`] first: columns are then at least as new as it.
    pub async fn campaign_columns(
        &self,
        org: OrganisationId,
        campaign: &Campaign,
    ) -> Result<CampaignColumns> {
        self.record_audience(campaign.id).await?;
        let agg = |expr: &str| self.joined(expr);
        // Numbers joined by commas: SQLite writes integers as text itself; PostgreSQL turns an
        // array into text faster than it joins casts (`{1,2,3}`: braces are skipped when read).
        let numbers = |expr: &str| match self.backend {
            Backend::Sqlite => format!("group_concat({expr}, ',')"),
            Backend::Postgres => format!("CAST(array_agg({expr}) AS TEXT)"),
        };
        let competence_ids: Vec<i64> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter().map(|c| c.id.0))
            .collect();
        let position_of_competence: HashMap<i64, usize> = competence_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let position_of_code: HashMap<&str, usize> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter())
            .enumerate()
            .map(|(i, c)| (c.code.as_str(), i))
            .collect();
        // The competences the knowledge round tests, and each testing item's competence among
        // them: answers to items testing a competence the campaign does not rate do not count.
        let mut tested: Vec<usize> = campaign
            .quiz
            .iter()
            .filter_map(|(_, item)| position_of_code.get(item.competence.as_str()).copied())
            .collect();
        tested.sort_unstable();
        tested.dedup();
        let tested_of_item: HashMap<i64, usize> = campaign
            .quiz
            .iter()
            .filter_map(|(id, item)| {
                let c = position_of_code.get(item.competence.as_str())?;
                Some((id.0, tested.binary_search(c).ok()?))
            })
            .collect();
        let single: Vec<(i64, usize)> = campaign
            .questions
            .iter()
            .filter(|(_, q)| q.kind == QuestionKind::Single && q.options.len() >= 2)
            .map(|(id, q)| (id.0, q.options.len()))
            .collect();

        let competences = competence_ids.len();
        let mut columns = CampaignColumns {
            competences,
            tested,
            profile: single
                .iter()
                .map(|(id, _)| ProfileColumn {
                    question: skillgym_domain::QuestionId(*id),
                    answers: Vec::new(),
                })
                .collect(),
            ..CampaignColumns::default()
        };

        // Finished responses, each with its answers gathered into text.
        let profile_sql = if single.is_empty() {
            "NULL".to_string()
        } else {
            let ids: Vec<String> = single.iter().map(|(id, _)| id.to_string()).collect();
            format!(
                "(SELECT {} FROM profile_answers a WHERE a.response_id = r.id \
                 AND a.question_id IN ({}))",
                agg("CAST(a.question_id AS TEXT) || ':' || a.value"),
                ids.join(",")
            )
        };
        // Each answer to a testing item as item id × 2 + right, gathered like the ratings.
        let quiz_sql = if tested_of_item.is_empty() {
            "NULL".to_string()
        } else {
            let mut ids: Vec<String> = tested_of_item.keys().map(i64::to_string).collect();
            ids.sort_unstable();
            format!(
                "(SELECT {} FROM quiz_answers a WHERE a.response_id = r.id AND a.item_id IN ({}))",
                numbers("a.item_id * 2 + a.correct"),
                ids.join(",")
            )
        };
        // Each rating as competence id × 8 + value: one number to read per rating.
        let sql = format!(
            "SELECT r.id, r.person_id, p.job_family, p.employment, \
               (SELECT {} FROM ratings a WHERE a.response_id = r.id), \
               {quiz_sql}, \
               {profile_sql}, \
               CASE WHEN r.submitted_seq IS NULL THEN r.submitted_at \
                 ELSE {numbered} + r.submitted_seq END \
               , p.contracted_hours, p.start_date \
             FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
               LEFT JOIN people p ON p.id = r.person_id \
             WHERE r.campaign_id = $1 AND c.organisation_id = $2 AND r.submitted_at IS NOT NULL \
               AND r.id >= $3 AND r.id <= $4 \
             ORDER BY r.id",
            numbers("a.competence_id * 8 + a.value"),
            numbered = SUBMITTED_IN_ORDER,
        );
        let reading = ResponseReading {
            sql,
            campaign: campaign.id.0,
            org: org.0,
            competences,
            position_of_competence,
            tested: columns.tested.len(),
            tested_of_item,
            opened: campaign.opens_on,
            single,
        };
        // The responses are read in parts by id, each on its own pooled connection, at the same
        // time as the people asked: the database gathers each part's answers on its own core.
        let (first, last): (Option<i64>, Option<i64>) = {
            let row = sqlx::query(
                "SELECT min(id), max(id) FROM responses \
                 WHERE campaign_id = $1 AND submitted_at IS NOT NULL",
            )
            .bind(campaign.id.0)
            .fetch_one(&self.pool)
            .await?;
            (row.try_get(0)?, row.try_get(1)?)
        };
        let (first, last) = (first.unwrap_or(0), last.unwrap_or(-1));
        let middle = first + (last - first) / 2;
        // Who was asked as the campaign recorded them (see `crate::asked`); an erased person
        // still recorded (one who had not finished) is no one: id 0 matches no response.
        let people_sql = "SELECT COALESCE(k.person_id, 0), k.team_id, NULLIF(k.sites, '') \
             FROM campaign_asked k WHERE k.campaign_id = $1 ORDER BY k.id"
            .to_string();
        let (parts, people) = futures_util::future::try_join(
            futures_util::future::try_join(
                reading.read(self, first, middle),
                reading.read(self, middle + 1, last),
            ),
            self.asked_people(people_sql, campaign.id.0),
        )
        .await?;
        for part in [parts.0, parts.1] {
            columns.person.extend(part.person);
            columns.submitted.extend(part.submitted);
            columns.job_family.extend(part.job_family);
            columns.employment.extend(part.employment);
            columns.hours.extend(part.hours);
            columns.service.extend(part.service);
            columns.ratings.extend(part.ratings);
            columns.quiz_answered.extend(part.quiz_answered);
            columns.quiz_right.extend(part.quiz_right);
            for (column, answers) in columns.profile.iter_mut().zip(part.profile) {
                column.answers.extend(answers.answers);
            }
        }
        let response_of_person: HashMap<i64, u32> = columns
            .person
            .iter()
            .enumerate()
            .filter_map(|(r, p)| Some(((*p)?, r as u32)))
            .collect();

        let (ids, team_ids, site_ids, site_starts) = people;
        let mut grouped = 0u64;
        for id in &ids {
            let response = response_of_person.get(id).copied().unwrap_or(NONE);
            grouped += u64::from(response != NONE);
            columns.asked_response.push(response);
        }
        columns.asked_site_starts = site_starts;
        columns.ungrouped = columns.responses() as u64 - grouped;
        // Positions in the sorted lists of sites and teams.
        let mut sites = site_ids.clone();
        sites.sort_unstable();
        sites.dedup();
        columns.asked_sites = site_ids
            .iter()
            .map(|id| sites.binary_search(id).expect("listed") as u32)
            .collect();
        let mut teams: Vec<i64> = team_ids.iter().flatten().copied().collect();
        teams.sort_unstable();
        teams.dedup();
        columns.asked_team = team_ids
            .iter()
            .map(|t| t.map_or(NONE, |t| teams.binary_search(&t).expect("listed") as u32))
            .collect();
        columns.sites = sites;
        columns.teams = teams;
        Ok(columns)
    }
}

/// Responses numbered as they were submitted (migration 0017) come after every response from
/// before, which are in the order of their submission times (unix seconds, far below this).
pub(crate) const SUBMITTED_IN_ORDER: i64 = 1 << 40;

/// The query for finished responses and what reading its rows needs.
struct ResponseReading {
    sql: String,
    campaign: i64,
    org: i64,
    competences: usize,
    position_of_competence: HashMap<i64, usize>,
    /// Single-choice profile questions: id and number of options.
    /// How many competences the knowledge round tests, and each testing item's position among
    /// them.
    tested: usize,
    tested_of_item: HashMap<i64, usize>,
    /// When the campaign opened: what length of service is counted to.
    opened: time::Date,
    single: Vec<(i64, usize)>,
}

/// A value's byte in a column: its position in `all`, or [`NO_ANSWER`].
fn code<T: PartialEq>(all: &[T], value: Option<T>) -> u8 {
    value
        .and_then(|v| all.iter().position(|x| *x == v))
        .map_or(NO_ANSWER, |i| i as u8)
}

/// The numbers a response's answers were gathered into (`"2497,2500"`, or `{…}` from
/// PostgreSQL's arrays); `what` names them when one is not a number.
fn numbers<'a>(text: Option<&'a str>, what: &'a str) -> impl Iterator<Item = Result<i64>> + 'a {
    text.unwrap_or("")
        .trim_matches(['{', '}'])
        .split(',')
        .filter(|n| !n.is_empty())
        .map(move |n| n.parse().map_err(|_| StoreError::Corrupt(what.into())))
}

impl ResponseReading {
    /// The finished responses with ids from `from` to `to`, into the response columns of a
    /// part (`person`, `job_family`, `employment`, `ratings`, the quiz and `profile`).
    async fn read(&self, store: &Store, from: i64, to: i64) -> Result<CampaignColumns> {
        let competences = self.competences;
        let mut columns = CampaignColumns {
            competences,
            profile: self
                .single
                .iter()
                .map(|(id, _)| ProfileColumn {
                    question: skillgym_domain::QuestionId(*id),
                    answers: Vec::new(),
                })
                .collect(),
            ..CampaignColumns::default()
        };
        if from > to {
            return Ok(columns);
        }
        let mut rows = sqlx::query(AssertSqlSafe(self.sql.clone()))
            .bind(self.campaign)
            .bind(self.org)
            .bind(from)
            .bind(to)
            .fetch(&store.pool);
        while let Some(row) = rows.try_next().await? {
            columns.person.push(row.try_get::<Option<i64>, _>(1)?);
            columns.submitted.push(row.try_get::<i64, _>(7)?);
            let family: Option<String> = row.try_get(2)?;
            let family = family.and_then(|f| JobFamily::ALL.into_iter().find(|x| x.as_str() == f));
            columns.job_family.push(code(&JobFamily::ALL, family));
            let employment: Option<Employment> = row
                .try_get::<Option<String>, _>(3)?
                .and_then(|e| Employment::ALL.into_iter().find(|x| x.as_str() == e));
            columns.employment.push(code(&Employment::ALL, employment));
            let hours: Option<f64> = row.try_get(8)?;
            let hours = employment
                .zip(hours.and_then(|h| ContractedHours::from_hours(h).ok()))
                .map(|(e, h)| WorkingHours::of(e, h));
            columns.hours.push(code(&WorkingHours::ALL, hours));
            let started = crate::dates::optional_date(&row, "start_date")?;
            let service = started.and_then(|d| ServiceLength::on(d, self.opened));
            columns.service.push(code(&ServiceLength::ALL, service));

            let at = columns.ratings.len();
            columns.ratings.resize(at + competences, 0);
            let ratings: Option<String> = row.try_get(4)?;
            let row_ratings = &mut columns.ratings[at..];
            for n in numbers(ratings.as_deref(), "rating") {
                let n = n?;
                if let Some(c) = self.position_of_competence.get(&(n >> 3)) {
                    row_ratings[*c] = match n & 7 {
                        0 => NOT_SURE,
                        value @ 1..=5 => value as u8,
                        _ => return Err(StoreError::Corrupt("rating".into())),
                    };
                }
            }

            let at = columns.quiz_answered.len();
            columns.quiz_answered.resize(at + self.tested, 0);
            columns.quiz_right.resize(at + self.tested, 0);
            let quiz: Option<String> = row.try_get(5)?;
            for n in numbers(quiz.as_deref(), "quiz answer") {
                let n = n?;
                if let Some(t) = self.tested_of_item.get(&(n >> 1)) {
                    let answered = &mut columns.quiz_answered[at + t];
                    *answered = answered.saturating_add(1);
                    let right = &mut columns.quiz_right[at + t];
                    *right = right.saturating_add((n & 1) as u8);
                }
            }

            for column in &mut columns.profile {
                column.answers.push(NO_ANSWER);
            }
            let profile: Option<String> = row.try_get(6)?;
            // An answer that is not an option's number counts as no answer, as it does
            // wherever groups are formed from profile answers.
            for pair in profile.iter().flat_map(|p| p.split(',')) {
                let parsed = pair
                    .split_once(':')
                    .and_then(|(q, o)| Some((q.parse::<i64>().ok()?, o.parse::<usize>().ok()?)));
                if let Some((question, option)) = parsed
                    && let Some(q) = self.single.iter().position(|(id, _)| *id == question)
                    && option < self.single[q].1
                {
                    *columns.profile[q].answers.last_mut().expect("pushed") = option as u8;
                }
            }
        }
        Ok(columns)
    }
}

/// Everyone asked: ids, teams, and sites (person `i`'s are `sites[starts[i]..starts[i + 1]]`).
type AskedPeople = (Vec<i64>, Vec<Option<i64>>, Vec<i64>, Vec<u32>);

impl Store {
    async fn asked_people(&self, sql: String, campaign: i64) -> Result<AskedPeople> {
        let (mut ids, mut teams, mut sites, mut starts) =
            (Vec::new(), Vec::new(), Vec::new(), vec![0]);
        let mut rows = sqlx::query(AssertSqlSafe(sql))
            .bind(campaign)
            .fetch(&self.pool);
        while let Some(row) = rows.try_next().await? {
            ids.push(row.try_get(0)?);
            teams.push(row.try_get(1)?);
            let listed: Option<String> = row.try_get(2)?;
            for site in listed.iter().flat_map(|s| s.split(',')) {
                sites.push(
                    site.parse()
                        .map_err(|_| StoreError::Corrupt("site".into()))?,
                );
            }
            starts.push(sites.len() as u32);
        }
        Ok((ids, teams, sites, starts))
    }
}

/// A campaign's columns as bytes, kept with what they were read at (migration 0023).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisSnapshot {
    pub version: AnalysisVersion,
    /// A fingerprint of what the campaign asked when the columns were read.
    pub shape: i64,
    /// The layout of `data` (`skillgym_domain::analysis::snapshot::FORMAT`).
    pub format: i64,
    pub data: Vec<u8>,
}

impl Store {
    /// The campaign's snapshot, if it was taken at `version` with this shape and format:
    /// nothing else is read, so an out-of-date one costs one small query.
    pub async fn analysis_snapshot(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        version: AnalysisVersion,
        shape: i64,
        format: i64,
    ) -> Result<Option<Vec<u8>>> {
        self.current_snapshot("data", org, campaign, version, shape, format)
            .await
    }

    /// Whether the campaign has a snapshot kept at this version, shape and format, without
    /// reading its bytes.
    pub async fn has_analysis_snapshot(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        version: AnalysisVersion,
        shape: i64,
        format: i64,
    ) -> Result<bool> {
        let found: Option<i64> = self
            .current_snapshot("1", org, campaign, version, shape, format)
            .await?;
        Ok(found.is_some())
    }

    /// `select` (a column or a constant) of the campaign's snapshot kept at `version` with this
    /// shape and format, if there is one.
    async fn current_snapshot<T>(
        &self,
        select: &'static str,
        org: OrganisationId,
        campaign: CampaignId,
        version: AnalysisVersion,
        shape: i64,
        format: i64,
    ) -> Result<Option<T>>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        Ok(sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT {select} FROM analysis_snapshots WHERE organisation_id = $1 \
             AND campaign_id = $2 AND answers_version = $3 AND people_version = $4 \
             AND shape = $5 AND format = $6"
        )))
        .bind(org.0)
        .bind(campaign.0)
        .bind(version.answers)
        .bind(version.people)
        .bind(shape)
        .bind(format)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Keeps the campaign's snapshot in place of any earlier one. Another instance may write
    /// its own at the same moment; whichever lands is read only while its version is current.
    pub async fn save_analysis_snapshot(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        snapshot: &AnalysisSnapshot,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO analysis_snapshots \
             (campaign_id, organisation_id, answers_version, people_version, shape, format, data) \
             SELECT id, organisation_id, $3, $4, $5, $6, $7 FROM campaigns \
             WHERE organisation_id = $1 AND id = $2 \
             ON CONFLICT (campaign_id) DO UPDATE SET answers_version = excluded.answers_version, \
             people_version = excluded.people_version, shape = excluded.shape, \
             format = excluded.format, data = excluded.data",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(snapshot.version.answers)
        .bind(snapshot.version.people)
        .bind(snapshot.shape)
        .bind(snapshot.format)
        .bind(snapshot.data.as_slice())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
