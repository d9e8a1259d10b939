//! Parse + validate + grade one realistic completed PLR (all 55 items with notes), as the QA
//! service does for every uploaded file, and export it again. Reports throughput in bytes, so
//! criterion prints MB/s. Run with `cargo bench -p plr-core`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use plr_core::export::export_json;
use plr_core::import::import;
use plr_core::Framework;

fn import_realistic(c: &mut Criterion) {
    let json = include_bytes!("../tests/fixtures/completed-good.json");
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("parse_validate_grade_completed_plr", |b| {
        b.iter(|| import(std::hint::black_box(json)).expect("the fixture imports"))
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
