//! What the browser tests share: the page, letting it run, waiting on a condition, finding
//! an element, and a fresh element to mount on.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the page run (timers, microtasks, rendering) for about `ms` milliseconds.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `found` gives something, for up to ten seconds (then fails, naming `what`).
pub async fn until<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    for _ in 0..1000 {
        if let Some(it) = found() {
            return it;
        }
        pause(10).await;
    }
    panic!("waited ten seconds for {what}");
}

pub fn element(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// A new, empty element at the end of the page, to mount an app or a control on.
pub fn host() -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}
