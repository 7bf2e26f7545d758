//! Drawing the desk: the page tabs, the top bar (clinic, date navigation, views, walk-in), the
//! calendar grid, the side panel, the pages, the status line and the command palette.

use crate::gui::choice_keys::pick_list;
use iced::widget::{
    button, canvas, checkbox, column, container, opaque, responsive, row, scrollable, stack, text,
};
use iced::{Element, Length};

use super::{Desk, Message, Page, Panel, WeekOf};
use crate::gui::calendar::{Grid, HoverCard, View};
use crate::gui::screen::{offer, today};
use crate::gui::top_bar;
use crate::gui::widget::{self, Choice};
use crate::scheduling::permission::Action;
use crate::scheduling::*;
use iced::widget::text::Wrapping;

/// Width of the side panel.
const PANEL_WIDTH: f32 = 380.0;

impl Desk {
    /// The desk: the page tabs, the page shown, the status line, and the palette over them.
    /// `dark` is the window's theme (the top bar's button shows the other one).
    pub fn view(&self, dark: bool) -> Element<'_, Message> {
        let main = column![self.pages(dark), self.status_line()];
        if let Some(palette) = &self.palette
            && let Some((ctx, _)) = self.context()
        {
            let card = palette.view(&ctx).map(Message::Palette);
            return stack![
                main,
                opaque(
                    container(card)
                        .center_x(Length::Fill)
                        .padding(iced::Padding {
                            top: 80.0,
                            ..iced::Padding::ZERO
                        })
                        .height(Length::Fill)
                        .style(widget::shade)
                )
            ]
            .into();
        }
        main.into()
    }

    /// The status line: the error or the notice, and Undo while there is a change to undo;
    /// above it, while the database cannot be reached, a line that says so (`live.rs`).
    fn status_line(&self) -> Element<'_, Message> {
        let undo = self.history.can_undo().then(|| {
            button(text(crate::t!("desk-undo")).size(12))
                .on_press(Message::Undo)
                .style(button::text)
                .into()
        });
        let line = widget::status_line(
            self.error.as_deref(),
            self.notice.as_deref(),
            Message::DismissError,
            undo,
        );
        match self.lost_line() {
            Some(lost) => iced::widget::column![
                iced::widget::container(
                    text(lost)
                        .size(13)
                        .color(iced::Color::from_rgb8(0xdc, 0x26, 0x26))
                )
                .padding([4, 12])
                .width(iced::Length::Fill)
                .style(iced::widget::container::secondary),
                line
            ]
            .into(),
            None => line,
        }
    }

    /// The calendar page: the top bar, the grid and the side panel.
    fn calendar_page<'a>(&'a self, clinic: &'a Clinic, dark: bool) -> Element<'a, Message> {
        // Laid out for the page's width, so the top bar takes the height of what it holds.
        responsive(move |size| self.calendar_body(clinic, dark, size.width)).into()
    }

    /// The calendar page for a window `width` wide.
    fn calendar_body<'a>(
        &'a self,
        clinic: &'a Clinic,
        dark: bool,
        width: f32,
    ) -> Element<'a, Message> {
        let zone = clinic.time_zone;
        let ctx = self.context_at(clinic);
        let panel: Element<'a, Message> = match &self.panel {
            Panel::Today => today::view(
                today::Inputs {
                    entries: &self.today,
                    now: self.now,
                    zone,
                    rules: &self.waiting_room.rules,
                    may_call: self
                        .who
                        .may(crate::scheduling::permission::Action::ChangeStatus),
                    calling: self.waiting_room.calling.is_some(),
                    by_room: self.view == View::DayByRoom,
                },
                Message::Select,
                |target| Message::WaitingRoom(super::waiting_room::Message::CallNext(target)),
            ),
            Panel::Booking(form) => form.view(&ctx).map(Message::Booking),
            Panel::Details(panel) => panel.view(&ctx).map(Message::Details),
            Panel::WalkIn(form) => form.view(&ctx).map(Message::WalkIn),
            Panel::ViewOptions => view_options(self, clinic),
            Panel::FindSlot(panel) => panel.view(&ctx).map(Message::FindSlot),
            Panel::Offer(panel) => panel.view(&ctx).map(Message::Offer),
        };
        let panel = super::keys::panel(panel, &self.panel);
        let grid = responsive(move |size| {
            let grid = Grid {
                zone,
                columns: &self.columns,
                blocks: &self.blocks,
                entries: &self.entries,
                colours: &self.colours,
                minutes: self.minutes,
                selected: self.selected,
                cursor: self.cursor,
                now: self.now,
                step: super::drag::click_grid(self, clinic),
                late: &self.late,
                visible: iced::Rectangle::new(iced::Point::ORIGIN, size),
                zoom: self.zoom,
                doctor_colours: &self.doctor_colours,
                cache: &self.cache,
            };
            self.viewport.set(size);
            let wanted = grid.wanted_size(size.width - SCROLLBAR);
            // The scrollable clamps its offset to the content; so does our copy of it.
            let max_x = (wanted.width - size.width).max(0.0);
            let max_y = (wanted.height - size.height).max(0.0);
            let grid = Grid {
                visible: iced::Rectangle::new(
                    iced::Point::new(self.scroll.0.min(max_x), self.scroll.1.min(max_y)),
                    size,
                ),
                ..grid
            };
            let card: Element<'_, crate::gui::calendar::GridEvent> = canvas(HoverCard {
                grid,
                content: wanted,
            })
            .width(Length::Fill)
            .height(Length::Fill)
            .into();
            let canvas: Element<'_, crate::gui::calendar::GridEvent> = canvas(grid)
                .width(Length::Fixed(wanted.width))
                .height(Length::Fixed(wanted.height))
                .into();
            let scrolled = scrollable(canvas.map(Message::Grid))
                .id(crate::gui::calendar::SCROLL_ID)
                .direction(scrollable::Direction::Both {
                    vertical: scrollable::Scrollbar::default(),
                    horizontal: scrollable::Scrollbar::default(),
                })
                .on_scroll(|viewport| {
                    let offset = viewport.absolute_offset();
                    Message::Scrolled(offset.x, offset.y)
                })
                .width(Length::Fill)
                .height(Length::Fill);
            stack![scrolled, card.map(Message::Grid)].into()
        });
        column![
            self.top_bar(clinic, dark, width),
            offer::banner(
                &self.offers,
                clinic.id,
                zone,
                Message::OpenOffer,
                Message::DismissOffer
            ),
            crate::gui::pinboard::strip(&self.pinboard, zone),
            row![
                container(crate::gui::block_menu::over(grid.into(), self, self.now))
                    .width(Length::Fill)
                    .height(Length::Fill),
                container(panel)
                    .width(Length::Fixed(PANEL_WIDTH))
                    .height(Length::Fill)
                    .style(container::bordered_box),
            ]
            .height(Length::Fill)
        ]
        .height(Length::Fill)
        .into()
    }

    /// The page tabs above everything, then the page shown.
    fn pages(&self, dark: bool) -> Element<'_, Message> {
        let Some(clinic) = self.clinic() else {
            return text(crate::t!("desk-clinic-missing")).into();
        };
        let page = match &self.page {
            Page::Calendar => self.calendar_page(clinic, dark),
            Page::Settings(state) => self.settings_page(state, clinic),
            Page::Waitlist(state) => {
                let ctx = self.context_at(clinic);
                state.view(&ctx).map(Message::Waitlist)
            }
            Page::Reports(state) => self.reports_page(state, clinic),
            Page::AccessLog(state) => {
                let ctx = self.context_at(clinic);
                state.view(&ctx).map(Message::AccessLog)
            }
            Page::Reminders(state) => self.reminders_page(clinic, state),
            Page::Data(state) => self.data_page(clinic, state),
        };
        let page = if self.page.is_calendar() {
            page
        } else {
            super::keys::page(page, &self.page)
        };
        let mut shown = column![page_tabs(self, self.signed_in_bar())];
        // A recovery key waiting to be noted, over every page, for whoever encrypted.
        if let Some(pending) = &self.recovery
            && pending.by == self.who.name
        {
            shown = shown.push(
                iced::widget::container(crate::gui::screen::encryption::recovery_view(
                    &pending.done,
                    Message::RecoveryNoted,
                ))
                .padding([8, 16]),
            );
        }
        shown.push(page).height(Length::Fill).into()
    }

    /// The top bar for a window `width` wide: the buttons that do not fit go under "More",
    /// whose row takes room only while it is open and holds something.
    fn top_bar<'a>(&'a self, clinic: &'a Clinic, dark: bool, width: f32) -> Element<'a, Message> {
        // The week's dates: "23–29 Nov 2026", or "30 Nov – 6 Dec 2026" across two months.
        let week_range = || {
            use crate::i18n::dates;
            let monday = crate::gui::calendar::week_start(self.date);
            let sunday = monday + chrono::Duration::days(6);
            if chrono::Datelike::month(&monday) == chrono::Datelike::month(&sunday) {
                crate::t!(
                    "calendar-week-range-in-month",
                    first = chrono::Datelike::day(&monday).to_string(),
                    last = dates::day_month_year(sunday)
                )
            } else {
                crate::t!(
                    "calendar-week-range",
                    first = dates::day_month(monday),
                    last = dates::day_month_year(sunday)
                )
            }
        };
        let title = match self.view {
            View::DayByDoctor | View::DayByRoom => crate::i18n::dates::long(self.date),
            _ => crate::t!("calendar-week-title", range = week_range()),
        };
        let mode = |label: String, on: bool, message: Message| {
            button(text(label).size(13)).on_press(message).style(if on {
                button::primary
            } else {
                button::secondary
            })
        };
        let mut weeks: Vec<Choice<WeekOf>> = self
            .setup
            .doctors
            .iter()
            .filter(|(d, _)| d.active)
            .map(|(d, _)| Choice::new(WeekOf::Doctor(d.id), d.name.clone()))
            .collect();
        weeks.extend(
            self.setup
                .rooms
                .iter()
                .filter(|r| r.clinic == clinic.id)
                .map(|r| Choice::new(WeekOf::Room(r.id), r.name.clone())),
        );
        let week_selected = weeks
            .iter()
            .find(|c| match (c.value, self.view) {
                (WeekOf::Doctor(a), View::WeekOfDoctor(b)) => a == b,
                (WeekOf::Room(a), View::WeekOfRoom(b)) => a == b,
                _ => false,
            })
            .cloned();
        let clinics: Vec<Choice<ClinicId>> = self
            .setup
            .clinics
            .iter()
            .map(|c| Choice::new(c.id, c.name.clone()))
            .collect();
        let loading = if self.loading { " …" } else { "" };
        let title = format!("{title}{loading}");
        let short_title = match self.view {
            View::DayByDoctor | View::DayByRoom => {
                format!("{}{loading}", crate::i18n::dates::medium(self.date))
            }
            // "23–29 Nov 2026": the week picker beside it says whose.
            _ => format!("{}{loading}", week_range()),
        };
        let clinic_width = if clinics.len() > 1 {
            200.0
        } else {
            top_bar::text_width(&clinic.name, 15.0)
        };
        let zoom = self.zoom;
        let more_open = self.more_open;
        let view = self.view;
        // The bar's own width: the window's less the padding round it.
        let inner = (width - 20.0).max(0.0);
        let bar: Element<'a, Message> = (move || {
            // What always stays: the clinic, ◀ Today ▶, the title, the week picker, padding.
            let fixed = |title: &str| {
                clinic_width
                    + 150.0
                    + top_bar::text_width(title, 16.0)
                    + 6.0
                    + WEEK_PICKER
                    + 20.0
                    + 9.0 * 6.0
            };
            // A narrow window reads the date short before any button goes to "More".
            let (mut shown, mut more) = top_bar::split(inner, fixed(&title));
            let mut title = title.clone();
            if !more.is_empty() {
                (shown, more) = top_bar::split(inner, fixed(&short_title));
                title = short_title.clone();
            }
            let clinic_picker: Element<'a, Message> = if clinics.len() > 1 {
                pick_list(
                    clinics.clone(),
                    Some(Choice::new(clinic.id, clinic.name.clone())),
                    Message::Clinic,
                )
                .width(Length::Fixed(200.0))
                .into()
            } else {
                text(&clinic.name).size(15).wrapping(Wrapping::None).into()
            };
            let mut bar = row![
                clinic_picker,
                button(text("◀"))
                    .on_press(Message::Previous)
                    .style(button::secondary),
                button(text(crate::t!("calendar-today")).wrapping(Wrapping::None))
                    .on_press(Message::Today)
                    .style(button::secondary),
                button(text("▶"))
                    .on_press(Message::Next)
                    .style(button::secondary),
                text(title).size(16).wrapping(Wrapping::None),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center);
            let mut right = Vec::new();
            for action in &shown {
                let on_bar: Element<'a, Message> = match action {
                    top_bar::Action::ByDoctor => {
                        mode(action.label(), view == View::DayByDoctor, action.message()).into()
                    }
                    top_bar::Action::ByRoom => {
                        mode(action.label(), view == View::DayByRoom, action.message()).into()
                    }
                    top_bar::Action::ViewOptions => button(text(action.label()).size(13))
                        .on_press(action.message())
                        .style(button::secondary)
                        .into(),
                    top_bar::Action::ZoomOut | top_bar::Action::ZoomIn => {
                        let (closest, furthest) = zoom.at_ends();
                        let (sign, end) = if *action == top_bar::Action::ZoomIn {
                            ("+", closest)
                        } else {
                            ("−", furthest)
                        };
                        button(text(sign).size(15))
                            .on_press_maybe((!end).then(|| action.message()))
                            .style(button::secondary)
                            .into()
                    }
                    top_bar::Action::FindSlot | top_bar::Action::WalkIn => {
                        right.push(*action);
                        continue;
                    }
                    top_bar::Action::Theme | top_bar::Action::Help => {
                        right.push(*action);
                        continue;
                    }
                };
                bar = bar.push(on_bar);
                if *action == top_bar::Action::ZoomOut {
                    bar = bar.push(text(format!("{}%", zoom.percent())).size(12));
                }
            }
            bar = bar.push(
                pick_list(weeks.clone(), week_selected.clone(), Message::Week)
                    .placeholder(crate::t!("calendar-week-of"))
                    .text_size(13)
                    .menu_height(Length::Fixed(320.0))
                    .width(Length::Fixed(WEEK_PICKER)),
            );
            bar = bar.push(iced::widget::space::horizontal());
            // The right-hand group keeps its usual order.
            for action in [
                top_bar::Action::FindSlot,
                top_bar::Action::WalkIn,
                top_bar::Action::Theme,
                top_bar::Action::Help,
            ] {
                if !right.contains(&action) {
                    continue;
                }
                let item: Element<'a, Message> = match action {
                    top_bar::Action::WalkIn => {
                        button(text(action.label()).size(13).wrapping(Wrapping::None))
                            .on_press(action.message())
                            .style(button::success)
                            .into()
                    }
                    top_bar::Action::Theme => button(text(if dark { "☀" } else { "☾" }).size(15))
                        .on_press(action.message())
                        .style(button::text)
                        .into(),
                    top_bar::Action::Help => button(text("?").size(15))
                        .on_press(action.message())
                        .style(button::text)
                        .into(),
                    _ => button(text(action.label()).size(13).wrapping(Wrapping::None))
                        .on_press(action.message())
                        .style(button::secondary)
                        .into(),
                };
                bar = bar.push(item);
            }
            if more.is_empty() {
                return container(bar).height(Length::Fixed(BAR)).into();
            }
            bar = bar.push(
                button(
                    text(if more_open {
                        top_bar::less()
                    } else {
                        top_bar::more()
                    })
                    .size(13)
                    .wrapping(Wrapping::None),
                )
                .on_press(Message::ToggleMore)
                .style(button::secondary),
            );
            if !more_open {
                return container(bar).height(Length::Fixed(BAR)).into();
            }
            // The buttons that did not fit, in a row of their own below the bar.
            let menu = row(more.iter().map(|action| {
                button(text(action.label()).size(13).wrapping(Wrapping::None))
                    .on_press(action.message())
                    .style(button::secondary)
                    .into()
            }))
            .spacing(6);
            container(column![bar, container(menu).align_right(Length::Fill)].spacing(6))
                .height(Length::Fixed(BAR_WITH_MORE))
                .into()
        })();
        container(bar).padding([6, 10]).width(Length::Fill).into()
    }
}

