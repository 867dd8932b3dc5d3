//! skillgym's storage: one [`Store`] over SQLite (the default, embedded) or PostgreSQL (for
//! several instances at scale).
//!
//! Queries are written once and run on both through sqlx's `Any` driver, so they keep to the
//! SQL both understand: integers for timestamps and flags, ISO 8601 text for dates, `$n`
//! placeholders. Each backend has its own migrations, and the tests run every case on both.

mod accounts;
mod analysis_columns;
mod asked;
mod audit;
mod audit_editing;
mod audit_trail;
mod backup;
mod board;
mod bookings;
mod campaign_services;
mod catalogue;
mod champions;
mod change;
mod clubs;
mod comments;
mod dates;
mod demo;
mod email_claims;
mod error;
mod evaluation;
mod find_help;
mod free_text;
mod horizon;
mod inline;
mod invitations;
mod jobs;
mod kit;
mod leavers;
mod network;
mod organisation;
mod people;
mod personal_data;
mod plans;
mod profile;
mod public_links;
mod registers;
mod secret_key;
mod services;
mod sessions;
mod single_sign_on;
mod staff;
mod survey_import;
mod team;
mod training;
mod weekly_question;
mod xapi;

pub use accounts::{
    AccessChange, AccountRecord, NewAccessLink, NewAccount, SignInAccount, SignInAttempt,
};
pub use analysis_columns::{AnalysisSnapshot, AnalysisVersion};
pub use asked::{PersonProgress, Progress, ProgressFilter};
pub use audit::{
    Campaign, CampaignArea, CampaignCompetence, CampaignSummary, FrameworkSummary, NewCampaign,
    ResponseAnswers, ResponseState, StoredFramework,
};
pub use audit_editing::{ANSWERED as CAMPAIGN_ANSWERED, UploadedPicture};
pub use audit_trail::{
    Actor, AuditAction, AuditEventRecord, AuditFilter, DETAIL_FLAGS, DETAIL_KEYS, NewAuditEvent,
};
pub use backup::{BackupRefused, check_backup};
pub use board::{BoardPost, NewBoardPost};
pub use bookings::{
    ActivitySession, Booked, BookedSession, NewSession, SESSION_REMINDER_JOB, SessionReminder,
    SessionSite,
};
pub use campaign_services::{CampaignService, SERVICE_NOT_ASKED, SERVICES_ANONYMOUS};
pub use catalogue::StoredActivity;
pub use champions::{
    ChampionRecord, HelpGiven, HelpReport, HelpRequest, HelpTopic, HelpTotals, Meeting,
    NewHelpGiven, Offer, Pairing,
};
pub use change::CampaignChoice;
pub use clubs::{Assignment, NewAssignment, Submission};
pub use comments::Comment;
pub use demo::DEMO_PUBLIC_LINK;
pub use error::StoreError;
pub use evaluation::{
    EvaluationFact, FOLLOW_UP_JOB, FollowUp, FollowUpDue, StoredFeedback, ToEvaluate,
};
pub use free_text::FreeTextResponse;
pub use horizon::{
    Clipping, NewClipping, SYNTHESIS_REMINDER_JOB, SynthesisReminderDue, WRITE_UP_EMAIL_JOB,
    WriteUp, WriteUpEmailDue,
};
pub use invitations::{
    FailedInvitation, InvitationCounts, InvitationKind, InvitationSettings, LinkTarget,
    MailCampaign, REMINDER_JOB, Recipient,
};
pub use jobs::{JOBS, Job, JobsRun, months_before};
pub use kit::{KitStatus, KitTrainedPerson, KitUseEntry, StoredKit};
pub use leavers::{Absent, AbsentPeople, AbsentPerson, StaffUpload};
pub use network::{NetworkCampaignRecord, NetworkMember, NetworkRecord, NewNetwork, Opening};
pub use organisation::{NewOrganisation, Organisation, SiteInput, SiteRecord, TeamRecord};
pub use people::{PeopleCounts, PersonFilter, PersonInput, PersonRecord, PersonSummary};
pub use personal_data::{Cell, DataTable, PersonalData, iso_time};
pub use plans::{
    CheckInDue, IssuedCredential, NewPlanStep, PLAN_CHECK_IN_JOB, Plan, PlanChange, PlanDraft,
    PlanGoal, PlanNote, PlanStep, PlanSummary, PlanWeek, PlanningPerson, WeekStep,
};
pub use profile::{AnsweredCampaign, PersonAnswers, RoleTargets};
pub use public_links::{
    PublicLink, PublicLinkMode, PublicRequest, PublicRespondent, PublicTarget, RequestCounts,
};
pub use registers::Imported;
pub use secret_key::{OpenError, SecretKey, SecretKeyError};
pub use services::{SiteConfidenceCounts, StoredService};
pub use sessions::SessionRecord;
pub use single_sign_on::{
    SINGLE_SIGN_ON_ATTEMPT_SECS, SecretsChecked, SingleSignOnAttempt, SingleSignOnInput,
    SingleSignOnMatch, SingleSignOnSettings,
};
pub use staff::{ImportOutcome, ImportRefused, StaffKnown};
pub use survey_import::{
    SavedMapping, SurveyOutcome, SurveyRefused, SurveyUpload, targets as survey_targets,
};
pub use team::{TeamCampaign, TeamMember};
pub use training::{
    Completion, CompletionSource, CompletionsRefused, DigestDue, EvidenceFile, Matrix, MatrixRow,
    Needed, NewRequirement, Requirement, Standing, StateCounts, TRAINING_DIGEST_JOB,
};
pub use weekly_question::{NewAnswer, QUESTION_DIGEST_JOB, QuestionDigestDue, WeeklyQuestion};
pub use xapi::{NewXapiClient, StatementCursor, StatementsStored, XapiClient};

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};
use std::time::Duration;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The one way skillgym reads and writes its data.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// On SQLite, reads on the calling thread for the queries every page makes (see `inline`).
    inline: Option<std::sync::Arc<inline::InlineReader>>,
    /// Seals and opens secrets kept in the database; see [`Store::with_secret_key`].
    secret_key: Option<std::sync::Arc<SecretKey>>,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl Store {
    /// Begins a transaction that will write. On SQLite it takes the write lock at once: a
    /// transaction that began by reading is refused at once ("database is locked") when it comes
    /// to write while another connection holds the lock, whatever the busy timeout, where one
    /// that begins with the lock waits its turn.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Connects to `url` (`sqlite://PATH` or `postgres://…`), creating a SQLite file if missing.
    pub async fn connect(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let pool = match backend {
            Backend::Sqlite => {
                let url = if url.contains('?') {
                    url.to_string()
                } else {
                    format!("{url}?mode=rwc")
                };
                options
                    .max_connections(8)
                    // An embedded database's connection cannot have been dropped by a server,
                    // and each ping is one more trip to the connection's thread per query.
                    .test_before_acquire(false)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // WAL lets readers run while one writer writes; the busy timeout
                            // makes a second writer wait instead of failing at once.
                            for pragma in [
                                "PRAGMA journal_mode = WAL",
                                "PRAGMA synchronous = NORMAL",
                                "PRAGMA foreign_keys = ON",
                                "PRAGMA busy_timeout = 10000",
                            ] {
                                conn.execute(pragma).await?;
                            }
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Backend::Postgres => options.max_connections(16).connect(url).await?,
        };
        let inline = match backend {
            Backend::Sqlite => inline::InlineReader::for_url(url).map(std::sync::Arc::new),
            Backend::Postgres => None,
        };
        Ok(Self {
            pool,
            backend,
            inline,
            secret_key: None,
        })
    }

    /// Uses `key` to encrypt the secrets the store keeps (the OpenID Connect client secret)
    /// and to decrypt them. Without one, they cannot be saved or read.
    pub fn with_secret_key(mut self, key: std::sync::Arc<SecretKey>) -> Self {
        self.secret_key = Some(key);
        self
    }

    /// Applies the backend's migrations that have not run yet, then brings campaigns' copies
    /// of redrawn shipped pictures up to date. Safe to run from several instances at once on
    /// PostgreSQL, where sqlx takes an advisory lock (and the redrawing is idempotent).
    pub async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        self.redraw_shipped_pictures().await?;
        self.give_organisations_slugs().await?;
        Ok(())
    }

    /// The key that signs password-free audit links, derived from the secret key (see
    /// [`SecretKey::audit_link_key`]); without a secret key no link can be made or checked.
    pub fn audit_link_key(&self) -> Result<&[u8]> {
        self.secret_key
            .as_deref()
            .map(SecretKey::audit_link_key)
            .ok_or(StoreError::NoSecretKey)
    }

    /// The seed of the Open Badges issuer's signing key (see [`SecretKey::badge_seed`]).
    pub fn badge_seed(&self) -> Result<[u8; 32]> {
        self.secret_key
            .as_deref()
            .map(SecretKey::badge_seed)
            .ok_or(StoreError::NoSecretKey)
    }

    /// Whether the database answers a trivial query.
    pub async fn health(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// SQL joining a column's texts of a group with commas, in either backend's words.
    pub(crate) fn joined(&self, expr: &str) -> String {
        match self.backend {
            Backend::Sqlite => format!("group_concat({expr}, ',')"),
            Backend::Postgres => format!("string_agg({expr}, ',')"),
        }
    }

    /// The roles in a row's `roles` column, joined by [`Store::joined`]; unknown ones (from a
    /// newer version) are skipped.
    pub(crate) fn joined_roles(row: &(impl Fields + ?Sized)) -> Result<skillgym_domain::Roles> {
        let held: Option<String> = row.field("roles")?;
        Ok(held
            .iter()
            .flat_map(|r| r.split(','))
            .filter_map(|r| skillgym_domain::Role::parse(r).ok())
            .collect())
    }

    /// Closes every connection, waiting for queries under way.
    pub async fn close(&self) {
        if let Some(inline) = &self.inline {
            inline.close();
        }
        self.pool.close().await;
    }
}

/// The file of a `sqlite://` URL, without its options; `None` for PostgreSQL.
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    Some(std::path::PathBuf::from(path))
}

