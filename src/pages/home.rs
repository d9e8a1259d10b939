//! Home: start a review, and the reviews saved on this device.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use plr_core::concern::{concern_standing, ConcernClock};
use plr_core::stored::download_reminder_due;
use plr_core::{Framework, Plr, PlrId, Status};

use crate::address::ReviewPage;
use crate::browser;
use crate::components::import::ImportReview;
use crate::components::title::PageTitle;
use crate::components::when::When;
use crate::storage::{self, IndexEntry, Listing};

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    forget_untouched_drafts();
    let listing = RwSignal::new(storage::list());
    // The review page just left saves once more as it goes (its last flush): look again then.
    request_animation_frame(move || {
        forget_untouched_drafts();
        listing.try_set(storage::list());
    });
    // The review's pages are a part of their own: fetched once this page has been shown (not
    // before, so it never competes with the page's own first paint), so the review started or
    // continued next opens at once.
    browser::once_shown(crate::pages::lazy::preload);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let navigate = use_navigate();

    let start = move |_| match browser::new_plr_id() {
        Ok(id) => {
            let plr = Plr::new_draft(id, browser::now(), Framework::practice_fundamentals());
            match storage::save(&plr, &ReviewPage::CASE) {
                Ok(_) => navigate(&ReviewPage::CASE.href(id), Default::default()),
                Err(e) => error.set(Some(e.to_string())),
            }
        }
        Err(e) => error.set(Some(e)),
    };

    view! {
        <h1>"Practice Learning Reviews"</h1>
        <PageTitle title="Your reviews" />
        <p class="lead">
            "Complete a review together, statement by statement. Everything you type is saved in this browser as you go."
        </p>
        <DownloadReminder listing />
        {move || error.get().map(|message| view! { <p class="error-message" role="alert">{message}</p> })}
        <button type="button" class="button" on:click=start>"Start a new review"</button>
        <ImportReview on_imported=move || {
            // The last message was about something else (a deletion): only the new one shows.
            notice.set(None);
            listing.set(storage::list())
        } />
        <h2 id="reviews-heading" tabindex="-1">"Reviews on this device"</h2>
        <p role="status">{move || notice.get()}</p>
        {move || {
            let Listing { entries, unreadable } = listing.get();
            view! {
                <ReviewList entries notice on_deleted=move || listing.set(storage::list()) />
                <UnreadableList unreadable on_deleted=move || listing.set(storage::list()) />
            }
        }}
        <RemoveAll on_removed=move || listing.set(storage::list()) />
        <h2>"For the QA service"</h2>
        // A separate app with its own download (not a route of this one): `rel="external"`
        // makes the router leave the click to the browser.
        <p><a class="link" href="/dashboard/" rel="external">"Open the QA dashboard"</a></p>
    }
}

