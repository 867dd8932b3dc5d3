//! Independent readers of a campaign's answers, for tests to check the product's figures with.
//!
//! The product reads answers once into columns (`Store::campaign_columns`, kept by the
//! reporting crate's cache) and computes every figure from them. These readers go the slow,
//! obvious way instead: plain SQL on a connection of their own, every answer read row by row
//! into hash maps, nothing shared with the column code. Tests set the two against each other,
//! so a mistake in one shows as a difference rather than being repeated in both.
//!
//! Also here: [`try_tamper_with_audit_event`], a way around the store for tests that the
//! database itself refuses what the store never asks of it.
//!
//! Who a campaign asked is its recorded audience (`campaign_asked`); like every figure of the
//! product, [`report_data`] and [`change_data`] have the store bring that record up to date
//! first ([`skillgym_store::Store::record_audience`]), then read it themselves.

use crate::TestDb;
use skillgym_domain::analysis::profile::AreaTotals;
use skillgym_domain::audit::Rating;
use skillgym_domain::{
    CampaignId, CompetenceId, OrganisationId, PersonId, QuestionId, SiteId, TeamId,
};
use skillgym_store::{Result, StoreError};
use sqlx::{AnyConnection, AssertSqlSafe, Connection, Row};
use std::collections::HashMap;

/// One person asked by a campaign, and whether they finished.
#[derive(Debug, Clone)]
pub struct Asked {
    pub sites: Vec<SiteId>,
    pub team: Option<TeamId>,
    pub job_family: String,
    /// Their finished response, by its position in [`ReportData::responses`].
    pub response: Option<usize>,
}

/// Everything a campaign report needs: who was asked, who answered, and every rating.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    pub asked: Vec<Asked>,
    /// Finished responses; each holds its ratings by competence.
    pub responses: Vec<HashMap<CompetenceId, Rating>>,
    /// Finished responses from people no longer in the organisation (erased or imported
    /// anonymously): counted in the totals, in no group.
    pub ungrouped: usize,
}

/// One finished response: whose it is (`None` once the person is erased, or when it was
/// imported without a name) and its ratings.
#[derive(Debug, Clone, Default)]
pub struct ChangeResponse {
    pub person: Option<PersonId>,
    pub ratings: HashMap<CompetenceId, Rating>,
}

/// A campaign's respondents and how many people it asked.
#[derive(Debug, Clone, Default)]
pub struct ChangeData {
    /// People in its audience now, and those no longer in it who answered.
    pub asked: usize,
    pub responses: Vec<ChangeResponse>,
}

/// One finished response.
#[derive(Debug, Clone, Default)]
pub struct AnalysisRespondent {
    /// The respondent's job family and employment as stored; `None` when the response is from
    /// someone no longer in the organisation, or imported anonymously.
    pub job_family: Option<String>,
    pub employment: Option<String>,
    pub ratings: HashMap<CompetenceId, Rating>,
    /// Profile answers in their stored form (option numbers joined by commas, a number, text).
    pub profile: HashMap<QuestionId, String>,
    /// Each quiz answer: the competence its item tests, and whether it was right.
    pub quiz: Vec<(CompetenceId, bool)>,
}

/// Every finished response of a campaign.
#[derive(Debug, Clone, Default)]
pub struct AnalysisData {
    pub respondents: Vec<AnalysisRespondent>,
}

/// A connection of the oracle's own to the test's database.
async fn connect(db: &TestDb) -> Result<AnyConnection> {
    sqlx::any::install_default_drivers();
    Ok(AnyConnection::connect(&db.url).await?)
}

fn rating(stored: i64) -> Result<Rating> {
    Rating::from_stored(stored).map_err(|e| StoreError::Corrupt(e.0.to_string()))
}

fn parse_sites(listed: &str) -> Result<Vec<SiteId>> {
    listed
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .map(SiteId)
                .map_err(|_| StoreError::Corrupt("campaign_asked.sites".into()))
        })
        .collect()
}

/// [`StoreError::NotFound`] unless `org` has `campaign`.
async fn campaign_exists(
    conn: &mut AnyConnection,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<()> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(campaign.0)
            .fetch_optional(&mut *conn)
            .await?;
    exists.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Every finished response's ratings, by the response's id.
async fn ratings_by_response(
    conn: &mut AnyConnection,
    campaign: CampaignId,
) -> Result<Vec<(i64, CompetenceId, Rating)>> {
    sqlx::query(
        "SELECT a.response_id, a.competence_id, a.value FROM ratings a \
         JOIN responses r ON r.id = a.response_id \
         WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL",
    )
    .bind(campaign.0)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("response_id")?,
            CompetenceId(r.try_get("competence_id")?),
            rating(r.try_get("value")?)?,
        ))
    })
    .collect()
}

