//! "Record a Head of Service update" on a completed review that is or was a Case of Concern
//! (`followthrough.md`), as GOV.UK's pattern has it: the question page, then a check of the
//! answers, then a confirmation. Above them, where the concern stands on the register and the
//! earlier updates. The core decides what may be recorded (`record_concern_update`); this page
//! asks, shows the core's problems, and dispatches.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::dates::parse_day_month_year;
use plr_core::followthrough::{
    record_concern_update, update_problems, updates_refused, RegisterState, UpdateProblem,
};
use plr_core::limits::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use plr_core::{ConcernOutcome, ConcernUpdate, PlrStoreFields};

use super::Review;
use crate::browser;
use crate::components::export::ExportButton;
use crate::components::fields::{radio_id, RadioChoice};
use crate::components::title::PageTitle;

/// Where the page is in the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Ask,
    Check,
    Recorded,
}

/// The answers being typed (the date as its three fields).
#[derive(Clone, Copy)]
struct Answers {
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    by: RwSignal<String>,
    child_safe: RwSignal<Option<bool>>,
    plan_in_place: RwSignal<Option<bool>>,
    outcome: RwSignal<Option<ConcernOutcome>>,
    note: RwSignal<String>,
}

/// A problem with the answers: the id of the field it is about, and what to do.
type Problem = (&'static str, String);

impl Answers {
    fn new(today: NaiveDate) -> Answers {
        use chrono::Datelike;
        Answers {
            day: RwSignal::new(today.day().to_string()),
            month: RwSignal::new(today.month().to_string()),
            year: RwSignal::new(today.year().to_string()),
            by: RwSignal::new(String::new()),
            child_safe: RwSignal::new(None),
            plan_in_place: RwSignal::new(None),
            outcome: RwSignal::new(None),
            note: RwSignal::new(String::new()),
        }
    }

    /// The update, or the problems that stop it (the form's own, then the core's rules).
    fn update(&self, review: &Review) -> Result<ConcernUpdate, Vec<Problem>> {
        let mut problems: Vec<Problem> = Vec::new();
        let on = match parse_day_month_year(
            &self.day.get_untracked(),
            &self.month.get_untracked(),
            &self.year.get_untracked(),
        ) {
            Ok(Some(on)) => Some(on),
            Ok(None) => {
                problems.push(("update-on", "Enter the date of the update".into()));
                None
            }
            Err(e) => {
                problems.push(("update-on", format!("The date of the update {e}")));
                None
            }
        };
        let answered = |value: Option<bool>, id: &'static str, question: &str| {
            value.ok_or((id, format!("Select whether {question}")))
        };
        let child_safe = answered(
            self.child_safe.get_untracked(),
            "update-child-safe",
            "the Head of Service is assured the child is safe",
        );
        let plan_in_place = answered(
            self.plan_in_place.get_untracked(),
            "update-plan",
            "the Head of Service is assured a plan is in place",
        );
        let outcome = self
            .outcome
            .get_untracked()
            .ok_or(("update-outcome", "Select what happens next".to_string()));
        let (Some(on), Ok(child_safe), Ok(plan_in_place), Ok(outcome)) =
            (on, &child_safe, &plan_in_place, &outcome)
        else {
            if self.by.get_untracked().trim().is_empty() {
                problems.push(("update-by", UpdateProblem::NoName.to_string()));
            }
            problems.extend(
                [child_safe.err(), plan_in_place.err(), outcome.err()]
                    .into_iter()
                    .flatten(),
            );
            return Err(problems);
        };
        let update = ConcernUpdate {
            on,
            by: self.by.get_untracked().trim().to_string(),
            child_safe: *child_safe,
            plan_in_place: *plan_in_place,
            outcome: *outcome,
            note: self.note.get_untracked(),
        };
        let found = review
            .store
            .with_untracked(|plr| update_problems(plr, &update, Some(browser::today())));
        if found.is_empty() {
            Ok(update)
        } else {
            Err(found
                .into_iter()
                .map(|p| (field_id(p), p.to_string()))
                .collect())
        }
    }
}

/// The id of the field a core problem is about.
fn field_id(problem: UpdateProblem) -> &'static str {
    match problem.field() {
        Some("by") => "update-by",
        Some("on") => "update-on",
        Some(_) => "update-outcome",
        None => "update-heading",
    }
}

