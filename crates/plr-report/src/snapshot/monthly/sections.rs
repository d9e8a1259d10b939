//! What the report's opening and its grade sections hold (core audit activity, by legal
//! status, team and area of practice): the snapshot's measures chosen and put in seed 003's
//! order, with a sentence where the seed writes one. Nothing is counted here beyond a
//! table's average and the teams meeting their targets, read off the rows shown.

use super::{day, Block, Cell, Chart, Figure, Series, Sources, Table};
use crate::snapshot::breakdown::breakdowns_in;
use crate::snapshot::measure::{Measure, MeasureKey};
use crate::snapshot::period::Period;
use crate::snapshot::report::PeriodMeasures;
use crate::snapshot::tally::Measures;

use MeasureKey::*;

/// The grade columns of the breakdown tables: (measure, heading).
const GRADE_COLUMNS: [(MeasureKey, &str); 5] = [
    (GoodOrBetter, "Good or better"),
    (RequiresImprovement, "Requires improvement"),
    (
        LowerEndRequiresImprovement,
        "Lower end of requires improvement",
    ),
    (Inadequate, "Inadequate"),
    (WeakerPractice, "Weaker practice"),
];

/// A table of the measures `keys` that `measures` holds, in that order.
pub(super) fn figures(caption: &str, measures: &Measures, keys: &[MeasureKey]) -> Block {
    Block::Figures {
        caption: caption.to_string(),
        rows: keys
            .iter()
            .filter_map(|key| {
                measures.get(key).map(|m| Figure {
                    key: *key,
                    label: key.label().to_string(),
                    measure: m.clone(),
                })
            })
            .collect(),
    }
}

/// A measure's cell: its value as shown, rated when it has a target.
pub(super) fn cell(measure: Option<&Measure>) -> Cell {
    measure.map_or_else(
        || Cell::text("–"),
        |m| Cell {
            text: m.value_text(),
            rag: m.rag,
        },
    )
}

/// A quarter's name in a trend: `Q2 22/23 (to date)` while the report's period ends before it.
pub(super) fn quarter_name(quarter: &PeriodMeasures, period: Period) -> String {
    let ends_later = Period::parse(&quarter.period).is_ok_and(|q| q.last_day() > period.last_day());
    if ends_later {
        format!("{} (to date)", quarter.period)
    } else {
        quarter.period.clone()
    }
}

/// Rows of named grade measures (a legal status, a team, an area): reviews, then the grades.
fn grade_table(caption: &str, first: &str, rows: Vec<(String, u32, &Measures)>) -> Block {
    let mut columns = vec![first.to_string(), "Reviews".to_string()];
    columns.extend(GRADE_COLUMNS.iter().map(|(_, h)| h.to_string()));
    Block::Table(Table {
        caption: caption.to_string(),
        columns,
        rows: rows
            .into_iter()
            .map(|(name, count, m)| {
                let mut row = vec![Cell::text(name), Cell::text(count.to_string())];
                row.extend(GRADE_COLUMNS.iter().map(|(key, _)| cell(m.get(key))));
                row
            })
            .collect(),
    })
}

/// A measure of named groups quarter by quarter, as a chart and its table: `quarters` holds,
/// for each quarter, each group's (name, measures).
fn quarterly_chart(
    from: &Sources<'_>,
    title: String,
    series_heading: &str,
    key: MeasureKey,
    groups: &[String],
    quarters: &[Vec<(String, Measures)>],
) -> Block {
    let categories = from
        .snapshot
        .trend_by_quarter
        .iter()
        .map(|q| quarter_name(q, from.period))
        .collect();
    let series = groups
        .iter()
        .map(|group| Series {
            name: group.clone(),
            values: quarters
                .iter()
                .map(|q| {
                    q.iter()
                        .find(|(name, _)| name == group)
                        .and_then(|(_, m)| m.get(&key).and_then(|m| m.percent))
                })
                .collect(),
        })
        .collect();
    Block::Chart(Chart {
        title,
        categories,
        series_heading: series_heading.to_string(),
        series,
        percent: true,
        level: target_level(from, key),
        table: true,
    })
}

/// The measure's target as a level across a chart.
fn target_level(from: &Sources<'_>, key: MeasureKey) -> Option<(String, u32)> {
    from.options
        .settings
        .target(key)
        .map(|t| (format!("Target: {}", t.words(false)), t.value))
}

