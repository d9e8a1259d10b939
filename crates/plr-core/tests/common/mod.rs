//! Builders shared by the integration tests and benchmarks.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use plr_core::completion::complete;
use plr_core::*;

/// A realistic completed PLR: every field answered, every statement rated with a note.
pub fn realistic_completed() -> Plr {
    let f = Framework::practice_fundamentals();
    let created: DateTime<Utc> = "2026-11-20T09:12:44Z".parse().unwrap();
    let mut plr = Plr::new_draft(
        PlrId("0f9a3c1e-5b7d-4e2a-9c61-2d8f4b7a1e33".parse().unwrap()),
        created,
        f,
    );
    plr.case = Case {
        child_ref: "LL-482913".into(),
        team: "Stroud Safeguarding".into(),
        legal_status: Some(LegalStatus::ChildProtection),
        child_aged_4_or_over: Some(true),
        iro_or_cp_chair_allocated: Some(true),
    };
    plr.review.date = NaiveDate::from_ymd_opt(2026, 11, 20);
    plr.review.reviewer = Person {
        name: "A. Manager".into(),
        role: Some(Role::TeamManager),
    };
    plr.review.practitioner = Person {
        name: "B. Worker".into(),
        role: Some(Role::SocialWorker),
    };
    plr.participation = Participation {
        social_worker: Some(true),
        team_manager: Some(true),
        iro_or_cp_chair: Some(true),
        child: Some(Views {
            views: Some(ViewsOutcome::Obtained),
            feedback: Some(Feedback::Positive),
            ..Default::default()
        }),
        parent_carer: Some(Views {
            views: Some(ViewsOutcome::Unreachable),
            persistent_attempts: Some(false),
            ..Default::default()
        }),
    };
    for (s, section) in plr.sections.iter_mut().enumerate() {
        for (i, item) in section.items.iter_mut().enumerate() {
            item.rating = Some(match (s + i) % 5 {
                0..=2 => Rating::Met,
                3 => Rating::PartlyMet,
                _ => Rating::NotApplicable,
            });
            item.note = format!(
                "Supervision record dated 0{}/11 shows the manager set clear direction on {}; the worker followed it up within the week and the child's plan reflects it.",
                i % 9 + 1, item.id
            );
        }
        section.practitioner_reflection = "I can see where the plan drifted over the summer and what I would do differently: earlier escalation, and a clearer record of the child's own words.".repeat(3);
        section.reviewer_evaluation = "Practice in this area is mostly good; the gaps are in recording the rationale for decisions and in reviewing the plan when circumstances changed.".repeat(3);
    }
    plr.judgement.impact_on_child = "The plan is reducing risk: the child now sleeps at home most nights and attends school; their views shaped the safety plan.".repeat(4);
    plr.judgement.final_grade = suggest(&plr);
    plr.actions.push(Action {
        id: "a1".into(),
        kind: Some(ActionKind::CarePlanning),
        description: "Update the child protection plan with specific, measurable outcomes".into(),
        owner: "B. Worker".into(),
        due_on: NaiveDate::from_ymd_opt(2026, 12, 4),
        status: ActionStatus::Open,
        completed_on: None,
        progress_note: String::new(),
        transferred_on: None,
        updated_on: None,
    });
    complete(&mut plr, f, "2026-11-20T10:40:02Z".parse().unwrap()).expect("complete");
    plr
}

/// A completed Case of Concern: the same review with an immediate concern flagged, graded
/// inadequate, shared with the Head of Service; the deadline is 24 hours after the flag was set.
pub fn concern_completed() -> Plr {
    let f = Framework::practice_fundamentals();
    let mut plr = realistic_completed();
    completion::reopen(&mut plr, "2026-11-20T10:45:00Z".parse().unwrap());
    plr.id = PlrId("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f".parse().unwrap());
    plr.case.child_ref = "LL-771204".into();
    plr.judgement
        .flag_immediate_concern(true, "2026-11-20T10:50:00Z".parse().unwrap());
    plr.judgement.immediate_concern_details =
        "The child disclosed new harm at the visit on 18/11 and is frightened to go home.".into();
    plr.judgement.concern_shared_with = "D. Head (Head of Service)".into();
    plr.judgement
        .record_sharing(true, "2026-11-20T10:55:00Z".parse().unwrap())
        .unwrap();
    plr.judgement.final_grade = Some(Grade::Inadequate);
    plr.judgement.impact_on_child = "The child disclosed new harm at the visit on 18/11; the plan has not yet responded and the child is not safe at home tonight.".into();
    complete(&mut plr, f, "2026-11-20T11:00:00Z".parse().unwrap()).expect("complete");
    plr
}

/// The realistic completed review after moderation: the moderator graded it lower.
pub fn moderated() -> Plr {
    let mut plr = realistic_completed();
    let final_grade = plr.judgement.final_grade.unwrap_or(Grade::Good);
    plr.moderation = Some(Moderation {
        moderator: "C. Moderator".into(),
        moderated_at: "2026-12-02T15:30:00Z".parse().unwrap(),
        grade: Grade::RequiresImprovement,
        effect: moderation::moderation_effect(final_grade, Grade::RequiresImprovement),
        comments: "The evidence notes do not show how the child's views changed the plan.".into(),
    });
    plr.updated_at = "2026-12-02T15:30:00Z".parse().unwrap();
    plr
}

/// A draft as the app starts it: nothing answered, nothing rated.
pub fn blank_draft() -> Plr {
    Plr::new_draft(
        PlrId("3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d".parse().unwrap()),
        "2026-11-20T09:00:00Z".parse().unwrap(),
        Framework::practice_fundamentals(),
    )
}

/// A draft half way through: the case answered and Supervision and Management rated.
pub fn partial_draft() -> Plr {
    let mut plr = blank_draft();
    plr.case.child_ref = "LL-300118".into();
    plr.case.team = "Gloucester Child in Care".into();
    plr.case.legal_status = Some(LegalStatus::ChildInCare);
    plr.review.date = NaiveDate::from_ymd_opt(2026, 11, 19);
    for (n, item) in plr.sections[0].items.iter_mut().enumerate() {
        item.rating = Some(if n < 9 {
            Rating::Met
        } else {
            Rating::PartlyMet
        });
    }
    plr.sections[0].items[0].note = "Monthly supervision is recorded and reflective.".into();
    plr.updated_at = "2026-11-20T09:25:00Z".parse().unwrap();
    derived::recompute_derived(&mut plr, Framework::practice_fundamentals());
    plr
}

fn suggest(plr: &Plr) -> Option<Grade> {
    grading::suggest_grade(Framework::practice_fundamentals(), &plr.sections, false).grade
}
