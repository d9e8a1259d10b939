//! The snapshot as JSON (the contract), CSV (one row per measure) and a text report in the
//! order of the QA service's Performance Snapshot.

use std::fmt::Write;

use super::measure::{Direction, Measure, MeasureKey};
use super::period::Period;
use super::report::{PeriodMeasures, Snapshot};
use super::tally::Measures;
use plr_core::ambassadors::FINDINGS;

/// Pretty JSON, ending with a newline.
pub fn to_json(snapshot: &Snapshot) -> String {
    let mut text = serde_json::to_string_pretty(snapshot).unwrap_or_default();
    text.push('\n');
    text
}

/// `measure,numerator,denominator,percent,target,rag`, one row per measure of the period.
pub fn to_csv(snapshot: &Snapshot) -> String {
    let mut out = String::from("measure,numerator,denominator,percent,target,rag\n");
    let cell = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    for (key, m) in &snapshot.measures {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            key.key(),
            m.numerator,
            cell(m.denominator),
            cell(m.percent),
            m.target.map(|t| t.label()).unwrap_or_default(),
            m.rag.map(|r| r.key()).unwrap_or_default()
        );
    }
    out
}

impl MeasureKey {
    /// What the measure is, for people to read.
    pub fn label(self) -> &'static str {
        use MeasureKey::*;
        match self {
            AuditsCompleted => "Audits completed",
            AuditCompletionRate => "Audit completion rate",
            AuditorsListed => "Auditors listed",
            AuditorsAvailable => "Auditors available (not standing exemptions)",
            AuditsAllocated => "Audits allocated (month exemptions included)",
            MonthExemptions => "Month exemptions",
            AuditsSubmitted => "Audits submitted",
            AuditsNotSubmitted => "Audits not submitted (nil returns)",
            TeamsListed => "Teams listed",
            TeamsNotAudited => "Teams not audited this month",
            TeamsAudited0 => "Teams not audited in three months",
            TeamsAudited1 => "Teams audited once in three months",
            TeamsAudited2OrMore => "Teams audited twice or more in three months",
            Outstanding => "Outstanding",
            Good => "Good",
            RequiresImprovement => "Requires improvement (both bands)",
            LowerEndRequiresImprovement => "Lower end of requires improvement",
            Inadequate => "Inadequate",
            GoodOrBetter => "Good or better",
            WeakerPractice => "Weaker practice (lower-end RI or inadequate)",
            SocialWorkerInvolved => "Social worker involved",
            TeamManagerInvolved => "Team manager involved",
            IroOrCpChairInvolved => "IRO / CP Chair involved (where allocated)",
            ChildViewsObtained => "Child's views obtained (aged 4+)",
            FamilyViewsObtained => "Family's views obtained",
            ChildViewsNotObtainedInappropriate => "Child: not obtained, inappropriate",
            ChildViewsNotObtainedUnreachable => "Child: not obtained, unreachable",
            ChildViewsNotObtainedDeclined => "Child: not obtained, declined",
            FamilyViewsNotObtainedInappropriate => "Family: not obtained, inappropriate",
            FamilyViewsNotObtainedUnreachable => "Family: not obtained, unreachable",
            FamilyViewsNotObtainedDeclined => "Family: not obtained, declined",
            ChildFeedbackPositive => "Child's feedback positive",
            FamilyFeedbackPositive => "Family's feedback positive",
            AmbassadorsReviewed => "Reviews the Ambassadors reviewed",
            AmbassadorsRelationship => FINDINGS[0].short,
            AmbassadorsChildFocusedSummary => FINDINGS[1].short,
            AmbassadorsChildsViews => FINDINGS[2].short,
            AmbassadorsAboutTheChild => FINDINGS[3].short,
            AmbassadorsLanguageAndDecisions => FINDINGS[4].short,
            ModerationUpgraded => "Upgraded by moderation",
            ModerationDowngraded => "Downgraded by moderation",
            ModerationAgreed => "Agreed by moderation",
            InadequateIdentifiedByModerators => "Inadequate identified by moderators",
            ActionsCompletedOnTime => "Actions completed on time",
            ActionsOverdue => "Actions overdue",
            CasesOfConcern => "Cases of concern",
            ConcernsRaised => "Cases of Concern raised",
            ConcernsSharedInTime => "Shared with the Head of Service in time",
            ConcernsTracked => "Cases of Concern tracked",
            ConcernsOpenOver12Months => "Tracked, open over 12 months",
            ConcernUpdates => "Head of Service updates",
            ConcernsResolved => "Resolved",
            ConcernsContinuing => "Updated, not resolved",
            ConcernsWithoutUpdate => "Tracked from before, no update this period",
            PlrsInWindow => "Reviews in the follow-through window",
            CarePlanningPlrs => "Reviews with a care-planning action",
            CarePlanningTransferredOnTime => "Care planning: transferred on time",
            CarePlanningTransferredLate => "Care planning: transferred late",
            CarePlanningNoUpdate => "Care planning: no update",
            CarePlanningNotYetTransferred => "Care planning: not yet transferred",
            OtherActionsCompletedOnTime => "Other actions: completed on time",
            OtherActionsCompletedLate => "Other actions: completed late",
            OtherActionsOverdue => "Other actions: overdue",
            OtherActionsNotYetDue => "Other actions: not yet due",
            OtherActionsNoUpdate => "Other actions: no update",
            CarePlanningBacklog => "Backlog: reviews with care planning outstanding",
            OtherActionsBacklog => "Backlog: other actions overdue or without update",
            ServiceEnded => "Reviews with an action whose service ended",
        }
    }
}

