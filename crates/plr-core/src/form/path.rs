//! [`FieldPath`]: where a question's answer lives in a PLR, as a value. It renders to the JSON
//! path a problem names (`actions[0].kind`) and to the id of the control that edits it
//! (`action-a2-kind`). List items are addressed by their stable id (an action's `id`, an
//! area's and a statement's id), so removing an action never moves another action's address.

use crate::model::{AreaId, Plr, StatementId};

/// A question about the case or the review (the "About the case" page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseField {
    /// `case.child_ref`
    ChildRef,
    /// `case.team`
    Team,
    /// `case.legal_status`
    LegalStatus,
    /// `case.child_aged_4_or_over`
    ChildAged4OrOver,
    /// `case.iro_or_cp_chair_allocated`
    IroOrCpChairAllocated,
    /// `review.date`
    ReviewDate,
    /// `review.reviewer.name`
    ReviewerName,
    /// `review.reviewer.role`
    ReviewerRole,
    /// `review.practitioner.name`
    PractitionerName,
    /// `review.practitioner.role`
    PractitionerRole,
}

impl CaseField {
    /// The JSON path of the answer.
    pub fn json(self) -> &'static str {
        match self {
            CaseField::ChildRef => "case.child_ref",
            CaseField::Team => "case.team",
            CaseField::LegalStatus => "case.legal_status",
            CaseField::ChildAged4OrOver => "case.child_aged_4_or_over",
            CaseField::IroOrCpChairAllocated => "case.iro_or_cp_chair_allocated",
            CaseField::ReviewDate => "review.date",
            CaseField::ReviewerName => "review.reviewer.name",
            CaseField::ReviewerRole => "review.reviewer.role",
            CaseField::PractitionerName => "review.practitioner.name",
            CaseField::PractitionerRole => "review.practitioner.role",
        }
    }
}

/// Whose views a views question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Whose {
    /// `participation.child`
    Child,
    /// `participation.parent_carer`
    ParentCarer,
}

impl Whose {
    /// `child` or `parent_carer`: the key under `participation`.
    pub fn key(self) -> &'static str {
        match self {
            Whose::Child => "child",
            Whose::ParentCarer => "parent_carer",
        }
    }

    /// How a sentence names them: "the child", "the parent or carer".
    pub fn named(self) -> &'static str {
        match self {
            Whose::Child => "the child",
            Whose::ParentCarer => "the parent or carer",
        }
    }
}

/// A question of one person's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewsField {
    /// `views`: obtained, or why not.
    Views,
    /// `feedback`, when views were obtained.
    Feedback,
    /// `social_worker_consulted`, when views were deemed inappropriate.
    SocialWorkerConsulted,
    /// `persistent_attempts`, when the person was unreachable.
    PersistentAttempts,
}

impl ViewsField {
    /// The key of the answer within the views.
    pub fn key(self) -> &'static str {
        match self {
            ViewsField::Views => "views",
            ViewsField::Feedback => "feedback",
            ViewsField::SocialWorkerConsulted => "social_worker_consulted",
            ViewsField::PersistentAttempts => "persistent_attempts",
        }
    }
}

/// A question of the "Who took part" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParticipationField {
    /// `participation.social_worker`
    SocialWorker,
    /// `participation.team_manager`
    TeamManager,
    /// `participation.iro_or_cp_chair`
    IroOrCpChair,
    /// A views question.
    Views(Whose, ViewsField),
}

/// A question of one area's page that is not about one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaField {
    /// `practitioner_reflection`
    PractitionerReflection,
    /// `reviewer_evaluation`
    ReviewerEvaluation,
}

/// A question about one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatementField {
    /// `rating`
    Rating,
    /// `note`: the evidence.
    Note,
}

/// A question of the "Grade and judgement" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JudgementField {
    /// `judgement.impact_on_child`
    ImpactOnChild,
    /// `judgement.final_grade`
    FinalGrade,
    /// `judgement.rationale`
    Rationale,
    /// `judgement.immediate_concern`
    ImmediateConcern,
    /// `judgement.immediate_concern_details`
    ImmediateConcernDetails,
    /// `judgement.concern_shared_with`
    ConcernSharedWith,
    /// `judgement.concern_shared_at`
    ConcernSharedAt,
}

