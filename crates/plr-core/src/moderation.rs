//! Moderation: how a moderator's grade compares with the reviewer's final grade, what a
//! moderation needs before it is recorded, and the grade that then counts.

use chrono::{DateTime, Utc};

use crate::concern::share_by;
use crate::form::catalogue::{ModerationField, Recorded};
use crate::limits::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::model::{Grade, Moderation, ModerationEffect, Plr, Status};

/// Position on the four-grade scale used for moderation (both requires improvement bands are
/// one grade), best first.
fn four_grade_rank(grade: Grade) -> u8 {
    match grade {
        Grade::Outstanding => 0,
        Grade::Good => 1,
        Grade::RequiresImprovement | Grade::RequiresImprovementLow => 2,
        Grade::Inadequate => 3,
    }
}

/// Agreed, upgraded or downgraded, on the four-grade scale.
pub fn moderation_effect(final_grade: Grade, moderated: Grade) -> ModerationEffect {
    match four_grade_rank(moderated).cmp(&four_grade_rank(final_grade)) {
        std::cmp::Ordering::Less => ModerationEffect::Upgraded,
        std::cmp::Ordering::Greater => ModerationEffect::Downgraded,
        std::cmp::Ordering::Equal => ModerationEffect::Agreed,
    }
}

/// What stops a moderation being recorded, each with the id of the control it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModerationProblem {
    /// Only a completed review (with a final grade) is moderated.
    NotCompleted,
    /// The moderator's name is blank.
    NoModerator,
    /// The moderator's name is longer than the export allows.
    ModeratorTooLong,
    /// No grade chosen.
    NoGrade,
    /// The grade differs from the reviewer's, and the comments do not say why.
    NoComments,
    /// The comments are longer than the export allows.
    CommentsTooLong,
}

impl ModerationProblem {
    /// The question it is about (`None` for the review as a whole).
    pub fn field(self) -> Option<ModerationField> {
        match self {
            ModerationProblem::NotCompleted => None,
            ModerationProblem::NoModerator | ModerationProblem::ModeratorTooLong => {
                Some(ModerationField::Moderator)
            }
            ModerationProblem::NoGrade => Some(ModerationField::Grade),
            ModerationProblem::NoComments | ModerationProblem::CommentsTooLong => {
                Some(ModerationField::Comments)
            }
        }
    }

    /// What to do about it, as the error summary and the field say it: a missing answer in
    /// its question's words ([`crate::form::catalogue`]).
    pub fn message(self) -> &'static str {
        match self {
            ModerationProblem::NotCompleted => {
                "Only a completed review can be moderated: complete it first"
            }
            ModerationProblem::NoModerator => ModerationField::Moderator.missing(),
            ModerationProblem::ModeratorTooLong => "Your name must be 200 characters or fewer",
            ModerationProblem::NoGrade => ModerationField::Grade.missing(),
            ModerationProblem::NoComments => ModerationField::Comments.missing(),
            ModerationProblem::CommentsTooLong => "The comments must be 20,000 characters or fewer",
        }
    }

    /// The id of the control the problem is about (the first radio of the grades).
    pub fn field_id(self) -> &'static str {
        self.field().map_or("moderation", ModerationField::dom_id)
    }
}

/// What stops `plr` being moderated to `grade` by `moderator` with `comments`, in form order:
/// the review must be completed with a final grade, the name given, a grade chosen, and a
/// grade that differs from the reviewer's explained to the manager.
pub fn moderation_problems(
    plr: &Plr,
    moderator: &str,
    grade: Option<Grade>,
    comments: &str,
) -> Vec<ModerationProblem> {
    let final_grade = plr
        .judgement
        .final_grade
        .filter(|_| plr.status == Status::Completed);
    let differs = match (final_grade, grade) {
        (Some(reviewer), Some(moderated)) => {
            moderation_effect(reviewer, moderated) != ModerationEffect::Agreed
        }
        _ => false,
    };
    [
        (final_grade.is_none(), ModerationProblem::NotCompleted),
        (moderator.trim().is_empty(), ModerationProblem::NoModerator),
        (
            moderator.chars().count() > MAX_SHORT_CHARS,
            ModerationProblem::ModeratorTooLong,
        ),
        (grade.is_none(), ModerationProblem::NoGrade),
        (
            differs && comments.trim().is_empty(),
            ModerationProblem::NoComments,
        ),
        (
            comments.chars().count() > MAX_TEXT_CHARS,
            ModerationProblem::CommentsTooLong,
        ),
    ]
    .into_iter()
    .filter_map(|(found, problem)| found.then_some(problem))
    .collect()
}

