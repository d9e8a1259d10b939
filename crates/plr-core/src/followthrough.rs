//! Follow-through (`followthrough.md`): a Case of Concern kept until a Head of Service is
//! assured, and actions followed until done. The rules for recording a Head of Service's
//! update (one function, for the form and the dashboard alike), the day a follow-up change of
//! an action is recorded (`updated_on`), and an action's outcome as of a date.

use chrono::{DateTime, NaiveDate, Utc};

use crate::concern::raised;
use crate::form::catalogue::{Recorded, UpdateField};
use crate::limits::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::model::{Action, ActionStatus, ConcernOutcome, ConcernUpdate, Plr, Status};

/// Why a Head of Service's update cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UpdateProblem {
    /// Only a completed review carries updates.
    #[error("Only a completed review can have a Head of Service update")]
    NotCompleted,
    /// The review is not, and never was, a Case of Concern.
    #[error("This review was never a Case of Concern, so it has no Head of Service updates")]
    NeverACaseOfConcern,
    /// Nobody is named.
    #[error("{}", UpdateField::By.missing())]
    NoName,
    /// Dated before the concern was raised.
    #[error("The update cannot be dated before the Case of Concern was raised")]
    BeforeRaised,
    /// Dated after today.
    #[error("The date of the update cannot be in the future")]
    InTheFuture,
    /// Resolved without both assurances.
    #[error("A Case of Concern is resolved only when the Head of Service is assured both that the child is safe and that a plan is in place")]
    ResolvedWithoutAssurance,
    /// A name or note longer than the form's limits.
    #[error("The name or the note is longer than the limit")]
    TooLong,
}

impl UpdateProblem {
    /// The question the problem is about, for an error summary's link (`None` for the review
    /// as a whole).
    pub fn field(self) -> Option<UpdateField> {
        match self {
            UpdateProblem::NotCompleted | UpdateProblem::NeverACaseOfConcern => None,
            UpdateProblem::NoName | UpdateProblem::TooLong => Some(UpdateField::By),
            UpdateProblem::BeforeRaised | UpdateProblem::InTheFuture => Some(UpdateField::On),
            UpdateProblem::ResolvedWithoutAssurance => Some(UpdateField::Outcome),
        }
    }
}

/// Why no update at all can be recorded on `plr`, whatever its answers: it is not completed,
/// it never was a Case of Concern (each that holds, in that order).
pub fn updates_refused(plr: &Plr) -> impl Iterator<Item = UpdateProblem> {
    let not_completed = (plr.status != Status::Completed).then_some(UpdateProblem::NotCompleted);
    let never = raised(plr)
        .is_none()
        .then_some(UpdateProblem::NeverACaseOfConcern);
    not_completed.into_iter().chain(never)
}

/// Everything wrong with recording `update` on `plr`; `today` (the user's date) bounds its day
/// when known (an import has no today of its own, and checks the rest).
pub fn update_problems(
    plr: &Plr,
    update: &ConcernUpdate,
    today: Option<NaiveDate>,
) -> Vec<UpdateProblem> {
    let mut out: Vec<UpdateProblem> = updates_refused(plr).collect();
    if raised(plr).is_some_and(|(at, _)| update.on < at.date_naive()) {
        out.push(UpdateProblem::BeforeRaised);
    }
    if update.by.trim().is_empty() {
        out.push(UpdateProblem::NoName);
    }
    if update.by.chars().count() > MAX_SHORT_CHARS || update.note.chars().count() > MAX_TEXT_CHARS {
        out.push(UpdateProblem::TooLong);
    }
    if today.is_some_and(|today| update.on > today) {
        out.push(UpdateProblem::InTheFuture);
    }
    if update.outcome == ConcernOutcome::Resolved && !(update.child_safe && update.plan_in_place) {
        out.push(UpdateProblem::ResolvedWithoutAssurance);
    }
    out
}

/// Records a Head of Service's `update` on `plr` (kept oldest first; an update on the same day
/// goes after those already there), at `now`, on `today`; refused, with every problem, when
/// [`update_problems`] finds any. The review's `updated_at` moves; nothing else changes.
pub fn record_concern_update(
    plr: &mut Plr,
    mut update: ConcernUpdate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), Vec<UpdateProblem>> {
    update.by = update.by.trim().to_string();
    let problems = update_problems(plr, &update, Some(today));
    if !problems.is_empty() {
        return Err(problems);
    }
    let at = plr
        .concern_updates
        .partition_point(|earlier| earlier.on <= update.on);
    plr.concern_updates.insert(at, update);
    plr.updated_at = now;
    Ok(())
}

