//! "Open a downloaded review": brings exported JSON files back onto this device (to carry on
//! with a draft started elsewhere, or to merge another device's copy). One or several files,
//! chosen or dropped; each is listed with what happened to it. A file is untrusted: the core
//! checks it, and every problem is shown with where it is in the file. Nothing already on this
//! device is replaced without asking: a different copy of a review already here can be merged
//! ([`super::merge`]), replace it, or be left.
//!
//! The picker and the reading of the files are in the form's first load; what happens to the
//! files (import's checks, the merge, the outcomes drawn) is [`results`], a part of the
//! WebAssembly loaded on demand the first time files are chosen (see `crate::split`).

use leptos::prelude::*;
use plr_core::import::{import, MAX_FILE_BYTES};
use plr_core::merge::{merge, Merge};
use plr_core::{Framework, Plr};
use wasm_bindgen_futures::JsFuture;

use super::merge::MergeChoices;
use crate::address::ReviewPage;
use crate::components::error_summary::{error_summary, Listed};
use crate::{browser, storage};

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Saved on this device; `merged` when it was merged into the copy already here.
    Opened {
        plr: Box<Plr>,
        file: String,
        warnings: Vec<String>,
        merged: bool,
    },
    /// Nothing changed on this device: `why`.
    Unchanged {
        plr: Box<Plr>,
        file: String,
        why: &'static str,
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

impl Outcome {
    /// How the summary of several files counts it.
    fn kind(&self) -> &'static str {
        match self {
            Outcome::Opened { merged: false, .. } => "opened",
            Outcome::Opened { merged: true, .. } => "merged",
            Outcome::Unchanged { .. } => "already on this device",
            Outcome::Refused { .. } => "could not be opened",
            Outcome::AlreadyHere { .. } => "needs a choice",
        }
    }
}

/// "the review for LL-482913", for sentences.
pub(crate) fn case_name(plr: &Plr) -> String {
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
            let plr = Box::new(imported.plr);
            match storage::load(plr.id) {
                Ok(local) if local == *plr => Outcome::Unchanged {
                    plr,
                    file,
                    why: "This copy is already on this device, so nothing changed.",
                },
                Ok(local) => Outcome::AlreadyHere {
                    plr,
                    file,
                    local: Box::new(local),
                },
                _ => saved(
                    *plr,
                    file,
                    imported.warnings.iter().map(|p| p.plain()).collect(),
                    false,
                ),
            }
        }
    }
}

/// Saves `plr` on this device: opened (or merged), or refused with the storage's reason. A
/// review opened exactly as its file holds it (not merged, nothing recomputed) counts as
/// downloaded: the user has that file, so it is not listed as waiting to be downloaded.
fn saved(plr: Plr, file: String, warnings: Vec<String>, merged: bool) -> Outcome {
    match storage::save(&plr, &ReviewPage::TASK_LIST) {
        Ok(_) => {
            if !merged && warnings.is_empty() {
                // Only the home page's reminder depends on it: a failure to note it loses nothing.
                let _ = storage::mark_downloaded(&plr);
            }
            Outcome::Opened {
                plr: Box::new(plr),
                file,
                warnings,
                merged,
            }
        }
        Err(e) => Outcome::Refused {
            file,
            problems: vec![e.to_string()],
        },
    }
}

/// One chosen file, read on the main module: its name, and its text or why it was not read.
type ReadFile = (String, Result<String, String>);

async fn read_file(file: web_sys::File) -> ReadFile {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        return (
            name,
            Err("The file is larger than the 5 MB limit, so it was not read.".into()),
        );
    }
    (name, read(&file).await)
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|n| list.get(n)).collect()
}

/// A merge waiting for the user's choices: which outcome it settles, and its pieces.
#[derive(Clone)]
struct Merging {
    at: usize,
    merge: Merge,
    local: Plr,
    file: String,
}

