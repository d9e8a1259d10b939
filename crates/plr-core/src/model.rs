//! The Practice Learning Review as it is edited and as it is exported (`export.md`, and
//! `followthrough.md` for schema version 4, `qa-month.md` §3 for 5).
//!
//! One type serves the form, local storage and the export file, so the three can never
//! drift apart. A draft may leave almost anything blank: blanks are `None` or `""`, and
//! [`crate::completion`] says what must be filled in before a PLR can be completed.

use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "store")]
use reactive_stores::Store;

mod judgement;
mod suggestion;

pub use judgement::*;
pub use suggestion::*;

/// The export format's current schema version (2 added the Case of Concern's substance and the
/// final grade's `final_grade_chosen_against`; 3 added an action's `progress_note` and the
/// `transferred` status; 4 added an action's `transferred_on` and `updated_on`, the
/// `service_ended` status and the Head of Service's `concern_updates`; 5 added the
/// `ambassadors_review`; older files are migrated on import).
pub const SCHEMA_VERSION: u32 = 5;

/// The value of the `format` key that marks a file as a PLR export.
pub const FORMAT: &str = "practice-learning-review";

/// One Practice Learning Review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Plr {
    /// Always [`FORMAT`].
    pub format: Format,
    /// Always [`SCHEMA_VERSION`] once imported (older files are migrated).
    pub schema_version: u32,
    /// Stable identity of the review across devices, exports and moderation.
    pub id: PlrId,
    /// Which checklist framework the sections follow.
    pub framework: FrameworkRef,
    /// Draft or completed.
    pub status: Status,
    /// When the draft was started.
    pub created_at: DateTime<Utc>,
    /// When anything was last changed.
    pub updated_at: DateTime<Utc>,
    /// When the review was completed (`None` while a draft).
    pub completed_at: Option<DateTime<Utc>>,
    /// About the case.
    pub case: Case,
    /// When the review took place and who did it.
    pub review: Review,
    /// Who took part, and why views were not obtained.
    pub participation: Participation,
    /// The checklist areas, in framework order.
    #[cfg_attr(feature = "store", store(key: String = |section| section.id.0.clone()))]
    pub sections: Vec<Section>,
    /// The grade: suggested, final, and the narrative behind it.
    pub judgement: Judgement,
    /// Follow-up actions.
    #[cfg_attr(feature = "store", store(key: String = |action| action.id.clone()))]
    pub actions: Vec<Action>,
    /// The moderator's view, once moderated.
    pub moderation: Option<Moderation>,
    /// The Head of Service's updates on a Case of Concern, oldest first (schema version 4;
    /// `[]` when none).
    pub concern_updates: Vec<ConcernUpdate>,
    /// The young people's Ambassadors' review of the completed PLR (schema version 5; `null`
    /// until recorded, `qa-month.md` §3).
    pub ambassadors_review: Option<AmbassadorsReview>,
}

impl Plr {
    /// The grade it counts as in all reporting: the moderator's grade if moderated, else the
    /// reviewer's final grade (`snapshot.md`, "reported grade").
    pub fn reported_grade(&self) -> Option<Grade> {
        self.moderation
            .as_ref()
            .map(|m| m.grade)
            .or(self.judgement.final_grade)
    }
}

/// A Head of Service's update on a Case of Concern (`followthrough.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ConcernUpdate {
    /// The day of the update.
    pub on: NaiveDate,
    /// The Head of Service who gave it.
    pub by: String,
    /// Whether they are assured the child is safe.
    pub child_safe: bool,
    /// Whether they are assured a plan is in place.
    pub plan_in_place: bool,
    /// What follows.
    pub outcome: ConcernOutcome,
    /// What was found or decided.
    pub note: String,
}

/// The young people's Ambassadors' review of a completed PLR: five findings, each yes or no
/// (their questions are [`crate::ambassadors::FINDINGS`]), and comments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AmbassadorsReview {
    /// The day of the review: it counts in this month.
    pub reviewed_on: NaiveDate,
    /// Who recorded it, for the Ambassadors.
    pub by: String,
    /// (a) A reasonable or good relationship between worker and child.
    pub relationship: bool,
    /// (b) A case summary focused on the child, in accessible language.
    pub child_focused_summary: bool,
    /// (c) The child's views drawn through, with direct work.
    pub childs_views: bool,
    /// (d) The child's likes, dislikes, interests and achievements.
    pub about_the_child: bool,
    /// (e) Appropriate language (Language that Cares) and decisions that can be followed.
    pub language_and_decisions: bool,
    /// What the Ambassadors said.
    pub comments: String,
}

