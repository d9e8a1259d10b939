//! The `plr` binary as the QA service runs it: output lines and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn plr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plr"))
        .args(args)
        .output()
        .expect("plr runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../plr-core/tests/fixtures")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plr-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_says_ok_per_good_file_and_names_each_problem() {
    let dir = scratch("validate");
    let good = std::fs::read_to_string(fixture("completed-good.json")).unwrap();
    std::fs::write(dir.join("good.json"), &good).unwrap();
    let bad = good.replacen("\"rating\": \"met\"", "\"rating\": \"excellent\"", 1);
    std::fs::write(dir.join("bad.json"), bad).unwrap();
    std::fs::write(dir.join("notes.txt"), "not json, not looked at").unwrap();
    std::fs::create_dir_all(dir.join("nested/deeper")).unwrap();
    std::fs::write(dir.join("nested/package.json"), "{\"name\": \"x\"}").unwrap();
    let edited = good.replacen("\"grade\": \"good\"", "\"grade\": \"outstanding\"", 1);
    std::fs::write(dir.join("nested/deeper/edited.json"), edited).unwrap();

    let out = plr(&["validate", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("ok {}", dir.join("good.json").display())),
        "{text}"
    );
    let bad_line = text
        .lines()
        .find(|l| l.starts_with(&dir.join("bad.json").display().to_string()))
        .unwrap();
    assert!(
        bad_line.contains(
            ": sections[0].items[0].rating: \"excellent\" is not one of the values allowed here"
        ),
        "{bad_line}"
    );
    assert!(!text.contains("notes.txt"));
    assert!(
        text.contains(&format!(
            "skipped {}: not a Practice Learning Review export",
            dir.join("nested/package.json").display()
        )),
        "{text}"
    );
    let edited = dir.join("nested/deeper/edited.json").display().to_string();
    assert!(text.contains(&format!("ok {edited}")), "{text}");
    assert!(
        text.contains(&format!(
            "warning {edited}: judgement.suggested: the stored suggested grade differs"
        )),
        "{text}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "2 valid, 1 invalid, 1 skipped (not Practice Learning Review exports)"
    );

    let only_good = plr(&["validate", dir.join("good.json").to_str().unwrap()]);
    assert_eq!(only_good.status.code(), Some(0));
}

