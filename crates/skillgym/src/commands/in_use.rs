//! Who is using a SQLite database: every skillgym process that opens one holds a shared lock
//! on the file `DATABASE.in-use` beside it, and `restore` holds it exclusively while it
//! replaces the database. The locks are advisory `flock` locks: the operating system drops
//! them when the process ends, however it ends, so a crash never leaves the database locked.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Locks held until the process ends.
static HELD: Mutex<Vec<File>> = Mutex::new(Vec::new());

/// Why the lock could not be taken.
pub enum Refused {
    /// Another process holds it the other way; its process ids, when they can be found.
    Held(Vec<u32>),
    Io(std::io::Error),
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Self {
        Refused::Io(e)
    }
}

/// The file of a `sqlite://` URL; `None` for PostgreSQL.
pub use skillgym_store::sqlite_file as sqlite_path;

/// The lock file of the SQLite database at `database`.
pub fn lock_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".in-use");
    PathBuf::from(name)
}

fn open_lock(database: &Path) -> std::io::Result<File> {
    File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_file(database))
}

/// Notes that this process uses the database, until it ends: any number of processes may
/// share it, but not while a restore replaces it.
pub fn share(database: &Path) -> Result<(), Refused> {
    let file = open_lock(database)?;
    match file.try_lock_shared() {
        Ok(()) => {
            HELD.lock().unwrap_or_else(|e| e.into_inner()).push(file);
            Ok(())
        }
        Err(std::fs::TryLockError::WouldBlock) => Err(Refused::Held(holders(&file))),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Takes the database for this process alone, if no other process uses it. Released when
/// the returned file is dropped.
pub fn take(database: &Path) -> Result<File, Refused> {
    let file = open_lock(database)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Refused::Held(holders(&file))),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// The processes holding a lock on `file`, from Linux's `/proc/locks` (empty elsewhere, or
/// when they cannot be seen).
fn holders(file: &File) -> Vec<u32> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = file.metadata() else {
        return Vec::new();
    };
    let Ok(table) = std::fs::read_to_string("/proc/locks") else {
        return Vec::new();
    };
    let mut pids = holders_in(&table, meta.dev(), meta.ino());
    pids.retain(|pid| *pid != std::process::id());
    pids.sort_unstable();
    pids.dedup();
    pids
}

/// Lines of `/proc/locks` look like `1: FLOCK  ADVISORY  READ 4242 08:01:393219 0 EOF`; a
/// waiter's line has `->` after the number and holds nothing.
fn holders_in(table: &str, dev: u64, ino: u64) -> Vec<u32> {
    // Linux's dev_t: the major number in bits 8..20 and 32.., the minor in bits 0..8 and 20..
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    table
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.get(1) == Some(&"->") || fields.len() < 6 {
                return None;
            }
            let mut id = fields[5].split(':');
            let (ma, mi, i) = (id.next()?, id.next()?, id.next()?);
            let same = u64::from_str_radix(ma, 16).ok()? == major
                && u64::from_str_radix(mi, 16).ok()? == minor
                && i.parse::<u64>().ok()? == ino;
            same.then(|| fields[4].parse().ok()).flatten()
        })
        .collect()
}

/// Process ids as a list for a message.
pub fn list(pids: &[u32]) -> String {
    pids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_path("sqlite://data/skillgym.db?mode=rwc"),
            Some(PathBuf::from("data/skillgym.db"))
        );
        assert_eq!(sqlite_path("postgres://db/skillgym"), None);
    }

    #[test]
    fn holders_are_read_from_proc_locks() {
        let table = "1: FLOCK  ADVISORY  WRITE 4242 fd:01:393219 0 EOF\n\
                     1: -> FLOCK  ADVISORY  READ 5151 fd:01:393219 0 EOF\n\
                     2: FLOCK  ADVISORY  READ 77 fd:01:11 0 EOF\n\
                     3: POSIX  ADVISORY  READ 88 08:02:393219 0 EOF\n";
        // Device fd:01 is major 253, minor 1.
        let dev = (253 << 8) | 1;
        assert_eq!(holders_in(table, dev, 393219), vec![4242]);
        assert_eq!(holders_in(table, dev, 11), vec![77]);
    }

    #[test]
    fn a_lock_taken_by_this_process_is_found_in_proc_locks() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let held = take(&db).ok().unwrap();
        use std::os::unix::fs::MetadataExt;
        let meta = held.metadata().unwrap();
        let table = std::fs::read_to_string("/proc/locks").unwrap();
        assert!(holders_in(&table, meta.dev(), meta.ino()).contains(&std::process::id()));
    }
}
