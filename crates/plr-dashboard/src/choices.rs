//! The snapshot's choices: period (those present in the data), team, legal status, as-of
//! date and audits allocated. Each change recomputes the snapshot at once.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::LegalStatus;
use plr_report::snapshot::Period;

use crate::state::State;

/// The choices panel.
#[component]
pub fn Choices() -> impl IntoView {
    let state = expect_context::<State>();
    let periods = Memo::new(move |_| state.builder.with(|b| b.periods_present()));
    let teams = Memo::new(move |_| state.builder.with(|b| b.teams_present()));
    let on_period = move |ev| {
        let value = event_target_value(&ev);
        state.period.set(Period::parse(&value).ok());
    };
    let on_team = move |ev| {
        let value = event_target_value(&ev);
        state.team.set((!value.is_empty()).then_some(value));
    };
    let on_status = move |ev| {
        let value = event_target_value(&ev);
        let status = value
            .parse::<usize>()
            .ok()
            .and_then(|i| LegalStatus::ALL.get(i).copied());
        state.legal_status.set(status);
    };
    let on_as_of = move |ev| {
        if let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
            state.as_of.set(Some(date));
        }
    };
    let on_allocated = move |ev| {
        state
            .allocated
            .set(event_target_value(&ev).trim().parse::<u32>().ok());
    };
    view! {
        <section class="choices no-print" aria-labelledby="choices-heading">
            <h2 id="choices-heading">"Choose what to show"</h2>
            <div class="choices__grid">
                <div class="form-group">
                    <label class="label" for="period">"Period"</label>
                    <select class="select" id="period" on:change=on_period>
                        <option value="" selected=move || state.period.get().is_none()>"Latest month in the data"</option>
                        {move || periods.get().into_iter().map(|p| {
                            let label = p.label();
                            view! { <option value=label.clone() selected=move || state.period.get() == Some(p)>{label.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="team">"Team"</label>
                    <select class="select" id="team" on:change=on_team>
                        <option value="">"All teams"</option>
                        {move || teams.get().into_iter().map(|t| {
                            let shown = t.clone();
                            let chosen = t.clone();
                            view! { <option value=t selected=move || state.team.get().as_deref() == Some(chosen.as_str())>{shown}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="legal-status">"Legal status"</label>
                    <select class="select" id="legal-status" on:change=on_status>
                        <option value="">"All legal statuses"</option>
                        {LegalStatus::ALL.iter().enumerate().map(|(i, s)| {
                            view! { <option value=i.to_string()>{s.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="as-of">"Actions judged as of"</label>
                    <input class="input input--date" id="as-of" type="date"
                        prop:value=move || state.as_of().to_string() on:change=on_as_of />
                </div>
                <div class="form-group">
                    <label class="label" for="allocated">"Audits allocated for the period"</label>
                    <input class="input input--width-5" id="allocated" type="number" min="0" inputmode="numeric"
                        on:input=on_allocated />
                </div>
            </div>
        </section>
    }
}
