//! skillgym's reporting: what turns a campaign's answers into figures for people.
//!
//! The columns kept between requests ([`cache`]), the groupings compared ([`grouping`]), change
//! over time ([`change`]), people's profiles ([`profile`]) and the report for other tools, as
//! JSON and CSV ([`report`]). The statistics themselves, and the anonymity rule that decides
//! which figures may be shown, are the domain's (`skillgym_domain::analysis`); the answers come
//! from the store. This crate knows no HTTP and no SQL: the web pages and the command line's
//! `report` both call it.

pub mod cache;
pub mod change;
mod count;
pub mod grouping;
pub mod network;
pub mod profile;
pub mod proposals;
pub mod report;
mod tables;

pub use cache::{Analysed, AnalysisCache, take_snapshot};
pub use change::{CompareError, Compared};
pub use count::Count;
pub use grouping::{Grouping, PlaceNames};
pub use report::{CampaignReport, Profiles, ReportError, ReportOptions};
pub use tables::Table;

use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::analysis::{AnonymityThreshold, CampaignColumns};
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::{Campaign, PersonRecord, Store, StoreError};
use std::sync::Arc;

/// One organisation's figures, as one reader asks for them: the store, the columns kept
/// between requests, and the organisation's anonymity threshold, read once here and nowhere
/// else in a report.
pub struct Reports<'a> {
    store: &'a Store,
    cache: &'a AnalysisCache,
    org: OrganisationId,
    threshold: AnonymityThreshold,
}

impl<'a> Reports<'a> {
    pub async fn open(
        store: &'a Store,
        cache: &'a AnalysisCache,
        org: OrganisationId,
    ) -> Result<Self, StoreError> {
        let threshold = store.anonymity_threshold(org).await?;
        Ok(Self {
            store,
            cache,
            org,
            threshold,
        })
    }

    pub fn store(&self) -> &'a Store {
        self.store
    }

    pub fn organisation(&self) -> OrganisationId {
        self.org
    }

    /// The smallest group whose figures may be shown.
    pub fn threshold(&self) -> AnonymityThreshold {
        self.threshold
    }

    /// One of the organisation's campaigns.
    pub async fn campaign(&self, id: CampaignId) -> Result<Campaign, StoreError> {
        self.store.campaign(self.org, id).await
    }

    /// The campaign's columns as its figures count them, and what may be shown of them.
    pub async fn analysed(&self, campaign: &Campaign) -> Result<Arc<Analysed>, StoreError> {
        self.cache
            .analysed(self.store, self.org, campaign, self.threshold)
            .await
    }

    /// The campaign's columns as its figures count them, without what may be shown of them.
    pub async fn counted_columns(
        &self,
        campaign: &Campaign,
    ) -> Result<Arc<CampaignColumns>, StoreError> {
        self.cache
            .counted_columns(self.store, self.org, campaign, self.threshold)
            .await
    }

    /// `campaign` against `earlier` (see [`change::compare`]); titles in `lang`.
    pub async fn compare(
        &self,
        campaign: Campaign,
        earlier: Option<i64>,
        lang: &str,
    ) -> Result<Compared, CompareError> {
        change::compare(self, campaign, earlier, lang).await
    }

    /// The organisation's site and team names.
    pub async fn place_names(&self) -> Result<PlaceNames, StoreError> {
        let (sites, teams) = self.store.group_names(self.org).await?;
        Ok(PlaceNames { sites, teams })
    }

    /// The grouping asked for by `by` (see [`Grouping::choose`]).
    pub async fn grouping(
        &self,
        by: Option<&str>,
        campaign: &Campaign,
        analysed: &Analysed,
        tr: &skillgym_i18n::Tr,
    ) -> Result<Grouping, StoreError> {
        let names = self.place_names().await?;
        Ok(Grouping::choose(
            by,
            campaign,
            &analysed.columns,
            &names,
            tr,
        ))
    }

    /// `person`'s profile for `campaign` (see [`profile::profile_of`]).
    pub async fn profile(
        &self,
        campaign: &Campaign,
        person: &PersonRecord,
    ) -> Result<Option<Profile>, StoreError> {
        profile::profile_of(self, campaign, person).await
    }
}
