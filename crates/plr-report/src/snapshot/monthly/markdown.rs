//! The report as Markdown (GitHub's tables): the same sections, tables and figures as the
//! HTML; a chart is given as its table of figures.

use std::fmt::Write;

use super::{Block, Cell, Figure, MonthlyReport, Table};

/// `text` safe in a Markdown table cell or paragraph: Markdown's markup characters escaped,
/// line breaks as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {c} |");
    }
    out.push('\n');
}

fn cell(c: &Cell) -> String {
    match c.rag {
        Some(rag) => format!("{} ({})", escape(&c.text), rag.label()),
        None => escape(&c.text),
    }
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "**{}**\n", escape(&t.caption));
    row(out, t.columns.iter().map(|c| escape(c)));
    row(out, t.columns.iter().map(|_| "---".to_string()));
    for r in &t.rows {
        row(out, r.iter().map(cell));
    }
    out.push('\n');
}

fn figures(out: &mut String, caption: &str, rows: &[Figure]) {
    let _ = writeln!(out, "**{}**\n", escape(caption));
    let heads = [
        "Measure",
        "Value",
        "Out of",
        "Target",
        "Rating",
        "Previous period",
    ];
    row(out, heads.iter().map(|h| h.to_string()));
    row(out, heads.iter().map(|_| "---".to_string()));
    for f in rows {
        let m = &f.measure;
        row(
            out,
            [
                escape(&f.label),
                m.value_text(),
                m.of_text(),
                m.target
                    .map(|t| t.words(m.denominator.is_none()))
                    .unwrap_or_default(),
                m.rag.map(|r| r.label().to_string()).unwrap_or_default(),
                escape(&m.direction_text()),
            ],
        );
    }
    out.push('\n');
}

impl MonthlyReport {
    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n", escape(&self.title));
        for line in &self.about {
            let _ = writeln!(out, "{}\n", escape(line));
        }
        for s in &self.sections {
            let _ = writeln!(out, "## {}\n", escape(s.kind.heading()));
            for block in &s.blocks {
                match block {
                    Block::Text(text) => {
                        let _ = writeln!(out, "{}\n", escape(text));
                    }
                    Block::Figures { caption, rows } => figures(&mut out, caption, rows),
                    Block::Table(t) => table(&mut out, t),
                    Block::Chart(chart) if chart.table => table(&mut out, &chart.figures_table()),
                    Block::Chart(_) => {}
                }
            }
        }
        out
    }
}
