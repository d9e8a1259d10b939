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
