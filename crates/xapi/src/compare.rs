//! Statement comparison (Data 2.3.1 "Statement Comparison Requirements"), which decides whether
//! a statement sent again with an id the LRS holds is the same one (`204`/ignored) or a
//! conflict (`409`, Communication 2.1.1.s2.b3 and 2.1.2.s2.b5).
//!
//! Differences that the exceptions to immutability (Data 2.3.1.b1–b7) could have caused MUST be
//! ignored; any other difference MUST NOT be. The exceptions, and what is done for each:
//!
//! - b1, properties the LRS assigns: `stored`, `authority` and `version` are ignored; `id` and
//!   `timestamp` are ignored when either side lacks them (the LRS fills them in), `id` is
//!   otherwise compared in lowercase.
//! - b2, Activity Definitions are not part of the statement: every Activity's `definition` is
//!   ignored (object, context Activities, SubStatement).
//! - b3, the Verb's `display` is not part of the statement: ignored.
//! - b4, timestamps may come back in another time zone: `timestamp` values are compared as
//!   points in time, to the millisecond (Data 4.5.s1.b7 lets the LRS truncate to that).
//! - b5, a Group's members are an unordered list: compared as a multiset.
//! - b6, Attachments are not part of statements: `attachments` is ignored (as signature
//!   checking, Data 2.6.s5.b3.b2, needs: the received statement carries the signature
//!   attachment, the signed one does not).
//! - b7, case-insensitive values: UUIDs, the domain of an `mbox`, `mbox_sha1sum` hex and
//!   `context.language` are compared without case.
//!
//! Beyond those: a `contextActivities` value given as a single Activity equals the array of
//! that one Activity (the LRS MUST return it so, Data 2.4.6.2.s4.b3); an absent `objectType`
//! equals its default (`Activity` for an object, `Agent` for an actor); numbers compare by
//! value (`1` equals `1.0`); a `duration` is compared as a string (Data 2.3.1.b8) after
//! dropping seconds precision beyond 0.01 s (Data 4.6.s1.b5), so `PT1.2049S` equals `PT1.2S`
//! and `PT0.001S` equals `PT0S`, but `PT1H` is not `PT60M`.

use serde_json::{Map, Value};

use crate::model::normalise_mbox;
use crate::syntax::{Timestamp, format_utc};

/// Whether two statements (as JSON: the one received and the one stored) are the same
/// statement under Data 2.3.1's comparison rules (see the module documentation).
pub fn same_statement(a: &Value, b: &Value) -> bool {
    let (mut a, mut b) = (comparable(a), comparable(b));
    if let (Value::Object(a), Value::Object(b)) = (&mut a, &mut b) {
        for assigned in ["id", "timestamp"] {
            if !a.contains_key(assigned) || !b.contains_key(assigned) {
                a.remove(assigned);
                b.remove(assigned);
            }
        }
    }
    same_json(&a, &b)
}

/// `statement` with what comparison ignores taken out and the rest in one spelling.
fn comparable(statement: &Value) -> Value {
    let Value::Object(map) = statement else {
        return statement.clone();
    };
    let mut map = map.clone();
    for key in ["stored", "authority", "version"] {
        map.remove(key);
    }
    lowercase(&mut map, "id");
    body(&mut map);
    Value::Object(map)
}

