//! Grades: the distribution (chart and table), the month and quarter trend (chart and table),
//! and the breakdowns by legal status, team and practice area.

use leptos::prelude::*;
use plr_report::snapshot::{MeasureKey, Measures, PeriodMeasures};

use crate::charts::{Band, Bar, BarChart, Column, StackedColumns, GRADE_COLOURS};
use crate::figures::MeasureTable;
use crate::scroll::TableScroll;
use crate::state::State;

/// The five grade bands.
const BANDS: [MeasureKey; 5] = MeasureKey::GRADE_BANDS;

/// The bands that add up to 100% (requires improvement counted once), with their colours.
const STACK: [(MeasureKey, usize); 4] = [
    (MeasureKey::Outstanding, 0),
    (MeasureKey::Good, 1),
    (MeasureKey::RequiresImprovement, 2),
    (MeasureKey::Inadequate, 4),
];

/// The trend table's columns: the five bands, then good or better.
fn columns() -> impl Iterator<Item = MeasureKey> {
    BANDS.into_iter().chain([MeasureKey::GoodOrBetter])
}

fn percent(m: &Measures, key: MeasureKey) -> Option<u32> {
    m.get(&key).and_then(|m| m.percent)
}

fn shown(p: Option<u32>) -> String {
    p.map_or("–".to_string(), |p| format!("{p}%"))
}

/// A table of grade shares, one row per group (a period, a legal status, a team, an area).
#[component]
pub fn GradeTable(
    caption: &'static str,
    first: &'static str,
    rows: Vec<(String, u32, Measures)>,
) -> impl IntoView {
    view! {
        <TableScroll label=caption>
        <table class="table">
            <caption class="table__caption">{caption}</caption>
            <thead><tr>
                <th scope="col">{first}</th>
                <th scope="col" class="numeric">"Reviews"</th>
                {columns().map(|k| view! { <th scope="col" class="numeric">{k.label()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, plrs, m)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="numeric">{plrs}</td>
                        {columns().map(|k| view! { <td class="numeric">{shown(percent(&m, k))}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </TableScroll>
    }
}

/// A grade band's name in a chart (the requires improvement of both bands is the band).
fn band_name(key: MeasureKey) -> String {
    key.label().replace(" (both bands)", "")
}

fn trend_rows(ps: &[PeriodMeasures]) -> Vec<(String, u32, Measures)> {
    ps.iter()
        .map(|p| (p.period.clone(), p.plrs, p.measures.clone()))
        .collect()
}

/// The grades section.
#[component]
pub fn Grades() -> impl IntoView {
    let state = expect_context::<State>();
    let bars = move || {
        state.snapshot.with(|s| {
            BANDS
                .iter()
                .zip(GRADE_COLOURS)
                .map(|(k, colour)| Bar {
                    label: band_name(*k),
                    percent: percent(&s.measures, *k),
                    colour,
                })
                .collect::<Vec<_>>()
        })
    };
    let trend = move || {
        state.snapshot.with(|s| {
            s.trend_by_month
                .iter()
                .map(|p| Column {
                    label: p.period.clone(),
                    shares: STACK
                        .iter()
                        .map(|(k, c)| (percent(&p.measures, *k).unwrap_or(0), GRADE_COLOURS[*c]))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    };
    let bands = || {
        STACK
            .iter()
            .map(|(k, c)| Band {
                name: band_name(*k),
                colour: GRADE_COLOURS[*c],
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section aria-labelledby="grades-heading">
            <h2 id="grades-heading">"Grades"</h2>
            {move || view! { <BarChart bars=bars() /> }}
            <MeasureTable caption="Grade distribution" keys=&MeasureKey::GRADES />
            <h3>"Trend of grade shares"</h3>
            <p class="hint">"Each column is one of the twelve months ending with the chosen period: outstanding at the bottom, then good, requires improvement and inadequate."</p>
            {move || view! { <StackedColumns columns=trend() bands=bands() /> }}
            {move || state.snapshot.with(|s| view! {
                <GradeTable caption="Grades month by month (the last 12 months)" first="Month" rows=trend_rows(&s.trend_by_month) />
                <GradeTable caption="Grades quarter by quarter (the last four quarters)" first="Quarter" rows=trend_rows(&s.trend_by_quarter) />
            })}
        </section>
    }
}

/// Grades by legal status, team and practice area.
#[component]
pub fn Breakdowns() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <section aria-labelledby="breakdowns-heading">
            <h2 id="breakdowns-heading">"Breakdowns"</h2>
            {move || state.snapshot.with(|s| view! {
                <GradeTable caption="Grades by legal status" first="Legal status"
                    rows=s.by_legal_status.iter().map(|b| (b.legal_status.label().to_string(), b.plrs, b.measures.clone())).collect() />
                <GradeTable caption="Grades by team" first="Team"
                    rows=s.by_team.iter().map(|b| (b.team.clone(), b.plrs, b.measures.clone())).collect() />
                <GradeTable caption="Practice areas (bands)" first="Practice area"
                    rows=s.by_practice_area.iter().map(|a| (a.title.clone().unwrap_or_else(|| a.area.clone()), a.assessed, a.measures.clone())).collect() />
            })}
        </section>
    }
}
