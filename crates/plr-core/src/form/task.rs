//! [`Task`]: a section of the task list, the page of the form that asks a question. Where each
//! task stands is [`crate::progress`].

use super::FieldPath;
use crate::framework::Framework;
use crate::model::AreaId;

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

impl Task {
    /// Every task of `framework`, in the order of the form.
    pub fn all(framework: &Framework) -> Vec<Task> {
        let mut tasks = vec![Task::Case, Task::Participation];
        tasks.extend(framework.areas.iter().map(|a| Task::Area(a.id.clone())));
        tasks.extend([Task::Judgement, Task::Actions]);
        tasks
    }

    /// The task after this one in the form's order ([`Task::all`]); `None` after the last, or
    /// for an area `framework` does not have.
    pub fn next(&self, framework: &Framework) -> Option<Task> {
        let tasks = Task::all(framework);
        let at = tasks.iter().position(|t| t == self)?;
        tasks.into_iter().nth(at + 1)
    }

    /// Its title in the task list and as the heading of its answers ("About the case", an
    /// area's title).
    pub fn title(&self, framework: &Framework) -> String {
        match self {
            Task::Case => "About the case".into(),
            Task::Participation => "Who took part".into(),
            Task::Area(id) => framework.area(id).map_or(id.0.clone(), |a| a.title.clone()),
            Task::Judgement => "Judgement".into(),
            Task::Actions => "Actions".into(),
        }
    }

    /// The task whose page asks the question at `field`.
    pub fn of(field: &FieldPath) -> Task {
        match field {
            FieldPath::Case(_) => Task::Case,
            FieldPath::Participation(_) | FieldPath::Views { .. } => Task::Participation,
            FieldPath::Statement { area, .. } | FieldPath::Area { area, .. } => {
                Task::Area(area.clone())
            }
            FieldPath::Judgement(_) => Task::Judgement,
            FieldPath::Actions | FieldPath::Action { .. } => Task::Actions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_task_is_followed_by_the_next_in_the_forms_order() {
        let framework = Framework::practice_fundamentals();
        let tasks = Task::all(framework);
        for pair in tasks.windows(2) {
            assert_eq!(
                pair[0].next(framework).as_ref(),
                Some(&pair[1]),
                "{:?}",
                pair[0]
            );
        }
        let first_area = Task::Area(framework.areas[0].id.clone());
        assert_eq!(Task::Participation.next(framework), Some(first_area));
        let last_area = Task::Area(framework.areas[framework.areas.len() - 1].id.clone());
        assert_eq!(last_area.next(framework), Some(Task::Judgement));
        assert_eq!(Task::Actions.next(framework), None);
        assert_eq!(
            Task::Area(AreaId("no-such-area".into())).next(framework),
            None
        );
    }
}
