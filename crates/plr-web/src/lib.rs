//! The browser services both browser apps use, written once: offering a file as a download
//! (the only way a review leaves the device) and today's date in the browser's time zone.
//! The form and the QA dashboard never depend on each other (ARCHITECTURE.md); both depend on
//! this, which depends on neither and holds no rule of a review.
#![warn(missing_docs)]

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// Today in the browser's time zone (the day a person in front of it would write).
pub fn today() -> NaiveDate {
    let local = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        local.get_full_year() as i32,
        local.get_month() + 1,
        local.get_date(),
    )
    .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

/// Offers `text` to the user as a file named `name` of type `mime`, or says why the browser
/// could not.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)))
}

/// Offers `bytes` (a zip, say) as a file named `name` of type `mime`, or says why not.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(
        name,
        mime,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    )
}

fn offer(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = |_| format!("The browser could not create the file {name}.");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let window = web_sys::window().ok_or("No window to download from.")?;
    let anchor: web_sys::HtmlAnchorElement = window
        .document()
        .ok_or("No document to download from.")?
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The browser could not create a download link.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; the URL is only a handle.
    // (Leptos's timer, which both apps hold already.)
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
