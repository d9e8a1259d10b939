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
    });
    complete(&mut plr, f, "2026-11-20T10:40:02Z".parse().unwrap()).expect("complete");
    plr
}

fn suggest(plr: &Plr) -> Option<Grade> {
    grading::suggest_grade(Framework::practice_fundamentals(), &plr.sections, false).grade
}
