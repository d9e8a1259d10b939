//! Case of Concern: its 24-hour deadline, and the substance an immediate concern needs before
//! a review can be completed (`grading.md`, `domain.md`).
//!
//! The clock runs from the first of: the immediate concern flag set
//! (`judgement.immediate_concern_at`), the review first completed with an inadequate final
//! grade (`judgement.first_completed_inadequate_at`), a moderated inadequate grade
//! (`moderation.moderated_at`). Reopening clears none of these, so it never restarts the clock.

use chrono::{DateTime, Duration, Utc};

use crate::model::{Grade, Judgement, Plr, Status};

/// Who a Case of Concern must be shared with.
pub const SHARE_WITH: &str = "the Head of Service";

/// How long after the moment that made it one a Case of Concern must be shared.
pub const SHARE_WITHIN_HOURS: i64 = 24;

/// The moment the review first became a Case of Concern, if it has come (a draft whose final
/// grade is inadequate only becomes one when completed): when it was [`raised`]. It stays one
/// for its deadline and its sharing even when a moderator later upgrades the grade.
pub fn concern_since(plr: &Plr) -> Option<DateTime<Utc>> {
    raised(plr).map(|(at, _)| at)
}

/// What made a review a Case of Concern (`followthrough.md`: why it was raised).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RaisedBy {
    /// The immediate concern flag was set.
    ImmediateConcern,
    /// The review was completed with an inadequate final grade.
    CompletedInadequate,
    /// A moderator graded it inadequate.
    ModeratedInadequate,
}

impl RaisedBy {
    /// "Immediate concern", "Completed inadequate", "Moderated inadequate".
    pub fn label(self) -> &'static str {
        match self {
            RaisedBy::ImmediateConcern => "Immediate concern",
            RaisedBy::CompletedInadequate => "Completed inadequate",
            RaisedBy::ModeratedInadequate => "Moderated inadequate",
        }
    }
}