/// The snapshot's measures of a legal status or area, quarter by quarter.
fn by_quarter<T>(
    from: &Sources<'_>,
    pick: impl Fn(&crate::snapshot::report::LegalStatusMeasures) -> Option<T>,
    area: impl Fn(&crate::snapshot::report::AreaMeasures) -> Option<T>,
) -> Vec<Vec<T>> {
    from.snapshot
        .trend_by_quarter
        .iter()
        .filter_map(|q| Period::parse(&q.period).ok())
        .map(|quarter| {
            let (statuses, areas) = breakdowns_in(from.builder, from.options, quarter);
            let mut out: Vec<T> = statuses.iter().filter_map(&pick).collect();
            out.extend(areas.iter().filter_map(&area));
            out
        })
        .collect()
}

/// What was counted, for the report's opening lines.
pub(super) fn about(from: &Sources<'_>) -> Vec<String> {
    let s = from.snapshot;
    let mut lines = vec![
        format!(
            "{} ({} to {}). Actions are judged as of {}.",
            from.period.words(),
            day(s.from),
            day(s.to),
            day(s.as_of)
        ),
        format!(
            "{} completed reviews counted; {} drafts ignored; {} duplicates merged; {} files rejected.",
            s.plrs, s.drafts_ignored, s.duplicates_merged, s.rejected_files
        ),
    ];
    if let Some(team) = &s.filters.team {
        lines.push(format!("Only the team {team}."));
    }
    if let Some(status) = s.filters.legal_status {
        lines.push(format!(
            "Only children whose legal status is {}.",
            status.label()
        ));
    }
    lines
}

/// §3.1: audits against the baseline, the grades, the rolling year and the quarterly trend.
pub(super) fn core_activity(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    let keys = [
        AuditsCompleted,
        GoodOrBetter,
        Outstanding,
        Good,
        RequiresImprovement,
        LowerEndRequiresImprovement,
        Inadequate,
        WeakerPractice,
    ];
    let months = &s.trend_by_month;
    let total: u32 = months.iter().map(|m| m.plrs).sum();
    let count = months.len().max(1) as u32;
    let average = (2 * total + count) / (2 * count);
    let mut columns = vec!["Measure".to_string()];
    columns.extend(months.iter().map(|m| short_month(&m.period)));
    columns.push("Average".into());
    let mut row = vec![Cell::text("Audits completed")];
    row.extend(months.iter().map(|m| Cell::text(m.plrs.to_string())));
    row.push(Cell::text(average.to_string()));
    let baseline = from.options.settings.monthly_baseline;
    let quarters = &s.trend_by_quarter;
    let grade = |key: MeasureKey| Series {
        name: key.label().to_string(),
        values: quarters
            .iter()
            .map(|q| q.measures.get(&key).and_then(|m| m.percent))
            .collect(),
    };
    let mut trend_columns = vec!["Quarter".to_string(), "Reviews".to_string()];
    trend_columns.extend(GRADE_COLUMNS.iter().map(|(_, h)| h.to_string()));
    vec![
        Block::Text(format!(
            "{} audits were completed in {}, against a baseline of {baseline} a month. In the last 12 months, {total} audits were completed: {average} a month on average.",
            s.plrs,
            from.period.words()
        )),
        figures("Audits and grades", &s.measures, &keys),
        Block::Table(Table {
            caption: "Audits completed month by month, the last 12 months".into(),
            columns,
            rows: vec![row],
        }),
        Block::Chart(Chart {
            title: "Audits completed month by month".into(),
            categories: months.iter().map(|m| short_month(&m.period)).collect(),
            series_heading: "Measure".into(),
            series: vec![Series {
                name: "Audits completed".into(),
                values: months.iter().map(|m| Some(m.plrs)).collect(),
            }],
            percent: false,
            level: Some((format!("Baseline: {baseline} a month"), baseline)),
            table: false,
        }),
        Block::Chart(Chart {
            title: "Grades quarter by quarter".into(),
            categories: quarters.iter().map(|q| quarter_name(q, from.period)).collect(),
            series_heading: "Grade".into(),
            series: [GoodOrBetter, LowerEndRequiresImprovement, Inadequate, WeakerPractice]
                .into_iter()
                .map(grade)
                .collect(),
            percent: true,
            level: None,
            table: false,
        }),
        grade_table(
            "Grades quarter by quarter, with the reviews counted",
            "Quarter",
            quarters
                .iter()
                .map(|q| (quarter_name(q, from.period), q.plrs, &q.measures))
                .collect(),
        ),
    ]
}

