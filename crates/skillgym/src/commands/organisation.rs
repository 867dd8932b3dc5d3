//! `skillgym organisation create|list`, and which organisation the other commands work on
//! (`--organisation SLUG`, or the only one).

use crate::output::say;
use skillgym_domain::OrganisationSlug;
use skillgym_i18n::Tr;
use skillgym_store::{NewOrganisation, Organisation, Store, StoreError};
use std::process::ExitCode;

/// The organisation a command works on: the one `--organisation` names, or else the only one.
/// `None` (having said why) when there is none, when the slug names none, or when there are
/// several and none was named: a command must never guess which service's data to change.
pub async fn chosen(
    store: &Store,
    slug: Option<&str>,
    tr: &Tr,
) -> anyhow::Result<Option<Organisation>> {
    let all = store.organisations().await?;
    if all.is_empty() {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(None);
    }
    let slugs = || {
        all.iter()
            .map(|o| o.slug.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match slug {
        Some(wanted) => {
            let found = all.iter().find(|o| o.slug.as_str() == wanted.trim());
            if found.is_none() {
                eprintln!(
                    "{}",
                    tr.t2("cli-organisation-unknown", "slug", wanted, "slugs", slugs())
                );
            }
            Ok(found.cloned())
        }
        None if all.len() == 1 => Ok(all.into_iter().next()),
        None => {
            eprintln!("{}", tr.t1("cli-organisation-which", "slugs", slugs()));
            Ok(None)
        }
    }
}

/// A name in the reader's language: the Welsh one for a Welsh reader, when there is one.
pub fn in_language<'a>(tr: &Tr, en: &'a str, cy: Option<&'a str>) -> &'a str {
    match (tr.lang(), cy) {
        (skillgym_i18n::Lang::Cy, Some(cy)) if !cy.trim().is_empty() => cy,
        _ => en,
    }
}

/// A name as typed for an organisation or a network, trimmed; `None` (having said why) when
/// it is empty, too long or holds control characters.
pub fn checked_name<'a>(name: &'a str, tr: &Tr) -> Option<&'a str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        eprintln!("{}", tr.t("cli-organisation-bad-name"));
        return None;
    }
    Some(name)
}

/// A slug as typed; `None` (having said why) when it is not one.
pub fn checked_slug(raw: &str, tr: &Tr) -> Option<OrganisationSlug> {
    OrganisationSlug::parse(raw)
        .map_err(|e| eprintln!("{}", tr.t(e.0)))
        .ok()
}

pub async fn create(
    store: &Store,
    name: &str,
    welsh_name: Option<&str>,
    slug: Option<&str>,
    language: &str,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(name) = checked_name(name, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    if !matches!(language, "en" | "cy") {
        eprintln!("{}", tr.t("cli-organisation-bad-language"));
        return Ok(ExitCode::FAILURE);
    }
    let slug = match slug.map(|raw| checked_slug(raw, tr)) {
        Some(Some(slug)) => slug,
        Some(None) => return Ok(ExitCode::FAILURE),
        None => store.unused_slug(name).await?,
    };
    let new = NewOrganisation {
        slug: slug.clone(),
        name: name.to_string(),
        name_cy: welsh_name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from),
        main_language: language.to_string(),
    };
    match store.create_organisation(&new).await {
        Ok(org) => {
            say!(
                "{}",
                tr.t2(
                    "cli-organisation-created",
                    "name",
                    org.name.as_str(),
                    "slug",
                    org.slug.as_str()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::Taken(_)) => {
            eprintln!(
                "{}",
                tr.t1("cli-organisation-slug-taken", "slug", slug.as_str())
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn list(store: &Store, tr: &Tr) -> anyhow::Result<ExitCode> {
    let all = store.organisations().await?;
    if all.is_empty() {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(ExitCode::FAILURE);
    }
    for org in all {
        let people = store.people_counts(org.id).await?.total;
        say!(
            "{}",
            tr.args(
                "cli-organisation-line",
                [
                    ("slug", org.slug.as_str().into()),
                    (
                        "name",
                        in_language(tr, &org.name, org.name_cy.as_deref()).into()
                    ),
                    ("people", people.into()),
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
