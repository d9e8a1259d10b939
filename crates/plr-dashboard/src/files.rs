//! The files the reviews were read from, kept (as the browser's handles, not their bytes) so a
//! Head of Service update recorded here can be saved in the file it came from: written back
//! into a folder opened with the File System Access API (Chromium: permission is asked once,
//! when the folder is chosen), otherwise kept as a changed file to download, one file alone or
//! several as a zip.

use std::collections::HashMap;
use std::io::Write;

use leptos::prelude::*;
use plr_core::import::{import, MAX_FILE_BYTES};
use plr_core::{Plr, PlrId};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::reader::describe_or;

/// Where a file came from.
#[derive(Clone)]
pub enum Source {
    /// Chosen with the file picker, a folder picker or dropped: readable, not writable.
    Chosen(web_sys::File),
    /// Found in a folder opened for reading and writing.
    InFolder(web_sys::FileSystemFileHandle),
}

/// Why a review could not be read again from its file ([`Files::read_review`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadAgain {
    /// The file cannot be read (the reason).
    Unreadable(String),
    /// The file is no longer a review the core's import takes (the reason).
    NotAReview(String),
    /// The file holds another review.
    Another,
}

impl ReadAgain {
    /// What went wrong with the file `name` of the review of `child`, in words (without a
    /// full stop: callers say what follows from it).
    pub fn words(&self, name: &str, child: &str) -> String {
        match self {
            ReadAgain::Unreadable(why) => format!("The file {name} cannot be read again ({why})"),
            ReadAgain::NotAReview(e) => format!("The file {name} is no longer a review this dashboard can read ({e}): ask the team for a fresh download"),
            ReadAgain::Another => format!("The file {name} no longer holds the review of {child}"),
        }
    }
}

/// How a changed file was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written back into the opened folder.
    InFolder,
    /// Kept to download (the browser cannot write it back), with why when writing failed.
    ToDownload(Option<String>),
}

/// The files read so far and the changed files not yet saved (cheap to copy: handles).
#[derive(Clone, Copy)]
pub struct Files {
    sources: StoredValue<HashMap<String, Source>, LocalStorage>,
    /// Changed files to download: (name as read, the new JSON), in the order changed.
    pub unsaved: RwSignal<Vec<(String, String)>>,
}

impl Default for Files {
    fn default() -> Files {
        Files {
            sources: StoredValue::new_local(HashMap::new()),
            unsaved: RwSignal::new(Vec::new()),
        }
    }
}

fn describe(error: &JsValue) -> String {
    describe_or(error, "the browser gave no reason")
}

/// The bytes of `file`, refused over the import's size limit.
async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(format!(
            "the file is larger than the {} MB limit",
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

impl Files {
    /// Remembers where the file named `name` came from (a later file of the same name
    /// replaces it).
    pub fn remember(&self, name: &str, source: Source) {
        self.sources.update_value(|s| {
            s.insert(name.to_string(), source);
        });
    }

    /// Whether the file named `name` can be read again.
    pub fn has(&self, name: &str) -> bool {
        self.sources.with_value(|s| s.contains_key(name))
    }

    /// The file's current bytes (read again: a folder's file as it is on disk now).
    pub async fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        let source = self
            .sources
            .with_value(|s| s.get(name).cloned())
            .ok_or_else(|| "it is no longer open here: load it again".to_string())?;
        let file = match source {
            Source::Chosen(file) => file,
            Source::InFolder(handle) => JsFuture::from(handle.get_file())
                .await
                .map_err(|e| describe(&e))?
                .unchecked_into::<web_sys::File>(),
        };
        bytes_of(&file).await
    }

    /// The review `id` read again from the file named `name` through the core's import, with
    /// the file's bytes as read.
    pub async fn read_review(&self, name: &str, id: PlrId) -> Result<(Plr, Vec<u8>), ReadAgain> {
        let bytes = self.read(name).await.map_err(ReadAgain::Unreadable)?;
        let plr = import(&bytes)
            .map_err(|e| ReadAgain::NotAReview(e.to_string()))?
            .plr;
        if plr.id != id {
            return Err(ReadAgain::Another);
        }
        Ok((plr, bytes))
    }

    /// Saves `json` as the new content of the file named `name`: into its folder when it was
    /// opened for writing, else kept to download.
    pub async fn save(&self, name: &str, json: String) -> Saved {
        let source = self.sources.with_value(|s| s.get(name).cloned());
        let why = match source {
            Some(Source::InFolder(handle)) => match write(&handle, &json).await {
                Ok(()) => {
                    self.unsaved.update(|u| u.retain(|(n, _)| n != name));
                    return Saved::InFolder;
                }
                Err(why) => Some(why),
            },
            _ => None,
        };
        self.unsaved
            .update(|u| match u.iter_mut().find(|(n, _)| n == name) {
                Some(kept) => kept.1 = json,
                None => u.push((name.to_string(), json)),
            });
        Saved::ToDownload(why)
    }
}

/// Writes `text` over the file of `handle`.
async fn write(handle: &web_sys::FileSystemFileHandle, text: &str) -> Result<(), String> {
    let stream = JsFuture::from(handle.create_writable())
        .await
        .map_err(|e| describe(&e))?
        .unchecked_into::<web_sys::FileSystemWritableFileStream>();
    let written = match stream.write_with_str(text) {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = written {
        let _ = stream.abort();
        return Err(describe(&e));
    }
    JsFuture::from(stream.close())
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Whether this browser can open a folder for reading and writing.
pub fn can_open_folders() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// The options `{mode: "readwrite"}` of the File System Access API.
fn read_write() -> js_sys::Object {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"readwrite".into());
    options
}

/// Asks for a folder to read and write (`None` when the user cancelled).
pub async fn pick_folder() -> Result<Option<web_sys::FileSystemDirectoryHandle>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let pick: js_sys::Function = js_sys::Reflect::get(&window, &"showDirectoryPicker".into())
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "this browser cannot open a folder to write in".to_string())?;
    let options = read_write();
    let _ = js_sys::Reflect::set(&options, &"id".into(), &"plr-exports".into());
    let promise: js_sys::Promise = pick
        .call1(&window, &options)
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "the browser did not open a folder".to_string())?;
    match JsFuture::from(promise).await {
        Ok(folder) => Ok(Some(folder.unchecked_into())),
        Err(e)
            if e.dyn_ref::<web_sys::DomException>()
                .is_some_and(|d| d.name() == "AbortError") =>
        {
            Ok(None)
        }
        Err(e) => Err(describe(&e)),
    }
}

