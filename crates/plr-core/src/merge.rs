//! Two copies of one review, merged: the practitioner writes their reflections on their own
//! device while the reviewer rates on theirs, and both export. [`merge`] puts the two copies
//! together, field by field, with nothing lost without a choice:
//!
//! - a field filled on one side only (the other blank: `null`, `""` or an empty list) is taken;
//! - a field the two fill differently is a [`Conflict`], named by its question
//!   ([`FieldPath`] and the form's label, from [`crate::form::questions`]) or, for a field no
//!   question asks, by where it is ("Moderation: comments"); [`Merge::resolve`] takes one
//!   [`Side`] per conflict;
//! - every field is covered, not a list of today's: the walk goes over both copies' JSON
//!   values, objects key by key and lists of items with an `id` (areas, their statements,
//!   actions) item by item by that id; an item on one side only (an action added on one
//!   device) is taken;
//! - derived fields (the suggestion, the share-by deadline, the moderation effect) are never
//!   conflicts: the merged value goes through [`crate::import`], which checks it like any
//!   file and recomputes them;
//! - `created_at` is the earlier of the two, `updated_at` the later;
//! - the Head of Service's updates are both copies' (their union, `followthrough.md`), never
//!   a conflict.
//!
//! **Status.** A completed review passed the completion check and is read-only; content from
//! the other copy has not been through that check. So the merged review is completed only
//! when what it says is exactly what a completed copy says (the other copy added nothing, or
//! every conflict was resolved to that copy), keeping that copy's `completed_at`, follow-up
//! aside (actions' progress, sharing, Head of Service updates and moderation, which change on
//! a completed review: [`crate::followup::as_completed`]); otherwise it
//! is a draft, to be checked and completed again. Taking "completed" from one copy and
//! reflections from the other would mark content as checked that never was. When both copies
//! are completed but the choices mix them, the result is a draft: the one value of a merge
//! that is not taken from either copy, on purpose.
//!
//! Limits: with no common ancestor, an item deleted on one device and kept on the other comes
//! back, and two actions created on two devices under the same id are merged field by field.

mod walk;

use serde_json::Value;

use crate::ambassadors::FINDINGS;
use crate::derived::{normal, recompute_derived, Recomputed};
use crate::followthrough::union_updates;
use crate::followup::as_completed;
use crate::form::{questions, FieldPath, Shown};
use crate::framework::Framework;
use crate::import::{import_with, ImportError};
use crate::model::{ConcernUpdate, Grade, Plr, Status};
use crate::rank::{sort_by_rank, time_rank, Rank};

/// Which copy a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The copy already on this device.
    Ours,
    /// The copy from the file.
    Theirs,
}

impl Side {
    /// The other copy.
    pub fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// One field the two copies fill differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Where it is in our copy, e.g. `sections[2].items[3].rating`.
    pub path: String,
    /// The question it answers, when a question of the form asks it.
    pub field: Option<FieldPath>,
    /// What it is, for a person: "Statement SM4: Evidence (optional)", "Impact on the child".
    pub label: String,
    /// Our value.
    pub ours: Value,
    /// Their value.
    pub theirs: Value,
    /// Where it is in the merged value (a JSON pointer).
    pointer: String,
}

impl Conflict {
    /// The value on `side`.
    pub fn value(&self, side: Side) -> &Value {
        match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }
}

/// Why two copies cannot be merged, or a merge not finished.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Two different reviews (different ids).
    #[error("the two files are different reviews, not two copies of one review")]
    DifferentReviews,
    /// The copies follow different checklists (or versions of one).
    #[error("the two copies follow different versions of the checklist, so their answers cannot be matched")]
    DifferentFrameworks,
    /// Conflicts (by their place in [`Merge::conflicts`]) with no choice yet.
    #[error("choose which copy to keep for {} field(s)", .0.len())]
    Unchosen(Vec<usize>),
    /// The merged review is not a valid PLR (each problem at its JSON path).
    #[error("{0}")]
    Invalid(ImportError),
}

/// Two copies merged but for the conflicts: [`Merge::conflicts`] lists them, in form order,
/// and [`Merge::resolve`] finishes the merge with a choice for each.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    merged: Value,
    conflicts: Vec<Conflict>,
    ours: Plr,
    theirs: Plr,
}

/// Fields settled by a rule rather than by the walk: the derived ones (recomputed by
/// import), the two timestamps, and the status with its `completed_at`.
fn settled_paths() -> Vec<&'static str> {
    let mut paths = vec!["created_at", "updated_at", "status", "completed_at"];
    paths.extend(Recomputed::ALL.map(Recomputed::path));
    paths
}

