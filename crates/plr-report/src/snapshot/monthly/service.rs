//! What the service's sections hold (feedback, Cases of Concern, moderator effect,
//! representation, participative auditing, impact from audit): the snapshot's measures, the
//! moderator effect's Table 1 and the nil returns, with a sentence where seed 003 writes one,
//! and what the form does not record said so.

use super::sections::{cell, figures, quarter_name};
use super::{day, Block, Cell, Sources, Table};
use crate::snapshot::measure::{percent, Measure, MeasureKey};
use crate::snapshot::period::Period;
use crate::snapshot::report::PeriodMeasures;
use crate::snapshot::window::window;

use MeasureKey::*;

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
    let names = quarters.iter().map(|q| quarter_name(q, from.period));
    trend_table(caption, "Measure", quarters, names, keys)
}

/// Measures (rows) over `periods` (columns, headed `names`), rated where they have a target.
fn trend_table(
    caption: &str,
    first: &str,
    periods: &[PeriodMeasures],
    names: impl Iterator<Item = String>,
    keys: &[MeasureKey],
) -> Block {
    let mut columns = vec![first.to_string()];
    columns.extend(names);
    Block::Table(Table {
        caption: caption.to_string(),
        columns,
        rows: keys
            .iter()
            .map(|key| {
                let mut row = vec![Cell::text(key.label())];
                row.extend(periods.iter().map(|p| cell(p.measures.get(key))));
                row
            })
            .collect(),
    })
}

/// §3.6: the Ambassadors' findings this period, each finding's share in the period's months
/// and the three before them ([`crate::snapshot::ambassadors_months`]), and their questions.
pub(super) fn ambassadors(from: &Sources<'_>) -> Vec<Block> {
    let s = from.snapshot;
    if !s.measures.contains_key(&AmbassadorsReviewed) {
        return vec![Block::Text(
            "No loaded review has an Ambassadors' review.".to_string(),
        )];
    }
    let months = crate::snapshot::ambassadors_months(s);
    let table = trend_table(
        "The Ambassadors' findings month by month",
        "Finding",
        months,
        months.iter().map(|m| Period::named(&m.period)),
        &MeasureKey::AMBASSADORS,
    );
    let questions = plr_core::ambassadors::FINDINGS
        .iter()
        .map(|f| format!("{}: {}", f.short, f.question))
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        figures(
            "The Ambassadors' findings (out of the reviews they reviewed)",
            &s.measures,
            &MeasureKey::AMBASSADORS,
        ),
        table,
        Block::Text(format!(
            "A review counts in the month the Ambassadors reviewed it. Their questions: {questions}"
        )),
    ]
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
            &MeasureKey::VIEWS_NOT_OBTAINED,
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
