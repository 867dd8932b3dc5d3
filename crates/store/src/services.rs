//! The assisted-digital services catalogue: an organisation's services, people's confidence
//! with each, and how many of those working at each site are confident (never who).

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::dates::date;
use crate::error::taken_or;
use crate::people::MANAGED;
use crate::registers::{CompetenceList, Imported};
use crate::{Actor, Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::learning::ActivityCode;
use skillgym_domain::people::format_date;
use skillgym_domain::services::{CheckAge, Confidence, Service, ServiceCode, parse_links};
use skillgym_domain::{OrganisationId, PersonId, ServiceId, SiteId};
use sqlx::any::AnyRow;
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use std::collections::{BTreeSet, HashMap};

/// A service as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredService {
    pub id: ServiceId,
    pub service: Service,
}

/// Each service's competences.
const COMPETENCES: CompetenceList = CompetenceList {
    table: "service_competences",
    entry: "service_id",
};

/// One site on the gaps page: how many work there now, and how many of them are confident
/// (rate 4 or 5) with each service (services nobody is confident with are absent).
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfidenceCounts {
    pub site: SiteId,
    pub name: String,
    pub people: usize,
    pub confident: HashMap<ServiceId, usize>,
}

const COLUMNS: &str = "s.id, s.code, s.name_en, s.name_cy, s.run_by, s.url, s.needs_en, \
     s.needs_cy, s.steps_en, s.steps_cy, s.problems_en, s.problems_cy, s.links, s.activities, \
     s.checked_on";

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("service {what}"))
}

fn service_from(row: &AnyRow, competences: Vec<String>) -> Result<StoredService> {
    let code: String = row.try_get("code")?;
    let links: String = row.try_get("links")?;
    let activities: String = row.try_get("activities")?;
    let pair = |en: &str, cy: &str| -> Result<Localised> {
        Ok(Localised::new(
            row.try_get::<String, _>(en)?,
            row.try_get(cy)?,
        ))
    };
    Ok(StoredService {
        id: ServiceId(row.try_get("id")?),
        service: Service {
            code: ServiceCode::parse(&code).map_err(|_| corrupt("code"))?,
            name: pair("name_en", "name_cy")?,
            run_by: row.try_get("run_by")?,
            url: row.try_get("url")?,
            needs: pair("needs_en", "needs_cy")?,
            steps: pair("steps_en", "steps_cy")?,
            problems: pair("problems_en", "problems_cy")?,
            competences,
            links: parse_links(&links).map_err(|_| corrupt("links"))?,
            activities: activities
                .split_whitespace()
                .map(|c| ActivityCode::parse(c).map_err(|_| corrupt("activities")))
                .collect::<Result<_>>()?,
            checked_on: date(row, "checked_on")?,
        },
    })
}

