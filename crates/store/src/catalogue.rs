//! The learning catalogue: an organisation's activities, what each builds, how useful people
//! found them, and those a network shares with its members.

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::error::taken_or;
use crate::registers::Imported;
use crate::{Actor, Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::learning::{Activity, ActivityCode, ActivityKind, Builds, Languages};
use skillgym_domain::{ActivityId, NetworkId, OrganisationId, PersonId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use std::collections::{BTreeSet, HashMap};

/// An activity as stored, with how useful people found it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredActivity {
    pub id: ActivityId,
    pub activity: Activity,
    /// How many people rated it, and the sum of their ratings (1 to 5 each): pages show the
    /// mean only once enough people rated it to keep each rating to themselves.
    pub ratings: i64,
    pub rating_sum: i64,
}

impl StoredActivity {
    /// The mean rating, when at least `threshold` people gave one.
    pub fn usefulness(&self, threshold: usize) -> Option<f64> {
        (self.ratings > 0 && self.ratings as usize >= threshold)
            .then(|| self.rating_sum as f64 / self.ratings as f64)
    }
}

const COLUMNS: &str = "a.id, a.code, a.title_en, a.title_cy, a.summary_en, a.summary_cy, a.kind, \
     a.provider, a.minutes, a.cost_pence, a.languages, a.url, a.completion, \
     (SELECT COUNT(*) FROM activity_ratings g WHERE g.activity_id = a.id) AS ratings, \
     (SELECT CAST(COALESCE(SUM(g.usefulness), 0) AS BIGINT) FROM activity_ratings g \
         WHERE g.activity_id = a.id) AS rating_sum";

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("activity {what}"))
}

fn activity_from(row: &AnyRow, builds: Vec<Builds>) -> Result<StoredActivity> {
    let code: String = row.try_get("code")?;
    let kind: String = row.try_get("kind")?;
    let languages: String = row.try_get("languages")?;
    let minutes: i64 = row.try_get("minutes")?;
    let cost: i64 = row.try_get("cost_pence")?;
    Ok(StoredActivity {
        id: ActivityId(row.try_get("id")?),
        activity: Activity {
            code: ActivityCode::parse(&code).map_err(|_| corrupt("code"))?,
            title: Localised::new(
                row.try_get::<String, _>("title_en")?,
                row.try_get("title_cy")?,
            ),
            summary: Localised::new(
                row.try_get::<String, _>("summary_en")?,
                row.try_get("summary_cy")?,
            ),
            kind: ActivityKind::parse(&kind).map_err(|_| corrupt("kind"))?,
            provider: row.try_get("provider")?,
            minutes: u32::try_from(minutes).map_err(|_| corrupt("minutes"))?,
            cost_pence: u32::try_from(cost).map_err(|_| corrupt("cost"))?,
            languages: Languages::parse(&languages).map_err(|_| corrupt("languages"))?,
            url: row.try_get("url")?,
            completion: row.try_get("completion")?,
            builds,
        },
        ratings: row.try_get("ratings")?,
        rating_sum: row.try_get("rating_sum")?,
    })
}

