//! The organisation, its sites and its teams.

use crate::error::taken_or;
use crate::{Result, Store, StoreError, flag, now};
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::{
    Location, OrganisationId, OrganisationSlug, PersonId, SiteCode, SiteId, SiteKind, SiteName,
    TeamId, TeamName,
};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

/// An organisation as stored.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: OrganisationId,
    pub slug: OrganisationSlug,
    pub name: String,
    pub name_cy: Option<String>,
    pub main_language: String,
    pub anonymity_threshold: AnonymityThreshold,
    pub password_sign_in: bool,
}

/// What it takes to create an organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub slug: OrganisationSlug,
    pub name: String,
    pub name_cy: Option<String>,
    pub main_language: String,
}

/// A site as stored, with how many people work there.
#[derive(Debug, Clone)]
pub struct SiteRecord {
    pub id: SiteId,
    pub code: SiteCode,
    pub name: String,
    pub kind: SiteKind,
    pub location: Location,
    pub people: i64,
}

/// A site as an admin enters it.
#[derive(Debug, Clone)]
pub struct SiteInput {
    pub code: SiteCode,
    pub name: SiteName,
    pub kind: SiteKind,
    pub location: Location,
}

/// A team as stored, with its manager's name and size.
#[derive(Debug, Clone)]
pub struct TeamRecord {
    pub id: TeamId,
    pub name: String,
    pub manager_id: Option<PersonId>,
    pub manager_name: Option<String>,
    pub members: i64,
}

const ORGANISATION_COLUMNS: &str =
    "id, slug, name, name_cy, main_language, anonymity_threshold, password_sign_in";

fn organisation_from(row: &AnyRow) -> Result<Organisation> {
    let slug: Option<String> = row.try_get("slug")?;
    let slug = slug.unwrap_or_default();
    Ok(Organisation {
        id: OrganisationId(row.try_get("id")?),
        slug: OrganisationSlug::parse(&slug)
            .map_err(|_| StoreError::Corrupt(format!("organisation slug {slug:?}")))?,
        name: row.try_get("name")?,
        name_cy: row.try_get("name_cy")?,
        main_language: row.try_get("main_language")?,
        anonymity_threshold: stored_threshold(row.try_get("anonymity_threshold")?)?,
        password_sign_in: flag(row, "password_sign_in")?,
    })
}

fn stored_threshold(n: i64) -> Result<AnonymityThreshold> {
    AnonymityThreshold::new(n)
        .map_err(|_| StoreError::Corrupt(format!("anonymity threshold of {n}")))
}

fn site_from(row: &AnyRow) -> Result<SiteRecord> {
    let code: String = row.try_get("code")?;
    let kind: String = row.try_get("kind")?;
    Ok(SiteRecord {
        id: SiteId(row.try_get("id")?),
        code: SiteCode::parse(&code).map_err(|e| StoreError::Corrupt(e.0.into()))?,
        name: row.try_get("name")?,
        kind: SiteKind::parse(&kind).map_err(|e| StoreError::Corrupt(e.0.into()))?,
        location: Location {
            postcode: row.try_get("postcode")?,
            latitude: row.try_get("latitude")?,
            longitude: row.try_get("longitude")?,
        },
        people: row.try_get("people")?,
    })
}

const SITE_COLUMNS: &str = "s.id, s.code, s.name, s.kind, s.postcode, s.latitude, s.longitude, \
     (SELECT COUNT(*) FROM person_sites ps WHERE ps.site_id = s.id) AS people";

