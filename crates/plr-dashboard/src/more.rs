//! Long lists drawn a page at a time: the first [`PAGE`] rows, then "Show more". Drawing
//! thousands of table rows at once would hold the page for seconds; sorting, filtering and
//! downloads still cover every row.

use leptos::prelude::*;

use crate::load::thousands;

/// Rows drawn at first, and added by each "Show more".
pub const PAGE: usize = 100;

/// "Showing 100 of 2,345 actions." and a button that draws [`PAGE`] more; nothing when every
/// row is drawn. `limit` is how many rows the table draws.
#[component]
pub fn ShowMore(
    /// What the rows are, plural ("actions").
    what: &'static str,
    /// How many rows there are.
    total: Signal<usize>,
    /// How many are drawn.
    limit: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || { total.get() > limit.get() }>
            <div class="show-more">
                <p>{move || format!("Showing {} of {} {what}.", thousands(limit.get()), thousands(total.get()))}</p>
                <button type="button" class="button button--secondary no-print"
                    on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || format!("Show {} more {what}", thousands(PAGE.min(total.get() - limit.get().min(total.get()))))}
                </button>
            </div>
        </Show>
    }
}
