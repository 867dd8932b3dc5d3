//! The kit register: an organisation's equipment at its sites, who is trained on each item, its
//! use log, and what the flags page needs (how many of each item's site staff are trained, and
//! when it was last used).

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::dates::{date, optional_date};
use crate::error::taken_or;
use crate::registers::{CompetenceList, Imported};
use crate::{Actor, Result, Store, StoreError, now};
use skillgym_domain::kit::{KitCode, KitItem, KitUse, UnusedAge};
use skillgym_domain::people::format_date;
use skillgym_domain::{KitId, OrganisationId, PersonId, SiteCode, SiteId};
use sqlx::any::AnyRow;
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use std::collections::HashMap;

/// A kit item as stored, with its site.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredKit {
    pub id: KitId,
    pub item: KitItem,
    pub site_id: SiteId,
    pub site_name: String,
    /// The day it was added to the register.
    pub added_on: time::Date,
}

/// Each item's competences.
const COMPETENCES: CompetenceList = CompetenceList {
    table: "kit_competences",
    entry: "kit_id",
};

/// A person trained on a kit item.
#[derive(Debug, Clone, PartialEq)]
pub struct KitTrainedPerson {
    pub person: PersonId,
    pub name: String,
    pub employee_number: String,
    pub trained_on: time::Date,
    /// They have left (on or before today).
    pub left: bool,
    /// They work at the item's site now.
    pub at_site: bool,
}

/// One entry of the use log.
#[derive(Debug, Clone, PartialEq)]
pub struct KitUseEntry {
    pub entry: KitUse,
    pub logged_by: Option<PersonId>,
}

/// What the flags page knows about one kit item.
#[derive(Debug, Clone, PartialEq)]
pub struct KitStatus {
    pub id: KitId,
    pub code: KitCode,
    pub name: String,
    pub site_id: SiteId,
    pub site_name: String,
    pub competences: Vec<String>,
    pub added_on: time::Date,
    pub last_used: Option<time::Date>,
    /// How many of those working at its site now (not left) are trained on it.
    pub trained_here: usize,
    /// Sessions and people helped over the whole log.
    pub sessions: i64,
    pub people_helped: i64,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("kit {what}"))
}

const COLUMNS: &str = "k.id, k.code, k.name, k.description, k.site_id, k.added_on, \
     s.code AS site_code, s.name AS site_name";

fn kit_from(row: &AnyRow, competences: Vec<String>) -> Result<StoredKit> {
    let code: String = row.try_get("code")?;
    let site: String = row.try_get("site_code")?;
    Ok(StoredKit {
        id: KitId(row.try_get("id")?),
        item: KitItem {
            code: KitCode::parse(&code).map_err(|_| corrupt("code"))?,
            name: row.try_get("name")?,
            description: row.try_get("description")?,
            site: SiteCode::parse(&site).map_err(|_| corrupt("site"))?,
            competences,
        },
        site_id: SiteId(row.try_get("site_id")?),
        site_name: row.try_get("site_name")?,
        added_on: date(row, "added_on")?,
    })
}

/// Whether a person is working (not left) on `today`, in SQL against `people p`.
const NOT_LEFT: &str = "(p.left_on IS NULL OR p.left_on > $2)";

