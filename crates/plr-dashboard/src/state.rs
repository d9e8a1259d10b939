//! The dashboard's state: the reviews read so far (a core [`SnapshotBuilder`]) and the
//! user's choices; the snapshot is derived from them, recomputed whenever one changes.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use std::sync::Arc;

use plr_core::LegalStatus;
use plr_report::snapshot::{Allocation, Options, Period, Settings, Snapshot, SnapshotBuilder};

use crate::files::Files;
use crate::reader::yield_to_page;
use crate::timing::{measure_since, now};

/// A part of the report, drawn in turn in this order (see [`State::draw`]): each is shown once it
/// and every part before it are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The choices, the summary, the downloads and the headline figures.
    Headline,
    /// The grade chart, distribution and trend.
    Grades,
    /// The breakdowns of grades, participation and views, the moderation effect, actions and
    /// cases of concern, and the impact from audit.
    Breakdowns,
    /// The allocation and representation, the Case of Concern register and the action tracker.
    Registers,
    /// The moderation sample and the Ambassadors' sample.
    Samples,
}

impl Part {
    /// Every part, in the order they are drawn.
    pub const ALL: [Part; 5] = [
        Part::Headline,
        Part::Grades,
        Part::Breakdowns,
        Part::Registers,
        Part::Samples,
    ];

    /// Its User Timing mark, `plr:draw:1` to `plr:draw:5` in the order drawn (the names
    /// `bench/dashboard-load.mjs` prints).
    fn mark(self) -> &'static str {
        match self {
            Part::Headline => "plr:draw:1",
            Part::Grades => "plr:draw:2",
            Part::Breakdowns => "plr:draw:3",
            Part::Registers => "plr:draw:4",
            Part::Samples => "plr:draw:5",
        }
    }
}

/// What the dashboard shows under the choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The Performance Snapshot, the register, the tracker and the sample.
    Snapshot,
    /// The monthly QA report of the period.
    MonthlyReport,
}

/// Everything the pages share (cheap to copy: signals).
#[derive(Clone, Copy)]
pub struct State {
    /// The reviews read (one copy of each id), rejected and skipped files.
    pub builder: RwSignal<SnapshotBuilder>,
    /// The last part of the report drawn; `None` until something is loaded (files or this
    /// device's reviews). See [`State::draw`].
    pub drawn: RwSignal<Option<Part>>,
    /// The period; `None` = the latest month in the data.
    pub period: RwSignal<Option<Period>>,
    /// Only this team.
    pub team: RwSignal<Option<String>>,
    /// Only this legal status.
    pub legal_status: RwSignal<Option<LegalStatus>>,
    /// Actions are judged as of this date when one is chosen; `None`: the core's default
    /// (today, or the last day of a period that has ended). See [`State::as_of`].
    pub as_of: RwSignal<Option<NaiveDate>>,
    /// Audits allocated for the period (typed; the allocation file, when opened, wins).
    pub allocated: RwSignal<Option<u32>>,
    /// The allocation file opened beside the exports (`qa-month.md`), with its problems.
    pub allocation: RwSignal<Option<Arc<Allocation>>>,
    /// Targets, baseline and capacity: the defaults, or a settings file's.
    pub settings: RwSignal<Settings>,
    /// The snapshot for the choices above.
    pub snapshot: Memo<Snapshot>,
    /// The snapshot's pages, or the monthly report.
    pub shown: RwSignal<Shown>,
    /// The files read, to save a Head of Service update into, and the changed files.
    pub files: Files,
}

/// A moment as the dashboard writes moments (as in the file, in UTC): `2022-07-20 14:05 UTC`.
pub fn moment(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

pub use plr_web::today;

impl State {
    /// Empty, as of today.
    pub fn new() -> State {
        let builder = RwSignal::new(SnapshotBuilder::new());
        let period = RwSignal::new(None);
        let team = RwSignal::new(None);
        let legal_status = RwSignal::new(None);
        let as_of = RwSignal::new(None);
        let allocated = RwSignal::new(None);
        let allocation = RwSignal::new(None);
        let settings = RwSignal::new(Settings::default());
        let options = move || Options {
            period: period.get(),
            team: team.get(),
            legal_status: legal_status.get(),
            as_of: builder.with(|b| b.as_of(period.get(), as_of.get(), today())),
            allocated: allocated.get(),
            allocation: allocation.get(),
            settings: settings.get(),
        };
        let snapshot = Memo::new(move |_| {
            let options = options();
            let start = now();
            let snapshot = builder.with(|b| b.finish(&options));
            measure_since("plr:snapshot", start);
            snapshot
        });
        State {
            builder,
            drawn: RwSignal::new(None),
            period,
            team,
            legal_status,
            as_of,
            allocated,
            allocation,
            settings,
            snapshot,
            shown: RwSignal::new(Shown::Snapshot),
            files: Files::default(),
        }
    }

    /// Draws the report for what the builder holds now, one part per task: the headline
    /// figures first, then the grade charts, the breakdowns, the action tracker and the
    /// moderation sample, so no single task holds the page for all of them. Parts after the
    /// first are taken down first, so a later load is drawn the same way (the figures stay on
    /// screen meanwhile).
    pub async fn draw(self) {
        self.drawn
            .set(self.drawn.get_untracked().min(Some(Part::Headline)));
        for part in Part::ALL {
            let start = now();
            self.drawn.set(Some(part));
            yield_to_page().await;
            measure_since(part.mark(), start);
        }
    }

    /// Whether `part` of the report is drawn (see [`State::draw`]).
    pub fn shows(&self, part: Part) -> bool {
        self.drawn.get() >= Some(part)
    }

    /// The date actions are judged as of: the one chosen, else the core's default.
    pub fn as_of(&self) -> NaiveDate {
        let (period, chosen) = (self.period.get(), self.as_of.get());
        self.builder.with(|b| b.as_of(period, chosen, today()))
    }

    /// The options as chosen now.
    pub fn options(&self) -> Options {
        Options {
            period: self.period.get(),
            team: self.team.get(),
            legal_status: self.legal_status.get(),
            as_of: self.as_of(),
            allocated: self.allocated.get(),
            allocation: self.allocation.get(),
            settings: self.settings.get(),
        }
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}
