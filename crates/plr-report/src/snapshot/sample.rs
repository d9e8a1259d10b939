//! The QA service's moderation sample, targeted by risk (`qa-month.md` §2). Among the period's
//! completed, unmoderated PLRs, in this order and never more than the moderators' capacity:
//! every PLR the reviewer graded inadequate, then lower-end requires improvement; every child
//! protection PLR; every PLR whose reviewer audited their own team (from the allocation file:
//! without one this rule picks nothing); every PLR of an auditor whose moderator effect over
//! the last six months is above [`HIGH_MODERATOR_EFFECT`]%; then a random fill, reproducible
//! from a seed and spread across teams, up to the share. A rule that meets the capacity keeps
//! its PLRs in id order. The result never depends on the order the files were added in.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::Serialize;

use super::allocation::{auditor_key, Allocation};
use super::breakdown::Selection;
use super::facts::team_key;
use super::kept::KeptFacts;
use super::moderators::{auditors_between, last_six_months, HIGH_MODERATOR_EFFECT};
use super::period::Period;
use super::settings::Settings;
use super::tracker::field;
use super::{Options, SnapshotBuilder};
use plr_core::model::{Grade, LegalStatus};

/// Why a PLR is in the sample, in the order the rules pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum SampleReason {
    /// The reviewer graded it inadequate.
    GradedInadequate,
    /// The reviewer graded it requires improvement, lower end.
    LowerEndRequiresImprovement,
    /// A child protection PLR.
    ChildProtection,
    /// Its reviewer audited their own team (the allocation file's team for them).
    OwnTeam,
    /// Its reviewer's moderator effect over the last six months (a whole percentage).
    ModeratorEffect {
        /// The effect, rounded half up.
        percent: u32,
    },
    /// Chosen at random to reach the share.
    RandomFill,
}

impl SampleReason {
    /// The reason in words, as the CLI and the dashboard show it.
    pub fn words(self) -> String {
        match self {
            SampleReason::GradedInadequate => "Graded inadequate by the reviewer".into(),
            SampleReason::LowerEndRequiresImprovement => "Lower-end requires improvement".into(),
            SampleReason::ChildProtection => "Child protection".into(),
            SampleReason::OwnTeam => "Auditor audited their own team".into(),
            SampleReason::ModeratorEffect { percent } => {
                format!("Auditor's moderator effect over the last six months is {percent}%")
            }
            SampleReason::RandomFill => "Random fill across teams".into(),
        }
    }
}

/// How the sample is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleOptions {
    /// The share of the period's completed, unmoderated PLRs to reach, in percent (rounded
    /// up); the targeted rules may pick more, up to the capacity.
    pub percent: u32,
    /// Reviews the moderators can moderate a month (a quarter has three times as many).
    pub capacity: u32,
    /// Whether the random fill is spread across teams (else drawn from all PLRs at once).
    pub spread_across_teams: bool,
    /// The seed of the random fill: the same files and seed give the same sample.
    pub seed: u64,
}

impl SampleOptions {
    /// 20%, the settings' capacity (58 a month by default), spread across teams, seed 1.
    pub fn new(settings: &Settings) -> SampleOptions {
        SampleOptions {
            percent: 20,
            capacity: settings.moderation_capacity,
            spread_across_teams: true,
            seed: 1,
        }
    }
}

impl Default for SampleOptions {
    /// [`SampleOptions::new`] with the default settings.
    fn default() -> SampleOptions {
        SampleOptions::new(&Settings::default())
    }
}

/// One PLR to moderate and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick<'a> {
    /// The PLR.
    pub facts: KeptFacts<'a>,
    /// Why it was picked (the first rule that picks it).
    pub reason: SampleReason,
}

/// A moderation sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample<'a> {
    /// The period sampled.
    pub period: Period,
    /// How many completed, unmoderated PLRs it was drawn from.
    pub candidates: usize,
    /// The share asked for, in PLRs: `percent`% of the candidates, rounded up.
    pub share: usize,
    /// The moderators' capacity for the period (a month's times its months).
    pub capacity: usize,
    /// PLRs a targeted rule picked that the capacity left out.
    pub left_out: usize,
    /// Whether an allocation file was given (without one, the own-team rule picks nothing).
    pub own_team_checked: bool,
    /// The options it was drawn with.
    pub options: SampleOptions,
    /// The PLRs chosen, in the order of the rules, each rule's by file name.
    pub chosen: Vec<Pick<'a>>,
}

/// How many of `n` make `percent` percent, rounded up.
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

