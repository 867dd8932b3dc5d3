//! Activities and their definitions (Data 2.4.4.1), and Statement References (Data 2.4.4.3).

use std::collections::BTreeMap;

use serde_json::Value;
use uuid::Uuid;

use super::{
    Obj, array, extensions, iri, irl, join, language_map, object, only, optional, required, string,
    uuid,
};
use crate::error::Invalid;
use crate::model::{
    Activity, ActivityDefinition, ComponentList, Interaction, InteractionComponent, InteractionType,
};

const DEFINITION_KEYS: [&str; 12] = [
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
];

/// An Activity: the statement's object, or a context Activity (Data 2.4.6.2.s4.b2).
pub(crate) fn activity(json: &Value, path: &str) -> Result<Activity, Invalid> {
    let map = object(json, path)?;
    if let Some(object_type) = optional(map, path, "objectType", string)?
        && object_type != "Activity"
    {
        return Err(Invalid::new(
            join(path, "objectType"),
            format!("must be \"Activity\", not \"{object_type}\" (Data 2.4.4.1.s1)"),
        ));
    }
    only(map, path, &["objectType", "id", "definition"])?;
    Ok(Activity {
        id: iri(required(map, path, "id")?, &join(path, "id"))?,
        definition: optional(map, path, "definition", definition)?,
    })
}

/// A Statement Reference: `objectType` StatementRef and a UUID `id` (Data 2.4.4.3.s4).
pub(crate) fn statement_ref(json: &Value, path: &str) -> Result<Uuid, Invalid> {
    let map = object(json, path)?;
    only(map, path, &["objectType", "id"])?;
    let object_type = string(
        required(map, path, "objectType")?,
        &join(path, "objectType"),
    )?;
    if object_type != "StatementRef" {
        return Err(Invalid::new(
            join(path, "objectType"),
            "must be \"StatementRef\" (Data 2.4.4.3.s4.b1)",
        ));
    }
    uuid(required(map, path, "id")?, &join(path, "id"))
}

/// Data 2.4.4.1 "Activity Definition", with the interaction properties.
fn definition(json: &Value, path: &str) -> Result<ActivityDefinition, Invalid> {
    let map = object(json, path)?;
    only(map, path, &DEFINITION_KEYS)?;
    Ok(ActivityDefinition {
        name: optional(map, path, "name", language_map)?,
        description: optional(map, path, "description", language_map)?,
        kind: optional(map, path, "type", iri)?,
        more_info: optional(map, path, "moreInfo", irl)?,
        interaction: interaction(map, path)?,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

/// Data 2.4.4.1.s8–s16: `interactionType` is required as soon as any interaction property is
/// used, and only the component lists of that type may appear.
fn interaction(map: &Obj, path: &str) -> Result<Option<Interaction>, Invalid> {
    let kind = optional(map, path, "interactionType", |json, path| {
        let text = string(json, path)?;
        InteractionType::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, kind)| *kind)
            .ok_or_else(|| {
                let names: Vec<&str> = InteractionType::ALL.iter().map(|(n, _)| *n).collect();
                Invalid::new(
                    path,
                    format!(
                        "must be one of {}, in that case (Data 2.4.4.1.s13.b1, 2.2.s4.b1.b6)",
                        names.join(", ")
                    ),
                )
            })
    })?;
    let correct_responses_pattern =
        optional(map, path, "correctResponsesPattern", |json, path| {
            array(json, path)?
                .iter()
                .enumerate()
                .map(|(i, item)| string(item, &format!("{path}[{i}]")).map(str::to_owned))
                .collect::<Result<Vec<_>, _>>()
        })?;
    let lists: Vec<(&str, ComponentList)> = ComponentList::ALL
        .into_iter()
        .filter(|(name, _)| map.contains_key(*name))
        .collect();
    let Some(kind) = kind else {
        let used = correct_responses_pattern
            .as_ref()
            .map(|_| "correctResponsesPattern")
            .or(lists.first().map(|(name, _)| *name));
        return match used {
            None => Ok(None),
            Some(used) => Err(Invalid::new(
                join(path, "interactionType"),
                format!("is required when {used} is used (Data 2.4.4.1.s8, s13.b1)"),
            )),
        };
    };
    let mut components = BTreeMap::new();
    for (name, list) in lists {
        let path = join(path, name);
        if !kind.component_lists().contains(&list) {
            let type_name = InteractionType::ALL
                .iter()
                .find(|(_, k)| *k == kind)
                .map_or("", |(n, _)| *n);
            return Err(Invalid::new(
                path,
                format!(
                    "is not a component list of a \"{type_name}\" interaction (Data 2.4.4.1.s15)"
                ),
            ));
        }
        components.insert(list, component_list(&map[name], &path)?);
    }
    Ok(Some(Interaction {
        kind,
        correct_responses_pattern,
        components,
    }))
}

fn component_list(json: &Value, path: &str) -> Result<Vec<InteractionComponent>, Invalid> {
    let mut components: Vec<InteractionComponent> = Vec::new();
    for (i, item) in array(json, path)?.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let map = object(item, &path)?;
        only(map, &path, &["id", "description"])?;
        let id = string(required(map, &path, "id")?, &join(&path, "id"))?;
        if components.iter().any(|c| c.id == id) {
            return Err(Invalid::new(
                join(&path, "id"),
                format!(
                    "\"{id}\" is used twice; ids in a component list must be distinct \
                     (Data 2.4.4.1.s16.b1)"
                ),
            ));
        }
        components.push(InteractionComponent {
            id: id.to_owned(),
            description: optional(map, &path, "description", language_map)?,
        });
    }
    Ok(components)
}
