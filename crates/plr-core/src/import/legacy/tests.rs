use super::*;
use crate::framework::Framework;
use crate::import::{import, import_by_value, parse_checked, ImportError, Imported};

const V1: &str = include_str!("../../../tests/fixtures/version-1-concern.json");
const V2: &str = include_str!("../../../tests/fixtures/version-2-concern.json");
const V3: &str = include_str!("../../../tests/fixtures/version-3-concern.json");

/// What import makes of `text`, having checked that the slow path alone makes the same of it.
fn imported(text: &str) -> Result<Imported, ImportError> {
    let fast = import(text.as_bytes());
    let slow = import_by_value(text.as_bytes(), &[Framework::practice_fundamentals()]);
    assert_eq!(fast, slow, "{text}");
    fast
}

/// The one problem import names in `text` (by either path), as it is shown.
fn problem(text: &str) -> String {
    match imported(text) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("imported: {text}"),
    }
}

/// `text` with `from` replaced by `to` once, failing if `from` is not in it.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn each_older_fixture_takes_the_typed_read_and_reads_as_its_migrated_value() {
    for (text, version) in [(V1, 1), (V2, 2), (V3, 3)] {
        assert_eq!(leading_version(text.as_bytes()), Some(version));
        assert!(says_older(text));
        let typed = parse(text).expect("the typed read takes it");
        assert_eq!(Ok(typed), parse_checked(text));
        let plr = imported(text).unwrap().plr;
        assert_eq!(plr.schema_version, SCHEMA_VERSION);
    }
    // Version 1's judgement is filled in from what the file knows (migrate::from_1_to_2).
    let plr = imported(V1).unwrap().plr;
    let j = &plr.judgement;
    assert_eq!(j.immediate_concern_at, Some(plr.created_at));
    assert_eq!(j.first_completed_inadequate_at, plr.completed_at);
    assert_eq!(j.final_grade_chosen_against, Some(Grade::Inadequate));
    assert_eq!(j.immediate_concern_details, "");
    // Version 2 keeps its judgement as written.
    let plr = imported(V2).unwrap().plr;
    assert_eq!(plr.judgement.final_grade_chosen_against, None);
    assert_eq!(
        plr.judgement.concern_shared_with,
        "D. Head (Head of Service)"
    );
}

#[test]
fn a_key_an_older_version_lacked_is_kept_when_the_file_has_it_null_included() {
    // A version 1 file that has version 2's keys keeps them, as migration does.
    let chosen = edit(
        V1,
        "\"final_grade\": \"inadequate\",",
        "\"final_grade\": \"inadequate\", \"final_grade_chosen_against\": \"good\", \"immediate_concern_at\": \"2026-11-20T10:00:00Z\", \"immediate_concern_details\": \"Frightened to go home.\",",
    );
    let j = imported(&chosen).unwrap().plr.judgement;
    assert_eq!(j.final_grade_chosen_against, Some(Grade::Good));
    assert_eq!(
        j.immediate_concern_at,
        Some("2026-11-20T10:00:00Z".parse().unwrap())
    );
    assert_eq!(j.immediate_concern_details, "Frightened to go home.");
    // A null one stays null, and the check says what that means.
    let flagged_at_null = edit(
        V1,
        "\"immediate_concern\": true,",
        "\"immediate_concern\": true, \"immediate_concern_at\": null,",
    );
    assert_eq!(
        problem(&flagged_at_null),
        "judgement.immediate_concern_at: an immediate concern needs the time it was flagged (the 24-hour clock runs from it)"
    );
    // A null where a text is wanted is refused by name, not filled.
    let details_null = edit(
        V1,
        "\"immediate_concern\": true,",
        "\"immediate_concern\": true, \"immediate_concern_details\": null,",
    );
    assert_eq!(parse(&details_null), None);
    assert_eq!(
        problem(&details_null),
        "judgement.immediate_concern_details: expected a string, but found null"
    );
}

#[test]
fn a_key_is_filled_only_for_the_versions_that_lacked_it() {
    // Version 2 had the judgement's substance: a version 2 file without it is broken.
    let v2 = edit(
        V2,
        "\"immediate_concern_details\": \"The child disclosed new harm at the visit on 18/11 and is frightened to go home.\",",
        "",
    );
    assert_eq!(parse(&v2), None);
    assert_eq!(
        problem(&v2),
        "judgement: the required field \"immediate_concern_details\" is missing"
    );
    // Version 3 had an action's progress note.
    let v3 = edit(V3, "\"progress_note\": \"\"", "\"progress_note_\": \"\"");
    assert_eq!(parse(&v3), None);
    assert_eq!(
        problem(&v3),
        "actions[0]: the required field \"progress_note\" is missing"
    );
    // A version 2 file's missing final_grade_chosen_against reads as none, not as version 1's
    // stored suggestion.
    let v2 = edit(V2, "\"final_grade_chosen_against\": null,", "");
    let typed = parse(&v2).expect("the typed read takes it");
    assert_eq!(typed.0.judgement.final_grade_chosen_against, None);
    assert_eq!(imported(&v2).unwrap().plr, typed.0);
}

