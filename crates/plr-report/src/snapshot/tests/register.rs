//! The Case of Concern register: who is tracked as of a day, and copies that keep every update.

use super::*;
use plr_core::concern::RaisedBy;
use plr_core::model::{ConcernOutcome, Grade};

fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().unwrap()
}

fn update(on: NaiveDate, outcome: ConcernOutcome) -> UpdateFacts {
    UpdateFacts {
        on,
        by: "P. Singh".into(),
        child_safe: true,
        plan_in_place: outcome == ConcernOutcome::Resolved,
        outcome,
    }
}

/// A completed review raised as a Case of Concern at `raised` (by `by`), reviewed that day.
fn raised(id: u128, raised: &str, by: RaisedBy, updates: Vec<UpdateFacts>) -> PlrFacts {
    let at = at(raised);
    PlrFacts {
        raised: Some((at, by)),
        share_by: Some(at + chrono::Duration::hours(24)),
        concern_updates: updates.into(),
        ..plr(id, at.date_naive(), Grade::Inadequate)
    }
}

fn loaded() -> SnapshotBuilder {
    built(vec![
        // Raised in May 2021, never updated: still tracked 14 months on.
        raised(
            1,
            "2021-05-10T10:00:00Z",
            RaisedBy::CompletedInadequate,
            vec![],
        ),
        // Raised in July, shared in time, updated in July: tracked, no update due.
        PlrFacts {
            concern_shared_with: "D. Head".into(),
            concern_shared_at: Some(at("2022-07-05T12:00:00Z")),
            ..raised(
                2,
                "2022-07-05T09:00:00Z",
                RaisedBy::ImmediateConcern,
                vec![update(
                    date(2022, 7, 20),
                    ConcernOutcome::ContinuingOversight,
                )],
            )
        },
        // Resolved in July.
        raised(
            3,
            "2022-06-01T09:00:00Z",
            RaisedBy::ModeratedInadequate,
            vec![
                update(date(2022, 6, 10), ConcernOutcome::FurtherReview),
                update(date(2022, 7, 15), ConcernOutcome::Resolved),
            ],
        ),
        // Resolved before July: never listed for July.
        raised(
            4,
            "2022-03-01T09:00:00Z",
            RaisedBy::CompletedInadequate,
            vec![update(date(2022, 4, 1), ConcernOutcome::Resolved)],
        ),
        // Raised after July's last day.
        raised(
            5,
            "2022-08-05T09:00:00Z",
            RaisedBy::ImmediateConcern,
            vec![],
        ),
        // Never raised.
        plr(6, date(2022, 7, 6), Grade::Good),
    ])
}

fn listed(register: &Register) -> Vec<(&str, u32, bool, Option<NaiveDate>)> {
    register
        .entries
        .iter()
        .map(|e| {
            (
                e.child_ref.as_str(),
                e.months_open,
                e.update_due,
                e.resolved_on,
            )
        })
        .collect()
}

#[test]
fn the_register_tracks_every_concern_raised_by_e_and_not_yet_resolved_whatever_its_month() {
    let july = options("2022-07", date(2022, 8, 10));
    let r = register(&loaded(), &july, false);
    // E is the earlier of the as-of date and the period's last day.
    assert_eq!(r.as_of, date(2022, 7, 31));
    assert_eq!(
        listed(&r),
        [("LL-1", 14, true, None), ("LL-2", 0, false, None)]
    );
    let second = &r.entries[1];
    assert_eq!(second.shared_in_time, Some(true));
    assert_eq!(
        second.latest_update.as_ref().map(|u| u.on),
        Some(date(2022, 7, 20))
    );
    // With the resolved ones of the period.
    let r = register(&loaded(), &july, true);
    assert_eq!(
        listed(&r),
        [
            ("LL-1", 14, true, None),
            ("LL-3", 1, false, Some(date(2022, 7, 15))),
            ("LL-2", 0, false, None)
        ]
    );
    // As it stood on 14 July: LL-3 not yet resolved, its latest update June's.
    let mid_july = options("2022-07", date(2022, 7, 14));
    let r = register(&loaded(), &mid_july, false);
    let third = r.entries.iter().find(|e| e.child_ref == "LL-3").unwrap();
    assert_eq!((third.resolved_on, third.update_due), (None, true));
    assert_eq!(
        third.latest_update.as_ref().map(|u| u.outcome),
        Some(ConcernOutcome::FurtherReview)
    );
}

