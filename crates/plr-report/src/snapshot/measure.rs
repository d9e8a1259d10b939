//! One measure of the snapshot: numerator, denominator, whole-number percent (half up, integer
//! arithmetic only), target, RAG rating and direction of travel.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The name of a measure, as the key of `measures` in the JSON output (`snapshot.md`).
/// Declared in the order the JSON, the CSV and the text report list them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum MeasureKey {
    AuditsCompleted,
    AuditCompletionRate,
    // Allocation and representation (`qa-month.md` §1), given an allocation file.
    AuditorsListed,
    AuditorsAvailable,
    AuditsAllocated,
    MonthExemptions,
    AuditsSubmitted,
    AuditsNotSubmitted,
    TeamsListed,
    TeamsNotAudited,
    #[serde(rename = "teams_audited_0")]
    TeamsAudited0,
    #[serde(rename = "teams_audited_1")]
    TeamsAudited1,
    #[serde(rename = "teams_audited_2_or_more")]
    TeamsAudited2OrMore,
    Outstanding,
    Good,
    RequiresImprovement,
    LowerEndRequiresImprovement,
    Inadequate,
    GoodOrBetter,
    WeakerPractice,
    SocialWorkerInvolved,
    TeamManagerInvolved,
    IroOrCpChairInvolved,
    ChildViewsObtained,
    FamilyViewsObtained,
    ChildViewsNotObtainedInappropriate,
    ChildViewsNotObtainedUnreachable,
    ChildViewsNotObtainedDeclined,
    FamilyViewsNotObtainedInappropriate,
    FamilyViewsNotObtainedUnreachable,
    FamilyViewsNotObtainedDeclined,
    ChildFeedbackPositive,
    FamilyFeedbackPositive,
    // The young people's Ambassadors' review (`qa-month.md` §3), when any loaded review has one.
    AmbassadorsReviewed,
    AmbassadorsRelationship,
    AmbassadorsChildFocusedSummary,
    AmbassadorsChildsViews,
    AmbassadorsAboutTheChild,
    AmbassadorsLanguageAndDecisions,
    ModerationUpgraded,
    ModerationDowngraded,
    ModerationAgreed,
    InadequateIdentifiedByModerators,
    ActionsCompletedOnTime,
    ActionsOverdue,
    CasesOfConcern,
    // The Case of Concern register's measures (`followthrough.md`), read as of E.
    ConcernsRaised,
    ConcernsSharedInTime,
    ConcernsTracked,
    #[serde(rename = "concerns_open_over_12_months")]
    ConcernsOpenOver12Months,
    ConcernUpdates,
    ConcernsResolved,
    ConcernsContinuing,
    ConcernsWithoutUpdate,
    // The follow-through window's measures (`followthrough.md`).
    PlrsInWindow,
    CarePlanningPlrs,
    CarePlanningTransferredOnTime,
    CarePlanningTransferredLate,
    CarePlanningNoUpdate,
    CarePlanningNotYetTransferred,
    OtherActionsCompletedOnTime,
    OtherActionsCompletedLate,
    OtherActionsOverdue,
    OtherActionsNotYetDue,
    OtherActionsNoUpdate,
    CarePlanningBacklog,
    OtherActionsBacklog,
    ServiceEnded,
}

impl MeasureKey {
    /// Whether the measure judges actions as of the as-of date (and is shown with it).
    pub fn judged_as_of(self) -> bool {
        matches!(
            self,
            MeasureKey::ActionsCompletedOnTime | MeasureKey::ActionsOverdue
        )
    }

    /// The grade bands, best first: one measure per grade (`Grade::ALL`), the share of reviews
    /// given it, except that requires improvement's counts both its bands (the lower end is
    /// also a band of its own).
    pub const GRADE_BANDS: [MeasureKey; 5] = [
        MeasureKey::Outstanding,
        MeasureKey::Good,
        MeasureKey::RequiresImprovement,
        MeasureKey::LowerEndRequiresImprovement,
        MeasureKey::Inadequate,
    ];

    /// The measures that describe grades (the ones broken down by team, legal status, month):
    /// the [grade bands](MeasureKey::GRADE_BANDS), then those that combine them.
    pub const GRADES: [MeasureKey; 7] = {
        let [outstanding, good, requires_improvement, lower_end, inadequate] =
            MeasureKey::GRADE_BANDS;
        [
            outstanding,
            good,
            requires_improvement,
            lower_end,
            inadequate,
            MeasureKey::GoodOrBetter,
            MeasureKey::WeakerPractice,
        ]
    };

