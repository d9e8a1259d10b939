//! The checks a typed PLR must pass to be imported: length and size limits, ids that belong
//! to its framework (each exactly once), and the few invariants without which the file would
//! be nonsense. Drafts may be blank: nothing here asks for an answer to be filled in.

use std::collections::HashSet;

use super::{shown, MAX_ACTIONS, MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::ambassadors::{ambassadors_problems, AmbassadorsProblem};
use crate::followthrough::{update_problems, UpdateProblem};
use crate::form::spots;
use crate::framework::Framework;
use crate::model::{ActionStatus, Plr, Status};
use crate::problem::Problem;

/// A problem when `text` is over `max` characters; its path is only written out then (this
/// runs for every note of every file imported). One copy of the function for every path (`dyn`),
/// not one per call, keeps the WebAssembly small.
fn limit(out: &mut Vec<Problem>, path: &dyn Fn() -> String, text: &str, max: usize) {
    // Cheap byte test first: a string of at most `max` bytes has at most `max` characters.
    if text.len() > max && text.chars().count() > max {
        out.push(Problem::new(
            path(),
            format!("longer than the limit of {max} characters"),
        ));
    }
}

/// Every problem with `plr` under `framework`, in file order where it matters.
pub(super) fn check(plr: &Plr, framework: &Framework) -> Vec<Problem> {
    let mut out = Vec::new();
    lengths(plr, &mut out);
    ids(plr, framework, &mut out);
    invariants(plr, &mut out);
    out
}

fn lengths(plr: &Plr, out: &mut Vec<Problem>) {
    // Every text answer's limit, from the form description's walk (no labels, no id copies).
    // `for_each` rather than a `for` loop: the walk is a chain of flattened iterators, which
    // folds from the inside without asking each link for its next spot.
    spots(plr).for_each(|spot| {
        if let (Some(max), Some(text)) = (spot.limit(), spot.text(plr)) {
            // The path is rendered only for a text that is too long.
            limit(out, &|| spot.path().json_path(plr), text, max);
        }
    });
    // Not questions of the form: ids and the moderator's record.
    for (a, action) in plr.actions.iter().enumerate() {
        let id = || format!("actions[{a}].id");
        limit(out, &id, &action.id, MAX_SHORT_CHARS);
    }
    if let Some(m) = &plr.moderation {
        limit(
            out,
            &|| "moderation.moderator".into(),
            &m.moderator,
            MAX_SHORT_CHARS,
        );
        limit(
            out,
            &|| "moderation.comments".into(),
            &m.comments,
            MAX_TEXT_CHARS,
        );
    }
}

/// Where in the framework's list `is` finds its entry: at `expected` (a file lists them in
/// framework order), else searched for. Framework ids are unique, so the first look is exact.
fn place<T>(list: &[T], expected: usize, is: impl Fn(&T) -> bool) -> Option<usize> {
    match list.get(expected) {
        Some(entry) if is(entry) => Some(expected),
        _ => list.iter().position(is),
    }
}

fn ids(plr: &Plr, framework: &Framework, out: &mut Vec<Problem>) {
    // Seen areas and statements by their place in the framework (no hashing: this runs for
    // every statement of every file imported).
    let mut areas_seen = vec![false; framework.areas.len()];
    for (s, section) in plr.sections.iter().enumerate() {
        let Some(a) = place(&framework.areas, s, |a| a.id == section.id) else {
            out.push(Problem::new(
                format!("sections[{s}].id"),
                format!(
                    "\"{}\" is not an area of {}",
                    shown(&section.id.0),
                    framework.title
                ),
            ));
            continue;
        };
        if std::mem::replace(&mut areas_seen[a], true) {
            out.push(Problem::new(
                format!("sections[{s}].id"),
                format!("area {} appears more than once", section.id),
            ));
            continue;
        }
        let area = &framework.areas[a];
        let mut seen = vec![false; area.statements.len()];
        for (i, item) in section.items.iter().enumerate() {
            match place(&area.statements, i, |st| st.id == item.id) {
                None => out.push(Problem::new(
                    format!("sections[{s}].items[{i}].id"),
                    format!(
                        "\"{}\" is not a statement of {}",
                        shown(&item.id.0),
                        area.title
                    ),
                )),
                Some(st) if std::mem::replace(&mut seen[st], true) => {
                    out.push(Problem::new(
                        format!("sections[{s}].items[{i}].id"),
                        format!("statement {} appears more than once", item.id),
                    ));
                }
                Some(_) => {}
            }
        }
        for (statement, _) in area
            .statements
            .iter()
            .zip(&seen)
            .filter(|(_, seen)| !**seen)
        {
            out.push(Problem::new(
                format!("sections[{s}].items"),
                format!("statement {} is missing", statement.id),
            ));
        }
    }
    for (area, _) in framework
        .areas
        .iter()
        .zip(&areas_seen)
        .filter(|(_, seen)| !**seen)
    {
        out.push(Problem::new(
            "sections",
            format!("area {} ({}) is missing", area.id, area.title),
        ));
    }

    if plr.actions.len() > MAX_ACTIONS {
        out.push(Problem::new(
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
            out.push(Problem::new(
                format!("actions[{a}].id"),
                "an action needs an id",
            ));
        } else if !action_ids.insert(&action.id) {
            out.push(Problem::new(
                format!("actions[{a}].id"),
                format!("action id \"{}\" appears more than once", shown(&action.id)),
            ));
        }
    }
}

/// The follow-through of schema versions 4 and 5: each action's day of transfer goes with its
/// status, a follow-up change is never recorded before the review was completed, and each Head
/// of Service's update and the Ambassadors' review keep the rules they were recorded under
/// (but today's date, which a file does not carry).
fn follow_through(plr: &Plr, out: &mut Vec<Problem>) {
    let completed_on = plr.completed_at.map(|at| at.date_naive());
    for (a, action) in plr.actions.iter().enumerate() {
        let transferred = action.status == ActionStatus::Transferred;
        match (transferred, action.transferred_on) {
            (true, None) => out.push(Problem::new(
                format!("actions[{a}].transferred_on"),
                "a transferred action needs the day it was transferred into the child's plan",
            )),
            (false, Some(_)) => out.push(Problem::new(
                format!("actions[{a}].transferred_on"),
                "only a transferred action has a day of transfer",
            )),
            _ => {}
        }
        if let (Some(updated), Some(completed)) = (action.updated_on, completed_on) {
            if updated < completed {
                out.push(Problem::new(
                    format!("actions[{a}].updated_on"),
                    "a follow-up change cannot be dated before the review was completed",
                ));
            }
        }
    }
    for (u, update) in plr.concern_updates.iter().enumerate() {
        // Recorded on a completed review, an update stays when the review is reopened.
        for problem in update_problems(plr, update, None)
            .into_iter()
            .filter(|p| *p != UpdateProblem::NotCompleted)
        {
            let at = match problem.field() {
                Some(field) => format!("concern_updates[{u}].{}", field.key()),
                None => format!("concern_updates[{u}]"),
            };
            out.push(Problem::new(at, problem.to_string()));
        }
    }
    if let Some(review) = &plr.ambassadors_review {
        // Like an update, it stays when the review is reopened.
        for problem in ambassadors_problems(plr, review, None)
            .into_iter()
            .filter(|p| *p != AmbassadorsProblem::NotCompleted)
        {
            let at = match problem.field() {
                Some(field) => format!("ambassadors_review.{}", field.key()),
                None => "ambassadors_review".to_string(),
            };
            out.push(Problem::new(at, problem.to_string()));
        }
    }
}

fn invariants(plr: &Plr, out: &mut Vec<Problem>) {
    follow_through(plr, out);
    if plr.judgement.immediate_concern && plr.judgement.immediate_concern_at.is_none() {
        out.push(Problem::new(
            "judgement.immediate_concern_at",
            "an immediate concern needs the time it was flagged (the 24-hour clock runs from it)",
        ));
    }
    match plr.status {
        Status::Completed => {
            if plr.completed_at.is_none() {
                out.push(Problem::new(
                    "completed_at",
                    "a completed review needs its completion time",
                ));
            }
            if plr.judgement.final_grade.is_none() {
                out.push(Problem::new(
                    "judgement.final_grade",
                    "a completed review needs a final grade",
                ));
            }
        }
        Status::Draft => {
            if plr.completed_at.is_some() {
                out.push(Problem::new(
                    "completed_at",
                    "a draft has no completion time (reopening a review clears it)",
                ));
            }
        }
    }
}
