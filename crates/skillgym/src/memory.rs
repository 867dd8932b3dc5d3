//! How the C allocator holds memory.
//!
//! glibc gives threads that allocate at the same time arenas of their own, up to eight per
//! core, and keeps what they free for later use by the same arena. A national report worked
//! out on tokio's blocking threads, while the workers serve pages, leaves tens of megabytes
//! spread over arenas that no other thread takes from. Two arenas bring the peak resident
//! memory of serving the national report down by about a fifth with no measurable cost in
//! speed (docs/performance.md).

/// Two arenas, unless the operator chose with glibc's own `MALLOC_ARENA_MAX`. Called first in
/// `main`, before any other thread exists.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets a tunable of glibc's allocator, and no other thread is
        // allocating yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
