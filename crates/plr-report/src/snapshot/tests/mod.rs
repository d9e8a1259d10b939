//! Unit tests of the snapshot: measures here, grouping (de-duplication, teams, periods,
//! sample) in `grouping.rs`.

mod allocation;
mod ambassadors;
mod copies;
mod grouping;
mod register;
mod sample;
mod tracker;
mod window;

use chrono::NaiveDate;

use super::*;
use plr_core::model::{ActionStatus, Feedback, Grade, ModerationEffect, ViewsOutcome};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A completed PLR reviewed on `on`, graded `grade`, everyone involved, nothing else.
pub(super) fn plr(id: u128, on: NaiveDate, grade: Grade) -> PlrFacts {
    PlrFacts {
        id: PlrId(uuid::Uuid::from_u128(id)),
        updated_at: on.and_hms_opt(12, 0, 0).unwrap().and_utc(),
        source: format!("{id}.json").into(),
        completed: true,
        date: Some(on),
        child_ref: format!("LL-{id}").into(),
        team: "Stroud CP".into(),
        reviewer: "".into(),
        practitioner: "".into(),
        legal_status: Some(LegalStatus::ChildProtection),
        child_aged_4_or_over: false,
        iro_allocated: false,
        reported: Some(grade),
        final_grade: Some(grade),
        moderation: None,
        immediate_concern: false,
        raised: None,
        concern_shared_at: None,
        concern_shared_with: "".into(),
        share_by: None,
        social_worker: true,
        team_manager: true,
        iro_involved: false,
        child: ViewsFacts::default(),
        family: ViewsFacts::default(),
        ambassadors: None,
        actions: Box::new([]),
        areas: AreaBands::default(),
        concern_updates: Box::new([]),
    }
}

pub(super) fn options(period: &str, as_of: NaiveDate) -> Options {
    Options {
        period: Some(Period::parse(period).unwrap()),
        ..Options::new(as_of)
    }
}

pub(super) fn measure(
    s: &Snapshot,
    key: MeasureKey,
) -> (u32, Option<u32>, Option<u32>, Option<Rag>) {
    let m = &s.measures[&key];
    (m.numerator, m.denominator, m.percent, m.rag)
}

pub(super) fn built(plrs: Vec<PlrFacts>) -> SnapshotBuilder {
    let mut b = SnapshotBuilder::new();
    for f in plrs {
        b.add_facts(f);
    }
    b
}

#[test]
fn an_empty_period_has_zero_denominators_shown_as_null() {
    let s = built(vec![]).finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(s.plrs, 0);
    assert_eq!(
        measure(&s, MeasureKey::GoodOrBetter),
        (0, Some(0), None, None)
    );
    assert_eq!(
        measure(&s, MeasureKey::IroOrCpChairInvolved),
        (0, Some(0), None, None)
    );
    assert_eq!(
        measure(&s, MeasureKey::AuditsCompleted),
        (0, None, None, Some(Rag::Red))
    );
    assert_eq!(
        s.measures[&MeasureKey::AuditsCompleted].target,
        Some(Target::at_least(45))
    );
    assert!(!s.measures.contains_key(&MeasureKey::AuditCompletionRate));
    let csv = to_csv(&s);
    assert!(csv.contains("\ngood_or_better,0,0,,>= 50,\n"), "{csv}");
    assert!(to_text(&s).contains("Good or better"));
}

#[test]
fn grade_shares_round_half_up_and_rate_against_targets() {
    // 8 PLRs: 1 outstanding (12.5% -> 13), 3 good, 3 RI of which 1 lower end, 1 inadequate.
    use Grade::*;
    let grades = [
        Outstanding,
        Good,
        Good,
        Good,
        RequiresImprovement,
        RequiresImprovement,
        RequiresImprovementLow,
        Inadequate,
    ];
    let plrs = grades
        .iter()
        .enumerate()
        .map(|(i, g)| plr(i as u128, date(2022, 7, 1 + i as u32), *g))
        .collect();
    let s = built(plrs).finish(&Options {
        allocated: Some(10),
        ..options("2022-07", date(2022, 8, 1))
    });
    assert_eq!(
        measure(&s, MeasureKey::Outstanding),
        (1, Some(8), Some(13), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::RequiresImprovement),
        (3, Some(8), Some(38), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::LowerEndRequiresImprovement),
        (1, Some(8), Some(13), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::GoodOrBetter),
        (4, Some(8), Some(50), Some(Rag::Green))
    );
    assert_eq!(
        measure(&s, MeasureKey::Inadequate),
        (1, Some(8), Some(13), Some(Rag::Amber))
    );
    assert_eq!(
        measure(&s, MeasureKey::WeakerPractice),
        (2, Some(8), Some(25), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::AuditCompletionRate),
        (8, Some(10), Some(80), Some(Rag::Amber))
    );
    assert_eq!(
        measure(&s, MeasureKey::CasesOfConcern),
        (1, None, None, None)
    );
    assert_eq!(s.concerns.len(), 1);
}

