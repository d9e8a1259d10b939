//! How far a PLR has got: the task list's sections and their status, the count of rated
//! statements, and the small consistency rules the form applies as answers change.

use crate::form::{spot_list, AreaField, FieldPath, Task};
use crate::framework::Framework;
use crate::model::{Participation, Plr, Section, Views, ViewsOutcome};
use crate::problem::Problem;

/// Where a section of the task list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskStatus {
    /// Nothing entered yet.
    NotStarted,
    /// Something entered, something still missing.
    InProgress,
    /// Nothing stops this section being completed.
    Completed,
    /// "Check and complete" while any section is not completed.
    CannotStartYet,
}

impl TaskStatus {
    /// The words the task list shows.
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Not started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Completed => "Completed",
            TaskStatus::CannotStartYet => "Cannot start yet",
        }
    }
}

/// The task list's progress: the status of every section (in [`Task::all`] order), how many
/// are completed, and the "Check and complete" step's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Each section and its status.
    pub tasks: Vec<(Task, TaskStatus)>,
    /// The "Check and complete" step: cannot start until every section is completed, then not
    /// started, then completed once the review is.
    pub check: TaskStatus,
}

impl Progress {
    /// The progress of `plr`, given its completion problems.
    pub fn of(plr: &Plr, framework: &Framework, problems: &[Problem]) -> Progress {
        let tasks: Vec<(Task, TaskStatus)> = Task::all(framework)
            .into_iter()
            .map(|task| {
                let status = task.status(plr, problems);
                (task, status)
            })
            .collect();
        // Actions are optional (unless a Case of Concern needs one, which is then a problem of
        // the actions task): having none does not hold the check back.
        let ready = |(task, status): &(Task, TaskStatus)| {
            *status == TaskStatus::Completed
                || (*task == Task::Actions
                    && *status == TaskStatus::NotStarted
                    && !problems.iter().any(|p| task.owns(p)))
        };
        let check = if plr.status == crate::model::Status::Completed {
            TaskStatus::Completed
        } else if tasks.iter().all(ready) {
            TaskStatus::NotStarted
        } else {
            TaskStatus::CannotStartYet
        };
        Progress { tasks, check }
    }

    /// "3 of 10 sections completed" (the sections and "Check and complete").
    pub fn summary(&self) -> String {
        let done = self
            .tasks
            .iter()
            .map(|(_, s)| s)
            .chain([&self.check])
            .filter(|s| **s == TaskStatus::Completed)
            .count();
        format!("{done} of {} sections completed", self.tasks.len() + 1)
    }
}

/// How many statements are rated, out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatedCount {
    /// Statements with any rating (including not applicable).
    pub rated: usize,
    /// All statements.
    pub total: usize,
}

/// Counts rated statements over `sections`.
pub fn rated_count(sections: &[Section]) -> RatedCount {
    let items = sections.iter().flat_map(|s| s.items.iter());
    RatedCount {
        rated: items.clone().filter(|i| i.rating.is_some()).count(),
        total: items.count(),
    }
}

impl Task {
    /// Whether any problem belongs to this task's page. A problem at an area's reflection is the
    /// review-wide "no reflection in any area" (the only one a reflection can have): it belongs
    /// to no one area.
    fn owns(&self, problem: &Problem) -> bool {
        match &problem.field {
            Some(FieldPath::Area {
                field: AreaField::PractitionerReflection,
                ..
            })
            | None => false,
            Some(field) => Task::of(field) == *self,
        }
    }

    /// Whether the user has entered anything on this task's page: any of its questions
    /// answered (the form description's walk). A final grade counts even when it only followed
    /// the suggestion: the page then shows a grade, and the task list must agree with it.
    fn started(&self, plr: &Plr) -> bool {
        spot_list(plr)
            .into_iter()
            .any(|spot| spot.in_task(self) && spot.answered(plr))
    }

    /// This task's status, given the PLR's completion problems.
    pub fn status(&self, plr: &Plr, problems: &[Problem]) -> TaskStatus {
        if !self.started(plr) {
            TaskStatus::NotStarted
        } else if problems.iter().any(|p| self.owns(p)) {
            TaskStatus::InProgress
        } else {
            TaskStatus::Completed
        }
    }
}

impl Participation {
    /// Keeps the participation questions in step with the case: the child's views apply only
    /// to a child aged 4 or over, the IRO / CP Chair only when one is allocated, and the
    /// parent's or carer's views always (room is made for their answer).
    ///
    /// Returns whether anything changed.
    pub fn follow_case(
        &mut self,
        child_aged_4_or_over: Option<bool>,
        iro_or_cp_chair_allocated: Option<bool>,
    ) -> bool {
        let mut changed = false;
        if child_aged_4_or_over == Some(true) {
            if self.child.is_none() {
                self.child = Some(Views::default());
                changed = true;
            }
        } else if self.child.take().is_some() {
            changed = true;
        }
        if iro_or_cp_chair_allocated != Some(true) && self.iro_or_cp_chair.take().is_some() {
            changed = true;
        }
        if self.parent_carer.is_none() {
            self.parent_carer = Some(Views::default());
            changed = true;
        }
        changed
    }
}

impl Views {
    /// Drops follow-up answers that belong to another outcome (feedback only when views were
    /// obtained, and so on). Returns whether anything changed.
    pub fn drop_unrelated_answers(&mut self) -> bool {
        let before = self.clone();
        let outcome = self.views;
        if outcome != Some(ViewsOutcome::Obtained) {
            self.feedback = None;
        }
        if outcome != Some(ViewsOutcome::Inappropriate) {
            self.social_worker_consulted = None;
        }
        if outcome != Some(ViewsOutcome::Unreachable) {
            self.persistent_attempts = None;
        }
        *self != before
    }
}

#[cfg(test)]
mod tests;

impl crate::model::Action {
    /// A blank open action whose id (`a1`, `a2`, ...) is unused by `existing`.
    pub fn new_after(existing: &[crate::model::Action]) -> crate::model::Action {
        let next = existing
            .iter()
            .filter_map(|a| a.id.strip_prefix('a')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        crate::model::Action {
            id: format!("a{next}"),
            kind: None,
            description: String::new(),
            owner: String::new(),
            due_on: None,
            status: crate::model::ActionStatus::Open,
            completed_on: None,
            progress_note: String::new(),
            transferred_on: None,
            updated_on: None,
        }
    }
}

#[cfg(test)]
mod action_tests {
    use crate::model::Action;

    #[test]
    fn new_actions_get_ids_no_other_action_has() {
        let first = Action::new_after(&[]);
        assert_eq!(first.id, "a1");
        let mut renamed = first.clone();
        renamed.id = "a7".into();
        let odd = Action {
            id: "x".into(),
            ..first.clone()
        };
        assert_eq!(Action::new_after(&[first, renamed, odd]).id, "a8");
    }
}
