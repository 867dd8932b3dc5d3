//! Comments on horizon-scanning clippings and champions' board posts: one table, each row
//! naming what it is on by kind and id (see `skillgym_domain::comments::CommentOn`).

use crate::audit_trail::insert_event;
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::comments::CommentOn;
use skillgym_domain::{CommentId, OrganisationId, PersonId};
use sqlx::Row;
use std::collections::HashMap;

/// A comment, with its author's name while they are in the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: CommentId,
    pub on: CommentOn,
    pub author: Option<PersonId>,
    pub author_name: Option<String>,
    pub written_at: i64,
    pub body: String,
}

const SELECT: &str = "SELECT c.id, c.kind, c.target_id, c.author_id, c.written_at, c.body, \
         p.given_name || ' ' || p.family_name AS author_name \
     FROM comments c LEFT JOIN people p ON p.id = c.author_id";

fn comment_from(r: &sqlx::any::AnyRow) -> Result<Comment> {
    let kind: String = r.try_get("kind")?;
    let on = CommentOn::from_stored(&kind, r.try_get("target_id")?)
        .ok_or_else(|| StoreError::Corrupt(format!("a comment on a {kind}")))?;
    Ok(Comment {
        id: CommentId(r.try_get("id")?),
        on,
        author: r.try_get::<Option<i64>, _>("author_id")?.map(PersonId),
        author_name: r.try_get("author_name")?,
        written_at: r.try_get("written_at")?,
        body: r.try_get("body")?,
    })
}

/// Removes the comments on `on` (when it is removed), inside the caller's transaction.
pub(crate) async fn remove_all_on(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    org: OrganisationId,
    on: CommentOn,
) -> Result<()> {
    sqlx::query("DELETE FROM comments WHERE organisation_id = $1 AND kind = $2 AND target_id = $3")
        .bind(org.0)
        .bind(on.kind())
        .bind(on.target())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// Keeps `author`'s comment on `on`, which the caller has found in `org`.
    pub async fn add_comment(
        &self,
        org: OrganisationId,
        on: CommentOn,
        author: PersonId,
        body: &str,
    ) -> Result<CommentId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO comments (organisation_id, kind, target_id, author_id, written_at, body) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(org.0)
        .bind(on.kind())
        .bind(on.target())
        .bind(author.0)
        .bind(now())
        .bind(body)
        .fetch_one(&self.pool)
        .await?;
        Ok(CommentId(id))
    }

    /// The comments on `on`, the first written first.
    pub async fn comments_on(&self, org: OrganisationId, on: CommentOn) -> Result<Vec<Comment>> {
        let sql = format!(
            "{SELECT} WHERE c.organisation_id = $1 AND c.kind = $2 AND c.target_id = $3 \
             ORDER BY c.written_at, c.id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(on.kind())
            .bind(on.target())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(comment_from)
            .collect()
    }

    /// One comment of the organisation's. `NotFound` for another organisation's.
    pub async fn comment(&self, org: OrganisationId, id: CommentId) -> Result<Comment> {
        let sql = format!("{SELECT} WHERE c.organisation_id = $1 AND c.id = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        comment_from(&row)
    }

    /// How many comments each thing of a kind has (`kind` as `CommentOn::kind`), by its id.
    pub async fn comment_counts(
        &self,
        org: OrganisationId,
        kind: &str,
    ) -> Result<HashMap<i64, usize>> {
        let rows = sqlx::query(
            "SELECT target_id, COUNT(*) AS n FROM comments \
             WHERE organisation_id = $1 AND kind = $2 GROUP BY target_id",
        )
        .bind(org.0)
        .bind(kind)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>("target_id")?,
                    r.try_get::<i64, _>("n")? as usize,
                ))
            })
            .collect()
    }

    /// The comments `person` wrote, the first first: for their data.
    pub async fn comments_by(&self, org: OrganisationId, person: PersonId) -> Result<Vec<Comment>> {
        let sql = format!(
            "{SELECT} WHERE c.organisation_id = $1 AND c.author_id = $2 ORDER BY c.written_at, c.id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(person.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(comment_from)
            .collect()
    }

    /// Removes comment `id`; in the audit trail, by its number and what it was on.
    /// `NotFound` for another organisation's.
    pub async fn remove_comment(
        &self,
        org: OrganisationId,
        id: CommentId,
        by: PersonId,
    ) -> Result<()> {
        let comment = self.comment(org, id).await?;
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM comments WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::CommentRemoved, None)
            .with("comment", id.0)
            .with(comment.on.kind(), comment.on.target());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The demo's comments on `on`, by `authors` in turn, an hour apart after `at`.
    pub(crate) async fn seed_demo_comments(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        org: OrganisationId,
        on: CommentOn,
        at: i64,
        comments: &[&str],
        authors: &[PersonId],
    ) -> Result<()> {
        for (i, body) in comments.iter().enumerate() {
            let author = (!authors.is_empty()).then(|| authors[i % authors.len()].0);
            sqlx::query(
                "INSERT INTO comments (organisation_id, kind, target_id, author_id, written_at, \
                     body) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(org.0)
            .bind(on.kind())
            .bind(on.target())
            .bind(author)
            .bind(at + (i as i64 + 1) * 3600)
            .bind(*body)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