impl JudgementField {
    /// The key under `judgement`.
    pub fn key(self) -> &'static str {
        match self {
            JudgementField::ImpactOnChild => "impact_on_child",
            JudgementField::FinalGrade => "final_grade",
            JudgementField::Rationale => "rationale",
            JudgementField::ImmediateConcern => "immediate_concern",
            JudgementField::ImmediateConcernDetails => "immediate_concern_details",
            JudgementField::ConcernSharedWith => "concern_shared_with",
            JudgementField::ConcernSharedAt => "concern_shared_at",
        }
    }
}

/// A question of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionField {
    /// `kind`
    Kind,
    /// `description`
    Description,
    /// `owner`
    Owner,
    /// `due_on`
    DueOn,
    /// `status`
    Status,
    /// `completed_on`
    CompletedOn,
    /// `transferred_on` (schema version 4)
    TransferredOn,
    /// `progress_note` (schema version 3)
    ProgressNote,
}

impl ActionField {
    /// Every question of an action, in the order of its card.
    pub const ALL: [ActionField; 8] = [
        ActionField::Kind,
        ActionField::Description,
        ActionField::Owner,
        ActionField::DueOn,
        ActionField::Status,
        ActionField::CompletedOn,
        ActionField::TransferredOn,
        ActionField::ProgressNote,
    ];

    /// The key within the action.
    pub fn key(self) -> &'static str {
        match self {
            ActionField::Kind => "kind",
            ActionField::Description => "description",
            ActionField::Owner => "owner",
            ActionField::DueOn => "due_on",
            ActionField::Status => "status",
            ActionField::CompletedOn => "completed_on",
            ActionField::TransferredOn => "transferred_on",
            ActionField::ProgressNote => "progress_note",
        }
    }
}

/// Where one answer lives in a PLR.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// "About the case".
    Case(CaseField),
    /// "Who took part".
    Participation(ParticipationField),
    /// A question about one statement of an area.
    Statement {
        /// The area.
        area: AreaId,
        /// The statement.
        statement: StatementId,
        /// Which question.
        field: StatementField,
    },
    /// A question of one area's page.
    Area {
        /// The area.
        area: AreaId,
        /// Which question.
        field: AreaField,
    },
    /// "Grade and judgement".
    Judgement(JudgementField),
    /// The list of actions itself (a Case of Concern needs one).
    Actions,
    /// A question of the action whose `id` this is.
    Action {
        /// The action's stable id.
        id: String,
        /// Which question.
        field: ActionField,
    },
}

impl From<CaseField> for FieldPath {
    fn from(field: CaseField) -> Self {
        FieldPath::Case(field)
    }
}

impl From<ParticipationField> for FieldPath {
    fn from(field: ParticipationField) -> Self {
        FieldPath::Participation(field)
    }
}

impl From<JudgementField> for FieldPath {
    fn from(field: JudgementField) -> Self {
        FieldPath::Judgement(field)
    }
}

impl FieldPath {
    /// The JSON path of the answer in `plr` as it is now (`sections[2].items[3].rating`,
    /// `actions[0].kind`): positions are looked up by id. An id `plr` does not hold renders at
    /// the position it would take if added (the end of its list).
    pub fn json_path(&self, plr: &Plr) -> String {
        let section = |area: &AreaId| {
            plr.sections
                .iter()
                .position(|s| &s.id == area)
                .unwrap_or(plr.sections.len())
        };
        match self {
            FieldPath::Case(field) => field.json().to_string(),
            FieldPath::Participation(field) => {
                format!("participation.{}", participation_key(*field))
            }
            FieldPath::Statement {
                area,
                statement,
                field,
            } => {
                let s = section(area);
                let item = plr.sections.get(s).map_or(0, |section| {
                    section
                        .items
                        .iter()
                        .position(|i| &i.id == statement)
                        .unwrap_or(section.items.len())
                });
                let key = match field {
                    StatementField::Rating => "rating",
                    StatementField::Note => "note",
                };
                format!("sections[{s}].items[{item}].{key}")
            }
            FieldPath::Area { area, field } => {
                format!("sections[{}].{}", section(area), area_key(*field))
            }
            FieldPath::Judgement(field) => format!("judgement.{}", field.key()),
            FieldPath::Actions => "actions".to_string(),
            FieldPath::Action { id, field } => {
                let n = plr
                    .actions
                    .iter()
                    .position(|a| &a.id == id)
                    .unwrap_or(plr.actions.len());
                format!("actions[{n}].{}", field.key())
            }
        }
    }

