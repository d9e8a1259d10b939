//! Drafts on this device: one localStorage entry per review plus an index for the home list.
//!
//! Keys: `plr:draft:<id>` holds the review in the export shape (so a stored draft and an
//! exported file are the same document), `plr:index` holds one small [`IndexEntry`] per
//! review. The index is only a cache: when it is missing or unreadable it is rebuilt from the
//! draft entries, so no review is ever hidden by a damaged index.
//!
//! Nothing here deletes or overwrites a stored review except `save` of that same review and an
//! explicit `delete`. A failed write leaves the previous value in place.
//!
//! When the browser refuses storage altogether, entries are kept in this tab's memory instead
//! ([`is_kept`] is then false and the app says so at the top of every page).

mod backend;

pub use backend::is_kept;

use chrono::{DateTime, NaiveDate, Utc};
use plr_core::concern::{is_or_was_case_of_concern, share_by};
use plr_core::rank::{sort_by_rank, time_rank};
use plr_core::{Grade, Plr, PlrId, Status};
use serde::{Deserialize, Serialize};

use crate::address::ReviewPage;

const INDEX_KEY: &str = "plr:index";

/// What the home page lists for one stored review, without reading the whole review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The review's id.
    pub id: PlrId,
    /// The child's case reference ("" while blank).
    pub child_ref: String,
    /// The review date, if entered.
    pub review_date: Option<NaiveDate>,
    /// Draft or completed.
    pub status: Status,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// The page of the review last shown, to continue where the user left off, as its path
    /// ([`IndexEntry::page`]); empty, the task list, when none was stored.
    #[serde(default)]
    page: String,
    /// The final grade (the moderated grade once moderated).
    #[serde(default)]
    pub grade: Option<Grade>,
    /// Whether `grade` is a moderator's.
    #[serde(default)]
    pub moderated: bool,
    /// Whether it is a Case of Concern, and its share-by deadline once it has one.
    #[serde(default)]
    pub concern: Option<Option<DateTime<Utc>>>,
    /// Who a Case of Concern was shared with ("" while nobody is named).
    #[serde(default)]
    pub concern_shared_with: String,
    /// When a Case of Concern was recorded as shared.
    #[serde(default)]
    pub concern_shared_at: Option<DateTime<Utc>>,
    /// The `updated_at` of the review when it was last downloaded: it has been downloaded
    /// since its last change when this equals `updated_at`.
    #[serde(default)]
    pub downloaded: Option<DateTime<Utc>>,
}

impl IndexEntry {
    fn of(plr: &Plr, page: &ReviewPage) -> Self {
        IndexEntry {
            id: plr.id,
            child_ref: plr.case.child_ref.clone(),
            review_date: plr.review.date,
            status: plr.status,
            updated_at: plr.updated_at,
            page: page.path().to_string(),
            grade: plr.reported_grade(),
            moderated: plr.moderation.is_some(),
            concern: is_or_was_case_of_concern(plr).then(|| share_by(plr)),
            concern_shared_with: plr.judgement.concern_shared_with.clone(),
            concern_shared_at: plr.judgement.concern_shared_at,
            downloaded: None,
        }
    }

    /// The page of the review last shown, to continue where the user left off.
    pub fn page(&self) -> ReviewPage {
        ReviewPage::stored(self.page.clone())
    }

    /// Whether the review has been downloaded since it last changed.
    pub fn downloaded_since_change(&self) -> bool {
        self.downloaded == Some(self.updated_at)
    }
}

/// A stored review that could not be read: listed so the user can see it and decide.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The localStorage key holding it.
    pub key: String,
    /// Why it could not be read.
    pub reason: String,
}

/// The home list: readable reviews (newest first) and any that could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// Reviews that can be opened.
    pub entries: Vec<IndexEntry>,
    /// Stored entries that are damaged.
    pub unreadable: Vec<Unreadable>,
}

/// Why a storage operation failed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// The browser refused the write, almost always because the site's storage is full.
    #[error("This browser's storage for this app is full, so the latest changes are not saved on this device. Download the review as JSON to keep them, or delete reviews you no longer need.")]
    Full,
    /// Storage cannot be used at all (private mode, or blocked by the browser's settings).
    #[error("This browser does not let the app store anything (it may be in private mode or blocking site data). Download the review as JSON to keep your work.")]
    Unavailable,
    /// There is no review with that id on this device.
    #[error("There is no review with this reference on this device. It may have been deleted, or saved in another browser.")]
    NotFound,
    /// The stored review is damaged.
    #[error("The review saved on this device could not be read ({0}). It has been left exactly as it was.")]
    Corrupt(String),
}

/// The localStorage key of a review's entry (the format is plr-core's, shared with the QA
/// dashboard).
pub fn draft_key(id: PlrId) -> String {
    plr_core::stored::draft_key(id)
}

/// Calls `f` with the new text of review `id`'s entry (`None` once deleted) whenever another
/// tab or window of this browser writes it (`storage` events fire only in the tabs that did not
/// make the change). Stops when the returned handle is removed.
pub fn on_other_tab_write(
    id: PlrId,
    f: impl Fn(Option<String>) + 'static,
) -> leptos::prelude::WindowListenerHandle {
    let key = draft_key(id);
    leptos::prelude::window_event_listener(
        leptos::ev::storage,
        move |event: web_sys::StorageEvent| {
            if event.key().as_deref() == Some(key.as_str()) {
                f(event.new_value());
            }
        },
    )
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    backend::set(key, value)
}

