//! Small inline SVG charts (no library, no external asset). Each chart is decorative for
//! screen readers (`aria-hidden`): the table beside it carries the same figures.

use leptos::prelude::*;

/// Colours of the grade bands (dark enough for text on white beside them).
pub const GRADE_COLOURS: [&str; 5] = ["#00703c", "#1d70b8", "#b58840", "#d4351c", "#6f0000"];

/// One bar: a label, a percentage (or none) and a colour.
#[derive(Clone)]
pub struct Bar {
    /// Under the bar.
    pub label: String,
    /// 0–100, or `None` for "–".
    pub percent: Option<u32>,
    /// Fill colour.
    pub colour: &'static str,
}

/// Horizontal bars, one per label, 0–100%.
#[component]
pub fn BarChart(bars: Vec<Bar>) -> impl IntoView {
    let row = 28.0;
    let height = row * bars.len() as f64 + 4.0;
    view! {
        <svg class="chart" viewBox=format!("0 0 600 {height}") role="img" aria-hidden="true" focusable="false">
            {bars.into_iter().enumerate().map(|(i, bar)| {
                let y = i as f64 * row + 2.0;
                let width = f64::from(bar.percent.unwrap_or(0)) * 3.6;
                let shown = bar.percent.map_or("–".to_string(), |p| format!("{p}%"));
                view! {
                    <g>
                        <text x="0" y=y + 17.0 font-size="14">{bar.label}</text>
                        <rect x="190" y=y width=width height=row - 8.0 fill=bar.colour></rect>
                        <text x=196.0 + width y=y + 17.0 font-size="14">{shown}</text>
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

/// Columns stacked to 100%, one per period (the trend of grade shares).
#[component]
pub fn StackedColumns(columns: Vec<Column>) -> impl IntoView {
    let width = 600.0;
    let step = width / columns.len().max(1) as f64;
    view! {
        <svg class="chart" viewBox="0 0 600 230" role="img" aria-hidden="true" focusable="false">
            {columns.into_iter().enumerate().map(|(i, c)| {
                let x = i as f64 * step + step * 0.15;
                let w = step * 0.7;
                let mut top = 200.0;
                let parts = c.shares.into_iter().map(|(share, colour)| {
                    let h = f64::from(share) * 2.0;
                    top -= h;
                    view! { <rect x=x y=top width=w height=h fill=colour></rect> }
                }).collect_view();
                view! {
                    <g>
                        {parts}
                        <text x=x y="222" font-size="13">{c.label}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
