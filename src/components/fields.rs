//! Labelled form controls bound to fields of the review store.
//!
//! Each control is given a field of the store and the core's description of its question
//! ([`Question`]: where the answer lives, the label, the hint, the length limit), so labels
//! and hints are written once, in the core. The question's [`FieldPath`] is also how the
//! core's completion check names a problem: the control shows the problem inline, and the
//! error summary links to the control's id, [`FieldPath::dom_id`]. An action's controls are
//! addressed by the action's stable id, so removing another action never moves them.
//!
//! A control reads nothing of the review but [`FormState`] (the problems being shown, and
//! whether the review is completed), so it can be mounted and tested alone.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use plr_core::dates::parse_day_month_year;
use plr_core::form::{within, FieldPath, Question};
use plr_core::import::MAX_SHORT_CHARS;
use plr_core::problem::Problem;

use crate::answer::Bound;

/// What a control needs of the form it is part of, and nothing more. The review's shell
/// provides it (`pages::review`); a test can provide its own.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The completion problems being shown (empty until the user tries to complete).
    pub problems: Signal<Vec<Problem>>,
    /// Whether the review is completed: its answers are then read-only, but for what the
    /// core lets change after completion.
    pub completed: Signal<bool>,
}

impl FormState {
    /// The form state of the control being rendered.
    pub fn use_context() -> FormState {
        expect_context::<FormState>()
    }

    /// The completion problem with the answer at `path`, if problems are being shown.
    pub fn problem_at(&self, path: &FieldPath) -> Option<String> {
        self.problems.with(|problems| {
            problems
                .iter()
                .find(|p| p.field.as_ref() == Some(path))
                .map(|p| p.message.clone())
        })
    }

    /// Whether the answer at `path` is read-only: on a completed review, everything but what
    /// the core lets change after completion (an action's progress, the concern's sharing).
    pub fn locked(&self, path: &FieldPath) -> Signal<bool> {
        let completed = self.completed;
        let follow_up = path.editable_after_completion();
        Signal::derive(move || !follow_up && completed.get())
    }
}

/// A control's id, its hint's and error's ids, and its completion problem: what every
/// labelled control needs to be described to assistive technology.
#[derive(Clone)]
pub struct Described {
    /// The control's id ([`FieldPath::dom_id`] of its path).
    pub id: String,
    hint: Option<(String, &'static str)>,
    error_id: String,
    /// The problem with the value, once the user has tried to complete the review.
    pub error: Signal<Option<String>>,
}

impl Described {
    /// For the control asking `question`.
    pub fn new(question: &Question) -> Self {
        Self::at(&question.field, question.hint)
    }

    /// For a control that shows its question's label itself (a statement's rating, whose
    /// label is the statement), given the answer's path and hint.
    pub fn at(path: &FieldPath, hint: Option<&'static str>) -> Self {
        let form = FormState::use_context();
        let id = path.dom_id();
        let path = path.clone();
        Described {
            hint: hint.map(|text| (format!("{id}-hint"), text)),
            error_id: format!("{id}-error"),
            error: Signal::derive(move || form.problem_at(&path)),
            id,
        }
    }

    /// `aria-describedby`: the hint, and the error while there is one.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (hint_id, error_id, error) = (
            self.hint.as_ref().map(|h| h.0.clone()),
            self.error_id.clone(),
            self.error,
        );
        move || {
            let ids: Vec<String> = hint_id
                .iter()
                .cloned()
                .chain(error.get().map(|_| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// `aria-invalid` while there is an error.
    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
        let error = self.error;
        move || error.get().is_some().then_some("true")
    }

    /// The hint and the inline error message, as shown under a label or legend.
    pub fn hint_and_error(&self) -> impl IntoView {
        let hint = self
            .hint
            .clone()
            .map(|(id, text)| view! { <div class="hint" id=id>{text}</div> });
        let (error_id, error) = (self.error_id.clone(), self.error);
        let message = move || {
            error.get().map(|message| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">"Error: "</span>
                        {message}
                    </p>
                }
            })
        };
        view! { {hint} {message} }
    }
}

/// A form group: label, hint, inline error, then the control (`children`).
#[component]
pub(crate) fn Labelled(described: Described, label: String, children: Children) -> impl IntoView {
    let error = described.error;
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=described.id.clone()>{label}</label>
            {described.hint_and_error()}
            {children()}
        </div>
    }
}

/// One radio button and its label.
#[component]
pub fn RadioChoice(
    /// The input's id.
    id: String,
    /// The group's name.
    name: String,
    /// Whether this choice is the current value.
    checked: Signal<bool>,
    /// Called when the user picks this choice.
    on_choose: impl Fn() + 'static,
    /// The label's content.
    children: Children,
    /// The keyboard shortcut that also picks it, if any.
    #[prop(optional)]
    shortcut: Option<String>,
    /// When it is read-only; by default, once the review is completed.
    #[prop(optional)]
    locked: Option<Signal<bool>>,
) -> impl IntoView {
    let locked = locked.unwrap_or_else(|| FormState::use_context().completed);
    view! {
        <div class="radio">
            <input
                class="radio__input"
                type="radio"
                id=id.clone()
                name=name
                aria-keyshortcuts=shortcut
                disabled=move || locked.get()
                prop:checked=move || checked.get()
                on:change=move |_| on_choose()
            />
            <label class="radio__label" for=id>{children()}</label>
        </div>
    }
}

