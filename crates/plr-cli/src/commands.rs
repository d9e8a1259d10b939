//! The work of each command, writing to any output so tests can read it.
//!
//! Output lines (`cli.md`): `ok <file>`, `<file>: <json path>: <problem>`,
//! `warning <file>: <json path>: <message>`, and, for files found in a directory that are not
//! PLR exports, `skipped <file>: not a Practice Learning Review export`.

use std::io::Write;
use std::path::{Path, PathBuf};

use plr_core::import::Imported;

use crate::files::{files_under, load, load_bytes, open_zip, LoadError};

/// Exit code: every input was fine.
pub const OK: u8 = 0;
/// Exit code: some input was invalid (the rest was still processed).
pub const INVALID: u8 = 1;
/// Exit code: the command line itself was wrong (an option's value, a settings file).
pub const USAGE: u8 = 2;

/// How many files `plr validate` found valid, invalid and skipped.
#[derive(Default)]
struct Tally {
    valid: usize,
    invalid: usize,
    skipped: usize,
}

impl Tally {
    /// Prints one file's outcome on `out` and counts it; `in_directory`: found by searching
    /// (a directory, or a zip), so skipped rather than failed when not an export.
    fn report(
        &mut self,
        shown: &dyn std::fmt::Display,
        loaded: Result<Imported, LoadError>,
        in_directory: bool,
        out: &mut impl Write,
    ) {
        match loaded {
            Ok(imported) => {
                self.valid += 1;
                let _ = writeln!(out, "ok {shown}");
                for warning in imported.warnings {
                    let _ = writeln!(out, "warning {shown}: {warning}");
                }
            }
            Err(LoadError::NotAPlr(_)) if in_directory => {
                self.skipped += 1;
                let _ = writeln!(
                    out,
                    "skipped {shown}: not a Practice Learning Review export"
                );
            }
            Err(LoadError::NotAPlr(e)) => {
                self.invalid += 1;
                let _ = writeln!(out, "{shown}: {e}");
            }
            Err(LoadError::Problems(problems)) => {
                self.invalid += 1;
                for problem in problems {
                    let _ = writeln!(out, "{shown}: {problem}");
                }
            }
        }
    }

    /// Prints a problem with a whole file (or zip) on `out` and counts it invalid.
    fn refuse(&mut self, shown: &dyn std::fmt::Display, why: &str, out: &mut impl Write) {
        self.invalid += 1;
        let _ = writeln!(out, "{shown}: $: {why}");
    }
}

/// `plr validate`: one line per file (each `.json` entry of a named zip a file of its own) on
/// `out`, a count on `err`.
pub fn validate(paths: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let mut directory_errors = Vec::new();
    let files = files_under(paths, &mut directory_errors);
    let mut tally = Tally::default();
    for (dir, why) in directory_errors {
        tally.refuse(&dir, &format!("cannot read directory: {why}"), out);
    }
    for found in files {
        let shown = found.path.display();
        if !found.is_zip() {
            tally.report(&shown, load(&found.path), found.in_directory, out);
            continue;
        }
        match open_zip(&found.path) {
            Ok(archive) => {
                for entry in archive.entries() {
                    match entry.bytes {
                        Ok(bytes) => tally.report(&entry.name, load_bytes(&bytes), true, out),
                        Err(why) => tally.refuse(&entry.name, &why, out),
                    }
                }
            }
            Err(why) => tally.refuse(&shown, &why, out),
        }
    }
    let Tally {
        valid,
        invalid,
        skipped,
    } = tally;
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

/// `plr schema`: the export's JSON Schema, the same text as `schema/plr-v5.schema.json`;
/// with `settings`, the snapshot settings file's (`schema/snapshot-settings.schema.json`).
pub fn schema(settings: bool, out: &mut impl Write) -> u8 {
    let schema = if settings {
        plr_report::snapshot::Settings::json_schema()
    } else {
        plr_core::export::json_schema()
    };
    let _ = write!(out, "{schema}");
    OK
}
