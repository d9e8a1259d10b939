//! Reading many chosen files in the browser without freezing the page: a window of files is
//! streamed ahead (the browser reads them off the main thread), each is imported and folded
//! into a [`SnapshotBuilder`] then dropped, and the reader yields to the event loop whenever it
//! has worked for [`SLICE_MS`], so no task runs long and the progress bar moves. It can be
//! cancelled between files; what was read until then is kept.
//!
//! A chosen `.zip` is read whole into memory, then its `.json` entries are unpacked one by one
//! ([`plr_report::zipped`]) and folded the same way, with the same progress, yielding and cancel:
//! each entry counts as a file, named `archive.zip/folder/file.json`.

use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;

use plr_core::import::{import, MAX_FILE_BYTES};
use plr_report::snapshot::SnapshotBuilder;
use plr_report::zipped::{is_zip_name, zip_too_large, Archive, MAX_ZIP_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::timing::{measure, measure_since, now};

/// How long the reader works before it lets the page respond (well under the 100 ms of a
/// long task).
pub const SLICE_MS: f64 = 30.0;

/// How many files are being read ahead of the one being imported.
const AHEAD: usize = 32;

/// A file the user chose.
#[derive(Clone)]
pub struct Picked {
    /// The file.
    pub file: web_sys::File,
    /// Its name as shown and reported (the path within a chosen folder).
    pub name: String,
}

impl Picked {
    /// A file chosen on its own or dropped.
    pub fn named(file: web_sys::File) -> Picked {
        Picked {
            name: file.name(),
            file,
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
        name.ends_with(".json").then_some(Picked { file, name })
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

/// Folds one file's bytes into the builder by the core's rule ([`SnapshotBuilder::add_import`]):
/// counted, skipped (not a review export) or rejected (with JSON paths).
pub fn fold(builder: &mut SnapshotBuilder, picked: &Picked, bytes: Result<Vec<u8>, String>) {
    fold_named(builder, &picked.name, bytes);
}

/// [`fold`] for a file named `name` (a zip's entry is named by its path in the zip).
fn fold_named(builder: &mut SnapshotBuilder, name: &str, bytes: Result<Vec<u8>, String>) {
    match bytes {
        Ok(bytes) => {
            let imported = import(&bytes);
            builder.add_import(name, imported.as_ref().map(|i| &i.plr), true);
        }
        Err(why) => builder.reject(name, vec![("$".into(), why)]),
    }
}

/// A whole zip file's bytes, refused over [`MAX_ZIP_BYTES`] before it is read.
async fn whole_zip(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_ZIP_BYTES as f64 {
        return Err(zip_too_large(file.size() as u64));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("cannot read: {}", describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Starts reading a file at once (the browser streams it off the main thread while earlier
/// files are imported). A stream, not `File.arrayBuffer()`, because it stops at the size
/// limit without reading a larger file whole, and because asking a chosen file its size or
/// for its whole buffer costs the main thread about a millisecond a file in Chromium, while
/// starting a stream costs almost nothing.
fn start_read(file: &web_sys::File) -> JsFuture {
    let file = file.clone();
    JsFuture::from(wasm_bindgen_futures::future_to_promise(async move {
        chunks_of(&file)
            .await
            .map(JsValue::from)
            .map_err(JsValue::from)
    }))
}

/// The file's bytes as the stream gave them (an array of `Uint8Array`s).
async fn chunks_of(file: &web_sys::File) -> Result<js_sys::Array, String> {
    let reader = file
        .stream()
        .get_reader()
        .dyn_into::<web_sys::ReadableStreamDefaultReader>()
        .map_err(|e| format!("cannot read: {}", describe(&e)))?;
    let chunks = js_sys::Array::new();
    let mut length = 0;
    loop {
        let result = JsFuture::from(reader.read())
            .await
            .map_err(|e| format!("cannot read: {}", describe(&e)))?
            .unchecked_into::<web_sys::ReadableStreamReadResult>();
        if result.get_done().unwrap_or(true) {
            return Ok(chunks);
        }
        let chunk = result
            .get_value()
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| "cannot read: the browser gave something other than bytes".to_string())?;
        length += chunk.length() as usize;
        if length > MAX_FILE_BYTES {
            let _ = reader.cancel();
            return Err(too_large(file.size()));
        }
        chunks.push(&chunk);
    }
}

/// The bytes of a read started by [`start_read`], copied into WebAssembly memory.
async fn bytes_of(reading: JsFuture) -> Result<Vec<u8>, String> {
    let chunks = reading
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| describe(&e)))?;
    let chunks = chunks.unchecked_into::<js_sys::Array>();
    let mut bytes = Vec::new();
    for chunk in chunks.iter() {
        let chunk = chunk.unchecked_into::<js_sys::Uint8Array>();
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
    Ok(bytes)
}

fn describe(error: &JsValue) -> String {
    describe_or(error, "the browser could not read it")
}

/// What the browser said went wrong (an `Error`'s message, or a string), else `fallback`.
pub(crate) fn describe_or(error: &JsValue, fallback: &str) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| fallback.into())
}

/// Reads every file into `builder`, calling `progress(read, total)` and giving the page the
/// main thread each time it has worked for `slice_ms` (the app passes [`SLICE_MS`]; 0 reports
/// after every file). Cancelling takes effect between files.
///
/// The `.zip` files among them are read after the others, one at a time, each entry a file:
/// once a zip is opened, `total` counts its `.json` entries instead of the zip. A zip that
/// cannot be read or opened (not a zip, too large, too many entries) is rejected under its
/// name, as a file is.
pub async fn read_files(
    files: &[Picked],
    builder: &mut SnapshotBuilder,
    cancel: &Cancel,
    slice_ms: f64,
    mut progress: impl FnMut(usize, usize),
) -> Outcome {
    let (zips, files): (Vec<&Picked>, Vec<&Picked>) =
        files.iter().partition(|p| is_zip_name(&p.name));
    let mut total = files.len() + zips.len();
    let mut read = 0;
    let started = now();
    let mut slice_start = started;
    let stopped = |read, total| Outcome {
        read,
        total,
        cancelled: true,
    };
    // Where the time goes, as User Timing entries (totals over all files).
    let (mut waiting, mut folding) = (0.0, 0.0);
    progress(0, total);
    // A window of reads in flight ahead of the file being imported.
    let mut reads = VecDeque::with_capacity(AHEAD);
    let mut started_reads = files.iter().map(|p| start_read(&p.file));
    for picked in &files {
        reads.extend(started_reads.by_ref().take(AHEAD - reads.len()));
        if cancel.is_cancelled() {
            return stopped(read, total);
        }
        let Some(pending) = reads.pop_front() else {
            break;
        };
        let before = now();
        let bytes = bytes_of(pending).await;
        let got = now();
        if got - before > 1.0 {
            // The file was not there yet: the page had the main thread meanwhile.
            slice_start = got;
        }
        fold(builder, picked, bytes);
        waiting += got - before;
        folding += now() - got;
        read += 1;
        if now() - slice_start >= slice_ms {
            progress(read, total);
            yield_to_page().await;
            slice_start = now();
        }
    }
    for zip in zips {
        if cancel.is_cancelled() {
            return stopped(read, total);
        }
        progress(read, total);
        let before = now();
        let bytes = whole_zip(&zip.file).await;
        waiting += now() - before;
        let opened = bytes
            .as_deref()
            .map_err(Clone::clone)
            .and_then(|bytes| Archive::open(&zip.name, bytes).map_err(|e| e.to_string()));
        let mut archive = match opened {
            Ok(archive) => archive,
            Err(why) => {
                builder.reject(&zip.name, vec![("$".into(), why)]);
                read += 1;
                continue;
            }
        };
        // The zip counted as one file until its entries were known.
        total = total - 1 + archive.len();
        progress(read, total);
        slice_start = now();
        for i in 0..archive.len() {
            if cancel.is_cancelled() {
                return stopped(read, total);
            }
            let began = now();
            let entry = archive.entry(i);
            fold_named(builder, &entry.name, entry.bytes);
            folding += now() - began;
            read += 1;
            if now() - slice_start >= slice_ms {
                progress(read, total);
                yield_to_page().await;
                slice_start = now();
            }
        }
    }
    progress(read, total);
    measure_since("plr:read", started);
    measure("plr:read:waiting-for-files", started, waiting);
    measure("plr:read:import-and-fold", started, folding);
    Outcome {
        read,
        total,
        cancelled: cancel.is_cancelled() && read < total,
    }
}

/// Reads the one file chosen in the file input of `ev` (and clears the input, so choosing it
/// again reads it again), then calls `then` with its name and bytes (`None`: the browser
/// could not read it).
pub fn read_chosen_file(
    ev: &leptos::ev::Event,
    then: impl FnOnce(String, Option<Vec<u8>>) + 'static,
) {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    let Some(file) = input.files().and_then(|l| l.item(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .ok()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        then(file.name(), bytes);
    });
}
