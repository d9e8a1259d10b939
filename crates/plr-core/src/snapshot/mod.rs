//! The QA Performance Snapshot (`snapshot.md`): a month's, quarter's or year's exported PLRs
//! turned into the measures, targets, RAG ratings, breakdowns and trends of the QA report.
//!
//! Incremental and pure, so the CLI and the browser dashboard share it: make a
//! [`SnapshotBuilder`], [`add`](SnapshotBuilder::add) each imported PLR (only its small
//! [`PlrFacts`] are kept, so memory does not grow with the files' size),
//! [`reject`](SnapshotBuilder::reject) each invalid file, [`skip`](SnapshotBuilder::skip)
//! each non-PLR file, then [`finish`](SnapshotBuilder::finish) with the [`Options`]. Builders
//! filled in parallel [`merge`](SnapshotBuilder::merge); the result never depends on the
//! order of the files.
//!
//! ```
//! use plr_core::snapshot::{Options, SnapshotBuilder};
//! let mut builder = SnapshotBuilder::new();
//! builder.reject("broken.json", vec![("$".into(), "not JSON".into())]);
//! let as_of = chrono::NaiveDate::from_ymd_opt(2022, 4, 30).unwrap();
//! let snapshot = builder.finish(&Options::new(as_of));
//! assert_eq!((snapshot.plrs, snapshot.rejected_files), (0, 1));
//! ```

mod breakdown;
mod facts;
mod measure;
mod period;
mod present;
mod render;
mod report;
mod sample;
mod settings;
mod tally;
#[cfg(test)]
mod tests;
mod tracker;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use facts::{team_key, ActionFacts, AreaBands, ModerationFacts, PlrFacts, ViewsFacts};
pub use measure::{percent, Direction, Measure, MeasureKey, Op, Previous, Rag, Target};
pub use period::{Period, PeriodParseError};
pub use render::{to_csv, to_json, to_text};
pub use report::{
    AreaMeasures, Concern, FileProblem, Filters, LegalStatusMeasures, MergedTeam, PeriodMeasures,
    Rejected, Snapshot, TeamMeasures,
};
pub use sample::Sample;
pub use settings::{Settings, SettingsError, SettingsFile};
pub use tally::{Context, Counts, Measures};
pub use tracker::{
    distinct, sort_rows, tracker_csv, tracker_rows, TrackerColumn, TrackerFilter, TrackerRow,
    TrackerSort,
};

use crate::model::{LegalStatus, Plr, PlrId};

/// What to compute: the period, filters, as-of date, allocated audits and settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The period; `None` = the latest month with a completed PLR (else the as-of month).
    pub period: Option<Period>,
    /// Only this team (compared trimmed and case-folded).
    pub team: Option<String>,
    /// Only this legal status.
    pub legal_status: Option<LegalStatus>,
    /// Actions are judged as of this date (the dashboard's today by default).
    pub as_of: NaiveDate,
    /// Audits allocated for the period, for the audit completion rate.
    pub allocated: Option<u32>,
    /// Targets and baseline.
    pub settings: Settings,
}

impl Options {
    /// The default options as of a date: latest month, no filters, default settings.
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            period: None,
            team: None,
            legal_status: None,
            as_of,
            allocated: None,
            settings: Settings::default(),
        }
    }
}

/// Collects PLRs (one small [`PlrFacts`] each, de-duplicated by id) and file outcomes.
#[derive(Debug, Clone, Default)]
pub struct SnapshotBuilder {
    plrs: BTreeMap<PlrId, PlrFacts>,
    added: u32,
    rejected: Vec<Rejected>,
    skipped: u32,
}

impl SnapshotBuilder {
    /// An empty builder.
    pub fn new() -> SnapshotBuilder {
        SnapshotBuilder::default()
    }

    /// Adds an imported PLR read from `source` (a file name); the PLR can then be dropped.
    pub fn add(&mut self, plr: &Plr, source: &str) {
        self.add_facts(PlrFacts::of(plr, source));
    }

    /// Adds an imported PLR for the snapshot and the sample only: its actions keep their dates
    /// but not the action tracker's text (owner, description), about a quarter of what each
    /// PLR would otherwise keep. For a batch that never lists actions (the command line).
    pub fn add_for_report(&mut self, plr: &Plr, source: &str) {
        let mut facts = PlrFacts::of(plr, source);
        for action in &mut facts.actions {
            action.owner = Box::default();
            action.description = Box::default();
        }
        self.add_facts(facts);
    }

    /// Adds one PLR's facts. Of two copies of an id, the moderated one wins, else the later
    /// `updated_at` ([`PlrFacts::wins_over`]).
    pub fn add_facts(&mut self, facts: PlrFacts) {
        self.added += 1;
        match self.plrs.get_mut(&facts.id) {
            Some(kept) if facts.wins_over(kept) => *kept = facts,
            Some(_) => {}
            None => {
                self.plrs.insert(facts.id, facts);
            }
        }
    }

    /// Records a file that could not be counted, with its problems as (JSON path, message).
    pub fn reject(&mut self, file: &str, problems: Vec<(String, String)>) {
        let mut problems: Vec<FileProblem> = problems
            .into_iter()
            .map(|(path, message)| FileProblem { path, message })
            .collect();
        problems.sort();
        self.rejected.push(Rejected {
            file: file.to_string(),
            problems,
        });
    }

    /// Records a file that is not a PLR export (skipped, not an error).
    pub fn skip(&mut self) {
        self.skipped += 1;
    }

    /// Takes in everything another builder collected (for builders filled in parallel).
    pub fn merge(&mut self, other: SnapshotBuilder) {
        let added = self.added + other.added;
        for facts in other.plrs.into_values() {
            self.add_facts(facts);
        }
        self.added = added;
        self.rejected.extend(other.rejected);
        self.skipped += other.skipped;
    }

    /// The de-duplicated PLRs, by id.
    pub fn plrs(&self) -> impl Iterator<Item = &PlrFacts> {
        self.plrs.values()
    }

    /// The kept copy of a PLR, by id.
    pub fn facts(&self, id: &PlrId) -> Option<&PlrFacts> {
        self.plrs.get(id)
    }

    /// The number of PLR copies merged into another of the same id.
    pub fn duplicates_merged(&self) -> u32 {
        self.added.saturating_sub(self.plrs.len() as u32)
    }

    /// The snapshot for `options`.
    pub fn finish(&self, options: &Options) -> Snapshot {
        let mut rejected = self.rejected.clone();
        rejected.sort();
        breakdown::snapshot(self, options, rejected, self.skipped)
    }
}
