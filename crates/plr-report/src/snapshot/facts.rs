//! The few facts of one PLR that the snapshot needs, so a caller can fold a file in and drop
//! the whole [`Plr`]; and which copy wins when the same id is loaded twice.

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};

use super::kept::Fixed;
use plr_core::ambassadors::answers;
use plr_core::concern::{raised, RaisedBy};
use plr_core::framework::Framework;
use plr_core::model::{
    ActionKind, ActionStatus, AreaResult, ConcernOutcome, Feedback, Grade, LegalStatus,
    ModerationEffect, Plr, PlrId, Status, Views, ViewsOutcome,
};
use plr_core::moderation::moderation_effect;

/// Each practice area's band, in the order of `judgement.suggested.areas`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AreaBands {
    /// The area ids (one list shared by every PLR of the Practice Fundamentals framework).
    pub ids: Arc<[Box<str>]>,
    /// Each area's band; `None` when nothing in it counted.
    pub bands: Box<[Option<Grade>]>,
}

impl AreaBands {
    fn of(areas: &[AreaResult]) -> AreaBands {
        static PRACTICE_FUNDAMENTALS: OnceLock<Arc<[Box<str>]>> = OnceLock::new();
        let known = PRACTICE_FUNDAMENTALS.get_or_init(|| {
            let framework = Framework::practice_fundamentals();
            framework
                .areas
                .iter()
                .map(|a| a.id.0.as_str().into())
                .collect()
        });
        let same =
            known.len() == areas.len() && known.iter().zip(areas).all(|(k, a)| **k == *a.id.0);
        AreaBands {
            ids: if same {
                Arc::clone(known)
            } else {
                areas.iter().map(|a| a.id.0.as_str().into()).collect()
            },
            bands: areas.iter().map(|a| a.band).collect(),
        }
    }

    /// (area id, band) pairs.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Option<Grade>)> {
        self.ids
            .iter()
            .map(|id| &**id)
            .zip(self.bands.iter().copied())
    }
}

/// Someone's views: the outcome and, when obtained, the feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewsFacts {
    /// Obtained, or why not; `None` when not answered.
    pub outcome: Option<ViewsOutcome>,
    /// The feedback given, if any.
    pub feedback: Option<Feedback>,
}

impl ViewsFacts {
    fn of(views: &Option<Views>) -> ViewsFacts {
        views
            .as_ref()
            .map(|v| ViewsFacts {
                outcome: v.views,
                feedback: v.feedback,
            })
            .unwrap_or_default()
    }
}

/// One follow-up action: its dates (for the measures) and what the action tracker lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionFacts {
    /// Its id in the review ("a1"): the same action in another copy of the review.
    pub id: Box<str>,
    /// Care planning or other.
    pub kind: Option<ActionKind>,
    /// Who will do it (trimmed).
    pub owner: Box<str>,
    /// What is to be done.
    pub description: Box<str>,
    /// The progress so far (trimmed).
    pub progress_note: Box<str>,
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

/// A Head of Service's update on a Case of Concern, as the register reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateFacts {
    /// The day of the update.
    pub on: NaiveDate,
    /// The Head of Service (trimmed).
    pub by: Box<str>,
    /// Assured the child is safe.
    pub child_safe: bool,
    /// Assured a plan is in place.
    pub plan_in_place: bool,
    /// What follows.
    pub outcome: ConcernOutcome,
}

/// The young people's Ambassadors' review: when, and its five findings (in
/// [`plr_core::ambassadors::FINDINGS`] order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmbassadorsFacts {
    /// The day of the review: it counts in this month.
    pub reviewed_on: NaiveDate,
    /// Each finding: yes or no.
    pub findings: [bool; 5],
}

/// The moderator's grade and its effect on the reviewer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModerationFacts {
    /// The moderated grade.
    pub grade: Grade,
    /// Agreed, upgraded or downgraded.
    pub effect: ModerationEffect,
}

/// What the snapshot reads from one PLR, as given to [`SnapshotBuilder::add_facts`](super::SnapshotBuilder::add_facts)
/// (the builder keeps it in a more compact form, read back as [`KeptFacts`](super::KeptFacts)).
pub type PlrFacts = Facts<Box<str>, Box<[ActionFacts]>, AreaBands, Box<[UpdateFacts]>>;

