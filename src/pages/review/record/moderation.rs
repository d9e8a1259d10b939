//! The record's moderation: who moderated, when, the grade and its effect, the comments.

use plr_core::form::Shown;
use plr_core::Moderation;

use super::{Block, Record};
use crate::browser::{self, read_back};

/// The moderation, or that there has been none.
pub(super) fn moderation(record: &Record, out: &mut Vec<Block>) {
    out.push(Block::Heading(2, "Moderation".into()));
    out.push(match &record.plr.moderation {
        Some(moderation) => Block::Rows(moderation_rows(moderation)),
        None => Block::Text("Not moderated.".into()),
    });
}

fn moderation_rows(m: &Moderation) -> Vec<(String, String)> {
    vec![
        ("Moderator".into(), read_back(Shown::Text(&m.moderator))),
        ("Moderated".into(), browser::local_date_time(m.moderated_at)),
        ("Moderated grade".into(), m.grade.label().to_string()),
        ("Effect".into(), m.effect.label().to_string()),
        (
            "Comments for the manager".into(),
            read_back(Shown::Text(&m.comments)),
        ),
    ]
}
