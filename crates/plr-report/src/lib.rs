//! Reporting on Practice Learning Reviews, for the `plr` command line and the QA dashboard:
//! the QA Performance Snapshot ([`snapshot`]), reporting periods ([`period`]), zip archives of
//! exports read entry by entry ([`zipped`]) and synthetic reviews for tests, benchmarks and
//! demos ([`generate`]). Built on `plr-core`'s rules and model.
//!
//! Never compiled into the form: the browser app (the root package) does not depend on this
//! crate (check: `cargo tree -p plr-app -e normal | grep plr-report` prints nothing), so none of
//! it weighs on the form's download. Pure like `plr-core`: no web dependencies, no file system.
#![warn(missing_docs)]

pub mod generate;
pub mod period;
pub mod snapshot;
pub mod zipped;
