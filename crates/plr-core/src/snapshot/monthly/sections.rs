//! What each section of the monthly report holds: the snapshot's measures chosen and put in
//! seed 003's order, with a sentence where the seed writes one. Nothing is counted here
//! beyond a table's average and the teams meeting their targets, read off the rows shown.

use super::{day, Block, Cell, Chart, Figure, Series, Sources, Table};
use crate::snapshot::breakdown::breakdowns_in;
use crate::snapshot::measure::{percent, Measure, MeasureKey};
use crate::snapshot::period::Period;
use crate::snapshot::report::PeriodMeasures;
use crate::snapshot::tally::Measures;
use crate::snapshot::window::window;

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
fn figures(caption: &str, measures: &Measures, keys: &[MeasureKey]) -> Block {
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
fn cell(measure: Option<&Measure>) -> Cell {
    measure.map_or_else(
        || Cell::text("–"),
        |m| Cell {
            text: m.value_text(),
            rag: m.rag,
        },
    )
}

/// A quarter's name in a trend: `Q2 22/23 (to date)` while the report's period ends before it.
fn quarter_name(quarter: &PeriodMeasures, period: Period) -> String {
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
    let mut columns = vec![String::new()];
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
            GoodOrBetter,
            &groups,
            &quarters,
        ),
        quarterly_chart(
            from,
            "Inadequate by legal status, quarter by quarter".into(),
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
            GoodOrBetter,
            &groups,
            &quarters,
        ),
        quarterly_chart(
            from,
            "Inadequate by area of practice, quarter by quarter".into(),
            Inadequate,
            &groups,
            &quarters,
        ),
    ]
}

/// `N of M (P%)` for the complement of a share (those who did not answer positively).
fn rest(m: &Measure) -> Option<String> {
    let d = m.denominator.filter(|d| *d > 0)?;
    let n = d.saturating_sub(m.numerator);
    Some(format!("{n} of {d} ({}%)", percent(n, d)?))
}

/// §3.5: views obtained and feedback, this period and quarter by quarter.
pub(super) fn feedback(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    let keys = [
        ChildViewsObtained,
        FamilyViewsObtained,
        ChildFeedbackPositive,
        FamilyFeedbackPositive,
    ];
    let mut blocks = vec![figures("Views and feedback", &s.measures, &keys)];
    for (key, who) in [
        (ChildFeedbackPositive, "children and young people"),
        (FamilyFeedbackPositive, "parents and carers"),
    ] {
        if let Some(text) = s.measures.get(&key).and_then(rest) {
            blocks.push(Block::Text(format!(
                "Of the {who} who gave feedback, {text} identified both strengths and areas for development."
            )));
        }
    }
    blocks.push(quarter_table(
        from,
        "Views and feedback quarter by quarter",
        &keys,
    ));
    blocks
}

/// Measures (rows) quarter by quarter (columns), rated where they have a target.
fn quarter_table(from: &Sources<'_>, caption: &str, keys: &[MeasureKey]) -> Block {
    let quarters = &from.snapshot.trend_by_quarter;
    let mut columns = vec!["Measure".to_string()];
    columns.extend(quarters.iter().map(|q| quarter_name(q, from.period)));
    Block::Table(Table {
        caption: caption.to_string(),
        columns,
        rows: keys
            .iter()
            .map(|key| {
                let mut row = vec![Cell::text(key.label())];
                row.extend(quarters.iter().map(|q| cell(q.measures.get(key))));
                row
            })
            .collect(),
    })
}

/// §3.7: the register's measures.
pub(super) fn cases_of_concern(from: &Sources<'_>) -> Vec<Block> {
    let m = &from.snapshot.measures;
    let n = |key| m.get(&key).map_or(0, |m: &Measure| m.numerator);
    let mut keys = vec![CasesOfConcern];
    keys.extend(MeasureKey::REGISTER);
    vec![
        Block::Text(format!(
            "In {}, {} Cases of Concern were raised with Heads of Service. {} children and young people are tracked until their concerns are resolved; {} of them for more than 12 months. Heads of Service gave {} updates: {} resolved, {} continuing.",
            from.period.words(),
            n(ConcernsRaised),
            n(ConcernsTracked),
            n(ConcernsOpenOver12Months),
            n(ConcernUpdates),
            n(ConcernsResolved),
            n(ConcernsContinuing)
        )),
        figures("Cases of Concern", m, &keys),
    ]
}

