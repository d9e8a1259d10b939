//! A wide table in a box of its own that scrolls sideways on a narrow screen, so the page
//! never does and no word is broken to make the table fit (the form's stylesheet squeezes its
//! own tables into a phone's width instead). The box takes keyboard focus and is named, so it
//! can be scrolled with the arrow keys and a screen reader says what it holds. It is a group,
//! not a region: the sections around the tables are the page's landmarks, often of the same
//! name, and twenty more would bury them.

use leptos::prelude::*;

/// `children` (a table) in a named, focusable box that scrolls sideways when it is wider than
/// the page; `label` names it (the table's caption, in words).
#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=move || label.get()>
            {children()}
        </div>
    }
}
