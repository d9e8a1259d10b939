//! The moderator effect (`qa-month.md` §2, seed 003 Table 1): month by month, the share of
//! moderated reviews upgraded and downgraded and the share of reviews reported inadequate that
//! only moderation found (the snapshot's own measures, counted the same way); and per auditor
//! over a period, how often their moderated reviews were agreed, upgraded or downgraded. The
//! moderation sample ([`super::sample`]) picks the reviews of auditors whose effect over the
//! last six months is above [`HIGH_MODERATOR_EFFECT`].

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::allocation::auditor_key;
use super::breakdown::Selection;
use super::kept::KeptFacts;
use super::measure::{percent, Measure, MeasureKey};
use super::period::Period;
use super::tracker::field;
use super::{Options, SnapshotBuilder};
use plr_core::model::ModerationEffect;

/// An auditor whose moderator effect over the last six months is above this percentage has
/// their reviews moderated first (`qa-month.md` §2).
pub const HIGH_MODERATOR_EFFECT: u32 = 15;

/// How many months the moderator effect is looked back over: seed 003's Table 1 shows six.
pub const EFFECT_MONTHS: u32 = 6;

/// One month of seed 003's Table 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthEffect {
    /// The month, `2022-07`.
    pub month: String,
    /// Reviews moderated that month.
    pub moderated: u32,
    /// Upgraded by moderators, out of those moderated (`moderation_upgraded`).
    pub upgraded: Measure,
    /// Downgraded by moderators, out of those moderated (`moderation_downgraded`).
    pub downgraded: Measure,
    /// Reviews reported inadequate whose reviewer had not graded them so, out of every review
    /// reported inadequate (`inadequate_identified_by_moderators`).
    pub inadequate_identified: Measure,
}

/// One auditor's moderated reviews over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditorEffect {
    /// The auditor's name as typed most often (reviewers' names are compared by
    /// [`auditor_key`]); blank when the reviews name no one.
    pub auditor: String,
    /// Reviews moderated.
    pub moderated: u32,
    /// Of those, the moderator agreed the grade.
    pub agreed: u32,
    /// Of those, the moderator graded higher.
    pub upgraded: u32,
    /// Of those, the moderator graded lower.
    pub downgraded: u32,
}

impl AuditorEffect {
    /// The moderator effect: upgraded and downgraded out of moderated, a whole percentage
    /// (half up); `None` with nothing moderated.
    pub fn effect(&self) -> Option<u32> {
        percent(self.upgraded + self.downgraded, self.moderated)
    }

    /// Whether the exact effect (not the rounded one) is above `threshold` percent.
    pub fn above(&self, threshold: u32) -> bool {
        u64::from(self.upgraded + self.downgraded) * 100
            > u64::from(threshold) * u64::from(self.moderated)
    }

    fn add(&mut self, effect: ModerationEffect) {
        self.moderated += 1;
        match effect {
            ModerationEffect::Agreed => self.agreed += 1,
            ModerationEffect::Upgraded => self.upgraded += 1,
            ModerationEffect::Downgraded => self.downgraded += 1,
        }
    }
}

/// The moderator effect of a period: Table 1 over the six months ending with the period's
/// last month, and each auditor's over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModeratorEffect {
    /// The period's label (`2022-07`, `Q2 22/23`).
    pub period: String,
    /// The six months ending with the period's last month, oldest first.
    pub months: Vec<MonthEffect>,
    /// Each auditor with a moderated review in the period: highest effect first, then by name.
    pub auditors: Vec<AuditorEffect>,
}

/// The months of the six ending with `period`'s last month, oldest first.
pub(super) fn last_six_months(period: Period) -> Vec<Period> {
    let last = Period::month_of(period.last_day()).first_day();
    (0..EFFECT_MONTHS)
        .rev()
        .map(|back| Period::month_of(last.checked_sub_months(Months::new(back)).unwrap_or(last)))
        .collect()
}

