//! Sessions, kept in the database so that every instance behind a load balancer shares them.

use crate::{Fields, Result, Store, inline, now};
use rusqlite::ToSql;
use skillgym_domain::people::format_date;
use skillgym_domain::{AccountId, CampaignId, OrganisationId, PersonId, Roles};

/// A live session with what every page needs about the person signed in.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub account_id: AccountId,
    pub person_id: PersonId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub roles: Roles,
    pub language: Option<String>,
    pub csrf_token: String,
    pub expires_at: i64,
    /// Set for a session opened by a password-free link: it reaches only this campaign's
    /// pages, and ends as soon as the campaign stops allowing links.
    pub scope: Option<CampaignId>,
}

impl Store {
    /// Starts a session; only the token's hash is stored, so a database leak gives no sign-ins.
    pub async fn create_session(
        &self,
        token_hash: &str,
        account: AccountId,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(csrf_token)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The session with this token hash, in one query and one row: only while it has
    /// been used recently enough (`expires_at`), was started after `started_after` (unix
    /// seconds: the absolute lifetime), its account is enabled and its person has not left (a
    /// "left on" day that has come ends every session that day, even before the scheduled job
    /// has ended them).
    pub async fn session(
        &self,
        token_hash: &str,
        started_after: i64,
    ) -> Result<Option<SessionRecord>> {
        // The roles joined into one text, so the session is one row.
        let roles = self.joined("role");
        let sql = format!(
            "SELECT s.account_id, s.csrf_token, s.expires_at, s.campaign_scope, a.person_id, a.language, \
                    p.organisation_id, p.given_name || ' ' || p.family_name AS name, \
                    (SELECT {roles} FROM account_roles r WHERE r.account_id = a.id) AS roles \
             FROM sessions s \
             JOIN accounts a ON a.id = s.account_id AND a.disabled = 0 \
             JOIN people p ON p.id = a.person_id AND (p.left_on IS NULL OR p.left_on > $4) \
             LEFT JOIN campaigns sc ON sc.id = s.campaign_scope \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.created_at > $3 \
               AND (s.campaign_scope IS NULL OR sc.links_allowed = 1)"
        );
        let (now, today) = (now(), format_date(crate::dates::today()));
        if let Some(inline) = &self.inline {
            return inline.read(|conn| {
                let args: [&dyn ToSql; 4] = [&token_hash, &now, &started_after, &today];
                Ok(inline::rows(conn, &sql, &args, |r| session_record(r))?.pop())
            });
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .bind(now)
            .bind(started_after)
            .bind(today)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(session_record).transpose()
    }

    /// Pushes a session's expiry forward (sliding expiry).
    pub async fn extend_session(&self, token_hash: &str, expires_at: i64) -> Result<()> {
        sqlx::query("UPDATE sessions SET expires_at = $2 WHERE token_hash = $1")
            .bind(token_hash)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of an account, e.g. after its password changes.
    pub async fn delete_sessions_of(&self, account: AccountId) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes expired sessions; returns how many.
    pub async fn delete_expired_sessions(&self) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

fn session_record(row: &(impl Fields + ?Sized)) -> Result<SessionRecord> {
    Ok(SessionRecord {
        account_id: AccountId(row.field("account_id")?),
        person_id: PersonId(row.field("person_id")?),
        organisation_id: OrganisationId(row.field("organisation_id")?),
        name: row.field("name")?,
        roles: Store::joined_roles(row)?,
        language: row.field("language")?,
        csrf_token: row.field("csrf_token")?,
        expires_at: row.field("expires_at")?,
        scope: row.field::<Option<i64>>("campaign_scope")?.map(CampaignId),
    })
}
