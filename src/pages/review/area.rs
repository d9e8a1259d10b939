//! One Practice Fundamentals area: rate each statement, note the evidence, then the
//! practitioner's reflection and the reviewer's evaluation.
//!
//! Keyboard first: with focus on a statement, 1–4 rate it and move focus to the next one.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use plr_core::form::{AreaField, FieldPath, StatementField, Task};
use plr_core::framework::{Area, Statement};
use plr_core::{Item, ItemStoreFields, PlrStoreFields, Rating, Section, SectionStoreFields};
use reactive_stores::Field;
use wasm_bindgen::JsCast;

use super::{Continue, GradePanel, Review};
use crate::browser;
use crate::components::fields::{radio_id, Described, RadioChoice};
use crate::components::narrative::{Narrative, TextArea};
use crate::components::title::PageTitle;
use crate::pages::not_found::NotFound;

/// The page of the area named in the address.
#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params_map();
    let area_id = Memo::new(move |_| params.read().get("area").unwrap_or_default());
    let review = Review::use_context();
    move || {
        let id = area_id.get();
        match review.framework.areas.iter().find(|a| a.id.0 == id) {
            Some(area) => view! { <AreaForm area /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

/// The key that rates the focused statement, and the rating it gives.
fn rating_for_key(key: &str) -> Option<Rating> {
    match key {
        "1" => Some(Rating::Met),
        "2" => Some(Rating::PartlyMet),
        "3" => Some(Rating::NotMet),
        "4" => Some(Rating::NotApplicable),
        _ => None,
    }
}

/// How many statements each task draws. The page's first task draws its frame (the heading, the
/// grade panel and the help: about what a phone's screen shows first); the statements follow in
/// tasks of their own, [`DRAWN_PER_TASK`] at a time (so a tap or a key is never kept waiting for
/// the whole area, and a phone opening the page cold never meets one long task), then the
/// reflection and evaluation below them.
const DRAWN_PER_TASK: usize = 2;

#[component]
fn AreaForm(area: &'static Area) -> impl IntoView {
    let review = Review::use_context();
    let section: Field<Section> = review.store.sections().at_key(area.id.0.clone()).into();
    let area_path = |field| FieldPath::Area {
        area: area.id.clone(),
        field,
    };
    let statement_path = |statement: &Statement, field| FieldPath::Statement {
        area: area.id.clone(),
        statement: statement.id.clone(),
        field,
    };
    let reflection_path = area_path(AreaField::PractitionerReflection);
    let reflection_id = reflection_path.dom_id();
    let statement = move |(position, statement): (usize, &'static Statement)| {
        let item: Field<Item> = section.items().at_key(statement.id.0.clone()).into();
        let path = statement_path(statement, StatementField::Rating);
        let next_focus = match area.statements.get(position + 1) {
            Some(next) => statement_path(next, StatementField::Rating).dom_id(),
            None => reflection_id.clone(),
        };
        let note_path = statement_path(statement, StatementField::Note);
        view! { <StatementRating statement item path note_path next_focus /> }
    };
    // An address naming a field (a link from the error summary, `#field-id`) draws the whole
    // area at once, so the field is there to take focus.
    let to_field = !use_location()
        .hash
        .get_untracked()
        .trim_start_matches('#')
        .is_empty();
    let count = area.statements.len();
    let drawn = RwSignal::new(if to_field { count } else { 0 });
    if !to_field {
        set_timeout(move || draw_more(drawn, count), std::time::Duration::ZERO);
    }
    // Each group of statements, drawn once (its memo changes once, when it is reached).
    let statements = (0..count)
        .step_by(DRAWN_PER_TASK)
        .map(|from| {
            let reached = Memo::new(move |_| drawn.get() > from);
            let statement = statement.clone();
            move || {
                reached.get().then(|| {
                    area.statements
                        .iter()
                        .enumerate()
                        .skip(from)
                        .take(DRAWN_PER_TASK)
                        .map(statement.clone())
                        .collect_view()
                })
            }
        })
        .collect_view();
    // Below the statements, so drawn after the last of them.
    let all_drawn = Memo::new(move |_| drawn.get() >= count);
    let end = move || {
        all_drawn.get().then(|| {
            view! {
                <h2>"Reflection and evaluation"</h2>
                <TextArea answer=review.bind(reflection_path.clone()) />
                <TextArea answer=review.bind(area_path(AreaField::ReviewerEvaluation)) />
                <Continue after=Task::Area(area.id.clone()) />
            }
        })
    };

    view! {
        <span class="caption">"Practice Fundamentals"</span>
        <h1>{area.title.clone()}</h1>
        <PageTitle title=area.title.clone() error=review.has_problems() />
        <GradePanel area=area.id.clone() />
        <details class="details">
            <summary class="details__summary">"How to rate"</summary>
            <ul class="list list--bullet details__text">
                {Rating::ALL.iter().map(|r| view! { <li><strong>{r.label()}</strong>": "{r.meaning()}"."</li> }).collect_view()}
            </ul>
        </details>
        <p class="hint keys-help" id="keys-help">
            "Keyboard: Tab to a statement, then press 1 for met, 2 for partly met, 3 for not met or 4 for not applicable. Focus then moves to the next statement."
        </p>
        <p class="lead-in" id="lead-in"><strong>{area.lead_in.clone()}</strong></p>
        <div class="statements">{statements}</div>
        {end}
    }
}

/// Draws the next [`DRAWN_PER_TASK`] statements of an area's `count`, then asks for the next
/// group in a task of its own, until all are drawn. Stops if the page has gone (its signal with
/// it).
fn draw_more(drawn: RwSignal<usize>, count: usize) {
    let Some(now) = drawn.try_get_untracked() else {
        return;
    };
    let next = (now + DRAWN_PER_TASK).min(count);
    drawn.set(next);
    if next < count {
        set_timeout(move || draw_more(drawn, count), std::time::Duration::ZERO);
    }
}

/// One statement: its wording, four rating radios and an optional evidence note.
#[component]
fn StatementRating(
    statement: &'static Statement,
    item: Field<Item>,
    path: FieldPath,
    note_path: FieldPath,
    next_focus: String,
) -> impl IntoView {
    let review = Review::use_context();
    let rating: Field<Option<Rating>> = item.rating().into();
    // The statement's rating read from the store once per change: its four radios and its
    // class follow this memo, not the store (a keyed field's every read finds its path again).
    let chosen = Memo::new(move |_| rating.get());
    let id = path.dom_id();
    let legend_id = format!("{id}-legend");
    let described = Described::at(&path, None);
    let error = described.error;
    let error_ids = described.described_by();
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || review.is_completed() {
            return;
        }
        let on_radio = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() == "radio");
        if let (true, Some(chosen)) = (on_radio, rating_for_key(&ev.key())) {
            ev.prevent_default();
            rating.set(Some(chosen));
            browser::focus(&next_focus);
        }
    };
    let radios = Rating::ALL
        .iter()
        .enumerate()
        .map(|(n, value)| {
            let value = *value;
            let key = (n + 1).to_string();
            view! {
                <RadioChoice
                    id=radio_id(&id, n)
                    name=id.clone()
                    checked=Signal::derive(move || chosen.get() == Some(value))
                    on_choose=move || rating.set(Some(value))
                    shortcut=key.clone()
                >
                    {value.label()}
                    <span class="key" aria-hidden="true">{key}</span>
                </RadioChoice>
            }
        })
        .collect_view();
    view! {
        <div class="statement form-group" class:form-group--error=move || error.get().is_some()
            class:statement--rated=move || chosen.with(Option::is_some)>
            <fieldset
                class="fieldset"
                aria-describedby=move || match error_ids() {
                    Some(error_id) => format!("keys-help {error_id}"),
                    None => "keys-help".to_string(),
                }
                on:keydown=on_keydown
            >
                <legend class="statement__text" id=legend_id>
                    <span class="statement__id">{statement.id.0.clone()}</span>
                    " "
                    {statement.text.clone()}
                </legend>
                {described.hint_and_error()}
                <div class="radios radios--inline radios--small">{radios}</div>
                <EvidenceNote path=note_path statement_id=statement.id.0.clone() field=item.note().into() />
            </fieldset>
        </div>
    }
}

/// The optional evidence note under a statement.
#[component]
fn EvidenceNote(path: FieldPath, statement_id: String, field: Field<String>) -> impl IntoView {
    let review = Review::use_context();
    let question = review.ask(path);
    let described = Described::new(&question);
    let locked = review.locked(&question.field);
    view! {
        <div class="evidence">
            <label class="label label--small" for=described.id.clone()>
                {question.label}
                <span class="visually-hidden">{format!(" for {statement_id}")}</span>
            </label>
            <Narrative described field locked rows=1 class="textarea textarea--small" />
        </div>
    }
}
