//! Passwords, hashed with argon2id, a few at a time.

use crate::error::{AppError, AppResult};
use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::password_hash::{PasswordHasher, try_generate_salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

/// The shortest password skillgym accepts. Length beats complexity rules (NCSC guidance).
pub const MIN_LENGTH: usize = 10;

/// Hashes a password with argon2id and a fresh salt, as a PHC string.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let hash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))?;
    Ok(hash.to_string())
}

/// Argon2 of `password` and `salt` with the given settings into `out`. Its working memory
/// (19 MiB with the default parameters) is taken for this one check and given back after it:
/// skillgym's `main` has glibc give blocks this large pages of their own, so an idle server
/// keeps none of it (the binary's `memory` module). Without that, glibc's free blocks
/// fragmented and resident memory grew with each check (40 checks one after another on one
/// thread left 230 MB).
fn argon2_into(
    argon2: &Argon2<'_>,
    params: &Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> Result<(), argon2::Error> {
    let mut memory = vec![Block::new(); params.block_count()];
    argon2.hash_password_into_with_memory(password, salt, out, memory.as_mut_slice())
}

/// [`hash_password`], on a password thread.
fn hash_password_here(password: &str) -> anyhow::Result<String> {
    let fail = |e: &dyn std::fmt::Display| anyhow::anyhow!("hashing a password failed: {e}");
    let salt = try_generate_salt().map_err(|e| fail(&e))?;
    let params = Params::default();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::default(), params.clone());
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2_into(&argon2, &params, password.as_bytes(), &salt, &mut out).map_err(|e| fail(&e))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::default().into()),
        params: ParamsString::try_from(&params).map_err(|e| fail(&e))?,
        salt: Some(Salt::new(&salt).map_err(|e| fail(&e))?),
        hash: Some(Output::new(&out).map_err(|e| fail(&e))?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash` (as argon2's own
/// `verify_password` does, with its settings from the string).
fn matches_here(password: &str, hash: &str) -> bool {
    let check = || -> Option<bool> {
        let hash = PasswordHash::new(hash).ok()?;
        let (salt, expected) = (hash.salt.as_ref()?, hash.hash.as_ref()?);
        let algorithm = Algorithm::try_from(hash.algorithm.as_str()).ok()?;
        let version = match hash.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&hash).ok()?;
        let argon2 = Argon2::new(algorithm, version, params.clone());
        let mut out = vec![0u8; expected.len()];
        argon2_into(&argon2, &params, password.as_bytes(), salt, &mut out).ok()?;
        // `Output` compares in constant time.
        Some(Output::new(&out).ok()? == *expected)
    };
    check().unwrap_or(false)
}

/// Whether `password` matches `hash`. With no hash, it still spends the time a check takes,
/// so response times do not tell which email addresses have accounts.
fn verify_password(password: &str, hash: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password_here("not a real password").unwrap_or_default());
    let (hash, real) = match hash {
        Some(h) => (h, true),
        None => (dummy.as_str(), false),
    };
    matches_here(password, hash) && real
}

/// Hashing and checking passwords for the web interface. Each one takes 19 MiB and a core for
/// tens of milliseconds, so only so many run at once: a flood of sign-ins waits its turn (up to
/// a moment), then is told to come back later, instead of exhausting memory.
///
/// They run on threads of their own, no more than may run at once. On tokio's blocking pool
/// each check would often land on a new thread (the one that ran the last check has not gone
/// back to the pool when the next turn starts), and the allocator keeps a 19 MiB block for
/// every thread that ever checked one: 500 sign-ins at once left 1.3 GB resident.
pub struct PasswordChecks {
    turns: Arc<Semaphore>,
    at_once: usize,
    wait: Duration,
    workers: Workers,
}

type Job = Box<dyn FnOnce() + Send>;

/// The threads that run Argon2, started as they are first needed, up to `PasswordChecks::at_once`.
struct Workers {
    jobs: Sender<Job>,
    queue: Arc<Mutex<Receiver<Job>>>,
    started: Mutex<usize>,
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
        let (jobs, queue) = std::sync::mpsc::channel();
        Self {
            turns: Arc::new(Semaphore::new(at_once)),
            at_once,
            wait,
            workers: Workers {
                jobs,
                queue: Arc::new(Mutex::new(queue)),
                started: Mutex::new(0),
            },
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
        self.run(move || verify_password(&password, hash.as_deref()))
            .await
    }

    /// `password` hashed for storing; see [`hash_password`].
    pub async fn hash(&self, password: String) -> AppResult<String> {
        self.run(move || hash_password_here(&password))
            .await?
            .map_err(AppError::Internal)
    }

    /// Runs `work` on a password thread once it has a turn.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> AppResult<T> {
        let turn = self.turn().await?;
        let (done, answer) = oneshot::channel();
        self.workers.start_one(self.at_once)?;
        let job: Job = Box::new(move || {
            // The turn ends when the work does, even if the request was abandoned meanwhile.
            let _turn = turn;
            let _ = done.send(work());
        });
        self.workers
            .jobs
            .send(job)
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the password threads stopped")))?;
        answer
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("a password check failed")))
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

impl Workers {
    /// Starts another thread while fewer than `most` have been: with one job at most per turn,
    /// each job then finds a thread free.
    fn start_one(&self, most: usize) -> AppResult<()> {
        let mut started = self
            .started
            .lock()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("password threads lock poisoned")))?;
        if *started >= most {
            return Ok(());
        }
        let queue = self.queue.clone();
        std::thread::Builder::new()
            .name(format!("password-{started}"))
            .spawn(move || {
                loop {
                    // The lock is held only while waiting for a job, not while running it.
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    let Ok(job) = job else {
                        // Every sender is gone: skillgym is shutting down.
                        return;
                    };
                    // A panic is the job's own (its caller hears of it); the thread carries on.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                }
            })
            .map_err(|e| AppError::Internal(e.into()))?;
        *started += 1;
        Ok(())
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

    /// Hashes made in a thread's own memory and argon2's own hashes check against each other,
    /// whatever settings a stored hash was made with.
    #[test]
    fn hashes_in_reused_memory_agree_with_argon2s_own() {
        use argon2::PasswordVerifier;
        let ours = hash_password_here("correct horse battery").unwrap();
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
        assert!(matches_here("correct horse battery", &ours));
        assert!(!matches_here("correct horse batteries", &ours));
        // A hash with other settings (made by argon2 itself), then the default again: the
        // thread's memory is resized each time.
        let other = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 3, 2, None).unwrap(),
        )
        .hash_password(b"another password")
        .unwrap()
        .to_string();
        assert!(matches_here("another password", &other));
        assert!(!matches_here("correct horse battery", &other));
        assert!(matches_here("correct horse battery", &ours));
        assert!(!matches_here("correct horse battery", "not a hash"));
        assert!(!matches_here(
            "x",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ"
        ));
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

    /// However many ask, the work runs on no more threads than may run at once, so the memory
    /// the allocator keeps for them stays that of a few checks.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn checks_run_on_as_many_threads_as_may_run_at_once() {
        let work = Arc::new(PasswordChecks::new(3, Duration::from_secs(30)));
        let asks: Vec<_> = (0..40)
            .map(|_| {
                let work = work.clone();
                tokio::spawn(async move {
                    work.run(|| {
                        std::thread::sleep(Duration::from_millis(2));
                        std::thread::current().name().map(String::from)
                    })
                    .await
                })
            })
            .collect();
        let mut threads = std::collections::BTreeSet::new();
        for ask in asks {
            threads.insert(ask.await.unwrap().unwrap().unwrap());
        }
        assert!(
            threads.len() <= 3 && threads.iter().all(|t| t.starts_with("password-")),
            "{threads:?}"
        );
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
