//! GET Statements (Communication 2.1.3): the query parameters, parsed with the specification's
//! `400 Bad Request` rules, and [`matches`], the reference definition of which stored
//! statements a query selects.

use std::collections::HashSet;

use serde_json::Value;
use uuid::Uuid;

use crate::error::Invalid;
use crate::format::Format;
use crate::model::Actor;
use crate::parse::{self, Role};
use crate::syntax::{self, Iri, Timestamp};

const PARAMETERS: [&str; 14] = [
    "statementId",
    "voidedStatementId",
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
];

/// How deep [`matches_with`] follows Statement References (a chain longer than this is cut).
const REFERENCE_DEPTH: usize = 16;

/// A GET Statements request's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// One statement, or a filtered list.
    pub target: Target,
    /// `format` (default `exact`).
    pub format: Format,
    /// `attachments`: send attachment data in a multipart response (default false).
    pub attachments: bool,
}

/// What a query asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// `statementId`: one statement, which must not be voided (Communication 2.1.4.s1.b1).
    Statement(Uuid),
    /// `voidedStatementId`: one statement, which must be voided.
    VoidedStatement(Uuid),
    /// A StatementResult of the statements that pass the filter.
    Filter(Box<Filter>),
}

/// The filter parameters of GET Statements (Communication 2.1.3 table).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// `agent`: an Agent or Identified Group.
    pub agent: Option<Actor>,
    /// `verb`: a Verb id.
    pub verb: Option<Iri>,
    /// `activity`: an Activity id.
    pub activity: Option<Iri>,
    /// `registration`.
    pub registration: Option<Uuid>,
    /// `related_activities` (default false).
    pub related_activities: bool,
    /// `related_agents` (default false).
    pub related_agents: bool,
    /// `since`: stored strictly after.
    pub since: Option<Timestamp>,
    /// `until`: stored at or before.
    pub until: Option<Timestamp>,
    /// `limit`: at most this many; 0 means as many as the server allows.
    pub limit: u64,
    /// `ascending`: oldest `stored` first (default false: newest first).
    pub ascending: bool,
}

impl Query {
    /// The query in the request's parameter pairs (names and values already URL-decoded; with
    /// the alternate request syntax of Communication 1.3, the form parameters other than
    /// `method`, `content` and the header parameters). Rejected, with the parameter named:
    ///
    /// - a parameter the specification does not define for GET Statements, or one spelled in
    ///   another case (Communication 3.2.s3.b7/b8), or one given twice;
    /// - `statementId` with `voidedStatementId` (2.1.3.s2.b1), or either of them with any
    ///   parameter other than `attachments` and `format` (2.1.3.s2.b2);
    /// - a value not of its parameter's type, validated as the same type is in statements
    ///   (Data 2.2.s4.b4): UUIDs, IRIs, timestamps, JSON booleans `true`/`false`, a
    ///   non-negative integer `limit`, `format` one of `ids`, `exact`, `canonical`, and `agent`
    ///   the JSON of an Agent or Identified Group.
    pub fn parse<I, K, V>(pairs: I) -> Result<Query, Invalid>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(K, V)> = pairs.into_iter().collect();
        let mut seen = HashSet::new();
        for (name, _) in &pairs {
            let name = name.as_ref();
            if !PARAMETERS.contains(&name) {
                let message = match PARAMETERS.iter().find(|p| p.eq_ignore_ascii_case(name)) {
                    Some(right) => format!(
                        "must be spelled \"{right}\": parameters are case-sensitive \
                         (Communication 3.2.s3.b8)"
                    ),
                    None => "is not a parameter of GET Statements (Communication 3.2.s3.b7)".into(),
                };
                return Err(Invalid::new(name, message));
            }
            if !seen.insert(name) {
                return Err(Invalid::new(name, "is given more than once"));
            }
        }
        let value = |wanted: &str| {
            pairs
                .iter()
                .find(|(name, _)| name.as_ref() == wanted)
                .map(|(_, value)| value.as_ref())
        };
        let single = |name: &'static str| -> Result<Option<Uuid>, Invalid> {
            value(name).map(|v| uuid(name, v)).transpose()
        };
        let format = match value("format") {
            None => Format::Exact,
            Some(text) => Format::parse(text).ok_or_else(|| {
                Invalid::new(
                    "format",
                    "must be ids, exact or canonical (Communication 2.1.3)",
                )
            })?,
        };
        let attachments = boolean("attachments", value("attachments"))?;
        let statement = single("statementId")?;
        let voided = single("voidedStatementId")?;
        if statement.is_some() && voided.is_some() {
            return Err(Invalid::new(
                "voidedStatementId",
                "cannot be used with statementId (Communication 2.1.3.s2.b1)",
            ));
        }
        if let Some((key, id)) = statement
            .map(|id| ("statementId", id))
            .or(voided.map(|id| ("voidedStatementId", id)))
        {
            if let Some(other) = seen.iter().find(|p| {
                !matches!(
                    **p,
                    "statementId" | "voidedStatementId" | "attachments" | "format"
                )
            }) {
                return Err(Invalid::new(
                    *other,
                    format!(
                        "cannot be used with {key}; only attachments and format can \
                         (Communication 2.1.3.s2.b2)"
                    ),
                ));
            }
            let target = if key == "statementId" {
                Target::Statement(id)
            } else {
                Target::VoidedStatement(id)
            };
            return Ok(Query {
                target,
                format,
                attachments,
            });
        }
        let filter = Filter {
            agent: value("agent")
                .map(|text| {
                    let json: Value = serde_json::from_str(text).map_err(|_| {
                        Invalid::new("agent", "must be the JSON of an Agent or Identified Group")
                    })?;
                    parse::actor(&json, "agent", Role::Parameter)
                })
                .transpose()?,
            verb: value("verb").map(|v| iri("verb", v)).transpose()?,
            activity: value("activity").map(|v| iri("activity", v)).transpose()?,
            registration: single("registration")?,
            related_activities: boolean("related_activities", value("related_activities"))?,
            related_agents: boolean("related_agents", value("related_agents"))?,
            since: value("since").map(|v| timestamp("since", v)).transpose()?,
            until: value("until").map(|v| timestamp("until", v)).transpose()?,
            limit: value("limit")
                .map(|v| {
                    v.bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| v.parse::<u64>().ok())
                        .flatten()
                        .ok_or_else(|| Invalid::new("limit", "must be a non-negative integer"))
                })
                .transpose()?
                .unwrap_or(0),
            ascending: boolean("ascending", value("ascending"))?,
        };
        Ok(Query {
            target: Target::Filter(Box::new(filter)),
            format,
            attachments,
        })
    }
}

