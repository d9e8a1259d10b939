//! Counting the measures of `snapshot.md` over the PLRs of one period.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::facts::ViewsFacts;
use super::kept::KeptFacts;
use super::measure::{Measure, MeasureKey, Target};
use super::settings::Settings;
use plr_core::followthrough::closed_on;
use plr_core::followup::is_overdue;
use plr_core::model::{ActionStatus, Feedback, Grade, ModerationEffect, ViewsOutcome};

/// The measures of one period (or one team, legal status, month ...), by key, in key order.
pub type Measures = BTreeMap<MeasureKey, Measure>;

/// What the measures are judged against.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Targets and baseline.
    pub settings: &'a Settings,
    /// Actions due on or before this date count; open ones due before it are overdue.
    pub as_of: NaiveDate,
    /// How many months the period spans (the audits baseline is per month).
    pub months: u32,
    /// Audits allocated for the period, when the user gave it.
    pub allocated: Option<u32>,
}

/// Someone's views, counted.
#[derive(Debug, Clone, Copy, Default)]
struct ViewsCounts {
    asked: u32,
    obtained: u32,
    not_obtained: u32,
    inappropriate: u32,
    unreachable: u32,
    declined: u32,
    with_feedback: u32,
    positive: u32,
}

impl ViewsCounts {
    fn add(&mut self, views: ViewsFacts) {
        self.asked += 1;
        match views.outcome {
            Some(ViewsOutcome::Obtained) => self.obtained += 1,
            Some(other) => {
                self.not_obtained += 1;
                match other {
                    ViewsOutcome::Inappropriate => self.inappropriate += 1,
                    ViewsOutcome::Unreachable => self.unreachable += 1,
                    _ => self.declined += 1,
                }
            }
            None => {}
        }
        if let Some(feedback) = views.feedback {
            self.with_feedback += 1;
            self.positive += u32::from(feedback == Feedback::Positive);
        }
    }
}

/// The counts behind every measure, added one PLR at a time.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    plrs: u32,
    grades: [u32; 5],
    social_worker: u32,
    team_manager: u32,
    iro_allocated: u32,
    iro_involved: u32,
    child: ViewsCounts,
    family: ViewsCounts,
    moderated: u32,
    effects: [u32; 3],
    inadequate_identified: u32,
    actions_due: u32,
    actions_on_time: u32,
    actions_overdue: u32,
    concerns: u32,
}

/// The grade measures of a distribution of grades (best first) out of `total`.
pub fn grade_shares(g: [u32; 5], total: u32, settings: &Settings) -> Measures {
    let share = |key: MeasureKey, n: u32| (key, Measure::share(n, total, settings.target(key)));
    [
        share(MeasureKey::Outstanding, g[0]),
        share(MeasureKey::Good, g[1]),
        share(MeasureKey::RequiresImprovement, g[2] + g[3]),
        share(MeasureKey::LowerEndRequiresImprovement, g[3]),
        share(MeasureKey::Inadequate, g[4]),
        share(MeasureKey::GoodOrBetter, g[0] + g[1]),
        share(MeasureKey::WeakerPractice, g[3] + g[4]),
    ]
    .into_iter()
    .collect()
}

/// Where a grade sits in a distribution, best first.
pub fn grade_index(grade: Grade) -> usize {
    match grade {
        Grade::Outstanding => 0,
        Grade::Good => 1,
        Grade::RequiresImprovement => 2,
        Grade::RequiresImprovementLow => 3,
        Grade::Inadequate => 4,
    }
}

impl Counts {
    /// The number of PLRs added.
    pub fn plrs(&self) -> u32 {
        self.plrs
    }

    /// Adds one (completed, de-duplicated) PLR.
    pub fn add(&mut self, f: &KeptFacts<'_>, as_of: NaiveDate) {
        self.plrs += 1;
        if let Some(grade) = f.reported {
            self.grades[grade_index(grade)] += 1;
        }
        self.social_worker += u32::from(f.social_worker);
        self.team_manager += u32::from(f.team_manager);
        if f.iro_allocated {
            self.iro_allocated += 1;
            self.iro_involved += u32::from(f.iro_involved);
        }
        if f.child_aged_4_or_over {
            self.child.add(f.child);
        }
        self.family.add(f.family);
        if let Some(m) = f.moderation {
            self.moderated += 1;
            self.effects[match m.effect {
                ModerationEffect::Upgraded => 0,
                ModerationEffect::Downgraded => 1,
                ModerationEffect::Agreed => 2,
            }] += 1;
            if m.grade == Grade::Inadequate {
                self.inadequate_identified += u32::from(f.final_grade != Some(Grade::Inadequate));
            }
        }
        for action in f.actions.iter() {
            // An action whose service ended is set aside (`snapshot.md`).
            let Some(due) = action
                .due_on
                .filter(|due| *due <= as_of && action.status != ActionStatus::ServiceEnded)
            else {
                continue;
            };
            self.actions_due += 1;
            // Closed (completed, or transferred into the child's plan) by its due date.
            match closed_on(action.status, action.completed_on, action.transferred_on) {
                Some(closed) => self.actions_on_time += u32::from(closed <= due),
                None => {
                    self.actions_overdue += u32::from(is_overdue(action.status, Some(due), as_of))
                }
            }
        }
        self.concerns += u32::from(f.is_case_of_concern());
    }