/// Each auditor's teams by month, from the allocation file: (auditor key, month) → team keys.
type OwnTeams = HashMap<String, BTreeMap<Period, Vec<String>>>;

fn own_teams(allocation: &Allocation) -> OwnTeams {
    let mut teams: OwnTeams = HashMap::new();
    for row in allocation.rows.iter().filter(|r| !r.team.trim().is_empty()) {
        teams
            .entry(auditor_key(&row.auditor))
            .or_default()
            .entry(row.month)
            .or_default()
            .push(team_key(&row.team));
    }
    teams
}

/// Whether `f`'s reviewer audited their own team: their allocation row for the review's month
/// (else their latest row before it) names the PLR's team.
fn audited_own_team(teams: &OwnTeams, f: &KeptFacts<'_>) -> bool {
    let (Some(months), Some(date)) = (teams.get(&auditor_key(f.reviewer)), f.date) else {
        return false;
    };
    months
        .range(..=Period::month_of(date))
        .next_back()
        .is_some_and(|(_, teams)| teams.contains(&team_key(f.team)))
}

impl SnapshotBuilder {
    /// The moderation sample of the options' period and filters (see the module's rules).
    /// The options' allocation gives the auditors' own teams. The same files and options always
    /// give the same sample, whatever order the files were added in.
    pub fn sample(&self, options: &Options, how: SampleOptions) -> Sample<'_> {
        let (selection, period) = Selection::of(self, options);
        let mut candidates: Vec<KeptFacts<'_>> = selection
            .in_period(period)
            .filter(|f| f.moderation.is_none())
            .collect();
        // The builder keeps its PLRs in no particular order: by id before choosing.
        candidates.sort_unstable_by_key(|f| f.id);
        let months = period.months();
        let capacity = (how.capacity as usize).saturating_mul(months.len());
        let share = share_of(candidates.len(), how.percent);
        let teams = options.allocation.as_deref().map(own_teams);
        let six = last_six_months(period);
        let (from, to) = (six[0].first_day(), period.last_day());
        let auditors = auditors_between(self, from, to);
        let rule = |f: &KeptFacts<'_>| -> Option<SampleReason> {
            match f.final_grade {
                Some(Grade::Inadequate) => return Some(SampleReason::GradedInadequate),
                Some(Grade::RequiresImprovementLow) => {
                    return Some(SampleReason::LowerEndRequiresImprovement)
                }
                _ => {}
            }
            if f.legal_status == Some(LegalStatus::ChildProtection) {
                return Some(SampleReason::ChildProtection);
            }
            if teams.as_ref().is_some_and(|t| audited_own_team(t, f)) {
                return Some(SampleReason::OwnTeam);
            }
            let effect = auditors.get(&auditor_key(f.reviewer));
            effect
                .filter(|a| a.above(HIGH_MODERATOR_EFFECT))
                .and_then(|a| a.effect())
                .map(|percent| SampleReason::ModeratorEffect { percent })
        };
        let mut targeted: Vec<Pick<'_>> = Vec::new();
        let mut rest: Vec<KeptFacts<'_>> = Vec::new();
        for f in candidates.iter().copied() {
            match rule(&f) {
                Some(reason) => targeted.push(Pick { facts: f, reason }),
                None => rest.push(f),
            }
        }
        // By rule (stable: each rule's PLRs stay in id order), then cut at the capacity.
        targeted.sort_by_key(|p| rule_rank(p.reason));
        let left_out = targeted.len().saturating_sub(capacity);
        targeted.truncate(capacity);
        let want = share.min(capacity).saturating_sub(targeted.len());
        let fill = random_fill(rest, &targeted, want, how.seed, how.spread_across_teams);
        let mut chosen = targeted;
        chosen.extend(fill.into_iter().map(|facts| Pick {
            facts,
            reason: SampleReason::RandomFill,
        }));
        chosen.sort_by(|a, b| {
            (rule_rank(a.reason), a.facts.source, a.facts.id).cmp(&(
                rule_rank(b.reason),
                b.facts.source,
                b.facts.id,
            ))
        });
        Sample {
            period,
            candidates: candidates.len(),
            share,
            capacity,
            left_out,
            own_team_checked: teams.is_some(),
            options: how,
            chosen,
        }
    }
}

/// The rule that gives a reason, 0 first (every moderator effect is one rule).
fn rule_rank(reason: SampleReason) -> u8 {
    match reason {
        SampleReason::GradedInadequate => 0,
        SampleReason::LowerEndRequiresImprovement => 1,
        SampleReason::ChildProtection => 2,
        SampleReason::OwnTeam => 3,
        SampleReason::ModeratorEffect { .. } => 4,
        SampleReason::RandomFill => 5,
    }
}

