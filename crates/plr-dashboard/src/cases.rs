//! Cases of concern (with their share-by deadline), rejected files with their problems, and
//! the moderation sample (the same as `plr sample --percent 20`).

use leptos::prelude::*;

use crate::more::{ShowMore, PAGE};
use crate::state::State;

/// Cases of concern of the period.
#[component]
pub fn Concerns() -> impl IntoView {
    let state = expect_context::<State>();
    let limit = RwSignal::new(PAGE);
    let total = Signal::derive(move || state.snapshot.with(|s| s.concerns.len()));
    let rows = move || {
        state.snapshot.with(|s| {
            state.builder.with(|b| {
                s.concerns
                    .iter()
                    .take(limit.get())
                    .map(|c| {
                        let share_by = b
                            .facts(&c.id)
                            .and_then(|f| f.share_by)
                            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                            .unwrap_or_default();
                        view! {
                            <tr>
                                <td>{c.child_ref.clone()}</td>
                                <td>{c.team.clone()}</td>
                                <td>{c.review_date.map(|d| d.to_string()).unwrap_or_default()}</td>
                                <td>{c.reported_grade.map_or("No grade", |g| g.label())}</td>
                                <td>{if c.immediate_concern { "Yes" } else { "No" }}</td>
                                <td>{share_by}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <table class="table">
            <caption class="table__caption">"Cases of concern"</caption>
            <thead><tr>
                <th scope="col">"Case reference"</th><th scope="col">"Team"</th>
                <th scope="col">"Review date"</th><th scope="col">"Reported grade"</th>
                <th scope="col">"Immediate concern"</th><th scope="col">"Share by"</th>
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
                <p>"The other files were still counted. Correct these files and load them again."</p>
                <table class="table">
                    <caption class="visually-hidden">"Rejected files and their problems"</caption>
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Where in the file"</th><th scope="col">"Problem"</th></tr></thead>
                    <tbody>{move || state.snapshot.with(|s| s.rejected.iter().take(limit.get()).flat_map(|r| r.problems.iter().map(|p| view! {
                        <tr><td>{r.file.clone()}</td><td><code>{p.path.clone()}</code></td><td>{p.message.clone()}</td></tr>
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
