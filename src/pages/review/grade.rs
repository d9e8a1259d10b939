//! The live grade panel: the suggestion so far, this area's band, and how much is rated.

use leptos::prelude::*;
use plr_core::moderation::superseding;
use plr_core::progress::rated_count;
use plr_core::{AreaId, JudgementStoreFields, PlrStoreFields};

use super::Review;

/// The suggested grade as it forms; with `area`, that area's band too.
#[component]
pub fn GradePanel(#[prop(optional)] area: Option<AreaId>) -> impl IntoView {
    let review = Review::use_context();
    let suggestion = review.suggestion;
    let store = review.store;
    let rated = Memo::new(move |_| store.sections().with(|s| rated_count(s)));
    let sticky = area.is_some();
    let area_line = area.map(|id| {
        let title = review
            .framework
            .area(&id)
            .map(|a| a.title.clone())
            .unwrap_or_default();
        let band = Memo::new(move |_| {
            suggestion.with(|s| s.areas.iter().find(|a| a.id == id).cloned())
        });
        view! {
            <p class="grade-panel__area">
                <span class="grade-panel__area-title">{title} ": "</span>
                <strong id="area-band">
                    {move || band.get().map_or_else(
                        || "not rated yet".to_string(),
                        |a| match a.band {
                            Some(grade) => format!("{} ({} of {} points)", grade.label(), a.points, a.maximum),
                            None => "nothing counts yet".to_string(),
                        },
                    )}
                </strong>
            </p>
        }
    });
    // Announced politely when the grade itself changes, not on every rating.
    let grade_words = Memo::new(move |_| {
        suggestion.with(|s| {
            s.grade
                .map(|g| format!("Suggested grade now {}", g.label()))
        })
    });
    view! {
        <p class="visually-hidden" aria-live="polite" id="grade-announcement">{move || grade_words.get()}</p>
        <aside class="grade-panel" class:grade-panel--sticky=sticky aria-label="Grade so far">
            <p class="grade-panel__grade">
                "Suggested grade: "
                <strong id="suggested-grade">
                    {move || suggestion.with(|s| match s.grade {
                        Some(grade) => grade.label().to_string(),
                        None => "not enough rated yet".to_string(),
                    })}
                </strong>
                <span class="grade-panel__provisional">
                    {move || suggestion.with(|s| (s.grade.is_some() && s.provisional).then_some(" (provisional until every statement is rated)"))}
                </span>
            </p>
            // Only the moderation and the final grade matter here, not every rating.
            {move || {
                store.moderation().track();
                store.judgement().final_grade().track();
                store.with_untracked(superseding)
            }.map(|grade| view! {
                <p class="grade-panel__grade">"Moderated grade: "<strong id="moderated-grade">{grade}</strong></p>
            })}
            {area_line}
            <p class="grade-panel__count" id="rated-count">
                {move || { let r = rated.get(); format!("{} of {} statements rated", r.rated, r.total) }}
            </p>
        </aside>
    }
}
