//! The record's grades: suggested (with the core's explanation), final (with the reason it
//! differs), and moderated when the review has been moderated.

use plr_core::form::{JudgementField, Spot};
use plr_core::grading::explain;

use super::{Block, Record};

/// The grades and how the suggestion was reached.
pub(super) fn grades(record: &Record, out: &mut Vec<Block>) {
    let (plr, suggestion) = (record.plr, record.suggestion);
    let mut rows = vec![(
        "Suggested grade".to_string(),
        suggestion
            .grade
            .map_or("Not enough rated yet", |g| g.label())
            .to_string(),
    )];
    rows.extend(record.rows(&|spot| {
        matches!(
            spot,
            Spot::Judgement(JudgementField::FinalGrade | JudgementField::Rationale)
        )
    }));
    if let Some(moderation) = &plr.moderation {
        rows.push((
            "Moderated grade (replaces the final grade)".to_string(),
            moderation.grade.label().to_string(),
        ));
    }
    out.extend([
        Block::Heading(2, "Grades".into()),
        Block::Rows(rows),
        Block::Heading(3, "How the suggested grade was reached".into()),
        Block::List(explain(suggestion, record.framework)),
    ]);
}
