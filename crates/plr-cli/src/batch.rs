//! `plr snapshot`, `plr sample` and the other batch commands: read a batch of exports on every core (rayon), fold each
//! into the core's one `SnapshotBuilder` and drop it, then print. The output depends only on the
//! files, never on their order or the threads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use std::sync::Arc;

use plr_core::LegalStatus;
use plr_report::snapshot::{
    ambassadors_sample_csv, ambassadors_sample_json, ambassadors_sample_summary, moderator_effect,
    moderators_csv, moderators_text, nil_returns, nil_returns_csv, nil_returns_text, sample_csv,
    sample_json, sample_summary, to_csv, to_json, to_text, Allocation, AmbassadorsSampleOptions,
    MonthlyReport, Options, Period, SampleOptions, Settings, Snapshot, SnapshotBuilder,
};
use rayon::prelude::*;

use crate::commands::{INVALID, OK, USAGE};
use crate::files::{files_under, load, load_bytes, open_zip, read_limited, Found, LoadError};
use plr_core::import::Imported;

/// How `plr snapshot` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The machine-readable contract of `snapshot.md`.
    Json,
    /// `measure,numerator,denominator,percent,target,rag`.
    Csv,
    /// A readable report.
    Text,
}

/// How `plr report` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A whole HTML page, its stylesheet inline, printable on A4.
    Html,
    /// Markdown (tables; a chart as its table of figures).
    Md,
}

/// What to select (shared by `snapshot` and `sample`).
#[derive(Debug, Clone, clap::Args)]
pub struct Selection {
    /// A month `2022-07`, a quarter `Q2-22/23` (or "Q2 22/23"), or a financial year `2022/23`;
    /// by default the latest month in the data.
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Only this team (compared ignoring case and surrounding spaces).
    #[arg(long)]
    pub team: Option<String>,
    /// Only this legal status, e.g. `child_protection`.
    #[arg(long, value_parser = parse_legal_status)]
    pub legal_status: Option<LegalStatus>,
    /// Files, directories searched for *.json, or zips of exports (each *.json entry read as
    /// a file found in a directory, named ZIP/folder/file.json).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text).map_err(|e| e.to_string())
}

fn parse_legal_status(text: &str) -> Result<LegalStatus, String> {
    let value = serde_json::Value::String(text.trim().to_string());
    serde_json::from_value(value).map_err(|_| {
        let names: Vec<String> = LegalStatus::ALL
            .iter()
            .filter_map(|s| serde_json::to_value(s).ok())
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        format!("not a legal status; use one of {}", names.join(", "))
    })
}

/// Reads every file into one builder, in parallel; directory errors become rejections.
///
/// Every thread imports its files on its own and holds the builder's lock only to fold a
/// review in (about a hundredth of a file's work), so there is one builder, sized once for
/// every file's path, and no builders to merge at the end: peak memory is the kept facts
/// plus one file per thread.
pub fn read_batch(paths: &[PathBuf]) -> SnapshotBuilder {
    read_files(paths, false)
}

