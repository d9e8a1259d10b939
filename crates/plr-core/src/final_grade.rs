//! The final grade: it follows the suggestion until the reviewer chooses another, and a
//! different grade chosen against an earlier suggestion must be chosen again (`grading.md`).

use crate::labels::grade_or_none;
use crate::model::{Grade, Judgement};

/// A final grade the reviewer chose against a suggestion that has since changed: the choice
/// must be confirmed or changed before the review can be completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleChoice {
    /// The reviewer's grade.
    pub chosen: Grade,
    /// The suggestion when they chose it.
    pub was: Option<Grade>,
    /// The suggestion now.
    pub now: Option<Grade>,
}

impl StaleChoice {
    /// What happened and what to do, in plain English.
    pub fn message(&self) -> String {
        format!(
            "The suggested grade has changed from {} to {} since you chose {}. Confirm {} or choose another final grade",
            grade_or_none(self.was),
            grade_or_none(self.now),
            self.chosen.label(),
            self.chosen.label(),
        )
    }
}

impl Judgement {
    /// Keeps the final grade in step with the suggestion while the reviewer has not chosen a
    /// different one: when the suggestion moves from `previous` to `current` and the final
    /// grade still equals `previous` (or is blank), it follows. Returns whether it changed.
    pub fn follow_suggestion(&mut self, previous: Option<Grade>, current: Option<Grade>) -> bool {
        let following = self.final_grade.is_none() || self.final_grade == previous;
        if following && current.is_some() && self.final_grade != current {
            self.final_grade = current;
            true
        } else {
            false
        }
    }

    /// The reviewer chooses `grade` as the final grade while the suggestion is `suggested`.
    pub fn choose_final_grade(&mut self, grade: Grade, suggested: Option<Grade>) {
        self.final_grade = Some(grade);
        self.final_grade_chosen_against = suggested;
    }

    /// The reviewer keeps their final grade against the suggestion as it is now.
    pub fn confirm_final_grade(&mut self, suggested: Option<Grade>) {
        self.final_grade_chosen_against = suggested;
    }

    /// The reviewer's different final grade, when the suggestion has changed since they chose
    /// it (or it only followed an earlier suggestion). `None` when the grade equals the
    /// suggestion, or was chosen against the suggestion as it is now.
    pub fn stale_choice(&self, suggested: Option<Grade>) -> Option<StaleChoice> {
        let chosen = self.final_grade?;
        (Some(chosen) != suggested && self.final_grade_chosen_against != suggested).then_some(
            StaleChoice {
                chosen,
                was: self.final_grade_chosen_against,
                now: suggested,
            },
        )
    }
}

impl Judgement {
    /// Whether the final grade differs from the suggested grade `suggested` (the reviewer
    /// must then say why).
    pub fn final_grade_differs(&self, suggested: Option<Grade>) -> bool {
        self.final_grade
            .is_some_and(|grade| Some(grade) != suggested)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::{complete_plr, today};
    use crate::completion::{complete, completion_problems};
    use crate::framework::Framework;

    #[test]
    fn the_final_grade_follows_the_suggestion_until_the_reviewer_differs() {
        let mut j = Judgement::default();
        assert!(j.follow_suggestion(None, Some(Grade::Good)));
        assert_eq!(j.final_grade, Some(Grade::Good));
        assert!(j.follow_suggestion(Some(Grade::Good), Some(Grade::Inadequate)));
        assert_eq!(j.final_grade, Some(Grade::Inadequate));
        // The reviewer chose differently: a new suggestion leaves their grade alone.
        j.choose_final_grade(Grade::RequiresImprovement, Some(Grade::Inadequate));
        assert!(!j.follow_suggestion(Some(Grade::Inadequate), Some(Grade::Good)));
        assert_eq!(j.final_grade, Some(Grade::RequiresImprovement));
        // Nothing to suggest: a chosen grade is kept.
        assert!(!j.follow_suggestion(Some(Grade::RequiresImprovement), None));
    }

    #[test]
    fn an_override_made_against_an_older_suggestion_must_be_chosen_again() {
        let f = Framework::practice_fundamentals();
        let mut plr = complete_plr(); // every statement met: suggestion outstanding
        plr.judgement
            .choose_final_grade(Grade::Good, Some(Grade::Outstanding));
        plr.judgement.rationale = "The plan drifted over the summer.".into();
        assert_eq!(completion_problems(&plr, f, today()), []);

        // Then the immediate concern is ticked: the suggestion becomes inadequate.
        plr.judgement.immediate_concern = true;
        let suggested = Some(Grade::Inadequate);
        let stale = plr.judgement.stale_choice(suggested).unwrap();
        assert_eq!(
            stale.message(),
            "The suggested grade has changed from Outstanding to Inadequate since you chose Good. Confirm Good or choose another final grade"
        );
        let problems = completion_problems(&plr, f, today());
        assert_eq!(problems[0].path, "judgement.final_grade");
        assert_eq!(problems[0].message, stale.message());
        let mut attempt = plr.clone();
        assert!(complete(&mut attempt, f, chrono::DateTime::UNIX_EPOCH).is_err());

        // Confirming keeps the grade and the old reason, and clears the problem.
        plr.judgement.confirm_final_grade(suggested);
        assert_eq!(plr.judgement.stale_choice(suggested), None);
        assert!(!completion_problems(&plr, f, today())
            .iter()
            .any(|p| p.path == "judgement.final_grade"));
        assert_eq!(plr.judgement.rationale, "The plan drifted over the summer.");
    }

    #[test]
    fn a_grade_equal_to_the_suggestion_is_never_stale() {
        let mut j = Judgement::default();
        j.choose_final_grade(Grade::Good, Some(Grade::Outstanding));
        assert_eq!(j.stale_choice(Some(Grade::Good)), None);
        assert!(j.stale_choice(Some(Grade::Inadequate)).is_some());
        // A grade that only followed an earlier suggestion, which has since moved, is stale too.
        let following = Judgement {
            final_grade: Some(Grade::Good),
            ..Judgement::default()
        };
        assert_eq!(
            following.stale_choice(Some(Grade::Outstanding)),
            Some(StaleChoice {
                chosen: Grade::Good,
                was: None,
                now: Some(Grade::Outstanding)
            })
        );
    }
}
