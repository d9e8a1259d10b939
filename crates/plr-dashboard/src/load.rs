//! Loading: a file picker (many files, or zips of them), a whole folder, drag and drop, and this device's
//! completed reviews; a progress bar with its text and a cancel button while reading.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plr_core::import::import;
use plr_core::stored::is_draft_key;
use plr_core::Status;
use plr_report::snapshot::SnapshotBuilder;
use plr_report::zipped::grouped;

use crate::files::{can_open_folders, file_of, list_folder, may_write_in, pick_folder, Source};
use crate::reader::{read_files, Cancel, Outcome, Picked, SLICE_MS};
use crate::remembered::{last_folder, remember_folder};
use crate::representation::AllocationInput;
use crate::settings::SettingsInput;
use crate::state::State;
use crate::timing::{measure_since, now};

/// `5,000` ([`grouped`]).
pub fn thousands(n: usize) -> String {
    grouped(n as u64)
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Reads this device's completed reviews into a builder (read-only: nothing is changed).
/// An entry that cannot be read is rejected once: `reported` keeps the keys already listed,
/// so including the reviews again does not list it twice (reviews are de-duplicated by id).
fn device_reviews(reported: &mut HashSet<String>) -> (SnapshotBuilder, usize) {
    let mut builder = SnapshotBuilder::new();
    let mut added = 0;
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return (builder, 0);
    };
    let length = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_draft_key(k))
        .collect();
    for key in keys {
        let Ok(Some(text)) = storage.get_item(&key) else {
            continue;
        };
        let name = format!("this device: {key}");
        match import(text.as_bytes()) {
            Ok(imported) if imported.plr.status == Status::Completed => {
                builder.add(&imported.plr, &name);
                added += 1;
            }
            Ok(_) => {}
            Err(e) => {
                if reported.insert(key.clone()) {
                    let problems = e.problems().into_iter();
                    builder.reject(&name, problems.map(|p| (p.path, p.message)).collect());
                }
            }
        }
    }
    (builder, added)
}

