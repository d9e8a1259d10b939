//! A blank draft PLR for a framework.

use chrono::{DateTime, Utc};

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{
    Case, Format, FrameworkRef, Item, Judgement, Participation, Plr, PlrId, Review, Section,
    Status, SCHEMA_VERSION,
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
            participation: Participation::default(),
            sections,
            judgement: Judgement {
                suggested,
                ..Judgement::default()
            },
            actions: Vec::new(),
            moderation: None,
        }
    }
}
