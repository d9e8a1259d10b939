//! The rules of the Practice Learning Review (PLR), shared by the browser app and the `plr`
//! command line: the checklist framework, the PLR model, grading, the completion check,
//! export and import of the JSON contract, and the QA snapshot.
//!
//! No web dependencies: everything here is pure and tested natively.
#![warn(missing_docs)]

pub mod completion;
pub mod derived;
mod draft;
pub mod export;
pub mod framework;
pub mod grading;
pub mod import;
mod labels;
pub mod migrate;
pub mod model;
pub mod moderation;
pub mod period;
pub mod progress;

pub use framework::Framework;
pub use grading::{AreaResult, RuleName, Suggestion};
pub use model::*;
