//! Reporting periods of the snapshot: a month (`2022-07`), a UK financial-year quarter
//! (`Q2 22/23`) or a financial year (`2022/23`, April to March).

use chrono::{Datelike, NaiveDate};

use crate::period::Quarter;

/// A month, a financial-year quarter or a financial year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A calendar month: (year, month 1–12).
    Month(i32, u32),
    /// A financial-year quarter.
    Quarter(Quarter),
    /// A financial year, named by the calendar year in which it starts (2022 for 2022/23).
    Year(i32),
}

/// A period that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a period: write a month like 2022-07, a quarter like Q2-22/23 or \"Q2 22/23\", or a financial year like 2022/23")]
pub struct PeriodParseError(pub String);

fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

impl Period {
    /// The month a date falls in.
    pub fn month_of(date: NaiveDate) -> Period {
        Period::Month(date.year(), date.month())
    }

    /// Reads `2022-07`, `Q2-22/23`, `Q2 22/23` or `2022/23`.
    pub fn parse(text: &str) -> Result<Period, PeriodParseError> {
        let t = text.trim();
        let error = || PeriodParseError(text.chars().take(40).collect());
        if let Some(q) = Quarter::parse(t) {
            return Ok(Period::Quarter(q));
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if let Some((year, month)) = t.split_once('-') {
            if digits(year, 4) && digits(month, 2) {
                let (year, month) = (
                    year.parse().map_err(|_| error())?,
                    month.parse().map_err(|_| error())?,
                );
                if (1..=12).contains(&month) {
                    return Ok(Period::Month(year, month));
                }
            }
        }
        if let Some((from, to)) = t.split_once('/') {
            if digits(from, 4) && digits(to, 2) {
                let from: i32 = from.parse().map_err(|_| error())?;
                let to: i32 = to.parse().map_err(|_| error())?;
                if (from + 1).rem_euclid(100) == to {
                    return Ok(Period::Year(from));
                }
            }
        }
        Err(error())
    }

    /// `2022-07`, `Q2 22/23` or `2022/23`.
    pub fn label(self) -> String {
        match self {
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Quarter(q) => q.label(),
            Period::Year(y) => format!("{y:04}/{:02}", (y + 1).rem_euclid(100)),
        }
    }

    /// How a sentence names the period, as the council's reports do: a month in words (`July
    /// 2022`), a quarter or a year by its label (`Q2 22/23`, `2022/23`). A label that is not a
    /// period is given back as it is.
    pub fn named(label: &str) -> String {
        match Period::parse(label) {
            Ok(month @ Period::Month(..)) => month.words(),
            _ => label.to_string(),
        }
    }

    /// The period in words, for people: `July 2022`, `July to September 2022`, `April 2022
    /// to March 2023`.
    pub fn words(self) -> String {
        let (first, last) = (self.first_day(), self.last_day());
        match self {
            Period::Month(..) => first.format("%B %Y").to_string(),
            _ if first.year() == last.year() => {
                format!("{} to {}", first.format("%B"), last.format("%B %Y"))
            }
            _ => format!("{} to {}", first.format("%B %Y"), last.format("%B %Y")),
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Month(y, m) => first_of(y, m),
            Period::Quarter(q) => q.first_day(),
            Period::Year(y) => first_of(y, 4),
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        let next = match self {
            Period::Month(y, 12) => first_of(y + 1, 1),
            Period::Month(y, m) => first_of(y, m + 1),
            Period::Quarter(q) => return q.last_day(),
            Period::Year(y) => first_of(y + 1, 4),
        };
        next.pred_opt().unwrap_or(NaiveDate::MIN)
    }

    /// Whether `date` falls in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// The previous period of the same kind (June before July, Q1 before Q2, 2021/22 before
    /// 2022/23).
    pub fn previous(self) -> Period {
        match self {
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Quarter(q) => Period::Quarter(Quarter::of(
                q.first_day().pred_opt().unwrap_or(NaiveDate::MIN),
            )),
            Period::Year(y) => Period::Year(y - 1),
        }
    }

    /// The months of the period, in order.
    pub fn months(self) -> Vec<Period> {
        let (first, last) = (self.first_day(), self.last_day());
        let mut months = Vec::new();
        let mut month = Period::month_of(first);
        while month.first_day() <= last {
            months.push(month);
            month = Period::month_of(month.last_day().succ_opt().unwrap_or(NaiveDate::MAX));
            if month.first_day() == NaiveDate::MAX {
                break;
            }
        }
        months
    }

    /// The twelve months ending with the period's last month, oldest first: the rolling year
    /// of seed 003's trend tables, whatever the period.
    pub fn last_twelve_months(self) -> Vec<Period> {
        let mut months = vec![Period::month_of(self.last_day())];
        for _ in 1..12 {
            let earlier = months[0].previous();
            months.insert(0, earlier);
        }
        months
    }

    /// The four quarters ending with the quarter of the period's last day, oldest first.
    pub fn last_four_quarters(self) -> Vec<Period> {
        let mut quarters = vec![Period::Quarter(Quarter::of(self.last_day()))];
        for _ in 1..4 {
            let earlier = quarters[0].previous();
            quarters.insert(0, earlier);
        }
        quarters
    }

    /// The quarters of a financial year, in order; `None` for a month or a quarter.
    pub fn quarters(self) -> Option<Vec<Period>> {
        match self {
            Period::Year(y) => Some(
                (1..=4)
                    .map(|number| {
                        Period::Quarter(Quarter {
                            year_starting: y,
                            number,
                        })
                    })
                    .collect(),
            ),
            _ => None,
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

impl std::str::FromStr for Period {
    type Err = PeriodParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Period::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_way_of_writing_a_period_is_read() {
        for (text, label) in [
            ("2022-07", "2022-07"),
            ("Q2-22/23", "Q2 22/23"),
            ("Q2 22/23", "Q2 22/23"),
            ("2022/23", "2022/23"),
            ("1999/00", "1999/00"),
        ] {
            assert_eq!(
                Period::parse(text).map(Period::label),
                Ok(label.to_string())
            );
        }
        for bad in [
            "2022-13", "2022-7", "22/23", "2022/24", "July", "", "Q5 22/23",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn boundaries_fall_in_the_right_period() {
        let q4 = Period::parse("Q4 21/22").unwrap();
        let q1 = Period::parse("Q1 22/23").unwrap();
        assert!(q4.contains(date(2022, 3, 31)) && !q4.contains(date(2022, 4, 1)));
        assert!(q1.contains(date(2022, 4, 1)) && !q1.contains(date(2022, 3, 31)));
        assert_eq!(
            (q4.first_day(), q4.last_day()),
            (date(2022, 1, 1), date(2022, 3, 31))
        );
        let year = Period::parse("2021/22").unwrap();
        assert_eq!(
            (year.first_day(), year.last_day()),
            (date(2021, 4, 1), date(2022, 3, 31))
        );
        assert_eq!(
            Period::parse("2024-02").unwrap().last_day(),
            date(2024, 2, 29)
        );
        assert_eq!(
            Period::parse("2022-12").unwrap().last_day(),
            date(2022, 12, 31)
        );
    }

    #[test]
    fn the_previous_period_is_of_the_same_kind() {
        let label = |p: &str| Period::parse(p).unwrap().previous().label();
        assert_eq!(label("2022-01"), "2021-12");
        assert_eq!(label("2022-07"), "2022-06");
        assert_eq!(label("Q1 22/23"), "Q4 21/22");
        assert_eq!(label("Q4 21/22"), "Q3 21/22");
        assert_eq!(label("2022/23"), "2021/22");
    }

    #[test]
    fn a_period_lists_its_months_and_a_year_its_quarters() {
        let labels = |ps: Vec<Period>| ps.into_iter().map(Period::label).collect::<Vec<_>>();
        assert_eq!(
            labels(Period::parse("Q4 21/22").unwrap().months()),
            ["2022-01", "2022-02", "2022-03"]
        );
        assert_eq!(Period::parse("2022/23").unwrap().months().len(), 12);
        assert_eq!(
            labels(Period::parse("2022/23").unwrap().quarters().unwrap()),
            ["Q1 22/23", "Q2 22/23", "Q3 22/23", "Q4 22/23"]
        );
        assert_eq!(Period::parse("2022-07").unwrap().quarters(), None);
    }

    #[test]
    fn a_period_in_words_names_its_months() {
        let words = |p: &str| Period::parse(p).unwrap().words();
        assert_eq!(words("2022-07"), "July 2022");
        assert_eq!(words("Q2 22/23"), "July to September 2022");
        assert_eq!(words("Q4 22/23"), "January to March 2023");
        assert_eq!(words("2022/23"), "April 2022 to March 2023");
    }

    #[test]
    fn the_rolling_trend_is_twelve_months_and_four_quarters_ending_with_the_period() {
        let labels = |ps: Vec<Period>| ps.into_iter().map(Period::label).collect::<Vec<_>>();
        let july = Period::parse("2022-07").unwrap();
        let months = labels(july.last_twelve_months());
        assert_eq!(months.len(), 12);
        assert_eq!(
            (months[0].as_str(), months[11].as_str()),
            ("2021-08", "2022-07")
        );
        assert_eq!(
            labels(july.last_four_quarters()),
            ["Q3 21/22", "Q4 21/22", "Q1 22/23", "Q2 22/23"]
        );
        // A year's rolling trend is its own months and quarters.
        let year = Period::parse("2022/23").unwrap();
        assert_eq!(labels(year.last_twelve_months()), labels(year.months()));
        assert_eq!(
            Some(labels(year.last_four_quarters())),
            year.quarters().map(labels)
        );
    }
}
