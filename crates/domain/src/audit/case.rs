//! Frameworks as 1EdTech CASE 1.0 packages (JSON), the format skills tools exchange
//! competency frameworks in. How skillgym's fields map to CASE is in docs/frameworks.md.
//!
//! Areas are CFItems of type "Domain" and competences of type "Competency", each tied to its
//! parent by an `isChildOf` association; the five levels are the levels of a CFRubric. Welsh
//! text, which CASE 1.0 has no field for, travels in `extensions.skillgym.cy`.

use super::Localised;
use super::framework::{Area, Competence, Framework, FrameworkProblem, LEVELS};
use serde_json::{Map, Value, json};
use sha1::{Digest, Sha1};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;
use time::macros::format_description;

/// Something wrong in a CASE file: which item, which field, and what, as a Fluent message id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseProblem {
    /// The item's `humanCodingScheme`, else its `identifier`, else its place such as
    /// `CFItems[3]`; empty for the whole file.
    pub item: String,
    /// The CASE field, such as `fullStatement`; empty when the item as a whole is wrong.
    pub field: &'static str,
    /// Fluent message id: one of [`PROBLEM_CODES`] or a [`Framework::problems`] code.
    pub code: &'static str,
    /// For malformed JSON: the line and column where it stops making sense.
    pub at: Option<(usize, usize)>,
}

pub const MALFORMED: &str = "case-json-malformed";
pub const DOCUMENT_MISSING: &str = "case-document-missing";
pub const WRONG_TYPE: &str = "case-wrong-type";
pub const IDENTIFIER_MISSING: &str = "case-identifier-missing";
pub const IDENTIFIER_DUPLICATE: &str = "case-identifier-duplicate";
pub const STATEMENT_MISSING: &str = "case-statement-missing";
pub const ASSOCIATION_UNKNOWN: &str = "case-association-unknown-item";
pub const NO_PARENT: &str = "case-item-no-parent";
pub const MANY_PARENTS: &str = "case-item-many-parents";
pub const CYCLE: &str = "case-association-cycle";
pub const COMPETENCE_NO_AREA: &str = "case-competence-no-area";
pub const TOO_DEEP: &str = "case-item-too-deep";
pub const RUBRIC_MISSING: &str = "case-rubric-missing";
pub const LEVELS_COUNT: &str = "case-levels-count";

/// Every problem code [`from_case`] gives of its own (it also passes on the framework's).
pub const PROBLEM_CODES: &[&str] = &[
    MALFORMED,
    DOCUMENT_MISSING,
    WRONG_TYPE,
    IDENTIFIER_MISSING,
    IDENTIFIER_DUPLICATE,
    STATEMENT_MISSING,
    ASSOCIATION_UNKNOWN,
    NO_PARENT,
    MANY_PARENTS,
    CYCLE,
    COMPETENCE_NO_AREA,
    TOO_DEEP,
    RUBRIC_MISSING,
    LEVELS_COUNT,
];

/// The CFItemType skillgym gives areas and competences.
const AREA_TYPE: &str = "Domain";
const COMPETENCE_TYPE: &str = "Competency";
const CHILD_OF: &str = "isChildOf";
const EXTENSION: &str = "skillgym";

/// skillgym's namespace for name-based UUIDs.
const NAMESPACE: [u8; 16] = [
    0x6f, 0x1c, 0x2b, 0x5e, 0x8a, 0x47, 0x4d, 0x1b, 0x9e, 0x63, 0x0c, 0x5a, 0x2d, 0x77, 0x41, 0x90,
];

