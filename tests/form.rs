//! Browser tests of the mounted app: the real form (routes, review shell, pages, store,
//! autosave) in the page of whichever browser runs them (Chromium, and Firefox ESR through
//! geckodriver), driven through its elements as a user drives it.
#![cfg(target_arch = "wasm32")]

use plr_app::address::ReviewPage;
use plr_app::storage;
use plr_core::{AreaId, Framework, Plr, Rating};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod page;
use page::{document, element, host, until};

/// A draft saved on this device, with the app mounted on `page` of it.
async fn open(page: ReviewPage) -> Plr {
    let id = plr_app::browser::new_plr_id().expect("random id");
    let plr = Plr::new_draft(
        id,
        plr_app::browser::now(),
        Framework::practice_fundamentals(),
    );
    open_review(plr, page).await
}

/// `plr` saved (alone) on this device, with the app mounted on `page` of it.
async fn open_review(plr: Plr, page: ReviewPage) -> Plr {
    _ = any_spawner::Executor::init_wasm_bindgen();
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let id = plr.id;
    storage::save(&plr, &page).expect("saved");
    let url = page.href(id);
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
    let plr = open(ReviewPage::area(&AreaId("supervision".into()))).await;
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

/// Types `text` into the field `selector` as a person would (its `input` event).
fn type_into(selector: &str, text: &str) {
    let field: web_sys::HtmlInputElement = element(selector)
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into();
    field.set_value(text);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The texts of the links in the error summary `selector`.
fn summary_links(selector: &str) -> Vec<String> {
    let links = document()
        .query_selector_all(&format!("{selector} a"))
        .unwrap();
    (0..links.length())
        .filter_map(|n| links.item(n).and_then(|l| l.text_content()))
        .collect()
}

fn button(text: &str) -> web_sys::HtmlElement {
    let buttons = document().query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|n| buttons.item(n))
        .find(|b| b.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("a button {text:?}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_ambassadors_review_is_asked_refused_until_answered_and_recorded_on_the_review() {
    let file = include_str!("../crates/plr-core/tests/fixtures/completed-good.json");
    let plr = plr_core::import::import(file.as_bytes())
        .expect("the fixture opens")
        .plr;
    assert!(plr.ambassadors_review.is_none());
    let plr = open_review(plr, ReviewPage::AMBASSADORS).await;
    until("the page's first question", || element("#ambassadors-on")).await;

    button("Continue").click();
    let refused = until("the error summary", || {
        Some(summary_links("#ambassadors-problems")).filter(|l| !l.is_empty())
    })
    .await;
    assert_eq!(
        refused,
        [
            "Enter the name of who recorded the Ambassadors' review",
            "Select yes or no: Is there a reasonable or good relationship between the worker and the child?",
            "Select yes or no: Is the case summary focused on the child, in language the child could understand?",
            "Select yes or no: Are the child's views drawn through the record, with direct work?",
            "Select yes or no: Does the record say what the child likes and dislikes, their interests and achievements?",
            "Select yes or no: Is the language appropriate (Language that Cares), and can the decisions be followed?",
        ]
    );

    type_into("#ambassadors-by", "  Sam Reid ");
    // "Yes" carries the question's id; "No" is its second radio.
    for (id, yes) in [
        ("relationship", true),
        ("child_focused_summary", false),
        ("childs_views", true),
        ("about_the_child", false),
        ("language_and_decisions", true),
    ] {
        let radio = if yes {
            format!("#ambassadors-{id}")
        } else {
            format!("#ambassadors-{id}-1")
        };
        element(&radio).expect("the finding's radio").click();
    }
    type_into("#ambassadors-comments", "Warm and clear.");
    button("Continue").click();
    until("the check", || element("#check-ambassadors-heading")).await;
    button("Record the Ambassadors' review").click();
    until("the confirmation", || element("#ambassadors-recorded")).await;

    let kept = until("the review to be saved", || {
        storage::load(plr.id)
            .ok()
            .and_then(|p| p.ambassadors_review)
    })
    .await;
    assert_eq!(kept.by, "Sam Reid");
    assert_eq!(kept.reviewed_on, plr_app::browser::today());
    assert_eq!(
        [
            kept.relationship,
            kept.child_focused_summary,
            kept.childs_views,
            kept.about_the_child,
            kept.language_and_decisions
        ],
        [true, false, true, false, true]
    );
    assert_eq!(kept.comments, "Warm and clear.");
}
