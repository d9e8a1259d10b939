//! Persistent storage: after the first save of a session the app asks the browser not to clear
//! this site's storage when the device runs short of space (`navigator.storage.persist()`),
//! and the footer says whether it agreed.

use std::cell::Cell;

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
    /// The browser's answer: `None` until asked (or when it cannot say).
    static GRANTED: ArcRwSignal<Option<bool>> = ArcRwSignal::new(None);
}

/// The browser's answer, for the footer.
pub fn granted() -> ArcRwSignal<Option<bool>> {
    GRANTED.with(Clone::clone)
}

/// `navigator.storage`, through js-sys (absent outside a secure context: plain HTTP elsewhere
/// than this machine).
fn storage_manager() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let navigator = Reflect::get(&window, &"navigator".into()).ok()?;
    let manager = Reflect::get(&navigator, &"storage".into()).ok()?;
    manager.is_object().then_some(manager)
}

/// Calls `manager.<method>()` and waits for its promised boolean.
async fn ask(manager: &JsValue, method: &str) -> Option<bool> {
    let function: js_sys::Function = Reflect::get(manager, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = function.call0(manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Called after every successful save: asks once a session, unless already granted.
pub fn after_save() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let Some(manager) = storage_manager() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let granted = match ask(&manager, "persisted").await {
            Some(true) => Some(true),
            _ => ask(&manager, "persist").await,
        };
        GRANTED.with(|signal| signal.set(granted));
    });
}

/// The footer's line about it (nothing until the browser has answered).
#[component]
pub fn PersistenceNote() -> impl IntoView {
    let granted = granted();
    move || {
        granted.get().map(|granted| {
            if granted {
                "This browser has agreed to keep your reviews until you remove them."
            } else {
                "This browser has not promised to keep your reviews: it may clear them if the device runs short of space, so download each review once it is completed."
            }
        })
    }
}