/// What follows a Head of Service's update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConcernOutcome {
    /// Assured the child is safe and a plan is in place: the concern is closed.
    Resolved,
    /// Still followed by the Head of Service.
    ContinuingOversight,
    /// Another review is to be made.
    FurtherReview,
}

/// The `format` marker of an export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    /// `practice-learning-review`
    #[default]
    #[serde(rename = "practice-learning-review")]
    PracticeLearningReview,
}

/// The identity of one PLR (a UUID).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct PlrId(pub Uuid);

impl std::fmt::Display for PlrId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for PlrId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(PlrId)
    }
}

/// Which framework (and version of it) a PLR was completed against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct FrameworkRef {
    /// e.g. `practice-fundamentals`
    pub id: String,
    /// e.g. `2020-05`
    pub version: String,
}

/// Whether a PLR is still being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written; may be incomplete.
    Draft,
    /// Passed the completion check; read-only until reopened.
    Completed,
}

/// About the case (step 1 of the workflow).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Case {
    /// The child's ID in the case management system. Never the child's name.
    pub child_ref: String,
    /// Free text, e.g. "Stroud Safeguarding".
    pub team: String,
    /// The child's legal status or the service working with them.
    pub legal_status: Option<LegalStatus>,
    /// Whether the child is aged 4 or over (their views are then sought).
    pub child_aged_4_or_over: Option<bool>,
    /// Whether an Independent Reviewing Officer or CP Chair is allocated.
    pub iro_or_cp_chair_allocated: Option<bool>,
}

/// The child's legal status or the service working with them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// Assessment
    Assessment,
    /// Child in Need
    ChildInNeed,
    /// Child Protection
    ChildProtection,
    /// Child in Care
    ChildInCare,
    /// Care Leaver
    CareLeaver,
    /// Disabled Children and Young People's Service
    DisabledChildren,
    /// Early Help
    EarlyHelp,
    /// Youth Support
    YouthSupport,
}

impl LegalStatus {
    /// Every value, in the order a form lists them.
    pub const ALL: [LegalStatus; 8] = [
        LegalStatus::Assessment,
        LegalStatus::ChildInNeed,
        LegalStatus::ChildProtection,
        LegalStatus::ChildInCare,
        LegalStatus::CareLeaver,
        LegalStatus::DisabledChildren,
        LegalStatus::EarlyHelp,
        LegalStatus::YouthSupport,
    ];
}

/// When the review took place and who carried it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Review {
    /// The date of the review (decides the reporting period).
    pub date: Option<NaiveDate>,
    /// The manager carrying out the review.
    pub reviewer: Person,
    /// The practitioner whose work is reviewed.
    pub practitioner: Person,
}

/// A named person and their role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Person {
    /// Name as the person wants it shown.
    pub name: String,
    /// Their role.
    pub role: Option<Role>,
}

/// A person's role in children's services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Social Worker
    SocialWorker,
    /// Advanced Practitioner
    AdvancedPractitioner,
    /// Team Manager
    TeamManager,
    /// Senior Manager
    SeniorManager,
    /// Practice Learning Reviewer (QA)
    PracticeLearningReviewer,
    /// Any other role
    Other,
}

impl Role {
    /// Every value, in the order a form lists them.
    pub const ALL: [Role; 6] = [
        Role::SocialWorker,
        Role::AdvancedPractitioner,
        Role::TeamManager,
        Role::SeniorManager,
        Role::PracticeLearningReviewer,
        Role::Other,
    ];
}

/// Who took part in the review (step 2 of the workflow).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Participation {
    /// Was the social worker involved?
    pub social_worker: Option<bool>,
    /// Was the team manager involved?
    pub team_manager: Option<bool>,
    /// Was the IRO / CP Chair involved? `None` when none is allocated.
    pub iro_or_cp_chair: Option<bool>,
    /// The child's views. `None` when the child is under 4.
    pub child: Option<Views>,
    /// The parent's or carer's views.
    pub parent_carer: Option<Views>,
}

/// Whether someone's views were obtained, and if not, why not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Views {
    /// Obtained, or the reason they were not.
    pub views: Option<ViewsOutcome>,
    /// When views were deemed inappropriate: was the social worker consulted?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_worker_consulted: Option<bool>,
    /// When the person was unreachable: were persistent attempts made?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_attempts: Option<bool>,
    /// When views were obtained: the feedback they gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
}

