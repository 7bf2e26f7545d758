//! The Reports page: a clinic and a range of dates, the figures that matter at a glance, and the
//! charts (room × day utilisation, room and clinician utilisation, no-show and late-cancel
//! rates, waiting time and consultation length, the busiest hours of the week), each with
//! "Export CSV…"; and the printable day sheet of a doctor or a room. Reports are computed in a
//! Task (the page shows "Computing…"); an answer for an older request is dropped.

use crate::gui::choice_keys::pick_list;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use iced::widget::{button, canvas, column, container, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::report_charts::{BarRow, Bars, BarsData, ChartCache, Heatmap, HeatmapData, Series};
use crate::gui::backend::{SheetTarget, UiError};
use crate::gui::file_chooser;
use crate::gui::theme::hex;
use crate::gui::widget::{self, Choice};
use crate::reports::ReportTable;
use crate::scheduling::hours::WEEKDAYS;
use crate::scheduling::report::{Attendance, Report, ReportRange, Timing, Usage, compute};
use crate::scheduling::time::{local_date, parse_date};
use crate::scheduling::*;

/// The page's state.
pub struct State {
    clinic: ClinicId,
    from: String,
    to: String,
    generation: u64,
    /// A report is being computed.
    pub loading: bool,
    /// Why the last request could not be done.
    pub error: Option<UiError>,
    shown: Option<Box<Shown>>,
    sheet_date: String,
    sheet_of: Option<Choice<SheetTarget>>,
    saving: bool,
    /// The file being saved went beside the database: this desktop has no file chooser.
    without_chooser: bool,
}

/// A computed report with its charts' data and drawings.
struct Shown {
    report: Report,
    room_days: HeatmapData,
    rooms: BarsData,
    doctors: BarsData,
    no_shows_by_doctor: BarsData,
    no_shows_by_type: BarsData,
    waiting: BarsData,
    consultation: BarsData,
    hours: HeatmapData,
    caches: [ChartCache; 8],
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The "from" date was edited.
    From(String),
    /// The "to" date was edited.
    To(String),
    /// Another clinic was chosen.
    Clinic(Choice<ClinicId>),
    /// A quick range was chosen: the last so many days up to today.
    LastDays(i64),
    /// Compute the reports for the range typed.
    Show,
    /// The reports arrived, for the request with this number.
    Computed(u64, Result<Box<Report>, UiError>),
    /// Export one table as CSV: ask where to save it.
    ExportCsv(ReportTable),
    /// Where to save the CSV; `None` when the dialog was cancelled.
    CsvPathChosen(ReportTable, Option<PathBuf>),
    /// The day sheet's date was edited.
    SheetDate(String),
    /// The day sheet's doctor or room was chosen.
    SheetOf(Choice<SheetTarget>),
    /// Save the day sheet as PDF: ask where.
    SaveSheet,
    /// Where to save the day sheet; `None` when the dialog was cancelled.
    SheetPathChosen(Option<PathBuf>),
    /// A file was saved (what to tell the user), or could not be.
    Saved(Result<String, UiError>),
}

/// What the page tells the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Something to show in the status line.
    Notice(String),
}

const BOOKED: Color = Color::from_rgb(0.58, 0.74, 0.95);
const USED: Color = Color::from_rgb(0.15, 0.39, 0.92);
use crate::scheduling::time::echo;
use iced::Color;

fn pct(share: Option<f64>) -> String {
    share.map_or("—".into(), |s| format!("{:.1} %", s * 100.0))
}

