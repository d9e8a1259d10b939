//! The embedded framework, built by code that `build.rs` writes from its JSON file at compile
//! time: no parse at start-up. [`Framework::from_json`] (any other framework file) keeps the
//! derived reader and its messages; a test checks that both give the same framework.

use super::{Area, Band, Framework, FrameworkError, Points, Statement};
use crate::model::{AreaId, StatementId};

impl Framework {
    /// The embedded framework ([`super::PRACTICE_FUNDAMENTALS_JSON`]), checked as
    /// [`Framework::from_json`] checks it.
    pub(super) fn embedded() -> Result<Framework, FrameworkError> {
        let framework = include!(concat!(env!("OUT_DIR"), "/practice_fundamentals.rs"));
        framework.check()?;
        Ok(framework)
    }
}

/// A grade or a rule name, by the model's own (derived) reading of its JSON text: the same
/// reader a review's import already uses, so no code of its own.
fn named<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("build.rs writes a grade or rule the model names (tested)")
}

#[cfg(test)]
mod tests {
    use super::super::PRACTICE_FUNDAMENTALS_JSON;
    use super::*;

    #[test]
    fn the_embedded_framework_is_what_the_derived_reader_reads_from_its_file() {
        assert_eq!(
            Framework::embedded(),
            Framework::from_json(PRACTICE_FUNDAMENTALS_JSON)
        );
    }
}