/// The top bar's height.
const BAR: f32 = 34.0;

/// The page tabs' height.
const TABS: f32 = 30.0;

/// The top bar's height with its "More" row open.
const BAR_WITH_MORE: f32 = 74.0;

/// Room kept for the grid's vertical scroll bar.
pub(super) const SCROLLBAR: f32 = 14.0;

/// Width of the week picker in the top bar.
const WEEK_PICKER: f32 = 180.0;

/// The row of page tabs: one per full-window page, the one shown highlighted; who is at the
/// desk on the right.
fn page_tabs<'a>(desk: &'a Desk, at_desk: Element<'a, Message>) -> Element<'a, Message> {
    let tab = |label: String, on: bool, message: Message| -> Element<'a, Message> {
        button(text(label).size(13))
            .on_press(message)
            .padding([3, 12])
            .style(if on { button::primary } else { button::text })
            .into()
    };
    let may = |action: Action| desk.who.may(action);
    let mut tabs = vec![tab(
        crate::t!("tabs-calendar"),
        desk.page.is_calendar(),
        Message::ShowCalendar,
    )];
    if may(Action::Settings) {
        tabs.push(tab(
            crate::t!("tabs-settings"),
            matches!(desk.page, Page::Settings(_)),
            Message::ShowSettings,
        ));
    }
    tabs.push(tab(
        crate::t!("tabs-waitlist"),
        matches!(desk.page, Page::Waitlist(_)),
        Message::ShowWaitlist,
    ));
    if may(Action::Reports) {
        tabs.push(tab(
            crate::t!("tabs-reports"),
            matches!(desk.page, Page::Reports(_)),
            Message::ShowReports,
        ));
    }
    tabs.push(tab(
        desk.reminders.tab_label(),
        matches!(desk.page, Page::Reminders(_)),
        Message::OpenReminders,
    ));
    if may(Action::Backup) {
        tabs.push(tab(
            crate::t!("tabs-data"),
            matches!(desk.page, Page::Data(_)),
            Message::ShowData,
        ));
    }
    if may(Action::AccessLog) {
        tabs.push(tab(
            crate::t!("tabs-access-log"),
            matches!(desk.page, Page::AccessLog(_)),
            Message::ShowAccessLog,
        ));
    }
    let bar = row(tabs)
        .spacing(2)
        .push(iced::widget::space::horizontal())
        .push(at_desk)
        .align_y(iced::Alignment::Center);
    container(bar)
        .padding([2, 6])
        .width(Length::Fill)
        // A whole number of pixels, so the grid below starts on a pixel's edge (the
        // renderer keeps the grid's pixels between frames only where its clip does).
        .height(Length::Fixed(TABS))
        .style(container::secondary)
        .into()
}

