//! The review's pages, loaded on demand. They are drawn through one split point: in the
//! release build `scripts/split.mjs` moves their code (every review page, and what only they
//! use) out of the WebAssembly the form starts with, into one part, fetched the first time a
//! review page is opened or once the home page is shown ([`preload`]), and from the service
//! worker's cache after one visit. The review's shell's drawing (the review's store, autosave, the
//! grade's and problems' memos: `review::ReviewShell`) is a second split point into the same
//! part; the home page, the router and the read of the review stay in the first load. Elsewhere (`trunk serve`, the wasm tests,
//! any build without `--cfg plr_split`) nothing is split and the page is drawn as it is asked.
use leptos::prelude::*;

use crate::pages::review::{
    actions::ActionsPage, ambassadors::AmbassadorsPage, area::AreaPage, case::CasePage,
    check::CheckPage, concern_update::ConcernUpdatePage, judgement::JudgementPage,
    moderate::ModeratePage, overview::Overview, participation::ParticipationPage,
    record::PrintPage,
};

/// A page of the review (one URL each under `/review/:id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReviewPage {
    Overview,
    Case,
    Participation,
    Area,
    Judgement,
    Actions,
    Check,
    Moderate,
    ConcernUpdate,
    Ambassadors,
    Print,
}

/// Draws `page`. In the split build this is the one split point of the review's pages, so they
/// share one part (a part per page would share their code through dozens of small chunks, each
/// fetched and instantiated before the page can draw). `fallible`: a part that cannot be
/// fetched (the connection dropped before the app was ever kept for offline use) is said on
/// the page, instead of stopping the app as Leptos's `#[lazy]` would. Only where the build
/// splits (`--cfg plr_split`, set by `scripts/release-env`): the split point imports the split
/// loader (`__wasm_split.js`), which only `scripts/split.mjs` writes.
#[cfg(plr_split)]
#[leptos::wasm_split::wasm_split(
    review_pages,
    wasm_split_path = ::leptos::wasm_split,
    preload(#[doc(hidden)] preload_review_pages),
    fallible
)]
fn review_part(page: ReviewPage) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(page_view(page))
}

fn page_view(page: ReviewPage) -> AnyView {
    match page {
        ReviewPage::Overview => Overview().into_any(),
        ReviewPage::Case => CasePage().into_any(),
        ReviewPage::Participation => ParticipationPage().into_any(),
        ReviewPage::Area => AreaPage().into_any(),
        ReviewPage::Judgement => JudgementPage().into_any(),
        ReviewPage::Actions => ActionsPage().into_any(),
        ReviewPage::Check => CheckPage().into_any(),
        ReviewPage::Moderate => ModeratePage().into_any(),
        ReviewPage::ConcernUpdate => ConcernUpdatePage().into_any(),
        ReviewPage::Ambassadors => AmbassadorsPage().into_any(),
        ReviewPage::Print => PrintPage().into_any(),
    }
}

#[cfg(plr_split)]
fn draw(page: ReviewPage) -> AnyView {
    crate::split::when_loaded(review_part(page), not_loaded)
}

#[cfg(not(plr_split))]
fn draw(page: ReviewPage) -> AnyView {
    page_view(page)
}

/// The review's part could not be fetched: said where the page would be. Nothing saved is
/// touched; reloading (once the connection is back) fetches it again.
#[cfg(plr_split)]
pub(crate) fn not_loaded() -> AnyView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <h1 tabindex="-1">"This page could not be loaded"</h1>
        <p role="alert">"The browser could not fetch this part of the app, so the page cannot be shown. Check your connection, then try again. Nothing saved on this device has changed."</p>
        <button type="button" class="button" on:click=reload>"Try again"</button>
    }
    .into_any()
}

/// Fetches the review's part without drawing anything (the home page asks once it is shown), so
/// a review opened next is drawn at once, and is there should the connection drop. A failed
/// fetch is left to the page that needs the part, which says so.
pub fn preload() {
    #[cfg(plr_split)]
    leptos::task::spawn_local(async {
        let _ = preload_review_pages().await;
    });
}

/// The task list.
pub fn overview() -> AnyView {
    draw(ReviewPage::Overview)
}
/// The case.
pub fn case() -> AnyView {
    draw(ReviewPage::Case)
}
/// Participation.
pub fn participation() -> AnyView {
    draw(ReviewPage::Participation)
}
/// An area's statements.
pub fn area() -> AnyView {
    draw(ReviewPage::Area)
}
/// The judgement.
pub fn judgement() -> AnyView {
    draw(ReviewPage::Judgement)
}
/// The actions.
pub fn actions() -> AnyView {
    draw(ReviewPage::Actions)
}
/// Check answers.
pub fn check() -> AnyView {
    draw(ReviewPage::Check)
}
/// Moderation.
pub fn moderate() -> AnyView {
    draw(ReviewPage::Moderate)
}
/// A Head of Service's update on a Case of Concern.
pub fn concern_update() -> AnyView {
    draw(ReviewPage::ConcernUpdate)
}
/// The young people's Ambassadors' review.
pub fn ambassadors() -> AnyView {
    draw(ReviewPage::Ambassadors)
}
/// The printed record.
pub fn print() -> AnyView {
    draw(ReviewPage::Print)
}
