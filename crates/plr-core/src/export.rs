//! Export: the deterministic JSON file of a PLR, and its file name (`export.md`).

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{Plr, Status};

/// Why an export could not be written (serialisation of the model cannot fail in practice).
#[derive(Debug, thiserror::Error)]
#[error("the review could not be written as JSON: {0}")]
pub struct ExportError(#[from] serde_json::Error);

/// The export file's text: pretty-printed, keys in a fixed order, ending with a newline, with
/// the suggestion recomputed. The same PLR always gives the same bytes.
pub fn export_json(plr: &Plr, framework: &Framework) -> Result<String, ExportError> {
    let mut plr = plr.clone();
    plr.judgement.suggested =
        suggest_grade(framework, &plr.sections, plr.judgement.immediate_concern);
    let mut json = serde_json::to_string_pretty(&plr)?;
    json.push('\n');
    Ok(json)
}

/// `plr-<child_ref>-<review date>-<status>.json`; characters outside `[A-Za-z0-9_-]` in the
/// case reference become `_`. A blank reference is `no-ref`, a missing date `undated`.
pub fn export_file_name(plr: &Plr) -> String {
    let child_ref: String = plr
        .case
        .child_ref
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let child_ref = if child_ref.is_empty() {
        "no-ref".to_string()
    } else {
        child_ref
    };
    let date = plr.review.date.map_or_else(
        || "undated".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    let status = match plr.status {
        Status::Draft => "draft",
        Status::Completed => "completed",
    };
    format!("plr-{child_ref}-{date}-{status}.json")
}

/// The JSON Schema of the export format, generated from the model (pretty, ending with a
/// newline). The committed copy is `schema/plr-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plr);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlrId;

    #[test]
    fn file_names_follow_the_contract() {
        let f = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
        assert_eq!(export_file_name(&plr), "plr-no-ref-undated-draft.json");
        plr.case.child_ref = "LL/48 29é".into();
        plr.review.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
        plr.status = Status::Completed;
        assert_eq!(
            export_file_name(&plr),
            "plr-LL_48_29_-2026-11-20-completed.json"
        );
    }

    #[test]
    fn export_is_deterministic_and_recomputes_the_suggestion() {
        let f = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
        plr.sections[0].items[0].rating = Some(crate::model::Rating::Met);
        let first = export_json(&plr, f).unwrap();
        assert_eq!(first, export_json(&plr, f).unwrap());
        let back: Plr = serde_json::from_str(&first).unwrap();
        assert_eq!(
            back.judgement.suggested.grade,
            Some(crate::model::Grade::Outstanding)
        );
        assert!(first.ends_with("}\n"));
    }

    /// Regenerate with `UPDATE_SCHEMA=1 cargo test -p plr-core schema`.
    #[test]
    fn the_committed_schema_matches_the_types() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/plr-v1.schema.json"
        );
        let generated = json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(committed == generated, "schema/plr-v1.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p plr-core schema");
    }
}
