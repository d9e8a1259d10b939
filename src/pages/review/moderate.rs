//! "Moderate this review": a Practice Learning Reviewer records their name, their grade and
//! comments for the manager on a completed review (opened here or from a file). The core
//! checks the answers, computes the effect and records it; the review's content stays as it
//! was completed. A moderation to inadequate makes the review a Case of Concern, whose notice
//! then shows here with its clock.

use leptos::prelude::*;
use plr_core::form::catalogue::{ModerationField, Recorded};
use plr_core::moderation::{moderate, moderation_problems, superseding, ModerationProblem};
use plr_core::{Grade, JudgementStoreFields, PlrStoreFields};

use super::concern::ConcernNotice;
use super::Review;
use crate::browser;
use crate::components::error_summary::{error_summary, Listed};
use crate::components::export::ExportButton;
use crate::components::fields::{radio_id, RadioChoice};
use crate::components::title::PageTitle;
use crate::components::when::When;

/// The "Moderate this review" page.
#[component]
pub fn ModeratePage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let problems = RwSignal::new(Vec::<ModerationProblem>::new());
    let recorded = Memo::new(move |_| store.with(superseding));
    // Only a completed review is moderated: the core's own first problem says so.
    let open = Memo::new(move |_| {
        !store
            .with(|plr| moderation_problems(plr, "", None, ""))
            .contains(&ModerationProblem::NotCompleted)
    });
    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Moderate this review"</h1>
        <PageTitle title="Moderate this review" error=review.has_problems() />
        {move || (!problems.with(Vec::is_empty)).then(|| {
            let items = problems.get().into_iter();
            let items = items.map(|p| Listed::field(p.field_id(), p.message().into())).collect();
            error_summary("moderation-problems", "There is a problem".into(), None, items, true)
        })}
        {move || recorded.get().map(|grade| view! {
            <div class="inset" id="moderation-record" tabindex="-1">
                <p>{format!("Moderated grade: {grade}.")}</p>
                {store.moderation().get().map(|m| view! {
                    <p>{format!("Moderated by {} on {}.", m.moderator, browser::local_date_time(m.moderated_at))}</p>
                    {(!m.comments.is_empty()).then(|| view! { <p>{format!("Comments for the manager: {}", m.comments)}</p> })}
                })}
            </div>
        })}
        <ConcernNotice />
        <When
            when=open
            fallback=|| view! { <p id="moderation">{ModerationProblem::NotCompleted.message()}"."</p> }
        >
            <ModerationForm problems />
        </When>
    }
}

/// The moderator's three answers and "Record moderation".
#[component]
fn ModerationForm(problems: RwSignal<Vec<ModerationProblem>>) -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let earlier = store.moderation().get_untracked();
    let moderator = RwSignal::new(
        earlier
            .as_ref()
            .map(|m| m.moderator.clone())
            .unwrap_or_default(),
    );
    let grade = RwSignal::new(earlier.as_ref().map(|m| m.grade));
    let comments = RwSignal::new(earlier.map(|m| m.comments).unwrap_or_default());
    let final_grade = Memo::new(move |_| store.judgement().final_grade().get());
    let error = move |field: &'static str| {
        move || {
            problems.with(|list| {
                list.iter().find(|p| p.field_id() == field).map(|p| {
                    view! {
                        <p class="error-message" id=format!("{field}-error")>
                            <span class="visually-hidden">"Error: "</span>{p.message()}
                        </p>
                    }
                })
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || problems.with(|list| list.iter().any(|p| p.field_id() == field))
    };
    let record = move |_| {
        let mut plr = store.get_untracked();
        let result = moderate(
            &mut plr,
            &moderator.get_untracked(),
            grade.get_untracked(),
            &comments.get_untracked(),
            browser::now(),
        );
        match result {
            Ok(_) => {
                problems.set(Vec::new());
                store.set(plr);
                review.autosave.flush();
                browser::focus_after_render("moderation-record");
            }
            Err(found) => {
                problems.set(found);
                browser::focus_after_render("moderation-problems");
            }
        }
    };
    let comments_asked = ModerationField::Comments.declared();
    let grades = Grade::ALL
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let g = *g;
            view! {
                <RadioChoice
                    id=radio_id("moderation-grade", n)
                    name="moderation-grade".to_string()
                    checked=Signal::derive(move || grade.get() == Some(g))
                    on_choose=move || grade.set(Some(g))
                    locked=Signal::derive(|| false)
                >
                    {g.label()}
                    {move || (final_grade.get() == Some(g)).then_some(" (the reviewer's grade)")}
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        <p>"The review's answers stay as the reviewer completed them. Your grade supersedes the reviewer's in every report."</p>
        <div class="form-group" class:form-group--error=invalid("moderation-moderator")>
            <label class="label" for="moderation-moderator">{ModerationField::Moderator.declared().label}</label>
            {error("moderation-moderator")}
            <input class="input input--width-20" id="moderation-moderator" type="text" autocomplete="name"
                maxlength=ModerationField::Moderator.declared().answer.limit()
                aria-invalid=move || invalid("moderation-moderator")().then_some("true")
                prop:value=move || moderator.get()
                on:input=move |ev| moderator.set(event_target_value(&ev)) />
        </div>
        <div class="form-group" class:form-group--error=invalid("moderation-grade")>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ModerationField::Grade.declared().label}</legend>
                {error("moderation-grade")}
                <div class="radios">{grades}</div>
            </fieldset>
        </div>
        <div class="form-group" class:form-group--error=invalid("moderation-comments")>
            <label class="label" for="moderation-comments">{comments_asked.label}</label>
            <div class="hint" id="moderation-comments-hint">{comments_asked.hint}</div>
            {error("moderation-comments")}
            <textarea class="textarea" id="moderation-comments" rows="5" aria-describedby="moderation-comments-hint"
                maxlength=comments_asked.answer.limit()
                aria-invalid=move || invalid("moderation-comments")().then_some("true")
                prop:value=move || comments.get()
                on:input=move |ev| comments.set(event_target_value(&ev))></textarea>
        </div>
        <div class="button-group">
            <button type="button" class="button" id="record-moderation" on:click=record>"Record moderation"</button>
        </div>
        <ExportButton store=review.store autosave=review.autosave framework=review.framework />
    }
}
