//! What a [`SnapshotBuilder`](super::SnapshotBuilder) keeps of each PLR: one fixed-size row
//! with no allocation of its own (ids, dates and small enums), its texts in one buffer shared
//! by every PLR, team and reviewer names and practice area lists interned, actions in one shared
//! list. About a hundred and fifty bytes a PLR whatever the file's size, and a batch allocates
//! nothing per file that it keeps (small allocations kept among a file's freed ones would hold
//! their pages).
//! [`KeptFacts`] is the borrowed view the snapshot reads.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};

use super::facts::{is_case_of_concern, AmbassadorsFacts, ModerationFacts, ViewsFacts};
use plr_core::concern::RaisedBy;
use plr_core::followthrough::{closed_on, ActionOutcome};
use plr_core::model::{ActionKind, ActionStatus, ConcernOutcome, Grade, LegalStatus, PlrId};

/// The facts of one PLR that are small and of a fixed size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fixed {
    pub(super) updated_at: DateTime<Utc>,
    pub(super) share_by: Option<DateTime<Utc>>,
    pub(super) date: Option<NaiveDate>,
    pub(super) completed: bool,
    pub(super) legal_status: Option<LegalStatus>,
    pub(super) child_aged_4_or_over: bool,
    pub(super) iro_allocated: bool,
    pub(super) reported: Option<Grade>,
    pub(super) final_grade: Option<Grade>,
    pub(super) moderation: Option<ModerationFacts>,
    pub(super) immediate_concern: bool,
    pub(super) raised: Option<(DateTime<Utc>, RaisedBy)>,
    pub(super) concern_shared_at: Option<DateTime<Utc>>,
    pub(super) social_worker: bool,
    pub(super) team_manager: bool,
    pub(super) iro_involved: bool,
    pub(super) child: ViewsFacts,
    pub(super) family: ViewsFacts,
    pub(super) ambassadors: Option<AmbassadorsFacts>,
}

impl Fixed {
    /// A Case of Concern: reported grade inadequate or an immediate concern.
    pub(super) fn is_case_of_concern(&self) -> bool {
        is_case_of_concern(self.immediate_concern, self.reported)
    }
}

/// Of two copies' Ambassadors' reviews, the one reviewed later (`kept`'s on the same day: the
/// higher-ranked copy's): a review recorded on one copy is never lost to another.
fn later_ambassadors(
    kept: Option<AmbassadorsFacts>,
    other: Option<AmbassadorsFacts>,
) -> Option<AmbassadorsFacts> {
    match (kept, other) {
        (Some(k), Some(o)) if o.reviewed_on > k.reviewed_on => other,
        (None, _) => other,
        _ => kept,
    }
}

/// One action's dates and choices; its texts, when kept, at `text` in `Kept::action_texts`;
/// its id at `id` in `Kept::action_ids`.
#[derive(Debug, Clone, Copy)]
struct ActionRow {
    id: u32,
    due_on: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
    transferred_on: Option<NaiveDate>,
    updated_on: Option<NaiveDate>,
    kind: Option<ActionKind>,
    status: ActionStatus,
    text: Option<u32>,
}

/// One Head of Service update; its name at `by` in `Kept::text`.
#[derive(Debug, Clone)]
struct UpdateRow {
    on: NaiveDate,
    outcome: ConcernOutcome,
    child_safe: bool,
    plan_in_place: bool,
    by: Range<usize>,
}

/// How one copy of a PLR ranks against another of its id: a moderated copy over an
/// unmoderated one, else the later `updated_at`, ties to the greater source name.
type Rank<S> = (bool, DateTime<Utc>, S);

/// An action's follow-up: status, completion, transfer and last update dates.
type FollowUp = (
    ActionStatus,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

/// An action as it comes in, with the rank of the copy its follow-up came from when that is
/// not the copy it comes with (a kept PLR's action carried over from another copy).
pub(super) type Incoming<'t> = (KeptAction<'t>, Option<&'t Rank<Box<str>>>);

/// One PLR as it comes in, borrowed from wherever it was read (a blank action owner and
/// description are not kept).
pub(super) struct New<'t, A, I, B, U> {
    pub(super) id: PlrId,
    pub(super) fixed: Fixed,
    pub(super) source: &'t str,
    pub(super) child_ref: &'t str,
    pub(super) concern_shared_with: &'t str,
    pub(super) team: &'t str,
    /// The reviewer's name (trimmed).
    pub(super) reviewer: &'t str,
    /// The practitioner's name (trimmed).
    pub(super) practitioner: &'t str,
    pub(super) actions: A,
    /// The practice areas' ids, in the order of their bands.
    pub(super) area_ids: I,
    pub(super) bands: B,
    /// The Head of Service's updates.
    pub(super) updates: U,
}

