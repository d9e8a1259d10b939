//! The pages of an open review as a type, [`ReviewPage`]: what a link, "Continue", the shell and
//! the stored "continue where you left off" name, instead of a string that could name no page.

use std::borrow::Cow;

use plr_core::form::Task;
use plr_core::{AreaId, Framework, PlrId};

/// A page of an open review: one address under `/review/<id>`, drawn by one route of `App`
/// (`src/lib.rs`).
///
/// Only its constants and constructors make one (its field is private). It holds its route's
/// path relative to the review's address (`case`, `area/visiting`), nothing parsed: a page costs
/// no more in the form's first download than the string it replaced. The routes spell the same
/// paths with Leptos's `path!` macro (a test checks the two agree); bookmarks and the home list
/// keep them, so a page's path does not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewPage(Cow<'static, str>);

impl ReviewPage {
    /// The task list (the review's own address).
    pub const TASK_LIST: ReviewPage = ReviewPage::fixed("");
    /// About the case.
    pub const CASE: ReviewPage = ReviewPage::fixed("case");
    /// Who took part.
    pub const PARTICIPATION: ReviewPage = ReviewPage::fixed("participation");
    /// The judgement.
    pub const JUDGEMENT: ReviewPage = ReviewPage::fixed("judgement");
    /// The actions.
    pub const ACTIONS: ReviewPage = ReviewPage::fixed("actions");
    /// Check and complete.
    pub const CHECK: ReviewPage = ReviewPage::fixed("check");
    /// Moderation of a completed review.
    pub const MODERATE: ReviewPage = ReviewPage::fixed("moderate");
    /// A Head of Service's update on a Case of Concern.
    pub const CONCERN_UPDATE: ReviewPage = ReviewPage::fixed("concern-update");
    /// The young people's Ambassadors' review.
    pub const AMBASSADORS: ReviewPage = ReviewPage::fixed("ambassadors");
    /// The printable record.
    pub const PRINT: ReviewPage = ReviewPage::fixed("print");

    const fn fixed(path: &'static str) -> ReviewPage {
        ReviewPage(Cow::Borrowed(path))
    }

    /// One Practice Fundamentals area's page (`area/visiting`).
    pub fn area(id: &AreaId) -> ReviewPage {
        ReviewPage(Cow::Owned(format!("area/{id}")))
    }

    /// The page that holds `task`.
    pub fn of_task(task: &Task) -> ReviewPage {
        match task {
            Task::Case => ReviewPage::CASE,
            Task::Participation => ReviewPage::PARTICIPATION,
            Task::Area(id) => ReviewPage::area(id),
            Task::Judgement => ReviewPage::JUDGEMENT,
            Task::Actions => ReviewPage::ACTIONS,
        }
    }

    /// The page "Continue" goes to from `task`'s page: the next task's in the form's order
    /// ([`Task::next`]), then, after the last, check and complete.
    pub fn after(task: &Task, framework: &Framework) -> ReviewPage {
        task.next(framework)
            .map_or(ReviewPage::CHECK, |next| ReviewPage::of_task(&next))
    }

    /// The page of the review `id` that `address` shows (the router's path, `/review/<id>/case`),
    /// for its shell, which the router draws only under the review's routes. Cut from the
    /// address, not checked (a route matched it already); off the review, the task list.
    pub(crate) fn shown(address: &str, id: PlrId) -> ReviewPage {
        let path = address
            .strip_prefix(&ReviewPage::TASK_LIST.href(id))
            .unwrap_or_default()
            .trim_matches('/');
        ReviewPage(Cow::Owned(path.to_string()))
    }

    /// The page stored as `path` (by [`crate::storage::save`], from a page's [`path`](Self::path)),
    /// read back as it was: a draft stored by any version opens on its page.
    pub(crate) fn stored(path: String) -> ReviewPage {
        ReviewPage(Cow::Owned(path))
    }

    /// Its address relative to the review's (`case`, `area/visiting`; the task list's is empty).
    pub fn path(&self) -> &str {
        &self.0
    }

