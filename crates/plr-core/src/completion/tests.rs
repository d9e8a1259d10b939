//! Unit tests of `completion.rs`.

use super::*;
use crate::model::{ActionStatus, Feedback, LegalStatus, PlrId, Rating, Role, Views, ViewsOutcome};

/// A draft with every answer given: every statement met, final grade outstanding.
pub(crate) fn complete_plr() -> Plr {
    let f = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
    plr.case.child_ref = "LL-1".into();
    plr.case.team = "Stroud".into();
    plr.case.legal_status = Some(LegalStatus::ChildInNeed);
    plr.case.child_aged_4_or_over = Some(false);
    plr.case.iro_or_cp_chair_allocated = Some(false);
    plr.review.date = NaiveDate::from_ymd_opt(2026, 11, 20);
    plr.review.reviewer.name = "A".into();
    plr.review.reviewer.role = Some(Role::TeamManager);
    plr.review.practitioner.name = "B".into();
    plr.review.practitioner.role = Some(Role::SocialWorker);
    plr.participation.social_worker = Some(true);
    plr.participation.team_manager = Some(true);
    plr.participation.parent_carer = Some(Views {
        views: Some(ViewsOutcome::Obtained),
        feedback: Some(Feedback::Positive),
        ..Default::default()
    });
    for item in plr.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        item.rating = Some(Rating::Met);
    }
    plr.judgement.impact_on_child = "Safer at home".into();
    plr.sections[2].practitioner_reflection = "I would visit more often".into();
    plr.judgement.final_grade = Some(Grade::Outstanding);
    plr
}

pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn a_blank_draft_lists_every_missing_answer_with_its_path() {
    let f = Framework::practice_fundamentals();
    let plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
    let problems = completion_problems(&plr, f, today());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths[0], "case.child_ref");
    assert!(paths.contains(&"review.date"));
    assert!(paths.contains(&"sections[2].items[3].rating"));
    assert_eq!(paths.iter().filter(|p| p.ends_with(".rating")).count(), 55);
    assert!(paths.contains(&"judgement.impact_on_child"));
    assert!(paths.contains(&"sections[0].practitioner_reflection"));
    assert!(paths.contains(&"judgement.final_grade"));
}

#[test]
fn a_full_plr_has_no_problems_until_something_is_wrong() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    assert_eq!(completion_problems(&plr, f, today()), []);
    plr.review.date = NaiveDate::from_ymd_opt(2026, 11, 24);
    plr.judgement
        .choose_final_grade(Grade::Good, Some(Grade::Outstanding));
    let paths: Vec<String> = completion_problems(&plr, f, today())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, ["review.date", "judgement.rationale"]);
}

#[test]
fn a_review_needs_the_practitioners_reflection_in_at_least_one_area() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    plr.sections[2].practitioner_reflection = "  ".into();
    let paths: Vec<String> = completion_problems(&plr, f, today())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, ["sections[0].practitioner_reflection"]);
    plr.sections[4].practitioner_reflection = "Recording is my weak spot".into();
    assert_eq!(completion_problems(&plr, f, today()), []);
}

#[test]
fn follow_up_questions_and_actions_are_asked_for_in_form_order() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    plr.case.child_aged_4_or_over = Some(true);
    plr.case.iro_or_cp_chair_allocated = Some(true);
    plr.participation.child = Some(Views {
        views: Some(ViewsOutcome::Obtained),
        ..Default::default()
    });
    plr.participation.parent_carer = Some(Views {
        views: Some(ViewsOutcome::Inappropriate),
        ..Default::default()
    });
    plr.sections[1].items[2].rating = None;
    let mut action = crate::model::Action::new_after(&[]);
    action.status = ActionStatus::Completed;
    plr.actions.push(action);
    let problems: Vec<String> = completion_problems(&plr, f, today())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "participation.iro_or_cp_chair: Say whether the Independent Reviewing Officer or Child Protection Chair was involved",
            "participation.child.feedback: Say what feedback the child gave",
            "participation.parent_carer.social_worker_consulted: Say whether the social worker was consulted about not seeking the views of the parent or carer",
            "sections[1].items[2].rating: Rate statement VD3 (Visiting and Direct Work)",
            "actions[0].kind: Choose the type of action 1",
            "actions[0].description: Describe action 1",
            "actions[0].owner: Enter who will do action 1",
            "actions[0].due_on: Enter the due date of action 1",
            "actions[0].completed_on: Enter the date action 1 was completed",
        ]
    );
}

#[test]
fn completing_a_case_of_concern_sets_the_share_by_deadline() {
    let f = Framework::practice_fundamentals();
    let now = "2026-11-20T10:40:02Z".parse::<DateTime<Utc>>().unwrap();
    let flagged = "2026-11-20T09:00:00Z".parse::<DateTime<Utc>>().unwrap();
    let mut plr = complete_plr();
    plr.judgement.flag_immediate_concern(true, flagged);
    plr.judgement.immediate_concern_details = "Unexplained bruising".into();
    plr.judgement.concern_shared_with = "C. Head".into();
    plr.judgement.record_sharing(true, flagged).unwrap();
    plr.judgement.final_grade = Some(Grade::Inadequate);
    let mut action = crate::model::Action::new_after(&[]);
    action.kind = Some(crate::model::ActionKind::Other);
    action.description = "Strategy discussion".into();
    action.owner = "A".into();
    action.due_on = Some(today());
    plr.actions.push(action);
    complete(&mut plr, f, now).unwrap();
    assert_eq!(plr.status, Status::Completed);
    assert_eq!(plr.completed_at, Some(now));
    // 24 hours from the flag, the first moment that made it a Case of Concern.
    let deadline = Some("2026-11-21T09:00:00Z".parse().unwrap());
    assert_eq!(plr.judgement.share_by, deadline);
    reopen(&mut plr, now);
    assert_eq!(
        (plr.status, plr.completed_at, plr.judgement.share_by),
        (Status::Draft, None, deadline)
    );
    let mut draft = Plr::new_draft(PlrId(uuid::Uuid::nil()), now, f);
    assert!(complete(&mut draft, f, now).is_err());
    assert_eq!(draft.status, Status::Draft);
}

#[test]
fn the_error_summary_groups_unrated_statements_per_area() {
    let f = Framework::practice_fundamentals();
    let plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
    let problems = completion_problems(&plr, f, today());
    let lines = summary_problems(&problems, f);
    let messages: Vec<&str> = lines.iter().map(|p| p.message.as_str()).collect();
    assert!(messages.contains(&"Supervision and Management: 13 statements not rated"));
    assert!(messages.contains(&"Case Recording: 11 statements not rated"));
    let grouped = lines
        .iter()
        .find(|p| p.message.starts_with("Assessments"))
        .unwrap();
    assert_eq!(grouped.path, "sections[2].items[0].rating");
    assert_eq!(lines.len(), problems.len() - 55 + 5);

    let mut one = complete_plr();
    one.sections[1].items[4].rating = None;
    let lines = summary_problems(&completion_problems(&one, f, today()), f);
    assert_eq!(
        lines[0].message,
        "Visiting and Direct Work: 1 statement not rated"
    );
    assert_eq!(lines[0].path, "sections[1].items[4].rating");
}

#[test]
fn counts_read_properly() {
    assert_eq!(
        problems_sentence(1),
        "1 thing needs an answer before this review can be completed."
    );
    assert_eq!(
        problems_sentence(3),
        "3 things need an answer before this review can be completed."
    );
}
