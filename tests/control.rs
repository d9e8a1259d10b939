//! Browser tests of one control mounted alone: a control is given its question (the core's
//! form description) bound to the field of a store that holds its answer (`Bound`, made from
//! one path), and reads nothing of the review but the `FormState` it is mounted under, so it
//! can be tested, and reused, on its own.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use plr_app::answer::Bound;
use plr_app::components::fields::{FormState, TextInput, YesNo};
use plr_core::form::{CaseField, FieldPath, ParticipationField, Question};
use plr_core::import::MAX_SHORT_CHARS;
use plr_core::problem::Problem;
use plr_core::{CaseStoreFields, Framework, ParticipationStoreFields, Plr, PlrId, PlrStoreFields};
use reactive_stores::Store;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

mod page;
use page::{document, host, until};

/// Waits until `holds` is true (see [`until`]).
async fn until_true(what: &str, holds: impl Fn() -> bool) {
    until(what, || holds().then_some(())).await
}

fn input(selector: &str) -> HtmlInputElement {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

fn text_of(selector: &str) -> Option<String> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// A blank draft in a store, a form state whose problems and completion the test sets, and
/// `control` mounted alone under that state in a fresh element of the page.
fn mount<V: IntoView + 'static>(
    control: impl Fn(Store<Plr>) -> V + 'static,
) -> (Store<Plr>, RwSignal<Vec<Problem>>, RwSignal<bool>) {
    _ = any_spawner::Executor::init_wasm_bindgen();
    let plr = Plr::new_draft(
        PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        Framework::practice_fundamentals(),
    );
    let store = Store::new(plr);
    let problems = RwSignal::new(Vec::new());
    let completed = RwSignal::new(false);
    leptos::mount::mount_to(host(), move || {
        provide_context(FormState {
            problems: problems.into(),
            completed: completed.into(),
        });
        control(store)
    })
    .forget();
    (store, problems, completed)
}

fn question(field: FieldPath) -> Question {
    let plr = Plr::new_draft(
        PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        Framework::practice_fundamentals(),
    );
    Question::of(&field, &plr, Framework::practice_fundamentals()).expect("a question of the form")
}

