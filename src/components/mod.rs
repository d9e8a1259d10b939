//! Reusable pieces of the form. They render and dispatch; no business rule lives here.

pub mod error_summary;
pub mod export;
pub mod fields;
pub mod import;
pub mod merge;
pub mod narrative;
pub mod not_kept;
pub mod recording;
pub mod saved;
pub mod title;
pub mod when;
