//! Moderation: how a moderator's grade compares with the reviewer's final grade.

use crate::model::{Grade, ModerationEffect, Plr};

/// The grade a PLR counts as in all reporting: the moderator's grade if moderated, else the
/// reviewer's final grade (`snapshot.md`, "reported grade").
pub fn reported_grade(plr: &Plr) -> Option<Grade> {
    plr.moderation
        .as_ref()
        .map(|m| m.grade)
        .or(plr.judgement.final_grade)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use Grade::*;

    #[test]
    fn the_moderated_grade_is_the_reported_grade_and_decides_a_case_of_concern() {
        use crate::completion::is_case_of_concern;
        let f = crate::Framework::practice_fundamentals();
        let now = "2022-07-01T10:00:00Z".parse().unwrap();
        let mut plr = Plr::new_draft(crate::PlrId(uuid::Uuid::nil()), now, f);
        plr.judgement.final_grade = Some(Good);
        assert_eq!(reported_grade(&plr), Some(Good));
        assert!(!is_case_of_concern(&plr));
        let moderated = |grade| crate::Moderation {
            moderator: "C. Moderator".into(),
            moderated_at: now,
            grade,
            effect: moderation_effect(Good, grade),
            comments: String::new(),
        };
        plr.moderation = Some(moderated(Inadequate));
        assert_eq!(reported_grade(&plr), Some(Inadequate));
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
}
