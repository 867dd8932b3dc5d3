//! Learning plans proposed from a campaign's profiles: for everyone it measured who works at
//! the organisation and has no plan, or for one person. The profiles are read from the same
//! columns as the campaign's figures (one read for the whole campaign, kept between
//! requests), so proposing for 50,000 people costs a few reads and the engine's arithmetic.

use crate::Reports;
use skillgym_domain::analysis::columns::{NOT_SURE, UNRATED};
use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::audit::Rating;
use skillgym_domain::learning::{Activity, Nearness};
use skillgym_domain::plans::{
    Candidate, CandidateSession, Measured, NoPlan, PLAN_WEEKS, WeeklyMinutes, first_monday,
    propose, week_of,
};
use skillgym_domain::{ActivityId, CompetenceId, PersonId, SiteId, uk_time};
use skillgym_store::{Campaign, PlanDraft, StoreError};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What proposing found.
#[derive(Debug, Default)]
pub struct Proposals {
    pub drafts: Vec<PlanDraft>,
    /// Measured, but with nothing to plan from (no competence with a target rated) or nothing
    /// in the catalogue that fits.
    pub nothing_measured: usize,
    pub nothing_fits: usize,
    /// Measured, but with a plan already.
    pub planned_already: usize,
}

/// Why no proposals could be made for a campaign.
#[derive(Debug, thiserror::Error)]
pub enum ProposeError {
    /// Answers to an anonymous campaign are shown to no one but the person who gave them: a
    /// plan a trainer sees would show them.
    #[error("the campaign is anonymous")]
    Anonymous,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Which people to propose for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whom {
    /// Everyone the campaign measured who has no plan.
    Everyone,
    /// One person, at `weekly` minutes a week when given (else from their contracted hours),
    /// whether or not they have a plan.
    One(PersonId, Option<WeeklyMinutes>),
}

/// Proposals from `campaign`'s profiles, starting on the first Monday from `today`.
pub async fn proposals(
    reports: &Reports<'_>,
    campaign: &Campaign,
    whom: Whom,
    today: time::Date,
) -> Result<Proposals, ProposeError> {
    if campaign.anonymous {
        return Err(ProposeError::Anonymous);
    }
    let (store, org) = (reports.store(), reports.organisation());
    let analysed = reports.analysed(campaign).await?;
    let columns = &analysed.columns;
    let targets = store.role_targets(org, campaign.framework_id).await?;
    let people = store.planning_people(org).await?;
    let planned: HashSet<PersonId> = store.people_with_plans(org).await?.into_iter().collect();
    let catalogue: Vec<(ActivityId, Arc<Activity>)> = store
        .catalogue(org)
        .await?
        .into_iter()
        .filter(|a| !a.activity.builds.is_empty())
        .map(|a| (a.id, Arc::new(a.activity)))
        .collect();
    let starts_on = first_monday(today);
    let window = (
        uk_time::instant(starts_on.midnight()).unwrap_or_default(),
        uk_time::instant((starts_on + time::Duration::weeks(i64::from(PLAN_WEEKS))).midnight())
            .unwrap_or_default(),
    );
    let sessions = store.sessions_between(org, window.0, window.1).await?;
    let sites: HashMap<SiteId, Option<(f64, f64)>> = store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| {
            let at = s.location.latitude.zip(s.location.longitude);
            (s.id, at)
        })
        .collect();

