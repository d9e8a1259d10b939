//! The record's grades: suggested (with the core's explanation), final (with the reason it
//! differs), and moderated when the review has been moderated.

use std::sync::Arc;

use leptos::prelude::*;
use plr_core::form::{applies, FieldPath, JudgementField};
use plr_core::grading::explain;

use super::{rows_view, Record};

/// The grades and how the suggestion was reached.
#[component]
pub(super) fn RecordGrades(record: Arc<Record>) -> impl IntoView {
    let (plr, suggestion) = (&record.plr, &record.suggestion);
    let final_grade = FieldPath::Judgement(JudgementField::FinalGrade);
    let rationale = FieldPath::Judgement(JudgementField::Rationale);
    let mut rows = vec![
        (
            "Suggested grade".to_string(),
            suggestion
                .grade
                .map_or("Not enough rated yet", |g| g.label())
                .to_string(),
        ),
        (
            record.label(&final_grade).to_string(),
            plr.judgement
                .final_grade
                .map_or("Not answered", |g| g.label())
                .to_string(),
        ),
    ];
    if applies(&rationale, plr, suggestion.grade) {
        rows.push((
            record.label(&rationale).to_string(),
            super::answered(&plr.judgement.rationale),
        ));
    }
    if let Some(moderation) = &plr.moderation {
        rows.push((
            "Moderated grade (replaces the final grade)".to_string(),
            moderation.grade.label().to_string(),
        ));
    }
    let explanation = explain(suggestion, record.framework)
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    view! {
        <h2>"Grades"</h2>
        {rows_view(rows)}
        <h3>"How the suggested grade was reached"</h3>
        <ul class="list list--bullet">{explanation}</ul>
    }
}
