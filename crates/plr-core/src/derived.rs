//! The fields of a PLR that are computed from others rather than typed in: the suggested
//! grade, the Case of Concern share-by deadline and the moderation effect.
//!
//! Export writes them freshly computed and import recomputes them, so a file edited by hand
//! (or written by another version) can never carry a grade its own ratings do not support.

use crate::concern::share_by;
use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::Plr;
use crate::moderation::moderation_effect;

/// A derived field whose stored value differed from the recomputed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recomputed {
    /// `judgement.suggested`
    Suggestion,
    /// `judgement.share_by`
    ShareBy,
    /// `moderation.effect`
    ModerationEffect,
}

impl Recomputed {
    /// Every derived field.
    pub const ALL: [Recomputed; 3] = [
        Recomputed::Suggestion,
        Recomputed::ShareBy,
        Recomputed::ModerationEffect,
    ];

    /// The JSON path of the field.
    pub fn path(self) -> &'static str {
        match self {
            Recomputed::Suggestion => "judgement.suggested",
            Recomputed::ShareBy => "judgement.share_by",
            Recomputed::ModerationEffect => "moderation.effect",
        }
    }

    /// What was done, in plain English.
    pub fn message(self) -> &'static str {
        match self {
            Recomputed::Suggestion => {
                "the stored suggested grade differs from the one these ratings give; it has been recomputed (the file was edited by hand, or written by another version)"
            }
            Recomputed::ShareBy => {
                "the stored share-by deadline does not match the Case of Concern rules (24 hours from the first moment the review became one); it has been recomputed"
            }
            Recomputed::ModerationEffect => {
                "the stored moderation effect does not match the moderated and final grades; it has been recomputed"
            }
        }
    }
}

/// Recomputes every derived field of `plr` under `framework`, and says which ones changed.
///
/// - `judgement.suggested`: [`suggest_grade`] of the sections and the immediate concern flag.
/// - `judgement.share_by`: [`share_by`], 24 hours after the first moment the review became a
///   Case of Concern, else `None`.
/// - `moderation.effect`: [`moderation_effect`] of the final and moderated grades (left as it
///   is when there is no final grade to compare with).
pub fn recompute_derived(plr: &mut Plr, framework: &Framework) -> Vec<Recomputed> {
    let mut changed = Vec::new();
    let suggested = suggest_grade(framework, &plr.sections, plr.judgement.immediate_concern);
    if plr.judgement.suggested != suggested {
        plr.judgement.suggested = suggested;
        changed.push(Recomputed::Suggestion);
    }
    let share_by = share_by(plr);
    if plr.judgement.share_by != share_by {
        plr.judgement.share_by = share_by;
        changed.push(Recomputed::ShareBy);
    }
    if let (Some(moderation), Some(final_grade)) = (&mut plr.moderation, plr.judgement.final_grade)
    {
        let effect = moderation_effect(final_grade, moderation.grade);
        if moderation.effect != effect {
            moderation.effect = effect;
            changed.push(Recomputed::ModerationEffect);
        }
    }
    changed
}

/// Whether two versions of a review say the same: equal but for when they were saved and for
/// the derived fields (which follow from the rest). Another tab re-saving what this one holds
/// is no news.
pub fn same_content(ours: &Plr, theirs: &Plr, framework: &Framework) -> bool {
    ours.updated_at == theirs.updated_at || normal(ours, framework) == normal(theirs, framework)
}

/// `plr` with its save time cleared and its derived fields recomputed: two reviews that say
/// the same are equal once normalised.
pub(crate) fn normal(plr: &Plr, framework: &Framework) -> Plr {
    let mut plr = plr.clone();
    plr.updated_at = chrono::DateTime::UNIX_EPOCH;
    recompute_derived(&mut plr, framework);
    plr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Grade, Moderation, ModerationEffect, PlrId, Rating, Status};
    use chrono::{DateTime, Utc};

    #[test]
    fn stale_derived_fields_are_recomputed_and_named() {
        let f = Framework::practice_fundamentals();
        let now: DateTime<Utc> = "2026-11-20T10:40:02Z".parse().unwrap();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), now, f);
        assert_eq!(recompute_derived(&mut plr, f), []);

        plr.sections[0].items[0].rating = Some(Rating::Met);
        plr.status = Status::Completed;
        plr.completed_at = Some(now);
        // Graded good by the reviewer, inadequate by the moderator: a Case of Concern.
        plr.judgement.final_grade = Some(Grade::Good);
        plr.moderation = Some(Moderation {
            moderator: "C. Moderator".into(),
            moderated_at: now,
            grade: Grade::Inadequate,
            effect: ModerationEffect::Agreed,
            comments: String::new(),
        });
        assert_eq!(
            recompute_derived(&mut plr, f),
            [
                Recomputed::Suggestion,
                Recomputed::ShareBy,
                Recomputed::ModerationEffect
            ]
        );
        assert_eq!(plr.judgement.suggested.grade, Some(Grade::Outstanding));
        assert_eq!(
            plr.judgement.share_by,
            Some("2026-11-21T10:40:02Z".parse().unwrap())
        );
        assert_eq!(
            plr.moderation.as_ref().map(|m| m.effect),
            Some(ModerationEffect::Downgraded)
        );
        assert_eq!(recompute_derived(&mut plr, f), []);
    }

    #[test]
    fn the_same_content_ignores_the_save_time_and_derived_fields_only() {
        let f = Framework::practice_fundamentals();
        let now: DateTime<Utc> = "2026-11-20T10:40:02Z".parse().unwrap();
        let ours = Plr::new_draft(PlrId(uuid::Uuid::nil()), now, f);
        let mut theirs = ours.clone();
        theirs.updated_at = now + chrono::Duration::seconds(5);
        theirs.judgement.suggested.points = 99;
        assert!(same_content(&ours, &theirs, f));
        theirs.case.team = "Stroud".into();
        assert!(!same_content(&ours, &theirs, f));
    }
}
