//! The Case of Concern register (`followthrough.md`): every loaded, completed PLR raised as a
//! Case of Concern, whatever its review date (a concern raised in 2021 is still tracked in July
//! 2022), read as it stood on E, the earlier of the as-of date and the period's last day; one
//! row each, oldest first, with why it was raised, its sharing, its latest Head of Service
//! update, how long it has been open and whether an update is due. `plr concerns` prints it;
//! the dashboard shows the same rows.

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::Serialize;

use super::breakdown::Selection;
use super::kept::KeptFacts;
use super::measure::{Measure, MeasureKey};
use super::period::Period;
use super::tracker::field;
use super::{Options, SnapshotBuilder};
use plr_core::concern::{shared_in_time, RaisedBy};
use plr_core::followthrough::{months_between, same_month};
use plr_core::model::{ConcernOutcome, LegalStatus, PlrId};

/// A Head of Service's update, as the register shows the latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegisterUpdate {
    /// The day of the update.
    pub on: NaiveDate,
    /// The Head of Service.
    pub by: String,
    /// Assured the child is safe.
    pub child_safe: bool,
    /// Assured a plan is in place.
    pub plan_in_place: bool,
    /// What follows.
    pub outcome: ConcernOutcome,
}

/// One Case of Concern on the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegisterEntry {
    /// The PLR's id.
    pub id: PlrId,
    /// The child's case reference.
    pub child_ref: String,
    /// The team (trimmed, as typed).
    pub team: String,
    /// The child's legal status.
    pub legal_status: Option<LegalStatus>,
    /// The review's date.
    pub review_date: Option<NaiveDate>,
    /// Why it was raised.
    pub raised_by: RaisedBy,
    /// When it was raised.
    pub raised_at: DateTime<Utc>,
    /// When it had to be shared with the Head of Service.
    pub share_by: Option<DateTime<Utc>>,
    /// Who it was shared with ("" when nobody is recorded).
    pub shared_with: String,
    /// When it was recorded as shared.
    pub shared_at: Option<DateTime<Utc>>,
    /// Whether it was shared by its deadline (`None` until shared).
    pub shared_in_time: Option<bool>,
    /// The latest update dated on or before E.
    pub latest_update: Option<RegisterUpdate>,
    /// The day of its resolving update, when that is on or before E.
    pub resolved_on: Option<NaiveDate>,
    /// Whole months from the day it was raised to E.
    pub months_open: u32,
    /// Raised more than 12 months before E.
    pub over_12_months: bool,
    /// Still tracked and no update dated in E's month.
    pub update_due: bool,
}

/// The register as it stood on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Register {
    /// The period, e.g. `2022-07`.
    pub period: String,
    /// E: the day the register is read as of.
    pub as_of: NaiveDate,
    /// The entries, oldest first.
    pub entries: Vec<RegisterEntry>,
}

/// The register's measures (`followthrough.md`) for `period`, read as of E (the earlier of
/// the options' as-of date and the period's last day).
pub(super) fn concern_measures(
    selection: &Selection<'_, '_>,
    period: Period,
) -> Vec<(MeasureKey, Measure)> {
    let as_of = selection.options.as_of.min(period.last_day());
    let (mut raised, mut in_time, mut tracked, mut over_12, mut updates) = (0, 0, 0, 0, 0);
    let (mut resolved, mut continuing, mut without) = (0, 0, 0);
    let in_p = |d: NaiveDate| period.contains(d) && d <= as_of;
    for f in selection.raised() {
        let Some(e) = entry(&f, as_of) else { continue };
        if in_p(e.raised_at.date_naive()) {
            raised += 1;
            in_time += u32::from(e.shared_in_time == Some(true));
        }
        let dated_in_p: Vec<_> = f.concern_updates.iter().filter(|u| in_p(u.on)).collect();
        updates += dated_in_p.len() as u32;
        let resolving = dated_in_p
            .iter()
            .any(|u| u.outcome == ConcernOutcome::Resolved);
        resolved += u32::from(resolving);
        continuing += u32::from(!resolving && !dated_in_p.is_empty());
        if e.resolved_on.is_none() {
            tracked += 1;
            over_12 += u32::from(e.over_12_months);
            without +=
                u32::from(e.raised_at.date_naive() < period.first_day() && dated_in_p.is_empty());
        }
    }
    // Each with the target a settings file gives it, if any (none by default).
    let target = |key| selection.options.settings.target(key);
    let count = |key, n| (key, Measure::count(n, target(key)));
    vec![
        count(MeasureKey::ConcernsRaised, raised),
        (
            MeasureKey::ConcernsSharedInTime,
            Measure::share(in_time, raised, target(MeasureKey::ConcernsSharedInTime)),
        ),
        count(MeasureKey::ConcernsTracked, tracked),
        count(MeasureKey::ConcernsOpenOver12Months, over_12),
        count(MeasureKey::ConcernUpdates, updates),
        count(MeasureKey::ConcernsResolved, resolved),
        count(MeasureKey::ConcernsContinuing, continuing),
        count(MeasureKey::ConcernsWithoutUpdate, without),
    ]
}

