//! Cases of concern (with their share-by deadline), rejected files with their problems, the
//! moderation sample targeted by risk (the same as `plr sample`) and the moderator effect (the
//! same as `plr moderators`).

use chrono::Utc;
use leptos::prelude::*;
use plr_core::concern::{sharing_summary, ConcernClock, RaisedBy};
use plr_core::PlrId;
use plr_report::snapshot::{
    moderator_effect, moderators_csv, sample_csv, sample_summary, SampleOptions,
};

use crate::more::{ShowMore, PAGE};
use crate::number::number_question;
use crate::opened::{open_button, OpenedReview, Opening};
use crate::scroll::TableScroll;
use crate::state::{moment, State};
use plr_web::download_text;

/// Cases of concern of the period: why each was raised, its grades (the reviewer's, and the
/// moderator's that supersedes it), and whether it was shared in time and with whom.
#[component]
pub fn Concerns() -> impl IntoView {
    let state = expect_context::<State>();
    let limit = RwSignal::new(PAGE);
    let total = Signal::derive(move || state.snapshot.with(|s| s.concerns.len()));
    let rows = move || {
        let now = Utc::now();
        state.snapshot.with(|s| {
            s.concerns
                .iter()
                .take(limit.get())
                .map(|c| {
                    let raised = match (c.raised_by, c.raised_at) {
                        (Some(by), Some(at)) => format!("{} on {}", by.label(), moment(at)),
                        _ if c.immediate_concern => RaisedBy::ImmediateConcern.label().into(),
                        _ => String::new(),
                    };
                    let reported = c.reported_grade.map_or("No grade", |g| g.label());
                    let grade = match c.final_grade {
                        Some(reviewer) if c.reported_grade != Some(reviewer) => {
                            format!(
                                "{reported} (moderated; the reviewer's grade was {})",
                                reviewer.label()
                            )
                        }
                        _ => reported.to_string(),
                    };
                    let shared = c.share_by.map(|by| {
                        let clock = ConcernClock::at(by, c.shared_at, now);
                        let text = sharing_summary(
                            clock,
                            &c.shared_with,
                            c.shared_at.map(moment).as_deref(),
                            &moment(by),
                        );
                        (text, clock.is_overdue())
                    });
                    view! {
                        <tr>
                            <td>{c.child_ref.clone()}</td>
                            <td>{c.team.clone()}</td>
                            <td>{c.review_date.map(|d| d.to_string()).unwrap_or_default()}</td>
                            <td>{raised}</td>
                            <td>{grade}</td>
                            <td>{c.share_by.map(moment).unwrap_or_default()}</td>
                            <td>{shared.map(|(text, overdue)| view! {
                                <span class:overdue=overdue>{text}</span>
                            })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <TableScroll label="Cases of concern">
        <table class="table">
            <caption class="table__caption">"Cases of concern"</caption>
            <thead><tr>
                <th scope="col">"Case reference"</th><th scope="col">"Team"</th>
                <th scope="col">"Review date"</th><th scope="col">"Raised"</th>
                <th scope="col">"Reported grade"</th><th scope="col">"Share by"</th>
                <th scope="col">"Shared with the Head of Service"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </TableScroll>
        <ShowMore what="cases of concern" total limit />
    }
}

/// Files that could not be counted, each problem with its JSON path.
#[component]
pub fn RejectedFiles() -> impl IntoView {
    let state = expect_context::<State>();
    let limit = RwSignal::new(PAGE);
    let total = Signal::derive(move || state.snapshot.with(|s| s.rejected.len()));
    view! {
        <Show when=move || state.snapshot.with(|s| !s.rejected.is_empty())>
            <section class="rejected" aria-labelledby="rejected-heading">
                <h2 id="rejected-heading">"Files that could not be counted"</h2>
                <p>"The other files were still counted. These files cannot be put right here: ask the team that sent each one for a fresh download from the review form, then load it again."</p>
                <TableScroll label="Rejected files and their problems">
                <table class="table">
                    <caption class="visually-hidden">"Rejected files and their problems"</caption>
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Which answer"</th><th scope="col">"Problem"</th></tr></thead>
                    <tbody>{move || state.snapshot.with(|s| s.rejected.iter().take(limit.get()).flat_map(|r| r.problems.iter().map(|p| view! {
                        <tr><td>{r.file.clone()}</td><td>{if p.path == "$" { view! { "The whole file" }.into_any() } else { view! { <code>{p.path.clone()}</code> }.into_any() }}</td><td>{p.message.clone()}</td></tr>
                    })).collect_view())}</tbody>
                </table>
                </TableScroll>
                <ShowMore what="files" total limit />
            </section>
        </Show>
    }
}

/// The moderation sample targeted by risk (`qa-month.md` §2), the same as `plr sample` with
/// the same share, capacity, seed and allocation: each review with its reason, and its CSV.
#[component]
pub fn ModerationSample() -> impl IntoView {
    let state = expect_context::<State>();
    let defaults = SampleOptions::default();
    let percent = RwSignal::new(defaults.percent);
    // Typed, else the settings file's (as `plr sample` takes --capacity, else the settings').
    let typed_capacity = RwSignal::new(None::<u32>);
    let capacity = move || {
        typed_capacity
            .get()
            .unwrap_or_else(|| state.settings.with(|s| s.moderation_capacity))
    };
    let seed = RwSignal::new(defaults.seed);
    let spread = RwSignal::new(defaults.spread_across_teams);
    let limit = RwSignal::new(PAGE);
    let opened = RwSignal::new(None::<Opening>);
    // The sentence above the table, a row of cells per review, the CSV and the period's label.
    let sample = Memo::new(move |_| {
        let options = state.options();
        let how = SampleOptions {
            percent: percent.get(),
            capacity: capacity(),
            spread_across_teams: spread.get(),
            seed: seed.get(),
        };
        state.builder.with(|b| {
            let sample = b.sample(&options, how);
            let rows: Vec<(PlrId, [String; 6])> = sample
                .chosen
                .iter()
                .map(|p| {
                    let f = &p.facts;
                    let cells = [
                        f.child_ref.to_string(),
                        f.team.trim().to_string(),
                        f.reviewer.to_string(),
                        f.final_grade.map_or("", |g| g.label()).to_string(),
                        p.reason.words(),
                        f.source.to_string(),
                    ];
                    (f.id, cells)
                })
                .collect();
            let label = sample.period.label().replace([' ', '/'], "-");
            (sample_summary(&sample), rows, sample_csv(&sample), label)
        })
    });
    let rows = move || {
        sample.with(|(_, rows, _, _)| {
            rows.iter()
                .take(limit.get())
                .enumerate()
                .map(|(n, (id, cells))| {
                    let open = open_button(state, "sample", n, (*id, &cells[0], &cells[5]), opened);
                    let cells = cells
                        .iter()
                        .map(|c| view! { <td>{c.clone()}</td> })
                        .collect_view();
                    view! { <tr>{cells}<td class="no-print">{open}</td></tr> }
                })
                .collect_view()
        })
    };
    let download_csv = move |_| {
        let _ = sample.with(|(_, _, csv, label)| {
            download_text(&format!("plr-sample-{label}.csv"), "text/csv", csv)
        });
    };
    view! {
        <section aria-labelledby="sample-heading">
            <h2 id="sample-heading">"Moderation sample"</h2>
            <p class="hint">"In this order, up to the moderators' capacity: reviews graded inadequate or lower-end requires improvement by the reviewer, child protection reviews, reviews by auditors of their own team (from the allocation file), reviews by auditors whose moderator effect over the last six months is above 15%, then reviews chosen at random across teams to reach the share. Reviews already moderated are never chosen. The same reviews as the command plr sample with the same share, capacity, seed and allocation file."</p>
            {number_question("sample-percent", "Share to moderate (%)", "input--width-3", Some(100),
                Signal::derive(move || percent.get().into()),
                Callback::new(move |v| if let Ok(v) = u32::try_from(v) { percent.set(v) }))}
            {number_question("sample-capacity", "Moderators' capacity a month", "input--width-3", None,
                Signal::derive(move || capacity().into()),
                Callback::new(move |v| if let Ok(v) = u32::try_from(v) { typed_capacity.set(Some(v)) }))}
            {number_question("sample-seed", "Seed", "input--width-5", None,
                seed.into(), Callback::new(move |v| seed.set(v)))}
            <div class="checkbox no-print">
                <input class="checkbox__input" id="sample-spread" type="checkbox"
                    prop:checked=move || spread.get()
                    on:change=move |ev| spread.set(event_target_checked(&ev)) />
                <label class="label checkbox__label" for="sample-spread">"Spread the random fill across teams"</label>
            </div>
            <p id="sample-summary">{move || sample.with(|(text, _, _, _)| text.clone())}</p>
            <button type="button" class="button button--secondary no-print" on:click=download_csv>
                "Download the sample (CSV)"
            </button>
            <TableScroll label="Reviews to moderate, with the reason each was chosen">
            <table class="table" id="sample">
                <caption class="visually-hidden">"Reviews to moderate, with the reason each was chosen"</caption>
                <thead><tr>
                    <th scope="col">"Case reference"</th><th scope="col">"Team"</th>
                    <th scope="col">"Auditor"</th><th scope="col">"Reviewer's grade"</th>
                    <th scope="col">"Reason"</th><th scope="col">"File"</th>
                    <th scope="col" class="no-print"><span class="visually-hidden">"The review"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </TableScroll>
            <ShowMore what="reviews" total=Signal::derive(move || sample.with(|(_, rows, _, _)| rows.len())) limit />
            <OpenedReview opened heading="sample-opened-heading" />
        </section>
    }
}

/// The moderator effect (seed 003 Table 1) month by month over the six months ending with the
/// period, and per auditor over the period, with the CSV `plr moderators --format csv` prints.
#[component]
pub fn ModeratorEffectTables() -> impl IntoView {
    let state = expect_context::<State>();
    let effect = Memo::new(move |_| {
        let options = state.options();
        state.builder.with(|b| moderator_effect(b, &options))
    });
    let months = move || {
        effect.with(|e| {
            e.months
                .iter()
                .map(|m| {
                    view! {
                        <tr>
                            <th scope="row">{m.month.clone()}</th>
                            <td class="numeric">{m.moderated}</td>
                            <td class="numeric">{m.upgraded.value_text()}</td>
                            <td class="numeric">{m.downgraded.value_text()}</td>
                            <td class="numeric">{m.inadequate_identified.value_text()}</td>
                            <td>{m.inadequate_identified.of_text()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let auditors = move || {
        effect.with(|e| {
            e.auditors
                .iter()
                .map(|a| {
                    let name = if a.auditor.is_empty() {
                        "(no name)".to_string()
                    } else {
                        a.auditor.clone()
                    };
                    let shown = a.effect().map_or("–".to_string(), |p| format!("{p}%"));
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td class="numeric">{a.moderated}</td>
                            <td class="numeric">{a.agreed}</td>
                            <td class="numeric">{a.upgraded}</td>
                            <td class="numeric">{a.downgraded}</td>
                            <td class="numeric">{shown}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let download_csv = move |_| {
        let _ = effect.with(|e| {
            let label = e.period.replace([' ', '/'], "-");
            download_text(
                &format!("plr-moderators-{label}.csv"),
                "text/csv",
                &moderators_csv(e),
            )
        });
    };
    view! {
        <TableScroll label="Moderator effect month by month (the six months to the period's end)">
        <table class="table" id="moderator-months">
            <caption class="table__caption">"Moderator effect month by month (the six months to the period's end)"</caption>
            <thead><tr>
                <th scope="col">"Month"</th><th scope="col" class="numeric">"Reviews moderated"</th>
                <th scope="col" class="numeric">"Upgraded by moderators"</th>
                <th scope="col" class="numeric">"Downgraded by moderators"</th>
                <th scope="col" class="numeric">"Inadequate identified by moderators"</th>
                <th scope="col">"Out of the reviews reported inadequate"</th>
            </tr></thead>
            <tbody>{months}</tbody>
        </table>
        </TableScroll>
        <button type="button" class="button button--secondary no-print" on:click=download_csv>
            "Download the moderator effect by auditor (CSV)"
        </button>
        <TableScroll label="Moderator effect by auditor: upgraded and downgraded out of the reviews moderated in the period">
        <table class="table" id="moderator-auditors">
            <caption class="table__caption">"Moderator effect by auditor: upgraded and downgraded out of the reviews moderated in the period"</caption>
            <thead><tr>
                <th scope="col">"Auditor"</th><th scope="col" class="numeric">"Reviews moderated"</th>
                <th scope="col" class="numeric">"Agreed"</th><th scope="col" class="numeric">"Upgraded"</th>
                <th scope="col" class="numeric">"Downgraded"</th><th scope="col" class="numeric">"Moderator effect"</th>
            </tr></thead>
            <tbody>{auditors}</tbody>
        </table>
        </TableScroll>
    }
}
