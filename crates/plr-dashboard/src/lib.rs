//! PLR's QA dashboard: a second, separate browser app for the QA service (the Performance
//! Snapshot of the reviews received, the action tracker and the moderation sample). It is
//! built on its own (served at `/dashboard/`), so none of its code is in the review form's
//! download. Every rule comes from `plr-core` (as in the form) and every figure from
//! `plr-report`; the pages render.

pub mod ambassadors;
pub mod cases;
pub mod charts;
pub mod choices;
pub mod figures;
pub mod files;
pub mod grades;
pub mod load;
pub mod more;
pub mod number;
pub mod opened;
pub mod reader;
pub mod register;
pub mod remembered;
pub mod report;
pub mod representation;
pub mod scroll;
pub mod settings;
pub mod state;
pub mod timing;
pub mod tracker;
pub mod update;

use leptos::prelude::*;
use plr_report::snapshot::{to_csv, to_json};

use crate::ambassadors::Ambassadors;
use crate::cases::{Concerns, ModerationSample, ModeratorEffectTables, RejectedFiles};
use crate::choices::Choices;
use crate::figures::{MeasureTable, Summary, ACTIONS, HEADLINE, IMPACT, MODERATION, PARTICIPATION};
use crate::grades::{Breakdowns, Grades};
use crate::load::LoadPanel;
use crate::register::ConcernRegister;
use crate::report::MonthlyReportView;
use crate::representation::Representation;
use crate::state::{Part, Shown, State};
use crate::tracker::Tracker;
use plr_web::download_text;

/// "Download CSV" and "Download JSON": exactly what `plr snapshot --format csv|json` prints.
#[component]
fn Downloads() -> impl IntoView {
    let state = expect_context::<State>();
    let name = move |ext: &str| {
        state
            .snapshot
            .with(|s| format!("plr-snapshot-{}.{ext}", s.period.replace([' ', '/'], "-")))
    };
    view! {
        <div class="button-group no-print">
            <button type="button" class="button" on:click=move |_| {
                let _ = state.snapshot.with(|s| download_text(&name("csv"), "text/csv", &to_csv(s)));
            }>"Download CSV"</button>
            <button type="button" class="button" on:click=move |_| {
                let _ = state.snapshot.with(|s| download_text(&name("json"), "application/json", &to_json(s)));
            }>"Download JSON"</button>
            <button type="button" class="button button--secondary" on:click=move |_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>"Print"</button>
        </div>
    }
}

/// The snapshot, shown once something is loaded.
#[component]
fn SnapshotView() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <h2 id="snapshot-heading">{move || state.snapshot.with(|s| format!("Performance Snapshot {}", plr_report::snapshot::Period::named(&s.period)))}</h2>
        <Summary />
        <Downloads />
        <RejectedFiles />
        <MeasureTable caption="Headline figures" keys=&HEADLINE />
        <Show when=move || state.shows(Part::Grades)><Grades /></Show>
        <Show when=move || state.shows(Part::Breakdowns)>
        <Breakdowns />
        <section aria-labelledby="participation-heading">
            <h2 id="participation-heading">"Participation and views"</h2>
            <MeasureTable caption="Participation and views" keys=&PARTICIPATION />
        </section>
        <section aria-labelledby="moderation-heading">
            <h2 id="moderation-heading">"Moderation effect"</h2>
            <p class="hint">"Upgraded, downgraded and agreed are out of the reviews moderated in the period; inadequate identified by moderators is out of every review reported inadequate (seed 003 Table 1)."</p>
            <MeasureTable caption="Moderation" keys=&MODERATION />
            <ModeratorEffectTables />
        </section>
        <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Actions and cases of concern"</h2>
            <MeasureTable caption="Actions" keys=&ACTIONS />
            <Concerns />
        </section>
        <section aria-labelledby="impact-heading">
            <h2 id="impact-heading">"Impact from audit"</h2>
            <p>{move || state.snapshot.with(|s| {
                let (first, last) = plr_report::snapshot::window(plr_report::snapshot::Period::parse(&s.period).unwrap_or(plr_report::snapshot::Period::month_of(s.to)));
                format!(
                    "The actions of the reviews of {} to {} (the follow-through window), judged as of {}; the backlog is the reviews before it. The action tracker below sums up each team's actions with no update.",
                    first.format("%-d %B %Y"), last.format("%-d %B %Y"), s.as_of.format("%-d %B %Y")
                )
            })}</p>
            <MeasureTable caption="Impact from audit" keys=&IMPACT />
        </section>
        </Show>
        <Show when=move || state.shows(Part::Registers)><Representation /><ConcernRegister /><Tracker /></Show>
        <Show when=move || state.shows(Part::Samples)><ModerationSample /></Show>
        <Show when=move || state.shows(Part::Samples)><Ambassadors /></Show>
    }
}

/// "Performance Snapshot" or "Monthly report": which the page shows under the choices.
#[component]
fn ShownChoice() -> impl IntoView {
    let state = expect_context::<State>();
    let choice = move |shown: Shown, label: &'static str| {
        view! {
            <button type="button" class="button button--secondary"
                aria-pressed=move || (state.shown.get() == shown).to_string()
                on:click=move |_| state.shown.set(shown)>{label}</button>
        }
    };
    view! {
        <nav class="button-group shown-choice no-print" aria-label="What to show">
            {choice(Shown::Snapshot, "Performance Snapshot")}
            {choice(Shown::MonthlyReport, "Monthly report")}
        </nav>
    }
}

/// The whole dashboard: header, page, footer (the same layout and stylesheet as the form).
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = State::new();
    provide_context(state);
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="app-header no-print">
            <div class="width-container">
                <a class="app-header__name" href="/dashboard/">"Practice Learning Reviews: QA dashboard"</a>
            </div>
        </header>
        <div class="width-container">
            <main id="main" tabindex="-1">
                <h1>"QA dashboard"</h1>
                <p class="lead">"The Performance Snapshot, action tracker and moderation sample of the reviews the QA service has received."</p>
                <p class="no-print"><a class="link" href="/">"Go to the review form"</a></p>
                <LoadPanel />
                <Show when=move || state.shows(Part::Headline)
                    fallback=|| view! { <p class="empty">"No reviews loaded yet. Choose export files or a zip of them, a folder, or include the reviews on this device."</p> }>
                    <Choices />
                    <ShownChoice />
                    {move || match state.shown.get() {
                        Shown::Snapshot => view! { <SnapshotView /> }.into_any(),
                        Shown::MonthlyReport => view! { <MonthlyReportView /> }.into_any(),
                    }}
                </Show>
            </main>
        </div>
        <footer class="app-footer no-print">
            <div class="width-container">
                "Files are read only in this browser. Nothing is sent anywhere."
            </div>
        </footer>
    }
}
