//! Migration of older export schema versions to the current one, on the raw JSON, before the
//! typed parse. Each step lifts a file by one version.

use serde_json::Value;

use crate::model::SCHEMA_VERSION;
use crate::problem::Problem;

/// Lifts `value` to [`SCHEMA_VERSION`], one step at a time.
///
/// - Version 0 was the pre-release format, in which `case.child_ref` was `case.child_reference`.
/// - Version 1 had no record of the Case of Concern's substance nor of the suggestion a
///   different final grade was chosen against; see [`from_1_to_2`] for what is assumed.
/// - Version 2 had no progress note on an action (nor the `transferred` status); see
///   [`from_2_to_3`].
/// - Version 3 had no day of a transfer, no record of follow-up changes and no Head of
///   Service's updates; see [`from_3_to_4`].
/// - Version 4 had no Ambassadors' review; see [`from_4_to_5`].
pub fn migrate(value: &mut Value) -> Result<(), Problem> {
    let problem = |message: String| Problem::new("schema_version", message);
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| problem("missing, or not a whole number".into()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(problem(format!(
            "version {version} is newer than this app understands (up to {SCHEMA_VERSION}); update the app"
        )));
    }
    for from in version..u64::from(SCHEMA_VERSION) {
        match from {
            0 => from_0_to_1(value),
            1 => from_1_to_2(value),
            2 => from_2_to_3(value),
            3 => from_3_to_4(value),
            4 => from_4_to_5(value),
            _ => {}
        }
    }
    Ok(())
}

fn from_0_to_1(value: &mut Value) {
    if let Some(case) = value.get_mut("case").and_then(Value::as_object_mut) {
        if let Some(child_ref) = case.remove("child_reference") {
            case.insert("child_ref".into(), child_ref);
        }
    }
    value["schema_version"] = Value::from(1);
}

/// Adds the judgement fields of version 2, from what a version 1 file knows:
///
/// - `final_grade_chosen_against`: the stored suggestion (the one the reviewer saw); if the
///   ratings now give another, the reviewer is asked to choose the final grade again.
/// - `immediate_concern_at`: when the flag is set, `created_at` (the earliest moment the file
///   proves; the flag's own time was not recorded), so no deadline is later than it could be.
/// - `first_completed_inadequate_at`: `completed_at` of a completed review graded inadequate.
/// - `immediate_concern_details` and `concern_shared_with` blank, `concern_shared_at` null.
pub fn from_1_to_2(value: &mut Value) {
    let created_at = value.get("created_at").cloned().unwrap_or(Value::Null);
    let completed_at = value.get("completed_at").cloned().unwrap_or(Value::Null);
    let completed = value.get("status").and_then(Value::as_str) == Some("completed");
    if let Some(j) = value.get_mut("judgement").and_then(Value::as_object_mut) {
        let suggested = j
            .get("suggested")
            .and_then(|s| s.get("grade"))
            .cloned()
            .unwrap_or(Value::Null);
        let flagged = j.get("immediate_concern").and_then(Value::as_bool) == Some(true);
        let inadequate = j.get("final_grade").and_then(Value::as_str) == Some("inadequate");
        let mut add = |key: &str, v: Value| {
            j.entry(key).or_insert(v);
        };
        add("final_grade_chosen_against", suggested);
        add(
            "immediate_concern_at",
            if flagged { created_at } else { Value::Null },
        );
        add("immediate_concern_details", Value::from(""));
        add(
            "first_completed_inadequate_at",
            if completed && inadequate {
                completed_at
            } else {
                Value::Null
            },
        );
        add("concern_shared_with", Value::from(""));
        add("concern_shared_at", Value::Null);
    }
    value["schema_version"] = Value::from(2);
}

/// Adds each action's `progress_note` of version 3, blank: a version 2 file could not record
/// progress. Its statuses (`open`, `completed`) mean what they meant.
pub fn from_2_to_3(value: &mut Value) {
    if let Some(actions) = value.get_mut("actions").and_then(Value::as_array_mut) {
        for action in actions.iter_mut().filter_map(Value::as_object_mut) {
            action
                .entry("progress_note")
                .or_insert_with(|| Value::from(""));
        }
    }
    value["schema_version"] = Value::from(3);
}

