//! `plr generate`: synthetic exports for tests, benchmarks and demos, written in parallel.
//! The PLRs come from the core's seeded [`Generator`], so a seed always gives the same files;
//! or a [`Batch`] built to known figures (`--batch seed-003-july-2022`).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use plr_core::export::{export_file_name, export_json};
use plr_core::migrate::written_as;
use plr_core::{Framework, Plr, SCHEMA_VERSION};
use plr_report::generate::{seed_003, Generator};
use rayon::prelude::*;

use crate::commands::{INVALID, OK};

/// A batch of exports built to known figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Batch {
    /// Seed 003's July 2022 reviews: `plr snapshot --period 2022-07 --as-of 2022-08-10` gives
    /// followthrough.md's table, and `plr concerns` the same as of 31 July 2022 lists 53 cases;
    /// with its allocation file, `allocation-2022-07.csv` (written beside them), `--allocation`
    /// gives qa-month.md's figures (53 allocated, 36 submitted: 68%).
    #[value(name = "seed-003-july-2022")]
    Seed003July2022,
}

/// Creates `out_dir` if missing; `false` (said on `err`) when it cannot be.
fn create(out_dir: &Path, err: &mut impl Write) -> bool {
    match std::fs::create_dir_all(out_dir) {
        Ok(()) => true,
        Err(e) => {
            let _ = writeln!(
                err,
                "{}: cannot create the directory: {e}",
                out_dir.display()
            );
            false
        }
    }
}

/// Writes `plr` as export number `n` (from 0) into `out_dir`, named
/// `000001-plr-<child ref>-<date>-<status>.json`: two copies of one review get two names.
/// An older schema `version` than the current one is written as that version wrote it
/// ([`written_as`]).
fn write(out_dir: &Path, n: u64, plr: &Plr, version: u32) -> Result<(), String> {
    let path = out_dir.join(format!("{:06}-{}", n + 1, export_file_name(plr)));
    export_json(plr, Framework::practice_fundamentals())
        .map_err(|e| e.to_string())
        .and_then(|json| match version {
            SCHEMA_VERSION => Ok(json),
            older => written_as(&json, older).map_err(|e| e.to_string()),
        })
        .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Says each failure on `err`, sorted, then how many of `count` were written.
fn report(mut failures: Vec<String>, count: u64, what: &str, err: &mut impl Write) -> u8 {
    failures.sort();
    for failure in &failures {
        let _ = writeln!(err, "{failure}");
    }
    let _ = writeln!(
        err,
        "wrote {} exports to {what}",
        count - failures.len() as u64
    );
    if failures.is_empty() {
        OK
    } else {
        INVALID
    }
}

/// Writes `batch`'s exports into `out_dir` (created if missing), named and written (schema
/// `version`) as [`generate`] writes them.
pub fn batch(batch: Batch, out_dir: &Path, version: u32, err: &mut impl Write) -> u8 {
    if !create(out_dir, err) {
        return INVALID;
    }
    let (plrs, allocation) = match batch {
        Batch::Seed003July2022 => (
            seed_003::july_2022(),
            ("allocation-2022-07.csv", seed_003::july_2022_allocation()),
        ),
    };
    let failures: Vec<String> = plrs
        .par_iter()
        .enumerate()
        .filter_map(|(n, plr)| write(out_dir, n as u64, plr, version).err())
        .collect();
    // Beside the exports (not a .json, so the readers skip it): `--allocation DIR/<name>`.
    let path = out_dir.join(allocation.0);
    let written = match std::fs::write(&path, allocation.1) {
        Ok(()) => OK,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", path.display());
            INVALID
        }
    };
    let what = format!(
        "{} (seed 003, July 2022, with {})",
        out_dir.display(),
        allocation.0
    );
    report(failures, plrs.len() as u64, &what, err).max(written)
}

/// Writes `count` exports of `seed` into `out_dir` (created if missing), named
/// `000001-plr-<child ref>-<date>-<status>.json`; review dates between `from` and `to`; as
/// schema `version` wrote them.
pub fn generate(
    count: u64,
    seed: u64,
    dates: (NaiveDate, NaiveDate),
    out_dir: &Path,
    version: u32,
    err: &mut impl Write,
) -> u8 {
    if !create(out_dir, err) {
        return INVALID;
    }
    let generator = Generator {
        from: dates.0,
        to: dates.1,
        ..Generator::new(seed)
    };
    let failures: Vec<String> = (0..count)
        .into_par_iter()
        .filter_map(|n| write(out_dir, n, &generator.plr(n), version).err())
        .collect();
    let what = match version {
        SCHEMA_VERSION => format!("{} (seed {seed})", out_dir.display()),
        older => format!(
            "{} (seed {seed}, schema version {older})",
            out_dir.display()
        ),
    };
    report(failures, count, &what, err)
}
