//! What a page that records something on a completed review is made of (a Head of Service
//! update, the Ambassadors' review), in GOV.UK's pattern: the question page, then a check of
//! the answers, then a confirmation. The answers are the page's own signals until the core
//! records them, so these controls take a signal and the page's problems, never a store field
//! or the page's context. Only the review's pages use them, so they load with those pages.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use plr_core::dates::parse_day_month_year;
use plr_core::form::catalogue::Recorded;
use plr_core::{Framework, Plr};
use reactive_stores::Store;

use crate::autosave::Autosave;
use crate::browser;
use crate::components::error_summary::{error_summary, Listed};
use crate::components::export::ExportButton;
use crate::components::fields::{radio_id, RadioChoice};

/// Where the page is in the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The question page.
    Ask,
    /// The check of the answers.
    Check,
    /// The confirmation.
    Recorded,
}

/// A problem with the answers: the id of the field it is about, and what to do.
pub type Problem = (String, String);

/// The core's problems `found` as the page shows them: each with the id of the field it is
/// about (`field_of`) and its words.
pub fn problems_of<P: std::fmt::Display>(
    found: Vec<P>,
    field_of: fn(&P) -> &'static str,
) -> Vec<Problem> {
    found
        .iter()
        .map(|p| (field_of(p).to_string(), p.to_string()))
        .collect()
}

/// `asked`, unless the core found problems with it (`found`, see [`problems_of`]).
pub fn unless_refused<T, P: std::fmt::Display>(
    asked: T,
    found: Vec<P>,
    field_of: fn(&P) -> &'static str,
) -> Result<T, Vec<Problem>> {
    if found.is_empty() {
        Ok(asked)
    } else {
        Err(problems_of(found, field_of))
    }
}

/// The page's problems: its error summary and its fields' inline errors read them.
pub type Problems = RwSignal<Vec<Problem>>;

/// A page that records something: where it is in the pattern, its problems, and the prefix of
/// its ids (`update` gives the error summary `update-problems`, the check's heading
/// `check-update-heading`, the confirmation's `update-recorded`; its first question, where
/// "Change the answers" leads, is `update-on`).
#[derive(Clone, Copy)]
pub struct Recording {
    prefix: &'static str,
    /// Where the page is.
    pub step: RwSignal<Step>,
    /// Its problems.
    pub problems: Problems,
}

impl Recording {
    /// A page at its question page, with no problem, whose ids start with `prefix`.
    pub fn new(prefix: &'static str) -> Recording {
        Recording {
            prefix,
            step: RwSignal::new(Step::Ask),
            problems: RwSignal::new(Vec::new()),
        }
    }

    fn summary_id(&self) -> String {
        format!("{}-problems", self.prefix)
    }

    /// "Continue": to the check when the answers give no problem, else their problems, with
    /// focus on the error summary.
    pub fn to_check<T>(&self, asked: Result<T, Vec<Problem>>) {
        match asked {
            Ok(_) => {
                self.problems.set(Vec::new());
                self.step.set(Step::Check);
                browser::focus_after_render(format!("check-{}-heading", self.prefix));
            }
            Err(found) => self.refused(found),
        }
    }

    fn refused(&self, found: Vec<Problem>) {
        self.problems.set(found);
        self.step.set(Step::Ask);
        browser::focus_after_render(self.summary_id());
    }

    /// "Record": `record` on the review as stored; recorded, the store takes it, autosave
    /// writes it at once and the confirmation shows; refused, the question page shows why.
    pub fn record(
        &self,
        store: Store<Plr>,
        autosave: Autosave,
        record: impl FnOnce(&mut Plr) -> Result<(), Vec<Problem>>,
    ) {
        let mut plr = store.get_untracked();
        match record(&mut plr) {
            Ok(()) => {
                store.set(plr);
                autosave.flush();
                self.step.set(Step::Recorded);
                browser::focus_after_render(format!("{}-recorded", self.prefix));
            }
            Err(found) => self.refused(found),
        }
    }

