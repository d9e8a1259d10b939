//! Actions: add, edit and remove follow-up actions. A care planning action shows where it
//! must go for the child's legal status. On a completed review, each action's status and
//! progress can still be updated (the core says which answers), each such change records the
//! day it was made (`updated_on`, kept by the core), and overdue ones are marked.

use leptos::prelude::*;
use plr_core::followthrough::note_follow_up;
use plr_core::form::{ActionField, FieldPath, Question, Task};
use plr_core::{
    Action, ActionKind, ActionStatus, ActionStoreFields, CaseStoreFields, PlrStoreFields,
};
use reactive_stores::Field;

use super::{Continue, Review};
use crate::browser;
use crate::components::fields::{radio_id, DateInput, FormState, RadioChoice, Radios, TextInput};
use crate::components::narrative::TextArea;
use crate::components::title::PageTitle;
use crate::components::when::When;

/// The "Actions" page.
#[component]
pub fn ActionsPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let count = Memo::new(move |_| store.actions().read().len());
    let form = FormState::use_context();
    let none_error = Signal::derive(move || form.problem_at(&FieldPath::Actions));
    note_follow_ups(review);
    let add = move |_| {
        let action = store.actions().with_untracked(|a| Action::new_after(a));
        // Focus the new action's first question, after it has rendered.
        let first = FieldPath::Action {
            id: action.id.clone(),
            field: ActionField::Kind,
        };
        store.actions().update(|actions| actions.push(action));
        browser::focus_after_render(first.dom_id());
    };

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Actions"</h1>
        <PageTitle title="Actions" error=review.has_problems() />
        <p>{move || if review.is_completed() {
            "This review is completed. You can still update each action's status and progress; the rest stays as it was completed."
        } else {
            "Record what needs to happen next, who will do it and by when."
        }}</p>
        <When when=Signal::derive(move || count.get() == 0)>
            <p>"No actions yet."</p>
        </When>
        <For
            each=move || store.actions()
            key=|action| action.read().id.clone()
            let:action
        >
            <ActionCard action=action.into() />
        </For>
        <When when=Signal::derive(move || !review.is_completed())>
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
        </When>
        <Continue after=Task::Actions />
    }
}

/// Records the day of each follow-up change made on a completed review (the core decides what
/// is one): compares the actions with how they were before each change. A draft's actions are
/// not copied on every keystroke: a draft has no follow-ups.
fn note_follow_ups(review: Review) {
    let store = review.store;
    Effect::new(move |before: Option<Option<Vec<Action>>>| {
        if !review.is_completed() {
            return None;
        }
        let now = store.actions().get();
        if let Some(before) = before.flatten() {
            store.maybe_update(|plr| note_follow_up(&before, plr, browser::today()));
        }
        Some(now)
    });
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
    // Addressed by the action's id: removing another action never moves these.
    let at = {
        let id = id.clone();
        move |field| FieldPath::Action {
            id: id.clone(),
            field,
        }
    };
    let kind = Memo::new(move |_| action.kind().get());
    let lateness = Memo::new(move |_| action.with(|a| a.lateness(browser::today())));
    let completed = Memo::new(move |_| action.status().get() == ActionStatus::Completed);
    let transferred = Memo::new(move |_| action.status().get() == ActionStatus::Transferred);
    let updated_on = Memo::new(move |_| action.updated_on().get());
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
    let kinds = ActionKind::ALL.map(|k| (k, k.choice())).to_vec();
    let statuses = ActionStatus::ALL.map(|s| (s, s.label())).to_vec();
    let status = Signal::derive(move || action.status().get());
    let choose = move |value| action.update(|a| a.set_status(value, browser::today()));
    let completed_on = review.bind(at(ActionField::CompletedOn));
    let transferred_on = review.bind(at(ActionField::TransferredOn));
    let updated_id = format!("action-{id}-updated");
    view! {
        <section class="card" aria-labelledby=format!("action-{id}-title")>
            <h2 class="card__title" id=format!("action-{id}-title")>
                {move || format!("Action {}", index.get() + 1)}
                {move || lateness.get().map(|late| view! { " " <span class="tag tag--concern">{late.label()}</span> })}
            </h2>
            <Radios answer=review.bind(at(ActionField::Kind)) options=kinds />
            <When when=Signal::derive(move || kind.get() == Some(ActionKind::CarePlanning))>
                <p class="inset">
                    {move || match destination.get() {
                        Some(place) => format!("Where this goes: {place}."),
                        None => "Choose the child's legal status (About the case) to see where this action goes.".to_string(),
                    }}
                </p>
            </When>
            <TextArea answer=review.bind(at(ActionField::Description)) rows=2 />
            <TextInput answer=review.bind(at(ActionField::Owner)) class="input--width-20" />
            <DateInput answer=review.bind(at(ActionField::DueOn)) />
            <StatusRadios question=review.ask(at(ActionField::Status)) options=statuses status on_choose=choose />
            <When when=completed>
                <div class="conditional">
                    <DateInput answer=completed_on.clone() />
                </div>
            </When>
            <When when=transferred>
                <div class="conditional">
                    <DateInput answer=transferred_on.clone() />
                </div>
            </When>
            <TextArea answer=review.bind(at(ActionField::ProgressNote)) rows=2 />
            <When when=Signal::derive(move || review.is_completed())>
                <p class="hint" id=updated_id.clone()>{move || match updated_on.get() {
                    Some(on) => format!("Last updated {}", browser::short_date(on)),
                    None => "No update yet".to_string(),
                }}</p>
            </When>
            <When when=Signal::derive(move || !review.is_completed())>
                <button type="button" class="button button--warning button--small" on:click=remove.clone()>
                    {move || format!("Remove action {}", index.get() + 1)}
                </button>
            </When>
        </section>
    }
}

/// Open / Completed / Transferred / Service ended for an action (a status is never blank, so
/// it has no empty state); choosing one goes through the core (`on_choose`), which keeps the
/// day of a transfer with it.
#[component]
fn StatusRadios(
    question: Question,
    options: Vec<(ActionStatus, &'static str)>,
    status: Signal<ActionStatus>,
    on_choose: impl Fn(ActionStatus) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = question.field.dom_id();
    let locked = FormState::use_context().locked(&question.field);
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(n, (value, text))| {
            view! {
                <RadioChoice
                    id=radio_id(&id, n)
                    name=id.clone()
                    checked=Signal::derive(move || status.get() == value)
                    on_choose=move || on_choose(value)
                    locked
                >
                    {text}
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        <div class="form-group">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{question.label}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}
