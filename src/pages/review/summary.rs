//! Every answer of a review as summary lists, each row with a "Change" link to its page. The
//! rows are the form description's questions that apply, labelled and read back by the core
//! (`Spot::label`, `Spot::shown`); only the statements are summed up, one row per area.

use leptos::prelude::*;
use plr_core::form::{spot_list, AreaField, Shown, Spot, Task};
use plr_core::moderation::superseding;
use plr_core::progress::rated_count;
use plr_core::{Plr, Section, Suggestion};

use super::Review;
use crate::address::ReviewPage;
use crate::browser::{self, read_back};

/// One row of a summary list; `page` is where a person changes it (`None` when calculated).
pub(super) struct Row {
    pub(super) key: String,
    pub(super) value: String,
    page: Option<ReviewPage>,
}

/// The summary's parts, in form order: a heading and its rows (the printed record shows the
/// first two).
pub(super) fn summary_sections(plr: &Plr, review: &Review) -> Vec<(String, Vec<Row>)> {
    let framework = review.framework;
    let suggestion = review.suggestion.get_untracked();
    let mut parts: Vec<(String, Vec<Row>)> = Vec::new();
    let mut part = |heading: String, row: Row| match parts.last_mut() {
        Some((last, rows)) if *last == heading => rows.push(row),
        _ => parts.push((heading, vec![row])),
    };
    for spot in spot_list(plr)
        .into_iter()
        .filter(|spot| spot.applies(plr, suggestion.grade))
    {
        let path = spot.path();
        let task = Task::of(&path);
        let page = Some(ReviewPage::of_task(&task));
        let row = |key: String| Row {
            key,
            value: read_back(spot.shown(plr)),
            page: page.clone(),
        };
        match spot {
            // The statements are summed up per area (the printed record has each of them).
            Spot::Statement { .. } => {}
            Spot::Area { section, field } => {
                let title = task.title(framework);
                if field == AreaField::PractitionerReflection {
                    part(
                        "Practice Fundamentals".into(),
                        area_row(section, &suggestion, title.clone(), page.clone()),
                    );
                }
                part(
                    "Practice Fundamentals".into(),
                    row(format!("{}: {title}", spot.label(framework))),
                );
            }
            Spot::Judgement(plr_core::form::JudgementField::ImpactOnChild) => {
                part(
                    task.title(framework),
                    Row {
                        key: "Suggested grade (calculated)".into(),
                        value: suggestion
                            .grade
                            .map_or("Not enough rated yet", |g| g.label())
                            .into(),
                        page: None,
                    },
                );
                part(task.title(framework), row(spot.label(framework)));
            }
            Spot::Actions if plr.actions.is_empty() => part(
                task.title(framework),
                Row {
                    key: "Actions".into(),
                    value: "None".into(),
                    page,
                },
            ),
            Spot::Actions => {}
            Spot::Action { action, .. } => {
                let n = plr.actions.iter().position(|a| a.id == action.id);
                // Marked as on the action's own card, so the check page does not show an
                // overdue action as merely "Open".
                let late = action
                    .lateness(browser::today())
                    .map(|late| format!(" ({})", late.label().to_lowercase()))
                    .unwrap_or_default();
                let heading = format!("Action {}{late}", n.map_or(0, |n| n + 1));
                part(heading, row(spot.label(framework)));
            }
            _ => part(task.title(framework), row(spot.label(framework))),
        }
    }
    if let Some(m) = &plr.moderation {
        let rows = vec![
            Row {
                key: "Moderated grade (supersedes the final grade)".into(),
                value: superseding(plr).unwrap_or_default(),
                page: None,
            },
            Row {
                key: "Moderated by".into(),
                value: format!(
                    "{} on {}",
                    m.moderator,
                    browser::local_date_time(m.moderated_at)
                ),
                page: Some(ReviewPage::MODERATE),
            },
            Row {
                key: "Comments for the manager".into(),
                value: read_back(Shown::Text(&m.comments)),
                page: Some(ReviewPage::MODERATE),
            },
        ];
        parts.push(("Moderation".into(), rows));
    }
    parts
}

/// An area's band and how many of its statements are rated.
fn area_row(
    section: &Section,
    suggestion: &Suggestion,
    title: String,
    page: Option<ReviewPage>,
) -> Row {
    let count = rated_count(std::slice::from_ref(section));
    let band = suggestion
        .areas
        .iter()
        .find(|a| a.id == section.id)
        .and_then(|a| a.band)
        .map_or("no band yet", |b| b.label());
    Row {
        key: title,
        value: format!(
            "{band}; {} of {} statements rated",
            count.rated, count.total
        ),
        page,
    }
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
