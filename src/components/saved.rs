//! "Saved on this device HH:MM": says what autosave did, and says it loudly when it failed.

use leptos::prelude::*;

use crate::autosave::SaveState;
use crate::{browser, storage};

/// The autosave indicator.
#[component]
pub fn SavedIndicator(state: RwSignal<SaveState>) -> impl IntoView {
    view! {
        <p class="saved" role="status">
            {move || match state.get() {
                SaveState::Saved(at) if storage::is_kept() => format!("Saved on this device {}", browser::local_time(at)),
                SaveState::Saved(at) => format!("Kept in this tab only {}", browser::local_time(at)),
                SaveState::Pending => "Saving…".to_string(),
                SaveState::Failed(_) => "Not saved".to_string(),
            }}
        </p>
        {move || match state.get() {
            SaveState::Failed(message) => Some(view! { <p class="error-message save-failed" role="alert">{message}</p> }),
            _ => None,
        }}
    }
}