    /// The error summary of the question page.
    pub fn summary(&self) -> impl IntoView {
        listed_problems(self.summary_id(), self.problems)
    }

    /// "Continue" under the questions.
    pub fn continue_button(&self, on_continue: impl Fn() + 'static) -> impl IntoView {
        view! {
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| on_continue()>"Continue"</button>
            </div>
        }
    }

    /// The check: its `heading`, the answers as `rows`, the button that records them
    /// (`record_label`, calling `on_record`) and "Change the answers".
    pub fn check(
        &self,
        heading: &'static str,
        rows: Vec<(String, String)>,
        record_label: &'static str,
        on_record: impl Fn() + 'static,
    ) -> impl IntoView {
        let (step, first) = (self.step, format!("{}-on", self.prefix));
        view! {
            <h2 id=format!("check-{}-heading", self.prefix) tabindex="-1">{heading}</h2>
            {check_rows(rows)}
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| on_record()>{record_label}</button>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    step.set(Step::Ask);
                    browser::focus_after_render(first.clone());
                }>"Change the answers"</button>
            </div>
        }
    }
}

/// Whether the field `id` has a problem.
pub fn invalid(problems: Problems, id: &str) -> impl Fn() -> bool + 'static {
    let id = id.to_string();
    move || problems.with(|list| list.iter().any(|(at, _)| *at == id))
}

/// The error summary (GOV.UK's): each problem a link to its field. `id` is the summary's own,
/// where focus goes when the answers are refused.
fn listed_problems(id: String, problems: Problems) -> impl IntoView {
    move || {
        (!problems.with(Vec::is_empty)).then(|| {
            let items = problems.get().into_iter();
            let items = items.map(|(at, text)| Listed::field(&at, text)).collect();
            error_summary(&id, "There is a problem".into(), None, items, true)
        })
    }
}

/// The inline error of the field `id`, if it has a problem.
pub fn inline_error(problems: Problems, id: &str) -> impl IntoView {
    let id = id.to_string();
    move || {
        problems.with(|list| {
            list.iter().find(|(at, _)| *at == id).map(|(_, text)| {
                view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">"Error: "</span>{text.clone()}
                    </p>
                }
            })
        })
    }
}

