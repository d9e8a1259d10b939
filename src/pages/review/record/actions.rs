//! The record's actions: one block per action, one row per question of its card.

use plr_core::form::Spot;
use plr_core::Action;

use super::{Block, Record};

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

/// One action: the questions its card asks, with their answers.
fn action_rows(record: &Record, action: &Action) -> Vec<(String, String)> {
    record.rows(&|spot| matches!(spot, Spot::Action { action: a, .. } if a.id == action.id))
}
