//! What stops a PLR being completed, completing and reopening it, and Case of Concern.

use chrono::{DateTime, NaiveDate, Utc};

use crate::concern::share_by;

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{ActionStatus, Grade, Plr, Status, Views, ViewsOutcome};

/// One thing that stops completion, at the JSON path of the field to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// e.g. `case.child_ref`, `sections[0].items[3].rating`.
    pub path: String,
    /// What to do, in plain English, e.g. "Enter the child's case reference".
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl Problem {
    /// A problem with the value at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem::new(path, message)
}

fn views_problems(views: &Option<Views>, path: &str, whose: &str, out: &mut Vec<Problem>) {
    let Some(views) = views else {
        out.push(problem(
            format!("{path}.views"),
            format!("Say whether the views of {whose} were obtained"),
        ));
        return;
    };
    match views.views {
        None => out.push(problem(format!("{path}.views"), format!("Say whether the views of {whose} were obtained"))),
        Some(ViewsOutcome::Obtained) if views.feedback.is_none() => out.push(problem(
            format!("{path}.feedback"),
            format!("Say what feedback {whose} gave"),
        )),
        Some(ViewsOutcome::Inappropriate) if views.social_worker_consulted.is_none() => out.push(problem(
            format!("{path}.social_worker_consulted"),
            format!("Say whether the social worker was consulted about not seeking the views of {whose}"),
        )),
        Some(ViewsOutcome::Unreachable) if views.persistent_attempts.is_none() => out.push(problem(
            format!("{path}.persistent_attempts"),
            format!("Say whether persistent attempts were made to reach {whose}"),
        )),
        _ => {}
    }
}

/// Everything that stops `plr` being completed, in the order of the form. Empty = completable.
pub fn completion_problems(plr: &Plr, framework: &Framework, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    let case = &plr.case;
    if case.child_ref.trim().is_empty() {
        out.push(problem(
            "case.child_ref",
            "Enter the child's case reference",
        ));
    }
    if case.team.trim().is_empty() {
        out.push(problem("case.team", "Enter the team"));
    }
    if case.legal_status.is_none() {
        out.push(problem(
            "case.legal_status",
            "Choose the child's legal status or service",
        ));
    }
    if case.child_aged_4_or_over.is_none() {
        out.push(problem(
            "case.child_aged_4_or_over",
            "Say whether the child is aged 4 or over",
        ));
    }
    if case.iro_or_cp_chair_allocated.is_none() {
        out.push(problem(
            "case.iro_or_cp_chair_allocated",
            "Say whether an Independent Reviewing Officer or Child Protection Chair is allocated",
        ));
    }
    match plr.review.date {
        None => out.push(problem("review.date", "Enter the review date")),
        Some(date) if date > today => out.push(problem(
            "review.date",
            "The review date must be today or in the past",
        )),
        Some(_) => {}
    }
    if plr.review.reviewer.name.trim().is_empty() {
        out.push(problem("review.reviewer.name", "Enter the reviewer's name"));
    }
    if plr.review.reviewer.role.is_none() {
        out.push(problem(
            "review.reviewer.role",
            "Choose the reviewer's role",
        ));
    }
    if plr.review.practitioner.name.trim().is_empty() {
        out.push(problem(
            "review.practitioner.name",
            "Enter the practitioner's name",
        ));
    }
    if plr.review.practitioner.role.is_none() {
        out.push(problem(
            "review.practitioner.role",
            "Choose the practitioner's role",
        ));
    }

    let p = &plr.participation;
    if p.social_worker.is_none() {
        out.push(problem(
            "participation.social_worker",
            "Say whether the social worker was involved",
        ));
    }
    if p.team_manager.is_none() {
        out.push(problem(
            "participation.team_manager",
            "Say whether the team manager was involved",
        ));
    }
    if case.iro_or_cp_chair_allocated == Some(true) && p.iro_or_cp_chair.is_none() {
        out.push(problem(
            "participation.iro_or_cp_chair",
            "Say whether the Independent Reviewing Officer or Child Protection Chair was involved",
        ));
    }
    if case.child_aged_4_or_over == Some(true) {
        views_problems(&p.child, "participation.child", "the child", &mut out);
    }
    views_problems(
        &p.parent_carer,
        "participation.parent_carer",
        "the parent or carer",
        &mut out,
    );

    for (index, area) in framework.areas.iter().enumerate() {
        let section = plr.sections.iter().position(|s| s.id == area.id);
        let section_index = section.unwrap_or(index);
        for (position, statement) in area.statements.iter().enumerate() {
            let item = section.and_then(|s| {
                plr.sections[s]
                    .items
                    .iter()
                    .position(|i| i.id == statement.id)
            });
            let rated = item.is_some_and(|i| plr.sections[section_index].items[i].rating.is_some());
            if !rated {
                let item_index = item.unwrap_or(position);
                out.push(problem(
                    format!("sections[{section_index}].items[{item_index}].rating"),
                    format!("Rate statement {} ({})", statement.id, area.title),
                ));
            }
        }
    }

    let j = &plr.judgement;
    if j.impact_on_child.trim().is_empty() {
        out.push(problem(
            "judgement.impact_on_child",
            "Describe the impact on the child",
        ));
    }
    let suggested = suggest_grade(framework, &plr.sections, j.immediate_concern).grade;
    crate::final_grade::problems(j, suggested, &mut out);
    crate::concern::judgement_problems(j, &mut out);
    crate::concern::actions_problem(plr, &mut out);

    for (n, action) in plr.actions.iter().enumerate() {
        let number = n + 1;
        if action.kind.is_none() {
            out.push(problem(
                format!("actions[{n}].kind"),
                format!("Choose the type of action {number}"),
            ));
        }
        if action.description.trim().is_empty() {
            out.push(problem(
                format!("actions[{n}].description"),
                format!("Describe action {number}"),
            ));
        }
        if action.owner.trim().is_empty() {
            out.push(problem(
                format!("actions[{n}].owner"),
                format!("Enter who will do action {number}"),
            ));
        }
        if action.due_on.is_none() {
            out.push(problem(
                format!("actions[{n}].due_on"),
                format!("Enter the due date of action {number}"),
            ));
        }
        if action.status == ActionStatus::Completed && action.completed_on.is_none() {
            out.push(problem(
                format!("actions[{n}].completed_on"),
                format!("Enter the date action {number} was completed"),
            ));
        }
    }
    out
}

