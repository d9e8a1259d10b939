//! Merging two copies of a completed review, made by the generator (moved from plr-core's
//! merge unit tests, which cannot use `plr-report`).

use chrono::{DateTime, Duration, Utc};
use plr_core::completion::complete;
use plr_core::merge::merge;
use plr_core::model::{Moderation, ModerationEffect, Plr, Status};
use plr_core::Framework;

fn f() -> &'static Framework {
    Framework::practice_fundamentals()
}

fn now() -> DateTime<Utc> {
    "2026-11-20T10:40:02Z".parse().unwrap()
}

fn completed() -> Plr {
    let mut plr = plr_report::generate::Generator::new(3).plr_shaped(
        1,
        plr_report::generate::Shape {
            moderated: Some(false),
            ..Default::default()
        },
    );
    if plr.status != Status::Completed {
        complete(&mut plr, f(), now()).unwrap();
    }
    plr
}

#[test]
fn a_completed_copy_stays_completed_only_when_the_draft_adds_nothing() {
    let done = completed();
    let mut behind = done.clone();
    behind.status = Status::Draft;
    behind.completed_at = None;
    behind.sections[2].practitioner_reflection.clear();
    let merged = merge(&behind, &done, f()).unwrap();
    assert!(merged.conflicts().is_empty());
    let plr = merged.resolve(&[], f()).unwrap();
    assert_eq!(plr.status, Status::Completed);
    assert_eq!(plr.completed_at, done.completed_at);

    let mut ahead = behind.clone();
    ahead.sections[2].practitioner_reflection = "New since completion".into();
    let mut done_blank = done.clone();
    done_blank.sections[2].practitioner_reflection.clear();
    let plr = merge(&done_blank, &ahead, f())
        .unwrap()
        .resolve(&[], f())
        .unwrap();
    assert_eq!(
        plr.status,
        Status::Draft,
        "new content must be checked again"
    );
    assert_eq!(plr.completed_at, None);
    assert_eq!(
        plr.sections[2].practitioner_reflection,
        "New since completion"
    );
}

#[test]
fn a_moderated_copy_and_a_copy_with_a_later_update_merge_into_one_completed_review_with_both() {
    use plr_core::model::{ConcernOutcome, ConcernUpdate, Grade};
    let update = |on: &str, by: &str, outcome| ConcernUpdate {
        on: on.parse().unwrap(),
        by: by.into(),
        child_safe: true,
        plan_in_place: outcome == ConcernOutcome::Resolved,
        outcome,
        note: String::new(),
    };
    // A completed Case of Concern.
    let mut base = plr_report::generate::Generator::new(3).plr_shaped(
        1,
        plr_report::generate::Shape {
            grade: Some(Grade::Inadequate),
            moderated: Some(false),
            ..Default::default()
        },
    );
    assert_eq!(base.status, Status::Completed);
    base.concern_updates = vec![update(
        "2026-11-25",
        "P. Singh",
        ConcernOutcome::FurtherReview,
    )];
    // The QA service moderated its copy; the team manager recorded a later update and
    // progress on an action in theirs.
    let mut moderated = base.clone();
    moderated.moderation = Some(Moderation {
        moderator: "C. Moderator".into(),
        moderated_at: now() + Duration::days(6),
        grade: moderated.judgement.final_grade.unwrap_or(Grade::Good),
        effect: ModerationEffect::Agreed,
        comments: "Agreed".into(),
    });
    let mut updated = base.clone();
    updated.concern_updates.push(update(
        "2026-12-02",
        "P. Singh",
        ConcernOutcome::ContinuingOversight,
    ));
    updated.actions[0].progress_note = "Started".into();
    updated.actions[0].updated_on = Some("2026-12-02".parse().unwrap());
    for (ours, theirs) in [(&moderated, &updated), (&updated, &moderated)] {
        let merged = merge(ours, theirs, f()).unwrap();
        assert_eq!(merged.conflicts(), [], "nothing to choose");
        let plr = merged.resolve(&[], f()).unwrap();
        assert_eq!(
            plr.status,
            Status::Completed,
            "follow-up does not reopen it"
        );
        assert_eq!(plr.completed_at, base.completed_at);
        assert!(plr.moderation.is_some());
        let days: Vec<String> = plr
            .concern_updates
            .iter()
            .map(|u| u.on.to_string())
            .collect();
        assert_eq!(days, ["2026-11-25", "2026-12-02"]);
        assert_eq!(plr.actions[0].progress_note, "Started");
    }
    // Two different updates of the same day are both kept, in one order whichever is ours.
    let mut other = base.clone();
    other.concern_updates.push(update(
        "2026-12-02",
        "R. Jones",
        ConcernOutcome::FurtherReview,
    ));
    let one = merge(&updated, &other, f())
        .unwrap()
        .resolve(&[], f())
        .unwrap();
    let two = merge(&other, &updated, f())
        .unwrap()
        .resolve(&[], f())
        .unwrap();
    assert_eq!(one.concern_updates.len(), 3);
    assert_eq!(one.concern_updates, two.concern_updates);
}