    let competences: Vec<(CompetenceId, &str)> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| (c.id, c.code.as_str())))
        .collect();
    let areas = crate::cache::competence_areas(campaign);
    let ids: HashMap<&str, CompetenceId> =
        competences.iter().map(|(id, code)| (*code, *id)).collect();
    // People who work at the same sites see the same sessions from the same places.
    let mut by_sites: HashMap<Vec<SiteId>, Arc<Vec<Candidate>>> = HashMap::new();
    let mut out = Proposals::default();
    let mut seen: HashSet<PersonId> = HashSet::new();
    for r in 0..columns.responses() {
        let Some(person) = columns.person[r].map(PersonId) else {
            continue;
        };
        if let Whom::One(only, _) = whom
            && only != person
        {
            continue;
        }
        let Some(who) = people.get(&person) else {
            continue;
        };
        if !seen.insert(person) {
            continue;
        }
        // One person's plan may be proposed again (its caller replaces the proposal).
        if whom == Whom::Everyone && planned.contains(&person) {
            out.planned_already += 1;
            continue;
        }
        let ratings: Vec<Option<Rating>> = columns
            .ratings_of(r)
            .iter()
            .map(|code| match *code {
                UNRATED => None,
                NOT_SURE => Some(Rating::NotSure),
                n => Some(Rating::Level(n)),
            })
            .collect();
        let (answered, right) = columns.quiz_of(r);
        let mut quiz = Vec::new();
        for (t, competence) in columns.tested.iter().enumerate() {
            for i in 0..answered[t] {
                quiz.push((*competence, i < right[t]));
            }
        }
        let role: Vec<_> = competences
            .iter()
            .map(|(id, _)| targets.get(&(*id, who.job_family)).copied())
            .collect();
        let profile = Profile::compute(
            &[],
            &areas,
            campaign.areas.len(),
            &ratings,
            &quiz,
            &role,
            &[],
        );
        let measured: Vec<Measured> = competences
            .iter()
            .zip(profile.competences)
            .map(|((_, code), profile)| Measured {
                competence: (*code).to_string(),
                profile,
            })
            .collect();
        let candidates = by_sites
            .entry(who.sites.clone())
            .or_insert_with(|| {
                Arc::new(candidates_for(
                    &catalogue, &sessions, &sites, &who.sites, starts_on,
                ))
            })
            .clone();
        let weekly = match whom {
            Whom::One(_, Some(weekly)) => weekly,
            _ => WeeklyMinutes::from_contracted(who.employment, who.contracted_hours),
        };
        match propose(&measured, &candidates, weekly) {
            Ok(proposal) => {
                let goal_competences = proposal
                    .goals
                    .iter()
                    .filter_map(|g| ids.get(g.competence.as_str()).copied())
                    .collect();
                out.drafts.push(PlanDraft {
                    person,
                    campaign: Some(campaign.id),
                    starts_on,
                    proposal,
                    competences: goal_competences,
                });
            }
            Err(NoPlan::NothingMeasured) => out.nothing_measured += 1,
            Err(NoPlan::NothingFits) => out.nothing_fits += 1,
        }
    }
    Ok(out)
}

/// What a trainer or manager may add to `person`'s plan by hand: every activity of the
/// catalogue that builds a competence, with its sessions from `today` to the end of the plan's
/// `weeks` from `starts_on`, each placed in the plan's weeks and as near as it is to the
/// person's sites.
pub async fn choices(
    reports: &Reports<'_>,
    person: PersonId,
    starts_on: time::Date,
    weeks: u32,
    today: time::Date,
) -> Result<Vec<Candidate>, StoreError> {
    let (store, org) = (reports.store(), reports.organisation());
    let catalogue: Vec<(ActivityId, Arc<Activity>)> = store
        .catalogue(org)
        .await?
        .into_iter()
        .filter(|a| !a.activity.builds.is_empty())
        .map(|a| (a.id, Arc::new(a.activity)))
        .collect();
    let from = uk_time::instant(today.max(starts_on).midnight()).unwrap_or_default();
    let until = uk_time::instant((starts_on + time::Duration::weeks(i64::from(weeks))).midnight())
        .unwrap_or_default();
    let sessions = store.sessions_between(org, from, until).await?;
    let sites: HashMap<SiteId, Option<(f64, f64)>> = store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| (s.id, s.location.latitude.zip(s.location.longitude)))
        .collect();
    let own: Vec<SiteId> = store
        .person(org, person)
        .await?
        .sites
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    Ok(candidates_for(
        &catalogue, &sessions, &sites, &own, starts_on,
    ))
}

/// The catalogue as seen from `own` sites: each activity with its sessions in the plan's
/// weeks, how near each is and whether it has a place.
fn candidates_for(
    catalogue: &[(ActivityId, Arc<Activity>)],
    sessions: &[skillgym_store::ActivitySession],
    sites: &HashMap<SiteId, Option<(f64, f64)>>,
    own: &[SiteId],
    starts_on: time::Date,
) -> Vec<Candidate> {
    let own: Vec<(SiteId, Option<(f64, f64)>)> = own
        .iter()
        .map(|s| (*s, sites.get(s).copied().flatten()))
        .collect();
    catalogue
        .iter()
        .map(|(id, activity)| Candidate {
            id: *id,
            activity: activity.clone(),
            sessions: sessions
                .iter()
                .filter(|s| s.activity == *id)
                .filter_map(|s| {
                    let week = week_of(starts_on, uk_time::local(s.starts_at).date());
                    Some(CandidateSession {
                        id: s.id,
                        week: u32::try_from(week).ok()?,
                        starts_at: s.starts_at,
                        nearness: Nearness::of(s.site.as_ref().map(|t| (t.id, t.at)), &own),
                        site: s.site.as_ref().map(|t| t.name.clone()),
                        full: s.booked >= s.capacity,
                    })
                })
                .collect(),
        })
        .collect()
}
