//! The Reports page's figures made ready to draw: each chart's rows, series, scale and the words
//! written on it (legends, hover read-outs, figures beside the bars), in the desk's language.
//! The figures themselves go into the messages as the core and the CSV write them, ungrouped
//! ("436 of 8180 due").

use chrono::{Datelike, NaiveDate};
use iced::Color;

use super::super::report_charts::{BarRow, BarsData, ChartCache, HeatmapData, Series};
use crate::gui::theme::hex;
use crate::i18n::{self, dates};
use crate::scheduling::hours::WEEKDAYS;
use crate::scheduling::report::{Attendance, Report, Timing, Usage};

const BOOKED: Color = Color::from_rgb(0.58, 0.74, 0.95);
const USED: Color = Color::from_rgb(0.15, 0.39, 0.92);

/// A computed report with its charts' data and drawings.
pub(super) struct Shown {
    pub(super) report: Report,
    pub(super) room_days: HeatmapData,
    pub(super) rooms: BarsData,
    pub(super) doctors: BarsData,
    pub(super) no_shows_by_doctor: BarsData,
    pub(super) no_shows_by_type: BarsData,
    pub(super) waiting: BarsData,
    pub(super) consultation: BarsData,
    pub(super) hours: HeatmapData,
    pub(super) caches: [ChartCache; 8],
}

/// A share as a percentage with one decimal ("12.5 %"), or a dash when there is none.
pub(super) fn pct(share: Option<f64>) -> String {
    share.map_or("—".into(), |s| format!("{:.1} %", s * 100.0))
}

/// Minutes, rounded ("14 min"), or a dash when there are none.
pub(super) fn minutes(m: Option<f64>) -> String {
    m.map_or("—".into(), |m| {
        crate::t!("reports-minutes", minutes = format!("{m:.0}"))
    })
}

/// A scale from 0 past `top` in the first of `steps` that needs at most five intervals:
/// the scale's end and its labelled ticks.
fn scale(top: f64, steps: &[f64], unit: impl Fn(f64) -> String) -> (f64, Vec<(f64, String)>) {
    let step = steps
        .iter()
        .copied()
        .find(|s| (top / s).ceil() <= 5.0)
        .unwrap_or_else(|| steps.last().copied().unwrap_or(1.0));
    let intervals = (top / step).ceil().max(1.0) as usize;
    let ticks = (0..=intervals)
        .map(|i| {
            let v = step * i as f64;
            (v, unit(v))
        })
        .collect();
    (step * intervals as f64, ticks)
}

fn ticks(max: f64, steps: usize, unit: impl Fn(f64) -> String) -> Vec<(f64, String)> {
    (0..=steps)
        .map(|i| {
            let v = max * i as f64 / steps as f64;
            (v, unit(v))
        })
        .collect()
}

fn share_ticks() -> Vec<(f64, String)> {
    ticks(1.0, 4, |v| format!("{:.0} %", v * 100.0))
}

fn usage_bars(rows: Vec<(String, Usage)>, total: (String, Usage), label_width: f32) -> BarsData {
    let bar = |(label, u): (String, Usage), is_total| BarRow {
        label,
        values: vec![u.booked_share(), u.used_share()],
        figures: format!("{} · {}", pct(u.booked_share()), pct(u.used_share())),
        total: is_total,
    };
    let mut bars: Vec<BarRow> = rows.into_iter().map(|r| bar(r, false)).collect();
    bars.push(bar(total, true));
    BarsData {
        series: vec![
            Series {
                name: crate::t!("reports-series-booked"),
                colour: BOOKED,
            },
            Series {
                name: crate::t!("reports-series-used"),
                colour: USED,
            },
        ],
        rows: bars,
        overlay: true,
        max: 1.0,
        ticks: share_ticks(),
        label_width,
        figures_width: 120.0,
    }
}