/// The parts a Statement and a SubStatement share.
fn body(map: &mut Map<String, Value>) {
    map.remove("attachments");
    if let Some(Value::String(text)) = map.get_mut("timestamp") {
        *text = instant(text);
    }
    if let Some(actor) = map.get_mut("actor") {
        *actor = agent(actor);
    }
    if let Some(Value::Object(verb)) = map.get_mut("verb") {
        verb.remove("display");
    }
    if let Some(object) = map.get_mut("object") {
        let object_type = object
            .get("objectType")
            .and_then(Value::as_str)
            .map(str::to_owned);
        match object_type.as_deref() {
            None | Some("Activity") => *object = activity(object),
            Some("Agent" | "Group") => *object = agent(object),
            Some("StatementRef") => {
                if let Value::Object(reference) = object {
                    lowercase(reference, "id");
                }
            }
            Some("SubStatement") => {
                if let Value::Object(sub) = object {
                    body(sub);
                }
            }
            Some(_) => {}
        }
    }
    if let Some(Value::Object(context)) = map.get_mut("context") {
        lowercase(context, "registration");
        lowercase(context, "language");
        for key in ["instructor", "team"] {
            if let Some(actor) = context.get_mut(key) {
                *actor = agent(actor);
            }
        }
        if let Some(Value::Object(reference)) = context.get_mut("statement") {
            lowercase(reference, "id");
        }
        if let Some(Value::Object(kinds)) = context.get_mut("contextActivities") {
            for list in kinds.values_mut() {
                let items = match list.take() {
                    Value::Array(items) => items,
                    single => vec![single],
                };
                *list = Value::Array(items.iter().map(activity).collect());
            }
        }
    }
    if let Some(Value::Object(result)) = map.get_mut("result")
        && let Some(Value::String(duration)) = result.get_mut("duration")
    {
        *duration = centiseconds(duration);
    }
}

/// An Activity without its definition (Data 2.3.1.b2).
fn activity(json: &Value) -> Value {
    let mut map = Map::new();
    map.insert("objectType".into(), Value::String("Activity".into()));
    if let Some(id) = json.get("id") {
        map.insert("id".into(), id.clone());
    }
    Value::Object(map)
}

/// An Agent or Group with its default `objectType`, case-insensitive IFI parts in lowercase
/// and members in a fixed order.
fn agent(json: &Value) -> Value {
    let Value::Object(map) = json else {
        return json.clone();
    };
    let mut map = map.clone();
    map.entry("objectType")
        .or_insert_with(|| Value::String("Agent".into()));
    if let Some(Value::String(mbox)) = map.get_mut("mbox") {
        *mbox = normalise_mbox(mbox);
    }
    lowercase(&mut map, "mbox_sha1sum");
    if let Some(Value::Array(members)) = map.get_mut("member") {
        let mut normalised: Vec<Value> = members.iter().map(agent).collect();
        normalised.sort_by_cached_key(sort_key);
        *members = normalised;
    }
    Value::Object(map)
}

fn lowercase(map: &mut Map<String, Value>, key: &str) {
    if let Some(Value::String(text)) = map.get_mut(key) {
        *text = text.to_lowercase();
    }
}

/// A timestamp as the UTC millisecond it names (Data 2.3.1.b4, 4.5.s1.b7).
fn instant(text: &str) -> String {
    Timestamp::parse(text)
        .and_then(|t| {
            let at = t.at();
            let at = at
                .replace_nanosecond(at.nanosecond() / 1_000_000 * 1_000_000)
                .ok()?;
            format_utc(at, 3)
        })
        .unwrap_or_else(|| text.to_owned())
}

/// A duration with seconds cut to two decimals (Data 4.6.s1.b5), trailing zeros of the
/// fraction dropped with the precision they stood for.
fn centiseconds(duration: &str) -> String {
    if let Some(body) = duration.strip_suffix('S')
        && let Some(point) = body.rfind(['.', ','])
    {
        let fraction = &body[point + 1..];
        if fraction.bytes().all(|b| b.is_ascii_digit()) {
            let kept = fraction[..fraction.len().min(2)].trim_end_matches('0');
            let whole = &body[..point];
            return if kept.is_empty() {
                format!("{whole}S")
            } else {
                format!("{whole}.{kept}S")
            };
        }
    }
    duration.to_owned()
}

/// A text that is equal for equal values whatever the order of object keys.
fn sort_key(json: &Value) -> String {
    match json {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), sort_key(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(sort_key).collect();
            format!("[{}]", items.join(","))
        }
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |f| f.to_string()),
        other => other.to_string(),
    }
}

/// Structural equality with numbers compared by value.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| same_json(value, other)))
        }
        _ => a == b,
    }
}
