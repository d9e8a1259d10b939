//! A review listed in a sample (the moderation sample, the Ambassadors' sample) opened to read
//! in the dashboard (#26): read again from the file it was loaded from through the core's
//! import, and shown read-only below its table: who and when, its grades, and every question
//! the form asks of it with its answer, labelled and read back by the core (`Spot::label`,
//! `Spot::shown`, `Shown::words`) as the form's check-answers page and printed record are.
//! The file itself can be downloaded exactly as it was loaded (a file in a folder opened to save
//! in, as it is there now), to open in the form's Import.
//!
//! Only a review whose file is open here has an "Open" button: a review read from this
//! device's storage has no file to show or download.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plr_core::form::{spot_list, Spot, Task};
use plr_core::moderation::superseding;
use plr_core::{Framework, Plr, PlrId};

use crate::files::ReadAgain;
use crate::state::{moment, State};
use crate::update::focus;
use plr_web::download_bytes;

/// A listed review to open: which review, its case reference, the file it was read from, and
/// the id of its "Open" button (focus goes back there when it is closed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The review.
    pub id: PlrId,
    /// Its case reference.
    pub child_ref: String,
    /// The file it was read from.
    pub source: String,
    /// The id of the button that opened it.
    pub button: String,
}

/// The review read from its file: the review and the file's bytes as read.
#[derive(Debug, Clone)]
struct Read {
    plr: Plr,
    bytes: Vec<u8>,
}

/// The "Open" button of a listed review (`n`: its row, `list`: its table's id), or none when
/// its file is not open here.
pub fn open_button(
    state: State,
    list: &str,
    n: usize,
    (id, child_ref, source): (PlrId, &str, &str),
    opened: RwSignal<Option<Opening>>,
) -> Option<AnyView> {
    if !state.files.has(source) {
        return None;
    }
    let label = format!("Open the review of {child_ref}");
    let opening = Opening {
        id,
        child_ref: child_ref.to_string(),
        source: source.to_string(),
        button: format!("{list}-open-{n}"),
    };
    Some(
        view! {
            <button type="button" class="button button--secondary button--small" id=opening.button.clone()
                aria-label=label on:click=move |_| opened.set(Some(opening.clone()))>
                "Open"
            </button>
        }
        .into_any(),
    )
}

/// Reads the review `opening` names again from its file, through the core's import.
async fn read(state: State, opening: &Opening) -> Result<Read, String> {
    let name = &opening.source;
    let (plr, bytes) = state
        .files
        .read_review(name, opening.id)
        .await
        .map_err(|e| {
            let words = e.words(name, &opening.child_ref);
            match e {
                ReadAgain::Another => format!("{words}: load it again."),
                _ => format!("{words}."),
            }
        })?;
    Ok(Read { plr, bytes })
}

/// A date as the dashboard writes dates (as in the file): `2022-07-20`.
fn date(day: NaiveDate) -> String {
    day.to_string()
}

/// A part of the review: its heading and its rows (label, answer).
type Part = (String, Vec<(String, String)>);

/// Who and when, the grades, then every question the form asks of `plr` with its answer, a
/// part per task of the form, in form order.
fn parts(plr: &Plr) -> Vec<Part> {
    let framework = Framework::practice_fundamentals();
    let j = &plr.judgement;
    let status = match (plr.status.label(), plr.completed_at) {
        (label, Some(at)) => format!("{label} {}", moment(at)),
        (label, None) => label.to_string(),
    };
    let who = vec![
        ("Case reference".to_string(), plr.case.child_ref.clone()),
        ("Team".to_string(), plr.case.team.clone()),
        ("Reviewer".to_string(), plr.review.reviewer.name.clone()),
        (
            "Practitioner".to_string(),
            plr.review.practitioner.name.clone(),
        ),
        (
            "Review date".to_string(),
            plr.review.date.map(date).unwrap_or_default(),
        ),
        ("Status".to_string(), status),
    ];
    let mut grades = vec![
        (
            "Suggested grade".to_string(),
            j.suggested
                .grade
                .map_or("Not enough rated yet", |g| g.label())
                .to_string(),
        ),
        (
            "Final grade".to_string(),
            j.final_grade
                .map_or("No final grade yet", |g| g.label())
                .to_string(),
        ),
    ];
    if let Some(moderated) = superseding(plr) {
        grades.push(("Moderated grade".to_string(), moderated));
    }
    let mut parts = vec![
        ("Who and when".to_string(), who),
        ("Grades".to_string(), grades),
    ];
    for spot in spot_list(plr)
        .into_iter()
        .filter(|spot| spot.applies(plr, j.suggested.grade))
    {
        // Each action under a heading of its own, numbered as the form numbers them.
        let heading = match spot {
            Spot::Action { action, .. } => {
                let n = plr.actions.iter().position(|a| a.id == action.id);
                format!("Action {}", n.map_or(0, |n| n + 1))
            }
            _ => Task::of(&spot.path()).title(framework),
        };
        let row = (spot.label(framework), spot.shown(plr).words(date, moment));
        match parts.last_mut() {
            Some((last, rows)) if *last == heading => rows.push(row),
            _ => parts.push((heading, vec![row])),
        }
    }
    parts
}