#[derive(Debug, Clone)]
struct Row {
    fixed: Fixed,
    source: Range<usize>,
    child_ref: Range<usize>,
    concern_shared_with: Range<usize>,
    team: u32,
    reviewer: u32,
    practitioner: u32,
    actions: Range<usize>,
    areas: u32,
    bands: usize,
    updates: Range<usize>,
}

/// Names kept once each (teams, reviewers, practitioners), by number.
#[derive(Debug, Clone, Default)]
struct Names {
    names: Vec<Box<str>>,
    numbers: HashMap<Box<str>, u32>,
}

impl Names {
    /// The number of `name`, given it if it is new.
    fn number(&mut self, name: &str) -> u32 {
        if let Some(n) = self.numbers.get(name) {
            return *n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.into());
        self.numbers.insert(name.into(), n);
        n
    }

    /// The name numbered `n`.
    fn name(&self, n: u32) -> &str {
        self.names.get(n as usize).map_or("", |name| name)
    }
}

/// Every PLR kept, with the shared buffers their rows point into. The rows are one list (in
/// the order they came) with an index by id, not a tree: a tree's nodes are small allocations
/// kept among each file's freed ones, and held about ten times their size of memory.
#[derive(Debug, Clone, Default)]
pub(super) struct Kept {
    rows: Vec<(PlrId, Row)>,
    index: HashMap<PlrId, u32>,
    /// The rows' places in id order, made when first asked for after a change.
    by_id: OnceLock<Vec<u32>>,
    text: String,
    teams: Names,
    /// The reviewers' names (a few dozen auditors review every PLR of a batch).
    reviewers: Names,
    /// The practitioners' names.
    practitioners: Names,
    area_lists: Vec<Arc<[Box<str>]>>,
    bands: Vec<Option<Grade>>,
    actions: Vec<ActionRow>,
    /// Each kept action's owner, description and progress note.
    action_texts: Vec<[Range<usize>; 3]>,
    /// The actions' ids, interned ("a1", "a2", … in every review).
    action_ids: Vec<Box<str>>,
    action_id_numbers: HashMap<Box<str>, u32>,
    /// The rank of the copy an action's follow-up came from, for the (few) actions whose
    /// follow-up came from a copy of the PLR other than the one kept: so that of two copies'
    /// follow-ups on the same day, the one from the higher-ranked copy is kept whatever the
    /// order the copies came in.
    carried: HashMap<usize, Rank<Box<str>>>,
    updates: Vec<UpdateRow>,
}

impl Kept {
    /// Makes room for `plrs` more PLRs with `text` bytes of sources and case references (see
    /// [`SnapshotBuilder::reserve`](super::SnapshotBuilder::reserve)).
    pub(super) fn reserve(&mut self, plrs: usize, text: usize) {
        // And about four bytes a review for the case references of Cases of Concern.
        self.text
            .reserve(text.saturating_add(plrs.saturating_mul(4)));
        let areas = self.area_lists.first().map_or(
            plr_core::framework::Framework::practice_fundamentals()
                .areas
                .len(),
            |list| list.len(),
        );
        self.bands.reserve(plrs.saturating_mul(areas));
        // Two or three actions a review: a batch with more grows this list by doubling.
        self.actions.reserve(plrs.saturating_mul(3));
        self.rows.reserve(plrs);
        self.index.reserve(plrs);
    }

    /// The number of PLRs (one per id).
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    fn push_text(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }

    fn action_id_number(&mut self, id: &str) -> u32 {
        if let Some(n) = self.action_id_numbers.get(id) {
            return *n;
        }
        let n = self.action_ids.len() as u32;
        self.action_ids.push(id.into());
        self.action_id_numbers.insert(id.into(), n);
        n
    }

    /// The rank of the copy the follow-up of the action at `n` (of `row`) came from.
    fn action_rank<'s>(&'s self, n: usize, row: &'s Row) -> Rank<&'s str> {
        match self.carried.get(&n) {
            Some((moderated, at, source)) => (*moderated, *at, source),
            None => rank(&row.fixed, &self.text[row.source.clone()]),
        }
    }

