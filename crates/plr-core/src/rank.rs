//! Lists put in order by a whole number. Each `sort_by_key` with a key of its own type compiles
//! its own copy of the standard library's sort into the form's WebAssembly; [`sort_by_rank`]
//! sorts by a [`Rank`] the caller gives each item ([`time_rank`] for a moment), so the sort
//! itself is compiled once for every list the form orders.

use chrono::{DateTime, Utc};

/// Where an item goes in an order: lower ranks first.
pub type Rank = i128;

/// Sorts `items` by `rank`, lowest first. Items of equal rank keep their order, as with the
/// standard library's (stable) `sort_by_key`.
pub fn sort_by_rank<T>(items: &mut [T], rank: impl Fn(&T) -> Rank) {
    let mut order: Vec<(Rank, usize)> = items.iter().map(rank).zip(0..).collect();
    // Ties are broken by position, so this (unstable) sort keeps equal ranks in their order.
    order.sort_unstable();
    // from[k]: where the item that belongs at k is now. Each cycle of that permutation is
    // followed once, swapping the items along it; a place done points at itself.
    let mut from: Vec<usize> = order.into_iter().map(|(_, n)| n).collect();
    for start in 0..from.len() {
        let mut at = start;
        while from[at] != at {
            let next = from[at];
            from[at] = at;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// A moment as a [`Rank`]: earlier moments rank lower, in exactly the order the moments
/// compare (whole seconds, then the nanoseconds, which a leap second takes past a billion).
pub fn time_rank(at: DateTime<Utc>) -> Rank {
    Rank::from(at.timestamp()) * (1 << 32) + Rank::from(at.timestamp_subsec_nanos())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_a_stable_sort_by_key_does() {
        // Every list of up to 6 keys from 0 to 3, each item tagged with where it started.
        for len in 0..=6u32 {
            for code in 0..4usize.pow(len) {
                let keys: Vec<usize> = (0..len).map(|i| (code >> (2 * i)) & 3).collect();
                let items: Vec<(usize, usize)> = keys.into_iter().zip(0..).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|(key, _)| *key);
                let mut sorted = items;
                sort_by_rank(&mut sorted, |(key, _)| *key as Rank);
                assert_eq!(sorted, expected);
            }
        }
    }

    #[test]
    fn moments_rank_in_their_order() {
        let moments: Vec<DateTime<Utc>> = [
            "1969-12-31T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z",
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:00:00.000000001Z",
            "2026-11-20T10:00:01Z",
        ]
        .iter()
        .map(|t| t.parse().expect("a test timestamp"))
        .collect();
        for pair in moments.windows(2) {
            assert!(time_rank(pair[0]) < time_rank(pair[1]), "{pair:?}");
        }
        assert_eq!(time_rank(moments[2]), time_rank(moments[2]));
    }
}