fn minutes(m: Option<f64>) -> String {
    m.map_or("—".into(), |m| format!("{m:.0} min"))
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
                name: "Booked".into(),
                colour: BOOKED,
            },
            Series {
                name: "Used".into(),
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
        figures: format!(
            "{} · {} of {} due",
            pct(a.no_show_rate()),
            pct(a.late_cancel_rate()),
            a.due
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
                name: "No-shows".into(),
                colour: hex("#dc2626"),
            },
            Series {
                name: "Late cancellations".into(),
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

fn timing_bars(
    rows: Vec<(String, Timing)>,
    total: Timing,
    names: (&str, &str),
    colours: (Color, Color),
) -> BarsData {
    let bar = |label: String, t: &Timing, is_total| BarRow {
        label,
        values: vec![t.p90_minutes, t.median_minutes],
        figures: match (t.median_minutes, t.p90_minutes) {
            (Some(m), Some(p)) => format!("{m:.0} · {p:.0} min · {} seen", t.count),
            _ => "—".into(),
        },
        total: is_total,
    };
    let mut bars: Vec<BarRow> = rows
        .into_iter()
        .filter(|(_, t)| t.count > 0)
        .map(|(l, t)| bar(l, &t, false))
        .collect();
    bars.push(bar("All doctors".into(), &total, true));
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
                name: names.1.into(),
                colour: colours.1,
            },
            Series {
                name: names.0.into(),
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

fn room_days(report: &Report) -> HeatmapData {
    let dates: Vec<NaiveDate> = report.range.dates().collect();
    let n = dates.len();
    let ticks = dates
        .iter()
        .enumerate()
        .filter(|(i, d)| match n {
            0..=14 => true,
            15..=45 => i % 2 == 0,
            46..=120 => chrono::Datelike::weekday(*d) == chrono::Weekday::Mon,
            _ => chrono::Datelike::day(*d) == 1,
        })
        .map(|(i, d)| {
            let text = match n {
                0..=14 => d.format("%a %-d").to_string(),
                15..=45 => d.format("%-d").to_string(),
                46..=120 => d.format("%-d %b").to_string(),
                _ => d.format("%b").to_string(),
            };
            (i, text)
        })
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
                        Some(s) => format!(
                            "{} · {}: booked {} of {} min ({:.1} %), used {} min",
                            r.name,
                            d.format("%a %-d %b"),
                            u.booked_minutes(),
                            u.open_minutes(),
                            s * 100.0,
                            u.used_minutes()
                        ),
                        None => format!("{} · {}: closed", r.name, d.format("%a %-d %b")),
                    })
                    .collect()
            })
            .collect(),
        legend: ("0 %".into(), "100 % booked".into(), "closed".into()),
        hue: hex("#1d4ed8"),
        label_width: 110.0,
    }
}

fn busiest_hours(report: &Report) -> HeatmapData {
    let max = report.busiest.max().max(1) as f32;
    let counts = &report.busiest.counts;
    HeatmapData {
        rows: WEEKDAYS.iter().map(|d| d.to_string()).collect(),
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
                day.iter()
                    .enumerate()
                    .map(|(h, c)| format!("{d} {h:02}:00–{:02}:00: {c} booked", (h + 1) % 24))
                    .collect()
            })
            .collect(),
        legend: (
            "0".into(),
            format!("{} booked", report.busiest.max()),
            "".into(),
        ),
        hue: hex("#7c3aed"),
        label_width: 50.0,
    }
}

impl Shown {
    fn new(report: Report) -> Self {
        let rooms = usage_bars(
            report
                .rooms
                .iter()
                .map(|r| (r.name.clone(), r.total))
                .collect(),
            ("All rooms".into(), report.rooms_total),
            110.0,
        );
        let doctors = usage_bars(
            report
                .doctors
                .iter()
                .map(|d| (d.name.clone(), d.total))
                .collect(),
            ("All doctors".into(), report.doctors_total),
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
            ("Median", "90th percentile"),
            (hex("#0f766e"), hex("#99d5cc")),
        );
        let consultation = timing_bars(
            report
                .timing_by_doctor
                .iter()
                .map(|d| (d.name.clone(), d.consultation))
                .collect(),
            report.consultation,
            ("Median", "90th percentile"),
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

/// A name fit for a file: lower case, words joined by dashes.
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// Asks where to save a file, suggesting `name`; `None` when cancelled.
async fn choose_file(name: String, kind: &'static str, extension: &'static str) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_file_name(name)
        .add_filter(kind, &[extension])
        .save_file()
        .await
        .map(|h| h.path().to_path_buf())
}

impl State {
    /// The page for the clinic shown, over the 30 days up to today, computing at once.
    pub fn new(ctx: &Context<'_>) -> (Self, Task<Message>) {
        let today = local_date(ctx.clinic.time_zone, ctx.now);
        let mut state = State {
            clinic: ctx.clinic.id,
            from: (today - Duration::days(29)).format("%Y-%m-%d").to_string(),
            to: today.format("%Y-%m-%d").to_string(),
            generation: 0,
            loading: false,
            error: None,
            shown: None,
            sheet_date: today.format("%Y-%m-%d").to_string(),
            sheet_of: None,
            saving: false,
            without_chooser: false,
        };
        let (task, _) = state.update(Message::Show, ctx);
        (state, task)
    }

    /// The report shown, if one has been computed.
    pub fn report(&self) -> Option<&Report> {
        self.shown.as_ref().map(|s| &s.report)
    }

    fn clinic<'a>(&self, ctx: &Context<'a>) -> &'a Clinic {
        ctx.setup.clinic(self.clinic).unwrap_or(ctx.clinic)
    }

