//! Reading many chosen files in the browser without freezing the page: files are read a few
//! at a time (the browser reads them off the main thread), each is imported and folded into a
//! [`SnapshotBuilder`] then dropped, and the reader yields to the event loop whenever it has
//! worked for [`SLICE_MS`], so no task runs long and the progress bar moves. It can be
//! cancelled between files; what was read until then is kept.

use std::cell::Cell;
use std::rc::Rc;

use plr_core::import::{import, ImportError, MAX_FILE_BYTES};
use plr_core::snapshot::SnapshotBuilder;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long the reader works before it lets the page respond (well under the 100 ms of a
/// long task).
pub const SLICE_MS: f64 = 30.0;

/// How many files are read from disk at once.
const BATCH: usize = 32;

/// A file the user chose.
#[derive(Clone)]
pub struct Picked {
    /// The file.
    pub file: web_sys::File,
    /// Its name as shown and reported (the path within a chosen folder).
    pub name: String,
    /// Chosen as part of a folder: a file that is not a PLR export is skipped, not rejected
    /// (as `plr snapshot` does for files found in a directory).
    pub in_folder: bool,
}

impl Picked {
    /// A file chosen on its own or dropped.
    pub fn named(file: web_sys::File) -> Picked {
        Picked {
            name: file.name(),
            file,
            in_folder: false,
        }
    }

    /// A file of a chosen folder (named by its path within the folder); `None` unless it is
    /// a `.json` file, as `plr snapshot` reads only those from a directory.
    pub fn in_folder(file: web_sys::File) -> Option<Picked> {
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .unwrap_or_default();
        let name = if path.is_empty() { file.name() } else { path };
        name.ends_with(".json").then_some(Picked {
            file,
            name,
            in_folder: true,
        })
    }
}

/// Cancels a reading in progress (checked between files).
#[derive(Clone, Default)]
pub struct Cancel(Rc<Cell<bool>>);

impl Cancel {
    /// Asks the reader to stop.
    pub fn cancel(&self) {
        self.0.set(true);
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.get()
    }
}

/// How a reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Files read (counted, rejected or skipped).
    pub read: usize,
    /// Files chosen.
    pub total: usize,
    /// Stopped by [`Cancel`] before the end.
    pub cancelled: bool,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser handle input, paint and other tasks (a macrotask, not a microtask).
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The text of a problem reading a file (the wording of `plr snapshot`).
fn too_large(size: f64) -> String {
    format!(
        "the file is {size} bytes, larger than the {} MB limit",
        MAX_FILE_BYTES / 1_000_000
    )
}

/// Folds one file's bytes into the builder: counted, rejected (with JSON paths) or skipped.
pub fn fold(builder: &mut SnapshotBuilder, picked: &Picked, bytes: Result<Vec<u8>, String>) {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(why) => return builder.reject(&picked.name, vec![("$".into(), why)]),
    };
    match import(&bytes) {
        Ok(imported) => builder.add(&imported.plr, &picked.name),
        Err(ImportError::NotAPlr) if picked.in_folder => builder.skip(),
        Err(ImportError::NotAPlr) => builder.reject(
            &picked.name,
            vec![("$".into(), ImportError::NotAPlr.to_string())],
        ),
        Err(other) => builder.reject(
            &picked.name,
            other
                .problems()
                .into_iter()
                .map(|p| (p.path, p.message))
                .collect(),
        ),
    }
}

/// Starts reading a file (at once: the browser reads it in the background).
fn start_read(file: &web_sys::File) -> Result<JsFuture, String> {
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(too_large(file.size()));
    }
    Ok(JsFuture::from(file.array_buffer()))
}

async fn bytes_of(reading: Result<JsFuture, String>) -> Result<Vec<u8>, String> {
    let buffer = reading?
        .await
        .map_err(|e| format!("cannot read: {}", describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser could not read it".into())
}

/// Reads every file into `builder`, calling `progress(read, total)` as it goes.
pub async fn read_files(
    files: &[Picked],
    builder: &mut SnapshotBuilder,
    cancel: &Cancel,
    mut progress: impl FnMut(usize, usize),
) -> Outcome {
    let total = files.len();
    let mut read = 0;
    let mut slice_start = now();
    progress(0, total);
    for batch in files.chunks(BATCH) {
        // Start the batch's reads together; the browser does them off the main thread.
        let reads: Vec<_> = batch.iter().map(|p| start_read(&p.file)).collect();
        for (picked, pending) in batch.iter().zip(reads) {
            if cancel.is_cancelled() {
                return Outcome {
                    read,
                    total,
                    cancelled: true,
                };
            }
            let bytes = bytes_of(pending).await;
            fold(builder, picked, bytes);
            read += 1;
            if now() - slice_start > SLICE_MS {
                progress(read, total);
                yield_to_page().await;
                slice_start = now();
            }
        }
        progress(read, total);
    }
    Outcome {
        read,
        total,
        cancelled: cancel.is_cancelled() && read < total,
    }
}