/// Whether this page may read and write in `folder`: asked of the browser, which may ask the
/// user (a folder remembered from an earlier visit needs its permission again); call it from
/// a click.
pub async fn may_write_in(folder: &web_sys::FileSystemDirectoryHandle) -> bool {
    let options = read_write();
    for method in ["queryPermission", "requestPermission"] {
        let Some(ask) = js_sys::Reflect::get(folder, &method.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            // A browser without the permission methods grants what it opened.
            return true;
        };
        let Ok(promise) = ask.call1(folder, &options) else {
            return false;
        };
        let answer = JsFuture::from(js_sys::Promise::resolve(&promise)).await;
        if answer.ok().and_then(|a| a.as_string()).as_deref() == Some("granted") {
            return true;
        }
    }
    false
}

/// The `.json` files of `folder`, in its subfolders too, named by their path from the folder's
/// own name.
pub async fn list_folder(
    folder: web_sys::FileSystemDirectoryHandle,
) -> Result<Vec<(String, web_sys::FileSystemFileHandle)>, String> {
    let mut found = Vec::new();
    let mut folders = vec![(folder.name(), folder)];
    while let Some((path, folder)) = folders.pop() {
        let entries = folder.values();
        loop {
            let next: js_sys::Function = js_sys::Reflect::get(&entries, &"next".into())
                .and_then(|f| f.dyn_into())
                .map_err(|e| describe(&e))?;
            let step = next.call0(&entries).map_err(|e| describe(&e))?;
            let step = JsFuture::from(js_sys::Promise::resolve(&step))
                .await
                .map_err(|e| describe(&e))?;
            let done = js_sys::Reflect::get(&step, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let Ok(entry) = js_sys::Reflect::get(&step, &"value".into()) else {
                break;
            };
            let entry = entry.unchecked_into::<web_sys::FileSystemHandle>();
            let name = format!("{path}/{}", entry.name());
            match entry.kind() {
                web_sys::FileSystemHandleKind::Directory => {
                    folders.push((name, entry.unchecked_into()));
                }
                web_sys::FileSystemHandleKind::File if name.ends_with(".json") => {
                    found.push((name, entry.unchecked_into()));
                }
                _ => {}
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

/// The file of a handle, to read.
pub async fn file_of(handle: &web_sys::FileSystemFileHandle) -> Result<web_sys::File, String> {
    JsFuture::from(handle.get_file())
        .await
        .map(|f| f.unchecked_into())
        .map_err(|e| describe(&e))
}

/// A zip of `files` (name, content), stored uncompressed, each under its name as read.
pub fn zip_of(files: &[(String, String)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        zip.start_file(name.as_str(), options)
            .map_err(|e| e.to_string())?;
        zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|e| e.to_string())
}