impl Store {
    /// Every activity of `org`'s catalogue, by title.
    pub async fn catalogue(&self, org: OrganisationId) -> Result<Vec<StoredActivity>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM activities a WHERE a.organisation_id = $1 \
             ORDER BY a.title_en, a.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .fetch_all(&self.pool)
            .await?;
        let mut builds = self.all_builds(org).await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                activity_from(r, builds.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn all_builds(&self, org: OrganisationId) -> Result<HashMap<i64, Vec<Builds>>> {
        let rows = sqlx::query(
            "SELECT c.activity_id, c.competence, c.level FROM activity_competences c \
             JOIN activities a ON a.id = c.activity_id WHERE a.organisation_id = $1 \
             ORDER BY c.activity_id, c.level DESC, c.competence",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let mut by_activity: HashMap<i64, Vec<Builds>> = HashMap::new();
        for r in rows {
            let level: i64 = r.try_get("level")?;
            by_activity
                .entry(r.try_get("activity_id")?)
                .or_default()
                .push(Builds {
                    competence: r.try_get("competence")?,
                    level: u8::try_from(level).map_err(|_| corrupt("level"))?,
                });
        }
        Ok(by_activity)
    }

    /// One activity of `org`'s catalogue.
    pub async fn activity(&self, org: OrganisationId, id: ActivityId) -> Result<StoredActivity> {
        let sql = format!(
            "SELECT {COLUMNS} FROM activities a WHERE a.organisation_id = $1 AND a.id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let builds = sqlx::query(
            "SELECT competence, level FROM activity_competences WHERE activity_id = $1 \
             ORDER BY level DESC, competence",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let level: i64 = r.try_get("level")?;
            Ok(Builds {
                competence: r.try_get("competence")?,
                level: u8::try_from(level).map_err(|_| corrupt("level"))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        activity_from(&row, builds)
    }

    /// Every competence code of `org`'s frameworks: what an activity may build.
    pub async fn competence_codes(&self, org: OrganisationId) -> Result<BTreeSet<String>> {
        let codes: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT c.code FROM competences c \
             JOIN frameworks f ON f.id = c.framework_id WHERE f.organisation_id = $1",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(codes.into_iter().collect())
    }

    /// The title of each competence code of `org`'s frameworks, in the frameworks' order (by
    /// title) and each framework's own; a code in two frameworks takes the first one's title.
    pub async fn competence_titles(&self, org: OrganisationId) -> Result<Vec<(String, Localised)>> {
        let rows = sqlx::query(
            "SELECT k.code, k.title_en, k.title_cy FROM competences k \
             JOIN framework_areas a ON a.id = k.area_id \
             JOIN frameworks f ON f.id = k.framework_id \
             WHERE f.organisation_id = $1 \
             ORDER BY f.title_en, f.id, a.position, k.position",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for row in rows {
            let code: String = row.try_get("code")?;
            if seen.insert(code.clone()) {
                let title = Localised {
                    en: row.try_get("title_en")?,
                    cy: row.try_get("title_cy")?,
                };
                out.push((code, title));
            }
        }
        Ok(out)
    }

    /// Adds `activities` to `org`'s catalogue, or updates those whose code it has already, in
    /// one transaction with the event in the audit trail: all of them or none.
    pub async fn import_catalogue(
        &self,
        org: OrganisationId,
        activities: &[Activity],
        actor: Actor,
    ) -> Result<Imported> {
        let mut tx = self.begin_write().await?;
        let done = upsert_all(&mut tx, org, activities).await?;
        let event = NewAuditEvent::new(actor, AuditAction::CatalogueImported, None)
            .with("added", done.added as i64)
            .with("updated", done.updated as i64);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// The demo's catalogue, as skillgym makes it: no one did anything to record.
    pub(crate) async fn seed_catalogue(
        &self,
        org: OrganisationId,
        activities: &[Activity],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        upsert_all(&mut tx, org, activities).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds an activity (`id` none) or changes one. `Taken` when another activity of the
    /// catalogue has its code; `NotFound` when `id` is not one of `org`'s.
    pub async fn save_activity(
        &self,
        org: OrganisationId,
        id: Option<ActivityId>,
        activity: &Activity,
    ) -> Result<ActivityId> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let id = match id {
            None => insert(&mut tx, org, activity, at).await?,
            Some(id) => {
                let changed = update(&mut tx, org, id, activity, at)
                    .await
                    .map_err(|e| taken_or(e, "activity-code"))?;
                if !changed {
                    return Err(StoreError::NotFound);
                }
                id
            }
        };
        write_builds(&mut tx, id, &activity.builds).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records how useful `person` found activity `id` (1 to 5), replacing their earlier
    /// rating. `NotFound` unless the activity is in their organisation's catalogue.
    pub async fn rate_activity(
        &self,
        org: OrganisationId,
        id: ActivityId,
        person: PersonId,
        usefulness: u8,
    ) -> Result<()> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM activities WHERE id = $1 AND organisation_id = $2")
                .bind(id.0)
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        found.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO activity_ratings (activity_id, person_id, usefulness, rated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (activity_id, person_id) \
             DO UPDATE SET usefulness = excluded.usefulness, rated_at = excluded.rated_at",
        )
        .bind(id.0)
        .bind(person.0)
        .bind(i64::from(usefulness))
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The rating `person` gave activity `id`, if any.
    pub async fn rating_of(&self, id: ActivityId, person: PersonId) -> Result<Option<u8>> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT usefulness FROM activity_ratings WHERE activity_id = $1 AND person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.and_then(|n| u8::try_from(n).ok()))
    }

    /// Shares `org`'s activity `id` with `network`, which `org` runs. `NotFound` when either is
    /// not `org`'s; `false` when it was shared already.
    pub async fn publish_network_activity(
        &self,
        org: OrganisationId,
        network: NetworkId,
        id: ActivityId,
    ) -> Result<bool> {
        let runs = self.network(network).await?.organisation_id == org;
        self.activity(org, id).await?;
        if !runs {
            return Err(StoreError::NotFound);
        }
        let done = sqlx::query(
            "INSERT INTO network_activities (activity_id, organisation_id, network_id, published_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (activity_id) DO NOTHING",
        )
        .bind(id.0)
        .bind(org.0)
        .bind(network.0)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The activities shared with `network`.
    pub async fn network_activities_of(&self, network: NetworkId) -> Result<Vec<ActivityId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT activity_id FROM network_activities WHERE network_id = $1 ORDER BY activity_id",
        )
        .bind(network.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(ActivityId).collect())
    }

    /// The activities the networks `member` belongs to share, with the member's own copy of
    /// each (its activity with the same code), if it has adopted it.
    pub async fn network_activities_for(
        &self,
        member: OrganisationId,
    ) -> Result<Vec<(NetworkId, StoredActivity, Option<ActivityId>)>> {
        let rows = sqlx::query(
            "SELECT na.network_id, na.activity_id, na.organisation_id, \
                 (SELECT own.id FROM activities own JOIN activities theirs \
                     ON theirs.id = na.activity_id \
                  WHERE own.organisation_id = $1 AND own.code = theirs.code) AS own \
             FROM network_activities na \
             JOIN network_members m ON m.network_id = na.network_id AND m.organisation_id = $1 \
             ORDER BY na.network_id, na.activity_id",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let owner = OrganisationId(r.try_get("organisation_id")?);
            let activity = self
                .activity(owner, ActivityId(r.try_get("activity_id")?))
                .await?;
            let own: Option<i64> = r.try_get("own")?;
            out.push((
                NetworkId(r.try_get("network_id")?),
                activity,
                own.map(ActivityId),
            ));
        }
        Ok(out)
    }

    /// Adopts a shared activity: a copy in `member`'s catalogue with the same code (kept
    /// as it is when the member has one with that code already). `NotFound` unless it is
    /// shared with a network `member` belongs to.
    pub async fn adopt_network_activity(
        &self,
        member: OrganisationId,
        id: ActivityId,
        actor: Actor,
    ) -> Result<ActivityId> {
        let shared = self
            .network_activities_for(member)
            .await?
            .into_iter()
            .find(|(_, a, _)| a.id == id)
            .ok_or(StoreError::NotFound)?;
        if let (_, _, Some(own)) = shared {
            return Ok(own);
        }
        let mut tx = self.begin_write().await?;
        let (own, _) = upsert(&mut tx, member, &shared.1.activity).await?;
        let event = NewAuditEvent::new(actor, AuditAction::CatalogueImported, None)
            .with("added", 1)
            .with("updated", 0)
            .with("network", shared.0.0);
        insert_event(&mut tx, member, &event).await?;
        tx.commit().await?;
        Ok(own)
    }
}

fn bind_fields<'q>(
    query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>,
    a: &'q Activity,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments> {
    query
        .bind(a.code.as_str())
        .bind(a.title.en.as_str())
        .bind(a.title.cy.as_deref())
        .bind(a.summary.en.as_str())
        .bind(a.summary.cy.as_deref())
        .bind(a.kind.as_str())
        .bind(a.provider.as_str())
        .bind(i64::from(a.minutes))
        .bind(i64::from(a.cost_pence))
        .bind(a.languages.as_str())
        .bind(a.url.as_deref())
        .bind(a.completion.as_deref())
}

async fn insert(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    a: &Activity,
    at: i64,
) -> Result<ActivityId> {
    let query = sqlx::query(
        "INSERT INTO activities (organisation_id, code, title_en, title_cy, summary_en, \
             summary_cy, kind, provider, minutes, cost_pence, languages, url, completion, \
             created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    );
    let row = bind_fields(query.bind(org.0), a)
        .bind(at)
        .fetch_one(&mut **tx)
        .await
        .map_err(|e| taken_or(e, "activity-code"))?;
    Ok(ActivityId(row.try_get("id")?))
}

/// Changes activity `id` of `org` to `a`; whether there was one.
async fn update(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    id: ActivityId,
    a: &Activity,
    at: i64,
) -> std::result::Result<bool, sqlx::Error> {
    let query = sqlx::query(
        "UPDATE activities SET code = $3, title_en = $4, title_cy = $5, summary_en = $6, \
             summary_cy = $7, kind = $8, provider = $9, minutes = $10, cost_pence = $11, \
             languages = $12, url = $13, completion = $14, updated_at = $15 \
         WHERE id = $1 AND organisation_id = $2",
    );
    let done = bind_fields(query.bind(id.0).bind(org.0), a)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

async fn upsert_all(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    activities: &[Activity],
) -> Result<Imported> {
    let mut done = Imported::default();
    for a in activities {
        match upsert(tx, org, a).await? {
            (_, true) => done.added += 1,
            (_, false) => done.updated += 1,
        }
    }
    Ok(done)
}

/// Adds `a` to the catalogue or replaces the activity with its code; its id, and whether it
/// was added.
async fn upsert(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    a: &Activity,
) -> Result<(ActivityId, bool)> {
    let at = now();
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM activities WHERE organisation_id = $1 AND code = $2")
            .bind(org.0)
            .bind(a.code.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    let (id, added) = match existing {
        Some(id) => {
            update(tx, org, ActivityId(id), a, at).await?;
            (ActivityId(id), false)
        }
        None => (insert(tx, org, a, at).await?, true),
    };
    write_builds(tx, id, &a.builds).await?;
    Ok((id, added))
}

async fn write_builds(
    tx: &mut Transaction<'_, Any>,
    id: ActivityId,
    builds: &[Builds],
) -> Result<()> {
    sqlx::query("DELETE FROM activity_competences WHERE activity_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for b in builds {
        sqlx::query(
            "INSERT INTO activity_competences (activity_id, competence, level) VALUES ($1, $2, $3)",
        )
        .bind(id.0)
        .bind(b.competence.as_str())
        .bind(i64::from(b.level))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