/// A UUID (version 5) derived from `name`: the same name always gives the same identifier, so
/// what skillgym makes up (association and rubric identifiers, identifiers a CSV file leaves
/// blank) stays stable from one export to the next.
pub fn derived_identifier(name: &str) -> String {
    let mut hash = Sha1::new();
    hash.update(NAMESPACE);
    hash.update(name.as_bytes());
    let digest = hash.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn uri(identifier: &str) -> String {
    format!("urn:uuid:{identifier}")
}

fn link(title: &str, identifier: &str) -> Value {
    json!({ "title": title, "identifier": identifier, "uri": uri(identifier) })
}

/// The Welsh of a title and description, as `extensions.skillgym.cy` holds it.
fn welsh(title: &Localised, description: &Localised) -> Option<Value> {
    let mut cy = Map::new();
    if let Some(t) = &title.cy {
        cy.insert("title".into(), t.as_str().into());
    }
    if let Some(d) = &description.cy {
        cy.insert("description".into(), d.as_str().into());
    }
    (!cy.is_empty()).then_some(Value::Object(cy))
}

/// A framework as a CASE 1.0 package, last changed at `last_change`.
pub fn to_case(f: &Framework, last_change: OffsetDateTime) -> Value {
    let changed = last_change
        .to_offset(time::UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .unwrap_or_default();
    let document = link(&f.title.en, &f.identifier);
    let mut extension = Map::new();
    extension.insert("code".into(), f.code.as_str().into());
    if let Some(cy) = welsh(&f.title, &f.description) {
        extension.insert("cy".into(), cy);
    }
    let mut cf_document = json!({
        "identifier": f.identifier,
        "uri": uri(&f.identifier),
        "creator": "skillgym",
        "title": f.title.en,
        "lastChangeDateTime": changed,
        "language": "en",
        "adoptionStatus": "Adopted",
        "CFPackageURI": document,
        "extensions": { EXTENSION: extension },
    });
    if !f.description.is_blank() {
        cf_document["description"] = f.description.en.as_str().into();
    }
    let mut items = Vec::new();
    let mut associations = Vec::new();
    let item = |identifier: &str, code: &str, title: &Localised, about: &Localised, kind| {
        let full = if about.is_blank() {
            &title.en
        } else {
            &about.en
        };
        let mut v = json!({
            "identifier": identifier,
            "uri": uri(identifier),
            "CFDocumentURI": document,
            "fullStatement": full,
            "abbreviatedStatement": title.en,
            "humanCodingScheme": code,
            "CFItemType": kind,
            "language": "en",
            "lastChangeDateTime": changed,
        });
        if let Some(cy) = welsh(title, about) {
            v["extensions"] = json!({ EXTENSION: { "cy": cy } });
        }
        v
    };
    let child_of = |child: (&str, &str), parent: (&str, &str), sequence: usize| {
        let identifier = derived_identifier(&format!("{}/{CHILD_OF}/{}", child.1, parent.1));
        json!({
            "identifier": identifier,
            "uri": uri(&identifier),
            "associationType": CHILD_OF,
            "sequenceNumber": sequence,
            "CFDocumentURI": document,
            "originNodeURI": link(child.0, child.1),
            "destinationNodeURI": link(parent.0, parent.1),
            "lastChangeDateTime": changed,
        })
    };
    for (a, area) in f.areas.iter().enumerate() {
        let area_node = (area.title.en.as_str(), area.identifier.as_str());
        items.push(item(
            &area.identifier,
            &area.code,
            &area.title,
            &area.description,
            AREA_TYPE,
        ));
        associations.push(child_of(area_node, (&f.title.en, &f.identifier), a + 1));
        for (c, competence) in area.competences.iter().enumerate() {
            items.push(item(
                &competence.identifier,
                &competence.code,
                &competence.title,
                &competence.description,
                COMPETENCE_TYPE,
            ));
            associations.push(child_of(
                (&competence.title.en, &competence.identifier),
                area_node,
                c + 1,
            ));
        }
    }
    let rubric = derived_identifier(&format!("{}/rubric", f.identifier));
    let criterion = derived_identifier(&format!("{}/rubric/criterion", f.identifier));
    let levels: Vec<Value> = f
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let identifier =
                derived_identifier(&format!("{}/rubric/level/{}", f.identifier, i + 1));
            let mut v = json!({
                "identifier": identifier,
                "uri": uri(&identifier),
                "description": level.en,
                "score": i + 1,
                "position": i + 1,
                "rubricCriterionId": criterion,
                "lastChangeDateTime": changed,
            });
            if let Some(cy) = &level.cy {
                v["extensions"] = json!({ EXTENSION: { "cy": { "description": cy } } });
            }
            v
        })
        .collect();
    json!({
        "CFDocument": cf_document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": [{
            "identifier": rubric,
            "uri": uri(&rubric),
            "title": f.title.en,
            "description": "Self-rating levels",
            "lastChangeDateTime": changed,
            "CFRubricCriteria": [{
                "identifier": criterion,
                "uri": uri(&criterion),
                "category": "Self-rating",
                "position": 1,
                "rubricId": rubric,
                "lastChangeDateTime": changed,
                "CFRubricCriterionLevels": levels,
            }],
        }],
    })
}

