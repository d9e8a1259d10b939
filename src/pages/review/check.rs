//! Check and complete: every answer summarised with "Change" links, then "Complete review".
//! The core decides what stops completion; the page lists it in an error summary whose links
//! take focus to each field. A completed review is read-only until reopened as a draft.

use leptos::prelude::*;
use plr_core::completion::{complete, problems_sentence, reopen, summary_problems};
use plr_core::form::Task;
use plr_core::moderation::reported_grade_words;
use plr_core::problem::Problem;
use plr_core::{CaseStoreFields, PlrStoreFields, Status};

use super::concern::ConcernNotice;
use super::{Review, ReviewSummary};
use crate::address::ReviewPage;
use crate::browser;
use crate::components::error_summary::{error_summary, Listed};
use crate::components::export::ExportButton;
use crate::components::title::PageTitle;
use crate::components::when::When;

/// The address of the page holding the field a problem is about, focused on that field.
fn problem_href(review: &Review, problem: &Problem) -> String {
    match &problem.field {
        Some(field) => format!(
            "{}#{}",
            review.href(&ReviewPage::of_task(&Task::of(field))),
            field.dom_id()
        ),
        None => review.href(&ReviewPage::TASK_LIST),
    }
}

/// The "Check and complete" page.
#[component]
pub fn CheckPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let problems = review.problems;
    let completed = Memo::new(move |_| store.status().get() == Status::Completed);

    let on_complete = move |_| {
        let mut plr = store.get_untracked();
        match complete(&mut plr, review.framework, browser::now()) {
            Ok(()) => {
                review.show_problems.set(false);
                store.set(plr);
                review.autosave.flush();
                browser::focus_after_render("completed-title");
            }
            Err(_) => {
                review.show_problems.set(true);
                browser::focus_after_render("error-summary");
            }
        }
    };
    let on_reopen = move |_: leptos::ev::MouseEvent| {
        store.update(|plr| reopen(plr, browser::now()));
        review.autosave.flush();
        browser::focus_after_render("complete-review");
    };

    let summary = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let lines = summary_problems(&list, review.framework);
            let items = lines
                .iter()
                .map(|p| Listed {
                    text: p.message.clone(),
                    to: Some(problem_href(&review, p)),
                })
                .collect();
            let sentence = problems_sentence(list.len());
            error_summary(
                "error-summary",
                "There is a problem".into(),
                Some(sentence),
                items,
                true,
            )
        })
    };

    view! {
        <PageTitle title=Signal::derive(move || {
            if completed.get() { "Review completed" } else { "Check your answers" }.to_string()
        }) error=review.has_problems() />
        <When
            when=completed
            fallback=move || view! {
                {summary}
                <span class="caption">"Practice Learning Review"</span>
                <h1>"Check your answers before completing the review"</h1>
                <ReviewSummary />
                <h2>"Complete the review"</h2>
                <p>"Once completed, the answers cannot be changed by accident. You can reopen it as a draft if something needs correcting."</p>
                <div class="button-group">
                    <button type="button" class="button" id="complete-review" on:click=on_complete>"Complete review"</button>
                    <ExportButton store=review.store autosave=review.autosave framework=review.framework primary=false />
                    <PrintButton />
                </div>
            }
        >
            <Confirmation on_reopen />
        </When>
    }
}

/// The confirmation page of a completed review: what it is, the download, what happens next.
#[component]
fn Confirmation(on_reopen: impl Fn(leptos::ev::MouseEvent) + Copy + 'static) -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    view! {
        <div class="panel panel--confirmation">
            <h1 class="panel__title" id="completed-title" tabindex="-1">"Review completed"</h1>
            <p class="panel__body">
                "Case reference"<br />
                <strong id="completed-case-ref">{move || store.case().child_ref().get()}</strong>
            </p>
            <p class="panel__body">
                "Reported grade"<br />
                <strong id="completed-grade">{move || store.with(reported_grade_words).unwrap_or_else(|| "No final grade yet".into())}</strong>
            </p>
        </div>
        <p>{move || store.completed_at().get().map(|at| format!("Completed {}.", browser::local_date_time(at)))}</p>
        <ConcernNotice />
        <h2>"What happens next"</h2>
        {move || match store.moderation().get() {
            None => view! {
                <p>"Download the review file and upload it to the Quality Assurance service. A Practice Learning Reviewer from the Quality Assurance service may moderate it."</p>
                <p><a class="link" id="moderate-link" href=review.href(&ReviewPage::MODERATE)>"Moderate this review"</a></p>
            }.into_any(),
            Some(m) => view! {
                <p id="moderated-note">{format!(
                    "It was moderated by {} on {}. Download the review file again so the Quality Assurance service has the moderated copy.",
                    m.moderator,
                    browser::local_date_time(m.moderated_at)
                )}</p>
                <p><a class="link" id="moderate-link" href=review.href(&ReviewPage::MODERATE)>"See the moderation"</a></p>
            }.into_any(),
        }}
        <div class="button-group">
            <ExportButton store=review.store autosave=review.autosave framework=review.framework primary=true />
            <PrintButton />
        </div>
        <h2>"Your answers"</h2>
        <ReviewSummary />
        <button type="button" class="button button--secondary" on:click=on_reopen>"Reopen as draft"</button>
    }
}

/// "Print": the printable view of the whole review (`record`), which has its own "Print".
#[component]
fn PrintButton() -> impl IntoView {
    let review = Review::use_context();
    view! {
        <a class="button button--secondary" href=review.href(&ReviewPage::PRINT)>"Print"</a>
    }
}
