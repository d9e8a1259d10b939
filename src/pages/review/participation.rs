//! Who took part: practitioners, the IRO / CP Chair, the child and the family, and why views
//! were not obtained. Follow-up questions are revealed under the answer they depend on.

use leptos::prelude::*;
use plr_core::{
    CaseStoreFields, Feedback, ParticipationStoreFields, PlrStoreFields, Views, ViewsOutcome,
    ViewsStoreFields,
};
use reactive_stores::{Field, OptionStoreExt};

use super::{Continue, Review};
use crate::components::fields::{Radios, YesNo};
use crate::components::title::PageTitle;

/// The "Who took part" page.
#[component]
pub fn ParticipationPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let participation = store.participation();
    let iro_allocated =
        Memo::new(move |_| store.case().iro_or_cp_chair_allocated().get() == Some(true));
    let child_asked = Memo::new(move |_| participation.child().read().is_some());
    let family_asked = Memo::new(move |_| participation.parent_carer().read().is_some());
    // The family question always applies; make room for its answer.
    Effect::new(move |_| {
        if !family_asked.get() {
            participation.parent_carer().set(Some(Views::default()));
        }
    });

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Who took part"</h1>
        <PageTitle title="Who took part" />
        <YesNo
            path="participation.social_worker".to_string()
            legend="Was the social worker involved in the review?".to_string()
            field=participation.social_worker().into()
        />
        <YesNo
            path="participation.team_manager".to_string()
            legend="Was the team manager involved in the review?".to_string()
            field=participation.team_manager().into()
        />
        <Show when=move || iro_allocated.get()>
            <YesNo
                path="participation.iro_or_cp_chair".to_string()
                legend="Was the Independent Reviewing Officer or Child Protection Chair involved?".to_string()
                field=participation.iro_or_cp_chair().into()
            />
        </Show>
        <Show
            when=move || child_asked.get()
            fallback=|| view! {
                <p class="inset">"The child's own views are asked for when the child is aged 4 or over (see About the case). For a younger child, their experience is understood through observation and play: record what was seen in Visiting and Direct Work."</p>
            }
        >
            <ViewsQuestion
                path="participation.child"
                who="the child"
                field=participation.child().unwrap().into()
            />
        </Show>
        <Show when=move || family_asked.get()>
            <ViewsQuestion
                path="participation.parent_carer"
                who="the parent or carer"
                field=participation.parent_carer().unwrap().into()
            />
        </Show>
        <Continue next="area/supervision" />
    }
}

/// Were someone's views obtained; if not, why, with the follow-up the reason needs.
#[component]
fn ViewsQuestion(path: &'static str, who: &'static str, field: Field<Views>) -> impl IntoView {
    let outcome: Field<Option<ViewsOutcome>> = field.views().into();
    let chosen = Memo::new(move |_| outcome.get());
    // A changed answer drops the follow-up answers of the old one (the core decides which).
    Effect::new(move |_| {
        chosen.track();
        field.maybe_update(Views::drop_unrelated_answers);
    });
    let options = vec![
        (ViewsOutcome::Obtained, "Yes, their views were obtained"),
        (
            ViewsOutcome::Inappropriate,
            "No, it was not right to ask them at this time",
        ),
        (ViewsOutcome::Unreachable, "No, they could not be reached"),
        (ViewsOutcome::Declined, "No, they declined"),
    ];
    let feedback_options = vec![
        (Feedback::Positive, "Rated the service positively"),
        (
            Feedback::Mixed,
            "Identified strengths and areas for development",
        ),
    ];
    let reveals = vec![
        (
            ViewsOutcome::Obtained,
            ViewFn::from(move || {
                view! {
                    <Radios
                        path=format!("{path}.feedback")
                        legend="What feedback did they give?"
                        options=feedback_options.clone()
                        field=field.feedback().into()
                    />
                }
            }),
        ),
        (
            ViewsOutcome::Inappropriate,
            ViewFn::from(move || {
                view! {
                    <YesNo
                        path=format!("{path}.social_worker_consulted")
                        legend="Was the social worker consulted about that decision?"
                        field=field.social_worker_consulted().into()
                    />
                }
            }),
        ),
        (
            ViewsOutcome::Unreachable,
            ViewFn::from(move || {
                view! {
                    <YesNo
                        path=format!("{path}.persistent_attempts")
                        legend="Were persistent attempts made to reach them?"
                        field=field.persistent_attempts().into()
                    />
                }
            }),
        ),
    ];
    view! {
        <Radios
            path=format!("{path}.views")
            legend=format!("Were the views of {who} obtained?")
            options
            field=outcome
            reveals
        />
    }
}
