//! Personal data rights: everything skillgym holds about a person, for "download my data"
//! (UK GDPR article 15 and 20), and erasing a person (article 17, and retention).
//!
//! **Extension point.** Every feature that stores personal data adds to both halves here:
//! - to [`Store::personal_data`], one line that pushes a [`DataTable`] of what it holds about
//!   the person (audit answers, plans, training records…); the zip then carries it as JSON
//!   and CSV with no other change;
//! - to [`erase_in`], the statements that remove or anonymise it, inside the erasure's
//!   transaction (see the "ERASURE HOOK" comment there).

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::{Result, Store, StoreError};
use skillgym_domain::csv_file::CsvWriter;
use skillgym_domain::{OrganisationId, PersonId};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::io::Write;

/// One value in a [`DataTable`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Real(f64),
    Empty,
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}

impl From<i64> for Cell {
    fn from(v: i64) -> Self {
        Cell::Int(v)
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        Cell::Real(v)
    }
}

/// A named table of what skillgym holds about a person: becomes `NAME.json` and `NAME.csv`.
#[derive(Debug, Clone)]
pub struct DataTable {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl DataTable {
    fn new(name: &'static str, columns: &[&'static str]) -> Self {
        Self {
            name,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// The rows as a JSON array of objects, one key per column.
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|row| {
                let object = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(column, cell)| {
                        let value = match cell {
                            Cell::Text(t) => serde_json::Value::from(t.as_str()),
                            Cell::Int(i) => serde_json::Value::from(*i),
                            Cell::Real(r) => serde_json::Value::from(*r),
                            Cell::Empty => serde_json::Value::Null,
                        };
                        (column.to_string(), value)
                    })
                    .collect();
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&rows).unwrap_or_default()
    }

    /// The rows as CSV with a header line of `heading(table, column)` for each column (the
    /// reader's language; the JSON keeps the column names, for programs), written by the one
    /// CSV writer, which guards text a spreadsheet would run as a formula.
    pub fn to_csv(&self, heading: &dyn Fn(&str, &str) -> String) -> std::io::Result<Vec<u8>> {
        let mut writer = CsvWriter::new(Vec::new())?;
        writer.row(self.columns.iter().map(|c| heading(self.name, c)))?;
        for row in &self.rows {
            writer.row(row.iter().map(|cell| match cell {
                Cell::Text(t) => t.clone(),
                Cell::Int(i) => i.to_string(),
                Cell::Real(r) => r.to_string(),
                Cell::Empty => String::new(),
            }))?;
        }
        writer.finish()
    }
}

