//! Import: an exported PLR file is untrusted input. It is parsed once, here, into the model,
//! with size, length and list limits, framework ids checked, older schema versions migrated,
//! and every problem reported with its JSON path.

use std::collections::HashSet;

use serde_json::Value;

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::migrate::migrate;
use crate::model::{Plr, Status, FORMAT};

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The longest narrative (notes, reflections, impact, rationale, descriptions), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest short field (names, references, team, ids), in characters.
pub const MAX_SHORT_CHARS: usize = 200;
/// The most actions a PLR may have.
pub const MAX_ACTIONS: usize = 200;

/// One problem with an imported file, at a JSON path (`$` for the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// e.g. `sections[2].items[4].rating`.
    pub path: String,
    /// Plain English.
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Over [`MAX_FILE_BYTES`].
    #[error("the file is {0} bytes; the limit is 5 MB")]
    TooLarge(usize),
    /// Not JSON at all (or cut short).
    #[error("$: not valid JSON ({0})")]
    NotJson(String),
    /// JSON, but not a PLR export (`format` missing or different).
    #[error("$.format: not a Practice Learning Review export")]
    NotAPlr,
    /// A PLR export with problems.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ImportProblem>),
}

/// A successfully imported PLR, and anything worth telling the user about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The PLR, migrated to the current schema, with its suggestion recomputed.
    pub plr: Plr,
    /// Accepted but noteworthy, e.g. a stored suggestion that disagreed with the recomputation.
    pub warnings: Vec<String>,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        path: path.into(),
        message: message.into(),
    }
}

/// Finds the framework a file names. Only the embedded frameworks are known.
fn framework_for(plr: &Plr) -> Option<&'static Framework> {
    let f = Framework::practice_fundamentals();
    (plr.framework.id == f.id && plr.framework.version == f.version).then_some(f)
}

/// Parses, migrates and checks an export file.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAPlr);
    }
    migrate(&mut value).map_err(|p| ImportError::Invalid(vec![p]))?;
    let plr: Plr = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "$".to_string() } else { path };
        ImportError::Invalid(vec![problem(path, e.into_inner().to_string())])
    })?;
    let Some(framework) = framework_for(&plr) else {
        return Err(ImportError::Invalid(vec![problem(
            "framework",
            format!(
                "unknown framework {} version {}",
                plr.framework.id, plr.framework.version
            ),
        )]));
    };
    let problems = check(&plr, framework);
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    let mut plr = plr;
    let mut warnings = Vec::new();
    let recomputed = suggest_grade(framework, &plr.sections, plr.judgement.immediate_concern);
    if recomputed != plr.judgement.suggested {
        warnings.push(
            "judgement.suggested: the stored suggestion differs from the one these ratings give; it has been recomputed (the file was edited by hand, or by another version)".into(),
        );
        plr.judgement.suggested = recomputed;
    }
    Ok(Imported { plr, warnings })
}

fn limit(out: &mut Vec<ImportProblem>, path: String, text: &str, max: usize) {
    if text.chars().count() > max {
        out.push(problem(path, format!("longer than {max} characters")));
    }
}

