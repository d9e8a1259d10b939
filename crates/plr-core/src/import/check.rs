//! The checks a typed PLR must pass to be imported: length and size limits, ids that belong
//! to its framework (each exactly once), and the few invariants without which the file would
//! be nonsense. Drafts may be blank: nothing here asks for an answer to be filled in.

use std::collections::HashSet;

use super::{shown, ImportProblem, MAX_ACTIONS, MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::form::questions;
use crate::framework::Framework;
use crate::model::{Plr, Status};

fn limit(out: &mut Vec<ImportProblem>, path: String, text: &str, max: usize) {
    // Cheap byte test first: a string of at most `max` bytes has at most `max` characters.
    if text.len() > max && text.chars().count() > max {
        out.push(ImportProblem::new(
            path,
            format!("longer than the limit of {max} characters"),
        ));
    }
}

/// Every problem with `plr` under `framework`, in file order where it matters.
pub(super) fn check(plr: &Plr, framework: &Framework) -> Vec<ImportProblem> {
    let mut out = Vec::new();
    lengths(plr, framework, &mut out);
    ids(plr, framework, &mut out);
    invariants(plr, &mut out);
    out
}

fn lengths(plr: &Plr, framework: &Framework, out: &mut Vec<ImportProblem>) {
    // Every text answer's limit, from the form description.
    for question in questions(plr, framework) {
        if let (Some(max), Some(text)) = (question.limit, question.field.text(plr)) {
            // The path is rendered only for a text that is too long.
            if text.len() > max && text.chars().count() > max {
                limit(out, question.field.json_path(plr), text, max);
            }
        }
    }
    // Not questions of the form: ids and the moderator's record.
    for (a, action) in plr.actions.iter().enumerate() {
        limit(out, format!("actions[{a}].id"), &action.id, MAX_SHORT_CHARS);
    }
    if let Some(m) = &plr.moderation {
        let moderator = "moderation.moderator".to_string();
        limit(out, moderator, &m.moderator, MAX_SHORT_CHARS);
        let comments = "moderation.comments".to_string();
        limit(out, comments, &m.comments, MAX_TEXT_CHARS);
    }
}

fn ids(plr: &Plr, framework: &Framework, out: &mut Vec<ImportProblem>) {
    let mut areas_seen = HashSet::new();
    for (s, section) in plr.sections.iter().enumerate() {
        let Some(area) = framework.area(&section.id) else {
            out.push(ImportProblem::new(
                format!("sections[{s}].id"),
                format!(
                    "\"{}\" is not an area of {}",
                    shown(&section.id.0),
                    framework.title
                ),
            ));
            continue;
        };
        if !areas_seen.insert(&section.id) {
            out.push(ImportProblem::new(
                format!("sections[{s}].id"),
                format!("area {} appears more than once", section.id),
            ));
            continue;
        }
        let mut seen = HashSet::new();
        for (i, item) in section.items.iter().enumerate() {
            if !area.statements.iter().any(|st| st.id == item.id) {
                out.push(ImportProblem::new(
                    format!("sections[{s}].items[{i}].id"),
                    format!(
                        "\"{}\" is not a statement of {}",
                        shown(&item.id.0),
                        area.title
                    ),
                ));
            } else if !seen.insert(&item.id) {
                out.push(ImportProblem::new(
                    format!("sections[{s}].items[{i}].id"),
                    format!("statement {} appears more than once", item.id),
                ));
            }
        }
        for statement in &area.statements {
            if !section.items.iter().any(|i| i.id == statement.id) {
                out.push(ImportProblem::new(
                    format!("sections[{s}].items"),
                    format!("statement {} is missing", statement.id),
                ));
            }
        }
    }
    for area in &framework.areas {
        if !areas_seen.contains(&area.id) {
            out.push(ImportProblem::new(
                "sections",
                format!("area {} ({}) is missing", area.id, area.title),
            ));
        }
    }

    if plr.actions.len() > MAX_ACTIONS {
        out.push(ImportProblem::new(
            "actions",
            format!(
                "{} actions, more than the limit of {MAX_ACTIONS}",
                plr.actions.len()
            ),
        ));
    }
    let mut action_ids = HashSet::new();
    for (a, action) in plr.actions.iter().enumerate() {
        if action.id.trim().is_empty() {
            out.push(ImportProblem::new(
                format!("actions[{a}].id"),
                "an action needs an id",
            ));
        } else if !action_ids.insert(&action.id) {
            out.push(ImportProblem::new(
                format!("actions[{a}].id"),
                format!("action id \"{}\" appears more than once", shown(&action.id)),
            ));
        }
    }
}

fn invariants(plr: &Plr, out: &mut Vec<ImportProblem>) {
    if plr.judgement.immediate_concern && plr.judgement.immediate_concern_at.is_none() {
        out.push(ImportProblem::new(
            "judgement.immediate_concern_at",
            "an immediate concern needs the time it was flagged (the 24-hour clock runs from it)",
        ));
    }
    match plr.status {
        Status::Completed => {
            if plr.completed_at.is_none() {
                out.push(ImportProblem::new(
                    "completed_at",
                    "a completed review needs its completion time",
                ));
            }
            if plr.judgement.final_grade.is_none() {
                out.push(ImportProblem::new(
                    "judgement.final_grade",
                    "a completed review needs a final grade",
                ));
            }
        }
        Status::Draft => {
            if plr.completed_at.is_some() {
                out.push(ImportProblem::new(
                    "completed_at",
                    "a draft has no completion time (reopening a review clears it)",
                ));
            }
        }
    }
}
