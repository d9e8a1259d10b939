//! [`FieldPath`]: where a question's answer lives in a PLR, as a value. It renders to the JSON
//! path a problem names (`actions[0].kind`) and to the id of the control that edits it
//! (`action-a2-kind`). List items are addressed by their stable id (an action's `id`, an
//! area's and a statement's id), so removing an action never moves another action's address.

use super::{
    ActionField, AreaField, CaseField, JudgementField, ParticipationField, StatementField,
    ViewsField,
};
use crate::model::{AreaId, Plr, StatementId, Views};

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

    /// Their views in `plr`, when it holds them (the child's only for a child aged 4 or over).
    pub fn views(self, plr: &Plr) -> Option<&Views> {
        let participation = &plr.participation;
        match self {
            Whose::Child => participation.child.as_ref(),
            Whose::ParentCarer => participation.parent_carer.as_ref(),
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

/// Where one answer lives in a PLR.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// "About the case".
    Case(CaseField),
    /// "Who took part", apart from a person's views.
    Participation(ParticipationField),
    /// A question of one person's views, on "Who took part".
    Views {
        /// Whose views.
        whose: Whose,
        /// Which question.
        field: ViewsField,
    },
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
            FieldPath::Case(field) => field.key().to_string(),
            FieldPath::Participation(field) => format!("participation.{}", field.key()),
            FieldPath::Views { whose, field } => {
                format!("participation.{}.{}", whose.key(), field.key())
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
                format!("sections[{s}].items[{item}].{}", field.key())
            }
            FieldPath::Area { area, field } => {
                format!("sections[{}].{}", section(area), field.key())
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
            FieldPath::Case(field) => field.key().replace('.', "-"),
            FieldPath::Participation(field) => format!("participation-{}", field.key()),
            FieldPath::Views { whose, field } => {
                format!("participation-{}-{}", whose.key(), field.key())
            }
            FieldPath::Statement {
                statement, field, ..
            } => format!("statement-{}-{}", safe(&statement.0), field.key()),
            FieldPath::Area { area, field } => {
                format!("area-{}-{}", safe(&area.0), field.key())
            }
            FieldPath::Judgement(field) => format!("judgement-{}", field.key()),
            FieldPath::Actions => "actions".to_string(),
            FieldPath::Action { id, field } => format!("action-{}-{}", safe(id), field.key()),
        }
    }
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
        let views = FieldPath::Views {
            whose: Whose::ParentCarer,
            field: ViewsField::Feedback,
        };
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