#[test]
fn a_transferred_action_gets_its_day_as_migration_estimates_it() {
    for older in [V1, V2, V3] {
        let transferred = edit(older, "\"status\": \"open\"", "\"status\": \"transferred\"");
        // No completion day: the day the file was last saved, said so.
        let imported = imported(&transferred).unwrap();
        assert_eq!(
            imported.plr.actions[0].transferred_on,
            NaiveDate::from_ymd_opt(2026, 11, 20)
        );
        assert_eq!(
            imported.warnings[0].to_string(),
            "actions[0].transferred_on: the day it was transferred was not recorded (files before version 4): estimated as the day the file was last saved"
        );
        // Its completion day, with nothing estimated.
        let dated = edit(
            &transferred,
            "\"completed_on\": null",
            "\"completed_on\": \"2026-11-25\"",
        );
        let imported = self::imported(&dated).unwrap();
        assert_eq!(
            imported.plr.actions[0].transferred_on,
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        assert!(imported
            .warnings
            .iter()
            .all(|w| !w.path.starts_with("actions")));
    }
    // The day as written in `updated_at`, not the day in UTC.
    let offset = edit(
        V3,
        "\"updated_at\": \"2026-11-20T11:00:00Z\"",
        "\"updated_at\": \"2026-11-20T23:30:00-02:00\"",
    );
    let offset = edit(
        &offset,
        "\"status\": \"open\"",
        "\"status\": \"transferred\"",
    );
    let plr = imported(&offset).unwrap().plr;
    assert_eq!(
        plr.actions[0].transferred_on,
        NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert_eq!(
        plr.updated_at.date_naive(),
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    );
    // A day of transfer the file has is kept (and still said to be estimated, as the slow
    // path says of every transferred action without a completion day).
    let kept = edit(
        V3,
        "\"status\": \"open\",",
        "\"status\": \"transferred\", \"transferred_on\": \"2026-11-22\",",
    );
    let imported = imported(&kept).unwrap();
    assert_eq!(
        imported.plr.actions[0].transferred_on,
        NaiveDate::from_ymd_opt(2026, 11, 22)
    );
    assert_eq!(imported.warnings[0].path, "actions[0].transferred_on");
}

#[test]
fn a_broken_older_file_is_named_as_the_slow_path_names_it() {
    let broken = [
        (
            edit(V1, "\"team\": \"Stroud Safeguarding\",", ""),
            "case: the required field \"team\" is missing",
        ),
        (
            edit(V2, "\"team\": \"Stroud Safeguarding\"", "\"team\": 7"),
            "case.team: expected a string, but found integer 7",
        ),
        (
            edit(V3, "\"rating\": \"met\"", "\"rating\": \"brilliant\""),
            "sections[0].items[0].rating: \"brilliant\" is not one of the values allowed here: met, partly, not_met, na",
        ),
        (
            edit(V1, "\"status\": \"open\"", "\"status\": \"closed\""),
            "actions[0].status: \"closed\" is not one of the values allowed here: open, completed, transferred, service_ended",
        ),
        (
            edit(V2, "\"created_at\": \"2026-11-20T09:12:44Z\"", "\"created_at\": 1"),
            "created_at: expected a formatted date and time string or a unix timestamp, but found integer 1",
        ),
        (
            edit(V3, "\"schema_version\": 3", "\"schema_version\": 3.0"),
            "schema_version: missing, or not a whole number",
        ),
        (
            edit(V1, "\"format\": \"practice-learning-review\"", "\"format\": \"other\""),
            "format: not a Practice Learning Review export (\"format\" is missing or is not \"practice-learning-review\")",
        ),
    ];
    for (text, named) in &broken {
        assert_eq!(parse(text), None, "{text}");
        let shown = problem(text);
        if named.starts_with("created_at") {
            // chrono's own words for what it reads.
            assert!(shown.starts_with("created_at: "), "{shown}");
        } else {
            assert_eq!(shown, *named);
        }
    }
    // Cut short, or not JSON after all.
    for text in [&V1[..V1.len() / 2], "{\"schema_version\": 1, nonsense"] {
        assert!(says_older(text));
        assert_eq!(parse(text), None);
        assert!(matches!(imported(text), Err(ImportError::NotJson(_))));
    }
}

#[test]
fn a_file_the_typed_read_declines_but_the_value_reads_is_read_the_slow_way() {
    // A key written twice: the JSON value keeps the last, the typed read refuses.
    let twice = edit(
        V1,
        "\"team\": \"Stroud Safeguarding\",",
        "\"team\": \"Stroud\", \"team\": \"Stroud Safeguarding\",",
    );
    assert_eq!(parse(&twice), None);
    assert_eq!(
        imported(&twice).unwrap().plr.case.team,
        "Stroud Safeguarding"
    );
    // A day of transfer estimated from an `updated_at` whose first ten characters are no day.
    let transferred = edit(V3, "\"status\": \"open\"", "\"status\": \"transferred\"");
    let year_12026 = edit(
        &transferred,
        "\"updated_at\": \"2026-11-20T11:00:00Z\"",
        "\"updated_at\": \"+12026-11-20T11:00:00Z\"",
    );
    assert!(parse(&year_12026).is_none());
    assert_eq!(
        problem(&year_12026),
        "actions[0].transferred_on: premature end of input"
    );
    // Read as migration reads them, whatever they are: "+2026-11-2" is 2 November.
    let signed = edit(
        &transferred,
        "\"updated_at\": \"2026-11-20T11:00:00Z\"",
        "\"updated_at\": \"+2026-11-20T11:00:00Z\"",
    );
    assert!(parse(&signed).is_some());
    assert_eq!(
        imported(&signed).unwrap().plr.actions[0].transferred_on,
        NaiveDate::from_ymd_opt(2026, 11, 2)
    );
}

#[test]
fn json_only_the_value_parse_refused_is_ignored_in_an_unknown_key_as_for_a_current_file() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    for extra in ["\"\\ud800\"", "1e400", deep.as_str()] {
        let unknown = edit(
            V1,
            "\"id\": \"7c1d",
            &format!("\"added_later\": {extra}, \"id\": \"7c1d"),
        );
        let frameworks = [Framework::practice_fundamentals()];
        assert!(matches!(
            import_by_value(unknown.as_bytes(), &frameworks),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            import(unknown.as_bytes()).map(|i| i.plr),
            import(V1.as_bytes()).map(|i| i.plr)
        );
        // In a key the model reads, refused by both paths alike.
        let known = edit(
            V1,
            "\"team\": \"Stroud Safeguarding\"",
            &format!("\"team\": {extra}"),
        );
        assert!(imported(&known).is_err());
    }
}

#[test]
fn the_version_is_found_among_the_first_plain_members_only() {
    let version = |text: &str| leading_version(text.as_bytes());
    assert_eq!(
        version("{\"format\": \"practice-learning-review\", \"schema_version\": 2, \"id\": 1}"),
        Some(2)
    );
    assert_eq!(version("\n {\"schema_version\":1}"), Some(1));
    assert_eq!(
        version("{\"note\": \"a \\\" quote, \\\\\", \"n\": null, \"schema_version\": 3}"),
        Some(3)
    );
    // Not a whole number, after a nested value, too far in, or not an object.
    assert_eq!(version("{\"schema_version\": 1.0}"), None);
    assert_eq!(version("{\"schema_version\": \"1\"}"), None);
    assert_eq!(version("{\"case\": {}, \"schema_version\": 1}"), None);
    assert_eq!(
        version("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"schema_version\": 1}"),
        None
    );
    assert_eq!(version("[1]"), None);
    assert_eq!(version("{\"schema_version\""), None);
    assert!(!says_older("{\"schema_version\": 5}"));
    assert!(!says_older("{\"schema_version\": 0}"));
}

#[test]
fn an_action_written_as_a_list_reads_as_the_slow_path_reads_it() {
    // serde reads a list for a struct, field by field; migration only touches objects, so such
    // an action has nothing filled in and nothing said estimated: the typed read leaves it to
    // the slow path.
    let listed = edit(
        V3,
        "{\n      \"id\": \"a1\",\n      \"kind\": \"care_planning\",\n      \"description\": \"Update the child protection plan with specific, measurable outcomes\",\n      \"owner\": \"B. Worker\",\n      \"due_on\": \"2026-12-04\",\n      \"status\": \"open\",\n      \"completed_on\": null,\n      \"progress_note\": \"\"\n    }",
        "[\"a1\", \"care_planning\", \"Update\", \"B. Worker\", \"2026-12-04\", \"transferred\", null, \"\", \"2026-11-22\", null]",
    );
    assert_eq!(parse(&listed), None);
    let read = imported(&listed).unwrap();
    assert_eq!(
        read.plr.actions[0].transferred_on,
        NaiveDate::from_ymd_opt(2026, 11, 22)
    );
    assert_eq!(read.warnings, []);
    // A judgement written as a list, likewise.
    let judgement = parse(V1).unwrap().0.judgement;
    let fields = serde_json::to_value(&judgement).unwrap();
    let order = [
        "suggested",
        "final_grade",
        "final_grade_chosen_against",
        "rationale",
        "impact_on_child",
        "immediate_concern",
        "immediate_concern_at",
        "immediate_concern_details",
        "first_completed_inadequate_at",
        "concern_shared_with",
        "concern_shared_at",
        "share_by",
    ];
    let list: Vec<&serde_json::Value> = order.iter().map(|key| &fields[key]).collect();
    let mut file: serde_json::Value = serde_json::from_str(V1).unwrap();
    file["judgement"] = serde_json::to_value(&list).unwrap();
    let text = format!(
        "{{\"format\": \"practice-learning-review\", \"schema_version\": 1, {}",
        &file.to_string()[1..]
    );
    assert!(says_older(&text));
    assert_eq!(parse(&text), None);
    // Every key there, as version 1's migration fills them: the same review.
    assert_eq!(imported(&text).unwrap().plr, imported(V1).unwrap().plr);
}
