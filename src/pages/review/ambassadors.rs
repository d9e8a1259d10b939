//! "Record the Ambassadors' review" on a completed review (`qa-month.md` §3): the young
//! people's Ambassadors' five findings, each yes or no, and their comments, as GOV.UK's
//! pattern has it (the question page, a check of the answers, a confirmation). The findings'
//! questions and short names are the core's ([`FINDINGS`]): this page iterates them. The core
//! decides what may be recorded (`record_ambassadors_review`, which replaces an earlier one:
//! a correction); this page asks, shows the core's problems, and dispatches.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::ambassadors::{
    ambassadors_problems, answers, record_ambassadors_review, AmbassadorsProblem, Finding, FINDINGS,
};
use plr_core::form::catalogue::{AmbassadorsField, Recorded};
use plr_core::{AmbassadorsReview, PlrStoreFields};

use super::record::ambassadors::review_rows;
use super::Review;
use crate::address::ReviewPage;
use crate::browser;
use crate::components::recording::{
    check_rows, confirmation, name_input, problems_of, text_area, unless_refused, yes_no, Problem,
    Recording, Step, TypedDate,
};
use crate::components::title::PageTitle;

/// The id of a finding's question (its "Yes"), from its key: `ambassadors-childs_views`.
fn finding_id(finding: &Finding) -> String {
    format!("ambassadors-{}", finding.key)
}

/// The answers being typed.
#[derive(Clone, Copy)]
struct Answers {
    reviewed_on: TypedDate,
    by: RwSignal<String>,
    findings: [RwSignal<Option<bool>>; 5],
    comments: RwSignal<String>,
}

impl Answers {
    /// Those of the review recorded before (to correct it), else blank and dated `today`.
    fn new(earlier: Option<AmbassadorsReview>, today: NaiveDate) -> Answers {
        let found = earlier.as_ref().map(answers);
        Answers {
            reviewed_on: TypedDate::new(earlier.as_ref().map_or(today, |r| r.reviewed_on)),
            by: RwSignal::new(earlier.as_ref().map(|r| r.by.clone()).unwrap_or_default()),
            findings: std::array::from_fn(|n| RwSignal::new(found.map(|f| f[n]))),
            comments: RwSignal::new(earlier.map(|r| r.comments).unwrap_or_default()),
        }
    }

    /// The review, or the problems that stop it (the form's own, then the core's rules).
    fn review(&self, review: &Review) -> Result<AmbassadorsReview, Vec<Problem>> {
        let mut problems = Vec::new();
        let on = self
            .reviewed_on
            .date(
                AmbassadorsField::On.dom_id(),
                "the date of the Ambassadors' review",
            )
            .map_err(|p| problems.push(p))
            .ok();
        let by = self.by.get_untracked();
        let mut found = [false; 5];
        let mut unanswered = Vec::new();
        for (n, finding) in FINDINGS.iter().enumerate() {
            match self.findings[n].get_untracked() {
                Some(yes) => found[n] = yes,
                None => unanswered.push((
                    finding_id(finding),
                    format!("Select yes or no: {}", finding.question),
                )),
            }
        }
        let Some(on) = on.filter(|_| unanswered.is_empty()) else {
            if by.trim().is_empty() {
                problems.extend(problems_of(vec![AmbassadorsProblem::NoName], field_of));
            }
            problems.extend(unanswered);
            return Err(problems);
        };
        let asked = AmbassadorsReview::new(
            on,
            by.trim().to_string(),
            found,
            self.comments.get_untracked(),
        );
        let found = review
            .store
            .with_untracked(|plr| ambassadors_problems(plr, &asked, Some(browser::today())));
        unless_refused(asked, found, field_of)
    }
}

/// The id of the field a core problem is about.
fn field_of(problem: &AmbassadorsProblem) -> &'static str {
    problem
        .field()
        .map_or("ambassadors-heading", AmbassadorsField::dom_id)
}

/// The "Record the Ambassadors' review" page.
#[component]
pub fn AmbassadorsPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let recording = Recording::new("ambassadors");
    let answers = Answers::new(store.ambassadors_review().get_untracked(), browser::today());
    // Only a completed review is reviewed: the core's own problem says so.
    let closed = Memo::new(move |_| {
        let today = browser::today();
        let probe = AmbassadorsReview::new(today, String::new(), [false; 5], String::new());
        store.with(|plr| {
            ambassadors_problems(plr, &probe, None).contains(&AmbassadorsProblem::NotCompleted)
        })
    });
    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1 id="ambassadors-heading" tabindex="-1">"Record the Ambassadors' review"</h1>
        <PageTitle title="Record the Ambassadors' review" error=review.has_problems() />
        <p>"Each month the young people's Ambassadors read a sample of completed reviews. Record what they found in this one: five findings, each yes or no, and their comments."</p>
        <EarlierReview />
        {move || match (closed.get(), recording.step.get()) {
            (true, _) => view! {
                <p id="ambassadors-closed">{AmbassadorsProblem::NotCompleted.to_string()}"."</p>
            }.into_any(),
            (false, Step::Ask) => view! { <Ask answers recording /> }.into_any(),
            (false, Step::Check) => view! { <CheckReview answers recording /> }.into_any(),
            (false, Step::Recorded) => confirmation(
                "ambassadors-recorded",
                "Ambassadors' review recorded",
                "Download the review file again and send it to the Quality Assurance service, so its report has the Ambassadors' findings.",
                review.href(&ReviewPage::TASK_LIST),
                store,
                review.autosave,
                review.framework,
            ).into_any(),
        }}
    }
}

/// The review recorded so far, if any: what a new one would replace.
#[component]
fn EarlierReview() -> impl IntoView {
    let review = Review::use_context();
    let recorded = Memo::new(move |_| review.store.ambassadors_review().get());
    move || {
        recorded.get().map(|r| {
            view! {
                <div class="inset" id="ambassadors-record">
                    <p>"An Ambassadors' review is recorded:"</p>
                    {check_rows(review_rows(&r))}
                    <p>"Recording it again replaces it, to correct it."</p>
                </div>
            }
        })
    }
}

/// The question page.
#[component]
fn Ask(answers: Answers, recording: Recording) -> impl IntoView {
    let review = Review::use_context();
    let problems = recording.problems;
    let findings = FINDINGS
        .iter()
        .enumerate()
        .map(|(n, f)| yes_no(&finding_id(f), f.question, answers.findings[n], problems))
        .collect_view();
    view! {
        {recording.summary()}
        {answers.reviewed_on.view(AmbassadorsField::On, problems)}
        {name_input(AmbassadorsField::By, answers.by, problems)}
        <h2>"What the Ambassadors found"</h2>
        {findings}
        {text_area(AmbassadorsField::Comments, 5, answers.comments, problems)}
        {recording.continue_button(move || recording.to_check(answers.review(&review)))}
    }
}

/// The check of the answers, before they are recorded.
#[component]
fn CheckReview(answers: Answers, recording: Recording) -> impl IntoView {
    let review = Review::use_context();
    let Ok(asked) = answers.review(&review) else {
        recording.step.set(Step::Ask);
        return ().into_any();
    };
    let rows = review_rows(&asked);
    let record = move || {
        let asked = asked.clone();
        recording.record(review.store, review.autosave, |plr| {
            record_ambassadors_review(plr, asked, browser::today(), browser::now())
                .map_err(|found| problems_of(found, field_of))
        })
    };
    recording
        .check(
            "Check the Ambassadors' review before recording it",
            rows,
            "Record the Ambassadors' review",
            record,
        )
        .into_any()
}
