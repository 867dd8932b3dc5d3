//! Campaigns' answers kept in memory as compact columns between requests, so a report at
//! national scale is computed in milliseconds rather than read from the database each time.
//!
//! Every request first reads the campaign's [`AnalysisVersion`] (one row; the database's
//! triggers move it on any write that could change the figures, whichever instance made it)
//! and uses the columns only if they were read at that version. Columns are read at most once
//! at a time per campaign, and the least recently used are dropped when the cache holds more
//! than its budget. See `docs/analysis.md`.
//!
//! With the columns it keeps what the report may show ([`Analysed`]): the anonymity rules
//! applied to the whole campaign at once, and for an open anonymous campaign the responses its
//! figures count (whole steps of the threshold, in the order they came in).

use skillgym_domain::analysis::{AnonymityThreshold, CampaignColumns, Disclosure, snapshot};
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::{AnalysisSnapshot, AnalysisVersion, Campaign, Store, StoreError};
use std::collections::HashMap;
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
    shape: i64,
    columns: Arc<CampaignColumns>,
    /// The figures' columns and disclosure, for one threshold and count of responses.
    analysed: Option<(AnonymityThreshold, usize, Arc<Analysed>)>,
}

/// A campaign's columns as its figures count them, and which figures may be shown.
#[derive(Debug)]
pub struct Analysed {
    /// The finished responses the figures count (see [`Analysed::stepped`]).
    pub columns: Arc<CampaignColumns>,
    pub disclosure: Disclosure,
    /// An open anonymous campaign: its figures count its responses in whole steps of the
    /// threshold, in the order they were submitted, so that one more response changes nothing
    /// until the threshold's worth have come in (and all of them once it closes).
    pub stepped: bool,
}

/// Each competence's area, by position, in campaign order.
pub fn competence_areas(campaign: &Campaign) -> Vec<usize> {
    campaign
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| std::iter::repeat_n(a, area.competences.len()))
        .collect()
}