#[test]
fn participation_and_views_count_out_of_the_right_plrs() {
    let mut plrs: Vec<PlrFacts> = (0..40)
        .map(|i| plr(i, date(2022, 7, 4), Grade::Good))
        .collect();
    for (i, f) in plrs.iter_mut().enumerate() {
        f.social_worker = i != 0;
        f.iro_allocated = i < 8;
        f.iro_involved = i < 7;
        f.child_aged_4_or_over = i < 10;
        f.child.outcome = Some(match i {
            0..=3 => ViewsOutcome::Obtained,
            4 | 5 => ViewsOutcome::Inappropriate,
            6 => ViewsOutcome::Unreachable,
            _ => ViewsOutcome::Declined,
        });
        f.child.feedback = (i < 4).then_some(if i == 0 {
            Feedback::Mixed
        } else {
            Feedback::Positive
        });
        f.family.outcome = Some(if i < 23 {
            ViewsOutcome::Obtained
        } else {
            ViewsOutcome::Unreachable
        });
    }
    let s = built(plrs).finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(
        measure(&s, MeasureKey::SocialWorkerInvolved),
        (39, Some(40), Some(98), Some(Rag::Green))
    );
    assert_eq!(
        measure(&s, MeasureKey::IroOrCpChairInvolved),
        (7, Some(8), Some(88), Some(Rag::Amber))
    );
    // Views of under-4s are not asked: 4 of the 10 aged 4+.
    assert_eq!(
        measure(&s, MeasureKey::ChildViewsObtained),
        (4, Some(10), Some(40), Some(Rag::Red))
    );
    assert_eq!(
        measure(&s, MeasureKey::ChildViewsNotObtainedInappropriate),
        (2, Some(6), Some(33), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::ChildViewsNotObtainedDeclined),
        (3, Some(6), Some(50), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::ChildFeedbackPositive),
        (3, Some(4), Some(75), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::FamilyFeedbackPositive),
        (0, Some(0), None, None)
    );
    // 23 of 40 = 57.5% -> 58.
    assert_eq!(
        measure(&s, MeasureKey::FamilyViewsObtained),
        (23, Some(40), Some(58), Some(Rag::Red))
    );
    assert_eq!(
        measure(&s, MeasureKey::FamilyViewsNotObtainedUnreachable),
        (17, Some(17), Some(100), None)
    );
}

#[test]
fn moderation_measures_use_the_moderated_grade() {
    let moderated = |id, final_grade, grade| {
        let mut f = plr(id, date(2022, 7, 5), final_grade);
        f.reported = Some(grade);
        f.moderation = Some(ModerationFacts {
            grade,
            effect: plr_core::moderation::moderation_effect(final_grade, grade),
        });
        f
    };
    let s = built(vec![
        moderated(1, Grade::Good, Grade::Inadequate),
        moderated(2, Grade::Inadequate, Grade::Inadequate),
        moderated(3, Grade::RequiresImprovement, Grade::Good),
        moderated(4, Grade::Good, Grade::Good),
        plr(5, date(2022, 7, 6), Grade::Good),
        // Reported inadequate by its reviewer, never moderated: counted in the denominator.
        plr(6, date(2022, 7, 7), Grade::Inadequate),
    ])
    .finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(
        measure(&s, MeasureKey::ModerationDowngraded),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::ModerationUpgraded),
        (1, Some(4), Some(25), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::ModerationAgreed),
        (2, Some(4), Some(50), None)
    );
    assert_eq!(
        measure(&s, MeasureKey::InadequateIdentifiedByModerators),
        (1, Some(3), Some(33), None)
    );
    assert_eq!(measure(&s, MeasureKey::Inadequate).0, 3);
    // The reviewer's "good" moderated to inadequate is a Case of Concern (and so is the one
    // its reviewer graded inadequate).
    assert_eq!(
        s.concerns
            .iter()
            .map(|c| c.child_ref.as_str())
            .collect::<Vec<_>>(),
        ["LL-1", "LL-2", "LL-6"]
    );
    assert_eq!(
        ModerationEffect::Agreed,
        plr_core::moderation::moderation_effect(
            Grade::RequiresImprovementLow,
            Grade::RequiresImprovement
        )
    );
}

/// An action's status: completed when it has a completion date, else open.
pub(super) fn status_when(done: Option<NaiveDate>) -> ActionStatus {
    if done.is_none() {
        ActionStatus::Open
    } else {
        ActionStatus::Completed
    }
}

