//! Assembling the snapshot: the period's measures with direction of travel, the month and
//! quarter trends, breakdowns by legal status, team and practice area, merged team
//! spellings and cases of concern.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::facts::team_key;
use super::kept::KeptFacts;
use super::measure::MeasureKey;
use super::period::Period;
use super::report::{
    AreaMeasures, Concern, Filters, LegalStatusMeasures, MergedTeam, PeriodMeasures, Rejected,
    Snapshot, TeamMeasures,
};
use super::tally::{grade_index, grade_shares, Context, Counts, Measures};
use super::{representation, Options, SnapshotBuilder};
use plr_core::framework::Framework;
use plr_core::model::LegalStatus;

/// Each team key's spellings (trimmed) and how often each was typed, over completed PLRs.
fn spellings(builder: &SnapshotBuilder) -> BTreeMap<String, BTreeMap<String, u32>> {
    let mut teams: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for f in builder.plrs().filter(|f| f.completed) {
        *teams
            .entry(team_key(f.team))
            .or_default()
            .entry(f.team.trim().to_string())
            .or_default() += 1;
    }
    teams
}

/// Spellings most common first; ties in text order (so the result is deterministic).
fn ranked(spellings: &BTreeMap<String, u32>) -> Vec<String> {
    let mut ranked: Vec<(&String, &u32)> = spellings.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    ranked.into_iter().map(|(s, _)| s.clone()).collect()
}

/// The PLRs that count under the options' filters.
pub(super) struct Selection<'a, 'o> {
    pub(super) builder: &'a SnapshotBuilder,
    pub(super) options: &'o Options,
    pub(super) team: Option<String>,
    /// Whether any loaded review has an Ambassadors' review (their measures are shown then).
    pub(super) ambassadors: bool,
}

impl<'a, 'o> Selection<'a, 'o> {
    /// The PLRs that count under `options`, and the period they are counted in (the options'
    /// period, else the latest month in the data).
    pub(super) fn of(builder: &'a SnapshotBuilder, options: &'o Options) -> (Self, Period) {
        let period = options
            .period
            .unwrap_or_else(|| latest_month(builder, options));
        let selection = Selection {
            builder,
            options,
            team: options.team.as_deref().map(team_key),
            ambassadors: super::ambassadors::any_reviewed(builder),
        };
        (selection, period)
    }

    /// Completed PLRs matching the filters, in `period`.
    pub(super) fn in_period<'s>(
        &'s self,
        period: Period,
    ) -> impl Iterator<Item = KeptFacts<'a>> + 's {
        self.matching(period, true)
    }

    /// Completed PLRs matching the team and legal status filters, whatever their review date
    /// (the follow-through window's and its backlog's).
    pub(super) fn completed<'s>(&'s self) -> impl Iterator<Item = KeptFacts<'a>> + 's {
        self.builder.plrs.iter_where(move |f, team| {
            f.completed
                && self.team.as_ref().is_none_or(|t| team_key(team) == *t)
                && self
                    .options
                    .legal_status
                    .is_none_or(|s| f.legal_status == Some(s))
        })
    }

    /// Completed PLRs matching the team and legal status filters that were raised as a Case
    /// of Concern, whatever their review date (the register's).
    pub(super) fn raised<'s>(&'s self) -> impl Iterator<Item = KeptFacts<'a>> + 's {
        self.builder.plrs.iter_where(move |f, team| {
            f.completed
                && f.raised.is_some()
                && self.team.as_ref().is_none_or(|t| team_key(team) == *t)
                && self
                    .options
                    .legal_status
                    .is_none_or(|s| f.legal_status == Some(s))
        })
    }

    /// PLRs (completed, or drafts) matching the filters, reviewed in `period`.
    fn matching<'s>(
        &'s self,
        period: Period,
        completed: bool,
    ) -> impl Iterator<Item = KeptFacts<'a>> + 's {
        self.builder.plrs.iter_where(move |f, team| {
            f.completed == completed
                && f.date.is_some_and(|d| period.contains(d))
                && self.team.as_ref().is_none_or(|t| team_key(team) == *t)
                && self
                    .options
                    .legal_status
                    .is_none_or(|s| f.legal_status == Some(s))
        })
    }

    /// The counts of the PLRs of `period`.
    pub(super) fn counts(&self, period: Period) -> Counts {
        let mut counts = Counts::default();
        for f in self.in_period(period) {
            counts.add(&f, self.options.as_of);
        }
        counts
    }

    /// What `period`'s measures are judged against.
    pub(super) fn context(&self, period: Period, allocated: Option<u32>) -> Context<'_> {
        Context {
            settings: &self.options.settings,
            as_of: self.options.as_of,
            months: period.months().len() as u32,
            allocated,
        }
    }

    /// The measures of a month or quarter of the trend (or of the previous period): with the
    /// allocation's when it has rows for `period`.
    fn measures(&self, period: Period) -> PeriodMeasures {
        let counts = self.counts(period);
        let mut measures = counts.measures(self.context(period, None));
        if self.ambassadors {
            measures.extend(super::ambassadors::ambassadors_measures(self, period));
        }
        if let Some(allocation) = self.options.allocation.as_deref() {
            if representation::has_rows(self, allocation, period) {
                measures.extend(representation::allocation_measures(
                    self, allocation, period,
                ));
            }
        }
        PeriodMeasures {
            period: period.label(),
            plrs: counts.plrs(),
            measures,
        }
    }
}

