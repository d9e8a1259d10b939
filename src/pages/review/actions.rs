//! Actions: add, edit and remove follow-up actions. A care planning action shows where it
//! must go for the child's legal status.

use leptos::prelude::*;
use plr_core::{
    Action, ActionKind, ActionStatus, ActionStoreFields, CaseStoreFields, PlrStoreFields,
};
use reactive_stores::Field;

use super::{Continue, Review};
use crate::browser;
use crate::components::fields::{
    field_id, radio_id, DateInput, RadioChoice, Radios, TextArea, TextInput,
};
use crate::components::title::PageTitle;

/// The "Actions" page.
#[component]
pub fn ActionsPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let count = Memo::new(move |_| store.actions().read().len());
    let none_error = Signal::derive(move || review.problem_at("actions"));
    let add = move |_| {
        store
            .actions()
            .update(|actions| actions.push(Action::new_after(actions)));
        // Focus the new action's first question, after it has rendered.
        let index = store.actions().with_untracked(|a| a.len() - 1);
        browser::focus_after_render(field_id(&format!("actions[{index}].kind")));
    };

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Actions"</h1>
        <PageTitle title="Actions" />
        <p>"Record what needs to happen next, who will do it and by when."</p>
        <Show when=move || count.get() == 0>
            <p>"No actions yet."</p>
        </Show>
        <For
            each=move || store.actions()
            key=|action| action.read().id.clone()
            let:action
        >
            <ActionCard action=action.into() />
        </For>
        <Show when=move || !review.is_completed()>
            // The target of the error summary's link when a Case of Concern has no action.
            <div class="form-group" class:form-group--error=move || none_error.get().is_some()>
                {move || none_error.get().map(|message| view! {
                    <p class="error-message" id="actions-error">
                        <span class="visually-hidden">"Error: "</span>{message}
                    </p>
                })}
                <button type="button" class="button button--secondary" id="actions"
                    aria-describedby=move || none_error.get().map(|_| "actions-error")
                    on:click=add>"Add an action"</button>
            </div>
        </Show>
        <Continue next="check" />
    }
}

#[component]
fn ActionCard(action: Field<Action>) -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let id = action.id().get_untracked();
    let index = {
        let id = id.clone();
        Memo::new(move |_| {
            store
                .actions()
                .with(|actions| actions.iter().position(|a| a.id == id).unwrap_or(0))
        })
    };
    // Paths follow the action's position, as the completion check names them.
    let path = move |field: &str| format!("actions[{}].{field}", index.get_untracked());
    let kind = Memo::new(move |_| action.kind().get());
    let completed = Memo::new(move |_| action.status().get() == ActionStatus::Completed);
    let destination = Memo::new(move |_| {
        store
            .case()
            .legal_status()
            .get()
            .map(|status| status.care_planning_destination())
    });
    let remove = {
        let id = id.clone();
        move |_| {
            // This button is about to go: move focus first, to where actions are added.
            browser::focus("actions");
            store
                .actions()
                .update(|actions| actions.retain(|a| a.id != id));
        }
    };
    let kinds = vec![
        (
            ActionKind::CarePlanning,
            "Care planning: goes into the child's plan",
        ),
        (ActionKind::Other, "Other action"),
    ];
    let statuses = vec![
        (ActionStatus::Open, "Open"),
        (ActionStatus::Completed, "Completed"),
    ];
    let status_field: Field<ActionStatus> = action.status().into();
    view! {
        <section class="card" aria-labelledby=format!("action-{id}-title")>
            <h2 class="card__title" id=format!("action-{id}-title")>
                {move || format!("Action {}", index.get() + 1)}
            </h2>
            <Radios path=path("kind") legend="Type of action" options=kinds field=action.kind().into() />
            <Show when=move || kind.get() == Some(ActionKind::CarePlanning)>
                <p class="inset">
                    {move || match destination.get() {
                        Some(place) => format!("Where this goes: {place}."),
                        None => "Choose the child's legal status (About the case) to see where this action goes.".to_string(),
                    }}
                </p>
            </Show>
            <TextArea path=path("description") label="What needs to happen" field=action.description().into() rows=2 />
            <TextInput path=path("owner") label="Who will do it" field=action.owner().into() class="input--width-20" />
            <DateInput path=path("due_on") label="Due date" field=action.due_on().into() />
            <StatusRadios path=path("status") options=statuses field=status_field />
            <Show when=move || completed.get()>
                <div class="conditional">
                    <DateInput path=path("completed_on") label="Date completed" field=action.completed_on().into() />
                </div>
            </Show>
            <Show when=move || !review.is_completed()>
                <button type="button" class="button button--warning button--small" on:click=remove.clone()>
                    {move || format!("Remove action {}", index.get() + 1)}
                </button>
            </Show>
        </section>
    }
}

/// Open / Completed for an action (a status is never blank, so it has no empty state).
#[component]
fn StatusRadios(
    path: String,
    options: Vec<(ActionStatus, &'static str)>,
    field: Field<ActionStatus>,
) -> impl IntoView {
    let id = field_id(&path);
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(n, (value, text))| {
            view! {
                <RadioChoice
                    id=radio_id(&id, n)
                    name=path.clone()
                    checked=Signal::derive(move || field.get() == value)
                    on_choose=move || field.set(value)
                >
                    {text}
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        <div class="form-group">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Status"</legend>
                <div class="radios radios--inline">{radios}</div>
            </fieldset>
        </div>
    }
}
