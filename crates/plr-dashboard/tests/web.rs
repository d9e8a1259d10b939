//! The chunked reader in a real browser: every file is folded in (counted, rejected with its
//! JSON path, or skipped when not an export), progress reaches the total, and cancel stops it;
//! a zip is folded entry by entry, a damaged entry and a file that is not a zip named.

#![cfg(target_arch = "wasm32")]

use plr_core::export::export_json;
use plr_core::Framework;
use plr_dashboard::reader::{read_files, Cancel, Picked, SLICE_MS};
use plr_report::generate::Generator;
use plr_report::snapshot::{Options, SnapshotBuilder};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn file(name: &str, text: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&text.into());
    web_sys::File::new_with_str_sequence(&parts, name).unwrap()
}

fn exports(n: u64) -> Vec<Picked> {
    let generator = Generator {
        drafts: false,
        ..Generator::new(4)
    };
    (0..n)
        .map(|i| {
            let json = export_json(&generator.plr(i), Framework::practice_fundamentals()).unwrap();
            Picked::named(file(&format!("{i}.json"), &json))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn every_file_is_read_and_a_bad_one_is_rejected_with_its_path() {
    let mut files = exports(70);
    files.push(Picked::named(file("broken.json", "{ not json")));
    let mut builder = SnapshotBuilder::new();
    let mut seen = Vec::new();
    let outcome = read_files(
        &files,
        &mut builder,
        &Cancel::default(),
        SLICE_MS,
        |read, total| seen.push((read, total)),
    )
    .await;
    assert_eq!(
        (outcome.read, outcome.total, outcome.cancelled),
        (71, 71, false)
    );
    assert_eq!(seen.last(), Some(&(71, 71)));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(builder.plrs().count(), 70);
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let snapshot = builder.finish(&Options::new(as_of));
    assert_eq!(snapshot.rejected_files, 1);
    assert_eq!(snapshot.rejected[0].file, "broken.json");
    assert!(!snapshot.rejected[0].problems[0].path.is_empty());
}

#[wasm_bindgen_test]
async fn cancelling_stops_between_files_and_keeps_what_was_read() {
    let files = exports(100);
    let cancel = Cancel::default();
    let mut builder = SnapshotBuilder::new();
    let stop = cancel.clone();
    // Progress after every file, so the cancel lands after the first whatever the machine's speed.
    let outcome = read_files(&files, &mut builder, &cancel, 0.0, move |read, _| {
        if read >= 1 {
            stop.cancel();
        }
    })
    .await;
    assert!(outcome.cancelled);
    assert_eq!(outcome.read, 1);
    assert_eq!(builder.plrs().count(), outcome.read);
}

#[wasm_bindgen_test]
async fn a_json_file_that_is_not_an_export_is_skipped() {
    let other = Picked::named(file("notes.json", "{\"hello\": 1}"));
    let mut builder = SnapshotBuilder::new();
    read_files(
        &[other],
        &mut builder,
        &Cancel::default(),
        SLICE_MS,
        |_, _| {},
    )
    .await;
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let snapshot = builder.finish(&Options::new(as_of));
    assert_eq!((snapshot.skipped_files, snapshot.rejected_files), (1, 0));
}

#[wasm_bindgen_test]
async fn a_file_over_the_size_limit_is_refused_and_the_rest_still_count() {
    let mut files = exports(3);
    let large = " ".repeat(plr_core::import::MAX_FILE_BYTES + 1);
    files.insert(1, Picked::named(file("large.json", &large)));
    let mut builder = SnapshotBuilder::new();
    let outcome = read_files(
        &files,
        &mut builder,
        &Cancel::default(),
        SLICE_MS,
        |_, _| {},
    )
    .await;
    assert_eq!((outcome.read, outcome.cancelled), (4, false));
    assert_eq!(builder.plrs().count(), 3);
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let snapshot = builder.finish(&Options::new(as_of));
    assert_eq!(snapshot.rejected[0].file, "large.json");
    assert_eq!(
        snapshot.rejected[0].problems[0].message,
        "the file is 5242881 bytes, larger than the 5 MB limit"
    );
}

#[wasm_bindgen_test]
fn a_head_of_service_update_names_each_missing_answer_against_its_question() {
    use plr_core::ConcernOutcome;
    use plr_dashboard::update::answered;
    let problems = answered("", "".into(), None, Some(true), None, String::new()).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            "update-on",
            "update-by",
            "update-child-safe",
            "update-outcome"
        ]
    );
    let resolved = |on: &str| {
        let (yes, outcome) = (Some(true), Some(ConcernOutcome::Resolved));
        answered(on, "D. Head".into(), yes, yes, outcome, String::new())
    };
    assert_eq!(
        resolved("2022-07-15").unwrap().on,
        chrono::NaiveDate::from_ymd_opt(2022, 7, 15).unwrap()
    );
    assert_eq!(
        resolved("2022-02-30").unwrap_err(),
        [(
            "update-on",
            "Enter the date of the update as a real date".to_string()
        )]
    );
}

#[wasm_bindgen_test]
fn changed_files_zip_under_their_names_with_their_content() {
    use std::io::Read;
    let files = [
        ("July/a.json".to_string(), "{\"a\": 1}".to_string()),
        ("July/b.json".to_string(), "{\"b\": 2}".to_string()),
    ];
    let bytes = plr_dashboard::files::zip_of(&files).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(zip.len(), 2);
    for (name, text) in &files {
        let mut read = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(&read, text);
    }
}

fn file_of_bytes(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_buffer_source_sequence(&parts, name).unwrap()
}

/// A zip of `n` exports under `July/week 1/`, deflated, then a text file; the second export's
/// compressed bytes flipped in the middle.
fn zip_with_a_damaged_entry(n: u64) -> Vec<u8> {
    use std::io::Write;
    let generator = Generator {
        drafts: false,
        ..Generator::new(5)
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.add_directory("July/week 1/", options).unwrap();
    for i in 0..n {
        let json = export_json(&generator.plr(i), Framework::practice_fundamentals()).unwrap();
        zip.start_file(format!("July/week 1/{i}.json"), options)
            .unwrap();
        zip.write_all(json.as_bytes()).unwrap();
    }
    zip.start_file("July/notes.txt", options).unwrap();
    zip.write_all(b"not read").unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    let name = b"July/week 1/1.json";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
    for b in &mut bytes[at + 200..at + 240] {
        *b ^= 0x5a;
    }
    bytes
}

#[wasm_bindgen_test]
async fn a_zip_is_folded_entry_by_entry_and_a_damaged_entry_named() {
    let mut files = exports(2);
    files.push(Picked::named(file_of_bytes(
        "exports.zip",
        &zip_with_a_damaged_entry(6),
    )));
    files.push(Picked::named(file(
        "not-a-zip.zip",
        "{\"format\": \"plr\"}",
    )));
    let mut builder = SnapshotBuilder::new();
    let mut seen = Vec::new();
    let outcome = read_files(
        &files,
        &mut builder,
        &Cancel::default(),
        0.0,
        |read, total| seen.push((read, total)),
    )
    .await;
    // Two files, six entries and the zip that is not one.
    assert_eq!(
        (outcome.read, outcome.total, outcome.cancelled),
        (9, 9, false)
    );
    assert_eq!(seen.last(), Some(&(9, 9)));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(builder.plrs().count(), 2 + 5);
    let as_of = chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let snapshot = builder.finish(&Options::new(as_of));
    assert_eq!(snapshot.rejected_files, 2);
    let rejected: Vec<(&str, &str)> = snapshot
        .rejected
        .iter()
        .map(|r| (r.file.as_str(), r.problems[0].message.as_str()))
        .collect();
    assert_eq!(rejected[0].0, "exports.zip/July/week 1/1.json");
    assert!(
        rejected[0]
            .1
            .starts_with("cannot be unpacked from the zip: it is damaged"),
        "{}",
        rejected[0].1
    );
    assert_eq!(rejected[1].0, "not-a-zip.zip");
    assert!(
        rejected[1]
            .1
            .starts_with("not a zip archive that can be read ("),
        "{}",
        rejected[1].1
    );
}

#[wasm_bindgen_test]
async fn cancelling_stops_between_the_entries_of_a_zip() {
    let files = [Picked::named(file_of_bytes(
        "exports.zip",
        &zip_with_a_damaged_entry(20),
    ))];
    let cancel = Cancel::default();
    let stop = cancel.clone();
    let mut builder = SnapshotBuilder::new();
    let outcome = read_files(&files, &mut builder, &cancel, 0.0, move |read, _| {
        if read >= 3 {
            stop.cancel();
        }
    })
    .await;
    assert_eq!(
        (outcome.read, outcome.total, outcome.cancelled),
        (3, 20, true)
    );
}
