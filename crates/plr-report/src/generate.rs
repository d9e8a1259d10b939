//! Synthetic, valid, varied PLRs for tests, benchmarks and demos (`plr generate`).
//!
//! Reproducible: PLR number `n` of seed `s` is always the same review, whatever order or
//! thread it is made in. Pure (a seeded PRNG, no clock), so the browser can make demo data too.
//! The mix of teams, legal statuses, grades, participation, moderation and actions is roughly
//! that of the councils' reports; a few team names are typed in other spellings on purpose.
//! [`seed_003`] builds a batch to given figures from it (seed 003's July 2022).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use plr_core::completion::complete;
use plr_core::derived::recompute_derived;
use plr_core::framework::Framework;
use plr_core::grading::suggest_grade;
use plr_core::model::{
    Action, ActionKind, ActionStatus, Case, Feedback, Grade, LegalStatus, Moderation,
    Participation, Person, Plr, PlrId, Rating, Role, Status, Views, ViewsOutcome,
};
use plr_core::moderation::moderation_effect;

pub mod seed_003;

const TEAMS: [&str; 12] = [
    "Stroud Safeguarding",
    "Gloucester Safeguarding",
    "Cheltenham Safeguarding",
    "Forest of Dean Safeguarding",
    "Cotswolds Safeguarding",
    "Tewkesbury Safeguarding",
    "Children in Care North",
    "Children in Care South",
    "Care Leavers",
    "Disabled Children",
    "MASH and Assessment",
    "Early Help Central",
];
const PEOPLE: [&str; 12] = [
    "A. Patel",
    "B. Jones",
    "C. Okafor",
    "D. Smith",
    "E. Williams",
    "F. Nowak",
    "G. Brown",
    "H. Khan",
    "I. Taylor",
    "J. Evans",
    "K. Murphy",
    "L. Chen",
];
const NOTES: [&str; 4] = [
    "Supervision record shows clear direction; the plan reflects it.",
    "The chronology is up to date and the child's voice is recorded in their own words.",
    "Visits were within timescale but the purpose of each was not always recorded.",
    "The assessment analyses risk well; the plan's outcomes are not yet measurable.",
];

/// What to make: the range of review dates and whether to include some drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generator {
    /// The seed.
    pub seed: u64,
    /// The earliest review date.
    pub from: NaiveDate,
    /// The latest review date.
    pub to: NaiveDate,
    /// Whether about 3% of the PLRs are left as drafts.
    pub drafts: bool,
}

/// A PLR to make with some facts fixed (the rest is random).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The review date.
    pub date: Option<NaiveDate>,
    /// The reported grade (the final grade; moderation then agrees), which the ratings follow.
    pub grade: Option<Grade>,
    /// The reviewer's final grade when it is not `grade` (chosen against the ratings, with a
    /// rationale): a moderator is then to grade it `grade`.
    pub final_grade: Option<Grade>,
    /// The team.
    pub team: Option<&'static str>,
    /// Whether it is moderated.
    pub moderated: Option<bool>,
}

/// SplitMix64: spreads (seed, n) into an independent stream per PLR.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut roll = rng.u32(0..total.max(1));
    for (value, weight) in weighted {
        if roll < *weight {
            return *value;
        }
        roll -= weight;
    }
    weighted[0].0
}

fn chance(rng: &mut fastrand::Rng, percent: u32) -> bool {
    rng.u32(0..100) < percent
}

/// Rating weights (met, partly, not met, n/a) that tend towards `grade`.
fn weights(grade: Grade) -> [(Rating, u32); 4] {
    let (met, partly, not) = match grade {
        Grade::Outstanding => (92, 8, 0),
        Grade::Good => (68, 28, 4),
        Grade::RequiresImprovement => (45, 40, 15),
        Grade::RequiresImprovementLow => (28, 42, 30),
        Grade::Inadequate => (10, 30, 60),
    };
    [
        (Rating::Met, met),
        (Rating::PartlyMet, partly),
        (Rating::NotMet, not),
        (Rating::NotApplicable, 5),
    ]
}

