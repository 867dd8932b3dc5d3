//! Days, stored as ISO 8601 text (`YYYY-MM-DD`) on both backends (sqlx's `Any` decodes no date
//! type), and parsed once here into `time::Date`.

use crate::{Result, StoreError};
use skillgym_domain::people::parse_date;
use sqlx::Row;
use sqlx::any::AnyRow;

/// Today's date (UTC): the day campaigns are open on and "left on" dates are compared with.
pub(crate) fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// A date column that is never NULL.
pub(crate) fn date(row: &AnyRow, column: &str) -> Result<time::Date> {
    parse(column, &row.try_get::<String, _>(column)?)
}

/// A date column, or NULL.
pub(crate) fn optional_date(row: &AnyRow, column: &str) -> Result<Option<time::Date>> {
    row.try_get::<Option<String>, _>(column)?
        .map(|day| parse(column, &day))
        .transpose()
}

fn parse(column: &str, day: &str) -> Result<time::Date> {
    parse_date(day).map_err(|_| StoreError::Corrupt(format!("{column} is not a date: {day:?}")))
}
