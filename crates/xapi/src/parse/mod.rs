//! Validation: JSON in, a [`Statement`] or the first rule it breaks out. Every MUST of Data 2.2
//! "Formatting Requirements" that makes an LRS answer `400 Bad Request` is checked here:
//! required properties, types (no strings for numbers or booleans, no nulls outside
//! extensions), formats (IRIs, UUIDs, mailto IRIs, language tags, timestamps, durations), exact
//! case of keys and enumerated values, and no property the specification does not define
//! (Data 2.2.s4.b1.b7, and s4.b8's SHOULD*, which About 2.1 asks adopters to treat as a MUST).

mod activity;
mod actor;

use serde_json::{Map, Value};
use uuid::Uuid;

pub(crate) use activity::{activity, statement_ref};
pub(crate) use actor::{Role, actor, team};

use crate::error::Invalid;
use crate::model::{
    Activity, Actor, Attachment, Context, ContextActivities, Extensions, LanguageMap, Outcome,
    Score, Statement, StatementObject, SubStatement, Verb,
};
use crate::syntax::{self, Duration, Iri, LanguageTag, Timestamp};
use crate::voiding::VOIDED;

pub(crate) type Obj = Map<String, Value>;

const STATEMENT_KEYS: [&str; 11] = [
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
];
const SUBSTATEMENT_KEYS: [&str; 8] = [
    "objectType",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "attachments",
];
const RESULT_KEYS: [&str; 6] = [
    "score",
    "success",
    "completion",
    "response",
    "duration",
    "extensions",
];
const SCORE_KEYS: [&str; 4] = ["scaled", "raw", "min", "max"];
const CONTEXT_KEYS: [&str; 9] = [
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
];
const CONTEXT_ACTIVITY_KEYS: [&str; 4] = ["parent", "grouping", "category", "other"];
const ATTACHMENT_KEYS: [&str; 7] = [
    "usageType",
    "display",
    "description",
    "contentType",
    "length",
    "sha2",
    "fileUrl",
];

/// Validates one Statement (Data 2.2, 2.4) and gives it back typed, with its JSON as it will
/// be stored (see [`Statement`]).
pub fn validate(json: &Value) -> Result<Statement, Invalid> {
    statement(json, "")
}

/// Validates the content of a POST to the Statement Resource (Communication 2.1.2): a single
/// Statement or an array of them. A batch is rejected whole when one of its statements is
/// (Communication 3.2.s3.b9), and when two share an id (Communication 2.1.2.s2.b6). Error
/// paths start with the statement's position, as in `[2].actor.mbox`.
pub fn validate_batch(json: &Value) -> Result<Vec<Statement>, Invalid> {
    match json {
        Value::Array(items) => {
            let mut statements: Vec<Statement> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let statement = statement(item, "").map_err(|e| e.within(&format!("[{i}]")))?;
                if let Some(id) = statement.id
                    && let Some(first) = statements.iter().position(|s| s.id == Some(id))
                {
                    return Err(Invalid::new(
                        format!("[{i}].id"),
                        format!(
                            "repeats the id of statement [{first}]; a batch must not hold two \
                             statements with the same id (Communication 2.1.2.s2.b6)"
                        ),
                    ));
                }
                statements.push(statement);
            }
            Ok(statements)
        }
        Value::Object(_) => Ok(vec![statement(json, "")?]),
        _ => Err(Invalid::new(
            "",
            "must be a statement object or an array of statements",
        )),
    }
}

/// Validates the content of a PUT to the Statement Resource (Communication 2.1.1): the
/// `statementId` parameter must be a UUID, the statement's `id`, where provided, MUST match it
/// (2.1.1.s3.b3), and a statement sent without one gets it.
pub fn validate_put(json: &Value, statement_id: &str) -> Result<Statement, Invalid> {
    let id = syntax::parse_uuid(statement_id)
        .ok_or_else(|| Invalid::new("statementId", "must be a UUID (Data 4.4)"))?;
    let mut statement = validate(json)?;
    match statement.id {
        Some(own) if own != id => Err(Invalid::new(
            "id",
            "must match the statementId parameter (Communication 2.1.1.s3.b3)",
        )),
        Some(_) => Ok(statement),
        None => {
            statement.id = Some(id);
            if let Some(map) = statement.json.as_object_mut() {
                map.insert("id".into(), Value::String(id.to_string()));
            }
            Ok(statement)
        }
    }
}

