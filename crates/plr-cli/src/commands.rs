//! The work of each command, writing to any output so tests can read it.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use plr_core::import::{import, ImportError, Imported, MAX_FILE_BYTES};

/// Exit code: every input was fine.
pub const OK: u8 = 0;
/// Exit code: some input was invalid.
pub const INVALID: u8 = 1;

/// Reads a file, refusing one over the size limit without reading it whole.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err("larger than the 5 MB limit".into());
    }
    Ok(bytes)
}

fn load(path: &Path) -> Result<Imported, Vec<String>> {
    let bytes = read_limited(path).map_err(|e| vec![format!("$: {e}")])?;
    import(&bytes).map_err(|e| match e {
        ImportError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    })
}

/// The files named: files as they are, directories searched (recursively) for `*.json`.
fn files_under(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut stack = vec![path.clone()];
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                found.sort();
                for entry in found {
                    if entry.is_dir() {
                        stack.push(entry);
                    } else if entry.extension().is_some_and(|x| x == "json") {
                        files.push(entry);
                    }
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// `plr validate`: one line per file.
pub fn validate(paths: &[PathBuf], out: &mut impl Write) -> u8 {
    let mut code = OK;
    for file in files_under(paths) {
        let shown = file.display();
        match load(&file) {
            Ok(imported) => {
                let _ = writeln!(out, "ok {shown}");
                for warning in imported.warnings {
                    let _ = writeln!(out, "warning {shown}: {warning}");
                }
            }
            Err(problems) => {
                code = INVALID;
                for problem in problems {
                    let _ = writeln!(out, "{shown}: {problem}");
                }
            }
        }
    }
    code
}

/// `plr grade`: the recomputed suggestion, as `judgement.suggested`.
pub fn grade(file: &Path, out: &mut impl Write) -> u8 {
    match load(file) {
        Ok(imported) => match serde_json::to_string_pretty(&imported.plr.judgement.suggested) {
            Ok(json) => {
                let _ = writeln!(out, "{json}");
                OK
            }
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                INVALID
            }
        },
        Err(problems) => {
            for problem in problems {
                eprintln!("{}: {problem}", file.display());
            }
            INVALID
        }
    }
}

/// `plr schema`: the export's JSON Schema.
pub fn schema(out: &mut impl Write) -> u8 {
    let _ = write!(out, "{}", plr_core::export::json_schema());
    OK
}
