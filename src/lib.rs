//! PLR, the browser app: a Leptos (client-side rendered) single-page app in which a reviewer
//! and a practitioner complete a Practice Learning Review together.
//!
//! Every rule (grading, completion, export) comes from `plr-core`; this crate renders it,
//! dispatches the user's changes into a reactive store, and keeps drafts on the device.

pub mod address;
pub mod answer;
pub mod autosave;
pub mod browser;
pub mod components;
pub mod pages;
pub mod persist;
#[cfg(plr_split)]
mod split;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use pages::home::Home;
use pages::lazy;
use pages::not_found::NotFound;
use pages::review::ReviewShell;

/// A page component as a [`Page`](pages::Page): drawn as any view, behind a plain function pointer.
macro_rules! page {
    ($component:ident) => {
        (|| $component().into_any()) as pages::Page
    };
}

/// A page loaded on demand ([`pages::lazy`]), as a [`Page`](pages::Page).
macro_rules! lazy_page {
    ($page:ident) => {
        lazy::$page as pages::Page
    };
}

/// The whole app: header, routes, footer. The review's routes are the paths of
/// [`address::ReviewPage`]'s pages.
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
                            <Route path=path!("") view=lazy_page!(overview) />
                            <Route path=path!("case") view=lazy_page!(case) />
                            <Route path=path!("participation") view=lazy_page!(participation) />
                            <Route path=path!("area/:area") view=lazy_page!(area) />
                            <Route path=path!("judgement") view=lazy_page!(judgement) />
                            <Route path=path!("actions") view=lazy_page!(actions) />
                            <Route path=path!("check") view=lazy_page!(check) />
                            <Route path=path!("moderate") view=lazy_page!(moderate) />
                            <Route path=path!("concern-update") view=lazy_page!(concern_update) />
                            <Route path=path!("ambassadors") view=lazy_page!(ambassadors) />
                            <Route path=path!("print") view=lazy_page!(print) />
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
