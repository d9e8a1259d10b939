#![cfg(not(target_arch = "wasm32"))]
//! Property tests of merging two copies of one review, on realistic reviews from the
//! generator: a review merged with itself is unchanged; every field of a merge comes from
//! one of the two copies; merging is symmetric; no pair of copies makes it panic.

use std::collections::BTreeMap;

use plr_core::merge::{merge, Side};
use plr_core::*;
use plr_report::generate::Generator;
use proptest::prelude::*;
use serde_json::Value;

fn f() -> &'static Framework {
    Framework::practice_fundamentals()
}

/// A second copy of `a`: parts of it replaced by the same parts of another review `c`, some
/// notes blanked, an action duplicated or the id changed, as `mask` says.
fn copy_of(a: &Plr, c: &Plr, mask: u32) -> Plr {
    let bit = |n: u32| mask & (1 << n) != 0;
    let mut b = a.clone();
    if bit(0) {
        b.case = c.case.clone();
    }
    if bit(1) {
        b.review = c.review.clone();
    }
    if bit(2) {
        b.participation = c.participation.clone();
    }
    for (n, section) in b.sections.iter_mut().enumerate() {
        if bit(3 + n as u32) {
            *section = c.sections[n].clone();
        }
    }
    if bit(9) {
        b.judgement = c.judgement.clone();
    }
    if bit(10) {
        b.actions = c.actions.clone();
    }
    if bit(11) {
        b.moderation = c.moderation.clone();
    }
    if bit(12) {
        for item in b.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
            item.note.clear();
        }
    }
    if bit(13) {
        (b.status, b.completed_at) = (c.status, c.completed_at);
    }
    if bit(14) {
        b.updated_at = c.updated_at;
    }
    if bit(15) {
        if let Some(first) = b.actions.first().cloned() {
            b.actions.push(first);
        }
    }
    if bit(16) {
        b.id = c.id;
    }
    b
}

/// Every leaf of a PLR's JSON, addressed by ids rather than positions
/// (`sections[supervision].items[SM1].rating`).
fn leaves(value: &Value, at: String, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let at = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                leaves(v, at, out);
            }
        }
        Value::Array(items) if items.iter().all(|i| i.get("id").is_some()) => {
            for item in items {
                let id = item.get("id").map(Value::to_string).unwrap_or_default();
                leaves(item, format!("{at}[{id}]"), out);
            }
        }
        other => {
            out.insert(at, other.clone());
        }
    }
}

fn leaves_of(plr: &Plr) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    leaves(&serde_json::to_value(plr).unwrap(), String::new(), &mut out);
    out
}

/// The derived fields, recomputed rather than taken.
fn derived(path: &str) -> bool {
    [
        "judgement.suggested",
        "judgement.share_by",
        "moderation.effect",
    ]
    .iter()
    .any(|d| path.starts_with(d))
}

fn pair() -> impl Strategy<Value = (Plr, Plr, Vec<bool>)> {
    (
        0u64..4,
        0u64..200,
        0u64..200,
        any::<u32>(),
        proptest::collection::vec(any::<bool>(), 200),
    )
        .prop_map(|(seed, n, m, mask, picks)| {
            let generator = Generator::new(seed);
            // As the app holds a review: imported, so its derived fields are recomputed (the
            // generator leaves a draft's share-by unset when its concern clock has started).
            let mut a = generator.plr(n);
            plr_core::derived::recompute_derived(&mut a, f());
            let mut c = generator.plr(m);
            c.id = PlrId(uuid::Uuid::from_u128(u128::from(mask)));
            // Most pairs are two copies of one review.
            let mask = mask & !(u32::from(mask % 8 != 0) << 16);
            (a.clone(), copy_of(&a, &c, mask), picks)
        })
}

fn choices(picks: &[bool], n: usize) -> Vec<Option<Side>> {
    (0..n)
        .map(|i| {
            Some(if picks.get(i % picks.len()) == Some(&true) {
                Side::Theirs
            } else {
                Side::Ours
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_review_merged_with_itself_is_unchanged((a, _b, _picks) in pair()) {
        let merged = merge(&a, &a, f()).unwrap();
        prop_assert!(merged.conflicts().is_empty());
        prop_assert_eq!(merged.resolve(&[], f()).unwrap(), a);
    }

    #[test]
    fn every_field_of_a_merge_comes_from_one_of_the_copies((a, b, picks) in pair()) {
        let Ok(merged) = merge(&a, &b, f()) else { return Ok(()) };
        let Ok(plr) = merged.resolve(&choices(&picks, merged.conflicts().len()), f()) else {
            return Ok(());
        };
        let (from_a, from_b) = (leaves_of(&a), leaves_of(&b));
        let both_completed = a.status == Status::Completed && b.status == Status::Completed;
        for (path, value) in leaves_of(&plr) {
            if derived(&path) || (both_completed && (path == "status" || path == "completed_at")) {
                continue;
            }
            let null = Value::Null;
            let (x, y) = (from_a.get(&path).unwrap_or(&null), from_b.get(&path).unwrap_or(&null));
            prop_assert!(&value == x || &value == y, "{path}: {value} is neither {x} nor {y}");
        }
    }

    #[test]
    fn merging_is_symmetric_but_for_the_side_each_choice_names((a, b, picks) in pair()) {
        let (Ok(ab), Ok(ba)) = (merge(&a, &b, f()), merge(&b, &a, f())) else { return Ok(()) };
        prop_assert_eq!(ab.conflicts().len(), ba.conflicts().len());
        for (x, y) in ab.conflicts().iter().zip(ba.conflicts()) {
            prop_assert_eq!(&x.label, &y.label);
            prop_assert_eq!((&x.ours, &x.theirs), (&y.theirs, &y.ours));
        }
        let chosen = choices(&picks, ab.conflicts().len());
        let mirrored: Vec<Option<Side>> = chosen.iter().map(|c| c.map(Side::other)).collect();
        prop_assert_eq!(ab.resolve(&chosen, f()), ba.resolve(&mirrored, f()));
    }

    #[test]
    fn no_pair_of_copies_and_no_choices_panic((a, b, picks) in pair(), short in 0usize..4) {
        if let Ok(merged) = merge(&a, &b, f()) {
            let mut chosen = choices(&picks, merged.conflicts().len());
            chosen.truncate(merged.conflicts().len().saturating_sub(short));
            let _ = merged.resolve(&chosen, f());
            let _ = merged.resolve_all(Side::Theirs, f());
        }
    }
}
