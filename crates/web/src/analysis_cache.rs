//! Campaigns' answers kept in memory as compact columns between requests, so a report at
//! national scale is computed in milliseconds rather than read from the database each time.
//!
//! Every request first reads the campaign's [`AnalysisVersion`] (one row; the database's
//! triggers move it on any write that could change the figures, whichever instance made it)
//! and uses the columns only if they were read at that version. Columns are read at most once
//! at a time per campaign, and the least recently used are dropped when the cache holds more
//! than its budget. See `docs/analysis.md`.

use skillgym_domain::analysis::CampaignColumns;
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::{AnalysisVersion, Campaign, Store, StoreError};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The default budget: a national campaign (50,000 people, 60 competences) takes about 3 MB.
pub const DEFAULT_BUDGET_BYTES: usize = 64 * 1024 * 1024;

/// Columns by campaign, within a budget of bytes.
pub struct AnalysisCache {
    budget: usize,
    slots: Mutex<Slots>,
}

#[derive(Default)]
struct Slots {
    by_campaign: HashMap<CampaignId, Slot>,
    clock: u64,
}

struct Slot {
    /// Held while the columns are read, so that one request reads them and the others wait.
    cell: Arc<tokio::sync::Mutex<Option<Cached>>>,
    last_used: u64,
    bytes: usize,
}

struct Cached {
    version: AnalysisVersion,
    /// What the campaign asks (competences, quiz, questions): the columns' shape.
    shape: u64,
    columns: Arc<CampaignColumns>,
}

impl Default for AnalysisCache {
    fn default() -> Self {
        Self::new(DEFAULT_BUDGET_BYTES)
    }
}

impl AnalysisCache {
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            slots: Mutex::default(),
        }
    }

    /// The campaign's columns, up to date with the database.
    pub async fn columns(
        &self,
        store: &Store,
        org: OrganisationId,
        campaign: &Campaign,
    ) -> Result<Arc<CampaignColumns>, StoreError> {
        let version = store.analysis_version(org, campaign.id).await?;
        let shape = shape(campaign);
        let cell = {
            let mut slots = self.slots.lock().expect("cache lock");
            slots.clock += 1;
            let now = slots.clock;
            let slot = slots
                .by_campaign
                .entry(campaign.id)
                .or_insert_with(|| Slot {
                    cell: Arc::default(),
                    last_used: now,
                    bytes: 0,
                });
            slot.last_used = now;
            slot.cell.clone()
        };
        let mut cached = cell.lock().await;
        if let Some(c) = cached.as_ref()
            && c.version == version
            && c.shape == shape
        {
            return Ok(c.columns.clone());
        }
        // Read after the version: the columns are at least as new as the version they are
        // kept under, so a write in between only makes the next request read them again.
        let columns = Arc::new(store.campaign_columns(org, campaign).await?);
        let bytes = columns.size_in_bytes();
        *cached = Some(Cached {
            version,
            shape,
            columns: columns.clone(),
        });
        drop(cached);
        self.keep_within_budget(campaign.id, bytes);
        Ok(columns)
    }

    /// How many campaigns' columns are held, and their bytes.
    pub fn held(&self) -> (usize, usize) {
        let slots = self.slots.lock().expect("cache lock");
        (
            slots.by_campaign.len(),
            slots.by_campaign.values().map(|s| s.bytes).sum(),
        )
    }

    fn keep_within_budget(&self, just_read: CampaignId, bytes: usize) {
        let mut slots = self.slots.lock().expect("cache lock");
        if let Some(slot) = slots.by_campaign.get_mut(&just_read) {
            slot.bytes = bytes;
        }
        loop {
            let total: usize = slots.by_campaign.values().map(|s| s.bytes).sum();
            if total <= self.budget {
                break;
            }
            // The least recently used other campaign goes; the one just read always stays.
            let Some(oldest) = slots
                .by_campaign
                .iter()
                .filter(|(id, _)| **id != just_read)
                .min_by_key(|(_, s)| s.last_used)
                .map(|(id, _)| *id)
            else {
                break;
            };
            slots.by_campaign.remove(&oldest);
        }
    }
}

/// A fingerprint of what the campaign asks, in order: if an administrator changes it, columns
/// read before no longer line up.
fn shape(campaign: &Campaign) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for area in &campaign.areas {
        for c in &area.competences {
            (c.id.0, &c.code).hash(&mut h);
        }
    }
    for (id, item) in &campaign.quiz {
        (id.0, &item.competence).hash(&mut h);
    }
    for (id, q) in &campaign.questions {
        (id.0, q.kind.as_str(), q.options.len()).hash(&mut h);
    }
    h.finish()
}