/// [`read_batch`], keeping each review's case reference (the sample lists them) when `texts`.
/// A named `.zip` is read whole, then its entries are unpacked and imported on every core,
/// each like a file found in a directory, named `archive.zip/folder/file.json`.
fn read_files(paths: &[PathBuf], texts: bool) -> SnapshotBuilder {
    let mut directory_errors = Vec::new();
    let (zips, files): (Vec<Found>, Vec<Found>) = files_under(paths, &mut directory_errors)
        .into_iter()
        .partition(Found::is_zip);
    let mut builder = SnapshotBuilder::new();
    let paths_bytes: usize = files.iter().map(|f| f.path.as_os_str().len()).sum();
    builder.reserve(files.len(), paths_bytes);
    let builder = Mutex::new(builder);
    // A thread that panicked while holding the lock left the builder whole (every change
    // to it is made in one call), so the lock is taken back rather than failed.
    let lock = || builder.lock().unwrap_or_else(PoisonError::into_inner);
    let fold = |source: &str, loaded: Result<Imported, LoadError>| match loaded {
        // Nothing here lists actions: their text is kept only when asked for.
        Ok(imported) => lock().add_import(source, Ok(&imported.plr), texts),
        Err(LoadError::NotAPlr(e)) => lock().add_import(source, Err(&e), texts),
        Err(LoadError::Problems(problems)) => {
            let problems = problems.into_iter().map(|p| (p.path, p.message)).collect();
            lock().reject(source, problems);
        }
    };
    files.par_iter().for_each(|found| {
        // The path as text (borrowed, not copied, when it is UTF-8, as nearly always).
        fold(&found.path.to_string_lossy(), load(&found.path));
    });
    for zip in zips {
        let source = zip.path.to_string_lossy();
        let archive = match open_zip(&zip.path) {
            Ok(archive) => archive,
            Err(why) => {
                lock().reject(&source, vec![("$".into(), why)]);
                continue;
            }
        };
        let names_bytes = archive.len() * (source.len() + 40);
        lock().reserve(archive.len(), names_bytes);
        // Each thread unpacks entries from its own copy of the archive's directory, into its
        // own buffer, reused for every entry (as a file is read into the thread's buffer).
        (0..archive.len()).into_par_iter().for_each_init(
            || (archive.clone(), Vec::new()),
            |(archive, bytes), i| {
                match archive.read_into(i, bytes) {
                    Ok(()) => fold(&archive.name_of(i), load_bytes(bytes)),
                    Err(why) => lock().reject(&archive.name_of(i), vec![("$".into(), why)]),
                }
                // A rare large entry's buffer is not kept for the rest of the zip.
                if bytes.capacity() > 1 << 20 {
                    *bytes = Vec::new();
                }
            },
        );
    }
    let mut builder = builder.into_inner().unwrap_or_else(PoisonError::into_inner);
    for (dir, why) in directory_errors {
        builder.reject(
            &dir,
            vec![("$".into(), format!("cannot read directory: {why}"))],
        );
    }
    builder
}

/// The settings: defaults, or the file's changes to them.
fn settings(file: Option<&Path>) -> Result<Settings, String> {
    let Some(file) = file else {
        return Ok(Settings::default());
    };
    let shown = file.display();
    let bytes = read_limited(file, 1_000_000).map_err(|p| format!("{shown}: {p}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{shown}: $: not UTF-8 text"))?;
    Settings::from_json(&text).map_err(|e| format!("{shown}: {e}"))
}

/// Prints each rejected file's problems on `err` as `<file>: <json path>: <problem>`.
fn report_rejected(snapshot: &Snapshot, err: &mut impl Write) {
    for rejected in &snapshot.rejected {
        for p in &rejected.problems {
            let _ = writeln!(err, "{}: {}: {}", rejected.file, p.path, p.message);
        }
    }
}

/// A batch command's exit code: [`INVALID`] when a file was rejected or the rest of its input
/// was not `sound` (an allocation file with problems), else [`OK`].
fn exit_code(snapshot: &Snapshot, sound: bool) -> u8 {
    if snapshot.rejected_files > 0 || !sound {
        INVALID
    } else {
        OK
    }
}

/// What `plr snapshot` and `plr report` read.
#[derive(Debug, Clone, clap::Args)]
pub struct SnapshotInputs {
    #[command(flatten)]
    pub selection: Selection,
    /// Actions are judged as of this date (YYYY-MM-DD); by default today, or the last day
    /// of a period that has ended.
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// The allocation file (CSV: month,auditor,team,head_of_service,state,plr_id): adds
    /// the funnel from auditors listed to audits submitted, the completion rate from it
    /// (this wins over --allocated), the teams not audited and the nil returns. Each bad row
    /// is printed as `FILE: line N, column C: problem` and left out (exit code 1); the rest
    /// count.
    #[arg(long, value_name = "FILE")]
    pub allocation: Option<PathBuf>,
    /// A JSON settings file changing targets or the monthly baseline
    /// (`plr schema --settings` prints its schema).
    #[arg(long)]
    pub settings: Option<PathBuf>,
}

/// The options of `selection`; without `as_of`, actions are judged as the core says by
/// default (today, or the last day of a period that has ended).
fn options(
    builder: &SnapshotBuilder,
    selection: &Selection,
    as_of: Option<NaiveDate>,
    settings: Settings,
) -> Options {
    let today = chrono::Local::now().date_naive();
    Options {
        period: selection.period,
        team: selection.team.clone(),
        legal_status: selection.legal_status,
        as_of: builder.as_of(selection.period, as_of, today),
        allocated: None,
        allocation: None,
        settings,
    }
}

/// `plr snapshot`: the snapshot on `out` in the chosen format; rejected files on `err`.
pub fn snapshot(
    inputs: SnapshotInputs,
    allocated: Option<u32>,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    snapshot_with(inputs, allocated, out, err, |_, _, snapshot| match format {
        Format::Json => to_json(snapshot),
        Format::Csv => to_csv(snapshot),
        Format::Text => to_text(snapshot),
    })
}