/// §4.1.1: the moderation measures and Table 1.
pub(super) fn moderator_effect(from: &Sources<'_>) -> Vec<Block> {
    let months = &from.moderators.months;
    let share = |m: &Measure| cell(Some(m));
    let table = Table {
        caption: "Moderator effect month by month (Table 1)".into(),
        columns: vec![
            "Month".into(),
            "Reviews moderated".into(),
            "Upgraded by moderators".into(),
            "Downgraded by moderators".into(),
            "Inadequate identified by moderators".into(),
        ],
        rows: months
            .iter()
            .map(|e| {
                vec![
                    Cell::text(Period::named(&e.month)),
                    Cell::text(e.moderated.to_string()),
                    share(&e.upgraded),
                    share(&e.downgraded),
                    share(&e.inadequate_identified),
                ]
            })
            .collect(),
    };
    vec![
        Block::Text("Upgraded, downgraded and agreed are out of the reviews moderated; inadequate identified by moderators is out of every review reported inadequate.".into()),
        figures(
            "Moderation",
            &from.snapshot.measures,
            &[
                ModerationUpgraded,
                ModerationDowngraded,
                ModerationAgreed,
                InadequateIdentifiedByModerators,
            ],
        ),
        Block::Table(table),
    ]
}

/// §4.1.2: the allocation funnel and teams audited, when an allocation file is given; the
/// nil returns by Head of Service.
pub(super) fn representation(from: &Sources<'_>) -> Vec<Block> {
    let m = &from.snapshot.measures;
    let unrecorded = Block::Text("The number of children open to Children's Social Care is not recorded by the form, so the audits' share of the service's activity is not shown.".into());
    if !m.contains_key(&AuditorsListed) {
        let mut blocks = vec![Block::Text(
            "No allocation file was given: the auditors allocated, the audits not submitted and the teams not audited need one."
                .into(),
        )];
        if m.contains_key(&AuditCompletionRate) {
            blocks.push(figures("Audit completion", m, &[AuditCompletionRate]));
        }
        blocks.push(unrecorded);
        return blocks;
    }
    let n = |key| m.get(&key).map_or(0, |m: &Measure| m.numerator);
    let rate = m
        .get(&AuditCompletionRate)
        .map(|r| r.value_text())
        .unwrap_or_default();
    let mut blocks = vec![
        Block::Text(format!(
            "{} audits were allocated in {} ({} month exemptions among them); {} were submitted and {} were not: a completion rate of {rate}. {} of the {} teams listed were not audited this month.",
            n(AuditsAllocated),
            from.period.words(),
            n(MonthExemptions),
            n(AuditsSubmitted),
            n(AuditsNotSubmitted),
            n(TeamsNotAudited),
            n(TeamsListed)
        )),
        figures("Allocation and completion", m, &MeasureKey::ALLOCATION),
    ];
    if !from.nil.is_empty() {
        blocks.push(Block::Table(Table {
            caption: "Nil returns (allocated audits not submitted) by Head of Service".into(),
            columns: vec![
                "Head of Service".into(),
                "Nil returns".into(),
                "Teams".into(),
            ],
            rows: from
                .nil
                .groups
                .iter()
                .map(|g| {
                    let mut teams: Vec<&str> = g.returns.iter().map(|r| r.team.as_str()).collect();
                    teams.dedup();
                    vec![
                        Cell::text(g.head_of_service.clone()),
                        Cell::text(g.returns.len().to_string()),
                        Cell::text(teams.join("; ")),
                    ]
                })
                .collect(),
        }));
    }
    blocks.push(unrecorded);
    blocks
}

/// §4.1.3: who took part, and why views were not obtained.
pub(super) fn participation(from: &Sources<'_>) -> Vec<Block> {
    let m = &from.snapshot.measures;
    let involved = [
        SocialWorkerInvolved,
        TeamManagerInvolved,
        IroOrCpChairInvolved,
    ];
    vec![
        figures("Who took part", m, &involved),
        quarter_table(from, "Who took part, quarter by quarter", &involved),
        figures(
            "Why views were not obtained (out of those not obtained)",
            m,
            &[
                ChildViewsNotObtainedInappropriate,
                ChildViewsNotObtainedUnreachable,
                ChildViewsNotObtainedDeclined,
                FamilyViewsNotObtainedInappropriate,
                FamilyViewsNotObtainedUnreachable,
                FamilyViewsNotObtainedDeclined,
            ],
        ),
    ]
}

/// §4.1.4: the follow-through window's measures and the actions as of the as-of date.
pub(super) fn impact(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    let (first, last) = window(from.period);
    vec![
        Block::Text(format!(
            "The actions of the reviews of {} to {} (the last three auditing months), judged as of {}; the backlog is the reviews before {}.",
            day(first),
            day(last),
            day(s.as_of),
            day(first)
        )),
        figures("Impact from audit", &s.measures, &MeasureKey::WINDOW),
        figures(
            &format!(
                "Actions of {}'s reviews due by {}",
                from.period.words(),
                day(s.as_of)
            ),
            &s.measures,
            &[ActionsCompletedOnTime, ActionsOverdue],
        ),
        Block::Text("Care plans amended and actions completed because of learning from audit over six months are not recorded by the form, so they are not shown.".into()),
    ]
}
