//! How the app handles the calendar grid's events: a click on a free slot opens the booking
//! form there, a drag over empty time opens it with that length, a click on a block shows its
//! details, a right-click opens its menu, and a drop moves it (taking the room
//! `scheduling::placement::room_for_drop` chooses, and saying what changed).

use chrono::{NaiveTime, Timelike};
use iced::Task;

use super::Message;
use super::{Desk, Panel};
use crate::gui::backend::{Backend, UiError};
use crate::gui::block_menu;
use crate::gui::calendar::GridEvent;
use crate::gui::layout::Column;
use crate::gui::screen::details::{self, ActionKind};
use crate::gui::screen::{Undoable, booking, patient_search};
use crate::gui::widget::Choice;
use crate::scheduling::placement::{RoomAtDrop, RoomChoice, click_grid as grid_of, room_for_drop};
use crate::scheduling::*;
use crate::store::{AgendaEntry, AgendaFilter, MoveRequest, Start};

/// The grid clicks and drags snap to: the clinic's slot length and its visit types' lengths.
pub(super) fn click_grid(desk: &Desk, clinic: &Clinic) -> u16 {
    let lengths: Vec<u32> = desk.setup.visit_types.iter().map(|v| v.minutes).collect();
    grid_of(clinic.slot_minutes, &lengths)
}

/// A local wall time from a minute of the day.
fn clock(minute: u16) -> NaiveTime {
    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
        .unwrap_or(NaiveTime::MIN)
}

/// What a drop says: "Moved to Tue 14:35 with Dr Mehta, Room 4 (Room 2 was taken)."
pub fn drop_notice(when: &str, doctor: &str, room: Option<&str>, taken: Option<&str>) -> String {
    match (room, taken) {
        (None, None) => crate::t!("details-dropped", when = when, doctor = doctor),
        (Some(room), None) => {
            crate::t!(
                "details-dropped-room",
                when = when,
                doctor = doctor,
                room = room
            )
        }
        (None, Some(taken)) => {
            crate::t!(
                "details-dropped-taken",
                when = when,
                doctor = doctor,
                taken = taken
            )
        }
        (Some(room), Some(taken)) => crate::t!(
            "details-dropped-room-taken",
            when = when,
            doctor = doctor,
            room = room,
            taken = taken
        ),
    }
}

/// The facts a drop needs, gathered on the UI thread.
struct Drop {
    id: AppointmentId,
    clinic: ClinicId,
    zone: chrono_tz::Tz,
    column: Column,
    minute: u16,
    before: Appointment,
    current_room: Option<(RoomId, RoomKind)>,
    rooms: Vec<(RoomId, RoomKind, String)>,
    doctor_name: String,
}