/// The "Record a Head of Service update" page.
#[component]
pub fn ConcernUpdatePage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let step = RwSignal::new(Step::Ask);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let answers = Answers::new(browser::today());
    let state = Memo::new(move |_| store.with(|plr| RegisterState::of(plr, browser::today())));
    // Why nothing can be recorded here, if so: the core's first reason.
    let closed =
        Memo::new(move |_| store.with(|plr| updates_refused(plr).next().map(|p| p.to_string())));
    let resolved = Memo::new(move |_| matches!(state.get(), Some(RegisterState::Resolved { .. })));
    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1 id="update-heading" tabindex="-1">"Record a Head of Service update"</h1>
        <PageTitle title="Record a Head of Service update" error=review.has_problems() />
        {move || state.get().map(|s| view! {
            <p class="inset" id="register-state"><strong>{s.label(browser::long_date)}</strong></p>
        })}
        <EarlierUpdates />
        {move || match (closed.get(), step.get()) {
            (Some(why), _) => view! { <p id="update-closed">{why}"."</p> }.into_any(),
            (None, Step::Recorded) => view! { <Recorded /> }.into_any(),
            (None, _) if resolved.get() => view! {
                <p id="update-closed">"This Case of Concern is resolved: no further update is needed."</p>
            }.into_any(),
            (None, Step::Ask) => view! { <Ask answers problems step /> }.into_any(),
            (None, Step::Check) => view! { <CheckUpdate answers problems step /> }.into_any(),
        }}
    }
}

