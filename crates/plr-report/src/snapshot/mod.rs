//! The QA Performance Snapshot (`snapshot.md`): a month's, quarter's or year's exported PLRs
//! turned into the measures, targets, RAG ratings, breakdowns and trends of the QA report.
//!
//! Incremental and pure, so the CLI and the browser dashboard share it: make a
//! [`SnapshotBuilder`], [`add`](SnapshotBuilder::add) each imported PLR (only its facts are
//! kept, in a compact form: about a hundred and fifty bytes a PLR, whatever the file's size),
//! [`reject`](SnapshotBuilder::reject) each invalid file, [`skip`](SnapshotBuilder::skip)
//! each non-PLR file, then [`finish`](SnapshotBuilder::finish) with the [`Options`]. Builders
//! filled in parallel [`merge`](SnapshotBuilder::merge); the result never depends on the
//! order of the files.
//!
//! ```
//! use plr_report::snapshot::{Options, SnapshotBuilder};
//! let mut builder = SnapshotBuilder::new();
//! builder.reject("broken.json", vec![("$".into(), "not JSON".into())]);
//! let as_of = chrono::NaiveDate::from_ymd_opt(2022, 4, 30).unwrap();
//! let snapshot = builder.finish(&Options::new(as_of));
//! assert_eq!((snapshot.plrs, snapshot.rejected_files), (0, 1));
//! ```

/// Builds `$ty` from `$from`'s fixed-size facts (every struct that carries them names them
/// alike: `kept::Fixed`, [`PlrFacts`], [`KeptFacts`]) and the other fields given.
macro_rules! with_fixed {
    ($ty:ident, $from:expr, { $($rest:tt)* }) => {{
        let f = $from;
        $ty {
            updated_at: f.updated_at,
            share_by: f.share_by,
            date: f.date,
            completed: f.completed,
            legal_status: f.legal_status,
            child_aged_4_or_over: f.child_aged_4_or_over,
            iro_allocated: f.iro_allocated,
            reported: f.reported,
            final_grade: f.final_grade,
            moderation: f.moderation,
            immediate_concern: f.immediate_concern,
            raised: f.raised,
            concern_shared_at: f.concern_shared_at,
            social_worker: f.social_worker,
            team_manager: f.team_manager,
            iro_involved: f.iro_involved,
            child: f.child,
            family: f.family,
            ambassadors: f.ambassadors,
            $($rest)*
        }
    }};
}

mod allocation;
mod ambassadors;
mod breakdown;
mod facts;
mod kept;
mod measure;
mod moderators;
mod monthly;
mod period;
mod present;
mod register;
mod render;
mod report;
mod representation;
mod sample;
mod settings;
mod tally;
#[cfg(test)]
mod tests;
mod tracker;
mod window;

use std::sync::Arc;

use chrono::NaiveDate;

pub use allocation::{
    auditor_key, Allocation, AllocationColumn, AllocationProblem, AllocationRow, AllocationState,
};
pub use ambassadors::{
    ambassadors_months, ambassadors_sample_csv, ambassadors_sample_json,
    ambassadors_sample_summary, AmbassadorsSample, AmbassadorsSampleOptions,
    AMBASSADORS_SAMPLE_CSV_HEADER,
};
pub use facts::{
    team_key, ActionFacts, AreaBands, ModerationFacts, PlrFacts, UpdateFacts, ViewsFacts,
};
pub use kept::{KeptAction, KeptActions, KeptAreas, KeptFacts, KeptUpdate, KeptUpdates};
pub use measure::{percent, Direction, Measure, MeasureKey, Op, Previous, Rag, Target};
pub use moderators::{
    moderator_effect, moderators_csv, moderators_text, AuditorEffect, ModeratorEffect, MonthEffect,
    EFFECT_MONTHS, HIGH_MODERATOR_EFFECT, MODERATORS_CSV_HEADER,
};
pub use monthly::{
    Block, Cell, Chart, Figure, MonthlyReport, Section, SectionKind, Series, Table, REPORT_CSS,
};
pub use period::{Period, PeriodParseError};
pub use register::{
    heads_of_service, register, register_csv, register_text, sort_register, Register,
    RegisterColumn, RegisterEntry, RegisterUpdate, REGISTER_CSV_HEADER,
};
pub use render::{to_csv, to_json, to_text};
pub use report::{
    AreaMeasures, Concern, FileProblem, Filters, LegalStatusMeasures, MergedTeam, PeriodMeasures,
    Rejected, Snapshot, TeamMeasures,
};
pub use representation::{
    nil_returns, nil_returns_csv, nil_returns_text, NilReturn, NilReturnGroup, NilReturns,
    NIL_RETURNS_CSV_HEADER,
};
pub use sample::{
    sample_csv, sample_json, sample_summary, Pick, Sample, SampleOptions, SampleReason,
    SAMPLE_CSV_HEADER,
};
pub use settings::{Settings, SettingsError, SettingsFile};
pub use tally::{Context, Counts, Measures};
pub use tracker::{
    distinct, sort_rows, summary_csv, tracker_csv, tracker_rows, tracker_summary, SummaryBy,
    SummaryRow, TrackerColumn, TrackerFilter, TrackerRow, TrackerSort, TRACKER_CSV_HEADER,
};
pub use window::{care_planning, window, CarePlanning};

