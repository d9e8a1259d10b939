//! `plr report`: the monthly QA report of seed 003's July 2022 batch, its sections in seed
//! 003's order and every figure the one `plr snapshot` prints for the same files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn plr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plr"))
        .args(args)
        .output()
        .expect("plr runs")
}

/// A folder with seed 003's July 2022 batch and its allocation file.
fn seed_003(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plr-report-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_str().unwrap();
    let generated = plr(&["generate", "--batch", "seed-003-july-2022", "--out", out]);
    assert_eq!(generated.status.code(), Some(0), "{generated:?}");
    dir
}

const SECTIONS: [&str; 10] = [
    "Core audit activity",
    "Audit ratings by legal status",
    "Audit ratings by team",
    "Audit ratings by area of practice",
    "Children&#39;s and families&#39; feedback",
    "Cases of Concern",
    "Moderator effect",
    "Representation",
    "Participative auditing",
    "Impact from audit",
];

/// Every `data-measure="KEY">VALUE<` of `html`.
fn figures(html: &str) -> Vec<(String, String)> {
    html.split("data-measure=\"")
        .skip(1)
        .map(|rest| {
            let (key, rest) = rest.split_once("\">").unwrap();
            let value = &rest[..rest.find('<').unwrap()];
            (key.to_string(), value.to_string())
        })
        .collect()
}

#[test]
fn report_writes_seed_003s_sections_in_order_with_the_snapshots_figures() {
    let dir = seed_003("html");
    let (path, allocation) = (dir.to_str().unwrap(), dir.join("allocation-2022-07.csv"));
    let allocation = allocation.to_str().unwrap();
    let args = [
        "--period",
        "2022-07",
        "--as-of",
        "2022-08-10",
        "--allocation",
        allocation,
    ];
    let report = plr(&[&["report"][..], &args, &["--format", "html", path]].concat());
    assert_eq!(report.status.code(), Some(0), "{report:?}");
    let html = String::from_utf8(report.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1 id=\"report-title\">Monthly QA report: July 2022</h1>"));
    let mut at = 0;
    for heading in SECTIONS {
        let found = html[at..].find(&format!(">{heading}</h2>"));
        at += found.unwrap_or_else(|| panic!("{heading} after byte {at}"));
    }
    // qa-month.md's figures, in Representation.
    let representation = &html[html.find("<section id=\"report-representation\"").unwrap()..];
    assert!(representation.contains("data-measure=\"audits_allocated\">53<"));
    assert!(representation.contains("data-measure=\"audit_completion_rate\">68%</td><td>36 of 53</td><td>at least 90%</td><td><span class=\"rag rag--red\">Red</span>"));
    assert!(representation.contains("data-measure=\"teams_not_audited\">36%</td><td>16 of 44</td>"));

    // Every figure equals plr snapshot's for the same arguments.
    let snapshot = plr(&[&["snapshot"][..], &args, &["--format", "json", path]].concat());
    let json: serde_json::Value = serde_json::from_slice(&snapshot.stdout).unwrap();
    let measures = json["measures"].as_object().unwrap();
    let shown = figures(&html);
    assert_eq!(shown.len(), measures.len(), "each measure once");
    for (key, value) in shown {
        let m = &measures[&key];
        let expected = match (m["denominator"].is_null(), m["percent"].as_u64()) {
            (true, _) => m["numerator"].to_string(),
            (false, Some(p)) => format!("{p}%"),
            (false, None) => "–".to_string(),
        };
        assert_eq!(value, expected, "{key}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_as_markdown_and_with_a_settings_file() {
    let dir = seed_003("md");
    let path = dir.to_str().unwrap();
    let settings = dir.join("settings.txt");
    std::fs::write(&settings, r#"{ "monthly_baseline": 30 }"#).unwrap();
    let md = plr(&[
        "report",
        "--period",
        "2022-07",
        "--settings",
        settings.to_str().unwrap(),
        "--format",
        "md",
        path,
    ]);
    assert_eq!(md.status.code(), Some(0), "{md:?}");
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Monthly QA report: July 2022\n"));
    assert!(md.contains("\n## Representation\n\nNo allocation file was given"));
    assert!(
        md.contains(
            "| Audits completed | 37 |  | at least 30 | Green | fell from 40 in June 2022 |"
        ),
        "{md}"
    );
    assert!(md.contains("against a baseline of 30 a month"));

    std::fs::write(&settings, r#"{ "monthly_baseline": "many" }"#).unwrap();
    let bad = plr(&["report", "--settings", settings.to_str().unwrap(), path]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("settings.txt: "));
    let _ = std::fs::remove_dir_all(&dir);
}