fn views(rng: &mut fastrand::Rng, obtained_percent: u32) -> Views {
    let outcome = if chance(rng, obtained_percent) {
        ViewsOutcome::Obtained
    } else {
        pick(
            rng,
            &[
                (ViewsOutcome::Inappropriate, 3),
                (ViewsOutcome::Unreachable, 4),
                (ViewsOutcome::Declined, 3),
            ],
        )
    };
    Views {
        views: Some(outcome),
        social_worker_consulted: (outcome == ViewsOutcome::Inappropriate).then(|| chance(rng, 80)),
        persistent_attempts: (outcome == ViewsOutcome::Unreachable).then(|| chance(rng, 70)),
        feedback: (outcome == ViewsOutcome::Obtained)
            .then(|| pick(rng, &[(Feedback::Positive, 6), (Feedback::Mixed, 4)])),
    }
}

fn team_spelling(rng: &mut fastrand::Rng, team: &str) -> String {
    match rng.u32(0..100) {
        0 => team.to_lowercase(),
        1 => format!("{team} "),
        _ => team.to_string(),
    }
}

impl Generator {
    /// Review dates from April 2021 to March 2023 (two financial years), with some drafts.
    pub fn new(seed: u64) -> Generator {
        Generator {
            seed,
            from: NaiveDate::from_ymd_opt(2021, 4, 1).unwrap_or(NaiveDate::MIN),
            to: NaiveDate::from_ymd_opt(2023, 3, 31).unwrap_or(NaiveDate::MIN),
            drafts: true,
        }
    }

    /// PLR number `n`.
    pub fn plr(&self, n: u64) -> Plr {
        self.plr_shaped(n, Shape::default())
    }

