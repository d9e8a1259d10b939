//! Unit tests of `progress.rs`.

use super::*;
use crate::model::Rating;

#[test]
fn follow_case_adds_and_removes_the_child_question() {
    let mut p = Participation::default();
    assert!(p.follow_case(Some(true), None));
    assert_eq!(p.child, Some(Views::default()));
    assert!(
        !p.follow_case(Some(true), None),
        "nothing to change the second time"
    );
    assert!(p.follow_case(Some(false), None));
    assert_eq!(p.child, None);
}

#[test]
fn follow_case_clears_the_iro_answer_when_none_is_allocated() {
    let mut p = Participation {
        iro_or_cp_chair: Some(true),
        parent_carer: Some(Views::default()),
        ..Default::default()
    };
    assert!(!p.follow_case(None, Some(true)));
    assert_eq!(p.iro_or_cp_chair, Some(true));
    assert!(p.follow_case(None, Some(false)));
    assert_eq!(p.iro_or_cp_chair, None);
}

#[test]
fn follow_case_makes_room_for_the_parent_or_carer_answer_once() {
    let mut p = Participation::default();
    assert!(p.follow_case(None, None));
    assert_eq!(p.parent_carer, Some(Views::default()));
    p.parent_carer = Some(Views {
        views: Some(ViewsOutcome::Declined),
        ..Default::default()
    });
    assert!(!p.follow_case(None, None));
    assert_eq!(
        p.parent_carer.and_then(|v| v.views),
        Some(ViewsOutcome::Declined)
    );
}

#[test]
fn changing_the_outcome_drops_the_old_follow_up() {
    let mut v = Views {
        views: Some(ViewsOutcome::Unreachable),
        persistent_attempts: Some(true),
        feedback: Some(crate::model::Feedback::Positive),
        ..Default::default()
    };
    assert!(v.drop_unrelated_answers());
    assert_eq!(v.persistent_attempts, Some(true));
    assert_eq!(v.feedback, None);
    assert!(!v.drop_unrelated_answers());
}

#[test]
fn rated_count_counts_every_rating_including_not_applicable() {
    let framework = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(
        crate::model::PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        framework,
    );
    assert_eq!(
        rated_count(&plr.sections),
        RatedCount {
            rated: 0,
            total: 55
        }
    );
    plr.sections[0].items[0].rating = Some(Rating::Met);
    plr.sections[4].items[10].rating = Some(Rating::NotApplicable);
    assert_eq!(
        rated_count(&plr.sections),
        RatedCount {
            rated: 2,
            total: 55
        }
    );
}

#[test]
fn progress_counts_completed_sections_and_holds_the_check_back_until_all_are() {
    let framework = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(
        crate::model::PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        framework,
    );
    let progress = |plr: &Plr| {
        let problems =
            crate::completion::completion_problems(plr, framework, chrono::NaiveDate::MAX);
        Progress::of(plr, framework, &problems)
    };
    let blank = progress(&plr);
    assert_eq!(blank.summary(), "0 of 10 sections completed");
    assert_eq!(blank.check, TaskStatus::CannotStartYet);
    assert_eq!(blank.check.label(), "Cannot start yet");
    for item in &mut plr.sections[1].items {
        item.rating = Some(Rating::Met);
    }
    assert_eq!(progress(&plr).summary(), "1 of 10 sections completed");
}

#[test]
fn the_check_can_start_with_no_actions_once_every_other_section_is_completed() {
    let framework = Framework::practice_fundamentals();
    let mut plr = crate::completion::tests::complete_plr();
    let progress = |plr: &Plr| {
        let problems =
            crate::completion::completion_problems(plr, framework, chrono::NaiveDate::MAX);
        Progress::of(plr, framework, &problems)
    };
    assert_eq!(progress(&plr).check, TaskStatus::NotStarted);
    assert_eq!(progress(&plr).summary(), "8 of 10 sections completed");
    // A Case of Concern needs an action: the check cannot start without one.
    plr.judgement.choose_final_grade(
        crate::model::Grade::Inadequate,
        Some(crate::model::Grade::Outstanding),
    );
    plr.judgement.rationale = "Drift".into();
    let concern = progress(&plr);
    assert_eq!(concern.check, TaskStatus::CannotStartYet);
    assert!(concern
        .tasks
        .contains(&(Task::Judgement, TaskStatus::Completed)));
    assert!(concern
        .tasks
        .contains(&(Task::Actions, TaskStatus::NotStarted)));
}

