#![cfg(not(target_arch = "wasm32"))]
//! Property tests: import never panics, export round-trips byte for byte, and grading depends
//! only on the points that count.

mod common;

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use plr_core::completion::completion_problems;
use plr_core::export::export_json;
use plr_core::grading::suggest_grade;
use plr_core::import::{import, import_by_value};
use plr_core::*;
use proptest::prelude::*;

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        Just(None),
        Just(Some(Rating::Met)),
        Just(Some(Rating::PartlyMet)),
        Just(Some(Rating::NotMet)),
        Just(Some(Rating::NotApplicable)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.'\"\\\\/\n\té£€😀-]{0,30}"
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of(
        (2000i32..2040, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

prop_compose! {
    fn plr()(
        ratings in proptest::collection::vec(rating(), 55),
        notes in proptest::collection::vec(text(), 55),
        child_ref in text(),
        team in text(),
        review_date in date(),
        concern in any::<bool>(),
        final_grade in proptest::option::of(proptest::sample::select(Grade::ALL.to_vec())),
        legal_status in proptest::option::of(proptest::sample::select(LegalStatus::ALL.to_vec())),
        actions in proptest::collection::vec((text(), text(), date()), 0..4),
        seconds in 0i64..2_000_000_000,
    ) -> Plr {
        let f = Framework::practice_fundamentals();
        let now = DateTime::from_timestamp(seconds, 0).unwrap();
        let mut plr = Plr::new_draft(PlrId(uuid::Uuid::from_u128(seconds as u128)), now, f);
        for (n, item) in plr.sections.iter_mut().flat_map(|s| s.items.iter_mut()).enumerate() {
            item.rating = ratings[n];
            item.note = notes[n].clone();
        }
        plr.case.child_ref = child_ref;
        plr.case.team = team;
        plr.case.legal_status = legal_status;
        plr.review.date = review_date;
        plr.judgement.flag_immediate_concern(concern, now);
        plr.judgement.final_grade = final_grade;
        for (description, owner, due_on) in actions {
            let mut action = Action::new_after(&plr.actions);
            action.description = description;
            action.owner = owner;
            action.due_on = due_on;
            plr.actions.push(action);
        }
        plr
    }
}

fn views() -> impl Strategy<Value = Option<Views>> {
    let outcome = proptest::sample::select(vec![
        ViewsOutcome::Obtained,
        ViewsOutcome::Inappropriate,
        ViewsOutcome::Unreachable,
        ViewsOutcome::Declined,
    ]);
    let feedback = proptest::sample::select(vec![Feedback::Positive, Feedback::Mixed]);
    proptest::option::of(
        (
            proptest::option::of(outcome),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(feedback),
        )
            .prop_map(
                |(views, social_worker_consulted, persistent_attempts, feedback)| Views {
                    views,
                    social_worker_consulted,
                    persistent_attempts,
                    feedback,
                },
            ),
    )
}

fn person() -> impl Strategy<Value = Person> {
    (
        text(),
        proptest::option::of(proptest::sample::select(Role::ALL.to_vec())),
    )
        .prop_map(|(name, role)| Person { name, role })
}

fn grade() -> impl Strategy<Value = Grade> {
    proptest::sample::select(Grade::ALL.to_vec())
}

prop_compose! {
    /// Any PLR the app could export: drafts and completed reviews, with or without moderation,
    /// every optional answer given or not, sub-second timestamps.
    fn any_plr()(
        mut plr in plr(),
        completed in any::<bool>(),
        nanos in 0u32..1_000_000_000,
        people in (person(), person()),
        answers in proptest::collection::vec(proptest::option::of(any::<bool>()), 5),
        participants in (views(), views()),
        moderation in proptest::option::of((text(), grade(), text())),
        finished in proptest::collection::vec((0..4u8, date(), text()), 4),
        reflections in proptest::collection::vec((text(), text()), 5),
    ) -> Plr {
        let at = plr.created_at + chrono::Duration::nanoseconds(i64::from(nanos));
        plr.updated_at = at;
        if completed {
            plr.status = Status::Completed;
            plr.completed_at = Some(at);
            plr.judgement.final_grade = plr.judgement.final_grade.or(Some(Grade::Good));
            plr.judgement.share_by = Some(at);
        }
        (plr.review.reviewer, plr.review.practitioner) = people;
        plr.case.child_aged_4_or_over = answers[0];
        plr.case.iro_or_cp_chair_allocated = answers[1];
        plr.participation.social_worker = answers[2];
        plr.participation.team_manager = answers[3];
        plr.participation.iro_or_cp_chair = answers[4];
        (plr.participation.child, plr.participation.parent_carer) = participants;
        plr.moderation = moderation.map(|(moderator, grade, comments)| Moderation {
            moderator,
            moderated_at: at,
            grade,
            effect: ModerationEffect::Agreed,
            comments,
        });
        for (action, (status, on, note)) in plr.actions.iter_mut().zip(finished) {
            let done = status > 0;
            action.kind = Some(if done { ActionKind::CarePlanning } else { ActionKind::Other });
            action.progress_note = note;
            if status == 1 {
                action.status = ActionStatus::Completed;
                action.completed_on = on;
            } else if status == 2 {
                action.status = ActionStatus::Transferred;
                action.transferred_on = on.or(chrono::NaiveDate::from_ymd_opt(2026, 11, 30));
            } else if status == 3 {
                action.status = ActionStatus::ServiceEnded;
            }
        }
        for (section, (reflection, evaluation)) in plr.sections.iter_mut().zip(reflections) {
            section.practitioner_reflection = reflection;
            section.reviewer_evaluation = evaluation;
        }
        plr
    }
}

/// The pieces [`import_never_panics_on_a_hostile_splice`] puts into a file, made once for
/// every case (five of them are 10,000 to 100,000 characters long).
static HOSTILE_PIECES: LazyLock<Vec<String>> = LazyLock::new(hostile_pieces);

/// Whether `path` (`sections[2].items[3].note`, `participation.child.views`) names a place in
/// the exported `json`: every list position and every key is there, but for an answer the
/// export leaves out when it is `None` (three of a person's views), and a group of answers may
/// be `null` (not begun) when only the answer's own key is left.
fn resolves(json: &serde_json::Value, path: &str) -> bool {
    let steps: Vec<&str> = path.split(['.', '[']).collect();
    let mut at = json;
    for (n, step) in steps.iter().enumerate() {
        let last = n + 1 == steps.len();
        let next = match step.strip_suffix(']') {
            Some(index) => index.parse::<usize>().ok().and_then(|i| at.get(i)),
            None if at.is_null() => return last,
            None => at.get(*step),
        };
        match next {
            Some(value) => at = value,
            None => {
                let left_out = ["social_worker_consulted", "persistent_attempts", "feedback"];
                return last && at.is_object() && left_out.contains(step);
            }
        }
    }
    true
}

fn hostile_pieces() -> Vec<String> {
    let mut pieces: Vec<String> = [
        "1e400",
        "-1e400",
        "18446744073709551616",
        "-0",
        "0.0000000000000000000000001e-400",
        r#""\ud800""#,
        r#""\udfff\ud800""#,
        r#""\u0000""#,
        "\"\u{202e}evil\"",
        "null",
        "true",
        "{}",
        "[]",
        "\"\"",
        ",",
        ":",
        "\"",
        "{",
        "}",
        "[",
        "]",
        "\\",
        "\u{feff}",
        r#""<script>alert(1)</script>""#,
        r#""<img src=x onerror=alert(1)>""#,
        r#""javascript:alert(1)""#,
        r#""{{constructor.constructor('alert(1)')()}}""#,
        r#""schema_version": 999"#,
        r#""schema_version": 1"#,
        r#""status": "completed""#,
        r#""id": "SM1""#,
        r#""rating": "met""#,
        r#""actions": []"#,
        r#""__proto__": {}"#,
    ]
    .map(String::from)
    .to_vec();
    pieces.push("[".repeat(100_000));
    pieces.push("{\"a\":".repeat(10_000));
    pieces.push(format!("\"{}\"", "x".repeat(100_000)));
    pieces.push(format!("\"{}\"", "\u{202e}".repeat(30_000)));
    pieces.push("9".repeat(10_000));
    pieces
}

/// `plr`'s export as `version` (1 to 3) wrote it ([`migrate::downgrade`]), but for the keys
/// later versions added that `kept` puts back, in turn (0: left out, as that version wrote it;
/// 1: as the current export wrote it; 2: `null`), with `format` and `schema_version` first, as
/// every export begins.
fn older_export(plr: &Plr, version: u32, kept: &[u8]) -> String {
    use serde_json::{Map, Value};
    let f = Framework::practice_fundamentals();
    let current: Value = serde_json::from_str(&export_json(plr, f).unwrap()).unwrap();
    let mut older = current.clone();
    migrate::downgrade(&mut older, version);
    let mut choices = kept.iter().copied().cycle();
    let mut put_back = |older: &mut Map<String, Value>, current: &Map<String, Value>| {
        for (key, value) in current {
            if !older.contains_key(key) {
                match choices.next() {
                    Some(1) => older.insert(key.clone(), value.clone()),
                    Some(2) => older.insert(key.clone(), Value::Null),
                    _ => None,
                };
            }
        }
    };
    let (Value::Object(older_plr), Value::Object(current_plr)) = (&mut older, &current) else {
        unreachable!("an export is an object");
    };
    put_back(older_plr, current_plr);
    if let (Some(Value::Object(older_j)), Some(Value::Object(current_j))) =
        (older_plr.get_mut("judgement"), current_plr.get("judgement"))
    {
        put_back(older_j, current_j);
    }
    if let (Some(Value::Array(older_a)), Some(Value::Array(current_a))) =
        (older_plr.get_mut("actions"), current_plr.get("actions"))
    {
        for (older_a, current_a) in older_a.iter_mut().zip(current_a) {
            if let (Value::Object(older_a), Value::Object(current_a)) = (older_a, current_a) {
                put_back(older_a, current_a);
            }
        }
    }
    let format = older_plr.remove("format").unwrap();
    let version = older_plr.remove("schema_version").unwrap();
    let rest = serde_json::to_string_pretty(&older).unwrap();
    format!(
        "{{\n  \"format\": {format},\n  \"schema_version\": {version},{}",
        &rest[1..]
    )
}

proptest! {
    /// A file of version 1 to 3, with or without (or with `null`) each key later versions
    /// added, imports exactly as the slow path alone imports it (the JSON value, migration,
    /// the typed parse): the same PLR, warnings and notes of what migration estimated, or the
    /// same problems at the same JSON paths.
    #[test]
    fn an_older_export_imports_as_its_migrated_value_does(plr in any_plr(), version in 1u32..=3, kept in proptest::collection::vec(0u8..3, 16)) {
        let older = older_export(&plr, version, &kept);
        let frameworks = [Framework::practice_fundamentals()];
        prop_assert_eq!(import(older.as_bytes()), import_by_value(older.as_bytes(), &frameworks));
    }

    /// Every file of version 1 to 3 that the app wrote (its later keys left out, or some kept)
    /// takes the typed read: with a number no float holds in a key the model ignores, which
    /// only the typed read skips (the JSON value refuses the file), it still imports, and as
    /// the slow path imports the file without it.
    #[test]
    fn an_older_export_as_written_takes_the_typed_read(plr in any_plr(), version in 1u32..=3, kept in proptest::collection::vec(0u8..2, 16)) {
        let older = older_export(&plr, version, &kept);
        let marker = format!("\"schema_version\": {version},");
        let probed = older.replacen(&marker, &format!("{marker}\n  \"added_later\": 1e400,"), 1);
        prop_assert!(probed.len() > older.len());
        let frameworks = [Framework::practice_fundamentals()];
        prop_assert!(matches!(import_by_value(probed.as_bytes(), &frameworks), Err(import::ImportError::NotJson(_))));
        prop_assert_eq!(import(probed.as_bytes()), import_by_value(older.as_bytes(), &frameworks));
    }

    /// A file of version 1 to 3 cut short or with any byte changed is judged as the slow path
    /// alone judges it: the same problems at the same JSON paths, or the same PLR.
    #[test]
    fn a_damaged_older_export_is_judged_as_its_migrated_value_judges_it(plr in any_plr(), version in 1u32..=3, kept in proptest::collection::vec(0u8..3, 16), cut in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let older = older_export(&plr, version, &kept).into_bytes();
        let frameworks = [Framework::practice_fundamentals()];
        let short = &older[..cut.index(older.len())];
        prop_assert_eq!(import(short), import_by_value(short, &frameworks));
        let mut changed = older.clone();
        changed[at.index(older.len())] = byte;
        prop_assert_eq!(import(&changed), import_by_value(&changed, &frameworks));
    }
}

proptest! {
    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import(&bytes);
    }

    #[test]
    fn import_never_panics_on_a_damaged_export(plr in any_plr(), cut in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let json = export_json(&plr, Framework::practice_fundamentals()).unwrap().into_bytes();
        let _ = import(&json[..cut.index(json.len())]);
        let mut changed = json.clone();
        let i = at.index(changed.len());
        changed[i] = byte;
        let _ = import(&changed);
    }

    /// What a hostile or broken tool might splice anywhere into a real export: deep nesting,
    /// numbers no float holds, half a surrogate pair, control characters, markup, a right-to-left
    /// override, a 100,000-character string. Import refuses or reads it; it never panics, and
    /// what it reads is within its limits.
    #[test]
    fn import_never_panics_on_a_hostile_splice(plr in any_plr(), at in any::<prop::sample::Index>(), len in 0usize..96, piece in any::<prop::sample::Index>()) {
        let json = export_json(&plr, Framework::practice_fundamentals()).unwrap().into_bytes();
        let pieces = &*HOSTILE_PIECES;
        let piece = &pieces[piece.index(pieces.len())];
        let start = at.index(json.len());
        let end = (start + len).min(json.len());
        let spliced = [&json[..start], piece.as_bytes(), &json[end..]].concat();
        if let Ok(read) = import(&spliced) {
            let f = Framework::practice_fundamentals();
            prop_assert!(read.plr.actions.len() <= plr_core::import::MAX_ACTIONS);
            for question in form::questions(&read.plr, f) {
                if let (Some(max), Some(text)) = (question.limit, question.field.text(&read.plr)) {
                    prop_assert!(text.chars().count() <= max, "{:?} over its limit", question.field);
                }
            }
        }
    }

    #[test]
    fn export_import_export_is_byte_identical(plr in any_plr()) {
        let f = Framework::practice_fundamentals();
        let first = export_json(&plr, f).unwrap();
        let imported = import(first.as_bytes()).unwrap();
        prop_assert!(imported.warnings.is_empty());
        prop_assert_eq!(export_json(&imported.plr, f).unwrap(), first);
        let mut expected = plr.clone();
        derived::recompute_derived(&mut expected, f);
        prop_assert_eq!(imported.plr, expected);
    }

    /// Whatever the editing state holds in its derived fields (stale, as a store that never
    /// recomputes them does), the draft as saved loads back as itself: no warning, the same
    /// content, and saving it again writes the same bytes.
    #[test]
    fn a_draft_saved_then_loaded_equals_itself(plr in any_plr(), stale in any::<u32>()) {
        let f = Framework::practice_fundamentals();
        let mut editing = plr;
        editing.judgement.suggested.points = stale;
        let saved = stored::stored_text(&editing, f).unwrap();
        let loaded = import(saved.as_bytes()).unwrap();
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert!(derived::same_content(&editing, &loaded.plr, f));
        prop_assert_eq!(stored::stored_text(&loaded.plr, f).unwrap(), saved);
    }

    /// An action's problems are about that action whatever happens to the others: removing
    /// any action leaves every other action with the same problems, named at its new position.
    #[test]
    fn removing_an_action_keeps_every_other_actions_problems_on_it(plr in any_plr(), which in any::<prop::sample::Index>()) {
        prop_assume!(!plr.actions.is_empty());
        let f = Framework::practice_fundamentals();
        let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let mut after = plr.clone();
        after.actions.remove(which.index(plr.actions.len()));
        let problems_before = completion_problems(&plr, f, today);
        let problems_after = completion_problems(&after, f, today);
        for (position, action) in after.actions.iter().enumerate() {
            let on_it = |problems: &[problem::Problem]| -> Vec<(Option<form::FieldPath>, String)> {
                problems
                    .iter()
                    .filter(|p| matches!(&p.field, Some(form::FieldPath::Action { id, .. }) if *id == action.id))
                    .map(|p| (p.field.clone(), p.path.clone()))
                    .collect()
            };
            let (before, now) = (on_it(&problems_before), on_it(&problems_after));
            prop_assert_eq!(
                before.iter().map(|(field, _)| field).collect::<Vec<_>>(),
                now.iter().map(|(field, _)| field).collect::<Vec<_>>()
            );
            for (_, path) in &now {
                prop_assert!(path.starts_with(&format!("actions[{position}].")), "{}", path);
            }
        }
    }

    /// The form description declares every question the completion check can name, and the
    /// check only names questions that apply.
    #[test]
    fn every_problem_is_about_a_question_the_description_declares(plr in any_plr()) {
        let f = Framework::practice_fundamentals();
        let declared: Vec<form::FieldPath> = form::questions(&plr, f).into_iter().map(|q| q.field).collect();
        let suggested = grading::suggest_grade(f, &plr.sections, plr.judgement.immediate_concern).grade;
        let exported: serde_json::Value = serde_json::from_str(&export_json(&plr, f).unwrap()).unwrap();
        for problem in completion_problems(&plr, f, NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()) {
            let field = problem.field.clone();
            prop_assert!(field.is_some(), "{}", problem);
            let field = field.unwrap();
            prop_assert!(declared.contains(&field), "{}", problem);
            prop_assert!(form::applies(&field, &plr, suggested), "{}", problem);
            prop_assert!(resolves(&exported, &problem.path), "{} in {}", problem.path, exported);
        }
    }

    #[test]
    fn grading_ignores_the_order_of_items_and_sections(plr in plr(), seed in any::<u64>()) {
        let f = Framework::practice_fundamentals();
        let before = suggest_grade(f, &plr.sections, plr.judgement.immediate_concern);
        let mut sections = plr.sections.clone();
        sections.reverse();
        for (n, section) in sections.iter_mut().enumerate() {
            let len = section.items.len();
            section.items.rotate_left((seed as usize + n) % len);
            section.items.reverse();
        }
        prop_assert_eq!(suggest_grade(f, &sections, plr.judgement.immediate_concern), before);
    }

    #[test]
    fn not_applicable_and_unrated_never_change_the_score(plr in plr(), flips in proptest::collection::vec(any::<bool>(), 55)) {
        let f = Framework::practice_fundamentals();
        let before = suggest_grade(f, &plr.sections, false);
        let mut sections = plr.sections.clone();
        for (n, item) in sections.iter_mut().flat_map(|s| s.items.iter_mut()).enumerate() {
            item.rating = match (item.rating, flips[n]) {
                (None, true) => Some(Rating::NotApplicable),
                (Some(Rating::NotApplicable), true) => None,
                (other, _) => other,
            };
        }
        let after = suggest_grade(f, &sections, false);
        prop_assert_eq!((after.points, after.maximum, after.grade), (before.points, before.maximum, before.grade));
        prop_assert_eq!(&after.areas.iter().map(|a| a.band).collect::<Vec<_>>(), &before.areas.iter().map(|a| a.band).collect::<Vec<_>>());
    }
}
