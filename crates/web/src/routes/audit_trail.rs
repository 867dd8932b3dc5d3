//! The audit trail: recording who viewed, exported, changed or erased whose personal data,
//! and the admin's page and CSV of it.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::routes::analysis::csv_body;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::PersonId;
use skillgym_i18n::Tr;
use skillgym_store::{
    Actor, AuditAction, AuditEventRecord, AuditFilter, DETAIL_FLAGS, DETAIL_KEYS, NewAuditEvent,
    SessionRecord, iso_time,
};

const PAGE_SIZE: i64 = 50;

/// Records that the signed-in person did `action` (to `subject`). A request whose event
/// cannot be recorded fails: nothing personal is shown or changed unaccounted for.
pub(crate) async fn record(
    state: &AppState,
    user: &SessionRecord,
    event: NewAuditEvent,
) -> AppResult<()> {
    state
        .store
        .record_event(user.organisation_id, &event)
        .await?;
    Ok(())
}

/// An event done by the signed-in person.
pub(crate) fn by(
    user: &SessionRecord,
    action: AuditAction,
    subject: Option<PersonId>,
) -> NewAuditEvent {
    NewAuditEvent::new(Actor::Person(user.person_id), action, subject)
}

#[derive(Deserialize, Default)]
pub struct TrailQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

impl TrailQuery {
    fn filter(&self, page: i64, limit: i64) -> AuditFilter {
        AuditFilter {
            person: self
                .person
                .as_deref()
                .and_then(|p| p.parse().ok())
                .map(PersonId),
            query: Some(self.q.clone()),
            action: self.action.as_deref().and_then(AuditAction::parse),
            offset: (page - 1) * limit,
            limit,
        }
    }
}

/// One event as the page shows it.
pub struct ShownEvent {
    pub when: String,
    pub actor: Option<(PersonId, String)>,
    pub actor_label: String,
    pub action: String,
    pub subject: Option<(PersonId, String)>,
    pub subject_label: String,
    pub detail: String,
}

fn shown(tr: &Tr, e: AuditEventRecord) -> ShownEvent {
    let actor_label = match (e.actor_kind.as_str(), &e.actor) {
        (_, Some(_)) => String::new(),
        ("system", None) => tr.t("audit-actor-system"),
        ("command-line", None) => tr.t("audit-actor-command-line"),
        ("sign-in", None) => tr.t("audit-actor-sign-in"),
        _ => tr.t("audit-erased-person"),
    };
    let subject_label = if e.subject_erased {
        tr.t("audit-erased-person")
    } else {
        String::new()
    };
    ShownEvent {
        when: {
            // "30 December 2026 14:05:09": the date as every page writes it, then the time.
            let iso = iso_time(e.at);
            format!("{} {}", tr.date(&iso), iso.get(11..19).unwrap_or(""))
        },
        actor: e.actor,
        actor_label,
        action: match e.action {
            Some(a) => tr.t(&format!("audit-action-{}", a.as_str())),
            None => e.action_code.clone(),
        },
        subject: e.subject,
        subject_label,
        detail: describe_detail(tr, &e.detail),
    }
}

/// The neutral detail (`key=value` pairs and flags) in the reader's language. Every key and
/// flag skillgym records has a message (a test renders them all); one it does not know, from
/// another version, is shown as stored rather than lost.
pub fn describe_detail(tr: &Tr, detail: &str) -> String {
    detail
        .split_whitespace()
        .map(|token| match token.split_once('=') {
            Some(("roles", roles)) => {
                let names: Vec<String> = roles
                    .split(',')
                    .map(|r| {
                        tr.find(&format!("role-{r}"))
                            .unwrap_or_else(|| r.to_string())
                    })
                    .collect();
                tr.t1("audit-detail-roles", "value", names.join(", "))
            }
            Some((key, value)) if DETAIL_KEYS.contains(&key) => {
                let id = format!("audit-detail-{key}");
                match value.parse::<i64>() {
                    Ok(n) => tr.t1(&id, "value", n),
                    Err(_) => tr.t1(&id, "value", value.to_string()),
                }
            }
            None if DETAIL_FLAGS.contains(&token) => tr.t(&format!("audit-detail-{token}")),
            _ => token.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Template, WebTemplate)]
#[template(path = "audit_trail.html")]
pub struct TrailPage {
    page: Page,
    events: Vec<ShownEvent>,
    total: i64,
    query: String,
    person: Option<(PersonId, String)>,
    action: Option<AuditAction>,
    actions: [AuditAction; AuditAction::COUNT],
    page_number: i64,
    pages: i64,
}

impl TrailPage {
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.query.is_empty() {
            q.push(("q", self.query.clone()));
        }
        if let Some((p, _)) = &self.person {
            q.push(("person", p.to_string()));
        }
        if let Some(a) = self.action {
            q.push(("action", a.as_str().to_string()));
        }
        q
    }

    /// The link to page `n` of the same list.
    fn page_link(&self, n: &i64) -> String {
        let mut q = vec![("page", n.to_string())];
        q.extend(self.params());
        format!(
            "/audit-trail?{}",
            serde_urlencoded::to_string(q).unwrap_or_default()
        )
    }

    /// The CSV of the same list.
    fn csv_link(&self) -> String {
        let q = serde_urlencoded::to_string(self.params()).unwrap_or_default();
        if q.is_empty() {
            "/audit-trail.csv".into()
        } else {
            format!("/audit-trail.csv?{q}")
        }
    }
}

pub async fn list(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<TrailQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let page_number = query.page.unwrap_or(1).max(1);
    let filter = query.filter(page_number, PAGE_SIZE);
    let person = match filter.person {
        Some(p) => match state.store.person(org, p).await {
            Ok(record) => Some((p, record.name())),
            Err(skillgym_store::StoreError::NotFound) => Some((p, String::new())),
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let (events, total) = state.store.audit_events(org, &filter).await?;
    Ok(TrailPage {
        page: ctx.page("audit-trail-title"),
        events: events.into_iter().map(|e| shown(&ctx.tr, e)).collect(),
        total,
        query: query.q,
        person,
        action: filter.action,
        actions: AuditAction::ALL,
        page_number,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
    }
    .into_response())
}

/// Every matching event as CSV, headed in the reader's language but with stored codes rather
/// than words in the cells, for a spreadsheet or an auditor. Exporting the trail is itself recorded.
pub async fn csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<TrailQuery>,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let filter = query.filter(1, i64::MAX / 2);
    let (events, total) = state
        .store
        .audit_events(user.organisation_id, &filter)
        .await?;
    record(
        &state,
        user,
        by(user, AuditAction::AuditTrailExported, None).with("events", total),
    )
    .await?;
    let mut rows = vec![
        [
            "audit-trail-csv-at",
            "audit-trail-csv-actor-kind",
            "audit-trail-csv-actor-id",
            "audit-trail-csv-actor",
            "audit-trail-csv-action",
            "audit-trail-csv-subject-id",
            "audit-trail-csv-subject",
            "audit-trail-csv-detail",
        ]
        .map(|id| ctx.tr.t(id))
        .to_vec(),
    ];
    for e in &events {
        let (actor_id, actor) = e
            .actor
            .as_ref()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .unwrap_or_default();
        let (subject_id, subject) = e
            .subject
            .as_ref()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .unwrap_or_default();
        rows.push(vec![
            iso_time(e.at),
            e.actor_kind.clone(),
            actor_id,
            actor,
            e.action_code.clone(),
            subject_id,
            subject,
            e.detail.clone(),
        ]);
    }
    csv_body(rows, "audit-trail.csv")
}