#[test]
fn task_status_moves_from_not_started_to_completed() {
    let framework = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(
        crate::model::PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        framework,
    );
    let area = Task::Area(framework.areas[0].id.clone());
    let problems =
        |plr: &Plr| crate::completion::completion_problems(plr, framework, chrono::NaiveDate::MAX);
    assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::NotStarted);
    plr.sections[0].items[0].rating = Some(Rating::Met);
    assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::InProgress);
    for item in &mut plr.sections[0].items {
        item.rating = Some(Rating::PartlyMet);
    }
    assert_eq!(area.status(&plr, &problems(&plr)), TaskStatus::Completed);
    let rating = crate::form::FieldPath::Statement {
        area: plr.sections[0].id.clone(),
        statement: plr.sections[0].items[3].id.clone(),
        field: crate::form::StatementField::Rating,
    };
    assert_eq!(Task::of(&rating), area);
    let date = crate::form::FieldPath::Case(crate::form::CaseField::ReviewDate);
    assert_eq!(Task::of(&date), Task::Case);

    // Nothing on the judgement page yet: not started.
    assert_eq!(
        Task::Judgement.status(&plr, &problems(&plr)),
        TaskStatus::NotStarted
    );
    // A final grade that followed the suggestion is shown on the page, so the task list
    // says the judgement is under way (the impact on the child is still missing).
    plr.judgement.final_grade = Some(crate::model::Grade::Good);
    assert_eq!(
        Task::Judgement.status(&plr, &problems(&plr)),
        TaskStatus::InProgress
    );
    plr.judgement.impact_on_child = "Safer at home.".into();
    assert_eq!(
        Task::Judgement.status(&plr, &problems(&plr)),
        TaskStatus::InProgress
    );
}

#[test]
fn one_answer_starts_its_own_task_and_no_other() {
    use crate::model::{Action, Grade, LegalStatus};
    let framework = Framework::practice_fundamentals();
    let blank = Plr::new_draft(
        crate::model::PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        framework,
    );
    let started = |plr: &Plr| -> Vec<Task> {
        Task::all(framework)
            .into_iter()
            .filter(|t| t.status(plr, &[]) != TaskStatus::NotStarted)
            .collect()
    };
    assert_eq!(started(&blank), Vec::<Task>::new());
    type Answer = fn(&mut Plr);
    let answers: [(Answer, Task); 8] = [
        (
            |p| p.case.legal_status = Some(LegalStatus::ChildInNeed),
            Task::Case,
        ),
        (|p| p.review.practitioner.name = "Sam".into(), Task::Case),
        (
            |p| p.participation.team_manager = Some(true),
            Task::Participation,
        ),
        (
            |p| p.sections[1].items[0].rating = Some(Rating::Met),
            Task::Area(framework.areas[1].id.clone()),
        ),
        (
            |p| p.sections[4].reviewer_evaluation = "Clear records".into(),
            Task::Area(framework.areas[4].id.clone()),
        ),
        (
            |p| p.judgement.final_grade = Some(Grade::Good),
            Task::Judgement,
        ),
        (|p| p.judgement.immediate_concern = true, Task::Judgement),
        (|p| p.actions.push(Action::new_after(&[])), Task::Actions),
    ];
    for (answer, task) in answers {
        let mut plr = blank.clone();
        answer(&mut plr);
        assert_eq!(started(&plr), vec![task]);
    }
    let mut spaces = blank.clone();
    spaces.case.team = "   ".into();
    assert_eq!(
        started(&spaces),
        Vec::<Task>::new(),
        "blank text is no answer"
    );
}