/// The loading panel.
#[component]
pub fn LoadPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let progress = RwSignal::new(None::<(usize, usize)>);
    let outcome = RwSignal::new(None::<Outcome>);
    let device = RwSignal::new(None::<usize>);
    let cancel = StoredValue::new_local(Cancel::default());
    let reading = move || progress.get().is_some();

    let start = move |files: Vec<Picked>| {
        if files.is_empty() || progress.get_untracked().is_some() {
            return;
        }
        let stop = Cancel::default();
        cancel.set_value(stop.clone());
        outcome.set(None);
        spawn_local(async move {
            let mut builder = SnapshotBuilder::new();
            let done = read_files(&files, &mut builder, &stop, SLICE_MS, |read, total| {
                progress.set(Some((read, total)))
            })
            .await;
            let shown = now();
            state.builder.update(|b| b.merge(builder));
            progress.set(None);
            outcome.set(Some(done));
            state.draw().await;
            measure_since("plr:draw", shown);
        });
    };
    let picked = move |ev: leptos::ev::Event, folder: bool| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        let files: Vec<Picked> = if folder {
            files.into_iter().filter_map(Picked::in_folder).collect()
        } else {
            files.into_iter().map(Picked::named).collect()
        };
        input.set_value("");
        for p in &files {
            state
                .files
                .remember(&p.name, Source::Chosen(p.file.clone()));
        }
        start(files);
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files: Vec<Picked> = files_of(ev.data_transfer().and_then(|d| d.files()))
            .into_iter()
            .map(Picked::named)
            .collect();
        for p in &files {
            state
                .files
                .remember(&p.name, Source::Chosen(p.file.clone()));
        }
        start(files);
    };
    // A folder opened to read and write: a Head of Service update recorded here is saved
    // back into its file (where the browser allows it; else the changed files download).
    let folder_problem = RwSignal::new(None::<String>);
    // The folder opened last time in this browser, offered again (next month's exports are
    // usually saved into the same folder).
    let again = RwSignal::new_local(None::<web_sys::FileSystemDirectoryHandle>);
    if can_open_folders() {
        spawn_local(async move { again.set(last_folder().await) });
    }
    let read_folder = move |folder: web_sys::FileSystemDirectoryHandle| async move {
        let name = folder.name();
        let handles = match list_folder(folder.clone()).await {
            Ok(handles) => handles,
            Err(why) => {
                folder_problem.set(Some(format!(
                    "The folder {name} could not be opened: {why}."
                )));
                return;
            }
        };
        remember_folder(&folder).await;
        again.set(Some(folder));
        let mut files = Vec::with_capacity(handles.len());
        for (name, handle) in handles {
            match file_of(&handle).await {
                Ok(file) => {
                    state.files.remember(&name, Source::InFolder(handle));
                    files.push(Picked { file, name });
                }
                Err(why) => folder_problem.set(Some(format!("{name} could not be read: {why}."))),
            }
        }
        start(files);
    };
    let open_writable = move |_| {
        folder_problem.set(None);
        spawn_local(async move {
            match pick_folder().await {
                Ok(Some(folder)) => read_folder(folder).await,
                Ok(None) => {}
                Err(why) => {
                    folder_problem.set(Some(format!("The folder could not be opened: {why}.")))
                }
            }
        });
    };
    let open_again = move |_| {
        folder_problem.set(None);
        let Some(folder) = again.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if may_write_in(&folder).await {
                read_folder(folder).await;
            } else {
                folder_problem.set(Some(format!(
                    "The browser did not allow reading the folder {}: open it with the button above.",
                    folder.name()
                )));
            }
        });
    };
    let reported = StoredValue::new(HashSet::new());
    let include_device = move |_| {
        let (builder, added) = reported
            .try_update_value(device_reviews)
            .unwrap_or_default();
        state.builder.update(|b| b.merge(builder));
        device.set(Some(added));
        spawn_local(state.draw());
    };

    // `webkitdirectory` is not an attribute the view macro knows: set it on the element.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    view! {
        <section class="load no-print" aria-labelledby="load-heading">
            <h2 id="load-heading">"Load exported reviews"</h2>
            <p class="hint">"The files are read in this browser only: nothing is uploaded."</p>
            <div class="form-group">
                <label class="label" for="files">"Choose export files or a zip of them"</label>
                <p class="hint" id="files-hint">"JSON exports, or .zip files of them (folders inside a zip are read too)."</p>
                <input class="file" id="files" type="file" multiple aria-describedby="files-hint"
                    accept=".json,.zip,application/json,application/zip"
                    on:change=move |ev| picked(ev, false) />
            </div>
            <div class="form-group">
                <label class="label" for="folder">"Or choose a whole folder"</label>
                <input class="file" id="folder" type="file" node_ref=folder
                    on:change=move |ev| picked(ev, true) />
            </div>
            <Show when=can_open_folders>
                <div class="form-group">
                    <button type="button" class="button button--secondary" id="open-folder" on:click=open_writable>
                        "Open a folder to read and save updates in"
                    </button>
                    <p class="hint">"Head of Service updates recorded here are then saved into the folder's files (your browser asks once for permission)."</p>
                    {move || again.get().map(|folder| {
                        let name = folder.name();
                        view! {
                            <button type="button" class="button button--secondary" id="open-again" on:click=open_again>
                                {format!("Open the folder {name} again")}
                            </button>
                            <p class="hint">"The folder opened last time in this browser, with any exports saved into it since. Your browser may ask again for permission."</p>
                        }
                    })}
                    {move || folder_problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                </div>
            </Show>
            <div class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=dropped>
                "Or drag and drop export files here (or zips of them)"
            </div>
            <AllocationInput />
            <SettingsInput />
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=include_device>
                    "Include the reviews on this device"
                </button>
            </div>
            <Show when=reading>
                <div class="reading">
                    <label class="label" for="reading-progress">"Reading files"</label>
                    <progress id="reading-progress"
                        max=move || progress.get().map_or(0, |p| p.1)
                        value=move || progress.get().map_or(0, |p| p.0)></progress>
                    <p aria-live="polite">{move || progress.get().map(|(read, total)| {
                        format!("Reading {} of {} files", thousands(read), thousands(total))
                    })}</p>
                    <button type="button" class="button button--warning"
                        on:click=move |_| cancel.with_value(Cancel::cancel)>"Cancel reading"</button>
                </div>
            </Show>
            <p class="load-status" role="status">
                {move || outcome.get().map(|o| if o.cancelled {
                    format!("Reading cancelled: {} of {} files were read and are included.", thousands(o.read), thousands(o.total))
                } else {
                    format!("Read {} {}.", thousands(o.read), if o.read == 1 { "file" } else { "files" })
                })}
                {move || device.get().map(|n| format!(" Included {n} completed reviews from this device."))}
            </p>
        </section>
    }
}
