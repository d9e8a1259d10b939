//! Recording a Head of Service update from the register: the same questions and the same
//! core rule ([`record_concern_update`]) as the form's "Record a Head of Service update". The
//! review is read again from its file, the update recorded, the file saved (back into an
//! opened folder, or kept to download) and the register redrawn from the changed review.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plr_core::export::export_json;
use plr_core::followthrough::{record_concern_update, UpdateProblem};
use plr_core::import::import;
use plr_core::{ConcernOutcome, ConcernUpdate, Framework, PlrId};

use crate::files::Saved;
use crate::state::{today, State};

/// A problem with an answer: the id of the field it is about, and what to do.
pub type Problem = (&'static str, String);

/// The review being updated: its id, case reference and the file it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Updating {
    /// The review.
    pub id: PlrId,
    /// Its case reference, to say which child.
    pub child_ref: String,
    /// The file it was read from.
    pub source: String,
}

/// What happened to the last update recorded, for the register's status line.
pub type Recorded = RwSignal<Option<String>>;

fn yes_no(
    id: &'static str,
    legend: &'static str,
    value: RwSignal<Option<bool>>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let invalid = move || problems.with(|l| l.iter().any(|(at, _)| *at == id));
    view! {
        <div class="form-group" class:form-group--error=invalid>
            <fieldset class="fieldset" id=id tabindex="-1">
                <legend class="fieldset__legend">{legend}</legend>
                {error(problems, id)}
                <div class="radios radios--inline">
                    {[(true, "Yes"), (false, "No")].into_iter().map(|(v, text)| {
                        let radio = format!("{id}-{}", text.to_lowercase());
                        view! {
                            <div class="radios__item">
                                <input class="radios__input" type="radio" id=radio.clone() name=id
                                    prop:checked=move || value.get() == Some(v)
                                    on:change=move |_| value.set(Some(v)) />
                                <label class="label radios__label" for=radio>{text}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

fn error(problems: RwSignal<Vec<Problem>>, id: &'static str) -> impl IntoView {
    move || {
        problems.with(|list| {
            list.iter().find(|(at, _)| *at == id).map(|(_, text)| {
                view! {
                    <p class="error-message"><span class="visually-hidden">"Error: "</span>{text.clone()}</p>
                }
            })
        })
    }
}

/// The answers as an update (the date as a date input gives it, `2022-07-15`), or each
/// missing answer against its field.
pub fn answered(
    on: &str,
    by: String,
    child_safe: Option<bool>,
    plan_in_place: Option<bool>,
    outcome: Option<ConcernOutcome>,
    note: String,
) -> Result<ConcernUpdate, Vec<Problem>> {
    let mut problems = Vec::new();
    let on = match NaiveDate::parse_from_str(on, "%Y-%m-%d") {
        Ok(on) => Some(on),
        Err(_) if on.trim().is_empty() => {
            problems.push(("update-on", "Enter the date of the update".to_string()));
            None
        }
        Err(_) => {
            problems.push((
                "update-on",
                "Enter the date of the update as a real date".to_string(),
            ));
            None
        }
    };
    if by.trim().is_empty() {
        problems.push(("update-by", UpdateProblem::NoName.to_string()));
    }
    let missing = |question: &str| format!("Select whether {question}");
    if child_safe.is_none() {
        problems.push((
            "update-child-safe",
            missing("the Head of Service is assured the child is safe"),
        ));
    }
    if plan_in_place.is_none() {
        problems.push((
            "update-plan",
            missing("the Head of Service is assured a plan is in place"),
        ));
    }
    if outcome.is_none() {
        problems.push(("update-outcome", "Select what happens next".to_string()));
    }
    match (on, child_safe, plan_in_place, outcome) {
        (Some(on), Some(child_safe), Some(plan_in_place), Some(outcome)) if problems.is_empty() => {
            Ok(ConcernUpdate {
                on,
                by,
                child_safe,
                plan_in_place,
                outcome,
                note,
            })
        }
        _ => Err(problems),
    }
}

/// Reads the review again from its file, records `update` by the core's rule, saves the file
/// and folds the changed review into the dashboard. `Err`: the problems, nothing changed.
async fn record(
    state: State,
    updating: &Updating,
    update: ConcernUpdate,
) -> Result<String, Vec<Problem>> {
    let whole = |text: String| vec![("update-on", text)];
    let name = &updating.source;
    let bytes = state.files.read(name).await.map_err(|why| {
        whole(format!(
            "The file {name} cannot be read again ({why}), so the update cannot be saved"
        ))
    })?;
    let mut plr = import(&bytes)
        .map_err(|e| whole(format!("The file {name} is no longer a review this dashboard can read ({e}): ask the team for a fresh download")))?
        .plr;
    if plr.id != updating.id {
        return Err(whole(format!(
            "The file {name} no longer holds the review of {}: load the folder again",
            updating.child_ref
        )));
    }
    record_concern_update(&mut plr, update, today(), Utc::now()).map_err(|found| {
        found
            .into_iter()
            .map(|p| {
                let field = match p.field() {
                    Some("by") => "update-by",
                    Some("outcome") => "update-outcome",
                    _ => "update-on",
                };
                (field, p.to_string())
            })
            .collect::<Vec<Problem>>()
    })?;
    let json = export_json(&plr, Framework::practice_fundamentals())
        .map_err(|e| whole(format!("The review could not be written ({e})")))?;
    state.builder.update(|b| b.add(&plr, name));
    Ok(match state.files.save(name, json).await {
        Saved::InFolder => format!("The update on {} is recorded and saved in {name}.", updating.child_ref),
        Saved::ToDownload(None) => format!(
            "The update on {} is recorded. Download the changed file below and put it in place of {name}.",
            updating.child_ref
        ),
        Saved::ToDownload(Some(why)) => format!(
            "The update on {} is recorded, but {name} could not be written ({why}). Download the changed file below and put it in place of the old one.",
            updating.child_ref
        ),
    })
}

/// The update's questions for the review in `updating`; closes (sets it to `None`) once the
/// update is recorded, saying what happened in `recorded`.
#[component]
pub fn RecordUpdate(updating: RwSignal<Option<Updating>>, recorded: Recorded) -> impl IntoView {
    let state = expect_context::<State>();
    let on = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let child_safe = RwSignal::new(None::<bool>);
    let plan_in_place = RwSignal::new(None::<bool>);
    let outcome = RwSignal::new(None::<ConcernOutcome>);
    let note = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let saving = RwSignal::new(false);
    let invalid =
        move |id: &'static str| move || problems.with(|l| l.iter().any(|(at, _)| *at == id));
    let focus = |id: &'static str| {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(id) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        })
    };
    let save = move |_| {
        let Some(current) = updating.get_untracked() else {
            return;
        };
        let update = answered(
            &on.get_untracked(),
            by.get_untracked(),
            child_safe.get_untracked(),
            plan_in_place.get_untracked(),
            outcome.get_untracked(),
            note.get_untracked(),
        );
        let update = match update {
            Ok(update) => update,
            Err(found) => {
                problems.set(found);
                focus("update-problems");
                return;
            }
        };
        saving.set(true);
        spawn_local(async move {
            match record(state, &current, update).await {
                Ok(said) => {
                    problems.set(Vec::new());
                    recorded.set(Some(said));
                    updating.set(None);
                    focus("register-status");
                }
                Err(found) => {
                    problems.set(found);
                    focus("update-problems");
                }
            }
            saving.set(false);
        });
    };
    let child =
        move || updating.with(|u| u.as_ref().map(|u| u.child_ref.clone()).unwrap_or_default());
    focus("update-heading");
    view! {
        <section class="update-panel" aria-labelledby="update-heading">
            <h3 id="update-heading" tabindex="-1">{move || format!("Record a Head of Service update on {}", child())}</h3>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="error-summary" id="update-problems" tabindex="-1" role="alert" aria-labelledby="update-problems-title">
                    <h2 class="error-summary__title" id="update-problems-title">"There is a problem"</h2>
                    <ul class="error-summary__list">
                        {problems.get().into_iter().map(|(id, text)| view! {
                            <li><a href=format!("#{id}")>{text}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <div class="form-group" class:form-group--error=invalid("update-on")>
                <label class="label" for="update-on">"Date of the update"</label>
                <div class="hint" id="update-on-hint">"Not before the Case of Concern was raised, and not in the future."</div>
                {error(problems, "update-on")}
                <input class="input input--width-10" id="update-on" type="date" aria-describedby="update-on-hint"
                    prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev)) />
            </div>
            <div class="form-group" class:form-group--error=invalid("update-by")>
                <label class="label" for="update-by">"Name of the Head of Service"</label>
                {error(problems, "update-by")}
                <input class="input input--width-20" id="update-by" type="text" maxlength=plr_core::limits::MAX_SHORT_CHARS
                    prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev)) />
            </div>
            {yes_no("update-child-safe", "Is the Head of Service assured the child is safe?", child_safe, problems)}
            {yes_no("update-plan", "Is the Head of Service assured a plan is in place?", plan_in_place, problems)}
            <div class="form-group" class:form-group--error=invalid("update-outcome")>
                <fieldset class="fieldset" id="update-outcome" tabindex="-1">
                    <legend class="fieldset__legend">"What happens next"</legend>
                    <div class="hint">"Resolved only when both answers above are yes."</div>
                    {error(problems, "update-outcome")}
                    <div class="radios">
                        {ConcernOutcome::ALL.into_iter().enumerate().map(|(n, o)| {
                            let radio = format!("update-outcome-{n}");
                            view! {
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" id=radio.clone() name="update-outcome"
                                        prop:checked=move || outcome.get() == Some(o)
                                        on:change=move |_| outcome.set(Some(o)) />
                                    <label class="label radios__label" for=radio>{o.meaning()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="form-group">
                <label class="label" for="update-note">"Note (optional)"</label>
                <textarea class="textarea" id="update-note" rows="3" maxlength=plr_core::limits::MAX_TEXT_CHARS
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <div class="button-group">
                <button type="button" class="button" on:click=save disabled=move || saving.get()>"Record the update"</button>
                <button type="button" class="button button--secondary" on:click=move |_| updating.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}