pub(crate) fn statement(json: &Value, path: &str) -> Result<Statement, Invalid> {
    let map = object(json, path)?;
    only(map, path, &STATEMENT_KEYS)?;
    let id = optional(map, path, "id", uuid)?;
    let body = body(map, path, false)?;
    if body.verb.id.as_str() == VOIDED && !matches!(body.object, StatementObject::StatementRef(_)) {
        return Err(Invalid::new(
            join(path, "object.objectType"),
            "must be StatementRef when the verb is voided (Data 2.3.2.s2.b1)",
        ));
    }
    let stored = optional(map, path, "stored", timestamp)?;
    let authority = optional(map, path, "authority", |v, p| actor(v, p, Role::Authority))?;
    let version = optional(map, path, "version", version)?;
    Ok(Statement {
        json: normalised(json),
        id,
        body,
        stored,
        authority,
        version,
    })
}

/// The properties a Statement and a SubStatement share.
fn body(map: &Obj, path: &str, nested: bool) -> Result<SubStatement, Invalid> {
    let actor = actor(
        required(map, path, "actor")?,
        &join(path, "actor"),
        Role::Actor,
    )?;
    let verb = verb(required(map, path, "verb")?, &join(path, "verb"))?;
    let object = statement_object(
        required(map, path, "object")?,
        &join(path, "object"),
        nested,
    )?;
    let object_is_activity = matches!(object, StatementObject::Activity(_));
    Ok(SubStatement {
        actor,
        verb,
        object,
        result: optional(map, path, "result", outcome)?,
        context: optional(map, path, "context", |v, p| {
            context(v, p, object_is_activity)
        })?,
        timestamp: optional(map, path, "timestamp", timestamp)?,
        attachments: optional(map, path, "attachments", attachments)?.unwrap_or_default(),
    })
}

/// Data 2.4.3: `id` an IRI, `display` a language map.
fn verb(json: &Value, path: &str) -> Result<Verb, Invalid> {
    let map = object(json, path)?;
    only(map, path, &["id", "display"])?;
    Ok(Verb {
        id: iri(required(map, path, "id")?, &join(path, "id"))?,
        display: optional(map, path, "display", language_map)?,
    })
}

/// Data 2.4.4: the `objectType` decides; none means Activity.
fn statement_object(json: &Value, path: &str, nested: bool) -> Result<StatementObject, Invalid> {
    let map = object(json, path)?;
    let object_type = optional(map, path, "objectType", string)?;
    match object_type {
        None | Some("Activity") => Ok(StatementObject::Activity(activity(json, path)?)),
        Some("Agent" | "Group") => Ok(match actor(json, path, Role::Object)? {
            Actor::Agent(agent) => StatementObject::Agent(agent),
            Actor::Group(group) => StatementObject::Group(group),
        }),
        Some("StatementRef") => Ok(StatementObject::StatementRef(statement_ref(json, path)?)),
        Some("SubStatement") if nested => Err(Invalid::new(
            join(path, "objectType"),
            "a SubStatement must not contain another SubStatement (Data 2.4.4.3.s8.b4)",
        )),
        Some("SubStatement") => {
            for key in ["id", "stored", "version", "authority"] {
                if map.contains_key(key) {
                    return Err(Invalid::new(
                        join(path, key),
                        "is not allowed in a SubStatement (Data 2.4.4.3.s8.b3)",
                    ));
                }
            }
            only(map, path, &SUBSTATEMENT_KEYS)?;
            Ok(StatementObject::SubStatement(Box::new(body(
                map, path, true,
            )?)))
        }
        Some(other) => Err(Invalid::new(
            join(path, "objectType"),
            format!(
                "must be Activity, Agent, Group, StatementRef or SubStatement, not \"{other}\" \
                 (Data 2.4.4.s2)"
            ),
        )),
    }
}

