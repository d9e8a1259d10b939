//! Unit tests of the follow-through rules: Head of Service updates, `updated_on`, outcomes.

use super::*;
use crate::completion::tests::complete_plr;
use crate::model::{Grade, Moderation, ModerationEffect};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A completed review with one action (due 4 December 2026), completed on 20 November 2026.
fn completed() -> Plr {
    let mut plr = complete_plr();
    plr.actions.push(Action {
        kind: Some(crate::model::ActionKind::CarePlanning),
        description: "Update the plan".into(),
        owner: "B".into(),
        due_on: Some(day("2026-12-04")),
        ..Action::new_after(&[])
    });
    crate::completion::complete(
        &mut plr,
        crate::Framework::practice_fundamentals(),
        at("2026-11-20T12:00:00Z"),
    )
    .unwrap();
    plr
}

/// A completed review raised as a Case of Concern by its flag on 20 November 2026.
fn concern() -> Plr {
    let mut plr = completed();
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T09:00:00Z"));
    plr
}

fn update(
    on: &str,
    outcome: ConcernOutcome,
    child_safe: bool,
    plan_in_place: bool,
) -> ConcernUpdate {
    ConcernUpdate {
        on: day(on),
        by: " P. Singh ".into(),
        child_safe,
        plan_in_place,
        outcome,
        note: "Visited; the safety plan is working.".into(),
    }
}

#[test]
fn an_update_is_recorded_oldest_first_and_moves_the_last_saved_time() {
    let mut plr = concern();
    let today = day("2026-12-06");
    let now = at("2026-12-06T10:00:00Z");
    record_concern_update(
        &mut plr,
        update(
            "2026-12-01",
            ConcernOutcome::ContinuingOversight,
            true,
            false,
        ),
        today,
        now,
    )
    .unwrap();
    record_concern_update(
        &mut plr,
        update("2026-11-25", ConcernOutcome::FurtherReview, false, false),
        today,
        now,
    )
    .unwrap();
    let days: Vec<String> = plr
        .concern_updates
        .iter()
        .map(|u| u.on.to_string())
        .collect();
    assert_eq!(days, ["2026-11-25", "2026-12-01"]);
    assert_eq!(plr.concern_updates[0].by, "P. Singh");
    assert_eq!(plr.updated_at, now);
    assert_eq!(resolution(&plr), None);
}

#[test]
fn resolved_needs_both_assurances() {
    let mut plr = concern();
    let today = day("2026-12-06");
    let now = at("2026-12-06T10:00:00Z");
    for (safe, plan) in [(true, false), (false, true), (false, false)] {
        assert_eq!(
            record_concern_update(
                &mut plr,
                update("2026-12-01", ConcernOutcome::Resolved, safe, plan),
                today,
                now
            ),
            Err(vec![UpdateProblem::ResolvedWithoutAssurance])
        );
    }
    assert!(plr.concern_updates.is_empty());
    record_concern_update(
        &mut plr,
        update("2026-12-01", ConcernOutcome::Resolved, true, true),
        today,
        now,
    )
    .unwrap();
    assert_eq!(resolution(&plr).map(|u| u.on), Some(day("2026-12-01")));
}

#[test]
fn an_update_is_dated_between_the_day_the_concern_was_raised_and_today() {
    let plr = concern();
    let today = Some(day("2026-12-06"));
    let problems = |on| {
        update_problems(
            &plr,
            &update(on, ConcernOutcome::ContinuingOversight, true, true),
            today,
        )
    };
    assert_eq!(problems("2026-11-19"), [UpdateProblem::BeforeRaised]);
    assert_eq!(problems("2026-11-20"), []);
    assert_eq!(problems("2026-12-06"), []);
    assert_eq!(problems("2026-12-07"), [UpdateProblem::InTheFuture]);
}

#[test]
fn only_a_review_that_is_or_was_a_case_of_concern_takes_an_update() {
    let today = Some(day("2026-12-06"));
    let mut plr = completed();
    let continuing = update(
        "2026-12-01",
        ConcernOutcome::ContinuingOversight,
        true,
        true,
    );
    assert_eq!(
        update_problems(&plr, &continuing, today),
        [UpdateProblem::NeverACaseOfConcern]
    );
    // Moderated to inadequate, then to requires improvement: it was raised, and stays so.
    plr.moderation = Some(Moderation {
        moderator: "M".into(),
        moderated_at: at("2026-11-28T15:00:00Z"),
        grade: Grade::Inadequate,
        effect: ModerationEffect::Downgraded,
        comments: String::new(),
    });
    assert_eq!(update_problems(&plr, &continuing, today), []);
    let mut nameless = continuing.clone();
    nameless.by = "  ".into();
    assert_eq!(
        update_problems(&plr, &nameless, today),
        [UpdateProblem::NoName]
    );
    let mut draft = concern();
    crate::completion::reopen(&mut draft, at("2026-12-02T09:00:00Z"));
    assert_eq!(
        update_problems(&draft, &continuing, today),
        [UpdateProblem::NotCompleted]
    );
}