    /// The kept action of `row` with the id `id`, if any.
    fn action_of(&self, row: &Row, id: &str) -> Option<usize> {
        let id = *self.action_id_numbers.get(id)?;
        row.actions.clone().find(|n| self.actions[*n].id == id)
    }

    /// Sets the follow-up of the action at `n` (status and dates as `from` has them, the
    /// progress note at `note` in the text buffer) to another copy's, ranked `from_rank`.
    fn take_follow_up(
        &mut self,
        n: usize,
        from: FollowUp,
        note: Range<usize>,
        from_rank: Rank<Box<str>>,
    ) {
        let row = &mut self.actions[n];
        (
            row.status,
            row.completed_on,
            row.transferred_on,
            row.updated_on,
        ) = from;
        match row.text {
            Some(t) => {
                if let Some(texts) = self.action_texts.get_mut(t as usize) {
                    texts[2] = note;
                }
            }
            None if !note.is_empty() => {
                let blank = note.start..note.start;
                self.action_texts.push([blank.clone(), blank, note]);
                self.actions[n].text = Some((self.action_texts.len() - 1) as u32);
            }
            None => {}
        }
        self.carried.insert(n, from_rank);
    }

    fn area_list<'t>(&mut self, ids: impl ExactSizeIterator<Item = &'t str> + Clone) -> u32 {
        let same = |list: &Arc<[Box<str>]>| {
            list.len() == ids.len() && list.iter().zip(ids.clone()).all(|(a, b)| **a == *b)
        };
        if let Some(n) = self.area_lists.iter().position(same) {
            return n as u32;
        }
        self.area_lists.push(ids.map(Box::from).collect());
        (self.area_lists.len() - 1) as u32
    }

    /// The Head of Service updates at `kept` (a row's, if any) together with `incoming`, each
    /// once (an update is the same when its day, Head of Service and outcome are), oldest
    /// first; written at the end of the list, whose new range is returned.
    fn union_updates(
        &mut self,
        kept: Option<Range<usize>>,
        incoming: &[KeptUpdate<'_>],
    ) -> Range<usize> {
        let start = self.updates.len();
        let kept = kept.unwrap_or(start..start);
        if incoming.is_empty() {
            return kept;
        }
        let mut all: Vec<(NaiveDate, ConcernOutcome, bool, bool, String)> = self.updates[kept]
            .iter()
            .map(|u| {
                let by = self.text[u.by.clone()].to_string();
                (u.on, u.outcome, u.child_safe, u.plan_in_place, by)
            })
            .collect();
        for u in incoming {
            let same = |k: &(NaiveDate, ConcernOutcome, bool, bool, String)| {
                k.0 == u.on && k.1 == u.outcome && k.4 == u.by
            };
            if !all.iter().any(same) {
                all.push((u.on, u.outcome, u.child_safe, u.plan_in_place, u.by.into()));
            }
        }
        all.sort_by_key(|u| u.0);
        for (on, outcome, child_safe, plan_in_place, by) in all {
            let by = self.push_text(&by);
            self.updates.push(UpdateRow {
                on,
                outcome,
                child_safe,
                plan_in_place,
                by,
            });
        }
        start..self.updates.len()
    }

    /// Keeps `new` unless a copy of its id already kept wins over it: a moderated copy over an
    /// unmoderated one, else the later `updated_at`, ties to the greater source name (so the
    /// result never depends on the order of the files). Nothing followed up is lost
    /// (`followthrough.md`): each action's follow-up comes from the copy where that action's
    /// `updated_on` is latest (ties: the higher-ranked copy), the sharing record from the copy
    /// shared latest, and the Head of Service updates are the union of the copies'.
    pub(super) fn insert<'t, A, I, B, U>(&mut self, new: New<'t, A, I, B, U>)
    where
        A: Iterator<Item = Incoming<'t>>,
        I: ExactSizeIterator<Item = &'t str> + Clone,
        B: Iterator<Item = Option<Grade>>,
        U: Iterator<Item = KeptUpdate<'t>>,
    {
        let incoming: Vec<KeptUpdate<'t>> = new.updates.collect();
        let new_rank = rank(&new.fixed, new.source);
        let place = self.index.get(&new.id).map(|n| *n as usize);
        let old = place
            .and_then(|n| self.rows.get(n))
            .map(|(_, row)| row.clone());
        if let Some(kept) = &old {
            if new_rank <= rank(&kept.fixed, &self.text[kept.source.clone()]) {
                let n = place.unwrap_or(0);
                let updates = self.union_updates(Some(kept.updates.clone()), &incoming);
                self.rows[n].1.updates = updates;
                for (action, carried) in new.actions {
                    let Some(k) = self.action_of(kept, action.id) else {
                        continue;
                    };
                    let from_rank = carried.map_or(new_rank, |(m, at, s)| (*m, *at, &**s));
                    let theirs = (action.updated_on, from_rank);
                    if theirs > (self.actions[k].updated_on, self.action_rank(k, kept)) {
                        let note = self.push_text(action.progress_note);
                        let from = (
                            action.status,
                            action.completed_on,
                            action.transferred_on,
                            action.updated_on,
                        );
                        let (moderated, at, source) = from_rank;
                        self.take_follow_up(k, from, note, (moderated, at, source.into()));
                    }
                }
                let row = &mut self.rows[n].1;
                row.fixed.ambassadors =
                    later_ambassadors(row.fixed.ambassadors, new.fixed.ambassadors);
                if new.fixed.concern_shared_at > kept.fixed.concern_shared_at {
                    let with = self.push_text(new.concern_shared_with);
                    let row = &mut self.rows[n].1;
                    row.fixed.concern_shared_at = new.fixed.concern_shared_at;
                    row.concern_shared_with = with;
                }
                return;
            }
        }
        let updates = self.union_updates(old.as_ref().map(|row| row.updates.clone()), &incoming);
        let source = self.push_text(new.source);
        let child_ref = self.push_text(new.child_ref);
        let mut fixed = new.fixed;
        let mut concern_shared_with = self.push_text(new.concern_shared_with);
        if let Some(kept) = old.as_ref() {
            fixed.ambassadors = later_ambassadors(fixed.ambassadors, kept.fixed.ambassadors);
            if kept.fixed.concern_shared_at > fixed.concern_shared_at {
                fixed.concern_shared_at = kept.fixed.concern_shared_at;
                concern_shared_with = kept.concern_shared_with.clone();
            }
        }
        let team = self.teams.number(new.team);
        let reviewer = self.reviewers.number(new.reviewer);
        let practitioner = self.practitioners.number(new.practitioner);
        let first_action = self.actions.len();
        for (a, carried) in new.actions {
            let blank =
                a.owner.is_empty() && a.description.is_empty() && a.progress_note.is_empty();
            let text = (!blank).then(|| {
                let texts = [
                    self.push_text(a.owner),
                    self.push_text(a.description),
                    self.push_text(a.progress_note),
                ];
                self.action_texts.push(texts);
                (self.action_texts.len() - 1) as u32
            });
            let id = self.action_id_number(a.id);
            if let Some(carried) = carried {
                self.carried.insert(self.actions.len(), carried.clone());
            }
            self.actions.push(ActionRow {
                id,
                due_on: a.due_on,
                completed_on: a.completed_on,
                transferred_on: a.transferred_on,
                updated_on: a.updated_on,
                kind: a.kind,
                status: a.status,
                text,
            });
        }
        let areas = self.area_list(new.area_ids);
        let bands = self.bands.len();
        let count = self.area_lists[areas as usize].len();
        self.bands.extend(new.bands.take(count));
        // A list of bands shorter than its ids (never from a PLR) is padded, so views stay
        // in bounds.
        self.bands.resize(bands + count, None);
        let row = Row {
            fixed,
            source,
            child_ref,
            concern_shared_with,
            team,
            reviewer,
            practitioner,
            actions: first_action..self.actions.len(),
            areas,
            bands,
            updates,
        };
        if let Some(kept) = &old {
            // The copy that lost keeps each action's follow-up that is later than this one's.
            for k in kept.actions.clone() {
                let Some(n) = row
                    .actions
                    .clone()
                    .find(|n| self.actions[*n].id == self.actions[k].id)
                else {
                    continue;
                };
                let theirs = (self.actions[k].updated_on, self.action_rank(k, kept));
                if theirs > (self.actions[n].updated_on, self.action_rank(n, &row)) {
                    let (moderated, at, source) = self.action_rank(k, kept);
                    let from_rank = (moderated, at, source.into());
                    let f = self.actions[k];
                    let from = (f.status, f.completed_on, f.transferred_on, f.updated_on);
                    // The note stays where the losing copy's text put it in the buffer.
                    let note = f
                        .text
                        .and_then(|t| self.action_texts.get(t as usize))
                        .map_or(0..0, |texts| texts[2].clone());
                    self.take_follow_up(n, from, note, from_rank);
                }
                self.carried.remove(&k);
            }
        }
        match place.and_then(|n| self.rows.get_mut(n)) {
            Some(kept) => kept.1 = row,
            None => {
                self.index.insert(new.id, self.rows.len() as u32);
                self.rows.push((new.id, row));
                self.by_id.take();
            }
        }
    }

    fn view<'s>(&'s self, id: &PlrId, row: &'s Row) -> KeptFacts<'s> {
        let areas = &self.area_lists[row.areas as usize];
        with_fixed!(KeptFacts, &row.fixed, {
            id: *id,
            source: &self.text[row.source.clone()],
            child_ref: &self.text[row.child_ref.clone()],
            concern_shared_with: &self.text[row.concern_shared_with.clone()],
            team: self.teams.name(row.team),
            reviewer: self.reviewers.name(row.reviewer),
            practitioner: self.practitioners.name(row.practitioner),
            actions: KeptActions {
                rows: &self.actions[row.actions.clone()],
                kept: self,
            },
            areas: KeptAreas {
                ids: areas,
                bands: &self.bands[row.bands..row.bands + areas.len()],
            },
            concern_updates: KeptUpdates {
                rows: &self.updates[row.updates.clone()],
                kept: self,
            },
        })
    }

    /// Every PLR, by id.
    pub(super) fn iter(&self) -> impl Iterator<Item = KeptFacts<'_>> {
        let by_id = self.by_id.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
            order.sort_unstable_by_key(|n| self.rows[*n as usize].0);
            order
        });
        by_id.iter().map(|n| {
            let (id, row) = &self.rows[*n as usize];
            self.view(id, row)
        })
    }

    /// The PLRs whose fixed facts and team (as typed) pass `keep`, in no particular order (for
    /// counting): a view is made only for them (the snapshot passes over every PLR once per
    /// month of its trend).
    pub(super) fn iter_where<F: Fn(&Fixed, &str) -> bool>(
        &self,
        keep: F,
    ) -> impl Iterator<Item = KeptFacts<'_>> {
        self.rows
            .iter()
            .filter(move |(_, row)| keep(&row.fixed, self.teams.name(row.team)))
            .map(|(id, row)| self.view(id, row))
    }

    /// Takes in every PLR `other` kept; the larger of the two is kept as it is and the
    /// smaller one inserted into it (the result is the same either way).
    pub(super) fn merge(&mut self, mut other: Kept) {
        if other.len() > self.len() {
            std::mem::swap(self, &mut other);
        }
        for (id, row) in &other.rows {
            let facts = other.view(id, row);
            let carried = row.actions.clone().map(|n| other.carried.get(&n));
            self.insert(New {
                id: facts.id,
                fixed: row.fixed,
                source: facts.source,
                child_ref: facts.child_ref,
                concern_shared_with: facts.concern_shared_with,
                team: facts.team,
                reviewer: facts.reviewer,
                practitioner: facts.practitioner,
                actions: facts.actions.iter().zip(carried),
                area_ids: facts.areas.ids(),
                bands: facts.areas.iter().map(|(_, band)| band),
                updates: facts.concern_updates.iter(),
            });
        }
    }

    /// The PLR of an id.
    pub(super) fn get(&self, id: &PlrId) -> Option<KeptFacts<'_>> {
        let (id, row) = self.rows.get(*self.index.get(id)? as usize)?;
        Some(self.view(id, row))
    }
}

