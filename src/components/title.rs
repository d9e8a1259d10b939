//! The browser tab's title for each page: "About the case – Practice Learning Review", with
//! "Error: " in front while the page shows completion problems.

use leptos::prelude::*;

use crate::browser;

/// Sets the tab title while this page is shown.
#[component]
pub fn PageTitle(
    /// The page's own name, e.g. "About the case".
    #[prop(into)]
    title: Signal<String>,
    /// Whether the page shows completion problems (a review's pages: `Review::has_problems`);
    /// none when not given.
    #[prop(optional, into)]
    error: Option<Signal<bool>>,
) -> impl IntoView {
    Effect::new(move |_| {
        let error = error.is_some_and(|e| e.get());
        let prefix = if error { "Error: " } else { "" };
        browser::set_title(&format!(
            "{prefix}{} – Practice Learning Review",
            title.get()
        ));
    });
}
