//! Voiding (Data 2.3.2): the only way to undo a statement is another statement, with the
//! reserved verb `voided` and a Statement Reference to it as object.

use serde_json::Value;
use uuid::Uuid;

use crate::model::{Statement, StatementObject};
use crate::syntax::parse_uuid;

/// The reserved Verb that voids a statement (Data 2.3.2.s1).
pub const VOIDED: &str = "http://adlnet.gov/expapi/verbs/voided";

/// Whether `statement` voids another: verb `voided` with a Statement Reference as object
/// (validation already refuses the verb with any other object, Data 2.3.2.s2.b1).
pub fn is_voiding(statement: &Statement) -> bool {
    voided_target(statement).is_some()
}

/// The id of the statement `statement` voids, if it is a voiding statement.
pub fn voided_target(statement: &Statement) -> Option<Uuid> {
    match statement.object() {
        StatementObject::StatementRef(target) if statement.verb().id.as_str() == VOIDED => {
            Some(*target)
        }
        _ => None,
    }
}

/// [`voided_target`] read from a stored statement's JSON.
pub fn voided_target_json(stored: &Value) -> Option<Uuid> {
    let verb = stored.pointer("/verb/id")?.as_str()?;
    let object = stored.get("object")?;
    if verb != VOIDED || object.get("objectType")?.as_str()? != "StatementRef" {
        return None;
    }
    parse_uuid(object.get("id")?.as_str()?)
}

/// Whether the stored statement `target` can be voided at all. "Any Statement that voids
/// another cannot itself be voided" (Data 2.3.2.s1), and a statement is voided if and only if
/// it is not itself a voiding statement and a voiding statement refers to it (2.3.2.s2.b3).
///
/// A voiding statement aimed at a voiding statement MAY be rejected, or accepted and then
/// ignored (the conformance suite's XAPI-00016 allows both); a voiding statement whose target
/// the LRS does not hold SHOULD NOT be rejected (2.3.2.s2.b5). The store decides "voided" from
/// both statements, so a target that arrives after its voiding statement is voided too.
pub fn can_be_voided(target: &Value) -> bool {
    voided_target_json(target).is_none()
}
