//! Calendar dates typed as GOV.UK's three fields (day, month, year), with clear messages for
//! dates that are incomplete or cannot exist.

use chrono::NaiveDate;

/// Why three date fields do not make a date; `message` completes "<the question> ...".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    /// Some parts typed, others blank.
    #[error("must include a {0}")]
    Missing(&'static str),
    /// A part is not a whole number.
    #[error("must be in numbers, for example 20 11 2026")]
    NotNumbers,
    /// The year is not four digits.
    #[error("must have a year with 4 numbers, for example 2026")]
    ShortYear,
    /// Numbers, but no such day (31 February, month 13).
    #[error("must be a real date")]
    NotReal,
}

/// The date typed as day, month and year: `Ok(None)` when all three are blank.
pub fn parse_day_month_year(
    day: &str,
    month: &str,
    year: &str,
) -> Result<Option<NaiveDate>, DateProblem> {
    let parts = [
        ("day", day.trim()),
        ("month", month.trim()),
        ("year", year.trim()),
    ];
    if parts.iter().all(|(_, p)| p.is_empty()) {
        return Ok(None);
    }
    if let Some((name, _)) = parts.iter().find(|(_, p)| p.is_empty()) {
        return Err(DateProblem::Missing(name));
    }
    let number = |p: &str| {
        p.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .ok_or(DateProblem::NotNumbers)
    };
    let (d, m, y) = (
        number(parts[0].1)?,
        number(parts[1].1)?,
        number(parts[2].1)?,
    );
    if parts[2].1.len() != 4 {
        return Err(DateProblem::ShortYear);
    }
    let year = i32::try_from(y).map_err(|_| DateProblem::NotReal)?;
    NaiveDate::from_ymd_opt(year, m, d)
        .map(Some)
        .ok_or(DateProblem::NotReal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_fields_make_a_date_or_say_what_is_wrong() {
        assert_eq!(
            parse_day_month_year("20", "11", "2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 20))
        );
        assert_eq!(
            parse_day_month_year(" 4", "07", "2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 7, 4))
        );
        assert_eq!(parse_day_month_year("", " ", ""), Ok(None));
        assert_eq!(
            parse_day_month_year("31", "2", "2026"),
            Err(DateProblem::NotReal)
        );
        assert_eq!(
            parse_day_month_year("1", "13", "2026"),
            Err(DateProblem::NotReal)
        );
        assert_eq!(
            parse_day_month_year("20", "", "2026"),
            Err(DateProblem::Missing("month"))
        );
        assert_eq!(
            parse_day_month_year("20", "Nov", "2026"),
            Err(DateProblem::NotNumbers)
        );
        assert_eq!(
            parse_day_month_year("20", "11", "26"),
            Err(DateProblem::ShortYear)
        );
        assert_eq!(
            DateProblem::Missing("day").to_string(),
            "must include a day"
        );
    }
}
