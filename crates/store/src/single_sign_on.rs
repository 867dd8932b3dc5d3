//! Single sign-on: each organisation's OpenID Connect provider, the sign-ins under way (kept
//! here, not in memory, so any instance can take the provider's callback), and finding the
//! person a provider vouches for.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::error::taken_or;
use crate::{NewAccount, Result, Store, StoreError, flag, now};
use skillgym_domain::leavers::Departure;
use skillgym_domain::{AccountId, Email, OrganisationId, PersonId, Roles};
use sqlx::Row;
use sqlx::any::AnyRow;

/// An organisation's OpenID Connect provider, as stored.
#[derive(Clone)]
pub struct SingleSignOnSettings {
    pub issuer_url: String,
    pub client_id: String,
    /// The client secret, decrypted; `None` when this instance's secret key cannot decrypt
    /// it (another key sealed it, or no key was given): single sign-on cannot work until the
    /// instances share one key or an admin types the secret again.
    pub client_secret: Option<String>,
    /// The ID token claim that carries an employee number, if any.
    pub employee_number_claim: Option<String>,
}

impl std::fmt::Debug for SingleSignOnSettings {
    // The secret never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SingleSignOnSettings")
            .field("issuer_url", &self.issuer_url)
            .field("client_id", &self.client_id)
            .field("employee_number_claim", &self.employee_number_claim)
            .finish_non_exhaustive()
    }
}

/// What an admin saves on the settings page.
#[derive(Debug, Clone)]
pub struct SingleSignOnInput {
    pub issuer_url: String,
    pub client_id: String,
    /// `None` keeps the secret stored before.
    pub client_secret: Option<String>,
    pub employee_number_claim: Option<String>,
    pub password_sign_in: bool,
}

/// A sign-in sent to the provider and not yet come back.
#[derive(Debug, Clone)]
pub struct SingleSignOnAttempt {
    /// The organisation whose provider it went to.
    pub organisation: OrganisationId,
    pub nonce: String,
    pub pkce_verifier: String,
    pub browser_hash: String,
}

/// Whom a provider's claims point at.
#[derive(Debug, Clone)]
pub struct SingleSignOnMatch {
    pub person_id: PersonId,
    pub person_email: Option<String>,
    /// Their "left on" day has come.
    pub left: bool,
    /// The person's account, and whether it is disabled.
    pub account: Option<(AccountId, bool)>,
    /// The provider identity (issuer, subject) the account was first signed into with.
    pub identity: Option<(String, String)>,
}

/// What a client secret is sealed to: its purpose and its organisation, so a sealed value
/// copied to another row does not open.
fn secret_context(org: OrganisationId) -> String {
    format!("oidc-client-secret:{}", org.0)
}

/// What starting up found among the stored client secrets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SecretsChecked {
    /// Secrets saved before encryption, now sealed.
    pub sealed: u64,
    /// Sealed secrets this instance's key does not open.
    pub unreadable: u64,
}

fn match_from(row: &AnyRow) -> Result<SingleSignOnMatch> {
    let account: Option<i64> = row.try_get("account_id")?;
    let disabled: Option<i64> = row.try_get("disabled")?;
    let left_on = crate::dates::optional_date(row, "left_on")?;
    let issuer: Option<String> = row.try_get("sso_issuer")?;
    let subject: Option<String> = row.try_get("sso_subject")?;
    Ok(SingleSignOnMatch {
        person_id: PersonId(row.try_get("person_id")?),
        person_email: row.try_get("email")?,
        left: Departure::on(left_on, crate::dates::today()).has_left(),
        account: account.map(|a| (AccountId(a), disabled.unwrap_or(0) != 0)),
        identity: issuer.zip(subject),
    })
}

/// How long a sign-in may spend at the provider.
pub const SINGLE_SIGN_ON_ATTEMPT_SECS: i64 = 10 * 60;

const MATCH_COLUMNS: &str = "p.id AS person_id, p.email, p.left_on, a.id AS account_id, \
     a.disabled, a.sso_issuer, a.sso_subject";

