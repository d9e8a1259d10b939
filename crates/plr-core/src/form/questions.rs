//! The form description: every question a review asks, in form order, with where its answer
//! lives ([`FieldPath`]), the task (page) that asks it, its label and hint, and its length
//! limit. The import's length limits and the task of every completion problem are derived
//! from it; when a question applies is [`super::applies`].

use super::{
    ActionField, AreaField, CaseField, FieldPath, JudgementField, ParticipationField,
    StatementField, ViewsField, Whose,
};
use crate::framework::Framework;
use crate::import::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::model::Plr;
use crate::progress::Task;

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
    fn new(field: FieldPath, label: impl Into<String>) -> Question {
        Question {
            field,
            label: label.into(),
            hint: None,
            limit: None,
        }
    }

    fn short(self) -> Question {
        Question {
            limit: Some(MAX_SHORT_CHARS),
            ..self
        }
    }

    fn text(self) -> Question {
        Question {
            limit: Some(MAX_TEXT_CHARS),
            ..self
        }
    }

    fn hint(self, hint: &'static str) -> Question {
        Question {
            hint: Some(hint),
            ..self
        }
    }

    /// The task (page of the form) that asks it.
    pub fn task(&self) -> Task {
        Task::of(&self.field)
    }
}

/// Every question `plr` can be asked under `framework`, in form order: the fixed questions,
/// one rating and one note per statement of each of its sections, and every question of each
/// of its actions (by the action's id). Whether each applies now is [`super::applies`].
pub fn questions(plr: &Plr, framework: &Framework) -> Vec<Question> {
    use CaseField as C;
    let case = |field, label| Question::new(FieldPath::Case(field), label);
    let mut out = vec![
        case(C::ChildRef, "Child's case reference").short().hint(
            "The ID from the case management system, for example LL-482913. Do not enter the child's name.",
        ),
        case(C::Team, "Team").short(),
        case(C::LegalStatus, "The child's legal status or service"),
        case(C::ChildAged4OrOver, "Is the child aged 4 or over?"),
        case(
            C::IroOrCpChairAllocated,
            "Is an Independent Reviewing Officer or Child Protection Chair allocated?",
        ),
        case(C::ReviewDate, "Review date"),
        case(C::ReviewerName, "Reviewing manager's name").short(),
        case(C::ReviewerRole, "Reviewing manager's role"),
        case(C::PractitionerName, "Practitioner's name").short(),
        case(C::PractitionerRole, "Practitioner's role"),
    ];
    let participation =
        |field, label: String| Question::new(FieldPath::Participation(field), label);
    out.extend([
        participation(
            ParticipationField::SocialWorker,
            "Was the social worker involved in the review?".into(),
        ),
        participation(
            ParticipationField::TeamManager,
            "Was the team manager involved in the review?".into(),
        ),
        participation(
            ParticipationField::IroOrCpChair,
            "Was the Independent Reviewing Officer or Child Protection Chair involved?".into(),
        ),
    ]);
    for whose in [Whose::Child, Whose::ParentCarer] {
        let views = |field| ParticipationField::Views(whose, field);
        out.extend([
            participation(
                views(ViewsField::Views),
                format!("Were the views of {} obtained?", whose.named()),
            ),
            participation(
                views(ViewsField::Feedback),
                "What feedback did they give?".into(),
            ),
            participation(
                views(ViewsField::SocialWorkerConsulted),
                "Was the social worker consulted about that decision?".into(),
            ),
            participation(
                views(ViewsField::PersistentAttempts),
                "Were persistent attempts made to reach them?".into(),
            ),
        ]);
    }
    for section in &plr.sections {
        let area = framework.area(&section.id);
        for item in &section.items {
            let statement = |field| FieldPath::Statement {
                area: section.id.clone(),
                statement: item.id.clone(),
                field,
            };
            let text = area
                .and_then(|a| a.statements.iter().find(|s| s.id == item.id))
                .map_or(String::new(), |s| format!(" {}", s.text));
            out.push(Question::new(
                statement(StatementField::Rating),
                format!("{}{text}", item.id),
            ));
            out.push(Question::new(statement(StatementField::Note), "Evidence (optional)").text());
        }
        let area_question = |field| FieldPath::Area {
            area: section.id.clone(),
            field,
        };
        out.push(
            Question::new(
                area_question(AreaField::PractitionerReflection),
                "Practitioner's reflection",
            )
            .text()
            .hint("What the practitioner takes from this area."),
        );
        out.push(
            Question::new(
                area_question(AreaField::ReviewerEvaluation),
                "Reviewer's evaluation",
            )
            .text()
            .hint("The reviewer's view of practice in this area."),
        );
    }
    use JudgementField as J;
    let judgement = |field, label| Question::new(FieldPath::Judgement(field), label);
    out.extend([
        judgement(J::ImpactOnChild, "Impact on the child").text(),
        judgement(J::FinalGrade, "Final grade"),
        judgement(
            J::Rationale,
            "Why is the final grade different from the suggested grade?",
        )
        .text(),
        judgement(
            J::ImmediateConcern,
            "There is an immediate concern about the child's safety",
        ),
        judgement(J::ImmediateConcernDetails, "What is the concern?").text(),
        judgement(
            J::ConcernSharedWith,
            "Name of the Head of Service it was shared with",
        )
        .short(),
        judgement(
            J::ConcernSharedAt,
            "It has been shared with the Head of Service",
        ),
        Question::new(FieldPath::Actions, "Actions"),
    ]);
    for action in &plr.actions {
        for field in ActionField::ALL {
            let id = action.id.clone();
            let question = Question::new(FieldPath::Action { id, field }, field.label());
            out.push(match field {
                ActionField::Description => question.text(),
                ActionField::Owner => question.short(),
                _ => question,
            });
        }
    }
    out
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
        }
    }
}

