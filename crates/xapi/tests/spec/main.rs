//! The xAPI 1.0.3 Statement rules, checked against the specification's own examples and one
//! broken statement per rule.

mod compare;
mod examples;
mod format;
mod invalid;
mod prepare;
mod query;
mod statements;
mod syntax;

use serde_json::{Value, json};
use skillgym_xapi::{Invalid, validate};

/// A small valid statement: "Example Learner completed the course".
pub fn base() -> Value {
    json!({
        "actor": {
            "objectType": "Agent",
            "name": "Example Learner",
            "mbox": "mailto:learner@example.com"
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": { "en-GB": "completed" }
        },
        "object": {
            "objectType": "Activity",
            "id": "http://example.com/activities/digital-skills-101"
        }
    })
}

/// `json` with the value at each JSON pointer replaced (objects created on the way).
pub fn with(mut json: Value, changes: &[(&str, Value)]) -> Value {
    for (pointer, value) in changes {
        let mut here = &mut json;
        let segments: Vec<&str> = pointer.split('/').skip(1).collect();
        for (i, segment) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            here = match here {
                Value::Array(items) => {
                    let index: usize = segment.parse().expect("array index");
                    &mut items[index]
                }
                other => {
                    let map = other.as_object_mut().expect("object on the path");
                    if last {
                        map.insert((*segment).to_owned(), value.clone());
                        break;
                    }
                    map.entry(*segment).or_insert_with(|| json!({}))
                }
            };
            if last {
                *here = value.clone();
            }
        }
    }
    json
}

/// `json` without the property at each JSON pointer.
pub fn without(mut json: Value, pointers: &[&str]) -> Value {
    for pointer in pointers {
        let (parent, key) = pointer.rsplit_once('/').expect("pointer");
        json.pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("parent object")
            .remove(key);
    }
    json
}

/// The reason `json` is not a valid statement.
pub fn fault(json: &Value) -> Invalid {
    match validate(json) {
        Ok(_) => panic!("expected a 400 for {json:#}"),
        Err(invalid) => invalid,
    }
}

pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("example JSON")
}
