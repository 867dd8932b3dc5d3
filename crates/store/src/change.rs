//! The campaigns a re-audit can be compared with, for change over time. The figures themselves
//! come from both campaigns' columns (see `analysis_columns`).

use crate::dates::date;
use crate::{Result, Store};
use skillgym_domain::audit::Localised;
use skillgym_domain::people::format_date;
use skillgym_domain::{CampaignId, FrameworkId, OrganisationId};
use sqlx::Row;

/// A campaign that another can be compared with.
#[derive(Debug, Clone)]
pub struct CampaignChoice {
    pub id: CampaignId,
    pub title: Localised,
    pub opens_on: time::Date,
}

impl Store {
    /// The other campaigns on `framework` that opened no later than `opens_on`, newest first:
    /// the ones a campaign can be compared with.
    pub async fn earlier_campaigns(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        except: CampaignId,
        opens_on: time::Date,
    ) -> Result<Vec<CampaignChoice>> {
        let rows = sqlx::query(
            "SELECT id, title_en, title_cy, opens_on FROM campaigns \
             WHERE organisation_id = $1 AND framework_id = $2 AND id <> $3 AND opens_on <= $4 \
             ORDER BY opens_on DESC, id DESC",
        )
        .bind(org.0)
        .bind(framework.0)
        .bind(except.0)
        .bind(format_date(opens_on))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CampaignChoice {
                    id: CampaignId(r.try_get("id")?),
                    title: Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get::<Option<String>, _>("title_cy")?,
                    ),
                    opens_on: date(r, "opens_on")?,
                })
            })
            .collect()
    }
}