/// Whether views were obtained, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViewsOutcome {
    /// Views were obtained.
    Obtained,
    /// Seeking views was deemed inappropriate.
    Inappropriate,
    /// The person could not be reached.
    Unreachable,
    /// The person declined.
    Declined,
}

/// Feedback given by a child or family whose views were obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// Rated the service positively.
    Positive,
    /// Identified strengths and areas for development.
    Mixed,
}

/// The id of a framework area, e.g. `supervision`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct AreaId(pub String);

/// The id of a framework statement, e.g. `SM1`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct StatementId(pub String);

impl std::fmt::Display for AreaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for StatementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One checklist area of the PLR, with its ratings and the collaborative narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Section {
    /// The framework area.
    pub id: AreaId,
    /// One entry per statement of the area, in framework order.
    #[cfg_attr(feature = "store", store(key: String = |item| item.id.0.clone()))]
    pub items: Vec<Item>,
    /// The practitioner's reflection on this area.
    pub practitioner_reflection: String,
    /// The reviewer's evaluation of this area.
    pub reviewer_evaluation: String,
}

/// One rated statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Item {
    /// The framework statement.
    pub id: StatementId,
    /// The rating, or `None` while not yet rated.
    pub rating: Option<Rating>,
    /// Optional evidence for the rating.
    pub note: String,
}

/// How well practice meets one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Rating {
    /// Met
    #[serde(rename = "met")]
    Met,
    /// Partly met
    #[serde(rename = "partly")]
    PartlyMet,
    /// Not met
    #[serde(rename = "not_met")]
    NotMet,
    /// Not applicable to this case
    #[serde(rename = "na")]
    NotApplicable,
}

impl Rating {
    /// Every rating, in the order a form lists them.
    pub const ALL: [Rating; 4] = [
        Rating::Met,
        Rating::PartlyMet,
        Rating::NotMet,
        Rating::NotApplicable,
    ];
}

/// A grade, best first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Outstanding
    Outstanding,
    /// Good
    Good,
    /// Requires improvement (to be good)
    RequiresImprovement,
    /// The lower end of requires improvement
    RequiresImprovementLow,
    /// Inadequate
    Inadequate,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 5] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::RequiresImprovement,
        Grade::RequiresImprovementLow,
        Grade::Inadequate,
    ];
}

/// A follow-up action (step 5 of the workflow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Action {
    /// Unique within the PLR, e.g. `a1`.
    pub id: String,
    /// Care planning (goes into the child's plan) or other.
    pub kind: Option<ActionKind>,
    /// What is to be done.
    pub description: String,
    /// Who will do it.
    pub owner: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Open, completed, or transferred into the child's plan.
    pub status: ActionStatus,
    /// When it was completed (with status `completed`).
    pub completed_on: Option<NaiveDate>,
    /// How it is going: a short note kept up to date after the review is completed
    /// (schema version 3; `""` until written).
    pub progress_note: String,
    /// The day a care-planning action was transferred into the child's plan: with status
    /// `transferred`, `None` otherwise (schema version 4).
    pub transferred_on: Option<NaiveDate>,
    /// The last day a follow-up change (status, `completed_on`, `transferred_on`,
    /// `progress_note`) was recorded after the review was completed; set by the app, never
    /// typed (schema version 4; `None` until the first such change).
    pub updated_on: Option<NaiveDate>,
}

/// Where an action belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Must be transposed into the child's plan.
    CarePlanning,
    /// Any other action.
    Other,
}

/// Whether an action is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not done yet.
    #[default]
    Open,
    /// Done.
    Completed,
    /// Carried into the child's plan, which tracks it from then on: closed, never overdue
    /// (schema version 3).
    Transferred,
    /// The social work service to the child ended before the action was done: closed, never
    /// overdue, counted apart (schema version 4).
    ServiceEnded,
}

/// A moderator's grade and comments (step 7 of the workflow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Moderation {
    /// The moderator's name.
    pub moderator: String,
    /// When the moderation was recorded.
    pub moderated_at: DateTime<Utc>,
    /// The moderated grade; supersedes the final grade in all reporting.
    pub grade: Grade,
    /// How the moderated grade compares with the reviewer's final grade.
    pub effect: ModerationEffect,
    /// The moderator's comments.
    pub comments: String,
}

/// How moderation changed the grade, on the four-grade scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModerationEffect {
    /// Same grade.
    Agreed,
    /// Moderator graded higher.
    Upgraded,
    /// Moderator graded lower.
    Downgraded,
}
