//! User Timing entries (`performance.measure`) for the phases of loading, so a profile or the
//! benchmark (`bench/dashboard-load.mjs`) can say where the time went: reading, importing,
//! rendering. Invisible to users, nothing leaves the page; a browser without them is ignored.

use wasm_bindgen::JsValue;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Milliseconds since the page started (`performance.now()`), 0 without a clock.
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Records `name` as lasting from `start` (a [`now`] value) for `duration` milliseconds.
/// `performance.measure(name, { start, duration })` is called through JavaScript because
/// web-sys has its options only behind unstable APIs.
pub fn measure(name: &str, start: f64, duration: f64) {
    let Some(performance) = performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let set = |key: &str, value: f64| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &JsValue::from_f64(value));
    };
    set("start", start);
    set("duration", duration.max(0.0));
    let Ok(function) = js_sys::Reflect::get(&performance, &"measure".into()) else {
        return;
    };
    if let Some(function) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&function) {
        let _ = function.call2(&performance, &name.into(), &options);
    }
}

/// Records `name` from `start` until now.
pub fn measure_since(name: &str, start: f64) {
    measure(name, start, now() - start);
}
