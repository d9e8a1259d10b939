//! Which questions a review needs answered before it can be completed, and what the error
//! says when one is not: part of the form description, beside each question's label. The
//! completion check is these, for every question that applies and is not answered, plus the
//! few rules that compare answers ([`crate::completion`]).

use super::{
    ActionField, CaseField, JudgementField, ParticipationField, Spot, StatementField, ViewsField,
};
use crate::concern::is_case_of_concern;
use crate::framework::Framework;
use crate::model::Plr;

impl Spot<'_> {
    /// What the error says when this question of `plr` (the review it was found in) applies
    /// and is not answered; `None` for a question a review may leave blank (an evidence note,
    /// the reviewer's evaluation, an action's progress note). An area's reflection is needed
    /// in one area of the review, not in each: that rule is the completion check's.
    pub fn missing(&self, plr: &Plr, framework: &Framework) -> Option<String> {
        use JudgementField as J;
        use ParticipationField as P;
        let fixed = match *self {
            Spot::Case(field) => match field {
                CaseField::ChildRef => "Enter the child's case reference",
                CaseField::Team => "Enter the team",
                CaseField::LegalStatus => "Choose the child's legal status or service",
                CaseField::ChildAged4OrOver => "Say whether the child is aged 4 or over",
                CaseField::IroOrCpChairAllocated => {
                    "Say whether an Independent Reviewing Officer or Child Protection Chair is allocated"
                }
                CaseField::ReviewDate => "Enter the review date",
                CaseField::ReviewerName => "Enter the reviewer's name",
                CaseField::ReviewerRole => "Choose the reviewer's role",
                CaseField::PractitionerName => "Enter the practitioner's name",
                CaseField::PractitionerRole => "Choose the practitioner's role",
            },
            Spot::Participation(field) => match field {
                P::SocialWorker => "Say whether the social worker was involved",
                P::TeamManager => "Say whether the team manager was involved",
                P::IroOrCpChair => {
                    "Say whether the Independent Reviewing Officer or Child Protection Chair was involved"
                }
                P::Views(whose, field) => {
                    let who = whose.named();
                    return Some(match field {
                        ViewsField::Views => format!("Say whether the views of {who} were obtained"),
                        ViewsField::Feedback => format!("Say what feedback {who} gave"),
                        ViewsField::SocialWorkerConsulted => format!(
                            "Say whether the social worker was consulted about not seeking the views of {who}"
                        ),
                        ViewsField::PersistentAttempts => {
                            format!("Say whether persistent attempts were made to reach {who}")
                        }
                    });
                }
            },
            Spot::Statement {
                section,
                item,
                field: StatementField::Rating,
            } => {
                let area = framework
                    .area(&section.id)
                    .map_or(section.id.0.as_str(), |a| a.title.as_str());
                return Some(format!("Rate statement {} ({area})", item.id));
            }
            Spot::Statement { .. } | Spot::Area { .. } => return None,
            Spot::Judgement(field) => match field {
                J::ImpactOnChild => "Describe the impact on the child",
                J::FinalGrade => "Choose the final grade",
                J::Rationale => "Explain why the final grade is different from the suggested grade",
                J::ImmediateConcern => return None,
                J::ImmediateConcernDetails => "Describe the immediate concern about the child's safety",
                J::ConcernSharedWith => {
                    "Enter the name of the Head of Service the concern was shared with"
                }
                J::ConcernSharedAt => {
                    "Record that the concern has been shared with the Head of Service"
                }
            },
            // A Case of Concern cannot be completed without an action; other reviews may have none.
            Spot::Actions if is_case_of_concern(plr) => {
                "Add at least one action: a Case of Concern cannot be completed without one"
            }
            Spot::Actions => return None,
            Spot::Action { action, field } => {
                let n = plr
                    .actions
                    .iter()
                    .position(|a| std::ptr::eq(a, action))
                    .map_or(0, |n| n + 1);
                return Some(match field {
                    ActionField::Kind => format!("Choose the type of action {n}"),
                    ActionField::Description => format!("Describe action {n}"),
                    ActionField::Owner => format!("Enter who will do action {n}"),
                    ActionField::DueOn => format!("Enter the due date of action {n}"),
                    ActionField::CompletedOn => {
                        format!("Enter the date action {n} was completed")
                    }
                    ActionField::TransferredOn => {
                        format!("Enter the date action {n} was transferred into the child's plan")
                    }
                    // Every action has a status; a progress note is optional.
                    ActionField::Status | ActionField::ProgressNote => return None,
                });
            }
        };
        Some(fixed.to_string())
    }
}
