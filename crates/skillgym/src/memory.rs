//! How the C allocator holds memory.
//!
//! glibc gives threads that allocate at the same time arenas of their own, up to eight per
//! core, and keeps what they free for later use by the same arena. A national report worked
//! out on tokio's blocking threads, while the workers serve pages, leaves tens of megabytes
//! spread over arenas that no other thread takes from. Two arenas bring the peak resident
//! memory of serving the national report down by about a fifth with no measurable cost in
//! speed (docs/performance.md).
//!
//! glibc also raises the size from which a block gets pages of its own (and gives them back
//! when freed) to the largest block freed so far. After one password check (19 MiB for
//! Argon2) every later check's block came from the heap and stayed there: an idle server that
//! had served one sign-in held 19 MiB more than one that had not. A fixed threshold keeps such
//! blocks out of the heap.

/// Blocks of this size or more get pages of their own, returned when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const OWN_PAGES_FROM: libc::c_int = 4 << 20;

/// Two arenas, and a fixed [`OWN_PAGES_FROM`], unless the operator chose with glibc's own
/// `MALLOC_ARENA_MAX` or `MALLOC_MMAP_THRESHOLD_`. Called first in `main`, before any other
/// thread exists.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only sets a tunable of glibc's allocator, and no other thread is
        // allocating yet.
        if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
            unsafe {
                libc::mallopt(libc::M_ARENA_MAX, 2);
            }
        }
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
            unsafe {
                libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
            }
        }
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    /// Resident memory of this process, in bytes.
    fn resident() -> usize {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
        let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
        pages * 4096
    }

    #[test]
    fn a_password_checks_worth_of_memory_is_given_back() {
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_some() {
            return;
        }
        super::limit_arenas();
        let before = resident();
        // Freed once, glibc's own threshold would rise past this size and later blocks would
        // stay in the heap after they are freed.
        for _ in 0..3 {
            let block = std::hint::black_box(vec![1u8; 19 << 20]);
            drop(block);
        }
        let after = resident();
        assert!(
            after < before + (8 << 20),
            "resident grew from {before} to {after} bytes"
        );
    }
}
