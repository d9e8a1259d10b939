//! PLR, the browser app: a Leptos (client-side rendered) single-page app in which a reviewer
//! and a practitioner complete a Practice Learning Review together.
//!
//! Every rule (grading, completion, export) comes from `plr-core`; this crate renders it,
//! dispatches the user's changes into a reactive store, and keeps drafts on the device.

pub mod autosave;
pub mod browser;
pub mod components;
pub mod pages;
pub mod persist;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use pages::home::Home;
use pages::not_found::NotFound;
use pages::review::{
    actions::ActionsPage, area::AreaPage, case::CasePage, check::CheckPage,
    judgement::JudgementPage, moderate::ModeratePage, overview::Overview,
    participation::ParticipationPage, record::PrintPage, ReviewShell,
};

/// A page component as a [`Page`](pages::Page): drawn as any view, behind a plain function pointer.
macro_rules! page {
    ($component:ident) => {
        (|| $component().into_any()) as pages::Page
    };
}

/// The whole app: header, routes, footer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="app-header">
                <div class="width-container">
                    <a class="app-header__name" href="/">"Practice Learning Reviews"</a>
                </div>
            </header>
            <div class="width-container">
                <components::not_kept::NotKeptNotice />
                <main id="main" tabindex="-1">
                    <Routes fallback=page!(NotFound)>
                        <Route path=path!("/") view=page!(Home) />
                        <ParentRoute path=path!("/review/:id") view=page!(ReviewShell)>
                            <Route path=path!("") view=page!(Overview) />
                            <Route path=path!("case") view=page!(CasePage) />
                            <Route path=path!("participation") view=page!(ParticipationPage) />
                            <Route path=path!("area/:area") view=page!(AreaPage) />
                            <Route path=path!("judgement") view=page!(JudgementPage) />
                            <Route path=path!("actions") view=page!(ActionsPage) />
                            <Route path=path!("check") view=page!(CheckPage) />
                            <Route path=path!("moderate") view=page!(ModeratePage) />
                            <Route path=path!("print") view=page!(PrintPage) />
                        </ParentRoute>
                    </Routes>
                </main>
            </div>
            <footer class="app-footer">
                <div class="width-container">
                    <p>"Reviews are kept only in this browser until you download them. Nothing is sent anywhere."</p>
                    <p id="persistence"><persist::PersistenceNote /></p>
                </div>
            </footer>
        </Router>
    }
}
