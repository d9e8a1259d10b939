//! De-duplication, team spellings and direction of travel.

use super::*;

#[test]
fn duplicates_keep_the_moderated_copy_else_the_latest_whatever_the_order() {
    let older = plr(7, date(2022, 7, 5), Grade::Good);
    let mut newer = older.clone();
    newer.updated_at += chrono::Duration::hours(1);
    newer.reported = Some(Grade::Inadequate);
    newer.final_grade = Some(Grade::Inadequate);
    let mut moderated = older.clone();
    moderated.reported = Some(Grade::Outstanding);
    moderated.moderation = Some(ModerationFacts {
        grade: Grade::Outstanding,
        effect: ModerationEffect::Upgraded,
    });
    let mut draft = plr(8, date(2022, 7, 6), Grade::Good);
    draft.completed = false;
    // A draft of another month is not this month's.
    let mut next_month_draft = plr(9, date(2022, 8, 1), Grade::Good);
    next_month_draft.completed = false;
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]] {
        let copies = [&older, &newer, &moderated];
        let s = built(
            order
                .iter()
                .map(|&i| copies[i].clone())
                .chain([draft.clone(), next_month_draft.clone()])
                .collect(),
        )
        .finish(&options("2022-07", date(2022, 8, 1)));
        assert_eq!((s.plrs, s.duplicates_merged, s.drafts_ignored), (1, 2, 1));
        assert_eq!(measure(&s, MeasureKey::Outstanding).0, 1, "{order:?}");
    }
    let s = built(vec![newer.clone(), older.clone()]).finish(&options("2022-07", date(2022, 8, 1)));
    assert_eq!(measure(&s, MeasureKey::Inadequate).0, 1);
}

#[test]
fn team_spellings_merge_and_the_most_common_is_shown() {
    let mut plrs: Vec<PlrFacts> = (0..5)
        .map(|i| plr(i, date(2022, 7, 5), Grade::Good))
        .collect();
    plrs[3].team = "stroud cp ".into();
    plrs[4].team = "Cheltenham".into();
    let s = built(plrs).finish(&Options {
        team: Some(" STROUD cp".into()),
        ..options("2022-07", date(2022, 8, 1))
    });
    assert_eq!(s.plrs, 4);
    assert_eq!(s.by_team.len(), 1);
    assert_eq!(
        (s.by_team[0].team.as_str(), s.by_team[0].plrs),
        ("Stroud CP", 4)
    );
    assert_eq!(
        s.teams_merged,
        [MergedTeam {
            team: "Stroud CP".into(),
            spellings: vec!["Stroud CP".into(), "stroud cp".into()]
        }]
    );
    assert!(to_text(&s).contains("Team \"Stroud CP\" also written as: \"stroud cp\""));
}

#[test]
fn direction_of_travel_is_against_the_previous_period_of_the_same_kind() {
    let mut plrs = vec![
        plr(1, date(2022, 6, 30), Grade::Good),
        plr(2, date(2022, 6, 1), Grade::Inadequate),
    ];
    plrs.extend((3..8).map(|i| plr(i, date(2022, 7, 1), Grade::RequiresImprovement)));
    let b = built(plrs);
    let s = b.finish(&Options::new(date(2022, 8, 1)));
    assert_eq!(
        (s.period.as_str(), s.previous_period.as_str()),
        ("2022-07", "2022-06")
    );
    let previous = s.measures[&MeasureKey::GoodOrBetter]
        .previous
        .clone()
        .unwrap();
    assert_eq!(
        (previous.percent, previous.direction),
        (Some(50), Some(Direction::Fell))
    );
    let audits = s.measures[&MeasureKey::AuditsCompleted]
        .previous
        .clone()
        .unwrap();
    assert_eq!(
        (audits.numerator, audits.direction),
        (2, Some(Direction::Rose))
    );
    assert!(
        to_text(&s).contains("fell from 50% in June 2022"),
        "{}",
        to_text(&s)
    );
    let quarter = b.finish(&options("Q2 22/23", date(2022, 10, 1)));
    assert_eq!(quarter.previous_period, "Q1 22/23");
    assert_eq!(
        quarter.measures[&MeasureKey::AuditsCompleted].target,
        Some(Target::at_least(135))
    );
    let year = b.finish(&options("2022/23", date(2023, 4, 1)));
    assert_eq!(
        year.by_quarter
            .as_ref()
            .map(|q| q.iter().map(|q| q.plrs).collect::<Vec<_>>()),
        Some(vec![2, 5, 0, 0])
    );
    assert_eq!(year.by_month.len(), 12);
}