/// The review `opened` names, read-only, with "Download this file" and "Close"; `heading`: the
/// id of its heading (focused when a review is opened).
#[component]
pub fn OpenedReview(opened: RwSignal<Option<Opening>>, heading: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let shown = RwSignal::new(None::<Result<Read, String>>);
    Effect::new(move |_| {
        let Some(opening) = opened.get() else {
            return;
        };
        shown.set(None);
        focus(heading);
        spawn_local(async move {
            let result = read(state, &opening).await;
            // Only if it is still the one open (another may have been opened meanwhile).
            if opened.with_untracked(|o| o.as_ref() == Some(&opening)) {
                shown.set(Some(result));
            }
        });
    });
    let close = move |_| {
        if let Some(opening) = opened.get_untracked() {
            opened.set(None);
            focus(opening.button);
        }
    };
    let download = move |_| {
        let name = opened.with_untracked(|o| o.as_ref().map(|o| o.source.clone()));
        shown.with_untracked(|s| {
            if let (Some(name), Some(Ok(read))) = (name, s) {
                let file = name.rsplit('/').next().unwrap_or(&name);
                let _ = download_bytes(file, "application/json", &read.bytes);
            }
        });
    };
    // Whether a change recorded here (an update, an Ambassadors' review) waits to be downloaded
    // in place of the file: the file does not hold it yet.
    let unsaved = move || {
        let name = opened.with(|o| o.as_ref().map(|o| o.source.clone()));
        name.is_some_and(|name| {
            state
                .files
                .unsaved
                .with(|u| u.iter().any(|(n, _)| *n == name))
        })
    };
    let title = move || {
        opened.with(|o| {
            o.as_ref()
                .map(|o| format!("The review of {}", o.child_ref))
                .unwrap_or_default()
        })
    };
    let body = move || {
        shown.with(|s| match s {
            None => view! { <p>"Reading the file…"</p> }.into_any(),
            Some(Err(why)) => view! { <p class="error-message">{why.clone()}</p> }.into_any(),
            Some(Ok(read)) => parts(&read.plr)
                .into_iter()
                .map(|(part, rows)| {
                    let rows = rows
                        .into_iter()
                        .map(|(key, value)| {
                            view! {
                                <div class="summary-list__row">
                                    <dt class="summary-list__key">{key}</dt>
                                    <dd class="summary-list__value">{value}</dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h4>{part}</h4>
                        <dl class="summary-list">{rows}</dl>
                    }
                })
                .collect_view()
                .into_any(),
        })
    };
    view! {
        <Show when=move || opened.with(Option::is_some)>
            <section class="update-panel opened-review" aria-labelledby=heading>
                <h3 id=heading tabindex="-1">{title}</h3>
                <p class="hint">{move || opened.with(|o| o.as_ref().map(|o| format!("Read-only, from its file {}. To change it, download the file and open it in the review form's Import.", o.source)))}</p>
                {move || unsaved().then(|| view! {
                    <p class="hint">"A change recorded here on this review is not in this file yet: it is in the changed file to download below, to put in its place."</p>
                })}
                <div class="button-group no-print">
                    <button type="button" class="button button--secondary" on:click=download
                        disabled=move || shown.with(|s| !matches!(s, Some(Ok(_))))>
                        "Download this file"
                    </button>
                    <button type="button" class="button button--secondary" on:click=close>"Close"</button>
                </div>
                {body}
            </section>
        </Show>
    }
}