/// The facts the snapshot reads from one PLR, whether owned ([`PlrFacts`]) or borrowed from
/// a builder ([`KeptFacts`](super::KeptFacts)): `Text` is how texts are held, `Actions`,
/// `Areas` and `Updates` how the actions' dates, the areas' bands and the Head of Service's
/// updates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts<Text, Actions, Areas, Updates> {
    /// The PLR's id.
    pub id: PlrId,
    /// When it was last changed (the newer copy of an id wins).
    pub updated_at: DateTime<Utc>,
    /// Where it came from (a file name), for the sample and as a last tie-break.
    pub source: Text,
    /// Completed (counted) or draft (ignored, but counted as such).
    pub completed: bool,
    /// The review date: decides the period.
    pub date: Option<NaiveDate>,
    /// The child's case reference (listed for cases of concern, actions and the sample).
    pub child_ref: Text,
    /// The team as typed.
    pub team: Text,
    /// The reviewer's name (`review.reviewer.name`, trimmed): the auditor an allocation names.
    pub reviewer: Text,
    /// The practitioner's name (`review.practitioner.name`, trimmed).
    pub practitioner: Text,
    /// The legal status.
    pub legal_status: Option<LegalStatus>,
    /// Whether the child is aged 4 or over.
    pub child_aged_4_or_over: bool,
    /// Whether an IRO / CP Chair is allocated.
    pub iro_allocated: bool,
    /// The grade that counts: moderated, else final.
    pub reported: Option<Grade>,
    /// The reviewer's final grade.
    pub final_grade: Option<Grade>,
    /// The moderation, if any.
    pub moderation: Option<ModerationFacts>,
    /// The immediate concern flag.
    pub immediate_concern: bool,
    /// When it was raised as a Case of Concern, and by what ([`plr_core::concern::raised`]).
    pub raised: Option<(DateTime<Utc>, RaisedBy)>,
    /// When its Case of Concern was recorded as shared with the Head of Service.
    pub concern_shared_at: Option<DateTime<Utc>>,
    /// Who it was shared with (kept for a Case of Concern only, like `child_ref`).
    pub concern_shared_with: Text,
    /// The Head of Service's updates, oldest first (of every copy of the id: their union).
    pub concern_updates: Updates,
    /// When a Case of Concern must be shared with the team manager's manager.
    pub share_by: Option<DateTime<Utc>>,
    /// Social worker involved.
    pub social_worker: bool,
    /// Team manager involved.
    pub team_manager: bool,
    /// IRO / CP Chair involved.
    pub iro_involved: bool,
    /// The child's views.
    pub child: ViewsFacts,
    /// The parent's or carer's views.
    pub family: ViewsFacts,
    /// The Ambassadors' review, if any (of every copy of the id: the one reviewed latest).
    pub ambassadors: Option<AmbassadorsFacts>,
    /// The actions' dates.
    pub actions: Actions,
    /// Each practice area's band (from `judgement.suggested.areas`).
    pub areas: Areas,
}

impl Fixed {
    /// The fixed-size facts of `plr`.
    pub(super) fn of(plr: &Plr) -> Fixed {
        let moderation = plr.moderation.as_ref().map(|m| ModerationFacts {
            grade: m.grade,
            effect: plr
                .judgement
                .final_grade
                .map_or(m.effect, |f| moderation_effect(f, m.grade)),
        });
        Fixed {
            updated_at: plr.updated_at,
            share_by: plr.judgement.share_by,
            date: plr.review.date,
            completed: plr.status == Status::Completed,
            legal_status: plr.case.legal_status,
            child_aged_4_or_over: plr.case.child_aged_4_or_over == Some(true),
            iro_allocated: plr.case.iro_or_cp_chair_allocated == Some(true),
            reported: plr.reported_grade(),
            final_grade: plr.judgement.final_grade,
            moderation,
            immediate_concern: plr.judgement.immediate_concern,
            raised: raised(plr),
            concern_shared_at: plr.judgement.concern_shared_at,
            social_worker: plr.participation.social_worker == Some(true),
            team_manager: plr.participation.team_manager == Some(true),
            iro_involved: plr.participation.iro_or_cp_chair == Some(true),
            child: ViewsFacts::of(&plr.participation.child),
            family: ViewsFacts::of(&plr.participation.parent_carer),
            ambassadors: plr.ambassadors_review.as_ref().map(|r| AmbassadorsFacts {
                reviewed_on: r.reviewed_on,
                findings: answers(r),
            }),
        }
    }
}

impl PlrFacts {
    /// The facts of `plr`, loaded from `source`.
    pub fn of(plr: &Plr, source: &str) -> PlrFacts {
        with_fixed!(PlrFacts, Fixed::of(plr), {
            id: plr.id,
            source: source.into(),
            child_ref: plr.case.child_ref.trim().into(),
            concern_shared_with: plr.judgement.concern_shared_with.trim().into(),
            team: plr.case.team.as_str().into(),
            reviewer: plr.review.reviewer.name.trim().into(),
            practitioner: plr.review.practitioner.name.trim().into(),
            actions: plr
                .actions
                .iter()
                .map(|a| ActionFacts {
                    id: a.id.as_str().into(),
                    kind: a.kind,
                    owner: a.owner.trim().into(),
                    description: a.description.trim().into(),
                    progress_note: a.progress_note.trim().into(),
                    due_on: a.due_on,
                    completed_on: a.completed_on,
                    transferred_on: a.transferred_on,
                    updated_on: a.updated_on,
                    status: a.status,
                })
                .collect(),
            areas: AreaBands::of(&plr.judgement.suggested.areas),
            concern_updates: plr
                .concern_updates
                .iter()
                .map(|u| UpdateFacts {
                    on: u.on,
                    by: u.by.trim().into(),
                    child_safe: u.child_safe,
                    plan_in_place: u.plan_in_place,
                    outcome: u.outcome,
                })
                .collect(),
        })
    }

    /// A Case of Concern: reported grade inadequate or an immediate concern.
    pub fn is_case_of_concern(&self) -> bool {
        is_case_of_concern(self.immediate_concern, self.reported)
    }

    /// Whether this copy wins over `other` (same id): a moderated copy over an unmoderated
    /// one, else the later `updated_at`; ties go to the greater source name, so the result
    /// never depends on the order files were read in.
    pub fn wins_over(&self, other: &PlrFacts) -> bool {
        let rank = |f: &PlrFacts| (f.moderation.is_some(), f.updated_at);
        (rank(self), &self.source) > (rank(other), &other.source)
    }
}

/// A Case of Concern: reported grade inadequate or an immediate concern.
pub(super) fn is_case_of_concern(immediate_concern: bool, reported: Option<Grade>) -> bool {
    immediate_concern || reported == Some(Grade::Inadequate)
}

/// A team name as compared: trimmed and case-folded ("Stroud CP" = "stroud cp ").
pub fn team_key(team: &str) -> String {
    team.trim().to_lowercase()
}