/// Data 2.4.5 and 2.4.5.1.
fn outcome(json: &Value, path: &str) -> Result<Outcome, Invalid> {
    let map = object(json, path)?;
    only(map, path, &RESULT_KEYS)?;
    Ok(Outcome {
        score: optional(map, path, "score", score)?,
        success: optional(map, path, "success", boolean)?,
        completion: optional(map, path, "completion", boolean)?,
        response: optional(map, path, "response", string)?.map(str::to_owned),
        duration: optional(map, path, "duration", |v, p| {
            Duration::parse(string(v, p)?).ok_or_else(|| {
                Invalid::new(p, "must be an ISO 8601 duration, e.g. PT1H30M (Data 4.6)")
            })
        })?,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

fn score(json: &Value, path: &str) -> Result<Score, Invalid> {
    let map = object(json, path)?;
    only(map, path, &SCORE_KEYS)?;
    let score = Score {
        scaled: optional(map, path, "scaled", number)?,
        raw: optional(map, path, "raw", number)?,
        min: optional(map, path, "min", number)?,
        max: optional(map, path, "max", number)?,
    };
    if score.scaled.is_some_and(|s| !(-1.0..=1.0).contains(&s)) {
        return Err(Invalid::new(
            join(path, "scaled"),
            "must be between -1 and 1 inclusive (Data 2.4.5.1)",
        ));
    }
    if let (Some(min), Some(max)) = (score.min, score.max)
        && min >= max
    {
        return Err(Invalid::new(
            join(path, "max"),
            "must be greater than min (Data 2.4.5.1)",
        ));
    }
    if let Some(raw) = score.raw {
        if score.min.is_some_and(|min| raw < min) {
            return Err(Invalid::new(
                join(path, "raw"),
                "must not be less than min (Data 2.4.5.1)",
            ));
        }
        if score.max.is_some_and(|max| raw > max) {
            return Err(Invalid::new(
                join(path, "raw"),
                "must not be more than max (Data 2.4.5.1)",
            ));
        }
    }
    Ok(score)
}

/// Data 2.4.6; `revision` and `platform` only when the statement's object is an Activity.
fn context(json: &Value, path: &str, object_is_activity: bool) -> Result<Context, Invalid> {
    let map = object(json, path)?;
    only(map, path, &CONTEXT_KEYS)?;
    for key in ["revision", "platform"] {
        if map.contains_key(key) && !object_is_activity {
            return Err(Invalid::new(
                join(path, key),
                format!(
                    "is only allowed when the statement's object is an Activity \
                     (Data 2.4.6.s4.b{})",
                    if key == "revision" { 1 } else { 2 }
                ),
            ));
        }
    }
    Ok(Context {
        registration: optional(map, path, "registration", uuid)?,
        instructor: optional(map, path, "instructor", |v, p| {
            actor(v, p, Role::Instructor)
        })?,
        team: optional(map, path, "team", team)?,
        context_activities: optional(map, path, "contextActivities", context_activities)?
            .unwrap_or_default(),
        revision: optional(map, path, "revision", string)?.map(str::to_owned),
        platform: optional(map, path, "platform", string)?.map(str::to_owned),
        language: optional(map, path, "language", |v, p| {
            LanguageTag::parse(string(v, p)?)
                .ok_or_else(|| Invalid::new(p, "must be an RFC 5646 language tag (Data 2.4.6)"))
        })?,
        statement: optional(map, path, "statement", statement_ref)?,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

/// Data 2.4.6.2: known keys only; each value an Activity or an array of Activities.
fn context_activities(json: &Value, path: &str) -> Result<ContextActivities, Invalid> {
    let map = object(json, path)?;
    only(map, path, &CONTEXT_ACTIVITY_KEYS)?;
    let list = |key: &str| -> Result<Vec<Activity>, Invalid> {
        let path = join(path, key);
        match map.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| activity(item, &format!("{path}[{i}]")))
                .collect(),
            Some(single) => Ok(vec![activity(single, &path)?]),
        }
    };
    Ok(ContextActivities {
        parent: list("parent")?,
        grouping: list("grouping")?,
        category: list("category")?,
        other: list("other")?,
    })
}

/// Data 2.4.11.
fn attachments(json: &Value, path: &str) -> Result<Vec<Attachment>, Invalid> {
    array(json, path)?
        .iter()
        .enumerate()
        .map(|(i, item)| attachment(item, &format!("{path}[{i}]")))
        .collect()
}

fn attachment(json: &Value, path: &str) -> Result<Attachment, Invalid> {
    let map = object(json, path)?;
    only(map, path, &ATTACHMENT_KEYS)?;
    let content_type = string(
        required(map, path, "contentType")?,
        &join(path, "contentType"),
    )?;
    if !syntax::is_media_type(content_type) {
        return Err(Invalid::new(
            join(path, "contentType"),
            "must be an Internet Media Type such as text/plain (Data 2.4.11)",
        ));
    }
    let length = required(map, path, "length")?;
    let length = match length {
        Value::Number(n) if n.is_u64() => n.as_u64().unwrap_or_default(),
        other => {
            return Err(wrong_type(
                other,
                &join(path, "length"),
                "a non-negative integer",
            ));
        }
    };
    let sha2 = string(required(map, path, "sha2")?, &join(path, "sha2"))?;
    if !syntax::is_sha2_hex(sha2) {
        return Err(Invalid::new(
            join(path, "sha2"),
            "must be a SHA-2 hash in hexadecimal (Data 2.4.11)",
        ));
    }
    Ok(Attachment {
        usage_type: iri(required(map, path, "usageType")?, &join(path, "usageType"))?,
        display: language_map(required(map, path, "display")?, &join(path, "display"))?,
        description: optional(map, path, "description", language_map)?,
        content_type: content_type.to_owned(),
        length,
        sha2: sha2.to_owned(),
        file_url: optional(map, path, "fileUrl", irl)?,
    })
}

/// Data 2.4.10.s3.b2 (and the header format of Communication 3.3: semantic versioning).
fn version(json: &Value, path: &str) -> Result<String, Invalid> {
    let text = string(json, path)?;
    let patch_ok = text.strip_prefix("1.0.").is_some_and(|rest| {
        let (patch, pre_release) = rest.split_once('-').unwrap_or((rest, "0"));
        !patch.is_empty()
            && patch.bytes().all(|b| b.is_ascii_digit())
            && !pre_release.is_empty()
            && pre_release
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    });
    if patch_ok {
        Ok(text.to_owned())
    } else {
        Err(Invalid::new(
            path,
            format!("must be a 1.0.x version, not \"{text}\" (Data 2.4.10.s3.b2)"),
        ))
    }
}

/// The statement's JSON as stored: UUIDs in lowercase (case does not matter in them,
/// Data 2.3.1.b7), and `contextActivities` values as arrays (Data 2.4.6.2.s4.b3).
fn normalised(json: &Value) -> Value {
    fn lowercase(map: &mut Obj, key: &str) {
        if let Some(Value::String(text)) = map.get_mut(key) {
            *text = text.to_ascii_lowercase();
        }
    }
    fn body(map: &mut Obj) {
        if let Some(object) = map.get_mut("object").and_then(Value::as_object_mut) {
            match object.get("objectType").and_then(Value::as_str) {
                Some("StatementRef") => lowercase(object, "id"),
                Some("SubStatement") => body(object),
                _ => {}
            }
        }
        if let Some(context) = map.get_mut("context").and_then(Value::as_object_mut) {
            lowercase(context, "registration");
            if let Some(reference) = context.get_mut("statement").and_then(Value::as_object_mut) {
                lowercase(reference, "id");
            }
            if let Some(activities) = context
                .get_mut("contextActivities")
                .and_then(Value::as_object_mut)
            {
                for value in activities.values_mut() {
                    if value.is_object() {
                        *value = Value::Array(vec![value.take()]);
                    }
                }
            }
        }
    }
    let mut json = json.clone();
    if let Some(map) = json.as_object_mut() {
        lowercase(map, "id");
        body(map);
    }
    json
}

// Reading JSON, one property at a time, with the path of each.

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(json: &Value) -> &'static str {
    match json {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(json: &Value, path: &str, wanted: &str) -> Invalid {
    if json.is_null() {
        Invalid::new(path, "must not be null (Data 2.2.s4.b1.b1)")
    } else {
        Invalid::new(
            path,
            format!("must be {wanted}, not {} (Data 2.2.s4.b1)", type_name(json)),
        )
    }
}

pub(crate) fn object<'v>(json: &'v Value, path: &str) -> Result<&'v Obj, Invalid> {
    json.as_object()
        .ok_or_else(|| wrong_type(json, path, "an object"))
}

pub(crate) fn array<'v>(json: &'v Value, path: &str) -> Result<&'v Vec<Value>, Invalid> {
    json.as_array()
        .ok_or_else(|| wrong_type(json, path, "an array"))
}

/// Rejects any key not in `allowed` (Data 2.2.s4.b1.b7), naming the right spelling when only
/// the case differs (Data 2.2.s4.b1.b5).
pub(crate) fn only(map: &Obj, path: &str, allowed: &[&str]) -> Result<(), Invalid> {
    match map.keys().find(|key| !allowed.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(match allowed.iter().find(|a| a.eq_ignore_ascii_case(key)) {
            Some(right) => Invalid::new(
                join(path, key),
                format!("must be spelled \"{right}\": keys are case-sensitive (Data 2.2.s4.b1.b5)"),
            ),
            None => Invalid::new(
                join(path, key),
                "is not a property the specification allows here (Data 2.2.s4.b1.b7)",
            ),
        }),
    }
}

pub(crate) fn required<'v>(map: &'v Obj, path: &str, key: &str) -> Result<&'v Value, Invalid> {
    map.get(key)
        .ok_or_else(|| Invalid::new(join(path, key), "is required"))
}

