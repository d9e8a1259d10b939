//! `plr generate`, `plr snapshot` and `plr sample` end to end: output, order independence,
//! rejected and skipped files, and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn plr(args: &[&str], threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plr"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("plr runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plr-batch-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `count` generated exports in a fresh directory.
fn generated(name: &str, count: &str, seed: &str) -> PathBuf {
    let dir = scratch(name);
    let out = plr(
        &[
            "generate",
            "--count",
            count,
            "--seed",
            seed,
            "--out",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(&format!("wrote {count} exports")));
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn generate_is_reproducible_and_every_file_validates() {
    let a = generated("gen-a", "40", "9");
    let b = generated("gen-b", "40", "9");
    assert_eq!(files_in(&a).len(), 40);
    for (x, y) in files_in(&a).iter().zip(files_in(&b)) {
        assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
    }
    let validated = plr(&["validate", a.to_str().unwrap()], "2");
    assert_eq!(validated.status.code(), Some(0));
    assert!(
        !text(&validated.stdout).contains("warning"),
        "{}",
        text(&validated.stdout)
    );
    let other = generated("gen-c", "40", "10");
    assert_ne!(
        std::fs::read(&files_in(&a)[0]).unwrap(),
        std::fs::read(&files_in(&other)[0]).unwrap()
    );
}

#[test]
fn generate_writes_an_older_schema_version_that_validates() {
    let dir = scratch("gen-v1");
    let out = plr(
        &[
            "generate",
            "--count",
            "20",
            "--seed",
            "9",
            "--schema-version",
            "1",
            "--out",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("(seed 9, schema version 1)"));
    let current = generated("gen-v5", "20", "9");
    for (older, current) in files_in(&dir).iter().zip(files_in(&current)) {
        let older = std::fs::read_to_string(older).unwrap();
        assert!(older.starts_with(
            "{\n  \"format\": \"practice-learning-review\",\n  \"schema_version\": 1,\n"
        ));
        // Version 2's, 3's, 4's and 5's keys are left out; the rest is the same review.
        let current = std::fs::read_to_string(current).unwrap();
        assert!(current.contains("\"immediate_concern_details\""));
        for key in [
            "immediate_concern_details",
            "concern_updates",
            "ambassadors_review",
        ] {
            assert!(!older.contains(&format!("\"{key}\"")), "{key}");
        }
        let id = |text: &str| {
            text.lines()
                .find(|l| l.contains("\"child_ref\""))
                .map(str::trim)
                .map(String::from)
        };
        assert_eq!(id(&older), id(&current));
    }
    let validated = plr(&["validate", dir.to_str().unwrap()], "2");
    assert_eq!(
        validated.status.code(),
        Some(0),
        "{}",
        text(&validated.stdout)
    );
    let refused = plr(
        &[
            "generate",
            "--count",
            "1",
            "--seed",
            "1",
            "--schema-version",
            "6",
            "--out",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn snapshot_output_does_not_depend_on_file_order_or_threads() {
    let dir = generated("order", "120", "3");
    let files = files_in(&dir);
    let base = ["snapshot", "--period", "2021/22", "--as-of", "2022-05-01"];
    let forward: Vec<&str> = base
        .iter()
        .copied()
        .chain(files.iter().map(String::as_str))
        .collect();
    let backward: Vec<&str> = base
        .iter()
        .copied()
        .chain(files.iter().rev().map(String::as_str))
        .collect();
    let one = plr(&forward, "1");
    let two = plr(&backward, "2");
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    assert_eq!(one.stdout, two.stdout);
    let json: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(json["period"], "2021/22");
    assert_eq!(json["from"], "2021-04-01");
    assert_eq!(json["by_quarter"].as_array().map(Vec::len), Some(4));
    let gob = &json["measures"]["good_or_better"];
    assert_eq!(gob["target"], serde_json::json!({"op": ">=", "value": 50}));
    // 120 reviews of seed 3: 19 of the year's 59 good or better, 32.2% shown as 32.
    let shown = |key: &str| gob[key].as_u64();
    assert_eq!(
        (shown("numerator"), shown("denominator"), shown("percent")),
        (Some(19), Some(59), Some(32))
    );
    // The directory gives the same figures as the files named one by one.
    let whole = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--as-of",
            "2022-05-01",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(whole.stdout, one.stdout);
}

#[test]
fn invalid_files_are_reported_and_counted_and_the_batch_completes() {
    let dir = generated("invalid", "30", "4");
    let first = &files_in(&dir)[0];
    let broken =
        std::fs::read_to_string(first)
            .unwrap()
            .replacen("\"status\": \"", "\"status\": \"x", 1);
    std::fs::write(dir.join("zz-broken.json"), broken).unwrap();
    std::fs::write(dir.join("package.json"), "{\"name\": \"not a review\"}").unwrap();
    let out = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--as-of",
            "2022-05-01",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: status: \"xcompleted\" is not a value allowed here: draft or completed",
            dir.join("zz-broken.json").display()
        )),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            json["rejected_files"].as_u64(),
            json["skipped_files"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(json["rejected"][0]["problems"][0]["path"], "status");
    assert!(json["plrs"].as_u64().unwrap() > 0);
}

#[test]
fn csv_text_settings_and_usage_errors() {
    let dir = generated("formats", "60", "5");
    let d = dir.to_str().unwrap();
    let csv = plr(
        &[
            "snapshot",
            "--period",
            "Q3-21/22",
            "--as-of",
            "2022-05-01",
            "--allocated",
            "20",
            "--format",
            "csv",
            d,
        ],
        "2",
    );
    let csv = text(&csv.stdout);
    assert!(
        csv.starts_with("measure,numerator,denominator,percent,target,rag\naudits_completed,"),
        "{csv}"
    );
    assert!(csv.contains("\naudit_completion_rate,"), "{csv}");
    // The header, 29 measures of snapshot.md, the 8 of the Case of Concern register and the
    // 14 of the follow-through window.
    assert_eq!(csv.lines().count(), 52);
    let report = plr(
        &[
            "snapshot",
            "--period",
            "Q3 21/22",
            "--as-of",
            "2022-05-01",
            "--format",
            "text",
            d,
        ],
        "2",
    );
    let report = text(&report.stdout);
    assert!(
        report.starts_with("Performance Snapshot Q3 21/22 (2021-10-01 to 2021-12-31)"),
        "{report}"
    );
    for heading in [
        "Headline figures",
        "Grades month by month",
        "Participation",
        "Moderation",
        "Actions",
        "Cases of concern",
    ] {
        assert!(report.contains(&format!("\n{heading}")), "{heading}");
    }
    let settings = dir.join("settings.txt");
    std::fs::write(
        &settings,
        r#"{"targets": {"good_or_better": {"op": ">=", "value": 70}}}"#,
    )
    .unwrap();
    let s = settings.to_str().unwrap();
    let changed = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--as-of",
            "2022-05-01",
            "--settings",
            s,
            d,
        ],
        "2",
    );
    let json: serde_json::Value = serde_json::from_slice(&changed.stdout).unwrap();
    assert_eq!(json["measures"]["good_or_better"]["target"]["value"], 70);
    std::fs::write(
        &settings,
        r#"{"targets": {"good_or_better": {"op": "=", "value": 70}}}"#,
    )
    .unwrap();
    let bad = plr(&["snapshot", "--settings", s, d], "2");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).starts_with(&format!("{s}: unknown variant `=`")),
        "{}",
        text(&bad.stderr)
    );
    for wrong in [
        ["--period", "Q5-21/22"],
        ["--as-of", "yesterday"],
        ["--legal-status", "in_care"],
    ] {
        let out = plr(&["snapshot", wrong[0], wrong[1], d], "2");
        assert_eq!(out.status.code(), Some(2), "{wrong:?}");
    }
    let team = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--team",
            " stroud SAFEGUARDING",
            "--legal-status",
            "child_protection",
            d,
        ],
        "2",
    );
    let json: serde_json::Value = serde_json::from_slice(&team.stdout).unwrap();
    assert_eq!(
        json["filters"],
        serde_json::json!({"team": "stroud SAFEGUARDING", "legal_status": "child_protection"})
    );
    assert!(json["by_team"].as_array().unwrap().len() <= 1);
    let schema = plr(&["schema", "--settings"], "2");
    let committed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/snapshot-settings.schema.json"),
    )
    .unwrap();
    assert_eq!(schema.stdout, committed);
}