/// The view options: go to a date, show cancelled, and which doctors and rooms are shown.
fn view_options<'a>(desk: &'a Desk, clinic: &'a Clinic) -> Element<'a, Message> {
    let toggle = |id: uuid::Uuid, label: String| -> Element<'a, Message> {
        checkbox(!desk.hidden.contains(&id))
            .label(label)
            .on_toggle(move |_| Message::ToggleColumn(id))
            .size(15)
            .text_size(13)
            .into()
    };
    let doctors = desk
        .setup
        .doctors
        .iter()
        .filter(|(d, _)| d.active)
        .map(|(d, _)| toggle(d.id.0, format!("{} · {}", d.name, d.specialty)));
    let rooms = desk
        .setup
        .rooms
        .iter()
        .filter(|r| r.clinic == clinic.id && r.active)
        .map(|r| toggle(r.id.0, r.name.clone()));
    scrollable(
        column![
            row![
                widget::heading(crate::t!("desk-view-title")),
                iced::widget::space::horizontal(),
                button(text(crate::t!("desk-close")))
                    .on_press(Message::ClosePanel)
                    .style(button::secondary)
            ],
            widget::field(
                crate::t!("desk-go-to-date"),
                row![
                    iced::widget::text_input("2026-12-01", &desk.date_text)
                        .id("go-to-date")
                        .on_input(Message::DateText)
                        .on_submit(Message::GoToDate),
                    button(text(crate::t!("desk-go"))).on_press(Message::GoToDate)
                ]
                .spacing(6)
            ),
            crate::gui::mini_calendar::view(
                desk.mini_month
                    .filter(|(_, at)| *at == desk.date)
                    .map_or(desk.date, |(month, _)| month),
                desk.date,
                desk.today_for.map(|(_, d)| d)
            )
            .map(Message::MiniCalendar),
            checkbox(desk.show_cancelled)
                .label(crate::t!("desk-show-cancelled"))
                .on_toggle(Message::ShowCancelled)
                .size(15)
                .text_size(13),
            text(crate::t!("desk-doctors-shown")).size(15),
            column(doctors).spacing(4),
            text(crate::t!("desk-rooms-shown")).size(15),
            column(rooms).spacing(4),
        ]
        .spacing(10)
        .padding(14),
    )
    .into()
}
