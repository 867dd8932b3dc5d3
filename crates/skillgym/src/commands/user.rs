//! `skillgym user create-admin`: the first administrator of a new installation.

use crate::output::say;
use anyhow::Context;
use skillgym_domain::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, OrganisationId,
    PersonId, PersonName, Role, Roles,
};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, NewAccount, NewOrganisation, PersonInput, Store, StoreError};
use std::process::ExitCode;

/// Who is to be an administrator, and of which organisation.
pub struct NewAdmin<'a> {
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    /// The name of the organisation to create, when there is none yet.
    pub organisation_name: &'a str,
    /// The slug of the organisation they are to administer (`--organisation`).
    pub organisation: Option<&'a str>,
}

pub async fn create_admin(
    store: &Store,
    new: &NewAdmin<'_>,
    public_url: &str,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let NewAdmin {
        email,
        given_name,
        family_name,
        organisation_name,
        organisation,
    } = *new;
    let email = Email::parse(email).map_err(|e| invalid(tr, e))?;
    // The first administrator of a new installation creates its organisation.
    let org = if store.default_organisation().await?.is_none() && organisation.is_none() {
        store
            .create_organisation(&NewOrganisation {
                slug: store.unused_slug(organisation_name).await?,
                name: organisation_name.to_string(),
                name_cy: None,
                main_language: "en".into(),
            })
            .await?
    } else {
        match super::organisation::chosen(store, organisation, tr).await? {
            Some(org) => org,
            None => return Ok(ExitCode::FAILURE),
        }
    };
    if let Some(account) = store.account_by_email(&email).await? {
        if account.organisation_id != org.id {
            eprintln!("{}", tr.t1("cli-admin-elsewhere", "email", email.as_str()));
            return Ok(ExitCode::FAILURE);
        }
        store
            .set_roles(account.id, account.roles.with(Role::Admin))
            .await?;
        say!("{}", tr.t1("cli-admin-exists", "email", email.as_str()));
        // The way in for an admin with no password (or a forgotten one), for instance when
        // single sign-on has broken and password sign-in was turned back on.
        let link = skillgym_web::make_access_link(store, account.id, public_url).await?;
        say!("{}", tr.t1("cli-admin-link", "url", link));
        return Ok(ExitCode::SUCCESS);
    }
    let person = match store.person_by_email(org.id, &email).await? {
        Some(person) => person,
        None => {
            let input = PersonInput {
                employee_number: EmployeeNumber::parse("ADMIN").map_err(|e| invalid(tr, e))?,
                given_name: PersonName::parse(given_name).map_err(|e| invalid(tr, e))?,
                family_name: PersonName::parse(family_name).map_err(|e| invalid(tr, e))?,
                email: Some(email.clone()),
                employment: Employment::Employee,
                job_role: JobRole::parse("skillgym administrator").map_err(|e| invalid(tr, e))?,
                job_family: JobFamily::Specialist,
                contracted_hours: ContractedHours::FULL_TIME,
                start_date: None,
                left_on: None,
                line_manager: None,
                team: None,
                sites: Vec::new(),
            };
            create_with_free_number(store, org.id, input)
                .await
                .with_context(|| tr.t("cli-admin-not-created"))?
        }
    };
    let account = store
        .create_account(&NewAccount {
            person,
            email: email.clone(),
            password_hash: None,
            roles: Roles::from_iter([Role::Admin]),
        })
        .await?;
    let link = skillgym_web::make_access_link(store, account, public_url).await?;
    say!("{}", tr.t1("cli-admin-created", "email", email.as_str()));
    say!("{}", tr.t1("cli-admin-link", "url", link));
    Ok(ExitCode::SUCCESS)
}

/// Creates `input` under the first free employee number `ADMIN-<seconds>`, `ADMIN-<seconds>-2`,
/// …: two administrators created in the same second (or a person already holding that number)
/// must not make the second fail.
async fn create_with_free_number(
    store: &Store,
    org: OrganisationId,
    mut input: PersonInput,
) -> Result<PersonId, StoreError> {
    let base = format!("ADMIN-{}", skillgym_store::now());
    let mut n = 1;
    loop {
        let number = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        input.employee_number = EmployeeNumber::parse(&number)
            .expect("ADMIN-, digits and a dash make a valid employee number");
        match store.create_person(org, &input, Actor::CommandLine).await {
            Err(StoreError::Taken("employee_number")) if n < 1000 => n += 1,
            other => return other,
        }
    }
}

fn invalid(tr: &Tr, e: skillgym_domain::Invalid) -> anyhow::Error {
    anyhow::anyhow!(tr.t(e.0))
}
