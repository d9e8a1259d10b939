//! The allocation file (`qa-month.md` §1): one row per auditor per month, as a spreadsheet
//! exports it (`month,auditor,team,head_of_service,state,plr_id`), read with the `csv` crate
//! into rows and a list of problems. A row with a problem is left out and the rest load, so a
//! QA officer sees every figure the good rows give and, for each bad one, its line and column
//! and what to do.

use schemars::JsonSchema;
use serde::Serialize;

use super::period::Period;
use plr_core::model::PlrId;

/// What an allocation row says of its auditor this month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AllocationState {
    /// Allocated an audit this month.
    Allocated,
    /// Not auditing at all: moderators, 0.5 FTE and under on their off month, extended
    /// absence, MASH.
    StandingExemption,
    /// Allocated, then exempted by a Director for this month only (still counted allocated).
    MonthExemption,
    /// An alternate-month auditor's month off.
    OffMonth,
}

impl AllocationState {
    /// Every state, in the order the spec lists them.
    pub const ALL: [AllocationState; 4] = [
        AllocationState::Allocated,
        AllocationState::StandingExemption,
        AllocationState::MonthExemption,
        AllocationState::OffMonth,
    ];

    /// The state as written in the file: `allocated`, `standing_exemption`, …
    pub fn key(self) -> &'static str {
        match self {
            AllocationState::Allocated => "allocated",
            AllocationState::StandingExemption => "standing_exemption",
            AllocationState::MonthExemption => "month_exemption",
            AllocationState::OffMonth => "off_month",
        }
    }

    /// Reads a state, ignoring case and surrounding spaces, with spaces or hyphens for
    /// underscores ("Month exemption" is `month_exemption`).
    pub fn parse(text: &str) -> Option<AllocationState> {
        let key = column_key(text);
        AllocationState::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the row counts among the audits allocated: `allocated`, or `month_exemption`
    /// (a month exemption is given after allocation).
    pub fn counts_as_allocated(self) -> bool {
        matches!(
            self,
            AllocationState::Allocated | AllocationState::MonthExemption
        )
    }
}

/// One auditor's month, as loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AllocationRow {
    /// The line of the file it starts on (the header is line 1).
    pub line: u64,
    /// The month (always a [`Period::Month`]).
    #[serde(serialize_with = "label")]
    #[schemars(with = "String")]
    pub month: Period,
    /// The auditor's name as written (trimmed); compared with the reviewer's name by
    /// [`auditor_key`].
    pub auditor: String,
    /// The team the audit is allocated from (trimmed; may be blank for an exemption or off
    /// month).
    pub team: String,
    /// Who chases a nil return (trimmed; may be blank for an exemption or off month).
    pub head_of_service: String,
    /// The state.
    pub state: AllocationState,
    /// The allocated PLR, when the file names it: matched by id rather than by auditor.
    pub plr_id: Option<PlrId>,
}

fn label<S: serde::Serializer>(period: &Period, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&period.label())
}

/// The columns of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum AllocationColumn {
    Month,
    Auditor,
    Team,
    HeadOfService,
    State,
    PlrId,
}

impl AllocationColumn {
    /// Every column, in the spec's order.
    pub const ALL: [AllocationColumn; 6] = [
        AllocationColumn::Month,
        AllocationColumn::Auditor,
        AllocationColumn::Team,
        AllocationColumn::HeadOfService,
        AllocationColumn::State,
        AllocationColumn::PlrId,
    ];

    /// Its name in the header: `month`, `head_of_service`, …
    pub fn key(self) -> &'static str {
        match self {
            AllocationColumn::Month => "month",
            AllocationColumn::Auditor => "auditor",
            AllocationColumn::Team => "team",
            AllocationColumn::HeadOfService => "head_of_service",
            AllocationColumn::State => "state",
            AllocationColumn::PlrId => "plr_id",
        }
    }

    /// Whether the file must have it (`plr_id` is optional).
    pub fn required(self) -> bool {
        self != AllocationColumn::PlrId
    }
}

