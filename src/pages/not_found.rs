//! The page for an address the app does not know.

use leptos::prelude::*;

use crate::components::title::PageTitle;

/// "Page not found", with the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <PageTitle title="Page not found" />
        <p>"If you typed the web address, check it is correct."</p>
        <p><a href="/">"Go to your reviews"</a></p>
    }
}