impl Store {
    /// Every kit item of `org` (only those at `site`, when given), by site and name.
    pub async fn kit(&self, org: OrganisationId, site: Option<SiteId>) -> Result<Vec<StoredKit>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM kit_items k JOIN sites s ON s.id = k.site_id \
             WHERE k.organisation_id = $1 AND ($2 IS NULL OR k.site_id = $2) \
             ORDER BY s.name, k.name, k.id"
        )))
        .bind(org.0)
        .bind(site.map(|s| s.0))
        .fetch_all(&self.pool)
        .await?;
        COMPETENCES.entries(&self.pool, org, &rows, kit_from).await
    }

    /// One kit item of `org`; `NotFound` for another organisation's.
    pub async fn kit_item(&self, org: OrganisationId, id: KitId) -> Result<StoredKit> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM kit_items k JOIN sites s ON s.id = k.site_id \
             WHERE k.organisation_id = $1 AND k.id = $2"
        )))
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        COMPETENCES.entry(&self.pool, org, &row, kit_from).await
    }

    /// Adds kit (`id` none, added on `today`) or changes it, recording it in the audit trail.
    /// `Taken` when other kit has its code; `NotFound` when `id` or its site is not `org`'s.
    pub async fn save_kit(
        &self,
        org: OrganisationId,
        id: Option<KitId>,
        item: &KitItem,
        today: time::Date,
        actor: Actor,
    ) -> Result<KitId> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let site = site_id(&mut tx, org, &item.site).await?;
        let (id, action) = match id {
            None => (
                insert(&mut tx, org, item, site, today, at).await?,
                AuditAction::KitAdded,
            ),
            Some(id) => {
                if !update(&mut tx, org, id, item, site, at).await? {
                    return Err(StoreError::NotFound);
                }
                (id, AuditAction::KitChanged)
            }
        };
        COMPETENCES
            .write(&mut tx, org, id.0, &item.competences)
            .await?;
        let event = NewAuditEvent::new(actor, action, None).with("kit", item.code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes kit with its training records and use log, recording it in the audit trail.
    pub async fn remove_kit(&self, org: OrganisationId, id: KitId, actor: Actor) -> Result<()> {
        let code = self.kit_item(org, id).await?.item.code;
        let mut tx = self.begin_write().await?;
        for sql in [
            "DELETE FROM kit_use WHERE organisation_id = $1 AND kit_id = $2",
            "DELETE FROM kit_trained WHERE organisation_id = $1 AND kit_id = $2",
            "DELETE FROM kit_competences WHERE organisation_id = $1 AND kit_id = $2",
            "DELETE FROM kit_items WHERE organisation_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(org.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        let event =
            NewAuditEvent::new(actor, AuditAction::KitRemoved, None).with("kit", code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds `items` to `org`'s register, or changes those whose code it has already, in one
    /// transaction with the event in the audit trail: all of them or none. `NotFound` when an
    /// item's site is not `org`'s (the file's reader checks that first).
    pub async fn import_kit(
        &self,
        org: OrganisationId,
        items: &[KitItem],
        today: time::Date,
        actor: Actor,
    ) -> Result<Imported> {
        let mut tx = self.begin_write().await?;
        let done = upsert_all(&mut tx, org, items, today).await?;
        let event = NewAuditEvent::new(actor, AuditAction::KitImported, None)
            .with("added", done.added as i64)
            .with("updated", done.updated as i64);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// The demo's kit, as skillgym makes it: no one did anything to record.
    pub(crate) async fn seed_kit(
        &self,
        org: OrganisationId,
        items: &[KitItem],
        added_on: time::Date,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        upsert_all(&mut tx, org, items, added_on).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The codes of `org`'s sites: what kit may be kept at.
    pub async fn site_codes(&self, org: OrganisationId) -> Result<HashMap<String, SiteId>> {
        let rows = sqlx::query("SELECT id, code FROM sites WHERE organisation_id = $1")
            .bind(org.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("code")?, SiteId(r.try_get("id")?))))
            .collect()
    }

    /// The person of `org` with this staff number, if any.
    pub async fn person_by_employee_number(
        &self,
        org: OrganisationId,
        number: &str,
    ) -> Result<Option<PersonId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM people WHERE organisation_id = $1 AND employee_number = $2",
        )
        .bind(org.0)
        .bind(number.trim())
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(PersonId))
    }

    /// Whether `person` works at `site` on `today` (has it among their sites, and has not left).
    pub async fn works_at(
        &self,
        org: OrganisationId,
        person: PersonId,
        site: SiteId,
        today: time::Date,
    ) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT p.id FROM people p JOIN person_sites ps ON ps.person_id = p.id \
             WHERE p.id = $1 AND {NOT_LEFT} AND ps.site_id = $3 AND p.organisation_id = $4"
        )))
        .bind(person.0)
        .bind(format_date(today))
        .bind(site.0)
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// Who is trained on kit `id`, by name, with whether each has left and works at its site
    /// on `today`.
    pub async fn kit_trained(
        &self,
        org: OrganisationId,
        id: KitId,
        today: time::Date,
    ) -> Result<Vec<KitTrainedPerson>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT p.id, p.given_name || ' ' || p.family_name AS name, p.employee_number, \
                 t.trained_on, CASE WHEN {NOT_LEFT} THEN 0 ELSE 1 END AS has_left, \
                 (SELECT COUNT(*) FROM person_sites ps \
                  WHERE ps.person_id = p.id AND ps.site_id = k.site_id) AS at_site \
             FROM kit_trained t JOIN kit_items k ON k.id = t.kit_id \
             JOIN people p ON p.id = t.person_id \
             WHERE t.organisation_id = $1 AND t.kit_id = $3 \
             ORDER BY p.family_name, p.given_name, p.id"
        )))
        .bind(org.0)
        .bind(format_date(today))
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let left: i64 = r.try_get("has_left")?;
                let at_site: i64 = r.try_get("at_site")?;
                Ok(KitTrainedPerson {
                    person: PersonId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    employee_number: r.try_get("employee_number")?,
                    trained_on: date(r, "trained_on")?,
                    left: left == 1,
                    at_site: at_site > 0,
                })
            })
            .collect()
    }

    /// Records `person` as trained on kit `id` on `trained_on` (replacing an earlier day),
    /// recording it in the audit trail. `NotFound` unless both are `org`'s.
    pub async fn record_kit_training(
        &self,
        org: OrganisationId,
        id: KitId,
        person: PersonId,
        trained_on: time::Date,
        actor: Actor,
    ) -> Result<()> {
        let code = self.kit_item(org, id).await?.item.code;
        self.person(org, person).await?;
        let mut tx = self.begin_write().await?;
        let recorded_by = match actor {
            Actor::Person(p) => Some(p.0),
            _ => None,
        };
        sqlx::query(
            "INSERT INTO kit_trained \
                 (kit_id, organisation_id, person_id, trained_on, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kit_id, person_id) \
             DO UPDATE SET trained_on = excluded.trained_on, recorded_by = excluded.recorded_by, \
                 recorded_at = excluded.recorded_at",
        )
        .bind(id.0)
        .bind(org.0)
        .bind(person.0)
        .bind(format_date(trained_on))
        .bind(recorded_by)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(actor, AuditAction::KitTrained, Some(person))
            .with("kit", code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes `person`'s training on kit `id` off the register; `false` when there was none.
    pub async fn remove_kit_training(
        &self,
        org: OrganisationId,
        id: KitId,
        person: PersonId,
        actor: Actor,
    ) -> Result<bool> {
        let code = self.kit_item(org, id).await?.item.code;
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "DELETE FROM kit_trained WHERE organisation_id = $1 AND kit_id = $2 AND person_id = $3",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(person.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let event = NewAuditEvent::new(actor, AuditAction::KitTrainingRemoved, Some(person))
            .with("kit", code.as_str());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Adds an entry to kit `id`'s use log. `NotFound` unless the kit is `org`'s.
    pub async fn log_kit_use(
        &self,
        org: OrganisationId,
        id: KitId,
        entry: &KitUse,
        by: Option<PersonId>,
    ) -> Result<()> {
        self.kit_item(org, id).await?;
        sqlx::query(
            "INSERT INTO kit_use (kit_id, organisation_id, used_on, sessions, people_helped, \
                 note, logged_by, logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.0)
        .bind(org.0)
        .bind(format_date(entry.used_on))
        .bind(i64::from(entry.sessions))
        .bind(i64::from(entry.people_helped))
        .bind(entry.note.as_str())
        .bind(by.map(|p| p.0))
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Kit `id`'s use log, the latest first, at most `limit` entries.
    pub async fn kit_use(
        &self,
        org: OrganisationId,
        id: KitId,
        limit: i64,
    ) -> Result<Vec<KitUseEntry>> {
        let rows = sqlx::query(
            "SELECT used_on, sessions, people_helped, note, logged_by FROM kit_use \
             WHERE organisation_id = $1 AND kit_id = $2 \
             ORDER BY used_on DESC, id DESC LIMIT $3",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let sessions: i64 = r.try_get("sessions")?;
                let people: i64 = r.try_get("people_helped")?;
                Ok(KitUseEntry {
                    entry: KitUse {
                        used_on: date(r, "used_on")?,
                        sessions: u32::try_from(sessions).map_err(|_| corrupt("sessions"))?,
                        people_helped: u32::try_from(people).map_err(|_| corrupt("people"))?,
                        note: r.try_get("note")?,
                    },
                    logged_by: r.try_get::<Option<i64>, _>("logged_by")?.map(PersonId),
                })
            })
            .collect()
    }

    /// Every kit item of `org` with what its flags need: how many of its site's staff on
    /// `today` (not left) are trained on it, and when it was last used.
    pub async fn kit_status(
        &self,
        org: OrganisationId,
        today: time::Date,
    ) -> Result<Vec<KitStatus>> {
        let kit = self.kit(org, None).await?;
        let trained = sqlx::query(AssertSqlSafe(format!(
            "SELECT t.kit_id, COUNT(DISTINCT t.person_id) AS n FROM kit_trained t \
             JOIN kit_items k ON k.id = t.kit_id \
             JOIN people p ON p.id = t.person_id AND {NOT_LEFT} \
             JOIN person_sites ps ON ps.person_id = p.id AND ps.site_id = k.site_id \
             WHERE t.organisation_id = $1 GROUP BY t.kit_id"
        )))
        .bind(org.0)
        .bind(format_date(today))
        .fetch_all(&self.pool)
        .await?;
        let mut trained_here: HashMap<i64, i64> = HashMap::new();
        for r in trained {
            trained_here.insert(r.try_get("kit_id")?, r.try_get("n")?);
        }
        let used = sqlx::query(
            "SELECT kit_id, MAX(used_on) AS last_used, CAST(SUM(sessions) AS BIGINT) AS sessions, \
                 CAST(SUM(people_helped) AS BIGINT) AS people FROM kit_use \
             WHERE organisation_id = $1 GROUP BY kit_id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let mut uses: HashMap<i64, (Option<time::Date>, i64, i64)> = HashMap::new();
        for r in used {
            // SUM is numeric on PostgreSQL, hence the casts.
            let total = |column: &str| -> Result<i64> {
                Ok(r.try_get::<Option<i64>, _>(column)?.unwrap_or_default())
            };
            uses.insert(
                r.try_get("kit_id")?,
                (
                    optional_date(&r, "last_used")?,
                    total("sessions")?,
                    total("people")?,
                ),
            );
        }
        Ok(kit
            .into_iter()
            .map(|k| {
                let (last_used, sessions, people_helped) =
                    uses.get(&k.id.0).copied().unwrap_or((None, 0, 0));
                KitStatus {
                    id: k.id,
                    code: k.item.code,
                    name: k.item.name,
                    site_id: k.site_id,
                    site_name: k.site_name,
                    competences: k.item.competences,
                    added_on: k.added_on,
                    last_used,
                    trained_here: trained_here.get(&k.id.0).copied().unwrap_or(0) as usize,
                    sessions,
                    people_helped,
                }
            })
            .collect())
    }

    /// How many months without use before kit is flagged.
    pub async fn kit_unused_age(&self, org: OrganisationId) -> Result<UnusedAge> {
        let months: Option<i64> =
            sqlx::query_scalar("SELECT kit_unused_months FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        UnusedAge::from_months(months.ok_or(StoreError::NotFound)?)
            .map_err(|_| corrupt("unused months"))
    }

    /// Changes it, recording who did in the audit trail; `false` when it was that already.
    pub async fn change_kit_unused_age(
        &self,
        org: OrganisationId,
        age: UnusedAge,
        actor: Actor,
    ) -> Result<bool> {
        let previous = self.kit_unused_age(org).await?;
        if previous == age {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE organisations SET kit_unused_months = $2 WHERE id = $1")
            .bind(org.0)
            .bind(age.months())
            .execute(&mut *tx)
            .await?;
        let event = NewAuditEvent::new(actor, AuditAction::KitUnusedAgeChanged, None)
            .with("previous-months", previous.months())
            .with("months", age.months());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }
}

async fn site_id(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    code: &SiteCode,
) -> Result<SiteId> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM sites WHERE organisation_id = $1 AND code = $2")
            .bind(org.0)
            .bind(code.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    id.map(SiteId).ok_or(StoreError::NotFound)
}

async fn insert(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    k: &KitItem,
    site: SiteId,
    today: time::Date,
    at: i64,
) -> Result<KitId> {
    let row = sqlx::query(
        "INSERT INTO kit_items (organisation_id, code, name, description, site_id, added_on, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(org.0)
    .bind(k.code.as_str())
    .bind(k.name.as_str())
    .bind(k.description.as_str())
    .bind(site.0)
    .bind(format_date(today))
    .bind(at)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| taken_or(e, "kit-code"))?;
    Ok(KitId(row.try_get("id")?))
}

async fn update(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    id: KitId,
    k: &KitItem,
    site: SiteId,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE kit_items SET code = $3, name = $4, description = $5, site_id = $6, \
             updated_at = $7 WHERE id = $1 AND organisation_id = $2",
    )
    .bind(id.0)
    .bind(org.0)
    .bind(k.code.as_str())
    .bind(k.name.as_str())
    .bind(k.description.as_str())
    .bind(site.0)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(|e| taken_or(e, "kit-code"))?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_all(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    items: &[KitItem],
    today: time::Date,
) -> Result<Imported> {
    let mut done = Imported::default();
    let at = now();
    for k in items {
        let site = site_id(tx, org, &k.site).await?;
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM kit_items WHERE organisation_id = $1 AND code = $2")
                .bind(org.0)
                .bind(k.code.as_str())
                .fetch_optional(&mut **tx)
                .await?;
        let id = match existing {
            Some(id) => {
                update(tx, org, KitId(id), k, site, at).await?;
                done.updated += 1;
                KitId(id)
            }
            None => {
                done.added += 1;
                insert(tx, org, k, site, today, at).await?
            }
        };
        COMPETENCES.write(tx, org, id.0, &k.competences).await?;
    }
    Ok(done)
}
