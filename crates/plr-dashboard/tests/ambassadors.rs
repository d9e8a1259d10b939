//! The Ambassadors' review in the dashboard: the table's columns are the period and the months
//! beside it (a month's three before it, a quarter's own three and the three before), a row per measure with its finding's question; the exclusions are read one
//! a line or separated by commas; a missing answer is named against its question.

#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use plr_core::ambassadors::FINDINGS;
use plr_core::model::AmbassadorsReview;
use plr_dashboard::ambassadors::{answered, exclusions, review_table};
use plr_report::generate::Generator;
use plr_report::snapshot::{Options, Period, SnapshotBuilder};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, m, d).unwrap()
}

/// Completed reviews of April to July 2022; four reviewed by the Ambassadors in July (the
/// relationship good in three) and two in June (in one).
fn builder() -> SnapshotBuilder {
    let generator = Generator {
        from: day(4, 1),
        to: day(7, 31),
        drafts: false,
        ..Generator::new(9)
    };
    let mut builder = SnapshotBuilder::new();
    let (mut july, mut june) = (0, 0);
    for i in 0..120 {
        let mut plr = generator.plr(i);
        let on = plr.completed_at.unwrap().date_naive();
        let n = match on.format("%m").to_string().as_str() {
            "07" if july < 4 => {
                july += 1;
                july
            }
            "06" if june < 2 => {
                june += 1;
                june
            }
            _ => 0,
        };
        if n > 0 {
            plr.ambassadors_review = Some(AmbassadorsReview {
                reviewed_on: on,
                by: "J. Okafor".into(),
                relationship: n != 2,
                child_focused_summary: true,
                childs_views: false,
                about_the_child: true,
                language_and_decisions: true,
                comments: String::new(),
            });
        }
        builder.add(&plr, &format!("{i}.json"));
    }
    assert_eq!((july, june), (4, 2));
    builder
}

#[wasm_bindgen_test]
fn the_table_has_the_period_and_the_three_months_before_it_a_row_per_finding() {
    let options = Options {
        period: Some(Period::parse("2022-07").unwrap()),
        ..Options::new(day(7, 31))
    };
    let (columns, rows) = review_table(&builder().finish(&options)).unwrap();
    assert_eq!(
        columns,
        ["July 2022", "June 2022", "May 2022", "April 2022"]
    );
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let shorts: Vec<&str> = FINDINGS.iter().map(|f| f.short).collect();
    assert_eq!(names[0], "Reviews the Ambassadors reviewed");
    assert_eq!(names[1..], shorts);
    assert_eq!(rows[0].question, None);
    assert_eq!(rows[3].question, Some(FINDINGS[2].question));
    assert_eq!(rows[0].key, "ambassadors_reviewed");
    assert_eq!(rows[0].values, ["4", "2", "0", "0"]);
    assert_eq!(
        rows[1].values,
        ["75% (3 of 4)", "50% (1 of 2)", "– (0 of 0)", "– (0 of 0)"]
    );
    assert_eq!(rows[3].values[0], "0% (0 of 4)");
}

#[wasm_bindgen_test]
fn a_quarter_has_its_own_months_and_the_three_before_it_beside_it() {
    let options = Options {
        period: Some(Period::parse("Q2 22/23").unwrap()),
        ..Options::new(day(9, 30))
    };
    let (columns, rows) = review_table(&builder().finish(&options)).unwrap();
    assert_eq!(
        columns,
        [
            "Q2 22/23",
            "September 2022",
            "August 2022",
            "July 2022",
            "June 2022",
            "May 2022",
            "April 2022"
        ]
    );
    assert_eq!(rows[0].values, ["4", "0", "0", "4", "2", "0", "0"]);
}

#[wasm_bindgen_test]
fn no_table_when_no_review_has_an_ambassadors_review() {
    let generator = Generator {
        drafts: false,
        ..Generator::new(4)
    };
    let mut builder = SnapshotBuilder::new();
    builder.add(&generator.plr(0), "0.json");
    assert_eq!(
        review_table(&builder.finish(&Options::new(day(7, 31)))),
        None
    );
}

#[wasm_bindgen_test]
fn exclusions_are_one_a_line_or_separated_by_commas() {
    assert_eq!(
        exclusions(" Kinship Care,\nStroud Safeguarding , \n\nA. Name\n"),
        ["Kinship Care", "Stroud Safeguarding", "A. Name"]
    );
    assert!(exclusions(" \n , ").is_empty());
}

#[wasm_bindgen_test]
fn an_ambassadors_review_names_each_missing_answer_against_its_question() {
    let problems = answered(
        "",
        " ".into(),
        [Some(true), None, Some(false), None, None],
        String::new(),
    )
    .unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            "ambassadors-on",
            "ambassadors-by",
            "child_focused_summary",
            "about_the_child",
            "language_and_decisions"
        ]
    );
    assert_eq!(
        problems[2].1,
        format!("Select yes or no: {}", FINDINGS[1].question)
    );
    let review = answered(
        "2022-07-29",
        "J. Okafor".into(),
        [Some(true), Some(false), Some(true), Some(false), Some(true)],
        "Warm.".into(),
    )
    .unwrap();
    assert_eq!(review.reviewed_on, day(7, 29));
    assert_eq!(
        plr_core::ambassadors::answers(&review),
        [true, false, true, false, true]
    );
    assert_eq!(
        answered(
            "2022-02-30",
            "J. Okafor".into(),
            [Some(true); 5],
            String::new()
        )
        .unwrap_err(),
        [(
            "ambassadors-on",
            "Enter the date of the Ambassadors' review as a real date".to_string()
        )]
    );
}
