//! The snapshot's figures as tables: each measure with its value, "n of d" in words, target,
//! RAG as a word and a colour, and direction of travel.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_report::snapshot::{MeasureKey, Measures, Period};

use crate::scroll::TableScroll;
use crate::state::State;

/// The headline measures, in the order of the QA service's Performance Snapshot.
pub const HEADLINE: [MeasureKey; 12] = [
    MeasureKey::AuditsCompleted,
    MeasureKey::AuditCompletionRate,
    MeasureKey::GoodOrBetter,
    MeasureKey::RequiresImprovement,
    MeasureKey::Inadequate,
    MeasureKey::ActionsCompletedOnTime,
    MeasureKey::ChildViewsObtained,
    MeasureKey::FamilyViewsObtained,
    MeasureKey::SocialWorkerInvolved,
    MeasureKey::TeamManagerInvolved,
    MeasureKey::IroOrCpChairInvolved,
    MeasureKey::CasesOfConcern,
];

/// Participation and views.
pub const PARTICIPATION: [MeasureKey; 13] = {
    let [child_inappropriate, child_unreachable, child_declined, family_inappropriate, family_unreachable, family_declined] =
        MeasureKey::VIEWS_NOT_OBTAINED;
    [
        MeasureKey::SocialWorkerInvolved,
        MeasureKey::TeamManagerInvolved,
        MeasureKey::IroOrCpChairInvolved,
        MeasureKey::ChildViewsObtained,
        child_inappropriate,
        child_unreachable,
        child_declined,
        MeasureKey::FamilyViewsObtained,
        family_inappropriate,
        family_unreachable,
        family_declined,
        MeasureKey::ChildFeedbackPositive,
        MeasureKey::FamilyFeedbackPositive,
    ]
};

/// The moderation effect.
pub const MODERATION: [MeasureKey; 4] = [
    MeasureKey::ModerationUpgraded,
    MeasureKey::ModerationDowngraded,
    MeasureKey::ModerationAgreed,
    MeasureKey::InadequateIdentifiedByModerators,
];

/// The Case of Concern register's measures (`followthrough.md`).
pub const CONCERNS: [MeasureKey; 8] = MeasureKey::REGISTER;

/// Impact from audit: the follow-through window's measures (`followthrough.md`).
pub const IMPACT: [MeasureKey; 14] = MeasureKey::WINDOW;

/// Actions.
pub const ACTIONS: [MeasureKey; 2] = [
    MeasureKey::ActionsCompletedOnTime,
    MeasureKey::ActionsOverdue,
];

fn rows(measures: &Measures, keys: &[MeasureKey], as_of: NaiveDate) -> impl IntoView {
    keys.iter()
        .filter_map(|key| measures.get(key).map(|m| (*key, m.clone())))
        .map(|(key, m)| {
            let rag = m.rag.map(|r| {
                view! { <strong class=format!("rag rag--{}", r.key())>{r.label()}</strong> }
            });
            // An action figure says the date it was judged at, beside it.
            let label = if key.judged_as_of() {
                format!("{} (as of {})", key.label(), as_of.format("%-d %B %Y"))
            } else {
                key.label().to_string()
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="numeric" data-measure=key.key()>{m.value_text()}</td>
                    <td>{m.of_text()}</td>
                    <td>{m.target.map(|t| t.words(m.denominator.is_none())).unwrap_or_default()}</td>
                    <td>{rag}</td>
                    <td>{m.direction_text()}</td>
                </tr>
            }
        })
        .collect_view()
}

/// A table of measures of the snapshot's period.
#[component]
pub fn MeasureTable(caption: &'static str, keys: &'static [MeasureKey]) -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <TableScroll label=caption>
        <table class="table">
            <caption class="table__caption">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Measure"</th>
                    <th scope="col" class="numeric">"Value"</th>
                    <th scope="col">"Out of"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Rating"</th>
                    <th scope="col">"Direction of travel"</th>
                </tr>
            </thead>
            <tbody>{move || state.snapshot.with(|s| rows(&s.measures, keys, s.as_of).into_any())}</tbody>
        </table>
        </TableScroll>
    }
}

/// What was counted: the period, the reviews and the files not counted.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <p class="summary" data-testid="summary">{move || state.snapshot.with(|s| format!(
            "{} ({} to {}), actions as of {}: {} reviews counted; {} drafts ignored; {} duplicates merged; {} files rejected; {} files skipped (not review exports).",
            Period::named(&s.period), s.from.format("%-d %B %Y"), s.to.format("%-d %B %Y"), s.as_of.format("%-d %B %Y"), s.plrs, s.drafts_ignored, s.duplicates_merged, s.rejected_files, s.skipped_files
        ))}</p>
    }
}
