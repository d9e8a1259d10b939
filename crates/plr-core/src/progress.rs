//! How far a PLR has got: the task list's sections and their status, the count of rated
//! statements, and the small consistency rules the form applies as answers change.

use crate::completion::Problem;
use crate::framework::Framework;
use crate::model::{AreaId, Participation, Plr, Section, Views, ViewsOutcome};

/// A section of the task list (one page of the form).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Task {
    /// About the case (case reference, legal status, review date, people).
    Case,
    /// Who took part.
    Participation,
    /// One Practice Fundamentals area.
    Area(AreaId),
    /// The grade and the narrative behind it.
    Judgement,
    /// Follow-up actions.
    Actions,
}

/// Where a section of the task list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskStatus {
    /// Nothing entered yet.
    NotStarted,
    /// Something entered, something still missing.
    InProgress,
    /// Nothing stops this section being completed.
    Completed,
}

impl TaskStatus {
    /// The words the task list shows.
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Not started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Completed => "Completed",
        }
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
    /// Every task of `framework`, in the order of the form.
    pub fn all(framework: &Framework) -> Vec<Task> {
        let mut tasks = vec![Task::Case, Task::Participation];
        tasks.extend(framework.areas.iter().map(|a| Task::Area(a.id.clone())));
        tasks.extend([Task::Judgement, Task::Actions]);
        tasks
    }

    /// The task whose page holds the field at a problem's JSON path.
    pub fn of_path(path: &str, plr: &Plr) -> Option<Task> {
        let head = path.split(['.', '[']).next()?;
        match head {
            "case" | "review" => Some(Task::Case),
            "participation" => Some(Task::Participation),
            "judgement" => Some(Task::Judgement),
            "actions" => Some(Task::Actions),
            "sections" => {
                let index: usize = path.get(9..)?.split(']').next()?.parse().ok()?;
                plr.sections.get(index).map(|s| Task::Area(s.id.clone()))
            }
            _ => None,
        }
    }

    /// Whether any problem belongs to this task's page.
    fn owns(&self, problem: &Problem, plr: &Plr) -> bool {
        Task::of_path(&problem.path, plr).as_ref() == Some(self)
    }

    /// Whether the user has entered anything on this task's page.
    fn started(&self, plr: &Plr) -> bool {
        match self {
            Task::Case => {
                plr.case != Default::default()
                    || plr.review.date.is_some()
                    || plr.review.reviewer != Default::default()
                    || plr.review.practitioner != Default::default()
            }
            Task::Participation => {
                let p = &plr.participation;
                let answered = |v: &Option<Views>| v.as_ref().is_some_and(|v| v.views.is_some());
                p.social_worker.is_some()
                    || p.team_manager.is_some()
                    || p.iro_or_cp_chair.is_some()
                    || answered(&p.child)
                    || answered(&p.parent_carer)
            }
            Task::Area(id) => plr.sections.iter().filter(|s| &s.id == id).any(|s| {
                s.items
                    .iter()
                    .any(|i| i.rating.is_some() || !i.note.is_empty())
                    || !s.practitioner_reflection.is_empty()
                    || !s.reviewer_evaluation.is_empty()
            }),
            // The final grade is not counted: it follows the suggestion by itself.
            Task::Judgement => {
                let j = &plr.judgement;
                !j.impact_on_child.is_empty() || !j.rationale.is_empty() || j.immediate_concern
            }
            Task::Actions => !plr.actions.is_empty(),
        }
    }

    /// This task's status, given the PLR's completion problems.
    pub fn status(&self, plr: &Plr, problems: &[Problem]) -> TaskStatus {
        if !self.started(plr) {
            TaskStatus::NotStarted
        } else if problems.iter().any(|p| self.owns(p, plr)) {
            TaskStatus::InProgress
        } else {
            TaskStatus::Completed
        }
    }
}

impl Participation {
    /// Keeps the participation questions in step with the case: the child's views apply only
    /// to a child aged 4 or over, the IRO / CP Chair only when one is allocated.
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
mod tests {
    use super::*;
    use crate::model::Rating;

    #[test]
    fn follow_case_adds_and_removes_the_child_question() {
        let mut p = Participation::default();
        assert!(p.follow_case(Some(true), None));
        assert_eq!(p.child, Some(Views::default()));
        assert!(
            !p.follow_case(Some(true), None),
            "nothing to change the second time"
        );
        assert!(p.follow_case(Some(false), None));
        assert_eq!(p.child, None);
    }

    #[test]
    fn follow_case_clears_the_iro_answer_when_none_is_allocated() {
        let mut p = Participation {
            iro_or_cp_chair: Some(true),
            ..Default::default()
        };
        assert!(!p.follow_case(None, Some(true)));
        assert_eq!(p.iro_or_cp_chair, Some(true));
        assert!(p.follow_case(None, Some(false)));
        assert_eq!(p.iro_or_cp_chair, None);
    }

    #[test]
    fn changing_the_outcome_drops_the_old_follow_up() {
        let mut v = Views {
            views: Some(ViewsOutcome::Unreachable),
            persistent_attempts: Some(true),
            feedback: Some(crate::model::Feedback::Positive),
            ..Default::default()
        };
        assert!(v.drop_unrelated_answers());
        assert_eq!(v.persistent_attempts, Some(true));
        assert_eq!(v.feedback, None);
        assert!(!v.drop_unrelated_answers());
    }

    #[test]
    fn rated_count_counts_every_rating_including_not_applicable() {
        let framework = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(
            crate::model::PlrId(uuid::Uuid::nil()),
            chrono::DateTime::UNIX_EPOCH,
            framework,
        );
        assert_eq!(
            rated_count(&plr.sections),
            RatedCount {
                rated: 0,
                total: 55
            }
        );
        plr.sections[0].items[0].rating = Some(Rating::Met);
        plr.sections[4].items[10].rating = Some(Rating::NotApplicable);
        assert_eq!(
            rated_count(&plr.sections),
            RatedCount {
                rated: 2,
                total: 55
            }
        );
    }

    #[test]
    fn task_status_moves_from_not_started_to_completed() {
        let framework = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(
            crate::model::PlrId(uuid::Uuid::nil()),
            chrono::DateTime::UNIX_EPOCH,
            framework,
        );
        let area = Task::Area(framework.areas[0].id.clone());
        let problems = |plr: &Plr| {
            crate::completion::completion_problems(plr, framework, chrono::NaiveDate::MAX)
        };
        assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::NotStarted);
        plr.sections[0].items[0].rating = Some(Rating::Met);
        assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::InProgress);
        for item in &mut plr.sections[0].items {
            item.rating = Some(Rating::PartlyMet);
        }
        assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::Completed);
        assert_eq!(
            Task::of_path("sections[0].items[3].rating", &plr),
            Some(area)
        );
        assert_eq!(Task::of_path("review.date", &plr), Some(Task::Case));
        assert_eq!(Task::of_path("nonsense", &plr), None);

        // A final grade that only followed the suggestion is not a start on the judgement.
        plr.judgement.final_grade = Some(crate::model::Grade::Good);
        assert_eq!(
            Task::Judgement.status(&plr, &problems(&plr)),
            TaskStatus::NotStarted
        );
        plr.judgement.impact_on_child = "Safer at home.".into();
        assert_eq!(
            Task::Judgement.status(&plr, &problems(&plr)),
            TaskStatus::InProgress
        );
    }
}

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