/// What the builder kept of one PLR: the fields of [`PlrFacts`](super::PlrFacts), borrowed
/// from the builder's shared lists. Its `child_ref` is blank in a builder filled for the
/// report only, except for a Case of Concern (the only PLRs whose reference the report lists).
pub type KeptFacts<'a> =
    super::facts::Facts<&'a str, KeptActions<'a>, KeptAreas<'a>, KeptUpdates<'a>>;

/// The Head of Service updates of one kept PLR, oldest first.
#[derive(Clone, Copy)]
pub struct KeptUpdates<'a> {
    rows: &'a [UpdateRow],
    kept: &'a Kept,
}

impl PartialEq for KeptUpdates<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for KeptUpdates<'_> {}

impl std::fmt::Debug for KeptUpdates<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> KeptUpdates<'a> {
    /// How many.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Each update, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = KeptUpdate<'a>> + 'a {
        let kept = self.kept;
        self.rows.iter().map(move |u| KeptUpdate {
            on: u.on,
            by: &kept.text[u.by.clone()],
            child_safe: u.child_safe,
            plan_in_place: u.plan_in_place,
            outcome: u.outcome,
        })
    }
}

/// One kept Head of Service update (the fields of [`UpdateFacts`](super::UpdateFacts), borrowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeptUpdate<'a> {
    /// The day of the update.
    pub on: NaiveDate,
    /// The Head of Service.
    pub by: &'a str,
    /// Assured the child is safe.
    pub child_safe: bool,
    /// Assured a plan is in place.
    pub plan_in_place: bool,
    /// What follows.
    pub outcome: ConcernOutcome,
}