/// Whether the PLR is a Case of Concern: final grade inadequate or an immediate concern.
pub fn is_case_of_concern(plr: &Plr) -> bool {
    plr.judgement.immediate_concern || plr.judgement.final_grade == Some(Grade::Inadequate)
}

/// Completes the PLR at `now` if nothing stops it: status, completion time, the recomputed
/// suggestion and, for a Case of Concern, the share-by deadline ([`crate::concern::share_by`]).
pub fn complete(
    plr: &mut Plr,
    framework: &Framework,
    now: DateTime<Utc>,
) -> Result<(), Vec<Problem>> {
    let problems = completion_problems(plr, framework, now.date_naive());
    if !problems.is_empty() {
        return Err(problems);
    }
    plr.judgement.suggested =
        suggest_grade(framework, &plr.sections, plr.judgement.immediate_concern);
    plr.status = Status::Completed;
    plr.completed_at = Some(now);
    plr.updated_at = now;
    if plr.judgement.final_grade == Some(Grade::Inadequate) {
        plr.judgement
            .first_completed_inadequate_at
            .get_or_insert(now);
    }
    plr.judgement.share_by = share_by(plr);
    Ok(())
}

/// Reopens a completed PLR as a draft. The Case of Concern deadline stays as it was:
/// reopening never restarts the clock.
pub fn reopen(plr: &mut Plr, now: DateTime<Utc>) {
    plr.status = Status::Draft;
    plr.completed_at = None;
    plr.judgement.share_by = share_by(plr);
    plr.updated_at = now;
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Feedback, LegalStatus, PlrId, Rating, Role};

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
        plr.judgement.record_sharing(true, flagged);
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
}
