//! The Settings page: the clinic, doctors (details, weekly hours, leave), rooms (details,
//! hours, blockouts), visit types, staff, and the history of setup changes. Every form checks
//! its input with the core's rules and shows each problem next to its field, saving nothing;
//! a change that strands booked appointments lists them before it is saved.

mod absences;
mod clinic;
mod doctors;
mod guard;
mod history;
mod parts;
mod rooms;
mod staff;
mod this_desk;
mod visit_types;
mod waiting_room;

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::store::{AgendaEntry, SetupAuditEvent};

/// The page's state; each section keeps its form while another is shown.
#[derive(Debug, Clone)]
pub struct State {
    section: Section,
    clinic: clinic::Form,
    doctors: doctors::State,
    rooms: rooms::State,
    visit_types: visit_types::State,
    staff: staff::State,
    waiting_room: waiting_room::Form,
    history: Vec<SetupAuditEvent>,
    history_error: Option<UiError>,
    /// The number of the latest read of the history ([`Message::HistoryLoaded`]).
    history_reads: u64,
}

/// The parts of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The clinic: name, address, zone, slot length, opening hours.
    Clinic,
    /// Doctors, their hours and leave.
    Doctors,
    /// Rooms, their hours and blockouts.
    Rooms,
    /// Visit types.
    VisitTypes,
    /// Staff members.
    Staff,
    /// The waiting room: call order, calls, waits, the board and the kiosk.
    WaitingRoom,
    /// Recent setup changes.
    History,
    /// This desk's own preferences (its language).
    ThisDesk,
}

impl Section {
    const ALL: [Section; 8] = [
        Section::Clinic,
        Section::Doctors,
        Section::Rooms,
        Section::VisitTypes,
        Section::Staff,
        Section::WaitingRoom,
        Section::History,
        Section::ThisDesk,
    ];

    fn label(self) -> String {
        match self {
            Section::Clinic => crate::t!("settings-section-clinic"),
            Section::Doctors => crate::t!("settings-section-doctors"),
            Section::Rooms => crate::t!("settings-section-rooms"),
            Section::VisitTypes => crate::t!("settings-section-visit-types"),
            Section::Staff => crate::t!("settings-section-staff"),
            Section::WaitingRoom => crate::t!("settings-section-waiting-room"),
            Section::History => crate::t!("settings-section-history"),
            Section::ThisDesk => crate::t!("settings-section-this-desk"),
        }
    }
}

/// What happens on the Settings page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A section was chosen.
    Section(Section),
    /// A message for the clinic form.
    Clinic(clinic::Message),
    /// A message for the doctors section.
    Doctors(doctors::Message),
    /// A message for the rooms section.
    Rooms(rooms::Message),
    /// A message for the visit types section.
    VisitTypes(visit_types::Message),
    /// A message for the staff section.
    Staff(staff::Message),
    /// A message for the waiting room's rules.
    WaitingRoom(waiting_room::Message),
    /// A language was chosen for this desk.
    Language(crate::gui::desk_prefs::LanguageChoice),
    /// The setup history arrived, for the read with this number (an answer to an earlier
    /// read than the latest is dropped).
    HistoryLoaded(u64, Result<Vec<SetupAuditEvent>, UiError>),
}

/// What the page tells the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// The setup changed: reload it so the calendar and forms show it.
    SetupChanged,
    /// Something was stored that the window's setup does not hold (leave, blockouts).
    Changed,
    /// Open this appointment on the calendar (to move it).
    Open(Box<AgendaEntry>),
    /// Use this language at this desk from now on.
    Language(crate::gui::desk_prefs::LanguageChoice),
}

/// Reads the setup history, as read number `number`.
fn load_history(ctx: &Context<'_>, number: u64) -> Task<Message> {
    Task::perform(
        ctx.backend.run(|s| s.setup_history(None, history::SHOWN)),
        move |r| Message::HistoryLoaded(number, r),
    )
}

impl State {
    /// The page on the clinic shown, and the task that loads the history.
    pub fn new(ctx: &Context<'_>) -> (Self, Task<Message>) {
        let state = Self {
            section: Section::Clinic,
            clinic: clinic::Form::new(ctx.clinic),
            doctors: doctors::State::default(),
            rooms: rooms::State::default(),
            visit_types: visit_types::State::default(),
            staff: staff::State::default(),
            waiting_room: waiting_room::Form::default(),
            history: Vec::new(),
            history_error: None,
            history_reads: 0,
        };
        let rules = waiting_room::Form::load(ctx).map(Message::WaitingRoom);
        (state, Task::batch([load_history(ctx, 0), rules]))
    }

