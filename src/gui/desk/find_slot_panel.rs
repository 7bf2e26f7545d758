//! How the app opens the find-a-slot panel and handles what it says: a chosen slot opens the
//! booking form pre-filled (doctor, room, date, time, visit type and length) and shows its day.
//! Opened from a half-filled booking form (Ctrl+F), the search takes the form's doctor, length
//! and patient, keeps the form, and gives it back: moved to the slot chosen, or as it was when
//! the panel is closed.

use iced::Task;

use super::Message;
use super::{Desk, Panel};
use crate::gui::screen::{booking, find_slot};
use crate::gui::widget::Choice;

impl Desk {
    /// Opens the find-a-slot panel beside the calendar.
    pub(super) fn open_find_slot(&mut self) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        // A search already open keeps its form and what was typed in it.
        if matches!(self.panel, Panel::FindSlot(_)) {
            self.show_calendar();
            return iced::widget::operation::focus("find-slot-minutes");
        }
        let open = std::mem::replace(&mut self.panel, Panel::Today);
        let Some((ctx, _)) = self.context() else {
            self.panel = open;
            return Task::none();
        };
        let state = match open {
            Panel::Booking(form) => find_slot::State::for_booking(&ctx, form),
            // Anything else stays as it was: a walk-in being filled is put aside and given
            // back when the search is closed (`Desk::open_panel`).
            other @ (Panel::Today
            | Panel::Details(_)
            | Panel::WalkIn(_)
            | Panel::ViewOptions
            | Panel::FindSlot(_)
            | Panel::Offer(_)) => {
                let state = find_slot::State::new(&ctx);
                self.panel = other;
                state
            }
        };
        self.show_calendar();
        if let Some(said) = self.open_panel(Panel::FindSlot(Box::new(state))) {
            self.notice = Some(said);
        }
        iced::widget::operation::focus("find-slot-minutes")
    }

    /// A message for the find-a-slot panel.
    pub(super) fn find_slot(&mut self, message: find_slot::Message) -> Task<Message> {
        let Some((task, event)) =
            self.update_panel(Panel::find_slot, |panel, ctx| panel.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::FindSlot);
        let kept = match (&event, &mut self.panel) {
            (Some(_), Panel::FindSlot(state)) => state.take_booking(),
            _ => None,
        };
        match event {
            Some(find_slot::Event::Picked { slot, visit_type }) => {
                let Some(doctor) = slot.doctor else {
                    return task;
                };
                let zone = self.zone();
                let (date, minute) = find_slot::local_start(zone, &slot);
                let Some((ctx, _)) = self.context() else {
                    return task;
                };
                if let Some(mut form) = kept {
                    let check = form.take_slot(&ctx, doctor, slot.room, date, minute);
                    self.panel = Panel::Booking(form);
                    let shown = self.go_to(date);
                    let mut tasks = vec![task, check.map(Message::Booking), self.resume_panel()];
                    if shown {
                        tasks.push(self.reload());
                    }
                    return Task::batch(tasks);
                }
                let mut form = booking::State::new(&ctx, doctor, slot.room, date, minute);
                // Pre-fill as the search had it: the visit type (its length and mode), then
                // the slot's own length and start, which run the live conflict check.
                let mut prefill = Vec::new();
                if let Some(v) =
                    visit_type.and_then(|v| ctx.setup.visit_types.iter().find(|t| t.id == v))
                {
                    prefill.push(booking::Message::VisitType(Choice::new(
                        v.id,
                        v.name.clone(),
                    )));
                }
                prefill.push(booking::Message::Minutes(
                    slot.interval.minutes().to_string(),
                ));
                prefill.push(booking::Message::Time(format!(
                    "{:02}:{:02}",
                    minute / 60,
                    minute % 60
                )));
                let mut checks = Vec::new();
                for m in prefill {
                    checks.push(form.update(m, &ctx).0.map(Message::Booking));
                }
                self.panel = Panel::Booking(Box::new(form));
                let shown = self.go_to(date);
                checks.push(task);
                checks.push(iced::widget::operation::focus("booking-patient"));
                if shown {
                    checks.push(self.reload());
                }
                Task::batch(checks)
            }
            Some(find_slot::Event::Closed) => {
                let given_back = match kept {
                    Some(form) => {
                        self.panel = Panel::Booking(form);
                        self.resume_panel()
                    }
                    None => self.close_panel(),
                };
                Task::batch([task, given_back])
            }
            None => task,
        }
    }
}

/// The status line after a series was booked: how many, from when, and what was left out.
pub(super) fn series_notice(zone: chrono_tz::Tz, outcome: &crate::store::SeriesOutcome) -> String {
    let first = outcome
        .booked
        .first()
        .map(|(_, b)| crate::scheduling::time::format_local(zone, b.appointment.interval.start))
        .unwrap_or_default();
    let overbooked = outcome
        .booked
        .iter()
        .filter(|(_, b)| b.overbooked.is_some())
        .count();
    let mut notice = crate::t!(
        "findslot-series-booked",
        count = outcome.booked.len(),
        first = first
    );
    if overbooked > 0 {
        notice.push_str(&crate::t!("findslot-series-overbooked", count = overbooked));
    }
    if !outcome.skipped.is_empty() {
        let dates: Vec<String> = outcome
            .skipped
            .iter()
            .map(|c| crate::i18n::dates::day_month(c.occurrence.date))
            .collect();
        notice.push_str(&crate::t!(
            "findslot-series-left-out",
            count = outcome.skipped.len(),
            dates = dates.join(", ")
        ));
    }
    notice.push_str(&crate::t!("findslot-series-end"));
    notice
}
