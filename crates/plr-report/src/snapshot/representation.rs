//! Allocation and representation (`qa-month.md` §1): an allocation file's rows checked against
//! the completed PLRs, as the funnel from auditors listed to audits submitted, the teams not
//! audited in the month and audits per team over three months; and the nil returns (allocated
//! audits not submitted) grouped by Head of Service, for the Heads of Service to chase.
//!
//! A row in state `allocated` is submitted when its auditor (compared with each PLR's
//! reviewer by [`auditor_key`]) completed a PLR reviewed in its month, or, when the row names
//! a PLR id, when that PLR is completed and reviewed in its month. Teams are compared as the
//! snapshot compares them ([`team_key`]). A quarter or a year sums its months. The team filter
//! keeps that team's rows; the legal status filter does not apply (a row has no legal status).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

use super::allocation::{auditor_key, Allocation, AllocationRow, AllocationState};
use super::breakdown::Selection;
use super::facts::team_key;
use super::measure::{Measure, MeasureKey};
use super::period::Period;
use super::tracker::field;
use super::{Options, SnapshotBuilder};
use plr_core::model::PlrId;

/// What the allocation's rows are checked against: the completed PLRs reviewed from the
/// first of the three months ending with a period's first month to the period's end.
struct Done<'a> {
    builder: &'a SnapshotBuilder,
    /// (month, auditor key) of each completed PLR.
    by_auditor: HashSet<(Period, String)>,
    /// Completed PLRs a (month, team key).
    by_team: HashMap<(Period, String), u32>,
}

impl<'a> Done<'a> {
    fn of(builder: &'a SnapshotBuilder, period: Period) -> Done<'a> {
        let first = period.first_day();
        let from = first.checked_sub_months(Months::new(2)).unwrap_or(first);
        let to = period.last_day();
        let mut by_auditor = HashSet::new();
        let mut by_team: HashMap<(Period, String), u32> = HashMap::new();
        let in_range = |d: NaiveDate| (from..=to).contains(&d);
        for f in builder
            .plrs
            .iter_where(|f, _| f.completed && f.date.is_some_and(in_range))
        {
            let Some(date) = f.date else { continue };
            let month = Period::month_of(date);
            by_auditor.insert((month, auditor_key(f.reviewer)));
            *by_team.entry((month, team_key(f.team))).or_default() += 1;
        }
        Done {
            builder,
            by_auditor,
            by_team,
        }
    }

    /// Whether `row` is an `allocated` row whose audit was submitted.
    fn submitted(&self, row: &AllocationRow) -> bool {
        row.state == AllocationState::Allocated
            && match row.plr_id {
                Some(id) => self
                    .builder
                    .facts(&id)
                    .is_some_and(|f| f.completed && f.date.is_some_and(|d| row.month.contains(d))),
                None => self
                    .by_auditor
                    .contains(&(row.month, auditor_key(&row.auditor))),
            }
    }

    /// Completed PLRs of the team `key` in `month`.
    fn audits(&self, month: Period, key: &str) -> u32 {
        self.by_team
            .get(&(month, key.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// The rows of `period` that pass the selection's team filter.
fn rows<'a>(
    selection: &'a Selection<'_, '_>,
    allocation: &'a Allocation,
    period: Period,
) -> impl Iterator<Item = &'a AllocationRow> + 'a {
    allocation.rows_in(period).filter(move |r| {
        selection
            .team
            .as_ref()
            .is_none_or(|t| team_key(&r.team) == *t)
    })
}

/// Whether the allocation has a row for `period` under the selection's team filter.
pub(super) fn has_rows(
    selection: &Selection<'_, '_>,
    allocation: &Allocation,
    period: Period,
) -> bool {
    rows(selection, allocation, period).next().is_some()
}

/// The measures of [`MeasureKey::ALLOCATION`] for `period`, its months summed.
pub(super) fn allocation_measures(
    selection: &Selection<'_, '_>,
    allocation: &Allocation,
    period: Period,
) -> Vec<(MeasureKey, Measure)> {
    use MeasureKey::*;
    let done = Done::of(selection.builder, period);
    let mut n: BTreeMap<MeasureKey, u32> = BTreeMap::new();
    let mut add = |key, count: u32| *n.entry(key).or_default() += count;
    for month in period.months() {
        let mut teams = BTreeSet::new();
        for row in rows(selection, allocation, month) {
            add(AuditorsListed, 1);
            add(
                AuditorsAvailable,
                u32::from(row.state != AllocationState::StandingExemption),
            );
            add(AuditsAllocated, u32::from(row.state.counts_as_allocated()));
            add(
                MonthExemptions,
                u32::from(row.state == AllocationState::MonthExemption),
            );
            let submitted = done.submitted(row);
            add(AuditsSubmitted, u32::from(submitted));
            add(
                AuditsNotSubmitted,
                u32::from(row.state == AllocationState::Allocated && !submitted),
            );
            if !row.team.is_empty() {
                teams.insert(team_key(&row.team));
            }
        }
        let three_months = [month.previous().previous(), month.previous(), month];
        for team in &teams {
            add(TeamsListed, 1);
            add(TeamsNotAudited, u32::from(done.audits(month, team) == 0));
            let audits: u32 = three_months.iter().map(|m| done.audits(*m, team)).sum();
            add(
                match audits {
                    0 => TeamsAudited0,
                    1 => TeamsAudited1,
                    _ => TeamsAudited2OrMore,
                },
                1,
            );
        }
    }
    let get = |key| n.get(&key).copied().unwrap_or(0);
    let target = |key| selection.options.settings.target(key);
    let count = |key| (key, Measure::count(get(key), target(key)));
    let of = |key, total| (key, Measure::share(get(key), get(total), target(key)));
    vec![
        count(AuditorsListed),
        count(AuditorsAvailable),
        count(AuditsAllocated),
        count(MonthExemptions),
        count(AuditsSubmitted),
        count(AuditsNotSubmitted),
        (
            AuditCompletionRate,
            Measure::share(
                get(AuditsSubmitted),
                get(AuditsAllocated),
                target(AuditCompletionRate),
            ),
        ),
        count(TeamsListed),
        of(TeamsNotAudited, TeamsListed),
        of(TeamsAudited0, TeamsListed),
        of(TeamsAudited1, TeamsListed),
        of(TeamsAudited2OrMore, TeamsListed),
    ]
}

/// One allocated audit not submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NilReturn {
    /// The month in words: `July 2022`.
    pub month: String,
    /// The auditor, as the allocation names them.
    pub auditor: String,
    /// The team the audit was allocated from.
    pub team: String,
    /// The allocated PLR, when the allocation names it.
    pub plr_id: Option<PlrId>,
    /// The row's line in the allocation file.
    pub line: u64,
}

/// One Head of Service's nil returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NilReturnGroup {
    /// The Head of Service, as first written in the allocation.
    pub head_of_service: String,
    /// Their teams' nil returns, by month then auditor.
    pub returns: Vec<NilReturn>,
}

/// The nil returns of a period, by Head of Service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NilReturns {
    /// The period in words: `July 2022`.
    pub period: String,
    /// Each Head of Service with a nil return, by name (case ignored).
    pub groups: Vec<NilReturnGroup>,
}

impl NilReturns {
    /// How many nil returns in all.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.returns.len()).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A Head of Service as first written, and their rows with each one's month and auditor key
/// (to sort by).
type Group<'a> = (String, Vec<(Period, String, &'a AllocationRow)>);

