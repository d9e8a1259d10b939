//! The Ambassadors' measures and sample (`qa-month.md` §3).

use super::*;
use crate::snapshot::facts::AmbassadorsFacts;
use crate::snapshot::AmbassadorsSampleOptions;
use plr_core::model::Grade;

/// A completed PLR reviewed on `on`, of `team`, by `reviewer`, for `practitioner`.
fn of(id: u128, on: NaiveDate, team: &str, reviewer: &str, practitioner: &str) -> PlrFacts {
    PlrFacts {
        team: team.into(),
        reviewer: reviewer.into(),
        practitioner: practitioner.into(),
        ..plr(id, on, Grade::Good)
    }
}

fn reviewed(mut f: PlrFacts, on: NaiveDate, findings: [bool; 5]) -> PlrFacts {
    f.ambassadors = Some(AmbassadorsFacts {
        reviewed_on: on,
        findings,
    });
    f
}

#[test]
fn a_review_counts_in_the_month_the_ambassadors_reviewed_it_and_a_later_copy_keeps_it() {
    let june = date(2022, 6, 20);
    let july = date(2022, 7, 5);
    let a = reviewed(
        of(1, june, "A", "", ""),
        july,
        [true, true, false, false, true],
    );
    let b = reviewed(
        of(2, july, "B", "", ""),
        july,
        [true, false, false, true, true],
    );
    // Reviewed in June: June's, not July's.
    let c = reviewed(of(3, june, "B", "", ""), june, [false; 5]);
    // A later copy of `b` without the review (saved on another device) does not lose it.
    let mut copy = of(2, july, "B", "", "");
    copy.updated_at += chrono::Duration::days(3);
    let s = built(vec![a, b, c, copy]).finish(&options("2022-07", date(2022, 8, 10)));
    assert_eq!(
        measure(&s, MeasureKey::AmbassadorsReviewed),
        (2, None, None, None)
    );
    let shares: Vec<_> = MeasureKey::AMBASSADORS[1..]
        .iter()
        .map(|k| measure(&s, *k).2)
        .collect();
    assert_eq!(shares, [Some(100), Some(50), Some(0), Some(50), Some(100)]);
    let june = s.measures[&MeasureKey::AmbassadorsRelationship]
        .previous
        .clone()
        .unwrap();
    assert_eq!((june.numerator, june.denominator), (0, Some(1)));
}

#[test]
fn without_any_ambassadors_review_there_are_no_ambassadors_measures() {
    let s = built(vec![of(1, date(2022, 7, 1), "A", "", "")])
        .finish(&options("2022-07", date(2022, 8, 10)));
    assert!(MeasureKey::AMBASSADORS
        .iter()
        .all(|k| !s.measures.contains_key(k)));
}

/// Thirty July reviews over three teams, two already reviewed by the Ambassadors.
fn month() -> Vec<PlrFacts> {
    (0..30u128)
        .map(|n| {
            let team = ["Stroud CP", "Forest CiC", "Cheltenham CP"][n as usize % 3];
            let f = of(
                n + 1,
                date(2022, 7, 1 + (n as u32 % 28)),
                team,
                &format!("Auditor {}", n % 5),
                &format!("Worker {}", n % 7),
            );
            if n < 2 {
                reviewed(f, date(2022, 7, 29), [true; 5])
            } else {
                f
            }
        })
        .collect()
}

#[test]
fn the_sample_leaves_out_reviewed_reviews_and_excluded_teams_and_people_and_is_the_same_for_a_seed()
{
    let options = options("2022-07", date(2022, 8, 10));
    let how = AmbassadorsSampleOptions {
        excluded_teams: vec![" forest cic ".into()],
        excluded_people: vec!["AUDITOR 1".into(), "Worker 2".into()],
        ..AmbassadorsSampleOptions::default()
    };
    let builder = built(month());
    let sample = builder.ambassadors_sample(&options, how.clone());
    assert_eq!(sample.chosen.len(), 10);
    assert_eq!(sample.not_reviewed, 28);
    for f in &sample.chosen {
        assert!(f.ambassadors.is_none());
        assert_ne!(f.team, "Forest CiC");
        assert_ne!(f.reviewer, "Auditor 1");
        assert_ne!(f.practitioner, "Worker 2");
    }
    // Spread across the two teams left: five each.
    let stroud = sample
        .chosen
        .iter()
        .filter(|f| f.team == "Stroud CP")
        .count();
    assert_eq!(stroud, 5);
    // The same files in another order, the same seed: the same sample.
    let mut reversed = month();
    reversed.reverse();
    let again = built(reversed);
    let ids = |s: &crate::snapshot::AmbassadorsSample<'_>| {
        s.chosen.iter().map(|f| f.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&again.ambassadors_sample(&options, how.clone())),
        ids(&sample)
    );
    let other = builder.ambassadors_sample(&options, AmbassadorsSampleOptions { seed: 2, ..how });
    assert_ne!(ids(&other), ids(&sample));
}

#[test]
fn each_finding_measure_is_named_after_its_key_in_the_export() {
    let keys: Vec<String> = MeasureKey::AMBASSADORS[1..]
        .iter()
        .map(|k| k.key())
        .collect();
    let expected: Vec<String> = plr_core::ambassadors::FINDINGS
        .iter()
        .map(|f| format!("ambassadors_{}", f.key))
        .collect();
    assert_eq!(keys, expected);
    assert_eq!(
        MeasureKey::AmbassadorsReviewed.key(),
        "ambassadors_reviewed"
    );
}

#[test]
fn a_quarter_shows_its_own_three_months_and_the_three_before_a_month_its_own_and_three() {
    let a = reviewed(
        of(1, date(2022, 5, 10), "A", "", ""),
        date(2022, 5, 20),
        [true; 5],
    );
    let b = reviewed(
        of(2, date(2022, 8, 3), "B", "", ""),
        date(2022, 8, 25),
        [false; 5],
    );
    let months = |period| {
        let s = built(vec![a.clone(), b.clone()]).finish(&options(period, date(2022, 10, 10)));
        crate::snapshot::ambassadors_months(&s)
            .iter()
            .map(|m| {
                let reviewed = m.measures.get(&MeasureKey::AmbassadorsReviewed);
                (m.period.clone(), reviewed.map_or(0, |r| r.numerator))
            })
            .collect::<Vec<_>>()
    };
    let month = |p: &str, n| (p.to_string(), n);
    assert_eq!(
        months("Q2 22/23"),
        [
            month("2022-04", 0),
            month("2022-05", 1),
            month("2022-06", 0),
            month("2022-07", 0),
            month("2022-08", 1),
            month("2022-09", 0),
        ]
    );
    assert_eq!(
        months("2022-08"),
        [
            month("2022-05", 1),
            month("2022-06", 0),
            month("2022-07", 0),
            month("2022-08", 1),
        ]
    );
}
