//! The action tracker's rows, order, filters and CSV; the periods and teams present.

use super::*;
use crate::model::{ActionKind, ActionStatus, Grade};

fn action(owner: &str, kind: ActionKind, due: NaiveDate, done: Option<NaiveDate>) -> ActionFacts {
    ActionFacts {
        kind: Some(kind),
        owner: owner.into(),
        description: format!("Do it, {owner}").into(),
        due_on: Some(due),
        completed_on: done,
        status: status_when(done),
    }
}

fn loaded() -> SnapshotBuilder {
    let mut a = plr(1, date(2022, 7, 5), Grade::Good);
    a.actions = Box::new([
        action("Ann", ActionKind::CarePlanning, date(2022, 7, 20), None),
        action(
            "Bob",
            ActionKind::Other,
            date(2022, 7, 30),
            Some(date(2022, 7, 29)),
        ),
    ]);
    let mut b = plr(2, date(2022, 7, 6), Grade::Inadequate);
    b.team = "Forest CIN ".into();
    b.actions = Box::new([
        action("ann", ActionKind::Other, date(2022, 7, 31), None),
        action("=Eve", ActionKind::Other, date(2022, 8, 9), None),
    ]);
    let mut draft = plr(3, date(2022, 7, 7), Grade::Good);
    draft.completed = false;
    draft.actions = Box::new([action("Dan", ActionKind::Other, date(2022, 7, 1), None)]);
    built(vec![a, b, draft])
}

#[test]
fn the_tracker_lists_completed_reviews_actions_overdue_first() {
    let rows = tracker_rows(&loaded(), date(2022, 8, 1));
    let listed: Vec<(&str, &str, Option<i64>)> = rows
        .iter()
        .map(|r| (r.case_ref.as_str(), r.owner.as_str(), r.days_overdue))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("LL-1", "Ann", Some(12)),
            ("LL-2", "ann", Some(1)),
            ("LL-1", "Bob", None),
            ("LL-2", "=Eve", None),
        ]
    );
    assert_eq!(rows[1].team, "Forest CIN");
    assert_eq!(rows[2].status, ActionStatus::Completed);
}

#[test]
fn choosing_a_column_sorts_by_it_and_choosing_it_again_reverses() {
    let mut rows = tracker_rows(&loaded(), date(2022, 8, 1));
    let sort = TrackerSort::default().choose(TrackerColumn::DueOn);
    assert!(!sort.descending);
    sort_rows(&mut rows, sort);
    let due: Vec<_> = rows.iter().filter_map(|r| r.due_on).collect();
    assert_eq!(
        due,
        vec![
            date(2022, 7, 20),
            date(2022, 7, 30),
            date(2022, 7, 31),
            date(2022, 8, 9)
        ]
    );
    sort_rows(&mut rows, sort.choose(TrackerColumn::DueOn));
    assert_eq!(rows[0].due_on, Some(date(2022, 8, 9)));
}

#[test]
fn filters_compare_names_ignoring_case_and_spaces() {
    let rows = tracker_rows(&loaded(), date(2022, 8, 1));
    let count = |f: TrackerFilter| rows.iter().filter(|r| f.keeps(r)).count();
    assert_eq!(count(TrackerFilter::default()), 4);
    let ann = || TrackerFilter {
        owner: Some(" ANN".into()),
        ..TrackerFilter::default()
    };
    assert_eq!(count(ann()), 2);
    assert_eq!(
        count(TrackerFilter {
            team: Some("forest cin".into()),
            ..ann()
        }),
        1
    );
    assert_eq!(
        count(TrackerFilter {
            kind: Some(ActionKind::Other),
            status: Some(ActionStatus::Open),
            ..TrackerFilter::default()
        }),
        2
    );
    assert_eq!(distinct(&rows, |r| &r.owner), vec!["=Eve", "Ann", "Bob"]);
}

#[test]
fn the_csv_quotes_fields_and_defuses_formulas() {
    let rows = tracker_rows(&loaded(), date(2022, 8, 1));
    let csv = tracker_csv(&rows);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "case_ref,team,kind,description,owner,due_on,status,days_overdue"
    );
    assert_eq!(
        lines[1],
        "LL-1,Stroud CP,Care planning,\"Do it, Ann\",Ann,2022-07-20,Open,12"
    );
    assert_eq!(
        lines[4],
        "LL-2,Forest CIN,Other,\"Do it, =Eve\",'=Eve,2022-08-09,Open,"
    );
}

#[test]
fn the_periods_and_teams_present_come_from_completed_reviews() {
    let mut c = plr(4, date(2022, 3, 31), Grade::Good);
    c.team = "forest cin".into();
    let mut b = loaded();
    b.add_facts(c);
    let periods: Vec<String> = b.periods_present().into_iter().map(Period::label).collect();
    assert_eq!(
        periods,
        vec!["2022-07", "2022-03", "Q2 22/23", "Q4 21/22", "2022/23", "2021/22"]
    );
    assert_eq!(b.teams_present(), vec!["Forest CIN", "Stroud CP"]);
}
