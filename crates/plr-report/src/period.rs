//! Reporting periods: UK financial-year quarters (Q1 = April–June … Q4 = January–March),
//! labelled `Q2 22/23` after the financial year that starts on 1 April.

use chrono::{Datelike, NaiveDate};

/// One financial-year quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    /// The calendar year in which the financial year starts (2022 for 22/23).
    pub year_starting: i32,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    /// The quarter a date falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        let month = date.month();
        let (year_starting, number) = match month {
            4..=6 => (date.year(), 1),
            7..=9 => (date.year(), 2),
            10..=12 => (date.year(), 3),
            _ => (date.year() - 1, 4),
        };
        Quarter {
            year_starting,
            number,
        }
    }

    /// e.g. `Q2 22/23`.
    pub fn label(self) -> String {
        format!(
            "Q{} {:02}/{:02}",
            self.number,
            self.year_starting.rem_euclid(100),
            (self.year_starting + 1).rem_euclid(100)
        )
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self.number {
            1 => (self.year_starting, 4),
            2 => (self.year_starting, 7),
            3 => (self.year_starting, 10),
            _ => (self.year_starting + 1, 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        let next = Quarter {
            year_starting: self.year_starting + i32::from(self.number == 4),
            number: self.number % 4 + 1,
        };
        next.first_day().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    /// Whether `date` falls in this quarter.
    pub fn contains(self, date: NaiveDate) -> bool {
        Quarter::of(date) == self
    }

    /// Parses `Q2-22/23` or `Q2 22/23` (two-digit years, assumed 20xx, consecutive).
    pub fn parse(text: &str) -> Option<Quarter> {
        let rest = text.trim().strip_prefix(['Q', 'q'])?;
        let (number, years) = rest.split_once(['-', ' '])?;
        let number: u8 = match number {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => return None,
        };
        let (from, to) = years.split_once('/')?;
        let two_digits = |t: &str| -> Option<i32> {
            (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
        };
        let (from, to) = (two_digits(from)?, two_digits(to)?);
        if (from + 1) % 100 != to {
            return None;
        }
        Some(Quarter {
            year_starting: 2000 + from,
            number,
        })
    }
}

impl std::fmt::Display for Quarter {
    /// The label, e.g. `Q2 22/23`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

/// A quarter label that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a quarter: write it like Q2-22/23 or \"Q2 22/23\" (Q1 is April to June)")]
pub struct QuarterParseError(pub String);

impl std::str::FromStr for Quarter {
    type Err = QuarterParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Quarter::parse(text).ok_or_else(|| QuarterParseError(text.chars().take(40).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarters_follow_the_uk_financial_year() {
        assert_eq!(Quarter::of(date(2022, 7, 15)).label(), "Q2 22/23");
        assert_eq!(Quarter::of(date(2022, 3, 31)).label(), "Q4 21/22");
        assert_eq!(Quarter::of(date(2022, 4, 1)).label(), "Q1 22/23");
        let q4 = Quarter::of(date(2022, 2, 10));
        assert_eq!(
            (q4.first_day(), q4.last_day()),
            (date(2022, 1, 1), date(2022, 3, 31))
        );
        let q3 = Quarter::of(date(2022, 11, 1));
        assert_eq!(
            (q3.first_day(), q3.last_day()),
            (date(2022, 10, 1), date(2022, 12, 31))
        );
    }

    #[test]
    fn quarter_labels_parse_both_ways_of_writing_them() {
        assert_eq!(
            Quarter::parse("Q2-22/23"),
            Some(Quarter {
                year_starting: 2022,
                number: 2
            })
        );
        assert_eq!(
            Quarter::parse("Q4 21/22").map(Quarter::label).as_deref(),
            Some("Q4 21/22")
        );
        assert_eq!(Quarter::parse("Q5 22/23"), None);
        assert_eq!(Quarter::parse("Q1 22/24"), None);
        assert_eq!(Quarter::parse("2022-07"), None);
        assert_eq!(Quarter::parse("Q2-22/23 "), Quarter::parse(" q2 22/23"));
        assert_eq!(
            Quarter::parse("Q2-99/00").map(|q| q.year_starting),
            Some(2099)
        );
        assert!("Q0 22/23".parse::<Quarter>().is_err());
        for bad in [
            "Q2 -1/00",
            "Q2 +1/02",
            "Q2 2022/23",
            "Q+2 22/23",
            "Q2 22/23/24",
            "",
        ] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
        let q: Quarter = "Q3-24/25".parse().unwrap();
        assert_eq!(q.to_string(), "Q3 24/25");
        assert!(q.contains(date(2024, 12, 31)));
        assert!(!q.contains(date(2025, 1, 1)));
    }
}
