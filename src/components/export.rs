//! "Download the review file": the core's deterministic export of the open review.

use leptos::prelude::*;
use plr_core::export::{export_file_name, export_json};
use plr_core::{Framework, Plr};
use reactive_stores::Store;

use crate::autosave::Autosave;

/// Downloads the open review (draft or completed) and says what was downloaded.
#[component]
pub fn ExportButton(
    /// The review to download.
    store: Store<Plr>,
    /// Its autosaver, flushed first so the file holds what was last typed.
    autosave: Autosave,
    /// The framework its sections follow.
    framework: &'static Framework,
    /// The page's main action (the confirmation page), else a secondary button.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| {
        autosave.flush();
        let plr = store.get_untracked();
        message.set(Some(download_review(&plr, framework)));
    };
    view! {
        <button type="button" class="button" class:button--secondary=!primary on:click=download>
            "Download the review file (for the QA service)"
        </button>
        <p role="status" class="export-status">
            {move || match message.get() {
                Some(Ok(name)) => format!("Downloaded {name}"),
                Some(Err(problem)) => format!("The file could not be made: {problem}"),
                None => String::new(),
            }}
        </p>
    }
}

/// Offers `plr` as its export file and notes the download; returns the file's name.
pub fn download_review(plr: &Plr, framework: &Framework) -> Result<String, String> {
    let name = export_file_name(plr);
    export_json(plr, framework)
        .map_err(|e| e.to_string())
        .and_then(|json| plr_web::download_text(&name, "application/json", &json))
        .map(|()| {
            // Only the home list's "downloaded" note depends on this: a failure is harmless.
            let _ = crate::storage::mark_downloaded(plr);
            name
        })
}
