//! The monthly QA report (`qa-month.md` §4): the core's [`MonthlyReport`] of the chosen
//! period, shown as the HTML the core writes (so its numbers are `plr report`'s by
//! construction), printed alone on A4, or downloaded as the same self-contained page.

use leptos::prelude::*;
use plr_report::snapshot::MonthlyReport;

use crate::state::State;
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
            <div inner_html=move || report.with(MonthlyReport::html_body)></div>
        </div>
    }
}
