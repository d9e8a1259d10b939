//! Another framework file, with other statements, points and thresholds, works unchanged.

use chrono::DateTime;
use plr_core::grading::suggest_grade;
use plr_core::{Framework, Grade, Plr, PlrId, Rating, RuleName};

#[test]
fn a_second_framework_grades_by_its_own_points_and_bands() {
    let mini = Framework::from_json(include_str!("fixtures/mini-framework.json")).unwrap();
    assert_eq!(mini.statement_count(), 3);
    let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), DateTime::UNIX_EPOCH, &mini);
    assert_eq!(plr.sections.len(), 2);

    // 3 + 1 of 6 points in Safety = 66.7%: good by this framework's 60% threshold.
    plr.sections[0].items[0].rating = Some(Rating::Met);
    plr.sections[0].items[1].rating = Some(Rating::PartlyMet);
    plr.sections[1].items[0].rating = Some(Rating::Met);
    let s = suggest_grade(&mini, &plr.sections, false);
    assert_eq!((s.points, s.maximum, s.grade), (7, 9, Some(Grade::Good)));

    // Voice not met: 4 of 9 = 44% (requires improvement), Voice inadequate caps it lower.
    plr.sections[1].items[0].rating = Some(Rating::NotMet);
    let s = suggest_grade(&mini, &plr.sections, false);
    assert_eq!(s.grade, Some(Grade::RequiresImprovementLow));
    assert_eq!(
        s.rules,
        [RuleName::Score, RuleName::LimitedByInadequateArea]
    );

    // This framework has no immediate-concern rule.
    let s = suggest_grade(&mini, &plr.sections, true);
    assert_eq!(
        s.rules,
        [RuleName::Score, RuleName::LimitedByInadequateArea]
    );
}
