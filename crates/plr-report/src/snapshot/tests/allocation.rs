//! The allocation file read, and the allocation's measures and nil returns (`qa-month.md` §1).

use std::sync::Arc;

use super::*;
use plr_core::model::Grade;

const HEADER: &str = "month,auditor,team,head_of_service,state,plr_id\n";

fn read(text: &str) -> Allocation {
    Allocation::read(text.as_bytes())
}

/// Each problem as the command line prints it (after the file name).
fn problems(a: &Allocation) -> Vec<String> {
    a.problems.iter().map(|p| p.to_string()).collect()
}

/// A completed PLR by `reviewer` of `team` reviewed on `on`.
fn by(id: u128, reviewer: &str, team: &str, on: NaiveDate) -> PlrFacts {
    PlrFacts {
        reviewer: reviewer.into(),
        team: team.into(),
        ..plr(id, on, Grade::Good)
    }
}

fn with(allocation: &str, period: &str) -> Options {
    Options {
        allocation: Some(Arc::new(read(allocation))),
        ..options(period, date(2022, 8, 10))
    }
}

fn numbers(s: &Snapshot) -> Vec<(String, u32, Option<u32>)> {
    MeasureKey::ALLOCATION
        .iter()
        .map(|k| {
            let m = &s.measures[k];
            (k.key(), m.numerator, m.denominator)
        })
        .collect()
}

#[test]
fn each_bad_row_is_named_by_line_and_column_and_the_rest_load() {
    let text = format!(
        "{HEADER}\
2022-07,A. Patel,Stroud,P. Singh,allocated,\n\
2022-07,B. Jones,Stroud,P. Singh,on leave,\n\
2022-13,C. Okafor,Stroud,P. Singh,allocated,\n\
July,D. Smith,Stroud,P. Singh,allocated,\n\
2022-07, a. patel ,Gloucester,D. Head,allocated,\n\
2022-07,E. Williams,,D. Head,allocated,\n\
2022-07,F. Nowak,Forest,D. Head,allocated,not-an-id\n\
,,,,,\n\
2022-07,G. Brown,Forest,D. Head,Month Exemption,\n\
2022-08,A. Patel,Stroud,P. Singh,allocated,\n"
    );
    let a = read(&text);
    assert_eq!(
        problems(&a),
        [
            "line 3, column E (state): \"on leave\" is not a state: write allocated, standing_exemption, month_exemption or off_month",
            "line 4, column A (month): \"2022-13\" is not a month: write the month as 2022-07",
            "line 5, column A (month): \"July\" is not a month: write the month as 2022-07",
            "line 6, column B (auditor): \"a. patel\" is already listed for July 2022 on line 2: list each auditor once a month",
            "line 7, column C (team): is blank: write the team the audit is allocated from",
            "line 8, column F (plr_id): \"not-an-id\" is not a PLR id: copy the id from the export (like 0f8fad5b-d9cb-469f-a165-70867728950e), or leave it blank",
        ]
    );
    let loaded: Vec<(u64, &str, AllocationState)> = a
        .rows
        .iter()
        .map(|r| (r.line, r.auditor.as_str(), r.state))
        .collect();
    assert_eq!(
        loaded,
        [
            (2, "A. Patel", AllocationState::Allocated),
            (10, "G. Brown", AllocationState::MonthExemption),
            (11, "A. Patel", AllocationState::Allocated),
        ]
    );
}

#[test]
fn a_missing_column_is_one_problem_for_the_file() {
    let a = read("Month,Auditor,Head of Service,State\n2022-07,A. Patel,P. Singh,allocated\n");
    assert_eq!(
        problems(&a),
        ["line 1, column team: the column team is missing: add it to the first line (the columns are month, auditor, team, head_of_service, state and plr_id)"]
    );
    assert_eq!(a.rows, []);
    // plr_id may be left out; columns may come in any order, headed in words.
    let a = read(
        "State,Head of Service,Team,Auditor,Month\nallocated,P. Singh,Stroud,A. Patel,2022-07\n",
    );
    assert_eq!((a.problems.len(), a.rows.len()), (0, 1));
    assert_eq!(a.rows[0].head_of_service, "P. Singh");
    assert_eq!(read("").problems[0].line, 1);
}

#[test]
fn a_byte_order_mark_and_quoted_fields_with_commas_are_read() {
    let text = format!(
        "\u{feff}{HEADER}\
2022-07,\"Patel, A.\",\"Children in Care, North\",\"Singh, P.\",allocated,\n\
2022-07,\"B.\nJones\",Stroud,P. Singh,allocated,\n\
2022-07,C. Okafor,Stroud,P. Singh,off_mnth,\n"
    );
    let a = read(&text);
    assert_eq!(a.rows[0].auditor, "Patel, A.");
    assert_eq!(a.rows[0].team, "Children in Care, North");
    assert_eq!(a.rows[0].head_of_service, "Singh, P.");
    assert_eq!(a.rows[1].auditor, "B.\nJones");
    // The quoted line break makes the next row start on line 5.
    assert_eq!(a.problems[0].line, 5);
    assert_eq!(a.problems[0].column, Some(AllocationColumn::State));
}

