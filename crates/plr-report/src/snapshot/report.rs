//! The snapshot as output: exactly the machine-readable contract of `snapshot.md`, plus
//! breakdowns, cases of concern, merged team spellings and rejected files.

use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::tally::Measures;
use plr_core::concern::RaisedBy;
use plr_core::model::{Grade, LegalStatus, PlrId};

/// The filters the snapshot was computed with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Filters {
    /// Only this team (compared trimmed and case-folded), or `null` for all.
    pub team: Option<String>,
    /// Only this legal status, or `null` for all.
    pub legal_status: Option<LegalStatus>,
}

/// The measures of one month or quarter of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PeriodMeasures {
    /// `2022-01` or `Q1 22/23`.
    pub period: String,
    /// PLRs counted.
    pub plrs: u32,
    /// Every measure, as for the whole period.
    pub measures: Measures,
}

/// The grade measures of one legal status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LegalStatusMeasures {
    /// The legal status.
    pub legal_status: LegalStatus,
    /// PLRs counted.
    pub plrs: u32,
    /// The grade measures.
    pub measures: Measures,
}

/// The grade measures of one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TeamMeasures {
    /// The team, in its most common spelling.
    pub team: String,
    /// PLRs counted.
    pub plrs: u32,
    /// The grade measures.
    pub measures: Measures,
}

/// One practice area's band distribution (from `judgement.suggested.areas`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AreaMeasures {
    /// The framework area id, e.g. `assessment`.
    pub area: String,
    /// The area's title, when the framework is known.
    pub title: Option<String>,
    /// PLRs in which the area had a band.
    pub assessed: u32,
    /// The grade measures of the area's bands.
    pub measures: Measures,
}

/// Team names that were typed differently and counted as one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MergedTeam {
    /// The spelling shown (the most common one).
    pub team: String,
    /// Every spelling found (trimmed), most common first.
    pub spellings: Vec<String>,
}

/// One Case of Concern in the period: every review of the period raised as one, including one
/// a moderator later upgraded (once raised it stays raised), with its sharing record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Concern {
    /// The PLR's id.
    pub id: PlrId,
    /// The child's case reference.
    pub child_ref: String,
    /// The team.
    pub team: String,
    /// The review date.
    pub review_date: Option<NaiveDate>,
    /// The reported grade (moderated, else final).
    pub reported_grade: Option<Grade>,
    /// Whether an immediate concern was flagged.
    pub immediate_concern: bool,
    /// The reviewer's final grade (the reported grade supersedes it once moderated).
    #[serde(default)]
    pub final_grade: Option<Grade>,
    /// What raised it: an immediate concern, a completion as inadequate, a moderation to
    /// inadequate.
    #[serde(default)]
    pub raised_by: Option<RaisedBy>,
    /// When it was raised.
    #[serde(default)]
    pub raised_at: Option<DateTime<Utc>>,
    /// When it had to be shared with the Head of Service.
    #[serde(default)]
    pub share_by: Option<DateTime<Utc>>,
    /// Who it was shared with ("" when nobody is recorded).
    #[serde(default)]
    pub shared_with: String,
    /// When it was recorded as shared.
    #[serde(default)]
    pub shared_at: Option<DateTime<Utc>>,
}

/// A problem in a rejected file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct FileProblem {
    /// The JSON path of the problem (`$` for the whole file).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// A file that could not be counted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Rejected {
    /// The file as named.
    pub file: String,
    /// Its problems.
    pub problems: Vec<FileProblem>,
}

/// The Performance Snapshot of one period (`snapshot.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Snapshot {
    /// `2022-07`, `Q4 21/22` or `2022/23`.
    pub period: String,
    /// The period's first day.
    pub from: NaiveDate,
    /// The period's last day.
    pub to: NaiveDate,
    /// Actions are judged as of this date.
    pub as_of: NaiveDate,
    /// The filters applied.
    pub filters: Filters,
    /// Completed PLRs counted.
    pub plrs: u32,
    /// Drafts (after de-duplication) reviewed in the period and matching the filters: not
    /// counted (a draft with no review date belongs to no period).
    pub drafts_ignored: u32,
    /// Copies of an id loaded more than once that were merged into one.
    pub duplicates_merged: u32,
    /// Files that could not be read or are invalid.
    pub rejected_files: u32,
    /// Files found in directories that are not PLR exports.
    pub skipped_files: u32,
    /// Audits allocated for the period, when given: the allocation file's `audits_allocated`,
    /// else the number given.
    pub allocated: Option<u32>,
    /// The previous period of the same kind (direction of travel is against it).
    pub previous_period: String,
    /// Every measure for the period, each with the previous period's value.
    pub measures: Measures,
    /// Month by month.
    pub by_month: Vec<PeriodMeasures>,
    /// Quarter by quarter (for a financial year only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_quarter: Option<Vec<PeriodMeasures>>,
    /// The twelve months ending with the period's last month, whatever the period: the
    /// rolling trend of seed 003's Table 2.
    pub trend_by_month: Vec<PeriodMeasures>,
    /// The four quarters ending with the quarter of the period's last day.
    pub trend_by_quarter: Vec<PeriodMeasures>,
    /// Grade measures by legal status (those with PLRs).
    pub by_legal_status: Vec<LegalStatusMeasures>,
    /// Grade measures by team (those with PLRs).
    pub by_team: Vec<TeamMeasures>,
    /// Band distribution of each practice area.
    pub by_practice_area: Vec<AreaMeasures>,
    /// Team names typed in more than one way, counted as one team.
    pub teams_merged: Vec<MergedTeam>,
    /// The Cases of Concern of the period.
    pub concerns: Vec<Concern>,
    /// The files that were rejected, and why.
    pub rejected: Vec<Rejected>,
}
