//! What stops a PLR being completed, completing and reopening it, and Case of Concern.

use chrono::{DateTime, NaiveDate, Utc};

use crate::concern::share_by;

use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{ActionStatus, Grade, Plr, Status, Views, ViewsOutcome};
use crate::moderation::reported_grade;

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

/// Where the problem "no practitioner's reflection in any area" points: the first area's
/// reflection. It is about the whole review, so it does not hold that area's task back.
pub const NO_REFLECTION_PATH: &str = "sections[0].practitioner_reflection";

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

    // A collaborative review: the practitioner's voice is heard in at least one area.
    if plr
        .sections
        .iter()
        .all(|s| s.practitioner_reflection.trim().is_empty())
    {
        out.push(problem(
            NO_REFLECTION_PATH,
            "Add the practitioner's reflection on at least one area: this is a collaborative review",
        ));
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

/// The problems as an error summary lists them: the unrated statements of each area grouped
/// into one line ("Supervision and Management: 13 statements not rated") that points at the
/// first of them; every other problem as it is, in form order.
pub fn summary_problems(problems: &[Problem], plr: &Plr, framework: &Framework) -> Vec<Problem> {
    // Each line, and for a group of unrated statements its section and count.
    let mut lines: Vec<(Problem, Option<(usize, usize)>)> = Vec::new();
    for p in problems {
        let section = p
            .path
            .strip_prefix("sections[")
            .filter(|rest| rest.ends_with(".rating"))
            .and_then(|rest| rest.split(']').next()?.parse::<usize>().ok());
        match (section, lines.last_mut()) {
            (Some(s), Some((_, Some((last, count))))) if *last == s => *count += 1,
            (Some(s), _) => lines.push((p.clone(), Some((s, 1)))),
            (None, _) => lines.push((p.clone(), None)),
        }
    }
    lines
        .into_iter()
        .map(|(p, group)| match group {
            Some((section, count)) => {
                Problem::new(p.path, unrated_line(plr, framework, section, count))
            }
            None => p,
        })
        .collect()
}

fn unrated_line(plr: &Plr, framework: &Framework, section: usize, count: usize) -> String {
    let title = plr
        .sections
        .get(section)
        .and_then(|s| framework.area(&s.id))
        .map_or("An area", |a| a.title.as_str());
    format!(
        "{title}: {}",
        counted(count, "statement not rated", "statements not rated")
    )
}

/// `1 statement`, `2 statements`: a count with the right form of its noun phrase.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The error summary's sentence: "1 thing needs an answer before ...".
pub fn problems_sentence(count: usize) -> String {
    let needs = if count == 1 { "needs" } else { "need" };
    format!(
        "{} {needs} an answer before this review can be completed.",
        counted(count, "thing", "things")
    )
}

/// Whether the PLR is a Case of Concern: an immediate concern, or a reported grade (the
/// moderator's grade if moderated, else the final grade) of inadequate.
pub fn is_case_of_concern(plr: &Plr) -> bool {
    plr.judgement.immediate_concern || reported_grade(plr) == Some(Grade::Inadequate)
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
pub(crate) mod tests;
