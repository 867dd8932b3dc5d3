//! The Learning Record Store (docs/xapi.md): the systems allowed to send statements, the
//! statements as stored, the lookups behind GET Statements' filters, and the completions that
//! `completed` and `passed` statements make in the training matrix.
//!
//! What a statement means is `skillgym_xapi`'s: this module stores what `prepare` makes, asks
//! `same_statement` whether a resend conflicts, and has `matches_with` decide which candidates a
//! query selects (the indexed columns only narrow the candidates down).

use crate::audit_trail::insert_event;
use crate::training::{Requirement, rework_cell};
use crate::{Actor, AuditAction, Backend, NewAuditEvent, Result, Store, StoreError, now};
use base64::Engine;
use serde_json::Value;
use skillgym_domain::people::format_date;
use skillgym_domain::{OrganisationId, PersonId, RequirementId};
use skillgym_xapi::attachments::{AttachmentData, hashes_of};
use skillgym_xapi::{
    Actor as XActor, Agent, Ifi, Query, Statement, Target, Timestamp, matches_with, mbox_of,
    prepare, same_statement, voided_target_json,
};
use sqlx::Row;
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// The Verbs whose statements count as completing a mapped requirement's module.
const COMPLETING: [&str; 2] = [
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
];

/// With several selective filters, each one's statements are counted up to this many to choose
/// the one to walk.
const LOOKUP_BOUND: i64 = 1001;

/// How deep a chain of Statement References is followed (as `skillgym_xapi::matches_with`).
const REFERENCE_DEPTH: usize = 16;

/// A system allowed to send statements for one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct XapiClient {
    pub id: i64,
    pub organisation: OrganisationId,
    pub name: String,
    /// The Basic user name; also the `account.name` of the authority stamped on its statements.
    pub key: String,
}

/// A client just made: its secret is shown this once and never stored.
#[derive(Debug, Clone)]
pub struct NewXapiClient {
    pub client: XapiClient,
    pub secret: String,
}

/// What storing a batch came to.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementsStored {
    /// Stored (or already stored, the same): the ids, in the batch's order.
    Ids(Vec<Uuid>),
    /// A statement with this id is stored and is not the same (xAPI 1.0.3 says 409): nothing
    /// of the batch was stored.
    Conflict(Uuid),
}

/// Where a page of GET Statements ended: the `stored` (unix ms) and row of its last statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementCursor {
    pub stored_ms: i64,
    pub row: i64,
}

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; N];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| StoreError::Corrupt("no randomness from the operating system".into()))?;
    Ok(bytes)
}