/// One CFItem as read, before its place in the tree is known.
struct Item {
    identifier: String,
    code: String,
    /// How problems name it.
    name: String,
    kind: String,
    title: Localised,
    description: Localised,
}

/// An `isChildOf` link: the parent, the sequence number, the association's place in the file.
type Parent = (String, Option<u64>, usize);

#[derive(Default)]
struct Problems(Vec<CaseProblem>);

impl Problems {
    fn push(&mut self, item: &str, field: &'static str, code: &'static str) {
        self.0.push(CaseProblem {
            item: item.to_string(),
            field,
            code,
            at: None,
        });
    }
}

fn text<'a>(object: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    object
        .get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The Welsh `field` from `extensions.skillgym.cy`.
fn cy(object: &Map<String, Value>, field: &str) -> Option<String> {
    object
        .get("extensions")?
        .get(EXTENSION)?
        .get("cy")?
        .get(field)?
        .as_str()
        .map(str::to_string)
}

/// An array field: absent is empty, anything but an array is a problem.
fn array<'a>(
    object: &'a Map<String, Value>,
    field: &'static str,
    item: &str,
    problems: &mut Problems,
) -> &'a [Value] {
    match object.get(field) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(values)) => values,
        Some(_) => {
            problems.push(item, field, WRONG_TYPE);
            &[]
        }
    }
}

/// A framework code from a title, for CASE files that come without skillgym's code.
fn code_from(title: &str) -> String {
    let mut code = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            code.push(c.to_ascii_uppercase());
        } else if !code.ends_with('-') {
            code.push('-');
        }
    }
    let code: String = code.trim_matches('-').chars().take(40).collect();
    let code = code.trim_end_matches('-');
    if code.is_empty() {
        "FRAMEWORK".into()
    } else {
        code.into()
    }
}