/// `Aug 21` for `2021-08`.
fn short_month(label: &str) -> String {
    match Period::parse(label) {
        Ok(p) => p.first_day().format("%b %y").to_string(),
        Err(_) => label.to_string(),
    }
}

/// §3.2: grades by legal status this period, and good or better by legal status quarter by
/// quarter.
pub(super) fn legal_status(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    if s.by_legal_status.is_empty() {
        return vec![Block::Text("No completed reviews in the period.".into())];
    }
    let rows = s
        .by_legal_status
        .iter()
        .map(|b| (b.legal_status.label().to_string(), b.plrs, &b.measures))
        .collect();
    let quarters = by_quarter(
        from,
        |b| Some((b.legal_status.label().to_string(), b.measures.clone())),
        |_| None,
    );
    let groups: Vec<String> = s
        .by_legal_status
        .iter()
        .map(|b| b.legal_status.label().to_string())
        .collect();
    vec![
        grade_table(
            &format!("Grades by legal status, {}", from.period.words()),
            "Legal status",
            rows,
        ),
        quarterly_chart(
            from,
            "Good or better by legal status, quarter by quarter".into(),
            "Legal status",
            GoodOrBetter,
            &groups,
            &quarters,
        ),
        quarterly_chart(
            from,
            "Inadequate by legal status, quarter by quarter".into(),
            "Legal status",
            Inadequate,
            &groups,
            &quarters,
        ),
    ]
}

/// §3.3: grades by team, with how many teams met both targets and how many show 40% or more
/// weaker practice.
pub(super) fn teams(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    if s.by_team.is_empty() {
        return vec![Block::Text("No completed reviews in the period.".into())];
    }
    let met = |m: &Measures, key| {
        m.get(&key)
            .and_then(|m| m.rag)
            .is_some_and(|r| r == crate::snapshot::measure::Rag::Green)
    };
    let both = s
        .by_team
        .iter()
        .filter(|t| met(&t.measures, GoodOrBetter) && met(&t.measures, Inadequate))
        .count();
    let weaker = s
        .by_team
        .iter()
        .filter(|t| {
            t.measures
                .get(&WeakerPractice)
                .and_then(|m| m.percent)
                .is_some_and(|p| p >= 40)
        })
        .count();
    let targets = [GoodOrBetter, Inadequate]
        .iter()
        .filter_map(|k| {
            from.options
                .settings
                .target(*k)
                .map(|t| format!("{} {}", k.label().to_lowercase(), t.words(false)))
        })
        .collect::<Vec<_>>()
        .join(" and ");
    let teams = s.by_team.len();
    let mut blocks = vec![Block::Text(format!(
        "{teams} teams had a completed review in {}. {both} met both targets ({targets}); {weaker} had 40% or more of their practice rated weaker (lower end of requires improvement or inadequate).",
        from.period.words()
    ))];
    blocks.push(grade_table(
        &format!("Grades by team, {}", from.period.words()),
        "Team",
        s.by_team
            .iter()
            .map(|t| (t.team.clone(), t.plrs, &t.measures))
            .collect(),
    ));
    blocks
}

/// §3.4: bands by area of practice this period, and good or better by area quarter by
/// quarter.
pub(super) fn practice_areas(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    if s.by_practice_area.is_empty() {
        return vec![Block::Text(
            "No area of practice was banded in the period.".into(),
        )];
    }
    let name = |a: &crate::snapshot::report::AreaMeasures| {
        a.title.clone().unwrap_or_else(|| a.area.clone())
    };
    let quarters = by_quarter(from, |_| None, |a| Some((name(a), a.measures.clone())));
    let groups: Vec<String> = s.by_practice_area.iter().map(name).collect();
    vec![
        grade_table(
            &format!("Bands by area of practice, {}", from.period.words()),
            "Area of practice",
            s.by_practice_area
                .iter()
                .map(|a| (name(a), a.assessed, &a.measures))
                .collect(),
        ),
        quarterly_chart(
            from,
            "Good or better by area of practice, quarter by quarter".into(),
            "Area of practice",
            GoodOrBetter,
            &groups,
            &quarters,
        ),
        quarterly_chart(
            from,
            "Inadequate by area of practice, quarter by quarter".into(),
            "Area of practice",
            Inadequate,
            &groups,
            &quarters,
        ),
    ]
}
