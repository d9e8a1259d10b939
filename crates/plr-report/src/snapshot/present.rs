//! What the loaded PLRs hold, for the dashboard's choices: the months, quarters and financial
//! years with a completed PLR, and the teams (one spelling each).

use std::collections::{BTreeMap, BTreeSet};

use super::facts::team_key;
use super::period::Period;
use super::SnapshotBuilder;
use crate::period::Quarter;

impl SnapshotBuilder {
    /// The periods with at least one completed PLR: months, then quarters, then financial
    /// years, each latest first.
    pub fn periods_present(&self) -> Vec<Period> {
        let mut found = BTreeSet::new();
        for date in self.plrs().filter(|f| f.completed).filter_map(|f| f.date) {
            let quarter = Quarter::of(date);
            found.insert(Period::month_of(date));
            found.insert(Period::Quarter(quarter));
            found.insert(Period::Year(quarter.year_starting));
        }
        let mut periods: Vec<Period> = found.into_iter().collect();
        let kind = |p: &Period| match p {
            Period::Month(..) => 0,
            Period::Quarter(_) => 1,
            Period::Year(_) => 2,
        };
        periods.sort_by(|a, b| kind(a).cmp(&kind(b)).then(b.cmp(a)));
        periods
    }

    /// The teams of the completed PLRs, compared trimmed and case-folded, each in its most
    /// common spelling (ties: the first in sort order), sorted by name.
    pub fn teams_present(&self) -> Vec<String> {
        let mut spellings: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
        for f in self.plrs().filter(|f| f.completed) {
            let team = f.team.trim();
            if !team.is_empty() {
                *spellings
                    .entry(team_key(team))
                    .or_default()
                    .entry(team)
                    .or_default() += 1;
            }
        }
        spellings
            .into_values()
            .filter_map(|counts| {
                let most = counts.values().copied().max()?;
                counts
                    .into_iter()
                    .find(|(_, n)| *n == most)
                    .map(|(s, _)| s.to_string())
            })
            .collect()
    }
}
