//! Small inline SVG charts (no library, no external asset). Each chart is decorative for
//! screen readers (`aria-hidden`): the table beside it carries the same figures.
//!
//! A chart has no `viewBox`: it is laid out across in percentages of its width and down in
//! pixels, so on a phone the bars get narrower while the text keeps its size (a 600-unit
//! drawing scaled to a 375 px screen would halve it) and never runs into a bar.

use leptos::prelude::*;

/// Colours of the grade bands (dark enough for text on white beside them).
pub const GRADE_COLOURS: [&str; 5] = ["#00703c", "#1d70b8", "#b58840", "#d4351c", "#6f0000"];

/// One bar: a label, a percentage (or none) and a colour.
#[derive(Clone)]
pub struct Bar {
    /// Above the bar.
    pub label: String,
    /// 0–100, or `None` for "–".
    pub percent: Option<u32>,
    /// Fill colour.
    pub colour: &'static str,
}

/// A bar of 100% takes this share of the chart's width, leaving room for "100%" after it on
/// the narrowest screen.
const FULL_BAR: f64 = 82.0;

/// Horizontal bars, 0–100%, each under its label: a label beside its bar would be overlapped
/// by the bar (or squeeze it) on a narrow screen, however long the label.
#[component]
pub fn BarChart(bars: Vec<Bar>) -> impl IntoView {
    let row = 46.0;
    let height = row * bars.len() as f64;
    view! {
        <svg class="chart chart--bars" width="100%" height=height role="img" aria-hidden="true" focusable="false">
            {bars.into_iter().enumerate().map(|(i, bar)| {
                let y = i as f64 * row;
                let width = f64::from(bar.percent.unwrap_or(0)) * FULL_BAR / 100.0;
                let shown = bar.percent.map_or("–".to_string(), |p| format!("{p}%"));
                view! {
                    <g>
                        <text class="chart__label" x="0" y=y + 16.0 font-size="15">{bar.label}</text>
                        <rect x="0" y=y + 22.0 width=format!("{width}%") height="18" fill=bar.colour></rect>
                        <text class="chart__value" x=format!("{width}%") dx="6" y=y + 36.0 font-size="14">{shown}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// One column of a stacked chart: a label and the shares of each band.
#[derive(Clone)]
pub struct Column {
    /// Under the column (a month or quarter).
    pub label: String,
    /// Each band's percentage and colour, bottom first.
    pub shares: Vec<(u32, &'static str)>,
}

/// One entry of a chart's legend: a band's name and its colour.
#[derive(Clone)]
pub struct Band {
    /// The band's name, as the tables say it.
    pub name: String,
    /// Its fill colour in the chart.
    pub colour: &'static str,
}

/// Where the plot starts across (the axis's labels are to its left), in % of the width.
const PLOT_LEFT: f64 = 13.0;
/// The plot's top and height, in pixels.
const PLOT_TOP: f64 = 10.0;
const PLOT_HEIGHT: f64 = 160.0;
/// More columns than this and their labels are turned upright, so twelve months fit a phone.
const STRAIGHT_LABELS: usize = 6;

/// Columns stacked to 100%, one per period (the trend of grade shares), on an axis of 0%, 50%
/// and 100%, with a legend of the bands (`bands`, in the order the hint reads them).
#[component]
pub fn StackedColumns(columns: Vec<Column>, bands: Vec<Band>) -> impl IntoView {
    let bottom = PLOT_TOP + PLOT_HEIGHT;
    let step = (100.0 - PLOT_LEFT) / columns.len().max(1) as f64;
    let upright = columns.len() > STRAIGHT_LABELS;
    let height = bottom + if upright { 72.0 } else { 28.0 };
    let y = |share: f64| bottom - share / 100.0 * PLOT_HEIGHT;
    let axis = [0u32, 50, 100].map(|tick| {
        let at = y(f64::from(tick));
        view! {
            <line x1=format!("{PLOT_LEFT}%") x2="100%" y1=at y2=at
                stroke=if tick == 0 { "#0b0c0c" } else { "#b1b4b6" } stroke-width="1"></line>
            <text class="chart__tick" x=format!("{PLOT_LEFT}%") dx="-6" y=at + 5.0 font-size="13" text-anchor="end">{format!("{tick}%")}</text>
        }
    });
    let columns = columns.into_iter().enumerate().map(|(i, c)| {
        let x = PLOT_LEFT + i as f64 * step + step * 0.15;
        let centre = PLOT_LEFT + (i as f64 + 0.5) * step;
        let mut top = bottom;
        let parts = c.shares.into_iter().map(|(share, colour)| {
            let h = f64::from(share) / 100.0 * PLOT_HEIGHT;
            top -= h;
            view! { <rect x=format!("{x}%") y=top width=format!("{}%", step * 0.7) height=h fill=colour></rect> }
        }).collect_view();
        // An upright label reads up to the column's foot (a nested drawing placed at the
        // column, so it can be turned about that point).
        let label = if upright {
            view! {
                <svg x=format!("{centre}%") y=bottom + 8.0 overflow="visible">
                    <text class="chart__period" transform="rotate(-90)" dy="5" text-anchor="end" font-size="13">{c.label}</text>
                </svg>
            }.into_any()
        } else {
            view! {
                <text class="chart__period" x=format!("{centre}%") y=bottom + 20.0 text-anchor="middle" font-size="13">{c.label}</text>
            }.into_any()
        };
        view! { <g>{parts}{label}</g> }
    }).collect_view();
    view! {
        <svg class="chart chart--columns" width="100%" height=height role="img" aria-hidden="true" focusable="false">
            {axis}
            {columns}
        </svg>
        <ul class="chart-legend" aria-hidden="true">
            {bands.into_iter().map(|b| view! {
                <li>
                    <svg class="chart-legend__key" width="16" height="16" focusable="false"><rect width="16" height="16" fill=b.colour></rect></svg>
                    {b.name}
                </li>
            }).collect_view()}
        </ul>
    }
}
