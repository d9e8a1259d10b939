//! The action tracker (seed 001: "action tracking needed improvement"): every follow-up action
//! of the counted PLRs in one table, with days overdue as of a date; sorted (overdue first by
//! default), filtered by team, owner, kind and status, and written as CSV for the teams.

use std::cmp::Ordering;
use std::fmt::Write;

use chrono::NaiveDate;

use super::facts::team_key;
use super::SnapshotBuilder;
use crate::followup::is_overdue;
use crate::model::{ActionKind, ActionStatus, PlrId};

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
    /// Open or completed.
    pub status: ActionStatus,
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
    /// Days overdue (the default: most overdue first).
    #[default]
    DaysOverdue,
}

impl TrackerColumn {
    /// Every column, in table order.
    pub const ALL: [TrackerColumn; 7] = [
        TrackerColumn::CaseRef,
        TrackerColumn::Team,
        TrackerColumn::Kind,
        TrackerColumn::Owner,
        TrackerColumn::DueOn,
        TrackerColumn::Status,
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

/// Every action of the loaded, completed PLRs (one copy of each id), judged as of `as_of`,
/// in the default order.
pub fn tracker_rows(builder: &SnapshotBuilder, as_of: NaiveDate) -> Vec<TrackerRow> {
    let mut rows: Vec<TrackerRow> = builder
        .plrs()
        .filter(|f| f.completed)
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

fn compare(a: &TrackerRow, b: &TrackerRow, column: TrackerColumn) -> Ordering {
    let text = |x: &str, y: &str| team_key(x).cmp(&team_key(y));
    match column {
        TrackerColumn::CaseRef => text(&a.case_ref, &b.case_ref),
        TrackerColumn::Team => text(&a.team, &b.team),
        TrackerColumn::Kind => a.kind.map(|k| k.label()).cmp(&b.kind.map(|k| k.label())),
        TrackerColumn::Owner => text(&a.owner, &b.owner),
        TrackerColumn::DueOn => a.due_on.cmp(&b.due_on),
        TrackerColumn::Status => a.status.label().cmp(b.status.label()),
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
fn field(text: &str) -> String {
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

/// The rows as CSV: `case_ref,team,kind,description,owner,due_on,status,days_overdue`.
pub fn tracker_csv(rows: &[TrackerRow]) -> String {
    let mut out = String::from("case_ref,team,kind,description,owner,due_on,status,days_overdue\n");
    for r in rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            field(&r.case_ref),
            field(&r.team),
            r.kind.map_or("", |k| k.label()),
            field(&r.description),
            field(&r.owner),
            r.due_on.map(|d| d.to_string()).unwrap_or_default(),
            r.status.label(),
            r.days_overdue.map(|d| d.to_string()).unwrap_or_default()
        );
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
