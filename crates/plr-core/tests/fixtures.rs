//! The export files in `tests/fixtures/`, for the browser tests, the end-to-end tests and the
//! command line's tests. Each is exported by this crate from a builder in `common`, so they
//! always match the current format; a test fails when one is out of date.
//!
//! Regenerate them with `UPDATE_FIXTURES=1 cargo test -p plr-core --test fixtures`.

mod common;

use chrono::NaiveDate;
use plr_core::completion::completion_problems;
use plr_core::concern::is_case_of_concern;
use plr_core::export::export_json;
use plr_core::import::import;
use plr_core::*;

fn check_fixture(name: &str, plr: &Plr) -> String {
    let json = export_json(plr, Framework::practice_fundamentals()).unwrap();
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == json,
        "tests/fixtures/{name} is out of date: run UPDATE_FIXTURES=1 cargo test -p plr-core --test fixtures"
    );
    let imported = import(json.as_bytes()).unwrap();
    assert!(
        imported.warnings.is_empty(),
        "{name}: {:?}",
        imported.warnings
    );
    assert_eq!(&imported.plr, plr, "{name} imports back unchanged");
    json
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
}

#[test]
fn completed_good() {
    let plr = common::realistic_completed();
    check_fixture("completed-good.json", &plr);
    assert_eq!(plr.status, Status::Completed);
    assert_eq!(plr.judgement.suggested.grade, Some(Grade::Good));
    assert!(!plr.judgement.suggested.provisional);
    assert_eq!(plr.judgement.share_by, None);
    let f = Framework::practice_fundamentals();
    assert_eq!(completion_problems(&plr, f, today()), []);
    assert!(plr
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .all(|i| !i.note.is_empty()));
}

#[test]
fn completed_concern() {
    let plr = common::concern_completed();
    check_fixture("completed-concern.json", &plr);
    assert!(is_case_of_concern(&plr));
    assert_eq!(plr.judgement.suggested.grade, Some(Grade::Inadequate));
    assert_eq!(
        plr.judgement.share_by,
        Some("2026-11-21T10:50:00Z".parse().unwrap())
    );
}

#[test]
fn completed_moderated() {
    let plr = common::moderated();
    check_fixture("completed-moderated.json", &plr);
    assert_eq!(
        plr.moderation.map(|m| m.effect),
        Some(ModerationEffect::Downgraded)
    );
}

#[test]
fn draft_blank() {
    let plr = common::blank_draft();
    check_fixture("draft-blank.json", &plr);
    assert_eq!(plr.judgement.suggested.grade, None);
    assert!(plr.judgement.suggested.provisional);
    assert!(plr
        .judgement
        .suggested
        .areas
        .iter()
        .all(|a| a.band.is_none()));
}

#[test]
fn draft_partial() {
    let plr = common::partial_draft();
    check_fixture("draft-partial.json", &plr);
    let s = &plr.judgement.suggested;
    // 9 met and 4 partly met of 13: 22 of 26 points, 84.6%.
    assert_eq!((s.points, s.maximum, s.grade), (22, 26, Some(Grade::Good)));
    assert!(s.provisional);
    let f = Framework::practice_fundamentals();
    let unrated = completion_problems(&plr, f, today())
        .into_iter()
        .filter(|p| p.message.starts_with("Rate statement"))
        .count();
    assert_eq!(unrated, 42);
}
