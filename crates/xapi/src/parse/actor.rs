//! Agents and Groups (Data 2.4.2) and their Inverse Functional Identifiers.

use serde_json::Value;

use super::{Obj, array, irl, join, object, only, optional, required, string};
use crate::error::Invalid;
use crate::model::{Actor, Agent, Group, Ifi};
use crate::syntax;

const AGENT_KEYS: [&str; 6] = [
    "objectType",
    "name",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
];
const GROUP_KEYS: [&str; 7] = [
    "objectType",
    "name",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
    "member",
];
const IFI_KEYS: [&str; 4] = ["mbox", "mbox_sha1sum", "openid", "account"];

/// Where an Agent or Group stands, which decides what it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A statement's actor: Agent or Group, `objectType` optional.
    Actor,
    /// A statement's object: `objectType` required (Data 2.4.4.2.s1.b1).
    Object,
    /// A Group's member: an Agent (Data 2.4.2.2.s4.b2, s5.b2).
    Member,
    /// `context.instructor`: Agent or Group.
    Instructor,
    /// `context.team`: a Group.
    Team,
    /// `authority`: an Agent, or a Group of two Agents (Data 2.4.9.s3.b1).
    Authority,
    /// The `agent` query parameter: an Agent or an Identified Group (Communication 2.1.3).
    Parameter,
}

/// The Agent or Group in `json`, as `role` allows.
pub(crate) fn actor(json: &Value, path: &str, role: Role) -> Result<Actor, Invalid> {
    let map = object(json, path)?;
    let is_group = match optional(map, path, "objectType", string)? {
        None if role == Role::Object => {
            return Err(Invalid::new(
                join(path, "objectType"),
                "is required when an Agent or Group is the object (Data 2.4.4.2.s1.b1)",
            ));
        }
        None | Some("Agent") => false,
        Some("Group") => true,
        Some(other) => {
            return Err(Invalid::new(
                join(path, "objectType"),
                format!("must be Agent or Group, not \"{other}\" (Data 2.4.2)"),
            ));
        }
    };
    match (role, is_group) {
        (Role::Member, true) => Err(Invalid::new(
            join(path, "objectType"),
            "a Group's members must be Agents, not Groups (Data 2.4.2.2.s4.b2, s5.b2)",
        )),
        (Role::Team, false) => Err(Invalid::new(
            join(path, "objectType"),
            "must be \"Group\": a team is a Group (Data 2.4.6.s3)",
        )),
        (_, true) => Ok(Actor::Group(group(map, path, role)?)),
        (_, false) => Ok(Actor::Agent(agent(map, path)?)),
    }
}

/// `context.team`: a Group (Data 2.4.6.s3).
pub(crate) fn team(json: &Value, path: &str) -> Result<Group, Invalid> {
    match actor(json, path, Role::Team)? {
        Actor::Group(group) => Ok(group),
        Actor::Agent(_) => Err(Invalid::new(path, "must be a Group (Data 2.4.6.s3)")),
    }
}

/// Data 2.4.2.1: exactly one IFI.
fn agent(map: &Obj, path: &str) -> Result<Agent, Invalid> {
    only(map, path, &AGENT_KEYS)?;
    let name = optional(map, path, "name", string)?.map(str::to_owned);
    let ifi = ifi(map, path)?.ok_or_else(|| {
        Invalid::new(
            path,
            "an Agent must have one Inverse Functional Identifier: mbox, mbox_sha1sum, openid \
             or account (Data 2.4.2.1.s2.b1)",
        )
    })?;
    Ok(Agent { name, ifi })
}

/// Data 2.4.2.2: an Identified Group has one IFI and may list members; an Anonymous Group has
/// no IFI and MUST list them.
fn group(map: &Obj, path: &str, role: Role) -> Result<Group, Invalid> {
    only(map, path, &GROUP_KEYS)?;
    let name = optional(map, path, "name", string)?.map(str::to_owned);
    let ifi = ifi(map, path)?;
    let members = optional(map, path, "member", |json, path| {
        array(json, path)?
            .iter()
            .enumerate()
            .map(
                |(i, item)| match actor(item, &format!("{path}[{i}]"), Role::Member)? {
                    Actor::Agent(agent) => Ok(agent),
                    Actor::Group(_) => {
                        Err(Invalid::new(format!("{path}[{i}]"), "must be an Agent"))
                    }
                },
            )
            .collect::<Result<Vec<_>, _>>()
    })?;
    if ifi.is_none() {
        if role == Role::Parameter {
            return Err(Invalid::new(
                path,
                "must be an Agent or an Identified Group (Communication 2.1.3)",
            ));
        }
        match &members {
            None => {
                return Err(Invalid::new(
                    join(path, "member"),
                    "is required: an Anonymous Group must list its members (Data 2.4.2.2.s4.b1)",
                ));
            }
            Some(members) if members.is_empty() => {
                return Err(Invalid::new(
                    join(path, "member"),
                    "must list at least one Agent in an Anonymous Group (Data 2.4.2.2.s4.b1)",
                ));
            }
            Some(_) => {}
        }
    }
    let members = members.unwrap_or_default();
    if role == Role::Authority && members.len() != 2 {
        return Err(Invalid::new(
            join(path, "member"),
            "an authority that is a Group must have exactly two Agents (Data 2.4.9.s3.b1)",
        ));
    }
    Ok(Group { name, ifi, members })
}

/// The one IFI of an Agent or Group (Data 2.4.2.3), `None` if it has none.
fn ifi(map: &Obj, path: &str) -> Result<Option<Ifi>, Invalid> {
    let present: Vec<&str> = IFI_KEYS
        .into_iter()
        .filter(|key| map.contains_key(*key))
        .collect();
    let key = match present.as_slice() {
        [] => return Ok(None),
        [key] => *key,
        [first, second, ..] => {
            return Err(Invalid::new(
                path,
                format!(
                    "has both {first} and {second}: an Agent or Identified Group has exactly one \
                     Inverse Functional Identifier (Data 2.4.2.1.s2.b2, 2.4.2.2.s5.b1)"
                ),
            ));
        }
    };
    let path = join(path, key);
    let json = &map[key];
    let ifi = match key {
        "mbox" => {
            let mbox = string(json, &path)?;
            if !syntax::is_mailto(mbox) {
                return Err(Invalid::new(
                    path,
                    "must be a mailto: IRI, as in mailto:name@example.com (Data 2.4.2.3)",
                ));
            }
            Ifi::Mbox(mbox.to_owned())
        }
        "mbox_sha1sum" => {
            let sum = string(json, &path)?;
            if !syntax::is_sha1_hex(sum) {
                return Err(Invalid::new(
                    path,
                    "must be 40 hexadecimal digits, the SHA-1 of a mailto IRI (Data 2.4.2.3)",
                ));
            }
            Ifi::MboxSha1Sum(sum.to_owned())
        }
        "openid" => {
            let uri = string(json, &path)?;
            Ifi::OpenId(
                syntax::is_uri(uri)
                    .then(|| syntax::Iri::parse(uri))
                    .flatten()
                    .ok_or_else(|| Invalid::new(&path, "must be a URI (Data 2.4.2.3)"))?,
            )
        }
        _ => {
            let account = object(json, &path)?;
            only(account, &path, &["homePage", "name"])?;
            Ifi::Account {
                home_page: irl(
                    required(account, &path, "homePage")?,
                    &join(&path, "homePage"),
                )?,
                name: string(required(account, &path, "name")?, &join(&path, "name"))?.to_owned(),
            }
        }
    };
    Ok(Some(ifi))
}
