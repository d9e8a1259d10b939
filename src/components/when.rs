//! `When`: part of a page shown only while a condition holds (a follow-up question under the
//! answer it depends on, a confirmation in place of a button).

use leptos::prelude::*;

/// Shows its children while `when` is true and `fallback` (by default nothing) while it is
/// false; they are drawn again only when the condition changes, not each time it is read.
///
/// Leptos's `Show` does the same, but is generic over its condition and its children, so each
/// use compiled its own copy of the code that shows and hides; this one takes a signal and
/// children drawn as any view, so it is compiled once.
#[component]
pub fn When(
    /// Whether the children are shown.
    #[prop(into)]
    when: Signal<bool>,
    /// What is shown while the condition holds.
    children: ChildrenFn,
    /// What is shown while it does not.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| when.get());
    move || {
        if shown.get() {
            children()
        } else {
            fallback.run()
        }
    }
}
