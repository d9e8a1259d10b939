//! PLR's QA dashboard: a second, separate browser app for the QA service (the month's
//! Performance Snapshot of the reviews received). It is built on its own (served at
//! `/dashboard/`), so none of its code is in the review form's download.
//!
//! Every rule comes from `plr-core`, as in the form. For now this is the skeleton page.

use leptos::prelude::*;

/// The whole dashboard: header, page, footer (the same layout and stylesheet as the form).
#[component]
pub fn Dashboard() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="app-header">
            <div class="width-container">
                <a class="app-header__name" href="/dashboard/">"Practice Learning Reviews: QA dashboard"</a>
            </div>
        </header>
        <div class="width-container">
            <main id="main" tabindex="-1">
                <h1>"QA dashboard"</h1>
                <p class="lead">
                    "The month's Performance Snapshot of the reviews the QA service has received will be shown here."
                </p>
                <p>
                    "This view is not ready yet. When it is, the files you choose will be read on this device only: nothing is uploaded."
                </p>
                <p><a class="link" href="/">"Go to the review form"</a></p>
            </main>
        </div>
        <footer class="app-footer">
            <div class="width-container">
                "Files are read only in this browser. Nothing is sent anywhere."
            </div>
        </footer>
    }
}
