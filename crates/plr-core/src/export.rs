//! Export: the deterministic JSON file of a PLR, and its file name (`export.md`).

use crate::derived::recompute_derived;
use crate::framework::Framework;
use crate::model::{Plr, Status};

/// Why an export could not be written (serialisation of the model cannot fail in practice).
#[derive(Debug, thiserror::Error)]
#[error("the review could not be written as JSON: {0}")]
pub struct ExportError(#[from] serde_json::Error);

/// The export file's text: pretty-printed (two-space indent), keys in the model's field order,
/// ending with a newline, with the derived fields (suggested grade, share-by deadline,
/// moderation effect) recomputed by [`recompute_derived`]. The same PLR always gives the
/// same bytes, and importing them gives the same PLR back.
pub fn export_json(plr: &Plr, framework: &Framework) -> Result<String, ExportError> {
    let mut plr = plr.clone();
    recompute_derived(&mut plr, framework);
    let mut json = serde_json::to_string_pretty(&plr)?;
    json.push('\n');
    Ok(json)
}

/// The longest case reference put in a file name, in characters (file systems limit names to
/// 255 bytes; real case references are far shorter).
pub const MAX_FILE_NAME_REF_CHARS: usize = 100;

/// `plr-<child_ref>-<review date>-<status>.json`, e.g.
/// `plr-LL-482913-2026-11-20-completed.json` (`export.md`).
///
/// Characters outside `[A-Za-z0-9_-]` in the case reference become `_` (after trimming
/// surrounding spaces, and cut to [`MAX_FILE_NAME_REF_CHARS`]). A draft may not have these
/// answers yet: a blank reference is written `no-ref` and a missing review date `undated`,
/// e.g. `plr-no-ref-undated-draft.json`.
pub fn export_file_name(plr: &Plr) -> String {
    let child_ref: String = plr
        .case
        .child_ref
        .trim()
        .chars()
        .take(MAX_FILE_NAME_REF_CHARS)
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
    // `YYYY-MM-DD` (NaiveDate's Display; chrono's `format` engine stays out of the download).
    let date = plr
        .review
        .date
        .map_or_else(|| "undated".to_string(), |d| d.to_string());
    let status = match plr.status {
        Status::Draft => "draft",
        Status::Completed => "completed",
    };
    format!("plr-{child_ref}-{date}-{status}.json")
}

/// The JSON Schema of the export format, generated from the model with `schemars` (pretty,
/// ending with a newline). `plr schema` prints it.
///
/// The committed copy is `schema/plr-v<SCHEMA_VERSION>.schema.json` (now `plr-v5.schema.json`)
/// at the repository root; a test fails when it and the types drift, or when the version is
/// bumped without a new file. Older versions' files stay as they were, for files of those
/// versions. Regenerate with `UPDATE_SCHEMA=1 cargo test -p plr-core schema` (or
/// `cargo run -p plr-cli -- schema > schema/plr-v5.schema.json`).
pub fn json_schema() -> String {
    schema_text::<Plr>()
}

/// The JSON Schema of `T` as a committed schema file holds it: pretty, with a final newline
/// (also used by `plr-report` for the snapshot settings schema).
pub fn schema_text<T: schemars::JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
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
        plr.case.child_ref = format!(" {} ", "R".repeat(300));
        let name = export_file_name(&plr);
        assert_eq!(name.len(), "plr--2026-11-20-completed.json".len() + 100);
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
        let name = format!("plr-v{}.schema.json", crate::model::SCHEMA_VERSION);
        let path = format!("{}/../../schema/{name}", env!("CARGO_MANIFEST_DIR"));
        let generated = json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "schema/{name} is out of date: run UPDATE_SCHEMA=1 cargo test -p plr-core schema"
        );
    }

    /// The version 1 schema is kept as published: version 1 files still import, and the QA
    /// service may still validate them against it.
    #[test]
    fn the_version_1_schema_is_kept_and_knows_none_of_the_version_2_fields() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/plr-v1.schema.json"
        );
        let v1 = std::fs::read_to_string(path).unwrap_or_default();
        assert!(v1.contains("\"immediate_concern\""));
        assert!(!v1.contains("immediate_concern_at"));
        assert!(json_schema().contains("\"immediate_concern_at\""));
    }
}
