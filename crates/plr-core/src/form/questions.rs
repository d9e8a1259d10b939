//! The form description: every question a review asks, in form order, with where its answer
//! lives ([`FieldPath`]), the task (page) that asks it, its label and hint, and its length
//! limit. The import's length limits and the task of every completion problem are derived
//! from it; when a question applies is [`super::applies`].

use super::spots::{spot_list, Spot};
use super::{
    ActionField, AreaField, CaseField, FieldPath, JudgementField, ParticipationField,
    StatementField, Task, ViewsField,
};
use crate::framework::Framework;
use crate::model::Plr;

/// One question of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Where its answer lives.
    pub field: FieldPath,
    /// The label or legend, as the form asks it.
    pub label: String,
    /// Help shown under the label, if any.
    pub hint: Option<&'static str>,
    /// For a text answer, the most characters it may have.
    pub limit: Option<usize>,
}

impl Question {
    /// The task (page of the form) that asks it.
    pub fn task(&self) -> Task {
        Task::of(&self.field)
    }
}

/// Every question `plr` can be asked under `framework`, in form order (see [`super::spots`]), with
/// its label and hint. Whether each applies now is [`super::applies`].
pub fn questions(plr: &Plr, framework: &Framework) -> Vec<Question> {
    spot_list(plr)
        .into_iter()
        .map(|spot| spot.question(framework))
        .collect()
}

impl Spot<'_> {
    /// This question as the form asks it: where its answer lives, its label, hint and limit.
    pub fn question(&self, framework: &Framework) -> Question {
        Question {
            field: self.path(),
            label: self.label(framework),
            hint: hint(*self),
            limit: self.limit(),
        }
    }
}

impl Question {
    /// The question at `field` of `plr` (`None` for a list item `plr` does not hold).
    pub fn of(field: &FieldPath, plr: &Plr, framework: &Framework) -> Option<Question> {
        field.spot(plr).map(|spot| spot.question(framework))
    }
}

impl Spot<'_> {
    /// The label or legend of this question, as the form asks it.
    pub fn label(&self, framework: &Framework) -> String {
        label(*self, framework)
    }
}

fn label(spot: Spot<'_>, framework: &Framework) -> String {
    use JudgementField as J;
    use ParticipationField as P;
    let fixed = match spot {
        Spot::Case(field) => match field {
            CaseField::ChildRef => "Child's case reference",
            CaseField::Team => "Team",
            CaseField::LegalStatus => "The child's legal status or service",
            CaseField::ChildAged4OrOver => "Is the child aged 4 or over?",
            CaseField::IroOrCpChairAllocated => {
                "Is an Independent Reviewing Officer or Child Protection Chair allocated?"
            }
            CaseField::ReviewDate => "Review date",
            CaseField::ReviewerName => "Reviewing manager's name",
            CaseField::ReviewerRole => "Reviewing manager's role",
            CaseField::PractitionerName => "Practitioner's name",
            CaseField::PractitionerRole => "Practitioner's role",
        },
        Spot::Participation(field) => match field {
            P::SocialWorker => "Was the social worker involved in the review?",
            P::TeamManager => "Was the team manager involved in the review?",
            P::IroOrCpChair => {
                "Was the Independent Reviewing Officer or Child Protection Chair involved?"
            }
            P::Views(whose, ViewsField::Views) => {
                return format!("Were the views of {} obtained?", whose.named())
            }
            P::Views(_, ViewsField::Feedback) => "What feedback did they give?",
            P::Views(_, ViewsField::SocialWorkerConsulted) => {
                "Was the social worker consulted about that decision?"
            }
            P::Views(_, ViewsField::PersistentAttempts) => {
                "Were persistent attempts made to reach them?"
            }
        },
        Spot::Statement {
            section,
            item,
            field: StatementField::Rating,
        } => {
            let text = framework
                .area(&section.id)
                .and_then(|a| a.statements.iter().find(|s| s.id == item.id))
                .map_or(String::new(), |s| format!(" {}", s.text));
            return format!("{}{text}", item.id);
        }
        Spot::Statement {
            field: StatementField::Note,
            ..
        } => "Evidence (optional)",
        Spot::Area { field, .. } => match field {
            AreaField::PractitionerReflection => "Practitioner's reflection",
            AreaField::ReviewerEvaluation => "Reviewer's evaluation",
        },
        Spot::Judgement(field) => match field {
            J::ImpactOnChild => "Impact on the child",
            J::FinalGrade => "Final grade",
            J::Rationale => "Why is the final grade different from the suggested grade?",
            J::ImmediateConcern => "There is an immediate concern about the child's safety",
            J::ImmediateConcernDetails => "What is the concern?",
            J::ConcernSharedWith => "Name of the Head of Service it was shared with",
            J::ConcernSharedAt => "It has been shared with the Head of Service",
        },
        Spot::Actions => "Actions",
        Spot::Action { field, .. } => field.label(),
    };
    fixed.to_string()
}

/// How every date of the form is asked for (day, month and year fields).
const DATE_HINT: &str = "For example, 20 11 2026";

