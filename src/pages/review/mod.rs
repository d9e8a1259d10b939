//! The pages of one open review. The shell loads the review from this device into a
//! reactive store, starts autosave, and shares both with the page in its outlet.

pub mod actions;
pub mod ambassadors;
pub mod area;
pub mod case;
pub mod check;
mod concern;
pub mod concern_update;
mod grade;
pub mod judgement;
pub mod moderate;
mod other_tab;
pub mod overview;
pub mod participation;
pub mod record;
mod summary;

pub use grade::GradePanel;
pub use summary::ReviewSummary;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_params_map};
use plr_core::completion::completion_problems;
use plr_core::form::{FieldPath, Question, Task};
use plr_core::grading::suggest_grade;
use plr_core::problem::Problem;
use plr_core::{
    CaseStoreFields, Framework, JudgementStoreFields, Plr, PlrId, PlrStoreFields, Status,
    Suggestion,
};
use reactive_stores::Store;

use crate::address::ReviewPage;
use crate::answer::{Answer, Bound};
use crate::autosave::Autosave;
use crate::components::fields::FormState;
use crate::components::saved::SavedIndicator;
use crate::pages::not_found::NotFound;
use crate::{browser, storage};

/// What every page of an open review works on.
#[derive(Clone, Copy)]
pub struct Review {
    /// The review being edited.
    pub store: Store<Plr>,
    /// Its autosaver (flush before exporting).
    pub autosave: Autosave,
    /// The framework its sections follow.
    pub framework: &'static Framework,
    /// The suggested grade, recomputed by the core whenever a rating or the concern flag changes.
    pub suggestion: Memo<Suggestion>,
    /// Set by "Complete review": from then on pages show the completion problems inline.
    pub show_problems: RwSignal<bool>,
    /// What stops the review being completed (empty until `show_problems`).
    pub problems: Memo<Vec<Problem>>,
}

impl Review {
    /// The review of the page being rendered.
    pub fn use_context() -> Review {
        expect_context::<Review>()
    }

    /// The address of a page of this review.
    pub fn href(&self, page: &ReviewPage) -> String {
        page.href(self.store.id().get_untracked())
    }

    /// Whether the page shows completion problems (the tab title then says "Error: ").
    pub fn has_problems(&self) -> Signal<bool> {
        let problems = self.problems;
        Signal::derive(move || problems.with(|p| !p.is_empty()))
    }

    /// True once completed: pages then show answers read-only.
    pub fn is_completed(&self) -> bool {
        self.store.status().get() == Status::Completed
    }

    /// The question at `path` as the core's form description asks it (label, hint, limit).
    pub fn ask(&self, path: FieldPath) -> Question {
        let framework = self.framework;
        self.store
            .with_untracked(|plr| Question::of(&path, plr, framework))
            .unwrap_or(Question {
                field: path,
                label: String::new(),
                hint: None,
                limit: None,
            })
    }

    /// The question at `at` with the store field that holds its answer, for a control.
    pub fn bind<T: Answer>(&self, at: impl Into<FieldPath>) -> Bound<T> {
        Bound::new(self.store, self.framework, at.into())
    }

    /// Whether the answer at `path` is read-only (see [`FormState::locked`]).
    pub fn locked(&self, path: &FieldPath) -> Signal<bool> {
        FormState::use_context().locked(path)
    }
}

/// The suggestion and the completion problems of `store`, as memos: each recomputes when
/// what it reads changes, and wakes its readers only when its result changes.
fn derived(
    store: Store<Plr>,
    framework: &'static Framework,
    show_problems: RwSignal<bool>,
) -> (Memo<Suggestion>, Memo<Vec<Problem>>) {
    let suggestion = Memo::new(move |_| {
        let concern = store.judgement().immediate_concern().get();
        store
            .sections()
            .with(|sections| suggest_grade(framework, sections, concern))
    });
    let problems = Memo::new(move |_| {
        if show_problems.get() {
            store.with(|plr| completion_problems(plr, framework, browser::today()))
        } else {
            Vec::new()
        }
    });
    (suggestion, problems)
}