#[test]
fn grade_prints_the_recomputed_suggestion_in_the_export_shape() {
    let out = plr(&["grade", fixture("completed-good.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("completed-good.json")).unwrap())
            .unwrap();
    assert_eq!(printed, file["judgement"]["suggested"]);

    let draft = plr(&["grade", fixture("version-0.json").to_str().unwrap()]);
    let printed: serde_json::Value = serde_json::from_str(&stdout(&draft)).unwrap();
    assert_eq!(printed["grade"], serde_json::Value::Null);
    assert_eq!(printed["provisional"], true);

    let dir = scratch("grade");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": \"practice-learning-review\"}").unwrap();
    let out = plr(&["grade", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "{}: schema_version: missing, or not a whole number",
            bad.display()
        )
    );
}

#[test]
fn oversized_missing_and_non_plr_files_fail_with_the_file_named() {
    let dir = scratch("limits");
    let big = dir.join("big.json");
    std::fs::write(&big, vec![b' '; 5 * 1024 * 1024 + 1]).unwrap();
    let other = dir.join("other.json");
    std::fs::write(&other, "{\"format\": \"something-else\"}").unwrap();
    let out = plr(&[
        "validate",
        big.to_str().unwrap(),
        other.to_str().unwrap(),
        "/no/such/file.json",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text.contains(&format!(
            "{}: $: the file is 5242881 bytes, larger than the 5 MB limit",
            big.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: format: not a Practice Learning Review export",
            other.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("/no/such/file.json: $: cannot read"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_with_2_and_schema_matches_the_committed_file() {
    assert_eq!(plr(&[]).status.code(), Some(2));
    assert_eq!(plr(&["validate"]).status.code(), Some(2));
    assert_eq!(plr(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(plr(&["grade", "a.json", "b.json"]).status.code(), Some(2));
    assert_eq!(plr(&["--help"]).status.code(), Some(0));
    let schema = plr(&["schema"]);
    assert_eq!(schema.status.code(), Some(0));
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../schema/plr-v{}.schema.json",
        plr_core::SCHEMA_VERSION
    )))
    .unwrap();
    assert_eq!(stdout(&schema), committed);
}

#[test]
fn concerns_lists_the_register_with_each_entrys_sharing_and_latest_update() {
    let dir = scratch("concerns");
    let concern = std::fs::read_to_string(fixture("completed-concern.json")).unwrap();
    // The same review's copy with a Head of Service update: the register keeps the update.
    let updated = concern
        .replacen(
            "\"concern_updates\": []",
            "\"concern_updates\": [{\"on\": \"2026-11-25\", \"by\": \"P. Singh\", \"child_safe\": true, \"plan_in_place\": false, \"outcome\": \"continuing_oversight\", \"note\": \"\"}]",
            1,
        )
        .replacen(
            "\"updated_at\": \"2026-11-20T11:00:00Z\"",
            "\"updated_at\": \"2026-11-25T11:00:00Z\"",
            1,
        );
    std::fs::write(dir.join("concern.json"), &concern).unwrap();
    std::fs::write(dir.join("updated.json"), &updated).unwrap();
    std::fs::copy(fixture("completed-good.json"), dir.join("good.json")).unwrap();
    let path = dir.to_str().unwrap();
    let base = ["concerns", "--period", "2026-11", "--as-of", "2026-11-30"];

    let text = plr(&[&base[..], &[path]].concat());
    assert_eq!(text.status.code(), Some(0), "{text:?}");
    assert_eq!(
        stdout(&text),
        "Cases of Concern tracked as of 2026-11-30 (2026-11): 1\n  \
         LL-771204 (Stroud Safeguarding): raised 2026-11-20 (immediate concern); \
         shared with D. Head (Head of Service) on 2026-11-20 in time; \
         latest update 2026-11-25 by P. Singh: Continuing oversight; open 0 months\n"
    );

    let csv = plr(&[&base[..], &["--format", "csv", path]].concat());
    let csv = stdout(&csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("Case reference,Team,Legal status,Review date,Raised by"));
    assert!(lines[1].starts_with("LL-771204,Stroud Safeguarding,Child protection,"));

    let json = plr(&[&base[..], &["--format", "json", path]].concat());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["as_of"], "2026-11-30");
    assert_eq!(json["entries"][0]["raised_by"], "immediate_concern");
    assert_eq!(json["entries"][0]["latest_update"]["by"], "P. Singh");

    // As of the day before the update: none yet, and one is due.
    let before = plr(&[
        "concerns",
        "--period",
        "2026-11",
        "--as-of",
        "2026-11-24",
        path,
    ]);
    assert!(stdout(&before).contains("no update yet; open 0 months, update due"));
}

#[test]
fn generate_batch_seed_003_july_2022_gives_the_reported_figures_and_53_concerns() {
    let dir = scratch("seed-003");
    let path = dir.to_str().unwrap();
    let generated = plr(&["generate", "--batch", "seed-003-july-2022", "--out", path]);
    assert_eq!(generated.status.code(), Some(0), "{generated:?}");
    // 281 reviews, one of them in two copies with two file names, and the allocation file.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 283);
    let allocation = dir.join("allocation-2022-07.csv");
    assert!(allocation.is_file());
    let july = ["--period", "2022-07", "--as-of", "2022-08-10"];

    let snapshot = plr(&[&["snapshot"][..], &july, &["--format", "json", path]].concat());
    assert_eq!(snapshot.status.code(), Some(0), "{snapshot:?}");
    let json: serde_json::Value = serde_json::from_slice(&snapshot.stdout).unwrap();
    assert_eq!(json["duplicates_merged"], 1);
    let measure = |key: &str| {
        let m = &json["measures"][key];
        (
            m["numerator"].clone(),
            m["denominator"].clone(),
            m["percent"].clone(),
        )
    };
    let n = |v: u64| serde_json::Value::from(v);
    let null = serde_json::Value::Null;
    assert_eq!(
        measure("plrs_in_window"),
        (n(119), null.clone(), null.clone())
    );
    assert_eq!(measure("care_planning_no_update"), (n(47), n(86), n(55)));
    // qa-month.md section 3: the Ambassadors' July, 10 reviewed.
    assert_eq!(
        measure("ambassadors_reviewed"),
        (n(10), null.clone(), null.clone())
    );
    let ambassadors = [
        "relationship",
        "child_focused_summary",
        "childs_views",
        "about_the_child",
        "language_and_decisions",
    ]
    .map(|k| measure(&format!("ambassadors_{k}")).2);
    assert_eq!(ambassadors, [80, 90, 70, 60, 70].map(n));
    assert_eq!(measure("other_actions_overdue"), (n(59), n(236), n(25)));
    assert_eq!(
        measure("care_planning_backlog"),
        (n(123), null.clone(), null.clone())
    );
    assert_eq!(
        measure("service_ended"),
        (n(10), null.clone(), null.clone())
    );
    assert_eq!(
        measure("concerns_tracked"),
        (n(53), null.clone(), null.clone())
    );
    assert_eq!(
        measure("concerns_open_over_12_months"),
        (n(7), null.clone(), null)
    );
    assert!(json["measures"].get("audits_allocated").is_none());

    // The allocation file beside the exports gives qa-month.md's figures.
    let allocation = allocation.to_str().unwrap();
    let with_allocation = plr(&[
        &["snapshot"][..],
        &july,
        &["--allocation", allocation, "--format", "json", path],
    ]
    .concat());
    assert_eq!(
        with_allocation.status.code(),
        Some(0),
        "{with_allocation:?}"
    );
    let json: serde_json::Value = serde_json::from_slice(&with_allocation.stdout).unwrap();
    let measure = |key: &str| {
        let m = &json["measures"][key];
        (
            m["numerator"].clone(),
            m["denominator"].clone(),
            m["percent"].clone(),
        )
    };
    let null = serde_json::Value::Null;
    assert_eq!(
        measure("audits_allocated"),
        (n(53), null.clone(), null.clone())
    );
    assert_eq!(
        measure("month_exemptions"),
        (n(10), null.clone(), null.clone())
    );
    assert_eq!(
        measure("audits_submitted"),
        (n(36), null.clone(), null.clone())
    );
    assert_eq!(
        measure("audits_not_submitted"),
        (n(7), null.clone(), null.clone())
    );
    assert_eq!(measure("audit_completion_rate"), (n(36), n(53), n(68)));
    assert_eq!(
        json["measures"]["audit_completion_rate"]["target"]["value"],
        90
    );
    assert_eq!(measure("teams_not_audited"), (n(16), n(44), n(36)));
    assert_eq!(json["allocated"], 53);
    let nil = plr(&[
        &["nil-returns"][..],
        &july[..2],
        &["--allocation", allocation, "--format", "csv", path],
    ]
    .concat());
    assert_eq!(nil.status.code(), Some(0), "{nil:?}");
    let csv = stdout(&nil);
    assert!(csv.starts_with("Head of Service,Month,Auditor,Team,Allocated review\n"));
    assert_eq!(csv.lines().count(), 1 + 7, "{csv}");

    let concerns = plr(&[&["concerns"][..], &july, &["--format", "csv", path]].concat());
    assert_eq!(concerns.status.code(), Some(0), "{concerns:?}");
    let csv = stdout(&concerns);
    assert!(csv.starts_with("Case reference,Team,"));
    assert_eq!(
        csv.lines().count(),
        1 + 53,
        "a header and the 53 tracked cases"
    );

    // Seed 003's Table 1, month by month (July's exactly the seed's: 3%, 49%, 100%).
    let moderators = plr(&["moderators", "--period", "2022-07", path]);
    assert_eq!(moderators.status.code(), Some(0), "{moderators:?}");
    let text = stdout(&moderators);
    let months: Vec<&str> = text.lines().skip(3).take(6).collect();
    assert_eq!(
        months,
        [
            "  2022-02: 9 moderated; upgraded 0% (0 of 9); downgraded 33% (3 of 9); inadequate identified by moderators 60% (3 of 5)",
            "  2022-03: 13 moderated; upgraded 8% (1 of 13); downgraded 31% (4 of 13); inadequate identified by moderators 100% (4 of 4)",
            "  2022-04: 8 moderated; upgraded 0% (0 of 8); downgraded 38% (3 of 8); inadequate identified by moderators 60% (3 of 5)",
            "  2022-05: 40 moderated; upgraded 0% (0 of 40); downgraded 25% (10 of 40); inadequate identified by moderators 83% (5 of 6)",
            "  2022-06: 35 moderated; upgraded 0% (0 of 35); downgraded 23% (8 of 35); inadequate identified by moderators 75% (3 of 4)",
            "  2022-07: 35 moderated; upgraded 3% (1 of 35); downgraded 49% (17 of 35); inadequate identified by moderators 100% (3 of 3)",
        ],
        "{text}"
    );
}

#[test]
fn generate_takes_either_a_count_and_seed_or_a_batch() {
    let dir = scratch("generate-usage");
    let out = dir.to_str().unwrap();
    for args in [
        &["generate", "--out", out][..],
        &["generate", "--count", "3", "--out", out],
        &[
            "generate",
            "--batch",
            "seed-003-july-2022",
            "--count",
            "3",
            "--seed",
            "1",
            "--out",
            out,
        ],
        &["generate", "--batch", "seed-004", "--out", out],
    ] {
        assert_eq!(plr(args).status.code(), Some(2), "{args:?}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn an_allocation_s_bad_rows_are_named_by_line_and_column_and_the_rest_counted() {
    let dir = scratch("allocation");
    let good = std::fs::read_to_string(fixture("completed-good.json")).unwrap();
    std::fs::write(dir.join("good.json"), &good).unwrap();
    let review: serde_json::Value = serde_json::from_str(&good).unwrap();
    let reviewer = review["review"]["reviewer"]["name"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let date = review["review"]["date"].as_str().unwrap();
    let month = &date[..7];
    let file = dir.join("allocation.csv");
    std::fs::write(
        &file,
        format!(
            "month,auditor,team,head_of_service,state,plr_id\n\
{month},{reviewer},Stroud,P. Singh,allocated,\n\
{month},Z. Nobody,Stroud,P. Singh,alocated,\n\
{month},Y. Nobody,Stroud,\"Singh, P.\",allocated,\n"
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let path = dir.to_str().unwrap();
    let out = plr(&[
        "snapshot",
        "--period",
        month,
        "--allocation",
        file,
        "--format",
        "csv",
        path,
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        format!("{file}: line 3, column E (state): \"alocated\" is not a state: write allocated, standing_exemption, month_exemption or off_month\n")
    );
    let csv = stdout(&out);
    assert!(csv.contains("\naudits_allocated,2,,,,\n"), "{csv}");
    assert!(
        csv.contains("\naudit_completion_rate,1,2,50,>= 90,red\n"),
        "{csv}"
    );
    let nil = plr(&["nil-returns", "--period", month, "--allocation", file, path]);
    assert_eq!(nil.status.code(), Some(1), "{nil:?}");
    assert!(stdout(&nil).contains("Singh, P. (1)\n"), "{}", stdout(&nil));
    let missing = plr(&["nil-returns", "--allocation", "no-such.csv", path]);
    assert_eq!(missing.status.code(), Some(2), "{missing:?}");
}

#[test]
fn snapshot_skips_a_json_file_that_is_not_an_export_however_it_was_named() {
    // The dashboard's rule too: named on its own or found in a folder, it is skipped.
    let dir = scratch("skip-named");
    std::fs::copy(fixture("completed-good.json"), dir.join("good.json")).unwrap();
    std::fs::write(dir.join("package.json"), "{\"name\": \"x\"}").unwrap();
    std::fs::write(dir.join("broken.json"), "{ not json").unwrap();
    let named: Vec<String> = ["good.json", "package.json", "broken.json"]
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    let mut args = vec!["snapshot", "--format", "json"];
    args.extend(named.iter().map(String::as_str));
    let out = plr(&args);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (
            json["plrs"].as_u64(),
            json["skipped_files"].as_u64(),
            json["rejected_files"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
}

#[test]
fn sample_picks_by_risk_with_reasons_within_the_capacity_and_moderators_prints_the_effect() {
    let dir = scratch("sample-risk");
    let path = dir.to_str().unwrap();
    let generated = plr(&[
        "generate",
        "--count",
        "120",
        "--seed",
        "3",
        "--out",
        path,
        "--from",
        "2022-07-01",
        "--to",
        "2022-07-31",
    ]);
    assert_eq!(generated.status.code(), Some(0), "{generated:?}");
    let sample = |extra: &[&str]| {
        let mut args = vec!["sample", "--period", "2022-07", "--seed", "4"];
        args.extend_from_slice(extra);
        args.push(path);
        plr(&args)
    };
    let text = sample(&[]);
    assert_eq!(text.status.code(), Some(0), "{text:?}");
    let err = String::from_utf8_lossy(&text.stderr);
    assert!(err.contains("(share 20%: "), "{err}");
    assert!(
        err.contains(
            "No allocation file: no review was picked because its auditor audited their own team."
        ),
        "{err}"
    );
    let reasons = [
        "Graded inadequate by the reviewer",
        "Lower-end requires improvement",
        "Child protection",
        "Auditor audited their own team",
        "Auditor's moderator effect over the last six months is",
        "Random fill across teams",
    ];
    let lines: Vec<(String, String)> = stdout(&text)
        .lines()
        .map(|l| {
            let (file, reason) = l.rsplit_once(": ").unwrap();
            (file.to_string(), reason.to_string())
        })
        .collect();
    assert!(!lines.is_empty());
    let rank = |reason: &str| reasons.iter().position(|r| reason.starts_with(r)).unwrap();
    let ranks: Vec<usize> = lines.iter().map(|(_, r)| rank(r)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    for (file, reason) in &lines {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert!(json["moderation"].is_null(), "{file}");
        let grade = json["judgement"]["final_grade"].as_str();
        match rank(reason) {
            0 => assert_eq!(grade, Some("inadequate"), "{file}"),
            1 => assert_eq!(grade, Some("requires_improvement_low"), "{file}"),
            2 => assert_eq!(json["case"]["legal_status"], "child_protection", "{file}"),
            _ => {}
        }
    }
    // The CSV: the same reviews, headed in words.
    let csv = stdout(&sample(&["--format", "csv"]));
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some("Case reference,Team,Auditor,Reviewer's grade,Reason,File")
    );
    let files: Vec<&str> = rows.map(|r| r.rsplit_once(',').unwrap().1).collect();
    let listed: Vec<&str> = lines.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, listed);
    // The capacity cuts, in the rules' order.
    let cut = sample(&["--capacity", "2"]);
    let cut: Vec<String> = stdout(&cut).lines().map(str::to_string).collect();
    assert_eq!(cut.len(), 2);
    assert_eq!(stdout(&sample(&[])), stdout(&text));
    let json: serde_json::Value =
        serde_json::from_slice(&sample(&["--format", "json"]).stdout).unwrap();
    assert_eq!(json["capacity"], 58);
    assert_eq!(json["chosen"].as_array().unwrap().len(), lines.len());

    let moderators = plr(&["moderators", "--period", "2022-07", path]);
    assert_eq!(moderators.status.code(), Some(0), "{moderators:?}");
    let text = stdout(&moderators);
    assert!(text.starts_with("Moderator effect, 2022-07\n"), "{text}");
    assert!(text.contains("  2022-02: "), "{text}");
    let csv = stdout(&plr(&[
        "moderators",
        "--period",
        "2022-07",
        "--format",
        "csv",
        path,
    ]));
    assert!(
        csv.starts_with(
            "Auditor,Reviews moderated,Agreed,Upgraded,Downgraded,Moderator effect (%)\n"
        ),
        "{csv}"
    );
}

#[test]
fn ambassadors_sample_leaves_out_excluded_teams_and_people_and_reviewed_reviews() {
    let dir = scratch("ambassadors-sample");
    let path = dir.to_str().unwrap();
    let generated = plr(&["generate", "--batch", "seed-003-july-2022", "--out", path]);
    assert_eq!(generated.status.code(), Some(0), "{generated:?}");
    let sample = |extra: &[&str]| {
        let mut args = vec!["ambassadors-sample", "--period", "2022-07"];
        args.extend_from_slice(extra);
        args.push(path);
        plr(&args)
    };
    let all = sample(&[]);
    assert_eq!(all.status.code(), Some(0), "{all:?}");
    assert_eq!(stdout(&all).lines().count(), 10);
    let err = String::from_utf8_lossy(&all.stderr);
    assert!(
        err.contains("10 of 34 completed reviews of July 2022 not yet reviewed by the Ambassadors (0 left out by exclusions; seed 1)."),
        "{err}"
    );
    // Exclude the team and the practitioner of the first review drawn.
    let first: serde_json::Value =
        serde_json::from_slice(&std::fs::read(stdout(&all).lines().next().unwrap()).unwrap())
            .unwrap();
    let team = first["case"]["team"].as_str().unwrap().to_uppercase();
    let worker = first["review"]["practitioner"]["name"].as_str().unwrap();
    let json = sample(&[
        "--exclude-team",
        &team,
        "--exclude-person",
        worker,
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(0), "{json:?}");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(json["left_out_by_exclusions"].as_u64().unwrap() >= 1);
    for pick in json["chosen"].as_array().unwrap() {
        let plr: serde_json::Value =
            serde_json::from_slice(&std::fs::read(pick["file"].as_str().unwrap()).unwrap())
                .unwrap();
        assert_ne!(plr["case"]["team"].as_str().unwrap().to_uppercase(), team);
        assert_ne!(plr["review"]["practitioner"]["name"], worker);
        assert!(plr["ambassadors_review"].is_null());
    }
    let csv = stdout(&sample(&["--format", "csv"]));
    assert_eq!(
        csv.lines().next(),
        Some("Case reference,Team,Review date,File")
    );
    assert_eq!(csv.lines().count(), 11);
}
