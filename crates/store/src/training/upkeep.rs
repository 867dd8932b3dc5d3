//! Keeping the required modules up to date: changing one (its cells worked out again from the
//! completions as they are), retiring one, the weekly email to each manager of their people
//! who are due and overdue, and certificates uploaded as evidence.

use super::{
    FOR_EVER, NewRequirement, Requirement, Standing, audience_json, derived, empty_as_null,
    standing_from, today,
};
use crate::audit_trail::insert_event;
use crate::dates::{date, optional_date};
use crate::email_claims::{ClaimTable, Key};
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::people::format_date;
use skillgym_domain::training::{Cell, applies_since, valid_until};
use skillgym_domain::{OrganisationId, PersonId, RequirementId};
use sqlx::Row;
use std::collections::HashMap;
use time::Date;

/// The job that sends each manager the weekly email of their people due and overdue.
pub const TRAINING_DIGEST_JOB: crate::Job = crate::Job {
    name: "training-digests",
    every: 60 * 60,
};

/// A claim on a manager's weekly email older than this, neither sent nor failed, was
/// abandoned.
const DIGEST_CLAIM_STALE_SECS: i64 = 30 * 60;

const DIGESTS: ClaimTable = ClaimTable {
    table: "training_digests",
    keys: ["manager_id", "week_of"],
    stale_secs: DIGEST_CLAIM_STALE_SECS,
};

/// A manager whose weekly email of their people's training has not gone this week.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestDue {
    pub organisation: OrganisationId,
    pub manager: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
}

/// One of a manager's people with a module that needs doing: due soon, overdue or not started.
#[derive(Debug, Clone, PartialEq)]
pub struct Needed {
    pub person: PersonId,
    pub name: String,
    pub code: String,
    pub title: Localised,
    pub cell: Cell,
}

