//! The young people's Ambassadors' review in the snapshot (`qa-month.md` §3): how many reviews
//! they reviewed in a period and each finding's share of them (a review counts in the month of
//! its `reviewed_on`, whatever its review date), and the Ambassadors' sample: completed reviews
//! of the period they have not reviewed, never of a team or a person the QA officer excludes
//! (a conflict of interest), drawn at random from a seed and spread across teams.

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::Months;

use super::breakdown::Selection;
use super::facts::team_key;
use super::kept::KeptFacts;
use super::measure::{Measure, MeasureKey};
use super::period::Period;
use super::report::{PeriodMeasures, Snapshot};
use super::sample::random_fill;
use super::tracker::field;
use super::{Options, SnapshotBuilder};

/// The Ambassadors' measures of `period`: how many reviews they reviewed in it, and each
/// finding's yes out of those, with the target a settings file gives it (none by default).
pub(super) fn ambassadors_measures(
    selection: &Selection<'_, '_>,
    period: Period,
) -> Vec<(MeasureKey, Measure)> {
    let mut reviewed = 0;
    let mut yes = [0u32; 5];
    for f in selection.completed() {
        let Some(a) = f.ambassadors.filter(|a| period.contains(a.reviewed_on)) else {
            continue;
        };
        reviewed += 1;
        for (count, answer) in yes.iter_mut().zip(a.findings) {
            *count += u32::from(answer);
        }
    }
    let target = |key| selection.options.settings.target(key);
    let [count_key, finding_keys @ ..] = MeasureKey::AMBASSADORS;
    std::iter::once((count_key, Measure::count(reviewed, target(count_key))))
        .chain(
            finding_keys
                .into_iter()
                .zip(yes)
                .map(|(key, n)| (key, Measure::share(n, reviewed, target(key)))),
        )
        .collect()
}

/// The months the Ambassadors' findings are shown for, oldest first (`qa-month.md` §3: "each
/// with the three previous months beside it"): the period's own month or months, and the
/// three months before its first. Read from the rolling trend, so at most its twelve months: a
/// month shows four, a quarter six, a financial year its own twelve.
pub fn ambassadors_months(snapshot: &Snapshot) -> &[PeriodMeasures] {
    let first = snapshot
        .from
        .checked_sub_months(Months::new(3))
        .unwrap_or(snapshot.from)
        .format("%Y-%m")
        .to_string();
    let months = &snapshot.trend_by_month;
    let start = months.partition_point(|m| m.period < first);
    &months[start..]
}

/// Whether any loaded review has an Ambassadors' review: their measures are shown only then.
/// Read from the kept rows, stopping at the first, with no view made of the others.
pub(super) fn any_reviewed(builder: &SnapshotBuilder) -> bool {
    builder
        .plrs
        .iter_where(|f, _| f.ambassadors.is_some())
        .next()
        .is_some()
}

/// How the Ambassadors' sample is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbassadorsSampleOptions {
    /// How many reviews to draw (about 10 a month).
    pub size: usize,
    /// Teams never drawn (compared trimmed and case-folded).
    pub excluded_teams: Vec<String>,
    /// People whose reviews are never drawn, as reviewer or practitioner (compared trimmed and
    /// case-folded).
    pub excluded_people: Vec<String>,
    /// The seed of the draw: the same files, exclusions and seed give the same sample.
    pub seed: u64,
}

impl Default for AmbassadorsSampleOptions {
    /// 10 reviews, nobody excluded, seed 1.
    fn default() -> AmbassadorsSampleOptions {
        AmbassadorsSampleOptions {
            size: 10,
            excluded_teams: Vec::new(),
            excluded_people: Vec::new(),
            seed: 1,
        }
    }
}

/// The Ambassadors' sample of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbassadorsSample<'a> {
    /// The period sampled.
    pub period: Period,
    /// The period's completed reviews the Ambassadors have not reviewed.
    pub not_reviewed: usize,
    /// Of those, how many an exclusion left out.
    pub excluded: usize,
    /// The options it was drawn with.
    pub options: AmbassadorsSampleOptions,
    /// The reviews drawn, by team and then file name.
    pub chosen: Vec<KeptFacts<'a>>,
}

