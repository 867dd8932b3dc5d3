//! `skillgym network create|add-member|list`: networks of organisations that audit together.

use super::organisation::{checked_name, checked_slug, in_language};
use crate::output::say;
use skillgym_domain::OrganisationSlug;
use skillgym_i18n::Tr;
use skillgym_store::{NewNetwork, Organisation, Store, StoreError};
use std::process::ExitCode;

/// Creates a network run by `org`.
pub async fn create(
    store: &Store,
    org: &Organisation,
    name: &str,
    welsh_name: Option<&str>,
    slug: Option<&str>,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(name) = checked_name(name, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    let slug = match slug.map(|raw| checked_slug(raw, tr)) {
        Some(Some(slug)) => slug,
        Some(None) => return Ok(ExitCode::FAILURE),
        None => OrganisationSlug::from_name(name),
    };
    let new = NewNetwork {
        slug: slug.clone(),
        name: name.to_string(),
        name_cy: welsh_name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from),
    };
    match store.create_network(org.id, &new).await {
        Ok(network) => {
            say!(
                "{}",
                tr.args(
                    "cli-network-created",
                    [
                        ("name", network.name.as_str().into()),
                        ("slug", network.slug.as_str().into()),
                        ("organisation", org.name.as_str().into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::Taken(_)) => {
            eprintln!("{}", tr.t1("cli-network-slug-taken", "slug", slug.as_str()));
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

/// Makes `member` a member of the network `network` (its slug).
pub async fn add_member(
    store: &Store,
    member: &Organisation,
    network: &str,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let found = match OrganisationSlug::parse(network) {
        Ok(slug) => store.network_by_slug(&slug).await?,
        Err(_) => None,
    };
    let Some(found) = found else {
        eprintln!("{}", tr.t1("cli-network-unknown", "slug", network));
        return Ok(ExitCode::FAILURE);
    };
    let message = if store.add_network_member(found.id, member.id).await? {
        "cli-network-member-added"
    } else {
        "cli-network-member-already"
    };
    say!(
        "{}",
        tr.t2(
            message,
            "organisation",
            member.name.as_str(),
            "network",
            found.name.as_str()
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn list(store: &Store, tr: &Tr) -> anyhow::Result<ExitCode> {
    let networks = store.networks().await?;
    if networks.is_empty() {
        eprintln!("{}", tr.t("cli-network-none"));
        return Ok(ExitCode::FAILURE);
    }
    for network in networks {
        let runner = store.organisation(network.organisation_id).await?;
        let members: Vec<String> = store
            .network_members(network.id)
            .await?
            .iter()
            .map(|m| in_language(tr, &m.name, m.name_cy.as_deref()).to_string())
            .collect();
        let members = if members.is_empty() {
            tr.t("cli-network-no-members")
        } else {
            members.join(", ")
        };
        say!(
            "{}",
            tr.args(
                "cli-network-line",
                [
                    ("slug", network.slug.as_str().into()),
                    (
                        "name",
                        in_language(tr, &network.name, network.name_cy.as_deref()).into()
                    ),
                    (
                        "organisation",
                        in_language(tr, &runner.name, runner.name_cy.as_deref()).into()
                    ),
                    ("members", members.as_str().into()),
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
