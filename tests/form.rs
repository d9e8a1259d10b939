//! Browser tests of the mounted app: the real form (routes, review shell, pages, store,
//! autosave) in the page of whichever browser runs them (Chromium, and Firefox ESR through
//! geckodriver), driven through its elements as a user drives it.
#![cfg(target_arch = "wasm32")]

use plr_app::storage;
use plr_core::{Framework, Plr, Rating};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod page;
use page::{element, host, until};

/// A draft saved on this device, with the app mounted on `page` of it.
async fn open(page: &str) -> Plr {
    _ = any_spawner::Executor::init_wasm_bindgen();
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let id = plr_app::browser::new_plr_id().expect("random id");
    let plr = Plr::new_draft(
        id,
        plr_app::browser::now(),
        Framework::practice_fundamentals(),
    );
    storage::save(&plr, page).expect("saved");
    let url = format!("/review/{id}/{page}");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
    leptos::mount::mount_to(host(), plr_app::App).forget();
    plr
}

#[wasm_bindgen_test]
async fn rating_a_statement_counts_it_and_saves_it() {
    let plr = open("area/supervision").await;
    let met = until("the first statement's Met radio", || {
        element("#statement-SM1-rating")
    })
    .await;
    let count = || element("#rated-count").map(|e| e.text_content().unwrap_or_default());
    assert_eq!(count().as_deref(), Some("0 of 55 statements rated"));

    met.click();
    until("the count to move", || {
        (count().as_deref() == Some("1 of 55 statements rated")).then_some(())
    })
    .await;
    let saved = until("the rating to be saved", || {
        storage::load(plr.id)
            .ok()
            .filter(|p| p.sections[0].items[0].rating.is_some())
    })
    .await;
    assert_eq!(saved.sections[0].items[0].rating, Some(Rating::Met));
    assert!(saved.sections[0].items[1..]
        .iter()
        .all(|i| i.rating.is_none()));
}
