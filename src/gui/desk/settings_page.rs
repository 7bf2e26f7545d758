//! How the app handles the Settings page (opening it, its messages, reloading the setup after a
//! save so the calendar shows new hours at once, opening a stranded appointment on the
//! calendar) and who is at the desk (the picker beside the page tabs).

use iced::widget::{button, row, text};
use iced::{Element, Task};

use super::Message;
use super::{Desk, Page, Parts};
use crate::gui::backend::{Setup, UiError};
use crate::gui::calendar::View;
use crate::gui::screen::settings::{self, Event};
use crate::scheduling::*;
use crate::store::AgendaEntry;

impl Desk {
    /// Shows the Settings page: the one left to open an appointment, or a new one.
    pub(super) fn show_settings(&mut self) -> Task<Message> {
        if matches!(self.page, Page::Settings(_)) {
            return Task::none();
        }
        self.palette = None;
        // A page kept from before comes back, unless it was for another clinic.
        let kept = self
            .parked_settings
            .take()
            .filter(|state| state.clinic() == self.clinic);
        let (state, task) = match kept {
            Some(state) => (state, Task::none()),
            None => {
                let Some((ctx, _)) = self.context() else {
                    return Task::none();
                };
                let (state, task) = settings::State::new(&ctx);
                (Box::new(state), task)
            }
        };
        self.set_page(Page::Settings(state));
        task.map(Message::Settings)
    }

    /// A message for the Settings page; dropped when the page is no longer open.
    pub(super) fn settings(&mut self, message: settings::Message) -> Task<Message> {
        let Some(Parts {
            ctx,
            page,
            parked_settings,
            ..
        }) = self.parts()
        else {
            return Task::none();
        };
        let state = match (page, parked_settings) {
            (Page::Settings(state), _) => state,
            (_, Some(parked)) => parked,
            _ => return Task::none(),
        };
        let (task, event) = state.update(message, &ctx);
        let task = task.map(Message::Settings);
        match event {
            Some(Event::SetupChanged) => Task::batch([
                task,
                Task::perform(self.backend.clone().setup(), Message::SetupReloaded),
            ]),
            Some(Event::Changed) | None => task,
            Some(Event::Open(entry)) => Task::batch([task, self.open_from_settings(*entry)]),
            Some(Event::Language(choice)) => {
                Task::batch([task, Task::done(Message::ChooseLanguage(choice))])
            }
        }
    }

    /// Leaves Settings (kept for the Settings tab) to show a stranded appointment on its day.
    fn open_from_settings(&mut self, entry: AgendaEntry) -> Task<Message> {
        self.show_calendar();
        let zone = self.zone();
        self.go_to(time::local_date(zone, entry.appointment.interval.start));
        self.view = match self.view {
            View::DayByRoom if entry.appointment.room.is_some() => View::DayByRoom,
            _ => View::DayByDoctor,
        };
        self.notice = Some(crate::t!(
            "desk-opened-from-settings",
            patient = crate::text::isolate(&entry.patient_name),
            doctor = &entry.doctor_name
        ));
        let id = entry.appointment.id;
        Task::batch([self.select(id), self.reload()])
    }

    /// The setup after a settings save: the calendar's columns, hours and colours follow it.
    pub(super) fn setup_reloaded(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        match result {
            Ok(setup) => {
                self.take_setup(setup);
                self.reload()
            }
            Err(e) => {
                self.error = Some(e);
                Task::none()
            }
        }
    }

    /// Who is signed in, and the button that locks the window (Ctrl+L).
    pub(super) fn signed_in_bar(&self) -> Element<'_, Message> {
        let role = match self.who.role {
            crate::scheduling::permission::Role::Staff(role) => role.label(),
            crate::scheduling::permission::Role::Service(_) => crate::t!("desk-role-service"),
        };
        row![
            text(crate::t!(
                "desk-signed-in",
                name = &self.who.name,
                role = role
            ))
            .size(12),
            button(text(crate::t!("desk-lock")).size(12))
                .on_press(Message::Lock)
                .padding([2, 10])
                .style(button::secondary),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into()
    }

    /// The Settings page.
    pub(super) fn settings_page<'a>(
        &'a self,
        state: &'a settings::State,
        clinic: &'a Clinic,
    ) -> Element<'a, Message> {
        let ctx = self.context_at(clinic);
        state.view(&ctx, self.language).map(Message::Settings)
    }
}