/// Each auditor's moderated reviews among `plrs`, by [`auditor_key`].
pub(super) fn by_auditor<'a>(
    plrs: impl Iterator<Item = KeptFacts<'a>>,
) -> BTreeMap<String, AuditorEffect> {
    let mut counts: BTreeMap<String, (BTreeMap<&'a str, u32>, AuditorEffect)> = BTreeMap::new();
    for f in plrs {
        let Some(m) = f.moderation else { continue };
        let (spellings, effect) = counts.entry(auditor_key(f.reviewer)).or_insert_with(|| {
            let blank = AuditorEffect {
                auditor: String::new(),
                moderated: 0,
                agreed: 0,
                upgraded: 0,
                downgraded: 0,
            };
            (BTreeMap::new(), blank)
        });
        *spellings.entry(f.reviewer.trim()).or_default() += 1;
        effect.add(m.effect);
    }
    counts
        .into_iter()
        .map(|(key, (spellings, mut effect))| {
            // The spelling typed most often; ties to the first in text order.
            let mut best: Option<(&str, u32)> = None;
            for (spelling, n) in spellings {
                if best.is_none_or(|(_, most)| n > most) {
                    best = Some((spelling, n));
                }
            }
            effect.auditor = best.map(|(s, _)| s.to_string()).unwrap_or_default();
            (key, effect)
        })
        .collect()
}

/// Each auditor's moderated reviews completed from `from` to `to`, whatever their team or
/// legal status (an auditor's accuracy is theirs, not a team's).
pub(super) fn auditors_between(
    builder: &SnapshotBuilder,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<String, AuditorEffect> {
    by_auditor(builder.plrs.iter_where(|f, _| {
        f.completed && f.moderation.is_some() && f.date.is_some_and(|d| from <= d && d <= to)
    }))
}

/// The moderator effect for `options`: Table 1's months (under the options' team and legal
/// status filters, as the snapshot counts them) and each auditor's effect over the period.
pub fn moderator_effect(builder: &SnapshotBuilder, options: &Options) -> ModeratorEffect {
    let (selection, period) = Selection::of(builder, options);
    let months = last_six_months(period)
        .into_iter()
        .map(|month| {
            let measures = selection
                .counts(month)
                .measures(selection.context(month, None));
            let get = |key| {
                measures
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| Measure::share(0, 0, None))
            };
            let upgraded = get(MeasureKey::ModerationUpgraded);
            MonthEffect {
                month: month.label(),
                moderated: upgraded.denominator.unwrap_or(0),
                upgraded,
                downgraded: get(MeasureKey::ModerationDowngraded),
                inadequate_identified: get(MeasureKey::InadequateIdentifiedByModerators),
            }
        })
        .collect();
    let mut auditors: Vec<AuditorEffect> = by_auditor(selection.in_period(period))
        .into_values()
        .collect();
    // Highest exact effect first: a/b before c/d when a*d > c*b.
    auditors.sort_by(|a, b| {
        let (an, bn) = (
            u64::from(a.upgraded + a.downgraded),
            u64::from(b.upgraded + b.downgraded),
        );
        (bn * u64::from(a.moderated))
            .cmp(&(an * u64::from(b.moderated)))
            .then_with(|| a.auditor.to_lowercase().cmp(&b.auditor.to_lowercase()))
    });
    ModeratorEffect {
        period: period.label(),
        months,
        auditors,
    }
}

/// The header of [`moderators_csv`].
pub const MODERATORS_CSV_HEADER: &str =
    "Auditor,Reviews moderated,Agreed,Upgraded,Downgraded,Moderator effect (%)";

/// The per-auditor moderator effect as CSV: a row per auditor, headed in words; the effect
/// blank when nothing was moderated. Lines end with `\n`.
pub fn moderators_csv(effect: &ModeratorEffect) -> String {
    let mut out = format!("{MODERATORS_CSV_HEADER}\n");
    for a in &effect.auditors {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            field(&a.auditor),
            a.moderated,
            a.agreed,
            a.upgraded,
            a.downgraded,
            a.effect().map(|p| p.to_string()).unwrap_or_default()
        );
    }
    out
}

/// A share in words for a table: `49% (17 of 35)`, or `–` with nothing to count.
fn shown(m: &Measure) -> String {
    match (m.percent, m.denominator) {
        (Some(p), Some(d)) => format!("{p}% ({} of {d})", m.numerator),
        _ => "–".to_string(),
    }
}

/// The moderator effect as text: Table 1 month by month, then a line per auditor.
pub fn moderators_text(effect: &ModeratorEffect) -> String {
    let mut out = format!("Moderator effect, {}\n\n", effect.period);
    out.push_str("Month by month (upgraded and downgraded out of reviews moderated; inadequate identified by moderators out of reviews reported inadequate):\n");
    for m in &effect.months {
        let _ = writeln!(
            out,
            "  {}: {} moderated; upgraded {}; downgraded {}; inadequate identified by moderators {}",
            m.month,
            m.moderated,
            shown(&m.upgraded),
            shown(&m.downgraded),
            shown(&m.inadequate_identified)
        );
    }
    out.push_str(
        "\nBy auditor (moderator effect: upgraded and downgraded out of reviews moderated):\n",
    );
    if effect.auditors.is_empty() {
        out.push_str("  No moderated reviews in the period.\n");
    }
    for a in &effect.auditors {
        let name = if a.auditor.is_empty() {
            "(no name)"
        } else {
            &a.auditor
        };
        let _ = writeln!(
            out,
            "  {name}: {} moderated, {} agreed, {} upgraded, {} downgraded: effect {}",
            a.moderated,
            a.agreed,
            a.upgraded,
            a.downgraded,
            a.effect().map_or("–".to_string(), |p| format!("{p}%"))
        );
    }
    out
}