/// Whether a framework file is CASE JSON rather than CSV, by what it starts with.
pub fn is_case(file: &[u8]) -> bool {
    let file = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
    file.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[')
}

/// Reads a CASE 1.0 package into a framework, or says everything wrong with it.
pub fn from_case(json: &[u8]) -> Result<Framework, Vec<CaseProblem>> {
    let json = json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(json);
    let value: Value = serde_json::from_slice(json).map_err(|e| {
        vec![CaseProblem {
            item: String::new(),
            field: "",
            code: MALFORMED,
            at: Some((e.line(), e.column())),
        }]
    })?;
    let mut problems = Problems::default();
    let Some(package) = value.as_object() else {
        problems.push("", "CFDocument", DOCUMENT_MISSING);
        return Err(problems.0);
    };
    let Some(doc) = package.get("CFDocument").and_then(Value::as_object) else {
        problems.push("", "CFDocument", DOCUMENT_MISSING);
        return Err(problems.0);
    };
    let doc_id = text(doc, "identifier").unwrap_or_default().to_string();
    if doc_id.is_empty() {
        problems.push("CFDocument", "identifier", IDENTIFIER_MISSING);
    }
    let title = Localised::new(text(doc, "title").unwrap_or_default(), cy(doc, "title"));
    let description = Localised::new(
        text(doc, "description").unwrap_or_default(),
        cy(doc, "description"),
    );
    let code = doc
        .get("extensions")
        .and_then(|e| e.get(EXTENSION))
        .and_then(|e| e.get("code"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| code_from(&title.en));

    let (items, refused) = read_items(package, &doc_id, &mut problems);
    let parents = read_associations(package, &doc_id, &items, &refused, &mut problems);
    let levels = read_levels(package, &mut problems);

    // Where each item sits: 1 under the document (an area), 2 under an area (a competence).
    let by_id: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.identifier.as_str(), i))
        .collect();
    let mut areas: Vec<(Parent, Area)> = Vec::new();
    let mut competences: Vec<(Parent, Competence)> = Vec::new();
    for item in &items {
        let parent = match parents.get(item.identifier.as_str()).map(Vec::as_slice) {
            None | Some([]) => {
                problems.push(&item.name, "CFAssociations", NO_PARENT);
                continue;
            }
            Some([one]) => one.clone(),
            Some(_) => {
                problems.push(&item.name, "CFAssociations", MANY_PARENTS);
                continue;
            }
        };
        let mut depth = 0;
        let mut at = item.identifier.as_str();
        let mut seen = HashSet::new();
        let reached = loop {
            if at == doc_id {
                break true;
            }
            if !seen.insert(at) {
                problems.push(&item.name, "CFAssociations", CYCLE);
                break false;
            }
            match parents.get(at).map(Vec::as_slice) {
                Some([one]) if by_id.contains_key(one.0.as_str()) || one.0 == doc_id => {
                    depth += 1;
                    at = &one.0;
                }
                // Its ancestor has a problem of its own, already listed.
                _ => break false,
            }
        };
        if !reached {
            continue;
        }
        let is_competence =
            ["competency", "competence"].contains(&item.kind.to_ascii_lowercase().as_str());
        match depth {
            1 if is_competence => problems.push(&item.name, "CFAssociations", COMPETENCE_NO_AREA),
            1 => areas.push((
                parent,
                Area {
                    code: item.code.clone(),
                    identifier: item.identifier.clone(),
                    title: item.title.clone(),
                    description: item.description.clone(),
                    competences: Vec::new(),
                },
            )),
            2 => competences.push((
                parent,
                Competence {
                    code: item.code.clone(),
                    identifier: item.identifier.clone(),
                    title: item.title.clone(),
                    description: item.description.clone(),
                },
            )),
            _ => problems.push(&item.name, "CFAssociations", TOO_DEEP),
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    let order = |p: &Parent| (p.1.unwrap_or(u64::MAX), p.2);
    areas.sort_by_key(|(p, _)| order(p));
    competences.sort_by_key(|(p, _)| order(p));
    let mut areas: Vec<Area> = areas.into_iter().map(|(_, a)| a).collect();
    for (parent, competence) in competences {
        if let Some(area) = areas.iter_mut().find(|a| a.identifier == parent.0) {
            area.competences.push(competence);
        }
    }
    let framework = Framework {
        identifier: doc_id,
        code,
        title,
        description,
        levels,
        areas,
    };
    let found = framework.problems();
    if found.is_empty() {
        Ok(framework)
    } else {
        Err(found.into_iter().map(case_problem).collect())
    }
}

/// The items that can be read, and the identifiers of those with a problem of their own (their
/// associations are then not problems too).
fn read_items(
    package: &Map<String, Value>,
    doc_id: &str,
    problems: &mut Problems,
) -> (Vec<Item>, HashSet<String>) {
    let mut items = Vec::new();
    let mut refused = HashSet::new();
    let mut seen = HashSet::from([doc_id.to_string()]);
    for (i, value) in array(package, "CFItems", "", problems).iter().enumerate() {
        let place = format!("CFItems[{i}]");
        let Some(object) = value.as_object() else {
            problems.push(&place, "", WRONG_TYPE);
            continue;
        };
        let code = text(object, "humanCodingScheme").unwrap_or_default();
        let identifier = text(object, "identifier").unwrap_or_default();
        let name = [code, identifier, &place]
            .into_iter()
            .find(|n| !n.is_empty())
            .unwrap_or_default()
            .to_string();
        if identifier.is_empty() {
            problems.push(&name, "identifier", IDENTIFIER_MISSING);
            continue;
        }
        if !seen.insert(identifier.to_string()) {
            problems.push(&name, "identifier", IDENTIFIER_DUPLICATE);
            continue;
        }
        let Some(full) = text(object, "fullStatement") else {
            problems.push(&name, "fullStatement", STATEMENT_MISSING);
            refused.insert(identifier.to_string());
            continue;
        };
        // The short statement is the title; a full statement that says more is the description.
        let (title, about) = match text(object, "abbreviatedStatement") {
            Some(short) if short != full => (short, full),
            Some(short) => (short, ""),
            None => (full, ""),
        };
        items.push(Item {
            identifier: identifier.to_string(),
            code: code.to_string(),
            name,
            kind: text(object, "CFItemType").unwrap_or_default().to_string(),
            title: Localised::new(title, cy(object, "title")),
            description: Localised::new(about, cy(object, "description")),
        });
    }
    (items, refused)
}

/// Each item's `isChildOf` parents; other kinds of association are kept out of the tree.
fn read_associations(
    package: &Map<String, Value>,
    doc_id: &str,
    items: &[Item],
    refused: &HashSet<String>,
    problems: &mut Problems,
) -> HashMap<String, Vec<Parent>> {
    let known: HashMap<&str, &str> = items
        .iter()
        .map(|i| (i.identifier.as_str(), i.name.as_str()))
        .collect();
    let mut parents: HashMap<String, Vec<Parent>> = HashMap::new();
    for (i, value) in array(package, "CFAssociations", "", problems)
        .iter()
        .enumerate()
    {
        let place = format!("CFAssociations[{i}]");
        let Some(object) = value.as_object() else {
            problems.push(&place, "", WRONG_TYPE);
            continue;
        };
        if text(object, "associationType") != Some(CHILD_OF) {
            continue;
        }
        let end = |field| {
            object
                .get(field)
                .and_then(Value::as_object)
                .and_then(|node| text(node, "identifier"))
                .unwrap_or_default()
        };
        let (origin, destination) = (end("originNodeURI"), end("destinationNodeURI"));
        if refused.contains(origin) || refused.contains(destination) {
            continue;
        }
        let Some(name) = known.get(origin) else {
            problems.push(&place, "originNodeURI", ASSOCIATION_UNKNOWN);
            continue;
        };
        if destination != doc_id && !known.contains_key(destination) {
            problems.push(name, "destinationNodeURI", ASSOCIATION_UNKNOWN);
            continue;
        }
        let sequence = object.get("sequenceNumber").and_then(Value::as_u64);
        parents
            .entry(origin.to_string())
            .or_default()
            .push((destination.to_string(), sequence, i));
    }
    parents
}

/// The five levels: the levels of the first criterion of the first rubric, in order.
fn read_levels(package: &Map<String, Value>, problems: &mut Problems) -> Vec<Localised> {
    let rubric = array(package, "CFRubrics", "", problems)
        .first()
        .and_then(Value::as_object);
    let criterion = rubric.and_then(|r| {
        array(r, "CFRubricCriteria", "CFRubrics[0]", problems)
            .first()
            .and_then(Value::as_object)
    });
    let Some(criterion) = criterion else {
        problems.push("CFRubrics", "CFRubricCriteria", RUBRIC_MISSING);
        return Vec::new();
    };
    let mut levels: Vec<(u64, usize, Localised)> = Vec::new();
    let place = "CFRubrics[0].CFRubricCriteria[0]";
    for (i, value) in array(criterion, "CFRubricCriterionLevels", place, problems)
        .iter()
        .enumerate()
    {
        let Some(level) = value.as_object() else {
            continue;
        };
        let position = level
            .get("position")
            .or_else(|| level.get("score"))
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX);
        let words = Localised::new(
            text(level, "description")
                .or_else(|| text(level, "quality"))
                .unwrap_or_default(),
            cy(level, "description"),
        );
        levels.push((position, i, words));
    }
    if levels.len() != LEVELS {
        problems.push(place, "CFRubricCriterionLevels", LEVELS_COUNT);
    }
    levels.sort_by_key(|(position, i, _)| (*position, *i));
    levels.into_iter().map(|(_, _, l)| l).collect()
}

/// A framework problem in CASE's words.
fn case_problem(p: FrameworkProblem) -> CaseProblem {
    let field = match p.field {
        "code" => "humanCodingScheme",
        "title" => "fullStatement",
        "levels" => "CFRubricCriterionLevels",
        "areas" | "competences" => "CFAssociations",
        other => other,
    };
    CaseProblem {
        item: p.item,
        field,
        code: p.code,
        at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exported() -> Value {
        to_case(&Framework::library_default(), OffsetDateTime::UNIX_EPOCH)
    }

    fn problems(v: &Value) -> Vec<CaseProblem> {
        from_case(v.to_string().as_bytes()).unwrap_err()
    }

    fn has(v: &Value, code: &str, field: &str) -> Vec<CaseProblem> {
        let found = problems(v);
        assert!(
            found.iter().any(|p| p.code == code && p.field == field),
            "{code} {field}: {found:?}"
        );
        found
    }

    #[test]
    fn a_round_trip_gives_the_same_framework() {
        let f = Framework::library_default();
        let case = to_case(&f, OffsetDateTime::UNIX_EPOCH);
        let json = serde_json::to_vec_pretty(&case).unwrap();
        assert_eq!(from_case(&json), Ok(f.clone()));
        // Identifiers skillgym makes up are the same every time.
        assert_eq!(to_case(&f, OffsetDateTime::UNIX_EPOCH), case);
        assert_eq!(case["CFDocument"]["identifier"], f.identifier.as_str());
        assert_eq!(
            case["CFDocument"]["lastChangeDateTime"],
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(case["CFItems"][0]["CFItemType"], "Domain");
        assert_eq!(case["CFItems"][1]["CFItemType"], "Competency");
        assert_eq!(
            case["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
                .as_array()
                .unwrap()
                .len(),
            5
        );
    }

    #[test]
    fn case_files_are_told_from_csv_by_their_content() {
        assert!(is_case(b"\xEF\xBB\xBF\n  {\"CFDocument\": {}}"));
        assert!(!is_case(b"kind,code,title_en\n"));
        assert!(!is_case(b""));
    }

    #[test]
    fn derived_identifiers_are_version_5_uuids() {
        let id = derived_identifier("a/isChildOf/b");
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "5");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(id, derived_identifier("a/isChildOf/b"));
        assert_ne!(id, derived_identifier("b/isChildOf/a"));
    }

    #[test]
    fn order_comes_from_sequence_numbers() {
        let mut v = exported();
        let associations = v["CFAssociations"].as_array_mut().unwrap();
        associations.reverse();
        let f = from_case(v.to_string().as_bytes()).unwrap();
        assert_eq!(f, Framework::library_default());
    }

    #[test]
    fn a_framework_without_skillgym_extensions_gets_a_code_from_its_title() {
        let mut v = exported();
        v["CFDocument"]
            .as_object_mut()
            .unwrap()
            .remove("extensions");
        let f = from_case(v.to_string().as_bytes()).unwrap();
        assert_eq!(f.code, "SKILLGYM-DIGITAL-SKILLS-FRAMEWORK-FOR-LI");
        assert_eq!(f.title.cy, None);
    }

    #[test]
    fn malformed_json_says_where() {
        let found = from_case(b"{\n  \"CFDocument\": {,\n}").unwrap_err();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].code, found[0].at), (MALFORMED, Some((2, 18))));
    }

    #[test]
    fn every_problem_names_the_item_and_field() {
        has(&json!([1, 2]), DOCUMENT_MISSING, "CFDocument");
        has(&json!({ "CFItems": [] }), DOCUMENT_MISSING, "CFDocument");

        let mut v = exported();
        v["CFDocument"]["identifier"] = "".into();
        has(&v, IDENTIFIER_MISSING, "identifier");

        let mut v = exported();
        v["CFItems"] = json!("not a list");
        has(&v, WRONG_TYPE, "CFItems");

        let mut v = exported();
        v["CFItems"][1]
            .as_object_mut()
            .unwrap()
            .remove("identifier");
        let found = has(&v, IDENTIFIER_MISSING, "identifier");
        assert!(found.iter().any(|p| p.item == "COMMUNICATE-1"), "{found:?}");

        let mut v = exported();
        v["CFItems"][2]["identifier"] = v["CFItems"][1]["identifier"].clone();
        has(&v, IDENTIFIER_DUPLICATE, "identifier");

        let mut v = exported();
        v["CFItems"][1]
            .as_object_mut()
            .unwrap()
            .remove("fullStatement");
        let found = has(&v, STATEMENT_MISSING, "fullStatement");
        assert_eq!(found[0].item, "COMMUNICATE-1");
        assert_eq!(found.len(), 1, "{found:?}");

        let mut v = exported();
        v["CFAssociations"][1]["destinationNodeURI"]["identifier"] = "nowhere".into();
        has(&v, ASSOCIATION_UNKNOWN, "destinationNodeURI");
        let mut v = exported();
        v["CFAssociations"][1]["originNodeURI"]["identifier"] = "nowhere".into();
        let found = has(&v, ASSOCIATION_UNKNOWN, "originNodeURI");
        assert!(found.iter().any(|p| p.item == "CFAssociations[1]"));
        // The item it should have linked now has no parent.
        has(&v, NO_PARENT, "CFAssociations");

        let mut v = exported();
        let extra = v["CFAssociations"][1].clone();
        v["CFAssociations"].as_array_mut().unwrap().push(extra);
        has(&v, MANY_PARENTS, "CFAssociations");

        // An area made the child of its own competence.
        let mut v = exported();
        let competence = v["CFItems"][1]["identifier"].clone();
        v["CFAssociations"][0]["destinationNodeURI"]["identifier"] = competence;
        has(&v, CYCLE, "CFAssociations");

        // A competence straight under the document.
        let mut v = exported();
        let document = v["CFDocument"]["identifier"].clone();
        v["CFAssociations"][1]["destinationNodeURI"]["identifier"] = document;
        let found = has(&v, COMPETENCE_NO_AREA, "CFAssociations");
        assert!(found.iter().any(|p| p.item == "COMMUNICATE-1"));

        // A competence under a competence.
        let mut v = exported();
        let competence = v["CFItems"][1]["identifier"].clone();
        v["CFAssociations"][2]["destinationNodeURI"]["identifier"] = competence;
        has(&v, TOO_DEEP, "CFAssociations");

        let mut v = exported();
        v.as_object_mut().unwrap().remove("CFRubrics");
        has(&v, RUBRIC_MISSING, "CFRubricCriteria");

        let mut v = exported();
        v["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
            .as_array_mut()
            .unwrap()
            .pop();
        has(&v, LEVELS_COUNT, "CFRubricCriterionLevels");

        // Then the framework's own rules, in CASE's words.
        let mut v = exported();
        v["CFItems"][2]["humanCodingScheme"] = v["CFItems"][1]["humanCodingScheme"].clone();
        has(&v, "framework-code-duplicate", "humanCodingScheme");
        let mut v = exported();
        v["CFItems"][1]["humanCodingScheme"] = "lower case".into();
        has(&v, "framework-code-invalid", "humanCodingScheme");
    }

    #[test]
    fn every_problem_code_is_tested() {
        let source = include_str!("case.rs");
        let tests = &source[source.find("mod tests").unwrap()..];
        for code in PROBLEM_CODES {
            let name = source
                .lines()
                .find(|l| l.contains(&format!("= \"{code}\"")))
                .and_then(|l| l.split_whitespace().nth(2))
                .unwrap()
                .trim_end_matches(':');
            assert!(tests.contains(name), "{code} is not tested");
        }
    }
}
