//! `plr generate`: synthetic exports for tests, benchmarks and demos, written in parallel.
//! The PLRs come from the core's seeded [`Generator`], so a seed always gives the same files.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use plr_core::export::{export_file_name, export_json};
use plr_core::generate::Generator;
use plr_core::Framework;
use rayon::prelude::*;

use crate::commands::{INVALID, OK};

/// Writes `count` exports of `seed` into `out_dir` (created if missing), named
/// `000001-plr-<child ref>-<date>-<status>.json`; review dates between `from` and `to`.
pub fn generate(
    count: u64,
    seed: u64,
    dates: (NaiveDate, NaiveDate),
    out_dir: &Path,
    err: &mut impl Write,
) -> u8 {
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        let _ = writeln!(
            err,
            "{}: cannot create the directory: {e}",
            out_dir.display()
        );
        return INVALID;
    }
    let generator = Generator {
        from: dates.0,
        to: dates.1,
        ..Generator::new(seed)
    };
    let framework = Framework::practice_fundamentals();
    let mut failures: Vec<String> = (0..count)
        .into_par_iter()
        .filter_map(|n| {
            let plr = generator.plr(n);
            let name = format!("{:06}-{}", n + 1, export_file_name(&plr));
            let path = out_dir.join(name);
            let written = export_json(&plr, framework)
                .map_err(|e| e.to_string())
                .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()));
            written.err().map(|e| format!("{}: {e}", path.display()))
        })
        .collect();
    failures.sort();
    for failure in &failures {
        let _ = writeln!(err, "{failure}");
    }
    let _ = writeln!(
        err,
        "wrote {} exports to {} (seed {seed})",
        count - failures.len() as u64,
        out_dir.display()
    );
    if failures.is_empty() {
        OK
    } else {
        INVALID
    }
}
