//! Writes the embedded Practice Fundamentals framework
//! (`frameworks/practice-fundamentals-2020-05.json`) as Rust that builds it
//! (`$OUT_DIR/practice_fundamentals.rs`, included by `src/framework/embedded.rs`), so the form
//! never parses that file at start-up: a page opened cold used to spend about 3.5 ms of its
//! first task (14 ms on a phone's slower CPU) reading it through a JSON value. A test checks
//! that what this writes equals `Framework::from_json` of the same file, which also checks it.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

const SOURCE: &str = "frameworks/practice-fundamentals-2020-05.json";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let code =
        framework(&value).unwrap_or_else(|| panic!("{SOURCE} is not the shape of a framework"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("practice_fundamentals.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// `Framework { … }` as Rust, with the model's `Grade` and `RuleName` read by their own
/// derived reader from their JSON names (`named`, in `embedded.rs`).
fn framework(v: &Value) -> Option<String> {
    let points = v.get("points")?;
    let mut s = String::from("Framework {\n");
    for key in ["id", "version", "title"] {
        writeln!(s, "    {key}: {},", text(v, key)?).ok()?;
    }
    writeln!(
        s,
        "    points: Points {{ met: {}, partly: {}, not_met: {} }},",
        number(points, "met")?,
        number(points, "partly")?,
        number(points, "not_met")?
    )
    .ok()?;
    s.push_str("    bands: vec![\n");
    for band in v.get("bands")?.as_array()? {
        writeln!(
            s,
            "        Band {{ grade: named({}), min_percent: {} }},",
            name(band.get("grade")?)?,
            number(band, "min_percent")?
        )
        .ok()?;
    }
    s.push_str("    ],\n");
    writeln!(
        s,
        "    below_bands: named({}),",
        name(v.get("below_bands")?)?
    )
    .ok()?;
    s.push_str("    rules: vec![");
    for rule in v.get("rules")?.as_array()? {
        write!(s, "named({}), ", name(rule)?).ok()?;
    }
    s.push_str("],\n    areas: vec![\n");
    for area in v.get("areas")?.as_array()? {
        // Optional, as `#[serde(default)]` makes it for the derived reader.
        let lead_in = match area.get("lead_in") {
            None => "String::new()".to_string(),
            Some(_) => text(area, "lead_in")?,
        };
        writeln!(
            s,
            "        Area {{\n            id: AreaId({}),\n            title: {},\n            lead_in: {lead_in},\n            statements: vec![",
            text(area, "id")?,
            text(area, "title")?
        )
        .ok()?;
        for statement in area.get("statements")?.as_array()? {
            writeln!(
                s,
                "                Statement {{ id: StatementId({}), text: {} }},",
                text(statement, "id")?,
                text(statement, "text")?
            )
            .ok()?;
        }
        s.push_str("            ],\n        },\n");
    }
    s.push_str("    ],\n}\n");
    Some(s)
}

/// `String::from("…")` of a text field (Rust's `{:?}` of a string is a valid literal).
fn text(v: &Value, key: &str) -> Option<String> {
    Some(format!("String::from({:?})", v.get(key)?.as_str()?))
}

fn number(v: &Value, key: &str) -> Option<u32> {
    u32::try_from(v.get(key)?.as_u64()?).ok()
}

/// A JSON name as the literal of its JSON text (`"\"good\""`), for `named`.
fn name(v: &Value) -> Option<String> {
    Some(format!("{:?}", serde_json::to_string(v.as_str()?).ok()?))
}
