//! The printed record: the whole review on A4 in reading order, for the child's file. Drawn
//! on the check-answers page and on a completed review, hidden on screen and shown only in
//! print (`style/main.css`, `@media print`), where everything else of the page is hidden.
//! Each part is its own small component, so a field added to the model has one place to go.
//! The labels are the core's: the form description's questions and the closed sets' labels.

mod actions;
mod areas;
mod grades;
mod moderation;

use std::sync::Arc;

use leptos::prelude::*;
use plr_core::completion::is_case_of_concern;
use plr_core::concern::{share_by, share_instruction};
use plr_core::form::{applies, questions, FieldPath, JudgementField, Question};
use plr_core::{Framework, Plr, Suggestion};

use super::summary::{summary_sections, Row};
use super::Review;
use crate::browser;

use self::actions::RecordActions;
use self::areas::RecordAreas;
use self::grades::RecordGrades;
use self::moderation::RecordModeration;

/// What every part of the record reads: the review, its suggestion, its questions.
pub(super) struct Record {
    plr: Plr,
    suggestion: Suggestion,
    framework: &'static Framework,
    questions: Vec<Question>,
    /// The summary's rows, by section heading (the case and who took part).
    sections: Vec<(&'static str, Vec<Row>)>,
}

impl Record {
    /// The form's label of the question at `field` (blank for a field it does not ask).
    fn label(&self, field: &FieldPath) -> &str {
        self.questions
            .iter()
            .find(|q| &q.field == field)
            .map_or("", |q| q.label.as_str())
    }

    /// The summary's rows under `heading`.
    fn section(&self, heading: &str) -> &[Row] {
        self.sections
            .iter()
            .find(|(h, _)| *h == heading)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }
}

/// A text answer as printed: blank ones say so.
fn answered(text: &str) -> String {
    if text.trim().is_empty() {
        "Not answered".to_string()
    } else {
        text.to_string()
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

/// Rows of label and value.
fn rows_view(rows: Vec<(String, String)>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(key, value)| {
            view! {
                <div class="record__row">
                    <dt>{key}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="record__list">{rows}</dl> }
}

/// The summary's rows under `heading`, as printed.
#[component]
fn RecordSection(record: Arc<Record>, heading: &'static str) -> impl IntoView {
    let rows = record
        .section(heading)
        .iter()
        .map(|r| (r.key.clone(), r.value.clone()))
        .collect();
    view! {
        <h2>{heading}</h2>
        {rows_view(rows)}
    }
}

/// The Case of Concern banner, when the review is one.
#[component]
fn RecordConcern(record: Arc<Record>) -> impl IntoView {
    let plr = &record.plr;
    is_case_of_concern(plr).then(|| {
        let deadline = share_by(plr).map(browser::local_date_time);
        view! {
            <div class="notice notice--concern record__part">
                <h2>"This review is a Case of Concern"</h2>
                <p>{share_instruction(deadline.as_deref())}</p>
            </div>
        }
    })
}

/// The judgement: the impact on the child and the immediate concern.
#[component]
fn RecordJudgement(record: Arc<Record>) -> impl IntoView {
    use JudgementField as J;
    let (plr, j) = (&record.plr, &record.plr.judgement);
    let row = |field: J, value: String| {
        let path = FieldPath::Judgement(field);
        applies(&path, plr, record.suggestion.grade)
            .then(|| (record.label(&path).to_string(), value))
    };
    let shared_at = j
        .concern_shared_at
        .map_or("Not yet shared".to_string(), browser::local_date_time);
    let rows = [
        row(J::ImpactOnChild, answered(&j.impact_on_child)),
        row(J::ImmediateConcern, yes_no(j.immediate_concern).to_string()),
        row(
            J::ImmediateConcernDetails,
            answered(&j.immediate_concern_details),
        ),
        row(J::ConcernSharedWith, answered(&j.concern_shared_with)),
        row(J::ConcernSharedAt, shared_at),
    ];
    view! {
        <h2>"Judgement"</h2>
        {rows_view(rows.into_iter().flatten().collect())}
    }
}

/// The whole review as it is printed.
#[component]
pub fn PrintRecord() -> impl IntoView {
    let review = Review::use_context();
    move || {
        let plr = review.store.get();
        let sections = summary_sections(&plr, &review);
        let record = Arc::new(Record {
            questions: questions(&plr, review.framework),
            suggestion: review.suggestion.get(),
            framework: review.framework,
            sections,
            plr,
        });
        let case = FieldPath::Case(plr_core::form::CaseField::ChildRef);
        view! {
            <article class="print-record" aria-label="Printed record">
                <p class="caption">"Practice Learning Review"</p>
                <h1>{format!("{}: {}", record.label(&case), record.plr.case.child_ref)}</h1>
                <RecordConcern record=record.clone() />
                <RecordSection record=record.clone() heading="About the case" />
                <RecordSection record=record.clone() heading="Who took part" />
                <RecordGrades record=record.clone() />
                <RecordAreas record=record.clone() />
                <RecordJudgement record=record.clone() />
                <RecordActions record=record.clone() />
                <RecordModeration record />
            </article>
        }
    }
}