/// What a campaign's overview is computed from: whom it asked (as recorded), their finished
/// responses and every rating.
pub async fn report_data(
    db: &TestDb,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<ReportData> {
    let mut conn = connect(db).await?;
    campaign_exists(&mut conn, org, campaign).await?;
    db.store.record_audience(campaign).await?;
    let people = sqlx::query(
        "SELECT person_id, team_id, COALESCE(job_family, '') AS job_family, sites \
         FROM campaign_asked WHERE campaign_id = $1 ORDER BY id",
    )
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    let responses = sqlx::query(
        "SELECT id, person_id FROM responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL \
         ORDER BY id",
    )
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    let mut position_of_response: HashMap<i64, usize> = HashMap::new();
    let mut response_of_person: HashMap<i64, usize> = HashMap::new();
    for (i, r) in responses.iter().enumerate() {
        position_of_response.insert(r.try_get("id")?, i);
        if let Some(person) = r.try_get::<Option<i64>, _>("person_id")? {
            response_of_person.insert(person, i);
        }
    }
    let mut data = ReportData {
        responses: vec![HashMap::new(); responses.len()],
        ..ReportData::default()
    };
    let mut grouped = 0;
    for r in &people {
        let response = r
            .try_get::<Option<i64>, _>("person_id")?
            .and_then(|id| response_of_person.get(&id).copied());
        grouped += usize::from(response.is_some());
        data.asked.push(Asked {
            sites: parse_sites(&r.try_get::<String, _>("sites")?)?,
            team: r.try_get::<Option<i64>, _>("team_id")?.map(TeamId),
            job_family: r.try_get("job_family")?,
            response,
        });
    }
    data.ungrouped = responses.len() - grouped;
    for (response, competence, value) in ratings_by_response(&mut conn, campaign).await? {
        if let Some(at) = position_of_response.get(&response) {
            data.responses[*at].insert(competence, value);
        }
    }
    conn.close().await?;
    Ok(data)
}

/// What change over time is computed from: a campaign's finished responses with whose they
/// are, and the number asked (those recorded, and the finished responses of no one recorded:
/// erased people who finished, and imported ones).
pub async fn change_data(
    db: &TestDb,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<ChangeData> {
    let mut conn = connect(db).await?;
    campaign_exists(&mut conn, org, campaign).await?;
    db.store.record_audience(campaign).await?;
    let in_audience: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM campaign_asked WHERE campaign_id = $1")
            .bind(campaign.0)
            .fetch_one(&mut conn)
            .await?;
    let outside: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM responses r \
         WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL AND NOT EXISTS ( \
            SELECT 1 FROM campaign_asked k \
            WHERE k.campaign_id = r.campaign_id AND k.person_id = r.person_id)",
    )
    .bind(campaign.0)
    .fetch_one(&mut conn)
    .await?;
    let responses = sqlx::query(
        "SELECT id, person_id FROM responses \
         WHERE campaign_id = $1 AND submitted_at IS NOT NULL ORDER BY id",
    )
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut data = ChangeData {
        asked: (in_audience + outside) as usize,
        responses: Vec::with_capacity(responses.len()),
    };
    for (i, r) in responses.iter().enumerate() {
        at.insert(r.try_get("id")?, i);
        data.responses.push(ChangeResponse {
            person: r.try_get::<Option<i64>, _>("person_id")?.map(PersonId),
            ratings: HashMap::new(),
        });
    }
    for (response, competence, value) in ratings_by_response(&mut conn, campaign).await? {
        if let Some(i) = at.get(&response) {
            data.responses[*i].ratings.insert(competence, value);
        }
    }
    conn.close().await?;
    Ok(data)
}

/// What group comparisons and calibration are computed from: every finished response with its
/// respondent's job family and employment, ratings, profile answers and quiz answers.
pub async fn analysis_data(
    db: &TestDb,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<AnalysisData> {
    let mut conn = connect(db).await?;
    let responses = sqlx::query(
        "SELECT r.id, p.job_family, p.employment FROM responses r \
         JOIN campaigns c ON c.id = r.campaign_id \
         LEFT JOIN people p ON p.id = r.person_id \
         WHERE c.organisation_id = $1 AND r.campaign_id = $2 AND r.submitted_at IS NOT NULL \
         ORDER BY r.id",
    )
    .bind(org.0)
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    if responses.is_empty() {
        campaign_exists(&mut conn, org, campaign).await?;
    }
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut data = AnalysisData::default();
    for (i, r) in responses.iter().enumerate() {
        at.insert(r.try_get("id")?, i);
        data.respondents.push(AnalysisRespondent {
            job_family: r.try_get("job_family")?,
            employment: r.try_get("employment")?,
            ..AnalysisRespondent::default()
        });
    }
    for (response, competence, value) in ratings_by_response(&mut conn, campaign).await? {
        if let Some(i) = at.get(&response) {
            data.respondents[*i].ratings.insert(competence, value);
        }
    }
    let submitted = "JOIN responses r ON r.id = a.response_id \
                     WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL";
    for r in sqlx::query(AssertSqlSafe(format!(
        "SELECT a.response_id, a.question_id, a.value FROM profile_answers a {submitted}"
    )))
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?
    {
        if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
            data.respondents[*i]
                .profile
                .insert(QuestionId(r.try_get("question_id")?), r.try_get("value")?);
        }
    }
    for r in sqlx::query(AssertSqlSafe(format!(
        "SELECT a.response_id, q.competence_id, a.correct FROM quiz_answers a \
         JOIN quiz_items q ON q.id = a.item_id {submitted} ORDER BY a.response_id, q.position"
    )))
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?
    {
        if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
            data.respondents[*i].quiz.push((
                CompetenceId(r.try_get("competence_id")?),
                r.try_get::<i64, _>("correct")? != 0,
            ));
        }
    }
    conn.close().await?;
    Ok(data)
}