impl Measure {
    /// The value as shown: `35` for a count, `29%`, or `–` when the denominator is 0.
    pub fn value_text(&self) -> String {
        shown(
            if self.denominator.is_none() {
                Some(self.numerator)
            } else {
                self.percent
            },
            self.denominator.is_none(),
        )
    }

    /// `10 of 35` for a share (empty for a count).
    pub fn of_text(&self) -> String {
        self.denominator
            .map(|d| format!("{} of {d}", self.numerator))
            .unwrap_or_default()
    }

    /// The direction of travel in words: `rose from 26% in Q3 21/22` (empty with no
    /// previous period).
    pub fn direction_text(&self) -> String {
        direction(self)
    }
}

/// `35`, `29% (10 of 35)` or `– (0 of 0)`.
fn value(m: &Measure) -> String {
    match (m.denominator, m.percent) {
        (None, _) => m.numerator.to_string(),
        (Some(d), Some(p)) => format!("{p}% ({} of {d})", m.numerator),
        (Some(d), None) => format!("– ({} of {d})", m.numerator),
    }
}

fn shown(v: Option<u32>, count: bool) -> String {
    match v {
        Some(v) if count => v.to_string(),
        Some(v) => format!("{v}%"),
        None => "–".to_string(),
    }
}

/// `fell from 44 in June 2022`, or `no comparison with June 2022 (–)`.
fn direction(m: &Measure) -> String {
    let Some(p) = &m.previous else {
        return String::new();
    };
    let count = m.denominator.is_none();
    let before = shown(if count { Some(p.numerator) } else { p.percent }, count);
    let period = Period::named(&p.period);
    match p.direction {
        Some(Direction::Rose) => format!("rose from {before} in {period}"),
        Some(Direction::Fell) => format!("fell from {before} in {period}"),
        Some(Direction::Unchanged) => format!("unchanged from {before} in {period}"),
        None => format!("no comparison with {period} ({before})"),
    }
}

