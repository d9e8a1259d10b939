//! Import: an exported PLR file is untrusted input. It is parsed once, here, into the model:
//!
//! 1. the size limit ([`MAX_FILE_BYTES`]) is checked before anything is parsed;
//! 2. the JSON must be a PLR export (`format`), else [`ImportError::NotAPlr`] (the command line
//!    skips such files in directories);
//! 3. older schema versions are migrated on the raw JSON ([`crate::migrate`]);
//! 4. the typed parse reports the first wrong type or missing key at its JSON path
//!    (`sections[2].items[4].rating: unknown variant ...`, found from where the parser stopped:
//!    `import/path.rs`); unknown keys are ignored;
//! 5. the framework the file names must be known, and every limit, id and invariant is
//!    checked (`import/check.rs`), collecting every problem with its path;
//! 6. derived fields (the suggested grade, the share-by deadline, the moderation effect) are
//!    recomputed; a stored value that disagreed is replaced and reported as a warning.
//!
//! Steps 2 to 4 have a fast path (`import/fast.rs`): a current-version (or version 4) file is
//! read by one typed parse straight into the model, with no JSON value built first. A file
//! that path cannot take (broken, an older version, not a PLR) is parsed the slow way, so every
//! problem is named exactly as before; a valid file is read about twice as fast. With the
//! `legacy-read` feature (the command line's), a file of versions 1 to 3 has one too
//! (`import/legacy.rs`): one typed parse that fills what those versions lack as migration
//! would, and gives what the slow path gives, warnings included. With `value-import` (the
//! command line's too), an older version that neither typed read takes (version 0, or a file
//! they refuse) has its migrated value read straight into the model; only a file that read
//! refuses is written out again to name the path of its problem.

use serde_json::Value;

use crate::derived::recompute_derived;
use crate::framework::Framework;
use crate::migrate::migrate;
use crate::model::{Plr, FORMAT};
use crate::problem::Problem;

mod check;
mod fast;
#[cfg(feature = "legacy-read")]
mod legacy;
mod path;
mod words;

pub use crate::limits::{MAX_ACTIONS, MAX_FILE_BYTES, MAX_SHORT_CHARS, MAX_TEXT_CHARS};

/// Why a file could not be imported. Every variant displays as `<json path>: <message>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_FILE_BYTES`]; nothing was parsed.
    TooLarge(usize),
    /// Not JSON at all (or cut short).
    NotJson(String),
    /// JSON, but not a PLR export (`format` missing or different).
    NotAPlr,
    /// A PLR export with problems, each at its JSON path.
    Invalid(Vec<Problem>),
}

const NOT_A_PLR: &str = "not a Practice Learning Review export (\"format\" is missing or is not \"practice-learning-review\")";

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.problems().iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("; "))
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// Every problem, each with its JSON path (one for all variants but `Invalid`).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ImportError::Invalid(problems) => problems.clone(),
            ImportError::TooLarge(bytes) => vec![Problem::new(
                "$",
                format!("the file is {bytes} bytes, larger than the 5 MB limit"),
            )],
            ImportError::NotJson(why) => vec![Problem::new("$", format!("not valid JSON ({why})"))],
            ImportError::NotAPlr => vec![Problem::new("format", NOT_A_PLR)],
        }
    }
}

/// A successfully imported PLR, and anything worth telling the user about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The PLR, migrated to the current schema, with its derived fields recomputed.
    pub plr: Plr,
    /// Accepted but noteworthy, e.g. a stored suggestion that disagreed with the recomputation.
    pub warnings: Vec<Problem>,
}

/// At most 40 characters of untrusted text, for an error message.
pub(crate) fn shown(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Parses, migrates and checks an export file against the embedded Practice Fundamentals
/// framework.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, &[Framework::practice_fundamentals()])
}

/// Parses, migrates and checks an export file; the framework it names (id and version) must
/// be one of `frameworks`.
pub fn import_with(bytes: &[u8], frameworks: &[&Framework]) -> Result<Imported, ImportError> {
    let text = text_of(bytes)?;
    // Only an object can be an export: serde's typed read would take a list of its values too,
    // which the slow path refuses as not a PLR export.
    let object = text.trim_start().starts_with('{');
    // With `legacy-read`, a file that says it is of version 1 to 3 takes that typed read.
    #[cfg(feature = "legacy-read")]
    let typed = if !object {
        None
    } else if legacy::says_older(text) {
        legacy::parse(text)
    } else {
        fast::parse(text).map(|plr| (plr, Vec::new()))
    };
    #[cfg(not(feature = "legacy-read"))]
    let typed = match object {
        true => fast::parse(text).map(|plr| (plr, Vec::new())),
        false => None,
    };
    let (plr, notes) = match typed {
        Some(parsed) => parsed,
        None => parse_checked(text)?,
    };
    checked(plr, notes, frameworks)
}

