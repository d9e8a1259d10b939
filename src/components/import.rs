//! "Open a downloaded review": brings an exported JSON file back onto this device (to carry
//! on with a draft started elsewhere). The file is untrusted: the core checks it, and every
//! problem is shown with where it is in the file. Nothing already on this device is replaced
//! without asking.

use leptos::prelude::*;
use plr_core::import::{import, MAX_FILE_BYTES};
use plr_core::Plr;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::{browser, storage};

/// What happened to the file the user chose.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Saved on this device.
    Opened {
        plr: Box<Plr>,
        file: String,
        warnings: Vec<String>,
    },
    /// The file cannot be used: each problem names where it is in the file.
    Refused { file: String, problems: Vec<String> },
    /// A different copy of the same review is already here: the user chooses.
    AlreadyHere {
        plr: Box<Plr>,
        file: String,
        local: Box<Plr>,
    },
}

fn case_name(plr: &Plr) -> String {
    if plr.case.child_ref.trim().is_empty() {
        "a review with no case reference".into()
    } else {
        format!("the review for {}", plr.case.child_ref)
    }
}

async fn read(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The browser could not read the file.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file is not text.".to_string())
}

fn outcome_of(file: String, text: &str) -> Outcome {
    match import(text.as_bytes()) {
        Err(error) => Outcome::Refused {
            file,
            problems: error.problems().iter().map(|p| p.plain()).collect(),
        },
        Ok(imported) => {
            let warnings = imported.warnings.iter().map(|p| p.plain()).collect();
            match storage::load(imported.plr.id) {
                Ok(local) if local != imported.plr => Outcome::AlreadyHere {
                    plr: Box::new(imported.plr),
                    file,
                    local: Box::new(local),
                },
                _ => Outcome::Opened {
                    plr: Box::new(imported.plr),
                    file,
                    warnings,
                },
            }
        }
    }
}

/// The file picker and what it reports.
#[component]
pub fn ImportReview(
    /// Called after a review was saved on this device.
    on_imported: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    let save = move |plr: Plr, file: String, warnings: Vec<String>| {
        match storage::save(&plr, "") {
            Ok(_) => {
                outcome.set(Some(Outcome::Opened {
                    plr: Box::new(plr),
                    file,
                    warnings,
                }));
                on_imported();
            }
            Err(e) => outcome.set(Some(Outcome::Refused {
                file,
                problems: vec![e.to_string()],
            })),
        }
        browser::focus_after_render("import-result");
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            outcome.set(Some(Outcome::Refused {
                file: name,
                problems: vec![
                    "The file is larger than the 5 MB limit, so it was not read.".into(),
                ],
            }));
            browser::focus_after_render("import-result");
            return;
        }
        leptos::task::spawn_local(async move {
            let result = match read(&file).await {
                Ok(text) => outcome_of(name, &text),
                Err(problem) => Outcome::Refused {
                    file: name,
                    problems: vec![problem],
                },
            };
            match result {
                Outcome::Opened {
                    plr,
                    file,
                    warnings,
                } => save(*plr, file, warnings),
                other => {
                    outcome.set(Some(other));
                    browser::focus_after_render("import-result");
                }
            }
        });
    };

    let report = move || {
        outcome.get().map(|result| match result {
            Outcome::Opened { plr, file, warnings } => {
                let href = format!("/review/{}", plr.id);
                view! {
                    <div class="notice notice--success" id="import-result" tabindex="-1" role="status">
                        <p>{format!("Opened {} from {file}. {}", case_name(&plr), if storage::is_kept() {
                            "It is now saved on this device."
                        } else {
                            "It is kept in this tab only, until you close it."
                        })}</p>
                        {(!warnings.is_empty()).then(|| view! {
                            <ul class="list">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        })}
                        <p><a href=href>{format!("Go to {}", case_name(&plr))}</a></p>
                    </div>
                }
                .into_any()
            }
            Outcome::Refused { file, problems } => view! {
                <div class="error-summary" id="import-result" tabindex="-1" role="alert" aria-labelledby="import-problem">
                    <h2 class="error-summary__title" id="import-problem">{format!("{file} could not be opened")}</h2>
                    <p>"Nothing on this device was changed. Where the file is wrong:"</p>
                    <ul class="error-summary__list import-problems">
                        {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Outcome::AlreadyHere { plr, file, local } => {
                let (theirs, ours) = (browser::local_date_time(plr.updated_at), browser::local_date_time(local.updated_at));
                let replace = move |_| save((*plr).clone(), file.clone(), Vec::new());
                view! {
                    <div class="warning" id="import-result" tabindex="-1" role="alertdialog" aria-labelledby="import-question">
                        <p id="import-question"><strong>{format!(
                            "A different copy of {} is already on this device (saved {ours}). The file was saved {theirs}.",
                            case_name(&local)
                        )}</strong></p>
                        <button type="button" class="button button--warning" on:click=replace>"Replace the copy on this device"</button>
                        " "
                        <button type="button" class="button button--secondary" on:click=move |_| outcome.set(None)>"Keep the copy on this device"</button>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="form-group import">
            <label class="label" for="import-file">"Open a downloaded review (JSON file)"</label>
            <div class="hint" id="import-file-hint">"To carry on with a review started in another browser. The file stays on this device."</div>
            <input class="file" type="file" id="import-file" accept=".json,application/json"
                aria-describedby="import-file-hint" on:change=on_change />
        </div>
        {report}
    }
}
