//! Parse + validate + grade one realistic completed PLR (all 55 items with notes), as the QA
//! service does for every uploaded file. Reports throughput in bytes (MB/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use plr_core::import::import;

fn import_realistic(c: &mut Criterion) {
    let json = include_bytes!("../tests/fixtures/completed-good.json");
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("parse_validate_grade_completed_plr", |b| {
        b.iter(|| import(std::hint::black_box(json)).expect("the fixture imports"))
    });
    group.finish();
}

criterion_group!(benches, import_realistic);
criterion_main!(benches);
