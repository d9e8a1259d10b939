//! Every answer of a review as a summary list, each row with a "Change" link to its page.

use leptos::prelude::*;
use plr_core::completion::is_case_of_concern;
use plr_core::form::{applies, FieldPath, JudgementField, ParticipationField};
use plr_core::moderation::superseding;
use plr_core::progress::rated_count;
use plr_core::{ActionKind, ActionStatus, Plr, Views, ViewsOutcome};

use super::Review;
use crate::browser;

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => "Not answered".into(),
    }
}

fn text_or(value: &str, blank: &str) -> String {
    if value.trim().is_empty() {
        blank.to_string()
    } else {
        value.to_string()
    }
}

fn describe_views(views: &Views) -> String {
    let follow_up = match views.views {
        Some(ViewsOutcome::Obtained) => views.feedback.map(|f| f.label().to_lowercase()),
        Some(ViewsOutcome::Inappropriate) => views.social_worker_consulted.map(|c| {
            if c {
                "the social worker was consulted".to_string()
            } else {
                "the social worker was not consulted".to_string()
            }
        }),
        Some(ViewsOutcome::Unreachable) => views.persistent_attempts.map(|p| {
            if p {
                "persistent attempts were made".to_string()
            } else {
                "persistent attempts were not made".to_string()
            }
        }),
        _ => None,
    };
    match (views.views, follow_up) {
        (None, _) => "Not answered".into(),
        (Some(outcome), Some(more)) => format!("{}: {more}", outcome.label()),
        (Some(outcome), None) => outcome.label().to_string(),
    }
}

/// One row of a summary list; `page` is where a person changes it (`None` when calculated).
pub(super) struct Row {
    pub(super) key: String,
    pub(super) value: String,
    page: Option<String>,
}

fn row(key: impl Into<String>, value: impl Into<String>, page: &str) -> Row {
    Row {
        key: key.into(),
        value: value.into(),
        page: Some(page.to_string()),
    }
}

