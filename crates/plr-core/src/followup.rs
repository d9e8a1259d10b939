//! After the meeting: what of a completed review can still change without reopening it (its
//! actions' progress, and the record that a Case of Concern was shared), and when an action is
//! overdue.

use chrono::NaiveDate;

use crate::form::{ActionField, FieldPath, JudgementField};
use crate::model::{Action, ActionStatus};

/// Whether an action with `status` due on `due_on` is overdue on `today`: still open and due
/// before today. A completed or transferred action is closed, never overdue; one with no due
/// date cannot be.
pub fn is_overdue(status: ActionStatus, due_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ActionStatus::Open && due_on.is_some_and(|due| due < today)
}

impl Action {
    /// Whether this action is overdue on `today` (see [`is_overdue`]).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.due_on, today)
    }
}

/// Whether the answer at `field` can be changed on a completed review without reopening it:
/// an action's status, its completion date and its progress note, and who a Case of Concern
/// was shared with and when. Everything else stays as it was completed.
pub fn editable_after_completion(field: &FieldPath) -> bool {
    matches!(
        field,
        FieldPath::Action {
            field: ActionField::Status | ActionField::CompletedOn | ActionField::ProgressNote,
            ..
        } | FieldPath::Judgement(
            JudgementField::ConcernSharedWith | JudgementField::ConcernSharedAt
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::CaseField;

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
    fn only_follow_up_answers_stay_editable_after_completion() {
        let action = |field| FieldPath::Action {
            id: "a1".into(),
            field,
        };
        assert!(editable_after_completion(&action(ActionField::Status)));
        assert!(editable_after_completion(&action(ActionField::CompletedOn)));
        assert!(editable_after_completion(&action(
            ActionField::ProgressNote
        )));
        assert!(!editable_after_completion(&action(
            ActionField::Description
        )));
        assert!(!editable_after_completion(&action(ActionField::DueOn)));
        assert!(editable_after_completion(&FieldPath::Judgement(
            JudgementField::ConcernSharedAt
        )));
        assert!(!editable_after_completion(&FieldPath::Judgement(
            JudgementField::FinalGrade
        )));
        assert!(!editable_after_completion(&FieldPath::Case(
            CaseField::ChildRef
        )));
    }
}
