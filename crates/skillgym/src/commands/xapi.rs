//! `skillgym xapi client create --name NAME` and `skillgym xapi map --requirement CODE
//! --activity IRI`: the Learning Record Store's clients, and which xAPI Activity completes
//! which training requirement (docs/xapi.md).

use crate::output::say;
use skillgym_i18n::Tr;
use skillgym_store::{Organisation, Store, StoreError};
use std::process::ExitCode;

/// Makes a client and shows its key and secret, this once (only the secret's hash is kept).
pub async fn create_client(
    store: &Store,
    org: &Organisation,
    name: &str,
    public_url: &str,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        eprintln!("{}", tr.t("cli-xapi-bad-name"));
        return Ok(ExitCode::FAILURE);
    }
    let made = store.create_xapi_client(org.id, name).await?;
    say!(
        "{}",
        tr.args(
            "cli-xapi-client-created",
            [
                ("name", name.to_owned().into()),
                ("organisation", org.slug.to_string().into()),
                (
                    "endpoint",
                    format!("{}/xapi/", public_url.trim_end_matches('/')).into()
                ),
                ("key", made.client.key.clone().into()),
                ("secret", made.secret.clone().into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Maps (or, without an Activity, unmaps) a requirement to an xAPI Activity.
pub async fn map(
    store: &Store,
    org: &Organisation,
    requirement: &str,
    activity: Option<&str>,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    if let Some(activity) = activity
        && skillgym_xapi::Iri::parse(activity).is_none()
    {
        eprintln!("{}", tr.t1("cli-xapi-bad-activity", "activity", activity));
        return Ok(ExitCode::FAILURE);
    }
    match store.map_xapi_activity(org.id, requirement, activity).await {
        Ok(_) => {
            match activity {
                Some(activity) => say!(
                    "{}",
                    tr.args(
                        "cli-xapi-mapped",
                        [
                            ("requirement", requirement.to_owned().into()),
                            ("activity", activity.to_owned().into()),
                        ]
                    )
                ),
                None => say!("{}", tr.t1("cli-xapi-unmapped", "requirement", requirement)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::NotFound) => {
            eprintln!(
                "{}",
                tr.t1("cli-xapi-no-requirement", "requirement", requirement)
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}