/// A certificate uploaded as the evidence of a completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Changes requirement `id` to `changed` (its code stays), in the audit trail. Everyone's
    /// cell is worked out again from their completions: a shorter period can make people overdue
    /// at once. Someone who had the module from its "applies from" day (or their first day of
    /// work) has it from the new one; someone who came under it later keeps that day, though
    /// not before the new "applies from". The audience is then brought into step. `NotFound`
    /// for a retired requirement or another organisation's.
    pub async fn change_requirement(
        &self,
        org: OrganisationId,
        id: RequirementId,
        changed: &NewRequirement,
        by: Actor,
    ) -> Result<()> {
        let old = self.requirement(org, id).await?;
        if old.retired {
            return Err(StoreError::NotFound);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE training_requirements SET title_en = $3, title_cy = $4, activity_id = $5, \
                 url = $6, period_months = $7, window_days = $8, grace_days = $9, \
                 audience = $10, starts_on = $11 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(&changed.title.en)
        .bind(changed.title.cy.clone())
        .bind(changed.activity.map(|a| a.0))
        .bind(changed.url.clone())
        .bind(changed.renewal.months().map(i64::from))
        .bind(i64::from(changed.renewal.window_days()))
        .bind(i64::from(changed.renewal.grace_days()))
        .bind(audience_json(&changed.audience))
        .bind(format_date(changed.starts_on))
        .execute(&mut *tx)
        .await?;
        let mut done: HashMap<i64, Vec<Date>> = HashMap::new();
        for r in sqlx::query(
            "SELECT person_id, completed_on FROM training_completions WHERE requirement_id = $1",
        )
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?
        {
            done.entry(r.try_get("person_id")?)
                .or_default()
                .push(date(&r, "completed_on")?);
        }
        let mut rows = Vec::new();
        for r in sqlx::query(
            "SELECT s.person_id, s.since, p.start_date FROM training_subjects s \
             JOIN people p ON p.id = s.person_id WHERE s.requirement_id = $1",
        )
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?
        {
            let person: i64 = r.try_get("person_id")?;
            let start = optional_date(&r, "start_date")?;
            let was = date(&r, "since")?;
            let from_the_start = was == applies_since(old.starts_on, start, old.starts_on);
            let seen = if from_the_start {
                changed.starts_on
            } else {
                was
            };
            let since = applies_since(changed.starts_on, start, seen);
            let until = valid_until(
                changed.renewal,
                done.get(&person).map(Vec::as_slice).unwrap_or(&[]),
            );
            let (valid, first_due, soon) = derived(changed.renewal, since, until);
            rows.push(serde_json::json!([
                org.0,
                id.0,
                person,
                format_date(since),
                empty_as_null(valid),
                first_due,
                empty_as_null(soon),
            ]));
        }
        sqlx::query("DELETE FROM training_subjects WHERE requirement_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        for chunk in rows.chunks(5000) {
            super::insert_subjects(self.backend, &mut tx, chunk).await?;
        }
        let event = NewAuditEvent::new(by, AuditAction::TrainingChanged, None)
            .with("requirement", old.code.clone());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        self.analyse_after(rows.len(), "training_subjects").await?;
        self.sync_training(org, today()).await?;
        Ok(())
    }

    /// Retires requirement `id`: it leaves the matrix, people's pages and the managers' emails,
    /// and takes no more completions; those already made stay with the people who made them.
    /// In the audit trail. `NotFound` when already retired or another organisation's.
    pub async fn retire_requirement(
        &self,
        org: OrganisationId,
        id: RequirementId,
        by: Actor,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let code: Option<String> = sqlx::query_scalar(
            "UPDATE training_requirements SET retired_at = $3 \
             WHERE organisation_id = $1 AND id = $2 AND retired_at IS NULL RETURNING code",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let code = code.ok_or(StoreError::NotFound)?;
        sqlx::query("DELETE FROM training_subjects WHERE requirement_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let event =
            NewAuditEvent::new(by, AuditAction::TrainingRetired, None).with("requirement", code);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The modules an organisation no longer requires, by code.
    pub async fn retired_requirements(&self, org: OrganisationId) -> Result<Vec<Requirement>> {
        self.requirements_where(org, "retired_at IS NOT NULL").await
    }

    /// Managers, of every organisation with a module required, whose weekly email for the week
    /// beginning `week_of` has not gone nor been claimed recently. A manager is someone holding
    /// the manager role who has not left.
    pub async fn training_digests_due(&self, week_of: Date) -> Result<Vec<DigestDue>> {
        let rows = sqlx::query(
            "SELECT p.id, p.organisation_id, a.email, p.given_name, \
                 COALESCE(a.language, o.main_language) AS language \
             FROM accounts a \
             JOIN account_roles r ON r.account_id = a.id AND r.role = 'manager' \
             JOIN people p ON p.id = a.person_id \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE a.disabled = 0 AND p.access_ended_at IS NULL \
               AND (p.left_on IS NULL OR p.left_on > $1) \
               AND EXISTS (SELECT 1 FROM training_requirements t \
                   WHERE t.organisation_id = p.organisation_id AND t.retired_at IS NULL) \
               AND NOT EXISTS (SELECT 1 FROM training_digests d \
                   WHERE d.manager_id = p.id AND d.week_of = $1 \
                     AND (d.sent_at IS NOT NULL OR d.claimed_at > $2)) \
             ORDER BY p.id",
        )
        .bind(format_date(week_of))
        .bind(now() - DIGEST_CLAIM_STALE_SECS)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DigestDue {
                    organisation: OrganisationId(r.try_get("organisation_id")?),
                    manager: PersonId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    given_name: r.try_get("given_name")?,
                    language: r.try_get("language")?,
                })
            })
            .collect()
    }

    /// Claims `manager`'s email for the week beginning `week_of`: `false` when another sender
    /// has it (sent, or claimed recently), so that it goes once however many instances run.
    pub async fn claim_training_digest(
        &self,
        org: OrganisationId,
        manager: PersonId,
        week_of: Date,
    ) -> Result<bool> {
        DIGESTS
            .claim(
                &self.pool,
                [Key::Int(manager.0), Key::Text(format_date(week_of))],
                Some(org.0),
            )
            .await
    }

    /// Records how a claimed email went: sent (or had nothing to say), or failed with the
    /// reason.
    pub async fn finish_training_digest(
        &self,
        manager: PersonId,
        week_of: Date,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        DIGESTS
            .finish(
                &self.pool,
                [Key::Int(manager.0), Key::Text(format_date(week_of))],
                outcome,
            )
            .await
    }

    /// The people `manager` manages (as the matrix has them) who have not left on `today`,
    /// with each module of theirs that is due soon, overdue or not started: by name, then code.
    pub async fn training_needed(
        &self,
        org: OrganisationId,
        manager: PersonId,
        today: Date,
    ) -> Result<Vec<Needed>> {
        let requirements: HashMap<i64, Requirement> = self
            .requirements(org)
            .await?
            .into_iter()
            .map(|r| (r.id.0, r))
            .collect();
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{managed}SELECT p.id, p.given_name || ' ' || p.family_name AS name, \
                 s.requirement_id, s.since, s.valid_until \
             FROM training_subjects s JOIN people p ON p.id = s.person_id \
             WHERE p.organisation_id = $2 AND p.id IN (SELECT id FROM managed) AND p.id <> $1 \
               AND (p.left_on IS NULL OR p.left_on > $3) \
               AND (s.valid_until IS NULL OR s.valid_until <> '{FOR_EVER}') \
             ORDER BY p.family_name, p.given_name, p.id",
            managed = crate::people::MANAGED,
        )))
        .bind(manager.0)
        .bind(org.0)
        .bind(format_date(today))
        .fetch_all(&self.pool)
        .await?;
        let mut needed = Vec::new();
        for r in &rows {
            let Some(req) = requirements.get(&r.try_get::<i64, _>("requirement_id")?) else {
                continue;
            };
            let standing: Standing = standing_from(r)?;
            let cell = standing.cell(req.renewal, today);
            if matches!(cell, Cell::Done { .. }) {
                continue;
            }
            needed.push(Needed {
                person: PersonId(r.try_get("id")?),
                name: r.try_get("name")?,
                code: req.code.clone(),
                title: req.title.clone(),
                cell,
            });
        }
        Ok(needed)
    }

    /// Keeps `file` as the evidence of `person`'s completion of `requirement` on `completed_on`
    /// (in place of one kept before). `NotFound` when there is no such completion.
    pub async fn attach_evidence(
        &self,
        org: OrganisationId,
        requirement: RequirementId,
        person: PersonId,
        completed_on: Date,
        file: &EvidenceFile,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let completion: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM training_completions WHERE organisation_id = $1 \
                 AND requirement_id = $2 AND person_id = $3 AND completed_on = $4",
        )
        .bind(org.0)
        .bind(requirement.0)
        .bind(person.0)
        .bind(format_date(completed_on))
        .fetch_optional(&mut *tx)
        .await?;
        let completion = completion.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO training_evidence_files (completion_id, organisation_id, file_name, \
                 content_type, bytes) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (completion_id) DO UPDATE SET file_name = excluded.file_name, \
                 content_type = excluded.content_type, bytes = excluded.bytes",
        )
        .bind(completion)
        .bind(org.0)
        .bind(&file.file_name)
        .bind(&file.content_type)
        .bind(file.bytes.clone())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The certificate kept with completion `completion` of `person`, when there is one.
    pub async fn evidence_file(
        &self,
        org: OrganisationId,
        person: PersonId,
        completion: i64,
    ) -> Result<Option<EvidenceFile>> {
        let row = sqlx::query(
            "SELECT f.file_name, f.content_type, f.bytes FROM training_evidence_files f \
             JOIN training_completions c ON c.id = f.completion_id \
             WHERE f.organisation_id = $1 AND c.person_id = $2 AND f.completion_id = $3",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(completion)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(EvidenceFile {
                file_name: r.try_get("file_name")?,
                content_type: r.try_get("content_type")?,
                bytes: r.try_get("bytes")?,
            })
        })
        .transpose()
    }
}
