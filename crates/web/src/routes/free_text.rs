//! A campaign's free-text answers, question by question, with the words and two-word phrases
//! used most, for everyone and by group (the groupings the comparison offers), as a page and as
//! CSV. Names are never shown, not even in a campaign that is not anonymous, and the answers
//! are listed in alphabetical order; the domain decides what the anonymity threshold lets
//! through (`skillgym_domain::analysis::words`).

use super::analysis::csv_body;
use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::analysis::GroupingKey;
use skillgym_domain::analysis::words::{Counted, Summary, summarise};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{CampaignId, Employment, JobFamily, ServiceLength, WorkingHours};
use skillgym_reporting::grouping::{Choice, Grouping, GroupingNotice};
use skillgym_store::{Campaign, FreeTextResponse};

/// The most answers a question lists on the page (the CSV has them all): a national campaign's
/// tens of thousands would make a page too big to load.
const SHOWN_ANSWERS: usize = 1000;

/// `?by=` a grouping the comparison offers.
#[derive(Debug, Default, Deserialize)]
pub struct ByQuery {
    by: Option<String>,
}

/// A group's line: how many of it answered and what they say most.
pub struct GroupView {
    pub label: String,
    pub lang: &'static str,
    pub answers: usize,
    pub words: Vec<Counted>,
    pub phrases: Vec<Counted>,
}

