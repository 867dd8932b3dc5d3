//! Loading the demo organisation, through the same staff-file path an HR import takes.

use crate::{NewAccount, NewOrganisation, Organisation, Result, SiteInput, Store};
use skillgym_domain::demo::DemoOrganisation;
use skillgym_domain::{PersonId, SiteName};
use sqlx::Row;
use std::collections::HashMap;

impl Store {
    /// Creates the demo organisation with its sites, people, team managers and sign-ins.
    /// `password_hash` is the hash every demo sign-in gets.
    pub async fn seed_demo(
        &self,
        demo: &DemoOrganisation,
        password_hash: &str,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Organisation> {
        let org = self
            .create_organisation(&NewOrganisation {
                name: demo.name.clone(),
                name_cy: Some(demo.name_cy.clone()),
                main_language: "en".into(),
            })
            .await?;
        for site in &demo.sites {
            self.create_site(
                org.id,
                &SiteInput {
                    code: site.code.clone(),
                    name: SiteName::parse(site.name.as_str()).map_err(crate::people::corrupt)?,
                    kind: site.kind,
                    location: site.location.clone(),
                },
            )
            .await?;
        }
        self.apply_staff_file(org.id, &demo.staff, progress).await?;
        let ids = self.person_ids(org.id).await?;
        let teams: HashMap<String, _> = self
            .teams(org.id)
            .await?
            .into_iter()
            .map(|t| (t.name.clone(), t.id))
            .collect();
        let mut tx = self.pool.begin().await?;
        for team in &demo.teams {
            if let (Some(team_id), Some(manager)) = (
                teams.get(team.name.as_str()),
                ids.get(team.manager.as_str()),
            ) {
                sqlx::query("UPDATE teams SET manager_id = $1 WHERE id = $2")
                    .bind(manager.0)
                    .bind(team_id.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        for account in &demo.accounts {
            if let Some(person) = ids.get(account.employee_number.as_str()) {
                self.create_account(&NewAccount {
                    person: *person,
                    email: account.email.clone(),
                    password_hash: Some(password_hash.to_string()),
                    roles: account.roles,
                })
                .await?;
            }
        }
        Ok(org)
    }

    /// Every person's id by employee number.
    pub async fn person_ids(
        &self,
        org: skillgym_domain::OrganisationId,
    ) -> Result<HashMap<String, PersonId>> {
        let rows = sqlx::query("SELECT id, employee_number FROM people WHERE organisation_id = $1")
            .bind(org.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("employee_number")?, PersonId(r.try_get("id")?))))
            .collect()
    }
}