/// `want` of `rest` (in id order) at random from `seed`. Spread across teams: each next pick is
/// from a team with the fewest picked so far (the `targeted` picks included), ties in a random
/// order of the teams.
pub(super) fn random_fill<'a>(
    mut rest: Vec<KeptFacts<'a>>,
    targeted: &[Pick<'a>],
    want: usize,
    seed: u64,
    spread_across_teams: bool,
) -> Vec<KeptFacts<'a>> {
    let mut rng = fastrand::Rng::with_seed(seed);
    if !spread_across_teams {
        shuffle(&mut rng, &mut rest);
        rest.truncate(want);
        return rest;
    }
    let mut groups: BTreeMap<String, Vec<KeptFacts<'a>>> = BTreeMap::new();
    for f in rest {
        groups.entry(team_key(f.team)).or_default().push(f);
    }
    let mut teams: Vec<(String, Vec<KeptFacts<'a>>, usize)> = groups
        .into_iter()
        .map(|(team, mut group)| {
            shuffle(&mut rng, &mut group);
            let picked = targeted
                .iter()
                .filter(|p| team_key(p.facts.team) == team)
                .count();
            (team, group, picked)
        })
        .collect();
    shuffle(&mut rng, &mut teams);
    let mut fill = Vec::with_capacity(want);
    while fill.len() < want {
        // The first team (in the shuffled order) with the fewest picked that has some left.
        let next = teams
            .iter_mut()
            .filter(|(_, group, _)| !group.is_empty())
            .min_by_key(|(_, _, picked)| *picked);
        let Some((_, group, picked)) = next else {
            break;
        };
        if let Some(f) = group.pop() {
            fill.push(f);
            *picked += 1;
        }
    }
    fill
}

/// The header of [`sample_csv`].
pub const SAMPLE_CSV_HEADER: &str = "Case reference,Team,Auditor,Reviewer's grade,Reason,File";

/// The sample as CSV: a row per PLR in the sample's order, headed in words. Lines end with
/// `\n`.
pub fn sample_csv(sample: &Sample<'_>) -> String {
    let mut out = format!("{SAMPLE_CSV_HEADER}\n");
    for p in &sample.chosen {
        let f = &p.facts;
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            field(f.child_ref),
            field(f.team.trim()),
            field(f.reviewer),
            f.final_grade.map_or("", |g| g.label()),
            field(&p.reason.words()),
            field(f.source)
        );
    }
    out
}

/// The sample as JSON: the figures of the draw and a row per PLR with its reason.
pub fn sample_json(sample: &Sample<'_>) -> String {
    let picks: Vec<serde_json::Value> = sample
        .chosen
        .iter()
        .map(|p| {
            let f = &p.facts;
            serde_json::json!({
                "id": f.id,
                "case_reference": f.child_ref,
                "team": f.team.trim(),
                "auditor": f.reviewer,
                "review_date": f.date,
                "reviewer_grade": f.final_grade,
                "reason": p.reason,
                "reason_words": p.reason.words(),
                "file": f.source,
            })
        })
        .collect();
    let value = serde_json::json!({
        "period": sample.period.label(),
        "candidates": sample.candidates,
        "percent": sample.options.percent,
        "share": sample.share,
        "capacity": sample.capacity,
        "left_out_by_capacity": sample.left_out,
        "spread_across_teams": sample.options.spread_across_teams,
        "seed": sample.options.seed,
        "own_team_checked": sample.own_team_checked,
        "chosen": picks,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// What was drawn, in a sentence or two: `12 of 57 completed, unmoderated reviews in 2022-07
/// (share 20%: 12; capacity 58; spread across teams; seed 1).`, then what the capacity left
/// out and, without an allocation file, that the own-team rule picked nothing.
pub fn sample_summary(sample: &Sample<'_>) -> String {
    let o = sample.options;
    let mut text = format!(
        "{} of {} completed, unmoderated reviews in {} (share {}%: {}; capacity {}; {}; seed {}).",
        sample.chosen.len(),
        sample.candidates,
        sample.period.label(),
        o.percent,
        sample.share,
        sample.capacity,
        if o.spread_across_teams {
            "spread across teams"
        } else {
            "not spread across teams"
        },
        o.seed
    );
    if sample.left_out > 0 {
        let _ = write!(
            text,
            " The capacity left out {} more that the rules picked.",
            sample.left_out
        );
    }
    if !sample.own_team_checked {
        text.push_str(
            " No allocation file: no review was picked because its auditor audited their own team.",
        );
    }
    text
}
