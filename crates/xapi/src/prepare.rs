//! What the LRS adds to a statement before storing it (the "assignments during LRS processing"
//! of Data 2.3.1.b1).

use serde_json::{Value, json};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::{Actor, Agent, Statement, StatementObject};
use crate::syntax::format_utc;

/// The JSON to store for `statement`, received from a client for which the LRS asserts
/// `authority`, at time `stored`:
///
/// - `id`: kept, or a new version 4 UUID (Data 2.4.1.s2.b1: the LRS MUST generate one);
/// - `stored`: `stored` in UTC, truncated to milliseconds, overwriting any value sent
///   (Data 2.4.8.s3.b2, 4.5.s1.b6/b7); index this value, not `stored` itself, so that
///   `since`/`until` agree with what clients see;
/// - `authority`: `authority`, overwriting any sent (Data 2.4.9.s3.b3/b4: the LRS SHOULD
///   overwrite it from the credentials used);
/// - `version`: kept, or `1.0.0` (Data 2.4.10.s3.b3);
/// - `timestamp`: the one sent, written in UTC with its precision (Data 4.5.s1.b6; kept as
///   sent when it has no time zone), or `stored` when none was sent (Data 2.4.7.s3.b2). A
///   SubStatement's timestamp is written in UTC likewise, and never filled in.
pub fn prepare(statement: &Statement, authority: &Agent, stored: OffsetDateTime) -> Value {
    let stored = format_utc(stored, 3).unwrap_or_else(|| stored.to_string());
    let mut json = statement.json().clone();
    if let Value::Object(map) = &mut json {
        map.entry("id")
            .or_insert_with(|| json!(Uuid::new_v4().to_string()));
        map.insert("stored".into(), json!(stored));
        map.insert(
            "authority".into(),
            Actor::Agent(authority.clone()).to_json(),
        );
        map.entry("version").or_insert_with(|| json!("1.0.0"));
        let timestamp = statement.timestamp().map_or(stored, |t| t.to_utc_string());
        map.insert("timestamp".into(), json!(timestamp));
        if let StatementObject::SubStatement(sub) = statement.object()
            && let Some(timestamp) = &sub.timestamp
            && let Some(Value::Object(object)) = map.get_mut("object")
        {
            object.insert("timestamp".into(), json!(timestamp.to_utc_string()));
        }
    }
    json
}
