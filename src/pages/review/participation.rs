//! Who took part: practitioners, the IRO / CP Chair, the child and the family, and why views
//! were not obtained. Follow-up questions are revealed under the answer they depend on.

use leptos::prelude::*;
use plr_core::form::{applies, FieldPath, ParticipationField, Task, ViewsField, Whose};
use plr_core::{
    Feedback, ParticipationStoreFields, PlrStoreFields, Views, ViewsOutcome, ViewsStoreFields,
};

use super::{Continue, Review};
use crate::answer;
use crate::components::fields::{Radios, YesNo};
use crate::components::title::PageTitle;
use crate::components::when::When;

/// The "Who took part" page.
#[component]
pub fn ParticipationPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let participation = store.participation();
    let iro = FieldPath::Participation(ParticipationField::IroOrCpChair);
    let iro_allocated = Memo::new(move |_| store.with(|plr| applies(&iro, plr, None)));
    let child_asked = Memo::new(move |_| participation.child().read().is_some());
    let family_asked = Memo::new(move |_| participation.parent_carer().read().is_some());

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Who took part"</h1>
        <PageTitle title="Who took part" error=review.has_problems() />
        <YesNo
            answer=review.bind(ParticipationField::SocialWorker)
        />
        <YesNo
            answer=review.bind(ParticipationField::TeamManager)
        />
        <When when=iro_allocated>
            <YesNo
                answer=review.bind(ParticipationField::IroOrCpChair)
            />
        </When>
        <When
            when=child_asked
            fallback=|| view! {
                <p class="inset">"The child's own views are asked for when the child is aged 4 or over (see About the case). For a younger child, their experience is understood through observation and play: record what was seen in Visiting and Direct Work."</p>
            }
        >
            <ViewsQuestion
                whose=Whose::Child
            />
        </When>
        <When when=family_asked>
            <ViewsQuestion
                whose=Whose::ParentCarer
            />
        </When>
        <Continue after=Task::Participation />
    }
}

/// Were someone's views obtained; if not, why, with the follow-up the reason needs.
#[component]
fn ViewsQuestion(whose: Whose) -> impl IntoView {
    let review = Review::use_context();
    let field = answer::views(review.store, whose);
    let at = move |field| FieldPath::Views { whose, field };
    let chosen = Memo::new(move |_| field.views().get());
    // A changed answer drops the follow-up answers of the old one (the core decides which).
    Effect::new(move |_| {
        chosen.track();
        field.maybe_update(Views::drop_unrelated_answers);
    });
    let options = ViewsOutcome::ALL.map(|o| (o, o.choice())).to_vec();
    let feedback_options = Feedback::ALL.map(|f| (f, f.label())).to_vec();
    let reveals = vec![
        (
            ViewsOutcome::Obtained,
            ViewFn::from(move || {
                view! {
                    <Radios
                        answer=review.bind(at(ViewsField::Feedback))
                        options=feedback_options.clone()
                    />
                }
            }),
        ),
        (
            ViewsOutcome::Inappropriate,
            ViewFn::from(move || {
                view! {
                    <YesNo
                        answer=review.bind(at(ViewsField::SocialWorkerConsulted))
                    />
                }
            }),
        ),
        (
            ViewsOutcome::Unreachable,
            ViewFn::from(move || {
                view! {
                    <YesNo
                        answer=review.bind(at(ViewsField::PersistentAttempts))
                    />
                }
            }),
        ),
    ];
    view! {
        <Radios
            answer=review.bind(at(ViewsField::Views))
            options
            reveals
        />
    }
}
