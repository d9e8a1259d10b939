//! Allocation and representation (`qa-month.md` §1): the allocation file opened beside the
//! exports, with each bad row named by line and column; the funnel from auditors listed to
//! audits submitted and the completion rate against its target; teams not audited; and the
//! nil returns by Head of Service, as a table and the CSV `plr nil-returns` prints. Reading,
//! measures, rows and CSV come from plr-core; this renders them.

use std::sync::Arc;

use leptos::prelude::*;
use plr_report::snapshot::{nil_returns, nil_returns_csv, Allocation, MeasureKey};

use crate::figures::MeasureTable;
use crate::reader::read_chosen_file;
use crate::scroll::TableScroll;
use crate::state::State;
use plr_web::download_text;

/// The allocation's measures, in the funnel's order.
pub const ALLOCATION: [MeasureKey; 12] = MeasureKey::ALLOCATION;

/// "Choose the allocation file": read in the browser, its problems listed, the rest used.
#[component]
pub fn AllocationInput() -> impl IntoView {
    let state = expect_context::<State>();
    let name = RwSignal::new(None::<String>);
    let unreadable = RwSignal::new(None::<String>);
    let chosen = move |ev: leptos::ev::Event| {
        read_chosen_file(&ev, move |file, bytes| match bytes {
            Some(bytes) => {
                unreadable.set(None);
                name.set(Some(file));
                state
                    .allocation
                    .set(Some(Arc::new(Allocation::read(&bytes))));
            }
            None => unreadable.set(Some(format!("{file} could not be read: choose it again."))),
        });
    };
    let said = move || {
        state.allocation.with(|a| {
            a.as_ref().map(|a| {
                let file = name.get().unwrap_or_default();
                let rows = a.rows.len();
                match a.problems.len() {
                    0 => format!("{file}: {rows} rows read."),
                    n => {
                        format!("{file}: {rows} rows read; {n} could not be used and are left out:")
                    }
                }
            })
        })
    };
    let problems = move || {
        state.allocation.with(|a| {
            a.as_ref().filter(|a| !a.problems.is_empty()).map(|a| {
                let items = a
                    .problems
                    .iter()
                    .map(|p| view! { <li>{p.to_string()}</li> })
                    .collect_view();
                view! { <ul class="list" id="allocation-problems">{items}</ul> }
            })
        })
    };
    view! {
        <div class="form-group">
            <label class="label" for="allocation">"Choose the allocation file (CSV)"</label>
            <div class="hint" id="allocation-hint">"One row per auditor per month: month, auditor, team, head_of_service, state, plr_id."</div>
            <input class="file" id="allocation" type="file" accept=".csv,text/csv" aria-describedby="allocation-hint" on:change=chosen />
            <p id="allocation-status" aria-live="polite">{said}</p>
            {problems}
            {move || unreadable.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
        </div>
    }
}

/// The section: the funnel's figures and the nil returns, once an allocation is open.
#[component]
pub fn Representation() -> impl IntoView {
    let state = expect_context::<State>();
    let nil = Memo::new(move |_| {
        let options = state.options();
        state.builder.with(|b| nil_returns(b, &options))
    });
    let groups = move || {
        nil.with(|n| {
            n.groups
                .iter()
                .map(|g| {
                    let rows = g
                        .returns
                        .iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>{g.head_of_service.clone()}</td>
                                    <td>{r.month.clone()}</td>
                                    <td>{r.auditor.clone()}</td>
                                    <td>{r.team.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! { <tbody>{rows}</tbody> }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || state.allocation.with(Option::is_some)>
            <section aria-labelledby="representation-heading">
                <h2 id="representation-heading">"Allocation and representation"</h2>
                <MeasureTable caption="Allocation and representation" keys=&ALLOCATION />
                <h3 id="nil-returns-heading">"Nil returns"</h3>
                <p id="nil-returns-summary">{move || nil.with(|n| match n.len() {
                    0 => format!("No nil returns for {}: every allocated audit was submitted.", n.period),
                    1 => format!("1 allocated audit not submitted for {}.", n.period),
                    count => format!("{count} allocated audits not submitted for {}, by Head of Service.", n.period),
                })}</p>
                <button type="button" class="button button--secondary no-print"
                    on:click=move |_| { let _ = nil.with(|n| download_text(&format!("plr-nil-returns-{}.csv", n.period.replace([' ', '/'], "-")), "text/csv", &nil_returns_csv(n))); }>
                    "Download the nil returns (CSV)"
                </button>
                <TableScroll label="Allocated audits not submitted, by Head of Service">
                <table class="table" id="nil-returns">
                    <caption class="visually-hidden">"Allocated audits not submitted, by Head of Service"</caption>
                    <thead><tr>
                        <th scope="col">"Head of Service"</th>
                        <th scope="col">"Month"</th>
                        <th scope="col">"Auditor"</th>
                        <th scope="col">"Team"</th>
                    </tr></thead>
                    {groups}
                </table>
                </TableScroll>
            </section>
        </Show>
    }
}