#[test]
fn actions_are_judged_against_the_as_of_date() {
    let action = |due: NaiveDate, done: Option<NaiveDate>| ActionFacts {
        due_on: Some(due),
        completed_on: done,
        status: status_when(done),
        ..ActionFacts::default()
    };
    let mut f = plr(1, date(2022, 7, 5), Grade::Good);
    f.actions = Box::new([
        action(date(2022, 7, 20), Some(date(2022, 7, 20))), // on time (on the day)
        action(date(2022, 7, 20), Some(date(2022, 7, 21))), // late
        action(date(2022, 7, 31), None),                    // overdue
        action(date(2022, 8, 1), None), // due on the as-of date: not yet overdue
        action(date(2022, 8, 2), Some(date(2022, 7, 30))), // not due yet: not counted
    ]);
    let s = built(vec![f]).finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(
        measure(&s, MeasureKey::ActionsCompletedOnTime),
        (1, Some(4), Some(25), Some(Rag::Red))
    );
    assert_eq!(
        measure(&s, MeasureKey::ActionsOverdue),
        (1, Some(4), Some(25), None)
    );
}

#[test]
fn a_transfer_by_its_due_day_counts_on_time_and_an_ended_service_is_set_aside() {
    let mut f = plr(1, date(2022, 7, 5), Grade::Good);
    let due = Some(date(2022, 7, 20));
    f.actions = Box::new([
        // Transferred into the child's plan on its due day: on time.
        ActionFacts {
            due_on: due,
            status: ActionStatus::Transferred,
            transferred_on: due,
            ..ActionFacts::default()
        },
        // A day late: due, not on time.
        ActionFacts {
            due_on: due,
            status: ActionStatus::Transferred,
            transferred_on: Some(date(2022, 7, 21)),
            ..ActionFacts::default()
        },
        // Open past its due date: overdue.
        ActionFacts {
            due_on: due,
            ..ActionFacts::default()
        },
        // The service ended: not counted at all.
        ActionFacts {
            due_on: due,
            status: ActionStatus::ServiceEnded,
            ..ActionFacts::default()
        },
    ]);
    let s = built(vec![f]).finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(
        measure(&s, MeasureKey::ActionsCompletedOnTime),
        (1, Some(3), Some(33), Some(Rag::Red))
    );
    assert_eq!(
        measure(&s, MeasureKey::ActionsOverdue),
        (1, Some(3), Some(33), None)
    );
}

#[test]
fn actions_are_judged_as_of_today_or_the_last_day_of_a_period_that_has_ended() {
    let b = built(vec![plr(1, date(2022, 7, 10), Grade::Good)]);
    let today = date(2026, 12, 6);
    let month = |text| Some(Period::parse(text).unwrap());
    // The latest month in the data (July 2022) has ended: its last day.
    assert_eq!(b.as_of(None, None, today), date(2022, 7, 31));
    assert_eq!(b.as_of(month("Q2-22/23"), None, today), date(2022, 9, 30));
    // A period still running: today.
    assert_eq!(b.as_of(month("2026-12"), None, today), today);
    assert_eq!(b.as_of(month("2026/27"), None, today), today);
    // A date chosen stands, whatever the period.
    assert_eq!(
        b.as_of(month("2022-07"), Some(date(2022, 8, 10)), today),
        date(2022, 8, 10)
    );
    // Nothing loaded: this month, so today.
    assert_eq!(SnapshotBuilder::new().as_of(None, None, today), today);
}

#[test]
fn a_concern_upgraded_by_a_moderator_is_still_listed_with_its_history_and_sharing() {
    use plr_core::concern::RaisedBy;
    let at = |text: &str| text.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    let upgraded = PlrFacts {
        final_grade: Some(Grade::Inadequate),
        reported: Some(Grade::RequiresImprovementLow),
        moderation: Some(ModerationFacts {
            grade: Grade::RequiresImprovementLow,
            effect: ModerationEffect::Upgraded,
        }),
        raised: Some((at("2022-07-11T10:00:00Z"), RaisedBy::CompletedInadequate)),
        share_by: Some(at("2022-07-12T10:00:00Z")),
        concern_shared_with: "P. Singh".into(),
        concern_shared_at: Some(at("2022-07-11T15:00:00Z")),
        ..plr(1, date(2022, 7, 10), Grade::RequiresImprovementLow)
    };
    let never = plr(2, date(2022, 7, 12), Grade::Good);
    let s = built(vec![upgraded, never]).finish(&options("2022-07", date(2022, 7, 31)));
    let listed: Vec<_> = s
        .concerns
        .iter()
        .map(|c| {
            (
                c.child_ref.as_str(),
                c.final_grade,
                c.reported_grade,
                c.raised_by,
                c.shared_with.as_str(),
                c.shared_at,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [(
            "LL-1",
            Some(Grade::Inadequate),
            Some(Grade::RequiresImprovementLow),
            Some(RaisedBy::CompletedInadequate),
            "P. Singh",
            Some(at("2022-07-11T15:00:00Z"))
        )]
    );
}
