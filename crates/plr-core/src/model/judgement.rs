//! The judgement part of the model: the grade, the narrative behind it, and the immediate
//! concern with its substance (what it is, when it was flagged, with whom it was shared).

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[cfg(feature = "store")]
use reactive_stores::Store;

use super::{Grade, Suggestion};

/// The grade and the narrative behind it (step 4 of the workflow).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "store", derive(Store))]
pub struct Judgement {
    /// The app's suggestion, recomputed from the ratings on export and on import.
    pub suggested: Suggestion,
    /// The reviewer's grade; defaults to the suggestion.
    pub final_grade: Option<Grade>,
    /// The suggested grade at the moment the reviewer last chose (or confirmed) the final grade
    /// themselves; `None` while the final grade has only followed the suggestion. When the
    /// final grade differs from the suggestion and the suggestion has moved since this, the
    /// choice must be made again before completion (schema version 2).
    pub final_grade_chosen_against: Option<Grade>,
    /// Why the final grade differs from the suggestion (required when it does).
    pub rationale: String,
    /// How the practice affects the child (required to complete).
    pub impact_on_child: String,
    /// An immediate concern about the child's safety.
    pub immediate_concern: bool,
    /// When the immediate concern flag was set; `None` while it is not set (schema version 2).
    pub immediate_concern_at: Option<DateTime<Utc>>,
    /// What the immediate concern is (required while the flag is set; schema version 2).
    pub immediate_concern_details: String,
    /// When the review was first completed with an inadequate final grade; kept on reopening,
    /// so reopening never restarts the Case of Concern's 24-hour clock (schema version 2).
    pub first_completed_inadequate_at: Option<DateTime<Utc>>,
    /// Who the Case of Concern was shared with (the Head of Service), by name (schema version 2).
    pub concern_shared_with: String,
    /// When the Case of Concern was shared (schema version 2).
    pub concern_shared_at: Option<DateTime<Utc>>,
    /// The Case of Concern's deadline: 24 hours after the first moment that made the review one
    /// (see [`crate::concern::share_by`]), else `None`. Derived: recomputed on export and import.
    pub share_by: Option<DateTime<Utc>>,
}