fn section(out: &mut String, title: &str, measures: &Measures, keys: &[MeasureKey]) {
    let _ = writeln!(out, "\n{title}");
    for key in keys {
        let Some(m) = measures.get(key) else { continue };
        let rag = m.rag.map_or("", |r| r.label());
        let target = m
            .target
            .map(|t| format!("target {}", t.words(m.denominator.is_none())))
            .unwrap_or_default();
        let line = format!(
            "  {rag:<6} {:<46} {:<16} {target:<20} {}",
            key.label(),
            value(m),
            direction(m)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn trend(ps: &[PeriodMeasures]) -> Vec<(String, u32, &Measures)> {
    ps.iter()
        .map(|p| (p.period.clone(), p.plrs, &p.measures))
        .collect()
}

fn grade_table(out: &mut String, title: &str, rows: Vec<(String, u32, &Measures)>) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    let _ = writeln!(
        out,
        "  {:<34} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7}",
        "", "PLRs", "Out", "Good", "RI", "Low", "Inad", "Good+"
    );
    for (name, plrs, m) in rows {
        let p = |k: MeasureKey| shown(m.get(&k).and_then(|m| m.percent), false);
        use MeasureKey::*;
        let _ = writeln!(
            out,
            "  {name:<34} {plrs:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7}",
            p(Outstanding),
            p(Good),
            p(RequiresImprovement),
            p(LowerEndRequiresImprovement),
            p(Inadequate),
            p(GoodOrBetter)
        );
    }
}

/// A readable report: headline figures with RAG and direction of travel, then grades (with
/// trends and breakdowns), participation, moderation, actions and cases of concern.
pub fn to_text(s: &Snapshot) -> String {
    use MeasureKey::*;
    let mut out = format!(
        "Performance Snapshot {} ({} to {}), actions as of {}\n",
        s.period, s.from, s.to, s.as_of
    );
    if let Some(team) = &s.filters.team {
        let _ = writeln!(out, "Team: {team}");
    }
    if let Some(status) = s.filters.legal_status {
        let _ = writeln!(out, "Legal status: {}", status.label());
    }
    let _ = writeln!(
        out,
        "{} PLRs counted; {} drafts ignored; {} duplicates merged; {} files rejected; {} files skipped (not PLR exports)",
        s.plrs, s.drafts_ignored, s.duplicates_merged, s.rejected_files, s.skipped_files
    );
    let headline = [
        AuditsCompleted,
        AuditCompletionRate,
        GoodOrBetter,
        RequiresImprovement,
        Inadequate,
        ActionsCompletedOnTime,
        ChildViewsObtained,
        FamilyViewsObtained,
        SocialWorkerInvolved,
        TeamManagerInvolved,
        IroOrCpChairInvolved,
        CasesOfConcern,
    ];
    section(&mut out, "Headline figures", &s.measures, &headline);
    // Only from an allocation file (a number allocated gives the headline's rate alone).
    if s.measures.contains_key(&AuditorsListed) {
        section(
            &mut out,
            "Allocation and representation",
            &s.measures,
            &MeasureKey::ALLOCATION,
        );
    }
    section(&mut out, "Grades", &s.measures, &MeasureKey::GRADES);
    grade_table(&mut out, "Grades month by month", trend(&s.by_month));
    if let Some(quarters) = &s.by_quarter {
        grade_table(&mut out, "Grades quarter by quarter", trend(quarters));
    }
    grade_table(
        &mut out,
        "Grades by legal status",
        s.by_legal_status
            .iter()
            .map(|b| (b.legal_status.label().to_string(), b.plrs, &b.measures))
            .collect(),
    );
    grade_table(
        &mut out,
        "Grades by team",
        s.by_team
            .iter()
            .map(|b| (b.team.clone(), b.plrs, &b.measures))
            .collect(),
    );
    grade_table(
        &mut out,
        "Practice areas (bands)",
        s.by_practice_area
            .iter()
            .map(|a| {
                (
                    a.title.clone().unwrap_or_else(|| a.area.clone()),
                    a.assessed,
                    &a.measures,
                )
            })
            .collect(),
    );
    if !s.teams_merged.is_empty() {
        let _ = writeln!(
            out,
            "\nTeam names merged (compared ignoring case and spaces)"
        );
    }
    for merged in &s.teams_merged {
        let _ = writeln!(
            out,
            "  Team \"{}\" also written as: {}",
            merged.team,
            merged.spellings[1..]
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let [child_inappropriate, child_unreachable, child_declined, family_inappropriate, family_unreachable, family_declined] =
        MeasureKey::VIEWS_NOT_OBTAINED;
    let participation = [
        SocialWorkerInvolved,
        TeamManagerInvolved,
        IroOrCpChairInvolved,
        ChildViewsObtained,
        child_inappropriate,
        child_unreachable,
        child_declined,
        FamilyViewsObtained,
        family_inappropriate,
        family_unreachable,
        family_declined,
        ChildFeedbackPositive,
        FamilyFeedbackPositive,
    ];
    section(&mut out, "Participation", &s.measures, &participation);
    if s.measures.contains_key(&AmbassadorsReviewed) {
        section(
            &mut out,
            "The young people's Ambassadors' review (out of the reviews they reviewed)",
            &s.measures,
            &MeasureKey::AMBASSADORS,
        );
    }
    let moderation = [
        ModerationUpgraded,
        ModerationDowngraded,
        ModerationAgreed,
        InadequateIdentifiedByModerators,
    ];
    section(
        &mut out,
        "Moderation (out of reviews moderated; inadequate identified out of reviews reported inadequate)",
        &s.measures,
        &moderation,
    );
    section(
        &mut out,
        "Actions",
        &s.measures,
        &[ActionsCompletedOnTime, ActionsOverdue],
    );
    let mut concerns = vec![CasesOfConcern];
    concerns.extend(MeasureKey::REGISTER);
    section(&mut out, "Cases of concern", &s.measures, &concerns);
    section(
        &mut out,
        "Impact from audit",
        &s.measures,
        &MeasureKey::WINDOW,
    );
    for c in &s.concerns {
        let date = c.review_date.map(|d| d.to_string()).unwrap_or_default();
        let grade = c.reported_grade.map_or("no grade", |g| g.label());
        let flag = if c.immediate_concern {
            ", immediate concern"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {date} {} ({}): {grade}{flag} [{}]",
            c.child_ref, c.team, c.id
        );
    }
    if !s.rejected.is_empty() {
        let _ = writeln!(out, "\nRejected files");
        for r in &s.rejected {
            for p in &r.problems {
                let _ = writeln!(out, "  {}: {}: {}", r.file, p.path, p.message);
            }
        }
    }
    out
}
