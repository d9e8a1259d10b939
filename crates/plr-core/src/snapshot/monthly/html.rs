//! The report as HTML: a whole, self-contained document (its stylesheet inline, no script, no
//! external resource, A4 print rules) or its body alone for a page that has the stylesheet
//! (the dashboard). Every text from a file is escaped; each chart is an SVG with a title and
//! a description, followed by its figures as a table.

use std::fmt::Write;

use super::{Block, Cell, Chart, Figure, MonthlyReport, Table};

/// The report's stylesheet (the dashboard links the same file).
pub const REPORT_CSS: &str = include_str!("report.css");

/// The series' colours, in order (distinct in print and for most colour vision).
const COLOURS: [&str; 8] = [
    "#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#6f0000",
];

/// `text` with `& < > " '` escaped, for HTML text and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl MonthlyReport {
    /// A whole HTML document: the report with its stylesheet inline, nothing loaded from
    /// anywhere, printable on A4.
    pub fn to_html(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{REPORT_CSS}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            escape(&self.title),
            self.html_body()
        )
    }

    /// The report as an `<article class="plr-report">`, for a page that has [`REPORT_CSS`].
    pub fn html_body(&self) -> String {
        let mut out =
            String::from("<article class=\"plr-report\" aria-labelledby=\"report-title\">\n");
        let _ = writeln!(out, "<h1 id=\"report-title\">{}</h1>", escape(&self.title));
        for line in &self.about {
            let _ = writeln!(out, "<p class=\"report__about\">{}</p>", escape(line));
        }
        out.push_str("<nav aria-label=\"Contents\"><ol class=\"report__contents\">");
        for s in &self.sections {
            let _ = write!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                s.kind.anchor(),
                escape(s.kind.heading())
            );
        }
        out.push_str("</ol></nav>\n");
        for s in &self.sections {
            let anchor = s.kind.anchor();
            let _ = writeln!(
                out,
                "<section id=\"{anchor}\" aria-labelledby=\"{anchor}-heading\">\n<h2 id=\"{anchor}-heading\">{}</h2>",
                escape(s.kind.heading())
            );
            for (n, block) in s.blocks.iter().enumerate() {
                block_html(&mut out, block, &format!("{anchor}-{n}"));
            }
            out.push_str("</section>\n");
        }
        out.push_str("</article>\n");
        out
    }
}