/// Adds what version 4 records of the follow-through (`followthrough.md`), from what a version
/// 3 file knows:
///
/// - each action's `updated_on` null (no follow-up change was recorded) and `transferred_on`
///   null, but for a transferred action: its `completed_on` if it has one, else the day of the
///   file's `updated_at`, the latest it can have happened (an estimate: [`estimated_transfers`]
///   names them);
/// - `concern_updates` empty.
pub fn from_3_to_4(value: &mut Value) {
    let last_saved = value
        .get("updated_at")
        .and_then(Value::as_str)
        .and_then(|at| at.get(..10))
        .map(Value::from)
        .unwrap_or(Value::Null);
    if let Some(actions) = value.get_mut("actions").and_then(Value::as_array_mut) {
        for action in actions.iter_mut().filter_map(Value::as_object_mut) {
            let transferred = action.get("status").and_then(Value::as_str) == Some("transferred");
            let on = match action.get("completed_on") {
                Some(done) if transferred && !done.is_null() => done.clone(),
                _ if transferred => last_saved.clone(),
                _ => Value::Null,
            };
            action.entry("transferred_on").or_insert(on);
            action.entry("updated_on").or_insert(Value::Null);
        }
    }
    if let Some(plr) = value.as_object_mut() {
        plr.entry("concern_updates")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    value["schema_version"] = Value::from(4);
}

/// Adds version 5's `ambassadors_review`, null: a version 4 file could not record one.
pub fn from_4_to_5(value: &mut Value) {
    if let Some(plr) = value.as_object_mut() {
        plr.entry("ambassadors_review").or_insert(Value::Null);
    }
    value["schema_version"] = Value::from(5);
}

/// The transferred actions of a file older than version 4 whose day of transfer
/// [`from_3_to_4`] had to estimate (no `completed_on`): their JSON paths, for import to say so.
pub fn estimated_transfers(value: &Value) -> Vec<String> {
    let older = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .is_some_and(|v| v < 4);
    let Some(actions) = value
        .get("actions")
        .and_then(Value::as_array)
        .filter(|_| older)
    else {
        return Vec::new();
    };
    actions
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.get("status").and_then(Value::as_str) == Some("transferred")
                && a.get("completed_on").is_none_or(Value::is_null)
        })
        .map(|(n, _)| format!("actions[{n}].transferred_on"))
        .collect()
}

/// The keys of the judgement that version 2 added.
#[cfg(feature = "legacy-read")]
const JUDGEMENT_OF_2: [&str; 6] = [
    "final_grade_chosen_against",
    "immediate_concern_at",
    "immediate_concern_details",
    "first_completed_inadequate_at",
    "concern_shared_with",
    "concern_shared_at",
];

/// Takes a current export `value` back to `version` (0 to [`SCHEMA_VERSION`]), as that
/// version of the app wrote it: the keys later versions added are taken out, and version 0's
/// `case.child_reference` is put back. The steps above, undone but for what they fill in;
/// a value only later versions know (an action `transferred` or `service_ended`, which
/// migration reads as it is) is kept. For tests and benchmarks of older files (`plr generate
/// --schema-version`).
#[cfg(feature = "legacy-read")]
pub fn downgrade(value: &mut Value, version: u32) {
    let Some(plr) = value.as_object_mut() else {
        return;
    };
    if version < 5 {
        plr.remove("ambassadors_review");
    }
    if version < 4 {
        plr.remove("concern_updates");
    }
    if let Some(actions) = plr.get_mut("actions").and_then(Value::as_array_mut) {
        for action in actions.iter_mut().filter_map(Value::as_object_mut) {
            if version < 4 {
                action.remove("transferred_on");
                action.remove("updated_on");
            }
            if version < 3 {
                action.remove("progress_note");
            }
        }
    }
    if let Some(judgement) = plr.get_mut("judgement").and_then(Value::as_object_mut) {
        if version < 2 {
            for key in JUDGEMENT_OF_2 {
                judgement.remove(key);
            }
        }
    }
    if let Some(case) = plr.get_mut("case").and_then(Value::as_object_mut) {
        if version < 1 {
            if let Some(child_ref) = case.remove("child_ref") {
                case.insert("child_reference".into(), child_ref);
            }
        }
    }
    plr.insert("schema_version".into(), Value::from(version));
}

