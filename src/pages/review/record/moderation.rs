//! The record's moderation: who moderated, when, the grade and its effect, the comments.

use std::sync::Arc;

use leptos::prelude::*;
use plr_core::Moderation;

use super::{answered, rows_view, Record};
use crate::browser;

/// The moderation, or that there has been none.
#[component]
pub(super) fn RecordModeration(record: Arc<Record>) -> impl IntoView {
    let body = match &record.plr.moderation {
        Some(moderation) => rows_view(moderation_rows(moderation)).into_any(),
        None => view! { <p>"Not moderated."</p> }.into_any(),
    };
    view! {
        <div class="record__part">
            <h2>"Moderation"</h2>
            {body}
        </div>
    }
}

fn moderation_rows(m: &Moderation) -> Vec<(String, String)> {
    vec![
        ("Moderator".into(), answered(&m.moderator)),
        ("Moderated".into(), browser::local_date_time(m.moderated_at)),
        ("Moderated grade".into(), m.grade.label().to_string()),
        ("Effect".into(), m.effect.label().to_string()),
        ("Comments for the manager".into(), answered(&m.comments)),
    ]
}
