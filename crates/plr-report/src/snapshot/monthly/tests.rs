//! The monthly report on seed 003's July 2022 batch and its allocation (as exported and
//! imported back), against the figures `qa-month.md` and `followthrough.md` fix.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::generate::seed_003;
use crate::snapshot::Allocation;
use plr_core::export::export_json;
use plr_core::framework::Framework;
use plr_core::import::import;

fn july(allocation: bool) -> (SnapshotBuilder, Options) {
    let framework = Framework::practice_fundamentals();
    let mut builder = SnapshotBuilder::new();
    for (n, plr) in seed_003::july_2022().iter().enumerate() {
        let file = export_json(plr, framework).unwrap();
        builder.add(&import(file.as_bytes()).unwrap().plr, &format!("{n}.json"));
    }
    let options = Options {
        period: Some(Period::parse("2022-07").unwrap()),
        allocation: allocation.then(|| {
            Arc::new(Allocation::read(
                seed_003::july_2022_allocation().as_bytes(),
            ))
        }),
        ..Options::new(NaiveDate::from_ymd_opt(2022, 8, 10).unwrap())
    };
    (builder, options)
}

/// The section of `html` that `kind` heads (up to the next section).
fn section_html(html: &str, kind: SectionKind) -> &str {
    let start = html
        .find(&format!("<section id=\"{}\"", kind.anchor()))
        .unwrap();
    let end = html[start..].find("</section>").unwrap();
    &html[start..start + end]
}

/// The value cell of measure `key` in `html`: `data-measure="key">VALUE<`.
fn value_of<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let marker = format!("data-measure=\"{key}\">");
    let start = html.find(&marker)? + marker.len();
    Some(&html[start..start + html[start..].find('<')?])
}

#[test]
fn the_sections_follow_seed_003s_how_are_we_doing_in_order() {
    let (builder, options) = july(true);
    let report = MonthlyReport::new(&builder, &options);
    assert_eq!(report.title, "Monthly QA report: July 2022");
    assert_eq!(
        report.headings(),
        [
            "Core audit activity",
            "Audit ratings by legal status",
            "Audit ratings by team",
            "Audit ratings by area of practice",
            "Children's and families' feedback",
            "The young people's Ambassadors' review",
            "Cases of Concern",
            "Moderator effect",
            "Representation",
            "Participative auditing",
            "Impact from audit",
        ]
    );
    // The same order in both renderings.
    let html = report.to_html();
    let md = report.to_markdown();
    let (mut at_html, mut at_md) = (0, 0);
    for heading in report.headings() {
        let h2 = format!(">{}</h2>", html::escape(heading));
        at_html += html[at_html..].find(&h2).expect(heading);
        let h2 = format!("\n## {}\n", heading);
        at_md += md[at_md..].find(&h2).expect(heading);
    }
}

#[test]
fn seed_003_july_2022s_figures_are_in_their_sections_with_target_rating_and_previous_period() {
    let (builder, options) = july(true);
    let html = MonthlyReport::new(&builder, &options).to_html();
    let representation = section_html(&html, SectionKind::Representation);
    assert_eq!(value_of(representation, "audits_allocated"), Some("53"));
    assert_eq!(value_of(representation, "month_exemptions"), Some("10"));
    assert_eq!(value_of(representation, "audits_not_submitted"), Some("7"));
    assert!(representation.contains("data-measure=\"audit_completion_rate\">68%</td><td>36 of 53</td><td>at least 90%</td><td><span class=\"rag rag--red\">Red</span>"), "{representation}");
    assert!(representation.contains("data-measure=\"teams_not_audited\">36%</td><td>16 of 44</td>"));
    assert!(representation.contains("16 of the 44 teams listed were not audited this month."));
    assert!(representation.contains("<th scope=\"row\">R. Osei</th><td>2</td><td>Youth Support South; Disabled Children West</td>"));
    // Not in another section.
    assert_eq!(
        value_of(
            section_html(&html, SectionKind::CoreActivity),
            "audits_allocated"
        ),
        None
    );

    let core = section_html(&html, SectionKind::CoreActivity);
    assert!(core.contains("data-measure=\"audits_completed\">37</td><td></td><td>at least 45</td><td><span class=\"rag rag--red\">Red</span></td><td>fell from 40 in June 2022</td>"), "{core}");
    assert!(core.contains("data-measure=\"good_or_better\">35%</td><td>13 of 37</td><td>at least 50%</td><td><span class=\"rag rag--red\">Red</span></td><td>fell from 38% in June 2022</td>"));
    // The rolling 12 months (Table 2): August 2021 to July 2022, with the average.
    assert!(core.contains("<th scope=\"col\">Aug 21</th>"));
    assert!(
        core.contains("<td>42</td><td>40</td><td>37</td><td>19</td></tr>"),
        "{core}"
    );

    // qa-month.md §3: the Ambassadors' July beside June, and the month-by-month table.
    let ambassadors = section_html(&html, SectionKind::Ambassadors);
    assert_eq!(value_of(ambassadors, "ambassadors_reviewed"), Some("10"));
    assert!(ambassadors.contains("data-measure=\"ambassadors_relationship\">80%</td><td>8 of 10</td><td></td><td></td><td>rose from 70% in June 2022</td>"), "{ambassadors}");
    assert!(ambassadors.contains("<th scope=\"row\">Case summary focused on the child</th><td>60%</td><td>50%</td><td>50%</td><td>90%</td>"), "{ambassadors}");

    let concerns = section_html(&html, SectionKind::CasesOfConcern);
    for (key, value) in [
        ("concerns_raised", "3"),
        ("concerns_tracked", "53"),
        ("concerns_open_over_12_months", "7"),
        ("concerns_resolved", "2"),
    ] {
        assert_eq!(value_of(concerns, key), Some(value), "{key}");
    }
    let impact = section_html(&html, SectionKind::Impact);
    for (key, value) in [
        ("plrs_in_window", "119"),
        ("care_planning_plrs", "86"),
        ("care_planning_no_update", "55%"),
        ("other_actions_overdue", "25%"),
        ("care_planning_backlog", "123"),
        ("other_actions_backlog", "169"),
    ] {
        assert_eq!(value_of(impact, key), Some(value), "{key}");
    }
    assert!(impact.contains("The actions of the reviews of 1 May 2022 to 31 July 2022"));
    let moderation = section_html(&html, SectionKind::ModeratorEffect);
    // Seed 003's Table 1 for July: 35 moderated, 3% upgraded, 49% downgraded (from 23% in
    // June), 100% of inadequate practice identified by moderators.
    assert!(
        moderation.contains(
            "<th scope=\"row\">July 2022</th><td>35</td><td>3%</td><td>49%</td><td>100%</td>"
        ),
        "{moderation}"
    );
    assert!(
        moderation.contains(
            "<th scope=\"row\">June 2022</th><td>35</td><td>0%</td><td>23%</td><td>75%</td>"
        ),
        "{moderation}"
    );
    assert!(
        moderation.contains("data-measure=\"moderation_downgraded\">49%</td><td>17 of 35</td><td></td><td></td><td>rose from 23% in June 2022</td>"),
        "{moderation}"
    );
    let participation = section_html(&html, SectionKind::Participation);
    assert!(participation.contains("data-measure=\"iro_or_cp_chair_involved\">90%</td><td>19 of 21</td><td>at least 95%</td><td><span class=\"rag rag--amber\">Amber</span></td><td>unchanged from 90% in June 2022</td>"));
}