#[test]
fn the_funnel_keeps_month_exemptions_in_the_denominator() {
    let allocation = format!(
        "{HEADER}\
2022-07,A. Patel,Stroud,P. Singh,allocated,\n\
2022-07,B. Jones,Stroud,P. Singh,allocated,\n\
2022-07,C. Okafor,Gloucester,D. Head,allocated,\n\
2022-07,D. Smith,Gloucester,D. Head,month_exemption,\n\
2022-07,E. Williams,Forest,D. Head,standing_exemption,\n\
2022-07,F. Nowak,Cotswolds,D. Head,off_month,\n"
    );
    let plrs = vec![
        // Matched ignoring case and spaces.
        by(1, "  a.  PATEL ", "Stroud", date(2022, 7, 4)),
        by(2, "b. jones", "stroud ", date(2022, 7, 5)),
        // A month exemption's review does not count as submitted.
        by(3, "D. Smith", "Gloucester", date(2022, 7, 6)),
        // Reviewed in June: not this month's.
        by(4, "C. Okafor", "Forest", date(2022, 6, 30)),
    ];
    let s = built(plrs).finish(&with(&allocation, "2022-07"));
    let n = |k: &str, a: u32, b: Option<u32>| (k.to_string(), a, b);
    assert_eq!(
        numbers(&s),
        [
            n("auditors_listed", 6, None),
            n("auditors_available", 5, None),
            n("audits_allocated", 4, None),
            n("month_exemptions", 1, None),
            n("audits_submitted", 2, None),
            n("audits_not_submitted", 1, None),
            n("audit_completion_rate", 2, Some(4)),
            n("teams_listed", 4, None),
            n("teams_not_audited", 2, Some(4)),
            n("teams_audited_0", 1, Some(4)),
            n("teams_audited_1", 2, Some(4)),
            n("teams_audited_2_or_more", 1, Some(4)),
        ]
    );
    let rate = &s.measures[&MeasureKey::AuditCompletionRate];
    assert_eq!((rate.percent, rate.rag), (Some(50), Some(Rag::Red)));
    assert_eq!(rate.target, Some(Target::at_least(90)));
    assert_eq!(s.allocated, Some(4));
    let text = to_text(&s);
    assert!(
        text.contains(
            "Audit completion rate                          50% (2 of 4)     target at least 90%"
        ),
        "{text}"
    );
    let csv = to_csv(&s);
    assert!(
        csv.contains("\naudit_completion_rate,2,4,50,>= 90,red\n"),
        "{csv}"
    );
    assert!(csv.contains("\nteams_audited_0,1,4,25,,\n"), "{csv}");
}

#[test]
fn a_named_plr_is_matched_by_id_whoever_reviewed_it() {
    let id = uuid::Uuid::from_u128(7);
    let allocation = format!(
        "{HEADER}\
2022-07,A. Patel,Stroud,P. Singh,allocated,{id}\n\
2022-07,B. Jones,Stroud,P. Singh,allocated,00000000-0000-0000-0000-000000000009\n"
    );
    let plrs = vec![
        by(7, "Dr Anita Patel", "Stroud", date(2022, 7, 4)),
        // B. Jones reviewed one, but not the one allocated (9 is not loaded).
        by(8, "B. Jones", "Stroud", date(2022, 7, 4)),
    ];
    let b = built(plrs);
    let options = with(&allocation, "2022-07");
    let s = b.finish(&options);
    assert_eq!(measure(&s, MeasureKey::AuditsSubmitted).0, 1);
    let nil = nil_returns(&b, &options);
    assert_eq!(nil.len(), 1);
    assert_eq!(nil.groups[0].returns[0].auditor, "B. Jones");
}