/// The latest month with a completed PLR, else the as-of month.
pub(super) fn latest_month(builder: &SnapshotBuilder, options: &Options) -> Period {
    latest_month_or(builder, options.as_of)
}

/// The latest month with a completed PLR, else the month of `otherwise`.
pub(super) fn latest_month_or(builder: &SnapshotBuilder, otherwise: NaiveDate) -> Period {
    let latest = builder
        .plrs()
        .filter(|f| f.completed)
        .filter_map(|f| f.date)
        .max();
    Period::month_of(latest.unwrap_or(otherwise))
}

fn by_practice_area(selection: &Selection<'_, '_>, period: Period) -> Vec<AreaMeasures> {
    let mut areas: BTreeMap<&str, [u32; 5]> = BTreeMap::new();
    for f in selection.in_period(period) {
        for (area, band) in f.areas.iter() {
            let grades = areas.entry(area).or_default();
            if let Some(band) = band {
                grades[grade_index(band)] += 1;
            }
        }
    }
    let framework = Framework::practice_fundamentals();
    let position = |id: &str| framework.areas.iter().position(|a| a.id.0 == id);
    let mut out: Vec<AreaMeasures> = areas
        .into_iter()
        .map(|(area, grades)| {
            let assessed = grades.iter().sum();
            AreaMeasures {
                area: area.to_string(),
                title: position(area).map(|p| framework.areas[p].title.clone()),
                assessed,
                measures: grade_shares(grades, assessed, &selection.options.settings),
            }
        })
        .collect();
    out.sort_by_key(|a| (position(&a.area).unwrap_or(usize::MAX), a.area.clone()));
    out
}

fn grade_breakdowns(
    selection: &Selection<'_, '_>,
    period: Period,
    spellings: &BTreeMap<String, BTreeMap<String, u32>>,
) -> (Vec<LegalStatusMeasures>, Vec<TeamMeasures>) {
    let as_of = selection.options.as_of;
    let settings = &selection.options.settings;
    let mut statuses: BTreeMap<LegalStatus, Counts> = BTreeMap::new();
    let mut teams: BTreeMap<String, Counts> = BTreeMap::new();
    for f in selection.in_period(period) {
        if let Some(status) = f.legal_status {
            statuses.entry(status).or_default().add(&f, as_of);
        }
        teams.entry(team_key(f.team)).or_default().add(&f, as_of);
    }
    let statuses = statuses
        .into_iter()
        .map(|(legal_status, c)| LegalStatusMeasures {
            legal_status,
            plrs: c.plrs(),
            measures: c.grade_measures(settings),
        })
        .collect();
    let shown = |key: &String| {
        spellings
            .get(key)
            .and_then(|s| ranked(s).into_iter().next())
            .unwrap_or_else(|| key.clone())
    };
    let teams = teams
        .into_iter()
        .map(|(key, c)| TeamMeasures {
            team: shown(&key),
            plrs: c.plrs(),
            measures: c.grade_measures(settings),
        })
        .collect();
    (statuses, teams)
}

