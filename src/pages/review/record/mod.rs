//! The printed record: the whole review on A4 in reading order, for the child's file. "Print"
//! on the check-answers page and on a completed review opens this printable view; its own
//! "Print" opens the browser's dialog, and in print (`style/main.css`, `@media print`) the
//! record is all that shows. It is a page of its own, not a hidden copy on those pages, so
//! the screen's pages hold each answer once.
//!
//! Each part of the record is its own small function (the case, the concern, the grades, the
//! areas, the judgement, the actions, the moderation, the Ambassadors' review), which says what to print as a list of
//! [`Block`]s; one renderer draws them. A field added to the model has one place to go, and
//! the form's download carries one small renderer rather than a view type per part. The
//! labels are the core's: the form description's questions and the closed sets' labels.

mod actions;
pub(super) mod ambassadors;
mod areas;
mod grades;
mod moderation;

use leptos::prelude::*;
use plr_core::concern::{
    is_or_was_case_of_concern, share_by, share_instruction, sharing_record, ConcernClock,
};
use plr_core::form::{spot_list, CaseField, FieldPath, JudgementField, Spot};
use plr_core::moderation::reported_grade_words;
use plr_core::{Framework, Plr, Status, Suggestion};

use super::summary::summary_sections;
use super::Review;
use crate::address::ReviewPage;
use crate::browser::{self, read_back};
use crate::components::title::PageTitle;

/// One piece of the printed record.
pub(super) enum Block {
    /// A heading of level 1 to 4.
    Heading(u8, String),
    /// A paragraph.
    Text(String),
    /// Labels and their values.
    Rows(Vec<(String, String)>),
    /// A bulleted list.
    List(Vec<String>),
    /// The table of area bands: area, band, points.
    Bands(Vec<(String, String, String)>),
    /// Blocks kept together on one page (a statement, an action), with a CSS class.
    Keep(&'static str, Vec<Block>),
}

/// What every part of the record reads: the review, its suggestion, and the questions it is
/// asked.
pub(super) struct Record<'a> {
    plr: &'a Plr,
    suggestion: &'a Suggestion,
    framework: &'static Framework,
    /// The questions of the form description that the review is asked, in form order: found
    /// once for the whole record, not once per part (or per action).
    asked: Vec<Spot<'a>>,
}

impl<'a> Record<'a> {
    fn new(plr: &'a Plr, suggestion: &'a Suggestion, framework: &'static Framework) -> Self {
        let asked = spot_list(plr)
            .into_iter()
            .filter(|spot| spot.applies(plr, suggestion.grade))
            .collect();
        Record {
            plr,
            suggestion,
            framework,
            asked,
        }
    }

    /// The questions `which` picks of those asked, each as its label and its answer.
    fn rows(&self, which: &dyn Fn(&Spot) -> bool) -> Vec<(String, String)> {
        self.asked
            .iter()
            .filter(|spot| which(spot))
            .map(|spot| self.row(*spot))
            .collect()
    }

    /// One question as its label and its answer.
    fn row(&self, spot: Spot) -> (String, String) {
        (spot.label(self.framework), read_back(spot.shown(self.plr)))
    }
}

/// What a reader of the record needs first: where the review stands and the grade reported
/// for it (the moderated grade, saying what it supersedes, once moderated).
fn headline(record: &Record, out: &mut Vec<Block>) {
    let plr = record.plr;
    let status = match (plr.status, plr.completed_at) {
        (Status::Completed, Some(at)) => format!("Completed {}", browser::local_date_time(at)),
        (Status::Completed, None) => "Completed".into(),
        (Status::Draft, _) => "Draft: not completed yet".into(),
    };
    let grade = reported_grade_words(plr).unwrap_or_else(|| "No final grade yet".into());
    out.push(Block::Rows(vec![
        ("Status".into(), status),
        ("Reported grade".into(), grade),
    ]));
}

/// The Case of Concern banner, when the review is one: its deadline, and whether (and with
/// whom) it was shared.
fn concern(record: &Record, out: &mut Vec<Block>) {
    let plr = record.plr;
    if is_or_was_case_of_concern(plr) {
        let deadline = share_by(plr).map(browser::local_date_time);
        let mut blocks = vec![
            Block::Heading(2, "This review is a Case of Concern".into()),
            Block::Text(share_instruction(deadline.as_deref())),
        ];
        if let Some(clock) = ConcernClock::of(plr, browser::now()) {
            blocks.push(Block::Text(clock.label()));
        }
        if let Some(at) = plr.judgement.concern_shared_at {
            blocks.push(Block::Text(sharing_record(
                &plr.judgement.concern_shared_with,
                &browser::local_date_time(at),
            )));
        }
        out.push(Block::Keep("notice notice--concern", blocks));
    }
}