/// Limits, ids and the invariants a file must keep to make sense.
fn check(plr: &Plr, framework: &Framework) -> Vec<ImportProblem> {
    let mut out = Vec::new();
    let short = [
        ("case.child_ref", &plr.case.child_ref),
        ("case.team", &plr.case.team),
        ("review.reviewer.name", &plr.review.reviewer.name),
        ("review.practitioner.name", &plr.review.practitioner.name),
    ];
    for (path, text) in short {
        limit(&mut out, path.to_string(), text, MAX_SHORT_CHARS);
    }
    let mut long: Vec<(String, &String)> = vec![
        (
            "judgement.impact_on_child".into(),
            &plr.judgement.impact_on_child,
        ),
        ("judgement.rationale".into(), &plr.judgement.rationale),
    ];
    for (s, section) in plr.sections.iter().enumerate() {
        long.push((
            format!("sections[{s}].practitioner_reflection"),
            &section.practitioner_reflection,
        ));
        long.push((
            format!("sections[{s}].reviewer_evaluation"),
            &section.reviewer_evaluation,
        ));
        for (i, item) in section.items.iter().enumerate() {
            long.push((format!("sections[{s}].items[{i}].note"), &item.note));
        }
    }
    for (a, action) in plr.actions.iter().enumerate() {
        long.push((format!("actions[{a}].description"), &action.description));
        limit(
            &mut out,
            format!("actions[{a}].id"),
            &action.id,
            MAX_SHORT_CHARS,
        );
        limit(
            &mut out,
            format!("actions[{a}].owner"),
            &action.owner,
            MAX_SHORT_CHARS,
        );
    }
    if let Some(m) = &plr.moderation {
        long.push(("moderation.comments".into(), &m.comments));
    }
    for (path, text) in long {
        limit(&mut out, path, text, MAX_TEXT_CHARS);
    }

    if plr.sections.len() != framework.areas.len() {
        out.push(problem(
            "sections",
            format!(
                "expected {} areas, found {}",
                framework.areas.len(),
                plr.sections.len()
            ),
        ));
    }
    let mut areas_seen = HashSet::new();
    for (s, section) in plr.sections.iter().enumerate() {
        let Some(area) = framework.area(&section.id) else {
            out.push(problem(
                format!("sections[{s}].id"),
                format!("{} is not an area of {}", section.id, framework.id),
            ));
            continue;
        };
        if !areas_seen.insert(&section.id) {
            out.push(problem(
                format!("sections[{s}].id"),
                format!("area {} appears more than once", section.id),
            ));
        }
        let mut seen = HashSet::new();
        for (i, item) in section.items.iter().enumerate() {
            if !area.statements.iter().any(|st| st.id == item.id) {
                out.push(problem(
                    format!("sections[{s}].items[{i}].id"),
                    format!("{} is not a statement of {}", item.id, area.title),
                ));
            } else if !seen.insert(&item.id) {
                out.push(problem(
                    format!("sections[{s}].items[{i}].id"),
                    format!("statement {} appears more than once", item.id),
                ));
            }
        }
        if section.items.len() > area.statements.len() {
            out.push(problem(
                format!("sections[{s}].items"),
                format!("more items than {} has statements", area.title),
            ));
        }
    }

    if plr.actions.len() > MAX_ACTIONS {
        out.push(problem(
            "actions",
            format!("more than {MAX_ACTIONS} actions"),
        ));
    }
    let mut action_ids = HashSet::new();
    for (a, action) in plr.actions.iter().enumerate() {
        if !action_ids.insert(&action.id) {
            out.push(problem(
                format!("actions[{a}].id"),
                format!("action id {} appears more than once", action.id),
            ));
        }
    }
    if plr.status == Status::Completed && plr.completed_at.is_none() {
        out.push(problem(
            "completed_at",
            "a completed review needs its completion time",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::export_json;
    use crate::model::{PlrId, Rating};

    fn sample() -> String {
        let f = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
        plr.sections[0].items[0].rating = Some(Rating::Met);
        export_json(&plr, f).unwrap()
    }

    fn problems_of(json: &str) -> Vec<String> {
        match import(json.as_bytes()) {
            Err(ImportError::Invalid(p)) => p.into_iter().map(|p| p.to_string()).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn an_export_imports_back_unchanged() {
        let json = sample();
        let imported = import(json.as_bytes()).unwrap();
        assert!(imported.warnings.is_empty());
        assert_eq!(
            export_json(&imported.plr, Framework::practice_fundamentals()).unwrap(),
            json
        );
    }

    #[test]
    fn a_wrong_value_is_reported_at_its_json_path() {
        let json = sample().replacen("\"rating\": \"met\"", "\"rating\": \"brilliant\"", 1);
        let problems = problems_of(&json);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("sections[0].items[0].rating: unknown variant `brilliant`"),
            "{problems:?}"
        );
    }

    #[test]
    fn unknown_ids_and_non_plr_files_are_refused_and_unknown_keys_ignored() {
        let json = sample().replacen("\"SM2\"", "\"ZZ9\"", 1);
        assert_eq!(
            problems_of(&json),
            ["sections[0].items[1].id: ZZ9 is not a statement of Supervision and Management"]
        );
        let json = sample().replacen("\"SM2\"", "\"SM1\"", 1);
        assert_eq!(
            problems_of(&json),
            ["sections[0].items[1].id: statement SM1 appears more than once"]
        );
        assert_eq!(
            import(b"{\"format\": \"other\"}"),
            Err(ImportError::NotAPlr)
        );
        assert!(matches!(
            import(b"{\"format\": \"practice-le"),
            Err(ImportError::NotJson(_))
        ));
        let extra = sample().replacen("{", "{\n  \"added_later\": [1, 2],", 1);
        assert!(import(extra.as_bytes()).is_ok());
        let huge = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            import(&huge),
            Err(ImportError::TooLarge(MAX_FILE_BYTES + 1))
        );
    }

    #[test]
    fn a_hand_edited_suggestion_is_recomputed_with_a_warning() {
        let json = sample().replacen("\"grade\": \"outstanding\"", "\"grade\": \"inadequate\"", 1);
        let imported = import(json.as_bytes()).unwrap();
        assert_eq!(
            imported.plr.judgement.suggested.grade,
            Some(crate::model::Grade::Outstanding)
        );
        assert_eq!(imported.warnings.len(), 1);
    }
}
