//! How the form keeps reviews on the device (browser localStorage), so the form and the QA
//! dashboard agree on it without depending on each other: one entry per review under
//! [`DRAFT_KEY_PREFIX`]`<id>`, holding the review in the export shape (readable with
//! [`crate::import::import`]).

use crate::model::PlrId;

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