    /// The Case of Concern register's measures (`followthrough.md`), in report order.
    pub const REGISTER: [MeasureKey; 8] = [
        MeasureKey::ConcernsRaised,
        MeasureKey::ConcernsSharedInTime,
        MeasureKey::ConcernsTracked,
        MeasureKey::ConcernsOpenOver12Months,
        MeasureKey::ConcernUpdates,
        MeasureKey::ConcernsResolved,
        MeasureKey::ConcernsContinuing,
        MeasureKey::ConcernsWithoutUpdate,
    ];

    /// Why views were not obtained, out of those not obtained: the child's three reasons, then
    /// the family's, in report order.
    pub const VIEWS_NOT_OBTAINED: [MeasureKey; 6] = [
        MeasureKey::ChildViewsNotObtainedInappropriate,
        MeasureKey::ChildViewsNotObtainedUnreachable,
        MeasureKey::ChildViewsNotObtainedDeclined,
        MeasureKey::FamilyViewsNotObtainedInappropriate,
        MeasureKey::FamilyViewsNotObtainedUnreachable,
        MeasureKey::FamilyViewsNotObtainedDeclined,
    ];

    /// The Ambassadors' measures (`qa-month.md` §3): how many reviews they reviewed, then each
    /// finding's share, in [`plr_core::ambassadors::FINDINGS`] order.
    pub const AMBASSADORS: [MeasureKey; 6] = [
        MeasureKey::AmbassadorsReviewed,
        MeasureKey::AmbassadorsRelationship,
        MeasureKey::AmbassadorsChildFocusedSummary,
        MeasureKey::AmbassadorsChildsViews,
        MeasureKey::AmbassadorsAboutTheChild,
        MeasureKey::AmbassadorsLanguageAndDecisions,
    ];

    /// Allocation and representation's measures (`qa-month.md` §1), in report order: present
    /// only when an allocation file is given.
    pub const ALLOCATION: [MeasureKey; 12] = [
        MeasureKey::AuditorsListed,
        MeasureKey::AuditorsAvailable,
        MeasureKey::AuditsAllocated,
        MeasureKey::MonthExemptions,
        MeasureKey::AuditsSubmitted,
        MeasureKey::AuditsNotSubmitted,
        MeasureKey::AuditCompletionRate,
        MeasureKey::TeamsListed,
        MeasureKey::TeamsNotAudited,
        MeasureKey::TeamsAudited0,
        MeasureKey::TeamsAudited1,
        MeasureKey::TeamsAudited2OrMore,
    ];

    /// The follow-through window's measures ("Impact from audit"), in report order.
    pub const WINDOW: [MeasureKey; 14] = [
        MeasureKey::PlrsInWindow,
        MeasureKey::CarePlanningPlrs,
        MeasureKey::CarePlanningTransferredOnTime,
        MeasureKey::CarePlanningTransferredLate,
        MeasureKey::CarePlanningNoUpdate,
        MeasureKey::CarePlanningNotYetTransferred,
        MeasureKey::OtherActionsCompletedOnTime,
        MeasureKey::OtherActionsCompletedLate,
        MeasureKey::OtherActionsOverdue,
        MeasureKey::OtherActionsNotYetDue,
        MeasureKey::OtherActionsNoUpdate,
        MeasureKey::CarePlanningBacklog,
        MeasureKey::OtherActionsBacklog,
        MeasureKey::ServiceEnded,
    ];

    /// The key as written in JSON and CSV, e.g. `good_or_better`.
    pub fn key(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// Whether a target is a floor or a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Op {
    /// At least the value.
    #[serde(rename = ">=")]
    AtLeast,
    /// At most the value.
    #[serde(rename = "<=")]
    AtMost,
}

/// A target: a percentage (or, for `audits_completed`, a count) that should be reached or not
/// exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `>=` or `<=`.
    pub op: Op,
    /// The whole-number value.
    pub value: u32,
}

impl Target {
    /// At least `value`.
    pub const fn at_least(value: u32) -> Target {
        Target {
            op: Op::AtLeast,
            value,
        }
    }

