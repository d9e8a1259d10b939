//! The words the app and the command line show for each closed set (plain English, no
//! unexplained acronyms), and where a care planning action goes for each legal status.

use crate::model::{
    ActionKind, ActionStatus, ConcernOutcome, Feedback, Grade, LegalStatus, ModerationEffect,
    Rating, Role, Status, ViewsOutcome,
};

impl Grade {
    /// e.g. "Requires improvement (lower end)".
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::RequiresImprovementLow => "Requires improvement (lower end)",
            Grade::Inadequate => "Inadequate",
        }
    }
}

/// A grade's label, or "no suggestion" when there is none.
pub(crate) fn grade_or_none(grade: Option<Grade>) -> &'static str {
    grade.map_or("no suggestion", Grade::label)
}

impl Rating {
    /// e.g. "Partly met".
    pub fn label(self) -> &'static str {
        match self {
            Rating::Met => "Met",
            Rating::PartlyMet => "Partly met",
            Rating::NotMet => "Not met",
            Rating::NotApplicable => "Not applicable",
        }
    }
}

impl Rating {
    /// What choosing this rating means, for the "How to rate" help on each area's page.
    pub fn meaning(self) -> &'static str {
        match self {
            Rating::Met => "the practice in this case does what the statement says, consistently",
            Rating::PartlyMet => "some of it is done, or it is done only some of the time",
            Rating::NotMet => "the practice in this case does not do what the statement says",
            Rating::NotApplicable => {
                "the statement does not apply to this case: it is left out of the score, so it neither raises nor lowers the grade"
            }
        }
    }
}

impl LegalStatus {
    /// e.g. "Child protection".
    pub fn label(self) -> &'static str {
        match self {
            LegalStatus::Assessment => "Assessment",
            LegalStatus::ChildInNeed => "Child in need",
            LegalStatus::ChildProtection => "Child protection",
            LegalStatus::ChildInCare => "Child in care",
            LegalStatus::CareLeaver => "Care leaver",
            LegalStatus::DisabledChildren => "Disabled children",
            LegalStatus::EarlyHelp => "Early help",
            LegalStatus::YouthSupport => "Youth support",
        }
    }

    /// Where a care planning action must go for a child with this legal status (`domain.md`,
    /// step 5), as a phrase to follow "Where this goes: ".
    pub fn care_planning_destination(self) -> &'static str {
        match self {
            LegalStatus::ChildInNeed | LegalStatus::EarlyHelp => {
                "the next Child in Need review or Team Around the Family meeting"
            }
            LegalStatus::ChildProtection => {
                "the next core group or child protection conference, whichever is first; tell the Child Protection Chair"
            }
            LegalStatus::ChildInCare => {
                "discuss with the child, then the Independent Reviewing Officer; the next Child in Care review"
            }
            LegalStatus::CareLeaver => "the Pathway Plan, updated with the young person",
            LegalStatus::Assessment | LegalStatus::DisabledChildren | LegalStatus::YouthSupport => {
                "the child's plan, at its next review"
            }
        }
    }
}

impl Role {
    /// e.g. "Team manager".
    pub fn label(self) -> &'static str {
        match self {
            Role::SocialWorker => "Social worker",
            Role::AdvancedPractitioner => "Advanced practitioner",
            Role::TeamManager => "Team manager",
            Role::SeniorManager => "Senior manager",
            Role::PracticeLearningReviewer => {
                "Practice Learning Reviewer (Quality Assurance service)"
            }
            Role::Other => "Other",
        }
    }
}

impl ViewsOutcome {
    /// e.g. "Could not be reached".
    pub fn label(self) -> &'static str {
        match self {
            ViewsOutcome::Obtained => "Obtained",
            ViewsOutcome::Inappropriate => "Not asked: it was not right for them at this time",
            ViewsOutcome::Unreachable => "Could not be reached",
            ViewsOutcome::Declined => "Declined",
        }
    }
}

impl ViewsOutcome {
    /// Every outcome, in the order the form lists them.
    pub const ALL: [ViewsOutcome; 4] = [
        ViewsOutcome::Obtained,
        ViewsOutcome::Inappropriate,
        ViewsOutcome::Unreachable,
        ViewsOutcome::Declined,
    ];

    /// The answer as the form offers it, e.g. "No, they could not be reached".
    pub fn choice(self) -> &'static str {
        match self {
            ViewsOutcome::Obtained => "Yes, their views were obtained",
            ViewsOutcome::Inappropriate => "No, it was not right to ask them at this time",
            ViewsOutcome::Unreachable => "No, they could not be reached",
            ViewsOutcome::Declined => "No, they declined",
        }
    }
}

impl ActionKind {
    /// Every kind, in the order the form lists them.
    pub const ALL: [ActionKind; 2] = [ActionKind::CarePlanning, ActionKind::Other];

