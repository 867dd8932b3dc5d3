//! Passwords, hashed with argon2id, a few at a time.

use crate::error::{AppError, AppResult};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The shortest password skillgym accepts. Length beats complexity rules (NCSC guidance).
pub const MIN_LENGTH: usize = 10;

/// Hashes a password with argon2id and a fresh salt, as a PHC string.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let hash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches `hash`. With no hash, it still spends the time a check takes,
/// so response times do not tell which email addresses have accounts.
fn verify_password(password: &str, hash: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let (hash, real) = match hash {
        Some(h) => (h, true),
        None => (dummy.as_str(), false),
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok();
    matches && real
}

/// Hashing and checking passwords for the web interface. Each one takes 19 MiB and a core for
/// tens of milliseconds, so only so many run at once: a flood of sign-ins waits its turn (up to
/// a moment), then is told to come back later, instead of exhausting memory.
pub struct PasswordChecks {
    turns: Arc<Semaphore>,
    at_once: usize,
    wait: Duration,
}

/// A turn to hash or check a password; the next one may start when it is dropped.
pub struct PasswordTurn {
    _permit: OwnedSemaphorePermit,
}

impl std::fmt::Debug for PasswordChecks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordChecks")
            .field("at_once", &self.at_once)
            .field("wait", &self.wait)
            .finish()
    }
}

impl Default for PasswordChecks {
    /// Two at once for each core skillgym may use; others wait up to [`Self::WAIT`].
    fn default() -> Self {
        Self::new(Self::default_at_once(), Self::WAIT)
    }
}

impl PasswordChecks {
    /// How long a sign-in waits for its turn before it is asked to come back: long enough to
    /// ride out a burst, short enough that a flood does not pile up.
    pub const WAIT: Duration = Duration::from_secs(2);

    /// At most `at_once` hashes or checks at a time (at least one), each waiting up to `wait`
    /// for its turn.
    pub fn new(at_once: usize, wait: Duration) -> Self {
        let at_once = at_once.max(1);
        Self {
            turns: Arc::new(Semaphore::new(at_once)),
            at_once,
            wait,
        }
    }

    /// Two for each core skillgym may use.
    pub fn default_at_once() -> usize {
        2 * std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// How many may run at once.
    pub fn at_once(&self) -> usize {
        self.at_once
    }

    /// Whether `password` matches `hash`; see [`verify_password`].
    pub async fn verify(&self, password: String, hash: Option<String>) -> AppResult<bool> {
        let turn = self.turn().await?;
        tokio::task::spawn_blocking(move || {
            // The turn ends when the check does, even if the request is abandoned first.
            let _turn = turn;
            verify_password(&password, hash.as_deref())
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))
    }

    /// `password` hashed for storing; see [`hash_password`].
    pub async fn hash(&self, password: String) -> AppResult<String> {
        let turn = self.turn().await?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            hash_password(&password)
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Internal)
    }

    /// Takes a turn now if one is free, outside any request: held, it keeps a hash or check
    /// from starting (how the tests show what waiting looks like).
    pub fn try_take_turn(&self) -> Option<PasswordTurn> {
        self.turns
            .clone()
            .try_acquire_owned()
            .ok()
            .map(|p| PasswordTurn { _permit: p })
    }

    async fn turn(&self) -> AppResult<PasswordTurn> {
        if let Some(turn) = self.try_take_turn() {
            return Ok(turn);
        }
        match tokio::time::timeout(self.wait, self.turns.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(PasswordTurn { _permit: permit }),
            Ok(Err(closed)) => Err(AppError::Internal(closed.into())),
            Err(_) => {
                tracing::warn!("too many password checks at once: asked to come back later");
                Err(AppError::Busy)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("wrong", Some(&hash)));
        assert!(!verify_password("correct horse battery", None));
    }

    #[tokio::test]
    async fn no_more_run_at_once_than_allowed_and_the_rest_are_told_to_retry() {
        let work = PasswordChecks::new(1, Duration::from_millis(0));
        let held = work.try_take_turn().unwrap();
        assert!(matches!(
            work.verify("x".into(), None).await,
            Err(AppError::Busy)
        ));
        assert!(matches!(work.hash("x".into()).await, Err(AppError::Busy)));
        drop(held);
        assert!(!work.verify("x".into(), None).await.unwrap());
        // A wait long enough for the turn to come back.
        let work = Arc::new(PasswordChecks::new(1, Duration::from_secs(10)));
        let held = work.try_take_turn().unwrap();
        let waiting = tokio::spawn({
            let work = work.clone();
            async move { work.hash("a long password".into()).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "waits for its turn");
        drop(held);
        assert!(waiting.await.unwrap().unwrap().starts_with("$argon2id$"));
    }

    #[tokio::test]
    async fn by_default_two_run_per_core_and_the_next_waits_two_seconds() {
        let cores = std::thread::available_parallelism().unwrap().get();
        let work = PasswordChecks::default();
        assert_eq!(work.at_once(), 2 * cores);
        let held: Vec<_> = (0..2 * cores)
            .map(|_| work.try_take_turn().expect("a free turn"))
            .collect();
        assert!(work.try_take_turn().is_none(), "no more than two per core");
        let started = std::time::Instant::now();
        assert!(matches!(
            work.verify("x".into(), None).await,
            Err(AppError::Busy)
        ));
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(2) && waited < Duration::from_secs(4),
            "{waited:?}"
        );
        drop(held);
    }
}