/// The judgement: the impact on the child and the immediate concern (the final grade and its
/// reason are with the grades).
fn judgement(record: &Record, out: &mut Vec<Block>) {
    use JudgementField as J;
    let rows = record.rows(&|spot| {
        matches!(spot, Spot::Judgement(field) if !matches!(field, J::FinalGrade | J::Rationale))
    });
    out.push(Block::Heading(2, "Judgement".into()));
    out.push(Block::Rows(rows));
}

/// The whole record, part by part, in reading order.
fn record_blocks(review: &Review, plr: &Plr, suggestion: &Suggestion) -> Vec<Block> {
    let record = Record::new(plr, suggestion, review.framework);
    let child_ref = FieldPath::Case(CaseField::ChildRef)
        .spot(plr)
        .map_or(String::new(), |spot| spot.label(review.framework));
    let mut out = vec![
        Block::Text("Practice Learning Review".into()),
        Block::Heading(1, format!("{child_ref}: {}", plr.case.child_ref)),
    ];
    headline(&record, &mut out);
    concern(&record, &mut out);
    // The case and who took part are printed as the check-answers page lists them.
    for (heading, rows) in summary_sections(plr, review).into_iter().take(2) {
        out.push(Block::Heading(2, heading));
        out.push(Block::Rows(
            rows.into_iter().map(|r| (r.key, r.value)).collect(),
        ));
    }
    grades::grades(&record, &mut out);
    areas::areas(&record, &mut out);
    judgement(&record, &mut out);
    actions::actions(&record, &mut out);
    moderation::moderation(&record, &mut out);
    ambassadors::ambassadors(&record, &mut out);
    out
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Heading(1, text) => view! { <h1>{text}</h1> }.into_any(),
        Block::Heading(2, text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading(3, text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Heading(_, text) => view! { <h4>{text}</h4> }.into_any(),
        Block::Text(text) => view! { <p class="record__text">{text}</p> }.into_any(),
        Block::Rows(rows) => {
            let rows = rows
                .into_iter()
                .map(|(key, value)| view! { <div class="record__row"><dt>{key}</dt><dd>{value}</dd></div> })
                .collect_view();
            view! { <dl class="record__list">{rows}</dl> }.into_any()
        }
        Block::List(items) => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            view! { <ul class="list list--bullet">{items}</ul> }.into_any()
        }
        Block::Bands(bands) => {
            let rows = bands
                .into_iter()
                .map(|(area, band, points)| view! { <tr><th scope="row">{area}</th><td>{band}</td><td>{points}</td></tr> })
                .collect_view();
            view! {
                <table class="record__table">
                    <thead><tr><th scope="col">"Area"</th><th scope="col">"Band"</th><th scope="col">"Points"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        Block::Keep(class, blocks) => {
            let inner = blocks.into_iter().map(block_view).collect_view();
            view! { <div class=format!("record__keep {class}")>{inner}</div> }.into_any()
        }
    }
}

/// The whole review as it is printed.
#[component]
fn PrintRecord() -> impl IntoView {
    let review = Review::use_context();
    move || {
        let plr = review.store.get();
        let blocks = review
            .suggestion
            .with(|suggestion| record_blocks(&review, &plr, suggestion));
        let blocks = blocks.into_iter().map(block_view).collect_view();
        view! { <article class="print-record" aria-label="Printed record">{blocks}</article> }
    }
}

/// The printable view: a way back and "Print" (neither printed), then the record.
#[component]
pub fn PrintPage() -> impl IntoView {
    let review = Review::use_context();
    view! {
        <PageTitle title="Print the review" error=review.has_problems() />
        <div class="screen-only button-group">
            <button type="button" class="button" on:click=move |_| browser::print()>"Print this page"</button>
            <a class="button button--secondary" href=review.href(&ReviewPage::CHECK)>"Back to the review"</a>
        </div>
        <PrintRecord />
    }
}
