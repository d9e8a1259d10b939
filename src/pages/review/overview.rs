//! The review's task list: each section with its status, the live grade, and the download.

use leptos::prelude::*;
use plr_core::progress::{Progress, TaskStatus};
use plr_core::{CaseStoreFields, PlrStoreFields};

use super::concern::ConcernNotice;
use super::{GradePanel, Review};
use crate::address::ReviewPage;
use crate::components::export::ExportButton;
use crate::components::title::PageTitle;

fn tag_class(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Completed => "tag tag--done",
        TaskStatus::InProgress => "tag tag--progress",
        TaskStatus::NotStarted => "tag tag--todo",
        TaskStatus::CannotStartYet => "tag tag--blocked",
    }
}

/// A task of a completed review that records something on it (moderation, the Ambassadors'
/// review): its link to `page`, and its tag, `said[0]` once `done`, else `said[1]`.
fn recorded_task(
    review: Review,
    page: ReviewPage,
    title: &'static str,
    done: bool,
    said: [&'static str; 2],
) -> impl IntoView {
    let href = review.href(&page);
    let status_id = format!("status-{}", page.path());
    view! {
        <li class="task-list__item">
            <a class="task-list__link" href=href aria-describedby=status_id.clone()>{title}</a>
            <span class=if done { "tag tag--done" } else { "tag tag--todo" } id=status_id>
                {if done { said[0] } else { said[1] }}
            </span>
        </li>
    }
}

/// The task list page.
#[component]
pub fn Overview() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let framework = review.framework;
    let progress = Memo::new(move |_| {
        store.with(|plr| {
            let problems =
                plr_core::completion::completion_problems(plr, framework, crate::browser::today());
            Progress::of(plr, framework, &problems)
        })
    });
    let heading = move || {
        let child_ref = store.case().child_ref().get();
        if child_ref.trim().is_empty() {
            "Practice Learning Review".to_string()
        } else {
            format!("Practice Learning Review: {child_ref}")
        }
    };
    let group = move |range: std::ops::Range<usize>| {
        move || {
            progress.with(|p| {
                p.tasks[range.clone()]
                    .iter()
                    .map(|(task, status)| {
                        let title = task.title(review.framework);
                        let page = ReviewPage::of_task(task);
                        let href = review.href(&page);
                        let status_id = format!("status-{}", page.path().replace('/', "-"));
                        let tag = tag_class(*status);
                        view! {
                            <li class="task-list__item">
                                <a class="task-list__link" href=href aria-describedby=status_id.clone()>{title}</a>
                                <span class=tag id=status_id>{status.label()}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let areas = framework.areas.len();
    view! {
        <h1>{heading}</h1>
        <PageTitle title="Task list" error=review.has_problems() />
        <p class="task-list__summary" id="sections-completed">{move || progress.with(Progress::summary)}</p>
        <GradePanel />
        {move || review.is_completed().then(|| view! { <ConcernNotice /> })}
        <ol class="task-list">
            <li>
                <h2 class="task-list__section">"1. About the review"</h2>
                <ul class="task-list__items">{group(0..2)}</ul>
            </li>
            <li>
                <h2 class="task-list__section">"2. Practice Fundamentals"</h2>
                <ul class="task-list__items">{group(2..2 + areas)}</ul>
            </li>
            <li>
                <h2 class="task-list__section">"3. Judgement and actions"</h2>
                <ul class="task-list__items">{group(2 + areas..4 + areas)}</ul>
            </li>
            <li>
                <h2 class="task-list__section">"4. Finish"</h2>
                <ul class="task-list__items">
                    {move || {
                        let status = progress.with(|p| p.check);
                        let title = if status == TaskStatus::CannotStartYet {
                            view! { <span class="task-list__link">"Check and complete"</span> }.into_any()
                        } else {
                            view! { <a class="task-list__link" href=review.href(&ReviewPage::CHECK) aria-describedby="status-check">"Check and complete"</a> }.into_any()
                        };
                        view! {
                            <li class="task-list__item">
                                {title}
                                <span class=tag_class(status) id="status-check">{status.label()}</span>
                            </li>
                        }
                    }}
                    {move || review.is_completed().then(|| view! {
                        {recorded_task(review, ReviewPage::MODERATE, "Moderate this review",
                            store.moderation().with(Option::is_some), ["Moderated", "Not moderated"])}
                        {recorded_task(review, ReviewPage::AMBASSADORS, "Record the Ambassadors' review",
                            store.ambassadors_review().with(Option::is_some), ["Recorded", "Not recorded"])}
                    })}
                </ul>
            </li>
        </ol>
        <ExportButton store=review.store autosave=review.autosave framework=review.framework />
    }
}
