//! Unit tests of the Case of Concern rules.

use super::*;
use crate::completion::tests::{complete_plr, today};
use crate::completion::{complete, completion_problems, reopen};
use crate::framework::Framework;
use crate::model::{Moderation, ModerationEffect};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// A draft graded inadequate (against an outstanding suggestion, with its reason) with the
/// action a Case of Concern needs: completable.
fn graded_inadequate_with_an_action(plr: &mut Plr) {
    plr.judgement
        .choose_final_grade(Grade::Inadequate, Some(Grade::Outstanding));
    plr.judgement.rationale = "Drift".into();
    plr.actions.push(crate::model::Action {
        kind: Some(crate::model::ActionKind::Other),
        description: "Strategy discussion".into(),
        owner: "A".into(),
        due_on: today().into(),
        ..crate::model::Action::new_after(&[])
    });
}

/// A moderation to inadequate at `when`.
fn moderated_inadequate_at(when: &str) -> Moderation {
    Moderation {
        moderator: "M".into(),
        moderated_at: at(when),
        grade: Grade::Inadequate,
        effect: ModerationEffect::Downgraded,
        comments: String::new(),
    }
}

fn concern_paths(plr: &Plr) -> Vec<String> {
    completion_problems(plr, Framework::practice_fundamentals(), today())
        .into_iter()
        .map(|p| p.path)
        .collect()
}

#[test]
fn an_immediate_concern_needs_its_details_its_sharing_record_and_an_action() {
    let mut plr = complete_plr();
    plr.judgement.final_grade = Some(Grade::Inadequate);
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T09:00:00Z"));
    assert_eq!(
        concern_paths(&plr),
        [
            "judgement.immediate_concern_details",
            "judgement.concern_shared_with",
            "judgement.concern_shared_at",
            "actions",
        ]
    );
    plr.judgement.immediate_concern_details = "New bruising, unexplained".into();
    plr.judgement.concern_shared_with = "C. Head".into();
    plr.judgement
        .record_sharing(true, at("2026-11-20T09:30:00Z"))
        .unwrap();
    assert_eq!(concern_paths(&plr), ["actions"]);
    plr.actions.push(crate::model::Action {
        kind: Some(crate::model::ActionKind::Other),
        description: "Strategy discussion today".into(),
        owner: "A".into(),
        due_on: today().into(),
        ..crate::model::Action::new_after(&[])
    });
    assert_eq!(concern_paths(&plr), Vec::<String>::new());
}

#[test]
fn an_inadequate_grade_alone_needs_an_action_but_no_sharing_record_to_complete() {
    let mut plr = complete_plr();
    plr.judgement
        .choose_final_grade(Grade::Inadequate, Some(Grade::Outstanding));
    plr.judgement.rationale = "Drift".into();
    assert_eq!(concern_paths(&plr), ["actions"]);
}

#[test]
fn the_instruction_names_the_head_of_service_next_to_the_deadline() {
    assert_eq!(
        share_instruction(Some("Tue 24 Nov 2026 at 10:40")),
        "It must be shared with the Head of Service within 24 hours: by Tue 24 Nov 2026 at 10:40."
    );
    assert!(share_instruction(None).ends_with("within 24 hours of being completed."));
}

#[test]
fn the_clock_runs_from_the_flag_and_unticking_clears_it() {
    let mut plr = complete_plr();
    assert_eq!(share_by(&plr), None);
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T09:00:00Z"));
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T10:00:00Z"));
    assert_eq!(share_by(&plr), Some(at("2026-11-21T09:00:00Z")));
    plr.judgement
        .flag_immediate_concern(false, at("2026-11-20T11:00:00Z"));
    assert_eq!(
        (plr.judgement.immediate_concern_at, share_by(&plr)),
        (None, None)
    );
}

#[test]
fn reopening_never_restarts_the_clock() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    graded_inadequate_with_an_action(&mut plr);
    // A draft graded inadequate is not yet a Case of Concern with a deadline.
    assert_eq!(share_by(&plr), None);
    complete(&mut plr, f, at("2026-11-20T10:00:00Z")).unwrap();
    assert_eq!(plr.judgement.share_by, Some(at("2026-11-21T10:00:00Z")));
    reopen(&mut plr, at("2026-11-20T12:00:00Z"));
    assert_eq!(plr.judgement.share_by, Some(at("2026-11-21T10:00:00Z")));
    complete(&mut plr, f, at("2026-11-22T08:00:00Z")).unwrap();
    assert_eq!(plr.judgement.share_by, Some(at("2026-11-21T10:00:00Z")));
    // Flagging later does not move an earlier deadline; a moderation earlier than both would.
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-23T08:00:00Z"));
    assert_eq!(share_by(&plr), Some(at("2026-11-21T10:00:00Z")));
}

