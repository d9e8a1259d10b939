//! Judgement: the suggested grade and why, the impact on the child, the final grade (with a
//! rationale when it differs) and any immediate concern about the child's safety.

use leptos::prelude::*;
use plr_core::grading::explain;
use plr_core::{Grade, JudgementStoreFields, PlrStoreFields};

use super::concern::ImmediateConcern;
use super::{Continue, GradePanel, Review};
use crate::browser;
use crate::components::fields::{radio_id, Described, RadioChoice};
use crate::components::narrative::TextArea;
use crate::components::title::PageTitle;
use plr_core::form::{FieldPath, JudgementField, Task};

/// The "Judgement" page.
#[component]
pub fn JudgementPage() -> impl IntoView {
    let review = Review::use_context();
    let suggestion = review.suggestion;
    let framework = review.framework;

    let explanation = Memo::new(move |_| suggestion.with(|s| explain(s, framework)));
    let areas = move || {
        suggestion.with(|s| {
            s.areas
                .iter()
                .map(|a| {
                    let title = framework
                        .area(&a.id)
                        .map(|x| x.title.clone())
                        .unwrap_or_default();
                    let band = a.band.map_or("Nothing counts yet", |b| b.label());
                    view! {
                        <tr>
                            <th scope="row">{title}</th>
                            <td>{band}</td>
                            <td class="numeric">{format!("{} of {}", a.points, a.maximum)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <span class="caption">"Practice Learning Review"</span>
        <h1>"Judgement"</h1>
        <PageTitle title="Judgement" error=review.has_problems() />
        <GradePanel />
        <h2>"How the suggestion was reached"</h2>
        <ul class="list list--bullet" id="grade-explanation">
            {move || explanation.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
        <table class="table">
            <caption class="table__caption">"Bands by area"</caption>
            <thead>
                <tr><th scope="col">"Area"</th><th scope="col">"Band"</th><th scope="col" class="numeric">"Points"</th></tr>
            </thead>
            <tbody>{areas}</tbody>
        </table>
        <TextArea
            answer=review.bind(JudgementField::ImpactOnChild)
            rows=6
        />
        <FinalGrade />
        <ImmediateConcern />
        <Continue after=Task::Judgement />
    }
}

/// The final grade: the suggestion is marked, a different grade reveals the rationale under
/// it, and a different grade chosen against an older suggestion must be confirmed or changed.
#[component]
fn FinalGrade() -> impl IntoView {
    let review = Review::use_context();
    let judgement = review.store.judgement();
    let suggested = Memo::new(move |_| review.suggestion.with(|s| s.grade));
    let final_grade = Memo::new(move |_| judgement.final_grade().get());
    let stale = Memo::new(move |_| {
        let now = suggested.get();
        judgement.with(|j| j.stale_choice(now))
    });
    let question = review.ask(FieldPath::Judgement(JudgementField::FinalGrade));
    let d = Described::new(&question);
    let error = d.error;
    let radios = Grade::ALL
        .iter()
        .enumerate()
        .map(|(n, grade)| {
            let grade = *grade;
            let id = radio_id(&d.id, n);
            let differs = Memo::new(move |_| {
                final_grade.get() == Some(grade)
                    && judgement.with(|j| j.final_grade_differs(suggested.get()))
            });
            view! {
                <RadioChoice
                    id=id.clone()
                    name=d.id.clone()
                    checked=Signal::derive(move || final_grade.get() == Some(grade))
                    on_choose=move || judgement.update(|j| j.choose_final_grade(grade, suggested.get_untracked()))
                >
                    {grade.label()}
                    {move || (suggested.get() == Some(grade)).then(|| view! { <span class="suggested-mark">" (suggested)"</span> })}
                </RadioChoice>
                <div class="conditional" id=format!("{id}-conditional")>
                    {move || differs.get().then(|| view! {
                        <TextArea
                            answer=review.bind(JudgementField::Rationale)
                        />
                    })}
                </div>
            }
        })
        .collect_view();
    let group_id = d.id.clone();
    let confirm = move |_| {
        let now = suggested.get_untracked();
        judgement.update(|j| j.confirm_final_grade(now));
        if let Some(n) = final_grade
            .get_untracked()
            .and_then(|g| Grade::ALL.iter().position(|x| *x == g))
        {
            browser::focus_after_render(radio_id(&group_id, n));
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset class="fieldset" aria-describedby=d.described_by()>
                <legend class="fieldset__legend">{question.label}</legend>
                {d.hint_and_error()}
                {move || stale.get().map(|s| view! {
                    <div class="warning" id="final-grade-stale">
                        <p><strong>{format!("{}.", s.message())}</strong></p>
                        <p>"Your reason for the different grade is kept below it."</p>
                        <button type="button" class="button button--secondary" on:click=confirm.clone()>
                            {format!("Confirm {} as the final grade", s.chosen.label())}
                        </button>
                    </div>
                })}
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}