fn attendance_bars(rows: &[Attendance], total: Option<&Attendance>, label_width: f32) -> BarsData {
    let bar = |a: &Attendance, is_total| BarRow {
        label: a.name.clone(),
        values: vec![a.no_show_rate(), a.late_cancel_rate()],
        figures: crate::t!(
            "reports-rates-of-due",
            no_shows = pct(a.no_show_rate()),
            late = pct(a.late_cancel_rate()),
            due = a.due.to_string()
        ),
        total: is_total,
    };
    let mut bars: Vec<BarRow> = rows
        .iter()
        .filter(|a| a.due > 0)
        .map(|a| bar(a, false))
        .collect();
    bars.extend(total.map(|t| bar(t, true)));
    let top = bars
        .iter()
        .flat_map(|b| b.values.iter().flatten())
        .fold(0.0_f64, |m, v| m.max(*v));
    let (max, ticks) = scale(top, &[0.01, 0.02, 0.05, 0.1, 0.2, 0.25], |v| {
        format!("{:.0} %", v * 100.0)
    });
    BarsData {
        series: vec![
            Series {
                name: crate::t!("reports-no-shows"),
                colour: hex("#dc2626"),
            },
            Series {
                name: crate::t!("reports-late-cancellations"),
                colour: hex("#f59e0b"),
            },
        ],
        rows: bars,
        overlay: false,
        max,
        ticks,
        label_width,
        figures_width: 175.0,
    }
}

fn timing_bars(rows: Vec<(String, Timing)>, total: Timing, colours: (Color, Color)) -> BarsData {
    let bar = |label: String, t: &Timing, is_total| BarRow {
        label,
        values: vec![t.p90_minutes, t.median_minutes],
        figures: match (t.median_minutes, t.p90_minutes) {
            (Some(m), Some(p)) => crate::t!(
                "reports-timing-figures",
                median = format!("{m:.0}"),
                p90 = format!("{p:.0}"),
                seen = t.count.to_string()
            ),
            _ => "—".into(),
        },
        total: is_total,
    };
    let mut bars: Vec<BarRow> = rows
        .into_iter()
        .filter(|(_, t)| t.count > 0)
        .map(|(l, t)| bar(l, &t, false))
        .collect();
    bars.push(bar(crate::t!("reports-all-doctors"), &total, true));
    let top = bars
        .iter()
        .flat_map(|b| b.values.iter().flatten())
        .fold(0.0_f64, |m, v| m.max(*v));
    let (max, ticks) = scale(top, &[5.0, 10.0, 15.0, 20.0, 30.0, 60.0], |v| {
        format!("{v:.0}")
    });
    BarsData {
        series: vec![
            Series {
                name: crate::t!("reports-p90"),
                colour: colours.1,
            },
            Series {
                name: crate::t!("reports-median"),
                colour: colours.0,
            },
        ],
        rows: bars,
        overlay: true,
        max,
        ticks,
        label_width: 170.0,
        figures_width: 175.0,
    }
}

/// The words under a column of the room × day heatmap: more of the date the fewer days shown.
fn day_tick(days: usize, d: NaiveDate) -> String {
    match days {
        0..=14 => crate::t!(
            "reports-tick-weekday-day",
            weekday = dates::weekday_short(d.weekday()),
            day = d.day().to_string()
        ),
        15..=45 => d.day().to_string(),
        46..=120 => dates::day_month(d),
        _ => dates::month_short_in(i18n::current(), d.month()),
    }
}

fn room_days(report: &Report) -> HeatmapData {
    let dates: Vec<NaiveDate> = report.range.dates().collect();
    let n = dates.len();
    let ticks = dates
        .iter()
        .enumerate()
        .filter(|(i, d)| match n {
            0..=14 => true,
            15..=45 => i % 2 == 0,
            46..=120 => d.weekday() == chrono::Weekday::Mon,
            _ => d.day() == 1,
        })
        .map(|(i, d)| (i, day_tick(n, *d)))
        .collect();
    HeatmapData {
        rows: report.rooms.iter().map(|r| r.name.clone()).collect(),
        ticks,
        columns: n,
        values: report
            .rooms
            .iter()
            .map(|r| {
                r.days
                    .iter()
                    .map(|u| u.booked_share().map(|s| s as f32))
                    .collect()
            })
            .collect(),
        cell_text: None,
        hover: report
            .rooms
            .iter()
            .map(|r| {
                r.days
                    .iter()
                    .zip(&dates)
                    .map(|(u, d)| match u.booked_share() {
                        Some(s) => crate::t!(
                            "reports-room-day",
                            room = r.name.as_str(),
                            date = dates::weekday_day_month(*d),
                            booked = u.booked_minutes().to_string(),
                            open = u.open_minutes().to_string(),
                            share = format!("{:.1}", s * 100.0),
                            used = u.used_minutes().to_string()
                        ),
                        None => crate::t!(
                            "reports-room-day-closed",
                            room = r.name.as_str(),
                            date = dates::weekday_day_month(*d)
                        ),
                    })
                    .collect()
            })
            .collect(),
        legend: (
            "0 %".into(),
            crate::t!("reports-legend-full"),
            crate::t!("reports-legend-closed"),
        ),
        hue: hex("#1d4ed8"),
        label_width: 110.0,
    }
}

