//! Who a campaign asked, kept as it was when the campaign ran (`campaign_asked`, migration
//! 0022), and where each of them stands: the chase list of an open campaign.
//!
//! The audience rule (sites, teams, job families) reads today's staff list, which moves: a
//! staff import, a person moved to another team, a leaver. So while a campaign is open its
//! audience is recorded, person by person with their team and sites at the time, and every
//! figure that counts the people asked reads the record ([`Store::record_audience`] brings it
//! up to date first). Once the campaign has closed (and been recorded once after), nothing is
//! added: its figures stay as they were.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent};
use crate::{Backend, Result, Store, StoreError, flag};
use skillgym_domain::{CampaignId, OrganisationId, PersonId, SiteId, TeamId};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

/// The audience rule for campaign `c` and person `p` (both joined by the query).
pub(crate) const AUDIENCE_OF_P: &str = "(NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'site') \
        OR EXISTS (SELECT 1 FROM campaign_audience a JOIN person_sites ps ON a.value = CAST(ps.site_id AS TEXT) \
            WHERE a.campaign_id = c.id AND a.kind = 'site' AND ps.person_id = p.id)) \
    AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'team') \
        OR EXISTS (SELECT 1 FROM campaign_audience a \
            WHERE a.campaign_id = c.id AND a.kind = 'team' AND a.value = CAST(p.team_id AS TEXT))) \
    AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'job_family') \
        OR EXISTS (SELECT 1 FROM campaign_audience a \
            WHERE a.campaign_id = c.id AND a.kind = 'job_family' AND a.value = p.job_family))";

/// Where one person asked by an open campaign stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Progress {
    NotStarted,
    /// Started but not finished.
    Started,
    Finished,
}

/// One person asked by a campaign, as its chase list shows them. Sites and team are those the
/// campaign recorded for them (see the module), the first site being their main one.
#[derive(Debug, Clone)]
pub struct PersonProgress {
    pub person: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub sites: Vec<SiteId>,
    pub team: Option<TeamId>,
    pub progress: Progress,
    /// Sent an invitation to this campaign, and a reminder.
    pub invited: bool,
    pub reminded: bool,
}

impl PersonProgress {
    /// The site a person is listed under: their main one.
    pub fn main_site(&self) -> Option<SiteId> {
        self.sites.first().copied()
    }
}

/// Whom [`Store::campaign_progress`] lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgressFilter {
    /// Only those whose main site is this one.
    pub site: Option<SiteId>,
    pub team: Option<TeamId>,
    /// Only those who have not finished.
    pub unfinished: bool,
}

impl ProgressFilter {
    pub fn matches(&self, p: &PersonProgress) -> bool {
        self.site.is_none_or(|s| p.main_site() == Some(s))
            && self.team.is_none_or(|t| p.team == Some(t))
            && (!self.unfinished || p.progress != Progress::Finished)
    }
}

fn sites_agg(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "(SELECT group_concat(s.site_id, ',' ORDER BY s.position, s.site_id) \
              FROM person_sites s WHERE s.person_id = p.id)"
        }
        Backend::Postgres => {
            "(SELECT string_agg(CAST(s.site_id AS TEXT), ',' ORDER BY s.position, s.site_id) \
              FROM person_sites s WHERE s.person_id = p.id)"
        }
    }
}