/// The id of a group's `index`th radio: the first carries the group's own id (the target of
/// error links), the rest are numbered.
pub fn radio_id(group_id: &str, index: usize) -> String {
    if index == 0 {
        group_id.to_string()
    } else {
        format!("{group_id}-{index}")
    }
}

/// A one-line text field with a label, an optional hint and an inline error.
#[component]
pub fn TextInput(
    /// The question (its path, label, hint and limit) and the store field it edits.
    answer: Bound<String>,
    /// Extra CSS class for the input, e.g. a width.
    #[prop(optional)]
    class: &'static str,
    /// `autocomplete` attribute value.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let (question, field) = answer.parts();
    let locked = FormState::use_context().locked(&question.field);
    let d = Described::new(&question);
    // The core's import limit: a longer value could be saved but never opened again.
    let limit = question.limit.unwrap_or(MAX_SHORT_CHARS);
    view! {
        <Labelled described=d.clone() label=question.label>
            <input
                class=format!("input {class}")
                id=d.id.clone()
                name=d.id.clone()
                type="text"
                maxlength=limit
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                aria-describedby=d.described_by()
                aria-invalid=d.invalid()
                disabled=move || locked.get()
                // Shows the field and writes what is typed back to it, within the limit.
                bind:value=(field, SignalSetter::<String>::map(move |text| field.set(within(text, Some(limit)))))
            />
        </Labelled>
    }
}

/// A calendar date as GOV.UK's day, month and year fields (stored as `YYYY-MM-DD`). What is
/// typed is checked by the core as it is typed: a date that cannot exist is never stored, and
/// the field says why at once.
#[component]
pub fn DateInput(
    /// The question (the fieldset's legend; its path names the day field and the error) and
    /// the store field it edits.
    answer: Bound<Option<NaiveDate>>,
) -> impl IntoView {
    let (question, field) = answer.parts();
    let locked = FormState::use_context().locked(&question.field);
    let mut d = Described::new(&question);
    let label = question.label;
    let parts = |date: Option<NaiveDate>| {
        date.map(|d| {
            (
                d.day().to_string(),
                d.month().to_string(),
                d.year().to_string(),
            )
        })
        .unwrap_or_default()
    };
    let (day0, month0, year0) = parts(field.get_untracked());
    let (day, month, year) = (
        RwSignal::new(day0),
        RwSignal::new(month0),
        RwSignal::new(year0),
    );
    let typed = Memo::new(move |_| parse_day_month_year(&day.get(), &month.get(), &year.get()));
    // Another tab's version (or a reload) replaces what is shown when it differs.
    Effect::new(move |_| {
        let stored = field.get();
        if stored.is_some() && typed.get_untracked().ok().flatten() != stored {
            let (d, m, y) = parts(stored);
            day.set(d);
            month.set(m);
            year.set(y);
        }
    });
    let commit = move || field.set(typed.get_untracked().ok().flatten());
    let completion_error = d.error;
    let question = label.clone();
    d.error = Signal::derive(move || {
        typed
            .get()
            .err()
            .map(|problem| format!("{question} {problem}"))
            .or_else(|| completion_error.get())
    });
    let error = d.error;
    let id = d.id.clone();
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset class="fieldset" role="group" aria-describedby=d.described_by()>
                <legend class="fieldset__legend">{label}</legend>
                {d.hint_and_error()}
                <div class="date-input">
                    <DatePart id=id.clone() name=format!("{id}-day") label="Day" value=day width="2" error locked on_input=commit />
                    <DatePart id=format!("{id}-month") name=format!("{id}-month") label="Month" value=month width="2" error locked on_input=commit />
                    <DatePart id=format!("{id}-year") name=format!("{id}-year") label="Year" value=year width="4" error locked on_input=commit />
                </div>
            </fieldset>
        </div>
    }
}

/// One of a date's three fields.
#[component]
fn DatePart(
    id: String,
    name: String,
    label: &'static str,
    value: RwSignal<String>,
    width: &'static str,
    error: Signal<Option<String>>,
    locked: Signal<bool>,
    on_input: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="date-input__item">
            <label class="label label--small" for=id.clone()>{label}</label>
            <input
                class=format!("input input--width-{width}")
                id=id
                name=name
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-invalid=move || error.get().is_some().then_some("true")
                disabled=move || locked.get()
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    on_input();
                }
            />
        </div>
    }
}