    /// PLR number `n`, with the facts `shape` fixes.
    pub fn plr_shaped(&self, n: u64, shape: Shape) -> Plr {
        let framework = Framework::practice_fundamentals();
        let mut rng = fastrand::Rng::with_seed(mix(self.seed ^ mix(n)));
        let id = PlrId(uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes()).into_uuid());
        let days = (self.to - self.from).num_days().max(0);
        let date = shape
            .date
            .unwrap_or_else(|| self.from + Duration::days(rng.i64(0..=days)));
        let start = date
            .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
            .and_utc()
            + Duration::minutes(rng.i64(0..300));
        let mut plr = Plr::new_draft(id, start, framework);
        let legal_status = pick(
            &mut rng,
            &[
                (LegalStatus::Assessment, 12),
                (LegalStatus::ChildInNeed, 20),
                (LegalStatus::ChildProtection, 22),
                (LegalStatus::ChildInCare, 24),
                (LegalStatus::CareLeaver, 8),
                (LegalStatus::DisabledChildren, 6),
                (LegalStatus::EarlyHelp, 5),
                (LegalStatus::YouthSupport, 3),
            ],
        );
        let team = shape.team.unwrap_or(TEAMS[rng.usize(0..TEAMS.len())]);
        let iro_allocated = matches!(
            legal_status,
            LegalStatus::ChildProtection | LegalStatus::ChildInCare
        );
        let child_aged_4_or_over = chance(&mut rng, 75);
        plr.case = Case {
            child_ref: format!("LL-{:06}", rng.u32(0..1_000_000)),
            team: team_spelling(&mut rng, team),
            legal_status: Some(legal_status),
            child_aged_4_or_over: Some(child_aged_4_or_over),
            iro_or_cp_chair_allocated: Some(iro_allocated),
        };
        plr.review.date = Some(date);
        plr.review.reviewer = Person {
            name: PEOPLE[rng.usize(0..6)].into(),
            role: Some(Role::TeamManager),
        };
        plr.review.practitioner = Person {
            name: PEOPLE[rng.usize(6..12)].into(),
            role: Some(Role::SocialWorker),
        };
        plr.participation = Participation {
            social_worker: Some(chance(&mut rng, 98)),
            team_manager: Some(chance(&mut rng, 96)),
            iro_or_cp_chair: iro_allocated.then(|| chance(&mut rng, 93)),
            child: child_aged_4_or_over.then(|| views(&mut rng, 40)),
            parent_carer: Some(views(&mut rng, 65)),
        };
        let grade = shape.grade.unwrap_or_else(|| {
            pick(
                &mut rng,
                &[
                    (Grade::Outstanding, 3),
                    (Grade::Good, 30),
                    (Grade::RequiresImprovement, 42),
                    (Grade::RequiresImprovementLow, 15),
                    (Grade::Inadequate, 10),
                ],
            )
        });
        let concern = grade == Grade::Inadequate && chance(&mut rng, 20);
        if concern {
            // An immediate concern carries its substance: when it was flagged, what it is,
            // and the record of sharing it with the Head of Service.
            let flagged = start + Duration::minutes(rng.i64(5..50));
            plr.judgement.flag_immediate_concern(true, flagged);
            plr.judgement.immediate_concern_details =
                "The child described an incident at home last night; a strategy discussion is needed today.".into();
            plr.judgement.concern_shared_with = "H. Service".into();
            plr.judgement
                .record_sharing(true, flagged + Duration::hours(rng.i64(1..20)))
                .expect("a name was given");
        }
        for _attempt in 0..8 {
            for section in &mut plr.sections {
                for item in &mut section.items {
                    item.rating = Some(pick(&mut rng, &weights(grade)));
                    item.note = if chance(&mut rng, 40) {
                        NOTES[rng.usize(0..NOTES.len())].into()
                    } else {
                        String::new()
                    };
                }
                section.practitioner_reflection = NOTES[rng.usize(0..NOTES.len())].repeat(2);
                section.reviewer_evaluation = NOTES[rng.usize(0..NOTES.len())].repeat(2);
            }
            if suggest_grade(framework, &plr.sections, concern).grade == Some(grade) {
                break;
            }
        }
        let suggested = suggest_grade(framework, &plr.sections, concern).grade;
        let final_grade = shape.final_grade.unwrap_or(grade);
        plr.judgement.choose_final_grade(final_grade, suggested);
        if suggested != Some(final_grade) {
            // A reviewer's own grade below their ratings says they overstate.
            let position = |g: Grade| Grade::ALL.iter().position(|a| *a == g);
            let below = shape
                .final_grade
                .is_some_and(|f| suggested.is_some_and(|s| position(f) > position(s)));
            plr.judgement.rationale = if below {
                "The ratings overstate what the evidence on file shows for this child; the grade reflects the whole picture."
            } else {
                "The ratings understate what the evidence on file shows for this child; the grade reflects the whole picture."
            }
            .into();
        }
        plr.judgement.impact_on_child = "The plan is making a difference: the child attends school and their views shaped the safety plan.".into();
        // A Case of Concern cannot be completed without an action.
        let actions = rng.usize(usize::from(grade == Grade::Inadequate)..5);
        for a in 0..actions {
            let due = date + Duration::days(rng.i64(14..70));
            let done = chance(&mut rng, 60);
            let completed_on = done.then(|| due + Duration::days(rng.i64(-13..15)));
            plr.actions.push(Action {
                id: format!("a{}", a + 1),
                kind: Some(if chance(&mut rng, 60) {
                    ActionKind::CarePlanning
                } else {
                    ActionKind::Other
                }),
                description: "Update the plan with specific, measurable outcomes and review dates"
                    .into(),
                owner: plr.review.practitioner.name.clone(),
                due_on: Some(due),
                status: if done {
                    ActionStatus::Completed
                } else {
                    ActionStatus::Open
                },
                completed_on,
                progress_note: String::new(),
                transferred_on: None,
                updated_on: None,
            });
        }
        let completed_at = start + Duration::minutes(rng.i64(60..600));
        let draft = shape.grade.is_none() && self.drafts && chance(&mut rng, 3);
        if draft || complete(&mut plr, framework, completed_at).is_err() {
            plr.sections[0].items[0].rating = None;
            plr.judgement.suggested = suggest_grade(framework, &plr.sections, concern);
            plr.status = Status::Draft;
            plr.updated_at = completed_at;
            return plr;
        }
        if shape.moderated.unwrap_or_else(|| chance(&mut rng, 20)) {
            let moderated = match (shape.grade, rng.u32(0..10)) {
                (Some(g), _) => g,
                (None, 0) => {
                    Grade::ALL[Grade::ALL
                        .iter()
                        .position(|g| *g == grade)
                        .unwrap_or(0)
                        .saturating_sub(1)]
                }
                (None, 1) => {
                    Grade::ALL
                        [(Grade::ALL.iter().position(|g| *g == grade).unwrap_or(0) + 1).min(4)]
                }
                _ => grade,
            };
            let moderated_at: DateTime<Utc> = completed_at + Duration::days(rng.i64(7..40));
            plr.moderation = Some(Moderation {
                moderator: "Q. Moderator".into(),
                moderated_at,
                grade: moderated,
                effect: moderation_effect(final_grade, moderated),
                comments: "Moderated against the evidence on file.".into(),
            });
            plr.updated_at = moderated_at;
            // A moderated inadequate grade makes a Case of Concern: derived fields follow.
            recompute_derived(&mut plr, framework);
        }
        plr
    }
}
