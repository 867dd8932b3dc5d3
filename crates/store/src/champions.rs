//! Digital champions (nominated, approved, what they offer), the help people ask them for and
//! the help they log, and digital buddies for volunteers with their meetings.

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::dates::{date, today};
use crate::{Actor, Result, Store, StoreError, now};
pub use skillgym_domain::champions::HelpTopic;
use skillgym_domain::champions::{ChampionStatus, Place};
use skillgym_domain::people::format_date;
use skillgym_domain::{
    HelpGivenId, HelpRequestId, OrganisationId, PairingId, PersonId, Role, ServiceId, SiteId,
};
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use std::collections::{BTreeSet, HashMap};

/// A champion, or someone nominated to be one.
#[derive(Debug, Clone, PartialEq)]
pub struct ChampionRecord {
    pub person: PersonId,
    pub name: String,
    pub status: ChampionStatus,
    pub nominated_by: Option<String>,
    pub reason: String,
    pub nominated_at: i64,
    pub approved_by: Option<String>,
    pub availability: String,
    pub findable: bool,
    pub competences: Vec<String>,
    pub services: Vec<ServiceId>,
    /// Where they help: the sites they chose, or where they work when they chose none.
    pub sites: Vec<(SiteId, String)>,
}

/// What a champion says they help with, where and when.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offer {
    pub competences: Vec<String>,
    pub services: Vec<ServiceId>,
    pub sites: Vec<SiteId>,
    pub availability: String,
    pub findable: bool,
}

/// A request for help, as the champion sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRequest {
    pub id: HelpRequestId,
    pub champion: PersonId,
    pub asked_by: PersonId,
    pub asker_name: String,
    pub asker_email: Option<String>,
    pub topic: Option<HelpTopic>,
    pub message: String,
    pub asked_at: i64,
    pub emailed: bool,
}

/// Help a champion gave.
#[derive(Debug, Clone, PartialEq)]
pub struct NewHelpGiven {
    pub given_on: time::Date,
    pub topic: Option<HelpTopic>,
    pub site: Option<SiteId>,
    pub what: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HelpGiven {
    pub id: HelpGivenId,
    pub help: NewHelpGiven,
}

/// Help logged in a period, counted one way: by month, site, competence or champion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HelpTotals {
    pub times: usize,
    pub minutes: u64,
}

/// The help champions logged between two dates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HelpReport {
    pub all: HelpTotals,
    /// By month (`YYYY-MM`), in order.
    pub by_month: Vec<(String, HelpTotals)>,
    /// By site's name (none for help logged without one), most help first.
    pub by_site: Vec<(Option<String>, HelpTotals)>,
    /// By competence code (none for help logged without one), most help first.
    pub by_competence: Vec<(Option<String>, HelpTotals)>,
    /// By champion's name (none once erased), most help first.
    pub by_champion: Vec<(Option<String>, HelpTotals)>,
}

/// A volunteer and their digital buddy.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    pub id: PairingId,
    pub volunteer: (PersonId, String),
    pub buddy: (PersonId, String),
    pub started_on: time::Date,
    pub ended_on: Option<time::Date>,
    pub meetings: usize,
    pub minutes: u64,
    pub last_met: Option<time::Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub met_on: time::Date,
    pub minutes: u32,
    pub note: String,
    pub logged_by: Option<String>,
}

pub(crate) const NAME: &str = "(p.given_name || ' ' || p.family_name)";

/// Whether `person` holds the champion role: only they are found, whatever their row says,
/// so that taking the role away hides them at once.
pub(crate) const HOLDS_ROLE: &str = "EXISTS (SELECT 1 FROM accounts a JOIN account_roles r \
     ON r.account_id = a.id AND r.role = 'champion' \
     WHERE a.person_id = ch.person_id AND a.disabled = 0)";

fn topic_from(competence: Option<String>, service: Option<i64>) -> Option<HelpTopic> {
    match (competence, service) {
        (Some(c), _) => Some(HelpTopic::Competence(c)),
        (None, Some(s)) => Some(HelpTopic::Service(ServiceId(s))),
        (None, None) => None,
    }
}

fn topic_columns(topic: &Option<HelpTopic>) -> (Option<&str>, Option<i64>) {
    match topic {
        Some(HelpTopic::Competence(c)) => (Some(c.as_str()), None),
        Some(HelpTopic::Service(s)) => (None, Some(s.0)),
        // Requests and help about kit keep no topic: the message says which.
        Some(HelpTopic::Kit(_)) | None => (None, None),
    }
}