impl Store {
    /// The default organisation: the first one created. A skillgym that serves one library
    /// service has only this one; with more, it is the one signed-out pages show.
    pub async fn default_organisation(&self) -> Result<Option<Organisation>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations ORDER BY id LIMIT 1"
        )))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(organisation_from).transpose()
    }

    /// Every organisation this skillgym serves, the default first.
    pub async fn organisations(&self) -> Result<Vec<Organisation>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(organisation_from).collect()
    }

    pub async fn organisation(&self, id: OrganisationId) -> Result<Organisation> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1"
        )))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        organisation_from(&row)
    }

    pub async fn organisation_by_slug(
        &self,
        slug: &OrganisationSlug,
    ) -> Result<Option<Organisation>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE slug = $1"
        )))
        .bind(slug.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(organisation_from).transpose()
    }

    /// A slug made from `name` that no organisation has yet (numbered if need be).
    pub async fn unused_slug(&self, name: &str) -> Result<OrganisationSlug> {
        let base = OrganisationSlug::from_name(name);
        for n in 1.. {
            let slug = if n == 1 {
                base.clone()
            } else {
                base.numbered(n)
            };
            if self.organisation_by_slug(&slug).await?.is_none() {
                return Ok(slug);
            }
        }
        unreachable!("an unused number")
    }

    /// Gives each organisation created before slugs one made from its name (numbered when
    /// another already has it). Run by [`Store::migrate`]; does nothing once all have one.
    pub(crate) async fn give_organisations_slugs(&self) -> Result<()> {
        // Every start runs this: after the first, one read and no transaction.
        let missing: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE slug IS NULL")
                .fetch_one(&self.pool)
                .await?;
        if missing == 0 {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query("SELECT id, name, slug FROM organisations ORDER BY id")
            .fetch_all(&mut *tx)
            .await?;
        let mut taken: std::collections::HashSet<String> = rows
            .iter()
            .filter_map(|r| r.try_get::<Option<String>, _>("slug").ok().flatten())
            .collect();
        for row in &rows {
            if row.try_get::<Option<String>, _>("slug")?.is_some() {
                continue;
            }
            let id: i64 = row.try_get("id")?;
            let name: String = row.try_get("name")?;
            let base = OrganisationSlug::from_name(&name);
            let slug = if taken.contains(base.as_str()) {
                (2..)
                    .map(|n| base.numbered(n))
                    .find(|s| !taken.contains(s.as_str()))
                    .expect("an unused number")
            } else {
                base
            };
            taken.insert(slug.as_str().to_string());
            sqlx::query("UPDATE organisations SET slug = $2 WHERE id = $1 AND slug IS NULL")
                .bind(id)
                .bind(slug.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The organisation's anonymity threshold, read afresh (the organisation kept with each page
    /// may be a minute old; a report must use the threshold an administrator just set).
    pub async fn anonymity_threshold(&self, org: OrganisationId) -> Result<AnonymityThreshold> {
        let n: Option<i64> =
            sqlx::query_scalar("SELECT anonymity_threshold FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        stored_threshold(n.ok_or(StoreError::NotFound)?)
    }

    /// Changes the anonymity threshold, recording who did it in the audit trail. `false` when
    /// it was already that threshold (nothing is recorded then).
    pub async fn change_anonymity_threshold(
        &self,
        org: OrganisationId,
        threshold: AnonymityThreshold,
        actor: crate::Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let previous: Option<i64> =
            sqlx::query_scalar("SELECT anonymity_threshold FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        let previous = previous.ok_or(StoreError::NotFound)?;
        let now = threshold.get() as i64;
        if previous == now {
            return Ok(false);
        }
        sqlx::query("UPDATE organisations SET anonymity_threshold = $2 WHERE id = $1")
            .bind(org.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let event =
            crate::NewAuditEvent::new(actor, crate::AuditAction::AnonymityThresholdChanged, None)
                .with("previous-threshold", previous)
                .with("threshold", now);
        crate::audit_trail::insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        tracing::info!(previous, threshold = now, "anonymity threshold changed");
        Ok(true)
    }

    pub async fn create_organisation(&self, new: &NewOrganisation) -> Result<Organisation> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO organisations (slug, name, name_cy, main_language, created_at, \
                 anonymity_threshold) \
             VALUES ($6, $1, $2, $3, $4, $5) \
             RETURNING {ORGANISATION_COLUMNS}"
        )))
        .bind(&new.name)
        .bind(&new.name_cy)
        .bind(&new.main_language)
        .bind(now())
        .bind(AnonymityThreshold::DEFAULT.get() as i64)
        .bind(new.slug.as_str())
        .fetch_one(&self.pool)
        .await
        .map_err(|e| taken_or(e, "organisation-slug-taken"))?;
        organisation_from(&row)
    }

    pub async fn sites(&self, org: OrganisationId) -> Result<Vec<SiteRecord>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {SITE_COLUMNS} FROM sites s WHERE s.organisation_id = $1 ORDER BY s.name"
        )))
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(site_from).collect()
    }

    /// Every site's name, by name: for choosing one, where [`Store::sites`] also counts who
    /// works at each.
    pub async fn site_names(&self, org: OrganisationId) -> Result<Vec<(SiteId, String)>> {
        let rows =
            sqlx::query("SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name")
                .bind(org.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((SiteId(r.try_get("id")?), r.try_get("name")?)))
            .collect()
    }

    pub async fn site(&self, org: OrganisationId, id: SiteId) -> Result<SiteRecord> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {SITE_COLUMNS} FROM sites s WHERE s.organisation_id = $1 AND s.id = $2"
        )))
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        site_from(&row)
    }

    pub async fn create_site(&self, org: OrganisationId, site: &SiteInput) -> Result<SiteId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sites (organisation_id, code, name, kind, postcode, latitude, longitude) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(org.0)
        .bind(site.code.as_str())
        .bind(site.name.as_str())
        .bind(site.kind.as_str())
        .bind(&site.location.postcode)
        .bind(site.location.latitude)
        .bind(site.location.longitude)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| taken_or(e, "code"))?;
        Ok(SiteId(id))
    }

    pub async fn update_site(
        &self,
        org: OrganisationId,
        id: SiteId,
        site: &SiteInput,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE sites SET code = $3, name = $4, kind = $5, postcode = $6, latitude = $7, \
             longitude = $8 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(site.code.as_str())
        .bind(site.name.as_str())
        .bind(site.kind.as_str())
        .bind(&site.location.postcode)
        .bind(site.location.latitude)
        .bind(site.location.longitude)
        .execute(&self.pool)
        .await
        .map_err(|e| taken_or(e, "code"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn teams(&self, org: OrganisationId) -> Result<Vec<TeamRecord>> {
        let rows = sqlx::query(
            "SELECT t.id, t.name, t.manager_id, \
                    m.given_name || ' ' || m.family_name AS manager_name, \
                    (SELECT COUNT(*) FROM people p WHERE p.team_id = t.id) AS members \
             FROM teams t LEFT JOIN people m ON m.id = t.manager_id \
             WHERE t.organisation_id = $1 ORDER BY t.name",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(team_from).collect()
    }

    pub async fn team(&self, org: OrganisationId, id: TeamId) -> Result<TeamRecord> {
        let row = sqlx::query(
            "SELECT t.id, t.name, t.manager_id, \
                    m.given_name || ' ' || m.family_name AS manager_name, \
                    (SELECT COUNT(*) FROM people p WHERE p.team_id = t.id) AS members \
             FROM teams t LEFT JOIN people m ON m.id = t.manager_id \
             WHERE t.organisation_id = $1 AND t.id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        team_from(&row)
    }

    pub async fn create_team(
        &self,
        org: OrganisationId,
        name: &TeamName,
        manager: Option<PersonId>,
    ) -> Result<TeamId> {
        self.check_person_in(org, manager).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO teams (organisation_id, name, manager_id) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(org.0)
        .bind(name.as_str())
        .bind(manager.map(|m| m.0))
        .fetch_one(&self.pool)
        .await
        .map_err(|e| taken_or(e, "name"))?;
        Ok(TeamId(id))
    }

    pub async fn update_team(
        &self,
        org: OrganisationId,
        id: TeamId,
        name: &TeamName,
        manager: Option<PersonId>,
    ) -> Result<()> {
        self.check_person_in(org, manager).await?;
        let done = sqlx::query(
            "UPDATE teams SET name = $3, manager_id = $4 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(name.as_str())
        .bind(manager.map(|m| m.0))
        .execute(&self.pool)
        .await
        .map_err(|e| taken_or(e, "name"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Refuses a person who is not in the organisation, so one organisation's form cannot
    /// point at another's people.
    pub(crate) async fn check_person_in(
        &self,
        org: OrganisationId,
        person: Option<PersonId>,
    ) -> Result<()> {
        let Some(person) = person else { return Ok(()) };
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM people WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await?;
        found.map(|_| ()).ok_or(StoreError::NotFound)
    }
}

fn team_from(row: &AnyRow) -> Result<TeamRecord> {
    Ok(TeamRecord {
        id: TeamId(row.try_get("id")?),
        name: row.try_get("name")?,
        manager_id: row.try_get::<Option<i64>, _>("manager_id")?.map(PersonId),
        manager_name: row.try_get("manager_name")?,
        members: row.try_get("members")?,
    })
}