/// What a conflict is, for a person: the form's label, after the list item it is in
/// ("Action a1: What needs to happen"); for a field no question asks, where it is.
fn label(question: Option<&str>, context: &[String]) -> String {
    // Plain keys are lower case ("case", "team"); list items are named ("Action a1").
    let item = context
        .len()
        .checked_sub(2)
        .map(|n| context[n].as_str())
        .filter(|i| i.chars().next().is_some_and(char::is_uppercase));
    match (question, item) {
        (Some(label), Some(item)) => {
            let id = item.rsplit(' ').next().unwrap_or(item);
            if label.starts_with(id) {
                label.to_string()
            } else {
                format!("{item}: {label}")
            }
        }
        (Some(label), None) => label.to_string(),
        (None, _) => {
            let mut words = context.iter();
            let first = words.next().map_or(String::new(), |w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            });
            let rest: Vec<&str> = words.map(String::as_str).collect();
            if rest.is_empty() {
                first
            } else {
                format!("{first}: {}", rest.join(" "))
            }
        }
    }
}

/// `value` as a JSON value. Through text, not `serde_json::to_value`: the form's WebAssembly
/// already holds the model's serialiser to text and the parser of values, and a second
/// serialiser of every model type would be a few kilobytes more to download. The text is
/// written pretty, as the export writes it, so that the form compiles one writer of JSON
/// (see [`json_text`]).
fn json_of<T: serde::Serialize>(value: &T) -> Option<Value> {
    serde_json::from_str(&serde_json::to_string_pretty(value).ok()?).ok()
}

/// `value` as text, to be read again (never shown or exported). Pretty, not compact: the
/// export writes pretty JSON, and one flavour of the writer is less code in the form's
/// WebAssembly than two.
pub(crate) fn json_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Both copies' Head of Service updates, each once, oldest first (`None`: not lists of
/// updates, left to the walk).
fn union_of_updates(ours: &Value, theirs: &Value) -> Option<Value> {
    let read = |v: &Value| serde_json::from_str::<Vec<ConcernUpdate>>(&json_text(v)).ok();
    json_of(&union_updates(&read(ours)?, &read(theirs)?))
}

/// `sections[2].items[3].rating` as a JSON pointer: `/sections/2/items/3/rating`.
pub(crate) fn pointer_of(path: &str) -> String {
    let mut out = String::from("/");
    out.extend(path.chars().filter(|&c| c != ']').map(|c| match c {
        '.' | '[' => '/',
        c => c,
    }));
    out
}

/// Merges two copies of one review (the same `id`) under `framework`. Pure: the same copies
/// give the same merge, and swapping them swaps only which side each conflict names.
pub fn merge(ours: &Plr, theirs: &Plr, framework: &Framework) -> Result<Merge, MergeError> {
    if ours.id != theirs.id {
        return Err(MergeError::DifferentReviews);
    }
    if ours.framework != theirs.framework {
        return Err(MergeError::DifferentFrameworks);
    }
    let to_value = |plr: &Plr| {
        json_of(plr).ok_or_else(|| {
            MergeError::Invalid(ImportError::Invalid(vec![crate::problem::Problem::new(
                "$",
                "the review could not be written out as JSON",
            )]))
        })
    };
    let skip = settled_paths();
    let mut walk = walk::Walk {
        skip: &skip,
        framework,
        leaves: Vec::new(),
    };
    let mut merged = walk.value(&to_value(ours)?, &to_value(theirs)?, "", "", &[]);
    if let Value::Object(top) = &mut merged {
        let created = ours.created_at.min(theirs.created_at);
        let updated = ours.updated_at.max(theirs.updated_at);
        for (key, at) in [("created_at", created), ("updated_at", updated)] {
            if let Some(at) = json_of(&at) {
                top.insert(key.into(), at);
            }
        }
        // A Case of Concern raised in either copy stays raised (`followthrough.md`): the
        // earlier deadline of the two, which the import then keeps or recomputes.
        let share_by = match (ours.judgement.share_by, theirs.judgement.share_by) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let (Some(Value::Object(judgement)), Some(share_by)) =
            (top.get_mut("judgement"), json_of(&share_by))
        {
            judgement.insert("share_by".into(), share_by);
        }
    }
    // The questions of the merged review (its actions in merged order), by where their answer
    // is in the merged value, so that the order of conflicts does not depend on which copy
    // is ours.
    let mut ordered = ours.clone();
    if let Some(Ok(actions)) = merged
        .get("actions")
        .map(|a| serde_json::from_str(&json_text(a)))
    {
        ordered.actions = actions;
    }
    let asked: Vec<(String, (usize, FieldPath, String))> = questions(&ordered, framework)
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            (
                pointer_of(&q.field.json_path(&ordered)),
                (n, q.field, q.label),
            )
        })
        .collect();
    let mut conflicts: Vec<(usize, Conflict)> = walk
        .leaves
        .into_iter()
        .map(|leaf| {
            let question = asked
                .iter()
                .find(|(at, _)| *at == leaf.pointer)
                .map(|(_, q)| q);
            // An Ambassadors' finding is named as the dashboard and the form name it.
            let finding = leaf
                .pointer
                .strip_prefix("/ambassadors_review/")
                .and_then(|key| FINDINGS.iter().find(|f| f.key == key))
                .map(|f| format!("Ambassadors' review: {}", f.short));
            let conflict = Conflict {
                label: finding
                    .unwrap_or_else(|| label(question.map(|(_, _, l)| l.as_str()), &leaf.context)),
                field: question.map(|(_, f, _)| f.clone()),
                path: leaf.ours_path,
                ours: leaf.ours,
                theirs: leaf.theirs,
                pointer: leaf.pointer,
            };
            (question.map_or(usize::MAX, |(n, _, _)| *n), conflict)
        })
        .collect();
    // Form order; fields no question asks last, in the order of the file.
    sort_by_rank(&mut conflicts, |(n, _)| *n as Rank);
    let conflicts = conflicts.into_iter().map(|(_, c)| c).collect();
    Ok(Merge {
        merged,
        conflicts,
        ours: ours.clone(),
        theirs: theirs.clone(),
    })
}