/// [`import_with`] by the slow, exact path alone, whatever the file's version: the JSON value,
/// migration, then the typed parse. It gives what [`import_with`] gives for every file (but
/// for values inside keys the model ignores, which the typed reads skip unread), more slowly:
/// the reference that the tests hold the typed read of older versions to.
#[cfg(feature = "legacy-read")]
pub fn import_by_value(bytes: &[u8], frameworks: &[&Framework]) -> Result<Imported, ImportError> {
    let (plr, notes) = parse_checked(text_of(bytes)?)?;
    checked(plr, notes, frameworks)
}

/// Step 1: the bytes as text, within the size limit.
fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    // Text, not bytes, everywhere JSON is read in the app (the framework, stored drafts): one
    // copy of serde_json's parser in the WebAssembly instead of two.
    std::str::from_utf8(bytes).map_err(|e| ImportError::NotJson(e.to_string()))
}

/// Steps 5 and 6 for a parsed `plr`, with what reading it noted (`notes`) first among the
/// warnings.
fn checked(
    mut plr: Plr,
    notes: Vec<Problem>,
    frameworks: &[&Framework],
) -> Result<Imported, ImportError> {
    let named = &plr.framework;
    let Some(framework) = frameworks
        .iter()
        .find(|f| f.id == named.id && f.version == named.version)
    else {
        return Err(ImportError::Invalid(vec![Problem::new(
            "framework",
            format!(
                "unknown framework \"{}\" version \"{}\"",
                shown(&named.id),
                shown(&named.version)
            ),
        )]));
    };
    let problems = check::check(&plr, framework);
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    let mut warnings = notes;
    warnings.extend(
        recompute_derived(&mut plr, framework)
            .into_iter()
            .map(|r| Problem::new(r.path(), r.message())),
    );
    Ok(Imported { plr, warnings })
}

/// What import says of a transferred action of a file before version 4 with no completion
/// day, whose day of transfer migration estimated.
const ESTIMATED_TRANSFER: &str = "the day it was transferred was not recorded (files before version 4): estimated as the day the file was last saved";

/// The note on the `n`th action's estimated day of transfer ([`ESTIMATED_TRANSFER`]).
#[cfg(feature = "legacy-read")]
fn estimated_transfer(n: usize) -> Problem {
    Problem::new(format!("actions[{n}].transferred_on"), ESTIMATED_TRANSFER)
}

/// Steps 2 to 4 the slow, exact way, for a file the fast path did not take (a broken file, an
/// older schema version, not a PLR): the JSON value first, so that
/// a non-PLR file and a newer version are named as such, then migration, then the typed parse
/// with the JSON path of its first error. Also returns what migration had to estimate.
fn parse_checked(text: &str) -> Result<(Plr, Vec<Problem>), ImportError> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAPlr);
    }
    let version = value.get("schema_version").cloned();
    let notes: Vec<Problem> = crate::migrate::estimated_transfers(&value)
        .into_iter()
        .map(|path| Problem::new(path, ESTIMATED_TRANSFER))
        .collect();
    migrate(&mut value).map_err(|p| ImportError::Invalid(vec![p]))?;
    let migrated_from_older = value.get("schema_version") != version.as_ref();
    // With `value-import`, a migrated file is read from its value: a valid one needs no second
    // parse. (The typed read of a value says what is wrong but not where, so a file it refuses
    // is written out and read again as text, below, to name the path.)
    #[cfg(feature = "value-import")]
    if migrated_from_older {
        if let Ok(plr) = <Plr as serde::Deserialize>::deserialize(&value) {
            return Ok((plr, notes));
        }
    }
    // The typed parse reads text, so that its errors have a position to name the path by;
    // a migrated file is written out again first.
    let migrated;
    let text = if !migrated_from_older {
        text
    } else {
        // Pretty, as the export writes: one flavour of the JSON writer in the form.
        migrated = serde_json::to_string_pretty(&value)
            .map_err(|e| ImportError::NotJson(e.to_string()))?;
        &migrated
    };
    drop(value);
    let plr = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        // serde_json's message without its " at line L column C" (the path says where).
        let message = e.to_string();
        let message = message
            .strip_suffix(&format!(" at line {line} column {column}"))
            .unwrap_or(&message);
        let message = words::in_words(message);
        ImportError::Invalid(vec![Problem::new(
            path::path_at(text.as_bytes(), line, column),
            message,
        )])
    })?;
    Ok((plr, notes))
}

#[cfg(test)]
mod tests;