/// How a copy ranks against another of its id ([`Rank`]).
fn rank<'s>(fixed: &Fixed, source: &'s str) -> Rank<&'s str> {
    (fixed.moderation.is_some(), fixed.updated_at, source)
}

impl KeptFacts<'_> {
    /// A Case of Concern: reported grade inadequate or an immediate concern.
    pub fn is_case_of_concern(&self) -> bool {
        is_case_of_concern(self.immediate_concern, self.reported)
    }
}

/// The actions of one kept PLR.
#[derive(Clone, Copy)]
pub struct KeptActions<'a> {
    rows: &'a [ActionRow],
    kept: &'a Kept,
}

impl PartialEq for KeptActions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for KeptActions<'_> {}

impl std::fmt::Debug for KeptActions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> KeptActions<'a> {
    /// How many.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Each action, in the PLR's order.
    pub fn iter(&self) -> impl Iterator<Item = KeptAction<'a>> + 'a {
        let kept = self.kept;
        self.rows.iter().map(move |a| {
            let texts = a.text.and_then(|n| kept.action_texts.get(n as usize));
            let text = |n: usize| texts.map_or("", |t| &kept.text[t[n].clone()]);
            KeptAction {
                id: &kept.action_ids[a.id as usize],
                kind: a.kind,
                owner: text(0),
                description: text(1),
                progress_note: text(2),
                due_on: a.due_on,
                completed_on: a.completed_on,
                transferred_on: a.transferred_on,
                updated_on: a.updated_on,
                status: a.status,
            }
        })
    }
}