/// The current time in unix seconds, the form every timestamp is stored in.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn flag(row: &(impl Fields + ?Sized), column: &str) -> Result<bool> {
    Ok(row.field::<i64>(column)? != 0)
}

/// A row from either way of reading: sqlx's (both backends) or the inline reader's (SQLite on
/// the calling thread), so that one function decodes a record whichever read it.
pub(crate) trait Fields {
    fn field<T: Field>(&self, column: &str) -> Result<T>;
}

/// A value both ways of reading can decode.
pub(crate) trait Field:
    for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + rusqlite::types::FromSql
{
}

impl<T> Field for T where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + rusqlite::types::FromSql
{
}

impl Fields for AnyRow {
    fn field<T: Field>(&self, column: &str) -> Result<T> {
        Ok(self.try_get(column)?)
    }
}

impl Fields for rusqlite::Row<'_> {
    fn field<T: Field>(&self, column: &str) -> Result<T> {
        Ok(self.get(column)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reads every page makes go through the inline reader on a SQLite file, and through
    /// sqlx where there is no file to share (in memory) or on PostgreSQL.
    #[tokio::test]
    async fn a_sqlite_file_is_read_inline() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = Store::connect(&url).await.unwrap();
        assert!(store.inline.is_some());
        store.migrate().await.unwrap();
        // With sqlx's connections closed, the session is still read (and found missing).
        store.pool.close().await;
        assert!(store.session("no such token", 0).await.unwrap().is_none());
        store.close().await;
        let memory = Store::connect("sqlite::memory:").await.unwrap();
        assert!(memory.inline.is_none());
    }
}
