//! A network campaign's figures: each member's mean self-rating per competence, worked out in
//! the member's own organisation with its own anonymity threshold, and the network's median
//! and quartiles of them (`skillgym_domain::network`).
//!
//! Who sees what: a member sees its own means beside the network's spread and where it stands;
//! the network's coordinators see the spread, and the means of the members that share theirs,
//! but not the spread of a competence for which exactly one member they cannot otherwise see
//! (not sharing, not their own organisation) has a mean: they could work it out from the
//! others. No member is named to another.

use crate::cache::competence_areas;
use crate::{AnalysisCache, Reports};
use skillgym_domain::analysis::campaign::CampaignFigures;
use skillgym_domain::network::{Position, Spread, weak_spots};
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_store::{Campaign, Store, StoreError};
use std::collections::HashMap;

/// Who is looking at a network campaign's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// A member organisation, through its own campaign that opened the network's.
    Member(OrganisationId),
    /// The organisation that runs the network (its coordinators).
    Coordinator,
}

/// One competence of a network campaign.
#[derive(Debug, Clone)]
pub struct CompetenceBenchmark {
    pub code: String,
    /// The network's spread of members' means, when enough members have one.
    pub spread: Option<Spread>,
    /// The viewing member's own mean, when it may be shown.
    pub own: Option<f64>,
    /// Where the member's mean stands, when both are shown.
    pub position: Option<Position>,
    /// For the coordinators: each sharing member's mean, in [`NetworkFigures::sharing`]'s order.
    pub shared: Vec<Option<f64>>,
}

/// A network campaign's figures for one viewer.
#[derive(Debug, Clone)]
pub struct NetworkFigures {
    /// The network campaign, in the organisation that runs the network.
    pub campaign: Campaign,
    /// Competences in the network campaign's order.
    pub competences: Vec<CompetenceBenchmark>,
    /// The codes of the competences with the lowest medians, lowest first.
    pub weak_spots: Vec<String>,
    /// How many members have opened the campaign for their staff.
    pub opened: usize,
    /// For the coordinators: the members that share their figures and have opened the
    /// campaign, by name; for a member, empty.
    pub sharing: Vec<String>,
}

/// The network campaign `id`'s figures for `viewer`. `owner` is the organisation that runs
/// the network, `members` each member with its name and whether it shares its figures.
pub async fn network_figures(
    store: &Store,
    cache: &AnalysisCache,
    owner: OrganisationId,
    id: CampaignId,
    members: &[(OrganisationId, String, bool)],
    viewer: Viewer,
) -> Result<NetworkFigures, StoreError> {
    let campaign = store.campaign(owner, id).await?;
    let codes: Vec<String> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.code.clone()))
        .collect();
    let openings = store.openings(id).await?;
    let mut means: Vec<(OrganisationId, Vec<Option<f64>>)> = Vec::with_capacity(openings.len());
    for opening in &openings {
        let reports = Reports::open(store, cache, opening.organisation_id).await?;
        let theirs = reports.campaign(opening.campaign_id).await?;
        means.push((
            opening.organisation_id,
            member_means(&reports, &theirs, &codes).await?,
        ));
    }
    let sharing: Vec<&(OrganisationId, String, bool)> = match viewer {
        Viewer::Coordinator => members
            .iter()
            .filter(|(org, _, shares)| *shares && means.iter().any(|(o, _)| o == org))
            .collect(),
        Viewer::Member(_) => Vec::new(),
    };
    let own = match viewer {
        Viewer::Member(org) => means.iter().find(|(o, _)| *o == org).map(|(_, m)| m),
        Viewer::Coordinator => None,
    };
    let competences: Vec<CompetenceBenchmark> = codes
        .iter()
        .enumerate()
        .map(|(c, code)| {
            let mut spread = Spread::of(means.iter().map(|(_, m)| m[c]));
            // The coordinators see the sharing members' means beside the spread, and may read
            // their own organisation's report: were exactly one other member's mean in it, they
            // could work it out, and name its member.
            if viewer == Viewer::Coordinator {
                let unshared = means
                    .iter()
                    .filter(|(org, m)| {
                        m[c].is_some() && *org != owner && !sharing.iter().any(|(o, _, _)| o == org)
                    })
                    .count();
                if unshared == 1 {
                    spread = None;
                }
            }
            let own = own.and_then(|m| m[c]);
            CompetenceBenchmark {
                code: code.clone(),
                spread,
                own,
                position: spread.zip(own).map(|(s, m)| s.position(m)),
                shared: sharing
                    .iter()
                    .map(|(org, _, _)| means.iter().find(|(o, _)| o == org).and_then(|(_, m)| m[c]))
                    .collect(),
            }
        })
        .collect();
    let spreads: Vec<(String, Option<Spread>)> = competences
        .iter()
        .map(|c| (c.code.clone(), c.spread))
        .collect();
    Ok(NetworkFigures {
        campaign,
        weak_spots: weak_spots(&spreads),
        competences,
        opened: openings.len(),
        sharing: sharing.iter().map(|(_, name, _)| name.clone()).collect(),
    })
}

/// A member's mean self-rating for each of `codes` in its own campaign: `None` where the
/// competence is not asked, or its figure may not be shown under the member's threshold.
async fn member_means(
    reports: &Reports<'_>,
    campaign: &Campaign,
    codes: &[String],
) -> Result<Vec<Option<f64>>, StoreError> {
    let analysed = reports.analysed(campaign).await?;
    let figures = CampaignFigures::from_columns(
        &analysed.disclosure,
        &competence_areas(campaign),
        &analysed.columns,
    );
    let position: HashMap<&str, usize> = campaign
        .areas
        .iter()
        .flat_map(|a| &a.competences)
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    Ok(codes
        .iter()
        .map(|code| {
            let i = *position.get(code.as_str())?;
            figures
                .overview
                .competences
                .get(i)?
                .distribution
                .and_then(|d| d.mean())
        })
        .collect())
}