/// Whether two updates are one (`followthrough.md`): the same day, Head of Service and outcome.
pub fn same_update(a: &ConcernUpdate, b: &ConcernUpdate) -> bool {
    a.on == b.on && a.by.trim() == b.by.trim() && a.outcome == b.outcome
}

/// Two copies' updates, each once ([`same_update`]), oldest first; the same whichever copy
/// is given first.
pub fn union_updates(a: &[ConcernUpdate], b: &[ConcernUpdate]) -> Vec<ConcernUpdate> {
    let mut all = a.to_vec();
    for update in b {
        if !all.iter().any(|kept| same_update(kept, update)) {
            all.push(update.clone());
        }
    }
    all.sort_by(|x, y| {
        (x.on, x.by.trim(), x.outcome.label()).cmp(&(y.on, y.by.trim(), y.outcome.label()))
    });
    all
}

/// The update that resolved the concern, if one did.
pub fn resolution(plr: &Plr) -> Option<&ConcernUpdate> {
    plr.concern_updates
        .iter()
        .find(|u| u.outcome == ConcernOutcome::Resolved)
}

/// Where a Case of Concern stands on the register on a day (`followthrough.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterState {
    /// Still tracked: open this many whole months since it was raised; an update is due when
    /// none is dated in this month.
    Open {
        /// Whole months since the day it was raised.
        months: u32,
        /// No Head of Service update dated in this month.
        update_due: bool,
    },
    /// A Head of Service was assured: resolved on that day, by them.
    Resolved {
        /// The day of the resolving update.
        on: NaiveDate,
        /// The Head of Service.
        by: String,
    },
}

impl RegisterState {
    /// Where `plr` stands on `today`; `None` when it was never raised as a Case of Concern.
    pub fn of(plr: &Plr, today: NaiveDate) -> Option<RegisterState> {
        let (raised_at, _) = raised(plr)?;
        if let Some(resolved) = resolution(plr).filter(|u| u.on <= today) {
            return Some(RegisterState::Resolved {
                on: resolved.on,
                by: resolved.by.clone(),
            });
        }
        let update_due = !plr
            .concern_updates
            .iter()
            .any(|u| same_month(u.on, today) && u.on <= today);
        Some(RegisterState::Open {
            months: months_between(raised_at.date_naive(), today),
            update_due,
        })
    }

    /// "Open for 14 months: update due this month", "Open for less than a month: updated this
    /// month", "Resolved on 15 July 2022 by P. Singh" (`long_date`: a day as the user reads it).
    pub fn label(&self, long_date: impl Fn(NaiveDate) -> String) -> String {
        match self {
            RegisterState::Open { months, update_due } => {
                let open = match months {
                    0 => "Open for less than a month".to_string(),
                    1 => "Open for 1 month".to_string(),
                    n => format!("Open for {n} months"),
                };
                let update = if *update_due {
                    "update due this month"
                } else {
                    "updated this month"
                };
                format!("{open}: {update}")
            }
            RegisterState::Resolved { on, by } => {
                format!("Resolved on {} by {by}", long_date(*on))
            }
        }
    }
}

/// Whether two days fall in the same calendar month.
pub fn same_month(a: NaiveDate, b: NaiveDate) -> bool {
    use chrono::Datelike;
    (a.year(), a.month()) == (b.year(), b.month())
}

/// Whole calendar months from `from` to `to` (0 when `to` is earlier): 10 May 2021 to 9 July
/// 2022 is 13, to 10 July 2022 is 14.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let months = months - i32::from(to.day() < from.day());
    u32::try_from(months).unwrap_or(0)
}

/// The follow-up fields of an action: what may change after completion.
fn follow_up(a: &Action) -> (ActionStatus, Option<NaiveDate>, Option<NaiveDate>, &str) {
    (a.status, a.completed_on, a.transferred_on, &a.progress_note)
}