/// The nil returns of `options` (its period, else the latest month in the data, and its team
/// filter): the rows of `options.allocation` in state `allocated` with no completed PLR, as
/// [`allocation_measures`] counts `audits_not_submitted`. None without an allocation.
pub fn nil_returns(builder: &SnapshotBuilder, options: &Options) -> NilReturns {
    let (selection, period) = Selection::of(builder, options);
    let mut groups: BTreeMap<String, Group<'_>> = BTreeMap::new();
    if let Some(allocation) = options.allocation.as_deref() {
        let done = Done::of(builder, period);
        for row in rows(&selection, allocation, period) {
            if row.state != AllocationState::Allocated || done.submitted(row) {
                continue;
            }
            let head = row.head_of_service.as_str();
            let group = groups
                .entry(auditor_key(head))
                .or_insert_with(|| (head.to_string(), Vec::new()));
            group.1.push((row.month, auditor_key(&row.auditor), row));
        }
    }
    let groups = groups
        .into_values()
        .map(|(head_of_service, mut rows)| {
            rows.sort_by(|a, b| (a.0, &a.1, a.2.line).cmp(&(b.0, &b.1, b.2.line)));
            let returns = rows
                .into_iter()
                .map(|(month, _, row)| NilReturn {
                    month: month.words(),
                    auditor: row.auditor.clone(),
                    team: row.team.clone(),
                    plr_id: row.plr_id,
                    line: row.line,
                })
                .collect();
            NilReturnGroup {
                head_of_service,
                returns,
            }
        })
        .collect();
    NilReturns {
        period: period.words(),
        groups,
    }
}

/// The nil returns' CSV header: the words a Head of Service reads.
pub const NIL_RETURNS_CSV_HEADER: &str = "Head of Service,Month,Auditor,Team,Allocated review";

/// The nil returns as CSV, a row each under [`NIL_RETURNS_CSV_HEADER`], by Head of Service.
pub fn nil_returns_csv(nil: &NilReturns) -> String {
    let mut out = format!("{NIL_RETURNS_CSV_HEADER}\n");
    for group in &nil.groups {
        for r in &group.returns {
            let _ = writeln!(
                out,
                "{},{},{},{},{}",
                field(&group.head_of_service),
                field(&r.month),
                field(&r.auditor),
                field(&r.team),
                r.plr_id.map(|id| id.to_string()).unwrap_or_default()
            );
        }
    }
    out
}

/// The nil returns for people: a heading per Head of Service, a line per audit.
pub fn nil_returns_text(nil: &NilReturns) -> String {
    let total = nil.len();
    let audits = if total == 1 { "audit" } else { "audits" };
    let mut out = format!(
        "Nil returns for {}: {total} allocated {audits} not submitted\n",
        nil.period
    );
    for group in &nil.groups {
        let _ = writeln!(out, "\n{} ({})", group.head_of_service, group.returns.len());
        for r in &group.returns {
            let review = r
                .plr_id
                .map(|id| format!(", review {id}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {}: {}, {}{review}", r.month, r.auditor, r.team);
        }
    }
    out
}
