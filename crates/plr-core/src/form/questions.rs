//! Every question a review asks, in form order, as the form asks it ([`Question`]: where its
//! answer lives, its label, hint and length limit, from its row of [`super::catalogue`]), and
//! the question at a [`FieldPath`].

use super::catalogue::{declared, Kind};
use super::spots::{spot_list, Spot};
use super::{ActionField, FieldPath, Task};
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
            hint: self.hint(),
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

impl ActionField {
    /// The question's label on an action's card (and in the printed record).
    pub fn label(self) -> &'static str {
        declared(Kind::Action(self)).label
    }
}

impl FieldPath {
    /// The question at this path in `plr` (`None` for a list item `plr` does not hold).
    pub fn spot<'a>(&self, plr: &'a Plr) -> Option<Spot<'a>> {
        let section = |area| plr.sections.iter().find(|s| &s.id == area);
        Some(match self {
            FieldPath::Case(field) => Spot::Case(*field),
            FieldPath::Participation(field) => Spot::Participation(*field),
            FieldPath::Views { whose, field } => Spot::Views {
                whose: *whose,
                field: *field,
            },
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
    use crate::form::StatementField;
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
