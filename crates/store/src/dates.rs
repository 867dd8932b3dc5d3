//! Days, stored as ISO 8601 text (`YYYY-MM-DD`) on both backends (sqlx's `Any` decodes no date
//! type), and parsed once here into `time::Date`.

use crate::{Fields, Result, StoreError};
use skillgym_domain::people::parse_date;

/// Today's date (UTC): the day campaigns are open on and "left on" dates are compared with.
pub(crate) fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// A date column that is never NULL.
pub(crate) fn date(row: &(impl Fields + ?Sized), column: &str) -> Result<time::Date> {
    parse(column, &row.field::<String>(column)?)
}

/// A date column, or NULL.
pub(crate) fn optional_date(
    row: &(impl Fields + ?Sized),
    column: &str,
) -> Result<Option<time::Date>> {
    row.field::<Option<String>>(column)?
        .map(|day| parse(column, &day))
        .transpose()
}

fn parse(column: &str, day: &str) -> Result<time::Date> {
    parse_date(day).map_err(|_| StoreError::Corrupt(format!("{column} is not a date: {day:?}")))
}
