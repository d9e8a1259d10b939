//! What the app asks of the browser besides storage: the clock, random ids and downloads.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use plr_core::form::Shown;
use plr_core::PlrId;
use wasm_bindgen::JsCast;

// Dates are shown by hand and local times come from the browser's own `Date`, rather than
// through chrono's `format` and `Local`: that keeps chrono's formatting engine and time-zone
// code out of the download.
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Now, in UTC (every stored timestamp is UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A UTC time in the browser's time zone.
fn local(at: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ))
}

/// A UTC time as the user's local `HH:MM`.
pub fn local_time(at: DateTime<Utc>) -> String {
    let local = local(at);
    format!("{:02}:{:02}", local.get_hours(), local.get_minutes())
}

/// A UTC time as the user's local date and time, e.g. `Tue 24 Nov 2026 at 10:40`.
pub fn local_date_time(at: DateTime<Utc>) -> String {
    let local = local(at);
    format!(
        "{} {} {} {} at {:02}:{:02}",
        WEEKDAYS[local.get_day() as usize % 7],
        local.get_date(),
        &MONTHS[local.get_month() as usize % 12][..3],
        local.get_full_year(),
        local.get_hours(),
        local.get_minutes()
    )
}

/// A date as `20 Nov 2026`.
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        &MONTHS[date.month0() as usize][..3],
        date.year()
    )
}

/// A date as `20 November 2026`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

pub use plr_web::today;

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

/// The element with this id, if it is on the page.
fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves keyboard focus to the element with this id, if it is on the page.
pub fn focus(id: &str) {
    if let Some(element) = element_by_id(id) {
        let _ = element.focus();
    }
}

/// How many frames (about two seconds) focus waits for its element: a page loaded on demand
/// (`pages::lazy`) is drawn once its part has arrived, some frames after the address changed.
const FRAMES_TO_WAIT: u32 = 120;

/// Focuses what `find` finds, looking once a frame from the next one on, until it is there or
/// [`FRAMES_TO_WAIT`] have passed.
fn focus_once_drawn(find: std::rc::Rc<dyn Fn() -> Option<web_sys::HtmlElement>>, frames_left: u32) {
    leptos::prelude::request_animation_frame(move || match find() {
        Some(element) => {
            let _ = element.focus();
        }
        None if frames_left > 0 => focus_once_drawn(find, frames_left - 1),
        None => {}
    });
}

/// Moves focus to the element with this id once it has been drawn (for elements a change has
/// only just put on the page, or to keep focus when its holder was removed).
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    focus_once_drawn(std::rc::Rc::new(move || element_by_id(&id)), FRAMES_TO_WAIT);
}

/// Runs `then` once the page has been painted: after the next frame, in a task of its own, so
/// what is already on the page is shown (and usable) before the work `then` does.
pub fn after_paint(then: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(then, std::time::Duration::ZERO)
    });
}

/// The paint timing entry of the page's first contentful paint.
const FIRST_PAINT: &str = "first-contentful-paint";

/// Whether the browser has shown this page's first contentful paint (false where it has no
/// paint timing).
pub fn shown_yet() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| p.get_entries_by_name(FIRST_PAINT).length() > 0)
}

/// Runs `then` once the browser has shown the page's first contentful paint (its paint timing
/// says so, some time after the frame was drawn), in a task of its own; at once if it has been
/// shown already; after the next frame ([`after_paint`]) in a browser without paint timing. For
/// work that must not compete with what the page shows first, such as fetching a part of the
/// app that a later page needs.
pub fn once_shown(then: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    if shown_yet() {
        return leptos::prelude::set_timeout(then, std::time::Duration::ZERO);
    }
    // Paint timing (Chromium, Firefox, Safari 14.1 on); without it, the next frame.
    let paint = JsValue::from_str("paint");
    let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|observer| js_sys::Reflect::get(&observer, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&paint, 0));
    if !supported {
        return after_paint(then);
    }
    let then = Cell::new(Some(then));
    let seen = Closure::<dyn FnMut(_, _)>::new(
        move |list: web_sys::PerformanceObserverEntryList,
              observer: web_sys::PerformanceObserver| {
            if list.get_entries_by_name(FIRST_PAINT).length() > 0 {
                observer.disconnect();
                if let Some(then) = then.take() {
                    leptos::prelude::set_timeout(then, std::time::Duration::ZERO);
                }
            }
        },
    );
    if let Ok(observer) = web_sys::PerformanceObserver::new(seen.as_ref().unchecked_ref()) {
        observer.observe(&web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(
            &paint,
        )));
        // Kept while the observer may call it (it disconnects once it has).
        seen.forget();
    }
}

/// Sets the title of the browser tab (what a screen reader announces on a new page).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves focus to the page's main heading, as a new page load would start reading there (once
/// it has been drawn: a page loaded on demand comes some frames after the address changed, and
/// the last page's heading has gone by then).
pub fn focus_main_heading() {
    let heading = || {
        let heading = web_sys::window()?
            .document()?
            .query_selector("main h1")
            .ok()
            .flatten()?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        let _ = heading.set_attribute("tabindex", "-1");
        Some(heading)
    };
    focus_once_drawn(std::rc::Rc::new(heading), FRAMES_TO_WAIT);
}

/// Opens the browser's print dialog (nothing happens where printing is unavailable).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// An answer as a person reads it back ([`Shown::words`]): dates in their own format, blanks
/// said so.
pub fn read_back(shown: Shown) -> String {
    shown.words(long_date, local_date_time)
}
