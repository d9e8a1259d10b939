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
        "{}<table class=\"report__figures\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">Out of</th><th scope=\"col\">Target</th><th scope=\"col\">Rating</th><th scope=\"col\">Previous period</th></tr></thead>\n<tbody>\n",
        table_wrap(caption),
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

/// The box a table scrolls sideways in when it is wider than the page (a phone), so the page
/// never does and no word is broken: focusable, so it scrolls with the arrow keys, and named
/// by the table's caption. A group, not a region: the section around it is the landmark.
fn table_wrap(caption: &str) -> String {
    format!(
        "<div class=\"report__table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\">",
        escape(caption)
    )
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
        "{}<table>\n<caption>{}</caption>\n<thead><tr>",
        table_wrap(&table.caption),
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

/// The chart as an SVG with its legend, then (if it has one) its table. The drawing has no
/// `viewBox`: it is laid out across in percentages of its width and down in pixels, so on a
/// phone the columns narrow while the text keeps a readable size; more than six groups'
/// labels are turned upright, and a longer label is broken into lines, so none overlap.
fn chart_html(out: &mut String, chart: &Chart, id: &str) {
    /// Where the plot starts across, in % (the axis's labels are to its left).
    const LEFT: f64 = 11.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 176.0;
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
    let upright = chart.categories.len() > 6;
    let labels: Vec<Vec<String>> = chart.categories.iter().map(|c| lines(c)).collect();
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let height = BOTTOM
        + if upright {
            60.0
        } else {
            10.0 + label_lines as f64 * 14.0
        };
    let _ = write!(
        out,
        "<figure>\n<figcaption>{title}</figcaption>\n<svg class=\"report__chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"Arial, Helvetica, sans-serif\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        title = escape(&chart.title),
        desc = escape(&chart.description()),
    );
    for step in 0..=4 {
        let v = top * step / 4;
        let at = y(v);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}%\" x2=\"100%\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/><text x=\"{LEFT}%\" dx=\"-5\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            at + 4.0,
            shown(Some(v), chart.percent)
        );
    }
    let groups = chart.categories.len().max(1) as f64;
    let group = (100.0 - LEFT) / groups;
    let bar = group * 0.8 / chart.series.len().max(1) as f64;
    // Several bars to a group leave no room for their figures on a phone (report.css hides
    // them there); one bar to a group has room for its figure on any screen.
    let value_class = if chart.series.len() > 1 {
        "report__value report__value--grouped"
    } else {
        "report__value"
    };
    // A figure is wider than a bar under 2.5% of a chart's widest (16 px of 640).
    let values_shown = bar >= 2.5;
    for (i, lines) in labels.iter().enumerate() {
        let x0 = LEFT + i as f64 * group;
        for (j, s) in chart.series.iter().enumerate() {
            let Some(v) = s.values.get(i).copied().flatten() else {
                continue;
            };
            let x = x0 + group * 0.1 + j as f64 * bar;
            let _ = write!(
                out,
                "<rect x=\"{x:.2}%\" y=\"{:.1}\" width=\"{:.2}%\" height=\"{:.1}\" fill=\"{}\"/>",
                y(v),
                bar * 0.9,
                BOTTOM - y(v),
                COLOURS[j % COLOURS.len()],
            );
            if values_shown {
                let _ = write!(
                    out,
                    "<text class=\"{value_class}\" x=\"{:.2}%\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
                    x + bar * 0.45,
                    y(v) - 3.0,
                    shown(Some(v), chart.percent)
                );
            }
        }
        let centre = x0 + group / 2.0;
        if upright {
            // A nested drawing placed at the group's foot, so the label turns about it.
            let _ = writeln!(
                out,
                "<svg x=\"{centre:.2}%\" y=\"{}\" overflow=\"visible\"><text transform=\"rotate(-90)\" dy=\"4\" font-size=\"12\" text-anchor=\"end\">{}</text></svg>",
                BOTTOM + 6.0,
                escape(&lines.join(" "))
            );
        } else {
            let _ = write!(
                out,
                "<text y=\"{}\" font-size=\"12\" text-anchor=\"middle\">",
                BOTTOM + 16.0
            );
            for (n, line) in lines.iter().enumerate() {
                let dy = if n == 0 { 0.0 } else { 14.0 };
                let _ = write!(
                    out,
                    "<tspan x=\"{centre:.2}%\" dy=\"{dy}\">{}</tspan>",
                    escape(line)
                );
            }
            out.push_str("</text>\n");
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}%\" x2=\"100%\" y1=\"{BOTTOM}\" y2=\"{BOTTOM}\" stroke=\"#0b0c0c\"/>"
    );
    // The level is named in the legend: a name written on the chart would cross its bars.
    if let Some((_, value)) = &chart.level {
        let at = y(*value);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}%\" x2=\"100%\" y1=\"{at:.1}\" y2=\"{at:.1}\" stroke=\"#0b0c0c\" stroke-dasharray=\"6 4\"/>"
        );
    }
    out.push_str("</svg>\n");
    // The legend is the description's series again, so screen readers skip it.
    out.push_str("<ul class=\"report__legend\" aria-hidden=\"true\">");
    for (j, s) in chart.series.iter().enumerate() {
        let _ = write!(
            out,
            "<li><svg class=\"report__key\" width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg>{}</li>",
            COLOURS[j % COLOURS.len()],
            escape(&s.name)
        );
    }
    if let Some((name, _)) = &chart.level {
        let _ = write!(
            out,
            "<li><svg class=\"report__key\" width=\"24\" height=\"12\"><line x1=\"0\" x2=\"24\" y1=\"6\" y2=\"6\" stroke=\"#0b0c0c\" stroke-dasharray=\"6 4\"/></svg>{}</li>",
            escape(name)
        );
    }
    out.push_str("</ul>\n");
    if chart.table {
        table_html(out, &chart.figures_table());
    }
    out.push_str("</figure>\n");
}

/// A group's label in lines of about ten characters, broken between words
/// (`Q2 22/23 (to date)` is `Q2 22/23` over `(to date)`).
fn lines(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= 10 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod chart_tests {
    use super::lines;

    #[test]
    fn a_groups_label_is_broken_between_words_into_lines_of_about_ten_characters() {
        assert_eq!(lines("Q2 22/23 (to date)"), ["Q2 22/23", "(to date)"]);
        assert_eq!(lines("Q3 21/22"), ["Q3 21/22"]);
        assert_eq!(
            lines("Child protection plan"),
            ["Child", "protection", "plan"]
        );
        assert!(lines("").is_empty());
    }
}
