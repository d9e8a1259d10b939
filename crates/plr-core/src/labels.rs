//! The words the app and the command line show for each closed set (plain English, no
//! unexplained acronyms), and where a care planning action goes for each legal status.

use crate::model::{ActionKind, Grade, LegalStatus, Rating, Role, ViewsOutcome};

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

    /// Where a care planning action must go for a child with this legal status.
    pub fn care_planning_destination(self) -> &'static str {
        match self {
            LegalStatus::ChildInNeed | LegalStatus::EarlyHelp => {
                "the next Child in Need review or Team Around the Family meeting"
            }
            LegalStatus::ChildProtection => {
                "the next core group or child protection conference, whichever is first; tell the Child Protection Chair"
            }
            LegalStatus::ChildInCare => {
                "discuss it with the child, then the Independent Reviewing Officer; the next Child in Care review"
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
            Role::PracticeLearningReviewer => "Practice learning reviewer",
            Role::Other => "Other",
        }
    }
}

impl ViewsOutcome {
    /// e.g. "Could not be reached".
    pub fn label(self) -> &'static str {
        match self {
            ViewsOutcome::Obtained => "Obtained",
            ViewsOutcome::Inappropriate => "Deemed inappropriate",
            ViewsOutcome::Unreachable => "Could not be reached",
            ViewsOutcome::Declined => "Declined",
        }
    }
}

impl ActionKind {
    /// e.g. "Care planning".
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::CarePlanning => "Care planning",
            ActionKind::Other => "Other",
        }
    }
}
