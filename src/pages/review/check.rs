//! Check and complete: every answer summarised with "Change" links, then "Complete review".
//! The core decides what stops completion; the page lists it in an error summary whose links
//! take focus to each field. A completed review is read-only until reopened as a draft.

use leptos::prelude::*;
use plr_core::completion::{complete, reopen};
use plr_core::concern::share_by;
use plr_core::progress::Task;
use plr_core::{Plr, PlrStoreFields, Status};

use super::{task_page, Review, ReviewSummary};
use crate::browser;
use crate::components::export::ExportButton;
use crate::components::fields::field_id;

/// The address of the page holding the field at a problem's path, focused on that field.
fn problem_href(review: &Review, plr: &Plr, path: &str) -> String {
    let task = Task::of_path(path, plr).unwrap_or(Task::Case);
    format!("{}#{}", review.href(&task_page(&task)), field_id(path))
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
                browser::focus_after_render("completed-panel");
            }
            Err(_) => {
                review.show_problems.set(true);
                browser::focus_after_render("error-summary");
            }
        }
    };
    let on_reopen = move |_| {
        store.update(|plr| reopen(plr, browser::now()));
        review.autosave.flush();
        browser::focus_after_render("complete-review");
    };

    let summary = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let plr = store.get_untracked();
            let items = list
                .iter()
                .map(|p| {
                    let href = problem_href(&review, &plr, &p.path);
                    view! { <li><a href=href>{p.message.clone()}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <p>{format!("{} things need an answer before this review can be completed.", list.len())}</p>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    };

    view! {
        {summary}
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Check your answers before completing the review"</h1>
        <ReviewSummary />
        <Show
            when=move || completed.get()
            fallback=move || view! {
                <h2>"Complete the review"</h2>
                <p>"Completing the review fixes its answers. You can reopen it as a draft if something needs correcting."</p>
                <div class="button-group">
                    <button type="button" class="button" id="complete-review" on:click=on_complete>"Complete review"</button>
                    <ExportButton />
                </div>
            }
        >
            <div class="panel" id="completed-panel" tabindex="-1">
                <h2 class="panel__title">"Review completed"</h2>
                <p>
                    {move || store.completed_at().get().map(|at| format!("Completed {}.", browser::local_date_time(at)))}
                </p>
                {move || store.with(share_by).map(|at| view! {
                    <p class="panel__concern">
                        <strong>{format!("Case of Concern: share this review by {}.", browser::local_date_time(at))}</strong>
                    </p>
                })}
                <p>"Download the JSON file and upload it to the Quality Assurance service."</p>
            </div>
            <div class="button-group">
                <ExportButton />
                <button type="button" class="button button--secondary" on:click=on_reopen>"Reopen as draft"</button>
            </div>
        </Show>
    }
}