/// Completed reviews not downloaded for a week (the core's rule): the QA service has nothing
/// until they are, and browser storage can be cleared.
#[component]
fn DownloadReminder(listing: RwSignal<Listing>) -> impl IntoView {
    let due = move || {
        let now = browser::now();
        listing.with(|l| {
            l.entries
                .iter()
                .filter(|e| download_reminder_due(e.status, e.updated_at, e.downloaded, now))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    move || {
        let due = due();
        (!due.is_empty()).then(|| {
            let items = due
                .into_iter()
                .map(|entry| {
                    let href = ReviewPage::CHECK.href(entry.id);
                    let name = case_ref_label(&entry.child_ref);
                    let when = browser::local_date_time(entry.updated_at);
                    view! { <li><a href=href>{name}</a>{format!(", last changed {when}")}</li> }
                })
                .collect_view();
            view! {
                <div class="warning" role="region" aria-labelledby="download-reminder">
                    <h2 id="download-reminder">"Completed reviews not yet downloaded"</h2>
                    <p>"These have not been downloaded for the QA service for 7 days or more. Open each and choose \"Download the review file\": until then they are only in this browser."</p>
                    <ul class="list">{items}</ul>
                </div>
            }
        })
    }
}

/// "Start a new review" saves a blank draft; one left without anything typed in is not kept.
fn forget_untouched_drafts() {
    let framework = Framework::practice_fundamentals();
    for entry in storage::list().entries {
        if entry.status == Status::Draft
            && storage::load(entry.id).is_ok_and(|plr| plr.is_untouched(framework))
        {
            let _ = storage::delete(entry.id);
        }
    }
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Completed => "Completed",
    }
}

fn case_ref_label(child_ref: &str) -> String {
    if child_ref.trim().is_empty() {
        "No case reference yet".to_string()
    } else {
        child_ref.to_string()
    }
}

/// Whether a Case of Concern was shared, with whom and when, or how overdue it is (in a
/// stronger style), or its deadline; the core says which.
fn concern_tag(entry: &IndexEntry) -> Option<impl IntoView> {
    let (text, overdue) = match entry.concern? {
        None => ("Case of Concern".to_string(), false),
        Some(deadline) => {
            let clock = ConcernClock::at(deadline, entry.concern_shared_at, browser::now());
            let text = concern_standing(
                clock,
                &entry.concern_shared_with,
                entry
                    .concern_shared_at
                    .map(browser::local_date_time)
                    .as_deref(),
                &browser::local_date_time(deadline),
            );
            (text, clock.is_overdue())
        }
    };
    Some(view! { <span class="tag tag--concern" class:tag--overdue=overdue>{text}</span> })
}

#[component]
fn ReviewList(
    entries: Vec<IndexEntry>,
    notice: RwSignal<Option<String>>,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>"There are no reviews on this device yet."</p> }.into_any();
    }
    let confirming = RwSignal::new(None::<PlrId>);
    let error = RwSignal::new(None::<String>);
    let rows = entries
        .into_iter()
        .map(|entry| {
            let id = entry.id;
            let name = case_ref_label(&entry.child_ref);
            let href = entry.page().href(id);
            let delete_name = name.clone();
            view! {
                <tr>
                    <th scope="row"><a href=href>{name.clone()}</a></th>
                    <td data-label="Review date">{entry.review_date.map(browser::short_date).unwrap_or_else(|| "Not set".into())}</td>
                    <td data-label="Status">
                        <span class="tag" class:tag--done=entry.status == Status::Completed>{status_label(entry.status)}</span>
                        {entry.grade.map(|g| view! {
                            <span class="home-grade">" "{g.label()}{entry.moderated.then_some(" (moderated)")}</span>
                        })}
                        {concern_tag(&entry)}
                        <span class="home-downloaded">{if entry.downloaded_since_change() { "Downloaded since last change" } else { "Not downloaded since last change" }}</span>
                    </td>
                    <td data-label="Last saved">{browser::local_date_time(entry.updated_at)}</td>
                    <td>
                        <button type="button" class="button button--small button--secondary"
                            aria-label=format!("Delete review {name}")
                            on:click=move |_| confirming.set(Some(id))>"Delete"</button>
                    </td>
                </tr>
                {move || (confirming.get() == Some(id)).then(|| {
                    let delete_name = delete_name.clone();
                    view! {
                        <tr class="confirm-row">
                            <td colspan="5">
                                <div class="warning" role="alertdialog" aria-labelledby=format!("confirm-{id}")>
                                    <p id=format!("confirm-{id}")>
                                        <strong>{format!("Delete the review for {delete_name}? This cannot be undone.")}</strong>
                                    </p>
                                    <button type="button" class="button button--warning"
                                        on:click={
                                            let deleted = format!("Deleted the review for {delete_name}.");
                                            move |_| match storage::delete(id) {
                                                Ok(()) => {
                                                    confirming.set(None);
                                                    notice.set(Some(deleted.clone()));
                                                    on_deleted();
                                                    // The focused row is gone: land on the list's heading.
                                                    browser::focus_after_render("reviews-heading");
                                                }
                                                Err(e) => error.set(Some(e.to_string())),
                                            }
                                        }>"Yes, delete it"</button>
                                    " "
                                    <button type="button" class="button button--secondary"
                                        on:click=move |_| confirming.set(None)>"Cancel"</button>
                                </div>
                            </td>
                        </tr>
                    }
                })}
            }
        })
        .collect_view();
    view! {
        {move || error.get().map(|message| view! { <p class="error-message" role="alert">{message}</p> })}
        <table class="table reviews-table">
            <caption class="visually-hidden">"Reviews saved in this browser, most recently saved first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Case reference"</th>
                    <th scope="col">"Review date"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Last saved"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// Damaged entries: shown (never silently dropped) so the user can keep a copy or remove them.
#[component]
fn UnreadableList(
    unreadable: Vec<storage::Unreadable>,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    (!unreadable.is_empty()).then(|| {
        let items = unreadable
            .into_iter()
            .map(|entry| {
                let key = entry.key.clone();
                let download_key = entry.key.clone();
                view! {
                    <li>
                        <p>{format!("A saved review ({}) could not be read: {}", entry.key, entry.reason)}</p>
                        <button type="button" class="button button--secondary button--small"
                            on:click=move |_| {
                                if let Some(raw) = storage::raw(&download_key) {
                                    let _ = plr_web::download_text("plr-unreadable.json", "application/json", &raw);
                                }
                            }>"Download it as it is"</button>
                        " "
                        <button type="button" class="button button--warning button--small"
                            on:click=move |_| { let _ = storage::delete_key(&key); on_deleted(); }>"Delete it"</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="warning" role="region" aria-label="Damaged reviews">
                <h3>"Some saved reviews could not be read"</h3>
                <ul class="list">{items}</ul>
            </div>
        }
    })
}

/// "Remove all data from this device", for shared computers (with a confirmation).
#[component]
fn RemoveAll(on_removed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    view! {
        <h2>"Using a shared computer?"</h2>
        <p>"Remove every review this app has saved in this browser. Download any you still need first."</p>
        <When
            when=confirming
            fallback=move || view! {
                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>
                    "Remove all reviews from this device"
                </button>
            }
        >
            <div class="warning" role="alertdialog" aria-labelledby="remove-all-question">
                <p id="remove-all-question"><strong>"Remove every review from this browser? This cannot be undone."</strong></p>
                <button type="button" class="button button--warning" on:click=move |_| {
                    let text = match storage::delete_all() {
                        Ok(()) => "All reviews were removed from this device.".to_string(),
                        Err(e) => e.to_string(),
                    };
                    message.set(Some(text));
                    confirming.set(false);
                    on_removed();
                }>"Yes, remove everything"</button>
                " "
                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </div>
        </When>
        <p role="status">{move || message.get()}</p>
    }
}
