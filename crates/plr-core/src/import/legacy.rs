//! The fast path of import for a file of schema versions 1 to 3 (`legacy-read`, the command
//! line's feature): one typed parse of the text straight into the model, filling what those
//! versions lack exactly as [`crate::migrate`]'s steps fill it on the JSON value, with no value
//! built first. A file of version 1 reads about as fast as a current one, instead of two and a
//! half times slower.
//!
//! The keys that later versions added are read when the file has them (migration keeps a key
//! that is there, `null` included) and filled only when it has not, and only for the versions
//! that lacked them: a version 2 file without `judgement.immediate_concern_details`, or a
//! version 3 one without an action's `progress_note`, is broken, not filled (export.md: "a
//! missing required key is an error"), so it goes the slow way to be named. The model's own
//! types stay strict; only this file's three types (the top level, the judgement, an action)
//! tell a missing key from a `null` one.
//!
//! This path only ever says yes: anything it refuses (a broken file, a duplicated key, a value
//! migration could not use) returns `None`, and the slow path (JSON value, migration, typed
//! parse) decides, naming every problem as it always has. So a file reads the same whichever
//! path takes it, but for what [`super::fast`] says of keys the model ignores: a value there
//! that the JSON value parse refused (nesting deeper than 128 levels, a number too large for
//! an `f64`, half a surrogate pair) is skipped unread, and the file imports.

use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::model::{
    Action, ActionKind, ActionStatus, AmbassadorsReview, Case, ConcernUpdate, Format, FrameworkRef,
    Grade, Judgement, Moderation, Participation, Plr, PlrId, Review, Section, Status, Suggestion,
    SCHEMA_VERSION,
};
use crate::problem::Problem;

/// The versions this path reads.
const OLDER: std::ops::RangeInclusive<u32> = 1..=3;

/// Whether `text` says, among the first keys of its object, that it is of schema version 1 to
/// 3, as every export does (`format`, then `schema_version`). Only a guess at which typed read
/// to try: [`parse`] checks the version it reads, and a file whose version is further in takes
/// the current version's read, then the slow path.
pub(super) fn says_older(text: &str) -> bool {
    leading_version(text.as_bytes()).is_some_and(|v| OLDER.contains(&v))
}

/// The `schema_version` among the first four members of the object in `text`, if each one
/// before it is a plain string, number, `true`, `false` or `null` (no nested value is walked).
fn leading_version(text: &[u8]) -> Option<u32> {
    let mut at = 0;
    let skip_space = |at: &mut usize| {
        while text.get(*at).is_some_and(|b| b.is_ascii_whitespace()) {
            *at += 1;
        }
    };
    skip_space(&mut at);
    (text.get(at) == Some(&b'{')).then_some(())?;
    at += 1;
    for _ in 0..4 {
        skip_space(&mut at);
        // A key without escapes.
        (text.get(at) == Some(&b'"')).then_some(())?;
        let start = at + 1;
        let end = start + text.get(start..)?.iter().position(|&b| b == b'"')?;
        let key = &text[start..end];
        at = end + 1;
        skip_space(&mut at);
        (text.get(at) == Some(&b':')).then_some(())?;
        at += 1;
        skip_space(&mut at);
        let value = at;
        match text.get(at)? {
            b'"' => {
                at += 1;
                loop {
                    match text.get(at)? {
                        b'\\' => at += 2,
                        b'"' => break,
                        _ => at += 1,
                    }
                }
                at += 1;
            }
            b'{' | b'[' => return None,
            _ => {
                while text
                    .get(at)
                    .is_some_and(|b| !matches!(b, b',' | b'}') && !b.is_ascii_whitespace())
                {
                    at += 1;
                }
            }
        }
        if key == b"schema_version" {
            return std::str::from_utf8(&text[value..at]).ok()?.parse().ok();
        }
        skip_space(&mut at);
        (text.get(at) == Some(&b',')).then_some(())?;
        at += 1;
    }
    None
}

/// A value this read takes only when it is written as an object. serde reads a struct from a
/// list too, field by field, but migration fills in and notes only what is written as an
/// object: a judgement or an action written as a list sends the file the slow way.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Fields(PhantomData)).map(Object)
    }
}

/// A key's value when the object has the key (`null` included), `None` when it has not.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A file of version 1 to 3 as it is written: the model's fields, with those that later
/// versions added told apart when missing.
#[derive(Deserialize)]
struct Older {
    format: Format,
    schema_version: u32,
    id: PlrId,
    framework: FrameworkRef,
    status: Status,
    created_at: DateTime<Utc>,
    /// As written: version 4's day of a transfer is estimated from its first ten characters.
    updated_at: String,
    completed_at: Option<DateTime<Utc>>,
    case: Case,
    review: Review,
    participation: Participation,
    sections: Vec<Section>,
    judgement: Object<OlderJudgement>,
    actions: Vec<Object<OlderAction>>,
    moderation: Option<Moderation>,
    /// Version 4; `[]` when missing, as migration adds it.
    #[serde(default)]
    concern_updates: Vec<ConcernUpdate>,
    /// Version 5; a missing one reads as `null`, as migration adds it.
    ambassadors_review: Option<AmbassadorsReview>,
}

