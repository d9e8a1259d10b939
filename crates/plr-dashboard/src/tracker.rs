//! The action tracker: every action of the loaded reviews, sortable and filterable, with a
//! CSV download. Rows, order, filters and CSV come from plr-core; this page renders them.

use leptos::prelude::*;
use plr_core::snapshot::{
    distinct, sort_rows, tracker_csv, tracker_rows, TrackerColumn, TrackerFilter, TrackerRow,
    TrackerSort,
};
use plr_core::{ActionKind, ActionStatus};

use crate::download::download;
use crate::load::thousands;
use crate::more::{ShowMore, PAGE};
use crate::state::State;

fn select(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    values: Signal<Vec<String>>,
    set: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            <select class="select" id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                set((!v.is_empty()).then_some(v));
            }>
                <option value="">{all}</option>
                {move || values.get().into_iter().map(|v| view! { <option value=v.clone()>{v.clone()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The tracker section.
#[component]
pub fn Tracker() -> impl IntoView {
    let state = expect_context::<State>();
    let filter = RwSignal::new(TrackerFilter::default());
    let sort = RwSignal::new(TrackerSort::default());
    let limit = RwSignal::new(PAGE);
    let all = Memo::new(move |_| {
        let as_of = state.as_of();
        state.builder.with(|b| tracker_rows(b, as_of))
    });
    let shown = Memo::new(move |_| {
        let f = filter.get();
        let mut rows: Vec<TrackerRow> =
            all.with(|r| r.iter().filter(|r| f.keeps(r)).cloned().collect());
        sort_rows(&mut rows, sort.get());
        rows
    });
    let teams = Signal::derive(move || all.with(|r| distinct(r, |r| &r.team)));
    let owners = Signal::derive(move || all.with(|r| distinct(r, |r| &r.owner)));
    let kinds = Signal::derive(|| {
        [ActionKind::CarePlanning, ActionKind::Other]
            .map(|k| k.label().to_string())
            .to_vec()
    });
    let statuses = Signal::derive(|| ActionStatus::ALL.map(|s| s.label().to_string()).to_vec());
    let heading = move |column: TrackerColumn| {
        let order = move || {
            let s = sort.get();
            if s.column != column {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" aria-sort=order>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.choose(column))>
                    {column.label()}
                </button>
            </th>
        }
    };
    view! {
        <section aria-labelledby="tracker-heading">
            <h2 id="tracker-heading">"Action tracker"</h2>
            <p>{move || format!(
                "{} of {} actions match, overdue as of {}. The download has every action that matches.",
                thousands(shown.with(Vec::len)), thousands(all.with(Vec::len)), state.as_of()
            )}</p>
            <div class="choices__grid no-print">
                {select("tracker-team", "Filter actions by team", "All teams", teams, move |v| filter.update(|f| f.team = v))}
                {select("tracker-owner", "Filter actions by owner", "All owners", owners, move |v| filter.update(|f| f.owner = v))}
                {select("tracker-kind", "Filter actions by kind", "All kinds", kinds, move |v| filter.update(|f| f.kind = [ActionKind::CarePlanning, ActionKind::Other].into_iter().find(|k| Some(k.label()) == v.as_deref())))}
                {select("tracker-status", "Filter actions by status", "All statuses", statuses, move |v| filter.update(|f| f.status = ActionStatus::ALL.into_iter().find(|s| Some(s.label()) == v.as_deref())))}
            </div>
            <button type="button" class="button button--secondary no-print"
                on:click=move |_| { shown.with(|r| download("plr-action-tracker.csv", "text/csv", &tracker_csv(r))); }>
                "Download the action tracker (CSV)"
            </button>
            <table class="table" id="tracker">
                <caption class="visually-hidden">"Every action of the loaded reviews"</caption>
                <thead><tr>{TrackerColumn::ALL.into_iter().map(heading).collect_view()}</tr></thead>
                <tbody>{move || shown.with(|rows| rows.iter().take(limit.get()).map(|r| view! {
                    <tr class:overdue=r.days_overdue.is_some()>
                        <td>{r.case_ref.clone()}</td>
                        <td>{r.team.clone()}</td>
                        <td>{r.kind.map_or("", |k| k.label())}</td>
                        <td>{r.owner.clone()}</td>
                        <td>{r.due_on.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td>{r.status.label()}</td>
                        <td class="numeric">{r.days_overdue.map(|d| d.to_string()).unwrap_or_default()}</td>
                    </tr>
                }).collect_view())}</tbody>
            </table>
            <ShowMore what="actions" total=Signal::derive(move || shown.with(Vec::len)) limit />
        </section>
    }
}