fn busiest_hours(report: &Report) -> HeatmapData {
    let max = report.busiest.max().max(1) as f32;
    let counts = &report.busiest.counts;
    HeatmapData {
        rows: WEEKDAYS.iter().map(|d| dates::weekday_short(*d)).collect(),
        ticks: (0..24)
            .step_by(2)
            .map(|h| (h as usize, format!("{h:02}:00")))
            .collect(),
        columns: 24,
        values: counts
            .iter()
            .map(|day| day.iter().map(|c| Some(*c as f32 / max)).collect())
            .collect(),
        cell_text: Some(
            counts
                .iter()
                .map(|day| {
                    day.iter()
                        .map(|c| {
                            if *c == 0 {
                                String::new()
                            } else {
                                c.to_string()
                            }
                        })
                        .collect()
                })
                .collect(),
        ),
        hover: WEEKDAYS
            .iter()
            .zip(counts)
            .map(|(d, day)| {
                let weekday = dates::weekday_short(*d);
                day.iter()
                    .enumerate()
                    .map(|(h, c)| {
                        crate::t!(
                            "reports-hour",
                            weekday = weekday.as_str(),
                            from = format!("{h:02}:00"),
                            until = format!("{:02}:00", (h + 1) % 24),
                            count = c.to_string()
                        )
                    })
                    .collect()
            })
            .collect(),
        legend: (
            "0".into(),
            crate::t!(
                "reports-booked-count",
                count = report.busiest.max().to_string()
            ),
            "".into(),
        ),
        hue: hex("#7c3aed"),
        label_width: 50.0,
    }
}

impl Shown {
    /// The charts of `report`, ready to draw.
    pub(super) fn new(report: Report) -> Self {
        let rooms = usage_bars(
            report
                .rooms
                .iter()
                .map(|r| (r.name.clone(), r.total))
                .collect(),
            (crate::t!("reports-all-rooms"), report.rooms_total),
            110.0,
        );
        let doctors = usage_bars(
            report
                .doctors
                .iter()
                .map(|d| (d.name.clone(), d.total))
                .collect(),
            (crate::t!("reports-all-doctors"), report.doctors_total),
            170.0,
        );
        let by_doctor = attendance_bars(
            &report.attendance_by_doctor,
            Some(&report.attendance_total),
            170.0,
        );
        let by_type = attendance_bars(&report.attendance_by_visit_type, None, 150.0);
        let waiting = timing_bars(
            report
                .timing_by_doctor
                .iter()
                .map(|d| (d.name.clone(), d.waiting))
                .collect(),
            report.waiting,
            (hex("#0f766e"), hex("#99d5cc")),
        );
        let consultation = timing_bars(
            report
                .timing_by_doctor
                .iter()
                .map(|d| (d.name.clone(), d.consultation))
                .collect(),
            report.consultation,
            (hex("#9333ea"), hex("#d8b4fe")),
        );
        Self {
            room_days: room_days(&report),
            hours: busiest_hours(&report),
            rooms,
            doctors,
            no_shows_by_doctor: by_doctor,
            no_shows_by_type: by_type,
            waiting,
            consultation,
            report,
            caches: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_end_on_a_round_step_past_the_top() {
        let pct = |v: f64| format!("{:.0} %", v * 100.0);
        let (max, ticks) = scale(0.074, &[0.01, 0.02, 0.05, 0.1], pct);
        assert!((max - 0.08).abs() < 1e-9);
        let labels: Vec<&str> = ticks.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(labels, ["0 %", "2 %", "4 %", "6 %", "8 %"]);
        let (max, ticks) = scale(36.0, &[5.0, 10.0, 15.0, 20.0], |v| format!("{v:.0}"));
        assert_eq!((max, ticks.len()), (40.0, 5));
        // Nothing measured: one step, so the bars still have a scale.
        assert_eq!(scale(0.0, &[5.0, 10.0], |v| format!("{v}")).0, 5.0);
    }

    #[test]
    fn day_ticks_read_as_they_did_in_english() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
        assert_eq!(day_tick(7, d), d.format("%a %-d").to_string());
        assert_eq!(day_tick(30, d), d.format("%-d").to_string());
        assert_eq!(day_tick(90, d), d.format("%-d %b").to_string());
        assert_eq!(day_tick(365, d), d.format("%b").to_string());
    }
}