pub(crate) fn optional<'v, T>(
    map: &'v Obj,
    path: &str,
    key: &str,
    parse: impl FnOnce(&'v Value, &str) -> Result<T, Invalid>,
) -> Result<Option<T>, Invalid> {
    map.get(key)
        .map(|json| parse(json, &join(path, key)))
        .transpose()
}

pub(crate) fn string<'v>(json: &'v Value, path: &str) -> Result<&'v str, Invalid> {
    json.as_str()
        .ok_or_else(|| wrong_type(json, path, "a string"))
}

fn boolean(json: &Value, path: &str) -> Result<bool, Invalid> {
    json.as_bool()
        .ok_or_else(|| wrong_type(json, path, "a boolean"))
}

fn number(json: &Value, path: &str) -> Result<f64, Invalid> {
    json.as_f64()
        .ok_or_else(|| wrong_type(json, path, "a number"))
}

pub(crate) fn iri(json: &Value, path: &str) -> Result<Iri, Invalid> {
    Iri::parse(string(json, path)?).ok_or_else(|| {
        Invalid::new(
            path,
            "must be an IRI, with a scheme (Data 4.3, 2.2.s4.b1.b8)",
        )
    })
}

pub(crate) fn irl(json: &Value, path: &str) -> Result<Iri, Invalid> {
    Iri::parse_irl(string(json, path)?).ok_or_else(|| {
        Invalid::new(
            path,
            "must be an IRL, such as https://example.com/ (About 4.0)",
        )
    })
}

