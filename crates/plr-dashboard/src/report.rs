//! The monthly QA report (`qa-month.md` §4): the core's [`MonthlyReport`] of the chosen
//! period, shown as the HTML the core writes (so its numbers are `plr report`'s by
//! construction), printed alone on A4, or downloaded as the same self-contained page.
//!
//! Over a month of thousands of exports, working out the report and drawing its page each take
//! tens of milliseconds, so they are done in tasks of their own after the click (the button
//! shows pressed at once, and no task keeps the page from answering for long): the view first,
//! with "Preparing the report…"; the report worked out and written as HTML in the next task; that
//! HTML drawn in the one after. The same again whenever the report changes.

use std::time::Duration;

use leptos::prelude::*;
use plr_report::snapshot::MonthlyReport;

use crate::state::State;
use crate::timing;
use plr_web::download_text;

/// The report of the period chosen, with "Print the report" and its download.
#[component]
pub fn MonthlyReportView() -> impl IntoView {
    let state = expect_context::<State>();
    let report = Memo::new(move |_| {
        let options = state.options();
        state
            .snapshot
            .with(|s| state.builder.with(|b| MonthlyReport::of(b, &options, s)))
    });
    // Whether the view has been drawn: until then nothing is worked out.
    let started = RwSignal::new(false);
    set_timeout(
        move || {
            let _ = started.try_set(true);
        },
        Duration::ZERO,
    );
    // The report's body as HTML, worked out in a task after the view's (and after each change).
    let written = Memo::new(move |_| {
        started.get().then(|| {
            let start = timing::now();
            let html = report.with(MonthlyReport::html_body);
            timing::measure_since("plr:report", start);
            html
        })
    });
    // That HTML, drawn in a task after it was written.
    let drawn = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(html) = written.get() {
            set_timeout(move || drawn.set(Some(html)), Duration::ZERO);
        }
    });
    let name = move || {
        state
            .snapshot
            .with(|s| format!("plr-report-{}.html", s.period.replace([' ', '/'], "-")))
    };
    view! {
        <div class="report-view">
            <div class="button-group no-print">
                <button type="button" class="button" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>"Print the report"</button>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let _ = report.with(|r| download_text(&name(), "text/html", &r.to_html()));
                }>"Download the report (HTML)"</button>
            </div>
            {move || drawn.with(Option::is_none).then(|| view! {
                <p role="status" class="report-preparing">"Preparing the report…"</p>
            })}
            <div inner_html=move || drawn.get().unwrap_or_default()></div>
        </div>
    }
}
