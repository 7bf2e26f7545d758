//! The waiting room through the guard: calling patients is a status change (a receptionist's
//! and up), setting the clinic's rules is the manager's, and the queue board, which holds
//! tokens and initials only, may be shown by staff or by the service credential of a board
//! running unattended on a TV.

use chrono::{DateTime, Utc};

use super::Guarded;
use crate::scheduling::kiosk::Proof;
use crate::scheduling::model::{AppointmentId, ClinicId};
use crate::scheduling::permission::Action;
use crate::scheduling::waiting_room::{Board, WaitingRoomRules};
use crate::store::error::Result;
use crate::store::{CallFor, Called, KioskAppointment, NotHereDone, ScreenClinic, WaitingRoom};

impl WaitingRoom for Guarded {
    fn waiting_room_rules(&self, clinic: ClinicId) -> Result<WaitingRoomRules> {
        if self.allow(Action::SeeSchedule).is_err() {
            self.allow(Action::QueueBoard)?;
        }
        self.inner.waiting_room_rules(clinic)
    }

    fn set_waiting_room_rules(
        &mut self,
        clinic: ClinicId,
        rules: &WaitingRoomRules,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner
            .set_waiting_room_rules(clinic, rules, self.who.name(), now)
    }

    fn call_next(
        &mut self,
        clinic: ClinicId,
        call_for: CallFor,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Called>> {
        self.allow(Action::ChangeStatus)?;
        self.inner.call_next(clinic, call_for, self.who.name(), now)
    }

    fn call_patient(
        &mut self,
        id: AppointmentId,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Called> {
        self.allow(Action::ChangeStatus)?;
        self.inner.call_patient(id, self.who.name(), now)
    }

    fn not_here(
        &mut self,
        id: AppointmentId,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<NotHereDone> {
        self.allow(Action::ChangeStatus)?;
        self.inner.not_here(id, self.who.name(), now)
    }

    fn last_call(&self, id: AppointmentId) -> Result<Option<(u32, DateTime<Utc>)>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.last_call(id)
    }

    fn queue_board(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<Board> {
        self.allow(Action::QueueBoard)?;
        self.inner.queue_board(clinic, now)
    }

    fn board_clinics(&self) -> Result<Vec<ScreenClinic>> {
        if self.allow(Action::QueueBoard).is_err() {
            self.allow(Action::SelfCheckIn)?;
        }
        self.inner.board_clinics()
    }

    fn kiosk_find(
        &self,
        clinic: ClinicId,
        phone: &str,
        proof: &Proof,
        now: DateTime<Utc>,
    ) -> Result<Vec<KioskAppointment>> {
        self.allow(Action::SelfCheckIn)?;
        self.inner.kiosk_find(clinic, phone, proof, now)
    }

    fn check_in_code(&mut self, id: AppointmentId) -> Result<String> {
        self.allow(Action::SeeSchedule)?;
        self.inner.check_in_code(id)
    }

    fn kiosk_check_in(
        &mut self,
        clinic: ClinicId,
        id: AppointmentId,
        phone: &str,
        proof: &Proof,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<KioskAppointment> {
        self.allow(Action::SelfCheckIn)?;
        self.inner
            .kiosk_check_in(clinic, id, phone, proof, self.who.name(), now)
    }
}
