//! The record's actions: one block per action, one row per question of its card.

use plr_core::form::{ActionField, FieldPath};
use plr_core::{Action, ActionKind};

use super::{answered, Block, Record};
use crate::browser;

/// Every action, or "None".
pub(super) fn actions(record: &Record, out: &mut Vec<Block>) {
    out.push(Block::Heading(2, "Actions".into()));
    if record.plr.actions.is_empty() {
        out.push(Block::Text("None".into()));
    }
    for (n, action) in record.plr.actions.iter().enumerate() {
        out.push(Block::Keep(
            "record__statement",
            vec![
                Block::Heading(3, format!("Action {}", n + 1)),
                Block::Rows(action_rows(record, action)),
            ],
        ));
    }
}

/// One action: what, who, by when, and how it stands (the questions its card asks).
fn action_rows(record: &Record, action: &Action) -> Vec<(String, String)> {
    let date = |d: Option<chrono::NaiveDate>| d.map_or("Not answered".into(), browser::long_date);
    ActionField::ALL
        .into_iter()
        .filter(|field| {
            record.asks(&FieldPath::Action {
                id: action.id.clone(),
                field: *field,
            })
        })
        .map(|field| {
            let value = match field {
                ActionField::Kind => action
                    .kind
                    .map_or("Not answered", ActionKind::label)
                    .to_string(),
                ActionField::Description => answered(&action.description),
                ActionField::Owner => answered(&action.owner),
                ActionField::DueOn => date(action.due_on),
                ActionField::Status => action.status.label().to_string(),
                ActionField::CompletedOn => date(action.completed_on),
                ActionField::ProgressNote => answered(&action.progress_note),
            };
            (field.label().to_string(), value)
        })
        .collect()
}