/// The register of `options` (its period, as-of date, team and legal status): the entries
/// tracked on E (raised on or before it and not resolved by then), and with `resolved` also
/// those resolved in the period.
pub fn register(builder: &SnapshotBuilder, options: &Options, resolved: bool) -> Register {
    let (selection, period) = Selection::of(builder, options);
    let as_of = options.as_of.min(period.last_day());
    let mut entries: Vec<RegisterEntry> = selection
        .raised()
        .filter_map(|f| entry(&f, as_of))
        .filter(|e| match e.resolved_on {
            None => true,
            Some(on) => resolved && period.contains(on),
        })
        .collect();
    entries.sort_by_key(|e| (e.raised_at, e.id));
    Register {
        period: period.label(),
        as_of,
        entries,
    }
}

/// `f` on the register as of `as_of`, if it had been raised by then.
fn entry(f: &KeptFacts<'_>, as_of: NaiveDate) -> Option<RegisterEntry> {
    let (raised_at, raised_by) = f.raised?;
    if raised_at.date_naive() > as_of {
        return None;
    }
    let known: Vec<_> = f.concern_updates.iter().filter(|u| u.on <= as_of).collect();
    let resolved_on = known
        .iter()
        .find(|u| u.outcome == ConcernOutcome::Resolved)
        .map(|u| u.on);
    let latest_update = known.last().map(|u| RegisterUpdate {
        on: u.on,
        by: u.by.to_string(),
        child_safe: u.child_safe,
        plan_in_place: u.plan_in_place,
        outcome: u.outcome,
    });
    Some(RegisterEntry {
        id: f.id,
        child_ref: f.child_ref.to_string(),
        team: f.team.trim().to_string(),
        legal_status: f.legal_status,
        review_date: f.date,
        raised_by,
        raised_at,
        share_by: f.share_by,
        shared_with: f.concern_shared_with.to_string(),
        shared_at: f.concern_shared_at,
        shared_in_time: f
            .share_by
            .zip(f.concern_shared_at)
            .map(|(by, at)| shared_in_time(by, at)),
        update_due: resolved_on.is_none() && !known.iter().any(|u| same_month(u.on, as_of)),
        latest_update,
        resolved_on,
        months_open: months_between(raised_at.date_naive(), as_of),
        over_12_months: as_of
            .checked_sub_months(chrono::Months::new(12))
            .is_some_and(|year_before| raised_at.date_naive() < year_before),
    })
}

/// A column the register can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegisterColumn {
    /// Case reference.
    CaseRef,
    /// Team.
    Team,
    /// When it was raised (the default: oldest first).
    #[default]
    Raised,
    /// The latest update's day.
    LatestUpdate,
    /// Months open.
    MonthsOpen,
}

impl RegisterColumn {
    /// Every sortable column, in table order.
    pub const ALL: [RegisterColumn; 5] = [
        RegisterColumn::CaseRef,
        RegisterColumn::Team,
        RegisterColumn::Raised,
        RegisterColumn::LatestUpdate,
        RegisterColumn::MonthsOpen,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            RegisterColumn::CaseRef => "Case reference",
            RegisterColumn::Team => "Team",
            RegisterColumn::Raised => "Raised",
            RegisterColumn::LatestUpdate => "Latest update",
            RegisterColumn::MonthsOpen => "Months open",
        }
    }
}