impl Store {
    /// Nominates `person` to be a champion. `Taken` when they are one or are nominated
    /// already; `NotFound` unless they are `org`'s and have not left.
    pub async fn nominate_champion(
        &self,
        org: OrganisationId,
        person: PersonId,
        reason: &str,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM people WHERE id = $1 AND organisation_id = $2 \
             AND (left_on IS NULL OR left_on > $3)",
        )
        .bind(person.0)
        .bind(org.0)
        .bind(format_date(today()))
        .fetch_optional(&mut *tx)
        .await?;
        current.ok_or(StoreError::NotFound)?;
        let already: Option<i64> =
            sqlx::query_scalar("SELECT person_id FROM champions WHERE person_id = $1")
                .bind(person.0)
                .fetch_optional(&mut *tx)
                .await?;
        if already.is_some() {
            return Err(StoreError::Taken("champion"));
        }
        let at = now();
        sqlx::query(
            "INSERT INTO champions (person_id, organisation_id, status, nominated_by, reason, \
                 nominated_at, updated_at) VALUES ($1, $2, 'nominated', $3, $4, $5, $5)",
        )
        .bind(person.0)
        .bind(org.0)
        .bind(by.0)
        .bind(reason)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(
            Actor::Person(by),
            AuditAction::ChampionNominated,
            Some(person),
        );
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Approves a nomination: the person gets the champion role, and helps at the sites they
    /// work at until they choose others. `NotFound` unless nominated; `Refused` when they cannot sign in to take it up.
    pub async fn approve_champion(
        &self,
        org: OrganisationId,
        person: PersonId,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let status: Option<String> = sqlx::query_scalar(
            "SELECT status FROM champions WHERE person_id = $1 AND organisation_id = $2",
        )
        .bind(person.0)
        .bind(org.0)
        .fetch_optional(&mut *tx)
        .await?;
        if status.as_deref() != Some(ChampionStatus::Nominated.as_str()) {
            return Err(StoreError::NotFound);
        }
        let account: Option<i64> = sqlx::query_scalar(
            "SELECT a.id FROM accounts a JOIN people p ON p.id = a.person_id \
             WHERE a.person_id = $1 AND (p.left_on IS NULL OR p.left_on > $2)",
        )
        .bind(person.0)
        .bind(format_date(today()))
        .fetch_optional(&mut *tx)
        .await?;
        let account = account.ok_or(StoreError::Refused("champion-no-account"))?;
        sqlx::query(
            "INSERT INTO account_roles (account_id, role) VALUES ($1, $2) \
             ON CONFLICT (account_id, role) DO NOTHING",
        )
        .bind(account)
        .bind(Role::Champion.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE champions SET status = 'approved', approved_by = $2, approved_at = $3, \
                 updated_at = $3 WHERE person_id = $1",
        )
        .bind(person.0)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO champion_sites (person_id, organisation_id, site_id) \
             SELECT person_id, $2, site_id FROM person_sites WHERE person_id = $1",
        )
        .bind(person.0)
        .bind(org.0)
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(
            Actor::Person(by),
            AuditAction::ChampionApproved,
            Some(person),
        );
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends someone's time as a champion, or declines their nomination: their row goes with
    /// what they offered, and the champion role with it. The help they logged stays.
    pub async fn end_champion(
        &self,
        org: OrganisationId,
        person: PersonId,
        actor: Actor,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let status: Option<String> = sqlx::query_scalar(
            "SELECT status FROM champions WHERE person_id = $1 AND organisation_id = $2",
        )
        .bind(person.0)
        .bind(org.0)
        .fetch_optional(&mut *tx)
        .await?;
        let action = match status.as_deref().and_then(ChampionStatus::parse) {
            Some(ChampionStatus::Nominated) => AuditAction::NominationDeclined,
            Some(ChampionStatus::Approved) => AuditAction::ChampionEnded,
            None => return Err(StoreError::NotFound),
        };
        sqlx::query("DELETE FROM champions WHERE person_id = $1")
            .bind(person.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM account_roles WHERE role = $2 AND account_id IN \
                 (SELECT id FROM accounts WHERE person_id = $1)",
        )
        .bind(person.0)
        .bind(Role::Champion.as_str())
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(actor, action, Some(person));
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Someone given the champion role by an administrator, who has no row yet: the role was
    /// the approval.
    async fn ensure_champion_row(
        tx: &mut Transaction<'_, Any>,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<()> {
        let at = now();
        sqlx::query(
            "INSERT INTO champions (person_id, organisation_id, status, reason, nominated_at, \
                 approved_at, updated_at) VALUES ($1, $2, 'approved', '', $3, $3, $3) \
             ON CONFLICT (person_id) DO NOTHING",
        )
        .bind(person.0)
        .bind(org.0)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// A champion or nominee of `org`'s.
    pub async fn champion(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Option<ChampionRecord>> {
        Ok(self
            .champion_records(org, Some(person))
            .await?
            .into_iter()
            .next())
    }

    /// Every champion and nominee of `org`'s who has not left, by name.
    pub async fn champions(&self, org: OrganisationId) -> Result<Vec<ChampionRecord>> {
        self.champion_records(org, None).await
    }

    async fn champion_records(
        &self,
        org: OrganisationId,
        only: Option<PersonId>,
    ) -> Result<Vec<ChampionRecord>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT ch.person_id, {NAME} AS name, ch.status, ch.reason, ch.nominated_at, \
                 ch.availability, ch.findable, \
                 (SELECT n.given_name || ' ' || n.family_name FROM people n \
                  WHERE n.id = ch.nominated_by) AS nominated_by, \
                 (SELECT n.given_name || ' ' || n.family_name FROM people n \
                  WHERE n.id = ch.approved_by) AS approved_by \
             FROM champions ch JOIN people p ON p.id = ch.person_id \
             WHERE ch.organisation_id = $1 AND ($2 IS NULL OR ch.person_id = $2) \
                 AND (p.left_on IS NULL OR p.left_on > $3) \
             ORDER BY p.family_name, p.given_name, p.id"
        )))
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .bind(format_date(today()))
        .fetch_all(&self.pool)
        .await?;
        let mut competences: HashMap<i64, Vec<String>> = HashMap::new();
        let mut services: HashMap<i64, Vec<ServiceId>> = HashMap::new();
        let mut sites: HashMap<i64, Vec<(SiteId, String)>> = HashMap::new();
        for r in sqlx::query(
            "SELECT person_id, competence FROM champion_competences \
             WHERE organisation_id = $1 AND ($2 IS NULL OR person_id = $2) ORDER BY competence",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&self.pool)
        .await?
        {
            competences
                .entry(r.try_get("person_id")?)
                .or_default()
                .push(r.try_get("competence")?);
        }
        for r in sqlx::query(
            "SELECT person_id, service_id FROM champion_services \
             WHERE organisation_id = $1 AND ($2 IS NULL OR person_id = $2)",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&self.pool)
        .await?
        {
            services
                .entry(r.try_get("person_id")?)
                .or_default()
                .push(ServiceId(r.try_get("service_id")?));
        }
        for r in sqlx::query(
            "SELECT cs.person_id, s.id, s.name FROM champion_sites cs \
             JOIN sites s ON s.id = cs.site_id \
             WHERE cs.organisation_id = $1 AND ($2 IS NULL OR cs.person_id = $2) \
             ORDER BY s.name",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&self.pool)
        .await?
        {
            sites
                .entry(r.try_get("person_id")?)
                .or_default()
                .push((SiteId(r.try_get("id")?), r.try_get("name")?));
        }
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("person_id")?;
                let status: String = r.try_get("status")?;
                let findable: i64 = r.try_get("findable")?;
                Ok(ChampionRecord {
                    person: PersonId(id),
                    name: r.try_get("name")?,
                    status: ChampionStatus::parse(&status)
                        .ok_or_else(|| StoreError::Corrupt("champion status".into()))?,
                    nominated_by: r.try_get("nominated_by")?,
                    reason: r.try_get("reason")?,
                    nominated_at: r.try_get("nominated_at")?,
                    approved_by: r.try_get("approved_by")?,
                    availability: r.try_get("availability")?,
                    findable: findable == 1,
                    competences: competences.remove(&id).unwrap_or_default(),
                    services: services.remove(&id).unwrap_or_default(),
                    sites: sites.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Replaces what a champion offers. `Refused` when a service or site is not `org`'s.
    pub async fn save_offer(
        &self,
        org: OrganisationId,
        person: PersonId,
        offer: &Offer,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        Self::ensure_champion_row(&mut tx, org, person).await?;
        let updated = sqlx::query(
            "UPDATE champions SET availability = $3, findable = $4, updated_at = $5 \
             WHERE person_id = $1 AND organisation_id = $2 AND status = 'approved'",
        )
        .bind(person.0)
        .bind(org.0)
        .bind(&offer.availability)
        .bind(i64::from(offer.findable))
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        for table in [
            "champion_competences",
            "champion_services",
            "champion_sites",
        ] {
            sqlx::query(AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE person_id = $1"
            )))
            .bind(person.0)
            .execute(&mut *tx)
            .await?;
        }
        for code in offer.competences.iter().collect::<BTreeSet<_>>() {
            sqlx::query(
                "INSERT INTO champion_competences (person_id, organisation_id, competence) \
                 VALUES ($1, $2, $3)",
            )
            .bind(person.0)
            .bind(org.0)
            .bind(code)
            .execute(&mut *tx)
            .await?;
        }
        for (table, column, ids, invalid) in [
            (
                "services",
                "service_id",
                offer.services.iter().map(|s| s.0).collect::<BTreeSet<_>>(),
                "champion-service-unknown",
            ),
            (
                "sites",
                "site_id",
                offer.sites.iter().map(|s| s.0).collect::<BTreeSet<_>>(),
                "champion-site-unknown",
            ),
        ] {
            for id in ids {
                let inserted = sqlx::query(AssertSqlSafe(format!(
                    "INSERT INTO champion_{table} (person_id, organisation_id, {column}) \
                     SELECT $1, $2, id FROM {table} WHERE id = $3 AND organisation_id = $2"
                )))
                .bind(person.0)
                .bind(org.0)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Refused(invalid));
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Where `person` works, with each site's coordinates: where "find help" searches from.
    pub async fn places_of(&self, org: OrganisationId, person: PersonId) -> Result<Vec<Place>> {
        let rows = sqlx::query(
            "SELECT s.id, s.latitude, s.longitude FROM person_sites ps \
             JOIN sites s ON s.id = ps.site_id \
             WHERE ps.person_id = $1 AND s.organisation_id = $2 ORDER BY ps.position, s.name",
        )
        .bind(person.0)
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let lat: Option<f64> = r.try_get("latitude")?;
                let lon: Option<f64> = r.try_get("longitude")?;
                Ok(Place {
                    site: SiteId(r.try_get("id")?),
                    at: lat.zip(lon),
                })
            })
            .collect()
    }