    /// The grade measures only (for breakdowns by team, legal status and month).
    pub fn grade_measures(&self, settings: &Settings) -> Measures {
        grade_shares(self.grades, self.plrs, settings)
    }

    /// Every measure of `snapshot.md`.
    pub fn measures(&self, ctx: Context<'_>) -> Measures {
        use MeasureKey::*;
        let target = |key| ctx.settings.target(key);
        let share = |key, n, d| (key, Measure::share(n, d, target(key)));
        let baseline = Target::at_least(ctx.settings.monthly_baseline.saturating_mul(ctx.months));
        let mut m = self.grade_measures(ctx.settings);
        let (c, f) = (&self.child, &self.family);
        m.extend([
            (AuditsCompleted, Measure::count(self.plrs, Some(baseline))),
            share(SocialWorkerInvolved, self.social_worker, self.plrs),
            share(TeamManagerInvolved, self.team_manager, self.plrs),
            share(IroOrCpChairInvolved, self.iro_involved, self.iro_allocated),
            share(ChildViewsObtained, c.obtained, c.asked),
            share(FamilyViewsObtained, f.obtained, self.plrs),
            share(
                ChildViewsNotObtainedInappropriate,
                c.inappropriate,
                c.not_obtained,
            ),
            share(
                ChildViewsNotObtainedUnreachable,
                c.unreachable,
                c.not_obtained,
            ),
            share(ChildViewsNotObtainedDeclined, c.declined, c.not_obtained),
            share(
                FamilyViewsNotObtainedInappropriate,
                f.inappropriate,
                f.not_obtained,
            ),
            share(
                FamilyViewsNotObtainedUnreachable,
                f.unreachable,
                f.not_obtained,
            ),
            share(FamilyViewsNotObtainedDeclined, f.declined, f.not_obtained),
            share(ChildFeedbackPositive, c.positive, c.with_feedback),
            share(FamilyFeedbackPositive, f.positive, f.with_feedback),
            share(ModerationUpgraded, self.effects[0], self.moderated),
            share(ModerationDowngraded, self.effects[1], self.moderated),
            share(ModerationAgreed, self.effects[2], self.moderated),
            // Out of every PLR reported inadequate, moderated or not (seed 003 Table 1).
            share(
                InadequateIdentifiedByModerators,
                self.inadequate_identified,
                self.grades[grade_index(Grade::Inadequate)],
            ),
            share(
                ActionsCompletedOnTime,
                self.actions_on_time,
                self.actions_due,
            ),
            share(ActionsOverdue, self.actions_overdue, self.actions_due),
            (
                CasesOfConcern,
                Measure::count(self.concerns, target(CasesOfConcern)),
            ),
        ]);
        if let Some(allocated) = ctx.allocated {
            m.insert(
                AuditCompletionRate,
                Measure::share(self.plrs, allocated, target(AuditCompletionRate)),
            );
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A review given a grade counts in that grade's band (`MeasureKey::GRADE_BANDS`, in the
    /// order of `Grade::ALL`), and in requires improvement's too when at its lower end.
    #[test]
    fn each_grade_counts_in_its_band() {
        for (i, grade) in Grade::ALL.into_iter().enumerate() {
            let mut g = [0; 5];
            g[grade_index(grade)] = 1;
            let shares = grade_shares(g, 1, &Settings::default());
            let counted: Vec<MeasureKey> = MeasureKey::GRADE_BANDS
                .into_iter()
                .filter(|key| shares[key].numerator == 1)
                .collect();
            let mut expected = vec![MeasureKey::GRADE_BANDS[i]];
            if grade == Grade::RequiresImprovementLow {
                expected.insert(0, MeasureKey::RequiresImprovement);
            }
            assert_eq!(counted, expected, "{grade:?}");
        }
        assert_eq!(MeasureKey::GRADES[..5], MeasureKey::GRADE_BANDS);
    }
}
