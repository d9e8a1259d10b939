//! The action tracker's rows, order, filters and CSV; the periods and teams present.

use super::*;
use plr_core::model::{ActionKind, ActionStatus, Grade};

fn action(owner: &str, kind: ActionKind, due: NaiveDate, done: Option<NaiveDate>) -> ActionFacts {
    ActionFacts {
        kind: Some(kind),
        owner: owner.into(),
        description: format!("Do it, {owner}").into(),
        progress_note: "".into(),
        due_on: Some(due),
        completed_on: done,
        transferred_on: None,
        updated_on: None,
        status: status_when(done),
        ..ActionFacts::default()
    }
}

/// `action`, with a follow-up recorded on `on`.
fn updated(action: ActionFacts, on: NaiveDate) -> ActionFacts {
    ActionFacts {
        updated_on: Some(on),
        progress_note: "Seen at the core group".into(),
        ..action
    }
}

/// July 2022's snapshot options, actions judged as of `as_of`.
fn july(as_of: NaiveDate) -> Options {
    options("2022-07", as_of)
}

fn loaded() -> SnapshotBuilder {
    let mut a = plr(1, date(2022, 7, 5), Grade::Good);
    a.actions = Box::new([
        updated(
            action("Ann", ActionKind::CarePlanning, date(2022, 7, 20), None),
            date(2022, 7, 15),
        ),
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
        updated(
            action("=Eve", ActionKind::Other, date(2022, 8, 9), None),
            date(2022, 7, 20),
        ),
    ]);
    let mut draft = plr(3, date(2022, 7, 7), Grade::Good);
    draft.completed = false;
    draft.actions = Box::new([action("Dan", ActionKind::Other, date(2022, 7, 1), None)]);
    built(vec![a, b, draft])
}

#[test]
fn the_tracker_lists_completed_reviews_actions_overdue_first() {
    let rows = tracker_rows(&loaded(), &july(date(2022, 8, 1)));
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
    let mut rows = tracker_rows(&loaded(), &july(date(2022, 8, 1)));
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
    let rows = tracker_rows(&loaded(), &july(date(2022, 8, 1)));
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
    let rows = tracker_rows(&loaded(), &july(date(2022, 8, 1)));
    let csv = tracker_csv(&rows);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Case reference,Team,Type of action,What needs to happen,Who will do it,Due date,Status,Completed on,Outcome,Days overdue,Progress so far"
    );
    assert_eq!(
        lines[1],
        "LL-1,Stroud CP,Care planning,\"Do it, Ann\",Ann,2022-07-20,Open,,Overdue,12,Seen at the core group"
    );
    assert_eq!(
        lines[3],
        "LL-1,Stroud CP,Other,\"Do it, Bob\",Bob,2022-07-30,Completed,2022-07-29,On time,,"
    );
    assert_eq!(
        lines[4],
        "LL-2,Forest CIN,Other,\"Do it, =Eve\",'=Eve,2022-08-09,Open,,Not yet due,,Seen at the core group"
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

#[test]
fn the_tracker_follows_the_snapshots_period_team_and_legal_status() {
    let mut b = loaded();
    let mut june = plr(5, date(2022, 6, 30), Grade::Good);
    june.actions = Box::new([action("Fay", ActionKind::Other, date(2022, 7, 1), None)]);
    b.add_facts(june);
    let owners = |options: &Options| -> Vec<String> {
        let mut owners: Vec<String> = tracker_rows(&b, options)
            .into_iter()
            .map(|r| r.owner)
            .collect();
        owners.sort();
        owners
    };
    assert_eq!(
        owners(&july(date(2022, 8, 1))),
        ["=Eve", "Ann", "Bob", "ann"]
    );
    assert_eq!(owners(&options("2022-06", date(2022, 8, 1))), ["Fay"]);
    let forest = Options {
        team: Some("FOREST cin".into()),
        ..july(date(2022, 8, 1))
    };
    assert_eq!(owners(&forest), ["=Eve", "ann"]);
    let looked_after = Options {
        legal_status: Some(plr_core::model::LegalStatus::ChildInCare),
        ..july(date(2022, 8, 1))
    };
    assert_eq!(owners(&looked_after), Vec::<String>::new());
}

#[test]
fn the_summary_counts_each_teams_and_owners_actions_most_overdue_first() {
    let rows = tracker_rows(&loaded(), &july(date(2022, 8, 1)));
    let summary = tracker_summary(&rows, SummaryBy::Team);
    let counted: Vec<(&str, [u32; 6], u32)> = summary
        .iter()
        .map(|s| (s.name.as_str(), s.counts, s.total))
        .collect();
    // On time, late, overdue, not yet due, no update, service ended.
    assert_eq!(
        counted,
        [
            ("Stroud CP", [1, 0, 1, 0, 0, 0], 2),
            ("Forest CIN", [0, 0, 0, 1, 1, 0], 2)
        ]
    );
    let owners = tracker_summary(&rows, SummaryBy::Owner);
    let owners: Vec<(&str, [u32; 6])> =
        owners.iter().map(|s| (s.name.as_str(), s.counts)).collect();
    assert_eq!(
        owners,
        [
            ("Ann", [0, 0, 1, 0, 1, 0]),
            ("=Eve", [0, 0, 0, 1, 0, 0]),
            ("Bob", [1, 0, 0, 0, 0, 0])
        ]
    );
    assert_eq!(
        summary_csv(&summary, SummaryBy::Team),
        "Team,On time,Late,Overdue,Not yet due,No update,Service ended,All actions\n\
         Stroud CP,1,0,1,0,0,0,2\n\
         Forest CIN,0,0,0,1,1,0,2\n"
    );
}