/// Whether a campaign's figures move only in steps of the threshold on `today`.
pub fn stepped(campaign: &Campaign, today: time::Date) -> bool {
    campaign.anonymous && today <= campaign.closes_on
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

    /// The campaign's columns as its figures count them, and what may be shown of them, up to
    /// date with the database.
    pub async fn analysed(
        &self,
        store: &Store,
        org: OrganisationId,
        campaign: &Campaign,
        threshold: AnonymityThreshold,
    ) -> Result<Arc<Analysed>, StoreError> {
        let (cell, columns) = self.cell(store, org, campaign).await?;
        let (counted, stepped) = counted(campaign, &columns, threshold);
        let mut cached = cell.lock().await;
        if let Some(c) = cached.as_mut()
            && Arc::ptr_eq(&c.columns, &columns)
        {
            if let Some((t, n, analysed)) = &c.analysed
                && *t == threshold
                && *n == counted
                && analysed.stepped == stepped
            {
                return Ok(analysed.clone());
            }
            let analysed = analyse(campaign, &columns, threshold, counted, stepped).await;
            c.analysed = Some((threshold, counted, analysed.clone()));
            return Ok(analysed);
        }
        // The columns were read again meanwhile: these are still right for this request.
        Ok(analyse(campaign, &columns, threshold, counted, stepped).await)
    }

    /// The campaign's columns, up to date with the database: every finished response.
    pub async fn columns(
        &self,
        store: &Store,
        org: OrganisationId,
        campaign: &Campaign,
    ) -> Result<Arc<CampaignColumns>, StoreError> {
        Ok(self.cell(store, org, campaign).await?.1)
    }

    /// The campaign's columns as its figures count them (see [`Analysed::columns`]), without
    /// working out what may be shown: for the earlier side of change over time.
    pub async fn counted_columns(
        &self,
        store: &Store,
        org: OrganisationId,
        campaign: &Campaign,
        threshold: AnonymityThreshold,
    ) -> Result<Arc<CampaignColumns>, StoreError> {
        let (_, columns) = self.cell(store, org, campaign).await?;
        let (counted, _) = counted(campaign, &columns, threshold);
        Ok(first_submitted(columns, counted))
    }

    async fn cell(
        &self,
        store: &Store,
        org: OrganisationId,
        campaign: &Campaign,
    ) -> Result<
        (
            Arc<tokio::sync::Mutex<Option<Cached>>>,
            Arc<CampaignColumns>,
        ),
        StoreError,
    > {
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
            let columns = c.columns.clone();
            drop(cached);
            return Ok((cell, columns));
        }
        let columns = Arc::new(read_columns(store, org, campaign, version, shape).await?);
        let bytes = columns.size_in_bytes();
        *cached = Some(Cached {
            version,
            shape,
            columns: columns.clone(),
            analysed: None,
        });
        drop(cached);
        self.keep_within_budget(campaign.id, bytes);
        Ok((cell, columns))
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

/// Makes sure the campaign has a current snapshot, so that the first report after the next
/// start reads it: for after writing many answers at once (an import, the demo).
pub async fn take_snapshot(
    store: &Store,
    org: OrganisationId,
    campaign: &Campaign,
) -> Result<(), StoreError> {
    let version = store.analysis_version(org, campaign.id).await?;
    let (shape, format) = (shape(campaign), i64::from(snapshot::FORMAT));
    if !store
        .has_analysis_snapshot(org, campaign.id, version, shape, format)
        .await?
    {
        read_columns(store, org, campaign, version, shape).await?;
    }
    Ok(())
}

/// The columns from the campaign's snapshot if it is current, or else from its answers, kept
/// as its new snapshot for the next server to start.
async fn read_columns(
    store: &Store,
    org: OrganisationId,
    campaign: &Campaign,
    version: AnalysisVersion,
    shape: i64,
) -> Result<CampaignColumns, StoreError> {
    let format = i64::from(snapshot::FORMAT);
    if let Some(bytes) = store
        .analysis_snapshot(org, campaign.id, version, shape, format)
        .await?
    {
        if let Some(columns) = CampaignColumns::from_snapshot(&bytes) {
            return Ok(columns);
        }
        tracing::warn!(
            campaign = campaign.id.0,
            "an analysis snapshot did not read back"
        );
    }
    // Read after the version: the columns are at least as new as the version they are kept
    // under, so a write in between only makes the next read take them again.
    let columns = store.campaign_columns(org, campaign).await?;
    let snapshot = AnalysisSnapshot {
        version,
        shape,
        format,
        data: columns.to_snapshot(),
    };
    if let Err(e) = store
        .save_analysis_snapshot(org, campaign.id, &snapshot)
        .await
    {
        // Only the next start is slower without it.
        tracing::warn!(campaign = campaign.id.0, error = %e, "could not keep an analysis snapshot");
    }
    Ok(columns)
}

/// How many of the campaign's finished responses its figures count, and whether it is counted
/// in steps (see [`stepped`]).
fn counted(
    campaign: &Campaign,
    columns: &CampaignColumns,
    threshold: AnonymityThreshold,
) -> (usize, bool) {
    let stepped = stepped(campaign, time::OffsetDateTime::now_utc().date());
    let counted = if stepped {
        threshold.counted(columns.responses())
    } else {
        columns.responses()
    };
    (counted, stepped)
}

/// The first `counted` responses to finish, or all of them without a copy.
fn first_submitted(columns: Arc<CampaignColumns>, counted: usize) -> Arc<CampaignColumns> {
    if counted < columns.responses() {
        Arc::new(columns.first_submitted(counted))
    } else {
        columns
    }
}

/// Works out what may be shown on a blocking thread: at national scale it takes a core for a
/// few hundred milliseconds, which would hold up every other request on an async worker.
async fn analyse(
    campaign: &Campaign,
    columns: &Arc<CampaignColumns>,
    threshold: AnonymityThreshold,
    counted: usize,
    stepped: bool,
) -> Arc<Analysed> {
    let (columns, areas) = (columns.clone(), competence_areas(campaign));
    let analysed = tokio::task::spawn_blocking(move || {
        let columns = first_submitted(columns, counted);
        Analysed {
            disclosure: Disclosure::compute(&columns, &areas, threshold),
            columns,
            stepped,
        }
    })
    .await
    // A panic there is the same bug it would be here.
    .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
    Arc::new(analysed)
}

/// A fingerprint of what the campaign asks, in order, and the day it opened (lengths of
/// service are counted to it): if an administrator changes any, columns read before no longer
/// line up. Kept in snapshots, so it is the same from one build to the next (FNV-1a).
pub fn shape(campaign: &Campaign) -> i64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.text(&campaign.opens_on.to_string());
    for area in &campaign.areas {
        h.number(area.competences.len() as i64);
        for c in &area.competences {
            h.number(c.id.0);
            h.text(&c.code);
        }
    }
    h.number(campaign.quiz.len() as i64);
    for (id, item) in &campaign.quiz {
        h.number(id.0);
        h.text(&item.competence);
    }
    h.number(campaign.questions.len() as i64);
    for (id, q) in &campaign.questions {
        h.number(id.0);
        h.text(q.kind.as_str());
        h.number(q.options.len() as i64);
    }
    h.0 as i64
}

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn number(&mut self, n: i64) {
        self.bytes(&n.to_le_bytes());
    }
    /// Its length first, so that no two lists of texts run together alike.
    fn text(&mut self, s: &str) {
        self.number(s.len() as i64);
        self.bytes(s.as_bytes());
    }
}