#[test]
fn sample_is_reproducible_and_lists_files_with_reasons() {
    let dir = generated("sample", "400", "6");
    let d = dir.to_str().unwrap();
    let run = |seed: &str, threads: &str| {
        plr(
            &[
                "sample",
                "--percent",
                "90",
                "--by",
                "team",
                "--seed",
                seed,
                "--period",
                "2022/23",
                d,
            ],
            threads,
        )
    };
    // 90%: more than the rules pick, so the random fill (and its seed) shows.
    let (a, b, c) = (run("1", "1"), run("1", "2"), run("2", "2"));
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    // `FILE: reason` a line.
    let chosen: Vec<String> = text(&a.stdout)
        .lines()
        .map(|l| l.rsplit_once(": ").unwrap().0.to_string())
        .collect();
    let summary = text(&a.stderr);
    let (n, of) = summary.split_once(" of ").unwrap();
    let candidates: usize = of.split_whitespace().next().unwrap().parse().unwrap();
    assert_eq!(n.parse::<usize>().unwrap(), chosen.len());
    assert!(
        chosen.len() * 100 >= candidates * 90 && chosen.len() * 100 < candidates * 90 + 100,
        "{summary}"
    );
    for file in &chosen {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert_eq!(
            (json["status"].as_str(), json["moderation"].is_null()),
            (Some("completed"), true)
        );
        assert!(json["review"]["date"].as_str().unwrap().as_bytes() >= b"2022-04-01".as_slice());
    }
    let bad = plr(&["sample", "--percent", "0", "--seed", "1", d], "2");
    assert_eq!(bad.status.code(), Some(2));
}

