//! The action tracker: every action of the reviews the snapshot counts (its period, team and
//! legal status), sortable and filterable, summed up by team or owner, with CSV downloads.
//! Rows, order, filters, summary and CSV come from plr-core; this page renders them.

use leptos::prelude::*;
use plr_core::followthrough::ActionOutcome;
use plr_core::{ActionKind, ActionStatus};
use plr_report::snapshot::{
    distinct, sort_rows, summary_csv, tracker_csv, tracker_rows, tracker_summary, SummaryBy,
    TrackerColumn, TrackerFilter, TrackerRow, TrackerSort,
};

use crate::load::thousands;
use crate::more::{ShowMore, PAGE};
use crate::scroll::TableScroll;
use crate::state::State;
use plr_web::download_text;

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
        let options = state.options();
        state.builder.with(|b| tracker_rows(b, &options))
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
            <p>{move || state.snapshot.with(|s| format!(
                "{} of the {} actions of the reviews counted ({}{}) match, judged as of {}. The download has every action that matches.",
                thousands(shown.with(Vec::len)), thousands(all.with(Vec::len)), s.period,
                s.filters.team.as_deref().map(|t| format!(", {t}")).unwrap_or_default(),
                s.as_of.format("%-d %B %Y")
            ))}</p>
            <Summary rows=shown />
            <div class="choices__grid no-print">
                {select("tracker-team", "Filter actions by team", "All teams", teams, move |v| filter.update(|f| f.team = v))}
                {select("tracker-owner", "Filter actions by owner", "All owners", owners, move |v| filter.update(|f| f.owner = v))}
                {select("tracker-kind", "Filter actions by kind", "All kinds", kinds, move |v| filter.update(|f| f.kind = [ActionKind::CarePlanning, ActionKind::Other].into_iter().find(|k| Some(k.label()) == v.as_deref())))}
                {select("tracker-status", "Filter actions by status", "All statuses", statuses, move |v| filter.update(|f| f.status = ActionStatus::ALL.into_iter().find(|s| Some(s.label()) == v.as_deref())))}
            </div>
            <button type="button" class="button button--secondary no-print"
                on:click=move |_| { let _ = shown.with(|r| download_text("plr-action-tracker.csv", "text/csv", &tracker_csv(r))); }>
                "Download the action tracker (CSV)"
            </button>
            <TableScroll label="Every action of the loaded reviews">
            <table class="table" id="tracker">
                <caption class="visually-hidden">"Every action of the loaded reviews"</caption>
                <thead><tr>
                    {TrackerColumn::ALL.into_iter().map(heading).collect_view()}
                    <th scope="col">"Progress so far"</th>
                </tr></thead>
                <tbody>{move || shown.with(|rows| rows.iter().take(limit.get()).map(|r| view! {
                    <tr class:overdue=r.days_overdue.is_some()>
                        <td>{r.case_ref.clone()}</td>
                        <td>{r.team.clone()}</td>
                        <td>{r.kind.map_or("", |k| k.label())}</td>
                        <td>{r.owner.clone()}</td>
                        <td>{r.due_on.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td>{r.status.label()}</td>
                        <td>{r.completed_on.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td>{r.timeliness.label()}</td>
                        <td class="numeric">{r.days_overdue.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td>{r.progress_note.clone()}</td>
                    </tr>
                }).collect_view())}</tbody>
            </table>
            </TableScroll>
            <ShowMore what="actions" total=Signal::derive(move || shown.with(Vec::len)) limit />
        </section>
    }
}

/// The matching actions summed up per team or per owner: on time, late, overdue, not yet due,
/// transferred; the list a QA officer sends to team managers, as CSV.
#[component]
fn Summary(rows: Memo<Vec<TrackerRow>>) -> impl IntoView {
    let by = RwSignal::new(SummaryBy::Team);
    let summary = Memo::new(move |_| rows.with(|r| tracker_summary(r, by.get())));
    let name = move || match by.get() {
        SummaryBy::Team => "Team",
        SummaryBy::Owner => "Who will do it",
    };
    view! {
        <div class="form-group no-print">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Sum the actions up by"</legend>
                <div class="radios radios--inline">
                    {[(SummaryBy::Team, "summary-by-team", "By team"), (SummaryBy::Owner, "summary-by-owner", "By owner")]
                        .map(|(choice, id, label)| view! {
                            <div class="radio">
                                <input class="radio__input" type="radio" id=id name="summary-by"
                                    prop:checked=move || by.get() == choice
                                    on:change=move |_| by.set(choice) />
                                <label class="label radio__label" for=id>{label}</label>
                            </div>
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
        <TableScroll label=Signal::derive(move || format!("Actions by {}", name().to_lowercase()))>
        <table class="table" id="tracker-summary">
            <caption class="table__caption">{move || format!("Actions by {}", name().to_lowercase())}</caption>
            <thead><tr>
                <th scope="col">{name}</th>
                {ActionOutcome::ALL.map(|t| view! { <th scope="col" class="numeric">{t.label()}</th> }).collect_view()}
                <th scope="col" class="numeric">"All actions"</th>
            </tr></thead>
            <tbody>{move || summary.with(|rows| rows.iter().map(|s| view! {
                <tr class:overdue={s.counts[2] > 0}>
                    <th scope="row">{s.name.clone()}</th>
                    {s.counts.map(|n| view! { <td class="numeric">{n}</td> }).collect_view()}
                    <td class="numeric">{s.total}</td>
                </tr>
            }).collect_view())}</tbody>
        </table>
        </TableScroll>
        <button type="button" class="button button--secondary no-print"
            on:click=move |_| { let _ = summary.with(|s| download_text("plr-actions-summary.csv", "text/csv", &summary_csv(s, by.get()))); }>
            "Download the summary (CSV)"
        </button>
    }
}
