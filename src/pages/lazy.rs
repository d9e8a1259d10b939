//! The review's pages other than an area, loaded on demand. Each is a `#[lazy]` function: in
//! the release build `scripts/split.mjs` moves its code (and what only it uses) out of the
//! WebAssembly the form starts with, into a part fetched the first time the page is opened
//! (from the service worker's cache after one visit). The area being rated, the task list's
//! shell and the home page stay in the first load. Elsewhere (`trunk serve`, the wasm tests,
//! any build without `--cfg plr_split`) nothing is split and the page is drawn as it is asked.
use leptos::prelude::*;

use crate::pages::review::{
    actions::ActionsPage, case::CasePage, check::CheckPage, judgement::JudgementPage,
    moderate::ModeratePage, overview::Overview, participation::ParticipationPage,
    record::PrintPage,
};

/// `$page`: a [`Page`](crate::pages::Page) drawing `$component` once its part has loaded.
/// `#[lazy]` only where the build splits (`--cfg plr_split`, set by `scripts/release-env`): its
/// function imports the split loader (`__wasm_split.js`), which only `scripts/split.mjs` writes.
macro_rules! lazy_page {
    ($page:ident, $part:ident, $component:ident) => {
        #[cfg_attr(plr_split, lazy)]
        async fn $part() -> AnyView {
            $component().into_any()
        }

        pub fn $page() -> AnyView {
            Suspend::new($part()).into_any()
        }
    };
}

lazy_page!(overview, overview_part, Overview);
lazy_page!(case, case_part, CasePage);
lazy_page!(participation, participation_part, ParticipationPage);
lazy_page!(judgement, judgement_part, JudgementPage);
lazy_page!(actions, actions_part, ActionsPage);
lazy_page!(check, check_part, CheckPage);
lazy_page!(moderate, moderate_part, ModeratePage);
lazy_page!(print, print_part, PrintPage);