impl Drop {
    /// Looks at who holds each room at the new time, chooses the room, moves, and says so.
    async fn run(
        self,
        backend: Backend,
        actor: String,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(String, String, Undoable), UiError> {
        let wall = self.column.date.and_time(clock(self.minute));
        let start = time::lenient_instant(self.zone, wall);
        let length = self.before.interval.end - self.before.interval.start;
        let new = Interval::new(start, start + length);
        let clinic = self.clinic;
        let busy = backend
            .run(move |s| s.agenda(clinic, new, AgendaFilter::All))
            .await?;
        let rooms: Vec<RoomAtDrop> = self
            .rooms
            .iter()
            .map(|(id, kind, _)| RoomAtDrop {
                id: *id,
                kind: *kind,
                free: !busy.iter().any(|e| {
                    let a = &e.appointment;
                    a.id != self.id
                        && a.room == Some(*id)
                        && a.status.holds_time()
                        && a.interval.overlaps(&new)
                }),
            })
            .collect();
        let choice = room_for_drop(self.column.room, self.current_room, &rooms);
        let request = MoveRequest {
            appointment: self.id,
            start: Start::Local(wall),
            doctor: self.column.doctor,
            room: choice.room(),
            overbook: None,
        };
        let outcome = backend
            .run(move |s| s.move_appointment(&request, &actor, now))
            .await?;
        let name = |room: RoomId| {
            self.rooms
                .iter()
                .find(|(id, _, _)| *id == room)
                .map(|(_, _, n)| n.as_str())
        };
        let taken = match choice {
            RoomChoice::Switched { from, .. } => name(from),
            _ => None,
        };
        let a = &outcome.appointment;
        let local = a.interval.start.with_timezone(&self.zone);
        let said = drop_notice(
            &crate::i18n::dates::weekday_day_month_time(local.naive_local()),
            &self.doctor_name,
            a.room.and_then(name),
            taken,
        );
        // The status line names the appointment again once the grid shows it: this is what it
        // adds after the name.
        let tail = match taken {
            Some(taken) => crate::t!("desk-moved-tail-taken", taken = taken),
            None => crate::t!("desk-moved-tail"),
        };
        Ok((said, tail, Undoable::Moved(Box::new(self.before))))
    }
}

impl Desk {
    pub(super) fn grid(&mut self, event: GridEvent) -> Task<Message> {
        self.block_menu = None;
        match event {
            GridEvent::AppointmentClicked(id) => self.select(id),
            GridEvent::SlotClicked(column, minute) => {
                let pinned = self.pinboard.pinned.clone();
                match pinned {
                    // Something is pinned: the click puts it there (it stays pinned until
                    // the move is stored).
                    Some(entry) => self.drop_entry(*entry, column, minute),
                    None => self.book_at(column, minute, None),
                }
            }
            GridEvent::SlotDragged(column, from, to) => {
                self.book_at(column, from, Some(to.saturating_sub(from)))
            }
            GridEvent::BlockMenu(id, at) => {
                self.block_menu = Some(crate::gui::block_menu::Menu { id, at });
                Task::none()
            }
            GridEvent::Dropped(id, column, minute) => self.drop_on(id, column, minute),
        }
    }

    /// Opens the booking form at a column and minute, with `minutes` as its length if given.
    fn book_at(&mut self, column: usize, minute: u16, minutes: Option<u16>) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        self.cursor = Some((column, minute));
        let Some(c) = self.columns.get(column).cloned() else {
            return Task::none();
        };
        let doctor = c.doctor.or_else(|| {
            self.setup
                .doctors
                .iter()
                .find(|(d, _)| d.active)
                .map(|(d, _)| d.id)
        });
        let Some(doctor) = doctor else {
            self.error = Some(crate::t!("booking-no-doctor"));
            return Task::none();
        };
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let mut form = booking::State::new(&ctx, doctor, c.room, c.date, minute);
        let mut tasks = Vec::new();
        if let Some(m) = minutes {
            let (task, _) = form.update(booking::Message::Minutes(m.to_string()), &ctx);
            tasks.push(task);
        }
        let (check, _) = form.update(
            booking::Message::Time(format!("{:02}:{:02}", minute / 60, minute % 60)),
            &ctx,
        );
        tasks.push(check);
        if let Some(said) = self.open_panel(Panel::Booking(Box::new(form))) {
            self.notice = Some(said);
        }
        let mut all: Vec<Task<Message>> =
            tasks.into_iter().map(|t| t.map(Message::Booking)).collect();
        all.push(iced::widget::operation::focus("booking-patient"));
        Task::batch(all)
    }

    /// Moves a dropped appointment to a column and minute.
    fn drop_on(&mut self, id: AppointmentId, column: usize, minute: u16) -> Task<Message> {
        let entry = self
            .entries
            .iter()
            .find(|e| e.appointment.id == id)
            .cloned();
        match entry {
            Some(entry) => self.drop_entry(entry, column, minute),
            None => Task::none(),
        }
    }