/// Help shown under the label of the question at `spot`, if any.
fn hint(spot: Spot<'_>) -> Option<&'static str> {
    use JudgementField as J;
    Some(match spot {
        Spot::Case(CaseField::ChildRef) => {
            "The ID from the case management system, for example LL-482913. Do not enter the child's name."
        }
        Spot::Case(CaseField::ChildAged4OrOver) => {
            "If so, the review asks whether the child's own views were obtained. For a younger child, their experience is understood through observation and play."
        }
        Spot::Case(CaseField::ReviewDate)
        | Spot::Action {
            field: ActionField::DueOn | ActionField::CompletedOn | ActionField::TransferredOn,
            ..
        } => DATE_HINT,
        Spot::Area { field, .. } => match field {
            AreaField::PractitionerReflection => "What the practitioner takes from this area.",
            AreaField::ReviewerEvaluation => "The reviewer's view of practice in this area.",
        },
        Spot::Judgement(J::ImpactOnChild) => {
            "How has the practice you reviewed affected the child's experience and progress? This informs the grade."
        }
        Spot::Judgement(J::FinalGrade) => {
            "This follows the suggested grade (marked “suggested”). If your professional judgement differs, choose another grade and say why."
        }
        Spot::Judgement(J::ImmediateConcern) => {
            "The suggested grade becomes Inadequate, and the review becomes a Case of Concern: it must be shared with the Head of Service within 24 hours."
        }
        Spot::Judgement(J::ImmediateConcernDetails) => {
            "What was seen or heard, and why the child may not be safe."
        }
        Spot::Judgement(J::ConcernSharedAt) => {
            "Tick this once you have told them: the date and time are recorded."
        }
        Spot::Action {
            field: ActionField::ProgressNote,
            ..
        } => "Optional: a short note of what has happened since the review.",
        _ => return None,
    })
}

impl ActionField {
    /// The question's label on an action's card (and in the printed record).
    pub fn label(self) -> &'static str {
        match self {
            ActionField::Kind => "Type of action",
            ActionField::Description => "What needs to happen",
            ActionField::Owner => "Who will do it",
            ActionField::DueOn => "Due date",
            ActionField::Status => "Status",
            ActionField::CompletedOn => "Date completed",
            ActionField::TransferredOn => "Date transferred into the child's plan",
            ActionField::ProgressNote => "Progress so far",
        }
    }
}

impl FieldPath {
    /// The question at this path in `plr` (`None` for a list item `plr` does not hold).
    pub fn spot<'a>(&self, plr: &'a Plr) -> Option<Spot<'a>> {
        let section = |area| plr.sections.iter().find(|s| &s.id == area);
        Some(match self {
            FieldPath::Case(field) => Spot::Case(*field),
            FieldPath::Participation(field) => Spot::Participation(*field),
            FieldPath::Statement {
                area,
                statement,
                field,
            } => {
                let section = section(area)?;
                let item = section.items.iter().find(|i| &i.id == statement)?;
                Spot::Statement {
                    section,
                    item,
                    field: *field,
                }
            }
            FieldPath::Area { area, field } => Spot::Area {
                section: section(area)?,
                field: *field,
            },
            FieldPath::Judgement(field) => Spot::Judgement(*field),
            FieldPath::Actions => Spot::Actions,
            FieldPath::Action { id, field } => Spot::Action {
                action: plr.actions.iter().find(|a| &a.id == id)?,
                field: *field,
            },
        })
    }

    /// The text answer at this path in `plr` (`None` for an answer that is not text, or a
    /// list item `plr` does not hold).
    pub fn text<'a>(&self, plr: &'a Plr) -> Option<&'a str> {
        self.spot(plr)?.text(plr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::complete_plr;
    use crate::model::Action;

    #[test]
    fn every_question_is_declared_once_and_every_limited_one_has_text() {
        let f = Framework::practice_fundamentals();
        let mut plr = complete_plr();
        plr.actions.push(Action::new_after(&plr.actions));
        let all = questions(&plr, f);
        let fields: std::collections::HashSet<_> = all.iter().map(|q| &q.field).collect();
        assert_eq!(fields.len(), all.len(), "no question twice");
        // 10 about the case, 3 + 2 × 4 participation, 55 × 2 statements, 5 × 2 areas,
        // 8 judgement and actions, 8 per action.
        assert_eq!(all.len(), 10 + 11 + 110 + 10 + 8 + 8);
        for q in &all {
            assert_eq!(
                q.limit.is_some(),
                q.field.text(&plr).is_some(),
                "{:?}",
                q.field
            );
        }
        let ids: std::collections::HashSet<_> = all.iter().map(|q| q.field.dom_id()).collect();
        assert_eq!(ids.len(), all.len(), "no two questions share an element id");
        assert_eq!(all[0].task(), Task::Case);
    }

    #[test]
    fn every_spot_is_found_again_by_its_path() {
        let mut plr = complete_plr();
        plr.actions.push(Action::new_after(&plr.actions));
        plr.actions[0].owner = "A. Owner".into();
        plr.sections[2].items[3].note = "Seen at the visit".into();
        let exported: serde_json::Value = serde_json::from_str(
            &crate::export::export_json(&plr, Framework::practice_fundamentals()).unwrap(),
        )
        .unwrap();
        let mut texts = 0;
        for spot in crate::form::spots(&plr) {
            let path = spot.path();
            let found = path.spot(&plr).map(|s| s.path());
            assert_eq!(found.as_ref(), Some(&path));
            // A text answer is what the downloaded file holds at the question's JSON path.
            let at = crate::merge::pointer_of(&path.json_path(&plr));
            let in_file = exported.pointer(&at).and_then(serde_json::Value::as_str);
            if let Some(text) = path.text(&plr) {
                assert_eq!(Some(text), in_file, "{path:?} at {at}");
                texts += 1;
            }
        }
        assert!(texts > 60, "the text answers were compared: {texts}");
        let note = FieldPath::Statement {
            area: plr.sections[2].id.clone(),
            statement: plr.sections[2].items[3].id.clone(),
            field: StatementField::Note,
        };
        assert_eq!(note.text(&plr), Some("Seen at the visit"));
        let gone = FieldPath::Action {
            id: "not-here".into(),
            field: ActionField::Owner,
        };
        assert_eq!(gone.text(&plr), None);
    }
}
