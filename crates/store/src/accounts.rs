//! Accounts: sign-in identities, their passwords, roles and language, and the throttle on
//! failed sign-ins.

use crate::audit_trail::{NewAuditEvent, insert_event};
use crate::error::taken_or;
use crate::{Backend, Result, Store, StoreError, flag, now};
use skillgym_domain::leavers::Departure;
use skillgym_domain::people::format_date;
use skillgym_domain::{AccountId, Email, OrganisationId, PersonId, Role, Roles};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// The first keys of the PostgreSQL advisory locks that make sign-in attempts for one email,
/// and from one address, count one at a time.
const THROTTLE_LOCK_EMAIL: i32 = 0x5347_0001;
const THROTTLE_LOCK_ADDRESS: i32 = 0x5347_0002;

/// A sign-in attempt as the throttle counted it.
#[derive(Debug, Clone, Copy)]
pub struct SignInAttempt {
    pub id: i64,
    /// Attempts within the window for the email, this one included.
    pub by_email: i64,
    /// Attempts within the window from the address, this one included.
    pub by_ip: i64,
}

/// Whether a row with `disabled` and the person's `left_on` is an account nobody may use.
pub(crate) fn access_ended(row: &AnyRow) -> Result<bool> {
    let left_on = crate::dates::optional_date(row, "left_on")?;
    Ok(flag(row, "disabled")? || Departure::on(left_on, crate::dates::today()).has_left())
}

/// What sign-in needs to know about an account.
#[derive(Debug, Clone)]
pub struct SignInAccount {
    pub id: AccountId,
    pub password_hash: Option<String>,
    /// Disabled, or its person has left: nobody may sign into it.
    pub ended: bool,
    /// Whether the person's organisation lets people sign in with a password.
    pub password_sign_in: bool,
}

/// An account with the person it belongs to.
#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub id: AccountId,
    pub person_id: PersonId,
    pub organisation_id: OrganisationId,
    pub email: String,
    pub roles: Roles,
    pub language: Option<String>,
}

/// What it takes to give a person an account.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub person: PersonId,
    pub email: Email,
    pub password_hash: Option<String>,
    pub roles: Roles,
}

