//! The QA service's moderation sample (seed 001, 4.6: about 20% of PLRs are moderated): a
//! reproducible random choice among the period's completed, unmoderated PLRs, optionally
//! spread across teams. The dashboard shows the same sample for the same seed.

use std::collections::BTreeMap;

use super::breakdown::Selection;
use super::facts::team_key;
use super::kept::KeptFacts;
use super::period::Period;
use super::{Options, SnapshotBuilder};

/// A moderation sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample<'a> {
    /// The period sampled.
    pub period: Period,
    /// How many completed, unmoderated PLRs it was drawn from.
    pub candidates: usize,
    /// The PLRs chosen, in source (file name) order.
    pub chosen: Vec<KeptFacts<'a>>,
}

/// How many of `n` make `percent` percent, rounded up (so every team with a PLR gets one).
fn share_of(n: usize, percent: u32) -> usize {
    (n * percent as usize).div_ceil(100).min(n)
}

/// Fisher–Yates with 64-bit draws: the same on every platform (fastrand's own `shuffle` draws
/// `usize`, so a 32-bit WebAssembly page and a 64-bit CLI would choose differently).
fn shuffle<T>(rng: &mut fastrand::Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.u64(..=i as u64) as usize;
        items.swap(i, j);
    }
}

impl SnapshotBuilder {
    /// Draws `percent`% (rounded up) of the completed, unmoderated PLRs of the options'
    /// period and filters, with `seed`; `by_team` draws that share from each team. The same
    /// files and seed always give the same sample, whatever order the files were added in.
    pub fn sample(&self, options: &Options, percent: u32, by_team: bool, seed: u64) -> Sample<'_> {
        let (selection, period) = Selection::of(self, options);
        let mut groups: BTreeMap<String, Vec<KeptFacts<'_>>> = BTreeMap::new();
        let mut candidates = 0;
        for f in selection
            .in_period(period)
            .filter(|f| f.moderation.is_none())
        {
            let key = if by_team {
                team_key(f.team)
            } else {
                String::new()
            };
            groups.entry(key).or_default().push(f);
            candidates += 1;
        }
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut chosen = Vec::new();
        for mut group in groups.into_values() {
            // The builder counts its PLRs in no particular order: by id before drawing.
            group.sort_unstable_by_key(|f| f.id);
            let take = share_of(group.len(), percent);
            shuffle(&mut rng, &mut group);
            chosen.extend(group.into_iter().take(take));
        }
        chosen.sort_by(|a, b| (&a.source, a.id).cmp(&(&b.source, b.id)));
        Sample {
            period,
            candidates,
            chosen,
        }
    }
}
