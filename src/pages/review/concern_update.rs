//! "Record a Head of Service update" on a completed review that is or was a Case of Concern
//! (`followthrough.md`), as GOV.UK's pattern has it: the question page, then a check of the
//! answers, then a confirmation. Above them, where the concern stands on the register and the
//! earlier updates. The core decides what may be recorded (`record_concern_update`); this page
//! asks, shows the core's problems, and dispatches.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::followthrough::{
    record_concern_update, update_problems, updates_refused, RegisterState, UpdateProblem,
};
use plr_core::form::catalogue::{Recorded, UpdateField};
use plr_core::form::Shown;
use plr_core::{ConcernOutcome, ConcernUpdate, PlrStoreFields};

use super::Review;
use crate::address::ReviewPage;
use crate::browser::{self, read_back};
use crate::components::fields::{radio_id, RadioChoice};
use crate::components::recording::{
    confirmation, inline_error, invalid, name_input, problems_of, text_area, unless_refused,
    yes_no, Problem, Recording, Step, TypedDate,
};
use crate::components::title::PageTitle;

/// The answers being typed.
#[derive(Clone, Copy)]
struct Answers {
    on: TypedDate,
    by: RwSignal<String>,
    child_safe: RwSignal<Option<bool>>,
    plan_in_place: RwSignal<Option<bool>>,
    outcome: RwSignal<Option<ConcernOutcome>>,
    note: RwSignal<String>,
}

impl Answers {
    fn new(today: NaiveDate) -> Answers {
        Answers {
            on: TypedDate::new(today),
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
        let on = self
            .on
            .date(UpdateField::On.dom_id(), "the date of the update")
            .map_err(|p| problems.push(p))
            .ok();
        let child_safe = self
            .child_safe
            .get_untracked()
            .ok_or_else(|| missing(UpdateField::ChildSafe));
        let plan_in_place = self
            .plan_in_place
            .get_untracked()
            .ok_or_else(|| missing(UpdateField::PlanInPlace));
        let outcome = self
            .outcome
            .get_untracked()
            .ok_or_else(|| missing(UpdateField::Outcome));
        let (Some(on), Ok(child_safe), Ok(plan_in_place), Ok(outcome)) =
            (on, &child_safe, &plan_in_place, &outcome)
        else {
            if self.by.get_untracked().trim().is_empty() {
                problems.extend(problems_of(vec![UpdateProblem::NoName], field_of));
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
        unless_refused(update, found, field_of)
    }
}

/// The id of the field a core problem is about.
fn field_of(problem: &UpdateProblem) -> &'static str {
    problem
        .field()
        .map_or("update-heading", UpdateField::dom_id)
}

/// The problem of a question left unanswered, in its row's words.
fn missing(field: UpdateField) -> Problem {
    (field.dom_id().to_string(), field.missing().to_string())
}

/// The "Record a Head of Service update" page.
#[component]
pub fn ConcernUpdatePage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let recording = Recording::new("update");
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
        {move || match (closed.get(), recording.step.get()) {
            (Some(why), _) => view! { <p id="update-closed">{why}"."</p> }.into_any(),
            (None, Step::Recorded) => confirmation(
                "update-recorded",
                "Update recorded",
                "Download the review file again and send it to the Quality Assurance service, so the register has this update.",
                review.href(&ReviewPage::TASK_LIST),
                store,
                review.autosave,
                review.framework,
            ).into_any(),
            (None, _) if resolved.get() => view! {
                <p id="update-closed">"This Case of Concern is resolved: no further update is needed."</p>
            }.into_any(),
            (None, Step::Ask) => view! { <Ask answers recording /> }.into_any(),
            (None, Step::Check) => view! { <CheckUpdate answers recording /> }.into_any(),
        }}
    }
}

/// The updates recorded so far, oldest first.
#[component]
fn EarlierUpdates() -> impl IntoView {
    let review = Review::use_context();
    let updates = Memo::new(move |_| review.store.concern_updates().get());
    let said = |b: bool| read_back(Shown::YesNo(b));
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
                        <td>{said(u.child_safe)}</td>
                        <td>{said(u.plan_in_place)}</td>
                        <td>{u.outcome.label()}</td>
                        <td>{u.note}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        })}
    }
}

/// The question page.
#[component]
fn Ask(answers: Answers, recording: Recording) -> impl IntoView {
    let review = Review::use_context();
    let problems = recording.problems;
    let (outcome_asked, outcome_id) = (
        UpdateField::Outcome.declared(),
        UpdateField::Outcome.dom_id(),
    );
    let outcomes = ConcernOutcome::ALL
        .into_iter()
        .enumerate()
        .map(|(n, o)| {
            view! {
                <RadioChoice
                    id=radio_id(outcome_id, n)
                    name=outcome_id.to_string()
                    checked=Signal::derive(move || answers.outcome.get() == Some(o))
                    on_choose=move || answers.outcome.set(Some(o))
                    locked=Signal::derive(|| false)
                >
                    {o.meaning()}
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        {recording.summary()}
        {answers.on.view(UpdateField::On, problems)}
        {name_input(UpdateField::By, answers.by, problems)}
        {yes_no(UpdateField::ChildSafe.dom_id(), UpdateField::ChildSafe.declared().label, answers.child_safe, problems)}
        {yes_no(UpdateField::PlanInPlace.dom_id(), UpdateField::PlanInPlace.declared().label, answers.plan_in_place, problems)}
        <div class="form-group" class:form-group--error=invalid(problems, outcome_id)>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{outcome_asked.label}</legend>
                <div class="hint">{outcome_asked.hint}</div>
                {inline_error(problems, outcome_id)}
                <div class="radios">{outcomes}</div>
            </fieldset>
        </div>
        {text_area(UpdateField::Note, 4, answers.note, problems)}
        {recording.continue_button(move || recording.to_check(answers.update(&review)))}
    }
}

/// The check of the answers, before they are recorded.
#[component]
fn CheckUpdate(answers: Answers, recording: Recording) -> impl IntoView {
    let review = Review::use_context();
    let Ok(update) = answers.update(&review) else {
        recording.step.set(Step::Ask);
        return ().into_any();
    };
    let said = |b: bool| read_back(Shown::YesNo(b));
    let rows = [
        ("Date of the update", browser::long_date(update.on)),
        ("Name of the Head of Service", update.by.clone()),
        ("Assured the child is safe", said(update.child_safe)),
        ("Assured a plan is in place", said(update.plan_in_place)),
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
    let record = move || {
        let update = update.clone();
        recording.record(review.store, review.autosave, |plr| {
            record_concern_update(plr, update, browser::today(), browser::now())
                .map_err(|found| problems_of(found, field_of))
        })
    };
    recording
        .check(
            "Check the update before recording it",
            rows.into_iter()
                .map(|(key, value)| (key.to_string(), value))
                .collect(),
            "Record the update",
            record,
        )
        .into_any()
}
