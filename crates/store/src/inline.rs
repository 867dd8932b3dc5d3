//! SQLite reads on the calling thread, for the few queries every page makes.
//!
//! sqlx runs each SQLite connection on a thread of its own, so each query is handed to that
//! thread and its rows handed back: under load most of a page's time went on the kernel
//! switching threads, not on SQLite (docs/performance.md, "Where the time goes"). A read of a
//! few rows by primary key takes microseconds, less than the hand-over, so the session and the
//! home page read through connections of their own, here, on the thread that serves the
//! request. Everything else, and every write, goes through sqlx.
//!
//! The connections are opened on the same file, refuse writes (`query_only`), and read in WAL
//! mode, where a reader never waits for a writer. They are kept for the next read; at most
//! [`KEPT`] are kept, more are opened while many requests read at once.

use crate::Result;
use rusqlite::{Connection, OpenFlags, Statement, ToSql};
use std::path::PathBuf;
use std::sync::Mutex;

/// Connections kept between reads: one per core is plenty, as each read holds one only while
/// it runs.
const KEPT: usize = 8;

pub(crate) struct InlineReader {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl InlineReader {
    /// A reader for the database file of `url` (`sqlite://PATH?…`), or none for a database
    /// only in memory, which other connections would not see.
    pub(crate) fn for_url(url: &str) -> Option<Self> {
        let path = crate::sqlite_file(url)?;
        let in_memory = path.as_os_str().is_empty()
            || path.as_os_str() == ":memory:"
            || url.contains("mode=memory");
        (!in_memory).then(|| Self {
            path,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Runs `read` on a connection of its own, on this thread.
    pub(crate) fn read<T>(&self, read: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let kept = self.idle.lock().expect("inline reader lock").pop();
        let conn = match kept {
            Some(conn) => conn,
            None => self.open()?,
        };
        let out = read(&conn);
        let mut idle = self.idle.lock().expect("inline reader lock");
        if idle.len() < KEPT {
            idle.push(conn);
        }
        out
    }

    /// Closes the kept connections; reads after this open new ones.
    pub(crate) fn close(&self) {
        self.idle.lock().expect("inline reader lock").clear();
    }

    fn open(&self) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // A reader in WAL mode waits only while the log is being recovered after a crash.
        conn.busy_timeout(std::time::Duration::from_secs(1))?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }
}

/// Binds `args` to a statement written with `$1`, `$2`… as every query of the store is: the
/// `$n` parameter takes `args[n - 1]`.
pub(crate) fn bind(statement: &mut Statement<'_>, args: &[&dyn ToSql]) -> Result<()> {
    for index in 1..=statement.parameter_count() {
        let n = statement
            .parameter_name(index)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=args.len()).contains(n))
            .ok_or_else(|| crate::StoreError::Corrupt(format!("parameter {index} unbound")))?;
        statement.raw_bind_parameter(index, args[n - 1])?;
    }
    Ok(())
}

/// The rows of a `$n`-style query, each decoded by `decode` (a function of [`crate::Fields`]).
pub(crate) fn rows<T>(
    conn: &Connection,
    sql: &str,
    args: &[&dyn ToSql],
    mut decode: impl FnMut(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    bind(&mut statement, args)?;
    let mut rows = statement.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(decode(row)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_database_file_is_read_inline() {
        let file = InlineReader::for_url("sqlite:///srv/skillgym/skillgym.db?mode=rwc").unwrap();
        assert_eq!(file.path, PathBuf::from("/srv/skillgym/skillgym.db"));
        for url in [
            "sqlite::memory:",
            "sqlite://:memory:",
            "sqlite://shared?mode=memory&cache=shared",
            "postgres://localhost/skillgym",
        ] {
            assert!(InlineReader::for_url(url).is_none(), "{url}");
        }
    }

    #[test]
    fn numbered_parameters_take_their_own_argument() {
        let conn = Connection::open_in_memory().unwrap();
        // $2 comes first in the text, so SQLite gives it the first index.
        let got = rows(
            &conn,
            "SELECT $2 - $1 AS d, $1 AS a",
            &[&1_i64, &10_i64],
            |r| Ok((r.get::<_, i64>("d")?, r.get::<_, i64>("a")?)),
        )
        .unwrap();
        assert_eq!(got, vec![(9, 1)]);
        let mut missing = conn.prepare("SELECT $3").unwrap();
        assert!(bind(&mut missing, &[&1_i64]).is_err());
    }

    #[test]
    fn connections_refuse_writes_and_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch(
                "PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);",
            )
            .unwrap();
        let reader = InlineReader::for_url(&format!("sqlite://{}", path.display())).unwrap();
        let read = reader
            .read(|c| rows(c, "SELECT x FROM t", &[], |r| Ok(r.get::<_, i64>("x")?)))
            .unwrap();
        assert_eq!(read, vec![7]);
        let write = reader.read(|c| Ok(c.execute("INSERT INTO t VALUES (8)", [])?));
        assert!(write.is_err(), "query_only");
        assert_eq!(
            reader.idle.lock().unwrap().len(),
            1,
            "kept for the next read"
        );
        reader.close();
        assert!(reader.idle.lock().unwrap().is_empty());
    }
}
