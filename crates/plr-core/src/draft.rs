//! A blank draft PLR for a framework.

use chrono::{DateTime, Utc};

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{
    Case, Format, FrameworkRef, Item, Judgement, Participation, Plr, PlrId, Review, Section,
    Status, Views, SCHEMA_VERSION,
};

impl Plr {
    /// A blank draft: one section per area, one unrated item per statement, nothing answered.
    pub fn new_draft(id: PlrId, now: DateTime<Utc>, framework: &Framework) -> Plr {
        let sections: Vec<Section> = framework
            .areas
            .iter()
            .map(|area| Section {
                id: area.id.clone(),
                items: area
                    .statements
                    .iter()
                    .map(|s| Item {
                        id: s.id.clone(),
                        rating: None,
                        note: String::new(),
                    })
                    .collect(),
                practitioner_reflection: String::new(),
                reviewer_evaluation: String::new(),
            })
            .collect();
        let suggested = suggest_grade(framework, &sections, false);
        Plr {
            format: Format::PracticeLearningReview,
            schema_version: SCHEMA_VERSION,
            id,
            framework: FrameworkRef {
                id: framework.id.clone(),
                version: framework.version.clone(),
            },
            status: Status::Draft,
            created_at: now,
            updated_at: now,
            completed_at: None,
            case: Case::default(),
            review: Review::default(),
            // The parent's or carer's views are always asked: room for the answer from the
            // start, so following the case never changes a draft nobody has typed in.
            participation: Participation {
                parent_carer: Some(Views::default()),
                ..Participation::default()
            },
            sections,
            judgement: Judgement {
                suggested,
                ..Judgement::default()
            },
            actions: Vec::new(),
            moderation: None,
            ambassadors_review: None,
            concern_updates: Vec::new(),
        }
    }

    /// Whether nobody has entered anything: the review equals a blank draft of the same id
    /// and start time (when it was last saved does not count). Such a review is not kept.
    pub fn is_untouched(&self, framework: &Framework) -> bool {
        let mut blank = Plr::new_draft(self.id, self.created_at, framework);
        blank.updated_at = self.updated_at;
        *self == blank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_nobody_has_typed_in_is_untouched_until_something_is_entered() {
        let f = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), DateTime::UNIX_EPOCH, f);
        plr.updated_at = "2026-11-20T10:00:00Z".parse().unwrap();
        assert!(plr.is_untouched(f));
        plr.case.team = "S".into();
        assert!(!plr.is_untouched(f));
        plr.case.team.clear();
        plr.sections[3].items[0].note = "x".into();
        assert!(!plr.is_untouched(f));
    }
}