/// A group of radios (a fieldset with a legend) choosing one value of `T`.
///
/// `field` holds the value; a blank (`None`) shows no choice made.
#[component]
pub fn Radios<T>(
    /// The question (the legend; its path names the first radio and the error) and the store
    /// field it edits.
    answer: Bound<Option<T>>,
    /// The choices and their labels.
    options: Vec<(T, &'static str)>,
    /// Lay the choices out side by side (for Yes / No).
    #[prop(optional)]
    inline: bool,
    /// Follow-up questions, each revealed directly under its choice while that choice is
    /// picked (the GOV.UK conditional reveal).
    #[prop(optional)]
    reveals: Vec<(T, ViewFn)>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let (question, field) = answer.parts();
    // Only this small part is compiled once per `T`; the group itself works on indexes.
    let values: Vec<T> = options.iter().map(|(value, _)| *value).collect();
    let labels = options.into_iter().map(|(_, label)| label).collect();
    let reveals = reveals
        .into_iter()
        .filter_map(|(value, view)| {
            let index = values.iter().position(|v| *v == value)?;
            Some((index, view))
        })
        .collect();
    let chosen = {
        let values = values.clone();
        Signal::derive(move || {
            field
                .get()
                .and_then(|v| values.iter().position(|o| *o == v))
        })
    };
    let choose = Callback::new(move |index: usize| field.set(values.get(index).copied()));
    view! { <RadioGroup question labels chosen choose inline reveals /> }
}

/// The body of [`Radios`], not generic: the choices by index.
#[component]
fn RadioGroup(
    question: Question,
    labels: Vec<&'static str>,
    chosen: Signal<Option<usize>>,
    choose: Callback<usize>,
    inline: bool,
    reveals: Vec<(usize, ViewFn)>,
) -> impl IntoView {
    let d = Described::new(&question);
    let legend = question.label;
    let error = d.error;
    let radios = labels
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let id = radio_id(&d.id, index);
            let reveal = reveals.iter().find(|(i, _)| *i == index).map(|(_, view)| {
                let view = view.clone();
                // Re-rendered only when this choice is picked or dropped, so focus inside
                // the follow-up question is never lost.
                let picked = Memo::new(move |_| chosen.get() == Some(index));
                view! {
                    <div class="conditional" id=format!("{id}-conditional")>
                        {move || picked.get().then(|| view.run())}
                    </div>
                }
            });
            view! {
                <RadioChoice
                    id=id.clone()
                    name=d.id.clone()
                    checked=Signal::derive(move || chosen.get() == Some(index))
                    on_choose=move || choose.run(index)
                >
                    {text}
                </RadioChoice>
                {reveal}
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset class="fieldset" aria-describedby=d.described_by()>
                <legend class="fieldset__legend">{legend}</legend>
                {d.hint_and_error()}
                <div class="radios" class:radios--inline=inline>{radios}</div>
            </fieldset>
        </div>
    }
}

/// A Yes / No question.
#[component]
pub fn YesNo(
    /// The question and the store field it edits.
    answer: Bound<Option<bool>>,
) -> impl IntoView {
    let options = vec![(true, "Yes"), (false, "No")];
    view! { <Radios answer options inline=true /> }
}

/// A single checkbox for a yes/no flag that is never blank (e.g. an immediate concern), with
/// an inline error. `on_change` gets the new state (the core may record when it changed).
#[component]
pub fn Checkbox(
    /// The question (the label beside the box).
    question: Question,
    /// Whether the box is ticked.
    checked: Signal<bool>,
    /// Called with the new state when the user ticks or unticks it. The core may refuse the
    /// change (the box then shows the state as it is kept).
    on_change: impl Fn(bool) + 'static,
    /// A problem the page knows of besides completion's (a refused tick, say), shown first.
    #[prop(optional, into)]
    problem: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let locked = FormState::use_context().locked(&question.field);
    let mut d = Described::new(&question);
    if let Some(problem) = problem {
        let completion_error = d.error;
        d.error = Signal::derive(move || problem.get().or_else(|| completion_error.get()));
    }
    let label = question.label;
    let error = d.error;
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <div class="checkbox">
                <input
                    class="checkbox__input"
                    type="checkbox"
                    id=d.id.clone()
                    name=d.id.clone()
                    aria-describedby=d.described_by()
                    aria-invalid=d.invalid()
                    disabled=move || locked.get()
                    prop:checked=move || checked.get()
                    on:change=move |ev| {
                        let wanted = event_target_checked(&ev);
                        on_change(wanted);
                        // Refused: the box shows what is kept, not what was clicked.
                        if checked.get_untracked() != wanted {
                            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(!wanted);
                        }
                    }
                />
                <label class="checkbox__label" for=d.id.clone()>{label}</label>
                <div class="checkbox__hint">{d.hint_and_error()}</div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::radio_id;

    #[test]
    fn the_first_radio_carries_the_groups_id() {
        assert_eq!(radio_id("case-legal_status", 0), "case-legal_status");
        assert_eq!(radio_id("case-legal_status", 2), "case-legal_status-2");
    }
}