/// The summary's sections: a heading and its rows (the printed record shows some of them).
pub(super) fn summary_sections(plr: &Plr, review: &Review) -> Vec<(&'static str, Vec<Row>)> {
    let person = |p: &plr_core::Person| match p.role {
        Some(role) => format!("{} ({})", text_or(&p.name, "No name"), role.label()),
        None => text_or(&p.name, "Not answered"),
    };
    let case = vec![
        row(
            "Child's case reference",
            text_or(&plr.case.child_ref, "Not answered"),
            "case",
        ),
        row("Team", text_or(&plr.case.team, "Not answered"), "case"),
        row(
            "Legal status or service",
            plr.case.legal_status.map_or("Not answered", |s| s.label()),
            "case",
        ),
        row(
            "Child aged 4 or over",
            yes_no(plr.case.child_aged_4_or_over),
            "case",
        ),
        row(
            "Independent Reviewing Officer or Child Protection Chair allocated",
            yes_no(plr.case.iro_or_cp_chair_allocated),
            "case",
        ),
        row(
            "Review date",
            plr.review
                .date
                .map_or("Not answered".into(), browser::long_date),
            "case",
        ),
        row("Reviewing manager", person(&plr.review.reviewer), "case"),
        row("Practitioner", person(&plr.review.practitioner), "case"),
    ];
    let suggestion = review.suggestion.get_untracked();
    let p = &plr.participation;
    let mut participation = vec![
        row(
            "Social worker involved",
            yes_no(p.social_worker),
            "participation",
        ),
        row(
            "Team manager involved",
            yes_no(p.team_manager),
            "participation",
        ),
    ];
    let asked = |field| applies(&field, plr, suggestion.grade);
    if asked(FieldPath::Participation(ParticipationField::IroOrCpChair)) {
        participation.push(row(
            "Independent Reviewing Officer or Child Protection Chair involved",
            yes_no(p.iro_or_cp_chair),
            "participation",
        ));
    }
    if let Some(child) = &p.child {
        participation.push(row("Child's views", describe_views(child), "participation"));
    }
    if let Some(family) = &p.parent_carer {
        participation.push(row(
            "Parent's or carer's views",
            describe_views(family),
            "participation",
        ));
    }
    let mut areas: Vec<Row> = review
        .framework
        .areas
        .iter()
        .map(|area| {
            let section = plr.sections.iter().find(|s| s.id == area.id);
            let count = rated_count(section.map(std::slice::from_ref).unwrap_or_default());
            let band = suggestion
                .areas
                .iter()
                .find(|a| a.id == area.id)
                .and_then(|a| a.band)
                .map_or("no band yet", |b| b.label());
            row(
                area.title.clone(),
                format!(
                    "{band}; {} of {} statements rated",
                    count.rated, count.total
                ),
                &format!("area/{}", area.id),
            )
        })
        .collect();
    // The practitioner's voice: their reflection on each area.
    for (area, section) in review.framework.areas.iter().zip(&plr.sections) {
        areas.push(row(
            format!("Practitioner's reflection: {}", area.title),
            text_or(&section.practitioner_reflection, "None yet"),
            &format!("area/{}", area.id),
        ));
    }
    let j = &plr.judgement;
    let mut judgement = vec![
        Row {
            key: "Suggested grade (calculated)".into(),
            value: suggestion
                .grade
                .map_or("Not enough rated yet", |g| g.label())
                .into(),
            page: None,
        },
        row(
            "Final grade",
            j.final_grade.map_or("Not answered", |g| g.label()),
            "judgement",
        ),
    ];
    if asked(FieldPath::Judgement(JudgementField::Rationale)) {
        judgement.push(row(
            "Why the final grade differs",
            j.rationale.clone(),
            "judgement",
        ));
    }
    judgement.push(row(
        "Impact on the child",
        text_or(&j.impact_on_child, "Not answered"),
        "judgement",
    ));
    judgement.push(row(
        "Immediate concern about the child's safety",
        if j.immediate_concern { "Yes" } else { "No" },
        "judgement",
    ));
    if asked(FieldPath::Judgement(
        JudgementField::ImmediateConcernDetails,
    )) {
        judgement.push(row(
            "What the concern is",
            text_or(&j.immediate_concern_details, "Not answered"),
            "judgement",
        ));
    }
    let shared = match (j.concern_shared_with.trim(), j.concern_shared_at) {
        ("", None) => "Not yet shared".to_string(),
        (who, Some(at)) => format!(
            "{} on {}",
            text_or(who, "Name not given"),
            crate::browser::local_date_time(at)
        ),
        (who, None) => format!("{who}: not yet recorded as shared"),
    };
    if asked(FieldPath::Judgement(JudgementField::ConcernSharedAt)) || is_case_of_concern(plr) {
        judgement.push(row("Shared with the Head of Service", shared, "judgement"));
    }
    let actions = if plr.actions.is_empty() {
        vec![row("Actions", "None", "actions")]
    } else {
        plr.actions
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let kind = a.kind.map_or("Type not chosen", ActionKind::label);
                let due = a.due_on.map_or("no due date".into(), |d| {
                    format!("due {}", browser::short_date(d))
                });
                let status = match (a.status, a.completed_on) {
                    (ActionStatus::Completed, Some(on)) => {
                        format!("completed {}", browser::short_date(on))
                    }
                    _ if a.is_overdue(browser::today()) => "open, overdue".into(),
                    (status, _) => status.label().to_lowercase(),
                };
                let progress = if a.progress_note.trim().is_empty() {
                    String::new()
                } else {
                    format!("; progress: {}", a.progress_note.trim())
                };
                row(
                    format!("Action {}", n + 1),
                    format!(
                        "{} ({kind}); {}; {due}; {status}{progress}",
                        text_or(&a.description, "No description"),
                        text_or(&a.owner, "no owner")
                    ),
                    "actions",
                )
            })
            .collect()
    };
    let moderation = plr.moderation.as_ref().map(|m| {
        vec![
            Row {
                key: "Moderated grade (supersedes the final grade)".into(),
                value: superseding(plr).unwrap_or_default(),
                page: None,
            },
            row(
                "Moderated by",
                format!(
                    "{} on {}",
                    m.moderator,
                    browser::local_date_time(m.moderated_at)
                ),
                "moderate",
            ),
            row(
                "Comments for the manager",
                text_or(&m.comments, "None"),
                "moderate",
            ),
        ]
    });
    let mut sections = vec![
        ("About the case", case),
        ("Who took part", participation),
        ("Practice Fundamentals", areas),
        ("Judgement", judgement),
        ("Actions", actions),
    ];
    sections.extend(moderation.map(|rows| ("Moderation", rows)));
    sections
}

/// The whole review as summary lists.
#[component]
pub fn ReviewSummary() -> impl IntoView {
    let review = Review::use_context();
    move || {
        let plr = review.store.get();
        let completed = plr.status == plr_core::Status::Completed;
        summary_sections(&plr, &review)
            .into_iter()
            .map(|(heading, rows)| {
                let rows = rows
                    .into_iter()
                    .map(|r| {
                        let href = r.page.map(|page| review.href(&page));
                        view! {
                            <div class="summary-list__row">
                                <dt class="summary-list__key">{r.key.clone()}</dt>
                                <dd class="summary-list__value">{r.value}</dd>
                                <dd class="summary-list__actions">
                                    {href.filter(|_| !completed).map(|href| view! {
                                        <a href=href>"Change"<span class="visually-hidden">{format!(" {}", r.key.to_lowercase())}</span></a>
                                    })}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2>{heading}</h2>
                    <dl class="summary-list">{rows}</dl>
                }
            })
            .collect_view()
    }
}
