//! The young people's Ambassadors' review of a completed PLR (`qa-month.md` §3, seed 003 §3.6):
//! its five findings declared once ([`FINDINGS`]: the question, the short name, the JSON key and
//! measure, and where the answer lives), and the rules for recording it, one function for the
//! form and the dashboard alike. Adding a finding is one entry in [`FINDINGS`] and one field of
//! [`AmbassadorsReview`].

use chrono::{DateTime, NaiveDate, Utc};

use crate::form::catalogue::{AmbassadorsField, Recorded};
use crate::limits::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::model::{AmbassadorsReview, Plr, Status};

/// One of the Ambassadors' five findings, each answered yes or no.
#[derive(Debug, Clone, Copy)]
pub struct Finding {
    /// The key in the export's `ambassadors_review` (`childs_views`); the measure is
    /// `ambassadors_` and this key.
    pub key: &'static str,
    /// The question as the Ambassadors answer it.
    pub question: &'static str,
    /// A short name for a table's heading or a check of the answers.
    pub short: &'static str,
    /// Its answer in a record.
    pub of: fn(&AmbassadorsReview) -> bool,
    /// Sets its answer in a record.
    pub set: fn(&mut AmbassadorsReview, bool),
}

/// The five findings, in seed 003's order (a) to (e).
pub const FINDINGS: [Finding; 5] = [
    Finding {
        key: "relationship",
        question: "Is there a reasonable or good relationship between the worker and the child?",
        short: "Relationship between worker and child",
        of: |r| r.relationship,
        set: |r, yes| r.relationship = yes,
    },
    Finding {
        key: "child_focused_summary",
        question: "Is the case summary focused on the child, in language the child could understand?",
        short: "Case summary focused on the child",
        of: |r| r.child_focused_summary,
        set: |r, yes| r.child_focused_summary = yes,
    },
    Finding {
        key: "childs_views",
        question: "Are the child's views drawn through the record, with direct work?",
        short: "Child's views drawn through",
        of: |r| r.childs_views,
        set: |r, yes| r.childs_views = yes,
    },
    Finding {
        key: "about_the_child",
        question: "Does the record say what the child likes and dislikes, their interests and achievements?",
        short: "Likes, dislikes, interests and achievements",
        of: |r| r.about_the_child,
        set: |r, yes| r.about_the_child = yes,
    },
    Finding {
        key: "language_and_decisions",
        question: "Is the language appropriate (Language that Cares), and can the decisions be followed?",
        short: "Language that Cares; clear decisions",
        of: |r| r.language_and_decisions,
        set: |r, yes| r.language_and_decisions = yes,
    },
];

impl AmbassadorsReview {
    /// The review of `reviewed_on` by `by`, with `answers` in [`FINDINGS`] order (as a form
    /// asks them) and `comments`.
    pub fn new(reviewed_on: NaiveDate, by: String, answers: [bool; 5], comments: String) -> Self {
        let mut review = AmbassadorsReview {
            reviewed_on,
            by,
            relationship: false,
            child_focused_summary: false,
            childs_views: false,
            about_the_child: false,
            language_and_decisions: false,
            comments,
        };
        for (finding, yes) in FINDINGS.iter().zip(answers) {
            (finding.set)(&mut review, yes);
        }
        review
    }
}

/// The five answers of `review`, in [`FINDINGS`] order.
pub fn answers(review: &AmbassadorsReview) -> [bool; 5] {
    FINDINGS.map(|f| (f.of)(review))
}

/// Why an Ambassadors' review cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AmbassadorsProblem {
    /// Only a completed review is reviewed by the Ambassadors.
    #[error("Only a completed review can have an Ambassadors' review")]
    NotCompleted,
    /// Nobody is named.
    #[error("{}", AmbassadorsField::By.missing())]
    NoName,
    /// Dated before the PLR was completed.
    #[error("The Ambassadors' review cannot be dated before the review was completed")]
    BeforeCompleted,
    /// Dated after today.
    #[error("The date of the Ambassadors' review cannot be in the future")]
    InTheFuture,
    /// A name or comments longer than the form's limits.
    #[error("The name or the comments are longer than the limit")]
    TooLong,
}

impl AmbassadorsProblem {
    /// The question the problem is about, for an error summary's link (`None` for the review
    /// as a whole).
    pub fn field(self) -> Option<AmbassadorsField> {
        match self {
            AmbassadorsProblem::NotCompleted => None,
            AmbassadorsProblem::NoName => Some(AmbassadorsField::By),
            AmbassadorsProblem::BeforeCompleted | AmbassadorsProblem::InTheFuture => {
                Some(AmbassadorsField::On)
            }
            AmbassadorsProblem::TooLong => Some(AmbassadorsField::Comments),
        }
    }
}

