//! The young people's Ambassadors' review (`qa-month.md` §3): their measures for the period with
//! the three months before it, their sample (the same as `plr ambassadors-sample`), and
//! recording their review on a review of the sample, by the core's rule
//! ([`record_ambassadors_review`]) and saved in its file as a Head of Service update is
//! ([`Changing`]). The findings' wording comes from [`FINDINGS`], the only place it is written.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use plr_core::ambassadors::{record_ambassadors_review, FINDINGS};
use plr_core::form::catalogue::{AmbassadorsField, Recorded};
use plr_core::model::AmbassadorsReview;
use plr_core::Plr;
use plr_report::snapshot::{
    ambassadors_months, ambassadors_sample_csv, ambassadors_sample_summary,
    AmbassadorsSampleOptions, Measure, MeasureKey, Measures, Period, Snapshot,
};

use crate::number::number_question;
use crate::opened::{open_button, OpenedReview, Opening};
use crate::scroll::TableScroll;
use crate::state::{today, State};
use crate::update::{
    against, date_question, text_question, yes_no, ChangePanel, ChangedFiles, Changing, Problem,
    Updating,
};
use plr_web::download_text;

/// A row of the Ambassadors' table: the measure's name, the finding's full question (none for
/// the count), and its value in each period of [`review_table`]'s columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The measure's key (`ambassadors_childs_views`).
    pub key: String,
    /// Its short name.
    pub name: String,
    /// The finding's question as the Ambassadors answer it.
    pub question: Option<&'static str>,
    /// `80% (8 of 10)`, or `10` for the count, a period a cell.
    pub values: Vec<String>,
}

/// `80% (8 of 10)`, `10` for a count, `– (0 of 0)` with none reviewed.
fn value(m: Option<&Measure>) -> String {
    m.map_or_else(
        || "–".to_string(),
        |m| match m.of_text() {
            of if of.is_empty() => m.value_text(),
            of => format!("{} ({of})", m.value_text()),
        },
    )
}

/// The Ambassadors' table of `snapshot`: its columns (the period, then the months the core
/// shows its findings for, [`ambassadors_months`], latest first, leaving out a month that is the
/// period itself) and a row per measure, the count first; `None` when no loaded review has an
/// Ambassadors' review.
pub fn review_table(snapshot: &Snapshot) -> Option<(Vec<String>, Vec<ReviewRow>)> {
    snapshot.measures.get(&MeasureKey::AmbassadorsReviewed)?;
    let before: Vec<(&str, &Measures)> = ambassadors_months(snapshot)
        .iter()
        .rev()
        .filter(|m| m.period != snapshot.period)
        .map(|m| (m.period.as_str(), &m.measures))
        .collect();
    let columns = std::iter::once(Period::named(&snapshot.period))
        .chain(before.iter().map(|(p, _)| Period::named(p)))
        .collect();
    let questions = std::iter::once(None).chain(FINDINGS.iter().map(|f| Some(f.question)));
    let rows = MeasureKey::AMBASSADORS
        .into_iter()
        .zip(questions)
        .map(|(key, question)| ReviewRow {
            key: key.key(),
            name: key.label().to_string(),
            question,
            values: std::iter::once(value(snapshot.measures.get(&key)))
                .chain(before.iter().map(|(_, m)| value(m.get(&key))))
                .collect(),
        })
        .collect();
    Some((columns, rows))
}

