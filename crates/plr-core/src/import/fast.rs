//! The fast path of import: one typed parse of the text straight into the model, with no JSON
//! value built first. It is taken for a current-version export the typed parse reads, and for a
//! version 4 one (its migration adds only `ambassadors_review: null`, which the typed parse
//! reads a missing key as); anything else (a broken file, an older version, another format)
//! returns `None`, and the slow path
//! decides, naming the problem and its JSON path exactly as it always has.
//!
//! The typed parse and the JSON value differ only inside keys the model ignores (export.md:
//! unknown keys are ignored on import): serde_json skips such a value without building it, so it
//! does not refuse, as the value parse did, nesting deeper than 128 levels, a number too large
//! for an `f64`, or a `\u` escape of half a surrogate pair there. Such a file is valid JSON
//! (RFC 8259) and now imports; the skip is iterative, so deep nesting cannot exhaust the stack,
//! and the 5 MB limit bounds it. Checking for the three in every file would cost about a fifth
//! of the import's time.

use crate::model::{Plr, SCHEMA_VERSION};

/// The PLR in `text`, if it is a version 4 or current-version export the typed parse reads
/// (lifted to the current version); `None` sends the file the slow way.
pub(super) fn parse(text: &str) -> Option<Plr> {
    let mut plr: Plr = serde_json::from_str(text).ok()?;
    (4..=SCHEMA_VERSION).contains(&plr.schema_version).then(|| {
        plr.schema_version = SCHEMA_VERSION;
        plr
    })
}