/// Records the moderation of a completed review at `now`, with its effect computed here; the
/// review's content is left as it was. Moderating again replaces the record, but a grade that
/// stays inadequate keeps its first moment, so the Case of Concern's clock never restarts.
pub fn moderate(
    plr: &mut Plr,
    moderator: &str,
    grade: Option<Grade>,
    comments: &str,
    now: DateTime<Utc>,
) -> Result<ModerationEffect, Vec<ModerationProblem>> {
    let problems = moderation_problems(plr, moderator, grade, comments);
    let (Some(final_grade), Some(grade), true) =
        (plr.judgement.final_grade, grade, problems.is_empty())
    else {
        return Err(problems);
    };
    let moderated_at = match &plr.moderation {
        Some(m) if m.grade == Grade::Inadequate && grade == Grade::Inadequate => m.moderated_at,
        _ => now,
    };
    let effect = moderation_effect(final_grade, grade);
    plr.moderation = Some(Moderation {
        moderator: moderator.trim().to_string(),
        moderated_at,
        grade,
        effect,
        comments: comments.trim().to_string(),
    });
    plr.judgement.share_by = share_by(plr);
    plr.updated_at = now;
    Ok(effect)
}

/// The moderated grade as it supersedes the reviewer's, in words: "Inadequate (downgraded
/// from Good; it supersedes the reviewer's grade)".
pub fn superseding(plr: &Plr) -> Option<String> {
    let m = plr.moderation.as_ref()?;
    Some(match (m.effect, plr.judgement.final_grade) {
        (ModerationEffect::Agreed, _) | (_, None) => {
            format!("{} (agreed with the reviewer's grade)", m.grade.label())
        }
        (effect, Some(reviewer)) => format!(
            "{} ({} from {}; it supersedes the reviewer's grade)",
            m.grade.label(),
            effect.label().to_lowercase(),
            reviewer.label()
        ),
    })
}