    /// Its address on the review `id` (`/review/<id>/case`; the task list's is `/review/<id>`).
    pub fn href(&self, id: PlrId) -> String {
        match self.path() {
            "" => format!("/review/{id}"),
            path => format!("/review/{id}/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReviewPage;
    use plr_core::form::Task;
    use plr_core::{AreaId, Framework, PlrId};

    fn id() -> PlrId {
        "0f8fad5b-d9cb-469f-a165-70867728950e".parse().unwrap()
    }

    /// The routes' paths in `App` (`src/lib.rs`), as bookmarks and stored drafts keep them.
    #[test]
    fn the_paths_are_the_routes() {
        let routes = include_str!("lib.rs");
        let paths = [
            ReviewPage::TASK_LIST,
            ReviewPage::CASE,
            ReviewPage::PARTICIPATION,
            ReviewPage::area(&AreaId(":area".into())),
            ReviewPage::JUDGEMENT,
            ReviewPage::ACTIONS,
            ReviewPage::CHECK,
            ReviewPage::MODERATE,
            ReviewPage::CONCERN_UPDATE,
            ReviewPage::AMBASSADORS,
            ReviewPage::PRINT,
        ];
        for page in &paths {
            let route = format!("<Route path=path!(\"{}\")", page.path());
            assert!(routes.contains(&route), "no route {route}");
        }
        assert_eq!(
            routes.matches("<Route path=path!(").count(),
            paths.len() + 1,
            "a review's route with no page (the one more is the home page's)"
        );
    }

    #[test]
    fn a_pages_address_is_under_its_review() {
        let case = "/review/0f8fad5b-d9cb-469f-a165-70867728950e/case";
        assert_eq!(ReviewPage::CASE.href(id()), case);
        assert_eq!(
            ReviewPage::TASK_LIST.href(id()),
            "/review/0f8fad5b-d9cb-469f-a165-70867728950e"
        );
        let visiting = ReviewPage::area(&AreaId("visiting".into()));
        assert_eq!(visiting.path(), "area/visiting");
        for page in [ReviewPage::TASK_LIST, ReviewPage::CASE, visiting] {
            let href = page.href(id());
            assert_eq!(ReviewPage::shown(&href, id()), page, "{href}");
            assert_eq!(ReviewPage::shown(&format!("{href}/"), id()), page);
        }
        assert_eq!(ReviewPage::shown("/", id()), ReviewPage::TASK_LIST);
    }

    #[test]
    fn a_task_is_on_its_own_page() {
        for task in Task::all(Framework::practice_fundamentals()) {
            let page = ReviewPage::of_task(&task);
            assert_ne!(page, ReviewPage::TASK_LIST, "{task:?}");
            if let Task::Area(id) = &task {
                assert_eq!(page, ReviewPage::area(id));
            }
        }
    }

    /// "Continue" walks the form's pages in the task list's order, then to check and complete.
    #[test]
    fn continue_goes_through_the_tasks_then_to_check() {
        let framework = Framework::practice_fundamentals();
        let mut page = ReviewPage::CASE;
        let mut walked = vec![page.path().to_string()];
        for task in Task::all(framework) {
            assert_eq!(ReviewPage::of_task(&task), page, "{task:?}");
            page = ReviewPage::after(&task, framework);
            walked.push(page.path().to_string());
        }
        assert_eq!(page, ReviewPage::CHECK);
        assert_eq!(
            walked,
            [
                "case",
                "participation",
                "area/supervision",
                "area/visiting",
                "area/assessment",
                "area/planning",
                "area/recording",
                "judgement",
                "actions",
                "check"
            ]
        );
    }

    /// Stored as its path, as the home list always kept it: a draft stored before opens on its
    /// page.
    #[test]
    fn a_stored_page_is_its_path() {
        let visiting = ReviewPage::area(&AreaId("visiting".into()));
        let stored = ReviewPage::stored(visiting.path().to_string());
        assert_eq!(stored, visiting);
        assert_eq!(ReviewPage::stored("check".into()), ReviewPage::CHECK);
        assert_eq!(ReviewPage::stored(String::new()), ReviewPage::TASK_LIST);
        assert_eq!(
            ReviewPage::stored("check".into()).href(id()),
            "/review/0f8fad5b-d9cb-469f-a165-70867728950e/check"
        );
    }
}