/// "Continue" from the page of a task to the next page of the review, in the form's order (the
/// way back to the task list is at the top).
#[component]
pub fn Continue(
    /// The task whose page this is.
    after: Task,
) -> impl IntoView {
    let review = Review::use_context();
    let next = ReviewPage::after(&after, review.framework);
    view! {
        <div class="button-group">
            <a class="button" href=review.href(&next)>"Continue"</a>
        </div>
    }
}

/// Loads the review named in the address; rebuilt only when that id changes. Opened cold (a
/// reload, a bookmark, a link), the app's frame is painted first, then the review is read from
/// storage in a task of its own and drawn in the next, so the app's start is never one long task.
/// The drawing ([`open`]) is in the review's part of the WebAssembly (`pages::lazy`), with
/// the pages, so the home page's first load does not carry it.
#[component]
pub fn ReviewShell() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id"));
    let started = RwSignal::new(browser::shown_yet());
    // The review read ahead of its drawing (opened cold only), taken by the first drawing.
    let read_ahead: ReadAhead = StoredValue::new_local(None);
    // Another tab's save of this review that arrives before the drawing (which watches for them
    // from then on) drops what was read ahead, so the drawing reads it again: watched from the
    // read until the drawing, however long its part takes to arrive.
    let watch: Watch = StoredValue::new_local(None);
    on_cleanup(move || stop_watching(watch));
    if !started.get_untracked() {
        browser::after_paint(move || {
            // The page may have gone meanwhile (its signals with it).
            let Some(Some(Ok(plr_id))) = id
                .try_get_untracked()
                .map(|id| id.as_deref().map(str::parse::<PlrId>))
            else {
                let _ = started.try_set(true);
                return;
            };
            read_ahead.try_set_value(Some((plr_id, storage::load(plr_id))));
            watch.try_set_value(Some(storage::on_other_tab_write(plr_id, move |_| {
                read_ahead.try_set_value(None);
            })));
            set_timeout(
                move || {
                    let _ = started.try_set(true);
                },
                std::time::Duration::ZERO,
            );
        });
    }
    move || {
        if !started.get() {
            return ().into_any();
        }
        match id.get().as_deref().map(str::parse::<PlrId>) {
            Some(Ok(id)) => open(id, read_ahead, watch),
            _ => view! { <NotFound /> }.into_any(),
        }
    }
}

/// The review read ahead of its drawing, with its id (opened cold only).
type ReadAhead = StoredValue<Option<(PlrId, Result<Plr, storage::StorageError>)>, LocalStorage>;
/// The watch for another tab's save of the review read ahead, until it is drawn.
type Watch = StoredValue<Option<WindowListenerHandle>, LocalStorage>;

fn stop_watching(watch: Watch) {
    if let Some(handle) = watch.try_update_value(Option::take).flatten() {
        handle.remove();
    }
}

/// The review `id` drawn: what was read ahead of it if nothing has changed it since, else what
/// storage holds now (read as it is drawn, so no other tab's save falls between).
fn opened(id: PlrId, read_ahead: ReadAhead, watch: Watch) -> AnyView {
    let read = read_ahead
        .try_update_value(Option::take)
        .flatten()
        .filter(|(read, _)| *read == id);
    stop_watching(watch);
    match read.map_or_else(|| storage::load(id), |(_, read)| read) {
        Ok(plr) => view! { <OpenReview plr /> }.into_any(),
        Err(error) => view! { <CannotOpen id error /> }.into_any(),
    }
}

/// [`opened`], in the review's part: drawn once the part has loaded (at once when it has).
#[cfg(plr_split)]
#[leptos::wasm_split::wasm_split(review_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_part(
    id: PlrId,
    read_ahead: ReadAhead,
    watch: Watch,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(opened(id, read_ahead, watch))
}

#[cfg(plr_split)]
fn open(id: PlrId, read_ahead: ReadAhead, watch: Watch) -> AnyView {
    crate::split::when_loaded(
        open_part(id, read_ahead, watch),
        crate::pages::lazy::not_loaded,
    )
}

#[cfg(not(plr_split))]
fn open(id: PlrId, read_ahead: ReadAhead, watch: Watch) -> AnyView {
    opened(id, read_ahead, watch)
}