    /// At most `value`.
    pub const fn at_most(value: u32) -> Target {
        Target {
            op: Op::AtMost,
            value,
        }
    }

    /// In words, for people: `at least 90%`, `at most 9%` (a count's target has no `%`).
    pub fn words(self, count: bool) -> String {
        let op = match self.op {
            Op::AtLeast => "at least",
            Op::AtMost => "at most",
        };
        let unit = if count { "" } else { "%" };
        format!("{op} {}{unit}", self.value)
    }

    /// e.g. `>= 50`.
    pub fn label(self) -> String {
        let op = match self.op {
            Op::AtLeast => ">=",
            Op::AtMost => "<=",
        };
        format!("{op} {}", self.value)
    }

    /// Green when met; Amber within 10 points of it (above it, for an "at most" target); Red
    /// otherwise.
    pub fn rag(self, value: u32) -> Rag {
        let (value, target) = (i64::from(value), i64::from(self.value));
        let short_by = match self.op {
            Op::AtLeast => target - value,
            Op::AtMost => value - target,
        };
        match short_by {
            ..=0 => Rag::Green,
            1..=10 => Rag::Amber,
            _ => Rag::Red,
        }
    }
}

/// Red, amber or green against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    /// `red`, `amber` or `green`, as in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    /// `Red`, `Amber` or `Green`.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
        }
    }
}

/// `numerator / denominator` as a whole-number percentage rounded half up, in integer
/// arithmetic; `None` when the denominator is 0.
pub fn percent(numerator: u32, denominator: u32) -> Option<u32> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = (u64::from(numerator), u64::from(denominator));
    u32::try_from((200 * n + d) / (2 * d)).ok()
}

/// Whether a value rose, fell or stayed the same since the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Direction {
    Rose,
    Fell,
    Unchanged,
}

/// The same measure in the previous period of the same kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Previous {
    /// The previous period's label.
    pub period: String,
    /// Its numerator.
    pub numerator: u32,
    /// Its denominator (`null` for counts).
    pub denominator: Option<u32>,
    /// Its percent (`null` for counts or a zero denominator).
    pub percent: Option<u32>,
    /// How the shown value (percent, or the count for counts) moved since; `null` when either
    /// period has no value.
    pub direction: Option<Direction>,
}

/// One measure of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    /// The count.
    pub numerator: u32,
    /// What it is counted out of; `null` for counts (`audits_completed`, `cases_of_concern`).
    pub denominator: Option<u32>,
    /// Whole-number percent, half up; `null` for counts and when the denominator is 0.
    pub percent: Option<u32>,
    /// The target, or `null` when the measure has none.
    pub target: Option<Target>,
    /// Against the target; `null` without a target or without a value.
    pub rag: Option<Rag>,
    /// The previous period of the same kind (top-level measures only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
}

impl Measure {
    /// A share: `numerator` out of `denominator`, rated against `target` on its percent.
    pub fn share(numerator: u32, denominator: u32, target: Option<Target>) -> Measure {
        let percent = percent(numerator, denominator);
        Measure {
            numerator,
            denominator: Some(denominator),
            percent,
            target,
            rag: target.zip(percent).map(|(t, p)| t.rag(p)),
            previous: None,
        }
    }

    /// A count, rated against `target` as the percentage of the target it comes to (so Amber
    /// is within 10% short of an "at least" target, or 10% over an "at most" one).
    pub fn count(numerator: u32, target: Option<Target>) -> Measure {
        let rate = |t: Target| {
            let share = match (numerator, t.value) {
                (0, 0) => 100,
                (_, 0) => u32::MAX,
                (n, v) => percent(n, v).unwrap_or(u32::MAX),
            };
            Target { value: 100, ..t }.rag(share)
        };
        Measure {
            numerator,
            denominator: None,
            percent: None,
            target,
            rag: target.map(rate),
            previous: None,
        }
    }

    /// The value people see: the percent, or the count for counts.
    pub fn shown(&self) -> Option<u32> {
        match self.denominator {
            None => Some(self.numerator),
            Some(_) => self.percent,
        }
    }