impl Store {
    pub async fn account_for_sign_in(&self, email: &Email) -> Result<Option<SignInAccount>> {
        let row = sqlx::query(
            "SELECT a.id, a.password_hash, a.disabled, p.left_on, o.password_sign_in \
             FROM accounts a JOIN people p ON p.id = a.person_id \
             JOIN organisations o ON o.id = p.organisation_id WHERE a.email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(SignInAccount {
                id: AccountId(r.try_get("id")?),
                password_hash: r.try_get("password_hash")?,
                ended: access_ended(&r)?,
                password_sign_in: flag(&r, "password_sign_in")?,
            })
        })
        .transpose()
    }

    /// Whether nobody may sign into `account` any more: it is disabled or its person has left.
    pub async fn access_ended(&self, account: AccountId) -> Result<bool> {
        let row = sqlx::query(
            "SELECT a.disabled, p.left_on FROM accounts a JOIN people p ON p.id = a.person_id \
             WHERE a.id = $1",
        )
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => access_ended(&r),
            None => Ok(true),
        }
    }

    pub async fn account_by_email(&self, email: &Email) -> Result<Option<AccountRecord>> {
        let row = sqlx::query(
            "SELECT a.id, a.person_id, p.organisation_id, a.email, a.language \
                 FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let id = AccountId(r.try_get("id")?);
        Ok(Some(AccountRecord {
            id,
            person_id: PersonId(r.try_get("person_id")?),
            organisation_id: OrganisationId(r.try_get("organisation_id")?),
            email: r.try_get("email")?,
            roles: self.roles(id).await?,
            language: r.try_get("language")?,
        }))
    }

    /// Gives a person an account with the given roles.
    pub async fn create_account(&self, new: &NewAccount) -> Result<AccountId> {
        let mut tx = self.begin_write().await?;
        let id = create_account_in(&mut tx, new).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Gives a person an account, or changes the roles of the one they have, keeps `link` for
    /// it if one is given, and records `event` in the audit trail, in one transaction: all of
    /// it happens or none does.
    pub async fn change_access(
        &self,
        org: OrganisationId,
        change: AccessChange,
        link: Option<&NewAccessLink>,
        event: &NewAuditEvent,
    ) -> Result<AccountId> {
        let mut tx = self.begin_write().await?;
        let id = match change {
            AccessChange::Roles(account, roles) => {
                set_roles_in(&mut tx, account, roles).await?;
                account
            }
            AccessChange::NewAccount(new) => create_account_in(&mut tx, &new).await?,
        };
        if let Some(link) = link {
            create_access_link_in(&mut tx, id, link).await?;
        }
        insert_event(&mut tx, org, event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces an account's roles; every account keeps the learner role. An account closed
    /// when its person left is opened again, unless they have left (again).
    pub async fn set_roles(&self, account: AccountId, roles: Roles) -> Result<()> {
        let mut tx = self.begin_write().await?;
        set_roles_in(&mut tx, account, roles).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_language(&self, account: AccountId, language: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET language = $2 WHERE id = $1")
            .bind(account.0)
            .bind(language)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Counts a sign-in attempt for the throttle before its password is checked, and returns
    /// the attempts since `since` (unix seconds), this one included, for the email and from the
    /// address. Attempts are counted one at a time (SQLite's write lock, PostgreSQL advisory
    /// locks on the email and the address), so of any number sent at once each sees every one
    /// before it, and no more pass the limit than it allows.
    pub async fn count_sign_in_attempt(
        &self,
        email: &str,
        ip: &str,
        since: i64,
    ) -> Result<SignInAttempt> {
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => {
                let mut tx = self.begin_write().await?;
                // Always the email first, then the address: no two attempts wait on each other
                // in a circle. The two-key form keeps clear of sqlx's migration lock.
                sqlx::query(
                    "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock($1, hashtext($2))) AS l",
                )
                .bind(THROTTLE_LOCK_EMAIL)
                .bind(email)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock($1, hashtext($2))) AS l",
                )
                .bind(THROTTLE_LOCK_ADDRESS)
                .bind(ip)
                .fetch_one(&mut *tx)
                .await?;
                tx
            }
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sign_in_failures (email, ip, at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(email)
        .bind(ip)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let (by_email, by_ip) = count_failures(&mut tx, email, ip, since).await?;
        tx.commit().await?;
        Ok(SignInAttempt {
            id,
            by_email,
            by_ip,
        })
    }

    /// Takes back an attempt whose password was never checked (skillgym was too busy).
    pub async fn forget_sign_in_attempt(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failed sign-ins since `since` (unix seconds) for this email, and from this address.
    pub async fn sign_in_failures(&self, email: &str, ip: &str, since: i64) -> Result<(i64, i64)> {
        let mut conn = self.pool.acquire().await?;
        count_failures(&mut conn, email, ip, since).await
    }

    /// Forgets failures for an email after a successful sign-in, and old failures everywhere.
    pub async fn clear_sign_in_failures(&self, email: &str, older_than: i64) -> Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE email = $1 OR at < $2")
            .bind(email)
            .bind(older_than)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a single-use sign-in link (by its hash) that lets a person set their password.
    pub async fn create_access_link(
        &self,
        account: AccountId,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let link = NewAccessLink {
            token_hash: token_hash.to_string(),
            expires_at,
        };
        create_access_link_in(&mut tx, account, &link).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account an unexpired access link belongs to, if any.
    pub async fn access_link(&self, token_hash: &str) -> Result<Option<AccountId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT account_id FROM access_links WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(AccountId))
    }

    /// Uses up an access link: sets the password and deletes every link of the account, in
    /// one transaction so a link works once.
    pub async fn redeem_access_link(
        &self,
        token_hash: &str,
        password_hash: &str,
    ) -> Result<AccountId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "DELETE FROM access_links WHERE token_hash = $1 AND expires_at > $2 RETURNING account_id",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
            .bind(id)
            .bind(password_hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM access_links WHERE account_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(AccountId(id))
    }
}

async fn count_failures(
    conn: &mut AnyConnection,
    email: &str,
    ip: &str,
    since: i64,
) -> Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM sign_in_failures WHERE email = $1 AND at >= $3) AS by_email, \
                (SELECT COUNT(*) FROM sign_in_failures WHERE ip = $2 AND at >= $3) AS by_ip",
    )
    .bind(email)
    .bind(ip)
    .bind(since)
    .fetch_one(conn)
    .await?;
    Ok((row.try_get("by_email")?, row.try_get("by_ip")?))
}

/// A single-use sign-in link to keep: the hash of its token, and when it stops working (unix
/// seconds).
#[derive(Debug, Clone)]
pub struct NewAccessLink {
    pub token_hash: String,
    pub expires_at: i64,
}

async fn create_access_link_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    account: AccountId,
    link: &NewAccessLink,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO access_links (token_hash, account_id, expires_at, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(&link.token_hash)
    .bind(account.0)
    .bind(link.expires_at)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What [`Store::change_access`] does.
#[derive(Debug)]
pub enum AccessChange {
    /// The account's roles become these.
    Roles(AccountId, Roles),
    NewAccount(NewAccount),
}

async fn create_account_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: &NewAccount,
) -> Result<AccountId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (person_id, email, password_hash, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(new.person.0)
    .bind(new.email.as_str())
    .bind(&new.password_hash)
    .bind(now())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| taken_or(e, "email"))?;
    for role in new.roles.iter() {
        sqlx::query("INSERT INTO account_roles (account_id, role) VALUES ($1, $2)")
            .bind(id)
            .bind(role.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(AccountId(id))
}

/// Replaces an account's roles, as [`Store::set_roles`] says.
async fn set_roles_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    account: AccountId,
    roles: Roles,
) -> Result<()> {
    sqlx::query(
        "UPDATE accounts SET disabled = 0 WHERE id = $1 AND disabled = 1 AND person_id IN \
            (SELECT id FROM people WHERE left_on IS NULL OR left_on > $2)",
    )
    .bind(account.0)
    .bind(format_date(crate::dates::today()))
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM account_roles WHERE account_id = $1")
        .bind(account.0)
        .execute(&mut **tx)
        .await?;
    for role in roles.with(Role::Learner).iter() {
        sqlx::query("INSERT INTO account_roles (account_id, role) VALUES ($1, $2)")
            .bind(account.0)
            .bind(role.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
