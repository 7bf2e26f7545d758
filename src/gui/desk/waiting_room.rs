//! The desk's part of the waiting room (issue 17): "Call next" for a doctor from the Today
//! panel (the store picks by the clinic's call order, so two desks never call one patient),
//! what the call did on the status line, and the clinic's waiting-room rules, read with today's
//! queue, which mark the patients waiting too long and time the desk's notifications.

use iced::Task;

use super::{Desk, Message as DeskMessage};
use crate::gui::backend::UiError;
use crate::gui::screen::today::CallTarget;
use crate::scheduling::waiting_room::WaitingRoomRules;
use crate::scheduling::*;
use crate::store::{CallFor, Called};

/// The desk's waiting-room state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The clinic's rules (the defaults until read).
    pub rules: WaitingRoomRules,
    /// The doctor or room whose "Call next" is being stored (the buttons wait for the answer,
    /// so a double click calls one patient, not two).
    pub calling: Option<CallTarget>,
}

/// What happens in the desk's waiting room.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Call next" was pressed for this doctor or room.
    CallNext(CallTarget),
    /// The call was stored (who was called, or nobody waited) or refused.
    Called(CallTarget, Result<Option<Box<Called>>, UiError>),
    /// The clinic's rules were read (for the clinic named, as today's queue was asked for).
    Rules(ClinicId, Result<WaitingRoomRules, UiError>),
}

impl Desk {
    /// Asks for the clinic's waiting-room rules (with today's queue).
    pub(super) fn waiting_room_rules_task(&self) -> Task<DeskMessage> {
        let Some(clinic) = self.clinic() else {
            return Task::none();
        };
        let id = clinic.id;
        Task::perform(
            self.backend.run(move |s| s.waiting_room_rules(id)),
            move |r| DeskMessage::WaitingRoom(Message::Rules(id, r)),
        )
    }

    /// Handles a waiting-room message.
    pub(super) fn waiting_room(&mut self, message: Message) -> Task<DeskMessage> {
        match message {
            Message::CallNext(_) if self.waiting_room.calling.is_some() => Task::none(),
            Message::CallNext(target) => {
                let Some(clinic) = self.clinic().map(|c| c.id) else {
                    return Task::none();
                };
                self.waiting_room.calling = Some(target);
                let (actor, now) = (self.actor.clone(), self.now);
                let call_for = match target {
                    CallTarget::Doctor(d) => CallFor::Doctor(d),
                    CallTarget::Room(r) => CallFor::Room(r),
                };
                Task::perform(
                    self.backend
                        .run(move |s| s.call_next(clinic, call_for, &actor, now)),
                    move |r| {
                        DeskMessage::WaitingRoom(Message::Called(
                            target,
                            r.map(|c| c.map(Box::new)),
                        ))
                    },
                )
            }
            Message::Called(target, result) => {
                self.waiting_room.calling = None;
                match result {
                    Ok(Some(called)) => {
                        self.error = None;
                        self.notice = Some(self.called_notice(&called));
                        self.reload()
                    }
                    Ok(None) => {
                        let whose = match target {
                            CallTarget::Doctor(d) => self.doctor_name(d),
                            CallTarget::Room(r) => self.room_name(r),
                        };
                        self.notice = Some(crate::t!("today-nobody-for", doctor = whose));
                        self.reload()
                    }
                    Err(e) => {
                        self.error = Some(e);
                        Task::none()
                    }
                }
            }
            Message::Rules(clinic, result) => {
                match result {
                    Ok(rules) if Some(clinic) == self.clinic().map(|c| c.id) => {
                        self.waiting_room.rules = rules;
                    }
                    Ok(_) => {}
                    Err(e) => self.read_failed(e),
                }
                Task::none()
            }
        }
    }

    fn doctor_name(&self, doctor: DoctorId) -> String {
        self.setup
            .doctor(doctor)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    }

    fn room_name(&self, room: RoomId) -> String {
        self.setup
            .room(room)
            .map(|r| r.name.clone())
            .unwrap_or_default()
    }

    /// "Called W-003 to Room 1 (call 2)", in the desk's language.
    fn called_notice(&self, called: &Called) -> String {
        let a = &called.appointment;
        let to = a
            .room
            .and_then(|r| self.setup.room(r))
            .map(|r| r.name.clone())
            .unwrap_or_else(|| self.doctor_name(a.doctor));
        let time = self.clinic().map_or_else(String::new, |c| {
            a.interval
                .start
                .with_timezone(&c.time_zone)
                .format("%H:%M")
                .to_string()
        });
        let ticket = match a.queue_token.as_str() {
            "" => time,
            token => token.to_owned(),
        };
        let who = match self.today.iter().find(|e| e.appointment.id == a.id) {
            Some(e) => format!("{} ({ticket})", crate::text::isolate(&e.patient_name)),
            None => ticket,
        };
        crate::t!(
            "today-called",
            who = who,
            to = to,
            calls = i64::from(called.calls)
        )
    }
}