/// A free-text question and what may be shown of its answers.
pub struct QuestionView {
    pub code: String,
    pub prompt: String,
    pub lang: &'static str,
    pub summary: Summary,
    /// The groups shown that have answers.
    pub groups: Vec<GroupView>,
    /// Answers not listed on the page, past [`SHOWN_ANSWERS`].
    pub not_listed: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_answers.html", blocks = ["content"])]
pub struct AnswersPage {
    page: Page,
    campaign_id: CampaignId,
    threshold: usize,
    by: String,
    choices: Vec<Choice>,
    /// Why some responses are in no group, as the comparison says it.
    notice: Option<GroupingNotice>,
    notice_path: &'static str,
    questions: Vec<QuestionView>,
}

struct Loaded {
    campaign: Campaign,
    threshold: usize,
    grouping: Grouping,
    choices: Vec<Choice>,
    notice: Option<GroupingNotice>,
    questions: Vec<QuestionView>,
}

async fn load(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<Loaded> {
    let org = admin.organisation_id;
    let reports = state.reports(org).await?;
    let campaign = reports.campaign(id).await?;
    let threshold = reports.threshold();
    let analysed = reports.analysed(&campaign).await?;
    // An open anonymous campaign's answers come in whole steps of the threshold, as its figures
    // do: one more answer appears only with enough others that it cannot be told apart.
    let first = analysed.stepped.then(|| analysed.columns.responses());
    let responses = state.store.free_text_answers(org, &campaign, first).await?;
    let grouping = reports
        .grouping(by.by.as_deref(), &campaign, &analysed, &ctx.tr)
        .await?;
    let group_of: Vec<Option<usize>> = responses.iter().map(|r| group_of(&grouping, r)).collect();
    let lang = ctx.tr.lang().code();
    let questions = campaign
        .questions
        .iter()
        .filter(|(_, q)| q.kind == QuestionKind::Text)
        .map(|(qid, q)| {
            let answers: Vec<(&str, Option<usize>)> = responses
                .iter()
                .zip(&group_of)
                .filter_map(|(r, g)| {
                    let (_, text) = r.answers.iter().find(|(a, _)| a == qid)?;
                    Some((text.as_str(), *g))
                })
                .collect();
            let summary = summarise(&answers, grouping.groups.len(), threshold);
            let groups = summary
                .groups
                .iter()
                .zip(&grouping.groups)
                .filter_map(|(g, head)| {
                    let answers = g.answers.filter(|n| *n > 0)?;
                    Some(GroupView {
                        label: head.label.clone(),
                        lang: head.lang,
                        answers,
                        words: g.frequent.words.clone(),
                        phrases: g.frequent.phrases.clone(),
                    })
                })
                .collect();
            let prompt = q.prompt.show(lang);
            QuestionView {
                code: q.code.clone(),
                prompt: prompt.text.into(),
                lang: prompt.lang,
                summary,
                groups,
                not_listed: 0,
            }
        })
        .collect();
    Ok(Loaded {
        notice: grouping.notice(&campaign, &analysed, &ctx.tr),
        choices: grouping.choices(&campaign, &analysed.columns, &ctx.tr),
        campaign,
        threshold: threshold.get(),
        grouping,
        questions,
    })
}

/// A response's group in the grouping, by position.
fn group_of(grouping: &Grouping, r: &FreeTextResponse) -> Option<usize> {
    let groups = grouping.groups.len();
    // Teams and sites are grouped by id, as the grouping's keys name them.
    let place = |id: Option<i64>| {
        let key = id?.to_string();
        grouping.groups.iter().position(|g| g.key == key)
    };
    match grouping.key() {
        GroupingKey::Hours => r
            .hours
            .and_then(|h| WorkingHours::ALL.iter().position(|x| *x == h)),
        GroupingKey::Service => r
            .service
            .and_then(|s| ServiceLength::ALL.iter().position(|x| *x == s)),
        GroupingKey::Team => place(r.team.map(|t| t.0)),
        GroupingKey::Site => place(r.main_site.map(|s| s.0)),
        GroupingKey::JobFamily => r
            .job_family
            .and_then(|f| JobFamily::ALL.iter().position(|x| *x == f)),
        GroupingKey::Employment => r
            .employment
            .and_then(|e| Employment::ALL.iter().position(|x| *x == e)),
        GroupingKey::Question(id) => r
            .answers
            .iter()
            .find(|(q, _)| *q == id)
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .filter(|g| *g < groups),
    }
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    let mut loaded = load(&state, &ctx, &admin, id, &by).await?;
    for q in &mut loaded.questions {
        q.not_listed = q.summary.answers.len().saturating_sub(SHOWN_ANSWERS);
        q.summary.answers.truncate(SHOWN_ANSWERS);
    }
    let lang = ctx.tr.lang().code();
    let mut page = ctx.page("free-text-title");
    page.title = ctx.tr.t1(
        "free-text-title-for",
        "campaign",
        loaded.campaign.title.show(lang).text.to_string(),
    );
    Ok(AnswersPage {
        page,
        campaign_id: loaded.campaign.id,
        threshold: loaded.threshold,
        choices: loaded.choices,
        notice: loaded.notice,
        notice_path: "answers",
        by: loaded.grouping.code,
        questions: loaded.questions,
    }
    .into_response())
}

/// The page's answers and lists as rows: question, group (everyone first), what the row is
/// (an answer, a word or a phrase), its text, and how many answers use it.
pub async fn csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    let loaded = load(&state, &ctx, &admin, id, &by).await?;
    let tr = &ctx.tr;
    let mut rows = vec![
        [
            "free-text-csv-question-code",
            "free-text-csv-question",
            "report-group",
            "free-text-csv-kind",
            "free-text-csv-text",
            "free-text-answers-using",
        ]
        .map(|id| tr.t(id))
        .to_vec(),
    ];
    let everyone = tr.t("analysis-everyone");
    let (answer, word, phrase) = (
        tr.t("free-text-csv-answer"),
        tr.t("free-text-word"),
        tr.t("free-text-phrase"),
    );
    for q in &loaded.questions {
        let row = |group: &str, kind: &str, text: &str, n: Option<usize>| {
            vec![
                q.code.clone(),
                q.prompt.clone(),
                group.to_string(),
                kind.to_string(),
                text.to_string(),
                n.map(|n| n.to_string()).unwrap_or_default(),
            ]
        };
        let mut lists = |group: &str, words: &[Counted], phrases: &[Counted]| {
            for (kind, list) in [(&word, words), (&phrase, phrases)] {
                for c in list {
                    rows.push(row(group, kind, &c.text, Some(c.answers)));
                }
            }
        };
        lists(
            &everyone,
            &q.summary.everyone.words,
            &q.summary.everyone.phrases,
        );
        for g in &q.groups {
            lists(&g.label, &g.words, &g.phrases);
        }
        for text in &q.summary.answers {
            rows.push(row(&everyone, &answer, text, None));
        }
    }
    csv_body(rows, &format!("answers-{}.csv", loaded.grouping.code))
}