/// Records the audience of the campaigns that are due, on `today` (an ISO date): those of
/// `org` (or of every organisation) that have opened and not been recorded since they
/// closed, unless nobody in the organisation has changed since they were recorded today. New
/// people in the audience are added with their team and sites; those recorded stay as they
/// were. Returns how many people were added.
pub(crate) async fn record_due(
    conn: &mut AnyConnection,
    backend: Backend,
    org: Option<OrganisationId>,
    campaign: Option<CampaignId>,
    today: time::Date,
) -> Result<u64> {
    let today = skillgym_domain::people::format_date(today);
    let due: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.id, o.people_version FROM campaigns c \
         JOIN organisations o ON o.id = c.organisation_id \
         WHERE ($2 IS NULL OR c.organisation_id = $2) AND ($3 IS NULL OR c.id = $3) \
           AND c.opens_on <= $1 \
           AND (c.audience_recorded_on IS NULL OR c.audience_recorded_on <= c.closes_on) \
           AND (c.audience_recorded_on IS NULL OR c.audience_people_version IS NULL \
                OR c.audience_recorded_on <> $1 OR c.audience_people_version <> o.people_version) \
         ORDER BY c.id",
    )
    .bind(&today)
    .bind(org.map(|o| o.0))
    .bind(campaign.map(|c| c.0))
    .fetch_all(&mut *conn)
    .await?;
    let mut added = 0;
    for (id, people_version) in due {
        // Those in the audience who had not left when it opened nor start after it closes, and
        // anyone who has started a response (they were asked, whatever their record says now).
        // Two requests recording at once add each person once (the unique key).
        let done = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO campaign_asked \
                (organisation_id, campaign_id, person_id, team_id, job_family, sites) \
             SELECT c.organisation_id, c.id, p.id, p.team_id, p.job_family, \
                COALESCE({sites}, '') \
             FROM campaigns c JOIN people p ON p.organisation_id = c.organisation_id \
             WHERE c.id = $1 \
               AND NOT EXISTS (SELECT 1 FROM campaign_asked k \
                   WHERE k.campaign_id = c.id AND k.person_id = p.id) \
               AND (EXISTS (SELECT 1 FROM responses r \
                       WHERE r.campaign_id = c.id AND r.person_id = p.id) \
                 OR ((p.left_on IS NULL OR p.left_on >= c.opens_on) \
                   AND (p.start_date IS NULL OR p.start_date <= c.closes_on) \
                   AND {AUDIENCE_OF_P})) \
             ON CONFLICT (campaign_id, person_id) DO NOTHING",
            sites = sites_agg(backend),
        )))
        .bind(id)
        .execute(&mut *conn)
        .await?;
        added += done.rows_affected();
        sqlx::query(
            "UPDATE campaigns SET audience_recorded_on = $2, audience_people_version = $3 \
             WHERE id = $1",
        )
        .bind(id)
        .bind(&today)
        .bind(people_version)
        .execute(&mut *conn)
        .await?;
    }
    Ok(added)
}

