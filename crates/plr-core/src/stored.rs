//! How the form keeps reviews on the device (browser localStorage), so the form and the QA
//! dashboard agree on it without depending on each other: one entry per review under
//! [`DRAFT_KEY_PREFIX`]`<id>`, holding the review in the export shape (readable with
//! [`crate::import::import`]).

use chrono::{DateTime, TimeDelta, Utc};

use crate::export::{export_json, ExportError};
use crate::framework::Framework;
use crate::model::{Plr, PlrId, Status};

/// How long a completed review may sit on a device without being downloaded (since its last
/// change) before the form reminds the user: until it is downloaded, the QA service has
/// nothing, and browser storage can be cleared.
pub const DOWNLOAD_REMINDER_AFTER: TimeDelta = TimeDelta::days(7);

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

/// Whether to remind the user to download a review: it is completed, it has not been
/// downloaded since it last changed (`downloaded` is the `updated_at` it had when it was last
/// downloaded), and that change is at least [`DOWNLOAD_REMINDER_AFTER`] old.
pub fn download_reminder_due(
    status: Status,
    updated_at: DateTime<Utc>,
    downloaded: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    status == Status::Completed
        && downloaded != Some(updated_at)
        && now - updated_at >= DOWNLOAD_REMINDER_AFTER
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

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("a test timestamp")
    }

    #[test]
    fn a_completed_review_not_downloaded_for_seven_days_is_due_a_reminder() {
        let changed = at("2026-11-20T10:00:00Z");
        let due = |status, downloaded, now: &str| {
            download_reminder_due(status, changed, downloaded, at(now))
        };
        // Completed, never downloaded: due from exactly seven days after its last change.
        assert!(!due(Status::Completed, None, "2026-11-27T09:59:59Z"));
        assert!(due(Status::Completed, None, "2026-11-27T10:00:00Z"));
        // Downloaded as it is now: no reminder, however old.
        assert!(!due(
            Status::Completed,
            Some(changed),
            "2027-01-01T00:00:00Z"
        ));
        // Downloaded, then changed again: the download is out of date.
        assert!(due(
            Status::Completed,
            Some(at("2026-11-19T10:00:00Z")),
            "2026-11-28T00:00:00Z"
        ));
        // Drafts are not for the QA service yet.
        assert!(!due(Status::Draft, None, "2027-01-01T00:00:00Z"));
    }

    #[test]
    fn a_review_key_is_the_prefix_and_the_id() {
        let id = PlrId(uuid::Uuid::from_u128(7));
        let key = draft_key(id);
        assert_eq!(key, "plr:draft:00000000-0000-0000-0000-000000000007");
        assert!(is_draft_key(&key));
        assert!(!is_draft_key("plr:index"));
    }
}
