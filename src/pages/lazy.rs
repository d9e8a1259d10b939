//! The review's pages, loaded on demand. They are drawn by one `#[lazy]` function: in the
//! release build `scripts/split.mjs` moves its code (every review page, and what only they
//! use) out of the WebAssembly the form starts with, into one part fetched the first time a
//! review page is opened (from the service worker's cache after one visit; `web/start.js`
//! starts compiling it beside the main module when the address is a review's). The home page
//! and the review's shell stay in the first load. Elsewhere (`trunk serve`, the wasm tests,
//! any build without `--cfg plr_split`) nothing is split and the page is drawn as it is asked.
use leptos::prelude::*;

use crate::pages::review::{
    actions::ActionsPage, area::AreaPage, case::CasePage, check::CheckPage,
    judgement::JudgementPage, moderate::ModeratePage, overview::Overview,
    participation::ParticipationPage, record::PrintPage,
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
    Print,
}

/// Draws `page`: the one split point of the review's pages, so they share one part (a part per
/// page would share their code through dozens of small chunks, each fetched and instantiated
/// before the page can draw). `#[lazy]` only where the build splits (`--cfg plr_split`, set by
/// `scripts/release-env`): its function imports the split loader (`__wasm_split.js`), which
/// only `scripts/split.mjs` writes.
#[cfg_attr(plr_split, lazy)]
async fn review_part(page: ReviewPage) -> AnyView {
    match page {
        ReviewPage::Overview => Overview().into_any(),
        ReviewPage::Case => CasePage().into_any(),
        ReviewPage::Participation => ParticipationPage().into_any(),
        ReviewPage::Area => AreaPage().into_any(),
        ReviewPage::Judgement => JudgementPage().into_any(),
        ReviewPage::Actions => ActionsPage().into_any(),
        ReviewPage::Check => CheckPage().into_any(),
        ReviewPage::Moderate => ModeratePage().into_any(),
        ReviewPage::Print => PrintPage().into_any(),
    }
}

fn draw(page: ReviewPage) -> AnyView {
    Suspend::new(review_part(page)).into_any()
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
/// The printed record.
pub fn print() -> AnyView {
    draw(ReviewPage::Print)
}