/// The judgement of a file of version 1 to 3; the keys version 2 added are `None` when missing.
#[derive(Deserialize)]
struct OlderJudgement {
    suggested: Suggestion,
    final_grade: Option<Grade>,
    #[serde(default, deserialize_with = "present")]
    final_grade_chosen_against: Option<Option<Grade>>,
    rationale: String,
    impact_on_child: String,
    immediate_concern: bool,
    #[serde(default, deserialize_with = "present")]
    immediate_concern_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    immediate_concern_details: Option<String>,
    #[serde(default, deserialize_with = "present")]
    first_completed_inadequate_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    concern_shared_with: Option<String>,
    concern_shared_at: Option<DateTime<Utc>>,
    share_by: Option<DateTime<Utc>>,
}

/// An action of a file of version 1 to 3; the keys versions 3 and 4 added are `None` when
/// missing (but `updated_on`, which migration adds as `null`: a missing one reads so).
#[derive(Deserialize)]
struct OlderAction {
    id: String,
    kind: Option<ActionKind>,
    description: String,
    owner: String,
    due_on: Option<NaiveDate>,
    status: ActionStatus,
    completed_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "present")]
    progress_note: Option<String>,
    #[serde(default, deserialize_with = "present")]
    transferred_on: Option<Option<NaiveDate>>,
    updated_on: Option<NaiveDate>,
}

/// A key's value if the file has it, else what migration fills when `version` lacked it
/// (`lacked`); `None` when a version that has the key is missing it (the file is broken).
fn filled<T>(value: Option<T>, lacked: bool, fill: impl FnOnce() -> T) -> Option<T> {
    match value {
        Some(value) => Some(value),
        None if lacked => Some(fill()),
        None => None,
    }
}

/// The PLR in `text` (lifted to the current version) and what migration had to estimate, if it
/// is a version 1 to 3 export that this typed read takes; `None` sends the file the slow way.
pub(super) fn parse(text: &str) -> Option<(Plr, Vec<Problem>)> {
    let older: Older = serde_json::from_str(text).ok()?;
    let version = older.schema_version;
    OLDER.contains(&version).then_some(())?;
    // migrate::from_1_to_2: the judgement's substance and moments, from what version 1 knows.
    let Object(j) = older.judgement;
    let v1 = version < 2;
    let completed_inadequate =
        older.status == Status::Completed && j.final_grade == Some(Grade::Inadequate);
    let judgement = Judgement {
        final_grade_chosen_against: j.final_grade_chosen_against.unwrap_or(if v1 {
            j.suggested.grade
        } else {
            None
        }),
        immediate_concern_at: j
            .immediate_concern_at
            .unwrap_or(if v1 && j.immediate_concern {
                Some(older.created_at)
            } else {
                None
            }),
        immediate_concern_details: filled(j.immediate_concern_details, v1, String::new)?,
        first_completed_inadequate_at: j.first_completed_inadequate_at.unwrap_or(
            if v1 && completed_inadequate {
                older.completed_at
            } else {
                None
            },
        ),
        concern_shared_with: filled(j.concern_shared_with, v1, String::new)?,
        concern_shared_at: j.concern_shared_at,
        suggested: j.suggested,
        final_grade: j.final_grade,
        rationale: j.rationale,
        impact_on_child: j.impact_on_child,
        immediate_concern: j.immediate_concern,
        share_by: j.share_by,
    };
    // migrate::from_3_to_4: a transferred action's day of transfer is its completion day, else
    // the day the file was last saved (the first ten characters of `updated_at`, as written),
    // said in a note (migrate::estimated_transfers).
    let last_saved = || -> Option<Option<NaiveDate>> {
        match older.updated_at.get(..10) {
            Some(day) => NaiveDate::deserialize(day.into_deserializer())
                .map(Some)
                .map_err(|_: serde::de::value::Error| ())
                .ok(),
            None => Some(None),
        }
    };
    let mut notes = Vec::new();
    let mut actions = Vec::with_capacity(older.actions.len());
    for (n, Object(a)) in older.actions.into_iter().enumerate() {
        let transferred = a.status == ActionStatus::Transferred;
        if transferred && a.completed_on.is_none() {
            notes.push(super::estimated_transfer(n));
        }
        let transferred_on = match a.transferred_on {
            Some(on) => on,
            None if !transferred => None,
            None => match a.completed_on {
                Some(done) => Some(done),
                None => last_saved()?,
            },
        };
        actions.push(Action {
            // migrate::from_2_to_3: a blank progress note where version 2 had none.
            progress_note: filled(a.progress_note, version < 3, String::new)?,
            transferred_on,
            id: a.id,
            kind: a.kind,
            description: a.description,
            owner: a.owner,
            due_on: a.due_on,
            status: a.status,
            completed_on: a.completed_on,
            updated_on: a.updated_on,
        });
    }
    let created_at = older.created_at;
    let updated_at = DateTime::<Utc>::deserialize(older.updated_at.as_str().into_deserializer())
        .map_err(|_: serde::de::value::Error| ())
        .ok()?;
    let plr = Plr {
        format: older.format,
        schema_version: SCHEMA_VERSION,
        id: older.id,
        framework: older.framework,
        status: older.status,
        created_at,
        updated_at,
        completed_at: older.completed_at,
        case: older.case,
        review: older.review,
        participation: older.participation,
        sections: older.sections,
        judgement,
        actions,
        moderation: older.moderation,
        concern_updates: older.concern_updates,
        ambassadors_review: older.ambassadors_review,
    };
    Some((plr, notes))
}

#[cfg(test)]
mod tests;