fn with_previous(measures: &mut Measures, previous: &PeriodMeasures) {
    for (key, measure) in measures.iter_mut() {
        if let Some(before) = previous.measures.get(key) {
            measure.set_previous(previous.period.clone(), before);
        }
    }
}

/// The whole snapshot for `options` (see [`SnapshotBuilder::finish`]).
pub(super) fn snapshot(
    builder: &SnapshotBuilder,
    options: &Options,
    rejected: Vec<Rejected>,
    skipped: u32,
) -> Snapshot {
    let (selection, period) = Selection::of(builder, options);
    let spellings = spellings(builder);
    let counts = selection.counts(period);
    // An allocation file wins over a number of audits allocated.
    let allocated = match options.allocation {
        Some(_) => None,
        None => options.allocated,
    };
    let mut measures = counts.measures(selection.context(period, allocated));
    let mut allocated = options.allocated;
    if let Some(allocation) = options.allocation.as_deref() {
        let funnel = representation::allocation_measures(&selection, allocation, period);
        allocated = funnel
            .iter()
            .find(|(key, _)| *key == MeasureKey::AuditsAllocated)
            .map(|(_, m)| m.numerator);
        measures.extend(funnel);
    }
    if selection.ambassadors {
        measures.extend(super::ambassadors::ambassadors_measures(&selection, period));
    }
    measures.extend(super::register::concern_measures(&selection, period));
    measures.extend(super::window::window_measures(&selection, period));
    let previous = selection.measures(period.previous());
    with_previous(&mut measures, &previous);
    let (by_legal_status, by_team) = grade_breakdowns(&selection, period, &spellings);
    let mut concerns: Vec<Concern> = selection
        .in_period(period)
        .filter(|f| f.is_case_of_concern() || f.raised.is_some())
        .map(|f| Concern {
            id: f.id,
            child_ref: f.child_ref.to_string(),
            team: f.team.trim().to_string(),
            review_date: f.date,
            reported_grade: f.reported,
            immediate_concern: f.immediate_concern,
            final_grade: f.final_grade,
            raised_by: f.raised.map(|(_, by)| by),
            raised_at: f.raised.map(|(at, _)| at),
            share_by: f.share_by,
            shared_with: f.concern_shared_with.to_string(),
            shared_at: f.concern_shared_at,
        })
        .collect();
    concerns.sort_by_key(|c| (c.review_date, c.id));
    Snapshot {
        period: period.label(),
        from: period.first_day(),
        to: period.last_day(),
        as_of: options.as_of,
        filters: Filters {
            team: options.team.as_ref().map(|t| t.trim().to_string()),
            legal_status: options.legal_status,
        },
        plrs: counts.plrs(),
        drafts_ignored: selection.matching(period, false).count() as u32,
        duplicates_merged: builder.duplicates_merged(),
        rejected_files: rejected.len() as u32,
        skipped_files: skipped,
        allocated,
        previous_period: previous.period,
        measures,
        by_month: period
            .months()
            .into_iter()
            .map(|m| selection.measures(m))
            .collect(),
        by_quarter: period
            .quarters()
            .map(|qs| qs.into_iter().map(|q| selection.measures(q)).collect()),
        trend_by_month: period
            .last_twelve_months()
            .into_iter()
            .map(|m| selection.measures(m))
            .collect(),
        trend_by_quarter: period
            .last_four_quarters()
            .into_iter()
            .map(|q| selection.measures(q))
            .collect(),
        by_legal_status,
        by_team,
        by_practice_area: by_practice_area(&selection, period),
        teams_merged: spellings
            .values()
            .filter(|s| s.len() > 1)
            .map(|s| {
                let spellings = ranked(s);
                MergedTeam {
                    team: spellings[0].clone(),
                    spellings,
                }
            })
            .collect(),
        concerns,
        rejected,
    }
}

/// The grades by legal status and the bands by practice area of `period` under the options'
/// filters, counted as the snapshot counts its own period's: the monthly report's quarterly
/// trend of each.
pub(super) fn breakdowns_in(
    builder: &SnapshotBuilder,
    options: &Options,
    period: Period,
) -> (Vec<LegalStatusMeasures>, Vec<AreaMeasures>) {
    let (selection, _) = Selection::of(builder, options);
    let (statuses, _) = grade_breakdowns(&selection, period, &BTreeMap::new());
    (statuses, by_practice_area(&selection, period))
}
