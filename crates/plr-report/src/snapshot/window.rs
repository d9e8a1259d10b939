//! The follow-through window's measures (`followthrough.md`): what became of the actions of
//! the reviews of the last three auditing months (care-planning actions per review, as they go
//! into the child's plan together; other actions one by one), as of the as-of date D, and the
//! backlog of the reviews before the window.

use chrono::{Datelike, Months, NaiveDate};

use super::breakdown::Selection;
use super::kept::KeptFacts;
use super::measure::{Measure, MeasureKey};
use super::period::Period;
use plr_core::followthrough::ActionOutcome;
use plr_core::model::{ActionKind, ActionStatus};

/// The follow-through window of `period`: the period itself when it spans three months or
/// more, else the three calendar months ending with its last month (July 2022: May to July).
pub fn window(period: Period) -> (NaiveDate, NaiveDate) {
    let last = period.last_day();
    if period.months().len() >= 3 {
        return (period.first_day(), last);
    }
    let first_of_last_month = last.with_day0(0).unwrap_or(last);
    let first = first_of_last_month
        .checked_sub_months(Months::new(2))
        .unwrap_or(first_of_last_month);
    (first, last)
}

/// Where a review's care-planning actions stand as of D, all together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CarePlanning {
    /// Every one closed, each by its due date.
    TransferredOnTime,
    /// Every one closed, one or more after its due date.
    TransferredLate,
    /// None closed, and none has an update by D.
    NoUpdate,
    /// Otherwise: some not yet in the child's plan.
    NotYetTransferred,
}

/// The care-planning state of `f` as of `as_of`; `None` without a care-planning action (one
/// whose service ended is set aside).
pub fn care_planning(f: &KeptFacts<'_>, as_of: NaiveDate) -> Option<CarePlanning> {
    let outcomes: Vec<ActionOutcome> = f
        .actions
        .iter()
        .filter(|a| {
            a.kind == Some(ActionKind::CarePlanning) && a.status != ActionStatus::ServiceEnded
        })
        .map(|a| a.outcome(as_of))
        .collect();
    if outcomes.is_empty() {
        return None;
    }
    let closed = |o: &ActionOutcome| matches!(o, ActionOutcome::OnTime | ActionOutcome::Late);
    Some(if outcomes.iter().all(closed) {
        if outcomes.contains(&ActionOutcome::Late) {
            CarePlanning::TransferredLate
        } else {
            CarePlanning::TransferredOnTime
        }
    } else if outcomes.iter().all(|o| *o == ActionOutcome::NoUpdate) {
        CarePlanning::NoUpdate
    } else {
        CarePlanning::NotYetTransferred
    })
}

/// The other (not care-planning) actions of `f` whose service did not end, as of `as_of`.
fn other_outcomes<'f>(
    f: &'f KeptFacts<'_>,
    as_of: NaiveDate,
) -> impl Iterator<Item = ActionOutcome> + 'f {
    f.actions
        .iter()
        .filter(|a| a.kind != Some(ActionKind::CarePlanning))
        .map(move |a| a.outcome(as_of))
        .filter(|o| *o != ActionOutcome::ServiceEnded)
}

/// The window's measures for `period`, actions judged as of the options' as-of date.
pub(super) fn window_measures(
    selection: &Selection<'_, '_>,
    period: Period,
) -> Vec<(MeasureKey, Measure)> {
    use MeasureKey::*;
    let as_of = selection.options.as_of;
    let e = as_of.min(period.last_day());
    let (first, last) = window(period);
    let mut in_window = 0;
    let mut care = [0u32; 4];
    let mut other = [0u32; 5];
    let (mut care_backlog, mut other_backlog, mut ended) = (0, 0, 0);
    for f in selection.completed() {
        let Some(date) = f.date else { continue };
        if date <= e
            && f.actions
                .iter()
                .any(|a| a.status == ActionStatus::ServiceEnded)
        {
            ended += 1;
        }
        if (first..=last).contains(&date) {
            in_window += 1;
            if let Some(state) = care_planning(&f, as_of) {
                care[state as usize] += 1;
            }
            for o in other_outcomes(&f, as_of) {
                let n = match o {
                    ActionOutcome::OnTime => 0,
                    ActionOutcome::Late => 1,
                    ActionOutcome::Overdue => 2,
                    ActionOutcome::NotYetDue => 3,
                    ActionOutcome::NoUpdate | ActionOutcome::ServiceEnded => 4,
                };
                other[n] += 1;
            }
        } else if date < first {
            care_backlog += u32::from(matches!(
                care_planning(&f, as_of),
                Some(CarePlanning::NoUpdate | CarePlanning::NotYetTransferred)
            ));
            other_backlog += other_outcomes(&f, as_of)
                .filter(|o| matches!(o, ActionOutcome::Overdue | ActionOutcome::NoUpdate))
                .count() as u32;
        }
    }
    let target = |key| selection.options.settings.target(key);
    let count = |key, n| (key, Measure::count(n, target(key)));
    let care_plrs: u32 = care.iter().sum();
    let others: u32 = other.iter().sum();
    let of_care = |key, n| (key, Measure::share(n, care_plrs, target(key)));
    let of_other = |key, n| (key, Measure::share(n, others, target(key)));
    vec![
        count(PlrsInWindow, in_window),
        count(CarePlanningPlrs, care_plrs),
        of_care(CarePlanningTransferredOnTime, care[0]),
        of_care(CarePlanningTransferredLate, care[1]),
        of_care(CarePlanningNoUpdate, care[2]),
        of_care(CarePlanningNotYetTransferred, care[3]),
        of_other(OtherActionsCompletedOnTime, other[0]),
        of_other(OtherActionsCompletedLate, other[1]),
        of_other(OtherActionsOverdue, other[2]),
        of_other(OtherActionsNotYetDue, other[3]),
        of_other(OtherActionsNoUpdate, other[4]),
        count(CarePlanningBacklog, care_backlog),
        count(OtherActionsBacklog, other_backlog),
        count(ServiceEnded, ended),
    ]
}
