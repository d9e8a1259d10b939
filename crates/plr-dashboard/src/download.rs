//! Saving text as a file the user downloads (nothing leaves the device otherwise).

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`; false when the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    offer(name, mime, &js_sys::Array::of1(&text.into()))
}

/// Offers `bytes` as a download named `name`; false when the browser refused.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(
        name,
        mime,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    )
}

fn offer(name: &str, mime: &str, parts: &js_sys::Array) -> bool {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    true
}