/// `plr report`: the monthly QA report of the snapshot `plr snapshot` makes from the same
/// inputs, on `out` as HTML or Markdown; rejected files on `err`.
pub fn report(
    inputs: SnapshotInputs,
    format: ReportFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    snapshot_with(inputs, None, out, err, |builder, options, snapshot| {
        let report = MonthlyReport::of(builder, options, snapshot);
        match format {
            ReportFormat::Html => report.to_html(),
            ReportFormat::Md => report.to_markdown(),
        }
    })
}

/// Reads the settings, allocation and batch of `args`, makes the snapshot and prints what
/// `write` makes of it; rejected files and the allocation's problems on `err`.
fn snapshot_with(
    args: SnapshotInputs,
    allocated: Option<u32>,
    out: &mut impl Write,
    err: &mut impl Write,
    write: impl FnOnce(&SnapshotBuilder, &Options, &Snapshot) -> String,
) -> u8 {
    let (settings, allocation, allocation_ok) =
        match settings_and_allocation(args.settings.as_deref(), args.allocation.as_deref(), err) {
            Ok(read) => read,
            Err(code) => return code,
        };
    let builder = read_batch(&args.selection.paths);
    let options = Options {
        allocated,
        allocation,
        ..options(&builder, &args.selection, args.as_of, settings)
    };
    let snapshot = builder.finish(&options);
    let text = write(&builder, &options, &snapshot);
    let _ = write!(out, "{text}");
    report_rejected(&snapshot, err);
    exit_code(&snapshot, allocation_ok)
}

/// The settings, the allocation (if any), and whether the allocation had no problems.
type Inputs = (Settings, Option<Arc<Allocation>>, bool);

/// The settings (defaults without a file) and the allocation, if a file is given; a file that
/// cannot be read is a usage error (its problem said on `err`).
fn settings_and_allocation(
    settings_file: Option<&Path>,
    allocation_file: Option<&Path>,
    err: &mut impl Write,
) -> Result<Inputs, u8> {
    let settings = settings(settings_file).map_err(|e| {
        let _ = writeln!(err, "{e}");
        USAGE
    })?;
    match allocation_file.map(|f| allocation(f, err)).transpose()? {
        None => Ok((settings, None, true)),
        Some((allocation, ok)) => Ok((settings, Some(allocation), ok)),
    }
}

/// Reads an allocation file, printing each problem on `err` as `FILE: line N, column C:
/// message`; with whether it had none. A file that cannot be read at all is a usage error.
fn allocation(file: &Path, err: &mut impl Write) -> Result<(Arc<Allocation>, bool), u8> {
    let shown = file.display();
    let bytes = match read_limited(file, 5_000_000) {
        Ok(bytes) => bytes,
        Err(p) => {
            let _ = writeln!(err, "{shown}: {}", p.message);
            return Err(USAGE);
        }
    };
    let allocation = Allocation::read(&bytes);
    for problem in &allocation.problems {
        let _ = writeln!(err, "{shown}: {problem}");
    }
    let ok = allocation.problems.is_empty();
    Ok((Arc::new(allocation), ok))
}

/// `plr nil-returns`: the allocated audits of the period not submitted, by Head of Service
/// (text: a heading each; csv: a row each, headed in words; json: the groups); the
/// allocation's problems and rejected files on `err`.
pub fn nil_returns_command(
    selection: Selection,
    allocation_file: &Path,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let (allocation, allocation_ok) = match allocation(allocation_file, err) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let builder = read_batch(&selection.paths);
    let options = Options {
        allocation: Some(allocation),
        ..options(&builder, &selection, None, Settings::default())
    };
    let nil = nil_returns(&builder, &options);
    if let Err(code) = write_as(format, &nil, nil_returns_csv, nil_returns_text, out, err) {
        return code;
    }
    let snapshot = builder.finish(&options);
    report_rejected(&snapshot, err);
    exit_code(&snapshot, allocation_ok)
}

/// Writes `value` to `out` as `format` asks: pretty JSON, or the core's CSV or text of it
/// (`Err`: the exit code, the problem said on `err`).
fn write_as<T: serde::Serialize>(
    format: Format,
    value: &T,
    csv: fn(&T) -> String,
    text: fn(&T) -> String,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), u8> {
    let written = match format {
        Format::Json => match serde_json::to_string_pretty(value) {
            Ok(json) => json + "\n",
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return Err(INVALID);
            }
        },
        Format::Csv => csv(value),
        Format::Text => text(value),
    };
    let _ = write!(out, "{written}");
    Ok(())
}

