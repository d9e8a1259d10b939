//! The record's Practice Fundamentals: the band of each area, then each area's statements
//! (rating and evidence note), the practitioner's reflection and the reviewer's evaluation.

use std::sync::Arc;

use leptos::prelude::*;
use plr_core::form::{AreaField, FieldPath, StatementField};
use plr_core::framework::Area;

use super::{answered, Record};

/// The table of area bands, then every area in full.
#[component]
pub(super) fn RecordAreas(record: Arc<Record>) -> impl IntoView {
    let bands = record
        .framework
        .areas
        .iter()
        .map(|area| {
            let result = record.suggestion.areas.iter().find(|a| a.id == area.id);
            let band = result
                .and_then(|a| a.band)
                .map_or("No band yet", |b| b.label());
            let points = result.map_or(String::new(), |a| format!("{} of {}", a.points, a.maximum));
            view! { <tr><th scope="row">{area.title.clone()}</th><td>{band}</td><td>{points}</td></tr> }
        })
        .collect_view();
    let areas = record
        .framework
        .areas
        .iter()
        .map(|area| view! { <RecordArea record=record.clone() area /> })
        .collect_view();
    view! {
        <h2>"Practice Fundamentals"</h2>
        <table class="record__table">
            <thead><tr><th scope="col">"Area"</th><th scope="col">"Band"</th><th scope="col">"Points"</th></tr></thead>
            <tbody>{bands}</tbody>
        </table>
        {areas}
    }
}

/// One area: its statements, then the reflection and the evaluation.
#[component]
fn RecordArea(record: Arc<Record>, area: &'static Area) -> impl IntoView {
    let section = record.plr.sections.iter().find(|s| s.id == area.id);
    let statements = area
        .statements
        .iter()
        .map(|statement| {
            let item = section.and_then(|s| s.items.iter().find(|i| i.id == statement.id));
            let rating = item
                .and_then(|i| i.rating)
                .map_or("Not rated", |r| r.label());
            let note = item.map(|i| i.note.trim()).filter(|n| !n.is_empty());
            let note_label = record.label(&FieldPath::Statement {
                area: area.id.clone(),
                statement: statement.id.clone(),
                field: StatementField::Note,
            });
            let note = note.map(|n| {
                view! { <p class="record__note"><span class="record__key">{note_label.to_string()}": "</span>{n.to_string()}</p> }
            });
            view! {
                <div class="record__statement">
                    <p><strong>{statement.id.0.clone()}</strong>" "{statement.text.clone()}</p>
                    <p><span class="record__key">"Rating: "</span>{rating}</p>
                    {note}
                </div>
            }
        })
        .collect_view();
    let narrative = |field, text: Option<&String>| {
        let label = record
            .label(&FieldPath::Area {
                area: area.id.clone(),
                field,
            })
            .to_string();
        let text = answered(text.map_or("", |t| t.as_str()));
        view! { <div class="record__statement"><h4>{label}</h4><p class="record__text">{text}</p></div> }
    };
    view! {
        <section class="record__area">
            <h3>{area.title.clone()}</h3>
            {statements}
            {narrative(AreaField::PractitionerReflection, section.map(|s| &s.practitioner_reflection))}
            {narrative(AreaField::ReviewerEvaluation, section.map(|s| &s.reviewer_evaluation))}
        </section>
    }
}