/// An erased person leaves the campaigns' records of who was asked without changing how many
/// were: where they finished, their row goes (their response, no longer anyone's, counts as one
/// more asked, in no group); elsewhere it stays, as one person asked, with no team, job family
/// or sites. Record the due campaigns first, so that the erasure is not undone by a campaign
/// that had not yet recorded them.
pub(crate) async fn forget_person(conn: &mut AnyConnection, person: PersonId) -> Result<()> {
    sqlx::query(
        "DELETE FROM campaign_asked WHERE person_id = $1 AND EXISTS (SELECT 1 FROM responses r \
            WHERE r.campaign_id = campaign_asked.campaign_id AND r.person_id = $1 \
              AND r.submitted_at IS NOT NULL)",
    )
    .bind(person.0)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE campaign_asked SET person_id = NULL, team_id = NULL, job_family = NULL, \
            sites = '' WHERE person_id = $1",
    )
    .bind(person.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Parses a recorded list of site ids.
pub(crate) fn parse_sites(listed: &str) -> Result<Vec<SiteId>> {
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

impl Store {
    /// Brings the campaign's record of who it asked up to date, if it is due (see
    /// [`record_due`]): figures read it, so call this before reading them.
    pub async fn record_audience(&self, campaign: CampaignId) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        let today = crate::dates::today();
        record_due(&mut conn, self.backend, None, Some(campaign), today).await?;
        Ok(())
    }

    /// Records every due campaign's audience (the scheduled job); returns how many people were
    /// added.
    pub async fn record_audiences(&self, today: time::Date) -> Result<u64> {
        let mut conn = self.pool.acquire().await?;
        record_due(&mut conn, self.backend, None, None, today).await
    }

    /// Everyone the campaign asked who is still here (not erased, not left by today), with
    /// where they stand, sorted by family and given name; those `filter` keeps.
    pub async fn campaign_progress(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        filter: ProgressFilter,
    ) -> Result<Vec<PersonProgress>> {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(campaign.0)
                .fetch_optional(&self.pool)
                .await?;
        exists.ok_or(StoreError::NotFound)?;
        self.record_audience(campaign).await?;
        let rows = sqlx::query(
            "SELECT p.id, p.given_name, p.family_name, k.team_id, k.sites, \
                r.started_at, r.submitted_at, \
                CAST(CASE WHEN EXISTS (SELECT 1 FROM invitations i \
                    WHERE i.campaign_id = k.campaign_id AND i.person_id = p.id \
                      AND i.kind = 'invite' AND i.sent_at IS NOT NULL) \
                    THEN 1 ELSE 0 END AS BIGINT) AS invited, \
                CAST(CASE WHEN EXISTS (SELECT 1 FROM invitations i \
                    WHERE i.campaign_id = k.campaign_id AND i.person_id = p.id \
                      AND i.kind = 'reminder' AND i.sent_at IS NOT NULL) \
                    THEN 1 ELSE 0 END AS BIGINT) AS reminded \
             FROM campaign_asked k JOIN people p ON p.id = k.person_id \
             LEFT JOIN responses r ON r.campaign_id = k.campaign_id AND r.person_id = p.id \
             WHERE k.campaign_id = $1 AND k.organisation_id = $2 \
               AND (p.left_on IS NULL OR p.left_on > $3) \
             ORDER BY p.family_name, p.given_name, p.id",
        )
        .bind(campaign.0)
        .bind(org.0)
        .bind(skillgym_domain::people::format_date(crate::dates::today()))
        .fetch_all(&self.pool)
        .await?;
        let mut people = Vec::with_capacity(rows.len());
        for r in &rows {
            let started: Option<i64> = r.try_get("started_at")?;
            let submitted: Option<i64> = r.try_get("submitted_at")?;
            let progress = match (started, submitted) {
                (_, Some(_)) => Progress::Finished,
                (Some(_), None) => Progress::Started,
                (None, None) => Progress::NotStarted,
            };
            let person = PersonProgress {
                person: PersonId(r.try_get("id")?),
                given_name: r.try_get("given_name")?,
                family_name: r.try_get("family_name")?,
                sites: parse_sites(&r.try_get::<String, _>("sites")?)?,
                team: r.try_get::<Option<i64>, _>("team_id")?.map(TeamId),
                progress,
                invited: flag(r, "invited")?,
                reminded: flag(r, "reminded")?,
            };
            if filter.matches(&person) {
                people.push(person);
            }
        }
        Ok(people)
    }

    /// Records in the audit trail that an administrator sent reminders from the chase list:
    /// to which group (a site, a team, both or everyone not finished), and to how many (not
    /// for an anonymous campaign, whose count could tell how many in a group have not
    /// answered).
    pub async fn record_chase(
        &self,
        org: OrganisationId,
        actor: Actor,
        campaign: CampaignId,
        group: ProgressFilter,
        sent: Option<usize>,
    ) -> Result<()> {
        let mut event = NewAuditEvent::new(actor, AuditAction::RemindersSent, None)
            .with("campaign", campaign.0);
        if let Some(site) = group.site {
            event = event.with("site", site.0);
        }
        if let Some(team) = group.team {
            event = event.with("team", team.0);
        }
        if let Some(sent) = sent {
            event = event.with("sent", sent);
        }
        self.record_event(org, &event).await
    }
}
