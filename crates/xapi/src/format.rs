//! The `format` parameter of GET Statements (Communication 2.1.3): `exact`, `ids` or
//! `canonical`, applied to a stored statement's JSON.

use serde_json::{Map, Value};

/// The `format` parameter's values (Communication 2.1.3 table, row 12); `exact` by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Agents, Activities, Verbs and Groups exactly as received.
    #[default]
    Exact,
    /// Only what identifies each Agent, Activity, Verb and Group.
    Ids,
    /// Activities and Verbs with the LRS's canonical definitions, each language map reduced to
    /// the one language that best fits `Accept-Language`.
    Canonical,
}

impl Format {
    /// The format named `text`, exactly as the specification spells it.
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "exact" => Some(Format::Exact),
            "ids" => Some(Format::Ids),
            "canonical" => Some(Format::Canonical),
            _ => None,
        }
    }
}

/// `stored` as `format` asks, taking Activity Definitions and Verb displays from the statement
/// itself (see [`canonical`] to supply the LRS's own).
pub fn render(stored: &Value, format: Format, languages: &AcceptLanguage) -> Value {
    match format {
        Format::Exact => exact(stored),
        Format::Ids => ids(stored),
        Format::Canonical => canonical(stored, languages, &AsStated),
    }
}

/// `format=exact`: the statement as stored, "populated exactly as [it was] received"
/// (Communication 2.1.3; Data 2.4.3.s6.b1 for the Verb's display).
pub fn exact(stored: &Value) -> Value {
    stored.clone()
}

/// `format=ids`: "only include minimum information necessary in Agent, Activity, Verb and Group
/// Objects to identify them. For Anonymous Groups this means including the minimum information
/// needed to identify each member" (Communication 2.1.3). Agents and Identified Groups keep
/// `objectType` and their IFI; Anonymous Groups keep `objectType` and their members so
/// reduced; Activities keep `objectType` (when present) and `id`; Verbs keep `id` only
/// (Data 2.4.3.s6.b2). Everything else in the statement is unchanged.
pub fn ids(stored: &Value) -> Value {
    let mut json = stored.clone();
    if let Value::Object(map) = &mut json {
        each_part(
            map,
            &mut Parts {
                actor: &mut |actor| *actor = actor_ids(actor),
                verb: &mut |verb| {
                    if let Value::Object(verb) = verb {
                        verb.retain(|key, _| key == "id");
                    }
                },
                activity: &mut |activity| {
                    if let Value::Object(activity) = activity {
                        activity.retain(|key, _| key == "id" || key == "objectType");
                    }
                },
            },
        );
        if let Some(authority) = map.get_mut("authority") {
            *authority = actor_ids(authority);
        }
    }
    json
}

fn actor_ids(actor: &Value) -> Value {
    let Value::Object(map) = actor else {
        return actor.clone();
    };
    let identified = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .any(|key| map.contains_key(*key));
    let mut reduced = Map::new();
    for (key, value) in map {
        match key.as_str() {
            "objectType" | "mbox" | "mbox_sha1sum" | "openid" | "account" => {
                reduced.insert(key.clone(), value.clone());
            }
            "member" if !identified => {
                let members = value.as_array().map(|m| m.iter().map(actor_ids).collect());
                reduced.insert(
                    key.clone(),
                    members.map_or_else(|| value.clone(), Value::Array),
                );
            }
            _ => {}
        }
    }
    Value::Object(reduced)
}

/// Where the LRS keeps its canonical Activity Definitions and Verb displays (Data 2.4.3.s6.b4,
/// 3.2.s4.b3, Communication 2.1.3.s4.b2). Both default to "none": the statement's own.
pub trait Definitions {
    /// The canonical definition of the Activity with this id, as JSON.
    fn activity_definition(&self, _id: &str) -> Option<Value> {
        None
    }

    /// The canonical display (a language map) of the Verb with this id.
    fn verb_display(&self, _id: &str) -> Option<Value> {
        None
    }
}

/// [`Definitions`] that holds none: `canonical` then uses what each statement says.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsStated;

impl Definitions for AsStated {}

/// `format=canonical`: Activities and Verbs with the LRS's canonical definition and display
/// (from `definitions`, else the statement's own), then every language map of an Activity
/// (`name`, `description`, interaction components' `description`) and of a Verb (`display`)
/// reduced to the one language `languages` prefers (Communication 2.1.3.s4.b1/b4/b5). Agents
/// and Groups stay as in `exact`.
pub fn canonical(
    stored: &Value,
    languages: &AcceptLanguage,
    definitions: &impl Definitions,
) -> Value {
    let mut json = stored.clone();
    if let Value::Object(map) = &mut json {
        each_part(
            map,
            &mut Parts {
                actor: &mut |_| {},
                verb: &mut |verb| {
                    let Value::Object(verb) = verb else { return };
                    let id = verb.get("id").and_then(Value::as_str).unwrap_or_default();
                    if let Some(display) = definitions.verb_display(id) {
                        verb.insert("display".into(), display);
                    }
                    if let Some(display) = verb.get_mut("display") {
                        languages.reduce(display);
                    }
                },
                activity: &mut |activity| {
                    let Value::Object(activity) = activity else {
                        return;
                    };
                    let id = activity
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    if let Some(definition) = definitions.activity_definition(id) {
                        activity.insert("definition".into(), definition);
                    }
                    let Some(Value::Object(definition)) = activity.get_mut("definition") else {
                        return;
                    };
                    for key in ["name", "description"] {
                        if let Some(map) = definition.get_mut(key) {
                            languages.reduce(map);
                        }
                    }
                    for list in ["choices", "scale", "source", "target", "steps"] {
                        if let Some(Value::Array(components)) = definition.get_mut(list) {
                            for component in components {
                                if let Some(description) = component.get_mut("description") {
                                    languages.reduce(description);
                                }
                            }
                        }
                    }
                },
            },
        );
    }
    json
}

