//! What stops a PLR being completed, and completing and reopening it.

use chrono::{DateTime, NaiveDate, Utc};

use crate::concern::share_by;

use crate::form::{
    spot_list, AreaField, CaseField, FieldPath, JudgementField, Spot, StatementField,
};
use crate::framework::Framework;
use crate::grading::suggest_grade;
use crate::model::{AreaId, Grade, Plr, Status};
use crate::problem::Problem;

/// Everything that stops `plr` being completed, in the order of the form. Empty = completable.
///
/// It is the form description's walk ([`spot_list`]): each question that applies and is not
/// answered gives its [`Spot::missing`] message, and an answer given can still be wrong
/// against another (`compared`). Nothing here lists the questions again.
pub fn completion_problems(plr: &Plr, framework: &Framework, today: NaiveDate) -> Vec<Problem> {
    let suggested = suggest_grade(framework, &plr.sections, plr.judgement.immediate_concern).grade;
    spot_list(plr)
        .into_iter()
        .filter(|spot| spot.applies(plr, suggested))
        .filter_map(|spot| {
            let message = if spot.answered(plr) {
                compared(spot, plr, suggested, today)
            } else {
                spot.missing(plr, framework)
                    .or_else(|| no_reflection(spot, plr))
            }?;
            Some(Problem::at(spot.path(), plr, message))
        })
        .collect()
}

/// The rules that judge an answer against something else: a review date after `today`; a
/// final grade chosen against a suggestion that has since changed (`suggested` is the
/// suggestion now).
fn compared(
    spot: Spot<'_>,
    plr: &Plr,
    suggested: Option<Grade>,
    today: NaiveDate,
) -> Option<String> {
    match spot {
        Spot::Case(CaseField::ReviewDate) => plr
            .review
            .date
            .filter(|date| *date > today)
            .map(|_| "The review date must be today or in the past".to_string()),
        Spot::Judgement(JudgementField::FinalGrade) => {
            plr.judgement.stale_choice(suggested).map(|s| s.message())
        }
        _ => None,
    }
}

/// A collaborative review: the practitioner's voice is heard in at least one area. When it
/// is heard in none, the first area's reflection says so.
fn no_reflection(spot: Spot<'_>, plr: &Plr) -> Option<String> {
    let Spot::Area {
        section,
        field: AreaField::PractitionerReflection,
    } = spot
    else {
        return None;
    };
    let first = plr
        .sections
        .first()
        .is_some_and(|s| std::ptr::eq(s, section));
    let none = plr
        .sections
        .iter()
        .all(|s| s.practitioner_reflection.trim().is_empty());
    (first && none).then(|| {
        "Add the practitioner's reflection on at least one area: this is a collaborative review"
            .to_string()
    })
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
