//! Browser tests (headless Chromium via wasm-bindgen-test-runner): the storage layer and the
//! wiring from the editing store to storage. Only `#[wasm_bindgen_test]` runs here.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use plr_app::address::ReviewPage;
use plr_app::autosave::{Autosave, SaveState};
use plr_app::storage::{self, StorageError};
use plr_core::{CaseStoreFields, Framework, Plr, PlrId, PlrStoreFields, Status};
use reactive_stores::Store;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh(child_ref: &str) -> Plr {
    let id = plr_app::browser::new_plr_id().expect("random id");
    let mut plr = Plr::new_draft(
        id,
        plr_app::browser::now(),
        Framework::practice_fundamentals(),
    );
    plr.case.child_ref = child_ref.to_string();
    plr
}

#[wasm_bindgen_test]
fn saves_lists_loads_and_deletes_drafts() {
    local_storage().clear().unwrap();
    let first = fresh("LL-1");
    let mut second = fresh("LL-2");
    second.updated_at = first.updated_at + chrono::Duration::minutes(5);

    let visiting = ReviewPage::area(&plr_core::AreaId("visiting".into()));
    storage::save(&first, &ReviewPage::CASE).unwrap();
    storage::save(&second, &visiting).unwrap();

    let listing = storage::list();
    let refs: Vec<&str> = listing
        .entries
        .iter()
        .map(|e| e.child_ref.as_str())
        .collect();
    assert_eq!(refs, ["LL-2", "LL-1"], "newest first");
    assert_eq!(listing.entries[0].page(), visiting);
    assert_eq!(storage::load(first.id).unwrap(), first);

    storage::delete(first.id).unwrap();
    assert_eq!(storage::load(first.id), Err(StorageError::NotFound));
    let left: Vec<PlrId> = storage::list().entries.iter().map(|e| e.id).collect();
    assert_eq!(left, [second.id]);
}

#[wasm_bindgen_test]
fn saving_again_updates_the_one_index_entry() {
    local_storage().clear().unwrap();
    let mut plr = fresh("");
    storage::save(&plr, &ReviewPage::CASE).unwrap();
    plr.case.child_ref = "LL-9".into();
    plr.status = Status::Completed;
    storage::save(&plr, &ReviewPage::CHECK).unwrap();
    let listing = storage::list();
    assert_eq!(listing.entries.len(), 1);
    assert_eq!(listing.entries[0].child_ref, "LL-9");
    assert_eq!(listing.entries[0].status, Status::Completed);
}

#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_drafts() {
    local_storage().clear().unwrap();
    let plr = fresh("LL-3");
    storage::save(&plr, &ReviewPage::CASE).unwrap();
    local_storage().set_item("plr:index", "{not json").unwrap();
    let listing = storage::list();
    assert_eq!(listing.entries.len(), 1);
    assert_eq!(listing.entries[0].child_ref, "LL-3");
}

#[wasm_bindgen_test]
fn a_damaged_draft_is_reported_and_left_as_it_was() {
    local_storage().clear().unwrap();
    let plr = fresh("LL-4");
    storage::save(&plr, &ReviewPage::CASE).unwrap();
    let key = format!("plr:draft:{}", plr.id);
    local_storage()
        .set_item(&key, "{\"format\": trunc")
        .unwrap();
    assert!(matches!(
        storage::load(plr.id),
        Err(StorageError::Corrupt(_))
    ));
    // Listing without an index reads every draft: the damaged one is named, not dropped.
    local_storage().remove_item("plr:index").unwrap();
    let listing = storage::list();
    assert!(listing.entries.is_empty());
    assert_eq!(listing.unreadable.len(), 1);
    assert_eq!(listing.unreadable[0].key, key);
    assert_eq!(storage::raw(&key).as_deref(), Some("{\"format\": trunc"));
}

#[wasm_bindgen_test]
fn delete_all_removes_only_this_apps_entries() {
    local_storage().clear().unwrap();
    local_storage().set_item("someone-else", "keep").unwrap();
    storage::save(&fresh("LL-5"), &ReviewPage::CASE).unwrap();
    storage::delete_all().unwrap();
    assert!(storage::list().entries.is_empty());
    assert_eq!(
        local_storage().get_item("someone-else").unwrap().as_deref(),
        Some("keep")
    );
}

#[wasm_bindgen_test]
async fn an_edit_in_the_store_reaches_storage() {
    _ = any_spawner::Executor::init_wasm_bindgen();
    local_storage().clear().unwrap();
    let plr = fresh("");
    storage::save(&plr, &ReviewPage::CASE).unwrap();
    let owner = Owner::new();
    let (store, autosave) = owner.with(|| {
        let store = Store::new(plr.clone());
        let address = Memo::new(move |_| ReviewPage::CASE.href(plr.id));
        (store, Autosave::start(store, address))
    });
    tick().await;

    store.case().child_ref().set("LL-482913".to_string());
    tick().await;
    assert_eq!(autosave.state.get_untracked(), SaveState::Pending);
    autosave.flush();

    let stored = storage::load(plr.id).unwrap();
    assert_eq!(stored.case.child_ref, "LL-482913");
    assert!(stored.updated_at >= plr.updated_at);
    assert!(
        matches!(autosave.state.get_untracked(), SaveState::Saved(at) if at == stored.updated_at)
    );
    assert_eq!(store.updated_at().get_untracked(), stored.updated_at);
    assert_eq!(storage::list().entries[0].child_ref, "LL-482913");
    assert_eq!(storage::list().entries[0].page(), ReviewPage::CASE);
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_saved_copy_kept() {
    _ = any_spawner::Executor::init_wasm_bindgen();
    local_storage().clear().unwrap();
    let plr = fresh("LL-6");
    storage::save(&plr, &ReviewPage::CASE).unwrap();
    // Fill the rest of the quota so the next write of this review cannot fit.
    let filler = "x".repeat(256 * 1024);
    let mut n = 0;
    while local_storage()
        .set_item(&format!("filler-{n}"), &filler)
        .is_ok()
    {
        n += 1;
    }
    let mut bigger = plr.clone();
    bigger.judgement.impact_on_child = "y".repeat(300 * 1024);
    assert_eq!(
        storage::save(&bigger, &ReviewPage::JUDGEMENT),
        Err(StorageError::Full)
    );
    assert_eq!(
        storage::load(plr.id).unwrap(),
        plr,
        "the earlier copy is untouched"
    );
    local_storage().clear().unwrap();
}