use kept::{Fixed, Kept, New};

use plr_core::import::ImportError;
use plr_core::model::{LegalStatus, Plr, PlrId};

/// What to compute: the period, filters, as-of date, allocated audits (a number, or an
/// allocation file) and settings.
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
    /// Audits allocated for the period, for the audit completion rate, when no allocation
    /// file is given (an allocation wins over it).
    pub allocated: Option<u32>,
    /// The allocation file, read ([`Allocation::read`]): gives the measures of
    /// [`MeasureKey::ALLOCATION`] and the [`nil_returns`]. Shared, so options are cheap to
    /// clone.
    pub allocation: Option<Arc<Allocation>>,
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
            allocation: None,
            settings: Settings::default(),
        }
    }
}

/// Collects PLRs (the facts of each, de-duplicated by id, kept compactly) and file outcomes.
#[derive(Debug, Clone, Default)]
pub struct SnapshotBuilder {
    plrs: Kept,
    added: u32,
    rejected: Vec<Rejected>,
    skipped: u32,
}

impl SnapshotBuilder {
    /// An empty builder.
    pub fn new() -> SnapshotBuilder {
        SnapshotBuilder::default()
    }

    /// Makes room for `plrs` more PLRs whose sources (and case references) total about `text`
    /// bytes, for a batch that knows its files: the builder's shared lists then grow once,
    /// rather than by doubling, which leaves each outgrown list with the allocator (about a
    /// third of the peak memory of a large batch, before it is returned).
    pub fn reserve(&mut self, plrs: usize, text: usize) {
        self.plrs.reserve(plrs, text);
    }

    /// The as-of date actions are judged at: `chosen` if a date was set, else (`snapshot.md`)
    /// `today` for a period that has not ended and the period's last day for one that has, so
    /// July 2022 is judged as it stood at its end, not years later. `period` is resolved as
    /// [`SnapshotBuilder::finish`] resolves it (`None`: the latest month in the data).
    pub fn as_of(
        &self,
        period: Option<Period>,
        chosen: Option<NaiveDate>,
        today: NaiveDate,
    ) -> NaiveDate {
        chosen.unwrap_or_else(|| {
            let period = period.unwrap_or_else(|| breakdown::latest_month_or(self, today));
            today.min(period.last_day())
        })
    }

    /// Adds an imported PLR read from `source` (a file name); the PLR can then be dropped.
    pub fn add(&mut self, plr: &Plr, source: &str) {
        self.add_plr(plr, source, true);
    }

    /// Adds an imported PLR for the snapshot and the sample only: its actions keep their dates
    /// but not the action tracker's text (owner, description), and the child's case reference
    /// is kept only for a Case of Concern (the report lists no other). For a batch that never
    /// lists actions (the command line).
    pub fn add_for_report(&mut self, plr: &Plr, source: &str) {
        self.add_plr(plr, source, false);
    }

