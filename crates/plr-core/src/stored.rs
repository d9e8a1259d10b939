//! How the form keeps reviews on the device (browser localStorage), so the form and the QA
//! dashboard agree on it without depending on each other: one entry per review under
//! [`DRAFT_KEY_PREFIX`]`<id>`, holding the review in the export shape (readable with
//! [`crate::import::import`]).

use crate::export::{export_json, ExportError};
use crate::framework::Framework;
use crate::model::{Plr, PlrId};

/// The prefix of every stored review's key.
pub const DRAFT_KEY_PREFIX: &str = "plr:draft:";

/// The key of a review's entry.
pub fn draft_key(id: PlrId) -> String {
    format!("{DRAFT_KEY_PREFIX}{id}")
}

/// Whether a storage key holds a review.
pub fn is_draft_key(key: &str) -> bool {
    key.starts_with(DRAFT_KEY_PREFIX)
}

/// A review as it is stored: its export document, with the derived fields (the suggested
/// grade, the share-by deadline, the moderation effect) computed now. The editing state never
/// has to keep them right: what is saved always has them right, and loading it back (through
/// [`crate::import::import`], which recomputes them) gives the same review, with no warning.
pub fn stored_text(plr: &Plr, framework: &Framework) -> Result<String, ExportError> {
    export_json(plr, framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_key_is_the_prefix_and_the_id() {
        let id = PlrId(uuid::Uuid::from_u128(7));
        let key = draft_key(id);
        assert_eq!(key, "plr:draft:00000000-0000-0000-0000-000000000007");
        assert!(is_draft_key(&key));
        assert!(!is_draft_key("plr:index"));
    }
}