/// The grade reported for `plr` in words, first on its record and its confirmation: the
/// moderated grade saying what it supersedes ([`superseding`]), else the final grade; `None`
/// before a final grade is chosen.
pub fn reported_grade_words(plr: &Plr) -> Option<String> {
    superseding(plr).or_else(|| plr.judgement.final_grade.map(|g| g.label().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Grade::*;

    #[test]
    fn the_moderated_grade_is_the_reported_grade_and_decides_a_case_of_concern() {
        use crate::concern::is_case_of_concern;
        let f = crate::Framework::practice_fundamentals();
        let now = "2022-07-01T10:00:00Z".parse().unwrap();
        let mut plr = Plr::new_draft(crate::PlrId(uuid::Uuid::nil()), now, f);
        plr.judgement.final_grade = Some(Good);
        assert_eq!(plr.reported_grade(), Some(Good));
        assert!(!is_case_of_concern(&plr));
        let moderated = |grade| crate::Moderation {
            moderator: "C. Moderator".into(),
            moderated_at: now,
            grade,
            effect: moderation_effect(Good, grade),
            comments: String::new(),
        };
        plr.moderation = Some(moderated(Inadequate));
        assert_eq!(plr.reported_grade(), Some(Inadequate));
        assert!(is_case_of_concern(&plr));
        plr.judgement.final_grade = Some(Inadequate);
        plr.moderation = Some(moderated(Good));
        assert!(!is_case_of_concern(&plr));
        plr.judgement.immediate_concern = true;
        assert!(is_case_of_concern(&plr));
    }

    #[test]
    fn both_requires_improvement_bands_are_one_grade() {
        assert_eq!(
            moderation_effect(RequiresImprovementLow, RequiresImprovement),
            ModerationEffect::Agreed
        );
        assert_eq!(
            moderation_effect(RequiresImprovement, Good),
            ModerationEffect::Upgraded
        );
        assert_eq!(
            moderation_effect(Good, Inadequate),
            ModerationEffect::Downgraded
        );
        assert_eq!(
            moderation_effect(Outstanding, Outstanding),
            ModerationEffect::Agreed
        );
    }

    fn completed(final_grade: Grade) -> Plr {
        let mut plr = crate::completion::tests::complete_plr();
        plr.judgement.final_grade = Some(final_grade);
        plr.status = Status::Completed;
        plr
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_moderation_needs_a_completed_review_a_name_a_grade_and_a_reason_to_differ() {
        let mut draft = completed(Good);
        draft.status = Status::Draft;
        assert_eq!(
            moderation_problems(&draft, "", None, ""),
            [
                ModerationProblem::NotCompleted,
                ModerationProblem::NoModerator,
                ModerationProblem::NoGrade
            ]
        );
        let plr = completed(Good);
        assert_eq!(
            moderation_problems(&plr, "C. Moderator", Some(Good), ""),
            []
        );
        // Both requires improvement bands are one grade: agreeing needs no reason.
        let ri = completed(RequiresImprovement);
        assert_eq!(
            moderation_problems(&ri, "C", Some(RequiresImprovementLow), " "),
            []
        );
        assert_eq!(
            moderation_problems(&plr, "C", Some(Inadequate), " \n "),
            [ModerationProblem::NoComments]
        );
        let long = "x".repeat(MAX_SHORT_CHARS + 1);
        assert_eq!(
            moderation_problems(&plr, &long, Some(Good), ""),
            [ModerationProblem::ModeratorTooLong]
        );
        assert_eq!(ModerationProblem::NoGrade.field_id(), "moderation-grade");
        assert_eq!(ModerationProblem::NotCompleted.field_id(), "moderation");
        // A missing answer is named in its question's words.
        assert_eq!(ModerationProblem::NoModerator.message(), "Enter your name");
        assert_eq!(
            ModerationProblem::NoComments.message(),
            "Tell the manager why your grade differs from the reviewer's"
        );
    }

    #[test]
    fn moderating_records_the_effect_and_the_grade_that_supersedes_the_reviewers() {
        let mut plr = completed(Good);
        let before = plr.clone();
        let err = moderate(
            &mut plr,
            "",
            Some(Outstanding),
            "",
            at("2026-12-01T09:00:00Z"),
        );
        assert_eq!(
            err,
            Err(vec![
                ModerationProblem::NoModerator,
                ModerationProblem::NoComments
            ])
        );
        assert_eq!(plr, before);
        let effect = moderate(
            &mut plr,
            " C. Moderator ",
            Some(Outstanding),
            "Exceptional direct work",
            at("2026-12-01T09:00:00Z"),
        );
        assert_eq!(effect, Ok(ModerationEffect::Upgraded));
        let m = plr.moderation.clone().unwrap();
        assert_eq!(
            (m.moderator.as_str(), m.grade),
            ("C. Moderator", Outstanding)
        );
        assert_eq!(plr.updated_at, at("2026-12-01T09:00:00Z"));
        // The review's content is untouched: only the moderation and the time moved.
        assert_eq!(plr.sections, before.sections);
        assert_eq!(plr.judgement.final_grade, Some(Good));
        assert_eq!(plr.reported_grade(), Some(Outstanding));
        assert_eq!(
            superseding(&plr).unwrap(),
            "Outstanding (upgraded from Good; it supersedes the reviewer's grade)"
        );
        assert_eq!(superseding(&completed(Good)), None);
    }

    #[test]
    fn the_reported_grade_in_words_is_the_moderated_one_else_the_final_one() {
        let mut plr = completed(Good);
        assert_eq!(reported_grade_words(&plr).as_deref(), Some("Good"));
        moderate(
            &mut plr,
            "M",
            Some(Inadequate),
            "Drift",
            at("2026-12-01T09:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            reported_grade_words(&plr).as_deref(),
            Some("Inadequate (downgraded from Good; it supersedes the reviewer's grade)")
        );
        plr.moderation = None;
        plr.judgement.final_grade = None;
        assert_eq!(reported_grade_words(&plr), None);
    }

    #[test]
    fn moderated_to_inadequate_becomes_a_case_of_concern_whose_clock_never_restarts() {
        let mut plr = completed(Good);
        assert_eq!(plr.judgement.share_by, None);
        moderate(
            &mut plr,
            "M",
            Some(Inadequate),
            "Drift",
            at("2026-12-01T09:00:00Z"),
        )
        .unwrap();
        assert!(crate::concern::is_case_of_concern(&plr));
        assert_eq!(plr.judgement.share_by, Some(at("2026-12-02T09:00:00Z")));
        // Moderating again (say, to correct the comments) keeps the first moment.
        moderate(
            &mut plr,
            "M",
            Some(Inadequate),
            "Drift; no plan",
            at("2026-12-01T15:00:00Z"),
        )
        .unwrap();
        assert_eq!(plr.judgement.share_by, Some(at("2026-12-02T09:00:00Z")));
        assert_eq!(plr.moderation.as_ref().unwrap().comments, "Drift; no plan");
        // Reopening keeps it too.
        crate::completion::reopen(&mut plr, at("2026-12-01T16:00:00Z"));
        assert_eq!(
            crate::concern::share_by(&plr),
            Some(at("2026-12-02T09:00:00Z"))
        );
    }
}
