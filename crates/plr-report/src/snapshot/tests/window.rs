//! The follow-through window's measures: care-planning per review, other actions one by one.

use super::*;
use plr_core::model::{ActionKind, ActionStatus, Grade};

fn act(kind: ActionKind, status: ActionStatus, due: NaiveDate) -> ActionFacts {
    ActionFacts {
        kind: Some(kind),
        status,
        due_on: Some(due),
        ..ActionFacts::default()
    }
}

fn transferred(due: NaiveDate, on: NaiveDate) -> ActionFacts {
    ActionFacts {
        transferred_on: Some(on),
        ..act(ActionKind::CarePlanning, ActionStatus::Transferred, due)
    }
}

fn updated(action: ActionFacts, on: NaiveDate) -> ActionFacts {
    ActionFacts {
        updated_on: Some(on),
        ..action
    }
}

fn reviewed(id: u128, on: NaiveDate, actions: Vec<ActionFacts>) -> PlrFacts {
    PlrFacts {
        actions: actions.into(),
        ..plr(id, on, Grade::Good)
    }
}

#[test]
fn the_window_is_the_last_three_auditing_months_or_a_longer_period_itself() {
    let w = |p: &str| window(Period::parse(p).unwrap());
    assert_eq!(w("2022-07"), (date(2022, 5, 1), date(2022, 7, 31)));
    assert_eq!(w("2022-02"), (date(2021, 12, 1), date(2022, 2, 28)));
    assert_eq!(w("Q2-22/23"), (date(2022, 7, 1), date(2022, 9, 30)));
    assert_eq!(w("2022/23"), (date(2022, 4, 1), date(2023, 3, 31)));
}

#[test]
fn the_windows_actions_are_followed_as_of_d_and_the_backlog_before_it() {
    use ActionKind::{CarePlanning as Care, Other};
    use ActionStatus::{Completed, Open, ServiceEnded};
    let d = |m, day| date(2022, m, day);
    let b = built(vec![
        reviewed(
            1,
            d(7, 5),
            vec![
                transferred(d(7, 20), d(7, 20)),
                ActionFacts {
                    completed_on: Some(d(7, 25)),
                    ..act(Other, Completed, d(7, 20))
                },
                act(Other, Open, d(7, 1)),
            ],
        ),
        reviewed(
            2,
            d(6, 10),
            vec![
                transferred(d(7, 1), d(7, 2)),
                transferred(d(7, 1), d(6, 30)),
                updated(act(Other, Open, d(7, 1)), d(8, 1)),
            ],
        ),
        reviewed(
            3,
            d(5, 3),
            vec![
                act(Care, Open, d(6, 1)),
                updated(act(Other, Open, d(8, 20)), d(8, 1)),
            ],
        ),
        reviewed(
            4,
            d(4, 2),
            vec![
                updated(act(Care, Open, d(5, 1)), d(7, 1)),
                act(Other, Open, d(5, 1)),
                updated(act(Other, Open, d(5, 1)), d(7, 1)),
                act(Other, ServiceEnded, d(5, 1)),
            ],
        ),
        reviewed(5, d(7, 20), vec![act(Care, ServiceEnded, d(8, 1))]),
    ]);
    let s = b.finish(&options("2022-07", d(8, 10)));
    let m = |key| measure(&s, key);
    assert_eq!(m(MeasureKey::PlrsInWindow).0, 4);
    assert_eq!(m(MeasureKey::CarePlanningPlrs).0, 3);
    assert_eq!(
        m(MeasureKey::CarePlanningTransferredOnTime),
        (1, Some(3), Some(33), None)
    );
    assert_eq!(
        m(MeasureKey::CarePlanningTransferredLate),
        (1, Some(3), Some(33), None)
    );
    assert_eq!(
        m(MeasureKey::CarePlanningNoUpdate),
        (1, Some(3), Some(33), None)
    );
    assert_eq!(
        m(MeasureKey::CarePlanningNotYetTransferred),
        (0, Some(3), Some(0), None)
    );
    assert_eq!(
        m(MeasureKey::OtherActionsCompletedOnTime),
        (0, Some(4), Some(0), None)
    );
    assert_eq!(
        m(MeasureKey::OtherActionsCompletedLate),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(
        m(MeasureKey::OtherActionsOverdue),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(
        m(MeasureKey::OtherActionsNotYetDue),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(
        m(MeasureKey::OtherActionsNoUpdate),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(m(MeasureKey::CarePlanningBacklog).0, 1);
    assert_eq!(m(MeasureKey::OtherActionsBacklog).0, 2);
    assert_eq!(m(MeasureKey::ServiceEnded).0, 2);
}