    /// The id of the control that edits the answer (the first radio of a group, the day of a
    /// date). Made of the ids the path names, never of positions that change: areas and
    /// statements by their framework ids, actions by their own.
    pub fn dom_id(&self) -> String {
        match self {
            FieldPath::Case(field) => dashed(field.json()),
            FieldPath::Participation(field) => {
                format!(
                    "participation-{}",
                    participation_key(*field).replace('.', "-")
                )
            }
            FieldPath::Statement {
                statement, field, ..
            } => {
                let key = match field {
                    StatementField::Rating => "rating",
                    StatementField::Note => "note",
                };
                format!("statement-{}-{key}", safe(&statement.0))
            }
            FieldPath::Area { area, field } => {
                format!("area-{}-{}", safe(&area.0), area_key(*field))
            }
            FieldPath::Judgement(field) => format!("judgement-{}", field.key()),
            FieldPath::Actions => "actions".to_string(),
            FieldPath::Action { id, field } => format!("action-{}-{}", safe(id), field.key()),
        }
    }
}

fn participation_key(field: ParticipationField) -> String {
    match field {
        ParticipationField::SocialWorker => "social_worker".into(),
        ParticipationField::TeamManager => "team_manager".into(),
        ParticipationField::IroOrCpChair => "iro_or_cp_chair".into(),
        ParticipationField::Views(whose, field) => format!("{}.{}", whose.key(), field.key()),
    }
}

fn area_key(field: AreaField) -> &'static str {
    match field {
        AreaField::PractitionerReflection => "practitioner_reflection",
        AreaField::ReviewerEvaluation => "reviewer_evaluation",
    }
}

/// `review.reviewer.name` -> `review-reviewer-name`.
fn dashed(path: &str) -> String {
    path.replace('.', "-")
}

/// An id from a file as part of an element id: letters, digits, `_` and `-` as they are,
/// anything else as `_` and its code point, so two different ids never share an element id.
fn safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::complete_plr;

    #[test]
    fn renders_json_paths_by_position_and_dom_ids_by_id() {
        let mut plr = complete_plr();
        let first = crate::model::Action::new_after(&plr.actions);
        plr.actions.push(first);
        let second = crate::model::Action::new_after(&plr.actions);
        plr.actions.push(second.clone());
        let second = second.id;
        let field = FieldPath::Action {
            id: second.clone(),
            field: ActionField::Kind,
        };
        assert_eq!(field.json_path(&plr), "actions[1].kind");
        plr.actions.remove(0);
        assert_eq!(field.json_path(&plr), "actions[0].kind");
        assert_eq!(field.dom_id(), format!("action-{second}-kind"));

        let rating = FieldPath::Statement {
            area: plr.sections[2].id.clone(),
            statement: plr.sections[2].items[3].id.clone(),
            field: StatementField::Rating,
        };
        assert_eq!(rating.json_path(&plr), "sections[2].items[3].rating");
        let views = FieldPath::Participation(ParticipationField::Views(
            Whose::ParentCarer,
            ViewsField::Feedback,
        ));
        assert_eq!(views.json_path(&plr), "participation.parent_carer.feedback");
        assert_eq!(views.dom_id(), "participation-parent_carer-feedback");
        assert_eq!(
            FieldPath::Case(CaseField::ReviewerName).dom_id(),
            "review-reviewer-name"
        );
    }

    #[test]
    fn different_ids_never_share_an_element_id() {
        let id = |s: &str| {
            FieldPath::Action {
                id: s.into(),
                field: ActionField::Owner,
            }
            .dom_id()
        };
        assert_ne!(id("a b"), id("a_b"));
        assert_ne!(id("a.b"), id("a-b"));
        assert_eq!(id("a7"), "action-a7-owner");
    }
}
