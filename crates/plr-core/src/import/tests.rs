use super::*;
use crate::export::export_json;
use crate::model::{Grade, PlrId, Rating};

fn sample() -> String {
    let f = Framework::practice_fundamentals();
    let mut plr = Plr::new_draft(PlrId(uuid::Uuid::nil()), chrono::DateTime::UNIX_EPOCH, f);
    plr.sections[0].items[0].rating = Some(Rating::Met);
    export_json(&plr, f).unwrap()
}

fn problems_of(json: &str) -> Vec<String> {
    match import(json.as_bytes()) {
        Err(ImportError::Invalid(p)) => p.into_iter().map(|p| p.to_string()).collect(),
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn an_export_imports_back_unchanged() {
    let json = sample();
    let imported = import(json.as_bytes()).unwrap();
    assert!(imported.warnings.is_empty());
    assert_eq!(
        export_json(&imported.plr, Framework::practice_fundamentals()).unwrap(),
        json
    );
}

#[test]
fn a_wrong_value_is_reported_at_its_json_path() {
    let json = sample().replacen("\"rating\": \"met\"", "\"rating\": \"brilliant\"", 1);
    assert_eq!(
        problems_of(&json),
        ["sections[0].items[0].rating: unknown variant `brilliant`, expected one of `met`, `partly`, `not_met`, `na`"]
    );
    let json = sample().replacen("\"team\": \"\"", "\"team\": 7", 1);
    assert_eq!(
        problems_of(&json),
        ["case.team: invalid type: integer `7`, expected a string"]
    );
    let json = sample().replacen("\"team\": \"\",", "", 1);
    assert_eq!(problems_of(&json), ["case: missing field `team`"]);
    let json = sample().replacen(
        "\"created_at\": \"1970-01-01T00:00:00Z\"",
        "\"created_at\": \"yesterday\"",
        1,
    );
    assert_eq!(problems_of(&json).len(), 1);
    assert!(problems_of(&json)[0].starts_with("created_at: "));
}

#[test]
fn unknown_ids_and_non_plr_files_are_refused_and_unknown_keys_ignored() {
    let json = sample().replacen("\"SM2\"", "\"ZZ9\"", 1);
    assert_eq!(
        problems_of(&json),
        [
            "sections[0].items[1].id: \"ZZ9\" is not a statement of Supervision and Management",
            "sections[0].items: statement SM2 is missing",
        ]
    );
    let json = sample().replacen("\"SM2\"", "\"SM1\"", 1);
    assert_eq!(
        problems_of(&json),
        [
            "sections[0].items[1].id: statement SM1 appears more than once",
            "sections[0].items: statement SM2 is missing",
        ]
    );
    let json = sample().replacen("\"id\": \"visiting\"", "\"id\": \"supervision\"", 1);
    assert_eq!(
        problems_of(&json),
        [
            "sections[1].id: area supervision appears more than once",
            "sections: area visiting (Visiting and Direct Work) is missing",
        ]
    );
    let json = sample().replacen("\"version\": \"2020-05\"", "\"version\": \"2031-01\"", 1);
    assert_eq!(
        problems_of(&json),
        ["framework: unknown framework \"practice-fundamentals\" version \"2031-01\""]
    );
    assert_eq!(
        import(b"{\"format\": \"other\"}"),
        Err(ImportError::NotAPlr)
    );
    assert_eq!(import(b"[1, 2]"), Err(ImportError::NotAPlr));
    assert!(matches!(
        import(b"{\"format\": \"practice-le"),
        Err(ImportError::NotJson(_))
    ));
    let extra = sample().replacen('{', "{\n  \"added_later\": [1, 2],", 1);
    assert!(import(extra.as_bytes()).is_ok());
}

#[test]
fn size_and_length_limits_are_enforced() {
    let huge = vec![b' '; MAX_FILE_BYTES + 1];
    let error = import(&huge).unwrap_err();
    assert_eq!(error, ImportError::TooLarge(MAX_FILE_BYTES + 1));
    assert_eq!(
        error.problems(),
        [ImportProblem::new(
            "$",
            "the file is 5242881 bytes, larger than the 5 MB limit"
        )]
    );
    let long_ref = "x".repeat(MAX_SHORT_CHARS + 1);
    let json = sample().replacen(
        "\"child_ref\": \"\"",
        &format!("\"child_ref\": \"{long_ref}\""),
        1,
    );
    assert_eq!(
        problems_of(&json),
        ["case.child_ref: longer than the limit of 200 characters"]
    );
    // 200 two-byte characters are within the limit.
    let accented = "é".repeat(MAX_SHORT_CHARS);
    let json = sample().replacen(
        "\"child_ref\": \"\"",
        &format!("\"child_ref\": \"{accented}\""),
        1,
    );
    assert!(import(json.as_bytes()).is_ok());
    let long_note = "n".repeat(MAX_TEXT_CHARS + 1);
    let json = sample().replacen("\"note\": \"\"", &format!("\"note\": \"{long_note}\""), 2);
    assert_eq!(
        problems_of(&json),
        [
            "sections[0].items[0].note: longer than the limit of 20000 characters",
            "sections[0].items[1].note: longer than the limit of 20000 characters",
        ]
    );
    let action = r#"{"id": "a", "kind": null, "description": "", "owner": "", "due_on": null, "status": "open", "completed_on": null}"#;
    let actions: Vec<String> = (0..=MAX_ACTIONS)
        .map(|n| action.replace("\"a\"", &format!("\"a{n}\"")))
        .collect();
    let json = sample().replacen(
        "\"actions\": []",
        &format!("\"actions\": [{}]", actions.join(",")),
        1,
    );
    assert_eq!(
        problems_of(&json),
        ["actions: 201 actions, more than the limit of 200"]
    );
}

#[test]
fn a_completed_review_without_its_completion_time_is_nonsense() {
    let json = sample().replacen("\"status\": \"draft\"", "\"status\": \"completed\"", 1);
    assert_eq!(
        problems_of(&json),
        [
            "completed_at: a completed review needs its completion time",
            "judgement.final_grade: a completed review needs a final grade",
        ]
    );
}

#[test]
fn a_hand_edited_suggestion_is_recomputed_with_a_warning() {
    let json = sample().replacen("\"grade\": \"outstanding\"", "\"grade\": \"inadequate\"", 1);
    let imported = import(json.as_bytes()).unwrap();
    assert_eq!(
        imported.plr.judgement.suggested.grade,
        Some(Grade::Outstanding)
    );
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].path, "judgement.suggested");
}

#[test]
fn another_framework_is_imported_when_it_is_known() {
    let mini =
        Framework::from_json(include_str!("../../tests/fixtures/mini-framework.json")).unwrap();
    let plr = Plr::new_draft(
        PlrId(uuid::Uuid::nil()),
        chrono::DateTime::UNIX_EPOCH,
        &mini,
    );
    let json = export_json(&plr, &mini).unwrap();
    assert!(matches!(
        import(json.as_bytes()),
        Err(ImportError::Invalid(_))
    ));
    let imported = import_with(
        json.as_bytes(),
        &[Framework::practice_fundamentals(), &mini],
    );
    assert_eq!(imported.map(|i| i.plr), Ok(plr));
}

#[test]
fn untrusted_text_in_messages_is_shortened() {
    assert_eq!(shown("short"), "short");
    assert_eq!(shown(&"é".repeat(41)), format!("{}…", "é".repeat(40)));
}