    /// One site of `org`'s as a place to search from.
    pub async fn place(&self, org: OrganisationId, site: SiteId) -> Result<Place> {
        let row = sqlx::query(
            "SELECT id, latitude, longitude FROM sites WHERE id = $1 AND organisation_id = $2",
        )
        .bind(site.0)
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let lat: Option<f64> = row.try_get("latitude")?;
        let lon: Option<f64> = row.try_get("longitude")?;
        Ok(Place {
            site,
            at: lat.zip(lon),
        })
    }

    /// Whether `person` is an approved champion of `org`'s, holding the role, who has not left:
    /// someone who may be asked for help.
    pub async fn is_findable_champion(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT ch.person_id FROM champions ch JOIN people p ON p.id = ch.person_id \
             WHERE ch.person_id = $1 AND ch.organisation_id = $2 AND ch.status = 'approved' \
                 AND (p.left_on IS NULL OR p.left_on > $3) AND {HOLDS_ROLE}"
        )))
        .bind(person.0)
        .bind(org.0)
        .bind(format_date(today()))
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// Records that `asked_by` asked `champion` for help, before the email goes.
    pub async fn ask_for_help(
        &self,
        org: OrganisationId,
        champion: PersonId,
        asked_by: PersonId,
        topic: &Option<HelpTopic>,
        message: &str,
    ) -> Result<HelpRequestId> {
        let (competence, service) = topic_columns(topic);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO help_requests (organisation_id, champion_id, asked_by, competence, \
                 service_id, message, asked_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(org.0)
        .bind(champion.0)
        .bind(asked_by.0)
        .bind(competence)
        .bind(service)
        .bind(message)
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        Ok(HelpRequestId(id))
    }

    /// How many times `person` asked for help since `since`: asking is throttled.
    pub async fn help_requests_since(
        &self,
        org: OrganisationId,
        person: PersonId,
        since: i64,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM help_requests \
             WHERE organisation_id = $1 AND asked_by = $2 AND asked_at >= $3",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(since)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Where to email a champion, and the language they read skillgym in.
    pub async fn champion_contact(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Option<(String, Option<String>)>> {
        let row = sqlx::query(
            "SELECT COALESCE(p.email, a.email) AS email, \
                 COALESCE(a.language, o.main_language) AS language FROM people p \
             JOIN organisations o ON o.id = p.organisation_id \
             LEFT JOIN accounts a ON a.person_id = p.id \
             WHERE p.id = $1 AND p.organisation_id = $2",
        )
        .bind(person.0)
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let email: Option<String> = row.try_get("email")?;
        Ok(email.map(|e| (e, row.try_get("language").ok().flatten())))
    }

    /// Records how the email of a request went.
    pub async fn help_request_emailed(
        &self,
        id: HelpRequestId,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        let (at, error) = match outcome {
            Ok(()) => (Some(now()), None),
            Err(e) => (None, Some(e)),
        };
        sqlx::query("UPDATE help_requests SET emailed_at = $2, email_error = $3 WHERE id = $1")
            .bind(id.0)
            .bind(at)
            .bind(error)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The requests made to `champion`, newest first.
    pub async fn help_requests_to(
        &self,
        org: OrganisationId,
        champion: PersonId,
    ) -> Result<Vec<HelpRequest>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT h.id, h.champion_id, h.asked_by, {NAME} AS name, p.email, h.competence, \
                 h.service_id, h.message, h.asked_at, h.emailed_at FROM help_requests h \
             JOIN people p ON p.id = h.asked_by \
             WHERE h.organisation_id = $1 AND h.champion_id = $2 \
             ORDER BY h.asked_at DESC, h.id DESC LIMIT 100"
        )))
        .bind(org.0)
        .bind(champion.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let emailed: Option<i64> = r.try_get("emailed_at")?;
                Ok(HelpRequest {
                    id: HelpRequestId(r.try_get("id")?),
                    champion: PersonId(r.try_get("champion_id")?),
                    asked_by: PersonId(r.try_get("asked_by")?),
                    asker_name: r.try_get("name")?,
                    asker_email: r.try_get("email")?,
                    topic: topic_from(r.try_get("competence")?, r.try_get("service_id")?),
                    message: r.try_get("message")?,
                    asked_at: r.try_get("asked_at")?,
                    emailed: emailed.is_some(),
                })
            })
            .collect()
    }

    /// Logs help `champion` gave. `Refused` when the site or service is not `org`'s.
    pub async fn log_help(
        &self,
        org: OrganisationId,
        champion: PersonId,
        help: &NewHelpGiven,
    ) -> Result<HelpGivenId> {
        let (competence, service) = topic_columns(&help.topic);
        let mut tx = self.begin_write().await?;
        for (table, id, invalid) in [
            ("sites", help.site.map(|s| s.0), "help-site-unknown"),
            ("services", service, "help-service-unknown"),
        ] {
            if let Some(id) = id {
                let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
                    "SELECT id FROM {table} WHERE id = $1 AND organisation_id = $2"
                )))
                .bind(id)
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
                found.ok_or(StoreError::Refused(invalid))?;
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO help_given (organisation_id, champion_id, given_on, competence, \
                 service_id, site_id, what, minutes, logged_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(org.0)
        .bind(champion.0)
        .bind(format_date(help.given_on))
        .bind(competence)
        .bind(service)
        .bind(help.site.map(|s| s.0))
        .bind(&help.what)
        .bind(i64::from(help.minutes))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(HelpGivenId(id))
    }

    /// The help `champion` logged, newest first.
    pub async fn help_given_by(
        &self,
        org: OrganisationId,
        champion: PersonId,
    ) -> Result<Vec<HelpGiven>> {
        let rows = sqlx::query(
            "SELECT id, given_on, competence, service_id, site_id, what, minutes FROM help_given \
             WHERE organisation_id = $1 AND champion_id = $2 \
             ORDER BY given_on DESC, id DESC LIMIT 200",
        )
        .bind(org.0)
        .bind(champion.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let site: Option<i64> = r.try_get("site_id")?;
                let minutes: i64 = r.try_get("minutes")?;
                Ok(HelpGiven {
                    id: HelpGivenId(r.try_get("id")?),
                    help: NewHelpGiven {
                        given_on: date(r, "given_on")?,
                        topic: topic_from(r.try_get("competence")?, r.try_get("service_id")?),
                        site: site.map(SiteId),
                        what: r.try_get("what")?,
                        minutes: minutes as u32,
                    },
                })
            })
            .collect()
    }

    /// The help champions logged from `from` to `to` (both days included), counted.
    pub async fn help_report(
        &self,
        org: OrganisationId,
        from: time::Date,
        to: time::Date,
    ) -> Result<HelpReport> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT h.given_on, h.competence, h.minutes, s.name AS site, \
                 CASE WHEN p.id IS NULL THEN NULL ELSE {NAME} END AS champion \
             FROM help_given h LEFT JOIN sites s ON s.id = h.site_id \
             LEFT JOIN people p ON p.id = h.champion_id \
             WHERE h.organisation_id = $1 AND h.given_on >= $2 AND h.given_on <= $3"
        )))
        .bind(org.0)
        .bind(format_date(from))
        .bind(format_date(to))
        .fetch_all(&self.pool)
        .await?;
        let mut report = HelpReport::default();
        let mut months: HashMap<String, HelpTotals> = HashMap::new();
        let mut sites: HashMap<Option<String>, HelpTotals> = HashMap::new();
        let mut competences: HashMap<Option<String>, HelpTotals> = HashMap::new();
        let mut champions: HashMap<Option<String>, HelpTotals> = HashMap::new();
        for r in rows {
            let given_on: String = r.try_get("given_on")?;
            let minutes: i64 = r.try_get("minutes")?;
            let add = |t: &mut HelpTotals| {
                t.times += 1;
                t.minutes += minutes as u64;
            };
            add(&mut report.all);
            add(months.entry(given_on[..7].to_string()).or_default());
            add(sites.entry(r.try_get("site")?).or_default());
            add(competences.entry(r.try_get("competence")?).or_default());
            add(champions.entry(r.try_get("champion")?).or_default());
        }
        let mut by_month: Vec<_> = months.into_iter().collect();
        by_month.sort_by(|a, b| a.0.cmp(&b.0));
        report.by_month = by_month;
        let most_first = |m: HashMap<Option<String>, HelpTotals>| {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by(|a, b| {
                b.1.minutes
                    .cmp(&a.1.minutes)
                    .then(b.1.times.cmp(&a.1.times))
                    .then(a.0.is_none().cmp(&b.0.is_none()))
                    .then(a.0.cmp(&b.0))
            });
            v
        };
        report.by_site = most_first(sites);
        report.by_competence = most_first(competences);
        report.by_champion = most_first(champions);
        Ok(report)
    }

    /// Pairs a volunteer with a digital buddy from `started_on`. `Refused` when the volunteer
    /// is not a volunteer, the two are one person, or either has left; `Taken` when the
    /// volunteer has a buddy already.
    pub async fn pair_buddies(
        &self,
        org: OrganisationId,
        volunteer: PersonId,
        buddy: PersonId,
        started_on: time::Date,
        by: PersonId,
    ) -> Result<PairingId> {
        if volunteer == buddy {
            return Err(StoreError::Refused("buddy-same-person"));
        }
        let mut tx = self.begin_write().await?;
        let today = format_date(today());
        for (person, must_volunteer, invalid) in [
            (volunteer, true, "buddy-volunteer-invalid"),
            (buddy, false, "buddy-buddy-invalid"),
        ] {
            let employment: Option<String> = sqlx::query_scalar(
                "SELECT employment FROM people WHERE id = $1 AND organisation_id = $2 \
                 AND (left_on IS NULL OR left_on > $3)",
            )
            .bind(person.0)
            .bind(org.0)
            .bind(&today)
            .fetch_optional(&mut *tx)
            .await?;
            match employment {
                None => return Err(StoreError::Refused(invalid)),
                Some(e) if must_volunteer && e != "volunteer" => {
                    return Err(StoreError::Refused(invalid));
                }
                Some(_) => {}
            }
        }
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM buddies WHERE organisation_id = $1 AND volunteer_id = $2 \
             AND ended_on IS NULL",
        )
        .bind(org.0)
        .bind(volunteer.0)
        .fetch_optional(&mut *tx)
        .await?;
        if current.is_some() {
            return Err(StoreError::Taken("buddy"));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO buddies (organisation_id, volunteer_id, buddy_id, started_on, \
                 paired_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(org.0)
        .bind(volunteer.0)
        .bind(buddy.0)
        .bind(format_date(started_on))
        .bind(by.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(
            Actor::Person(by),
            AuditAction::BuddiesPaired,
            Some(volunteer),
        );
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(PairingId(id))
    }

    /// Someone of `org`'s who has not left, by their email address or employee number, as
    /// someone typed it.
    pub async fn person_by_reference(
        &self,
        org: OrganisationId,
        reference: &str,
    ) -> Result<Option<PersonId>> {
        let reference = reference.trim();
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM people WHERE organisation_id = $1 \
                 AND (LOWER(email) = LOWER($2) OR employee_number = $2) \
                 AND (left_on IS NULL OR left_on > $3) \
             ORDER BY id LIMIT 1",
        )
        .bind(org.0)
        .bind(reference)
        .bind(format_date(today()))
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(PersonId))
    }

    /// `org`'s pairings, current first; with `involving`, only those the person is in.
    pub async fn pairings(
        &self,
        org: OrganisationId,
        involving: Option<PersonId>,
    ) -> Result<Vec<Pairing>> {
        self.pairing_rows(org, None, involving).await
    }

    /// One pairing of `org`'s.
    pub async fn pairing(&self, org: OrganisationId, id: PairingId) -> Result<Pairing> {
        self.pairing_rows(org, Some(id), None)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    async fn pairing_rows(
        &self,
        org: OrganisationId,
        id: Option<PairingId>,
        involving: Option<PersonId>,
    ) -> Result<Vec<Pairing>> {
        let rows = sqlx::query(
            "SELECT b.id, b.volunteer_id, b.buddy_id, b.started_on, b.ended_on, \
                 v.given_name || ' ' || v.family_name AS volunteer, \
                 u.given_name || ' ' || u.family_name AS buddy, \
                 (SELECT COUNT(*) FROM buddy_meetings m WHERE m.pairing_id = b.id) AS meetings, \
                 (SELECT CAST(COALESCE(SUM(m.minutes), 0) AS BIGINT) FROM buddy_meetings m \
                  WHERE m.pairing_id = b.id) AS minutes, \
                 (SELECT MAX(m.met_on) FROM buddy_meetings m WHERE m.pairing_id = b.id) \
                     AS last_met \
             FROM buddies b JOIN people v ON v.id = b.volunteer_id \
             JOIN people u ON u.id = b.buddy_id \
             WHERE b.organisation_id = $1 AND ($2 IS NULL OR b.id = $2) \
                 AND ($3 IS NULL OR b.volunteer_id = $3 OR b.buddy_id = $3) \
             ORDER BY CASE WHEN b.ended_on IS NULL THEN 0 ELSE 1 END, b.started_on DESC, b.id",
        )
        .bind(org.0)
        .bind(id.map(|i| i.0))
        .bind(involving.map(|p| p.0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let ended: Option<String> = r.try_get("ended_on")?;
                let last: Option<String> = r.try_get("last_met")?;
                let meetings: i64 = r.try_get("meetings")?;
                let minutes: i64 = r.try_get("minutes")?;
                Ok(Pairing {
                    id: PairingId(r.try_get("id")?),
                    volunteer: (
                        PersonId(r.try_get("volunteer_id")?),
                        r.try_get("volunteer")?,
                    ),
                    buddy: (PersonId(r.try_get("buddy_id")?), r.try_get("buddy")?),
                    started_on: date(r, "started_on")?,
                    ended_on: ended.as_deref().map(parse_day).transpose()?,
                    meetings: meetings as usize,
                    minutes: minutes as u64,
                    last_met: last.as_deref().map(parse_day).transpose()?,
                })
            })
            .collect()
    }

    /// A pairing's meetings, newest first.
    pub async fn meetings(&self, org: OrganisationId, id: PairingId) -> Result<Vec<Meeting>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT m.met_on, m.minutes, m.note, {NAME} AS logged_by FROM buddy_meetings m \
             LEFT JOIN people p ON p.id = m.logged_by \
             WHERE m.organisation_id = $1 AND m.pairing_id = $2 \
             ORDER BY m.met_on DESC, m.id DESC"
        )))
        .bind(org.0)
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let minutes: i64 = r.try_get("minutes")?;
                Ok(Meeting {
                    met_on: date(r, "met_on")?,
                    minutes: minutes as u32,
                    note: r.try_get("note")?,
                    logged_by: r.try_get("logged_by")?,
                })
            })
            .collect()
    }

    /// Records a meeting of a current pairing. `NotFound` for another organisation's or one
    /// that has ended.
    pub async fn log_meeting(
        &self,
        org: OrganisationId,
        id: PairingId,
        met_on: time::Date,
        minutes: u32,
        note: &str,
        by: PersonId,
    ) -> Result<()> {
        let inserted = sqlx::query(
            "INSERT INTO buddy_meetings (organisation_id, pairing_id, met_on, minutes, note, \
                 logged_by, logged_at) \
             SELECT $1, id, $3, $4, $5, $6, $7 FROM buddies \
             WHERE id = $2 AND organisation_id = $1 AND ended_on IS NULL",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(format_date(met_on))
        .bind(i64::from(minutes))
        .bind(note)
        .bind(by.0)
        .bind(now())
        .execute(&self.pool)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Ends a pairing on `on`, recording it in the audit trail.
    pub async fn end_pairing(
        &self,
        org: OrganisationId,
        id: PairingId,
        on: time::Date,
        actor: Actor,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let volunteer: Option<i64> = sqlx::query_scalar(
            "UPDATE buddies SET ended_on = $3 \
             WHERE id = $2 AND organisation_id = $1 AND ended_on IS NULL RETURNING volunteer_id",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(format_date(on))
        .fetch_optional(&mut *tx)
        .await?;
        let volunteer = volunteer.ok_or(StoreError::NotFound)?;
        let event = NewAuditEvent::new(actor, AuditAction::BuddiesEnded, Some(PersonId(volunteer)));
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn parse_day(text: &str) -> Result<time::Date> {
    skillgym_domain::people::parse_date(text)
        .map_err(|_| StoreError::Corrupt(format!("date {text}")))
}

/// What the demo's champions say, in English and Welsh: when they help.
const DEMO_AVAILABILITY: [(&str, &str); 4] = [
    (
        "Tuesday and Thursday mornings",
        "Bore dydd Mawrth a dydd Iau",
    ),
    (
        "Any afternoon, or by Teams",
        "Unrhyw brynhawn, neu dros Teams",
    ),
    ("Saturdays", "Dyddiau Sadwrn"),
    (
        "Mondays after the children's session",
        "Dyddiau Llun ar ôl sesiwn y plant",
    ),
];

/// What the demo's champions logged, in English and Welsh.
const DEMO_HELP: [(&str, &str); 4] = [
    (
        "Showed a colleague how to book a customer onto a PC session",
        "Dangos i gydweithiwr sut i archebu sesiwn gyfrifiadur i gwsmer",
    ),
    (
        "Helped set up the NHS App on a customer's phone with a colleague watching",
        "Helpu i osod Ap y GIG ar ffôn cwsmer gyda chydweithiwr yn gwylio",
    ),
    (
        "Went through spotting scam emails with the Saturday team",
        "Mynd drwy sut i adnabod e-byst sgam gyda thîm dydd Sadwrn",
    ),
    (
        "Sorted out printing from a customer's own laptop",
        "Datrys argraffu o liniadur cwsmer ei hun",
    ),
];

impl Store {
    /// The demo's champion network: its champion sign-in and a few colleagues approved, each
    /// listing some skills and services, one nomination waiting, help logged over the last
    /// months, and a volunteer with a digital buddy.
    pub(crate) async fn seed_demo_champions(
        &self,
        org: OrganisationId,
        welsh: bool,
        champion: Option<PersonId>,
        manager: Option<PersonId>,
        keep_free: &[PersonId],
    ) -> Result<()> {
        let pick = |pair: (&'static str, &'static str)| if welsh { pair.1 } else { pair.0 };
        let mut codes: Vec<String> = Vec::new();
        for f in self.frameworks(org).await? {
            let framework = self.framework(org, f.id).await?.framework;
            codes.extend(
                framework
                    .areas
                    .iter()
                    .flat_map(|a| &a.competences)
                    .map(|c| c.code.clone()),
            );
        }
        let services: Vec<ServiceId> = self.services(org).await?.iter().map(|s| s.id).collect();
        let today = today();
        // Colleagues with an email address who have not left and are not a demo sign-in.
        let rows = sqlx::query(
            "SELECT id, email, employment FROM people WHERE organisation_id = $1 \
             AND email IS NOT NULL AND left_on IS NULL ORDER BY id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let mut staff = Vec::new();
        let mut volunteers = Vec::new();
        for r in rows {
            let id = PersonId(r.try_get("id")?);
            if keep_free.contains(&id) {
                continue;
            }
            let email: String = r.try_get("email")?;
            let employment: String = r.try_get("employment")?;
            if employment == "volunteer" {
                volunteers.push(id);
            } else {
                staff.push((id, email));
            }
        }
        // Every ninth colleague, up to eight: spread over the sites.
        let chosen: Vec<(PersonId, String)> = staff.iter().step_by(9).take(8).cloned().collect();
        let mut champions: Vec<PersonId> = champion.into_iter().collect();
        for (person, email) in &chosen {
            let Ok(email) = skillgym_domain::Email::parse(email) else {
                continue;
            };
            self.create_account(&crate::NewAccount {
                person: *person,
                email,
                password_hash: None,
                roles: skillgym_domain::Roles::from_iter([Role::Learner, Role::Champion]),
            })
            .await?;
            champions.push(*person);
        }
        let at = now();
        for (i, person) in champions.iter().enumerate() {
            sqlx::query(
                "INSERT INTO champions (person_id, organisation_id, status, nominated_by, reason, \
                     nominated_at, approved_at, updated_at) \
                 VALUES ($1, $2, 'approved', $3, '', $4, $4, $4)",
            )
            .bind(person.0)
            .bind(org.0)
            .bind(manager.map(|m| m.0))
            .bind(at - 86_400 * (120 - i as i64))
            .execute(&self.pool)
            .await?;
            let sites: Vec<SiteId> = self
                .person(org, *person)
                .await?
                .sites
                .iter()
                .map(|s| s.0)
                .collect();
            let offer = Offer {
                competences: codes.iter().skip(i * 3).take(4).cloned().collect(),
                services: services
                    .iter()
                    .skip(i % 4)
                    .take(1 + i % 3)
                    .copied()
                    .collect(),
                sites,
                availability: pick(DEMO_AVAILABILITY[i % DEMO_AVAILABILITY.len()]).to_string(),
                findable: i % 2 == 0,
            };
            self.save_offer(org, *person, &offer).await?;
            for n in 0..(2 + i % 4) {
                let help = NewHelpGiven {
                    given_on: today - time::Duration::days((7 + 11 * n + 3 * i) as i64),
                    topic: offer
                        .competences
                        .get(n % 4)
                        .cloned()
                        .map(HelpTopic::Competence),
                    site: offer.sites.first().copied(),
                    what: pick(DEMO_HELP[(i + n) % DEMO_HELP.len()]).to_string(),
                    minutes: [15, 30, 45, 20][(i + n) % 4],
                };
                self.log_help(org, *person, &help).await?;
            }
        }
        // One nomination waiting for a trainer.
        if let (Some((nominee, _)), Some(manager)) = (staff.get(4), manager) {
            sqlx::query(
                "INSERT INTO champions (person_id, organisation_id, status, nominated_by, reason, \
                     nominated_at, updated_at) VALUES ($1, $2, 'nominated', $3, $4, $5, $5)",
            )
            .bind(nominee.0)
            .bind(org.0)
            .bind(manager.0)
            .bind(pick((
                "Already the one everyone asks about the self-service kiosks and the public PCs.",
                "Hi yw'r un mae pawb yn ei holi am y ciosgau hunanwasanaeth a'r cyfrifiaduron cyhoeddus.",
            )))
            .bind(at - 86_400 * 3)
            .execute(&self.pool)
            .await?;
        }
        // A volunteer and their digital buddy, who have met twice.
        if let (Some(volunteer), Some(buddy)) = (volunteers.first(), champions.get(1)) {
            let started = today - time::Duration::days(40);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO buddies (organisation_id, volunteer_id, buddy_id, started_on, \
                     paired_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(org.0)
            .bind(volunteer.0)
            .bind(buddy.0)
            .bind(format_date(started))
            .bind(manager.map(|m| m.0))
            .bind(at)
            .fetch_one(&self.pool)
            .await?;
            for (days, minutes, note) in [
                (
                    35,
                    30,
                    (
                        "Logging in to the library system and the rota",
                        "Mewngofnodi i system y llyfrgell a'r rota",
                    ),
                ),
                (
                    14,
                    45,
                    (
                        "Helping customers print and scan",
                        "Helpu cwsmeriaid i argraffu a sganio",
                    ),
                ),
            ] {
                self.log_meeting(
                    org,
                    PairingId(id),
                    today - time::Duration::days(days),
                    minutes,
                    pick(note),
                    *buddy,
                )
                .await?;
            }
        }
        Ok(())
    }
}
