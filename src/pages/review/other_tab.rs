//! Another tab or window of this browser changed or deleted the review open here. Neither copy
//! is overwritten silently: autosave stops and the user chooses which version to keep.

use leptos::prelude::*;
use plr_core::Plr;
use reactive_stores::Store;

use crate::autosave::Autosave;
use crate::{browser, storage};

#[derive(Debug, Clone, PartialEq)]
enum Change {
    Saved(Box<Plr>),
    Deleted,
}

/// Equal but for when they were saved and the derived fields (the core decides).
fn same_content(ours: &Plr, theirs: &Plr) -> bool {
    plr_core::derived::same_content(ours, theirs, plr_core::Framework::practice_fundamentals())
}

/// Watches for another tab's writes to this review and offers the choice when one happens.
#[component]
pub fn OtherTabWatch(store: Store<Plr>, autosave: Autosave) -> impl IntoView {
    let change = RwSignal::new(None::<Change>);
    let id = store.with_untracked(|p| p.id);
    let handle = storage::on_other_tab_write(id, move |new_value| {
        let news = match new_value {
            None => Some(Change::Deleted),
            Some(text) => match storage::parse(&text) {
                Ok(theirs) if store.with_untracked(|ours| !same_content(ours, &theirs)) => {
                    Some(Change::Saved(Box::new(theirs)))
                }
                Ok(_) => None,
                // A damaged copy from elsewhere is never loaded; keeping ours overwrites it.
                Err(_) => Some(Change::Deleted),
            },
        };
        if let Some(news) = news {
            autosave.suspend();
            change.set(Some(news));
        }
    });
    on_cleanup(move || handle.remove());

    let keep_ours = move |_| {
        change.set(None);
        autosave.resume();
    };
    move || {
        change.get().map(|news| {
            let (message, theirs) = match news {
                Change::Saved(theirs) => (
                    format!(
                        "This review was changed in another tab or window (saved {}).",
                        browser::local_date_time(theirs.updated_at)
                    ),
                    Some(*theirs),
                ),
                Change::Deleted => ("This review was deleted or damaged in another tab or window.".to_string(), None),
            };
            let has_theirs = theirs.is_some();
            let use_theirs = move |_| {
                if let Some(theirs) = theirs.clone() {
                    store.set(theirs);
                }
                change.set(None);
                autosave.resume();
            };
            view! {
                <div class="warning" role="alert" aria-labelledby="other-tab-title">
                    <h2 id="other-tab-title" class="warning__title">{message}</h2>
                    <p>"So that neither version is lost, changes here are not being saved until you choose."</p>
                    <div class="button-group">
                        {has_theirs.then(|| view! {
                            <button type="button" class="button" on:click=use_theirs.clone()>"Use the other version"</button>
                        })}
                        <button type="button" class="button button--secondary" on:click=keep_ours>
                            {if has_theirs { "Keep this version" } else { "Save this version again" }}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