impl Store {
    /// The organisation's provider, if single sign-on is set up.
    pub async fn single_sign_on(
        &self,
        org: OrganisationId,
    ) -> Result<Option<SingleSignOnSettings>> {
        let row = sqlx::query(
            "SELECT issuer_url, client_id, client_secret, client_secret_sealed, \
                    employee_number_claim \
             FROM single_sign_on WHERE organisation_id = $1",
        )
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let stored: String = row.try_get("client_secret")?;
        let client_secret = if flag(&row, "client_secret_sealed")? {
            match &self.secret_key {
                Some(key) => match key.open(&stored, &secret_context(org)) {
                    Ok(secret) => Some(secret),
                    Err(e) => {
                        tracing::error!(
                            error = %e,
                            "single sign-on: the client secret cannot be decrypted with this \
                             instance's secret key; give every instance the same key"
                        );
                        None
                    }
                },
                None => None,
            }
        } else {
            // Saved before secrets were encrypted; sealed when skillgym next starts.
            Some(stored)
        };
        Ok(Some(SingleSignOnSettings {
            issuer_url: row.try_get("issuer_url")?,
            client_id: row.try_get("client_id")?,
            client_secret,
            employee_number_claim: row.try_get("employee_number_claim")?,
        }))
    }

    /// Encrypts any client secret saved before encryption, and counts those this instance's
    /// key cannot decrypt. Run when skillgym starts.
    pub async fn seal_stored_secrets(&self) -> Result<SecretsChecked> {
        let rows = sqlx::query(
            "SELECT organisation_id, client_secret, client_secret_sealed FROM single_sign_on",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut checked = SecretsChecked::default();
        for row in &rows {
            let org = OrganisationId(row.try_get("organisation_id")?);
            let stored: String = row.try_get("client_secret")?;
            let key = self.secret_key.as_ref().ok_or(StoreError::NoSecretKey)?;
            if flag(row, "client_secret_sealed")? {
                if key.open(&stored, &secret_context(org)).is_err() {
                    checked.unreadable += 1;
                }
                continue;
            }
            // Only if it is still the plaintext read: another instance may be sealing too.
            let done = sqlx::query(
                "UPDATE single_sign_on SET client_secret = $2, client_secret_sealed = 1 \
                 WHERE organisation_id = $1 AND client_secret_sealed = 0 AND client_secret = $3",
            )
            .bind(org.0)
            .bind(key.seal(&stored, &secret_context(org)))
            .bind(&stored)
            .execute(&self.pool)
            .await?;
            checked.sealed += done.rows_affected();
        }
        Ok(checked)
    }

    /// Saves the provider and whether passwords still work, together, the secret encrypted.
    /// With no secret given, the stored one is kept; there must be one. A change to password
    /// sign-in is recorded in the audit trail as done by `actor`.
    pub async fn save_single_sign_on(
        &self,
        org: OrganisationId,
        input: &SingleSignOnInput,
        actor: Actor,
    ) -> Result<()> {
        let sealed = match &input.client_secret {
            Some(secret) => {
                let key = self.secret_key.as_ref().ok_or(StoreError::NoSecretKey)?;
                Some(key.seal(secret, &secret_context(org)))
            }
            None => None,
        };
        let mut tx = self.begin_write().await?;
        let was: Option<i64> =
            sqlx::query_scalar("SELECT password_sign_in FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        let issuer_was: Option<String> =
            sqlx::query_scalar("SELECT issuer_url FROM single_sign_on WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        let done = sqlx::query(
            "UPDATE single_sign_on SET issuer_url = $2, client_id = $3, \
                    client_secret = COALESCE($4, client_secret), \
                    client_secret_sealed = CASE WHEN $4 IS NULL THEN client_secret_sealed \
                                                ELSE 1 END, \
                    employee_number_claim = $5, updated_at = $6 \
             WHERE organisation_id = $1",
        )
        .bind(org.0)
        .bind(&input.issuer_url)
        .bind(&input.client_id)
        .bind(&sealed)
        .bind(&input.employee_number_claim)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            let secret = sealed.as_ref().ok_or(StoreError::NotFound)?;
            sqlx::query(
                "INSERT INTO single_sign_on \
                    (organisation_id, issuer_url, client_id, client_secret, client_secret_sealed, \
                     employee_number_claim, updated_at) \
                 VALUES ($1, $2, $3, $4, 1, $5, $6)",
            )
            .bind(org.0)
            .bind(&input.issuer_url)
            .bind(&input.client_id)
            .bind(secret)
            .bind(&input.employee_number_claim)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE organisations SET password_sign_in = $2 WHERE id = $1")
            .bind(org.0)
            .bind(i64::from(input.password_sign_in))
            .execute(&mut *tx)
            .await?;
        if was.is_some_and(|was| (was != 0) != input.password_sign_in) {
            let event = NewAuditEvent::new(actor, AuditAction::SignInChanged, None).with_flag(
                if input.password_sign_in {
                    "passwords-on"
                } else {
                    "passwords-off"
                },
            );
            insert_event(&mut tx, org, &event).await?;
        }
        if issuer_was.is_some_and(|was| was != input.issuer_url) {
            // Another provider names people with other subjects: the links to the old one's
            // would refuse everyone. Each account is linked again at its next sign-in.
            let forgotten = sqlx::query(
                "UPDATE accounts SET sso_issuer = NULL, sso_subject = NULL \
                 WHERE sso_subject IS NOT NULL \
                   AND person_id IN (SELECT id FROM people WHERE organisation_id = $1)",
            )
            .bind(org.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let event = NewAuditEvent::new(actor, AuditAction::SignInChanged, None)
                .with_flag("issuer-changed")
                .with("identities-forgotten", forgotten);
            insert_event(&mut tx, org, &event).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether people may sign in with a password: always, unless single sign-on is set up
    /// and the admin turned passwords off. Read fresh, not from a cache, so every instance
    /// agrees at once.
    pub async fn password_sign_in_allowed(&self, org: OrganisationId) -> Result<bool> {
        let row = sqlx::query(
            "SELECT o.password_sign_in, \
                    (SELECT COUNT(*) FROM single_sign_on s WHERE s.organisation_id = o.id) AS sso \
             FROM organisations o WHERE o.id = $1",
        )
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(true) };
        Ok(flag(&row, "password_sign_in")? || row.try_get::<i64, _>("sso")? == 0)
    }

    /// Turns password sign-in on or off by itself, recording who did it in the audit trail:
    /// the way back in for admins when single sign-on breaks. Turning it off needs single
    /// sign-on set up (or nobody could sign in): `StoreError::NotFound` otherwise. `false`
    /// when it was already so (nothing is recorded then).
    pub async fn set_password_sign_in(
        &self,
        org: OrganisationId,
        on: bool,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT o.password_sign_in, \
                    (SELECT COUNT(*) FROM single_sign_on s WHERE s.organisation_id = o.id) AS sso \
             FROM organisations o WHERE o.id = $1",
        )
        .bind(org.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        if !on && row.try_get::<i64, _>("sso")? == 0 {
            return Err(StoreError::NotFound);
        }
        if flag(&row, "password_sign_in")? == on {
            return Ok(false);
        }
        sqlx::query("UPDATE organisations SET password_sign_in = $2 WHERE id = $1")
            .bind(org.0)
            .bind(i64::from(on))
            .execute(&mut *tx)
            .await?;
        let event = NewAuditEvent::new(actor, AuditAction::SignInChanged, None).with_flag(if on {
            "passwords-on"
        } else {
            "passwords-off"
        });
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Remembers a sign-in sent to the provider (by its state's hash), and forgets expired ones.
    pub async fn create_single_sign_on_attempt(
        &self,
        state_hash: &str,
        attempt: &SingleSignOnAttempt,
    ) -> Result<()> {
        sqlx::query("DELETE FROM single_sign_on_attempts WHERE expires_at <= $1")
            .bind(now())
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO single_sign_on_attempts \
                (state_hash, nonce, pkce_verifier, browser_hash, expires_at, organisation_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(state_hash)
        .bind(&attempt.nonce)
        .bind(&attempt.pkce_verifier)
        .bind(&attempt.browser_hash)
        .bind(now() + SINGLE_SIGN_ON_ATTEMPT_SECS)
        .bind(attempt.organisation.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Uses up the sign-in with this state: it is deleted whatever happens next, so a
    /// callback works once. `None` when it is unknown, used or expired.
    pub async fn take_single_sign_on_attempt(
        &self,
        state_hash: &str,
    ) -> Result<Option<SingleSignOnAttempt>> {
        let row = sqlx::query(
            "DELETE FROM single_sign_on_attempts WHERE state_hash = $1 \
             RETURNING nonce, pkce_verifier, browser_hash, expires_at, organisation_id",
        )
        .bind(state_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let organisation: Option<i64> = row.try_get("organisation_id")?;
        let Some(organisation) = organisation.filter(|_| {
            row.try_get::<i64, _>("expires_at")
                .is_ok_and(|at| at > now())
        }) else {
            return Ok(None);
        };
        Ok(Some(SingleSignOnAttempt {
            organisation: OrganisationId(organisation),
            nonce: row.try_get("nonce")?,
            pkce_verifier: row.try_get("pkce_verifier")?,
            browser_hash: row.try_get("browser_hash")?,
        }))
    }

    /// The person a provider vouches for: by the account's or the person's email, or else by
    /// employee number. `None` when nobody in the organisation matches.
    pub async fn single_sign_on_match(
        &self,
        org: OrganisationId,
        email: Option<&Email>,
        employee_number: Option<&str>,
    ) -> Result<Option<SingleSignOnMatch>> {
        if let Some(email) = email {
            let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {MATCH_COLUMNS} FROM people p LEFT JOIN accounts a ON a.person_id = p.id \
                 WHERE p.organisation_id = $1 AND (a.email = $2 OR p.email = $2) \
                 ORDER BY a.id LIMIT 1"
            )))
            .bind(org.0)
            .bind(email.as_str())
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = row {
                return match_from(&row).map(Some);
            }
        }
        if let Some(number) = employee_number.filter(|n| !n.is_empty()) {
            let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {MATCH_COLUMNS} FROM people p LEFT JOIN accounts a ON a.person_id = p.id \
                 WHERE p.organisation_id = $1 AND p.employee_number = $2"
            )))
            .bind(org.0)
            .bind(number)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = row {
                return match_from(&row).map(Some);
            }
        }
        Ok(None)
    }

    /// The account the provider identity (`issuer`, `subject`) signed into before, in this
    /// organisation: once linked, an account is found by that pair alone.
    pub async fn single_sign_on_identity(
        &self,
        org: OrganisationId,
        issuer: &str,
        subject: &str,
    ) -> Result<Option<SingleSignOnMatch>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MATCH_COLUMNS} FROM accounts a JOIN people p ON p.id = a.person_id \
             WHERE p.organisation_id = $1 AND a.sso_issuer = $2 AND a.sso_subject = $3"
        )))
        .bind(org.0)
        .bind(issuer)
        .bind(subject)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(match_from).transpose()
    }

    /// Links `account` to the provider identity that first signed into it. `false` when it is
    /// linked already (to anyone, maybe at the same moment) or the identity is linked to
    /// another account: then the identity does not sign into it.
    pub async fn link_single_sign_on_identity(
        &self,
        account: AccountId,
        issuer: &str,
        subject: &str,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE accounts SET sso_issuer = $2, sso_subject = $3 \
             WHERE id = $1 AND sso_subject IS NULL",
        )
        .bind(account.0)
        .bind(issuer)
        .bind(subject)
        .execute(&self.pool)
        .await;
        match done {
            Ok(done) => Ok(done.rows_affected() == 1),
            Err(e) => match taken_or(e, "sso_identity") {
                StoreError::Taken(_) => Ok(false),
                e => Err(e),
            },
        }
    }

    /// Gives a person who signed in through the provider for the first time an account: the
    /// learner role only, and no password.
    pub async fn create_single_sign_on_account(
        &self,
        person: PersonId,
        email: &Email,
    ) -> Result<AccountId> {
        self.create_account(&NewAccount {
            person,
            email: email.clone(),
            password_hash: None,
            roles: Roles::default(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Database(e) => taken_or(e, "email"),
            e => e,
        })
    }
}
