//! The record's Ambassadors' review: when and by whom, the five findings by their short names
//! (the core's [`FINDINGS`]), the comments. Printed only once recorded: most reviews are never
//! in the Ambassadors' monthly sample. The Ambassadors' page checks its answers with the same
//! rows.

use plr_core::ambassadors::FINDINGS;
use plr_core::form::Shown;
use plr_core::AmbassadorsReview;

use super::{Block, Record};
use crate::browser::{self, read_back};

/// The Ambassadors' review, if one is recorded.
pub(super) fn ambassadors(record: &Record, out: &mut Vec<Block>) {
    if let Some(review) = &record.plr.ambassadors_review {
        out.push(Block::Heading(2, "Ambassadors' review".into()));
        out.push(Block::Rows(review_rows(review)));
    }
}

/// `review` read back: each question's short name and its answer.
pub(in crate::pages::review) fn review_rows(review: &AmbassadorsReview) -> Vec<(String, String)> {
    let mut rows = vec![
        (
            "Date of the Ambassadors' review".into(),
            browser::long_date(review.reviewed_on),
        ),
        ("Recorded by".into(), read_back(Shown::Text(&review.by))),
    ];
    rows.extend(
        FINDINGS
            .iter()
            .map(|f| (f.short.to_string(), read_back(Shown::YesNo((f.of)(review))))),
    );
    rows.push((
        "The Ambassadors' comments".into(),
        read_back(Shown::Text(&review.comments)),
    ));
    rows
}
