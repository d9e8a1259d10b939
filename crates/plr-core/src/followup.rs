//! After the meeting: what of a completed review can still change without reopening it (its
//! actions' progress, and the record that a Case of Concern was shared: each question's
//! `after_completion` in [`crate::form::catalogue`]), and when an action is overdue.

use chrono::NaiveDate;

use crate::model::{Action, ActionStatus, Plr};

/// Whether an action with `status` due on `due_on` is overdue on `today`: still open and due
/// before today. A completed or transferred action is closed, never overdue; one with no due
/// date cannot be.
pub fn is_overdue(status: ActionStatus, due_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ActionStatus::Open && due_on.is_some_and(|due| due < today)
}

/// What an action's card marks against its due date: overdue (and by how many days), or
/// completed or transferred into the child's plan after it was due (and how many days late).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// Open, and due this many days before today.
    Overdue {
        /// Whole days since the due date (1 on the day after it).
        days: i64,
    },
    /// Completed this many days after its due date.
    CompletedLate {
        /// Whole days from the due date to the completion date.
        days: i64,
    },
    /// Transferred into the child's plan this many days after its due date.
    TransferredLate {
        /// Whole days from the due date to the transfer date.
        days: i64,
    },
}

impl Lateness {
    /// "Overdue by 3 days", "Completed 1 day late".
    pub fn label(self) -> String {
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_string()
            } else {
                format!("{n} days")
            }
        };
        match self {
            Lateness::Overdue { days: n } => format!("Overdue by {}", days(n)),
            Lateness::CompletedLate { days: n } => format!("Completed {} late", days(n)),
            Lateness::TransferredLate { days: n } => format!("Transferred {} late", days(n)),
        }
    }
}

impl Action {
    /// Whether this action is overdue on `today` (see [`is_overdue`]).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.due_on, today)
    }

    /// How late this action is on `today`, if it is: overdue, or completed or transferred after
    /// its due date. On time, not yet due, with no due date, or its service ended: `None`.
    pub fn lateness(&self, today: NaiveDate) -> Option<Lateness> {
        let due = self.due_on?;
        match self.status {
            ActionStatus::Open if due < today => Some(Lateness::Overdue {
                days: (today - due).num_days(),
            }),
            ActionStatus::Completed => {
                self.completed_on
                    .filter(|done| *done > due)
                    .map(|done| Lateness::CompletedLate {
                        days: (done - due).num_days(),
                    })
            }
            ActionStatus::Transferred => {
                self.transferred_on
                    .filter(|on| *on > due)
                    .map(|on| Lateness::TransferredLate {
                        days: (on - due).num_days(),
                    })
            }
            _ => None,
        }
    }
}

/// `plr` as the completion check saw it: without what may change once it is completed (each
/// action's status, completion and transfer dates, progress note and `updated_on`; the
/// sharing record; the Head of Service's updates; the moderation; the Ambassadors' review). Two copies equal once
/// stripped say the same as completed, whatever was followed up in each since.
pub fn as_completed(plr: &Plr) -> Plr {
    let mut plr = plr.clone();
    for action in &mut plr.actions {
        action.status = ActionStatus::Open;
        action.completed_on = None;
        action.transferred_on = None;
        action.updated_on = None;
        action.progress_note.clear();
    }
    plr.judgement.concern_shared_with.clear();
    plr.judgement.concern_shared_at = None;
    plr.concern_updates.clear();
    plr.moderation = None;
    plr.ambassadors_review = None;
    plr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 12, d)
    }

    #[test]
    fn an_open_action_is_overdue_from_the_day_after_it_was_due() {
        let today = day(10).unwrap();
        assert!(!is_overdue(ActionStatus::Open, day(10), today));
        assert!(is_overdue(ActionStatus::Open, day(9), today));
        assert!(!is_overdue(ActionStatus::Open, None, today));
    }

    #[test]
    fn a_closed_action_is_never_overdue() {
        let today = day(10).unwrap();
        assert!(!is_overdue(ActionStatus::Completed, day(1), today));
        assert!(!is_overdue(ActionStatus::Transferred, day(1), today));
        let action = Action {
            due_on: day(1),
            ..Action::new_after(&[])
        };
        assert!(action.is_overdue(today));
    }

    #[test]
    fn an_action_says_how_many_days_it_is_overdue_or_was_completed_or_transferred_late() {
        let today = day(10).unwrap();
        let action = |status, due_on, completed_on| Action {
            status,
            due_on,
            completed_on,
            ..Action::new_after(&[])
        };
        let lateness = |a: Action| a.lateness(today).map(Lateness::label);
        assert_eq!(lateness(action(ActionStatus::Open, day(10), None)), None);
        assert_eq!(
            lateness(action(ActionStatus::Open, day(9), None)).as_deref(),
            Some("Overdue by 1 day")
        );
        assert_eq!(
            lateness(action(ActionStatus::Open, day(1), None)).as_deref(),
            Some("Overdue by 9 days")
        );
        assert_eq!(
            lateness(action(ActionStatus::Completed, day(3), day(3))),
            None
        );
        assert_eq!(
            lateness(action(ActionStatus::Completed, day(3), day(5))).as_deref(),
            Some("Completed 2 days late")
        );
        assert_eq!(lateness(action(ActionStatus::Open, None, None)), None);
        let transferred = |due_on, on| Action {
            transferred_on: on,
            ..action(ActionStatus::Transferred, due_on, None)
        };
        assert_eq!(lateness(transferred(day(3), day(3))), None);
        assert_eq!(
            lateness(transferred(day(3), day(4))).as_deref(),
            Some("Transferred 1 day late")
        );
        assert_eq!(
            lateness(action(ActionStatus::ServiceEnded, day(1), None)),
            None
        );
    }
}
