//! The Case of Concern register (`followthrough.md`): every loaded review raised as a Case of
//! Concern and not resolved by the period's end (or the as-of date), whatever its month; the
//! same rows as `plr concerns`, sortable, filterable by Head of Service, with "update due" and
//! "open over 12 months" marked, and its CSV equal to `plr concerns --format csv`. Rows, order,
//! filter and CSV come from plr-core; this renders them.

use leptos::prelude::*;
use plr_report::snapshot::{
    heads_of_service, register, register_csv, sort_register, Period, Register, RegisterColumn,
};

use crate::figures::{MeasureTable, CONCERNS};
use crate::more::{ShowMore, PAGE};
use crate::scroll::TableScroll;
use crate::state::State;
use crate::update::{ChangedFiles, RecordUpdate, Updating};
use plr_web::download_text;

/// The register section.
#[component]
pub fn ConcernRegister() -> impl IntoView {
    let state = expect_context::<State>();
    let resolved = RwSignal::new(false);
    let head = RwSignal::new(None::<String>);
    let sort = RwSignal::new((RegisterColumn::Raised, false));
    let limit = RwSignal::new(PAGE);
    let updating = RwSignal::new(None::<Updating>);
    let recorded = RwSignal::new(None::<String>);
    let whole = Memo::new(move |_| {
        let options = state.options();
        let resolved = resolved.get();
        state.builder.with(|b| register(b, &options, resolved))
    });
    let shown = Memo::new(move |_| {
        let head = head.get();
        let (column, descending) = sort.get();
        whole.with(|r| {
            let mut entries: Vec<_> = r
                .entries
                .iter()
                .filter(|e| head.as_deref().is_none_or(|h| e.involves(h)))
                .cloned()
                .collect();
            sort_register(&mut entries, column, descending);
            Register {
                entries,
                ..r.clone()
            }
        })
    });
    let heads = Memo::new(move |_| whole.with(heads_of_service));
    let heading = move |column: RegisterColumn| {
        let order = move || match sort.get() {
            (c, _) if c != column => "none",
            (_, true) => "descending",
            (_, false) => "ascending",
        };
        view! {
            <th scope="col" aria-sort=order>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| {
                    *s = if s.0 == column { (column, !s.1) } else { (column, column == RegisterColumn::MonthsOpen) };
                })>{column.label()}</button>
            </th>
        }
    };
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    let rows = move || {
        shown.with(|r| {
            r.entries
                .iter()
                .take(limit.get())
                .map(|e| {
                    let shared = match (e.shared_at, e.shared_in_time) {
                        (Some(at), Some(true)) => format!("{} on {}, in time", e.shared_with, when(at)),
                        (Some(at), _) => format!("{} on {}, late", e.shared_with, when(at)),
                        (None, _) => "Not shared".to_string(),
                    };
                    let update = e.latest_update.as_ref().map_or("No update yet".to_string(), |u| {
                        format!("{} by {}: {}", u.on, u.by, u.outcome.label())
                    });
                    let over = e.open_over_12_months();
                    let source = state
                        .builder
                        .with_untracked(|b| b.facts(&e.id).map(|f| f.source.to_string()))
                        .filter(|s| state.files.has(s));
                    let record = source.map(|source| {
                        let which = Updating { id: e.id, child_ref: e.child_ref.clone(), source };
                        let label = format!("Record an update on {}", e.child_ref);
                        view! {
                            <button type="button" class="button button--secondary button--small" aria-label=label
                                on:click=move |_| { recorded.set(None); updating.set(Some(which.clone())); }>
                                "Record an update"
                            </button>
                        }
                    });
                    view! {
                        <tr class:overdue=e.update_due>
                            <td>{e.child_ref.clone()}</td>
                            <td>{e.team.clone()}</td>
                            <td>{format!("{} ({})", when(e.raised_at), e.raised_by.label().to_lowercase())}</td>
                            <td>{update}</td>
                            <td class="numeric">
                                {e.resolved_on.map_or(e.months_open.to_string(), |on| format!("Resolved {on}"))}
                                {over.then(|| view! { " " <strong class="tag tag--concern">"Over 12 months"</strong> })}
                            </td>
                            <td>{shared}</td>
                            <td>{if e.update_due { "Update due" } else { "" }}</td>
                            <td class="no-print">{record}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let due = Memo::new(move |_| shown.with(|r| r.entries.iter().filter(|e| e.update_due).count()));
    let long_open = Memo::new(move |_| {
        shown.with(|r| r.entries.iter().filter(|e| e.open_over_12_months()).count())
    });
    view! {
        <section aria-labelledby="register-heading">
            <h2 id="register-heading">"Case of Concern register"</h2>
            <MeasureTable caption="The register's figures" keys=&CONCERNS />
            <p id="register-summary">{move || shown.with(|r| format!(
                "{} Cases of Concern tracked as of {} ({}): {} with an update due this month, {} open over 12 months.",
                r.entries.len(), r.as_of.format("%-d %B %Y"), Period::named(&r.period), due.get(), long_open.get()
            ))}</p>
            <div class="choices__grid no-print">
                <div class="form-group">
                    <label class="label" for="register-head">"Head of Service"</label>
                    <select class="select" id="register-head" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        head.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="">"All Heads of Service"</option>
                        {move || heads.get().into_iter().map(|h| view! { <option value=h.clone()>{h.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="checkbox">
                    <input class="checkbox__input" id="register-resolved" type="checkbox"
                        on:change=move |ev| resolved.set(event_target_checked(&ev)) />
                    <label class="label checkbox__label" for="register-resolved">"Include those resolved in the period"</label>
                </div>
            </div>
            <button type="button" class="button button--secondary no-print"
                on:click=move |_| { let _ = shown.with(|r| download_text(&format!("plr-concerns-{}.csv", r.period.replace([' ', '/'], "-")), "text/csv", &register_csv(r))); }>
                "Download the register (CSV)"
            </button>
            <TableScroll label="Cases of Concern on the register">
            <table class="table" id="register">
                <caption class="visually-hidden">"Cases of Concern on the register"</caption>
                <thead><tr>
                    {heading(RegisterColumn::CaseRef)}
                    {heading(RegisterColumn::Team)}
                    {heading(RegisterColumn::Raised)}
                    {heading(RegisterColumn::LatestUpdate)}
                    {heading(RegisterColumn::MonthsOpen)}
                    <th scope="col">"Shared with the Head of Service"</th>
                    <th scope="col">"Update due"</th>
                    <th scope="col" class="no-print"><span class="visually-hidden">"Head of Service update"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </TableScroll>
            <p class="load-status" id="register-status" aria-live="polite" tabindex="-1">{move || recorded.get()}</p>
            <Show when=move || updating.with(Option::is_some)>
                <RecordUpdate updating recorded />
            </Show>
            <ChangedFiles id="changed-files" />
            <ShowMore what="cases of concern" total=Signal::derive(move || shown.with(|r| r.entries.len())) limit />
        </section>
    }
}
