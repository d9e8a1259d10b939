//! The record's Practice Fundamentals: the band of each area, then each area's statements
//! (rating and evidence note), the practitioner's reflection and the reviewer's evaluation.

use plr_core::form::{Spot, StatementField, Task};

use super::{Block, Record};

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
    area_blocks(record, out);
}

/// Every area in full, walking the form description: an area's heading, each statement as a
/// block with its rating and any evidence note, then the area's narratives.
fn area_blocks(record: &Record, out: &mut Vec<Block>) {
    let mut current = None;
    for &spot in &record.asked {
        let (section, statement) = match spot {
            Spot::Statement { section, item, .. } => (section, Some(item)),
            Spot::Area { section, .. } => (section, None),
            _ => continue,
        };
        if current != Some(&section.id) {
            current = Some(&section.id);
            let title = Task::Area(section.id.clone()).title(record.framework);
            out.push(Block::Heading(3, title));
        }
        let (label, answer) = record.row(spot);
        match (spot, statement) {
            (
                Spot::Statement {
                    field: StatementField::Rating,
                    ..
                },
                _,
            ) => out.push(Block::Keep(
                "record__statement",
                vec![
                    Block::Text(label),
                    Block::Rows(vec![("Rating".into(), rating(spot, record, answer))]),
                ],
            )),
            // An evidence note joins its statement's block, when there is one.
            (_, Some(item)) if item.note.trim().is_empty() => {}
            (_, Some(_)) => {
                if let Some(Block::Keep(_, blocks)) = out.last_mut() {
                    if let Some(Block::Rows(rows)) = blocks.last_mut() {
                        rows.push((label, answer));
                    }
                }
            }
            (_, None) => out.push(Block::Keep(
                "record__statement",
                vec![Block::Heading(4, label), Block::Text(answer)],
            )),
        }
    }
}

/// A statement's rating as printed (`answer` is its answer read back): "Not rated" while it
/// has none.
fn rating(spot: Spot, record: &Record, answer: String) -> String {
    if spot.answered(record.plr) {
        answer
    } else {
        "Not rated".into()
    }
}
