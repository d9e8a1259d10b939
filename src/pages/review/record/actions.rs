//! The record's actions: one block per action, one row per question of its card.

use std::sync::Arc;

use leptos::prelude::*;
use plr_core::form::{applies, ActionField, FieldPath};
use plr_core::{Action, ActionKind};

use super::{answered, rows_view, Record};
use crate::browser;

/// Every action, or "None".
#[component]
pub(super) fn RecordActions(record: Arc<Record>) -> impl IntoView {
    let actions = record
        .plr
        .actions
        .iter()
        .enumerate()
        .map(|(n, action)| view! { <RecordAction record=record.clone() action=action.clone() number=n + 1 /> })
        .collect_view();
    let none = record
        .plr
        .actions
        .is_empty()
        .then(|| view! { <p>"None"</p> });
    view! {
        <h2>"Actions"</h2>
        {none}
        {actions}
    }
}

/// One action: what, who, by when, and how it stands.
#[component]
fn RecordAction(record: Arc<Record>, action: Action, number: usize) -> impl IntoView {
    let rows = ActionField::ALL
        .into_iter()
        .filter(|field| {
            let path = FieldPath::Action {
                id: action.id.clone(),
                field: *field,
            };
            applies(&path, &record.plr, record.suggestion.grade)
        })
        .map(|field| {
            let value = match field {
                ActionField::Kind => action
                    .kind
                    .map_or("Not answered", ActionKind::label)
                    .to_string(),
                ActionField::Description => answered(&action.description),
                ActionField::Owner => answered(&action.owner),
                ActionField::DueOn => action
                    .due_on
                    .map_or("Not answered".into(), browser::long_date),
                ActionField::Status => action.status.label().to_string(),
                ActionField::CompletedOn => action
                    .completed_on
                    .map_or("Not answered".into(), browser::long_date),
            };
            (field.label().to_string(), value)
        })
        .collect();
    view! {
        <div class="record__statement">
            <h3>{format!("Action {number}")}</h3>
            {rows_view(rows)}
        </div>
    }
}