/// The updates recorded so far, oldest first.
#[component]
fn EarlierUpdates() -> impl IntoView {
    let review = Review::use_context();
    let updates = Memo::new(move |_| review.store.concern_updates().get());
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    view! {
        {move || (!updates.with(Vec::is_empty)).then(|| view! {
            <table class="table" id="earlier-updates">
                <caption class="table__caption">"Updates so far"</caption>
                <thead><tr>
                    <th scope="col">"Date"</th><th scope="col">"Head of Service"</th>
                    <th scope="col">"Child safe"</th><th scope="col">"Plan in place"</th>
                    <th scope="col">"Outcome"</th><th scope="col">"Note"</th>
                </tr></thead>
                <tbody>{updates.get().into_iter().map(|u| view! {
                    <tr>
                        <td>{browser::long_date(u.on)}</td>
                        <td>{u.by}</td>
                        <td>{yes_no(u.child_safe)}</td>
                        <td>{yes_no(u.plan_in_place)}</td>
                        <td>{u.outcome.label()}</td>
                        <td>{u.note}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        })}
    }
}

/// The error summary of the update's problems.
fn summary(problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    move || {
        (!problems.with(Vec::is_empty)).then(|| view! {
            <div class="error-summary" id="update-problems" tabindex="-1" role="alert" aria-labelledby="update-problems-title">
                <h2 class="error-summary__title" id="update-problems-title">"There is a problem"</h2>
                <ul class="error-summary__list">
                    {problems.get().into_iter().map(|(id, text)| view! {
                        <li><a href=format!("#{id}")>{text}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// The inline error of the field `id`, if it has a problem.
fn error(problems: RwSignal<Vec<Problem>>, id: &'static str) -> impl IntoView {
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

/// A yes/no question of the update.
fn yes_no(
    id: &'static str,
    legend: &'static str,
    value: RwSignal<Option<bool>>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let invalid = move || problems.with(|l| l.iter().any(|(at, _)| *at == id));
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
        <div class="form-group" class:form-group--error=invalid>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{legend}</legend>
                {error(problems, id)}
                <div class="radios radios--inline">{choices}</div>
            </fieldset>
        </div>
    }
}

/// The question page.
#[component]
fn Ask(answers: Answers, problems: RwSignal<Vec<Problem>>, step: RwSignal<Step>) -> impl IntoView {
    let review = Review::use_context();
    let invalid =
        move |id: &'static str| move || problems.with(|l| l.iter().any(|(at, _)| *at == id));
    let part = |id: &'static str,
                label: &'static str,
                value: RwSignal<String>,
                width: &'static str| {
        view! {
            <div class="date-input__item">
                <label class="label label--small" for=id>{label}</label>
                <input class=format!("input input--width-{width}") id=id type="text" inputmode="numeric"
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    let outcomes = ConcernOutcome::ALL
        .into_iter()
        .enumerate()
        .map(|(n, o)| {
            view! {
                <RadioChoice
                    id=radio_id("update-outcome", n)
                    name="update-outcome".to_string()
                    checked=Signal::derive(move || answers.outcome.get() == Some(o))
                    on_choose=move || answers.outcome.set(Some(o))
                    locked=Signal::derive(|| false)
                >
                    {o.meaning()}
                </RadioChoice>
            }
        })
        .collect_view();
    let next = move |_| match answers.update(&review) {
        Ok(_) => {
            problems.set(Vec::new());
            step.set(Step::Check);
            browser::focus_after_render("check-update-heading");
        }
        Err(found) => {
            problems.set(found);
            browser::focus_after_render("update-problems");
        }
    };
    view! {
        {summary(problems)}
        <div class="form-group" class:form-group--error=invalid("update-on")>
            <fieldset class="fieldset" role="group" aria-describedby="update-on-hint">
                <legend class="fieldset__legend">"Date of the update"</legend>
                <div class="hint" id="update-on-hint">"For example, 15 7 2022. Not before the Case of Concern was raised, and not in the future."</div>
                {error(problems, "update-on")}
                <div class="date-input">
                    {part("update-on", "Day", answers.day, "2")}
                    {part("update-on-month", "Month", answers.month, "2")}
                    {part("update-on-year", "Year", answers.year, "4")}
                </div>
            </fieldset>
        </div>
        <div class="form-group" class:form-group--error=invalid("update-by")>
            <label class="label" for="update-by">"Name of the Head of Service"</label>
            {error(problems, "update-by")}
            <input class="input input--width-20" id="update-by" type="text" maxlength=MAX_SHORT_CHARS
                prop:value=move || answers.by.get() on:input=move |ev| answers.by.set(event_target_value(&ev)) />
        </div>
        {yes_no("update-child-safe", "Is the Head of Service assured the child is safe?", answers.child_safe, problems)}
        {yes_no("update-plan", "Is the Head of Service assured a plan is in place?", answers.plan_in_place, problems)}
        <div class="form-group" class:form-group--error=invalid("update-outcome")>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"What happens next"</legend>
                <div class="hint">"Resolved only when both answers above are yes."</div>
                {error(problems, "update-outcome")}
                <div class="radios">{outcomes}</div>
            </fieldset>
        </div>
        <div class="form-group">
            <label class="label" for="update-note">"Note (optional)"</label>
            <textarea class="textarea" id="update-note" rows="4" maxlength=MAX_TEXT_CHARS
                prop:value=move || answers.note.get() on:input=move |ev| answers.note.set(event_target_value(&ev))></textarea>
        </div>
        <div class="button-group">
            <button type="button" class="button" on:click=next>"Continue"</button>
        </div>
    }
}

/// The check of the answers, before they are recorded.
#[component]
fn CheckUpdate(
    answers: Answers,
    problems: RwSignal<Vec<Problem>>,
    step: RwSignal<Step>,
) -> impl IntoView {
    let review = Review::use_context();
    let Ok(update) = answers.update(&review) else {
        step.set(Step::Ask);
        return ().into_any();
    };
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    let rows = [
        ("Date of the update", browser::long_date(update.on)),
        ("Name of the Head of Service", update.by.clone()),
        (
            "Assured the child is safe",
            yes_no(update.child_safe).to_string(),
        ),
        (
            "Assured a plan is in place",
            yes_no(update.plan_in_place).to_string(),
        ),
        ("What happens next", update.outcome.meaning().to_string()),
        (
            "Note",
            if update.note.trim().is_empty() {
                "None".to_string()
            } else {
                update.note.clone()
            },
        ),
    ];
    let record = move |_| {
        let mut plr = review.store.get_untracked();
        match record_concern_update(&mut plr, update.clone(), browser::today(), browser::now()) {
            Ok(()) => {
                review.store.set(plr);
                review.autosave.flush();
                step.set(Step::Recorded);
                browser::focus_after_render("update-recorded");
            }
            Err(found) => {
                problems.set(
                    found
                        .into_iter()
                        .map(|p| (field_id(p), p.to_string()))
                        .collect(),
                );
                step.set(Step::Ask);
                browser::focus_after_render("update-problems");
            }
        }
    };
    view! {
        <h2 id="check-update-heading" tabindex="-1">"Check the update before recording it"</h2>
        <dl class="summary-list">
            {rows.into_iter().map(|(key, value)| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{key}</dt>
                    <dd class="summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
        <div class="button-group">
            <button type="button" class="button" on:click=record>"Record the update"</button>
            <button type="button" class="button button--secondary" on:click=move |_| {
                step.set(Step::Ask);
                browser::focus_after_render("update-on");
            }>"Change the answers"</button>
        </div>
    }
    .into_any()
}

/// The confirmation, with what to do next.
#[component]
fn Recorded() -> impl IntoView {
    let review = Review::use_context();
    view! {
        <div class="panel panel--confirmation">
            <h2 class="panel__title" id="update-recorded" tabindex="-1">"Update recorded"</h2>
        </div>
        <p>"Download the review file again and send it to the Quality Assurance service, so the register has this update."</p>
        <div class="button-group">
            <ExportButton store=review.store autosave=review.autosave framework=review.framework primary=true />
            <a class="button button--secondary" href=review.href("")>"Back to the task list"</a>
        </div>
    }
}