/// The file picker and the drop zone; what happened to each file is drawn under them once the
/// files are read, by [`results`].
#[component]
pub fn ImportReview(
    /// Called after a review was saved on this device.
    on_imported: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let on_imported = Callback::new(move |()| on_imported());
    // The files last read, taken by the part that imports them; `batch` counts the choices.
    let files_read = StoredValue::new(Vec::<ReadFile>::new());
    let batch = RwSignal::new(0_u32);
    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in files {
                read.push(read_file(file).await);
            }
            files_read.set_value(read);
            batch.update(|n| *n += 1);
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        take(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let outcomes = move || {
        (batch.get() > 0).then(|| {
            let read = files_read
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            draw_results(read, on_imported)
        })
    };

    view! {
        <div class="form-group import" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <label class="label" for="import-file">"Open a downloaded review (JSON file)"</label>
            <div class="hint" id="import-file-hint">"To carry on with a review started in another browser, or to merge another device's copy into the one here. Choose one or more files, or drag and drop them here. The files stay on this device."</div>
            <input class="file" type="file" id="import-file" accept=".json,application/json" multiple
                aria-describedby="import-file-hint" on:change=on_change />
        </div>
        {outcomes}
    }
}

/// [`results`], from a part of the WebAssembly loaded on demand in the release build (`--cfg
/// plr_split`): import's checks, the merge and these views are not in the form's first load.
/// `fallible`, as the review's pages (`pages::lazy`): a part that cannot be fetched is said
/// where the outcomes would be, instead of stopping the app.
#[cfg(plr_split)]
#[leptos::wasm_split::wasm_split(
    import_results,
    wasm_split_path = ::leptos::wasm_split,
    preload(#[allow(dead_code)] preload_import_results),
    fallible
)]
fn results_part(
    read: Vec<ReadFile>,
    on_imported: Callback<()>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(results(read, on_imported))
}

#[cfg(plr_split)]
fn draw_results(read: Vec<ReadFile>, on_imported: Callback<()>) -> AnyView {
    crate::split::when_loaded(results_part(read, on_imported), not_fetched)
}

#[cfg(not(plr_split))]
fn draw_results(read: Vec<ReadFile>, on_imported: Callback<()>) -> AnyView {
    results(read, on_imported)
}

/// The part that opens files could not be fetched: nothing was imported, and nothing on this
/// device changed.
#[cfg(plr_split)]
fn not_fetched() -> AnyView {
    browser::focus_after_render("import-result-0");
    // Drawn by the main module (the part that opens files is what could not be fetched), so
    // written out here rather than through `error_summary`, which lives with the parts.
    view! {
        <div class="error-summary" id="import-result-0" tabindex="-1" role="alert" aria-labelledby="import-result-0-title">
            <h2 class="error-summary__title" id="import-result-0-title">"The files could not be opened"</h2>
            <p>"The browser could not fetch the part of the app that opens files. Check your connection, then choose the files again. Nothing on this device was changed."</p>
        </div>
    }
    .into_any()
}

/// What happened to each file read: imported one at a time (so that two copies of one review
/// in one batch meet: the second finds the first on this device), then drawn with their
/// choices.
fn results(read: Vec<ReadFile>, on_imported: Callback<()>) -> AnyView {
    let outcomes: Vec<Outcome> = read
        .into_iter()
        .map(|(file, text)| match text {
            Ok(text) => outcome_of(file, &text),
            Err(problem) => Outcome::Refused {
                file,
                problems: vec![problem],
            },
        })
        .collect();
    if outcomes.iter().any(|o| matches!(o, Outcome::Opened { .. })) {
        on_imported.run(());
    }
    browser::focus_after_render(if outcomes.len() == 1 {
        "import-result-0"
    } else {
        "import-results"
    });
    view! { <Results outcomes on_imported /> }.into_any()
}

/// The outcomes of one choice of files, and a merge under way.
#[component]
fn Results(outcomes: Vec<Outcome>, on_imported: Callback<()>) -> impl IntoView {
    let outcomes = RwSignal::new(outcomes);
    let merging = RwSignal::new(None::<Merging>);
    let settle = move |at: usize, outcome: Outcome| {
        let opened = matches!(outcome, Outcome::Opened { .. });
        outcomes.update(|o| {
            if let Some(slot) = o.get_mut(at) {
                *slot = outcome;
            }
        });
        if opened {
            on_imported.run(());
        }
        browser::focus_after_render(format!("import-result-{at}"));
    };
    let start_merge = move |at: usize| {
        let Some(Outcome::AlreadyHere { plr, file, local }) = outcomes.with(|o| o.get(at).cloned())
        else {
            return;
        };
        let framework = Framework::practice_fundamentals();
        let refused = |file: String, e: &dyn std::fmt::Display| Outcome::Refused {
            file,
            problems: vec![format!("The two copies cannot be merged: {e}.")],
        };
        match merge(&local, &plr, framework) {
            Err(e) => settle(at, refused(file, &e)),
            Ok(m) if m.conflicts().is_empty() => match m.resolve(&[], framework) {
                Ok(merged) => settle(at, saved(merged, file, Vec::new(), true)),
                Err(e) => settle(at, refused(file, &e)),
            },
            Ok(m) => {
                merging.set(Some(Merging {
                    at,
                    merge: m,
                    local: *local,
                    file,
                }));
                browser::focus_after_render("merge-heading");
            }
        }
    };

    let list = move || {
        let all = outcomes.get();
        let single = all.len() == 1;
        let summary = (!single && !all.is_empty()).then(|| {
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for outcome in &all {
                match counts.iter_mut().find(|(k, _)| *k == outcome.kind()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((outcome.kind(), 1)),
                }
            }
            let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
            format!("{} files read: {}.", all.len(), parts.join(", "))
        });
        let items = all
            .into_iter()
            .enumerate()
            .map(|(at, outcome)| {
                view! { <OutcomeView at outcome single start_merge=Callback::new(start_merge) settle=Callback::new(move |(at, o)| settle(at, o)) /> }
            })
            .collect_view();
        view! {
            <div class="import-results">
                <p id="import-results" tabindex="-1" role="status">{summary}</p>
                {items}
            </div>
        }
    };
    move || match merging.get() {
        Some(Merging {
            at,
            merge,
            local,
            file,
        }) => {
            let on_cancel = Callback::new(move |()| {
                merging.set(None);
                browser::focus_after_render(format!("import-result-{at}"));
            });
            view! { <MergeChoices merge local file on_cancel /> }.into_any()
        }
        None => list().into_any(),
    }
}

