//! A narrative field (evidence notes, reflections, evaluations, the impact on the child, the
//! rationale, the concern, action descriptions) and the Language that Cares advice under it.
//!
//! The advice is the core's [`advise`]: it is worked out again once typing pauses for
//! [`PAUSE`] (each change restarts the wait) or when the field loses focus, never on every
//! keystroke, and shown in one polite live region per field, so a screen reader hears it when
//! the user stops typing without being interrupted. It is advice only: completion never looks
//! at it.

use std::time::Duration;

use leptos::prelude::*;
use plr_core::form::within;
use plr_core::import::MAX_TEXT_CHARS;
use plr_core::language::advise;
use reactive_stores::Field;

use super::fields::{Described, FormState, Labelled};
use crate::answer::Bound;

/// How long typing must pause before the advice is worked out again.
pub const PAUSE: Duration = Duration::from_millis(700);

/// A multi-line text field (narratives, notes) with a label, hint, inline error and advice.
#[component]
pub fn TextArea(
    /// The question (its path, label, hint and limit) and the store field it edits.
    answer: Bound<String>,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let (question, field) = answer.parts();
    let d = Described::new(&question);
    let locked = FormState::use_context().locked(&question.field);
    view! {
        <Labelled described=d.clone() label=question.label>
            <Narrative described=d field locked rows class="textarea" />
        </Labelled>
    }
}

/// The `<textarea>` of a narrative and its advice, for a label placed by the caller.
#[component]
pub fn Narrative(
    /// The control's id, hint and error.
    described: Described,
    /// The store field edited.
    field: Field<String>,
    /// Whether it is read-only now (a completed review's answers, except its follow-up).
    locked: Signal<bool>,
    /// Visible rows.
    rows: u32,
    /// The textarea's CSS classes.
    class: &'static str,
) -> impl IntoView {
    let id = described.id.clone();
    let advice_id = format!("{id}-advice");
    let advice = RwSignal::new(Vec::<String>::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(Some(handle)) = pending.try_get_value() {
            handle.clear();
            pending.set_value(None);
        }
    };
    let refresh = move || {
        cancel();
        let now: Vec<String> = if locked.get_untracked() {
            Vec::new()
        } else {
            field.with_untracked(|text| advise(text).iter().map(|a| a.message()).collect())
        };
        if advice.try_with_untracked(|shown| *shown != now) == Some(true) {
            advice.set(now);
        }
    };
    // Every change (typed here or arriving from another tab) restarts the wait.
    Effect::new(move |previous: Option<()>| {
        field.track();
        match previous {
            None => refresh(),
            Some(()) => {
                cancel();
                match set_timeout_with_handle(refresh, PAUSE) {
                    Ok(handle) => pending.set_value(Some(handle)),
                    Err(_) => refresh(),
                }
            }
        }
    });
    on_cleanup(cancel);
    let described_by = described.described_by();
    let advised = advice_id.clone();
    view! {
        <textarea
            class=class
            id=id.clone()
            name=id
            rows=rows
            maxlength=MAX_TEXT_CHARS
            aria-describedby=move || {
                let advice = advice.with(|a| !a.is_empty()).then(|| advised.clone());
                let ids: Vec<String> = described_by().into_iter().chain(advice).collect();
                (!ids.is_empty()).then(|| ids.join(" "))
            }
            aria-invalid=described.invalid()
            disabled=move || locked.get()
            // Shows the field and writes what is typed back to it, within the limit.
            bind:value=(field, SignalSetter::<String>::map(move |text| field.set(within(text, Some(MAX_TEXT_CHARS)))))
            on:blur=move |_| refresh()
        ></textarea>
        <div class="advice" id=advice_id aria-live="polite">
            {move || {
                let messages = advice.get();
                (!messages.is_empty()).then(|| view! {
                    <p class="advice__title">"Language that Cares "<span class="advice__aside">"(a suggestion: it never stops you continuing)"</span></p>
                    <ul class="advice__list">
                        {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
