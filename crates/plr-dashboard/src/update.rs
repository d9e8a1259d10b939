//! Recording a Head of Service update from the register: the same questions and the same
//! core rule ([`record_concern_update`]) as the form's "Record a Head of Service update". The
//! review is read again from its file, the update recorded, the file saved (back into an
//! opened folder, or kept to download) and the register redrawn from the changed review.
//!
//! What every change recorded from the dashboard shares lives here too (the Ambassadors'
//! review uses it): the review read again from its file ([`Changing::submit`]), the error
//! summary, the yes/no questions, and the changed files to download ([`ChangedFiles`]).

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plr_core::export::export_json;
use plr_core::followthrough::record_concern_update;
use plr_core::form::catalogue::{Answer, Recorded as RecordedQuestion, UpdateField};
use plr_core::{ConcernOutcome, ConcernUpdate, Framework, Plr, PlrId};

use crate::files::{zip_of, ReadAgain, Saved};
use crate::state::{today, State};
use plr_web::{download_bytes, download_text};

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

/// A yes/no question (a fieldset of two radios) whose answer is `value`, with its problem.
pub fn yes_no(
    id: &'static str,
    legend: &'static str,
    value: RwSignal<Option<bool>>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=move || invalid(problems, id)>
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

/// The problem with the field `id`, above it.
pub fn error(problems: RwSignal<Vec<Problem>>, id: &'static str) -> impl IntoView {
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
    let unanswered = [
        (by.trim().is_empty(), UpdateField::By),
        (child_safe.is_none(), UpdateField::ChildSafe),
        (plan_in_place.is_none(), UpdateField::PlanInPlace),
        (outcome.is_none(), UpdateField::Outcome),
    ];
    for (_, field) in unanswered.into_iter().filter(|(blank, _)| *blank) {
        problems.push((field.dom_id(), field.missing().to_string()));
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

/// Moves the keyboard focus to the element `id` once it is drawn.
pub fn focus(id: impl Into<String>) {
    let id: String = id.into();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    })
}

/// "There is a problem", each problem a link to its field (shown when there is one).
#[component]
pub fn ErrorSummary(id: &'static str, problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    let title = format!("{id}-title");
    move || {
        (!problems.with(Vec::is_empty)).then(|| {
            view! {
                <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=title.clone()>
                    <h2 class="error-summary__title" id=title.clone()>"There is a problem"</h2>
                    <ul class="error-summary__list">
                        {problems.get().into_iter().map(|(id, text)| view! {
                            <li><a href=format!("#{id}")>{text}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// A question whose answer is a date (as a date input gives it): its control `id`, its row of
/// the core's catalogue (label, hint), what the hint says `also` here, and its problem.
pub fn date_question(
    asked: impl RecordedQuestion,
    also: &'static str,
    value: RwSignal<String>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let (id, row) = (asked.dom_id(), asked.declared());
    let (label, hint) = (
        row.label,
        format!("{} {also}", row.hint.unwrap_or_default()),
    );
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-group" class:form-group--error=move || invalid(problems, id)>
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint_id.clone()>{hint}</div>
            {error(problems, id)}
            <input class="input input--width-10" id=id type="date" aria-describedby=hint_id
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// A question whose answer is a name (a line) or a longer text (a text area), as its row of the
/// core's catalogue declares it (label, kind of answer, limit), with its problem.
pub fn text_question(
    asked: impl RecordedQuestion,
    value: RwSignal<String>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let (id, row) = (asked.dom_id(), asked.declared());
    let (label, limit) = (row.label, row.answer.limit());
    let input = move |ev| value.set(event_target_value(&ev));
    let field = if row.answer == Answer::Long {
        view! {
            <textarea class="textarea" id=id rows="3" maxlength=limit
                prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="input input--width-20" id=id type="text" maxlength=limit
                prop:value=move || value.get() on:input=input />
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group--error=move || invalid(problems, id)>
            <label class="label" for=id>{label}</label>
            {error(problems, id)}
            {field}
        </div>
    }
}

/// Whether the field `id` has a problem.
pub fn invalid(problems: RwSignal<Vec<Problem>>, id: &'static str) -> bool {
    problems.with(|l| l.iter().any(|(at, _)| *at == id))
}

/// The panel of a change being recorded: its heading (focused when it opens), the error
/// summary, the questions, and the buttons to record it (`save`) or cancel.
#[component]
pub fn ChangePanel(
    /// The change.
    changing: Changing,
    /// The heading's id.
    heading: &'static str,
    /// The heading, given the case reference of the review being changed.
    title: fn(&str) -> String,
    /// The record button's words.
    button: &'static str,
    /// Records the answers.
    save: Callback<()>,
    children: Children,
) -> impl IntoView {
    let updating = changing.updating;
    let child =
        move || updating.with(|u| u.as_ref().map(|u| u.child_ref.clone()).unwrap_or_default());
    focus(heading);
    view! {
        <section class="update-panel" aria-labelledby=heading>
            <h3 id=heading tabindex="-1">{move || title(&child())}</h3>
            <ErrorSummary id=changing.summary problems=changing.problems />
            {children()}
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| save.run(()) disabled=move || changing.saving.get()>{button}</button>
                <button type="button" class="button button--secondary" on:click=move |_| updating.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}

/// A change being recorded on a review from the dashboard (a Head of Service update, an
/// Ambassadors' review): the review, what the change is called, where its problems and what
/// happened are shown.
#[derive(Clone, Copy)]
pub struct Changing {
    /// The review being changed; set to `None` once the change is recorded.
    pub updating: RwSignal<Option<Updating>>,
    /// What happened, for the status line.
    pub recorded: Recorded,
    /// The answers' problems.
    pub problems: RwSignal<Vec<Problem>>,
    /// Whether the file is being read and saved.
    pub saving: RwSignal<bool>,
    /// The change in words: `update`, `Ambassadors' review`.
    pub noun: &'static str,
    /// The field a problem with the file as a whole is shown against.
    pub first: &'static str,
    /// The id of the error summary.
    pub summary: &'static str,
    /// The id of the status line, focused once recorded.
    pub status: &'static str,
}

impl Changing {
    /// A change called `noun` of the review in `updating`, saying what happened in
    /// `recorded`; `ids`: the field a problem with the whole file is shown against, the error
    /// summary, the status line.
    pub fn new(
        (updating, recorded): (RwSignal<Option<Updating>>, Recorded),
        noun: &'static str,
        [first, summary, status]: [&'static str; 3],
    ) -> Changing {
        Changing {
            updating,
            recorded,
            problems: RwSignal::new(Vec::new()),
            saving: RwSignal::new(false),
            noun,
            first,
            summary,
            status,
        }
    }

    /// Records the change: the answers' problems when `answers` has any, else the review read
    /// again from its file, changed by `change` (the core's rule), its file saved and the
    /// changed review folded into the dashboard; says what happened, or every problem.
    pub fn submit<T: 'static>(
        self,
        state: State,
        answers: Result<T, Vec<Problem>>,
        change: fn(&mut Plr, T) -> Result<(), Vec<Problem>>,
    ) {
        let Some(current) = self.updating.get_untracked() else {
            return;
        };
        let answers = match answers {
            Ok(answers) => answers,
            Err(found) => return self.refuse(found),
        };
        self.saving.set(true);
        spawn_local(async move {
            match self
                .record(state, &current, |plr| change(plr, answers))
                .await
            {
                Ok(said) => {
                    self.problems.set(Vec::new());
                    self.recorded.set(Some(said));
                    self.updating.set(None);
                    focus(self.status);
                }
                Err(found) => self.refuse(found),
            }
            self.saving.set(false);
        });
    }

    fn refuse(self, found: Vec<Problem>) {
        self.problems.set(found);
        focus(self.summary);
    }

    /// Reads the review again from its file, changes it, saves the file and folds the changed
    /// review into the dashboard. `Err`: the problems, nothing changed.
    async fn record(
        self,
        state: State,
        updating: &Updating,
        change: impl FnOnce(&mut Plr) -> Result<(), Vec<Problem>>,
    ) -> Result<String, Vec<Problem>> {
        let (noun, child) = (self.noun, &updating.child_ref);
        let whole = |text: String| vec![(self.first, text)];
        let name = &updating.source;
        let (mut plr, _) = state
            .files
            .read_review(name, updating.id)
            .await
            .map_err(|e| {
                let words = e.words(name, child);
                whole(match e {
                    ReadAgain::Unreadable(_) => format!("{words}, so the {noun} cannot be saved"),
                    ReadAgain::NotAReview(_) => words,
                    ReadAgain::Another => format!("{words}: load the folder again"),
                })
            })?;
        change(&mut plr)?;
        let json = export_json(&plr, Framework::practice_fundamentals())
            .map_err(|e| whole(format!("The review could not be written ({e})")))?;
        state.builder.update(|b| b.add(&plr, name));
        Ok(match state.files.save(name, json).await {
            Saved::InFolder => format!("The {noun} on {child} is recorded and saved in {name}."),
            Saved::ToDownload(None) => format!(
                "The {noun} on {child} is recorded. Download the changed file below and put it in place of {name}."
            ),
            Saved::ToDownload(Some(why)) => format!(
                "The {noun} on {child} is recorded, but {name} could not be written ({why}). Download the changed file below and put it in place of the old one."
            ),
        })
    }
}

/// Each of the core's problems `found` against the field `field` names.
pub fn against<P: ToString>(found: Vec<P>, field: impl Fn(&P) -> &'static str) -> Vec<Problem> {
    found
        .into_iter()
        .map(|p| (field(&p), p.to_string()))
        .collect()
}

/// Records `update` by the core's rule, each problem against its field.
fn record_update(plr: &mut Plr, update: ConcernUpdate) -> Result<(), Vec<Problem>> {
    record_concern_update(plr, update, today(), Utc::now())
        .map_err(|found| against(found, |p| p.field().unwrap_or(UpdateField::On).dom_id()))
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
    let changing = Changing::new(
        (updating, recorded),
        "update",
        ["update-on", "update-problems", "register-status"],
    );
    let problems = changing.problems;
    let save = Callback::new(move |()| {
        let update = answered(
            &on.get_untracked(),
            by.get_untracked(),
            child_safe.get_untracked(),
            plan_in_place.get_untracked(),
            outcome.get_untracked(),
            note.get_untracked(),
        );
        changing.submit(state, update, record_update);
    });
    let title = |child: &str| format!("Record a Head of Service update on {child}");
    view! {
        <ChangePanel changing heading="update-heading" title button="Record the update" save>
            {date_question(UpdateField::On, "", on, problems)}
            {text_question(UpdateField::By, by, problems)}
            {yes_no(UpdateField::ChildSafe.dom_id(), UpdateField::ChildSafe.declared().label, child_safe, problems)}
            {yes_no(UpdateField::PlanInPlace.dom_id(), UpdateField::PlanInPlace.declared().label, plan_in_place, problems)}
            <div class="form-group" class:form-group--error=move || invalid(problems, "update-outcome")>
                <fieldset class="fieldset" id="update-outcome" tabindex="-1">
                    <legend class="fieldset__legend">{UpdateField::Outcome.declared().label}</legend>
                    <div class="hint">{UpdateField::Outcome.declared().hint}</div>
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
            {text_question(UpdateField::Note, note, problems)}
        </ChangePanel>
    }
}

/// The changed files the browser could not write back: one downloads as itself, several as
/// a zip, each under the name it was read with (`id`: the box's id).
#[component]
pub fn ChangedFiles(id: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let unsaved = state.files.unsaved;
    let problem = RwSignal::new(None::<String>);
    let save = move |_| {
        unsaved.with(|files| match files.as_slice() {
            [] => {}
            [(name, json)] => {
                let base = name.rsplit('/').next().unwrap_or(name);
                let _ = download_text(base, "application/json", json);
            }
            several => match zip_of(several) {
                Ok(bytes) => {
                    let _ = download_bytes("plr-changed-exports.zip", "application/zip", &bytes);
                }
                Err(why) => problem.set(Some(format!("The zip could not be made: {why}"))),
            },
        })
    };
    view! {
        <Show when=move || unsaved.with(|u| !u.is_empty())>
            <div class="inset no-print" id=id>
                <p>{move || unsaved.with(|u| match u.len() {
                    1 => format!("1 changed file is not saved yet: {}.", u[0].0),
                    n => format!("{n} changed files are not saved yet: {}.", u.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")),
                })}</p>
                <button type="button" class="button" on:click=save>
                    {move || if unsaved.with(|u| u.len()) == 1 { "Download the changed file" } else { "Download the changed files (zip)" }}
                </button>
                {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            </div>
        </Show>
    }
}