#[test]
fn copies_of_one_review_keep_every_head_of_service_update() {
    // The moderated copy wins the content, but the later copy's update is not lost.
    let moderated = PlrFacts {
        moderation: Some(ModerationFacts {
            grade: Grade::Inadequate,
            effect: ModerationEffect::Agreed,
        }),
        ..raised(
            7,
            "2022-07-01T09:00:00Z",
            RaisedBy::CompletedInadequate,
            vec![update(date(2022, 7, 2), ConcernOutcome::FurtherReview)],
        )
    };
    let updated = PlrFacts {
        updated_at: at("2022-07-30T09:00:00Z"),
        source: "later.json".into(),
        ..raised(
            7,
            "2022-07-01T09:00:00Z",
            RaisedBy::CompletedInadequate,
            vec![
                update(date(2022, 7, 2), ConcernOutcome::FurtherReview),
                update(date(2022, 7, 28), ConcernOutcome::ContinuingOversight),
            ],
        )
    };
    for copies in [
        vec![moderated.clone(), updated.clone()],
        vec![updated, moderated],
    ] {
        let b = built(copies);
        let f = b.facts(&PlrId(uuid::Uuid::from_u128(7))).unwrap();
        assert!(f.moderation.is_some());
        let days: Vec<NaiveDate> = f.concern_updates.iter().map(|u| u.on).collect();
        assert_eq!(days, [date(2022, 7, 2), date(2022, 7, 28)]);
    }
}

#[test]
fn the_register_follows_the_team_filter_and_writes_csv_in_words() {
    let mut b = loaded();
    b.add_facts(PlrFacts {
        team: "Forest CIN".into(),
        ..raised(
            8,
            "2022-07-09T09:00:00Z",
            RaisedBy::ImmediateConcern,
            vec![],
        )
    });
    let forest = Options {
        team: Some("forest cin".into()),
        ..options("2022-07", date(2022, 7, 31))
    };
    let r = register(&b, &forest, false);
    assert_eq!(listed(&r), [("LL-8", 0, true, None)]);
    let csv = register_csv(&r);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], REGISTER_CSV_HEADER);
    assert_eq!(
        lines[1],
        "LL-8,Forest CIN,Child protection,2022-07-09,Immediate concern,2022-07-09 09:00,2022-07-10 09:00,,,,,,,,,,0,Yes"
    );
}

#[test]
fn the_register_sorts_and_names_its_heads_of_service_and_marks_long_open_concerns() {
    let july = options("2022-07", date(2022, 8, 10));
    let mut r = register(&loaded(), &july, true);
    assert_eq!(heads_of_service(&r), ["D. Head", "P. Singh"]);
    assert!(r.entries[0].open_over_12_months());
    assert!(!r.entries[2].open_over_12_months());
    let involving: Vec<&str> = r
        .entries
        .iter()
        .filter(|e| e.involves(" d. HEAD"))
        .map(|e| e.child_ref.as_str())
        .collect();
    assert_eq!(involving, ["LL-2"]);
    sort_register(&mut r.entries, RegisterColumn::MonthsOpen, true);
    let order: Vec<&str> = r.entries.iter().map(|e| e.child_ref.as_str()).collect();
    assert_eq!(order, ["LL-1", "LL-3", "LL-2"]);
    sort_register(&mut r.entries, RegisterColumn::LatestUpdate, false);
    let order: Vec<&str> = r.entries.iter().map(|e| e.child_ref.as_str()).collect();
    assert_eq!(order, ["LL-1", "LL-3", "LL-2"]);
}

#[test]
fn the_registers_measures_are_read_as_of_e() {
    let s = loaded().finish(&options("2022-07", date(2022, 8, 10)));
    let count = |key| measure(&s, key).0;
    assert_eq!(count(MeasureKey::ConcernsRaised), 1);
    assert_eq!(
        measure(&s, MeasureKey::ConcernsSharedInTime),
        (1, Some(1), Some(100), None)
    );
    assert_eq!(count(MeasureKey::ConcernsTracked), 2);
    assert_eq!(count(MeasureKey::ConcernsOpenOver12Months), 1);
    assert_eq!(count(MeasureKey::ConcernUpdates), 2);
    assert_eq!(count(MeasureKey::ConcernsResolved), 1);
    assert_eq!(count(MeasureKey::ConcernsContinuing), 1);
    assert_eq!(count(MeasureKey::ConcernsWithoutUpdate), 1);
    assert_eq!(
        MeasureKey::ConcernsOpenOver12Months.key(),
        "concerns_open_over_12_months"
    );
}