/// A zip of every file of `dir` under `folder/` inside it (deflated), with `extra` entries
/// (path, content) after them; written beside `dir` as `name`.
fn zipped(dir: &Path, folder: &str, extra: &[(&str, &[u8])], name: &str) -> PathBuf {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.add_directory(folder, options).unwrap();
    for file in files_in(dir) {
        let file = Path::new(&file);
        let entry = format!("{folder}/{}", file.file_name().unwrap().to_str().unwrap());
        zip.start_file(entry, options).unwrap();
        zip.write_all(&std::fs::read(file).unwrap()).unwrap();
    }
    for (path, bytes) in extra {
        zip.start_file(*path, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    let path = dir.with_file_name(name);
    std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
    path
}

#[test]
fn a_zip_of_exports_gives_the_folders_snapshot() {
    let dir = generated("zip-same", "80", "11");
    let not_an_export: &[(&str, &[u8])] = &[
        ("July/nested/package.json", b"{\"name\": \"not a review\"}"),
        ("July/notes.txt", b"not read"),
        ("__MACOSX/July/nested/._x.json", b"\0\0"),
    ];
    let zip = zipped(&dir, "July/nested", not_an_export, "zip-same.zip");
    let args = |path: &Path| {
        let out = plr(
            &[
                "snapshot",
                "--period",
                "2021/22",
                "--as-of",
                "2022-05-01",
                "--format",
                "json",
                path.to_str().unwrap(),
            ],
            "2",
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out.stdout
    };
    let folder = text(&args(&dir)).replace(&format!("{}/", dir.display()), "");
    let zipped = text(&args(&zip)).replace(&format!("{}/July/nested/", zip.display()), "");
    let json: serde_json::Value = serde_json::from_str(&zipped).unwrap();
    assert_eq!(json["skipped_files"].as_u64(), Some(1));
    // The folder has no package.json to skip; everything else is the same.
    assert_eq!(
        folder.replace("\"skipped_files\": 0", "\"skipped_files\": 1"),
        zipped
    );
}

#[test]
fn a_damaged_entry_is_named_and_the_rest_counted() {
    let dir = generated("zip-damaged", "20", "12");
    let first = std::fs::read(&files_in(&dir)[0]).unwrap();
    let zip = zipped(
        &dir,
        "July",
        &[("July/zz-broken.json", &first)],
        "zip-damaged.zip",
    );
    // Flip bytes in the middle of the last entry's compressed data.
    let mut bytes = std::fs::read(&zip).unwrap();
    // The first match is the entry's local header, just before its data.
    let at = bytes
        .windows(19)
        .position(|w| w == b"July/zz-broken.json")
        .unwrap();
    for b in &mut bytes[at + 300..at + 340] {
        *b ^= 0x5a;
    }
    std::fs::write(&zip, bytes).unwrap();
    let out = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--as-of",
            "2022-05-01",
            zip.to_str().unwrap(),
        ],
        "2",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "{}/July/zz-broken.json: $: cannot be unpacked from the zip: it is damaged",
            zip.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rejected_files"].as_u64(), Some(1));
    let folder = plr(
        &[
            "snapshot",
            "--period",
            "2021/22",
            "--as-of",
            "2022-05-01",
            dir.to_str().unwrap(),
        ],
        "2",
    );
    let folder: serde_json::Value = serde_json::from_slice(&folder.stdout).unwrap();
    assert_eq!(json["plrs"], folder["plrs"]);
    assert_eq!(json["measures"], folder["measures"]);
}

#[test]
fn validate_lists_each_entry_of_a_zip_and_refuses_a_file_that_is_not_one() {
    let dir = generated("zip-validate", "5", "13");
    let extra: &[(&str, &[u8])] = &[("a/b/package.json", b"{\"name\": \"x\"}")];
    let zip = zipped(&dir, "a/b/c", extra, "zip-validate.zip");
    let fake = dir.with_file_name("zip-validate-fake.zip");
    std::fs::write(&fake, "{\"format\": \"plr\"}").unwrap();
    let out = plr(
        &["validate", zip.to_str().unwrap(), fake.to_str().unwrap()],
        "2",
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{stdout}");
    let shown = zip.display().to_string();
    for (line, file) in lines.iter().zip(files_in(&dir)) {
        let file = Path::new(&file).file_name().unwrap().to_str().unwrap();
        assert_eq!(*line, format!("ok {shown}/a/b/c/{file}"));
    }
    assert_eq!(
        lines[5],
        format!("skipped {shown}/a/b/package.json: not a Practice Learning Review export")
    );
    assert!(
        lines[6].starts_with(&format!(
            "{}: $: not a zip archive that can be read (",
            fake.display()
        )),
        "{}",
        lines[6]
    );
    assert_eq!(
        text(&out.stderr).trim(),
        "5 valid, 1 invalid, 1 skipped (not Practice Learning Review exports)"
    );
}