impl Merge {
    /// The fields the two copies fill differently, in form order (empty: nothing to choose).
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Conflict `n`'s value on `side`, read back as the form reads back that question's
    /// answer ([`crate::form::Spot::shown`]: "Partly met", a date, the text). A field no
    /// question asks (the moderator's record) is shown as its value, a grade by its label.
    pub fn shown(&self, n: usize, side: Side) -> Shown<'_> {
        let Some(conflict) = self.conflicts.get(n) else {
            return Shown::Blank;
        };
        let copy = match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        };
        if let Some(spot) = conflict.field.as_ref().and_then(|f| f.spot(copy)) {
            return spot.shown(copy);
        }
        match conflict.value(side) {
            Value::Null => Shown::Blank,
            Value::Bool(yes) => Shown::YesNo(*yes),
            Value::String(text) => serde_json::from_value::<Grade>(Value::String(text.clone()))
                .map_or(Shown::Text(text), |grade| Shown::Choice(grade.label())),
            Value::Array(items) => Shown::Count(items.len()),
            Value::Number(_) | Value::Object(_) => Shown::Text("(several values)"),
        }
    }

    /// The merged review, with `choices[n]` the copy kept for conflict `n` (every conflict
    /// needs one, else [`MergeError::Unchosen`] names those without). The result is checked
    /// as an imported file is, with its derived fields recomputed; its status follows the
    /// rule in the module's documentation.
    pub fn resolve(
        &self,
        choices: &[Option<Side>],
        framework: &Framework,
    ) -> Result<Plr, MergeError> {
        let unchosen: Vec<usize> = (0..self.conflicts.len())
            .filter(|&n| choices.get(n).copied().flatten().is_none())
            .collect();
        if !unchosen.is_empty() {
            return Err(MergeError::Unchosen(unchosen));
        }
        let mut value = self.merged.clone();
        for (conflict, side) in self.conflicts.iter().zip(choices) {
            if let (Some(Side::Theirs), Some(slot)) = (side, value.pointer_mut(&conflict.pointer)) {
                *slot = conflict.theirs.clone();
            }
        }
        if let Value::Object(top) = &mut value {
            top.insert("status".into(), Value::String("draft".into()));
            top.insert("completed_at".into(), Value::Null);
        }
        let mut plr = import_with(json_text(&value).as_bytes(), &[framework])
            .map_err(MergeError::Invalid)?
            .plr;
        let mut completed: Vec<&Plr> = [&self.ours, &self.theirs]
            .into_iter()
            .filter(|p| p.status == Status::Completed)
            .collect();
        sort_by_rank(&mut completed, |p| {
            p.completed_at.map_or(Rank::MIN, time_rank)
        });
        for copy in completed {
            let mut candidate = plr.clone();
            candidate.status = Status::Completed;
            candidate.completed_at = copy.completed_at;
            let checked = |plr: &Plr| normal(&as_completed(plr), framework);
            if checked(&candidate) == checked(copy) {
                plr = candidate;
                break;
            }
        }
        recompute_derived(&mut plr, framework);
        Ok(plr)
    }

    /// The merged review keeping `side` for every conflict.
    pub fn resolve_all(&self, side: Side, framework: &Framework) -> Result<Plr, MergeError> {
        self.resolve(&vec![Some(side); self.conflicts.len()], framework)
    }
}

#[cfg(test)]
mod tests;