#[test]
fn shared_at_the_deadline_itself_is_in_time_and_a_second_later_is_late() {
    let deadline = at("2026-11-21T09:00:00Z");
    assert!(shared_in_time(deadline, at("2026-11-20T09:00:00Z")));
    assert!(shared_in_time(deadline, deadline));
    assert!(!shared_in_time(deadline, at("2026-11-21T09:00:01Z")));
}

#[test]
fn the_clock_counts_down_from_the_flag_then_says_whether_it_was_shared_in_time() {
    let mut plr = complete_plr();
    assert_eq!(ConcernClock::of(&plr, at("2026-11-20T09:00:00Z")), None);
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T09:00:00Z"));
    let clock = |now| ConcernClock::of(&plr, at(now)).map(ConcernClock::label);
    assert_eq!(
        clock("2026-11-20T09:00:00Z").unwrap(),
        "24 hours left to share it"
    );
    assert_eq!(
        clock("2026-11-20T16:45:30Z").unwrap(),
        "16 hours 14 minutes left to share it"
    );
    assert_eq!(
        clock("2026-11-21T09:00:00Z").unwrap(),
        "less than a minute left to share it"
    );
    assert_eq!(
        clock("2026-11-21T10:01:00Z").unwrap(),
        "Not shared: overdue by 1 hour 1 minute"
    );
    plr.judgement.concern_shared_with = "P. Singh".into();
    plr.judgement
        .record_sharing(true, at("2026-11-21T09:00:00Z"))
        .unwrap();
    assert_eq!(
        ConcernClock::of(&plr, at("2026-11-25T00:00:00Z")),
        Some(ConcernClock::SharedInTime)
    );
    plr.judgement
        .record_sharing(false, at("2026-11-21T09:00:01Z"))
        .unwrap();
    plr.judgement
        .record_sharing(true, at("2026-11-21T09:00:01Z"))
        .unwrap();
    assert_eq!(
        ConcernClock::of(&plr, at("2026-11-21T09:00:01Z")).map(ConcernClock::label),
        Some("Shared after the deadline".into())
    );
}

#[test]
fn a_moderated_inadequate_grade_starts_the_clock_at_moderation() {
    let mut plr = complete_plr();
    plr.moderation = Some(moderated_inadequate_at("2026-12-01T15:00:00Z"));
    assert_eq!(share_by(&plr), Some(at("2026-12-02T15:00:00Z")));
}

#[test]
fn sharing_cannot_be_recorded_without_the_name_of_who_was_told() {
    let mut plr = complete_plr();
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-20T09:00:00Z"));
    plr.judgement.concern_shared_with = "  ".into();
    assert_eq!(
        plr.judgement
            .record_sharing(true, at("2026-11-20T10:00:00Z")),
        Err(SharingProblem::NoName)
    );
    assert_eq!(plr.judgement.concern_shared_at, None);
    plr.judgement.concern_shared_with = "P. Singh".into();
    plr.judgement
        .record_sharing(true, at("2026-11-20T10:00:00Z"))
        .unwrap();
    assert_eq!(sharing_problem(&plr.judgement), None);
    // The name cleared afterwards: the record says it was shared with nobody named.
    plr.judgement.concern_shared_with.clear();
    assert_eq!(
        sharing_problem(&plr.judgement).map(|p| p.to_string()),
        Some("Enter the name of the Head of Service it was shared with".into())
    );
    // Unticking never needs a name.
    assert_eq!(
        plr.judgement
            .record_sharing(false, at("2026-11-20T11:00:00Z")),
        Ok(())
    );
}

#[test]
fn a_span_is_told_in_hours_up_to_two_days_then_in_days() {
    let m = Duration::minutes;
    assert_eq!(span(m(0)), "less than a minute");
    assert_eq!(span(m(65)), "1 hour 5 minutes");
    assert_eq!(span(m(24 * 60)), "24 hours");
    assert_eq!(span(m(47 * 60 + 59)), "47 hours 59 minutes");
    assert_eq!(span(m(48 * 60)), "2 days");
    assert_eq!(span(m(72 * 60 + 300)), "3 days");
    assert_eq!(span(Duration::hours(38_400) + m(30)), "1600 days");
}