impl Store {
    /// Every service of `org`'s catalogue, by name.
    pub async fn services(&self, org: OrganisationId) -> Result<Vec<StoredService>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM services s WHERE s.organisation_id = $1 \
             ORDER BY s.name_en, s.id"
        )))
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        COMPETENCES
            .entries(&self.pool, org, &rows, service_from)
            .await
    }

    /// One service of `org`'s catalogue; `NotFound` for another organisation's.
    pub async fn service(&self, org: OrganisationId, id: ServiceId) -> Result<StoredService> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM services s WHERE s.organisation_id = $1 AND s.id = $2"
        )))
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        COMPETENCES.entry(&self.pool, org, &row, service_from).await
    }

    /// Every activity code of `org`'s learning catalogue: what a service may link to.
    pub async fn activity_codes(&self, org: OrganisationId) -> Result<BTreeSet<String>> {
        let codes: Vec<String> =
            sqlx::query_scalar("SELECT code FROM activities WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(codes.into_iter().collect())
    }

    /// Adds a service (`id` none) or changes one, recording it in the audit trail. `Taken`
    /// when another service has its code; `NotFound` when `id` is not one of `org`'s.
    pub async fn save_service(
        &self,
        org: OrganisationId,
        id: Option<ServiceId>,
        service: &Service,
        actor: Actor,
    ) -> Result<ServiceId> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let (id, action) = match id {
            None => (
                insert(&mut tx, org, service, at).await?,
                AuditAction::ServiceAdded,
            ),
            Some(id) => {
                if !update(&mut tx, org, id, service, at).await? {
                    return Err(StoreError::NotFound);
                }
                (id, AuditAction::ServiceChanged)
            }
        };
        COMPETENCES
            .write(&mut tx, org, id.0, &service.competences)
            .await?;
        let event = NewAuditEvent::new(actor, action, None).with("service", service.code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Marks a service as checked on `today`, recording it in the audit trail.
    pub async fn mark_service_checked(
        &self,
        org: OrganisationId,
        id: ServiceId,
        today: time::Date,
        actor: Actor,
    ) -> Result<()> {
        let code = self.service(org, id).await?.service.code;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE services SET checked_on = $3, updated_at = $4 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(format_date(today))
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(actor, AuditAction::ServiceChecked, None)
            .with("service", code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a service and everyone's confidence with it (campaigns stop asking about it),
    /// recording it in the audit trail.
    pub async fn remove_service(
        &self,
        org: OrganisationId,
        id: ServiceId,
        actor: Actor,
    ) -> Result<()> {
        let code = self.service(org, id).await?.service.code;
        let mut tx = self.begin_write().await?;
        for sql in [
            "DELETE FROM service_confidence WHERE organisation_id = $1 AND service_id = $2",
            // Campaigns stop asking about it, and unsubmitted answers about it go.
            "DELETE FROM response_service_answers WHERE organisation_id = $1 AND service_id = $2",
            "DELETE FROM campaign_services WHERE organisation_id = $1 AND service_id = $2",
            "DELETE FROM service_competences WHERE organisation_id = $1 AND service_id = $2",
            "DELETE FROM services WHERE organisation_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(org.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        let event = NewAuditEvent::new(actor, AuditAction::ServiceRemoved, None)
            .with("service", code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds `services` to `org`'s catalogue, or changes those whose code it has already, in
    /// one transaction with the event in the audit trail: all of them or none.
    pub async fn import_services(
        &self,
        org: OrganisationId,
        services: &[Service],
        actor: Actor,
    ) -> Result<Imported> {
        let mut tx = self.begin_write().await?;
        let done = upsert_all(&mut tx, org, services).await?;
        let event = NewAuditEvent::new(actor, AuditAction::ServicesImported, None)
            .with("added", done.added as i64)
            .with("updated", done.updated as i64);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// The demo's services, as skillgym makes them: no one did anything to record.
    pub(crate) async fn seed_services(
        &self,
        org: OrganisationId,
        services: &[Service],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        upsert_all(&mut tx, org, services).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how confident `person` is with service `id`, replacing what they said before;
    /// `None` withdraws it. `NotFound` unless the service is their organisation's.
    pub async fn rate_service(
        &self,
        org: OrganisationId,
        id: ServiceId,
        person: PersonId,
        confidence: Option<Confidence>,
    ) -> Result<()> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM services WHERE id = $1 AND organisation_id = $2")
                .bind(id.0)
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        found.ok_or(StoreError::NotFound)?;
        match confidence {
            Some(c) => {
                sqlx::query(
                    "INSERT INTO service_confidence \
                         (service_id, organisation_id, person_id, confidence, rated_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (service_id, person_id) \
                     DO UPDATE SET confidence = excluded.confidence, rated_at = excluded.rated_at",
                )
                .bind(id.0)
                .bind(org.0)
                .bind(person.0)
                .bind(c.stored())
                .bind(now())
                .execute(&self.pool)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM service_confidence \
                     WHERE organisation_id = $1 AND service_id = $2 AND person_id = $3",
                )
                .bind(org.0)
                .bind(id.0)
                .bind(person.0)
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }

    /// What `person` said about their confidence with service `id`, if anything.
    pub async fn service_confidence_of(
        &self,
        org: OrganisationId,
        id: ServiceId,
        person: PersonId,
    ) -> Result<Option<Confidence>> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT confidence FROM service_confidence \
             WHERE organisation_id = $1 AND service_id = $2 AND person_id = $3",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.and_then(Confidence::from_stored))
    }

    /// What `person` said about each service they rated, by service.
    pub async fn service_confidence_by(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<HashMap<ServiceId, Confidence>> {
        let rows = sqlx::query(
            "SELECT service_id, confidence FROM service_confidence \
             WHERE organisation_id = $1 AND person_id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out = HashMap::new();
        for r in rows {
            let value: i64 = r.try_get("confidence")?;
            if let Some(c) = Confidence::from_stored(value) {
                out.insert(ServiceId(r.try_get("service_id")?), c);
            }
        }
        Ok(out)
    }

    /// Per site with anyone working there on `today` (those who have left are not counted),
    /// how many are confident with each service; with `manager`, only the sites where the
    /// people they manage (or they themselves) work.
    pub async fn site_confidence(
        &self,
        org: OrganisationId,
        today: time::Date,
        manager: Option<PersonId>,
    ) -> Result<Vec<SiteConfidenceCounts>> {
        let today = format_date(today);
        let rows = sqlx::query(
            "SELECT s.id, s.name, COUNT(DISTINCT p.id) AS people FROM sites s \
             JOIN person_sites ps ON ps.site_id = s.id \
             JOIN people p ON p.id = ps.person_id AND (p.left_on IS NULL OR p.left_on > $2) \
             WHERE s.organisation_id = $1 AND p.organisation_id = $1 \
             GROUP BY s.id, s.name ORDER BY s.name, s.id",
        )
        .bind(org.0)
        .bind(&today)
        .fetch_all(&self.pool)
        .await?;
        let theirs: Option<BTreeSet<i64>> = match manager {
            None => None,
            Some(manager) => {
                let ids: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
                    "{MANAGED}SELECT DISTINCT ps.site_id FROM managed m \
                     JOIN people p ON p.id = m.id AND p.organisation_id = $3 \
                         AND (p.left_on IS NULL OR p.left_on > $2) \
                     JOIN person_sites ps ON ps.person_id = p.id"
                )))
                .bind(manager.0)
                .bind(&today)
                .bind(org.0)
                .fetch_all(&self.pool)
                .await?;
                Some(ids.into_iter().collect())
            }
        };
        let counts = sqlx::query(
            "SELECT ps.site_id, c.service_id, COUNT(DISTINCT c.person_id) AS n \
             FROM service_confidence c \
             JOIN people p ON p.id = c.person_id AND (p.left_on IS NULL OR p.left_on > $2) \
             JOIN person_sites ps ON ps.person_id = p.id \
             WHERE c.organisation_id = $1 AND c.confidence >= $3 \
             GROUP BY ps.site_id, c.service_id",
        )
        .bind(org.0)
        .bind(&today)
        .bind(i64::from(Confidence::CONFIDENT_FROM))
        .fetch_all(&self.pool)
        .await?;
        let mut confident: HashMap<i64, HashMap<ServiceId, usize>> = HashMap::new();
        for r in counts {
            let n: i64 = r.try_get("n")?;
            confident
                .entry(r.try_get("site_id")?)
                .or_default()
                .insert(ServiceId(r.try_get("service_id")?), n as usize);
        }
        let mut out = Vec::new();
        for r in rows {
            let site: i64 = r.try_get("id")?;
            if theirs.as_ref().is_some_and(|t| !t.contains(&site)) {
                continue;
            }
            let people: i64 = r.try_get("people")?;
            out.push(SiteConfidenceCounts {
                site: SiteId(site),
                name: r.try_get("name")?,
                people: people as usize,
                confident: confident.remove(&site).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// How many months after its last check an entry is flagged.
    pub async fn service_check_age(&self, org: OrganisationId) -> Result<CheckAge> {
        let months: Option<i64> =
            sqlx::query_scalar("SELECT service_check_months FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        CheckAge::from_months(months.ok_or(StoreError::NotFound)?)
            .map_err(|_| corrupt("check months"))
    }

    /// Changes it, recording who did in the audit trail; `false` when it was that already.
    pub async fn change_service_check_age(
        &self,
        org: OrganisationId,
        age: CheckAge,
        actor: Actor,
    ) -> Result<bool> {
        let previous = self.service_check_age(org).await?;
        if previous == age {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE organisations SET service_check_months = $2 WHERE id = $1")
            .bind(org.0)
            .bind(age.months())
            .execute(&mut *tx)
            .await?;
        let event = NewAuditEvent::new(actor, AuditAction::ServiceCheckAgeChanged, None)
            .with("previous-months", previous.months())
            .with("months", age.months());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn bind_fields<'q>(
    query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>,
    s: &'q Service,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments> {
    query
        .bind(s.code.as_str())
        .bind(s.name.en.as_str())
        .bind(s.name.cy.as_deref())
        .bind(s.run_by.as_str())
        .bind(s.url.as_deref())
        .bind(s.needs.en.as_str())
        .bind(s.needs.cy.as_deref())
        .bind(s.steps.en.as_str())
        .bind(s.steps.cy.as_deref())
        .bind(s.problems.en.as_str())
        .bind(s.problems.cy.as_deref())
        .bind(skillgym_domain::services::format_links(&s.links))
        .bind(skillgym_domain::services::format_activities(&s.activities))
        .bind(format_date(s.checked_on))
}

async fn insert(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    s: &Service,
    at: i64,
) -> Result<ServiceId> {
    let query = sqlx::query(
        "INSERT INTO services (organisation_id, code, name_en, name_cy, run_by, url, needs_en, \
             needs_cy, steps_en, steps_cy, problems_en, problems_cy, links, activities, \
             checked_on, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) \
         RETURNING id",
    );
    let row = bind_fields(query.bind(org.0), s)
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| taken_or(e, "service-code"))?;
    Ok(ServiceId(row.try_get("id")?))
}

/// Changes service `id` of `org` to `s`; whether there was one.
async fn update(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    id: ServiceId,
    s: &Service,
    at: i64,
) -> Result<bool> {
    let query = sqlx::query(
        "UPDATE services SET code = $3, name_en = $4, name_cy = $5, run_by = $6, url = $7, \
             needs_en = $8, needs_cy = $9, steps_en = $10, steps_cy = $11, problems_en = $12, \
             problems_cy = $13, links = $14, activities = $15, checked_on = $16, \
             updated_at = $17 \
         WHERE id = $1 AND organisation_id = $2",
    );
    let done = bind_fields(query.bind(id.0).bind(org.0), s)
        .bind(at)
        .execute(&mut **tx)
        .await
        .map_err(|e| taken_or(e, "service-code"))?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_all(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    services: &[Service],
) -> Result<Imported> {
    let mut done = Imported::default();
    let at = now();
    for s in services {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM services WHERE organisation_id = $1 AND code = $2")
                .bind(org.0)
                .bind(s.code.as_str())
                .fetch_optional(&mut **tx)
                .await?;
        let id = match existing {
            Some(id) => {
                update(tx, org, ServiceId(id), s, at).await?;
                done.updated += 1;
                ServiceId(id)
            }
            None => {
                done.added += 1;
                insert(tx, org, s, at).await?
            }
        };
        COMPETENCES.write(tx, org, id.0, &s.competences).await?;
    }
    Ok(done)
}