/// A problem in the allocation file, where a spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AllocationProblem {
    /// The line (the header is line 1).
    pub line: u64,
    /// The column concerned, if one is.
    pub column: Option<AllocationColumn>,
    /// Its place in the file (1 is column A), when it is there.
    pub position: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl AllocationProblem {
    /// `line 4, column E (state)`, `line 1, column plr_id` or `line 7`.
    pub fn place(&self) -> String {
        match (self.column, self.position) {
            (Some(c), Some(p)) => {
                format!("line {}, column {} ({})", self.line, letters(p), c.key())
            }
            (Some(c), None) => format!("line {}, column {}", self.line, c.key()),
            (None, Some(p)) => format!("line {}, column {}", self.line, letters(p)),
            (None, None) => format!("line {}", self.line),
        }
    }
}

impl std::fmt::Display for AllocationProblem {
    /// `line 4, column E (state): …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// A spreadsheet's column letters: 1 is `A`, 27 is `AA`.
fn letters(mut position: usize) -> String {
    let mut out = Vec::new();
    while position > 0 {
        let rem = (position - 1) % 26;
        out.push(b'A' + rem as u8);
        position = (position - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A header or state as compared: trimmed, lower case, spaces and hyphens as underscores.
fn column_key(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split([' ', '-', '_'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// An auditor's name as compared with a reviewer's: case ignored, surrounding spaces dropped
/// and runs of spaces inside taken as one ("  a.  patel " is "A. Patel").
pub fn auditor_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An allocation file, read: the rows that loaded and the problems of those that did not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Allocation {
    /// The rows that loaded, in file order.
    pub rows: Vec<AllocationRow>,
    /// Each problem, in file order; a row with one is left out.
    pub problems: Vec<AllocationProblem>,
}

impl Allocation {
    /// Reads an allocation file's bytes (UTF-8, an optional byte order mark, comma separated,
    /// quoted fields allowed, columns in any order, headers compared as [`AllocationState::parse`]
    /// compares states, other columns ignored). A missing required column is one problem
    /// for the file, and then no row loads; an entirely blank row is skipped.
    pub fn read(bytes: &[u8]) -> Allocation {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut allocation = Allocation::default();
        let mut records = reader.byte_records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(e)) => {
                allocation.problem(1, None, None, format!("the first line cannot be read: {e}"));
                return allocation;
            }
            None => {
                let message = "the file is empty: its first line must name the columns month, auditor, team, head_of_service, state (and, if you like, plr_id)";
                allocation.problem(1, None, None, message.into());
                return allocation;
            }
        };
        let names: Vec<String> = header
            .iter()
            .map(|h| column_key(&String::from_utf8_lossy(h)))
            .collect();
        let place = |c: AllocationColumn| names.iter().position(|n| n == c.key());
        let places: Vec<(AllocationColumn, Option<usize>)> =
            AllocationColumn::ALL.map(|c| (c, place(c))).into();
        for (column, at) in &places {
            if at.is_none() && column.required() {
                let message = format!(
                    "the column {} is missing: add it to the first line (the columns are month, auditor, team, head_of_service, state and plr_id)",
                    column.key()
                );
                allocation.problem(1, Some(*column), None, message);
            }
        }
        if !allocation.problems.is_empty() {
            return allocation;
        }
        // (month, auditor) of each row read so far, with its line.
        let mut seen: std::collections::HashMap<(Period, String), u64> = Default::default();
        for record in records {
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    allocation.problem(line, None, None, format!("cannot be read: {e}"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            let before = allocation.problems.len();
            let mut cell = |column: AllocationColumn| -> String {
                let Some(at) = places.iter().find(|(c, _)| *c == column).and_then(|p| p.1) else {
                    return String::new();
                };
                let bytes = record.get(at).unwrap_or_default();
                if std::str::from_utf8(bytes).is_err() {
                    let message = "is not UTF-8 text: save the file as \"CSV UTF-8\"".into();
                    allocation.problem(line, Some(column), Some(at + 1), message);
                }
                String::from_utf8_lossy(bytes).trim().to_string()
            };
            let fields = AllocationColumn::ALL.map(&mut cell);
            let [month, auditor, team, head, state, plr_id] = fields;
            let at = |c: AllocationColumn| places.iter().find(|(k, _)| *k == c).and_then(|p| p.1);
            let mut bad = |column: AllocationColumn, message: String| {
                let position = at(column).map(|p| p + 1);
                allocation.problem(line, Some(column), position, message);
            };
            let month = match Period::parse(&month) {
                Ok(m @ Period::Month(..)) => Some(m),
                _ if month.is_empty() => {
                    bad(
                        AllocationColumn::Month,
                        "is blank: write the month as 2022-07".into(),
                    );
                    None
                }
                _ => {
                    let message = format!("\"{month}\" is not a month: write the month as 2022-07");
                    bad(AllocationColumn::Month, message);
                    None
                }
            };
            if auditor.is_empty() {
                bad(
                    AllocationColumn::Auditor,
                    "is blank: write the auditor's name as they type it in the form".into(),
                );
            }
            let state = match AllocationState::parse(&state) {
                Some(s) => Some(s),
                None => {
                    let what = if state.is_empty() {
                        "is blank".to_string()
                    } else {
                        format!("\"{state}\" is not a state")
                    };
                    let message = format!(
                        "{what}: write allocated, standing_exemption, month_exemption or off_month"
                    );
                    bad(AllocationColumn::State, message);
                    None
                }
            };
            if state.is_some_and(AllocationState::counts_as_allocated) {
                if team.is_empty() {
                    let message =
                        "is blank: write the team the audit is allocated from".to_string();
                    bad(AllocationColumn::Team, message);
                }
                if head.is_empty() {
                    let message =
                        "is blank: write the Head of Service who chases a nil return".to_string();
                    bad(AllocationColumn::HeadOfService, message);
                }
            }
            let plr_id = match plr_id.as_str() {
                "" => None,
                text => match uuid::Uuid::parse_str(text) {
                    Ok(id) => Some(PlrId(id)),
                    Err(_) => {
                        let message = format!(
                            "\"{text}\" is not a PLR id: copy the id from the export (like 0f8fad5b-d9cb-469f-a165-70867728950e), or leave it blank"
                        );
                        bad(AllocationColumn::PlrId, message);
                        None
                    }
                },
            };
            if let (Some(month), false) = (month, auditor.is_empty()) {
                let key = (month, auditor_key(&auditor));
                match seen.get(&key) {
                    Some(first) => {
                        let message = format!(
                            "\"{auditor}\" is already listed for {} on line {first}: list each auditor once a month",
                            month.words()
                        );
                        bad(AllocationColumn::Auditor, message);
                    }
                    None => {
                        seen.insert(key, line);
                    }
                }
            }
            if allocation.problems.len() > before {
                continue;
            }
            if let (Some(month), Some(state)) = (month, state) {
                allocation.rows.push(AllocationRow {
                    line,
                    month,
                    auditor,
                    team,
                    head_of_service: head,
                    state,
                    plr_id,
                });
            }
        }
        allocation
    }

    fn problem(
        &mut self,
        line: u64,
        column: Option<AllocationColumn>,
        position: Option<usize>,
        message: String,
    ) {
        self.problems.push(AllocationProblem {
            line,
            column,
            position,
            message,
        });
    }

    /// The rows of `period`'s months.
    pub fn rows_in(&self, period: Period) -> impl Iterator<Item = &AllocationRow> + '_ {
        self.rows
            .iter()
            .filter(move |r| period.contains(r.month.first_day()))
    }
}
