//! The monthly QA report (`qa-month.md` §4): seed 003's "How are we doing?" written for a
//! period from what the snapshot computes, as a document of sections, each a list of
//! blocks (sentences, tables of measures, tables, charts with their data), rendered to a
//! self-contained, printable HTML page ([`MonthlyReport::to_html`]) or to Markdown
//! ([`MonthlyReport::to_markdown`]).
//!
//! Every figure is a [`Measure`] of the [`Snapshot`], of [`moderator_effect`] or of
//! [`nil_returns`] for the same options, never counted again here: the report's numbers are
//! `plr snapshot`'s. A section is a [`SectionKind`]; [`SectionKind::ORDER`] is the report's
//! order, and [`SectionKind::blocks`] says what each holds, so a section is added with a
//! variant, its place in the order and its arm.

mod html;
mod markdown;
mod sections;
mod service;
#[cfg(test)]
mod tests;

pub use html::REPORT_CSS;

use chrono::NaiveDate;

use super::measure::{Measure, MeasureKey, Rag};
use super::moderators::{moderator_effect, ModeratorEffect};
use super::period::Period;
use super::report::Snapshot;
use super::representation::{nil_returns, NilReturns};
use super::{Options, SnapshotBuilder};

/// A section of the report, in seed 003's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Audits completed against the baseline, the grades and their trend (seed 003 §3.1).
    CoreActivity,
    /// Grades by the child's legal status (§3.2).
    LegalStatus,
    /// Grades by team (§3.3).
    Teams,
    /// Bands by area of practice (§3.4).
    PracticeAreas,
    /// Children's and families' views and feedback (§3.5).
    Feedback,
    /// The young people's Ambassadors' findings (§3.6).
    Ambassadors,
    /// Cases of Concern raised, tracked and resolved (§3.7).
    CasesOfConcern,
    /// The moderator effect, Table 1 (§4.1.1).
    ModeratorEffect,
    /// Allocation, completion and teams audited (§4.1.2).
    Representation,
    /// Who took part in the audits (§4.1.3).
    Participation,
    /// Actions followed through (§4.1.4).
    Impact,
}

impl SectionKind {
    /// The sections in the report's order (seed 003's).
    pub const ORDER: [SectionKind; 11] = [
        SectionKind::CoreActivity,
        SectionKind::LegalStatus,
        SectionKind::Teams,
        SectionKind::PracticeAreas,
        SectionKind::Feedback,
        SectionKind::Ambassadors,
        SectionKind::CasesOfConcern,
        SectionKind::ModeratorEffect,
        SectionKind::Representation,
        SectionKind::Participation,
        SectionKind::Impact,
    ];

    /// The section's heading.
    pub fn heading(self) -> &'static str {
        match self {
            SectionKind::CoreActivity => "Core audit activity",
            SectionKind::LegalStatus => "Audit ratings by legal status",
            SectionKind::Teams => "Audit ratings by team",
            SectionKind::PracticeAreas => "Audit ratings by area of practice",
            SectionKind::Feedback => "Children's and families' feedback",
            SectionKind::Ambassadors => "The young people's Ambassadors' review",
            SectionKind::CasesOfConcern => "Cases of Concern",
            SectionKind::ModeratorEffect => "Moderator effect",
            SectionKind::Representation => "Representation",
            SectionKind::Participation => "Participative auditing",
            SectionKind::Impact => "Impact from audit",
        }
    }

    /// The section's anchor in the HTML (`report-` and a slug).
    pub fn anchor(self) -> &'static str {
        match self {
            SectionKind::CoreActivity => "report-core-activity",
            SectionKind::LegalStatus => "report-legal-status",
            SectionKind::Teams => "report-teams",
            SectionKind::PracticeAreas => "report-practice-areas",
            SectionKind::Feedback => "report-feedback",
            SectionKind::Ambassadors => "report-ambassadors",
            SectionKind::CasesOfConcern => "report-cases-of-concern",
            SectionKind::ModeratorEffect => "report-moderator-effect",
            SectionKind::Representation => "report-representation",
            SectionKind::Participation => "report-participation",
            SectionKind::Impact => "report-impact",
        }
    }

    /// What the section holds, from the report's sources.
    fn blocks(self, from: &Sources<'_>) -> Vec<Block> {
        match self {
            SectionKind::CoreActivity => sections::core_activity(from),
            SectionKind::LegalStatus => sections::legal_status(from),
            SectionKind::Teams => sections::teams(from),
            SectionKind::PracticeAreas => sections::practice_areas(from),
            SectionKind::Feedback => service::feedback(from),
            SectionKind::Ambassadors => service::ambassadors(from),
            SectionKind::CasesOfConcern => service::cases_of_concern(from),
            SectionKind::ModeratorEffect => service::moderator_effect(from),
            SectionKind::Representation => service::representation(from),
            SectionKind::Participation => service::participation(from),
            SectionKind::Impact => service::impact(from),
        }
    }
}