/// What is stored in place of a client's secret: its SHA-256 in hex (the secret is 256 random
/// bits, so no slow hash is needed: as the web's access tokens).
pub fn xapi_secret_hash(secret: &str) -> String {
    ring::digest::digest(&ring::digest::SHA256, secret.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compares two secrets' hashes in time that does not depend on where they differ.
fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The columns and side-table rows of one prepared statement.
struct Indexed {
    id: Uuid,
    body: Value,
    actor_key: Option<String>,
    verb_id: String,
    activity_id: Option<String>,
    registration: Option<String>,
    refers_to: Option<String>,
    voids: Option<String>,
    agents: Vec<(String, i64)>,
    activities: Vec<(String, i64)>,
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_owned)
}

fn object_type(object: &Value) -> Option<&str> {
    object.get("objectType").and_then(Value::as_str)
}

/// The IFI keys of an Agent or Group: its own, and its members'.
fn agent_keys(json: &Value, related: i64, out: &mut Vec<(String, i64)>) {
    match XActor::from_json(json) {
        Ok(XActor::Agent(agent)) => out.push((agent.ifi.key(), related)),
        Ok(XActor::Group(group)) => {
            out.extend(group.ifi.as_ref().map(|ifi| (ifi.key(), related)));
            out.extend(group.members.iter().map(|m| (m.ifi.key(), related)));
        }
        Err(_) => {}
    }
}

fn context_activities(context: Option<&Value>, out: &mut Vec<(String, i64)>) {
    let kinds = context
        .and_then(|c| c.get("contextActivities"))
        .and_then(Value::as_object);
    for list in kinds.into_iter().flat_map(|k| k.values()) {
        let items: Vec<&Value> = match list {
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        out.extend(
            items
                .into_iter()
                .filter_map(|a| text(a.get("id")))
                .map(|id| (id, 1)),
        );
    }
}

fn context_agents(context: Option<&Value>, out: &mut Vec<(String, i64)>) {
    for key in ["instructor", "team"] {
        if let Some(actor) = context.and_then(|c| c.get(key)) {
            agent_keys(actor, 1, out);
        }
    }
}

fn indexed(body: Value) -> Indexed {
    let object = body.get("object").cloned().unwrap_or(Value::Null);
    let context = body.get("context");
    let mut agents = Vec::new();
    let mut activities = Vec::new();
    if let Some(actor) = body.get("actor") {
        agent_keys(actor, 0, &mut agents);
    }
    if let Some(authority) = body.get("authority") {
        agent_keys(authority, 1, &mut agents);
    }
    context_agents(context, &mut agents);
    context_activities(context, &mut activities);
    let mut activity_id = None;
    let mut refers_to = None;
    match object_type(&object) {
        None | Some("Activity") => {
            activity_id = text(object.get("id"));
            activities.extend(activity_id.clone().map(|id| (id, 0)));
        }
        Some("Agent" | "Group") => agent_keys(&object, 0, &mut agents),
        Some("StatementRef") => {
            refers_to = text(object.get("id")).map(|id| id.to_ascii_lowercase());
        }
        Some("SubStatement") => {
            if let Some(actor) = object.get("actor") {
                agent_keys(actor, 1, &mut agents);
            }
            if let Some(inner) = object.get("object") {
                match object_type(inner) {
                    None | Some("Activity") => {
                        activities.extend(text(inner.get("id")).map(|id| (id, 1)));
                    }
                    Some("Agent" | "Group") => agent_keys(inner, 1, &mut agents),
                    _ => {}
                }
            }
            context_agents(object.get("context"), &mut agents);
            context_activities(object.get("context"), &mut activities);
        }
        Some(_) => {}
    }
    agents.sort();
    agents.dedup();
    activities.sort();
    activities.dedup();
    let id = text(body.get("id"))
        .and_then(|id| Uuid::parse_str(&id).ok())
        .unwrap_or_default();
    Indexed {
        id,
        actor_key: body
            .get("actor")
            .and_then(|a| XActor::from_json(a).ok())
            .and_then(|a| a.ifi_key()),
        verb_id: text(body.pointer("/verb/id")).unwrap_or_default(),
        activity_id,
        registration: text(context.and_then(|c| c.get("registration")))
            .map(|r| r.to_ascii_lowercase()),
        refers_to,
        voids: voided_target_json(&body).map(|t| t.to_string()),
        agents,
        activities,
        body,
    }
}

/// `SELECT value FROM` a JSON array of strings bound at `$n`, on either backend.
fn json_strings(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Postgres => format!("SELECT jsonb_array_elements_text(${n}::jsonb)"),
        Backend::Sqlite => format!("SELECT value FROM json_each(${n})"),
    }
}

fn unix_ms(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

impl Store {
    /// Makes a client for `org` named `name`, with a random key and secret.
    pub async fn create_xapi_client(
        &self,
        org: OrganisationId,
        name: &str,
    ) -> Result<NewXapiClient> {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let key = format!("sg-{}", b64.encode(random_bytes::<12>()?));
        let secret = b64.encode(random_bytes::<32>()?);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO xapi_clients (organisation_id, name, client_key, secret_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(org.0)
        .bind(name)
        .bind(&key)
        .bind(xapi_secret_hash(&secret))
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        Ok(NewXapiClient {
            client: XapiClient {
                id,
                organisation: org,
                name: name.to_owned(),
                key,
            },
            secret,
        })
    }

    /// The client whose Basic credentials these are, if they are right.
    pub async fn xapi_client(&self, key: &str, secret: &str) -> Result<Option<XapiClient>> {
        let row = sqlx::query(
            "SELECT id, organisation_id, name, client_key, secret_hash FROM xapi_clients \
             WHERE client_key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let hash: String = row.try_get("secret_hash")?;
        if !same_hash(&hash, &xapi_secret_hash(secret)) {
            return Ok(None);
        }
        Ok(Some(XapiClient {
            id: row.try_get("id")?,
            organisation: OrganisationId(row.try_get("organisation_id")?),
            name: row.try_get("name")?,
            key: row.try_get("client_key")?,
        }))
    }

    /// Sets (or with `None` clears) the xAPI Activity whose `completed`/`passed` statements
    /// count for the requirement with `code`. `NotFound` when `org` has no such requirement.
    pub async fn map_xapi_activity(
        &self,
        org: OrganisationId,
        code: &str,
        activity: Option<&str>,
    ) -> Result<RequirementId> {
        let mut tx = self.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE training_requirements SET xapi_activity = $3 \
             WHERE organisation_id = $1 AND code = $2 RETURNING id",
        )
        .bind(org.0)
        .bind(code)
        .bind(activity.map(str::to_owned))
        .fetch_optional(&mut *tx)
        .await?;
        let id = id.ok_or(StoreError::NotFound)?;
        let event = NewAuditEvent::new(Actor::CommandLine, AuditAction::TrainingChanged, None)
            .with("requirement", code.to_owned());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(RequirementId(id))
    }

    /// The xAPI Activity mapped to a requirement, if any.
    pub async fn xapi_activity(
        &self,
        org: OrganisationId,
        requirement: RequirementId,
    ) -> Result<Option<String>> {
        let found: Option<Option<String>> = sqlx::query_scalar(
            "SELECT xapi_activity FROM training_requirements WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(requirement.0)
        .fetch_optional(&self.pool)
        .await?;
        found.ok_or(StoreError::NotFound)
    }

    /// Stores a batch of valid statements from `client`, all or nothing, as xAPI 1.0.3 says:
    /// each prepared with `authority` at one `stored` time taken once the write lock is held
    /// (so that `stored` follows the order of writes); one already stored with the same id is
    /// left alone when it is the same statement, and makes the whole batch a
    /// [`StatementsStored::Conflict`] when not. Voiding statements void their targets (before
    /// or after these arrive); `completed`/`passed` statements about a mapped Activity record a
    /// completion for the person they identify (see docs/xapi.md: `mbox` equal to their email,
    /// or an `account` on `home_page` named with their employee number), which voiding undoes.
    pub async fn store_statements(
        &self,
        org: OrganisationId,
        client: i64,
        statements: &[Statement],
        attachments: &[AttachmentData],
        authority: &Agent,
        home_page: &str,
    ) -> Result<StatementsStored> {
        let mapped = self.mapped_requirements(org).await?;
        let mut tx = self.begin_write().await?;
        let stored = now_precise();
        let stored_ms = unix_ms(stored);
        let prepared: Vec<Indexed> = statements
            .iter()
            .map(|s| indexed(prepare(s, authority, stored)))
            .collect();
        let ids: Vec<String> = prepared.iter().map(|p| p.id.to_string()).collect();
        let mut existing: HashMap<String, Value> = HashMap::new();
        for chunk in ids.chunks(5000) {
            let sql = format!(
                "SELECT statement_id, body FROM xapi_statements WHERE organisation_id = $1 \
                 AND statement_id IN ({})",
                json_strings(self.backend, 2)
            );
            for row in sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(org.0)
                .bind(serde_json::to_string(chunk).unwrap_or_default())
                .fetch_all(&mut *tx)
                .await?
            {
                let body: String = row.try_get("body")?;
                let body = serde_json::from_str(&body)
                    .map_err(|e| StoreError::Corrupt(format!("a stored statement: {e}")))?;
                existing.insert(row.try_get("statement_id")?, body);
            }
        }
        let mut fresh = Vec::new();
        for (statement, p) in statements.iter().zip(prepared) {
            match existing.get(&p.id.to_string()) {
                Some(old) if same_statement(statement.json(), old) => {}
                Some(_) => return Ok(StatementsStored::Conflict(p.id)),
                None => fresh.push(p),
            }
        }
        let all_ids = ids
            .iter()
            .filter_map(|id| Uuid::parse_str(id).ok())
            .collect();
        if fresh.is_empty() {
            return Ok(StatementsStored::Ids(all_ids));
        }
        self.insert_statements(&mut tx, org, client, stored_ms, &fresh)
            .await?;
        self.insert_attachments(&mut tx, org, &fresh, attachments)
            .await?;
        for p in &fresh {
            self.complete_from(&mut tx, org, &mapped, p, home_page)
                .await?;
        }
        self.apply_voiding(&mut tx, org, &mapped, &fresh).await?;
        tx.commit().await?;
        Ok(StatementsStored::Ids(all_ids))
    }

    async fn insert_statements(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        client: i64,
        stored_ms: i64,
        fresh: &[Indexed],
    ) -> Result<()> {
        let backend = self.backend;
        for chunk in fresh.chunks(2000) {
            let rows: Vec<Value> = chunk
                .iter()
                .map(|p| {
                    serde_json::json!([
                        org.0,
                        p.id.to_string(),
                        p.body.to_string(),
                        stored_ms,
                        0,
                        p.actor_key,
                        p.verb_id,
                        p.activity_id,
                        p.registration,
                        p.refers_to,
                        p.voids,
                        client,
                    ])
                })
                .collect();
            // The rows' ids, which the side tables carry (with `stored`) to be read in order.
            let sql = format!(
                "{} RETURNING id, statement_id",
                crate::plans::insert_json_rows(
                    backend,
                    "xapi_statements",
                    &[
                        ("organisation_id", "BIGINT"),
                        ("statement_id", "TEXT"),
                        ("body", "TEXT"),
                        ("stored_ms", "BIGINT"),
                        ("voided", "BIGINT"),
                        ("actor_key", "TEXT"),
                        ("verb_id", "TEXT"),
                        ("activity_id", "TEXT"),
                        ("registration", "TEXT"),
                        ("refers_to", "TEXT"),
                        ("voids", "TEXT"),
                        ("client_id", "BIGINT"),
                    ],
                )
            );
            let mut row_of: HashMap<String, i64> = HashMap::new();
            for row in sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(Value::from(rows).to_string())
                .fetch_all(&mut *tx)
                .await?
            {
                row_of.insert(row.try_get("statement_id")?, row.try_get("id")?);
            }
            let side = |p: &Indexed, key: &str, related: i64| {
                let id = p.id.to_string();
                let row = row_of.get(&id).copied();
                serde_json::json!([org.0, id, key, related, row, stored_ms])
            };
            let agents: Vec<Value> = chunk
                .iter()
                .flat_map(|p| p.agents.iter().map(|(key, related)| side(p, key, *related)))
                .collect();
            let activities: Vec<Value> = chunk
                .iter()
                .flat_map(|p| {
                    p.activities
                        .iter()
                        .map(|(id, related)| side(p, id, *related))
                })
                .collect();
            for (table, column, rows) in [
                ("xapi_statement_agents", "agent_key", agents),
                ("xapi_statement_activities", "activity_id", activities),
            ] {
                if rows.is_empty() {
                    continue;
                }
                sqlx::query(sqlx::AssertSqlSafe(crate::plans::insert_json_rows(
                    backend,
                    table,
                    &[
                        ("organisation_id", "BIGINT"),
                        ("statement_id", "TEXT"),
                        (column, "TEXT"),
                        ("related", "BIGINT"),
                        ("statement_row", "BIGINT"),
                        ("stored_ms", "BIGINT"),
                    ],
                )))
                .bind(Value::from(rows).to_string())
                .execute(&mut *tx)
                .await?;
            }
        }
        Ok(())
    }

    /// Notes which hashes the fresh statements' attachments name, and keeps the data received
    /// for those hashes, once per organisation and hash (data already kept is not written
    /// again: the same hash is the same data). Data for statements that were all stored
    /// already is not kept (Communication 2.1.2.s2.b4: no change for a resent statement).
    async fn insert_attachments(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        fresh: &[Indexed],
        attachments: &[AttachmentData],
    ) -> Result<()> {
        let mut named: Vec<String> = Vec::new();
        for p in fresh {
            let hashes = hashes_of(&[&p.body]);
            for sha2 in &hashes {
                sqlx::query(
                    "INSERT INTO xapi_statement_attachments (organisation_id, statement_id, sha2) \
                     VALUES ($1, $2, $3)",
                )
                .bind(org.0)
                .bind(p.id.to_string())
                .bind(sha2)
                .execute(&mut *tx)
                .await?;
            }
            named.extend(hashes);
        }
        for attachment in attachments {
            if !named.contains(&attachment.sha2) {
                continue;
            }
            sqlx::query(
                "INSERT INTO xapi_attachments (organisation_id, sha2, content_type, length, data) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, sha2) DO NOTHING",
            )
            .bind(org.0)
            .bind(&attachment.sha2)
            .bind(&attachment.content_type)
            .bind(i64::try_from(attachment.data.len()).unwrap_or(i64::MAX))
            .bind(attachment.data.as_slice())
            .execute(&mut *tx)
            .await?;
        }
        Ok(())
    }

    /// The attachment data `org` keeps for the hashes `sha2s` (lowercase), in that order;
    /// hashes with no data kept (attachments sent with a `fileUrl` only) are left out.
    pub async fn xapi_attachments(
        &self,
        org: OrganisationId,
        sha2s: &[String],
    ) -> Result<Vec<AttachmentData>> {
        let mut out = Vec::new();
        for sha2 in sha2s {
            let row = sqlx::query(
                "SELECT content_type, data FROM xapi_attachments \
                 WHERE organisation_id = $1 AND sha2 = $2",
            )
            .bind(org.0)
            .bind(sha2)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = row {
                out.push(AttachmentData {
                    sha2: sha2.clone(),
                    content_type: row.try_get("content_type")?,
                    data: row.try_get("data")?,
                });
            }
        }
        Ok(out)
    }

    /// The requirements mapped to an xAPI Activity, by that Activity's id.
    async fn mapped_requirements(
        &self,
        org: OrganisationId,
    ) -> Result<HashMap<String, Requirement>> {
        let mut ids: HashMap<i64, String> = HashMap::new();
        for row in sqlx::query(
            "SELECT id, xapi_activity FROM training_requirements \
             WHERE organisation_id = $1 AND xapi_activity IS NOT NULL",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            ids.insert(row.try_get("id")?, row.try_get("xapi_activity")?);
        }
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        Ok(self
            .requirements(org)
            .await?
            .into_iter()
            .filter_map(|r| ids.get(&r.id.0).map(|activity| (activity.clone(), r)))
            .collect())
    }

    /// The person a statement's actor identifies, by the rule of docs/xapi.md.
    async fn person_of(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        actor: &XActor,
        home_page: &str,
    ) -> Result<Option<PersonId>> {
        let found: Option<i64> = if let Some(email) = mbox_of(actor) {
            sqlx::query_scalar(
                "SELECT id FROM people WHERE organisation_id = $1 AND LOWER(email) = $2 \
                 ORDER BY id LIMIT 1",
            )
            .bind(org.0)
            .bind(email)
            .fetch_optional(&mut *tx)
            .await?
        } else if let Some(Ifi::Account {
            home_page: on,
            name,
        }) = actor.ifi()
            && on.as_str().trim_end_matches('/') == home_page.trim_end_matches('/')
        {
            sqlx::query_scalar(
                "SELECT id FROM people WHERE organisation_id = $1 AND employee_number = $2 \
                 ORDER BY id LIMIT 1",
            )
            .bind(org.0)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?
        } else {
            None
        };
        Ok(found.map(PersonId))
    }

    /// Records the completion a `completed`/`passed` statement about a mapped Activity makes.
    async fn complete_from(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        mapped: &HashMap<String, Requirement>,
        p: &Indexed,
        home_page: &str,
    ) -> Result<()> {
        if !COMPLETING.contains(&p.verb_id.as_str()) {
            return Ok(());
        }
        let Some(req) = p.activity_id.as_ref().and_then(|a| mapped.get(a)) else {
            return Ok(());
        };
        let Some(actor) = p.body.get("actor").and_then(|a| XActor::from_json(a).ok()) else {
            return Ok(());
        };
        let Some(person) = self.person_of(tx, org, &actor, home_page).await? else {
            return Ok(());
        };
        let Some(at) = p
            .body
            .get("timestamp")
            .and_then(Value::as_str)
            .and_then(Timestamp::parse)
        else {
            return Ok(());
        };
        let day = skillgym_domain::uk_time::local(at.at().unix_timestamp()).date();
        let completion: i64 = sqlx::query_scalar(
            "INSERT INTO training_completions (organisation_id, requirement_id, person_id, \
                 completed_on, source, evidence, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, NULL, $7) RETURNING id",
        )
        .bind(org.0)
        .bind(req.id.0)
        .bind(person.0)
        .bind(format_date(day))
        .bind(crate::CompletionSource::Xapi.as_str())
        .bind(format!("xAPI statement {}", p.id))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE xapi_statements SET completion_id = $3 \
             WHERE organisation_id = $1 AND statement_id = $2",
        )
        .bind(org.0)
        .bind(p.id.to_string())
        .bind(completion)
        .execute(&mut *tx)
        .await?;
        rework_cell(tx, req, person).await?;
        let event = NewAuditEvent::new(Actor::System, AuditAction::TrainingCompleted, Some(person))
            .with("requirement", req.code.clone());
        insert_event(tx, org, &event).await?;
        Ok(())
    }

    /// Marks voided every statement of `fresh` a stored voiding statement targets, and every
    /// target of a voiding statement of `fresh`. A voiding statement cannot itself be voided
    /// (`skillgym_xapi::can_be_voided`, Data 2.3.2): one aimed at a voiding statement (whose
    /// `voids` column is set) is stored and changes nothing, as XAPI-00016 allows. Undoes
    /// the completions the voided statements made.
    async fn apply_voiding(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        mapped: &HashMap<String, Requirement>,
        fresh: &[Indexed],
    ) -> Result<()> {
        let mut candidates: Vec<String> = fresh.iter().filter_map(|p| p.voids.clone()).collect();
        candidates.extend(fresh.iter().map(|p| p.id.to_string()));
        let sql = format!(
            "UPDATE xapi_statements SET voided = 1 \
             WHERE organisation_id = $1 AND voided = 0 AND voids IS NULL \
             AND statement_id IN ({}) \
             AND EXISTS (SELECT 1 FROM xapi_statements v WHERE v.organisation_id = $1 \
                 AND v.voids = xapi_statements.statement_id) \
             RETURNING completion_id",
            json_strings(self.backend, 2)
        );
        let undone: Vec<Option<i64>> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(serde_json::to_string(&candidates).unwrap_or_default())
            .fetch_all(&mut *tx)
            .await?;
        let requirements: HashMap<i64, &Requirement> =
            mapped.values().map(|r| (r.id.0, r)).collect();
        for completion in undone.into_iter().flatten() {
            let row = sqlx::query(
                "DELETE FROM training_completions WHERE id = $1 AND organisation_id = $2 \
                 RETURNING requirement_id, person_id",
            )
            .bind(completion)
            .bind(org.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else { continue };
            let requirement: i64 = row.try_get("requirement_id")?;
            let person = PersonId(row.try_get("person_id")?);
            let req = match requirements.get(&requirement) {
                Some(req) => (*req).clone(),
                None => self.requirement(org, RequirementId(requirement)).await?,
            };
            rework_cell(tx, &req, person).await?;
            let event =
                NewAuditEvent::new(Actor::System, AuditAction::TrainingChanged, Some(person))
                    .with("requirement", req.code.clone());
            insert_event(tx, org, &event).await?;
        }
        Ok(())
    }

    /// The stored statement with `id`: one not voided, or with `voided` one that is
    /// (`statementId` and `voidedStatementId`, Communication 2.1.4).
    pub async fn xapi_statement(
        &self,
        org: OrganisationId,
        id: Uuid,
        voided: bool,
    ) -> Result<Option<Value>> {
        let body: Option<String> = sqlx::query_scalar(
            "SELECT body FROM xapi_statements \
             WHERE organisation_id = $1 AND statement_id = $2 AND voided = $3",
        )
        .bind(org.0)
        .bind(id.to_string())
        .bind(i64::from(voided))
        .fetch_optional(&self.pool)
        .await?;
        body.map(|b| parse_body(&b)).transpose()
    }

    /// Whether `org` holds a statement with `id`, voided or not (for a reference's target).
    async fn any_statement(&self, org: OrganisationId, id: &str) -> Result<Option<Value>> {
        let body: Option<String> = sqlx::query_scalar(
            "SELECT body FROM xapi_statements WHERE organisation_id = $1 AND statement_id = $2",
        )
        .bind(org.0)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        body.map(|b| parse_body(&b)).transpose()
    }

    /// A page of at most `page` statements a filter query selects, not voided, newest `stored`
    /// first (oldest with `ascending`), after `after`; and where the next page starts, when
    /// there are more. The indexed columns give the candidates (any statement whose object is a
    /// Statement Reference is one, since it may match through its target); `matches_with`
    /// decides.
    ///
    /// With a selective filter (an Agent, an Activity, a registration), the statements it finds
    /// are read from its index in `stored` order (the side tables carry `stored`), the other
    /// filters checked on each, and merged with the Statement References in `stored` order: a
    /// page is read without gathering all the statements an Activity or Agent has. With
    /// several, the one with the fewest statements leads. Without one, the statements
    /// themselves are read in `stored` order.
    pub async fn xapi_statements(
        &self,
        org: OrganisationId,
        query: &Query,
        after: Option<StatementCursor>,
        page: usize,
    ) -> Result<(Vec<Value>, Option<StatementCursor>)> {
        let Target::Filter(filter) = &query.target else {
            return Ok((Vec::new(), None));
        };
        let mut binds: Vec<Bind> = vec![Bind::Int(org.0)];
        let next = |binds: &mut Vec<Bind>, b: Bind| {
            binds.push(b);
            binds.len()
        };
        let since = filter
            .since
            .as_ref()
            .map(|t| next(&mut binds, Bind::Int(unix_ms(t.at()) - 1)));
        let until = filter
            .until
            .as_ref()
            .map(|t| next(&mut binds, Bind::Int(unix_ms(t.at()) + 1)));
        let verb = filter
            .verb
            .as_ref()
            .map(|v| next(&mut binds, Bind::Text(v.as_str().to_owned())));
        let mut lookups: Vec<Lookup> = Vec::new();
        if let Some(registration) = filter.registration {
            let n = next(&mut binds, Bind::Text(registration.to_string()));
            lookups.push(Lookup::Registration(n));
        }
        if let Some(activity) = &filter.activity {
            let n = next(&mut binds, Bind::Text(activity.as_str().to_owned()));
            lookups.push(if filter.related_activities {
                Lookup::Activity(n)
            } else {
                Lookup::Object(n)
            });
        }
        if let Some(key) = filter.agent.as_ref().and_then(XActor::ifi_key) {
            let n = next(&mut binds, Bind::Text(key));
            lookups.push(Lookup::Agent(n, filter.related_agents));
        }
        // The lookup to walk: the one finding fewest statements (counted up to a bound from
        // its index alone), the first of equals.
        let mut lead = None;
        if lookups.len() > 1 {
            let mut fewest = i64::MAX;
            for (i, lookup) in lookups.iter().enumerate() {
                let size = self.lookup_size(org, *lookup, &binds).await?;
                if size < fewest {
                    fewest = size;
                    lead = Some(i);
                }
            }
        } else if !lookups.is_empty() {
            lead = Some(0);
        }
        let lead = lead.map(|i| lookups.remove(i));
        // `after`: how a row compares with the cursor when it comes after it in this order.
        let (after_cursor, order) = if filter.ascending {
            (">", "ASC")
        } else {
            ("<", "DESC")
        };
        // The `stored` bounds and the cursor, on the walked table `k` whose row column is `row`.
        let cursor_at = binds.len() + 1;
        let bounds = |k: &str, row: &str, cursor: bool| {
            let mut sql = String::new();
            if let Some(n) = since {
                sql.push_str(&format!(" AND {k}.stored_ms >= ${n}"));
            }
            if let Some(n) = until {
                sql.push_str(&format!(" AND {k}.stored_ms <= ${n}"));
            }
            if cursor {
                let (a, b) = (cursor_at, cursor_at + 1);
                sql.push_str(&format!(
                    " AND {k}.stored_ms {after_cursor}= ${a} \
                     AND ({k}.stored_ms, {k}.{row}) {after_cursor} (${a}, ${b})"
                ));
            }
            sql
        };
        let verb_sql = verb
            .map(|n| format!(" AND (s.refers_to IS NOT NULL OR s.verb_id = ${n})"))
            .unwrap_or_default();
        let columns = "s.id, s.stored_ms, s.body, s.refers_to";
        let chunk = (page + 1).clamp(50, 1000);
        let select = |cursor: bool| -> String {
            let Some(lead) = lead else {
                return format!(
                    "SELECT {columns} FROM xapi_statements s \
                     WHERE s.organisation_id = $1 AND s.voided = 0{verb_sql}{} \
                     ORDER BY s.stored_ms {order}, s.id {order} LIMIT {chunk}",
                    bounds("s", "id", cursor)
                );
            };
            let others: String = lookups
                .iter()
                .map(|l| format!(" AND {}", l.holds()))
                .collect();
            let walk = match lead.side() {
                None => format!(
                    "SELECT {columns} FROM xapi_statements s \
                     WHERE s.organisation_id = $1 AND s.{} = ${}{} \
                     AND s.voided = 0{verb_sql}{others} \
                     ORDER BY s.stored_ms {order}, s.id {order} LIMIT {chunk}",
                    lead.column(),
                    lead.n(),
                    bounds("s", "id", cursor)
                ),
                Some(side) => {
                    // SQLite's CROSS JOIN keeps the side table's index as the outer loop.
                    let join = match self.backend {
                        Backend::Sqlite => "CROSS JOIN",
                        Backend::Postgres => "JOIN",
                    };
                    format!(
                        "SELECT {columns} FROM {} k {join} xapi_statements s \
                         ON s.id = k.statement_row \
                         WHERE k.organisation_id = $1 AND k.{} = ${}{}{} \
                         AND s.voided = 0{verb_sql}{others} \
                         ORDER BY k.stored_ms {order}, k.statement_row {order} LIMIT {chunk}",
                        side.table,
                        side.key,
                        lead.n(),
                        side.related("k"),
                        bounds("k", "statement_row", cursor)
                    )
                }
            };
            // Statements about statements may match through their target, whatever they
            // mention themselves.
            let referring = format!(
                "SELECT {columns} FROM xapi_statements s \
                 WHERE s.organisation_id = $1 AND s.refers_to IS NOT NULL AND s.voided = 0{} \
                 ORDER BY s.stored_ms {order}, s.id {order} LIMIT {chunk}",
                bounds("s", "id", cursor)
            );
            format!(
                "SELECT u.id, u.stored_ms, u.body, u.refers_to FROM ( \
                 SELECT w.id, w.stored_ms, w.body, w.refers_to FROM ({walk}) w \
                 UNION ALL SELECT r.id, r.stored_ms, r.body, r.refers_to FROM ({referring}) r \
                 ) u ORDER BY u.stored_ms {order}, u.id {order} LIMIT {chunk}"
            )
        };
        let mut found: Vec<(StatementCursor, Value)> = Vec::new();
        let mut cursor = after;
        let mut targets: HashMap<Uuid, Value> = HashMap::new();
        loop {
            let mut binds = binds.clone();
            if let Some(c) = cursor {
                binds.push(Bind::Int(c.stored_ms));
                binds.push(Bind::Int(c.row));
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(select(cursor.is_some())));
            for b in binds {
                q = match b {
                    Bind::Int(i) => q.bind(i),
                    Bind::Text(t) => q.bind(t),
                };
            }
            let rows = q.fetch_all(&self.pool).await?;
            let fetched = rows.len();
            for row in rows {
                let at = StatementCursor {
                    stored_ms: row.try_get("stored_ms")?,
                    row: row.try_get("id")?,
                };
                // A statement found twice (mentioning the Activity twice, or a reference that
                // mentions it) comes twice in a row: once is enough.
                if cursor == Some(at) {
                    continue;
                }
                cursor = Some(at);
                let body = parse_body(&row.try_get::<String, _>("body")?)?;
                let refers: Option<String> = row.try_get("refers_to")?;
                if let Some(first) = refers {
                    self.follow(org, &first, &mut targets).await?;
                }
                if matches_with(query, &body, |id| targets.get(&id).cloned()) {
                    found.push((at, body));
                    if found.len() > page {
                        found.truncate(page);
                        let last = found.last().map(|(c, _)| *c);
                        return Ok((found.into_iter().map(|(_, b)| b).collect(), last));
                    }
                }
            }
            if fetched < chunk {
                return Ok((found.into_iter().map(|(_, b)| b).collect(), None));
            }
        }
    }

    /// How many statements `lookup` finds, up to [`LOOKUP_BOUND`], from its index alone.
    async fn lookup_size(
        &self,
        org: OrganisationId,
        lookup: Lookup,
        binds: &[Bind],
    ) -> Result<i64> {
        let sql = match lookup.side() {
            None => format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM xapi_statements k \
                 WHERE k.organisation_id = $1 AND k.{} = $2 LIMIT {LOOKUP_BOUND}) n",
                lookup.column()
            ),
            Some(side) => format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM {} k \
                 WHERE k.organisation_id = $1 AND k.{} = $2{} LIMIT {LOOKUP_BOUND}) n",
                side.table,
                side.key,
                side.related("k")
            ),
        };
        let Some(Bind::Text(key)) = binds.get(lookup.n() - 1) else {
            return Ok(0);
        };
        Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(key.clone())
            .fetch_one(&self.pool)
            .await?)
    }

    /// Fetches the chain of statements a Statement Reference leads to into `targets`.
    async fn follow(
        &self,
        org: OrganisationId,
        first: &str,
        targets: &mut HashMap<Uuid, Value>,
    ) -> Result<()> {
        let mut next = Uuid::parse_str(first).ok();
        for _ in 0..REFERENCE_DEPTH {
            let Some(id) = next else { break };
            if let Some(known) = targets.get(&id) {
                next = reference_of(known);
                continue;
            }
            let Some(body) = self.any_statement(org, &id.to_string()).await? else {
                break;
            };
            next = reference_of(&body);
            targets.insert(id, body);
        }
        Ok(())
    }

    /// How many statements `org` holds (voided ones included).
    pub async fn xapi_statement_count(&self, org: OrganisationId) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM xapi_statements WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// A selective filter of GET Statements; `usize`: where its value is bound.
