//! Judgement: the suggested grade and why, the impact on the child, the final grade (with a
//! rationale when it differs) and any immediate concern about the child's safety.

use leptos::prelude::*;
use plr_core::completion::is_case_of_concern;
use plr_core::grading::explain;
use plr_core::{Grade, JudgementStoreFields, PlrStoreFields};

use super::{Continue, GradePanel, Review};
use crate::browser;
use crate::components::fields::{Checkbox, Radios, TextArea};

/// The "Judgement" page.
#[component]
pub fn JudgementPage() -> impl IntoView {
    let review = Review::use_context();
    let store = review.store;
    let judgement = store.judgement();
    let suggestion = review.suggestion;
    let framework = review.framework;

    let explanation = Memo::new(move |_| suggestion.with(|s| explain(s, framework)));
    let differs = Memo::new(move |_| {
        let suggested = suggestion.with(|s| s.grade);
        judgement
            .final_grade()
            .get()
            .is_some_and(|f| Some(f) != suggested)
    });
    let concern = Memo::new(move |_| store.with(is_case_of_concern));
    let grades: Vec<(Grade, &'static str)> = Grade::ALL.iter().map(|g| (*g, g.label())).collect();
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
            path="judgement.impact_on_child"
            label="Impact on the child"
            hint="How has the practice you reviewed affected the child's experience and progress? This informs the grade."
            field=judgement.impact_on_child().into()
            rows=6
        />
        <Radios
            path="judgement.final_grade"
            legend="Final grade"
            hint="This follows the suggested grade. If your professional judgement differs, choose another grade and say why."
            options=grades
            field=judgement.final_grade().into()
        />
        <Show when=move || differs.get()>
            <div class="conditional">
                <TextArea
                    path="judgement.rationale"
                    label="Why is the final grade different from the suggested grade?"
                    field=judgement.rationale().into()
                />
            </div>
        </Show>
        <Checkbox
            path="judgement.immediate_concern"
            label="There is an immediate concern about the child's safety"
            hint="The suggested grade becomes inadequate and the review must be shared within 24 hours of completion."
            field=judgement.immediate_concern().into()
        />
        <Show when=move || concern.get()>
            <div class="notice notice--concern" role="region" aria-labelledby="case-of-concern">
                <h2 id="case-of-concern">"This review is a Case of Concern"</h2>
                {move || match judgement.share_by().get() {
                    Some(at) => format!("Share it by {}.", browser::local_date_time(at)),
                    None => "It must be shared within 24 hours of being completed.".to_string(),
                }}
            </div>
        </Show>
        <Continue next="actions" />
    }
}
