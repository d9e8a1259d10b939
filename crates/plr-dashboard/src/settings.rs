//! The snapshot settings file (`schema/snapshot-settings.schema.json`): targets, the monthly
//! baseline and the moderators' capacity, read by the core's [`Settings::from_json`] as
//! `plr snapshot --settings` and `plr report --settings` read it, so both rate alike.

use leptos::prelude::*;
use plr_report::snapshot::Settings;

use crate::reader::read_chosen_file;
use crate::state::State;

/// "Choose a settings file (JSON)": its targets and baseline used at once; one that cannot be
/// used is named with its problem and the defaults stay.
#[component]
pub fn SettingsInput() -> impl IntoView {
    let state = expect_context::<State>();
    let said = RwSignal::new(None::<Result<String, String>>);
    let chosen = move |ev: leptos::ev::Event| {
        read_chosen_file(&ev, move |name, bytes| {
            let read = match bytes.and_then(|b| String::from_utf8(b).ok()) {
                Some(text) => Settings::from_json(&text).map_err(|e| e.to_string()),
                None => Err("it could not be read as text".to_string()),
            };
            match read {
                Ok(settings) => {
                    state.settings.set(settings);
                    said.set(Some(Ok(format!(
                        "{name}: its targets and baseline are used."
                    ))));
                }
                Err(why) => {
                    state.settings.set(Settings::default());
                    said.set(Some(Err(format!(
                        "{name} could not be used ({why}): the usual targets and baseline are used."
                    ))));
                }
            }
        });
    };
    view! {
        <div class="form-group">
            <label class="label" for="settings">"Choose a settings file (JSON, optional)"</label>
            <div class="hint" id="settings-hint">"Targets, the monthly baseline of audits and the moderators' capacity, as plr snapshot --settings reads them."</div>
            <input class="file" id="settings" type="file" accept=".json,application/json" aria-describedby="settings-hint" on:change=chosen />
            {move || said.get().map(|s| match s {
                Ok(text) => view! { <p id="settings-status" aria-live="polite">{text}</p> }.into_any(),
                Err(text) => view! { <p id="settings-status" class="error-message" role="alert">{text}</p> }.into_any(),
            })}
        </div>
    }
}
