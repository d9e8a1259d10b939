//! The snapshot over real exports: the seed 001 check of `snapshot.md`, generated exports that
//! import cleanly, and results that do not depend on the order the files are added in.

use chrono::NaiveDate;
use plr_core::export::export_json;
use plr_core::import::import;
use plr_core::{Framework, Grade};
use plr_report::generate::{Generator, Shape};
use plr_report::snapshot::{MeasureKey, Options, Period, Snapshot, SnapshotBuilder};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Seed 001, Q4 21/22 by month of review: (outstanding, good, RI, inadequate).
const SEED_001: [(u32, [usize; 4]); 3] = [(1, [0, 2, 9, 2]), (2, [1, 1, 3, 1]), (3, [0, 6, 9, 1])];

/// The 35 exports of seed 001 as JSON text, each generated to its month and grade; the
/// RI ones alternate between the two bands, and a few are moderated (agreeing).
fn seed_001_exports() -> Vec<String> {
    let generator = Generator::new(1);
    let f = Framework::practice_fundamentals();
    let mut files = Vec::new();
    for (month, counts) in SEED_001 {
        let grades = [
            Grade::Outstanding,
            Grade::Good,
            Grade::RequiresImprovement,
            Grade::Inadequate,
        ];
        for (grade, count) in grades.into_iter().zip(counts) {
            for i in 0..count {
                let n = files.len() as u64;
                let grade = match grade {
                    Grade::RequiresImprovement if i % 3 == 0 => Grade::RequiresImprovementLow,
                    g => g,
                };
                let shape = Shape {
                    date: Some(date(2022, month, 1 + (i as u32 * 2) % 28)),
                    grade: Some(grade),
                    final_grade: None,
                    team: None,
                    moderated: Some(n.is_multiple_of(5)),
                };
                files.push(export_json(&generator.plr_shaped(n, shape), f).unwrap());
            }
        }
    }
    files
}

fn snapshot_of<'a>(files: impl Iterator<Item = &'a String>, period: &str) -> Snapshot {
    let mut builder = SnapshotBuilder::new();
    for (n, file) in files.enumerate() {
        let imported = import(file.as_bytes()).unwrap();
        assert_eq!(
            imported.warnings,
            [],
            "generated exports import without warnings"
        );
        builder.add(&imported.plr, &format!("{n}.json"));
    }
    builder.finish(&Options {
        period: Some(Period::parse(period).unwrap()),
        ..Options::new(date(2022, 4, 30))
    })
}

fn percents(s: &plr_report::snapshot::Measures) -> [Option<u32>; 4] {
    use MeasureKey::*;
    [Outstanding, Good, RequiresImprovement, Inadequate].map(|k| s[&k].percent)
}

#[test]
fn seed_001_quarter_4_21_22_gives_the_reported_figures() {
    let files = seed_001_exports();
    let quarter = snapshot_of(files.iter(), "Q4 21/22");
    assert_eq!((quarter.plrs, quarter.period.as_str()), (35, "Q4 21/22"));
    assert_eq!(
        percents(&quarter.measures),
        [Some(3), Some(26), Some(60), Some(11)]
    );
    let gob = &quarter.measures[&MeasureKey::GoodOrBetter];
    assert_eq!(
        (gob.numerator, gob.denominator, gob.percent),
        (10, Some(35), Some(29))
    );
    let months: Vec<(String, u32)> = quarter
        .by_month
        .iter()
        .map(|m| (m.period.clone(), m.plrs))
        .collect();
    assert_eq!(
        months,
        [
            ("2022-01".into(), 13),
            ("2022-02".into(), 6),
            ("2022-03".into(), 16)
        ]
    );
    for (month, (_, counts)) in quarter.by_month.iter().zip(SEED_001) {
        let counted = [
            MeasureKey::Outstanding,
            MeasureKey::Good,
            MeasureKey::RequiresImprovement,
            MeasureKey::Inadequate,
        ]
        .map(|k| month.measures[&k].numerator as usize);
        assert_eq!(counted, counts, "{}", month.period);
    }
    // Each month on its own gives the same figures as its line of the quarter.
    for (m, label) in ["2022-01", "2022-02", "2022-03"].into_iter().enumerate() {
        let month = snapshot_of(files.iter(), label);
        assert_eq!(
            percents(&month.measures),
            percents(&quarter.by_month[m].measures),
            "{label}"
        );
    }
    let january = snapshot_of(files.iter(), "2022-01");
    assert_eq!(
        percents(&january.measures),
        [Some(0), Some(15), Some(69), Some(15)]
    );
}