fn block_html(out: &mut String, block: &Block, id: &str) {
    match block {
        Block::Text(text) => {
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
        Block::Figures { caption, rows } => figures_html(out, caption, rows),
        Block::Table(table) => table_html(out, table),
        Block::Chart(chart) => chart_html(out, chart, id),
    }
}

fn rag_html(rag: Option<super::Rag>) -> String {
    rag.map(|r| format!("<span class=\"rag rag--{}\">{}</span>", r.key(), r.label()))
        .unwrap_or_default()
}

fn figures_html(out: &mut String, caption: &str, rows: &[Figure]) {
    let _ = write!(
        out,
        "<div class=\"report__table-wrap\"><table class=\"report__figures\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">Out of</th><th scope=\"col\">Target</th><th scope=\"col\">Rating</th><th scope=\"col\">Previous period</th></tr></thead>\n<tbody>\n",
        escape(caption)
    );
    for f in rows {
        let m = &f.measure;
        let target = m
            .target
            .map(|t| t.words(m.denominator.is_none()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\" data-measure=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&f.label),
            f.key.key(),
            escape(&m.value_text()),
            escape(&m.of_text()),
            escape(&target),
            rag_html(m.rag),
            escape(&m.direction_text())
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
}

fn cell_html(cell: &Cell) -> String {
    match cell.rag {
        Some(_) => format!("{} {}", escape(&cell.text), rag_html(cell.rag)),
        None => escape(&cell.text),
    }
}

fn table_html(out: &mut String, table: &Table) {
    let _ = write!(
        out,
        "<div class=\"report__table-wrap\"><table>\n<caption>{}</caption>\n<thead><tr>",
        escape(&table.caption)
    );
    for c in &table.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", cell_html(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", cell_html(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// `31%`, `35` or `–`.
fn shown(value: Option<u32>, percent: bool) -> String {
    match value {
        Some(v) if percent => format!("{v}%"),
        Some(v) => v.to_string(),
        None => "–".to_string(),
    }
}

impl Chart {
    /// The chart in words: each series' value in each category, and the level drawn.
    pub fn description(&self) -> String {
        let mut parts: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let values: Vec<String> = self
                    .categories
                    .iter()
                    .zip(&s.values)
                    .map(|(c, v)| format!("{c} {}", shown(*v, self.percent)))
                    .collect();
                format!("{}: {}", s.name, values.join(", "))
            })
            .collect();
        if let Some((name, _)) = &self.level {
            parts.push(format!("{name} (dashed line)"));
        }
        format!("Column chart. {}.", parts.join("; "))
    }

    /// The chart's figures as a table: a row per series, a column per category.
    pub fn figures_table(&self) -> Table {
        let mut columns = vec![self.series_heading.clone()];
        columns.extend(self.categories.iter().cloned());
        Table {
            caption: format!("{}: the figures", self.title),
            columns,
            rows: self
                .series
                .iter()
                .map(|s| {
                    let mut row = vec![Cell::text(s.name.clone())];
                    row.extend(s.values.iter().map(|v| Cell::text(shown(*v, self.percent))));
                    row
                })
                .collect(),
        }
    }
}

fn chart_html(out: &mut String, chart: &Chart, id: &str) {
    const LEFT: f64 = 44.0;
    const RIGHT: f64 = 630.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 190.0;
    let values = chart.series.iter().flat_map(|s| s.values.iter().flatten());
    let highest = values
        .copied()
        .chain(chart.level.as_ref().map(|(_, v)| *v))
        .max()
        .unwrap_or(0);
    let top = if chart.percent {
        100
    } else {
        highest.div_ceil(20).max(1) * 20
    };
    let y = |v: u32| BOTTOM - f64::from(v) / f64::from(top) * (BOTTOM - TOP);
    let per_row = 2;
    let legend_rows = chart.series.len().div_ceil(per_row);
    let height = BOTTOM + 34.0 + legend_rows as f64 * 18.0;
    let _ = write!(
        out,
        "<figure>\n<figcaption>{title}</figcaption>\n<svg viewBox=\"0 0 640 {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"Arial, Helvetica, sans-serif\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        title = escape(&chart.title),
        desc = escape(&chart.description()),
    );
    for step in 0..=4 {
        let v = top * step / 4;
        let at = y(v);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
            LEFT - 4.0,
            at + 3.5,
            shown(Some(v), chart.percent)
        );
    }
    let groups = chart.categories.len().max(1) as f64;
    let group = (RIGHT - LEFT) / groups;
    let bar = group * 0.8 / chart.series.len().max(1) as f64;
    for (i, category) in chart.categories.iter().enumerate() {
        let x0 = LEFT + i as f64 * group;
        for (j, s) in chart.series.iter().enumerate() {
            let Some(v) = s.values.get(i).copied().flatten() else {
                continue;
            };
            let x = x0 + group * 0.1 + j as f64 * bar;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                y(v),
                (bar - 1.0).max(1.0),
                BOTTOM - y(v),
                COLOURS[j % COLOURS.len()]
            );
            if bar >= 16.0 {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
                    x + bar / 2.0,
                    y(v) - 2.0,
                    shown(Some(v), chart.percent)
                );
            }
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x0 + group / 2.0,
            BOTTOM + 14.0,
            escape(category)
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{BOTTOM}\" y2=\"{BOTTOM}\" stroke=\"#0b0c0c\"/>"
    );
    if let Some((name, value)) = &chart.level {
        let at = y(*value);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#0b0c0c\" stroke-dasharray=\"6 4\"/><text x=\"{RIGHT}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
            at - 3.0,
            escape(name)
        );
    }
    for (j, s) in chart.series.iter().enumerate() {
        let x = LEFT + (j % per_row) as f64 * 292.0;
        let row_y = BOTTOM + 30.0 + (j / per_row) as f64 * 18.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{row_y:.1}\" font-size=\"11\">{}</text>",
            row_y - 9.0,
            COLOURS[j % COLOURS.len()],
            x + 14.0,
            escape(&s.name)
        );
    }
    out.push_str("</svg>\n");
    if chart.table {
        table_html(out, &chart.figures_table());
    }
    out.push_str("</figure>\n");
}
