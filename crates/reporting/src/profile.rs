//! A person's profile for a campaign: their ratings by area against the service's mean, their
//! knowledge-round results and their gaps against their role profile.

use crate::Reports;
use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::audit::Rating;
use skillgym_i18n::Tr;
use skillgym_store::{Campaign, PersonRecord, StoreError};
use std::collections::HashMap;

/// `person`'s profile for `campaign`, against the service's means (kept in memory, see
/// `analysis_cache`) and their job family's targets; `None` when they did not finish it.
/// Whether the reader may see it is for the caller to decide.
pub async fn profile_of(
    reports: &Reports<'_>,
    campaign: &Campaign,
    person: &PersonRecord,
) -> Result<Option<Profile>, StoreError> {
    let (store, org) = (reports.store(), reports.organisation());
    let Some(answers) = store.person_answers(org, campaign.id, person.id).await? else {
        return Ok(None);
    };
    let analysed = reports.analysed(campaign).await?;
    let columns = &analysed.columns;
    let targets = store.role_targets(org, campaign.framework_id).await?;
    let competences: Vec<_> = campaign
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.competences.iter().map(move |c| (a, c)))
        .collect();
    let position: HashMap<_, _> = competences
        .iter()
        .enumerate()
        .map(|(i, (_, c))| (c.id, i))
        .collect();
    let areas: Vec<usize> = competences.iter().map(|(a, _)| *a).collect();
    let ratings: Vec<Option<Rating>> = competences
        .iter()
        .map(|(_, c)| answers.ratings.get(&c.id).copied())
        .collect();
    let service_shown: Vec<_> = (0..campaign.areas.len())
        .map(|a| analysed.disclosure.area(a))
        .collect();
    Ok(Some(Profile::compute(
        &service_shown,
        &areas,
        campaign.areas.len(),
        &ratings,
        &answers
            .quiz
            .iter()
            .filter_map(|(c, right)| Some((*position.get(c)?, *right)))
            .collect::<Vec<_>>(),
        &competences
            .iter()
            .map(|(_, c)| targets.get(&(c.id, person.job_family)).copied())
            .collect::<Vec<_>>(),
        &columns.area_totals(&areas, campaign.areas.len()),
    )))
}

/// A profile as the profile page's CSV download gives it, a competence a row: headings, "not
/// sure" and hidden figures in `tr`'s language; the service's mean of an area is kept back, as
/// on the page, when too few people rated it.
pub fn table(campaign: &Campaign, profile: &Profile, tr: &Tr) -> Vec<Vec<String>> {
    let lang = tr.lang().code();
    let mut rows = vec![
        [
            "analysis-csv-competence-code",
            "report-competence",
            "analysis-csv-area-code",
            "profile-rating",
            "profile-csv-quiz-right",
            "profile-csv-quiz-asked",
            "profile-measured",
            "profile-target",
            "profile-gap",
            "profile-csv-area-mean",
            "profile-csv-service-area-mean",
        ]
        .map(|id| tr.t(id))
        .to_vec(),
    ];
    let (not_sure, hidden) = (tr.t("profile-not-sure"), tr.t("report-hidden"));
    let f = |x: Option<f64>| x.map(|x| format!("{x:.6}")).unwrap_or_default();
    let mut at = 0;
    for (area, a) in campaign.areas.iter().zip(&profile.areas) {
        for c in &area.competences {
            let p = profile.competences[at];
            at += 1;
            rows.push(vec![
                c.code.clone(),
                c.title.show(lang).text.to_string(),
                area.code.clone(),
                p.rating
                    .map(|r| {
                        r.level()
                            .map_or_else(|| not_sure.clone(), |l| l.to_string())
                    })
                    .unwrap_or_default(),
                p.quiz.map(|q| q.right.to_string()).unwrap_or_default(),
                p.quiz.map(|q| q.asked.to_string()).unwrap_or_default(),
                f(p.measured),
                p.target.map(|t| t.level().to_string()).unwrap_or_default(),
                f(p.gap),
                f(a.mean),
                a.service_mean
                    .map_or_else(|| hidden.clone(), |m| format!("{m:.6}")),
            ]);
        }
    }
    rows
}