fn uuid(name: &str, text: &str) -> Result<Uuid, Invalid> {
    syntax::parse_uuid(text).ok_or_else(|| Invalid::new(name, "must be a UUID (Data 4.4)"))
}

fn iri(name: &str, text: &str) -> Result<Iri, Invalid> {
    Iri::parse(text).ok_or_else(|| Invalid::new(name, "must be an IRI (Data 4.3)"))
}

fn timestamp(name: &str, text: &str) -> Result<Timestamp, Invalid> {
    Timestamp::parse(text)
        .ok_or_else(|| Invalid::new(name, "must be an ISO 8601 timestamp (Data 4.5)"))
}

/// Communication 2.1.3: "The values of Boolean parameters are represented as true or false as
/// in JSON."
fn boolean(name: &str, text: Option<&str>) -> Result<bool, Invalid> {
    match text {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(Invalid::new(name, "must be true or false")),
    }
}

/// Whether the stored statement `stored` (JSON as [`crate::prepare`] made it) is selected by
/// `query`, Statement References not followed. See [`matches_with`].
pub fn matches(query: &Query, stored: &Value) -> bool {
    matches_with(query, stored, |_| None)
}

/// Whether the stored statement `stored` is selected by `query`, `lookup` giving the stored
/// statement with an id (voided or not) to follow Statement References.
///
/// For `statementId`/`voidedStatementId`: the ids are equal (whether the statement is voided is
/// the store's to check, Communication 2.1.4.s1.b1). For a filter:
///
/// - `agent`: the actor or an Agent/Group object has the same IFI (Communication 2.1.3: equal
///   IFI values), or is a Group with a member that has it; with `related_agents`, also the
///   authority, `context.instructor`, `context.team`, and the actor, object, instructor and
///   team of a SubStatement object;
/// - `activity`: the object is an Activity with that id; with `related_activities`, also any
///   context Activity, and the object and context Activities of a SubStatement object;
/// - `verb`: the verb id; `registration`: `context.registration`; IRIs are compared as
///   strings (Data 3.1.s2.b1, RFC 3987 §5.3.1);
/// - `since` (exclusive) and `until` (inclusive) on `stored`;
/// - Filter Conditions for StatementRefs (Communication 2.1.3.s3): a statement whose object is
///   a Statement Reference also meets the non-time filters when the statement it targets meets
///   them, recursively; the time filters apply to the statement itself. The filters are taken
///   together: the targeted statement must meet all of them.
///
/// `limit`, `ascending` and the hiding of voided statements (Communication 2.1.4.s1.b1) are
/// the store's work and are not part of matching.
pub fn matches_with(query: &Query, stored: &Value, lookup: impl Fn(Uuid) -> Option<Value>) -> bool {
    match &query.target {
        Target::Statement(id) | Target::VoidedStatement(id) => {
            statement_id(stored).is_some_and(|own| own == *id)
        }
        Target::Filter(filter) => {
            if !filter.in_time(stored) {
                return false;
            }
            let mut visited = HashSet::new();
            let mut current = stored.clone();
            for _ in 0..=REFERENCE_DEPTH {
                if filter.in_content(&current) {
                    return true;
                }
                let Some(target) = reference(&current) else {
                    return false;
                };
                if !visited.insert(target) {
                    return false;
                }
                match lookup(target) {
                    Some(next) => current = next,
                    None => return false,
                }
            }
            false
        }
    }
}

