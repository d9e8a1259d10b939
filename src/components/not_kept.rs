//! At the top of every page when the browser refuses storage: the app still works, in this
//! tab's memory, but nothing will be kept once it is closed, so each review is offered as a
//! download from here.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use plr_core::Framework;

use crate::components::export::download_review;
use crate::storage;

/// The banner (nothing when storage works).
#[component]
pub fn NotKeptNotice() -> impl IntoView {
    (!storage::is_kept()).then(|| {
        let location = use_location();
        // Listed again on each move between pages (a review is started or opened on one).
        let entries = Memo::new(move |_| {
            location.pathname.track();
            storage::list().entries
        });
        let message = RwSignal::new(None::<String>);
        let download = move |id| {
            crate::autosave::flush_open_review();
            let outcome = storage::load(id)
                .map_err(|e| e.to_string())
                .and_then(|plr| download_review(&plr, Framework::practice_fundamentals()));
            message.set(Some(match outcome {
                Ok(name) => format!("Downloaded {name}"),
                Err(problem) => format!("The file could not be made: {problem}"),
            }));
        };
        view! {
            <div class="warning not-kept" role="region" aria-labelledby="not-kept-title">
                <h2 id="not-kept-title">"Nothing will be kept after you close this tab"</h2>
                <p>"This browser is not letting the app save anything on this device (it may be in private mode, or blocking site data). You can still complete a review here, but download it before you close this tab, or it is lost."</p>
                <ul class="list">
                    {move || entries.get().into_iter().map(|entry| {
                        let name = if entry.child_ref.trim().is_empty() {
                            "Download the review with no case reference yet".to_string()
                        } else {
                            format!("Download the review for {}", entry.child_ref)
                        };
                        view! {
                            <li><button type="button" class="button button--secondary button--small"
                                on:click=move |_| download(entry.id)>{name}</button></li>
                        }
                    }).collect_view()}
                </ul>
                <p role="status">{move || message.get()}</p>
            </div>
        }
    })
}
