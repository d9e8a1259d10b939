//! Any bytes given to `import`: it returns a PLR or a problem, never panics, never hangs and
//! never allocates without bound (libFuzzer's `-rss_limit_mb` and `-malloc_limit_mb`, set by
//! `scripts/fuzz-import`, turn an oversized allocation into a failure). What it accepts is
//! within the form's limits, and exports and imports again as the same review.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plr_core::export::export_json;
use plr_core::form;
use plr_core::framework::Framework;
use plr_core::import::{import, MAX_ACTIONS};

fuzz_target!(|bytes: &[u8]| {
    let Ok(read) = import(bytes) else { return };
    let f = Framework::practice_fundamentals();
    assert!(
        read.plr.actions.len() <= MAX_ACTIONS,
        "more actions than the limit"
    );
    for question in form::questions(&read.plr, f) {
        if let (Some(max), Some(text)) = (question.limit, question.field.text(&read.plr)) {
            assert!(
                text.chars().count() <= max,
                "{:?} over its limit",
                question.field
            );
        }
    }
    let again = export_json(&read.plr, f).expect("an imported review exports");
    let back = import(again.as_bytes()).expect("an exported review imports");
    assert_eq!(back.plr, read.plr, "export then import changed the review");
});
