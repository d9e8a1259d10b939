//! The walk every description of the form is built on: each question of one review, in form
//! order, as a [`Spot`] that borrows the review instead of naming it. A spot knows its text
//! answer and its length limit straight from the review, and makes its [`FieldPath`] or label
//! only when asked, so import (which walks every question of every file it reads, for the
//! limits) builds no label and copies no id.

use super::{
    ActionField, AreaField, CaseField, FieldPath, JudgementField, ParticipationField,
    StatementField, Task, ViewsField, Whose,
};
use crate::model::{Action, Item, Plr, Section};

/// One question of one review, borrowed from it.
#[derive(Debug, Clone, Copy)]
pub enum Spot<'a> {
    /// "About the case".
    Case(CaseField),
    /// "Who took part", apart from a person's views.
    Participation(ParticipationField),
    /// A question of one person's views.
    Views {
        /// Whose views.
        whose: Whose,
        /// Which question.
        field: ViewsField,
    },
    /// A question about one statement of an area.
    Statement {
        /// The statement's area.
        section: &'a Section,
        /// The statement.
        item: &'a Item,
        /// Which question.
        field: StatementField,
    },
    /// A question of one area's page.
    Area {
        /// The area.
        section: &'a Section,
        /// Which question.
        field: AreaField,
    },
    /// "Grade and judgement".
    Judgement(JudgementField),
    /// The list of actions itself.
    Actions,
    /// A question of one action.
    Action {
        /// The action.
        action: &'a Action,
        /// Which question.
        field: ActionField,
    },
}

/// Every question `plr` can be asked, in form order: the fixed questions, a rating and a note
/// per statement of each of its sections and the area's two narratives, the judgement, then
/// every question of each of its actions.
pub fn spots(plr: &Plr) -> impl Iterator<Item = Spot<'_>> {
    let views = [Whose::Child, Whose::ParentCarer]
        .into_iter()
        .flat_map(|whose| {
            ViewsField::ALL
                .iter()
                .map(move |&field| Spot::Views { whose, field })
        });
    let sections = plr.sections.iter().flat_map(|section| {
        let statements = section.items.iter().flat_map(move |item| {
            StatementField::ALL
                .iter()
                .map(move |&field| Spot::Statement {
                    section,
                    item,
                    field,
                })
        });
        let narratives = AreaField::ALL
            .iter()
            .map(move |&field| Spot::Area { section, field });
        statements.chain(narratives)
    });
    let actions = plr.actions.iter().flat_map(|action| {
        ActionField::ALL
            .iter()
            .map(move |&field| Spot::Action { action, field })
    });
    CaseField::ALL
        .iter()
        .copied()
        .map(Spot::Case)
        .chain(
            ParticipationField::ALL
                .iter()
                .copied()
                .map(Spot::Participation),
        )
        .chain(views)
        .chain(sections)
        .chain(JudgementField::ALL.iter().copied().map(Spot::Judgement))
        .chain([Spot::Actions])
        .chain(actions)
}

/// [`spots`] as a list. Every reader that does not need to stream the walk (import does)
/// takes this one, so the walk's long chain of iterators is compiled once for all of them,
/// not once per reader: the form's download carries one copy.
pub fn spot_list(plr: &Plr) -> Vec<Spot<'_>> {
    spots(plr).collect()
}

impl<'a> Spot<'a> {
    /// Where its answer lives, as a value of its own (copies the ids it names).
    pub fn path(&self) -> FieldPath {
        match *self {
            Spot::Case(field) => FieldPath::Case(field),
            Spot::Participation(field) => FieldPath::Participation(field),
            Spot::Views { whose, field } => FieldPath::Views { whose, field },
            Spot::Statement {
                section,
                item,
                field,
            } => FieldPath::Statement {
                area: section.id.clone(),
                statement: item.id.clone(),
                field,
            },
            Spot::Area { section, field } => FieldPath::Area {
                area: section.id.clone(),
                field,
            },
            Spot::Judgement(field) => FieldPath::Judgement(field),
            Spot::Actions => FieldPath::Actions,
            Spot::Action { action, field } => FieldPath::Action {
                id: action.id.clone(),
                field,
            },
        }
    }

    /// Its text answer in `plr` (the review it was found in), `None` for an answer that is not
    /// text.
    pub fn text(&self, plr: &'a Plr) -> Option<&'a str> {
        match *self {
            Spot::Case(field) => field.text(plr),
            Spot::Participation(field) => field.text(&plr.participation),
            Spot::Views { whose, field } => field.text(whose.views(plr)?),
            Spot::Statement { item, field, .. } => field.text(item),
            Spot::Area { section, field } => field.text(section),
            Spot::Judgement(field) => field.text(&plr.judgement),
            Spot::Actions => None,
            Spot::Action { action, field } => field.text(action),
        }
    }

    /// Whether it is asked on `task`'s page.
    pub fn in_task(&self, task: &Task) -> bool {
        match (self, task) {
            (Spot::Case(_), Task::Case)
            | (Spot::Participation(_) | Spot::Views { .. }, Task::Participation)
            | (Spot::Judgement(_), Task::Judgement)
            | (Spot::Actions | Spot::Action { .. }, Task::Actions) => true,
            (Spot::Statement { section, .. } | Spot::Area { section, .. }, Task::Area(area)) => {
                &section.id == area
            }
            _ => false,
        }
    }
}

/// `text` cut to at most `limit` characters (the count import checks); unchanged when it
/// fits or there is no limit. Controls write through it: a script, an extension or autofill
/// can set a value past a control's `maxlength`, and a review holding it could be saved but
/// never opened again.
pub fn within(mut text: String, limit: Option<usize>) -> String {
    if let Some(limit) = limit {
        if text.len() > limit {
            if let Some((cut, _)) = text.char_indices().nth(limit) {
                text.truncate(cut);
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn text_past_its_limit_is_cut_at_a_character_never_inside_one() {
        assert_eq!(within("abcdef".into(), Some(4)), "abcd");
        assert_eq!(within("abcd".into(), Some(4)), "abcd");
        assert_eq!(within("abcdef".into(), None), "abcdef");
        // Four characters of two bytes each: eight bytes, within a limit of four characters.
        assert_eq!(within("éééé".into(), Some(4)), "éééé");
        assert_eq!(within("ééééé".into(), Some(4)), "éééé");
    }
}