#[component]
fn OpenReview(plr: Plr) -> impl IntoView {
    let framework = Framework::practice_fundamentals();
    let id = plr.id;
    let store = Store::new(plr);
    let location = use_location();
    // The page shown. Autosave watches the address and stores its page.
    let page = move || ReviewPage::shown(&location.pathname.get(), id);
    let autosave = Autosave::start(store, location.pathname);
    let show_problems = RwSignal::new(false);
    let (suggestion, problems) = derived(store, framework, show_problems);
    provide_context(FormState {
        problems: problems.into(),
        completed: Signal::derive(move || store.status().get() == Status::Completed),
    });
    provide_context(Review {
        store,
        autosave,
        framework,
        suggestion,
        show_problems,
        problems,
    });
    follow_suggestion(store, suggestion);
    follow_case(store);
    focus_fragment_target(location);
    view! {
        <div class="review-bar">
            <a class="back-link" href="/">"All reviews"</a>
            {move || (page() != ReviewPage::TASK_LIST).then(|| {
                let href = ReviewPage::TASK_LIST.href(id);
                view! { <a class="back-link" href=href>"Back to the task list"</a> }
            })}
            <SavedIndicator state=autosave.state />
        </div>
        <other_tab::OtherTabWatch store autosave />
        // Not on the pages whose forms are for a completed review (they say so themselves).
        {move || (store.status().get() == Status::Completed && { let shown = page(); shown != ReviewPage::MODERATE && shown != ReviewPage::AMBASSADORS }).then(|| view! {
            <p class="inset" id="completed-notice">"This review is completed. Reopen it to make changes."</p>
        })}
        <div class="review" class:review--completed=move || store.status().get() == Status::Completed>
            <Outlet />
        </div>
    }
}

#[component]
fn CannotOpen(id: PlrId, error: storage::StorageError) -> impl IntoView {
    let damaged = matches!(error, storage::StorageError::Corrupt(_));
    view! {
        <h1>"This review cannot be opened"</h1>
        <p class="error-message" role="alert">{error.to_string()}</p>
        {damaged.then(|| view! {
            <button type="button" class="button button--secondary" on:click=move |_| {
                if let Some(raw) = storage::raw(&storage::draft_key(id)) {
                    let _ = plr_web::download_text(&format!("plr-{id}-as-stored.json"), "application/json", &raw);
                }
            }>"Download it as it is"</button>
        })}
        <p><a href="/">"Go to your reviews"</a></p>
    }
}

/// The final grade starts as, and follows, the suggestion until the reviewer picks another
/// (the core decides when it follows). A completed review is left as it is.
fn follow_suggestion(store: Store<Plr>, suggestion: Memo<Suggestion>) {
    Effect::new(move |previous: Option<Option<plr_core::Grade>>| {
        let current = suggestion.with(|s| s.grade);
        if store.status().get_untracked() == Status::Draft {
            let previous = previous.flatten();
            store
                .judgement()
                .maybe_update(|j| j.follow_suggestion(previous, current));
        }
        current
    });
}

/// Participation follows the case on every page, not only while the case page is shown
/// (answering "under 4" or "no IRO" removes the questions that no longer apply; the core
/// decides). A completed review is left as it is.
fn follow_case(store: Store<Plr>) {
    Effect::new(move |_| {
        let aged_4_or_over = store.case().child_aged_4_or_over().get();
        let allocated = store.case().iro_or_cp_chair_allocated().get();
        if store.status().get_untracked() == Status::Draft {
            store
                .participation()
                .maybe_update(|p| p.follow_case(aged_4_or_over, allocated));
        }
    });
}

/// Moves focus to the element named by the address's `#fragment` once a page has rendered,
/// so a link from the error summary lands on the field it names; without a fragment, moving
/// to another page ("Continue") puts focus on its heading, where reading starts.
fn focus_fragment_target(location: leptos_router::location::Location) {
    Effect::new(move |first: Option<()>| {
        // Tracks the path too: the same fragment on another page is a new target.
        location.pathname.track();
        let hash = location.hash.get();
        let id = hash.trim_start_matches('#');
        if !id.is_empty() {
            browser::focus_after_render(id);
        } else if first.is_some() {
            browser::focus_main_heading();
        }
    });
}
