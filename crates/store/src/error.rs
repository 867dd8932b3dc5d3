use thiserror::Error;

/// What can go wrong in storage.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("DATABASE_URL must start with sqlite:// or postgres://")]
    UnsupportedUrl,
    #[error("not found")]
    NotFound,
    /// A uniqueness rule would be broken; the name says which (e.g. "email", "code").
    #[error("{0} is already taken")]
    Taken(&'static str),
    /// A rule of the data refused what was asked (a service of another organisation, a
    /// volunteer who is not one); the Fluent message id says which, for the form to show.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A secret must be encrypted and the store was given no key to do it with.
    #[error("no secret key was given to encrypt secrets with")]
    NoSecretKey,
    /// A staff import would mark more than half of the current people as having left, and
    /// that was not confirmed.
    #[error("{absent} of {current} people would be marked as having left")]
    MostWouldLeave { absent: u64, current: u64 },
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// From a read on the calling thread (SQLite only; see `inline`).
    #[error(transparent)]
    Inline(#[from] rusqlite::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// True when the database could not be reached, rather than refusing the query.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Database(
                sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed,
            ) => true,
            // PostgreSQL shutting down or restarting: "terminating connection due to
            // administrator command", a crash shutdown, "the database system is starting up".
            StoreError::Database(sqlx::Error::Database(e)) => {
                matches!(e.code().as_deref(), Some("57P01" | "57P02" | "57P03"))
            }
            StoreError::Inline(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy
                    | rusqlite::ErrorCode::DatabaseLocked
                    | rusqlite::ErrorCode::CannotOpen
            ),
            _ => false,
        }
    }
}

/// Maps a unique-constraint failure to [`StoreError::Taken`], other errors unchanged.
pub(crate) fn taken_or(err: sqlx::Error, what: &'static str) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        return StoreError::Taken(what);
    }
    StoreError::Database(err)
}
