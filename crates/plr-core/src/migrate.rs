//! Migration of older export schema versions to the current one, on the raw JSON, before the
//! typed parse. Each step lifts a file by one version.

use serde_json::Value;

use crate::import::ImportProblem;
use crate::model::SCHEMA_VERSION;

/// Lifts `value` to [`SCHEMA_VERSION`], one step at a time.
///
/// Version 0 was the pre-release format, in which `case.child_ref` was `case.child_reference`.
pub fn migrate(value: &mut Value) -> Result<(), ImportProblem> {
    let problem = |message: String| ImportProblem::new("schema_version", message);
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
        if from == 0 {
            from_0_to_1(value);
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

#[cfg(test)]
mod tests {
    use crate::import::{import, ImportError};

    #[test]
    fn a_version_0_file_is_migrated_on_import() {
        let v0 = include_str!("../tests/fixtures/version-0.json");
        let imported = import(v0.as_bytes()).unwrap();
        assert_eq!(imported.plr.case.child_ref, "LL-000001");
        assert_eq!(imported.plr.schema_version, 1);
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
