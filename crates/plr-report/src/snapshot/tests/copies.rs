//! Copies of one review (`followthrough.md`): the winning copy gives the content and grade,
//! but no copy's follow-up is lost, whatever the order the copies come in.

use super::*;
use plr_core::model::{ActionKind, ActionStatus, Grade, ModerationEffect};

fn action(id: &str, status: ActionStatus) -> ActionFacts {
    ActionFacts {
        id: id.into(),
        kind: Some(ActionKind::CarePlanning),
        owner: "B. Jones".into(),
        description: "Put the safety plan into the child's plan".into(),
        due_on: Some(date(2022, 7, 31)),
        status,
        ..ActionFacts::default()
    }
}

fn transferred(id: &str, on: NaiveDate, note: &str) -> ActionFacts {
    ActionFacts {
        transferred_on: Some(on),
        updated_on: Some(on),
        progress_note: note.into(),
        ..action(id, ActionStatus::Transferred)
    }
}

fn moderated(copy: PlrFacts) -> PlrFacts {
    PlrFacts {
        reported: Some(Grade::RequiresImprovement),
        moderation: Some(ModerationFacts {
            grade: Grade::RequiresImprovement,
            effect: ModerationEffect::Downgraded,
        }),
        ..copy
    }
}

/// An action's (id, status, transferred on, updated on, progress note).
type FollowUp = (
    String,
    ActionStatus,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
);

/// The follow-up of each kept action of PLR 7.
fn follow_up(b: &SnapshotBuilder) -> Vec<FollowUp> {
    let f = b.facts(&PlrId(uuid::Uuid::from_u128(7))).unwrap();
    f.actions
        .iter()
        .map(|a| {
            let note = a.progress_note.to_string();
            (
                a.id.to_string(),
                a.status,
                a.transferred_on,
                a.updated_on,
                note,
            )
        })
        .collect()
}

/// `copies` added in every order, and split between two builders merged (as the command
/// line's threads do), each giving the builder it made.
fn every_order(copies: &[PlrFacts]) -> Vec<SnapshotBuilder> {
    let mut orders: Vec<Vec<usize>> = vec![vec![]];
    for _ in 0..copies.len() {
        orders = orders
            .into_iter()
            .flat_map(|o| {
                (0..copies.len())
                    .filter(|i| !o.contains(i))
                    .map(|i| [o.clone(), vec![i]].concat())
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    let mut built_ones = Vec::new();
    for order in orders {
        built_ones.push(built(order.iter().map(|&i| copies[i].clone()).collect()));
        for split in 1..order.len() {
            let mut left = built(order[..split].iter().map(|&i| copies[i].clone()).collect());
            left.merge(built(
                order[split..].iter().map(|&i| copies[i].clone()).collect(),
            ));
            built_ones.push(left);
        }
    }
    built_ones
}

#[test]
fn a_team_managers_update_after_moderation_is_kept_with_the_moderated_grade() {
    // The moderator's copy was saved first; the team manager then transferred a1 on 25 July
    // in their own copy, which has no moderation. a2 was last updated in the moderator's copy.
    let base = plr(7, date(2022, 7, 5), Grade::Good);
    let moderators = PlrFacts {
        actions: Box::new([
            action("a1", ActionStatus::Open),
            transferred("a2", date(2022, 7, 12), "In the plan from the core group"),
        ]),
        ..moderated(base.clone())
    };
    let managers = PlrFacts {
        updated_at: base.updated_at + chrono::Duration::days(20),
        source: "later.json".into(),
        actions: Box::new([
            transferred("a1", date(2022, 7, 25), "Added at the review conference"),
            action("a2", ActionStatus::Open),
        ]),
        ..base
    };
    for b in every_order(&[moderators.clone(), managers.clone()]) {
        let f = b.facts(&PlrId(uuid::Uuid::from_u128(7))).unwrap();
        assert_eq!(
            f.reported,
            Some(Grade::RequiresImprovement),
            "the moderated grade"
        );
        assert_eq!(
            follow_up(&b),
            [
                (
                    "a1".into(),
                    ActionStatus::Transferred,
                    Some(date(2022, 7, 25)),
                    Some(date(2022, 7, 25)),
                    "Added at the review conference".into()
                ),
                (
                    "a2".into(),
                    ActionStatus::Transferred,
                    Some(date(2022, 7, 12)),
                    Some(date(2022, 7, 12)),
                    "In the plan from the core group".into()
                ),
            ]
        );
        // Both care-planning actions are in the child's plan by their due day: on time.
        let s = b.finish(&options("2022-07", date(2022, 8, 10)));
        assert_eq!(measure(&s, MeasureKey::CarePlanningTransferredOnTime).0, 1);
        // The owner and description stay the winning copy's.
        assert_eq!(f.actions.iter().next().unwrap().owner, "B. Jones");
    }
}

#[test]
fn of_two_copies_updated_the_same_day_the_winning_copys_follow_up_is_kept() {
    let base = plr(7, date(2022, 7, 5), Grade::Good);
    let day = date(2022, 7, 20);
    let moderators = PlrFacts {
        actions: Box::new([transferred("a1", day, "Moderator's note")]),
        ..moderated(base.clone())
    };
    let managers = PlrFacts {
        updated_at: base.updated_at + chrono::Duration::days(20),
        actions: Box::new([ActionFacts {
            updated_on: Some(day),
            progress_note: "Manager's note".into(),
            ..action("a1", ActionStatus::Open)
        }]),
        ..base.clone()
    };
    // A third copy, unmoderated and older, updated the same day: it loses to both.
    let third = PlrFacts {
        updated_at: base.updated_at + chrono::Duration::days(1),
        source: "third.json".into(),
        actions: Box::new([ActionFacts {
            updated_on: Some(day),
            progress_note: "Third copy's note".into(),
            ..action("a1", ActionStatus::Open)
        }]),
        ..base
    };
    for b in every_order(&[moderators.clone(), managers.clone(), third.clone()]) {
        assert_eq!(follow_up(&b)[0].4, "Moderator's note");
    }
    // Without the moderated copy, the latest saved of the two others wins the tie.
    for b in every_order(&[managers.clone(), third.clone()]) {
        assert_eq!(follow_up(&b)[0].4, "Manager's note");
    }
}

#[test]
fn the_sharing_record_comes_from_the_copy_that_has_it() {
    let base = plr(7, date(2022, 7, 5), Grade::Inadequate);
    let shared_at = "2022-07-05T15:00:00Z".parse().unwrap();
    // The moderator worked on a copy saved before the sharing was recorded.
    let moderators = moderated(base.clone());
    let shared = PlrFacts {
        updated_at: base.updated_at + chrono::Duration::hours(3),
        concern_shared_at: Some(shared_at),
        concern_shared_with: "D. Head".into(),
        ..base
    };
    for b in every_order(&[moderators.clone(), shared.clone()]) {
        let f = b.facts(&PlrId(uuid::Uuid::from_u128(7))).unwrap();
        assert!(f.moderation.is_some());
        assert_eq!(
            (f.concern_shared_at, f.concern_shared_with),
            (Some(shared_at), "D. Head")
        );
    }
}