pub(crate) fn uuid(json: &Value, path: &str) -> Result<Uuid, Invalid> {
    syntax::parse_uuid(string(json, path)?)
        .ok_or_else(|| Invalid::new(path, "must be a UUID in standard form (Data 4.4)"))
}

pub(crate) fn timestamp(json: &Value, path: &str) -> Result<Timestamp, Invalid> {
    Timestamp::parse(string(json, path)?).ok_or_else(|| {
        Invalid::new(
            path,
            "must be an ISO 8601 date and time such as 2013-05-18T05:32:34.804Z (Data 4.5)",
        )
    })
}

/// Data 4.2: keys RFC 5646 tags (Data 2.2.s4.b2), values strings.
pub(crate) fn language_map(json: &Value, path: &str) -> Result<LanguageMap, Invalid> {
    object(json, path)?
        .iter()
        .map(|(key, value)| {
            let tag = LanguageTag::parse(key).ok_or_else(|| {
                Invalid::new(
                    join(path, key),
                    "is not an RFC 5646 language tag (Data 4.2, 2.2.s4.b2)",
                )
            })?;
            Ok((tag, string(value, &join(path, key))?.to_owned()))
        })
        .collect()
}

/// Data 4.1: keys IRIs; values anything, null included (Data 2.2.s4.b1.b1, 4.1.s3.b2).
pub(crate) fn extensions(json: &Value, path: &str) -> Result<Extensions, Invalid> {
    object(json, path)?
        .iter()
        .map(|(key, value)| {
            let key = Iri::parse(key).ok_or_else(|| {
                Invalid::new(
                    join(path, key),
                    "extension keys must be IRIs (Data 4.1.s3.b1)",
                )
            })?;
            Ok((key, value.clone()))
        })
        .collect()
}