    /// Adds `plr` straight from the review, with no copy of it made first.
    fn add_plr<'a>(&mut self, plr: &'a Plr, source: &str, texts: bool) {
        self.added += 1;
        let fixed = Fixed::of(plr);
        let concern = fixed.is_case_of_concern() || fixed.raised.is_some();
        let child_ref = if texts || concern {
            plr.case.child_ref.trim()
        } else {
            ""
        };
        let concern_shared_with = if texts || concern {
            plr.judgement.concern_shared_with.trim()
        } else {
            ""
        };
        let areas = &plr.judgement.suggested.areas;
        self.plrs.insert(New {
            id: plr.id,
            fixed,
            source,
            child_ref,
            concern_shared_with,
            team: &plr.case.team,
            reviewer: plr.review.reviewer.name.trim(),
            practitioner: plr.review.practitioner.name.trim(),
            actions: plr.actions.iter().map(|a| {
                let text = |t: &'a str| if texts { t.trim() } else { "" };
                let action = KeptAction {
                    id: &a.id,
                    kind: a.kind,
                    owner: text(&a.owner),
                    description: text(&a.description),
                    progress_note: text(&a.progress_note),
                    due_on: a.due_on,
                    completed_on: a.completed_on,
                    transferred_on: a.transferred_on,
                    updated_on: a.updated_on,
                    status: a.status,
                };
                (action, None)
            }),
            area_ids: areas.iter().map(|a| a.id.0.as_str()),
            bands: areas.iter().map(|a| a.band),
            updates: plr.concern_updates.iter().map(|u| KeptUpdate {
                on: u.on,
                by: u.by.trim(),
                child_safe: u.child_safe,
                plan_in_place: u.plan_in_place,
                outcome: u.outcome,
            }),
        });
    }

    /// Adds one PLR's facts. Of two copies of an id, the moderated one wins, else the later
    /// `updated_at` ([`PlrFacts::wins_over`]).
    pub fn add_facts(&mut self, facts: PlrFacts) {
        self.added += 1;
        self.plrs.insert(New {
            id: facts.id,
            fixed: with_fixed!(Fixed, &facts, {}),
            source: &facts.source,
            child_ref: &facts.child_ref,
            concern_shared_with: &facts.concern_shared_with,
            team: &facts.team,
            reviewer: &facts.reviewer,
            practitioner: &facts.practitioner,
            actions: facts.actions.iter().map(|a| {
                let action = KeptAction {
                    id: &a.id,
                    kind: a.kind,
                    owner: &a.owner,
                    description: &a.description,
                    progress_note: &a.progress_note,
                    due_on: a.due_on,
                    completed_on: a.completed_on,
                    transferred_on: a.transferred_on,
                    updated_on: a.updated_on,
                    status: a.status,
                };
                (action, None)
            }),
            area_ids: facts.areas.ids.iter().map(|id| &**id),
            bands: facts.areas.bands.iter().copied(),
            updates: facts.concern_updates.iter().map(|u| KeptUpdate {
                on: u.on,
                by: &u.by,
                child_safe: u.child_safe,
                plan_in_place: u.plan_in_place,
                outcome: u.outcome,
            }),
        });
    }

    /// Folds in one file as imported, by the one rule `plr snapshot` and the dashboard share:
    /// a review export is counted (its actions' texts kept when `texts`); a JSON file that is
    /// not a review export is skipped, however it was chosen (a folder of exports, or files
    /// chosen from one, often holds other JSON); anything else is rejected with each problem
    /// at its JSON path.
    pub fn add_import(&mut self, source: &str, imported: Result<&Plr, &ImportError>, texts: bool) {
        match imported {
            Ok(plr) => self.add_plr(plr, source, texts),
            Err(ImportError::NotAPlr) => self.skip(),
            Err(e) => {
                let problems = e.problems().into_iter();
                self.reject(source, problems.map(|p| (p.path, p.message)).collect());
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
        self.plrs.merge(other.plrs);
        self.added += other.added;
        self.rejected.extend(other.rejected);
        self.skipped += other.skipped;
    }

    /// The de-duplicated PLRs, by id.
    pub fn plrs(&self) -> impl Iterator<Item = KeptFacts<'_>> {
        self.plrs.iter()
    }

    /// The kept copy of a PLR, by id.
    pub fn facts(&self, id: &PlrId) -> Option<KeptFacts<'_>> {
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