#[derive(Debug, Clone, Copy)]
enum Lookup {
    /// `registration`: a column of xapi_statements.
    Registration(usize),
    /// `activity`, the object: a column of xapi_statements.
    Object(usize),
    /// `activity` with `related_activities`: xapi_statement_activities.
    Activity(usize),
    /// `agent`, with `related_agents` or not: xapi_statement_agents.
    Agent(usize, bool),
}

/// A side table holding a lookup's keys (with each statement's row and `stored`).
struct Side {
    table: &'static str,
    key: &'static str,
    /// Only the actor or object (`related = 0`), not every Agent mentioned.
    direct: bool,
}

impl Side {
    /// The condition on its rows (alias `k`) beyond the key.
    fn related(&self, k: &str) -> String {
        if self.direct {
            format!(" AND {k}.related = 0")
        } else {
            String::new()
        }
    }
}

impl Lookup {
    fn n(self) -> usize {
        match self {
            Lookup::Registration(n) | Lookup::Object(n) | Lookup::Activity(n) => n,
            Lookup::Agent(n, _) => n,
        }
    }

    /// Its column of xapi_statements (when it has no side table).
    fn column(self) -> &'static str {
        match self {
            Lookup::Registration(_) => "registration",
            _ => "activity_id",
        }
    }

    fn side(self) -> Option<Side> {
        match self {
            Lookup::Registration(_) | Lookup::Object(_) => None,
            Lookup::Activity(_) => Some(Side {
                table: "xapi_statement_activities",
                key: "activity_id",
                direct: false,
            }),
            Lookup::Agent(_, related) => Some(Side {
                table: "xapi_statement_agents",
                key: "agent_key",
                direct: !related,
            }),
        }
    }

    /// The condition that a statement `s` is among those it finds.
    fn holds(self) -> String {
        let n = self.n();
        match self.side() {
            None => format!("s.{} = ${n}", self.column()),
            Some(side) => format!(
                "EXISTS (SELECT 1 FROM {} o WHERE o.organisation_id = $1 AND o.{} = ${n} \
                 AND o.stored_ms = s.stored_ms AND o.statement_row = s.id{})",
                side.table,
                side.key,
                side.related("o")
            ),
        }
    }
}

#[derive(Debug, Clone)]
enum Bind {
    Int(i64),
    Text(String),
}

fn reference_of(body: &Value) -> Option<Uuid> {
    let object = body.get("object")?;
    if object_type(object)? != "StatementRef" {
        return None;
    }
    Uuid::parse_str(object.get("id")?.as_str()?).ok()
}

fn parse_body(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("a stored statement: {e}")))
}

/// Now, to the millisecond `stored` keeps.
fn now_precise() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