    fn range(&self) -> Result<ReportRange, UiError> {
        let date = |label: &str, text: &str| {
            crate::gui::fields::date(label, text, || {
                format!(
                    "{label} \"{}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01.",
                    echo(text.trim())
                )
            })
        };
        let from = date("From", &self.from)?;
        let to = date("To", &self.to)?;
        ReportRange::new(from, to).map_err(|e| {
            let mut message = e.to_string();
            if let Some(first) = message.get(..1) {
                message = first.to_uppercase() + &message[1..];
            }
            format!("{message}.")
        })
    }

    /// Handles a message; returns the work to run and what the app should know.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::From(text) => self.from = text,
            Message::To(text) => self.to = text,
            Message::Clinic(choice) => {
                self.clinic = choice.value;
                return self.update(Message::Show, ctx);
            }
            Message::LastDays(days) => {
                let today = local_date(self.clinic(ctx).time_zone, ctx.now);
                self.from = (today - Duration::days(days - 1))
                    .format("%Y-%m-%d")
                    .to_string();
                self.to = today.format("%Y-%m-%d").to_string();
                return self.update(Message::Show, ctx);
            }
            Message::Show => match self.range() {
                Ok(range) => {
                    self.error = None;
                    self.generation += 1;
                    self.loading = true;
                    let generation = self.generation;
                    let (clinic, now) = (self.clinic, ctx.now);
                    let task = ctx
                        .backend
                        .run(move |s| Ok(compute(&s.report_input(clinic, range, now)?)));
                    return (
                        Task::perform(task, move |r| {
                            Message::Computed(generation, r.map(Box::new))
                        }),
                        None,
                    );
                }
                Err(e) => self.error = Some(e),
            },
            Message::Computed(generation, result) => {
                if generation != self.generation {
                    return (Task::none(), None); // an older request: the range changed since
                }
                self.loading = false;
                match result {
                    Ok(report) => self.shown = Some(Box::new(Shown::new(*report))),
                    Err(e) => self.error = Some(e),
                }
            }
            Message::ExportCsv(which) => {
                let Some(shown) = &self.shown else {
                    return (Task::none(), None);
                };
                let range = shown.report.range;
                let name = format!("{}-{}-to-{}.csv", which.name(), range.first(), range.last());
                if !file_chooser::available() {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    self.without_chooser = true;
                    return self.update(Message::CsvPathChosen(which, Some(path)), ctx);
                }
                return (
                    Task::perform(choose_file(name, "CSV", "csv"), move |p| {
                        Message::CsvPathChosen(which, p)
                    }),
                    None,
                );
            }
            Message::CsvPathChosen(_, None) | Message::SheetPathChosen(None) => {
                return (
                    Task::none(),
                    Some(Event::Notice("Not saved: the dialog was cancelled.".into())),
                );
            }
            Message::CsvPathChosen(which, Some(path)) => {
                let Some(shown) = &self.shown else {
                    return (Task::none(), None);
                };
                self.saving = true;
                let task = ctx
                    .backend
                    .clone()
                    .save_report_csv(shown.report.clone(), which, path);
                return (Task::perform(task, Message::Saved), None);
            }
            Message::SheetDate(text) => self.sheet_date = text,
            Message::SheetOf(choice) => {
                self.sheet_of = Some(choice);
                self.error = None;
            }
            Message::SaveSheet => {
                let Some(choice) = &self.sheet_of else {
                    self.error = Some("Choose the doctor or room whose day sheet to print.".into());
                    return (Task::none(), None);
                };
                let Some(date) = parse_date(&self.sheet_date) else {
                    self.error = Some(format!(
                        "Day sheet date \"{}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24.",
                        self.sheet_date.trim()
                    ));
                    return (Task::none(), None);
                };
                self.error = None;
                let name = format!("daysheet-{date}-{}.pdf", slug(&choice.label));
                if !file_chooser::available() {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    self.without_chooser = true;
                    return self.update(Message::SheetPathChosen(Some(path)), ctx);
                }
                return (
                    Task::perform(choose_file(name, "PDF", "pdf"), Message::SheetPathChosen),
                    None,
                );
            }
            Message::SheetPathChosen(Some(path)) => {
                let (Some(choice), Some(date)) = (&self.sheet_of, parse_date(&self.sheet_date))
                else {
                    return (Task::none(), None);
                };
                self.saving = true;
                let task = ctx.backend.clone().save_day_sheet(
                    self.clinic(ctx).clone(),
                    date,
                    choice.value,
                    choice.label.clone(),
                    ctx.now,
                    path,
                );
                return (Task::perform(task, Message::Saved), None);
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(said) => {
                        self.error = None;
                        let said = if std::mem::take(&mut self.without_chooser) {
                            format!(
                                "{said} (this desktop has no file chooser, so it was saved beside the database; install zenity to choose where)"
                            )
                        } else {
                            said
                        };
                        return (Task::none(), Some(Event::Notice(said)));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        (Task::none(), None)
    }

    /// Draws the page.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let clinic = self.clinic(ctx);
        let clinics: Vec<Choice<ClinicId>> = ctx
            .setup
            .clinics
            .iter()
            .map(|c| Choice::new(c.id, c.name.clone()))
            .collect();
        let clinic_picker: Element<'a, Message> = if clinics.len() > 1 {
            pick_list(
                clinics,
                Some(Choice::new(clinic.id, clinic.name.clone())),
                Message::Clinic,
            )
            .text_size(13)
            .into()
        } else {
            text(&clinic.name).size(15).into()
        };
        let quick = |label: &'a str, days: i64| {
            button(text(label).size(12))
                .on_press(Message::LastDays(days))
                .style(button::secondary)
        };
        let status = if self.loading {
            "Computing…"
        } else if self.saving {
            "Saving…"
        } else {
            ""
        };
        let controls = row![
            clinic_picker,
            text("From").size(13),
            text_input("YYYY-MM-DD", &self.from)
                .id("report-from")
                .on_input(Message::From)
                .on_submit(Message::Show)
                .size(13)
                .width(Length::Fixed(105.0)),
            text("to").size(13),
            text_input("YYYY-MM-DD", &self.to)
                .id("report-to")
                .on_input(Message::To)
                .on_submit(Message::Show)
                .size(13)
                .width(Length::Fixed(105.0)),
            button(text("Show").size(13))
                .on_press(Message::Show)
                .style(button::primary),
            quick("7 days", 7),
            quick("30 days", 30),
            quick("90 days", 90),
            quick("365 days", 365),
            text(status).size(13),
            iced::widget::space::horizontal(),
            self.sheet_controls(ctx, clinic),
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center);
        let mut page = column![container(controls).padding([8, 10]).width(Length::Fill)];
        if let Some(e) = &self.error {
            page = page.push(container(widget::error_text(e)).padding([0, 12]));
        }
        let body: Element<'a, Message> = match &self.shown {
            Some(shown) => scrollable(self.charts(shown, clinic))
                .height(Length::Fill)
                .into(),
            None if self.loading => iced::widget::center(text("Computing the reports…")).into(),
            None => iced::widget::center(text("Choose a range and press Show.")).into(),
        };
        page.push(body).height(Length::Fill).into()
    }

    fn sheet_controls<'a>(&'a self, ctx: &Context<'a>, clinic: &'a Clinic) -> Element<'a, Message> {
        let mut targets: Vec<Choice<SheetTarget>> = ctx
            .setup
            .doctors
            .iter()
            .filter(|(d, hours)| {
                d.active && hours.iter().any(|(c, h)| *c == clinic.id && !h.is_empty())
            })
            .map(|(d, _)| Choice::new(SheetTarget::Doctor(d.id), d.name.clone()))
            .collect();
        targets.extend(
            ctx.setup
                .rooms
                .iter()
                .filter(|r| r.clinic == clinic.id && r.active)
                .map(|r| Choice::new(SheetTarget::Room(r.id), r.name.clone())),
        );
        row![
            text("Day sheet").size(13),
            text_input("YYYY-MM-DD", &self.sheet_date)
                .id("sheet-date")
                .on_input(Message::SheetDate)
                .size(13)
                .width(Length::Fixed(105.0)),
            pick_list(targets, self.sheet_of.clone(), Message::SheetOf)
                .placeholder("Doctor or room")
                .text_size(13)
                .width(Length::Fixed(180.0)),
            button(text("Save PDF…").size(13))
                .on_press(Message::SaveSheet)
                .style(button::secondary),
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center)
        .into()
    }

    fn charts<'a>(&'a self, shown: &'a Shown, clinic: &'a Clinic) -> Element<'a, Message> {
        let r = &shown.report;
        let busiest = r
            .busiest
            .busiest()
            .map(|(day, hour, n)| {
                (
                    format!("{day} {hour:02}:00"),
                    format!("{n} booked in that hour"),
                )
            })
            .unwrap_or(("—".into(), "nothing booked".into()));
        let t = &r.attendance_total;
        let cards = row![
            card(
                "Rooms booked",
                pct(r.rooms_total.booked_share()),
                format!("used {}", pct(r.rooms_total.used_share()))
            ),
            card(
                "Clinicians booked",
                pct(r.doctors_total.booked_share()),
                format!("used {}", pct(r.doctors_total.used_share()))
            ),
            card(
                "No-shows",
                pct(t.no_show_rate()),
                format!("{} of {} due", t.no_shows, t.due)
            ),
            card(
                "Late cancellations",
                pct(t.late_cancel_rate()),
                format!("{} of {} due", t.late_cancels, t.due)
            ),
            card(
                "Waiting (median)",
                minutes(r.waiting.median_minutes),
                format!("90th percentile {}", minutes(r.waiting.p90_minutes))
            ),
            card(
                "Consultation (median)",
                minutes(r.consultation.median_minutes),
                format!("mean {}", minutes(r.consultation.mean_minutes))
            ),
            card("Busiest hour", busiest.0, busiest.1),
        ]
        .spacing(8);
        let heading = text(format!(
            "{} · {} to {} ({} days) · times in {}",
            r.clinic_name,
            r.range.first().format("%-d %b %Y"),
            r.range.last().format("%-d %b %Y"),
            r.range.len(),
            clinic.time_zone.name()
        ))
        .size(13);
        let c = &shown.caches;
        column![
            heading,
            cards,
            section(
                "Room utilisation by day (booked share of open time)",
                ReportTable::RoomDays,
                heatmap(&shown.room_days, &c[0]),
            ),
            row![
                section(
                    "Room utilisation",
                    ReportTable::Rooms,
                    bars(&shown.rooms, &c[1])
                ),
                section(
                    "Clinician utilisation",
                    ReportTable::Doctors,
                    bars(&shown.doctors, &c[2])
                ),
            ]
            .spacing(12),
            row![
                section(
                    "No-shows and late cancellations by doctor",
                    ReportTable::NoShows,
                    bars(&shown.no_shows_by_doctor, &c[3])
                ),
                section(
                    "… by visit type",
                    ReportTable::NoShows,
                    bars(&shown.no_shows_by_type, &c[4])
                ),
            ]
            .spacing(12),
            row![
                section(
                    "Waiting time: arrival to consultation (minutes)",
                    ReportTable::Waiting,
                    bars(&shown.waiting, &c[5])
                ),
                section(
                    "Consultation length: start to completion (minutes)",
                    ReportTable::Waiting,
                    bars(&shown.consultation, &c[6])
                ),
            ]
            .spacing(12),
            section(
                "Busiest hours of the week (booked appointments by start)",
                ReportTable::BusiestHours,
                heatmap(&shown.hours, &c[7]),
            ),
        ]
        .spacing(14)
        .padding(iced::Padding {
            top: 4.0,
            right: 22.0,
            bottom: 20.0,
            left: 12.0,
        })
        .into()
    }
}

