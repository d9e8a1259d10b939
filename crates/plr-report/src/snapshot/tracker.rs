//! The action tracker (seed 001: "action tracking needed improvement"): every follow-up action
//! of the PLRs the snapshot counts (its period, team and legal status) in one table, each
//! judged as of a date (on time, late, overdue, not yet due, no update); sorted (overdue first by
//! default), filtered by team, owner, kind and status, summed up by team or owner, and written
//! as CSV for the teams.

use std::cmp::Ordering;
use std::fmt::Write;

use chrono::NaiveDate;

use super::breakdown::Selection;
use super::facts::team_key;
use super::{Options, SnapshotBuilder};
use plr_core::followthrough::ActionOutcome;
use plr_core::followup::is_overdue;
use plr_core::model::{ActionKind, ActionStatus, PlrId};

/// One action, as the tracker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerRow {
    /// The PLR the action belongs to.
    pub plr: PlrId,
    /// The child's case reference.
    pub case_ref: String,
    /// The team (trimmed, as typed).
    pub team: String,
    /// Care planning or other.
    pub kind: Option<ActionKind>,
    /// What is to be done.
    pub description: String,
    /// Who will do it.
    pub owner: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Open, completed or transferred.
    pub status: ActionStatus,
    /// When it was completed, if it was.
    pub completed_on: Option<NaiveDate>,
    /// The progress so far.
    pub progress_note: String,
    /// Its outcome as of the tracker's date (`followthrough.md`): on time, late, overdue, not
    /// yet due, no update (the team manager has not said how it stands), service ended.
    pub timeliness: ActionOutcome,
    /// Days past its due date as of the tracker's date, for an open action that is overdue.
    pub days_overdue: Option<i64>,
}

/// A column the tracker can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrackerColumn {
    /// Case reference.
    CaseRef,
    /// Team.
    Team,
    /// Kind.
    Kind,
    /// Owner.
    Owner,
    /// Due date.
    DueOn,
    /// Status.
    Status,
    /// Completion date.
    CompletedOn,
    /// On time, late, overdue, not yet due, no update, service ended.
    Timeliness,
    /// Days overdue (the default: most overdue first).
    #[default]
    DaysOverdue,
}

impl TrackerColumn {
    /// Every column, in table order.
    pub const ALL: [TrackerColumn; 9] = [
        TrackerColumn::CaseRef,
        TrackerColumn::Team,
        TrackerColumn::Kind,
        TrackerColumn::Owner,
        TrackerColumn::DueOn,
        TrackerColumn::Status,
        TrackerColumn::CompletedOn,
        TrackerColumn::Timeliness,
        TrackerColumn::DaysOverdue,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            TrackerColumn::CaseRef => "Case reference",
            TrackerColumn::Team => "Team",
            TrackerColumn::Kind => "Kind",
            TrackerColumn::Owner => "Owner",
            TrackerColumn::DueOn => "Due date",
            TrackerColumn::Status => "Status",
            TrackerColumn::CompletedOn => "Completed on",
            TrackerColumn::Timeliness => "Outcome",
            TrackerColumn::DaysOverdue => "Days overdue",
        }
    }
}

/// How the tracker is sorted: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrackerSort {
    /// The column.
    pub column: TrackerColumn,
    /// Largest (or latest, or last) first.
    pub descending: bool,
}

impl Default for TrackerSort {
    /// Overdue first: most days overdue first.
    fn default() -> TrackerSort {
        TrackerSort {
            column: TrackerColumn::DaysOverdue,
            descending: true,
        }
    }
}

impl TrackerSort {
    /// The sort after choosing `column`: the same column flips direction; another column
    /// starts in its natural direction (overdue and due dates most urgent first).
    pub fn choose(self, column: TrackerColumn) -> TrackerSort {
        if column == self.column {
            TrackerSort {
                column,
                descending: !self.descending,
            }
        } else {
            TrackerSort {
                column,
                descending: column == TrackerColumn::DaysOverdue,
            }
        }
    }
}

/// Which rows to show; `None` keeps every value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackerFilter {
    /// Only this team (compared trimmed and case-folded).
    pub team: Option<String>,
    /// Only this owner (compared trimmed and case-folded).
    pub owner: Option<String>,
    /// Only this kind.
    pub kind: Option<ActionKind>,
    /// Only this status.
    pub status: Option<ActionStatus>,
}

impl TrackerFilter {
    /// Whether `row` is shown.
    pub fn keeps(&self, row: &TrackerRow) -> bool {
        let same = |wanted: &Option<String>, value: &str| {
            wanted
                .as_deref()
                .is_none_or(|w| team_key(w) == team_key(value))
        };
        same(&self.team, &row.team)
            && same(&self.owner, &row.owner)
            && self.kind.is_none_or(|k| row.kind == Some(k))
            && self.status.is_none_or(|s| row.status == s)
    }
}

/// Every action of the completed PLRs the snapshot of `options` counts (one copy of each id,
/// reviewed in its period, of its team and legal status), judged as of its as-of date, in the
/// default order.
pub fn tracker_rows(builder: &SnapshotBuilder, options: &Options) -> Vec<TrackerRow> {
    let as_of = options.as_of;
    let (selection, period) = Selection::of(builder, options);
    let mut rows: Vec<TrackerRow> = selection
        .in_period(period)
        .flat_map(|f| {
            f.actions.iter().map(move |a| TrackerRow {
                plr: f.id,
                case_ref: f.child_ref.to_string(),
                team: f.team.trim().to_string(),
                kind: a.kind,
                description: a.description.to_string(),
                owner: a.owner.to_string(),
                due_on: a.due_on,
                status: a.status,
                completed_on: a.completed_on,
                progress_note: a.progress_note.to_string(),
                timeliness: a.outcome(as_of),
                days_overdue: a
                    .due_on
                    .filter(|_| is_overdue(a.status, a.due_on, as_of))
                    .map(|due| (as_of - due).num_days()),
            })
        })
        .collect();
    sort_rows(&mut rows, TrackerSort::default());
    rows
}

