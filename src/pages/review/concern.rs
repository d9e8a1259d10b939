//! The immediate concern on the judgement page: the flag, what the concern is, with whom and
//! when it was shared; and the Case of Concern notice (its deadline, the time left, whether it
//! was shared in time), where a review that became one without the flag (completed or
//! moderated inadequate) records its sharing, even once completed. The core records the
//! moments, keeps the clock and decides what is required; this renders and dispatches.

use leptos::prelude::*;
use plr_core::concern::{
    is_case_of_concern, is_or_was_case_of_concern, share_by, share_instruction, sharing_problem,
    sharing_record, ConcernClock, SharingProblem,
};
use plr_core::followthrough::RegisterState;
use plr_core::{JudgementStoreFields, PlrStoreFields};

use super::Review;
use crate::address::ReviewPage;
use crate::browser;
use crate::components::fields::{Checkbox, TextInput};
use crate::components::narrative::TextArea;
use crate::components::when::When;
use plr_core::form::{FieldPath, JudgementField};

/// The immediate concern questions and the Case of Concern notice.
#[component]
pub fn ImmediateConcern() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let judgement = store.judgement();
    let flagged = Memo::new(move |_| judgement.immediate_concern().get());
    let ask = move |field| review.ask(FieldPath::Judgement(field));

    view! {
        <Checkbox
            question=ask(JudgementField::ImmediateConcern)
            checked=Signal::derive(move || flagged.get())
            on_change=move |on| judgement.update(|j| j.flag_immediate_concern(on, browser::now()))
        />
        <When when=flagged>
            <div class="conditional" id="immediate-concern-details">
                <TextArea
                    answer=review.bind(JudgementField::ImmediateConcernDetails)
                />
                <SharingRecord />
            </div>
        </When>
        <ConcernNotice />
    }
}

/// "This review is a Case of Concern": who it must reach and by when, the time left (or
/// whether it was shared in time), and the record of its sharing.
#[component]
pub fn ConcernNotice() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let judgement = store.judgement();
    let flagged = Memo::new(move |_| judgement.immediate_concern().get());
    let shared_at = Memo::new(move |_| judgement.concern_shared_at().get());
    let concern = Memo::new(move |_| store.with(is_or_was_case_of_concern));
    let upgraded = Memo::new(move |_| store.with(|plr| !is_case_of_concern(plr)));
    let no_actions = Memo::new(move |_| store.actions().with(Vec::is_empty));
    // Derived by the core from what is recorded, never read back from editing state.
    let deadline = Memo::new(move |_| store.with(share_by));
    let clock = move || store.with(|plr| ConcernClock::of(plr, browser::now()));
    view! {
        <When when=concern>
            <div class="notice notice--concern" role="region" aria-labelledby="case-of-concern">
                <h2 id="case-of-concern">"This review is a Case of Concern"</h2>
                <p id="concern-deadline">
                    {move || {
                        let at = deadline.get().map(browser::local_date_time);
                        share_instruction(at.as_deref())
                    }}
                </p>
                <When when=upgraded>
                    <p id="concern-upgraded">"Its grade has since changed, but it was raised as a Case of Concern: it stays followed, and its sharing is recorded here."</p>
                </When>
                {move || clock().map(|c| view! { <p id="concern-clock"><strong>{c.label()}</strong></p> })}
                {move || shared_at.get().map(|at| view! {
                    <p id="concern-shared-record">
                        {judgement.concern_shared_with().with(|with| sharing_record(with, &browser::local_date_time(at)))}
                    </p>
                })}
                // Flagged, these questions are asked above with the concern itself.
                <When when=Signal::derive(move || !flagged.get())>
                    <SharingRecord />
                </When>
                {move || review.is_completed().then(|| {
                    let state = store.with(|plr| RegisterState::of(plr, browser::today()));
                    view! {
                        {state.map(|s| view! { <p id="concern-register"><strong>{s.label(browser::long_date)}</strong></p> })}
                        <p><a class="link" id="concern-update-link" href=review.href(&ReviewPage::CONCERN_UPDATE)>"Record a Head of Service update"</a></p>
                    }
                })}
                <When when=Signal::derive(move || no_actions.get() && !review.is_completed())>
                    <p>"It needs at least one action before it can be completed."</p>
                </When>
            </div>
        </When>
    }
}

/// Who the Case of Concern was shared with, and the tick that records when (both can be
/// recorded after completion: the core says so). The tick needs the name first, and a name
/// cleared after the tick is shown as a problem (the core's rules).
#[component]
fn SharingRecord() -> impl IntoView {
    let review = Review::use_context();
    let judgement = review.store.judgement();
    let shared_at = Memo::new(move |_| judgement.concern_shared_at().get());
    let refused = RwSignal::new(None::<SharingProblem>);
    let problem = Signal::derive(move || {
        judgement
            .with(sharing_problem)
            .or_else(|| {
                refused.get().filter(|_| {
                    judgement
                        .concern_shared_with()
                        .with(|n| n.trim().is_empty())
                })
            })
            .map(|p| p.to_string())
    });
    let ask = move |field| review.ask(FieldPath::Judgement(field));
    view! {
        <TextInput
            answer=review.bind(JudgementField::ConcernSharedWith)
            class="input--width-20"
        />
        <Checkbox
            question=ask(JudgementField::ConcernSharedAt)
            checked=Signal::derive(move || shared_at.get().is_some())
            on_change=move |on| {
                let mut outcome = Ok(());
                judgement.update(|j| outcome = j.record_sharing(on, browser::now()));
                refused.set(outcome.err());
            }
            problem
        />
    }
}
