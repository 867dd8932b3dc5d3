//! Learning plans on the web: the person's own plan (this week's steps, ticked off with a
//! reflection), a person's plan for the trainer or manager who agrees it with them (proposing,
//! proposing again at other weekly minutes, taking steps out, notes of their meetings, agreeing,
//! pausing, resuming, finishing), and the list of plans with how each is going.
//!
//! Trainers and administrators work with everyone's plans; a manager with those of the people
//! they manage. Nobody agrees their own plan. Viewing someone else's plan is recorded in the
//! audit trail, as their profile is.

use super::audit_trail::{by, record};
use crate::AppState;
use crate::access::{Planner, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::learning::ActivityKind;
use skillgym_domain::plans::{
    Candidate, GoalReason, NotPlaced, Placing, PlanStatus, Progress, StepPlace, StepReason,
    WeeklyMinutes, chosen_step, week_days, week_of,
};
use skillgym_domain::{
    ActivityId, CampaignId, Invalid, PersonId, PlanId, Role, SessionId, uk_time,
};
use skillgym_i18n::Tr;
use skillgym_reporting::proposals::{ProposeError, Whom, choices, proposals};
use skillgym_store::{
    Actor, AnsweredCampaign, AuditAction, NewPlanStep, Plan, PlanChange, PlanSummary,
    SessionRecord, StoreError,
};
use std::collections::{BTreeMap, HashSet};

/// The longest reflection or note, in characters.
const MOST_TEXT: usize = 2000;

/// Today on the UK's clock: the day plans' weeks are counted from.
fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

/// Whether `user` (a [`Planner`]) may work with `person`'s plan: trainers and administrators
/// with anyone's, a manager with their people's; nobody with their own. Anyone else is told
/// there is no such page.
async fn may_plan_for(state: &AppState, user: &SessionRecord, person: PersonId) -> AppResult<()> {
    let roles = &user.roles;
    if user.person_id == person {
        return Err(AppError::NotFound);
    }
    if roles.has(Role::Trainer)
        || roles.has(Role::Admin)
        || state.store.manages(user.person_id, person).await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The people whose plans `user` sees in the list: `None` for everyone.
async fn whose(state: &AppState, user: &SessionRecord) -> AppResult<Option<HashSet<PersonId>>> {
    let roles = &user.roles;
    if roles.has(Role::Trainer) || roles.has(Role::Admin) {
        return Ok(None);
    }
    let filter = skillgym_store::PersonFilter {
        managed_by: Some(user.person_id),
        limit: i64::MAX,
        ..Default::default()
    };
    let (people, _) = state.store.people(user.organisation_id, &filter).await?;
    Ok(Some(people.into_iter().map(|p| p.id).collect()))
}

// ---- Showing a plan ---------------------------------------------------------------------------

/// "Find help" for a competence.
fn help_link(code: &str) -> String {
    let query =
        serde_urlencoded::to_string([("about", format!("competence:{code}"))]).unwrap_or_default();
    format!("/help?{query}")
}

pub struct GoalView {
    pub position: u32,
    pub title: String,
    pub lang: &'static str,
    pub level: u8,
    pub from: String,
    pub deadline: String,
    pub why: String,
    /// The person's rating at the end.
    pub end_rating: Option<u8>,
    /// Where to find a champion who helps with it.
    pub help: String,
}

pub struct StepView {
    pub position: u32,
    pub href: String,
    pub title: String,
    pub lang: &'static str,
    pub kind: String,
    pub goal: String,
    pub goal_lang: &'static str,
    pub why: String,
    pub done: bool,
    pub reflection: String,
}

pub struct WeekView {
    /// From 1, as people count weeks.
    pub number: u32,
    pub days: String,
    pub current: bool,
    pub steps: Vec<StepView>,
}

pub struct NoteView {
    pub author: String,
    pub when: String,
    pub body: String,
}

pub struct PlanView {
    pub id: PlanId,
    pub status: PlanStatus,
    pub progress: String,
    pub progress_code: &'static str,
    pub dates: String,
    pub weekly: u32,
    pub agreed: Option<String>,
    pub goals: Vec<GoalView>,
    pub weeks: Vec<WeekView>,
    /// The week of the plan it is now (from 1), while it runs.
    pub this_week: Option<u32>,
    pub unhelped: Vec<String>,
    pub notes: Vec<NoteView>,
    /// The address of the badge it earned, once finished.
    pub badge: Option<String>,
    /// The person may rate the goals' competences again: every step is done, or its last
    /// week has come, or it is finished.
    pub reassess_open: bool,
    pub reassessed: bool,
}

fn goal_why(tr: &Tr, reason: &GoalReason) -> String {
    let id = format!("plan-goal-why-{}", reason.code());
    match reason {
        GoalReason::QuizBelowRating {
            right,
            asked,
            rating,
            target,
        } => tr.args(
            &id,
            [
                ("right", (*right).into()),
                ("asked", (*asked).into()),
                ("rating", (*rating as usize).into()),
                ("target", (*target as usize).into()),
            ],
        ),
        GoalReason::BelowTarget { measured, target } => tr.args(
            &id,
            [
                ("measured", format!("{measured:.1}").into()),
                ("target", (*target as usize).into()),
            ],
        ),
        GoalReason::Stretch { measured } => tr.t1(&id, "measured", format!("{measured:.1}")),
    }
}

fn step_why(tr: &Tr, reason: &StepReason) -> String {
    let day = |at: i64| {
        tr.date(&skillgym_domain::people::format_date(
            uk_time::local(at).date(),
        ))
    };
    let goal = if reason.reaches_goal { "yes" } else { "no" };
    let common = [
        ("goal", goal.into()),
        ("level", (reason.level as usize).into()),
        ("minutes", (reason.minutes as usize).into()),
    ];
    let line = match &reason.place {
        StepPlace::OwnTime { weeks } => tr.args(
            "plan-step-why-own-time",
            common
                .into_iter()
                .chain([("weeks", (*weeks as usize).into())]),
        ),
        StepPlace::OwnSite { site, starts_at } => tr.args(
            "plan-step-why-own-site",
            common.into_iter().chain([
                ("site", site.clone().into()),
                ("date", day(*starts_at).into()),
            ]),
        ),
        StepPlace::Online { starts_at } => tr.args(
            "plan-step-why-online",
            common.into_iter().chain([("date", day(*starts_at).into())]),
        ),
        StepPlace::Away {
            site,
            km,
            starts_at,
        } => tr.args(
            "plan-step-why-away",
            common.into_iter().chain([
                ("site", site.clone().into()),
                ("km", (*km as usize).into()),
                ("date", day(*starts_at).into()),
            ]),
        ),
        StepPlace::Elsewhere { site, starts_at } => tr.args(
            "plan-step-why-elsewhere",
            common.into_iter().chain([
                ("site", site.clone().into()),
                ("date", day(*starts_at).into()),
            ]),
        ),
    };
    let line = if reason.new_format {
        format!("{line} {}", tr.t("plan-step-new-format"))
    } else {
        line
    };
    if reason.chosen {
        format!("{line} {}", tr.t("plan-step-chosen"))
    } else {
        line
    }
}

fn plan_view(tr: &Tr, plan: &Plan, today: time::Date, badge: Option<String>) -> PlanView {
    let lang = tr.lang().code();
    let day = |d: time::Date| tr.date(&skillgym_domain::people::format_date(d));
    let last = plan.last_week();
    let (first_day, _) = week_days(plan.starts_on, 0);
    let (_, last_day) = week_days(plan.starts_on, last);
    let now = week_of(plan.starts_on, today);
    let goal_title = |position: u32| {
        plan.goals
            .iter()
            .find(|g| g.position == position)
            .map(|g| {
                let shown = g.title.show(lang);
                (shown.text.to_string(), shown.lang)
            })
            .unwrap_or_default()
    };
    let mut weeks: BTreeMap<u32, Vec<StepView>> = BTreeMap::new();
    for s in &plan.steps {
        let title = s.title.show(lang);
        let (goal, goal_lang) = goal_title(s.goal);
        weeks.entry(s.first_week).or_default().push(StepView {
            position: s.position,
            href: format!("/learning/{}", s.activity),
            title: title.text.to_string(),
            lang: title.lang,
            kind: tr.t(&format!("activity-kind-{}", s.kind.as_str())),
            goal,
            goal_lang,
            why: step_why(tr, &s.reason),
            done: s.done_at.is_some(),
            reflection: s.reflection.clone().unwrap_or_default(),
        });
    }
    let running = matches!(plan.status, PlanStatus::Agreed) && (0..=i64::from(last)).contains(&now);
    PlanView {
        id: plan.id,
        status: plan.status,
        progress: tr.t(&format!("plan-progress-{}", plan.progress(today).as_str())),
        progress_code: plan.progress(today).as_str(),
        dates: tr.t2("plan-dates", "from", day(first_day), "to", day(last_day)),
        weekly: plan.weekly.get(),
        agreed: match (plan.agreed_at, &plan.agreed_by) {
            (Some(at), Some(name)) => Some(tr.t2(
                "plan-agreed-by",
                "name",
                name.clone(),
                "date",
                day(uk_time::local(at).date()),
            )),
            (Some(at), None) => {
                Some(tr.t1("plan-agreed-on", "date", day(uk_time::local(at).date())))
            }
            _ => None,
        },
        goals: plan
            .goals
            .iter()
            .map(|g| {
                let title = g.title.show(lang);
                GoalView {
                    position: g.position,
                    end_rating: g.end_rating,
                    title: title.text.to_string(),
                    lang: title.lang,
                    level: g.level,
                    from: format!("{:.1}", g.from),
                    deadline: day(week_days(plan.starts_on, g.deadline_week).1),
                    why: goal_why(tr, &g.reason),
                    help: help_link(&g.code),
                }
            })
            .collect(),
        weeks: weeks
            .into_iter()
            .map(|(week, steps)| {
                let (from, to) = week_days(plan.starts_on, week);
                WeekView {
                    number: week + 1,
                    days: tr.t2("plan-week-days", "from", day(from), "to", day(to)),
                    current: running && i64::from(week) == now,
                    steps,
                }
            })
            .collect(),
        this_week: running.then(|| u32::try_from(now + 1).unwrap_or(1)),
        unhelped: plan.unhelped.clone(),
        badge,
        reassess_open: match plan.status {
            PlanStatus::Finished => true,
            PlanStatus::Agreed => {
                plan.steps.iter().all(|s| s.done_at.is_some()) || now >= i64::from(last)
            }
            _ => false,
        },
        reassessed: plan.reassessed_at.is_some(),
        notes: plan
            .notes
            .iter()
            .map(|n| NoteView {
                author: n
                    .author
                    .clone()
                    .unwrap_or_else(|| tr.t("plan-note-author-gone")),
                when: day(uk_time::local(n.written_at).date()),
                body: n.body.clone(),
            })
            .collect(),
    }
}

/// The proposing form: a campaign the person answered (with names) and their weekly minutes.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    campaign: String,
    #[serde(default)]
    minutes: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan.html")]
pub struct PlanPage {
    page: Page,
    person: PersonId,
    name: String,
    own: bool,
    plan: Option<PlanView>,
    /// A trainer or manager, and the person has no plan running.
    can_propose: bool,
    /// For a trainer or manager with no plan running: the campaigns to propose from.
    campaigns: Vec<AnsweredCampaign>,
    form: ProposeForm,
    /// For a trainer or manager, a plan not finished: what may be added, by goal.
    choices: Vec<ChoiceGroup>,
    add: StepsForm,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// Answers of the digital team about the plan's goals.
    questions: Vec<(skillgym_domain::WeeklyQuestionId, String)>,
}

impl PlanPage {
    fn chosen(&self, value: &str) -> bool {
        self.add.add == value
    }

    fn campaign_is(&self, id: &CampaignId) -> bool {
        self.form.campaign == id.to_string()
    }

    fn campaign_title(&self, c: &AnsweredCampaign) -> (String, &'static str) {
        let shown = c.title.show(self.page.lang());
        (shown.text.to_string(), shown.lang)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    done: Option<String>,
}

fn notice_of(query: &Notice) -> Option<&'static str> {
    match query.done.as_deref() {
        Some("proposed") => Some("plan-notice-proposed"),
        Some("agreed") => Some("plan-notice-agreed"),
        Some("paused") => Some("plan-notice-paused"),
        Some("resumed") => Some("plan-notice-resumed"),
        Some("finished") => Some("plan-notice-finished"),
        Some("edited") => Some("plan-notice-edited"),
        Some("added") => Some("plan-notice-added"),
        Some("noted") => Some("plan-notice-noted"),
        Some("ticked") => Some("plan-notice-ticked"),
        Some("reassessed") => Some("plan-notice-reassessed"),
        _ => None,
    }
}

/// The page of `person`'s plan, for themselves (`own`) or a trainer or manager.
#[allow(clippy::too_many_arguments)]
async fn plan_page(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    person: PersonId,
    own: bool,
    form: Option<ProposeForm>,
    add: StepsForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let record = state.store.person(org, person).await?;
    let current = state.store.current_plan(org, person).await?;
    let can_propose = !own && current.is_none();
    // With no plan running, the last one finished is shown (and its badge).
    let plan = match current {
        Some(p) => Some(p),
        None => match state.store.plans_of(org, person).await?.first() {
            Some(id) => Some(state.store.plan(org, *id).await?),
            None => None,
        },
    };
    let badge = match &plan {
        Some(p) if p.status == PlanStatus::Finished => state
            .store
            .credential_of_plan(org, p.id)
            .await?
            .map(|c| format!("{}/credentials/{}", state.config.public_url, c.id)),
        _ => None,
    };
    let campaigns = if !can_propose {
        Vec::new()
    } else {
        state
            .store
            .answered_campaigns(org, person)
            .await?
            .into_iter()
            .filter(|c| !c.anonymous)
            .collect()
    };
    let form = form.unwrap_or_else(|| ProposeForm {
        campaign: campaigns
            .first()
            .map(|c| c.id.to_string())
            .unwrap_or_default(),
        minutes: skillgym_domain::ContractedHours::from_hours(record.contracted_hours)
            .map(|h| WeeklyMinutes::from_contracted(record.employment, h).get())
            .unwrap_or(30)
            .to_string(),
    });
    // What a trainer or manager may add by hand to a plan not finished.
    let choices = match &plan {
        Some(p) if !own && p.status != PlanStatus::Finished => {
            let reports = state.reports(org).await?;
            let found = choices(&reports, person, p.starts_on, p.last_week() + 1, today()).await?;
            choice_groups(&ctx.tr, p, &found)
        }
        _ => Vec::new(),
    };
    let goal_codes: Vec<String> = plan
        .iter()
        .flat_map(|p| p.goals.iter().map(|g| g.code.clone()))
        .collect();
    let questions = super::weekly_question::answered_about(state, org, &goal_codes, 5).await?;
    let failed = !errors.is_empty();
    let title = if own {
        ctx.page("plan-own-title")
    } else {
        Page::new(ctx, ctx.tr.t1("plan-title", "name", record.name()))
    };
    let mut response = PlanPage {
        page: title,
        person,
        name: record.name(),
        own,
        plan: plan.as_ref().map(|p| plan_view(&ctx.tr, p, today(), badge)),
        can_propose,
        campaigns,
        form,
        choices,
        add,
        errors,
        notice,
        questions,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `person`'s plan page for a trainer or manager, with what was wrong with their form.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    person: PersonId,
    form: Option<ProposeForm>,
    errors: FormErrors,
) -> AppResult<Response> {
    plan_page(
        state,
        ctx,
        user,
        person,
        false,
        form,
        StepsForm::default(),
        errors,
        None,
    )
    .await
}

/// The signed-in person's own plan.
pub async fn own(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<Notice>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    plan_page(
        &state,
        &ctx,
        &user,
        user.person_id,
        true,
        None,
        StepsForm::default(),
        FormErrors::default(),
        notice_of(&query),
    )
    .await
}

/// A person's plan, for a trainer or manager.
pub async fn of_person(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
    Query(query): Query<Notice>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    may_plan_for(&state, &user, person).await?;
    state.store.person(user.organisation_id, person).await?;
    record(
        &state,
        &user,
        by(&user, AuditAction::PersonViewed, Some(person)).with("view", "plan"),
    )
    .await?;
    plan_page(
        &state,
        &ctx,
        &user,
        person,
        false,
        None,
        StepsForm::default(),
        FormErrors::default(),
        notice_of(&query),
    )
    .await
}

// ---- Proposing --------------------------------------------------------------------------------

/// Proposes a plan for `person` from a campaign they answered, at the weekly minutes given.
pub async fn propose(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
    CsrfForm(form): CsrfForm<ProposeForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    may_plan_for(&state, &user, person).await?;
    let org = user.organisation_id;
    state.store.person(org, person).await?;
    let answered: Vec<CampaignId> = state
        .store
        .answered_campaigns(org, person)
        .await?
        .into_iter()
        .filter(|c| !c.anonymous)
        .map(|c| c.id)
        .collect();
    let mut errors = FormErrors::default();
    let campaign = errors.check(
        "campaign",
        form.campaign
            .parse::<i64>()
            .ok()
            .map(CampaignId)
            .filter(|c| answered.contains(c))
            .ok_or(Invalid("plan-campaign-missing")),
    );
    let minutes = errors.check("minutes", WeeklyMinutes::parse(&form.minutes));
    if state.store.current_plan(org, person).await?.is_some() {
        errors.add("campaign", "plan-exists");
    }
    let (Some(campaign), Some(minutes)) = (campaign, minutes) else {
        return refused(&state, &ctx, &user, person, Some(form), errors).await;
    };
    if !errors.is_empty() {
        return refused(&state, &ctx, &user, person, Some(form), errors).await;
    }
    let reports = state.reports(org).await?;
    let campaign = reports.campaign(campaign).await?;
    let found = proposals(
        &reports,
        &campaign,
        Whom::One(person, Some(minutes)),
        today(),
    )
    .await
    .map_err(propose_error)?;
    if found.drafts.is_empty() {
        let why = if found.nothing_fits > 0 {
            "plan-nothing-fits"
        } else {
            "plan-nothing-measured"
        };
        errors.add("campaign", why);
        return refused(&state, &ctx, &user, person, Some(form), errors).await;
    }
    state
        .store
        .save_proposals(org, &found.drafts, Actor::Person(user.person_id))
        .await?;
    Ok(Redirect::to(&format!("/people/{person}/plan?done=proposed")).into_response())
}

fn propose_error(e: ProposeError) -> AppError {
    match e {
        ProposeError::Anonymous => AppError::NotFound,
        ProposeError::Store(e) => e.into(),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    minutes: String,
}

/// Proposes a plan again, at other weekly minutes, while it is only proposed.
pub async fn propose_again(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PlanId>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    let org = user.organisation_id;
    let plan = state.store.plan(org, id).await?;
    may_plan_for(&state, &user, plan.person).await?;
    let minutes = WeeklyMinutes::parse(&form.minutes);
    let (Ok(minutes), Some(campaign), PlanStatus::Proposed) = (minutes, plan.campaign, plan.status)
    else {
        let mut errors = FormErrors::default();
        match minutes {
            Err(e) => errors.add("minutes", e.0),
            Ok(_) => errors.add("minutes", "plan-not-proposed"),
        }
        let shown = ProposeForm {
            campaign: String::new(),
            minutes: form.minutes,
        };
        return refused(&state, &ctx, &user, plan.person, Some(shown), errors).await;
    };
    let reports = state.reports(org).await?;
    let campaign = reports.campaign(campaign).await?;
    let found = proposals(
        &reports,
        &campaign,
        Whom::One(plan.person, Some(minutes)),
        today(),
    )
    .await
    .map_err(propose_error)?;
    let Some(draft) = found.drafts.first() else {
        let mut errors = FormErrors::default();
        errors.add("minutes", "plan-nothing-fits");
        let shown = ProposeForm {
            campaign: String::new(),
            minutes: form.minutes,
        };
        return refused(&state, &ctx, &user, plan.person, Some(shown), errors).await;
    };
    state
        .store
        .replace_proposal(org, id, draft, Actor::Person(user.person_id))
        .await?;
    Ok(Redirect::to(&format!("/people/{}/plan?done=edited", plan.person)).into_response())
}

// ---- Changing ---------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    change: String,
}

/// Agrees, pauses, resumes or finishes a plan.
pub async fn change(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PlanId>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    let org = user.organisation_id;
    let plan = state.store.plan(org, id).await?;
    may_plan_for(&state, &user, plan.person).await?;
    let (change, done) = match form.change.as_str() {
        "agree" => (PlanChange::Agreed, "agreed"),
        "pause" => (PlanChange::Paused, "paused"),
        "resume" => (PlanChange::Resumed, "resumed"),
        "finish" => (PlanChange::Finished, "finished"),
        _ => {
            let mut errors = FormErrors::default();
            errors.add("change", "plan-change-missing");
            return refused(&state, &ctx, &user, plan.person, None, errors).await;
        }
    };
    match state
        .store
        .change_plan(org, id, change, user.person_id, today())
        .await
    {
        Ok(()) if change == PlanChange::Finished => {
            let finished = state.store.plan(org, id).await?;
            super::credentials::issue(&state, org, &finished).await?;
        }
        Ok(()) => {}
        // Someone else changed it first (or the button was stale): say so on the page.
        Err(StoreError::NotFound) => {
            let mut errors = FormErrors::default();
            errors.add("change", "plan-change-stale");
            return refused(&state, &ctx, &user, plan.person, None, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/people/{}/plan?done={done}", plan.person)).into_response())
}

/// The steps form: a step to take out, or an activity or session to add to a goal (in the
/// week given, for one done in the person's own time).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct StepsForm {
    #[serde(default)]
    remove: String,
    #[serde(default)]
    add: String,
    #[serde(default)]
    week: String,
}

/// An activity or session that may be added to a goal, as the form offers it.
pub struct ChoiceGroup {
    pub title: String,
    pub lang: &'static str,
    pub options: Vec<ChoiceOption>,
}

pub struct ChoiceOption {
    /// `{goal}-a-{activity}` for one done in the person's own time, `{goal}-s-{session}` for a
    /// session.
    pub value: String,
    pub label: String,
}

/// A choice of the form, read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Activity(u32, ActivityId),
    Session(u32, SessionId),
}

impl Choice {
    fn parse(value: &str) -> Option<Self> {
        let mut parts = value.splitn(3, '-');
        let goal = parts.next()?.parse().ok()?;
        let kind = parts.next()?;
        let id: i64 = parts.next()?.parse().ok()?;
        match kind {
            "a" => Some(Choice::Activity(goal, ActivityId(id))),
            "s" => Some(Choice::Session(goal, SessionId(id))),
            _ => None,
        }
    }

    fn goal(self) -> u32 {
        match self {
            Choice::Activity(goal, _) | Choice::Session(goal, _) => goal,
        }
    }
}

/// Under each goal, the activities that build its competence: those done in one's own time
/// once, those taken at a session by each session with a place.
fn choice_groups(tr: &Tr, plan: &Plan, candidates: &[Candidate]) -> Vec<ChoiceGroup> {
    let lang = tr.lang().code();
    plan.goals
        .iter()
        .map(|g| {
            let goal_title = g.title.show(lang);
            let mut options = Vec::new();
            for c in candidates
                .iter()
                .filter(|c| c.activity.builds.iter().any(|b| b.competence == g.code))
            {
                let title = c.activity.title.show(lang).text.to_string();
                let kind = tr.t(&format!("activity-kind-{}", c.activity.kind.as_str()));
                if !c.activity.kind.needs_session() {
                    options.push(ChoiceOption {
                        value: format!("{}-a-{}", g.position, c.id),
                        label: tr.args(
                            "plan-add-activity",
                            [
                                ("title", title.clone().into()),
                                ("kind", kind.clone().into()),
                                ("minutes", (c.activity.minutes as usize).into()),
                            ],
                        ),
                    });
                }
                for session in c.sessions.iter().filter(|s| !s.full) {
                    let at = uk_time::local(session.starts_at);
                    let place = session
                        .site
                        .clone()
                        .unwrap_or_else(|| tr.t("plan-add-online"));
                    options.push(ChoiceOption {
                        value: format!("{}-s-{}", g.position, session.id),
                        label: tr.args(
                            "plan-add-session",
                            [
                                ("title", title.clone().into()),
                                ("kind", kind.clone().into()),
                                (
                                    "date",
                                    tr.date(&skillgym_domain::people::format_date(at.date()))
                                        .into(),
                                ),
                                (
                                    "time",
                                    format!("{:02}:{:02}", at.hour(), at.minute()).into(),
                                ),
                                ("place", place.into()),
                            ],
                        ),
                    });
                }
            }
            ChoiceGroup {
                title: goal_title.text.to_string(),
                lang: goal_title.lang,
                options,
            }
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

/// Takes a step out of a plan, or adds one chosen by hand.
pub async fn edit_steps(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PlanId>,
    CsrfForm(form): CsrfForm<StepsForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    let org = user.organisation_id;
    let plan = state.store.plan(org, id).await?;
    may_plan_for(&state, &user, plan.person).await?;
    if form.remove.is_empty() {
        return add_step(&state, &ctx, &user, &plan, form).await;
    }
    let position = form
        .remove
        .parse::<u32>()
        .ok()
        .filter(|p| plan.steps.iter().any(|s| s.position == *p));
    let Some(position) = position else {
        let mut errors = FormErrors::default();
        errors.add("remove", "plan-step-missing");
        return refused(&state, &ctx, &user, plan.person, None, errors).await;
    };
    state
        .store
        .remove_step(org, id, position, user.person_id)
        .await?;
    Ok(Redirect::to(&format!("/people/{}/plan?done=edited", plan.person)).into_response())
}

/// Adds the activity or session chosen to its goal: a session in its own week, anything else
/// from the week given, in the person's own time.
async fn add_step(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    plan: &Plan,
    form: StepsForm,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let weeks = plan.last_week() + 1;
    let now = week_of(plan.starts_on, today()).max(0);
    let mut errors = FormErrors::default();
    let choice = Choice::parse(&form.add);
    let goal = choice.and_then(|c| plan.goals.iter().find(|g| g.position == c.goal()));
    let reports = state.reports(org).await?;
    let candidates = choices(&reports, plan.person, plan.starts_on, weeks, today()).await?;
    let found = match choice {
        Some(Choice::Activity(_, activity)) => candidates
            .iter()
            .find(|c| c.id == activity && !c.activity.kind.needs_session())
            .map(|c| (c, None)),
        Some(Choice::Session(_, session)) => candidates.iter().find_map(|c| {
            c.sessions
                .iter()
                .find(|s| s.id == session)
                .map(|s| (c, Some(s)))
        }),
        None => None,
    };
    let week = match found {
        Some((_, None)) => {
            let week = form
                .week
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|w| (1..=weeks).contains(w));
            match week {
                None => {
                    errors.add("week", "plan-add-week-invalid");
                    None
                }
                Some(w) if i64::from(w - 1) < now => {
                    errors.add("week", "plan-add-week-past");
                    None
                }
                Some(w) => Some(w - 1),
            }
        }
        _ => Some(0),
    };
    let (Some(goal), Some((candidate, session)), Some(week)) = (goal, found, week) else {
        if goal.is_none() || found.is_none() {
            errors.add("add", "plan-add-missing");
        }
        return refused_add(state, ctx, user, plan.person, form, errors).await;
    };
    let used: Vec<ActivityKind> = plan.steps.iter().map(|s| s.kind).collect();
    let placing = Placing {
        competence: &goal.code,
        goal_level: goal.level,
        weekly: plan.weekly,
        weeks,
        used: &used,
    };
    let placed = match chosen_step(candidate, session, week, placing) {
        Ok(placed) => placed,
        Err(why) => {
            let (field, message) = match why {
                NotPlaced::OffGoal => ("add", "plan-add-off-goal"),
                NotPlaced::NeedsSession => ("add", "plan-add-needs-session"),
                NotPlaced::Full => ("add", "plan-add-full"),
                NotPlaced::OutsideWeeks if session.is_some() => ("add", "plan-add-outside-weeks"),
                NotPlaced::OutsideWeeks => ("week", "plan-add-outside-weeks"),
            };
            errors.add(field, message);
            return refused_add(state, ctx, user, plan.person, form, errors).await;
        }
    };
    let step = NewPlanStep {
        goal: goal.position,
        activity: candidate.id,
        session: session.map(|s| s.id),
        first_week: placed.first_week,
        last_week: placed.last_week,
        minutes: placed.minutes,
        reason: placed.reason,
    };
    let position = state
        .store
        .add_step(org, plan.id, &step, user.person_id)
        .await?;
    Ok(Redirect::to(&format!(
        "/people/{}/plan?done=added#step-{position}",
        plan.person
    ))
    .into_response())
}

/// `person`'s plan page with what was wrong with the adding form.
async fn refused_add(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    person: PersonId,
    form: StepsForm,
    errors: FormErrors,
) -> AppResult<Response> {
    plan_page(state, ctx, user, person, false, None, form, errors, None).await
}

#[derive(Debug, Default, Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

/// Keeps a note of a meeting about the plan.
pub async fn add_note(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PlanId>,
    CsrfForm(form): CsrfForm<NoteForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    let org = user.organisation_id;
    let plan = state.store.plan(org, id).await?;
    may_plan_for(&state, &user, plan.person).await?;
    let note = form.note.trim();
    let problem = if note.is_empty() {
        Some("plan-note-missing")
    } else if note.chars().count() > MOST_TEXT {
        Some("plan-note-too-long")
    } else {
        None
    };
    if let Some(problem) = problem {
        let mut errors = FormErrors::default();
        errors.add("note", problem);
        return refused(&state, &ctx, &user, plan.person, None, errors).await;
    }
    state
        .store
        .add_plan_note(org, id, user.person_id, note)
        .await?;
    Ok(Redirect::to(&format!("/people/{}/plan?done=noted#notes", plan.person)).into_response())
}

// ---- The person's own steps ------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct TickForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    reflection: String,
}

/// The person ticks a step of their plan done (with a short reflection), or not done.
pub async fn tick(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<TickForm>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    let org = user.organisation_id;
    let plan = state
        .store
        .current_plan(org, user.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let step = form
        .step
        .parse::<u32>()
        .ok()
        .filter(|p| plan.steps.iter().any(|s| s.position == *p));
    let mut errors = FormErrors::default();
    if step.is_none() {
        errors.add("step", "plan-step-missing");
    }
    if plan.status != PlanStatus::Agreed {
        errors.add("step", "plan-not-agreed");
    }
    let reflection = form.reflection.trim();
    if reflection.chars().count() > MOST_TEXT {
        errors.add(
            format!("reflection-{}", form.step),
            "plan-reflection-too-long",
        );
    }
    let Some(step) = step.filter(|_| errors.is_empty()) else {
        return plan_page(
            &state,
            &ctx,
            &user,
            user.person_id,
            true,
            None,
            StepsForm::default(),
            errors,
            None,
        )
        .await;
    };
    state
        .store
        .tick_step(
            org,
            plan.id,
            user.person_id,
            step,
            form.done != "no",
            Some(reflection),
        )
        .await?;
    Ok(Redirect::to(&format!("/me/plan?done=ticked#step-{step}")).into_response())
}

/// The person rates each goal's competence again at the end of the plan, 1 to 5.
pub async fn reassess(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    let org = user.organisation_id;
    // The plan running, or else the last one finished.
    let plan = match state.store.current_plan(org, user.person_id).await? {
        Some(p) => p,
        None => {
            let last = state.store.plans_of(org, user.person_id).await?;
            let id = last.first().ok_or(AppError::NotFound)?;
            state.store.plan(org, *id).await?
        }
    };
    let view = plan_view(&ctx.tr, &plan, today(), None);
    let mut errors = FormErrors::default();
    if !view.reassess_open {
        errors.add("reassess", "plan-reassess-not-yet");
    }
    let mut ratings = Vec::new();
    for g in &plan.goals {
        let field = format!("goal-{}", g.position);
        match form
            .get(&field)
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|n| (1..=5).contains(n))
        {
            Some(n) => ratings.push((g.position, n)),
            None => errors.add(field, "plan-reassess-missing"),
        }
    }
    if !errors.is_empty() {
        return plan_page(
            &state,
            &ctx,
            &user,
            user.person_id,
            true,
            None,
            StepsForm::default(),
            errors,
            None,
        )
        .await;
    }
    state
        .store
        .reassess(org, plan.id, user.person_id, &ratings)
        .await?;
    Ok(Redirect::to("/me/plan?done=reassessed#reassessment").into_response())
}

// ---- The list ---------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    progress: String,
}

pub struct PlanLine {
    pub person: PersonId,
    pub name: String,
    pub team: String,
    pub starts: String,
    pub progress: String,
    pub progress_code: &'static str,
}

/// How many plans are at each point, for the service or one team.
pub struct ProgressCounts {
    pub label: String,
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans.html")]
pub struct PlansPage {
    page: Page,
    /// Each progress's code and name, in the order of the columns.
    progresses: Vec<(&'static str, String)>,
    chosen: String,
    service: ProgressCounts,
    teams: Vec<ProgressCounts>,
    lines: Vec<PlanLine>,
}

/// The plans the reader works with, and how each is going: for the service, by team, and one
/// line each.
pub async fn list(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let user: SessionRecord = (*planner.0).clone();
    let org = user.organisation_id;
    let visible = whose(&state, &user).await?;
    let since = skillgym_store::now() - 90 * 86_400;
    let plans: Vec<PlanSummary> = state
        .store
        .plan_summaries(org, since)
        .await?
        .into_iter()
        .filter(|p| visible.as_ref().is_none_or(|v| v.contains(&p.person)))
        .collect();
    let today = today();
    let tr = &ctx.tr;
    let teams: BTreeMap<i64, String> = state
        .store
        .teams(org)
        .await?
        .into_iter()
        .map(|t| (t.id.0, t.name.to_string()))
        .collect();
    let position = |p: Progress| Progress::ALL.iter().position(|x| *x == p).unwrap_or(0);
    let mut service = vec![0; Progress::ALL.len()];
    let mut by_team: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut lines = Vec::new();
    for p in &plans {
        let progress = p.progress(today);
        service[position(progress)] += 1;
        let team = p
            .team
            .and_then(|t| teams.get(&t).cloned())
            .unwrap_or_else(|| tr.t("plans-no-team"));
        by_team
            .entry(team.clone())
            .or_insert_with(|| vec![0; Progress::ALL.len()])[position(progress)] += 1;
        if query.progress.is_empty() || query.progress == progress.as_str() {
            lines.push(PlanLine {
                person: p.person,
                name: p.name.clone(),
                team,
                starts: tr.date(&skillgym_domain::people::format_date(p.starts_on)),
                progress: tr.t(&format!("plan-progress-{}", progress.as_str())),
                progress_code: progress.as_str(),
            });
        }
    }
    Ok(PlansPage {
        page: ctx.page("plans-title"),
        progresses: Progress::ALL
            .iter()
            .map(|p| (p.as_str(), tr.t(&format!("plan-progress-{}", p.as_str()))))
            .collect(),
        chosen: query.progress,
        service: ProgressCounts {
            label: tr.t("plans-whole-service"),
            total: service.iter().sum(),
            counts: service,
        },
        teams: by_team
            .into_iter()
            .map(|(label, counts)| ProgressCounts {
                label,
                total: counts.iter().sum(),
                counts,
            })
            .collect(),
        lines,
    }
    .into_response())
}
