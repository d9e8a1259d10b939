//! The record's Practice Fundamentals: the band of each area, then each area's statements
//! (rating and evidence note), the practitioner's reflection and the reviewer's evaluation.

use plr_core::form::{AreaField, FieldPath, StatementField};
use plr_core::framework::Area;

use super::{answered, Block, Record};

/// The table of area bands, then every area in full.
pub(super) fn areas(record: &Record, out: &mut Vec<Block>) {
    let bands = record
        .framework
        .areas
        .iter()
        .map(|area| {
            let result = record.suggestion.areas.iter().find(|a| a.id == area.id);
            let band = result
                .and_then(|a| a.band)
                .map_or("No band yet", |b| b.label());
            let points = result.map_or(String::new(), |a| format!("{} of {}", a.points, a.maximum));
            (area.title.clone(), band.to_string(), points)
        })
        .collect();
    out.push(Block::Heading(2, "Practice Fundamentals".into()));
    out.push(Block::Bands(bands));
    for area in &record.framework.areas {
        area_blocks(record, area, out);
    }
}

/// One area: its statements, then the reflection and the evaluation.
fn area_blocks(record: &Record, area: &Area, out: &mut Vec<Block>) {
    let section = record.plr.sections.iter().find(|s| s.id == area.id);
    out.push(Block::Heading(3, area.title.clone()));
    for statement in &area.statements {
        let item = section.and_then(|s| s.items.iter().find(|i| i.id == statement.id));
        let rating = item
            .and_then(|i| i.rating)
            .map_or("Not rated", |r| r.label());
        let mut rows = vec![("Rating".to_string(), rating.to_string())];
        if let Some(note) = item.map(|i| i.note.trim()).filter(|n| !n.is_empty()) {
            let label = record.label(&FieldPath::Statement {
                area: area.id.clone(),
                statement: statement.id.clone(),
                field: StatementField::Note,
            });
            rows.push((label, note.to_string()));
        }
        out.push(Block::Keep(
            "record__statement",
            vec![
                Block::Text(format!("{} {}", statement.id, statement.text)),
                Block::Rows(rows),
            ],
        ));
    }
    for (field, text) in [
        (
            AreaField::PractitionerReflection,
            section.map(|s| s.practitioner_reflection.as_str()),
        ),
        (
            AreaField::ReviewerEvaluation,
            section.map(|s| s.reviewer_evaluation.as_str()),
        ),
    ] {
        let label = record.label(&FieldPath::Area {
            area: area.id.clone(),
            field,
        });
        out.push(Block::Keep(
            "record__statement",
            vec![
                Block::Heading(4, label),
                Block::Text(answered(text.unwrap_or(""))),
            ],
        ));
    }
}