impl FieldPath {
    /// The text answer at this path in `plr` (`None` for an answer that is not text, or a
    /// list item `plr` does not hold).
    pub fn text<'a>(&self, plr: &'a Plr) -> Option<&'a str> {
        let j = &plr.judgement;
        let text = match self {
            FieldPath::Case(CaseField::ChildRef) => &plr.case.child_ref,
            FieldPath::Case(CaseField::Team) => &plr.case.team,
            FieldPath::Case(CaseField::ReviewerName) => &plr.review.reviewer.name,
            FieldPath::Case(CaseField::PractitionerName) => &plr.review.practitioner.name,
            FieldPath::Statement {
                area,
                statement,
                field: StatementField::Note,
            } => {
                let section = plr.sections.iter().find(|s| &s.id == area)?;
                &section.items.iter().find(|i| &i.id == statement)?.note
            }
            FieldPath::Area { area, field } => {
                let section = plr.sections.iter().find(|s| &s.id == area)?;
                match field {
                    AreaField::PractitionerReflection => &section.practitioner_reflection,
                    AreaField::ReviewerEvaluation => &section.reviewer_evaluation,
                }
            }
            FieldPath::Judgement(JudgementField::ImpactOnChild) => &j.impact_on_child,
            FieldPath::Judgement(JudgementField::Rationale) => &j.rationale,
            FieldPath::Judgement(JudgementField::ImmediateConcernDetails) => {
                &j.immediate_concern_details
            }
            FieldPath::Judgement(JudgementField::ConcernSharedWith) => &j.concern_shared_with,
            FieldPath::Action { id, field } => {
                let action = plr.actions.iter().find(|a| &a.id == id)?;
                match field {
                    ActionField::Description => &action.description,
                    ActionField::Owner => &action.owner,
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(text)
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
        // 8 judgement and actions, 6 per action.
        assert_eq!(all.len(), 10 + 11 + 110 + 10 + 8 + 6);
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
}