/// One row of a table of measures: what it is, and the measure (value, target, RAG, the
/// previous period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The measure's key (`data-measure` in the HTML).
    pub key: MeasureKey,
    /// What it is, in words.
    pub label: String,
    /// The measure as the snapshot gives it.
    pub measure: Measure,
}

/// A cell of a table: its text and, where it is rated against a target, the rating.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The text shown.
    pub text: String,
    /// Red, amber or green, when rated.
    pub rag: Option<Rag>,
}

impl Cell {
    /// A cell of text, not rated.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            rag: None,
        }
    }
}

/// A table: a caption, column headings, and rows whose first cell heads the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// One series of a chart: its name and a value for each category (`None`: no value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The legend's name.
    pub name: String,
    /// One value a category.
    pub values: Vec<Option<u32>>,
}

/// A column chart (grouped by category), drawn in SVG, with its text alternative: a
/// description, and its figures as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The chart's title (and its table's caption).
    pub title: String,
    /// The groups along the bottom (periods, legal statuses ...).
    pub categories: Vec<String>,
    /// What a series is (the heading of its table's first column): `Legal status`.
    pub series_heading: String,
    /// The series, one column each in every group.
    pub series: Vec<Series>,
    /// Whether the values are percentages (else counts).
    pub percent: bool,
    /// A level drawn across the chart: its name and value (a target, a baseline).
    pub level: Option<(String, u32)>,
    /// Whether its figures follow it as a table (not when a table beside it holds them).
    pub table: bool,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// Measures with value, target, RAG and the previous period.
    Figures {
        /// What the table shows.
        caption: String,
        /// Its rows.
        rows: Vec<Figure>,
    },
    /// A table of figures already in words.
    Table(Table),
    /// A chart and its data.
    Chart(Chart),
}

/// A section: its kind (heading, anchor) and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which section.
    pub kind: SectionKind,
    /// Its paragraphs, tables and charts.
    pub blocks: Vec<Block>,
}

/// The monthly QA report of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyReport {
    /// The document's title: `Monthly QA report: July 2022`.
    pub title: String,
    /// What was counted: the period's dates, the as-of date, the reviews and files, the
    /// filters.
    pub about: Vec<String>,
    /// The sections, in [`SectionKind::ORDER`].
    pub sections: Vec<Section>,
}

/// What a report is written from: the snapshot and the reports beside it, for one period
/// and the same options.
struct Sources<'a> {
    snapshot: &'a Snapshot,
    period: Period,
    builder: &'a SnapshotBuilder,
    options: &'a Options,
    moderators: ModeratorEffect,
    nil: NilReturns,
}

impl MonthlyReport {
    /// The report for `options`, from the reviews in `builder`.
    pub fn new(builder: &SnapshotBuilder, options: &Options) -> MonthlyReport {
        MonthlyReport::of(builder, options, &builder.finish(options))
    }

    /// The report for `options`, given the snapshot `builder.finish(options)` already made
    /// (the dashboard keeps one).
    pub fn of(builder: &SnapshotBuilder, options: &Options, snapshot: &Snapshot) -> MonthlyReport {
        let period = Period::parse(&snapshot.period).unwrap_or(Period::month_of(snapshot.to));
        let resolved = Options {
            period: Some(period),
            ..options.clone()
        };
        let sources = Sources {
            snapshot,
            period,
            builder,
            options: &resolved,
            moderators: moderator_effect(builder, &resolved),
            nil: nil_returns(builder, &resolved),
        };
        let title = match period {
            Period::Month(..) => format!("Monthly QA report: {}", period.words()),
            _ => format!("QA report: {}", snapshot.period),
        };
        MonthlyReport {
            title,
            about: sections::about(&sources),
            sections: SectionKind::ORDER
                .iter()
                .map(|kind| Section {
                    kind: *kind,
                    blocks: kind.blocks(&sources),
                })
                .collect(),
        }
    }

    /// The section headings, in order.
    pub fn headings(&self) -> Vec<&'static str> {
        self.sections.iter().map(|s| s.kind.heading()).collect()
    }
}

/// `1 August 2022`.
fn day(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
