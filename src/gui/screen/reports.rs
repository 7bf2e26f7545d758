//! The Reports page: a clinic and a range of dates, the figures that matter at a glance, and the
//! charts (room × day utilisation, room and clinician utilisation, no-show and late-cancel
//! rates, waiting time and consultation length, the busiest hours of the week), each with
//! "Export CSV…"; and the printable day sheet of a doctor or a room. Reports are computed in a
//! Task (the page shows "Computing…"); an answer for an older request is dropped.

mod figures;

use crate::gui::choice_keys::pick_list;
use std::path::PathBuf;

use chrono::Duration;
use iced::widget::{button, canvas, column, container, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::report_charts::{Bars, BarsData, ChartCache, Heatmap, HeatmapData};
use crate::gui::backend::{SheetTarget, UiError};
use crate::gui::file_chooser;
use crate::gui::widget::{self, Choice};
use crate::i18n::dates;
use crate::reports::ReportTable;
use crate::scheduling::report::{Report, ReportRange, compute};
use crate::scheduling::time::{echo, local_date, parse_date};
use crate::scheduling::*;
use figures::{Shown, minutes, pct};

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
        let date = |label: String, text: &str| {
            crate::gui::fields::date(&label, text, || {
                crate::t!(
                    "reports-not-a-date",
                    field = label.as_str(),
                    typed = echo(text.trim())
                )
            })
        };
        let from = date(crate::t!("reports-field-from"), &self.from)?;
        let to = date(crate::t!("reports-field-to"), &self.to)?;
        // The core's words as a sentence: a capital first letter and a full stop (or "।").
        ReportRange::new(from, to).map_err(|e| super::waitlist_form::sentence(&e.to_string()))
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
                    Some(Event::Notice(crate::t!("reports-not-saved"))),
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
                    self.error = Some(crate::t!("reports-sheet-choose"));
                    return (Task::none(), None);
                };
                let Some(date) = parse_date(&self.sheet_date) else {
                    self.error = Some(crate::t!(
                        "reports-sheet-not-a-date",
                        typed = self.sheet_date.trim()
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
                            crate::t!("reports-saved-beside", said = said)
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
        let quick = |days: i64| {
            button(text(crate::t!("reports-last-days", count = days)).size(12))
                .on_press(Message::LastDays(days))
                .style(button::secondary)
        };
        let status = if self.loading {
            crate::t!("reports-computing")
        } else if self.saving {
            crate::t!("reports-saving")
        } else {
            String::new()
        };
        let controls = row![
            clinic_picker,
            text(crate::t!("reports-from")).size(13),
            text_input("YYYY-MM-DD", &self.from)
                .id("report-from")
                .on_input(Message::From)
                .on_submit(Message::Show)
                .size(13)
                .width(Length::Fixed(105.0)),
            text(crate::t!("reports-to")).size(13),
            text_input("YYYY-MM-DD", &self.to)
                .id("report-to")
                .on_input(Message::To)
                .on_submit(Message::Show)
                .size(13)
                .width(Length::Fixed(105.0)),
            button(text(crate::t!("reports-show")).size(13))
                .on_press(Message::Show)
                .style(button::primary),
            quick(7),
            quick(30),
            quick(90),
            quick(365),
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
            None if self.loading => {
                iced::widget::center(text(crate::t!("reports-computing-all"))).into()
            }
            None => iced::widget::center(text(crate::t!("reports-choose-range"))).into(),
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
            text(crate::t!("reports-day-sheet")).size(13),
            text_input("YYYY-MM-DD", &self.sheet_date)
                .id("sheet-date")
                .on_input(Message::SheetDate)
                .size(13)
                .width(Length::Fixed(105.0)),
            pick_list(targets, self.sheet_of.clone(), Message::SheetOf)
                .placeholder(crate::t!("reports-doctor-or-room"))
                .text_size(13)
                .width(Length::Fixed(180.0)),
            button(text(crate::t!("reports-save-pdf")).size(13))
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
                    crate::t!(
                        "reports-busiest-when",
                        weekday = dates::weekday_short(day),
                        time = format!("{hour:02}:00")
                    ),
                    crate::t!("reports-busiest-count", count = n.to_string()),
                )
            })
            .unwrap_or(("—".into(), crate::t!("reports-nothing-booked")));
        let t = &r.attendance_total;
        let cards = row![
            card(
                crate::t!("reports-rooms-booked"),
                pct(r.rooms_total.booked_share()),
                crate::t!("reports-used", share = pct(r.rooms_total.used_share()))
            ),
            card(
                crate::t!("reports-clinicians-booked"),
                pct(r.doctors_total.booked_share()),
                crate::t!("reports-used", share = pct(r.doctors_total.used_share()))
            ),
            card(
                crate::t!("reports-no-shows"),
                pct(t.no_show_rate()),
                crate::t!(
                    "reports-of-due",
                    count = t.no_shows.to_string(),
                    due = t.due.to_string()
                )
            ),
            card(
                crate::t!("reports-late-cancellations"),
                pct(t.late_cancel_rate()),
                crate::t!(
                    "reports-of-due",
                    count = t.late_cancels.to_string(),
                    due = t.due.to_string()
                )
            ),
            card(
                crate::t!("reports-waiting-median"),
                minutes(r.waiting.median_minutes),
                match r.called_to_seen.median_minutes {
                    Some(_) => crate::t!(
                        "reports-p90-and-called-to-seen",
                        minutes = minutes(r.waiting.p90_minutes),
                        called = minutes(r.called_to_seen.median_minutes)
                    ),
                    None => crate::t!("reports-p90-of", minutes = minutes(r.waiting.p90_minutes)),
                }
            ),
            card(
                crate::t!("reports-consultation-median"),
                minutes(r.consultation.median_minutes),
                crate::t!(
                    "reports-mean-of",
                    minutes = minutes(r.consultation.mean_minutes)
                )
            ),
            card(crate::t!("reports-busiest-hour"), busiest.0, busiest.1),
        ]
        .spacing(8);
        let heading = text(crate::t!(
            "reports-heading",
            clinic = r.clinic_name.as_str(),
            first = dates::day_month_year(r.range.first()),
            last = dates::day_month_year(r.range.last()),
            days = r.range.len(),
            zone = clinic.time_zone.name()
        ))
        .size(13);
        let c = &shown.caches;
        column![
            heading,
            cards,
            section(
                crate::t!("reports-section-room-days"),
                ReportTable::RoomDays,
                heatmap(&shown.room_days, &c[0]),
            ),
            row![
                section(
                    crate::t!("reports-section-rooms"),
                    ReportTable::Rooms,
                    bars(&shown.rooms, &c[1])
                ),
                section(
                    crate::t!("reports-section-doctors"),
                    ReportTable::Doctors,
                    bars(&shown.doctors, &c[2])
                ),
            ]
            .spacing(12),
            row![
                section(
                    crate::t!("reports-section-no-shows"),
                    ReportTable::NoShows,
                    bars(&shown.no_shows_by_doctor, &c[3])
                ),
                section(
                    crate::t!("reports-section-by-visit-type"),
                    ReportTable::NoShows,
                    bars(&shown.no_shows_by_type, &c[4])
                ),
            ]
            .spacing(12),
            row![
                section(
                    crate::t!("reports-section-waiting"),
                    ReportTable::Waiting,
                    bars(&shown.waiting, &c[5])
                ),
                section(
                    crate::t!("reports-section-consultation"),
                    ReportTable::Waiting,
                    bars(&shown.consultation, &c[6])
                ),
            ]
            .spacing(12),
            section(
                crate::t!("reports-section-busiest"),
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

fn card<'a>(title: String, figure: String, detail: String) -> Element<'a, Message> {
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
    title: String,
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
                button(text(crate::t!("reports-export-csv")).size(12))
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
    fn file_names_are_slugs() {
        assert_eq!(slug("Dr. Zoë O'Neil"), "dr-zoë-o-neil");
        assert_eq!(slug("Room 3"), "room-3");
    }
}