/// What to do to each kind of part of a statement.
struct Parts<'f> {
    actor: &'f mut dyn FnMut(&mut Value),
    verb: &'f mut dyn FnMut(&mut Value),
    activity: &'f mut dyn FnMut(&mut Value),
}

/// Applies `parts` to the actor, verb, object, context instructor, team and Activities of a
/// statement or SubStatement, and of the SubStatement in its object.
fn each_part(map: &mut Map<String, Value>, parts: &mut Parts<'_>) {
    if let Some(actor) = map.get_mut("actor") {
        (parts.actor)(actor);
    }
    if let Some(verb) = map.get_mut("verb") {
        (parts.verb)(verb);
    }
    if let Some(object) = map.get_mut("object") {
        match object.get("objectType").and_then(Value::as_str) {
            None | Some("Activity") => (parts.activity)(object),
            Some("Agent" | "Group") => (parts.actor)(object),
            Some("SubStatement") => {
                if let Value::Object(sub) = object {
                    each_part(sub, parts);
                }
            }
            Some(_) => {}
        }
    }
    if let Some(Value::Object(context)) = map.get_mut("context") {
        for key in ["instructor", "team"] {
            if let Some(actor) = context.get_mut(key) {
                (parts.actor)(actor);
            }
        }
        if let Some(Value::Object(kinds)) = context.get_mut("contextActivities") {
            for list in kinds.values_mut() {
                match list {
                    Value::Array(items) => items.iter_mut().for_each(|a| (parts.activity)(a)),
                    single => (parts.activity)(single),
                }
            }
        }
    }
}

/// An `Accept-Language` header (RFC 2616 §14.4), used to pick one language from each language
/// map of a canonical statement (Communication 2.1.3.s4.b5).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcceptLanguage {
    /// Language ranges in lowercase with their quality, in header order.
    ranges: Vec<(String, f32)>,
}

impl AcceptLanguage {
    /// The ranges of `header`, e.g. `en-GB, en;q=0.8, cy;q=0.5`. Malformed entries are skipped
    /// rather than refused: the header only steers a choice.
    pub fn parse(header: &str) -> AcceptLanguage {
        let ranges = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim().to_ascii_lowercase();
                let valid = range == "*"
                    || (!range.is_empty()
                        && range.split('-').all(|s| {
                            (1..=8).contains(&s.len())
                                && s.bytes().all(|b| b.is_ascii_alphanumeric())
                        }));
                if !valid {
                    return None;
                }
                let mut quality = 1.0;
                for parameter in parts {
                    let (name, value) = parameter.split_once('=')?;
                    if name.trim().eq_ignore_ascii_case("q") {
                        quality = value
                            .trim()
                            .parse::<f32>()
                            .ok()
                            .filter(|q| (0.0..=1.0).contains(q))?;
                    }
                }
                Some((range, quality))
            })
            .collect();
        AcceptLanguage { ranges }
    }

    /// The key of `tags` to keep. RFC 2616 §14.4: a range matches a tag equal to it or
    /// starting with it followed by `-`, `*` matches any tag, and a tag's quality is that of
    /// the longest range matching it; the best quality above zero wins, ties going to the
    /// range listed first, then to the tag first in alphabetical order. When no tag is
    /// acceptable, a tag with the primary language of an acceptable range is chosen (`en-US`
    /// for a reader of `en-GB`), else the first tag alphabetically, since the LRS MUST return
    /// one language (Communication 2.1.3.s4.b1).
    pub fn choose<'t>(&self, tags: impl IntoIterator<Item = &'t str>) -> Option<&'t str> {
        let mut tags: Vec<&str> = tags.into_iter().collect();
        tags.sort_unstable();
        let rank = |tag: &str| -> Option<(f32, usize)> {
            let tag = tag.to_ascii_lowercase();
            self.ranges
                .iter()
                .enumerate()
                .filter(|(_, (range, _))| {
                    range == "*"
                        || tag == *range
                        || tag
                            .strip_prefix(range.as_str())
                            .is_some_and(|rest| rest.starts_with('-'))
                })
                .max_by_key(|(_, (range, _))| if range == "*" { 0 } else { range.len() })
                .map(|(order, (_, quality))| (*quality, order))
        };
        let mut best: Option<(&str, f32, usize)> = None;
        for tag in &tags {
            if let Some((quality, order)) = rank(tag)
                && quality > 0.0
                && best.is_none_or(|(_, q, o)| quality > q || (quality == q && order < o))
            {
                best = Some((tag, quality, order));
            }
        }
        if let Some((tag, _, _)) = best {
            return Some(tag);
        }
        let primary = |tag: &str| {
            tag.split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let mut acceptable: Vec<&(String, f32)> = self
            .ranges
            .iter()
            .filter(|(r, q)| *q > 0.0 && r != "*")
            .collect();
        acceptable.sort_by(|a, b| b.1.total_cmp(&a.1));
        acceptable
            .iter()
            .find_map(|(range, _)| tags.iter().find(|tag| primary(tag) == primary(range)))
            .or(tags.first())
            .copied()
    }

    /// Keeps only the chosen language of the language map `map`.
    fn reduce(&self, map: &mut Value) {
        let Value::Object(entries) = map else { return };
        let Some(keep) = self
            .choose(entries.keys().map(String::as_str))
            .map(str::to_owned)
        else {
            return;
        };
        entries.retain(|key, _| *key == keep);
    }
}