/// One kept action (the fields of [`ActionFacts`](super::ActionFacts), borrowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeptAction<'a> {
    /// Its id in the review ("a1"): the same action in another copy of the review.
    pub id: &'a str,
    /// Care planning or other.
    pub kind: Option<ActionKind>,
    /// Who will do it (trimmed); blank in a builder filled for the report only.
    pub owner: &'a str,
    /// What is to be done (trimmed); blank in a builder filled for the report only.
    pub description: &'a str,
    /// The progress so far (trimmed); blank in a builder filled for the report only.
    pub progress_note: &'a str,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// When it was completed, if it was.
    pub completed_on: Option<NaiveDate>,
    /// When it was transferred into the child's plan, if it was.
    pub transferred_on: Option<NaiveDate>,
    /// The last day a follow-up change was recorded after completion.
    pub updated_on: Option<NaiveDate>,
    /// Open, completed, transferred into the child's plan, or service ended.
    pub status: ActionStatus,
}

impl KeptAction<'_> {
    /// Its outcome as of `as_of` (`followthrough.md`).
    pub fn outcome(&self, as_of: NaiveDate) -> ActionOutcome {
        ActionOutcome::of(
            self.status,
            self.due_on,
            closed_on(self.status, self.completed_on, self.transferred_on),
            self.updated_on,
            as_of,
        )
    }
}

/// Each practice area's band of one kept PLR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeptAreas<'a> {
    ids: &'a [Box<str>],
    bands: &'a [Option<Grade>],
}

impl<'a> KeptAreas<'a> {
    /// The area ids.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &'a str> + Clone + 'a {
        self.ids.iter().map(|id| &**id)
    }

    /// (area id, band) pairs.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, Option<Grade>)> + 'a {
        let (ids, bands) = (self.ids, self.bands);
        ids.iter().map(|id| &**id).zip(bands.iter().copied())
    }
}