/// When a review was raised as a Case of Concern, and by what: the first of the immediate
/// concern flag set, the first completion as inadequate and a moderation to inadequate. Once
/// raised it stays raised: a moderation that later upgrades the grade, or a reopening, does
/// not remove it (`followthrough.md`), unlike [`concern_since`], which follows the review as
/// it stands for the completion rules.
pub fn raised(plr: &Plr) -> Option<(DateTime<Utc>, RaisedBy)> {
    let j = &plr.judgement;
    let flagged = j.immediate_concern_at.filter(|_| j.immediate_concern);
    let completed = j.first_completed_inadequate_at.or_else(|| {
        plr.completed_at
            .filter(|_| plr.status == Status::Completed && j.final_grade == Some(Grade::Inadequate))
    });
    let moderated = plr
        .moderation
        .as_ref()
        .filter(|m| m.grade == Grade::Inadequate)
        .map(|m| m.moderated_at);
    // A moderation to inadequate that a later moderation upgraded keeps its moment only in the
    // deadline it set (`followthrough.md`: `share_by` minus 24 hours).
    let superseded = plr
        .moderation
        .as_ref()
        .filter(|m| m.grade != Grade::Inadequate)
        .and(j.share_by)
        .map(|by| by - Duration::hours(SHARE_WITHIN_HOURS));
    [
        flagged.map(|at| (at, RaisedBy::ImmediateConcern)),
        completed.map(|at| (at, RaisedBy::CompletedInadequate)),
        moderated.map(|at| (at, RaisedBy::ModeratedInadequate)),
        superseded.map(|at| (at, RaisedBy::ModeratedInadequate)),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// Whether the PLR is a Case of Concern: an immediate concern, or a reported grade (the
/// moderator's grade if moderated, else the final grade) of inadequate.
pub fn is_case_of_concern(plr: &Plr) -> bool {
    plr.judgement.immediate_concern || plr.reported_grade() == Some(Grade::Inadequate)
}

/// Whether `plr` is a Case of Concern now, or was raised as one (a moderator has since
/// upgraded its grade): either way its sharing is followed.
pub fn is_or_was_case_of_concern(plr: &Plr) -> bool {
    is_case_of_concern(plr) || raised(plr).is_some()
}

/// The Case of Concern's deadline: [`SHARE_WITHIN_HOURS`] after [`concern_since`].
pub fn share_by(plr: &Plr) -> Option<DateTime<Utc>> {
    concern_since(plr).map(|at| at + Duration::hours(SHARE_WITHIN_HOURS))
}

/// What must happen with a Case of Concern, next to its deadline as the user reads it (local
/// date and time), or before it has one.
pub fn share_instruction(deadline: Option<&str>) -> String {
    match deadline {
        Some(at) => format!(
            "It must be shared with {SHARE_WITH} within {SHARE_WITHIN_HOURS} hours: by {at}."
        ),
        None => format!(
            "It must be shared with {SHARE_WITH} within {SHARE_WITHIN_HOURS} hours of being completed."
        ),
    }
}

/// Whether a Case of Concern due by `share_by` and shared at `shared_at` was shared in time:
/// at the deadline itself is in time, a second after it is late.
pub fn shared_in_time(share_by: DateTime<Utc>, shared_at: DateTime<Utc>) -> bool {
    shared_at <= share_by
}

/// Where a Case of Concern stands against its 24 hours at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcernClock {
    /// Not shared yet; this long is left.
    Due(Duration),
    /// Not shared, and the deadline passed this long ago.
    Overdue(Duration),
    /// Shared by the deadline.
    SharedInTime,
    /// Shared after the deadline.
    SharedLate,
}

impl ConcernClock {
    /// Where `plr`'s Case of Concern stands at `now`; `None` if it is not one with a deadline.
    pub fn of(plr: &Plr, now: DateTime<Utc>) -> Option<ConcernClock> {
        Some(Self::at(
            share_by(plr)?,
            plr.judgement.concern_shared_at,
            now,
        ))
    }

    /// Where a Case of Concern due by `deadline`, shared at `shared_at` (if it was), stands at
    /// `now`: what a list of reviews can tell without the reviews themselves.
    pub fn at(
        deadline: DateTime<Utc>,
        shared_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> ConcernClock {
        match shared_at {
            Some(at) if shared_in_time(deadline, at) => ConcernClock::SharedInTime,
            Some(_) => ConcernClock::SharedLate,
            None if now <= deadline => ConcernClock::Due(deadline - now),
            None => ConcernClock::Overdue(now - deadline),
        }
    }

    /// Whether it still has to be shared and its deadline has passed.
    pub fn is_overdue(self) -> bool {
        matches!(self, ConcernClock::Overdue(_))
    }

    /// In words: "3 hours 20 minutes left to share it", "Not shared: overdue by 3 days",
    /// "Shared in time".
    pub fn label(self) -> String {
        match self {
            ConcernClock::Due(left) => format!("{} left to share it", span(left)),
            ConcernClock::Overdue(by) => format!("Not shared: overdue by {}", span(by)),
            ConcernClock::SharedInTime => "Shared in time".into(),
            ConcernClock::SharedLate => "Shared after the deadline".into(),
        }
    }
}

/// A Case of Concern in a list of reviews, in a few words: with whom and when it was shared
/// (`shared_on`: that moment as the user reads it), or how overdue it is, or its deadline
/// (`share_by`, likewise). "Case of Concern: shared with P. Singh on Sun 6 Dec 2026 at 19:45".
pub fn concern_standing(
    clock: ConcernClock,
    shared_with: &str,
    shared_on: Option<&str>,
    share_by: &str,
) -> String {
    format!(
        "Case of Concern: {}",
        sharing_words(clock, shared_with, shared_on, share_by)
    )
}

/// The sharing of a Case of Concern in a few words, as the QA dashboard's table says it:
/// "Shared with P. Singh on 6 Dec at 19:45", "Shared with P. Singh on 8 Dec at 10:00, after
/// the deadline", "Not shared, overdue by 3 days", "Share by …".
pub fn sharing_summary(
    clock: ConcernClock,
    shared_with: &str,
    shared_on: Option<&str>,
    share_by: &str,
) -> String {
    let mut words = sharing_words(clock, shared_with, shared_on, share_by);
    // Every sentence starts with an ASCII word ("shared", "not"): no Unicode case tables.
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// Who a Case of Concern was shared with, as the record says it: the name given, else
/// [`SHARE_WITH`].
fn shared_with(name: &str) -> &str {
    match name.trim() {
        "" => SHARE_WITH,
        name => name,
    }
}

/// The record of its sharing, `on` being the moment as the user reads it: "Shared with
/// D. Head on Fri 20 Nov 2026 at 10:55." (the notice on the page and the printed record).
pub fn sharing_record(shared_with_name: &str, on: &str) -> String {
    format!("Shared with {} on {on}.", shared_with(shared_with_name))
}

/// [`sharing_summary`]'s words, starting in lower case.
fn sharing_words(
    clock: ConcernClock,
    shared_with: &str,
    shared_on: Option<&str>,
    share_by: &str,
) -> String {
    let with = self::shared_with(shared_with);
    match (clock, shared_on) {
        (ConcernClock::SharedInTime, Some(on)) => format!("shared with {with} on {on}"),
        (ConcernClock::SharedLate, Some(on)) => {
            format!("shared with {with} on {on}, after the deadline")
        }
        (ConcernClock::Overdue(by), _) => format!("not shared, overdue by {}", span(by)),
        _ => format!("share by {share_by}"),
    }
}

/// A length of time in words, in whole units rounded down: hours and minutes up to two days,
/// as a 24-hour deadline is read ("1 hour 5 minutes", "47 hours", "less than a minute"), then
/// days ("1696 days", not "40704 hours").
pub fn span(d: Duration) -> String {
    let minutes = d.num_minutes();
    let (h, m) = (minutes / 60, minutes % 60);
    let unit = |n: i64, one: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    };
    match (h, m) {
        (48.., _) => unit(d.num_days(), "day"),
        (0, 0) => "less than a minute".into(),
        (0, m) => unit(m, "minute"),
        (h, 0) => unit(h, "hour"),
        (h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

/// Why recording that a Case of Concern was shared was refused, or what is missing from the
/// record of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SharingProblem {
    /// It is recorded as shared (or about to be) with nobody named.
    #[error("Enter the name of the Head of Service it was shared with")]
    NoName,
}

/// The problem with a recorded sharing, if any: it says the concern was shared, but not with
/// whom (the name was cleared after the tick).
pub fn sharing_problem(j: &Judgement) -> Option<SharingProblem> {
    (j.concern_shared_at.is_some() && j.concern_shared_with.trim().is_empty())
        .then_some(SharingProblem::NoName)
}

impl Judgement {
    /// Sets or clears the immediate concern flag at `now`. Setting it records the moment (kept
    /// if it was already set); clearing it clears the moment. The details typed are kept.
    pub fn flag_immediate_concern(&mut self, flagged: bool, now: DateTime<Utc>) {
        self.immediate_concern = flagged;
        self.immediate_concern_at = if flagged {
            Some(self.immediate_concern_at.unwrap_or(now))
        } else {
            None
        };
    }

    /// Records that the Case of Concern was shared (at `now`, kept if it was already
    /// recorded), or clears that record. Recording it needs the name of the Head of Service it
    /// was shared with: without it the record would say nothing of who was told.
    pub fn record_sharing(
        &mut self,
        shared: bool,
        now: DateTime<Utc>,
    ) -> Result<(), SharingProblem> {
        if shared && self.concern_shared_with.trim().is_empty() {
            return Err(SharingProblem::NoName);
        }
        self.concern_shared_at = shared.then(|| self.concern_shared_at.unwrap_or(now));
        Ok(())
    }
}

#[cfg(test)]
mod tests;