    /// Reads the setup history again (the database changed). The lists of doctors, rooms and
    /// visit types are the desk's setup, read again by the desk; the forms keep what was typed.
    pub fn read_again(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.history_reads = self.history_reads.wrapping_add(1);
        load_history(ctx, self.history_reads)
    }

    /// The section shown.
    pub fn section(&self) -> Section {
        self.section
    }

    /// The clinic the page edits.
    pub fn clinic(&self) -> crate::scheduling::ClinicId {
        self.clinic.id()
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let (task, event) = match message {
            Message::Section(section) => {
                self.section = section;
                return (Task::none(), None);
            }
            Message::Language(choice) => return (Task::none(), Some(Event::Language(choice))),
            Message::HistoryLoaded(number, result) => {
                if number != self.history_reads {
                    return (Task::none(), None);
                }
                match result {
                    Ok(events) => {
                        self.history = events;
                        self.history_error = None;
                    }
                    Err(e) => self.history_error = Some(e),
                }
                return (Task::none(), None);
            }
            Message::Clinic(m) => {
                let (t, e) = self.clinic.update(m, ctx);
                (t.map(Message::Clinic), e)
            }
            Message::Doctors(m) => {
                let (t, e) = self.doctors.update(m, ctx);
                (t.map(Message::Doctors), e)
            }
            Message::Rooms(m) => {
                let (t, e) = self.rooms.update(m, ctx);
                (t.map(Message::Rooms), e)
            }
            Message::VisitTypes(m) => {
                let (t, e) = self.visit_types.update(m, ctx);
                (t.map(Message::VisitTypes), e)
            }
            Message::Staff(m) => {
                let (t, e) = self.staff.update(m, ctx);
                (t.map(Message::Staff), e)
            }
            Message::WaitingRoom(m) => {
                let saved = matches!(m, waiting_room::Message::Saved(Ok(())));
                let t = self.waiting_room.update(m, ctx).map(Message::WaitingRoom);
                (t, saved.then_some(Event::Changed))
            }
        };
        match event {
            Some(Event::SetupChanged | Event::Changed) => {
                (Task::batch([task, self.read_again(ctx)]), event)
            }
            other => (task, other),
        }
    }

    /// The page: the sections on the left, the one chosen beside them.
    pub fn view<'a>(
        &'a self,
        ctx: &Context<'a>,
        language: crate::gui::desk_prefs::LanguageChoice,
    ) -> Element<'a, Message> {
        let mut nav = column![text(crate::t!("settings-title")).size(20)].spacing(4);
        for section in Section::ALL {
            if section == Section::Staff
                && !ctx.may(crate::scheduling::permission::Action::StaffAndRoles)
            {
                continue;
            }
            nav = nav.push(
                button(text(section.label()).size(14))
                    .on_press(Message::Section(section))
                    .width(Length::Fill)
                    .padding([6, 10])
                    .style(if section == self.section {
                        button::primary
                    } else {
                        button::text
                    }),
            );
        }
        nav = nav
            .push(iced::widget::space::vertical())
            .push(text(crate::t!("settings-recorded-as", actor = ctx.actor)).size(12));
        let body: Element<'a, Message> = match self.section {
            Section::Clinic => parts::form_scroll(self.clinic.view(ctx).map(Message::Clinic)),
            Section::Doctors => self.doctors.view(ctx).map(Message::Doctors),
            Section::Rooms => self.rooms.view(ctx).map(Message::Rooms),
            Section::VisitTypes => self.visit_types.view(ctx).map(Message::VisitTypes),
            Section::Staff => self.staff.view(ctx).map(Message::Staff),
            Section::WaitingRoom => {
                parts::form_scroll(self.waiting_room.view(ctx).map(Message::WaitingRoom))
            }
            Section::ThisDesk => parts::form_scroll(this_desk::view(language)),
            Section::History => history::view(
                &self.history,
                &self.history_error,
                ctx.setup,
                ctx.clinic.time_zone,
            ),
        };
        row![
            container(nav)
                .width(Length::Fixed(170.0))
                .height(Length::Fill)
                .padding(12)
                .style(container::secondary),
            container(body)
                .width(Length::Fill)
                .height(Length::Fill)
                .padding(iced::Padding {
                    top: 14.0,
                    left: 14.0,
                    bottom: 6.0,
                    right: 0.0,
                }),
        ]
        .height(Length::Fill)
        .into()
    }
}
