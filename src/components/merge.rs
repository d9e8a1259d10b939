//! "Merge the two copies": the fields two copies of one review fill differently, side by side,
//! one question (a fieldset of two radios) each, or all from one copy. The core merges
//! ([`plr_core::merge`]): fields filled on one side only are already taken, and nothing is
//! saved until every difference has a choice.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use plr_core::merge::{Merge, MergeError, Side};
use plr_core::{Framework, Plr};

use crate::address::ReviewPage;
use crate::components::error_summary::{error_summary, Listed};
use crate::{browser, storage};

/// The first radio of conflict `n` (the target of its error link).
fn radio_id(n: usize, side: Side) -> String {
    match side {
        Side::Ours => format!("merge-{n}"),
        Side::Theirs => format!("merge-{n}-1"),
    }
}

/// The choices for one merge; saving opens the merged review.
#[component]
pub fn MergeChoices(
    /// The merge, its conflicts to choose.
    merge: Merge,
    /// The copy on this device.
    local: Plr,
    /// The file's name.
    file: String,
    /// Called when the user goes back without saving.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let merge = StoredValue::new(merge);
    let count = merge.with_value(|m| m.conflicts().len());
    let choices = RwSignal::new(vec![None::<Side>; count]);
    let problems = RwSignal::new(Vec::<(Option<usize>, String)>::new());
    let navigate = use_navigate();
    let ours_when = format!(
        "On this device (saved {})",
        browser::local_date_time(local.updated_at)
    );
    let theirs_when = format!("In {file}");

    let save = move |_| {
        let framework = Framework::practice_fundamentals();
        let result = merge.with_value(|m| m.resolve(&choices.get_untracked(), framework));
        let found = match result {
            Ok(plr) => match storage::save(&plr, &ReviewPage::TASK_LIST) {
                Ok(_) => {
                    navigate(&ReviewPage::TASK_LIST.href(plr.id), Default::default());
                    return;
                }
                Err(e) => vec![(None, e.to_string())],
            },
            Err(MergeError::Unchosen(missing)) => merge.with_value(|m| {
                missing
                    .into_iter()
                    .map(|n| {
                        let label = &m.conflicts()[n].label;
                        (
                            Some(n),
                            format!("Choose which copy to keep for \"{label}\""),
                        )
                    })
                    .collect()
            }),
            Err(MergeError::Invalid(e)) => e
                .problems()
                .iter()
                .map(|p| {
                    (
                        None,
                        format!("The merged review cannot be saved: {}", p.plain()),
                    )
                })
                .collect(),
            Err(e) => vec![(None, e.to_string())],
        };
        problems.set(found);
        browser::focus_after_render("merge-problems");
    };
    let all = move |side: Side| {
        choices.set(vec![Some(side); count]);
        problems.set(Vec::new());
    };

    let summary = move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(n, text)| match n {
                    Some(n) => Listed::field(&radio_id(n, Side::Ours), text),
                    None => Listed { text, to: None },
                })
                .collect();
            error_summary(
                "merge-problems",
                "There is a problem".into(),
                None,
                items,
                true,
            )
        })
    };

    let fields = merge.with_value(|m| {
        m.conflicts()
            .iter()
            .enumerate()
            .map(|(n, conflict)| {
                let unchosen = move || {
                    problems.with(|p| p.iter().any(|(at, _)| *at == Some(n)))
                };
                let radio = |side: Side, whose: String| {
                    let id = radio_id(n, side);
                    let value = crate::browser::read_back(m.shown(n, side));
                    view! {
                        <div class="radio">
                            <input class="radio__input" type="radio" id=id.clone() name=format!("merge-{n}")
                                prop:checked=move || choices.with(|c| c[n] == Some(side))
                                on:change=move |_| choices.update(|c| c[n] = Some(side)) />
                            <label class="radio__label" for=id>
                                <span class="merge__side">{whose}</span>
                                <span class="merge__value">{value}</span>
                            </label>
                        </div>
                    }
                };
                view! {
                    <div class="form-group" class:form-group--error=unchosen>
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">{conflict.label.clone()}</legend>
                            {move || unchosen().then(|| view! {
                                <p class="error-message">"Choose which copy to keep"</p>
                            })}
                            <div class="radios merge__choices">
                                {radio(Side::Ours, ours_when.clone())}
                                {radio(Side::Theirs, theirs_when.clone())}
                            </div>
                        </fieldset>
                    </div>
                }
            })
            .collect_view()
    });

    view! {
        <section class="merge" aria-labelledby="merge-heading">
            <h2 id="merge-heading" tabindex="-1">{format!("Merge the two copies of {}", super::import::case_name(&local))}</h2>
            <p>{format!(
                "Answers given in only one copy have been taken. {count} {} differently: choose which to keep for each.",
                if count == 1 { "answer is given" } else { "answers are given" }
            )}</p>
            {summary}
            <p>
                <button type="button" class="button button--secondary" on:click=move |_| all(Side::Ours)>"Keep every answer from this device"</button>
                " "
                <button type="button" class="button button--secondary" on:click=move |_| all(Side::Theirs)>"Keep every answer from the file"</button>
            </p>
            {fields}
            <button type="button" class="button" on:click=save>"Save the merged review"</button>
            " "
            <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>"Cancel: change nothing"</button>
        </section>
    }
}