    /// The answer as the form offers it, e.g. "Care planning: goes into the child's plan".
    pub fn choice(self) -> &'static str {
        match self {
            ActionKind::CarePlanning => "Care planning: goes into the child's plan",
            ActionKind::Other => "Other action",
        }
    }

    /// e.g. "Care planning".
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::CarePlanning => "Care planning",
            ActionKind::Other => "Other",
        }
    }
}

impl Feedback {
    /// Every kind of feedback, in the order the form lists them.
    pub const ALL: [Feedback; 2] = [Feedback::Positive, Feedback::Mixed];

    /// e.g. "Rated the service positively".
    pub fn label(self) -> &'static str {
        match self {
            Feedback::Positive => "Rated the service positively",
            Feedback::Mixed => "Identified strengths and areas for development",
        }
    }
}

impl ActionStatus {
    /// Every status, in the order the form lists them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::Completed,
        ActionStatus::Transferred,
        ActionStatus::ServiceEnded,
    ];

    /// "Open", "Completed", "Transferred into the child's plan" or "Service ended".
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Completed => "Completed",
            ActionStatus::Transferred => "Transferred into the child's plan",
            ActionStatus::ServiceEnded => "Service ended",
        }
    }
}

impl ConcernOutcome {
    /// Every outcome, in the order the form lists them.
    pub const ALL: [ConcernOutcome; 3] = [
        ConcernOutcome::Resolved,
        ConcernOutcome::ContinuingOversight,
        ConcernOutcome::FurtherReview,
    ];

    /// "Resolved", "Continuing oversight", "Further review".
    pub fn label(self) -> &'static str {
        match self {
            ConcernOutcome::Resolved => "Resolved",
            ConcernOutcome::ContinuingOversight => "Continuing oversight",
            ConcernOutcome::FurtherReview => "Further review",
        }
    }

    /// What the outcome means, as the form offers it.
    pub fn meaning(self) -> &'static str {
        match self {
            ConcernOutcome::Resolved => "Resolved: the child is safe and a plan is in place",
            ConcernOutcome::ContinuingOversight => {
                "Continuing oversight: the Head of Service keeps following it"
            }
            ConcernOutcome::FurtherReview => "Further review: another review is to be made",
        }
    }
}

impl Status {
    /// "Draft" or "Completed".
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Completed => "Completed",
        }
    }
}

impl ModerationEffect {
    /// e.g. "Upgraded".
    pub fn label(self) -> &'static str {
        match self {
            ModerationEffect::Agreed => "Agreed",
            ModerationEffect::Upgraded => "Upgraded",
            ModerationEffect::Downgraded => "Downgraded",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label a person reads, so the acronym check covers them all.
    fn all_labels() -> Vec<&'static str> {
        let mut labels: Vec<&'static str> = Vec::new();
        labels.extend(Grade::ALL.map(Grade::label));
        labels.extend(Rating::ALL.map(Rating::label));
        labels.extend(Rating::ALL.map(Rating::meaning));
        labels.extend(LegalStatus::ALL.map(LegalStatus::label));
        labels.extend(LegalStatus::ALL.map(LegalStatus::care_planning_destination));
        labels.extend(Role::ALL.map(Role::label));
        labels.extend(ViewsOutcome::ALL.map(ViewsOutcome::label));
        labels.extend(ViewsOutcome::ALL.map(ViewsOutcome::choice));
        labels.extend(ActionKind::ALL.map(ActionKind::label));
        labels.extend(ActionKind::ALL.map(ActionKind::choice));
        labels.extend(ActionStatus::ALL.map(ActionStatus::label));
        labels.extend(Feedback::ALL.map(Feedback::label));
        labels
    }

    #[test]
    fn labels_are_plain_english_without_acronyms() {
        for label in all_labels() {
            let acronym = label
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
            assert_eq!(acronym, None, "{label}");
        }
    }

    #[test]
    fn labels_spell_out_the_closed_sets() {
        assert_eq!(
            Grade::RequiresImprovementLow.label(),
            "Requires improvement (lower end)"
        );
        assert_eq!(Rating::PartlyMet.label(), "Partly met");
        assert_eq!(LegalStatus::ChildInNeed.label(), "Child in need");
        assert_eq!(
            LegalStatus::ChildProtection.care_planning_destination(),
            "the next core group or child protection conference, whichever is first; tell the Child Protection Chair"
        );
        assert_eq!(
            LegalStatus::EarlyHelp.care_planning_destination(),
            LegalStatus::ChildInNeed.care_planning_destination()
        );
        assert_eq!(
            LegalStatus::CareLeaver.care_planning_destination(),
            "the Pathway Plan, updated with the young person"
        );
    }
}
