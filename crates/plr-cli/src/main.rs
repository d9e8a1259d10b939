//! `plr`: validate, grade and describe exported Practice Learning Reviews (see `cli.md`).
//!
//! Exit codes: 0 success, 1 some input was invalid (the rest still processed), 2 usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

#[derive(Parser)]
#[command(
    name = "plr",
    version,
    about = "Practice Learning Review exports: validate, grade, schema"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check each export (files, or directories searched for *.json): `ok <file>` or the problems.
    Validate {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the recomputed suggested grade of one export as JSON (works on drafts too).
    Grade {
        /// The export file.
        file: PathBuf,
    },
    /// Print the JSON Schema of the export format.
    Schema,
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
        Command::Schema => commands::schema(&mut out),
    };
    ExitCode::from(code)
}
