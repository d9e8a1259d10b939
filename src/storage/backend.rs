//! Where entries are kept: the browser's localStorage, or, when the browser refuses it
//! (blocked by policy, some private modes, site data turned off), this tab's memory, so the
//! app still works for the session and says that nothing will be kept.
//!
//! The choice is made once, at the first use: a browser that refuses storage keeps refusing.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};

use super::StorageError;

enum Backend {
    Local(web_sys::Storage),
    /// This tab only: gone when it is closed. A few entries at most, so a list (smaller in the
    /// download than a map).
    Memory(Vec<(String, String)>),
}

thread_local! {
    static BACKEND: RefCell<Option<Backend>> = const { RefCell::new(None) };
}

/// localStorage if the browser lets this page use it. Reading `window.localStorage` throws
/// when storage is blocked; some browsers hand it out but throw on every read instead. Both
/// are tried here first, because gloo-storage's handle on the store panics when it is refused;
/// once the browser has handed the store out, gloo-storage's handle is the one used.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()??.length().ok()?;
    Some(LocalStorage::raw())
}

fn with<T>(f: impl FnOnce(&mut Backend) -> T) -> T {
    BACKEND.with(|cell| {
        let mut backend = cell.borrow_mut();
        let backend = backend.get_or_insert_with(|| match local_storage() {
            Some(storage) => Backend::Local(storage),
            None => Backend::Memory(Vec::new()),
        });
        f(backend)
    })
}

/// Whether what is saved outlives this tab (false when the browser refuses storage).
pub fn is_kept() -> bool {
    with(|backend| matches!(backend, Backend::Local(_)))
}

/// The value stored under `key`, if any.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    with(|backend| match backend {
        Backend::Local(storage) => storage.get_item(key).map_err(|_| StorageError::Unavailable),
        Backend::Memory(entries) => Ok(entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())),
    })
}

/// Stores `value` under `key`. A refused write (a full store) leaves the old value in place.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    with(|backend| match backend {
        Backend::Local(storage) => storage.set_item(key, value).map_err(|_| StorageError::Full),
        Backend::Memory(entries) => {
            entries.retain(|(k, _)| k != key);
            entries.push((key.to_string(), value.to_string()));
            Ok(())
        }
    })
}

/// Removes `key` (nothing happens if it is not there).
pub fn remove(key: &str) -> Result<(), StorageError> {
    with(|backend| match backend {
        Backend::Local(storage) => storage
            .remove_item(key)
            .map_err(|_| StorageError::Unavailable),
        Backend::Memory(entries) => {
            entries.retain(|(k, _)| k != key);
            Ok(())
        }
    })
}

/// Every key stored (this app's and any other's on the same site).
pub fn keys() -> Vec<String> {
    with(|backend| match backend {
        Backend::Local(storage) => {
            let len = storage.length().unwrap_or(0);
            (0..len)
                .filter_map(|i| storage.key(i).ok().flatten())
                .collect()
        }
        Backend::Memory(entries) => entries.iter().map(|(k, _)| k.clone()).collect(),
    })
}