/// What the tracker's rows are summed up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SummaryBy {
    /// Per team.
    #[default]
    Team,
    /// Per owner.
    Owner,
}

/// One team's (or owner's) actions, counted by [`ActionOutcome`] (in the order of
/// [`ActionOutcome::ALL`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The team or owner, as first spelled.
    pub name: String,
    /// The count of each outcome, in the order of [`ActionOutcome::ALL`].
    pub counts: [u32; 6],
    /// Every action of it.
    pub total: u32,
}

/// The rows summed up per team or owner (compared trimmed and case-folded), most overdue
/// first, then by name.
pub fn tracker_summary(rows: &[TrackerRow], by: SummaryBy) -> Vec<SummaryRow> {
    let mut groups: std::collections::BTreeMap<String, SummaryRow> = Default::default();
    for r in rows {
        let name = match by {
            SummaryBy::Team => r.team.trim(),
            SummaryBy::Owner => r.owner.trim(),
        };
        let name = if name.is_empty() { "Not given" } else { name };
        let group = groups.entry(team_key(name)).or_insert_with(|| SummaryRow {
            name: name.to_string(),
            counts: [0; 6],
            total: 0,
        });
        let n = ActionOutcome::ALL
            .iter()
            .position(|t| *t == r.timeliness)
            .unwrap_or(0);
        group.counts[n] += 1;
        group.total += 1;
    }
    let mut summary: Vec<SummaryRow> = groups.into_values().collect();
    let overdue = |s: &SummaryRow| s.counts[2];
    summary.sort_by(|a, b| {
        overdue(b)
            .cmp(&overdue(a))
            .then_with(|| team_key(&a.name).cmp(&team_key(&b.name)))
    });
    summary
}

fn compare(a: &TrackerRow, b: &TrackerRow, column: TrackerColumn) -> Ordering {
    let text = |x: &str, y: &str| team_key(x).cmp(&team_key(y));
    match column {
        TrackerColumn::CaseRef => text(&a.case_ref, &b.case_ref),
        TrackerColumn::Team => text(&a.team, &b.team),
        TrackerColumn::Kind => a.kind.map(|k| k.label()).cmp(&b.kind.map(|k| k.label())),
        TrackerColumn::Owner => text(&a.owner, &b.owner),
        TrackerColumn::DueOn => a.due_on.cmp(&b.due_on),
        TrackerColumn::Status => a.status.label().cmp(b.status.label()),
        TrackerColumn::CompletedOn => a.completed_on.cmp(&b.completed_on),
        TrackerColumn::Timeliness => a.timeliness.cmp(&b.timeliness),
        TrackerColumn::DaysOverdue => a.days_overdue.cmp(&b.days_overdue),
    }
}

/// Sorts by the column (ties: due date, then case reference, then PLR), so the order never
/// depends on the order the files were read in.
pub fn sort_rows(rows: &mut [TrackerRow], sort: TrackerSort) {
    rows.sort_by(|a, b| {
        let first = compare(a, b, sort.column);
        let first = if sort.descending {
            first.reverse()
        } else {
            first
        };
        first
            .then_with(|| a.due_on.cmp(&b.due_on))
            .then_with(|| a.case_ref.cmp(&b.case_ref))
            .then_with(|| a.plr.cmp(&b.plr))
            .then_with(|| a.description.cmp(&b.description))
    });
}

/// A CSV field, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so a spreadsheet never runs it as a formula.
pub(super) fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The CSV's header: the words a team manager reads, not field names.
pub const TRACKER_CSV_HEADER: &str = "Case reference,Team,Type of action,What needs to happen,Who will do it,Due date,Status,Completed on,Outcome,Days overdue,Progress so far";

/// The rows as CSV, under [`TRACKER_CSV_HEADER`].
pub fn tracker_csv(rows: &[TrackerRow]) -> String {
    let mut out = format!("{TRACKER_CSV_HEADER}\n");
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            field(&r.case_ref),
            field(&r.team),
            r.kind.map_or("", |k| k.label()),
            field(&r.description),
            field(&r.owner),
            day(r.due_on),
            r.status.label(),
            day(r.completed_on),
            r.timeliness.label(),
            r.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
            field(&r.progress_note),
        );
    }
    out
}

/// The summary as CSV: the team (or owner) and its count of each state.
pub fn summary_csv(summary: &[SummaryRow], by: SummaryBy) -> String {
    let mut out = String::from(match by {
        SummaryBy::Team => "Team",
        SummaryBy::Owner => "Who will do it",
    });
    for t in ActionOutcome::ALL {
        out.push(',');
        out.push_str(t.label());
    }
    out.push_str(",All actions\n");
    for s in summary {
        out.push_str(&field(&s.name));
        for n in s.counts {
            let _ = write!(out, ",{n}");
        }
        let _ = writeln!(out, ",{}", s.total);
    }
    out
}

/// The distinct values of a text column (by trimmed, case-folded comparison), sorted; for
/// the tracker's filter choices.
pub fn distinct(rows: &[TrackerRow], value: impl Fn(&TrackerRow) -> &str) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::new();
    for r in rows {
        let v = value(r).trim();
        if !v.is_empty() {
            seen.entry(team_key(v)).or_insert_with(|| v.to_string());
        }
    }
    seen.into_values().collect()
}
