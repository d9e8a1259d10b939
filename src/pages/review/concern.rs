//! The immediate concern on the judgement page: the flag, what the concern is, with whom and
//! when it was shared, and the Case of Concern's deadline. The core records the moments and
//! decides what is required; this renders and dispatches.

use leptos::prelude::*;
use plr_core::completion::is_case_of_concern;
use plr_core::concern::{share_by, share_instruction};
use plr_core::{JudgementStoreFields, PlrStoreFields};

use super::Review;
use crate::browser;
use crate::components::fields::{Checkbox, TextInput};
use crate::components::narrative::TextArea;
use plr_core::form::{FieldPath, JudgementField};

/// The immediate concern questions and the Case of Concern notice.
#[component]
pub fn ImmediateConcern() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let judgement = store.judgement();
    let flagged = Memo::new(move |_| judgement.immediate_concern().get());
    let shared_at = Memo::new(move |_| judgement.concern_shared_at().get());
    let concern = Memo::new(move |_| store.with(is_case_of_concern));
    let no_actions = Memo::new(move |_| store.actions().with(Vec::is_empty));
    // Derived by the core from what is recorded, never read back from editing state.
    let deadline = Memo::new(move |_| store.with(share_by));

    view! {
        <Checkbox
            path=FieldPath::Judgement(JudgementField::ImmediateConcern)
            label="There is an immediate concern about the child's safety"
            hint="The suggested grade becomes Inadequate, and the review becomes a Case of Concern: it must be shared with the Head of Service within 24 hours."
            checked=Signal::derive(move || flagged.get())
            on_change=move |on| judgement.update(|j| j.flag_immediate_concern(on, browser::now()))
        />
        <Show when=move || flagged.get()>
            <div class="conditional" id="immediate-concern-details">
                <TextArea
                    path=FieldPath::Judgement(JudgementField::ImmediateConcernDetails)
                    label="What is the concern?"
                    hint="What was seen or heard, and why the child may not be safe."
                    field=judgement.immediate_concern_details().into()
                />
                <TextInput
                    path=FieldPath::Judgement(JudgementField::ConcernSharedWith)
                    label="Name of the Head of Service it was shared with"
                    field=judgement.concern_shared_with().into()
                    class="input--width-20"
                />
                <Checkbox
                    path=FieldPath::Judgement(JudgementField::ConcernSharedAt)
                    label="It has been shared with the Head of Service"
                    hint="Tick this once you have told them: the date and time are recorded."
                    checked=Signal::derive(move || shared_at.get().is_some())
                    on_change=move |on| judgement.update(|j| j.record_sharing(on, browser::now()))
                />
                {move || shared_at.get().map(|at| view! {
                    <p class="inset" id="concern-shared-record">
                        {format!("Shared with the Head of Service on {}.", browser::local_date_time(at))}
                    </p>
                })}
            </div>
        </Show>
        <Show when=move || concern.get()>
            <div class="notice notice--concern" role="region" aria-labelledby="case-of-concern">
                <h2 id="case-of-concern">"This review is a Case of Concern"</h2>
                <p id="concern-deadline">
                    {move || {
                        let at = deadline.get().map(browser::local_date_time);
                        share_instruction(at.as_deref())
                    }}
                </p>
                <Show when=move || no_actions.get()>
                    <p>"It needs at least one action before it can be completed."</p>
                </Show>
            </div>
        </Show>
    }
}
