//! Cases of concern (with their share-by deadline), rejected files with their problems, and
//! the moderation sample (the same as `plr sample --percent 20`).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use plr_core::concern::{sharing_summary, ConcernClock, RaisedBy};

use crate::more::{ShowMore, PAGE};
use crate::state::State;

/// Cases of concern of the period: why each was raised, its grades (the reviewer's, and the
/// moderator's that supersedes it), and whether it was shared in time and with whom.
#[component]
pub fn Concerns() -> impl IntoView {
    let state = expect_context::<State>();
    let limit = RwSignal::new(PAGE);
    let total = Signal::derive(move || state.snapshot.with(|s| s.concerns.len()));
    let when = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let rows = move || {
        let now = Utc::now();
        state.snapshot.with(|s| {
            s.concerns
                .iter()
                .take(limit.get())
                .map(|c| {
                    let raised = match (c.raised_by, c.raised_at) {
                        (Some(by), Some(at)) => format!("{} on {}", by.label(), when(at)),
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
                            c.shared_at.map(when).as_deref(),
                            &when(by),
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
                            <td>{c.share_by.map(when).unwrap_or_default()}</td>
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
                <table class="table">
                    <caption class="visually-hidden">"Rejected files and their problems"</caption>
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Which answer"</th><th scope="col">"Problem"</th></tr></thead>
                    <tbody>{move || state.snapshot.with(|s| s.rejected.iter().take(limit.get()).flat_map(|r| r.problems.iter().map(|p| view! {
                        <tr><td>{r.file.clone()}</td><td>{if p.path == "$" { view! { "The whole file" }.into_any() } else { view! { <code>{p.path.clone()}</code> }.into_any() }}</td><td>{p.message.clone()}</td></tr>
                    })).collect_view())}</tbody>
                </table>
                <ShowMore what="files" total limit />
            </section>
        </Show>
    }
}

/// The moderation sample: 20% of the period's completed, unmoderated reviews.
#[component]
pub fn ModerationSample() -> impl IntoView {
    let state = expect_context::<State>();
    let seed = RwSignal::new(1u64);
    let by_team = RwSignal::new(false);
    let limit = RwSignal::new(PAGE);
    // (case reference, team, file) of each chosen review, and the sentence above them.
    let sample = Memo::new(move |_| {
        let options = state.options();
        let (seed, by_team) = (seed.get(), by_team.get());
        state.builder.with(|b| {
            let sample = b.sample(&options, 20, by_team, seed);
            let text = format!(
                "{} of {} completed, unmoderated reviews in {} (20%{}, seed {seed}).",
                sample.chosen.len(),
                sample.candidates,
                sample.period.label(),
                if by_team { " of each team" } else { "" }
            );
            let rows: Vec<[String; 3]> = sample
                .chosen
                .iter()
                .map(|f| {
                    [
                        f.child_ref.to_string(),
                        f.team.to_string(),
                        f.source.to_string(),
                    ]
                })
                .collect();
            (text, rows)
        })
    });
    let rows = move || {
        sample.with(|(_, rows)| {
            rows.iter()
                .take(limit.get())
                .map(|[case, team, file]| view! { <tr><td>{case.clone()}</td><td>{team.clone()}</td><td>{file.clone()}</td></tr> })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="sample-heading">
            <h2 id="sample-heading">"Moderation sample"</h2>
            <p class="hint">"The same reviews as the command plr sample --percent 20 with the same seed."</p>
            <div class="form-group no-print">
                <label class="label" for="sample-seed">"Seed"</label>
                <input class="input input--width-5" id="sample-seed" type="number" min="0"
                    prop:value=move || seed.get().to_string()
                    on:input=move |ev| if let Ok(v) = event_target_value(&ev).trim().parse() { seed.set(v) } />
            </div>
            <div class="checkbox no-print">
                <input class="checkbox__input" id="sample-by-team" type="checkbox"
                    on:change=move |ev| by_team.set(event_target_checked(&ev)) />
                <label class="label checkbox__label" for="sample-by-team">"Take 20% of each team"</label>
            </div>
            <p>{move || sample.with(|(text, _)| text.clone())}</p>
            <table class="table">
                <caption class="visually-hidden">"Reviews to moderate"</caption>
                <thead><tr><th scope="col">"Case reference"</th><th scope="col">"Team"</th><th scope="col">"File"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <ShowMore what="reviews" total=Signal::derive(move || sample.with(|(_, rows)| rows.len())) limit />
        </section>
    }
}
