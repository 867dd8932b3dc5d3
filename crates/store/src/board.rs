//! The champions' board: tips and good practice posted by champions, trainers and
//! administrators, each perhaps about a competence; comments are in `comments`.

use crate::audit_trail::insert_event;
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::comments::CommentOn;
use skillgym_domain::{BoardPostId, OrganisationId, PersonId};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A tip on the board, with how many comments it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardPost {
    pub id: BoardPostId,
    pub author: Option<PersonId>,
    /// Their name, while they are in the organisation.
    pub author_name: Option<String>,
    pub posted_at: i64,
    pub title: String,
    pub body: String,
    /// The code of the competence it is about.
    pub competence: Option<String>,
    pub comments: usize,
}

/// A tip as someone posts it, already valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBoardPost {
    pub title: String,
    pub body: String,
    pub competence: Option<String>,
}

const SELECT: &str = "SELECT b.id, b.author_id, b.posted_at, b.title, b.body, b.competence, \
         p.given_name || ' ' || p.family_name AS author_name, \
         (SELECT COUNT(*) FROM comments c WHERE c.organisation_id = b.organisation_id \
             AND c.kind = 'board-post' AND c.target_id = b.id) AS comments \
     FROM board_posts b LEFT JOIN people p ON p.id = b.author_id";

fn post_from(r: &AnyRow) -> Result<BoardPost> {
    Ok(BoardPost {
        id: BoardPostId(r.try_get("id")?),
        author: r.try_get::<Option<i64>, _>("author_id")?.map(PersonId),
        author_name: r.try_get("author_name")?,
        posted_at: r.try_get("posted_at")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        competence: r.try_get("competence")?,
        comments: r.try_get::<i64, _>("comments")? as usize,
    })
}

impl Store {
    /// Keeps `by`'s tip.
    pub async fn post_to_board(
        &self,
        org: OrganisationId,
        by: PersonId,
        post: &NewBoardPost,
    ) -> Result<BoardPostId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO board_posts (organisation_id, author_id, posted_at, title, body, \
                 competence) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(org.0)
        .bind(by.0)
        .bind(now())
        .bind(&post.title)
        .bind(&post.body)
        .bind(post.competence.clone())
        .fetch_one(&self.pool)
        .await?;
        Ok(BoardPostId(id))
    }

    async fn posts_where(
        &self,
        org: OrganisationId,
        condition: &str,
        value: Option<i64>,
    ) -> Result<Vec<BoardPost>> {
        let sql = format!(
            "{SELECT} WHERE b.organisation_id = $1 AND {condition} \
             ORDER BY b.posted_at DESC, b.id DESC"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(org.0);
        if let Some(value) = value {
            query = query.bind(value);
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(post_from)
            .collect()
    }

    /// Every tip on the board, the latest first.
    pub async fn board_posts(&self, org: OrganisationId) -> Result<Vec<BoardPost>> {
        self.posts_where(org, "1 = 1", None).await
    }

    /// One tip of the organisation's. `NotFound` for another organisation's.
    pub async fn board_post(&self, org: OrganisationId, id: BoardPostId) -> Result<BoardPost> {
        self.posts_where(org, "b.id = $2", Some(id.0))
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The tips `person` posted: for their data.
    pub async fn board_posts_by(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<BoardPost>> {
        self.posts_where(org, "b.author_id = $2", Some(person.0))
            .await
    }

    /// Removes tip `id` and its comments; in the audit trail, by its number. `NotFound` for
    /// another organisation's.
    pub async fn remove_board_post(
        &self,
        org: OrganisationId,
        id: BoardPostId,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM board_posts WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        crate::comments::remove_all_on(&mut tx, org, CommentOn::BoardPost(id)).await?;
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::BoardPostRemoved, None)
            .with("board-post", id.0);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The demo's tips, by `champion` (else nobody named), with comments by `people` in turn,
    /// the first posted three weeks ago. Written as history.
    pub(crate) async fn seed_demo_board(
        &self,
        org: OrganisationId,
        welsh: bool,
        champion: Option<PersonId>,
        people: &[PersonId],
        skills: &[String],
    ) -> Result<()> {
        use skillgym_domain::board::DEMO_TIPS;
        const DAY: i64 = 24 * 60 * 60;
        let now = now();
        let mut tx = self.begin_write().await?;
        for (i, tip) in DEMO_TIPS.iter().enumerate() {
            let (title, body, comments) = if welsh { tip.cy } else { tip.en };
            let at = now - (21 - 7 * i as i64) * DAY;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO board_posts (organisation_id, author_id, posted_at, title, body, \
                     competence) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(org.0)
            .bind(champion.map(|p| p.0))
            .bind(at)
            .bind(title)
            .bind(body)
            .bind(skills.get(i).cloned())
            .fetch_one(&mut *tx)
            .await?;
            self.seed_demo_comments(
                &mut tx,
                org,
                CommentOn::BoardPost(BoardPostId(id)),
                at,
                comments,
                people,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
