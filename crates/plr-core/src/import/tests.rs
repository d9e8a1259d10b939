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
        ["sections[0].items[0].rating: \"brilliant\" is not one of the values allowed here: met, partly, not_met, na"]
    );
    let json = sample().replacen("\"team\": \"\"", "\"team\": 7", 1);
    assert_eq!(
        problems_of(&json),
        ["case.team: expected a string, but found integer 7"]
    );
    let json = sample().replacen("\"team\": \"\",", "", 1);
    assert_eq!(
        problems_of(&json),
        ["case: the required field \"team\" is missing"]
    );
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
    // A list of an export's values in the order of its keys is not an export either, though a
    // typed parse could read one (serde reads a struct from a list).
    let listed: String = sample()
        .lines()
        .map(|line| match line.strip_prefix("  \"") {
            Some(rest) if !line.starts_with("   ") => {
                let value = rest.split_once("\": ").map_or(rest, |(_, v)| v);
                format!("  {value}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    let listed = format!("[{}]", &listed.trim()[1..listed.trim().len() - 1]);
    assert!(listed.contains("\"practice-learning-review\""));
    assert_eq!(import(listed.as_bytes()), Err(ImportError::NotAPlr));
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
        [Problem::new(
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
    let action = r#"{"id": "a", "kind": null, "description": "", "owner": "", "due_on": null, "status": "open", "completed_on": null, "progress_note": ""}"#;
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

/// What the slow path alone makes of `json` (the behaviour before the fast path existed).
fn slow(json: &str) -> Result<Plr, ImportError> {
    parse_checked(json).map(|(plr, _)| plr)
}

#[test]
fn a_file_the_fast_path_refuses_is_named_as_the_slow_path_names_it() {
    let valid = sample();
    let broken = [
        valid.replacen("\"rating\": \"met\"", "\"rating\": \"brilliant\"", 1),
        valid.replacen("\"team\": \"\"", "\"team\": 7", 1),
        valid.replacen("\"team\": \"\",", "", 1),
        valid.replacen("\"status\": \"draft\"", "\"status\": \"done\"", 1),
        valid.replacen("\"schema_version\": 5", "\"schema_version\": 6", 1),
        valid.replacen("\"schema_version\": 5", "\"schema_version\": 5.0", 1),
        valid.replacen(
            "\"format\": \"practice-learning-review\"",
            "\"format\": \"x\"",
            1,
        ),
        valid.replacen('{', "{\"id\": \"not-a-uuid\",", 1),
        valid[..valid.len() / 2].to_string(),
        format!("{valid} trailing"),
    ];
    for json in &broken {
        assert_eq!(fast::parse(json), None, "{json}");
        let before = slow(json).map(|_| ()).unwrap_err();
        assert_eq!(import(json.as_bytes()).map(|_| ()), Err(before));
    }
    assert_eq!(
        import(broken[0].as_bytes()).unwrap_err().to_string(),
        "sections[0].items[0].rating: \"brilliant\" is not one of the values allowed here: met, partly, not_met, na"
    );
    assert_eq!(
        import(broken[4].as_bytes()).unwrap_err().problems()[0].path,
        "schema_version"
    );
}

#[test]
fn json_only_the_value_parse_refused_is_ignored_in_an_unknown_key_and_refused_in_a_known_one() {
    let valid = sample();
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    for extra in ["\"\\ud800\"", "1e400", deep.as_str()] {
        // In an unknown key, skipped unread (it was "not valid JSON" to the value parse).
        let unknown = valid.replacen('{', &format!("{{\"added_later\": {extra},"), 1);
        assert!(matches!(slow(&unknown), Err(ImportError::NotJson(_))));
        let imported = import(unknown.as_bytes()).map(|i| i.plr);
        assert_eq!(imported, import(valid.as_bytes()).map(|i| i.plr));
        // In a key the model reads, refused by both paths alike.
        let known = valid.replacen("\"team\": \"\"", &format!("\"team\": {extra}"), 1);
        let refused = import(known.as_bytes()).map(|_| ());
        assert!(refused.is_err());
        assert_eq!(refused, slow(&known).map(|_| ()));
    }
}

#[test]
fn the_fast_path_reads_every_fixture_as_the_slow_path_does() {
    let fixtures = [
        include_str!("../../tests/fixtures/completed-concern.json"),
        include_str!("../../tests/fixtures/completed-good.json"),
        include_str!("../../tests/fixtures/completed-moderated.json"),
        include_str!("../../tests/fixtures/draft-blank.json"),
        include_str!("../../tests/fixtures/draft-partial.json"),
    ];
    for json in fixtures {
        let fast = fast::parse(json);
        assert!(fast.is_some());
        assert_eq!(fast, slow(json).ok());
    }
    // Older versions are migrated, so they go the slow way.
    assert_eq!(
        fast::parse(include_str!("../../tests/fixtures/version-1-concern.json")),
        None
    );
}

#[test]
fn a_file_damaged_anywhere_is_judged_as_the_slow_path_judges_it() {
    let valid = sample();
    let bytes = valid.as_bytes();
    for at in (0..bytes.len()).step_by(11) {
        for replacement in [&b""[..], b"x", b"9", b"\"", b"{", b"]", b"\\u"] {
            let mut damaged = bytes[..at].to_vec();
            damaged.extend_from_slice(replacement);
            damaged.extend_from_slice(&bytes[at + 1..]);
            let Ok(json) = std::str::from_utf8(&damaged) else {
                continue;
            };
            let fast = fast::parse(json);
            assert!(fast.is_none() || fast == slow(json).ok(), "{json}");
        }
    }
}

#[test]
fn an_older_version_read_from_its_migrated_value_is_what_its_migrated_text_reads() {
    let older = [
        include_str!("../../tests/fixtures/version-0.json"),
        include_str!("../../tests/fixtures/version-1-concern.json"),
        include_str!("../../tests/fixtures/version-2-concern.json"),
        include_str!("../../tests/fixtures/version-3-concern.json"),
    ];
    for file in older {
        let mut value: serde_json::Value = serde_json::from_str(file).unwrap();
        crate::migrate::migrate(&mut value).unwrap();
        let via_text: Plr =
            serde_json::from_str(&serde_json::to_string_pretty(&value).unwrap()).unwrap();
        let (plr, _) = parse_checked(file).unwrap();
        assert_eq!(plr, via_text);
        assert_eq!(plr.schema_version, crate::model::SCHEMA_VERSION);
    }
}