/// Sets `updated_on` = `today` on each action of `after` whose follow-up fields (status,
/// `completed_on`, `transferred_on`, `progress_note`) differ from the same action (by id) in
/// `before`, on a completed review; returns whether any was set. `updated_on` is never typed:
/// this is how it is kept.
pub fn note_follow_up(before: &[Action], after: &mut Plr, today: NaiveDate) -> bool {
    if after.status != Status::Completed {
        return false;
    }
    let mut changed = false;
    for action in &mut after.actions {
        let was = before.iter().find(|b| b.id == action.id);
        if was.is_some_and(|was| follow_up(was) != follow_up(action))
            && action.updated_on != Some(today)
        {
            action.updated_on = Some(today);
            changed = true;
        }
    }
    changed
}

impl Action {
    /// Sets the status, keeping the day of a transfer with it: `today` when it becomes
    /// transferred (the user can then correct it), `None` when it stops being transferred.
    pub fn set_status(&mut self, status: ActionStatus, today: NaiveDate) {
        if status == ActionStatus::Transferred {
            self.transferred_on.get_or_insert(today);
        } else {
            self.transferred_on = None;
        }
        self.status = status;
    }

    /// The day it was closed: completed on, or transferred on.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        closed_on(self.status, self.completed_on, self.transferred_on)
    }
}

/// The day an action with these fields was closed: `completed_on` (completed) or
/// `transferred_on` (transferred).
pub fn closed_on(
    status: ActionStatus,
    completed_on: Option<NaiveDate>,
    transferred_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match status {
        ActionStatus::Completed => completed_on,
        ActionStatus::Transferred => transferred_on,
        ActionStatus::Open | ActionStatus::ServiceEnded => None,
    }
}

/// An action's outcome as of a date D (`followthrough.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionOutcome {
    /// Closed on or before D, by its due date (or it had none).
    OnTime,
    /// Closed on or before D, after its due date.
    Late,
    /// Not closed by D, and due before D, with an update recorded by D.
    Overdue,
    /// Not closed by D, and due on or after D, with an update recorded by D.
    NotYetDue,
    /// Not closed by D, and no update recorded by D: the team manager has not yet said how it
    /// stands, whatever its due date.
    NoUpdate,
    /// The service to the child ended first: set aside.
    ServiceEnded,
}

impl ActionOutcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [ActionOutcome; 6] = [
        ActionOutcome::OnTime,
        ActionOutcome::Late,
        ActionOutcome::Overdue,
        ActionOutcome::NotYetDue,
        ActionOutcome::NoUpdate,
        ActionOutcome::ServiceEnded,
    ];

    /// The outcome as of `as_of` of an action with these fields.
    pub fn of(
        status: ActionStatus,
        due_on: Option<NaiveDate>,
        closed_on: Option<NaiveDate>,
        updated_on: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> ActionOutcome {
        if status == ActionStatus::ServiceEnded {
            return ActionOutcome::ServiceEnded;
        }
        match (closed_on.filter(|on| *on <= as_of), due_on) {
            (Some(on), Some(due)) if on > due => ActionOutcome::Late,
            (Some(_), _) => ActionOutcome::OnTime,
            (None, _) if updated_on.is_none_or(|on| on > as_of) => ActionOutcome::NoUpdate,
            (None, Some(due)) if due < as_of => ActionOutcome::Overdue,
            (None, _) => ActionOutcome::NotYetDue,
        }
    }

    /// "On time", "Late", "Overdue", "Not yet due", "No update", "Service ended".
    pub fn label(self) -> &'static str {
        match self {
            ActionOutcome::OnTime => "On time",
            ActionOutcome::Late => "Late",
            ActionOutcome::Overdue => "Overdue",
            ActionOutcome::NotYetDue => "Not yet due",
            ActionOutcome::NoUpdate => "No update",
            ActionOutcome::ServiceEnded => "Service ended",
        }
    }
}

impl Action {
    /// This action's outcome as of `as_of` ([`ActionOutcome::of`]).
    pub fn outcome(&self, as_of: NaiveDate) -> ActionOutcome {
        ActionOutcome::of(
            self.status,
            self.due_on,
            self.closed_on(),
            self.updated_on,
            as_of,
        )
    }
}

#[cfg(test)]
mod tests;
