//! The dashboard's state: the reviews read so far (a core [`SnapshotBuilder`]) and the
//! user's choices; the snapshot is derived from them, recomputed whenever one changes.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::snapshot::{Options, Period, Settings, Snapshot, SnapshotBuilder};
use plr_core::LegalStatus;

/// Everything the pages share (cheap to copy: signals).
#[derive(Clone, Copy)]
pub struct State {
    /// The reviews read (one copy of each id), rejected and skipped files.
    pub builder: RwSignal<SnapshotBuilder>,
    /// Whether anything has been loaded (files or this device's reviews).
    pub loaded: RwSignal<bool>,
    /// The period; `None` = the latest month in the data.
    pub period: RwSignal<Option<Period>>,
    /// Only this team.
    pub team: RwSignal<Option<String>>,
    /// Only this legal status.
    pub legal_status: RwSignal<Option<LegalStatus>>,
    /// Actions are judged as of this date.
    pub as_of: RwSignal<NaiveDate>,
    /// Audits allocated for the period.
    pub allocated: RwSignal<Option<u32>>,
    /// The snapshot for the choices above.
    pub snapshot: Memo<Snapshot>,
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

impl State {
    /// Empty, as of today.
    pub fn new() -> State {
        let builder = RwSignal::new(SnapshotBuilder::new());
        let period = RwSignal::new(None);
        let team = RwSignal::new(None);
        let legal_status = RwSignal::new(None);
        let as_of = RwSignal::new(today());
        let allocated = RwSignal::new(None);
        let options = move || Options {
            period: period.get(),
            team: team.get(),
            legal_status: legal_status.get(),
            as_of: as_of.get(),
            allocated: allocated.get(),
            settings: Settings::default(),
        };
        let snapshot = Memo::new(move |_| {
            let options = options();
            builder.with(|b| b.finish(&options))
        });
        State {
            builder,
            loaded: RwSignal::new(false),
            period,
            team,
            legal_status,
            as_of,
            allocated,
            snapshot,
        }
    }

    /// The options as chosen now.
    pub fn options(&self) -> Options {
        Options {
            period: self.period.get(),
            team: self.team.get(),
            legal_status: self.legal_status.get(),
            as_of: self.as_of.get(),
            allocated: self.allocated.get(),
            settings: Settings::default(),
        }
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}