#[test]
fn a_listed_concern_says_who_it_was_shared_with_or_how_overdue_it_is() {
    let deadline = at("2026-12-06T19:45:00Z");
    let standing = |shared_at, now, with: &str| {
        let clock = ConcernClock::at(deadline, shared_at, at(now));
        concern_standing(clock, with, Some("6 Dec at 19:00"), "6 Dec at 19:45")
    };
    assert_eq!(
        standing(
            Some(at("2026-12-06T19:00:00Z")),
            "2030-01-01T00:00:00Z",
            "P. Singh"
        ),
        "Case of Concern: shared with P. Singh on 6 Dec at 19:00"
    );
    assert_eq!(
        standing(
            Some(at("2026-12-07T19:00:00Z")),
            "2030-01-01T00:00:00Z",
            "P. Singh"
        ),
        "Case of Concern: shared with P. Singh on 6 Dec at 19:00, after the deadline"
    );
    assert_eq!(
        standing(None, "2026-12-09T20:00:00Z", ""),
        "Case of Concern: not shared, overdue by 3 days"
    );
    assert_eq!(
        standing(None, "2026-12-06T09:00:00Z", ""),
        "Case of Concern: share by 6 Dec at 19:45"
    );
}

#[test]
fn a_concern_raised_stays_raised_when_a_moderator_upgrades_the_grade() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    assert_eq!(raised(&plr), None);
    graded_inadequate_with_an_action(&mut plr);
    // A draft graded inadequate is not raised until it is completed.
    assert_eq!(raised(&plr), None);
    complete(&mut plr, f, at("2026-11-20T10:00:00Z")).unwrap();
    let completed = Some((at("2026-11-20T10:00:00Z"), RaisedBy::CompletedInadequate));
    assert_eq!(raised(&plr), completed);
    plr.moderation = Some(Moderation {
        moderator: "M".into(),
        moderated_at: at("2026-12-01T15:00:00Z"),
        grade: Grade::RequiresImprovement,
        effect: ModerationEffect::Upgraded,
        comments: "Better than it looked".into(),
    });
    // No longer a Case of Concern for the completion rules, but still raised.
    assert!(!crate::concern::is_case_of_concern(&plr));
    assert_eq!(raised(&plr), completed);
    reopen(&mut plr, at("2026-12-02T09:00:00Z"));
    assert_eq!(raised(&plr), completed);
}

#[test]
fn a_concern_is_raised_by_whichever_came_first() {
    let mut plr = complete_plr();
    plr.moderation = Some(moderated_inadequate_at("2026-12-01T15:00:00Z"));
    assert_eq!(
        raised(&plr),
        Some((at("2026-12-01T15:00:00Z"), RaisedBy::ModeratedInadequate))
    );
    plr.judgement
        .flag_immediate_concern(true, at("2026-11-30T08:00:00Z"));
    assert_eq!(
        raised(&plr),
        Some((at("2026-11-30T08:00:00Z"), RaisedBy::ImmediateConcern))
    );
}

#[test]
fn a_concern_raised_by_a_moderation_stays_raised_when_a_second_moderation_upgrades_it() {
    let f = Framework::practice_fundamentals();
    let mut plr = complete_plr();
    plr.judgement
        .choose_final_grade(Grade::Good, Some(Grade::Outstanding));
    plr.judgement.rationale = "Strong evidence".into();
    complete(&mut plr, f, at("2026-11-20T10:00:00Z")).unwrap();
    assert_eq!(raised(&plr), None);
    let moderate = |plr: &mut Plr, grade, when: &str| {
        crate::moderation::moderate(plr, "Q. Moderator", Some(grade), "Looked again", at(when))
            .unwrap()
    };
    moderate(&mut plr, Grade::Inadequate, "2026-12-01T15:00:00Z");
    let by_moderation = Some((at("2026-12-01T15:00:00Z"), RaisedBy::ModeratedInadequate));
    assert_eq!(raised(&plr), by_moderation);
    // A second moderation upgrades the grade: the concern, its moment and deadline stay.
    moderate(&mut plr, Grade::RequiresImprovement, "2026-12-03T09:00:00Z");
    assert_eq!(raised(&plr), by_moderation);
    assert_eq!(plr.judgement.share_by, Some(at("2026-12-02T15:00:00Z")));
    // And so they do in the file: exported, imported, derived values recomputed.
    let json = crate::export::export_json(&plr, f).unwrap();
    let imported = crate::import::import(json.as_bytes()).unwrap();
    assert_eq!(imported.warnings, []);
    assert_eq!(raised(&imported.plr), by_moderation);
    // A review moderated without ever being inadequate is not raised.
    let mut never = complete_plr();
    never
        .judgement
        .choose_final_grade(Grade::Good, Some(Grade::Outstanding));
    never.judgement.rationale = "Strong evidence".into();
    complete(&mut never, f, at("2026-11-20T10:00:00Z")).unwrap();
    moderate(
        &mut never,
        Grade::RequiresImprovement,
        "2026-12-01T15:00:00Z",
    );
    assert_eq!((raised(&never), never.judgement.share_by), (None, None));
}
