//! Each organisation's directory of champions, kept between requests while its help version
//! stays the same, so that Find help looks only at the champions who mention what is searched
//! for (docs/champions.md, "How fast"). Each request reads the version (one row); the database's
//! triggers move it on any change that could alter what Find help shows, whichever instance
//! made it, and the directory is then read again, by one request while the others wait.

use skillgym_domain::OrganisationId;
use skillgym_domain::champions::Directory;
use skillgym_store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type Slot = Arc<tokio::sync::Mutex<Option<(i64, Arc<Directory>)>>>;

/// Directories by organisation. One is small (about 1 MB for 5,000 champions), so all are kept.
#[derive(Default)]
pub struct DirectoryCache {
    by_organisation: Mutex<HashMap<OrganisationId, Slot>>,
}

impl DirectoryCache {
    /// `org`'s directory as the database has it now.
    pub async fn of(
        &self,
        store: &Store,
        org: OrganisationId,
    ) -> Result<Arc<Directory>, StoreError> {
        let version = store.help_version(org).await?;
        let slot = self
            .by_organisation
            .lock()
            .expect("directory cache lock")
            .entry(org)
            .or_default()
            .clone();
        let mut held = slot.lock().await;
        // Versions only move forward: one read at or after this request's version will do,
        // as when another request read it while this one waited.
        if let Some((read_at, directory)) = held.as_ref()
            && *read_at >= version
        {
            return Ok(directory.clone());
        }
        let (read_at, directory) = store.champion_directory(org).await?;
        let directory = Arc::new(directory);
        *held = Some((read_at, directory.clone()));
        Ok(directory)
    }
}