/// The names typed in a box of exclusions: one a line or separated by commas, trimmed, the
/// empty ones dropped.
pub fn exclusions(text: &str) -> Vec<String> {
    text.split(['\n', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// The answers as an Ambassadors' review (the date as a date input gives it, `2022-07-20`),
/// or each missing answer against its field (a finding's field is its key).
pub fn answered(
    on: &str,
    by: String,
    findings: [Option<bool>; 5],
    comments: String,
) -> Result<AmbassadorsReview, Vec<Problem>> {
    let mut problems = Vec::new();
    let on = match NaiveDate::parse_from_str(on, "%Y-%m-%d") {
        Ok(on) => Some(on),
        Err(_) if on.trim().is_empty() => {
            problems.push((
                "ambassadors-on",
                "Enter the date of the Ambassadors' review".to_string(),
            ));
            None
        }
        Err(_) => {
            problems.push((
                "ambassadors-on",
                "Enter the date of the Ambassadors' review as a real date".to_string(),
            ));
            None
        }
    };
    if by.trim().is_empty() {
        let field = AmbassadorsField::By;
        problems.push((field.dom_id(), field.missing().to_string()));
    }
    for (finding, answer) in FINDINGS.iter().zip(findings) {
        if answer.is_none() {
            problems.push((
                finding.key,
                format!("Select yes or no: {}", finding.question),
            ));
        }
    }
    match on {
        Some(reviewed_on) if problems.is_empty() => Ok(AmbassadorsReview::new(
            reviewed_on,
            by,
            findings.map(|answer| answer == Some(true)),
            comments,
        )),
        _ => Err(problems),
    }
}

/// Records `review` by the core's rule, each problem against its field.
fn record(plr: &mut Plr, review: AmbassadorsReview) -> Result<(), Vec<Problem>> {
    record_ambassadors_review(plr, review, today(), Utc::now()).map_err(|found| {
        against(found, |p| {
            p.field().unwrap_or(AmbassadorsField::On).dom_id()
        })
    })
}

/// The Ambassadors' section: shown only when a loaded review has an Ambassadors' review.
#[component]
pub fn Ambassadors() -> impl IntoView {
    let state = expect_context::<State>();
    let table = Memo::new(move |_| state.snapshot.with(review_table));
    view! {
        <Show when=move || table.with(Option::is_some)>
            <section aria-labelledby="ambassadors-heading">
                <h2 id="ambassadors-heading">"The young people's Ambassadors' review"</h2>
                <ReviewTable table />
                <AmbassadorsSample />
            </section>
        </Show>
    }
}

/// The measures with the months before the period, each finding's question under its name.
#[component]
fn ReviewTable(table: Memo<Option<(Vec<String>, Vec<ReviewRow>)>>) -> impl IntoView {
    let columns = move || {
        table.with(|t| {
            t.iter()
                .flat_map(|(columns, _)| columns.clone())
                .map(|c| view! { <th scope="col" class="numeric">{c}</th> })
                .collect_view()
        })
    };
    let rows = move || {
        table.with(|t| {
            t.iter()
                .flat_map(|(_, rows)| rows.clone())
                .map(|row| {
                    let cells = row
                        .values
                        .into_iter()
                        .enumerate()
                        .map(|(n, v)| {
                            let key = (n == 0).then(|| row.key.clone());
                            view! { <td class="numeric" data-measure=key>{v}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">
                                {row.name}
                                {row.question.map(|q| view! { <span class="hint ambassadors__question">{q}</span> })}
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <TableScroll label="The Ambassadors' findings, month by month">
        <table class="table" id="ambassadors-review">
            <caption class="table__caption">"The Ambassadors' findings: yes out of the reviews they reviewed in each month (a review counts in the month of its Ambassadors' review), with the months before it"</caption>
            <thead><tr><th scope="col">"Finding"</th>{columns}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </TableScroll>
    }
}

/// A box of names to exclude, one a line or separated by commas.
fn exclusions_box(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    let hint = format!("{id}-hint");
    view! {
        <div class="form-group no-print">
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint.clone()>"One a line, or separated by commas."</div>
            <textarea class="textarea" id=id rows="2" aria-describedby=hint
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        </div>
    }
}

/// The Ambassadors' sample with its inputs, its CSV, and recording a review on a review of it.
#[component]
fn AmbassadorsSample() -> impl IntoView {
    let state = expect_context::<State>();
    let defaults = AmbassadorsSampleOptions::default();
    let size = RwSignal::new(defaults.size);
    let teams = RwSignal::new(String::new());
    let people = RwSignal::new(String::new());
    let seed = RwSignal::new(defaults.seed);
    let updating = RwSignal::new(None::<Updating>);
    let recorded = RwSignal::new(None::<String>);
    let opened = RwSignal::new(None::<Opening>);
    // The sentence, a row per review (its id, cells and file), the CSV and the period's label.
    let sample = Memo::new(move |_| {
        let options = state.options();
        let how = AmbassadorsSampleOptions {
            size: size.get(),
            excluded_teams: exclusions(&teams.get()),
            excluded_people: exclusions(&people.get()),
            seed: seed.get(),
        };
        state.builder.with(|b| {
            let sample = b.ambassadors_sample(&options, how);
            let rows: Vec<_> = sample
                .chosen
                .iter()
                .map(|f| {
                    let date = f.date.map(|d| d.to_string()).unwrap_or_default();
                    (
                        f.id,
                        [
                            f.child_ref.to_string(),
                            f.team.trim().to_string(),
                            date,
                            f.source.to_string(),
                        ],
                    )
                })
                .collect();
            let label = sample.period.label().replace([' ', '/'], "-");
            (
                ambassadors_sample_summary(&sample),
                rows,
                ambassadors_sample_csv(&sample),
                label,
            )
        })
    });
    let rows = move || {
        sample.with(|(_, rows, _, _)| {
            rows.iter()
                .enumerate()
                .map(|(n, (id, cells))| {
                    let open = open_button(state, "ambassadors-sample", n, (*id, &cells[0], &cells[3]), opened);
                    let source = Some(cells[3].clone()).filter(|s| state.files.has(s));
                    let record = source.map(|source| {
                        let which = Updating { id: *id, child_ref: cells[0].clone(), source };
                        let label = format!("Record an Ambassadors' review on {}", cells[0]);
                        view! {
                            <button type="button" class="button button--secondary button--small" aria-label=label
                                on:click=move |_| { recorded.set(None); updating.set(Some(which.clone())); }>
                                "Record their review"
                            </button>
                        }
                    });
                    let cells = cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view();
                    view! { <tr>{cells}<td class="no-print">{open}</td><td class="no-print">{record}</td></tr> }
                })
                .collect_view()
        })
    };
    let download_csv = move |_| {
        let _ = sample.with(|(_, _, csv, label)| {
            download_text(
                &format!("plr-ambassadors-sample-{label}.csv"),
                "text/csv",
                csv,
            )
        });
    };
    view! {
        <h3 id="ambassadors-sample-heading">"The Ambassadors' sample"</h3>
        <p class="hint">"Completed reviews of the period the Ambassadors have not reviewed, none of an excluded team or person (as reviewer or practitioner: a conflict of interest), chosen at random across teams. The same reviews as the command plr ambassadors-sample with the same size, exclusions and seed."</p>
        {number_question("ambassadors-size", "How many reviews", "input--width-3", None,
            Signal::derive(move || size.get() as u64),
            Callback::new(move |v| if let Ok(v) = usize::try_from(v) { size.set(v) }))}
        {exclusions_box("ambassadors-teams", "Teams to exclude", teams)}
        {exclusions_box("ambassadors-people", "People to exclude (reviewers or practitioners)", people)}
        {number_question("ambassadors-seed", "Seed of the Ambassadors' sample", "input--width-5", None,
            seed.into(), Callback::new(move |v| seed.set(v)))}
        <p id="ambassadors-sample-summary">{move || sample.with(|(text, _, _, _)| text.clone())}</p>
        <button type="button" class="button button--secondary no-print" on:click=download_csv>
            "Download the Ambassadors' sample (CSV)"
        </button>
        <TableScroll label="Reviews for the Ambassadors to review">
        <table class="table" id="ambassadors-sample">
            <caption class="visually-hidden">"Reviews for the Ambassadors to review"</caption>
            <thead><tr>
                <th scope="col">"Case reference"</th><th scope="col">"Team"</th>
                <th scope="col">"Review date"</th><th scope="col">"File"</th>
                <th scope="col" class="no-print"><span class="visually-hidden">"The review"</span></th>
                <th scope="col" class="no-print"><span class="visually-hidden">"Ambassadors' review"</span></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </TableScroll>
        <OpenedReview opened heading="ambassadors-opened-heading" />
        <p class="load-status" id="ambassadors-status" aria-live="polite" tabindex="-1">{move || recorded.get()}</p>
        <Show when=move || updating.with(Option::is_some)>
            <RecordReview updating recorded />
        </Show>
        <ChangedFiles id="ambassadors-changed-files" />
    }
}

/// The Ambassadors' review's questions for the review in `updating`; closes once recorded,
/// saying what happened in `recorded`.
#[component]
fn RecordReview(
    updating: RwSignal<Option<Updating>>,
    recorded: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let on = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let findings = FINDINGS.map(|_| RwSignal::new(None::<bool>));
    let comments = RwSignal::new(String::new());
    let changing = Changing::new(
        (updating, recorded),
        "Ambassadors' review",
        [
            "ambassadors-on",
            "ambassadors-problems",
            "ambassadors-status",
        ],
    );
    let problems = changing.problems;
    let save = Callback::new(move |()| {
        let review = answered(
            &on.get_untracked(),
            by.get_untracked(),
            findings.map(|f| f.get_untracked()),
            comments.get_untracked(),
        );
        changing.submit(state, review, record);
    });
    let title = |child: &str| format!("Record the Ambassadors' review of {child}");
    view! {
        <ChangePanel changing heading="ambassadors-record-heading" title button="Record the Ambassadors' review" save>
            {date_question(AmbassadorsField::On, "It counts in this month.", on, problems)}
            {text_question(AmbassadorsField::By, by, problems)}
            {FINDINGS.iter().zip(findings).map(|(f, answer)| yes_no(f.key, f.question, answer, problems)).collect_view()}
            {text_question(AmbassadorsField::Comments, comments, problems)}
        </ChangePanel>
    }
}
