//! The work of each command, writing to any output so tests can read it.
//!
//! Output lines (`cli.md`): `ok <file>`, `<file>: <json path>: <problem>`,
//! `warning <file>: <json path>: <message>`, and, for files found in a directory that are not
//! PLR exports, `skipped <file>: not a Practice Learning Review export`.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use plr_core::import::{import, ImportError, ImportProblem, Imported, MAX_FILE_BYTES};

/// Exit code: every input was fine.
pub const OK: u8 = 0;
/// Exit code: some input was invalid (the rest was still processed).
pub const INVALID: u8 = 1;

/// Why a file was not imported.
enum LoadError {
    /// Not a PLR export at all (`format` missing or different).
    NotAPlr(ImportError),
    /// Unreadable, too large, or a PLR export with problems.
    Problems(Vec<ImportProblem>),
}

/// Reads a file, refusing one over the size limit without reading it whole.
fn read_limited(path: &Path) -> Result<Vec<u8>, ImportProblem> {
    let cannot_read = |e: std::io::Error| ImportProblem::new("$", format!("cannot read: {e}"));
    let file = File::open(path).map_err(cannot_read)?;
    let too_large = |size: u64| {
        ImportProblem::new(
            "$",
            format!("the file is {size} bytes, larger than the 5 MB limit"),
        )
    };
    let limit = MAX_FILE_BYTES as u64;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(ImportProblem::new("$", "is a directory, not a file"));
        }
        if meta.len() > limit {
            return Err(too_large(meta.len()));
        }
    }
    // The file may have grown since, or be a special file: never read past the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(ImportProblem::new(
            "$",
            "the file is larger than the 5 MB limit",
        ));
    }
    Ok(bytes)
}

fn load(path: &Path) -> Result<Imported, LoadError> {
    let bytes = read_limited(path).map_err(|p| LoadError::Problems(vec![p]))?;
    import(&bytes).map_err(|e| match e {
        ImportError::NotAPlr => LoadError::NotAPlr(e),
        other => LoadError::Problems(other.problems()),
    })
}

/// A file to check, and whether it was found by searching a directory (such files are
/// skipped, not failed, when they are not PLR exports).
struct Found {
    path: PathBuf,
    in_directory: bool,
}

/// The files named: files as they are, directories searched recursively for `*.json` (in
/// name order; symbolic links to directories are not followed, so a loop cannot hang us).
fn files_under(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Found> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(Found {
                path: path.clone(),
                in_directory: false,
            });
            continue;
        }
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    errors.push(format!("{}: $: cannot read directory: {e}", dir.display()));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            found.sort();
            let mut subdirectories = Vec::new();
            for entry in found {
                let Ok(kind) = std::fs::symlink_metadata(&entry).map(|m| m.file_type()) else {
                    continue;
                };
                if kind.is_dir() {
                    subdirectories.push(entry);
                } else if entry.extension().is_some_and(|x| x == "json") && !entry.is_dir() {
                    files.push(Found {
                        path: entry,
                        in_directory: true,
                    });
                }
            }
            // Reversed onto the stack so subdirectories are visited in name order.
            stack.extend(subdirectories.into_iter().rev());
        }
    }
    files
}

/// `plr validate`: one line per file on `out`, a count on `err`.
pub fn validate(paths: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let mut directory_errors = Vec::new();
    let files = files_under(paths, &mut directory_errors);
    let (mut valid, mut invalid, mut skipped) = (0, directory_errors.len(), 0);
    for line in directory_errors {
        let _ = writeln!(out, "{line}");
    }
    for found in files {
        let shown = found.path.display();
        match load(&found.path) {
            Ok(imported) => {
                valid += 1;
                let _ = writeln!(out, "ok {shown}");
                for warning in imported.warnings {
                    let _ = writeln!(out, "warning {shown}: {warning}");
                }
            }
            Err(LoadError::NotAPlr(_)) if found.in_directory => {
                skipped += 1;
                let _ = writeln!(
                    out,
                    "skipped {shown}: not a Practice Learning Review export"
                );
            }
            Err(LoadError::NotAPlr(e)) => {
                invalid += 1;
                let _ = writeln!(out, "{shown}: {e}");
            }
            Err(LoadError::Problems(problems)) => {
                invalid += 1;
                for problem in problems {
                    let _ = writeln!(out, "{shown}: {problem}");
                }
            }
        }
    }
    let _ = writeln!(
        err,
        "{valid} valid, {invalid} invalid, {skipped} skipped (not Practice Learning Review exports)"
    );
    if invalid > 0 {
        INVALID
    } else {
        OK
    }
}

/// `plr grade`: the recomputed suggestion, in the shape of `judgement.suggested`, on `out`;
/// problems and warnings on `err`, each naming the file.
pub fn grade(file: &Path, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let shown = file.display();
    match load(file) {
        Ok(imported) => {
            for warning in &imported.warnings {
                let _ = writeln!(err, "warning {shown}: {warning}");
            }
            match serde_json::to_string_pretty(&imported.plr.judgement.suggested) {
                Ok(json) => {
                    let _ = writeln!(out, "{json}");
                    OK
                }
                Err(e) => {
                    let _ = writeln!(err, "{shown}: $: {e}");
                    INVALID
                }
            }
        }
        Err(LoadError::NotAPlr(e)) => {
            let _ = writeln!(err, "{shown}: {e}");
            INVALID
        }
        Err(LoadError::Problems(problems)) => {
            for problem in problems {
                let _ = writeln!(err, "{shown}: {problem}");
            }
            INVALID
        }
    }
}

/// `plr schema`: the export's JSON Schema, the same text as `schema/plr-v2.schema.json`.
pub fn schema(out: &mut impl Write) -> u8 {
    let _ = write!(out, "{}", plr_core::export::json_schema());
    OK
}