    /// Moves an appointment (dropped, or from the pinboard) to a column and minute.
    fn drop_entry(&mut self, entry: AgendaEntry, column: usize, minute: u16) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let zone = self.zone();
        let id = entry.appointment.id;
        let Some(c) = self.columns.get(column).cloned() else {
            return Task::none();
        };
        let before = entry.appointment.clone();
        let rooms: Vec<(RoomId, RoomKind, String)> = self
            .setup
            .rooms
            .iter()
            .filter(|r| r.clinic == before.clinic && r.active)
            .map(|r| (r.id, r.kind, r.name.clone()))
            .collect();
        let current_room = before.room.and_then(|room| {
            self.setup
                .rooms
                .iter()
                .find(|r| r.id == room)
                .map(|r| (r.id, r.kind))
        });
        let doctor_name = c
            .doctor
            .and_then(|d| self.setup.doctor(d))
            .map(|d| d.name.clone())
            .unwrap_or_else(|| entry.doctor_name.clone());
        let drop = Drop {
            id,
            clinic: before.clinic,
            zone,
            column: c,
            minute,
            before,
            current_room,
            rooms,
            doctor_name,
        };
        Task::perform(drop.run(self.backend.clone(), actor, now), Message::Moved)
    }
}

impl Desk {
    /// True while a block's right-click menu is open (Escape closes it first).
    pub(super) fn block_menu_open(&self) -> bool {
        self.block_menu.is_some()
    }

    /// A choice in a block's menu: the details panel opens on the appointment and does it,
    /// so the change is the panel's own (store, audit, undo history).
    pub(super) fn block_menu(&mut self, action: block_menu::Action) -> Task<Message> {
        let Some(menu) = self.block_menu.take() else {
            return Task::none();
        };
        let id = menu.id;
        let act = |kind| Task::done(Message::Details(details::Message::Act(kind)));
        match action {
            block_menu::Action::Close => Task::none(),
            block_menu::Action::Pin => {
                let entry = self
                    .entries
                    .iter()
                    .find(|e| e.appointment.id == id)
                    .cloned();
                if let Some(entry) = entry {
                    self.notice = Some(crate::t!(
                        "details-pinned-notice",
                        patient = crate::text::isolate(&entry.patient_name).into_owned()
                    ));
                    self.pinboard.pinned = Some(Box::new(entry));
                }
                Task::none()
            }
            block_menu::Action::Confirm => self.select(id).chain(act(ActionKind::Confirm)),
            block_menu::Action::CheckIn => self.select(id).chain(act(ActionKind::CheckIn)),
            block_menu::Action::Cancel => self.select(id).chain(act(ActionKind::Cancel)),
            block_menu::Action::Move => self
                .select(id)
                .chain(iced::widget::operation::focus("details-move-date")),
            block_menu::Action::Copy => {
                let Some(entry) = self.entries.iter().find(|e| e.appointment.id == id) else {
                    return Task::none();
                };
                let a = entry.appointment.clone();
                let name = entry.patient_name.clone();
                let patient = Patient {
                    id: a.patient,
                    name: entry.patient_name.clone(),
                    phone: entry.patient_phone.clone(),
                    email: String::new(),
                    birth_date: None,
                    external_id: String::new(),
                };
                let zone = self.zone();
                let local = a.interval.start.with_timezone(&zone);
                let date = local.date_naive() + chrono::Duration::days(7);
                let minute = (local.time().num_seconds_from_midnight() / 60) as u16;
                let Some((ctx, _)) = self.context() else {
                    return Task::none();
                };
                let mut form = booking::State::new(&ctx, a.doctor, a.room, date, minute);
                let mut tasks = Vec::new();
                if let Some(v) = a.visit_type {
                    tasks.push(
                        form.update(
                            booking::Message::VisitType(Choice::new(v, String::new())),
                            &ctx,
                        )
                        .0,
                    );
                }
                for m in [
                    booking::Message::Minutes(a.interval.minutes().to_string()),
                    booking::Message::Patient(patient_search::Message::Pick(patient)),
                    booking::Message::Time(format!("{:02}:{:02}", minute / 60, minute % 60)),
                ] {
                    tasks.push(form.update(m, &ctx).0);
                }
                if let Some(said) = self.open_panel(Panel::Booking(Box::new(form))) {
                    self.notice = Some(said);
                }
                self.go_to(date);
                self.notice = Some(crate::t!("booking-copy-notice", patient = &name));
                Task::batch(tasks.into_iter().map(|t| t.map(Message::Booking))).chain(self.reload())
            }
        }
    }
}