#[test]
fn every_figure_is_the_snapshots_own() {
    let (builder, options) = july(true);
    let snapshot = builder.finish(&options);
    let html = MonthlyReport::of(&builder, &options, &snapshot).to_html();
    let mut shown = 0;
    for (key, measure) in &snapshot.measures {
        if let Some(value) = value_of(&html, &key.key()) {
            assert_eq!(value, measure.value_text(), "{key:?}");
            shown += 1;
        }
    }
    assert_eq!(
        shown,
        snapshot.measures.len(),
        "every measure of the snapshot is in the report"
    );
}

#[test]
fn without_an_allocation_file_representation_says_what_it_needs_and_invents_nothing() {
    let (builder, options) = july(false);
    let report = MonthlyReport::new(&builder, &options);
    let html = report.to_html();
    let representation = section_html(&html, SectionKind::Representation);
    assert!(representation.contains("No allocation file was given"));
    assert_eq!(value_of(representation, "audits_allocated"), None);
    assert!(report.to_markdown().contains("is not recorded by the form"));
}

#[test]
fn the_html_is_self_contained_printable_on_a4_and_its_charts_have_text_alternatives() {
    let (builder, options) = july(true);
    let html = MonthlyReport::new(&builder, &options).to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(
        !html.contains("<th scope=\"col\"></th>"),
        "every column is headed"
    );
    for external in [
        "http:", "https:", "<script", "src=", "url(", "<link", "@import",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    let charts = html.matches("<svg class=\"report__chart\"").count();
    assert_eq!(
        charts, 6,
        "the 12 months, the grades' quarters, and two each by legal status and area"
    );
    assert_eq!(
        html.matches("role=\"img\" aria-labelledby=").count(),
        charts
    );
    assert_eq!(html.matches("<desc id=").count(), charts);
    // Each chart keeps its text's size on a phone (no viewBox scales it) and has a legend.
    assert!(!html.contains("viewBox"));
    assert_eq!(
        html.matches("<ul class=\"report__legend\" aria-hidden=\"true\"><li>")
            .count(),
        charts
    );
    assert!(html.contains("<desc id=\"report-legal-status-1-desc\">Column chart. Assessment: Q3 21/22 0%, Q4 21/22 14%, Q1 22/23 30%, Q2 22/23 (to date) 0%;"));
}

#[test]
fn text_from_files_is_escaped_in_html_and_markdown() {
    let (mut builder, options) = july(false);
    let mut plr = seed_003::july_2022()
        .into_iter()
        .find(|p| {
            p.review
                .date
                .is_some_and(|d| (d.year(), d.month()) == (2022, 7))
        })
        .unwrap();
    plr.id = plr_core::model::PlrId(uuid::Uuid::from_u128(7));
    plr.case.team = "<b>A&B</b> | *Team*".into();
    builder.add(&plr, "odd.json");
    let report = MonthlyReport::new(&builder, &options);
    let html = report.to_html();
    assert!(html.contains("<th scope=\"row\">&lt;b&gt;A&amp;B&lt;/b&gt; | *Team*</th>"));
    assert!(!html.contains("<b>A&B"));
    let md = report.to_markdown();
    let line = md
        .lines()
        .find(|l| l.contains("Team\\*"))
        .unwrap_or_default();
    assert!(
        line.starts_with("| \\<b\\>A&B\\</b\\> \\| \\*Team\\* |"),
        "{line}"
    );
}