    /// Records `before` as the previous period's value.
    pub fn set_previous(&mut self, period: String, before: &Measure) {
        let direction = self
            .shown()
            .zip(before.shown())
            .map(|(now, then)| match now.cmp(&then) {
                std::cmp::Ordering::Greater => Direction::Rose,
                std::cmp::Ordering::Less => Direction::Fell,
                std::cmp::Ordering::Equal => Direction::Unchanged,
            });
        self.previous = Some(Previous {
            period,
            numerator: before.numerator,
            denominator: before.denominator,
            percent: before.percent,
            direction,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up_in_whole_numbers() {
        assert_eq!(percent(1, 8), Some(13)); // 12.5
        assert_eq!(percent(23, 40), Some(58)); // 57.5
        assert_eq!(percent(1, 35), Some(3)); // 2.857
        assert_eq!(percent(9, 35), Some(26)); // 25.71
        assert_eq!(percent(1, 200), Some(1)); // 0.5
        assert_eq!(percent(1, 201), Some(0)); // 0.497
        assert_eq!(percent(7, 8), Some(88)); // 87.5
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(5, 5), Some(100));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(u32::MAX, u32::MAX), Some(100));
    }

    #[test]
    fn rag_is_green_when_met_amber_within_ten_points_red_beyond() {
        let floor = Target::at_least(50);
        assert_eq!(floor.rag(50), Rag::Green);
        assert_eq!(floor.rag(40), Rag::Amber);
        assert_eq!(floor.rag(39), Rag::Red);
        let ceiling = Target::at_most(9);
        assert_eq!(ceiling.rag(9), Rag::Green);
        assert_eq!(ceiling.rag(0), Rag::Green);
        assert_eq!(ceiling.rag(19), Rag::Amber);
        assert_eq!(ceiling.rag(20), Rag::Red);
    }

    #[test]
    fn a_zero_denominator_has_no_percent_and_no_rag() {
        let m = Measure::share(0, 0, Some(Target::at_least(95)));
        assert_eq!((m.percent, m.rag), (None, None));
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["percent"], serde_json::Value::Null);
        assert_eq!(json["rag"], serde_json::Value::Null);
        assert_eq!(json["target"]["op"], ">=");
    }

    #[test]
    fn counts_are_rated_against_the_share_of_the_baseline_reached() {
        let baseline = Some(Target::at_least(45));
        assert_eq!(Measure::count(45, baseline).rag, Some(Rag::Green));
        assert_eq!(Measure::count(41, baseline).rag, Some(Rag::Amber)); // 91%
        assert_eq!(Measure::count(35, baseline).rag, Some(Rag::Red)); // 78%
        assert_eq!(Measure::count(3, None).rag, None);
        assert_eq!(
            Measure::count(0, Some(Target::at_least(0))).rag,
            Some(Rag::Green)
        );
        let ceiling = Some(Target::at_most(10));
        assert_eq!(Measure::count(10, ceiling).rag, Some(Rag::Green));
        assert_eq!(Measure::count(11, ceiling).rag, Some(Rag::Amber)); // 110%
        assert_eq!(Measure::count(12, ceiling).rag, Some(Rag::Red));
        assert_eq!(
            Measure::count(0, Some(Target::at_most(0))).rag,
            Some(Rag::Green)
        );
        assert_eq!(
            Measure::count(1, Some(Target::at_most(0))).rag,
            Some(Rag::Red)
        );
    }

    #[test]
    fn direction_of_travel_compares_the_shown_values() {
        let mut now = Measure::share(7, 35, None); // 20%
        now.set_previous("Q1 22/23".into(), &Measure::share(2, 5, None)); // 40%
        let previous = now.previous.clone().unwrap();
        assert_eq!(
            (previous.percent, previous.direction),
            (Some(40), Some(Direction::Fell))
        );
        let mut count = Measure::count(35, None);
        count.set_previous("2022-06".into(), &Measure::count(44, None));
        assert_eq!(count.previous.unwrap().direction, Some(Direction::Fell));
        let mut none = Measure::share(1, 2, None);
        none.set_previous("2022-06".into(), &Measure::share(0, 0, None));
        assert_eq!(none.previous.unwrap().direction, None);
        assert_eq!(MeasureKey::GoodOrBetter.key(), "good_or_better");
        assert_eq!(
            MeasureKey::TeamsAudited2OrMore.key(),
            "teams_audited_2_or_more"
        );
        assert_eq!(Target::at_least(90).words(false), "at least 90%");
        assert_eq!(Target::at_most(9).words(false), "at most 9%");
    }
}