#[test]
fn a_quarter_sums_its_months_and_teams_count_over_three_months() {
    let allocation = format!(
        "{HEADER}\
2022-07,A. Patel,Stroud,P. Singh,allocated,\n\
2022-07,B. Jones,Forest,P. Singh,allocated,\n\
2022-08,A. Patel,Stroud,P. Singh,allocated,\n\
2022-08,B. Jones,Forest,P. Singh,month_exemption,\n\
2022-09,A. Patel,Stroud,P. Singh,allocated,\n"
    );
    let plrs = vec![
        by(1, "A. Patel", "Stroud", date(2022, 7, 4)),
        by(2, "B. Jones", "Forest", date(2022, 5, 4)),
        by(3, "B. Jones", "Forest", date(2022, 6, 4)),
        by(4, "A. Patel", "Stroud", date(2022, 9, 4)),
    ];
    let b = built(plrs);
    let s = b.finish(&with(&allocation, "Q2 22/23"));
    let n = |k: &str, a: u32, b: Option<u32>| (k.to_string(), a, b);
    // July: 2 allocated, 1 submitted; Stroud audited, Forest not (but twice in May and June).
    // August: 2 allocated (1 exempted), none submitted; neither team audited; Stroud once and
    // Forest once (June) in June to August. September: 1 allocated and submitted; Stroud
    // audited twice in July to September.
    assert_eq!(
        numbers(&s),
        [
            n("auditors_listed", 5, None),
            n("auditors_available", 5, None),
            n("audits_allocated", 5, None),
            n("month_exemptions", 1, None),
            n("audits_submitted", 2, None),
            n("audits_not_submitted", 2, None),
            n("audit_completion_rate", 2, Some(5)),
            n("teams_listed", 5, None),
            n("teams_not_audited", 3, Some(5)),
            n("teams_audited_0", 0, Some(5)),
            n("teams_audited_1", 3, Some(5)),
            n("teams_audited_2_or_more", 2, Some(5)),
        ]
    );
    // Each month of the trend carries its own; June, with no rows, none.
    let july = &s.by_month[0].measures[&MeasureKey::AuditCompletionRate];
    assert_eq!((july.numerator, july.denominator), (1, Some(2)));
    let june = b.finish(&with(&allocation, "2022-07"));
    let rate = &june.measures[&MeasureKey::AuditCompletionRate];
    assert_eq!(rate.previous, None, "no rows for June: no comparison");
    let august = b.finish(&with(&allocation, "2022-08"));
    let rate = &august.measures[&MeasureKey::AuditCompletionRate];
    let previous = rate.previous.as_ref().unwrap();
    assert_eq!(
        (previous.period.as_str(), previous.percent),
        ("2022-07", Some(50))
    );
}

#[test]
fn an_allocation_wins_over_a_number_allocated_and_none_adds_nothing() {
    let allocation = format!("{HEADER}2022-07,A. Patel,Stroud,P. Singh,allocated,\n");
    let b = built(vec![
        by(1, "X. Other", "Stroud", date(2022, 7, 4)),
        by(2, "Y. Other", "Stroud", date(2022, 7, 5)),
    ]);
    let both = Options {
        allocated: Some(2),
        ..with(&allocation, "2022-07")
    };
    let s = b.finish(&both);
    assert_eq!(measure(&s, MeasureKey::AuditCompletionRate).0, 0);
    assert_eq!(s.allocated, Some(1));
    let number = b.finish(&Options {
        allocated: Some(2),
        ..options("2022-07", date(2022, 8, 10))
    });
    assert_eq!(
        measure(&number, MeasureKey::AuditCompletionRate),
        (2, Some(2), Some(100), Some(Rag::Green))
    );
    assert!(!number.measures.contains_key(&MeasureKey::AuditsAllocated));
    assert!(!to_text(&number).contains("Allocation and representation"));
}

#[test]
fn nil_returns_are_grouped_by_head_of_service_as_rows_and_csv() {
    let allocation = format!(
        "{HEADER}\
2022-07,A. Patel,Stroud,P. Singh,allocated,\n\
2022-07,C. Okafor,Gloucester,d. head,allocated,\n\
2022-07,B. Jones,\"Forest, Dean\",D. Head,allocated,\n\
2022-07,D. Smith,Stroud,P. Singh,month_exemption,\n\
2022-07,E. Williams,Stroud,P. Singh,allocated,\n"
    );
    let b = built(vec![by(1, "E. Williams", "Stroud", date(2022, 7, 4))]);
    let july = with(&allocation, "2022-07");
    let nil = nil_returns(&b, &july);
    assert_eq!(
        nil_returns_csv(&nil),
        "Head of Service,Month,Auditor,Team,Allocated review\n\
d. head,July 2022,B. Jones,\"Forest, Dean\",\n\
d. head,July 2022,C. Okafor,Gloucester,\n\
P. Singh,July 2022,A. Patel,Stroud,\n"
    );
    assert_eq!(
        nil_returns_text(&nil),
        "Nil returns for July 2022: 3 allocated audits not submitted\n\
\n\
d. head (2)\n  July 2022: B. Jones, Forest, Dean\n  July 2022: C. Okafor, Gloucester\n\
\n\
P. Singh (1)\n  July 2022: A. Patel, Stroud\n"
    );
    // The team filter keeps that team's rows.
    let stroud = Options {
        team: Some(" stroud".into()),
        ..july.clone()
    };
    assert_eq!(nil_returns(&b, &stroud).len(), 1);
    let s = b.finish(&stroud);
    assert_eq!(measure(&s, MeasureKey::AuditsAllocated).0, 3);
    // Without an allocation, none.
    assert!(nil_returns(&b, &options("2022-07", date(2022, 8, 10))).is_empty());
}