/// `plr concerns`: the Case of Concern register (`followthrough.md`) on `out` in the chosen
/// format (json: the register; csv: a row per entry, headed in words; text: a line per entry);
/// rejected files on `err`.
pub fn concerns(
    selection: Selection,
    as_of: Option<NaiveDate>,
    resolved: bool,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let builder = read_batch(&selection.paths);
    let options = options(&builder, &selection, as_of, Settings::default());
    let register = plr_report::snapshot::register(&builder, &options, resolved);
    if let Err(code) = write_as(
        format,
        &register,
        plr_report::snapshot::register_csv,
        plr_report::snapshot::register_text,
        out,
        err,
    ) {
        return code;
    }
    let snapshot = builder.finish(&options);
    report_rejected(&snapshot, err);
    exit_code(&snapshot, true)
}

/// Everything `plr sample` takes.
pub struct SampleArgs {
    /// Period, filters and files.
    pub selection: Selection,
    /// The share, in percent.
    pub percent: u32,
    /// The moderators' capacity a month (default: the settings').
    pub capacity: Option<u32>,
    /// Spread the random fill across teams.
    pub spread_across_teams: bool,
    /// The seed of the random fill.
    pub seed: u64,
    /// An allocation file (the auditors' own teams).
    pub allocation: Option<PathBuf>,
    /// A settings file (the default capacity).
    pub settings: Option<PathBuf>,
    /// Output format.
    pub format: Format,
}

/// `plr sample`: the sample on `out` (text: `FILE: reason` a line; csv; json); a summary,
/// the allocation's problems and rejected files on `err`.
pub fn sample(args: SampleArgs, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let (settings, allocation, allocation_ok) =
        match settings_and_allocation(args.settings.as_deref(), args.allocation.as_deref(), err) {
            Ok(read) => read,
            Err(code) => return code,
        };
    let how = SampleOptions {
        percent: args.percent,
        capacity: args.capacity.unwrap_or(settings.moderation_capacity),
        spread_across_teams: args.spread_across_teams,
        seed: args.seed,
    };
    let builder = read_files(&args.selection.paths, true);
    let options = Options {
        allocation,
        ..options(&builder, &args.selection, None, settings)
    };
    let sample = builder.sample(&options, how);
    let text = match args.format {
        Format::Json => sample_json(&sample),
        Format::Csv => sample_csv(&sample),
        Format::Text => sample
            .chosen
            .iter()
            .map(|p| format!("{}: {}\n", p.facts.source, p.reason.words()))
            .collect(),
    };
    let _ = write!(out, "{text}");
    let snapshot = builder.finish(&options);
    report_rejected(&snapshot, err);
    let _ = writeln!(err, "{}", sample_summary(&sample));
    exit_code(&snapshot, allocation_ok)
}

/// `plr ambassadors-sample`: the Ambassadors' sample on `out` (text: a file a line; csv;
/// json); a summary and rejected files on `err`.
pub fn ambassadors_sample(
    selection: Selection,
    how: AmbassadorsSampleOptions,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let builder = read_files(&selection.paths, true);
    let options = options(&builder, &selection, None, Settings::default());
    let sample = builder.ambassadors_sample(&options, how);
    let text = match format {
        Format::Json => ambassadors_sample_json(&sample),
        Format::Csv => ambassadors_sample_csv(&sample),
        Format::Text => sample
            .chosen
            .iter()
            .map(|f| format!("{}\n", f.source))
            .collect(),
    };
    let _ = write!(out, "{text}");
    let snapshot = builder.finish(&options);
    report_rejected(&snapshot, err);
    let _ = writeln!(err, "{}", ambassadors_sample_summary(&sample));
    exit_code(&snapshot, true)
}

/// `plr moderators`: the moderator effect month by month and per auditor (text: both; csv:
/// a row per auditor; json: both); rejected files on `err`.
pub fn moderators(
    selection: Selection,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let builder = read_batch(&selection.paths);
    let options = options(&builder, &selection, None, Settings::default());
    let effect = moderator_effect(&builder, &options);
    if let Err(code) = write_as(format, &effect, moderators_csv, moderators_text, out, err) {
        return code;
    }
    let snapshot = builder.finish(&options);
    report_rejected(&snapshot, err);
    exit_code(&snapshot, true)
}