#[test]
fn generated_exports_are_valid_varied_and_reproducible() {
    let g = Generator::new(7);
    let f = Framework::practice_fundamentals();
    let plrs: Vec<_> = (0..300).map(|n| g.plr(n)).collect();
    assert_eq!(
        export_json(&g.plr(5), f).unwrap(),
        export_json(&plrs[5], f).unwrap()
    );
    assert_ne!(plrs[5].id, Generator::new(8).plr(5).id);
    let (mut builder, mut report_only) = (SnapshotBuilder::new(), SnapshotBuilder::new());
    for (n, plr) in plrs.iter().enumerate() {
        let imported = import(export_json(plr, f).unwrap().as_bytes()).unwrap();
        assert_eq!(imported.warnings, [], "PLR {n}");
        builder.add(&imported.plr, &n.to_string());
        report_only.add_for_report(&imported.plr, &n.to_string());
    }
    let options = Options {
        period: Some(Period::parse("2022/23").unwrap()),
        ..Options::new(date(2023, 4, 30))
    };
    let year = builder.finish(&options);
    // Without the actions' text, the same snapshot (the command line keeps no more).
    assert_eq!(report_only.finish(&options), year);
    let actions = |b: &SnapshotBuilder| -> Vec<_> {
        let all = b.plrs().flat_map(|p| p.actions.iter());
        all.map(|a| (a.due_on, a.completed_on, a.description.is_empty()))
            .collect()
    };
    let kept = actions(&builder);
    assert!(kept.iter().all(|(_, _, blank)| !blank));
    let dates = kept.iter().map(|(due, done, _)| (*due, *done, true));
    assert_eq!(actions(&report_only), dates.collect::<Vec<_>>());
    assert!(
        year.plrs > 100 && year.drafts_ignored > 0,
        "{} {}",
        year.plrs,
        year.drafts_ignored
    );
    assert!(year.by_team.len() >= 10 && year.by_legal_status.len() >= 6);
    for key in [
        MeasureKey::Outstanding,
        MeasureKey::Inadequate,
        MeasureKey::ModerationDowngraded,
        MeasureKey::ActionsOverdue,
        MeasureKey::CasesOfConcern,
    ] {
        assert!(year.measures[&key].numerator > 0, "{key:?}");
    }
    assert_eq!(year.by_practice_area.len(), 5);
}

/// Property tests run natively only (proptest has no wasm32 randomness).
#[cfg(not(target_arch = "wasm32"))]
mod order {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// The snapshot does not depend on the order files are added in or how they are split
        /// between builders (as the CLI's threads do).
        #[test]
        fn the_order_of_files_does_not_matter(seed in 0u64..1000, split in 0usize..60, rotate in 0usize..60) {
            let g = Generator::new(seed);
            let mut facts: Vec<_> = (0..60).map(|n| (g.plr(n % 45), format!("{n}.json"))).collect();
            let options = Options { period: Some(Period::parse("2021/22").unwrap()), ..Options::new(date(2022, 5, 1)) };
            let mut one = SnapshotBuilder::new();
            for (plr, source) in &facts {
                one.add(plr, source);
            }
            facts.rotate_left(rotate);
            let (mut a, mut b) = (SnapshotBuilder::new(), SnapshotBuilder::new());
            for (i, (plr, source)) in facts.iter().enumerate() {
                if i < split { a.add(plr, source) } else { b.add(plr, source) }
            }
            b.merge(a);
            prop_assert_eq!(one.finish(&options), b.finish(&options));
            prop_assert_eq!(one.duplicates_merged(), 15);
        }
    }
}
