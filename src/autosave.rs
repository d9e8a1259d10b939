//! Autosave: every change to the review being edited reaches this device's storage within
//! [`DEBOUNCE`], and at once when the page is hidden, closed or left.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::prelude::*;
use plr_core::{Plr, PlrStoreFields};
use reactive_stores::Store;

use crate::address::ReviewPage;
use crate::{browser, storage};

/// The User Timing marks around each save's write (read by `bench/browser.mjs`).
const AUTOSAVE_START: &str = "plr-autosave-start";
const AUTOSAVE_END: &str = "plr-autosave-end";

/// How long typing may pause before the review is written. Short enough that closing the
/// laptop mid-sentence loses nothing (hiding the page flushes at once anyway).
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the "saved" indicator shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything is on this device, last written at this time.
    Saved(DateTime<Utc>),
    /// A change is waiting for the debounce to end.
    Pending,
    /// The last write failed: the message says why and what to do.
    Failed(String),
}

thread_local! {
    /// The autosaver of the review open now (a disposed one is harmless: flushing it does nothing).
    static OPEN: std::cell::Cell<Option<Autosave>> = const { std::cell::Cell::new(None) };
}

/// Writes any waiting change of the review open now (for downloads made outside its pages).
pub fn flush_open_review() {
    if let Some(autosave) = OPEN.with(std::cell::Cell::get) {
        autosave.flush();
    }
}

/// The autosaver of one open review. Copy, so any page of the review can flush it.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// Shown by the saved indicator.
    pub state: RwSignal<SaveState>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Set while another tab's change to this review awaits the user's choice.
    suspended: RwSignal<bool>,
    store: Store<Plr>,
    /// The address shown (the page of the review it names is stored with it).
    address: Memo<String>,
    /// Whether the review itself changed since the last write (not only the page shown):
    /// only then is `updated_at` moved on, so "downloaded since its last change" stays true
    /// while the user only moves between pages.
    changed: StoredValue<bool>,
}

impl Autosave {
    /// Watches `store` (and the address shown, whose page the home list continues at) and saves
    /// every change. Stops, after a last flush, when the calling owner is cleaned up.
    pub fn start(store: Store<Plr>, address: Memo<String>) -> Self {
        let saved_at = store.updated_at().get_untracked();
        let this = Autosave {
            state: RwSignal::new(SaveState::Saved(saved_at)),
            pending: StoredValue::new(None),
            suspended: RwSignal::new(false),
            store,
            address,
            changed: StoredValue::new(false),
        };
        // The first run of each only subscribes: the review as loaded is already stored.
        Effect::new(move |previous: Option<()>| {
            store.track();
            if previous.is_some() {
                this.changed.set_value(true);
                this.schedule();
            }
        });
        Effect::new(move |previous: Option<()>| {
            address.track();
            if previous.is_some() {
                this.schedule();
            }
        });
        let on_hide = window_event_listener(ev::pagehide, move |_| this.flush());
        let on_hidden = window_event_listener(ev::visibilitychange, move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                this.flush();
            }
        });
        OPEN.with(|open| open.set(Some(this)));
        on_cleanup(move || {
            this.flush();
            on_hide.remove();
            on_hidden.remove();
        });
        this
    }

    fn schedule(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                self.pending.set_value(None);
                self.save_now();
            },
            DEBOUNCE,
        );
        match handle {
            Ok(handle) => {
                self.pending.set_value(Some(handle));
                // Already "Saving…" while edits follow each other: the indicator is not redrawn.
                if self
                    .state
                    .with_untracked(|state| *state != SaveState::Pending)
                {
                    self.state.set(SaveState::Pending);
                }
            }
            // No timers (should not happen in a browser): save synchronously instead.
            Err(_) => self.save_now(),
        }
    }

    /// Writes any waiting change now (before an export, on leaving, on hiding the page).
    pub fn flush(self) {
        if let Some(Some(handle)) = self.pending.try_get_value() {
            handle.clear();
            self.pending.set_value(None);
            self.save_now();
        }
    }

    /// Stops writing (changes stay on screen) until [`Autosave::resume`]: used while another
    /// tab's version of this review is waiting for the user to choose between the two.
    pub fn suspend(self) {
        self.suspended.set(true);
        self.state.set(SaveState::Failed(
            "Changes here are not being saved until you choose which version to keep.".into(),
        ));
    }

    /// Starts writing again, saving what is on screen now.
    pub fn resume(self) {
        self.suspended.set(false);
        if let Some(Some(handle)) = self.pending.try_get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        self.save_now();
    }

    fn save_now(self) {
        if self.suspended.try_get_untracked().unwrap_or(true) {
            return;
        }
        let (Some(mut plr), Some(address)) = (
            self.store.try_get_untracked(),
            self.address.try_get_untracked(),
        ) else {
            return;
        };
        let page = ReviewPage::shown(&address, plr.id);
        let now = browser::now();
        if self.changed.try_get_value().unwrap_or(true) {
            plr.updated_at = now;
        }
        // Timed by two User Timing marks, which bench/browser.mjs reads (as Chromium's trace
        // stamps them, with the main thread's CPU clock too); they never leave the page. Each
        // save clears the last one's, so a long session's saves never pile up in the page.
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(performance) = &performance {
            performance.clear_marks_with_mark_name(AUTOSAVE_START);
            performance.clear_marks_with_mark_name(AUTOSAVE_END);
            let _ = performance.mark(AUTOSAVE_START);
        }
        let outcome = storage::save(&plr, &page);
        if let Some(performance) = &performance {
            let _ = performance.mark(AUTOSAVE_END);
        }
        // The stored copy and the one on screen keep the same timestamp, without waking
        // every view of the review (nothing on screen depends on it but the indicator).
        if let Some(mut updated_at) = self.store.updated_at().try_write_untracked() {
            *updated_at = plr.updated_at;
        }
        if outcome.is_ok() {
            self.changed.try_set_value(false);
        }
        let state = match outcome {
            Ok(_) => SaveState::Saved(now),
            Err(error) => SaveState::Failed(error.to_string()),
        };
        self.state.try_set(state);
    }
}
