//! What the app asks of the browser besides storage: the clock, random ids and downloads.

use chrono::{DateTime, Local, Utc};
use plr_core::PlrId;
use wasm_bindgen::JsCast;

/// Now, in UTC (every stored timestamp is UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A UTC time as the user's local `HH:MM`.
pub fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// A UTC time as the user's local date and time, e.g. `Tue 24 Nov 2026 at 10:40`.
pub fn local_date_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%a %-d %b %Y at %H:%M")
        .to_string()
}

/// Today's date where the user is.
pub fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}

/// A fresh random (version 4) review id from the browser's cryptographic generator.
///
/// `crypto.getRandomValues` works on plain HTTP too, unlike `crypto.randomUUID`.
pub fn new_plr_id() -> Result<PlrId, String> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("This browser has no secure random number generator.")?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "This browser refused to generate a random id.")?;
    Ok(PlrId(uuid::Builder::from_random_bytes(bytes).into_uuid()))
}

/// Offers `contents` to the user as a file download named `file_name`.
pub fn download(file_name: &str, contents: &str, mime: &str) -> Result<(), String> {
    let fail = |_| format!("The browser could not create the file {file_name}.");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document to download from.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The browser could not create a download link.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; the URL is only a handle.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Moves keyboard focus to the element with this id, if it is on the page.
pub fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id once the next frame has rendered (for elements a
/// change has only just put on the page, or to keep focus when its holder was removed).
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || focus(&id));
}

/// Sets the title of the browser tab (what a screen reader announces on a new page).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves focus to the page's main heading, as a new page load would start reading there.
pub fn focus_main_heading() {
    leptos::prelude::request_animation_frame(|| {
        let heading = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
}
