//! Change over time: a re-audit set against an earlier campaign on the same framework, for the
//! people who answered both and for the whole service, as a page (a dumbbell chart drawn here,
//! with its tables) and as CSV. The domain decides which figures are safe to show.

use super::analysis::{csv_body, p_reading, p_value};
use super::reports::Count;
use crate::AppState;
use crate::access::Admin;
use crate::charts::{self, Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::CampaignId;
use skillgym_domain::analysis::ShownRate;
use skillgym_domain::people::format_date;
use skillgym_i18n::Tr;
use skillgym_reporting::change::{CompareError, Compared, Line};

/// `?earlier=ID`: the campaign to compare with; by default the one this was cloned from, or
/// else the latest earlier campaign on the same framework.
#[derive(Debug, Default, Deserialize)]
pub struct ChangeQuery {
    earlier: Option<i64>,
    /// For the CSV: `competences` (the default) or `areas`.
    table: Option<String>,
}

impl From<CompareError> for AppError {
    fn from(e: CompareError) -> Self {
        match e {
            CompareError::NotOffered(_) => AppError::NotFound,
            CompareError::Store(e) => e.into(),
        }
    }
}

async fn compared(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    query: &ChangeQuery,
) -> AppResult<Compared> {
    let reports = state.reports(admin.organisation_id).await?;
    let campaign = reports.campaign(id).await?;
    Ok(reports
        .compare(campaign, query.earlier, ctx.tr.lang().code())
        .await?)
}

/// A row of either table, formatted.
pub struct RowView {
    pub code: String,
    pub title: String,
    pub title_lang: &'static str,
    /// People in both: n, then, now, change, p-value, effect size.
    pub paired: Option<(usize, String, String, String, String, String)>,
    /// The whole service then and now: (mean, n) each, hidden when too few.
    pub before: Option<(String, usize)>,
    pub after: Option<(String, usize)>,
    /// Difference, p-value, effect size.
    pub whole: Option<(String, String, String)>,
    /// Message ids of the plain words beside each p-value: people in both, whole service.
    pub paired_reading: Option<&'static str>,
    pub whole_reading: Option<&'static str>,
    /// The whole service's p-value, for the print summary's findings.
    pub whole_p: Option<f64>,
}

/// A table of rows: the areas, or the competences.
pub struct TableView {
    /// Message ids of its heading and of its caption.
    pub caption: &'static str,
    pub explain: &'static str,
    /// `areas` or `competences`, as the CSV is asked for.
    pub csv: &'static str,
    pub rows: Vec<RowView>,
}

/// A campaign's response rate.
pub struct Rate {
    pub title: String,
    pub title_lang: &'static str,
    pub asked: u64,
    /// How many finished, written out: the number or "fewer than k".
    pub finished: String,
    pub percent: Option<u64>,
    /// Where the finished responses came from, when some came from outside the audience.
    pub outside: Option<String>,
}

/// A campaign offered to compare with.
pub struct ChoiceView {
    pub id: i64,
    pub label: String,
    pub lang: &'static str,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_change.html", blocks = ["content"])]
pub struct ChangePage {
    pub(super) page: Page,
    campaign_id: CampaignId,
    threshold: usize,
    /// How many answered both, written out: the number, "fewer than k" or "hidden".
    people_in_both_text: String,
    choices: Vec<ChoiceView>,
    /// The earlier campaign's id, for links; 0 when there is none.
    pub(super) earlier_id: i64,
    pub(super) earlier_title: String,
    rates: Vec<Rate>,
    pub(super) tables: Vec<TableView>,
    /// The whole service's mean of each competence then and now, joined (`crate::charts`).
    chart: String,
}

fn view(line: &Line) -> RowView {
    let r = line.row;
    let paired_p = r.paired.and_then(|p| p.test).map(|t| t.p);
    let whole_p = r.whole.difference.and(r.whole.test).map(|t| t.p);
    let reading = |p: f64| p_reading(p, "change-p-real", "change-p-chance");
    RowView {
        paired_reading: paired_p.map(reading),
        whole_reading: whole_p.map(reading),
        whole_p,
        code: line.code.clone(),
        title: line.title.clone(),
        title_lang: line.title_lang,
        paired: r.paired.map(|p| {
            (
                p.n,
                format!("{:.2}", p.before),
                format!("{:.2}", p.after),
                format!("{:+.2}", p.change),
                p.test.map_or_else(|| "–".into(), |t| p_value(t.p)),
                p.test
                    .map_or_else(|| "–".into(), |t| format!("{:.2}", t.rank_biserial)),
            )
        }),
        before: r.whole.before.map(|s| (format!("{:.2}", s.mean), s.n)),
        after: r.whole.after.map(|s| (format!("{:.2}", s.mean), s.n)),
        whole: r.whole.difference.map(|d| {
            (
                format!("{d:+.2}"),
                r.whole.test.map_or_else(|| "–".into(), |t| p_value(t.p)),
                r.whole
                    .test
                    .map_or_else(|| "–".into(), |t| format!("{:.2}", t.rank_biserial)),
            )
        }),
    }
}

/// What the page says of finished responses from outside the audience, if any came from there
/// (as `rate_outside.html` does on the report).
fn outside(tr: &Tr, data: &ShownRate) -> Option<String> {
    match data.others() {
        Some(0) => None,
        Some(others) => Some(tr.t2(
            "report-rate-outside",
            "people",
            data.audience(),
            "others",
            others,
        )),
        None => data
            .others_hidden()
            .then(|| tr.t("report-rate-outside-hidden")),
    }
}

fn rate(title: &skillgym_domain::audit::Localised, tr: &Tr, data: &ShownRate) -> Rate {
    let shown = title.show(tr.lang().code());
    let k = data.threshold().get();
    Rate {
        title: shown.text.into(),
        title_lang: shown.lang,
        asked: data.asked(),
        finished: Count::of(data.finished(), data.shown()).text(tr, k),
        percent: data.percent(),
        outside: outside(tr, data),
    }
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(query): Query<ChangeQuery>,
) -> AppResult<Response> {
    Ok(change_page(&state, &ctx, &admin, id, &query)
        .await?
        .into_response())
}

/// Change over time, ready to render as a page or as a part of the print-ready report.
pub(super) async fn change_page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    query: &ChangeQuery,
) -> AppResult<ChangePage> {
    let c = compared(state, ctx, admin, id, query).await?;
    let lang = ctx.tr.lang().code();
    let mut page = ctx.page("change-title");
    page.title = ctx.tr.t1(
        "change-title-for",
        "campaign",
        c.campaign.title.show(lang).text.to_string(),
    );
    let chosen = c.earlier.as_ref().map(|(e, _)| e.id);
    let choices = c
        .choices
        .iter()
        .map(|choice| {
            let title = choice.title.show(lang);
            ChoiceView {
                id: choice.id.0,
                label: format!(
                    "{} ({})",
                    title.text,
                    ctx.tr.date(&format_date(choice.opens_on))
                ),
                lang: title.lang,
                selected: Some(choice.id) == chosen,
            }
        })
        .collect();
    let mut rates = Vec::new();
    let (earlier_id, earlier_title) = match &c.earlier {
        Some((e, data)) => {
            rates.push(rate(&e.title, &ctx.tr, data));
            (e.id.0, e.title.show(lang).text.to_string())
        }
        None => (0, String::new()),
    };
    rates.push(rate(&c.campaign.title, &ctx.tr, &c.later));
    let chart = RowChart {
        id: "change",
        kind: Kind::Dots { joined: true },
        scale: Scale::new(1.0, 5.0, 4),
        series: vec![
            Series::nth(0, ctx.tr.t("change-then"), lang).coloured(charts::GREY),
            Series::nth(1, ctx.tr.t("change-now"), lang).coloured(charts::SERIES[0]),
        ],
        rows: c
            .competences
            .iter()
            .map(|line| Row {
                label: line.title.clone(),
                values: vec![
                    line.row.whole.before.map(|s| s.mean),
                    line.row.whole.after.map(|s| s.mean),
                ],
                missing: ctx.tr.t("report-hidden"),
            })
            .collect(),
        decimals: 2,
    }
    .html();
    let in_both = c.change.as_ref().and_then(|ch| ch.people_in_both);
    Ok(ChangePage {
        page,
        campaign_id: c.campaign.id,
        threshold: c.threshold.get(),
        people_in_both_text: match in_both {
            Some(n) => ctx.tr.t1("change-people-in-both", "count", n),
            None => ctx.tr.t1(
                "change-people-in-both-hidden",
                "threshold",
                c.threshold.get(),
            ),
        },
        choices,
        earlier_id,
        earlier_title,
        rates,
        tables: vec![
            TableView {
                caption: "change-areas-table",
                explain: "change-areas-caption",
                csv: "areas",
                rows: c.areas.iter().map(view).collect(),
            },
            TableView {
                caption: "change-competences-table",
                explain: "change-competences-caption",
                csv: "competences",
                rows: c.competences.iter().map(view).collect(),
            },
        ],
        chart,
    })
}

pub async fn csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(query): Query<ChangeQuery>,
) -> AppResult<Response> {
    let c = compared(&state, &ctx, &admin, id, &query).await?;
    let Some((earlier, _)) = &c.earlier else {
        return Err(AppError::NotFound);
    };
    let tr = &ctx.tr;
    let (rows, table) = match query.table.as_deref() {
        None | Some("competences") => (c.table(false, tr), "competences"),
        Some("areas") => (c.table(true, tr), "areas"),
        Some("rates") => (c.rates_table(tr).ok_or(AppError::NotFound)?, "rates"),
        Some(_) => return Err(AppError::NotFound),
    };
    let name = format!("change-{}-{}-{table}.csv", earlier.id.0, c.campaign.id.0);
    csv_body(rows, &name)
}