impl SnapshotBuilder {
    /// The Ambassadors' sample of the options' period and filters: `how.size` of its completed
    /// reviews not yet reviewed by the Ambassadors, none of an excluded team or person, at
    /// random from `how.seed`, spread across teams. The same files and options always give
    /// the same sample, whatever order the files were added in.
    pub fn ambassadors_sample(
        &self,
        options: &Options,
        how: AmbassadorsSampleOptions,
    ) -> AmbassadorsSample<'_> {
        let (selection, period) = Selection::of(self, options);
        let folded = |names: &[String]| -> BTreeSet<String> {
            names
                .iter()
                .map(|n| team_key(n))
                .filter(|n| !n.is_empty())
                .collect()
        };
        let (teams, people) = (folded(&how.excluded_teams), folded(&how.excluded_people));
        let excluded = |f: &KeptFacts<'_>| {
            teams.contains(&team_key(f.team))
                || people.contains(&team_key(f.reviewer))
                || people.contains(&team_key(f.practitioner))
        };
        let mut not_reviewed: Vec<KeptFacts<'_>> = selection
            .in_period(period)
            .filter(|f| f.ambassadors.is_none())
            .collect();
        // The builder keeps its PLRs in no particular order: by id before drawing.
        not_reviewed.sort_unstable_by_key(|f| f.id);
        let total = not_reviewed.len();
        not_reviewed.retain(|f| !excluded(f));
        let left_out = total - not_reviewed.len();
        let mut chosen = random_fill(not_reviewed, &[], how.size, how.seed, true);
        chosen.sort_by(|a, b| {
            (team_key(a.team), a.source, a.id).cmp(&(team_key(b.team), b.source, b.id))
        });
        AmbassadorsSample {
            period,
            not_reviewed: total,
            excluded: left_out,
            options: how,
            chosen,
        }
    }
}

/// The header of [`ambassadors_sample_csv`].
pub const AMBASSADORS_SAMPLE_CSV_HEADER: &str = "Case reference,Team,Review date,File";

/// The Ambassadors' sample as CSV: a row per review, headed in words. It names no reviewer
/// and no practitioner: the Ambassadors read the review itself. Lines end with `\n`.
pub fn ambassadors_sample_csv(sample: &AmbassadorsSample<'_>) -> String {
    let mut out = format!("{AMBASSADORS_SAMPLE_CSV_HEADER}\n");
    for f in &sample.chosen {
        let date = f.date.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{},{date},{}",
            field(f.child_ref),
            field(f.team.trim()),
            field(f.source)
        );
    }
    out
}

/// The Ambassadors' sample as JSON: the figures of the draw and a row per review.
pub fn ambassadors_sample_json(sample: &AmbassadorsSample<'_>) -> String {
    let chosen: Vec<serde_json::Value> = sample
        .chosen
        .iter()
        .map(|f| {
            serde_json::json!({
                "id": f.id,
                "case_reference": f.child_ref,
                "team": f.team.trim(),
                "review_date": f.date,
                "file": f.source,
            })
        })
        .collect();
    let o = &sample.options;
    let value = serde_json::json!({
        "period": sample.period.label(),
        "not_reviewed": sample.not_reviewed,
        "left_out_by_exclusions": sample.excluded,
        "size": o.size,
        "excluded_teams": o.excluded_teams,
        "excluded_people": o.excluded_people,
        "seed": o.seed,
        "chosen": chosen,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// What was drawn, in a sentence: `10 of 31 completed reviews of July 2022 not yet reviewed
/// by the Ambassadors (6 left out by exclusions; seed 1).`
pub fn ambassadors_sample_summary(sample: &AmbassadorsSample<'_>) -> String {
    format!(
        "{} of {} completed reviews of {} not yet reviewed by the Ambassadors ({} left out by exclusions; seed {}).",
        sample.chosen.len(),
        sample.not_reviewed - sample.excluded,
        Period::named(&sample.period.label()),
        sample.excluded,
        sample.options.seed
    )
}