fn statement_id(stored: &Value) -> Option<Uuid> {
    syntax::parse_uuid(stored.get("id")?.as_str()?)
}

/// The id a statement's object refers to, if its object is a Statement Reference.
fn reference(stored: &Value) -> Option<Uuid> {
    let object = stored.get("object")?;
    if object.get("objectType")?.as_str()? != "StatementRef" {
        return None;
    }
    syntax::parse_uuid(object.get("id")?.as_str()?)
}

impl Filter {
    fn in_time(&self, stored: &Value) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(at) = stored
            .get("stored")
            .and_then(Value::as_str)
            .and_then(Timestamp::parse)
            .map(|t| t.at())
        else {
            return false;
        };
        self.since.as_ref().is_none_or(|since| at > since.at())
            && self.until.as_ref().is_none_or(|until| at <= until.at())
    }

    fn in_content(&self, statement: &Value) -> bool {
        let object = statement.get("object");
        let context = statement.get("context");
        if let Some(verb) = &self.verb
            && statement.pointer("/verb/id").and_then(Value::as_str) != Some(verb.as_str())
        {
            return false;
        }
        if let Some(registration) = self.registration
            && context
                .and_then(|c| c.get("registration"))
                .and_then(Value::as_str)
                .and_then(syntax::parse_uuid)
                != Some(registration)
        {
            return false;
        }
        if let Some(activity) = &self.activity {
            let mut ids = Vec::new();
            activity_ids(object, context, self.related_activities, &mut ids);
            if !ids.contains(&activity.as_str()) {
                return false;
            }
        }
        if let Some(key) = self.agent.as_ref().and_then(Actor::ifi_key) {
            let mut agents: Vec<&Value> = Vec::new();
            agents_of(statement, self.related_agents, &mut agents);
            if let Some(authority) = statement.get("authority")
                && self.related_agents
            {
                agents.push(authority);
            }
            if !agents.into_iter().any(|agent| has_ifi(agent, &key)) {
                return false;
            }
        }
        true
    }
}

/// The Activity ids the `activity` filter looks at in a statement or SubStatement.
fn activity_ids<'v>(
    object: Option<&'v Value>,
    context: Option<&'v Value>,
    related: bool,
    ids: &mut Vec<&'v str>,
) {
    let Some(object) = object else { return };
    match object.get("objectType").and_then(Value::as_str) {
        None | Some("Activity") => ids.extend(object.get("id").and_then(Value::as_str)),
        Some("SubStatement") if related => {
            activity_ids(object.get("object"), object.get("context"), related, ids);
        }
        _ => {}
    }
    if !related {
        return;
    }
    let kinds = context
        .and_then(|c| c.get("contextActivities"))
        .and_then(Value::as_object);
    for list in kinds.into_iter().flat_map(|k| k.values()) {
        let items = match list {
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        ids.extend(
            items
                .into_iter()
                .filter_map(|a| a.get("id").and_then(Value::as_str)),
        );
    }
}

/// The Agents and Groups the `agent` filter looks at in a statement or SubStatement (the
/// authority is added by the caller: a SubStatement has none).
fn agents_of<'v>(statement: &'v Value, related: bool, agents: &mut Vec<&'v Value>) {
    agents.extend(statement.get("actor"));
    if let Some(object) = statement.get("object") {
        match object.get("objectType").and_then(Value::as_str) {
            Some("Agent" | "Group") => agents.push(object),
            Some("SubStatement") if related => agents_of(object, related, agents),
            _ => {}
        }
    }
    if related && let Some(context) = statement.get("context") {
        agents.extend(context.get("instructor"));
        agents.extend(context.get("team"));
    }
}

/// Whether the Agent or Group `json` has the IFI `key`, itself or through a member.
fn has_ifi(json: &Value, key: &str) -> bool {
    match parse::actor(json, "", Role::Actor) {
        Ok(Actor::Agent(agent)) => agent.ifi.key() == key,
        Ok(Actor::Group(group)) => {
            group.ifi.as_ref().is_some_and(|ifi| ifi.key() == key)
                || group.members.iter().any(|member| member.ifi.key() == key)
        }
        Err(_) => false,
    }
}
