//! Parse + validate + grade one realistic completed PLR (all 55 items with notes), as the QA
//! service does for every uploaded file, and export it again. Reports throughput in bytes, so
//! criterion prints MB/s; the same review as schema version 1 wrote it, too. Run with `cargo
//! bench -p plr-core`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use plr_core::export::export_json;
use plr_core::import::{import, import_by_value};
use plr_core::migrate::written_as;
use plr_core::Framework;

fn import_realistic(c: &mut Criterion) {
    let json = include_bytes!("../tests/fixtures/completed-good.json");
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("parse_validate_grade_completed_plr", |b| {
        b.iter(|| import(std::hint::black_box(json)).expect("the fixture imports"))
    });
    // The same review as version 1 wrote it: by its typed read (legacy-read), and by the slow
    // path alone (the JSON value, migration, the typed parse) that the typed read replaces.
    let text = std::str::from_utf8(json).expect("the fixture is text");
    let v1 = written_as(text, 1)
        .expect("the fixture is JSON")
        .into_bytes();
    let frameworks = [Framework::practice_fundamentals()];
    group.bench_function("the_same_as_version_1", |b| {
        b.iter(|| import(std::hint::black_box(&v1)).expect("it imports"))
    });
    group.bench_function("the_same_as_version_1_by_value", |b| {
        b.iter(|| import_by_value(std::hint::black_box(&v1), &frameworks).expect("it imports"))
    });
    group.finish();

    let plr = import(json).expect("the fixture imports").plr;
    let framework = Framework::practice_fundamentals();
    let mut group = c.benchmark_group("export");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("grade_and_write_completed_plr", |b| {
        b.iter(|| export_json(std::hint::black_box(&plr), framework).expect("exports"))
    });
    group.finish();
}

criterion_group!(benches, import_realistic);
criterion_main!(benches);