/// One file's outcome, with its choices when the review is already here.
#[component]
fn OutcomeView(
    at: usize,
    outcome: Outcome,
    /// The only file chosen: its outcome is announced itself.
    single: bool,
    start_merge: Callback<usize>,
    settle: Callback<(usize, Outcome)>,
) -> impl IntoView {
    let id = format!("import-result-{at}");
    let go = |plr: &Plr| {
        view! { <p><a href=ReviewPage::TASK_LIST.href(plr.id)>{format!("Go to {}", case_name(plr))}</a></p> }
    };
    match outcome {
        Outcome::Opened {
            plr,
            file,
            warnings,
            merged,
        } => {
            let kept = if storage::is_kept() {
                "It is now saved on this device."
            } else {
                "It is kept in this tab only, until you close it."
            };
            let said = if merged {
                format!(
                    "Merged {file} into the copy of {} on this device. {kept}",
                    case_name(&plr)
                )
            } else {
                format!("Opened {} from {file}. {kept}", case_name(&plr))
            };
            view! {
                <div class="notice notice--success" id=id tabindex="-1" role=single.then_some("status")>
                    <p>{said}</p>
                    {(!warnings.is_empty()).then(|| view! {
                        <ul class="list">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    })}
                    {go(&plr)}
                </div>
            }
            .into_any()
        }
        Outcome::Unchanged { plr, file, why } => view! {
            <div class="notice" id=id tabindex="-1" role=single.then_some("status")>
                <p>{format!("{file}: {}. {why}", case_name(&plr))}</p>
                {go(&plr)}
            </div>
        }
        .into_any(),
        Outcome::Refused { file, problems } => {
            let intro = "Nothing on this device was changed. Where the file is wrong:";
            let problems = problems.into_iter().map(|text| Listed { text, to: None });
            let title = format!("{file} could not be opened");
            error_summary(&id, title, Some(intro.into()), problems.collect(), single).into_any()
        }
        Outcome::AlreadyHere { plr, file, local } => {
            let (theirs, ours) = (
                browser::local_date_time(plr.updated_at),
                browser::local_date_time(local.updated_at),
            );
            let (question, labelled_by) = (format!("{id}-question"), format!("{id}-question"));
            let (replace_file, keep_file, keep_plr) = (file.clone(), file.clone(), plr.clone());
            let replace = move |_| {
                settle.run((
                    at,
                    saved((*plr).clone(), replace_file.clone(), Vec::new(), false),
                ))
            };
            let keep = move |_| {
                settle.run((
                    at,
                    Outcome::Unchanged {
                        plr: keep_plr.clone(),
                        file: keep_file.clone(),
                        why: "You kept the copy on this device, so nothing changed.",
                    },
                ))
            };
            view! {
                <div class="warning" id=id tabindex="-1" role="group" aria-labelledby=labelled_by>
                    <p id=question><strong>{format!(
                        "A different copy of {} is already on this device (saved {ours}). {file} was saved {theirs}.",
                        case_name(&local)
                    )}</strong></p>
                    <button type="button" class="button" on:click=move |_| start_merge.run(at)>"Merge the two copies"</button>
                    " "
                    <button type="button" class="button button--warning" on:click=replace>"Replace the copy on this device"</button>
                    " "
                    <button type="button" class="button button--secondary" on:click=keep>"Keep the copy on this device"</button>
                </div>
            }
            .into_any()
        }
    }
}
