//! Issue #24's check: seed 003's July 2022 batch, exported and imported back, gives exactly
//! the follow-through figures of `followthrough.md`'s table, and its register the 53 tracked
//! Cases of Concern; and issue #26's: with its allocation file, `qa-month.md`'s allocation
//! figures (53 allocated, 10 month exemptions, 36 submitted, 7 not: 68%; 16 of 44 teams not
//! audited).

use chrono::NaiveDate;
use plr_core::export::export_json;
use plr_core::import::import;
use plr_report::generate::seed_003;
use std::sync::Arc;

use plr_core::Framework;
use plr_report::snapshot::{
    nil_returns, nil_returns_csv, register, Allocation, MeasureKey, Options, Period, Rag,
    SnapshotBuilder,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `followthrough.md`'s table for seed 003, July 2022 as of 10 August 2022: (key, numerator,
/// denominator); counts have no denominator.
const EXPECTED: [(MeasureKey, u32, Option<u32>); 20] = {
    use MeasureKey::*;
    [
        (PlrsInWindow, 119, None),
        (CarePlanningPlrs, 86, None),
        (CarePlanningTransferredOnTime, 4, Some(86)),
        (CarePlanningTransferredLate, 7, Some(86)),
        (CarePlanningNoUpdate, 47, Some(86)),
        (CarePlanningNotYetTransferred, 28, Some(86)),
        (OtherActionsCompletedOnTime, 53, Some(236)),
        (OtherActionsCompletedLate, 28, Some(236)),
        (OtherActionsOverdue, 59, Some(236)),
        (OtherActionsNotYetDue, 8, Some(236)),
        (OtherActionsNoUpdate, 88, Some(236)),
        (CarePlanningBacklog, 123, None),
        (OtherActionsBacklog, 169, None),
        (ServiceEnded, 10, None),
        (ConcernsRaised, 3, None),
        (ConcernsTracked, 53, None),
        (ConcernsOpenOver12Months, 7, None),
        (ConcernUpdates, 4, None),
        (ConcernsResolved, 2, None),
        (ConcernsContinuing, 2, None),
    ]
};

/// The percents the spec gives for the shares, in the table's order.
const PERCENTS: [(MeasureKey, u32); 9] = {
    use MeasureKey::*;
    [
        (CarePlanningTransferredOnTime, 5),
        (CarePlanningTransferredLate, 8),
        (CarePlanningNoUpdate, 55),
        (CarePlanningNotYetTransferred, 33),
        (OtherActionsCompletedOnTime, 22),
        (OtherActionsCompletedLate, 12),
        (OtherActionsOverdue, 25),
        (OtherActionsNotYetDue, 3),
        (OtherActionsNoUpdate, 37),
    ]
};

/// The batch as export files, imported back (without a warning) into a builder.
fn builder() -> SnapshotBuilder {
    let framework = Framework::practice_fundamentals();
    let mut builder = SnapshotBuilder::new();
    for (n, plr) in seed_003::july_2022().iter().enumerate() {
        let file = export_json(plr, framework).unwrap();
        let imported = import(file.as_bytes()).unwrap();
        assert_eq!(imported.warnings, [], "export {n} imports without warnings");
        builder.add(&imported.plr, &format!("{n}.json"));
    }
    builder
}

fn july_as_of_10_august() -> Options {
    Options {
        period: Some(Period::parse("2022-07").unwrap()),
        ..Options::new(date(2022, 8, 10))
    }
}

#[test]
fn seed_003_july_2022_gives_the_reported_follow_through_figures() {
    let builder = builder();
    assert_eq!(
        builder.duplicates_merged(),
        1,
        "one review comes as two copies"
    );
    let snapshot = builder.finish(&july_as_of_10_august());
    let m = &snapshot.measures;
    let got: Vec<_> = EXPECTED
        .iter()
        .map(|(key, _, _)| (*key, m[key].numerator, m[key].denominator))
        .collect();
    assert_eq!(got, EXPECTED);
    for (key, percent) in PERCENTS {
        assert_eq!(m[&key].percent, Some(percent), "{key:?}");
    }
    // The two the spec leaves open follow from the batch: July's three concerns, two shared
    // in time; the tracked ones raised before July with no update in it.
    let shared = &m[&MeasureKey::ConcernsSharedInTime];
    assert_eq!((shared.numerator, shared.denominator), (2, Some(3)));
    assert_eq!(m[&MeasureKey::ConcernsWithoutUpdate].numerator, 48);
}

#[test]
fn seed_003_july_2022_register_tracks_53_cases_7_of_them_over_12_months() {
    let builder = builder();
    let register = register(&builder, &july_as_of_10_august(), false);
    assert_eq!(register.as_of, date(2022, 7, 31), "read as of E");
    assert_eq!(register.entries.len(), 53);
    let over_12 = register.entries.iter().filter(|e| e.over_12_months).count();
    assert_eq!(over_12, 7);
    // The review present as two copies keeps the moderation of one and the update of the
    // other.
    let copied = register
        .entries
        .iter()
        .find(|e| e.latest_update.as_ref().map(|u| u.on) == Some(date(2022, 7, 14)))
        .expect("the copied review keeps its update");
    assert_eq!(copied.review_date, Some(date(2022, 5, 18)));
    assert!(builder.facts(&copied.id).unwrap().moderation.is_some());
    // With those resolved in July: two more.
    let with_resolved = plr_report::snapshot::register(&builder, &july_as_of_10_august(), true);
    assert_eq!(with_resolved.entries.len(), 55);
}

#[test]
fn seed_003_july_2022_is_dated_consistently_and_nothing_after_10_august() {
    use plr_core::concern::raised;
    use plr_core::{ActionStatus, Status};
    let d = date(2022, 8, 10);
    let plrs = seed_003::july_2022();
    assert_eq!(plrs.len(), 282);
    let mut teams = std::collections::BTreeSet::new();
    let mut legal = std::collections::BTreeSet::new();
    let mut why = std::collections::BTreeSet::new();
    for plr in &plrs {
        let review = plr.review.date.unwrap();
        assert_eq!(plr.status, Status::Completed);
        assert_eq!(plr.completed_at.unwrap().date_naive(), review);
        assert!(plr.updated_at.date_naive() <= d);
        teams.insert(plr.case.team.trim().to_lowercase());
        legal.insert(plr.case.legal_status);
        if let Some(m) = &plr.moderation {
            assert!(m.moderated_at.date_naive() > review && m.moderated_at.date_naive() <= d);
        }
        if let Some((at, by)) = raised(plr) {
            why.insert(by);
            assert!(!plr.actions.is_empty(), "a Case of Concern has an action");
            assert!(at.date_naive() >= date(2021, 3, 1) && at.date_naive() <= d);
        }
        if let Some(shared) = plr.judgement.concern_shared_at {
            assert!(shared.date_naive() <= d);
        }
        for u in &plr.concern_updates {
            assert!(u.on <= d);
        }
        for a in &plr.actions {
            assert!(a.due_on.unwrap() > review, "due after the review: {a:?}");
            if let Some(closed) = a.closed_on() {
                assert!(closed > review && closed <= d, "{a:?}");
            }
            if let Some(updated) = a.updated_on {
                assert!(updated >= review && updated <= d, "{a:?}");
            }
            assert_eq!(
                a.updated_on.is_none(),
                a.status == ActionStatus::Open && a.progress_note.is_empty(),
                "an update is recorded exactly when something changed: {a:?}"
            );
        }
    }
    assert!(teams.len() >= 10, "{teams:?}");
    assert!(legal.len() >= 6, "{legal:?}");
    assert_eq!(
        why.len(),
        3,
        "raised by a flag, a completion and a moderation"
    );
}

fn with_allocation() -> Options {
    let allocation = Allocation::read(seed_003::july_2022_allocation().as_bytes());
    assert_eq!(
        allocation.problems,
        [],
        "the allocation reads without a problem"
    );
    assert_eq!(allocation.rows.len(), 62);
    Options {
        allocation: Some(Arc::new(allocation)),
        ..july_as_of_10_august()
    }
}

/// `qa-month.md`'s figures for seed 003, July 2022, and those the batch's allocation gives
/// beside them: (key, numerator, denominator).
const ALLOCATION: [(MeasureKey, u32, Option<u32>); 12] = {
    use MeasureKey::*;
    [
        (AuditorsListed, 62, None),
        (AuditorsAvailable, 57, None),
        (AuditsAllocated, 53, None),
        (MonthExemptions, 10, None),
        (AuditsSubmitted, 36, None),
        (AuditsNotSubmitted, 7, None),
        (AuditCompletionRate, 36, Some(53)),
        (TeamsListed, 44, None),
        (TeamsNotAudited, 16, Some(44)),
        (TeamsAudited0, 16, Some(44)),
        (TeamsAudited1, 16, Some(44)),
        (TeamsAudited2OrMore, 12, Some(44)),
    ]
};

#[test]
fn seed_003_july_2022_with_its_allocation_gives_the_reported_allocation_figures() {
    let builder = builder();
    let options = with_allocation();
    let snapshot = builder.finish(&options);
    let m = &snapshot.measures;
    let got: Vec<_> = MeasureKey::ALLOCATION
        .iter()
        .map(|key| (*key, m[key].numerator, m[key].denominator))
        .collect();
    assert_eq!(got, ALLOCATION);
    let rate = &m[&MeasureKey::AuditCompletionRate];
    assert_eq!((rate.percent, rate.rag), (Some(68), Some(Rag::Red)));
    assert_eq!(m[&MeasureKey::TeamsNotAudited].percent, Some(36));
    assert_eq!(snapshot.allocated, Some(53));
    assert_eq!(snapshot.plrs, 37, "July's reviews");
    // The follow-through figures do not move.
    let followed: Vec<_> = EXPECTED
        .iter()
        .map(|(key, _, _)| (*key, m[key].numerator, m[key].denominator))
        .collect();
    assert_eq!(followed, EXPECTED);
    // The 7 nil returns, by Head of Service (teams 28 to 34 of the allocation).
    let nil = nil_returns(&builder, &options);
    let groups: Vec<(&str, usize)> = nil
        .groups
        .iter()
        .map(|g| (g.head_of_service.as_str(), g.returns.len()))
        .collect();
    assert_eq!(
        groups,
        [
            ("D. Head", 2),
            ("M. Clarke", 1),
            ("P. Singh", 2),
            ("R. Osei", 2)
        ]
    );
    assert_eq!(nil.period, "July 2022");
    assert_eq!(
        nil_returns_csv(&nil),
        "Head of Service,Month,Auditor,Team,Allocated review
D. Head,July 2022,L. Green,Youth Support North,
D. Head,July 2022,P. Kaur,Disabled Children East,
M. Clarke,July 2022,N. Iqbal,\"Court and Proceedings, Edge of Care\",
P. Singh,July 2022,K. Fisher,Leaving Care West,
P. Singh,July 2022,O. Johnson,Family Group Conferences,
R. Osei,July 2022,M. Hughes,Youth Support South,
R. Osei,July 2022,Q. Lewis,Disabled Children West,
"
    );
}

#[test]
fn seed_003_july_2022_auditors_are_matched_by_name_or_by_the_allocated_review() {
    let plrs = seed_003::july_2022();
    let july: Vec<_> = plrs
        .iter()
        .filter(|p| p.review.date.unwrap() >= date(2022, 7, 1))
        .collect();
    assert_eq!(july.len(), 37);
    let names: std::collections::BTreeSet<&str> = july
        .iter()
        .map(|p| p.review.reviewer.name.as_str())
        .collect();
    assert_eq!(names.len(), 36, "one auditor did two");
    assert!(names.contains("  F.  FISHER "), "{names:?}");
    assert!(names.contains("Hannah Hughes-Reid"), "{names:?}");
    let named = july
        .iter()
        .find(|p| p.review.reviewer.name == "Hannah Hughes-Reid")
        .unwrap();
    let allocation = seed_003::july_2022_allocation();
    assert!(allocation.starts_with('\u{feff}'), "saved as CSV UTF-8");
    assert!(
        allocation.contains(&format!(
            "\n2022-07,H. Hughes,Children in Care South,M. Clarke,allocated,{}\n",
            named.id
        )),
        "{allocation}"
    );
}

/// `qa-month.md` §3: seed 003's July 2022 Ambassadors' figures, each finding's June figure
/// beside it as the previous period, and the three previous months in the rolling trend (May's
/// and April's as the seed gives them).
#[test]
fn seed_003_july_2022_gives_the_ambassadors_figures_with_the_three_months_before() {
    let snapshot = builder().finish(&july_as_of_10_august());
    let m = &snapshot.measures;
    let reviewed = &m[&MeasureKey::AmbassadorsReviewed];
    assert_eq!((reviewed.numerator, reviewed.denominator), (10, None));
    let [_, findings @ ..] = MeasureKey::AMBASSADORS;
    let july: Vec<_> = findings.iter().map(|k| m[k].percent).collect();
    assert_eq!(july, [80, 90, 70, 60, 70].map(Some));
    let june: Vec<_> = findings
        .iter()
        .map(|k| m[k].previous.as_ref().and_then(|p| p.percent))
        .collect();
    assert_eq!(june, [70, 50, 70, 40, 50].map(Some));
    let month = |label: &str| {
        let p = snapshot
            .trend_by_month
            .iter()
            .find(|p| p.period == label)
            .unwrap();
        let reviewed = p.measures[&MeasureKey::AmbassadorsReviewed].numerator;
        let shares: Vec<_> = findings
            .iter()
            .map(|k| p.measures[k].percent.unwrap())
            .collect();
        (reviewed, shares)
    };
    assert_eq!(month("2022-06"), (10, vec![70, 50, 70, 40, 50]));
    assert_eq!(month("2022-05"), (8, vec![63, 50, 63, 75, 50]));
    assert_eq!(month("2022-04"), (10, vec![30, 60, 50, 50, 70]));
    // A month with no Ambassadors' review has no share, not 0%.
    let march = &snapshot
        .trend_by_month
        .iter()
        .find(|p| p.period == "2022-03")
        .unwrap();
    assert_eq!(
        march.measures[&MeasureKey::AmbassadorsRelationship].percent,
        None
    );
    // Recording them moved no other figure.
    let followed: Vec<_> = EXPECTED
        .iter()
        .map(|(key, _, _)| (*key, m[key].numerator, m[key].denominator))
        .collect();
    assert_eq!(followed, EXPECTED);
}

/// Seed 003's Table 1 (the moderator effect) as the batch gives it, February to July 2022: the
/// month; the reviews moderated, of them upgraded and downgraded, the reviews identified as
/// inadequate by moderators and those reported inadequate; and the percents the CLI prints. July
/// is the seed's (3%, 49%, 100%); the months before give what their reviews can
/// (`seed_003::july_2022`'s `TABLE_1`: the seed's 3/33/67, 5/18/100, 2/37/67, 0/25/100,
/// 0/23/71).
const TABLE_1: [(&str, [u32; 5], [u32; 3]); 6] = [
    ("2022-02", [9, 0, 3, 3, 5], [0, 33, 60]),
    ("2022-03", [13, 1, 4, 4, 4], [8, 31, 100]),
    ("2022-04", [8, 0, 3, 3, 5], [0, 38, 60]),
    ("2022-05", [40, 0, 10, 5, 6], [0, 25, 83]),
    ("2022-06", [35, 0, 8, 3, 4], [0, 23, 75]),
    ("2022-07", [35, 1, 17, 3, 3], [3, 49, 100]),
];

#[test]
fn seed_003_july_2022_gives_table_1_the_moderator_effect_month_by_month() {
    use plr_report::snapshot::moderator_effect;
    let builder = builder();
    let options = july_as_of_10_august();
    let effect = moderator_effect(&builder, &options);
    let got: Vec<_> = effect
        .months
        .iter()
        .map(|m| {
            let percent = |p: Option<u32>| p.unwrap();
            (
                m.month.as_str(),
                [
                    m.moderated,
                    m.upgraded.numerator,
                    m.downgraded.numerator,
                    m.inadequate_identified.numerator,
                    m.inadequate_identified.denominator.unwrap(),
                ],
                [
                    percent(m.upgraded.percent),
                    percent(m.downgraded.percent),
                    percent(m.inadequate_identified.percent),
                ],
            )
        })
        .collect();
    assert_eq!(got, TABLE_1);
    // The snapshot's own measures for July agree.
    let snapshot = builder.finish(&options);
    let m = &snapshot.measures;
    let share = |key: MeasureKey| (m[&key].numerator, m[&key].denominator, m[&key].percent);
    assert_eq!(
        share(MeasureKey::ModerationUpgraded),
        (1, Some(35), Some(3))
    );
    assert_eq!(
        share(MeasureKey::ModerationDowngraded),
        (17, Some(35), Some(49))
    );
    assert_eq!(
        share(MeasureKey::InadequateIdentifiedByModerators),
        (3, Some(3), Some(100))
    );
    // A moderator who changed a grade changed the reviewer's: each month's reported grades
    // (outstanding, good, requires improvement in both bands, its lower end, inadequate) are
    // the batch's own.
    let grades = |label: &str| {
        let p = snapshot
            .trend_by_month
            .iter()
            .find(|p| p.period == label)
            .unwrap();
        [
            MeasureKey::Outstanding,
            MeasureKey::Good,
            MeasureKey::RequiresImprovement,
            MeasureKey::LowerEndRequiresImprovement,
            MeasureKey::Inadequate,
        ]
        .map(|key| p.measures[&key].numerator)
    };
    assert_eq!(grades("2022-02"), [0, 4, 4, 1, 5]);
    assert_eq!(grades("2022-03"), [1, 2, 6, 2, 4]);
    assert_eq!(grades("2022-04"), [1, 3, 3, 1, 5]);
    assert_eq!(grades("2022-05"), [3, 11, 22, 7, 6]);
    assert_eq!(grades("2022-06"), [4, 11, 21, 7, 4]);
    assert_eq!(grades("2022-07"), [3, 10, 21, 7, 3]);
}
