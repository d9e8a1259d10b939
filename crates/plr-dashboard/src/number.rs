//! A whole number typed in a labelled number input: the sample sizes, shares and seeds of the
//! moderation sample and the Ambassadors' sample.

use leptos::prelude::*;

/// A labelled number input (`width`: its width class) showing `value`, no lower than 0 and no
/// higher than `max` if given; `set` is called with each whole number typed (above `max`, with
/// `max`), and anything else typed is left unset.
pub fn number_question(
    id: &'static str,
    label: &'static str,
    width: &'static str,
    max: Option<u64>,
    value: Signal<u64>,
    set: Callback<u64>,
) -> AnyView {
    view! {
        <div class="form-group no-print">
            <label class="label" for=id>{label}</label>
            <input class=format!("input {width}") id=id type="number" min="0" max=max
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                        set.run(max.map_or(v, |max| v.min(max)));
                    }
                } />
        </div>
    }
    .into_any()
}