/// Everything skillgym holds about one person.
#[derive(Debug, Clone)]
pub struct PersonalData {
    pub person: PersonId,
    pub tables: Vec<DataTable>,
    /// Files they uploaded (certificates kept as evidence) and the attachment data of xAPI
    /// statements about them, each as a path in the zip and its bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

impl PersonalData {
    pub fn table(&self, name: &str) -> Option<&DataTable> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// One zip: `README.txt` (the `readme` text, in the reader's language) and each table as
    /// JSON and CSV, deflated.
    pub fn to_zip(
        &self,
        readme: &str,
        heading: &dyn Fn(&str, &str) -> String,
    ) -> std::io::Result<Vec<u8>> {
        use zip::write::SimpleFileOptions;
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("README.txt", options)
            .map_err(std::io::Error::other)?;
        zip.write_all(readme.as_bytes())?;
        for table in &self.tables {
            zip.start_file(format!("{}.json", table.name), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(table.to_json().as_bytes())?;
            zip.start_file(format!("{}.csv", table.name), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(&table.to_csv(heading)?)?;
        }
        for (path, bytes) in &self.files {
            zip.start_file(path.as_str(), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

/// A text column that is never NULL, as a cell.
fn text(r: &AnyRow, column: &str) -> Result<Cell> {
    Ok(r.try_get::<String, _>(column)?.into())
}

/// A unix time as ISO 8601, the way exports show times.
pub fn iso_time(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| at.to_string())
}

impl Store {
    /// Everything skillgym holds about `person`, table by table. Later features add their
    /// tables here (see the module's documentation).
    pub async fn personal_data(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<PersonalData> {
        let mut tables = vec![self.person_table(org, person).await?];
        tables.push(self.sites_table(person).await?);
        tables.push(self.account_table(person).await?);
        tables.push(self.audit_events_table(org, person).await?);
        tables.extend(self.audit_answer_tables(org, person).await?);
        tables.push(self.activity_ratings_table(org, person).await?);
        tables.push(self.service_confidence_table(org, person).await?);
        tables.push(self.session_bookings_table(org, person).await?);
        tables.extend(self.plan_tables(org, person).await?);
        tables.push(self.training_completions_table(org, person).await?);
        tables.push(self.xapi_statements_table(org, person).await?);
        tables.extend(self.evaluation_tables(org, person).await?);
        tables.push(self.weekly_questions_table(org, person).await?);
        tables.extend(self.champion_tables(org, person).await?);
        tables.extend(self.horizon_and_board_tables(org, person).await?);
        tables.push(self.kit_trained_table(org, person).await?);
        tables.push(self.kit_use_table(org, person).await?);
        let mut files = self.evidence_files(org, person).await?;
        files.extend(self.xapi_attachment_files(org, person).await?);
        Ok(PersonalData {
            person,
            tables,
            files,
        })
    }

    async fn person_table(&self, org: OrganisationId, person: PersonId) -> Result<DataTable> {
        let r = sqlx::query(
            "SELECT p.employee_number, p.given_name, p.family_name, p.email, p.employment, \
                    p.job_role, p.job_family, p.contracted_hours, p.start_date, p.left_on, \
                    m.given_name || ' ' || m.family_name AS line_manager, t.name AS team, \
                    p.created_at, p.updated_at \
             FROM people p \
             LEFT JOIN people m ON m.id = p.line_manager_id \
             LEFT JOIN teams t ON t.id = p.team_id \
             WHERE p.organisation_id = $1 AND p.id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let mut table = DataTable::new(
            "person",
            &[
                "employee_number",
                "given_name",
                "family_name",
                "email",
                "employment",
                "job_role",
                "job_family",
                "contracted_hours",
                "start_date",
                "left_on",
                "line_manager",
                "team",
                "created_at",
                "updated_at",
            ],
        );
        let text = |c: &str| -> Result<Cell> { Ok(r.try_get::<Option<String>, _>(c)?.into()) };
        table.rows.push(vec![
            text("employee_number")?,
            text("given_name")?,
            text("family_name")?,
            text("email")?,
            text("employment")?,
            text("job_role")?,
            text("job_family")?,
            r.try_get::<f64, _>("contracted_hours")?.into(),
            text("start_date")?,
            text("left_on")?,
            text("line_manager")?,
            text("team")?,
            iso_time(r.try_get("created_at")?).into(),
            iso_time(r.try_get("updated_at")?).into(),
        ]);
        Ok(table)
    }

    /// A table of one row a result of `sql`, which is given `binds` as `$1`, `$2`…; `row`
    /// turns a result into the table's cells.
    async fn query_table(
        &self,
        name: &'static str,
        columns: &[&'static str],
        sql: &'static str,
        binds: &[i64],
        row: impl Fn(&AnyRow) -> Result<Vec<Cell>>,
    ) -> Result<DataTable> {
        let mut query = sqlx::query(sql);
        for value in binds {
            query = query.bind(*value);
        }
        let mut table = DataTable::new(name, columns);
        for r in &query.fetch_all(&self.pool).await? {
            table.rows.push(row(r)?);
        }
        Ok(table)
    }

    async fn sites_table(&self, person: PersonId) -> Result<DataTable> {
        self.query_table(
            "sites",
            &["code", "name"],
            "SELECT s.code, s.name FROM person_sites ps JOIN sites s ON s.id = ps.site_id \
             WHERE ps.person_id = $1 ORDER BY ps.position, s.name",
            &[person.0],
            |r| Ok(vec![text(r, "code")?, text(r, "name")?]),
        )
        .await
    }

    async fn account_table(&self, person: PersonId) -> Result<DataTable> {
        let mut table = DataTable::new(
            "account",
            &[
                "email",
                "language",
                "roles",
                "created_at",
                "sessions",
                "single_sign_on_issuer",
                "single_sign_on_subject",
            ],
        );
        let row = sqlx::query(
            "SELECT a.id, a.email, a.language, a.created_at, a.sso_issuer, a.sso_subject, \
                    (SELECT COUNT(*) FROM sessions s WHERE s.account_id = a.id) AS sessions \
             FROM accounts a WHERE a.person_id = $1",
        )
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(r) = row {
            let roles = self
                .roles(skillgym_domain::AccountId(r.try_get("id")?))
                .await?;
            let roles: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            table.rows.push(vec![
                r.try_get::<String, _>("email")?.into(),
                r.try_get::<Option<String>, _>("language")?.into(),
                roles.join(",").into(),
                iso_time(r.try_get("created_at")?).into(),
                r.try_get::<i64, _>("sessions")?.into(),
                r.try_get::<Option<String>, _>("sso_issuer")?.into(),
                r.try_get::<Option<String>, _>("sso_subject")?.into(),
            ]);
        }
        Ok(table)
    }

    /// The sessions they booked or waited for, and whether they came.
    async fn session_bookings_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        self.query_table(
            "session_bookings",
            &["activity", "starts_at", "status", "attended"],
            "SELECT a.code, s.starts_at, b.status, b.attended \
             FROM session_bookings b JOIN activity_sessions s ON s.id = b.session_id \
             JOIN activities a ON a.id = s.activity_id \
             WHERE s.organisation_id = $1 AND b.person_id = $2 ORDER BY s.starts_at, s.id",
            &[org.0, person.0],
            |r| {
                let attended: Option<i64> = r.try_get("attended")?;
                Ok(vec![
                    text(r, "code")?,
                    iso_time(r.try_get("starts_at")?).into(),
                    text(r, "status")?,
                    attended
                        .map(|a| if a != 0 { "yes" } else { "no" }.to_string())
                        .into(),
                ])
            },
        )
        .await
    }

    /// Their learning plans: each plan, its goals and steps (with their reflections), and the
    /// notes kept of meetings about them.
    async fn plan_tables(&self, org: OrganisationId, person: PersonId) -> Result<Vec<DataTable>> {
        let plans = self
            .query_table(
                "plans",
                &[
                    "plan",
                    "status",
                    "starts_on",
                    "weekly_minutes",
                    "proposed_at",
                    "agreed_at",
                ],
                "SELECT id, status, starts_on, weekly_minutes, proposed_at, agreed_at FROM plans \
                 WHERE organisation_id = $1 AND person_id = $2 ORDER BY id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        r.try_get::<i64, _>("id")?.into(),
                        text(r, "status")?,
                        text(r, "starts_on")?,
                        r.try_get::<i64, _>("weekly_minutes")?.into(),
                        iso_time(r.try_get("proposed_at")?).into(),
                        r.try_get::<Option<i64>, _>("agreed_at")?
                            .map(iso_time)
                            .into(),
                    ])
                },
            )
            .await?;
        let goals = self
            .query_table(
                "plan_goals",
                &[
                    "plan",
                    "competence",
                    "from_level",
                    "level",
                    "deadline_week",
                    "end_rating",
                ],
                "SELECT g.plan_id, c.code, g.from_level, g.level, g.deadline_week, g.end_rating \
                 FROM plan_goals g JOIN plans p ON p.id = g.plan_id \
                 JOIN competences c ON c.id = g.competence_id \
                 WHERE p.organisation_id = $1 AND p.person_id = $2 ORDER BY g.plan_id, g.position",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        r.try_get::<i64, _>("plan_id")?.into(),
                        text(r, "code")?,
                        format!("{:.2}", r.try_get::<f64, _>("from_level")?).into(),
                        r.try_get::<i64, _>("level")?.into(),
                        (r.try_get::<i64, _>("deadline_week")? + 1).into(),
                        r.try_get::<Option<i64>, _>("end_rating")?
                            .map(|n| n.to_string())
                            .into(),
                    ])
                },
            )
            .await?;
        let steps = self
            .query_table(
                "plan_steps",
                &[
                    "plan",
                    "activity",
                    "first_week",
                    "last_week",
                    "done_at",
                    "reflection",
                ],
                "SELECT s.plan_id, a.code, s.first_week, s.last_week, s.done_at, s.reflection \
                 FROM plan_steps s JOIN plans p ON p.id = s.plan_id \
                 JOIN activities a ON a.id = s.activity_id \
                 WHERE p.organisation_id = $1 AND p.person_id = $2 ORDER BY s.plan_id, s.position",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        r.try_get::<i64, _>("plan_id")?.into(),
                        text(r, "code")?,
                        (r.try_get::<i64, _>("first_week")? + 1).into(),
                        (r.try_get::<i64, _>("last_week")? + 1).into(),
                        r.try_get::<Option<i64>, _>("done_at")?.map(iso_time).into(),
                        r.try_get::<Option<String>, _>("reflection")?.into(),
                    ])
                },
            )
            .await?;
        let notes = self
            .query_table(
                "plan_notes",
                &["plan", "written_at", "note"],
                "SELECT n.plan_id, n.written_at, n.body FROM plan_notes n \
                 JOIN plans p ON p.id = n.plan_id \
                 WHERE p.organisation_id = $1 AND p.person_id = $2 ORDER BY n.plan_id, n.id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        r.try_get::<i64, _>("plan_id")?.into(),
                        iso_time(r.try_get("written_at")?).into(),
                        text(r, "body")?,
                    ])
                },
            )
            .await?;
        let credentials = self
            .query_table(
                "plan_credentials",
                &["plan", "credential", "issued_at"],
                "SELECT plan_id, id, issued_at FROM plan_credentials \
                 WHERE organisation_id = $1 AND person_id = $2 ORDER BY issued_at",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        r.try_get::<i64, _>("plan_id")?.into(),
                        text(r, "id")?,
                        iso_time(r.try_get("issued_at")?).into(),
                    ])
                },
            )
            .await?;
        let submissions = self
            .query_table(
                "club_submissions",
                &[
                    "assignment",
                    "submitted_at",
                    "submission",
                    "link",
                    "feedback",
                ],
                "SELECT a.title, s.submitted_at, s.body, s.link, s.feedback \
                 FROM club_submissions s JOIN club_assignments a ON a.id = s.assignment_id \
                 WHERE a.organisation_id = $1 AND s.person_id = $2 ORDER BY s.submitted_at",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        text(r, "title")?,
                        iso_time(r.try_get("submitted_at")?).into(),
                        text(r, "body")?,
                        r.try_get::<Option<String>, _>("link")?.into(),
                        r.try_get::<Option<String>, _>("feedback")?.into(),
                    ])
                },
            )
            .await?;
        Ok(vec![plans, goals, steps, notes, credentials, submissions])
    }

    /// The required modules they completed, and how skillgym learned of each.
    async fn training_completions_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        self.query_table(
            "training_completions",
            &[
                "requirement",
                "title",
                "completed_on",
                "source",
                "evidence",
                "evidence_file",
                "recorded_at",
            ],
            "SELECT r.code, r.title_en, c.completed_on, c.source, c.evidence, c.recorded_at, \
                 f.file_name, c.id \
             FROM training_completions c JOIN training_requirements r ON r.id = c.requirement_id \
             LEFT JOIN training_evidence_files f ON f.completion_id = c.id \
             WHERE c.organisation_id = $1 AND c.person_id = $2 ORDER BY c.completed_on, c.id",
            &[org.0, person.0],
            |r| {
                Ok(vec![
                    text(r, "code")?,
                    text(r, "title_en")?,
                    text(r, "completed_on")?,
                    text(r, "source")?,
                    r.try_get::<Option<String>, _>("evidence")?.into(),
                    r.try_get::<Option<String>, _>("file_name")?
                        .map(|name| Ok::<_, sqlx::Error>(evidence_path(r.try_get("id")?, &name)))
                        .transpose()?
                        .into(),
                    iso_time(r.try_get("recorded_at")?).into(),
                ])
            },
        )
        .await
    }

    /// The certificates they uploaded with their completions.
    async fn evidence_files(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<(String, Vec<u8>)>> {
        sqlx::query(
            "SELECT c.id, f.file_name, f.bytes FROM training_evidence_files f \
             JOIN training_completions c ON c.id = f.completion_id \
             WHERE f.organisation_id = $1 AND c.person_id = $2 ORDER BY c.id",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                evidence_path(r.try_get("id")?, &r.try_get::<String, _>("file_name")?),
                r.try_get("bytes")?,
            ))
        })
        .collect()
    }

    /// The questions they asked the digital team with their name (those asked without a name
    /// keep nothing of who asked), and the answers.
    async fn weekly_questions_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        self.query_table(
            "weekly_questions",
            &["asked_at", "question", "wording", "answer", "answered_at"],
            "SELECT asked_at, question, wording, answer, answered_at FROM weekly_questions \
             WHERE organisation_id = $1 AND asked_by = $2 ORDER BY id",
            &[org.0, person.0],
            |r| {
                Ok(vec![
                    iso_time(r.try_get("asked_at")?).into(),
                    text(r, "question")?,
                    r.try_get::<Option<String>, _>("wording")?.into(),
                    r.try_get::<Option<String>, _>("answer")?.into(),
                    r.try_get::<Option<i64>, _>("answered_at")?
                        .map_or(Cell::Empty, |t| iso_time(t).into()),
                ])
            },
        )
        .await
    }

    /// Their horizon-scanning clippings (with tags), the write-ups they published, their tips
    /// on the champions' board, and their comments on either.
    async fn horizon_and_board_tables(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<DataTable>> {
        let mut clippings =
            DataTable::new("horizon_clippings", &["clipped_at", "url", "note", "tags"]);
        for c in self.clippings_by(org, person).await? {
            clippings.rows.push(vec![
                iso_time(c.clipped_at).into(),
                c.url.into(),
                c.note.into(),
                c.tags.join(", ").into(),
            ]);
        }
        let write_ups = self
            .query_table(
                "horizon_write_ups",
                &["published_at", "title", "body"],
                "SELECT published_at, title, body FROM horizon_write_ups \
                 WHERE organisation_id = $1 AND written_by = $2 ORDER BY id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        iso_time(r.try_get("published_at")?).into(),
                        text(r, "title")?,
                        text(r, "body")?,
                    ])
                },
            )
            .await?;
        let board = self
            .query_table(
                "board_posts",
                &["posted_at", "title", "body", "competence"],
                "SELECT posted_at, title, body, competence FROM board_posts \
                 WHERE organisation_id = $1 AND author_id = $2 ORDER BY id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        iso_time(r.try_get("posted_at")?).into(),
                        text(r, "title")?,
                        text(r, "body")?,
                        r.try_get::<Option<String>, _>("competence")?.into(),
                    ])
                },
            )
            .await?;
        let comments = self
            .query_table(
                "comments",
                &["written_at", "on", "on_id", "comment"],
                "SELECT written_at, kind, target_id, body FROM comments \
                 WHERE organisation_id = $1 AND author_id = $2 ORDER BY id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        iso_time(r.try_get("written_at")?).into(),
                        text(r, "kind")?,
                        r.try_get::<i64, _>("target_id")?.into(),
                        text(r, "body")?,
                    ])
                },
            )
            .await?;
        Ok(vec![clippings, write_ups, board, comments])
    }

    /// Their time as a digital champion (what they offered, the help they logged), the help
    /// they asked champions for, and their digital buddy pairings with the meetings recorded.
    async fn champion_tables(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<DataTable>> {
        let binds = [org.0, person.0];
        let champion = self
            .query_table(
                "champion",
                &["status", "reason", "nominated_at", "availability", "found_by_own_answers",
                  "skills", "services", "sites"],
                "SELECT ch.status, ch.reason, ch.nominated_at, ch.availability, ch.findable, \
                     (SELECT COUNT(*) FROM champion_competences c WHERE c.person_id = ch.person_id) \
                         AS n_skills, \
                     (SELECT COUNT(*) FROM champion_services c WHERE c.person_id = ch.person_id) \
                         AS n_services, \
                     (SELECT COUNT(*) FROM champion_sites c WHERE c.person_id = ch.person_id) \
                         AS n_sites \
                 FROM champions ch WHERE ch.organisation_id = $1 AND ch.person_id = $2",
                &binds,
                |r| {
                    let findable: i64 = r.try_get("findable")?;
                    Ok(vec![
                        text(r, "status")?,
                        text(r, "reason")?,
                        iso_time(r.try_get("nominated_at")?).into(),
                        text(r, "availability")?,
                        Cell::Text(if findable == 1 { "yes" } else { "no" }.into()),
                        Cell::from(r.try_get::<i64, _>("n_skills")?),
                        Cell::from(r.try_get::<i64, _>("n_services")?),
                        Cell::from(r.try_get::<i64, _>("n_sites")?),
                    ])
                },
            )
            .await?;
        let listed = self
            .query_table(
                "champion_offer",
                &["kind", "what"],
                "SELECT 'skill' AS kind, competence AS what FROM champion_competences \
                     WHERE organisation_id = $1 AND person_id = $2 \
                 UNION ALL SELECT 'service', s.name_en FROM champion_services c \
                     JOIN services s ON s.id = c.service_id \
                     WHERE c.organisation_id = $1 AND c.person_id = $2 \
                 UNION ALL SELECT 'site', s.name FROM champion_sites c \
                     JOIN sites s ON s.id = c.site_id \
                     WHERE c.organisation_id = $1 AND c.person_id = $2 \
                 ORDER BY 1, 2",
                &binds,
                |r| Ok(vec![text(r, "kind")?, text(r, "what")?]),
            )
            .await?;
        let asked = self
            .query_table(
                "help_requests",
                &["asked_at", "competence", "message", "emailed_at"],
                "SELECT asked_at, competence, message, emailed_at FROM help_requests \
                 WHERE organisation_id = $1 AND asked_by = $2 ORDER BY id",
                &binds,
                |r| {
                    Ok(vec![
                        iso_time(r.try_get("asked_at")?).into(),
                        r.try_get::<Option<String>, _>("competence")?.into(),
                        text(r, "message")?,
                        r.try_get::<Option<i64>, _>("emailed_at")?
                            .map_or(Cell::Empty, |t| iso_time(t).into()),
                    ])
                },
            )
            .await?;
        let given = self
            .query_table(
                "help_given",
                &["given_on", "competence", "what", "minutes"],
                "SELECT given_on, competence, what, minutes FROM help_given \
                 WHERE organisation_id = $1 AND champion_id = $2 ORDER BY given_on, id",
                &binds,
                |r| {
                    Ok(vec![
                        text(r, "given_on")?,
                        r.try_get::<Option<String>, _>("competence")?.into(),
                        text(r, "what")?,
                        Cell::from(r.try_get::<i64, _>("minutes")?),
                    ])
                },
            )
            .await?;
        let meetings = self
            .query_table(
                "buddy_meetings",
                &["as", "started_on", "ended_on", "met_on", "minutes", "note"],
                "SELECT CASE WHEN b.volunteer_id = $2 THEN 'volunteer' ELSE 'buddy' END AS role, \
                     b.started_on, b.ended_on, m.met_on, m.minutes, m.note \
                 FROM buddies b LEFT JOIN buddy_meetings m ON m.pairing_id = b.id \
                 WHERE b.organisation_id = $1 AND (b.volunteer_id = $2 OR b.buddy_id = $2) \
                 ORDER BY b.id, m.met_on, m.id",
                &binds,
                |r| {
                    Ok(vec![
                        text(r, "role")?,
                        text(r, "started_on")?,
                        r.try_get::<Option<String>, _>("ended_on")?.into(),
                        r.try_get::<Option<String>, _>("met_on")?.into(),
                        r.try_get::<Option<i64>, _>("minutes")?
                            .map_or(Cell::Empty, Cell::from),
                        r.try_get::<Option<String>, _>("note")?.into(),
                    ])
                },
            )
            .await?;
        Ok(vec![champion, listed, asked, given, meetings])
    }

    /// The attachment data of the xAPI statements about them (see [`ABOUT_THEM`]), each as
    /// `xapi-attachments/SHA2` (the hash their statements name it by).
    async fn xapi_attachment_files(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<(String, Vec<u8>)>> {
        let (mbox, account) = xapi_names(&self.pool, org, person).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.sha2, a.data FROM xapi_attachments a WHERE a.organisation_id = $1 \
             AND a.sha2 IN (SELECT n.sha2 FROM xapi_statement_attachments n \
                 JOIN xapi_statements st ON st.organisation_id = n.organisation_id \
                 AND st.statement_id = n.statement_id \
                 WHERE n.organisation_id = $1 AND st.id IN ({ABOUT_THEM})) \
             ORDER BY a.sha2"
        )))
        .bind(org.0)
        .bind(person.0)
        .bind(mbox)
        .bind(account)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                format!("xapi-attachments/{}", r.try_get::<String, _>("sha2")?),
                r.try_get("data")?,
            ))
        })
        .collect()
    }

    /// The feedback they gave on activities, and their answers to its follow-ups.
    async fn evaluation_tables(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<DataTable>> {
        let feedback = self
            .query_table(
                "evaluations",
                &[
                    "activity",
                    "title",
                    "done_on",
                    "usefulness",
                    "facilitator_rating",
                    "objectives",
                    "takeaways",
                    "more_effective",
                    "submitted_at",
                    "updated_at",
                ],
                "SELECT a.code, a.title_en, e.done_on, e.usefulness, e.facilitator_rating, \
                        e.objectives, e.takeaways, e.more_effective, e.submitted_at, e.updated_at \
                 FROM evaluations e JOIN activities a ON a.id = e.activity_id \
                 WHERE e.organisation_id = $1 AND e.person_id = $2 ORDER BY e.id",
                &[org.0, person.0],
                |r| {
                    Ok(vec![
                        text(r, "code")?,
                        text(r, "title_en")?,
                        text(r, "done_on")?,
                        r.try_get::<i64, _>("usefulness")?.into(),
                        r.try_get::<Option<i64>, _>("facilitator_rating")?
                            .map_or(Cell::Empty, Cell::Int),
                        text(r, "objectives")?,
                        text(r, "takeaways")?,
                        r.try_get::<i64, _>("more_effective")?.into(),
                        iso_time(r.try_get("submitted_at")?).into(),
                        iso_time(r.try_get("updated_at")?).into(),
                    ])
                },
            )
            .await?;
        let follow_ups = self
            .query_table(
                "evaluation_follow_ups",
                &[
                    "activity",
                    "days",
                    "sent_at",
                    "used_at_work",
                    "barriers",
                    "barrier_other",
                    "effectiveness",
                    "example",
                    "answered_at",
                ],
                "SELECT a.code, f.days, f.sent_at, f.used_at_work, f.barriers, f.barrier_other, \
                        f.effectiveness, f.example, f.answered_at \
                 FROM evaluation_follow_ups f JOIN evaluations e ON e.id = f.evaluation_id \
                 JOIN activities a ON a.id = e.activity_id \
                 WHERE e.organisation_id = $1 AND e.person_id = $2 ORDER BY e.id, f.days",
                &[org.0, person.0],
                |r| {
                    let at = |c: &str| -> Result<Cell> {
                        Ok(r.try_get::<Option<i64>, _>(c)?
                            .map_or(Cell::Empty, |t| iso_time(t).into()))
                    };
                    Ok(vec![
                        text(r, "code")?,
                        r.try_get::<i64, _>("days")?.into(),
                        at("sent_at")?,
                        r.try_get::<Option<String>, _>("used_at_work")?.into(),
                        r.try_get::<Option<String>, _>("barriers")?.into(),
                        r.try_get::<Option<String>, _>("barrier_other")?.into(),
                        r.try_get::<Option<i64>, _>("effectiveness")?
                            .map_or(Cell::Empty, Cell::Int),
                        r.try_get::<Option<String>, _>("example")?.into(),
                        at("answered_at")?,
                    ])
                },
            )
            .await?;
        Ok(vec![feedback, follow_ups])
    }

    /// The xAPI statements other learning systems sent about them (see [`ABOUT_THEM`]).
    async fn xapi_statements_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        let (mbox, account) = xapi_names(&self.pool, org, person).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT st.statement_id, st.stored_ms, st.verb_id, st.activity_id, st.voided \
             FROM xapi_statements st WHERE st.id IN ({ABOUT_THEM}) ORDER BY st.stored_ms, st.id"
        )))
        .bind(org.0)
        .bind(person.0)
        .bind(mbox)
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .iter()
            .map(|r| {
                Ok(vec![
                    text(r, "statement_id")?,
                    iso_time(r.try_get::<i64, _>("stored_ms")? / 1000).into(),
                    text(r, "verb_id")?,
                    r.try_get::<Option<String>, _>("activity_id")?.into(),
                    r.try_get::<i64, _>("voided")?.into(),
                ])
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(DataTable {
            name: "xapi_statements",
            columns: vec!["statement", "stored", "verb", "activity", "voided"],
            rows,
        })
    }

    /// How useful they found the catalogue's activities.
    async fn activity_ratings_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        self.query_table(
            "activity_ratings",
            &["activity", "title", "usefulness", "rated_at"],
            "SELECT a.code, a.title_en, g.usefulness, g.rated_at \
             FROM activity_ratings g JOIN activities a ON a.id = g.activity_id \
             WHERE a.organisation_id = $1 AND g.person_id = $2 ORDER BY a.code",
            &[org.0, person.0],
            |r| {
                Ok(vec![
                    text(r, "code")?,
                    text(r, "title_en")?,
                    r.try_get::<i64, _>("usefulness")?.into(),
                    iso_time(r.try_get("rated_at")?).into(),
                ])
            },
        )
        .await
    }

    /// The kit they are recorded as trained on.
    async fn kit_trained_table(&self, org: OrganisationId, person: PersonId) -> Result<DataTable> {
        self.query_table(
            "kit_trained",
            &["kit", "name", "trained_on", "recorded_at"],
            "SELECT k.code, k.name, t.trained_on, t.recorded_at \
             FROM kit_trained t JOIN kit_items k ON k.id = t.kit_id \
             WHERE t.organisation_id = $1 AND t.person_id = $2 ORDER BY k.code",
            &[org.0, person.0],
            |r| {
                Ok(vec![
                    text(r, "code")?,
                    text(r, "name")?,
                    text(r, "trained_on")?,
                    iso_time(r.try_get("recorded_at")?).into(),
                ])
            },
        )
        .await
    }

    /// The entries they logged in kit's use logs.
    async fn kit_use_table(&self, org: OrganisationId, person: PersonId) -> Result<DataTable> {
        self.query_table(
            "kit_use",
            &[
                "kit",
                "used_on",
                "sessions",
                "people_helped",
                "note",
                "logged_at",
            ],
            "SELECT k.code, u.used_on, u.sessions, u.people_helped, u.note, u.logged_at \
             FROM kit_use u JOIN kit_items k ON k.id = u.kit_id \
             WHERE u.organisation_id = $1 AND u.logged_by = $2 ORDER BY u.used_on, u.id",
            &[org.0, person.0],
            |r| {
                Ok(vec![
                    text(r, "code")?,
                    text(r, "used_on")?,
                    r.try_get::<i64, _>("sessions")?.into(),
                    r.try_get::<i64, _>("people_helped")?.into(),
                    text(r, "note")?,
                    iso_time(r.try_get("logged_at")?).into(),
                ])
            },
        )
        .await
    }

    /// How confident they said they are helping people with the services catalogue's services
    /// (1 to 5, or `not-sure`).
    async fn service_confidence_table(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<DataTable> {
        self.query_table(
            "service_confidence",
            &["service", "name", "confidence", "rated_at"],
            "SELECT s.code, s.name_en, c.confidence, c.rated_at \
             FROM service_confidence c JOIN services s ON s.id = c.service_id \
             WHERE c.organisation_id = $1 AND c.person_id = $2 ORDER BY s.code",
            &[org.0, person.0],
            |r| {
                let value: i64 = r.try_get("confidence")?;
                let shown = skillgym_domain::services::Confidence::from_stored(value)
                    .map_or_else(|| value.to_string(), |c| c.value());
                Ok(vec![
                    text(r, "code")?,
                    text(r, "name_en")?,
                    shown.into(),
                    iso_time(r.try_get("rated_at")?).into(),
                ])
            },
        )
        .await
    }

    async fn audit_events_table(&self, org: OrganisationId, person: PersonId) -> Result<DataTable> {
        self.query_table(
            "audit_events",
            &["at", "action", "by", "detail"],
            "SELECT e.at, e.action, e.actor_kind, e.detail, \
                    ap.given_name || ' ' || ap.family_name AS actor_name \
             FROM audit_events e LEFT JOIN people ap ON ap.id = e.actor_id \
             WHERE e.organisation_id = $1 AND e.subject_id = $2 ORDER BY e.at, e.id",
            &[org.0, person.0],
            |r| {
                let by: Option<String> = r.try_get("actor_name")?;
                Ok(vec![
                    iso_time(r.try_get("at")?).into(),
                    text(r, "action")?,
                    by.unwrap_or(r.try_get("actor_kind")?).into(),
                    text(r, "detail")?,
                ])
            },
        )
        .await
    }

    /// Their audit answers, named or anonymous (the respondent may always see their own):
    /// each response, and its ratings, profile answers, knowledge-round answers and answers about
    /// services not yet submitted.
    async fn audit_answer_tables(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<DataTable>> {
        let binds = [org.0, person.0];
        let responses = self
            .query_table(
                "audit_responses",
                &["campaign", "source", "started_at", "submitted_at"],
                "SELECT c.title_en, r.source, r.started_at, r.submitted_at \
                 FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
                 WHERE c.organisation_id = $1 AND r.person_id = $2 ORDER BY r.started_at, r.id",
                &binds,
                |r| {
                    let submitted: Option<i64> = r.try_get("submitted_at")?;
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "source")?,
                        iso_time(r.try_get("started_at")?).into(),
                        submitted.map(iso_time).into(),
                    ])
                },
            )
            .await?;
        let ratings = self
            .query_table(
                "audit_ratings",
                &["campaign", "competence_code", "competence", "rating"],
                "SELECT c.title_en, k.code, k.title_en AS competence, g.value \
                 FROM ratings g JOIN responses r ON r.id = g.response_id \
                 JOIN campaigns c ON c.id = r.campaign_id \
                 JOIN competences k ON k.id = g.competence_id \
                 WHERE c.organisation_id = $1 AND r.person_id = $2 \
                 ORDER BY r.started_at, r.id, k.position, k.id",
                &binds,
                |r| {
                    // 0 is "not sure / doesn't apply to my role": left blank, as in the survey
                    // export.
                    let value: i64 = r.try_get("value")?;
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "code")?,
                        text(r, "competence")?,
                        if value == 0 {
                            Cell::Empty
                        } else {
                            value.into()
                        },
                    ])
                },
            )
            .await?;
        let profile = self
            .query_table(
                "audit_profile_answers",
                &["campaign", "question_code", "question", "answer"],
                "SELECT c.title_en, q.code, q.prompt_en, a.value \
                 FROM profile_answers a JOIN responses r ON r.id = a.response_id \
                 JOIN campaigns c ON c.id = r.campaign_id \
                 JOIN profile_questions q ON q.id = a.question_id \
                 WHERE c.organisation_id = $1 AND r.person_id = $2 \
                 ORDER BY r.started_at, r.id, q.position, q.id",
                &binds,
                |r| {
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "code")?,
                        text(r, "prompt_en")?,
                        text(r, "value")?,
                    ])
                },
            )
            .await?;
        let quiz = self
            .query_table(
                "audit_quiz_answers",
                &["campaign", "question_code", "question", "chosen", "correct"],
                "SELECT c.title_en, q.code, q.prompt_en, a.chosen, a.correct \
                 FROM quiz_answers a JOIN responses r ON r.id = a.response_id \
                 JOIN campaigns c ON c.id = r.campaign_id \
                 JOIN quiz_items q ON q.id = a.item_id \
                 WHERE c.organisation_id = $1 AND r.person_id = $2 \
                 ORDER BY r.started_at, r.id, q.position, q.id",
                &binds,
                |r| {
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "code")?,
                        text(r, "prompt_en")?,
                        text(r, "chosen")?,
                        r.try_get::<i64, _>("correct")?.into(),
                    ])
                },
            )
            .await?;
        let invitations = self
            .query_table(
                "audit_invitations",
                &["campaign", "kind", "sent_at"],
                "SELECT c.title_en, i.kind, i.sent_at \
                 FROM invitations i JOIN campaigns c ON c.id = i.campaign_id \
                 WHERE c.organisation_id = $1 AND i.person_id = $2 ORDER BY i.claimed_at, i.id",
                &binds,
                |r| {
                    let sent: Option<i64> = r.try_get("sent_at")?;
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "kind")?,
                        sent.map(iso_time).into(),
                    ])
                },
            )
            .await?;
        // Answers about services in an audit not yet submitted (submitting makes them their
        // service_confidence).
        let services = self
            .query_table(
                "audit_service_answers",
                &["campaign", "service", "name", "confidence"],
                "SELECT c.title_en, s.code, s.name_en, a.confidence \
                 FROM response_service_answers a JOIN responses r ON r.id = a.response_id \
                 JOIN campaigns c ON c.id = r.campaign_id \
                 JOIN services s ON s.id = a.service_id \
                 WHERE c.organisation_id = $1 AND r.person_id = $2 \
                 ORDER BY r.started_at, r.id, s.code",
                &binds,
                |r| {
                    let value: i64 = r.try_get("confidence")?;
                    let shown = skillgym_domain::services::Confidence::from_stored(value)
                        .map_or_else(|| value.to_string(), |c| c.value());
                    Ok(vec![
                        text(r, "title_en")?,
                        text(r, "code")?,
                        text(r, "name_en")?,
                        shown.into(),
                    ])
                },
            )
            .await?;
        Ok(vec![
            responses,
            ratings,
            profile,
            quiz,
            services,
            invitations,
        ])
    }

    /// Erases a person: their account, sessions, sign-in links, sign-in failures, sites and
    /// the person themselves, in one transaction that also records the erasure. Line and team
    /// managers who were this person become empty; audit events keep their place with the
    /// person's id set to NULL.
    pub async fn erase_person(
        &self,
        org: OrganisationId,
        person: PersonId,
        actor: Actor,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        erase_in(&mut tx, self.backend, org, person, actor).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The erasure itself, inside the caller's transaction.
pub(crate) async fn erase_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: crate::Backend,
    org: OrganisationId,
    person: PersonId,
    actor: Actor,
) -> Result<()> {
    let emails: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT email FROM people WHERE organisation_id = $1 AND id = $2 \
         UNION ALL SELECT email FROM accounts WHERE person_id = $2",
    )
    .bind(org.0)
    .bind(person.0)
    .fetch_all(&mut **tx)
    .await?;
    if emails.is_empty() {
        return Err(StoreError::NotFound);
    }
    // Recorded first, about the person, so that it too loses the id when they go; the former
    // id in the detail lets an auditor tell erasures apart without saying who anyone was.
    let mut event = NewAuditEvent::new(actor, AuditAction::PersonErased, Some(person))
        .with("former-id", person.0);
    if actor == Actor::System {
        event = event.with_flag("retention");
    }
    insert_event(tx, org, &event).await?;

    // ERASURE HOOK: features that hold personal data remove it here, in this transaction.
    //
    // Audit answers: ratings, choices and knowledge-round answers stay, for the campaign's
    // figures, but nothing ties them to the person any more: `responses.person_id` becomes
    // NULL when the person row goes below (ON DELETE SET NULL), and the other tool's response
    // id of an imported response (which its export links to a name) is cleared here. Free-text
    // answers go: what someone wrote in their own words can name them, and no figure uses
    // them.
    sqlx::query(
        "DELETE FROM profile_answers \
         WHERE response_id IN (SELECT id FROM responses WHERE person_id = $1) \
           AND question_id IN (SELECT id FROM profile_questions WHERE kind = 'text')",
    )
    .bind(person.0)
    .execute(&mut **tx)
    .await?;
    // Answers about services in an unfinished audit are their confidence, which goes with
    // them (as service_confidence does below).
    sqlx::query(
        "DELETE FROM response_service_answers \
         WHERE response_id IN (SELECT id FROM responses WHERE person_id = $1)",
    )
    .bind(person.0)
    .execute(&mut **tx)
    .await?;
    // Who campaigns asked: the campaigns due are recorded first (so that none records the
    // person after this), then the person leaves the records without changing their counts
    // (see `crate::asked::forget_person`).
    crate::asked::record_due(tx, backend, Some(org), None, crate::dates::today()).await?;
    crate::asked::forget_person(tx, person).await?;
    sqlx::query("UPDATE responses SET external_key = NULL WHERE person_id = $1")
        .bind(person.0)
        .execute(&mut **tx)
        .await?;
    // Snapshots of analysis columns pair responses with people's ids: any taken before now
    // would still tie the person's answers together, so they go and are taken again.
    sqlx::query("DELETE FROM analysis_snapshots WHERE organisation_id = $1")
        .bind(org.0)
        .execute(&mut **tx)
        .await?;

    for email in emails.into_iter().flatten() {
        sqlx::query("DELETE FROM sign_in_failures WHERE email = $1")
            .bind(email)
            .execute(&mut **tx)
            .await?;
    }
    for table in ["sessions", "access_links", "account_roles"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE account_id IN (SELECT id FROM accounts WHERE person_id = $1)"
        )))
        .bind(person.0)
        .execute(&mut **tx)
        .await?;
    }
    crate::bookings::give_up_places(tx, &[person.0], true).await?;
    // The xAPI statements about them, before their completions (which the statements name).
    let (mbox, account) = xapi_names(&mut **tx, org, person).await?;
    let about: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT statement_id FROM xapi_statements WHERE id IN ({ABOUT_THEM})"
    )))
    .bind(org.0)
    .bind(person.0)
    .bind(mbox)
    .bind(account)
    .fetch_all(&mut **tx)
    .await?;
    for statement in &about {
        for table in [
            "xapi_statement_agents",
            "xapi_statement_activities",
            "xapi_statement_attachments",
            "xapi_statements",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE organisation_id = $1 AND statement_id = $2"
            )))
            .bind(org.0)
            .bind(statement)
            .execute(&mut **tx)
            .await?;
        }
    }
    if !about.is_empty() {
        // Attachment data that no statement names any more goes with the last that did.
        sqlx::query(
            "DELETE FROM xapi_attachments WHERE organisation_id = $1 AND NOT EXISTS \
             (SELECT 1 FROM xapi_statement_attachments n \
              WHERE n.organisation_id = xapi_attachments.organisation_id \
              AND n.sha2 = xapi_attachments.sha2)",
        )
        .bind(org.0)
        .execute(&mut **tx)
        .await?;
    }
    for sql in [
        "DELETE FROM accounts WHERE person_id = $1",
        "DELETE FROM person_sites WHERE person_id = $1",
        "DELETE FROM activity_ratings WHERE person_id = $1",
        "DELETE FROM service_confidence WHERE person_id = $1",
        // Their training on kit goes; the use they logged stays as the service's record,
        // tied to nobody.
        "DELETE FROM kit_trained WHERE person_id = $1",
        "UPDATE kit_trained SET recorded_by = NULL WHERE recorded_by = $1",
        "UPDATE kit_use SET logged_by = NULL WHERE logged_by = $1",
        "DELETE FROM evaluation_follow_ups WHERE evaluation_id IN \
             (SELECT id FROM evaluations WHERE person_id = $1)",
        "DELETE FROM evaluations WHERE person_id = $1",
        "UPDATE evaluations SET facilitator_id = NULL WHERE facilitator_id = $1",
        "UPDATE activity_sessions SET facilitator_id = NULL WHERE facilitator_id = $1",
        "DELETE FROM session_bookings WHERE person_id = $1",
        "DELETE FROM calendar_feeds WHERE person_id = $1",
        "DELETE FROM plan_credentials WHERE person_id = $1",
        "DELETE FROM club_submissions WHERE person_id = $1",
        "DELETE FROM training_evidence_files WHERE completion_id IN \
             (SELECT id FROM training_completions WHERE person_id = $1)",
        "DELETE FROM training_completions WHERE person_id = $1",
        "DELETE FROM training_digests WHERE manager_id = $1",
        "UPDATE training_completions SET recorded_by = NULL WHERE recorded_by = $1",
        "DELETE FROM training_subjects WHERE person_id = $1",
        "UPDATE club_submissions SET feedback_by = NULL WHERE feedback_by = $1",
        "UPDATE club_assignments SET set_by = NULL WHERE set_by = $1",
        "DELETE FROM plan_check_ins WHERE plan_id IN (SELECT id FROM plans WHERE person_id = $1)",
        "DELETE FROM plan_notes WHERE plan_id IN (SELECT id FROM plans WHERE person_id = $1)",
        "DELETE FROM plan_steps WHERE plan_id IN (SELECT id FROM plans WHERE person_id = $1)",
        "DELETE FROM plan_goals WHERE plan_id IN (SELECT id FROM plans WHERE person_id = $1)",
        "DELETE FROM plans WHERE person_id = $1",
        "UPDATE plans SET agreed_by = NULL WHERE agreed_by = $1",
        "UPDATE plan_notes SET author_id = NULL WHERE author_id = $1",
        // Their questions to the digital team: those waiting go; those answered stay in the
        // FAQ as everyone reads them, tied to nobody.
        "DELETE FROM weekly_questions WHERE asked_by = $1 AND answered_at IS NULL",
        "UPDATE weekly_questions SET question = COALESCE(wording, question), wording = NULL, \
             asked_by = NULL WHERE asked_by = $1",
        "UPDATE weekly_questions SET answered_by = NULL WHERE answered_by = $1",
        "DELETE FROM weekly_question_digests WHERE person_id = $1",
        // Horizon scanning and the champions' board: their comments go; their clippings, tips
        // and write-ups stay for everyone, tied to nobody (see docs/horizon.md).
        "DELETE FROM comments WHERE author_id = $1",
        "UPDATE horizon_clippings SET clipped_by = NULL WHERE clipped_by = $1",
        "UPDATE horizon_write_ups SET written_by = NULL WHERE written_by = $1",
        "DELETE FROM horizon_write_up_emails WHERE person_id = $1",
        "DELETE FROM horizon_synthesis_reminders WHERE person_id = $1",
        "UPDATE board_posts SET author_id = NULL WHERE author_id = $1",
        // As a champion: what they offered goes; the help they logged stays in the service's
        // totals, tied to nobody.
        "DELETE FROM champion_competences WHERE person_id = $1",
        "DELETE FROM champion_services WHERE person_id = $1",
        "DELETE FROM champion_sites WHERE person_id = $1",
        "DELETE FROM champions WHERE person_id = $1",
        "UPDATE champions SET nominated_by = NULL WHERE nominated_by = $1",
        "UPDATE champions SET approved_by = NULL WHERE approved_by = $1",
        "DELETE FROM help_requests WHERE asked_by = $1 OR champion_id = $1",
        "UPDATE help_given SET champion_id = NULL WHERE champion_id = $1",
        "DELETE FROM buddy_meetings WHERE pairing_id IN \
             (SELECT id FROM buddies WHERE volunteer_id = $1 OR buddy_id = $1)",
        "DELETE FROM buddies WHERE volunteer_id = $1 OR buddy_id = $1",
        "UPDATE buddies SET paired_by = NULL WHERE paired_by = $1",
        "UPDATE buddy_meetings SET logged_by = NULL WHERE logged_by = $1",
        "UPDATE people SET line_manager_id = NULL WHERE line_manager_id = $1",
        "UPDATE teams SET manager_id = NULL WHERE manager_id = $1",
        "DELETE FROM people WHERE id = $1",
    ] {
        sqlx::query(sql).bind(person.0).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Where a certificate is in the zip: named by its completion, as two may share a name.
fn evidence_path(completion: i64, name: &str) -> String {
    format!("certificates/{completion}-{name}")
}

/// The ids of the xAPI statements about a person (`$1` the organisation, `$2` the person, `$3`
/// their `mbox` key, `$4` the end of an `account` key naming their employee number): every
/// statement one of whose agents is them by email (any case) or by an account named with their
/// employee number, and every statement that made one of their completions.
const ABOUT_THEM: &str = "\
    SELECT st.id FROM xapi_statements st WHERE st.organisation_id = $1 AND ( \
        st.statement_id IN (SELECT a.statement_id FROM xapi_statement_agents a \
            WHERE a.organisation_id = $1 AND (LOWER(a.agent_key) = $3 \
                OR (a.agent_key LIKE 'account:%' \
                    AND SUBSTR(a.agent_key, LENGTH(a.agent_key) - LENGTH($4) + 1) = $4))) \
        OR st.completion_id IN (SELECT id FROM training_completions WHERE person_id = $2))";

/// A person's `mbox` agent key, lowercased (empty without an email), and the end of an
/// `account` key that names their employee number.
async fn xapi_names<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    org: OrganisationId,
    person: PersonId,
) -> Result<(String, String)> {
    let row = sqlx::query(
        "SELECT email, employee_number FROM people WHERE organisation_id = $1 AND id = $2",
    )
    .bind(org.0)
    .bind(person.0)
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    let email: Option<String> = row.try_get("email")?;
    let number: String = row.try_get("employee_number")?;
    Ok((
        email
            .map(|e| format!("mbox:mailto:{}", e.to_lowercase()))
            .unwrap_or_default(),
        format!("|{number}"),
    ))
}
