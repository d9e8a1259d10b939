//! What stops a PLR being completed, completing and reopening it, and Case of Concern.

use chrono::{DateTime, NaiveDate, Utc};

use crate::concern::share_by;

use crate::form::{
    applies, ActionField, AreaField, CaseField, FieldPath, JudgementField, ParticipationField,
    StatementField, ViewsField, Whose,
};
use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{Action, ActionStatus, AreaId, Grade, Plr, Status, Views, ViewsOutcome};
use crate::moderation::reported_grade;

pub use crate::problem::Problem;

fn views_problems(plr: &Plr, views: &Option<Views>, whose: Whose, out: &mut Vec<Problem>) {
    let at = |field: ViewsField, message: String| {
        Problem::at(
            FieldPath::Participation(ParticipationField::Views(whose, field)),
            plr,
            message,
        )
    };
    if !applies(
        &FieldPath::Participation(ParticipationField::Views(whose, ViewsField::Views)),
        plr,
        None,
    ) {
        return;
    }
    let who = whose.named();
    match views.as_ref().and_then(|v| v.views.map(|outcome| (v, outcome))) {
        None => out.push(at(ViewsField::Views, format!("Say whether the views of {who} were obtained"))),
        Some((views, ViewsOutcome::Obtained)) if views.feedback.is_none() => out.push(at(
            ViewsField::Feedback,
            format!("Say what feedback {who} gave"),
        )),
        Some((views, ViewsOutcome::Inappropriate)) if views.social_worker_consulted.is_none() => out.push(at(
            ViewsField::SocialWorkerConsulted,
            format!("Say whether the social worker was consulted about not seeking the views of {who}"),
        )),
        Some((views, ViewsOutcome::Unreachable)) if views.persistent_attempts.is_none() => out.push(at(
            ViewsField::PersistentAttempts,
            format!("Say whether persistent attempts were made to reach {who}"),
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
        out.push(Problem::at(
            FieldPath::Case(CaseField::ChildRef),
            plr,
            "Enter the child's case reference",
        ));
    }
    if case.team.trim().is_empty() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::Team),
            plr,
            "Enter the team",
        ));
    }
    if case.legal_status.is_none() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::LegalStatus),
            plr,
            "Choose the child's legal status or service",
        ));
    }
    if case.child_aged_4_or_over.is_none() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::ChildAged4OrOver),
            plr,
            "Say whether the child is aged 4 or over",
        ));
    }
    if case.iro_or_cp_chair_allocated.is_none() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::IroOrCpChairAllocated),
            plr,
            "Say whether an Independent Reviewing Officer or Child Protection Chair is allocated",
        ));
    }
    match plr.review.date {
        None => out.push(Problem::at(
            FieldPath::Case(CaseField::ReviewDate),
            plr,
            "Enter the review date",
        )),
        Some(date) if date > today => out.push(Problem::at(
            FieldPath::Case(CaseField::ReviewDate),
            plr,
            "The review date must be today or in the past",
        )),
        Some(_) => {}
    }
    if plr.review.reviewer.name.trim().is_empty() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::ReviewerName),
            plr,
            "Enter the reviewer's name",
        ));
    }
    if plr.review.reviewer.role.is_none() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::ReviewerRole),
            plr,
            "Choose the reviewer's role",
        ));
    }
    if plr.review.practitioner.name.trim().is_empty() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::PractitionerName),
            plr,
            "Enter the practitioner's name",
        ));
    }
    if plr.review.practitioner.role.is_none() {
        out.push(Problem::at(
            FieldPath::Case(CaseField::PractitionerRole),
            plr,
            "Choose the practitioner's role",
        ));
    }

    let p = &plr.participation;
    if p.social_worker.is_none() {
        out.push(Problem::at(
            FieldPath::Participation(ParticipationField::SocialWorker),
            plr,
            "Say whether the social worker was involved",
        ));
    }
    if p.team_manager.is_none() {
        out.push(Problem::at(
            FieldPath::Participation(ParticipationField::TeamManager),
            plr,
            "Say whether the team manager was involved",
        ));
    }
    let iro = FieldPath::Participation(ParticipationField::IroOrCpChair);
    if applies(&iro, plr, None) && p.iro_or_cp_chair.is_none() {
        out.push(Problem::at(
            iro,
            plr,
            "Say whether the Independent Reviewing Officer or Child Protection Chair was involved",
        ));
    }
    views_problems(plr, &p.child, Whose::Child, &mut out);
    views_problems(plr, &p.parent_carer, Whose::ParentCarer, &mut out);

    for area in &framework.areas {
        let section = plr.sections.iter().find(|s| s.id == area.id);
        for statement in &area.statements {
            let rated = section
                .and_then(|s| s.items.iter().find(|i| i.id == statement.id))
                .is_some_and(|i| i.rating.is_some());
            if !rated {
                let field = FieldPath::Statement {
                    area: area.id.clone(),
                    statement: statement.id.clone(),
                    field: StatementField::Rating,
                };
                out.push(Problem::at(
                    field,
                    plr,
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
        let first = plr.sections.first().map(|s| s.id.clone());
        let area = first.unwrap_or_else(|| framework.areas[0].id.clone());
        let field = FieldPath::Area {
            area,
            field: AreaField::PractitionerReflection,
        };
        out.push(Problem::at(
            field,
            plr,
            "Add the practitioner's reflection on at least one area: this is a collaborative review",
        ));
    }

    let j = &plr.judgement;
    if j.impact_on_child.trim().is_empty() {
        out.push(Problem::at(
            FieldPath::Judgement(JudgementField::ImpactOnChild),
            plr,
            "Describe the impact on the child",
        ));
    }
    let suggested = suggest_grade(framework, &plr.sections, j.immediate_concern).grade;
    crate::final_grade::problems(plr, suggested, &mut out);
    crate::concern::judgement_problems(plr, &mut out);
    crate::concern::actions_problem(plr, &mut out);

    for (n, action) in plr.actions.iter().enumerate() {
        action_problems(plr, action, n + 1, &mut out);
    }
    out
}

/// What stops one action (numbered `number` on its page) being complete, in card order.
fn action_problems(plr: &Plr, action: &Action, number: usize, out: &mut Vec<Problem>) {
    let at = |field: ActionField, message: String| {
        let id = action.id.clone();
        Problem::at(FieldPath::Action { id, field }, plr, message)
    };
    if action.kind.is_none() {
        out.push(at(
            ActionField::Kind,
            format!("Choose the type of action {number}"),
        ));
    }
    if action.description.trim().is_empty() {
        out.push(at(
            ActionField::Description,
            format!("Describe action {number}"),
        ));
    }
    if action.owner.trim().is_empty() {
        out.push(at(
            ActionField::Owner,
            format!("Enter who will do action {number}"),
        ));
    }
    if action.due_on.is_none() {
        out.push(at(
            ActionField::DueOn,
            format!("Enter the due date of action {number}"),
        ));
    }
    if action.status == ActionStatus::Completed && action.completed_on.is_none() {
        out.push(at(
            ActionField::CompletedOn,
            format!("Enter the date action {number} was completed"),
        ));
    }
}

/// The problems as an error summary lists them: the unrated statements of each area grouped
/// into one line ("Supervision and Management: 13 statements not rated") that points at the
/// first of them; every other problem as it is, in form order.
pub fn summary_problems(problems: &[Problem], framework: &Framework) -> Vec<Problem> {
    // Each line, and for a group of unrated statements its area and count.
    let mut lines: Vec<(Problem, Option<(&AreaId, usize)>)> = Vec::new();
    for p in problems {
        let area = match &p.field {
            Some(FieldPath::Statement {
                area,
                field: StatementField::Rating,
                ..
            }) => Some(area),
            _ => None,
        };
        match (area, lines.last_mut()) {
            (Some(a), Some((_, Some((last, count))))) if *last == a => *count += 1,
            (Some(a), _) => lines.push((p.clone(), Some((a, 1)))),
            (None, _) => lines.push((p.clone(), None)),
        }
    }
    lines
        .into_iter()
        .map(|(p, group)| match group {
            Some((area, count)) => Problem {
                message: unrated_line(framework, area, count),
                ..p
            },
            None => p,
        })
        .collect()
}

fn unrated_line(framework: &Framework, area: &AreaId, count: usize) -> String {
    let title = framework.area(area).map_or("An area", |a| a.title.as_str());
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
