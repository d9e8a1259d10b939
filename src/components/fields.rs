//! Labelled form controls bound to fields of the review store.
//!
//! Each control is identified by the JSON path of the value it edits (`case.child_ref`), which
//! is also how the core's completion check names a problem: the control shows the problem
//! inline, and the error summary links to the control's id, [`field_id`] of that path.

use chrono::NaiveDate;
use leptos::prelude::*;
use reactive_stores::Field;

use crate::pages::review::Review;

/// The element id of the control that edits the value at a JSON path.
pub fn field_id(path: &str) -> String {
    // `sections[2].items[3].rating` -> `sections-2-items-3-rating`
    path.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The problem with the value at `path`, once the user has tried to complete the review.
fn error_for(path: String) -> Signal<Option<String>> {
    let review = Review::use_context();
    Signal::derive(move || review.problem_at(&path))
}

#[component]
fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

fn described_by(parts: &[Option<String>]) -> Option<String> {
    let ids: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line text field with a label, an optional hint and an inline error.
#[component]
pub fn TextInput(
    /// JSON path of the value (also its id and error key).
    #[prop(into)]
    path: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The store field edited.
    field: Field<String>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Extra CSS class for the input, e.g. a width.
    #[prop(optional)]
    class: &'static str,
    /// `autocomplete` attribute value.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let review = Review::use_context();
    let id = field_id(&path);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = error_for(path.clone());
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
            <ErrorMessage id=error_id error />
            <input
                class=format!("input {class}")
                id=id
                name=path
                type="text"
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                aria-describedby=describe
                aria-invalid=move || error.get().is_some().then_some("true")
                disabled=move || review.is_completed()
                prop:value=move || field.get()
                on:input=move |ev| field.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text field (narratives, notes) with a label, hint and inline error.
#[component]
pub fn TextArea(
    /// JSON path of the value (also its id and error key).
    #[prop(into)]
    path: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The store field edited.
    field: Field<String>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let review = Review::use_context();
    let id = field_id(&path);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = error_for(path.clone());
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
            <ErrorMessage id=error_id error />
            <textarea
                class="textarea"
                id=id
                name=path
                rows=rows
                aria-describedby=describe
                aria-invalid=move || error.get().is_some().then_some("true")
                disabled=move || review.is_completed()
                prop:value=move || field.get()
                on:input=move |ev| field.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A calendar date (browser date picker; stored as `YYYY-MM-DD`).
#[component]
pub fn DateInput(
    /// JSON path of the value (also its id and error key).
    #[prop(into)]
    path: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The store field edited.
    field: Field<Option<NaiveDate>>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let review = Review::use_context();
    let id = field_id(&path);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = error_for(path.clone());
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
            <ErrorMessage id=error_id error />
            <input
                class="input input--date"
                id=id
                name=path
                type="date"
                aria-describedby=describe
                aria-invalid=move || error.get().is_some().then_some("true")
                disabled=move || review.is_completed()
                prop:value=move || field.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    // A half-typed date reads as "" in the browser: keep the last whole date.
                    if value.is_empty() {
                        field.set(None);
                    } else if let Ok(date) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                        field.set(Some(date));
                    }
                }
            />
        </div>
    }
}

/// A group of radios (a fieldset with a legend) choosing one value of `T`.
#[component]
pub fn Radios<T>(
    /// JSON path of the value (also the first radio's id and the error key).
    #[prop(into)]
    path: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// The choices and their labels.
    options: Vec<(T, &'static str)>,
    /// The store field edited.
    field: Field<Option<T>>,
    /// Help shown under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Lay the choices out side by side (for Yes / No).
    #[prop(optional)]
    inline: bool,
    /// Show the legend as a page heading-sized question.
    #[prop(optional)]
    large: bool,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let review = Review::use_context();
    let id = field_id(&path);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let error = error_for(path.clone());
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, text))| {
            let radio_id = if index == 0 {
                id.clone()
            } else {
                format!("{id}-{index}")
            };
            view! {
                <div class="radio">
                    <input
                        class="radio__input"
                        type="radio"
                        id=radio_id.clone()
                        name=path.clone()
                        disabled=move || review.is_completed()
                        prop:checked=move || field.get() == Some(value)
                        on:change=move |_| field.set(Some(value))
                    />
                    <label class="radio__label" for=radio_id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset class="fieldset" aria-describedby=describe>
                <legend class="fieldset__legend" class:fieldset__legend--large=large>{legend}</legend>
                {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
                <ErrorMessage id=error_id error />
                <div class="radios" class:radios--inline=inline>{radios}</div>
            </fieldset>
        </div>
    }
}

/// A Yes / No question.
#[component]
pub fn YesNo(
    /// JSON path of the value.
    #[prop(into)]
    path: String,
    /// The question.
    #[prop(into)]
    legend: String,
    /// The store field edited.
    field: Field<Option<bool>>,
    /// Help shown under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    match hint {
        Some(hint) => view! { <Radios path legend options=vec![(true, "Yes"), (false, "No")] field hint inline=true /> }.into_any(),
        None => view! { <Radios path legend options=vec![(true, "Yes"), (false, "No")] field inline=true /> }.into_any(),
    }
}

/// A single checkbox for a yes/no flag that is never blank (e.g. an immediate concern).
#[component]
pub fn Checkbox(
    /// JSON path of the value.
    #[prop(into)]
    path: String,
    /// The label beside the box.
    #[prop(into)]
    label: String,
    /// The store field edited.
    field: Field<bool>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let review = Review::use_context();
    let id = field_id(&path);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="form-group checkbox">
            <input
                class="checkbox__input"
                type="checkbox"
                id=id.clone()
                name=path
                aria-describedby=hint_id.clone()
                disabled=move || review.is_completed()
                prop:checked=move || field.get()
                on:change=move |ev| field.set(event_target_checked(&ev))
            />
            <label class="checkbox__label" for=id>{label}</label>
            {hint.map(|text| view! { <div class="hint checkbox__hint" id=hint_id.clone()>{text}</div> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::field_id;

    #[test]
    fn field_ids_follow_json_paths() {
        assert_eq!(
            field_id("sections[2].items[3].rating"),
            "sections-2-items-3-rating"
        );
        assert_eq!(field_id("case.child_ref"), "case-child_ref");
        assert_eq!(field_id("review.date"), "review-date");
    }
}