fn card<'a>(title: &'a str, figure: String, detail: String) -> Element<'a, Message> {
    container(
        column![
            text(title).size(12),
            text(figure).size(22),
            text(detail).size(11.5),
        ]
        .spacing(2),
    )
    .padding([8, 10])
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}

fn section<'a>(
    title: &'a str,
    table: ReportTable,
    chart: Element<'a, Message>,
) -> Element<'a, Message> {
    container(
        column![
            row![
                text(title).size(14).font(iced::Font {
                    weight: iced::font::Weight::Bold,
                    ..iced::Font::DEFAULT
                }),
                iced::widget::space::horizontal(),
                button(text("Export CSV…").size(12))
                    .on_press(Message::ExportCsv(table))
                    .style(button::text),
            ]
            .align_y(iced::Alignment::Center),
            chart,
        ]
        .spacing(6),
    )
    .padding(10)
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}

fn heatmap<'a>(data: &'a HeatmapData, cache: &'a ChartCache) -> Element<'a, Message> {
    canvas(Heatmap { data, cache })
        .width(Length::Fill)
        .height(Length::Fixed(data.height()))
        .into()
}

fn bars<'a>(data: &'a BarsData, cache: &'a ChartCache) -> Element<'a, Message> {
    canvas(Bars { data, cache })
        .width(Length::Fill)
        .height(Length::Fixed(data.height()))
        .into()
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
    fn file_names_are_slugs() {
        assert_eq!(slug("Dr. Zoë O'Neil"), "dr-zoë-o-neil");
        assert_eq!(slug("Room 3"), "room-3");
    }
}