/// Saves a review and updates its index entry. `page` is the page of the review on screen.
///
/// Returns the JSON size written, so callers can report or measure it.
pub fn save(plr: &Plr, page: &ReviewPage) -> Result<usize, StorageError> {
    // The stored draft is the same document as its download, derived fields computed (the
    // core's stored form), so a draft saved and loaded back equals itself.
    let json = plr_core::stored::stored_text(plr, plr_core::Framework::practice_fundamentals())
        .map_err(|e| StorageError::Corrupt(e.to_string()))?;
    write(&draft_key(plr.id), &json)?;
    let mut index = read_index().unwrap_or_else(|| rebuild_index().entries);
    let mut entry = IndexEntry::of(plr, page);
    match index.iter_mut().find(|e| e.id == plr.id) {
        Some(existing) => {
            entry.downloaded = existing.downloaded;
            *existing = entry;
        }
        None => index.push(entry),
    }
    write_index(&index)?;
    if is_kept() {
        crate::persist::after_save();
    }
    Ok(json.len())
}

/// Records that `plr`, as it is now, has been downloaded (for the home list).
pub fn mark_downloaded(plr: &Plr) -> Result<(), StorageError> {
    let mut index = read_index().unwrap_or_else(|| rebuild_index().entries);
    if let Some(entry) = index.iter_mut().find(|e| e.id == plr.id) {
        entry.downloaded = Some(plr.updated_at);
        write_index(&index)?;
    }
    Ok(())
}

/// Loads one review.
pub fn load(id: PlrId) -> Result<Plr, StorageError> {
    let raw = backend::get(&draft_key(id))?.ok_or(StorageError::NotFound)?;
    parse(&raw)
}

/// The raw stored text of a review, for downloading a damaged entry as it is.
pub fn raw(key: &str) -> Option<String> {
    backend::get(key).ok().flatten()
}

/// Reads a stored review through the core's import, the same checks and schema migration an
/// exported file gets (so a draft saved by an older version of the app still opens).
pub fn parse(raw: &str) -> Result<Plr, StorageError> {
    plr_core::import::import(raw.as_bytes())
        .map(|imported| imported.plr)
        .map_err(|e| {
            let problems: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
            StorageError::Corrupt(problems.join("; "))
        })
}

/// Every review on this device, newest first, plus any damaged entries.
pub fn list() -> Listing {
    match read_index() {
        Some(mut entries) => {
            // Entries whose draft has gone (deleted in another tab) are dropped from view.
            entries.retain(|e| matches!(backend::get(&draft_key(e.id)), Ok(Some(_))));
            sort(&mut entries);
            Listing {
                entries,
                unreadable: Vec::new(),
            }
        }
        None => {
            let listing = rebuild_index();
            // Best effort: a full store still lists, it just cannot cache the index.
            let _ = write_index(&listing.entries);
            listing
        }
    }
}

/// Deletes a review and its index entry.
pub fn delete(id: PlrId) -> Result<(), StorageError> {
    delete_key(&draft_key(id))
}

/// Deletes a stored entry by key (used for damaged entries too).
pub fn delete_key(key: &str) -> Result<(), StorageError> {
    backend::remove(key)?;
    if let Some(id) = key.strip_prefix(plr_core::stored::DRAFT_KEY_PREFIX) {
        let mut index = read_index().unwrap_or_default();
        index.retain(|e| e.id.to_string() != id);
        write_index(&index)?;
    }
    Ok(())
}

/// Removes everything this app stored on this device (for a shared computer).
pub fn delete_all() -> Result<(), StorageError> {
    for key in backend::keys() {
        if key == INDEX_KEY || key.starts_with(plr_core::stored::DRAFT_KEY_PREFIX) {
            backend::remove(&key)?;
        }
    }
    Ok(())
}

fn sort(entries: &mut [IndexEntry]) {
    // Latest first.
    sort_by_rank(entries, |e| -time_rank(e.updated_at));
}

fn read_index() -> Option<Vec<IndexEntry>> {
    let raw = backend::get(INDEX_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

fn write_index(entries: &[IndexEntry]) -> Result<(), StorageError> {
    // Pretty, as drafts are written (the export's format): one flavour of the JSON writer in
    // the download instead of two.
    let json =
        serde_json::to_string_pretty(entries).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    write(INDEX_KEY, &json)
}

/// Reads every draft entry to rebuild the index (used when the index is missing or damaged).
fn rebuild_index() -> Listing {
    let mut listing = Listing::default();
    for key in backend::keys() {
        if !key.starts_with(plr_core::stored::DRAFT_KEY_PREFIX) {
            continue;
        }
        let Some(raw) = backend::get(&key).ok().flatten() else {
            continue;
        };
        match parse(&raw) {
            Ok(plr) => listing
                .entries
                .push(IndexEntry::of(&plr, &ReviewPage::TASK_LIST)),
            Err(e) => listing.unreadable.push(Unreadable {
                key,
                reason: e.to_string(),
            }),
        }
    }
    sort(&mut listing.entries);
    listing
}
