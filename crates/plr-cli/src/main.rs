//! `plr`: validate, grade and summarise exported Practice Learning Reviews (see `cli.md`).
//!
//! Exit codes: 0 success, 1 some input was invalid (the rest still processed), 2 usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod batch;
mod commands;
mod files;
mod generate;

#[derive(Parser)]
#[command(
    name = "plr",
    version,
    about = "Practice Learning Review exports: validate, grade, snapshot, report, concerns, nil-returns, sample, ambassadors-sample, moderators, generate, schema"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `plr sample --by` spreads the random fill over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum By {
    /// Across teams: each next pick from a team with the fewest picked so far.
    Team,
    /// Not spread: drawn from every review at once.
    None,
}

#[derive(Subcommand)]
enum Command {
    /// Check each export (files, directories searched for *.json, or zips of exports, each
    /// entry named ZIP/folder/file.json): `ok <file>` or the problems.
    Validate {
        /// Files, directories or zips.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the recomputed suggested grade of one export as JSON (works on drafts too).
    Grade {
        /// The export file.
        file: PathBuf,
    },
    /// The Performance Snapshot of a period (snapshot.md) from a batch of exports.
    Snapshot {
        #[command(flatten)]
        inputs: batch::SnapshotInputs,
        /// Audits allocated for the period (gives the audit completion rate), when there is
        /// no allocation file.
        #[arg(long)]
        allocated: Option<u32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: batch::Format,
    },
    /// The monthly QA report (qa-month.md section 4): seed 003's "How are we doing?" for the
    /// period, every figure the snapshot's with its target, RAG and previous period, as a
    /// self-contained HTML page printable on A4 (charts in SVG with text alternatives) or as
    /// Markdown, on standard output. Without --allocation, Representation says what it needs.
    Report {
        #[command(flatten)]
        inputs: batch::SnapshotInputs,
        /// Output format.
        #[arg(long, value_enum, default_value = "html")]
        format: batch::ReportFormat,
    },
    /// The Case of Concern register (followthrough.md): every loaded, completed review raised as
    /// a Case of Concern and not resolved as of the period's end (or --as-of, if earlier),
    /// whatever its month.
    Concerns {
        #[command(flatten)]
        selection: batch::Selection,
        /// Read the register as of this date (YYYY-MM-DD); by default today, or the last day of
        /// a period that has ended.
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Also list the concerns resolved in the period.
        #[arg(long)]
        resolved: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: batch::Format,
    },
    /// The nil returns: the period's allocated audits with no completed review, by Head of
    /// Service, from an allocation file (as `plr snapshot --allocation` counts
    /// audits_not_submitted). Bad rows are printed as `FILE: line N, column C: problem`.
    NilReturns {
        #[command(flatten)]
        selection: batch::Selection,
        /// The allocation file (CSV: month,auditor,team,head_of_service,state,plr_id).
        #[arg(long, value_name = "FILE")]
        allocation: PathBuf,
        /// Output format: text (a heading per Head of Service), csv (a row per audit, to
        /// send) or json.
        #[arg(long, value_enum, default_value = "text")]
        format: batch::Format,
    },
    /// The moderation sample targeted by risk (qa-month.md section 2), each review with its
    /// reason: the period's completed, unmoderated reviews graded inadequate or lower-end
    /// requires improvement by the reviewer, child protection, audited by their auditor in
    /// their own team (needs --allocation), by auditors whose moderator effect over the last
    /// six months is above 15%, then a reproducible random fill up to the share; never more
    /// than the moderators' capacity.
    Sample {
        #[command(flatten)]
        selection: batch::Selection,
        /// The share to reach, in percent of the completed, unmoderated reviews (rounded up).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
        percent: u32,
        /// Reviews the moderators can moderate a month (a quarter three times as many); by
        /// default the settings file's moderation_capacity, else 58.
        #[arg(long)]
        capacity: Option<u32>,
        /// Spread the random fill across teams (the default), or not.
        #[arg(long, value_enum, default_value = "team")]
        by: By,
        /// The seed of the random fill: the same files and seed give the same sample.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The allocation file (CSV: month,auditor,team,head_of_service,state,plr_id): gives
        /// each auditor's own team. Without it no review is picked for that reason.
        #[arg(long, value_name = "FILE")]
        allocation: Option<PathBuf>,
        /// A JSON settings file (its moderation_capacity is the default capacity).
        #[arg(long)]
        settings: Option<PathBuf>,
        /// Output format: text (`FILE: reason` a line), csv (a row per review, headed in
        /// words) or json.
        #[arg(long, value_enum, default_value = "text")]
        format: batch::Format,
    },
    /// The young people's Ambassadors' sample (qa-month.md section 3): completed reviews of the
    /// period they have not reviewed, none of an excluded team or person (reviewer or
    /// practitioner), at random from a seed and spread across teams.
    AmbassadorsSample {
        #[command(flatten)]
        selection: batch::Selection,
        /// How many reviews to draw.
        #[arg(long, default_value_t = 10)]
        size: usize,
        /// A team never to draw (a conflict of interest); repeat for more.
        #[arg(long, value_name = "TEAM")]
        exclude_team: Vec<String>,
        /// A person whose reviews are never drawn, as reviewer or practitioner; repeat for more.
        #[arg(long, value_name = "NAME")]
        exclude_person: Vec<String>,
        /// The seed of the draw: the same files, exclusions and seed give the same sample.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output format: text (a file a line), csv (a row per review, headed in words) or json.
        #[arg(long, value_enum, default_value = "text")]
        format: batch::Format,
    },
    /// The moderator effect (qa-month.md section 2): month by month over the six months ending
    /// with the period (seed 003 Table 1), and per auditor over the period (moderated,
    /// agreed, upgraded, downgraded, effect).
    Moderators {
        #[command(flatten)]
        selection: batch::Selection,
        /// Output format: text (both tables), csv (a row per auditor, headed in words) or json.
        #[arg(long, value_enum, default_value = "text")]
        format: batch::Format,
    },
    /// Write synthetic, valid exports (for tests, benchmarks and demos): --count random ones
    /// of a --seed, or a --batch built to known figures.
    #[command(group(clap::ArgGroup::new("what").required(true).args(["count", "batch"])))]
    Generate {
        /// How many.
        #[arg(long, requires = "seed")]
        count: Option<u64>,
        /// The seed: the same seed gives the same files.
        #[arg(long, requires = "count")]
        seed: Option<u64>,
        /// A batch built to known figures instead (its review dates are its own).
        #[arg(long, value_enum, conflicts_with_all = ["count", "seed", "from", "to"])]
        batch: Option<generate::Batch>,
        /// The directory to write them to (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The earliest review date.
        #[arg(long, default_value = "2021-04-01")]
        from: NaiveDate,
        /// The latest review date.
        #[arg(long, default_value = "2023-03-31")]
        to: NaiveDate,
        /// Write them as this schema version of the app wrote them (0 to the current one):
        /// the keys later versions added left out, for benchmarks and tests of older files.
        #[arg(long, default_value_t = plr_core::SCHEMA_VERSION,
              value_parser = clap::value_parser!(u32).range(0..=i64::from(plr_core::SCHEMA_VERSION)))]
        schema_version: u32,
    },
    /// Print the JSON Schema of the export format (or, with --settings, of the snapshot
    /// settings file).
    Schema {
        /// The snapshot settings file's schema instead.
        #[arg(long)]
        settings: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return ExitCode::from(if usage { 2 } else { 0 });
        }
    };
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = match cli.command {
        Command::Validate { paths } => commands::validate(&paths, &mut out, &mut err),
        Command::Grade { file } => commands::grade(&file, &mut out, &mut err),
        Command::Snapshot {
            inputs,
            allocated,
            format,
        } => batch::snapshot(inputs, allocated, format, &mut out, &mut err),
        Command::Report { inputs, format } => batch::report(inputs, format, &mut out, &mut err),
        Command::Concerns {
            selection,
            as_of,
            resolved,
            format,
        } => batch::concerns(selection, as_of, resolved, format, &mut out, &mut err),
        Command::NilReturns {
            selection,
            allocation,
            format,
        } => batch::nil_returns_command(selection, &allocation, format, &mut out, &mut err),
        Command::Sample {
            selection,
            percent,
            capacity,
            by,
            seed,
            allocation,
            settings,
            format,
        } => {
            let args = batch::SampleArgs {
                selection,
                percent,
                capacity,
                spread_across_teams: by == By::Team,
                seed,
                allocation,
                settings,
                format,
            };
            batch::sample(args, &mut out, &mut err)
        }
        Command::AmbassadorsSample {
            selection,
            size,
            exclude_team,
            exclude_person,
            seed,
            format,
        } => {
            let how = plr_report::snapshot::AmbassadorsSampleOptions {
                size,
                excluded_teams: exclude_team,
                excluded_people: exclude_person,
                seed,
            };
            batch::ambassadors_sample(selection, how, format, &mut out, &mut err)
        }
        Command::Moderators { selection, format } => {
            batch::moderators(selection, format, &mut out, &mut err)
        }
        Command::Generate {
            count,
            seed,
            batch,
            out: dir,
            from,
            to,
            schema_version,
        } => match (batch, count.zip(seed)) {
            (Some(batch), _) => generate::batch(batch, &dir, schema_version, &mut err),
            (None, Some((count, seed))) => {
                generate::generate(count, seed, (from, to), &dir, schema_version, &mut err)
            }
            // clap asks for --count and --seed, or --batch.
            (None, None) => commands::USAGE,
        },
        Command::Schema { settings } => commands::schema(settings, &mut out),
    };
    ExitCode::from(code)
}

/// A faster allocator for the batch commands: importing a file allocates many small strings.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