/// A yes/no question: a fieldset whose legend is the question, its "Yes" radio carrying `id`.
pub fn yes_no(
    id: &str,
    legend: &'static str,
    value: RwSignal<Option<bool>>,
    problems: Problems,
) -> impl IntoView {
    let choices = [(true, "Yes"), (false, "No")]
        .into_iter()
        .enumerate()
        .map(|(n, (v, text))| {
            view! {
                <RadioChoice
                    id=radio_id(id, n)
                    name=id.to_string()
                    checked=Signal::derive(move || value.get() == Some(v))
                    on_choose=move || value.set(Some(v))
                    locked=Signal::derive(|| false)
                >
                    {text}
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=invalid(problems, id)>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{legend}</legend>
                {inline_error(problems, id)}
                <div class="radios radios--inline">{choices}</div>
            </fieldset>
        </div>
    }
}

/// A date typed as its three fields (GOV.UK's day, month and year).
#[derive(Clone, Copy)]
pub struct TypedDate {
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
}

impl TypedDate {
    /// The fields filled with `date`.
    pub fn new(date: NaiveDate) -> TypedDate {
        TypedDate {
            day: RwSignal::new(date.day().to_string()),
            month: RwSignal::new(date.month().to_string()),
            year: RwSignal::new(date.year().to_string()),
        }
    }

    /// The date typed, or what is wrong with it, for the date field `id` (`what` names it in
    /// the message: "the date of the update").
    pub fn date(&self, id: &str, what: &str) -> Result<NaiveDate, Problem> {
        match parse_day_month_year(
            &self.day.get_untracked(),
            &self.month.get_untracked(),
            &self.year.get_untracked(),
        ) {
            Ok(Some(on)) => Ok(on),
            Ok(None) => Err((id.to_string(), format!("Enter {what}"))),
            Err(e) => {
                let mut letters = what.chars();
                let what: String = letters
                    .next()
                    .map(|first| first.to_uppercase().chain(letters).collect())
                    .unwrap_or_default();
                Err((id.to_string(), format!("{what} {e}")))
            }
        }
    }

    /// The three fields in a fieldset: the day's carries `id` (the target of error links),
    /// the month's and the year's `id-month` and `id-year`.
    pub fn view(self, asked: impl Recorded, problems: Problems) -> impl IntoView {
        let (id, row) = (asked.dom_id(), asked.declared());
        let (legend, hint) = (
            row.label,
            format!("{DATE_EXAMPLE} {}", row.hint.unwrap_or_default()),
        );
        let hint_id = format!("{id}-hint");
        let part = |id: String,
                    label: &'static str,
                    value: RwSignal<String>,
                    width: &'static str| {
            view! {
                <div class="date-input__item">
                    <label class="label label--small" for=id.clone()>{label}</label>
                    <input class=format!("input input--width-{width}") id=id type="text" inputmode="numeric"
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
            }
        };
        view! {
            <div class="form-group" class:form-group--error=invalid(problems, id)>
                <fieldset class="fieldset" role="group" aria-describedby=hint_id.clone()>
                    <legend class="fieldset__legend">{legend}</legend>
                    <div class="hint" id=hint_id.clone()>{hint}</div>
                    {inline_error(problems, id)}
                    <div class="date-input">
                        {part(id.to_string(), "Day", self.day, "2")}
                        {part(format!("{id}-month"), "Month", self.month, "2")}
                        {part(format!("{id}-year"), "Year", self.year, "4")}
                    </div>
                </fieldset>
            </div>
        }
    }
}

/// How every date of a recording is asked for (day, month and year fields).
const DATE_EXAMPLE: &str = "For example, 15 7 2022.";

/// A form group: the label of the control `id`, its inline error, then the control.
fn labelled(
    id: &'static str,
    label: &'static str,
    problems: Problems,
    control: AnyView,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=invalid(problems, id)>
            <label class="label" for=id>{label}</label>
            {inline_error(problems, id)}
            {control}
        </div>
    }
}

/// A one-line text field for a name, with its label and inline error.
pub fn name_input(
    asked: impl Recorded,
    value: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let (id, row) = (asked.dom_id(), asked.declared());
    let (label, limit) = (row.label, row.answer.limit());
    let input = view! {
        <input class="input input--width-20" id=id type="text" maxlength=limit
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
    };
    labelled(id, label, problems, input.into_any())
}

/// A text area for a long answer (`rows` high), with its label and inline error.
pub fn text_area(
    asked: impl Recorded,
    rows: u32,
    value: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let (id, row) = (asked.dom_id(), asked.declared());
    let (label, limit) = (row.label, row.answer.limit());
    let area = view! {
        <textarea class="textarea" id=id rows=rows maxlength=limit
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
    };
    labelled(id, label, problems, area.into_any())
}

/// The check of the answers: each question's short name and its answer.
pub fn check_rows(rows: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {rows.into_iter().map(|(key, value)| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{key}</dt>
                    <dd class="summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The confirmation: its panel (`id`, where focus goes), what to do next, the download and
/// the way back to the task list (`back`).
pub fn confirmation(
    id: &'static str,
    title: &'static str,
    next: &'static str,
    back: String,
    store: Store<Plr>,
    autosave: Autosave,
    framework: &'static Framework,
) -> impl IntoView {
    view! {
        <div class="panel panel--confirmation">
            <h2 class="panel__title" id=id tabindex="-1">{title}</h2>
        </div>
        <p>{next}</p>
        <div class="button-group">
            <ExportButton store autosave framework primary=true />
            <a class="button button--secondary" href=back>"Back to the task list"</a>
        </div>
    }
}
