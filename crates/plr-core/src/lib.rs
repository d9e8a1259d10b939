//! The rules of the Practice Learning Review (PLR), shared by the browser app and the `plr`
//! command line: the checklist framework as data ([`framework`]), the PLR model ([`model`]),
//! grading ([`grading`]), the completion check ([`completion`]), export and import of the JSON
//! contract ([`export`], [`import`], [`migrate`], [`derived`]), moderation ([`moderation`]), the
//! Ambassadors' review ([`ambassadors`]), the follow-up of a completed review ([`followup`],
//! [`concern`]), two copies of one review merged ([`merge`]), the app's task list
//! ([`progress`]), the key format of reviews stored on a device ([`stored`]), Language that
//! Cares advice on what is typed ([`language`]), and lists put in order by one compiled sort
//! ([`rank`]).
//!
//! Reporting (the QA Performance Snapshot, reporting periods, zip archives of exports, generated
//! reviews) is in the `plr-report` crate, built on this one for the command line and the
//! dashboard only: the form never compiles it.
//!
//! No web dependencies and no file system: everything here is pure (bytes and strings in,
//! values out), builds for `wasm32-unknown-unknown`, and is tested natively. See `README.md`.
#![warn(missing_docs)]

pub mod ambassadors;
pub mod completion;
pub mod concern;
pub mod dates;
pub mod derived;
mod draft;
pub mod export;
pub mod final_grade;
pub mod followthrough;
pub mod followup;
pub mod form;
pub mod framework;
pub mod grading;
pub mod import;
mod labels;
pub mod language;
pub mod limits;
pub mod merge;
pub mod migrate;
pub mod model;
pub mod moderation;
pub mod problem;
pub mod progress;
pub mod rank;
pub mod stored;

pub use framework::Framework;
pub use model::*;