/// Sorts `entries` by `column` (`descending`: largest, latest or last first); ties keep the
/// register's order (oldest raised first).
pub fn sort_register(entries: &mut [RegisterEntry], column: RegisterColumn, descending: bool) {
    entries.sort_by(|a, b| {
        let order = match column {
            RegisterColumn::CaseRef => {
                super::facts::team_key(&a.child_ref).cmp(&super::facts::team_key(&b.child_ref))
            }
            RegisterColumn::Team => {
                super::facts::team_key(&a.team).cmp(&super::facts::team_key(&b.team))
            }
            RegisterColumn::Raised => a.raised_at.cmp(&b.raised_at),
            RegisterColumn::LatestUpdate => a
                .latest_update
                .as_ref()
                .map(|u| u.on)
                .cmp(&b.latest_update.as_ref().map(|u| u.on)),
            RegisterColumn::MonthsOpen => a.months_open.cmp(&b.months_open),
        };
        let order = if descending { order.reverse() } else { order };
        order.then_with(|| (a.raised_at, a.id).cmp(&(b.raised_at, b.id)))
    });
}

impl RegisterEntry {
    /// Still open, and raised more than 12 months before E.
    pub fn open_over_12_months(&self) -> bool {
        self.resolved_on.is_none() && self.over_12_months
    }

    /// Whether the Head of Service `name` (compared ignoring case and spaces) was told of it or
    /// gave an update.
    pub fn involves(&self, name: &str) -> bool {
        let name = super::facts::team_key(name);
        super::facts::team_key(&self.shared_with) == name
            || self
                .latest_update
                .as_ref()
                .is_some_and(|u| super::facts::team_key(&u.by) == name)
    }
}

/// The Heads of Service the register names (shared with, or giving the latest update), each
/// once, sorted: for a filter's choices.
pub fn heads_of_service(register: &Register) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::new();
    for e in &register.entries {
        let names = [
            Some(e.shared_with.as_str()),
            e.latest_update.as_ref().map(|u| u.by.as_str()),
        ];
        for name in names
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            seen.entry(super::facts::team_key(name))
                .or_insert_with(|| name.to_string());
        }
    }
    seen.into_values().collect()
}

/// The register's CSV header: the words a QA officer reads.
pub const REGISTER_CSV_HEADER: &str = "Case reference,Team,Legal status,Review date,Raised by,Raised at,Share by,Shared with,Shared at,Shared in time,Latest update,Head of Service,Child safe,Plan in place,Outcome,Resolved on,Months open,Update due";

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn moment(at: Option<DateTime<Utc>>) -> String {
    at.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn day(on: Option<NaiveDate>) -> String {
    on.map(|d| d.to_string()).unwrap_or_default()
}

/// The register as CSV, under [`REGISTER_CSV_HEADER`].
pub fn register_csv(register: &Register) -> String {
    let mut out = format!("{REGISTER_CSV_HEADER}\n");
    for e in &register.entries {
        let u = e.latest_update.as_ref();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(&e.child_ref),
            field(&e.team),
            e.legal_status.map_or("", |s| s.label()),
            day(e.review_date),
            e.raised_by.label(),
            moment(Some(e.raised_at)),
            moment(e.share_by),
            field(&e.shared_with),
            moment(e.shared_at),
            e.shared_in_time.map_or("", yes_no),
            day(u.map(|u| u.on)),
            field(u.map_or("", |u| u.by.as_str())),
            u.map_or("", |u| yes_no(u.child_safe)),
            u.map_or("", |u| yes_no(u.plan_in_place)),
            u.map_or("", |u| u.outcome.label()),
            day(e.resolved_on),
            e.months_open,
            yes_no(e.update_due),
        );
    }
    out
}

/// The register for people: a line per entry.
pub fn register_text(register: &Register) -> String {
    let mut out = format!(
        "Cases of Concern tracked as of {} ({}): {}\n",
        register.as_of,
        register.period,
        register.entries.len()
    );
    for e in &register.entries {
        let shared = match (e.shared_at, e.shared_in_time) {
            (Some(at), Some(true)) => format!(
                "shared with {} on {} in time",
                e.shared_with,
                at.date_naive()
            ),
            (Some(at), _) => format!("shared with {} on {}, late", e.shared_with, at.date_naive()),
            (None, _) => "not shared".to_string(),
        };
        let update = match &e.latest_update {
            Some(u) => format!("latest update {} by {}: {}", u.on, u.by, u.outcome.label()),
            None => "no update yet".to_string(),
        };
        let state = match e.resolved_on {
            Some(on) => format!("resolved on {on}"),
            None if e.update_due => format!("open {} months, update due", e.months_open),
            None => format!("open {} months", e.months_open),
        };
        let _ = writeln!(
            out,
            "  {} ({}): raised {} ({}); {shared}; {update}; {state}",
            e.child_ref,
            e.team,
            e.raised_at.date_naive(),
            e.raised_by.label().to_lowercase(),
        );
    }
    out
}
