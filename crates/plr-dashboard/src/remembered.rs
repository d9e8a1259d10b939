//! The folder opened last time (File System Access API), remembered in this browser's
//! IndexedDB so that next month's exports, saved into the same folder, open without choosing
//! it again. Only the browser's handle is kept (its name, no file and nothing of a review), on
//! this device; the browser asks again for permission to read and write in it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemDirectoryHandle, IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "plr-dashboard";
const STORE: &str = "folders";
const LAST: &str = "last";

/// The outcome of an IndexedDB request, awaited.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let succeeded = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed_request = request.clone();
        let failed = Closure::once_into_js(move || {
            let error = failed_request
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(succeeded.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// The dashboard's database, made with its one store the first time.
async fn database() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let opening = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = opening.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result() {
            let _ = database
                .unchecked_into::<IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(settled(&opening).await?.unchecked_into())
}

/// Remembers `folder` as the one to offer next time (a failure only loses the offer).
pub async fn remember_folder(folder: &FileSystemDirectoryHandle) {
    let put = async {
        let store = database()
            .await?
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
            .object_store(STORE)?;
        settled(&store.put_with_key(folder, &LAST.into())?).await
    };
    let _ = put.await;
}

/// The folder opened last time in this browser, if any (none where IndexedDB is refused).
pub async fn last_folder() -> Option<FileSystemDirectoryHandle> {
    let get = async {
        let store = database()
            .await?
            .transaction_with_str(STORE)?
            .object_store(STORE)?;
        settled(&store.get(&LAST.into())?).await
    };
    get.await
        .ok()
        .and_then(|found| found.dyn_into::<FileSystemDirectoryHandle>().ok())
}