/// The export text `export` as `version` wrote it ([`downgrade`]), pretty-printed with
/// `format` and `schema_version` first, as every export begins (the other keys in name order).
#[cfg(feature = "legacy-read")]
pub fn written_as(export: &str, version: u32) -> Result<String, serde_json::Error> {
    let mut value: Value = serde_json::from_str(export)?;
    downgrade(&mut value, version);
    let Value::Object(mut rest) = value else {
        return serde_json::to_string_pretty(&value);
    };
    let mut text = String::from("{");
    let mut separator = "\n";
    for key in ["format", "schema_version"] {
        if let Some(v) = rest.remove(key) {
            text.push_str(&format!("{separator}  {}: {v}", Value::from(key)));
            separator = ",\n";
        }
    }
    // "{\n  \"actions\": ...\n}", or "{}" when nothing else is left.
    match serde_json::to_string_pretty(&rest)?.strip_prefix("{\n") {
        Some(members) => text.push_str(&format!("{separator}{members}")),
        None => text.push_str(if text.len() > 1 { "\n}" } else { "}" }),
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use crate::import::{import, ImportError};
    use crate::model::SCHEMA_VERSION;

    #[test]
    fn a_version_2_file_imports_with_blank_progress_notes_and_no_warning() {
        let v2 = include_str!("../tests/fixtures/version-2-concern.json");
        assert!(v2.contains("\"schema_version\": 2"));
        let imported = import(v2.as_bytes()).unwrap();
        assert_eq!(imported.plr.schema_version, SCHEMA_VERSION);
        assert!(!imported.plr.actions.is_empty());
        assert!(imported
            .plr
            .actions
            .iter()
            .all(|a| a.progress_note.is_empty()));
        assert_eq!(imported.warnings, []);
    }

    #[test]
    fn a_version_3_action_keeps_its_progress_and_a_transferred_status() {
        let v2 = include_str!("../tests/fixtures/version-2-concern.json");
        let v3 = v2
            .replacen("\"schema_version\": 2", "\"schema_version\": 3", 1)
            .replacen(
                "\"status\": \"open\",",
                "\"status\": \"transferred\", \"progress_note\": \"In the plan since 2 Dec\",",
                1,
            );
        // A version 3 file without the new key is refused by name, not silently blanked.
        assert!(import(
            v2.replacen("\"schema_version\": 2", "\"schema_version\": 3", 1)
                .as_bytes()
        )
        .is_err());
        let action = &import(v3.as_bytes()).unwrap().plr.actions[0];
        assert_eq!(action.status, crate::model::ActionStatus::Transferred);
        assert_eq!(action.progress_note, "In the plan since 2 Dec");
    }

    #[test]
    fn a_version_3_transferred_action_gets_its_day_of_transfer_and_says_when_it_was_estimated() {
        let v3 = include_str!("../tests/fixtures/version-3-concern.json");
        assert!(v3.contains("\"schema_version\": 3"));
        let plain = import(v3.as_bytes()).unwrap();
        assert_eq!(plain.plr.schema_version, SCHEMA_VERSION);
        assert_eq!(plain.plr.concern_updates, []);
        assert!(plain
            .plr
            .actions
            .iter()
            .all(|a| a.updated_on.is_none() && a.transferred_on.is_none()));
        assert_eq!(plain.warnings, []);

        // Transferred with no completion date: the day the file was last saved, said so.
        let undated = v3.replacen("\"status\": \"open\"", "\"status\": \"transferred\"", 1);
        let imported = import(undated.as_bytes()).unwrap();
        let action = &imported.plr.actions[0];
        assert_eq!(
            action.transferred_on,
            Some(imported.plr.updated_at.date_naive())
        );
        let paths: Vec<&str> = imported.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["actions[0].transferred_on"]);

        // With a completion date: that day, nothing estimated.
        let dated = undated.replacen(
            "\"completed_on\": null",
            "\"completed_on\": \"2026-11-25\"",
            1,
        );
        let imported = import(dated.as_bytes()).unwrap();
        assert_eq!(
            imported.plr.actions[0].transferred_on,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        assert_eq!(imported.warnings, []);
    }

    #[test]
    fn a_version_4_file_without_its_updates_is_refused_by_name() {
        let v3 = include_str!("../tests/fixtures/version-3-concern.json");
        let v4 = v3.replacen("\"schema_version\": 3", "\"schema_version\": 4", 1);
        match import(v4.as_bytes()) {
            Err(ImportError::Invalid(p)) => {
                assert_eq!(
                    p[0].to_string(),
                    "$: the required field \"concern_updates\" is missing"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_version_4_file_imports_with_no_ambassadors_review() {
        let v3 = include_str!("../tests/fixtures/version-3-concern.json");
        let mut v4: serde_json::Value = serde_json::from_str(v3).unwrap();
        super::from_3_to_4(&mut v4);
        assert_eq!(v4["schema_version"], 4);
        let text = v4.to_string();
        let imported = import(text.as_bytes()).unwrap();
        assert_eq!(imported.plr.schema_version, SCHEMA_VERSION);
        assert_eq!(imported.plr.ambassadors_review, None);
        assert_eq!(imported.warnings, []);
    }

    #[test]
    fn a_version_0_file_is_migrated_on_import() {
        let v0 = include_str!("../tests/fixtures/version-0.json");
        let imported = import(v0.as_bytes()).unwrap();
        assert_eq!(imported.plr.case.child_ref, "LL-000001");
        assert_eq!(imported.plr.schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn a_version_1_case_of_concern_imports_with_its_deadline_recomputed() {
        let v1 = include_str!("../tests/fixtures/version-1-concern.json");
        let imported = import(v1.as_bytes()).unwrap();
        let j = &imported.plr.judgement;
        assert_eq!(imported.plr.schema_version, SCHEMA_VERSION);
        // The flag's time was not recorded: the earliest moment the file proves is used.
        assert_eq!(j.immediate_concern_at, Some(imported.plr.created_at));
        assert_eq!(j.first_completed_inadequate_at, imported.plr.completed_at);
        assert_eq!(j.final_grade_chosen_against, j.suggested.grade);
        assert_eq!(
            j.share_by,
            imported
                .plr
                .created_at
                .checked_add_signed(chrono::Duration::hours(24))
        );
        let paths: Vec<&str> = imported.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["judgement.share_by"]);
    }

    #[test]
    fn a_current_export_written_as_an_older_version_is_what_that_version_wrote() {
        let current = include_str!("../tests/fixtures/completed-concern.json");
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        // The version 2 and 3 fixtures are this review as those versions wrote it.
        for (version, written) in [
            (2, include_str!("../tests/fixtures/version-2-concern.json")),
            (3, include_str!("../tests/fixtures/version-3-concern.json")),
        ] {
            assert_eq!(
                value(&super::written_as(current, version).unwrap()),
                value(written)
            );
        }
        for version in 0..=SCHEMA_VERSION {
            let older = super::written_as(current, version).unwrap();
            // As every export begins, so import takes the typed read of its version.
            assert!(older.starts_with(&format!(
                "{{\n  \"format\": \"practice-learning-review\",\n  \"schema_version\": {version},\n  \""
            )));
            let imported = import(older.as_bytes()).unwrap();
            assert_eq!(imported.plr.case.child_ref, "LL-771204");
            // What version 1 did not record is filled in as its migration fills it.
            let details = &imported.plr.judgement.immediate_concern_details;
            assert_eq!(details.is_empty(), version < 2, "{version}");
        }
        let v0 = value(&super::written_as(current, 0).unwrap());
        assert_eq!(v0["case"]["child_reference"], "LL-771204");
        assert_eq!(v0["case"].get("child_ref"), None);
        assert_eq!(super::written_as("[1]", 1).unwrap(), "[\n  1\n]");
        assert_eq!(
            super::written_as("{}", 1).unwrap(),
            "{\n  \"schema_version\": 1\n}"
        );
    }

    #[test]
    fn a_newer_version_is_refused_with_a_reason() {
        let v0 = include_str!("../tests/fixtures/version-0.json");
        let v9 = v0.replace("\"schema_version\": 0", "\"schema_version\": 9");
        match import(v9.as_bytes()) {
            Err(ImportError::Invalid(p)) => assert!(p[0]
                .to_string()
                .starts_with("schema_version: version 9 is newer")),
            other => panic!("{other:?}"),
        }
    }
}