#[wasm_bindgen_test]
async fn a_text_control_is_labelled_by_its_question_edits_its_field_and_shows_its_problem() {
    let team = question(FieldPath::Case(CaseField::Team));
    let shown = team.clone();
    let (store, problems, completed) = mount(move |store| {
        let answer = Bound::new(
            store,
            Framework::practice_fundamentals(),
            shown.field.clone(),
        );
        view! { <TextInput answer /> }
    });
    let selector = format!("#{}", team.field.dom_id());
    until_true("the control is drawn", || text_of(&selector).is_some()).await;
    let control = input(&selector);
    // The label is the core's, and so is the length limit.
    assert_eq!(
        text_of(&format!("label[for='{}']", team.field.dom_id())).as_deref(),
        Some(team.label.as_str())
    );
    assert_eq!(control.max_length(), MAX_SHORT_CHARS as i32);

    // Typing edits the store's field, and nothing else.
    control.set_value("Stroud Safeguarding");
    control
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(store.case().team().get_untracked(), "Stroud Safeguarding");
    assert_eq!(store.case().child_ref().get_untracked(), "");

    // A value set past the limit by a script (an extension, autofill) is cut to the limit, so
    // the review can always be opened again.
    control.set_value(&"x".repeat(MAX_SHORT_CHARS + 50));
    control
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(
        store.case().team().get_untracked().chars().count(),
        MAX_SHORT_CHARS
    );
    until_true("the control shows what was kept", || {
        control.value().chars().count() == MAX_SHORT_CHARS
    })
    .await;

    // Its own problem is shown inline and marks it invalid; another question's is not shown.
    store.with_untracked(|plr| {
        problems.set(vec![
            Problem::at(
                FieldPath::Case(CaseField::ChildRef),
                plr,
                "Enter the child's case reference",
            ),
            Problem::at(team.field.clone(), plr, "Enter the team"),
        ])
    });
    until_true("the control is marked invalid", || {
        control.get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    let error = text_of(&format!("#{}-error", team.field.dom_id())).unwrap_or_default();
    assert_eq!(error, "Error: Enter the team");
    problems.set(Vec::new());
    until_true("the problem is gone", || {
        control.get_attribute("aria-invalid").is_none()
    })
    .await;

    // A completed review's answer is read-only.
    assert!(!control.disabled());
    completed.set(true);
    until_true("the control is read-only", || control.disabled()).await;
}

#[wasm_bindgen_test]
async fn a_yes_no_control_chooses_its_fields_value() {
    let involved = question(FieldPath::Participation(ParticipationField::SocialWorker));
    let shown = involved.clone();
    let (store, _, _) = mount(move |store| {
        let answer = Bound::new(
            store,
            Framework::practice_fundamentals(),
            shown.field.clone(),
        );
        view! { <YesNo answer /> }
    });
    let id = involved.field.dom_id();
    let legend = text_of(&format!("#{id}")).map(|_| ());
    assert!(
        legend.is_some(),
        "the first radio carries the question's id"
    );
    let no = input(&format!("#{id}-1"));
    no.click();
    assert_eq!(
        store.participation().social_worker().get_untracked(),
        Some(false)
    );
    input(&format!("#{id}")).click();
    assert_eq!(
        store.participation().social_worker().get_untracked(),
        Some(true)
    );
}

/// Every question whose row declares a text, yes-or-no or date answer is bound to a store
/// field, and what is written through that field is the answer the core reads back at the
/// question's path: a control can only ever edit the answer of the question it shows.
#[wasm_bindgen_test]
fn each_text_yes_no_and_date_question_edits_the_answer_at_its_own_path() {
    use plr_core::form::{spot_list, Answer as Declared, Shown};
    use plr_core::{Action, Views};
    let framework = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(
        PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        framework,
    );
    plr.participation.child = Some(Views::default());
    plr.participation.parent_carer = Some(Views::default());
    plr.actions.push(Action::new_after(&plr.actions));
    let store = Store::new(plr.clone());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mut bound = 0;
    for spot in spot_list(&plr) {
        let at = spot.path();
        let written = match spot.declared().answer {
            Declared::Short | Declared::Long => {
                let text = format!("answer at {}", at.dom_id());
                let field = Bound::<String>::new(store, framework, at.clone()).parts().1;
                // As a control does: it shows the answer before anything is typed (a keyed
                // store learns where a list item is on its first read).
                field.with_untracked(|_| ());
                field.set(text.clone());
                store.with_untracked(|now| assert_eq!(at.text(now), Some(text.as_str()), "{at:?}"));
                true
            }
            Declared::YesNo => {
                Bound::<Option<bool>>::new(store, framework, at.clone())
                    .parts()
                    .1
                    .set(Some(false));
                store.with_untracked(|now| {
                    let shown = at.spot(now).map(|s| s.shown(now));
                    assert_eq!(shown, Some(Shown::YesNo(false)), "{at:?}")
                });
                true
            }
            Declared::Date => {
                Bound::<Option<chrono::NaiveDate>>::new(store, framework, at.clone())
                    .parts()
                    .1
                    .set(Some(day));
                store.with_untracked(|now| {
                    let shown = at.spot(now).map(|s| s.shown(now));
                    assert_eq!(shown, Some(Shown::Date(day)), "{at:?}")
                });
                true
            }
            _ => false,
        };
        bound += usize::from(written);
    }
    // Every text, yes-or-no and date question: 4 + 2 + 1 about the case, 3 + 2 × 2 who took part, 55 notes, 5 × 2 narratives, 4 of the judgement,
    // 3 + 3 of one action.
    assert_eq!(bound, 7 + 7 + 55 + 10 + 4 + 6);
}
