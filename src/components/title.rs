//! The browser tab's title for each page: "About the case – Practice Learning Review", with
//! "Error: " in front while the page shows completion problems.

use leptos::prelude::*;

use crate::browser;
use crate::pages::review::Review;

/// Sets the tab title while this page is shown.
#[component]
pub fn PageTitle(
    /// The page's own name, e.g. "About the case".
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let problems = use_context::<Review>().map(|review| review.problems);
    Effect::new(move |_| {
        let error = problems.is_some_and(|p| p.with(|p| !p.is_empty()));
        let prefix = if error { "Error: " } else { "" };
        browser::set_title(&format!(
            "{prefix}{} – Practice Learning Review",
            title.get()
        ));
    });
}