/// Everything wrong with recording `review` on `plr`; `today` (the user's date) bounds its day
/// when known (an import has no today of its own, and checks the rest).
pub fn ambassadors_problems(
    plr: &Plr,
    review: &AmbassadorsReview,
    today: Option<NaiveDate>,
) -> Vec<AmbassadorsProblem> {
    let mut out = Vec::new();
    if plr.status != Status::Completed {
        out.push(AmbassadorsProblem::NotCompleted);
    }
    if plr
        .completed_at
        .is_some_and(|at| review.reviewed_on < at.date_naive())
    {
        out.push(AmbassadorsProblem::BeforeCompleted);
    }
    if today.is_some_and(|today| review.reviewed_on > today) {
        out.push(AmbassadorsProblem::InTheFuture);
    }
    if review.by.trim().is_empty() {
        out.push(AmbassadorsProblem::NoName);
    }
    if review.by.chars().count() > MAX_SHORT_CHARS
        || review.comments.chars().count() > MAX_TEXT_CHARS
    {
        out.push(AmbassadorsProblem::TooLong);
    }
    out
}

/// Records the Ambassadors' `review` on `plr` at `now`, on `today` (replacing one recorded
/// before: a correction); refused, with every problem, when [`ambassadors_problems`] finds
/// any. The review's `updated_at` moves; nothing else changes.
pub fn record_ambassadors_review(
    plr: &mut Plr,
    mut review: AmbassadorsReview,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), Vec<AmbassadorsProblem>> {
    review.by = review.by.trim().to_string();
    let problems = ambassadors_problems(plr, &review, Some(today));
    if !problems.is_empty() {
        return Err(problems);
    }
    plr.ambassadors_review = Some(review);
    plr.updated_at = now;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::complete_plr;

    fn review(on: NaiveDate) -> AmbassadorsReview {
        AmbassadorsReview {
            reviewed_on: on,
            by: "  Sam Reid ".into(),
            relationship: true,
            child_focused_summary: false,
            childs_views: true,
            about_the_child: false,
            language_and_decisions: true,
            comments: "Warm, but the summary is written for professionals.".into(),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 7, d).unwrap()
    }

    fn completed() -> Plr {
        let mut plr = complete_plr();
        plr.status = Status::Completed;
        plr.completed_at = Some(day(5).and_hms_opt(10, 0, 0).unwrap().and_utc());
        plr
    }

    #[test]
    fn the_findings_read_each_answer_of_its_own_key() {
        let r = review(day(20));
        assert_eq!(answers(&r), [true, false, true, false, true]);
        assert_eq!(
            AmbassadorsReview::new(
                day(20),
                r.by.clone(),
                [true, false, true, false, true],
                r.comments.clone()
            ),
            r
        );
        let json = serde_json::to_value(&r).unwrap();
        for finding in FINDINGS {
            assert_eq!(json[finding.key], (finding.of)(&r), "{}", finding.key);
            let mut flipped = r.clone();
            (finding.set)(&mut flipped, !(finding.of)(&r));
            assert_eq!(
                serde_json::to_value(&flipped).unwrap()[finding.key],
                !(finding.of)(&r)
            );
        }
    }

    #[test]
    fn a_completed_review_takes_a_named_dated_review_and_a_later_one_replaces_it() {
        let mut plr = completed();
        let now = day(20).and_hms_opt(12, 0, 0).unwrap().and_utc();
        record_ambassadors_review(&mut plr, review(day(20)), day(20), now).unwrap();
        let kept = plr.ambassadors_review.clone().unwrap();
        assert_eq!(kept.by, "Sam Reid");
        assert_eq!(plr.updated_at, now);
        let mut again = review(day(21));
        again.relationship = false;
        record_ambassadors_review(&mut plr, again, day(21), now).unwrap();
        assert!(!plr.ambassadors_review.unwrap().relationship);
    }

    #[test]
    fn a_draft_an_unnamed_review_and_impossible_days_are_refused_with_every_problem() {
        let mut draft = completed();
        draft.status = Status::Draft;
        let mut unnamed = review(day(4));
        unnamed.by = " ".into();
        let before = draft.clone();
        assert_eq!(
            record_ambassadors_review(&mut draft, unnamed, day(3), Utc::now()),
            Err(vec![
                AmbassadorsProblem::NotCompleted,
                AmbassadorsProblem::BeforeCompleted,
                AmbassadorsProblem::InTheFuture,
                AmbassadorsProblem::NoName,
            ])
        );
        assert_eq!(draft, before);
        let mut long = review(day(6));
        long.comments = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            ambassadors_problems(&completed(), &long, None),
            [AmbassadorsProblem::TooLong]
        );
        assert_eq!(
            AmbassadorsProblem::TooLong
                .field()
                .map(AmbassadorsField::key),
            Some("comments")
        );
    }

    #[test]
    fn a_file_keeps_its_ambassadors_review_and_one_that_breaks_the_rules_is_named() {
        let framework = crate::Framework::practice_fundamentals();
        let mut plr = completed();
        plr.ambassadors_review = Some(review(day(20)));
        let text = crate::export::export_json(&plr, framework).unwrap();
        let back = crate::import::import(text.as_bytes()).unwrap().plr;
        assert_eq!(back.ambassadors_review, plr.ambassadors_review);

        plr.ambassadors_review = Some(review(day(4)));
        let text = crate::export::export_json(&plr, framework).unwrap();
        let problems = crate::import::import(text.as_bytes())
            .unwrap_err()
            .problems()
            .to_vec();
        assert_eq!(
            problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["ambassadors_review.reviewed_on: The Ambassadors' review cannot be dated before the review was completed"]
        );
    }
}