/// Everyone's 1–5 ratings in a finished response to `campaign`, summed by framework area,
/// keyed by the area's code: what a person's profile sets their own ratings against.
pub async fn area_totals(
    db: &TestDb,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<HashMap<String, AreaTotals>> {
    let mut conn = connect(db).await?;
    let rows = sqlx::query(
        "SELECT fa.code, COUNT(DISTINCT a.response_id) AS people, \
            CAST(SUM(a.value) AS BIGINT) AS total, COUNT(*) AS ratings \
         FROM ratings a \
         JOIN responses r ON r.id = a.response_id \
         JOIN campaigns c ON c.id = r.campaign_id \
         JOIN competences k ON k.id = a.competence_id \
         JOIN framework_areas fa ON fa.id = k.area_id \
         WHERE c.organisation_id = $1 AND r.campaign_id = $2 \
           AND r.submitted_at IS NOT NULL AND a.value BETWEEN 1 AND 5 \
         GROUP BY fa.code",
    )
    .bind(org.0)
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    conn.close().await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("code")?,
                AreaTotals {
                    people: r.try_get::<i64, _>("people")? as usize,
                    sum: r.try_get::<i64, _>("total")? as f64,
                    ratings: r.try_get::<i64, _>("ratings")? as usize,
                },
            ))
        })
        .collect()
}

/// How many responses a campaign has from each source ("web", "import").
pub async fn response_sources(db: &TestDb, campaign: CampaignId) -> Result<HashMap<String, i64>> {
    let mut conn = connect(db).await?;
    let rows = sqlx::query(
        "SELECT source, COUNT(*) AS n FROM responses WHERE campaign_id = $1 GROUP BY source",
    )
    .bind(campaign.0)
    .fetch_all(&mut conn)
    .await?;
    conn.close().await?;
    rows.iter()
        .map(|r| Ok((r.try_get("source")?, r.try_get("n")?)))
        .collect()
}

/// Tries to change (or, with `delete`, remove) an audit event behind the store's back, for
/// tests that the database itself refuses. `StoreError::NotFound` if no row was touched.
pub async fn try_tamper_with_audit_event(db: &TestDb, id: i64, delete: bool) -> Result<()> {
    let sql = if delete {
        "DELETE FROM audit_events WHERE id = $1"
    } else {
        "UPDATE audit_events SET detail = 'changed' WHERE id = $1"
    };
    let mut conn = connect(db).await?;
    let done = sqlx::query(sql).bind(id).execute(&mut conn).await;
    conn.close().await?;
    if done?.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