#[test]
fn a_follow_up_change_after_completion_sets_updated_on_and_nothing_else_does() {
    let mut plr = completed();
    let before = plr.actions.clone();
    let today = day("2026-12-06");
    // The description is not a follow-up field.
    plr.actions[0].description.push('.');
    assert!(!note_follow_up(&before, &mut plr, today));
    assert_eq!(plr.actions[0].updated_on, None);
    plr.actions[0].progress_note = "Core group on 3 December".into();
    assert!(note_follow_up(&before, &mut plr, today));
    assert_eq!(plr.actions[0].updated_on, Some(today));
    // A draft's changes are not follow-ups.
    let mut draft = completed();
    crate::completion::reopen(&mut draft, at("2026-12-02T09:00:00Z"));
    let before = draft.actions.clone();
    draft.actions[0].set_status(ActionStatus::Completed, today);
    assert!(!note_follow_up(&before, &mut draft, today));
}

#[test]
fn a_transfer_keeps_its_day_with_the_status() {
    let mut action = completed().actions.remove(0);
    action.set_status(ActionStatus::Transferred, day("2026-12-06"));
    assert_eq!(action.transferred_on, Some(day("2026-12-06")));
    action.transferred_on = Some(day("2026-12-01"));
    action.set_status(ActionStatus::Transferred, day("2026-12-07"));
    assert_eq!(action.transferred_on, Some(day("2026-12-01")));
    action.set_status(ActionStatus::Open, day("2026-12-07"));
    assert_eq!(action.transferred_on, None);
}

#[test]
fn an_actions_outcome_as_of_a_date() {
    use ActionOutcome::*;
    use ActionStatus as S;
    let d = |text| Some(day(text));
    let as_of = day("2022-08-10");
    let of = |status, due, closed, updated| ActionOutcome::of(status, due, closed, updated, as_of);
    // A transfer on its due day is on time; a day later is late.
    assert_eq!(
        of(S::Transferred, d("2022-07-31"), d("2022-07-31"), None),
        OnTime
    );
    assert_eq!(
        of(S::Transferred, d("2022-07-31"), d("2022-08-01"), None),
        Late
    );
    assert_eq!(of(S::Completed, None, d("2022-07-01"), None), OnTime);
    // Closed after D: as of D it was not closed.
    assert_eq!(
        of(
            S::Completed,
            d("2022-07-31"),
            d("2022-08-11"),
            d("2022-08-11")
        ),
        NoUpdate
    );
    // Open: no update by D (none, or only the day after D), whatever the due date.
    assert_eq!(of(S::Open, d("2022-07-01"), None, None), NoUpdate);
    assert_eq!(
        of(S::Open, d("2022-07-01"), None, d("2022-08-11")),
        NoUpdate
    );
    assert_eq!(of(S::Open, d("2022-07-01"), None, d("2022-08-10")), Overdue);
    assert_eq!(
        of(S::Open, d("2022-08-10"), None, d("2022-08-01")),
        NotYetDue
    );
    assert_eq!(of(S::Open, None, None, d("2022-08-01")), NotYetDue);
    assert_eq!(
        of(S::ServiceEnded, d("2022-07-01"), None, None),
        ServiceEnded
    );
}

#[test]
fn the_register_says_how_long_a_concern_has_been_open_and_whether_an_update_is_due() {
    let long = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    let mut plr = concern();
    assert_eq!(RegisterState::of(&completed(), day("2026-12-06")), None);
    let state = |plr: &Plr, today| RegisterState::of(plr, day(today)).unwrap().label(long);
    assert_eq!(
        state(&plr, "2026-12-06"),
        "Open for less than a month: update due this month"
    );
    // Exactly 12 months, then 14.
    assert_eq!(
        state(&plr, "2027-11-20"),
        "Open for 12 months: update due this month"
    );
    assert_eq!(
        state(&plr, "2027-11-19"),
        "Open for 11 months: update due this month"
    );
    assert_eq!(
        state(&plr, "2028-01-31"),
        "Open for 14 months: update due this month"
    );
    record_concern_update(
        &mut plr,
        update(
            "2026-12-03",
            ConcernOutcome::ContinuingOversight,
            true,
            false,
        ),
        day("2026-12-06"),
        at("2026-12-06T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        state(&plr, "2026-12-06"),
        "Open for less than a month: updated this month"
    );
    assert_eq!(
        state(&plr, "2027-01-02"),
        "Open for 1 month: update due this month"
    );
    record_concern_update(
        &mut plr,
        update("2026-12-05", ConcernOutcome::Resolved, true, true),
        day("2026-12-06"),
        at("2026-12-06T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        state(&plr, "2026-12-06"),
        "Resolved on 5 December 2026 by P. Singh"
    );
    // Read as it stood before the resolving update.
    assert_eq!(
        state(&plr, "2026-12-04"),
        "Open for less than a month: updated this month"
    );
}

#[test]
fn months_between_counts_whole_calendar_months() {
    assert_eq!(months_between(day("2021-05-10"), day("2022-07-09")), 13);
    assert_eq!(months_between(day("2021-05-10"), day("2022-07-10")), 14);
    assert_eq!(months_between(day("2022-07-10"), day("2022-07-01")), 0);
}
