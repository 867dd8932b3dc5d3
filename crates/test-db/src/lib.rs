//! A fresh, migrated database for each test, on either backend, removed when dropped.
//!
//! PostgreSQL tests create a database of their own on the server named by
//! `SKILLGYM_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`), so tests
//! run in parallel without seeing each other's data.
//!
//! [`oracle`] reads a campaign's answers row by row, independently of the product's columns,
//! for tests to check its figures against.

pub mod oracle;

use skillgym_domain::OrganisationId;
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_store::Store;
use sqlx::Connection;

/// Which backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A database that exists for one test.
pub struct TestDb {
    pub url: String,
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

fn admin_url() -> String {
    std::env::var("SKILLGYM_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into())
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let (server, _) = base
        .rsplit_once('/')
        .expect("a PostgreSQL URL names a database");
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// A store with a secret key of its own, as `skillgym serve` gives it one.
fn with_test_key(store: Store) -> Store {
    let (key, _) = skillgym_store::SecretKey::generate().expect("a random key");
    store.with_secret_key(std::sync::Arc::new(key))
}

impl TestDb {
    /// An empty, migrated database.
    pub async fn new(backend: Backend) -> Self {
        let db = Self::unmigrated(backend).await;
        db.store.migrate().await.expect("migrations apply");
        db
    }

    /// A migrated database holding the generated demo organisation of `people` people (from
    /// `seed`), with a placeholder password hash: for store tests that sign no one in.
    pub async fn with_demo(backend: Backend, people: usize, seed: u64) -> (Self, OrganisationId) {
        let db = Self::new(backend).await;
        let generated = demo::generate(&DemoOptions {
            people,
            seed,
            ..Default::default()
        });
        let org = db
            .store
            .seed_demo(&generated, "not-a-real-hash", &|_| {})
            .await
            .expect("the demo loads");
        (db, org.id)
    }

    /// An empty database with no tables yet.
    pub async fn unmigrated(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                let store = with_test_key(Store::connect(&url).await.expect("SQLite opens"));
                Self {
                    url,
                    store,
                    _dir: Some(dir),
                    postgres: None,
                }
            }
            Backend::Postgres => {
                let admin = admin_url();
                let name = format!("sg_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL is needed for this test and was not reachable at {admin} ({e}). \
                         Start it, or set SKILLGYM_TEST_POSTGRES_URL."
                    )
                });
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("a test database can be created");
                conn.close().await.ok();
                let url = with_database(&admin, &name);
                let store = with_test_key(Store::connect(&url).await.expect("PostgreSQL opens"));
                Self {
                    url,
                    store,
                    _dir: None,
                    postgres: Some((admin, name)),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside async code, so the database is removed from a thread of its own.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                }
            });
        })
        .join();
    }
}

/// Runs an async test body once on SQLite and once on PostgreSQL, as two tests.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::Backend::Postgres).await
            }
        }
    )*};
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_names_are_swapped_in_urls() {
        assert_eq!(
            super::with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
