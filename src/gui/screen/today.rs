//! The today panel: "Call next" for each doctor with patients waiting, the queue of checked-in
//! patients with how long each has waited (those over the clinic's limit marked), who was
//! called, who is with a doctor, and the next arrivals.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use iced::widget::{button, column, rule, scrollable, text};
use iced::{Element, Length};

use crate::gui::widget;
use crate::scheduling::waiting_room::{WaitingRoomRules, overdue};
use crate::scheduling::*;
use crate::store::AgendaEntry;

/// The queue: checked-in appointments, longest waiting first, with minutes waited.
pub fn queue(entries: &[AgendaEntry], now: DateTime<Utc>) -> Vec<(&AgendaEntry, i64)> {
    let mut waiting: Vec<(&AgendaEntry, i64)> = entries
        .iter()
        .filter(|e| e.appointment.status == Status::CheckedIn)
        .map(|e| {
            let since = e
                .appointment
                .arrived_at
                .unwrap_or(e.appointment.interval.start);
            (e, (now - since).num_minutes().max(0))
        })
        .collect();
    waiting.sort_by_key(|(e, minutes)| (-(e.appointment.priority as i64), -minutes));
    waiting
}

/// The next booked arrivals from now, at most `count`.
pub fn next_arrivals(
    entries: &[AgendaEntry],
    now: DateTime<Utc>,
    count: usize,
) -> Vec<&AgendaEntry> {
    let mut next: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| {
            matches!(e.appointment.status, Status::Scheduled | Status::Confirmed)
                && e.appointment.interval.start >= now
        })
        .collect();
    next.sort_by_key(|e| e.appointment.interval.start);
    next.truncate(count);
    next
}

/// What the Today panel needs besides today's appointments.
pub struct Inputs<'a> {
    /// Today's appointments.
    pub entries: &'a [AgendaEntry],
    /// Now.
    pub now: DateTime<Utc>,
    /// The clinic's zone.
    pub zone: Tz,
    /// The clinic's waiting-room rules (the thresholds that mark a long wait).
    pub rules: &'a WaitingRoomRules,
    /// Whether whoever is signed in may call patients.
    pub may_call: bool,
    /// A "Call next" is being stored.
    pub calling: bool,
    /// The day is shown by room: "Call next" per room, else per doctor.
    pub by_room: bool,
}

/// Whose next patient a "Call next" button of the Today panel calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallTarget {
    /// A doctor's.
    Doctor(DoctorId),
    /// A room's.
    Room(RoomId),
}

/// The doctors (or rooms) with someone waiting to be called, by name, with how many wait.
fn waiting_for(entries: &[AgendaEntry], by_room: bool) -> Vec<(CallTarget, &str, usize)> {
    let mut targets: Vec<(CallTarget, &str, usize)> = Vec::new();
    for e in entries.iter().filter(|e| {
        e.appointment.status == Status::CheckedIn && e.appointment.mode == Mode::InClinic
    }) {
        let (target, name) = match (by_room, e.appointment.room, &e.room_name) {
            (true, Some(room), Some(name)) => (CallTarget::Room(room), name.as_str()),
            (true, _, _) => continue,
            (false, _, _) => (
                CallTarget::Doctor(e.appointment.doctor),
                e.doctor_name.as_str(),
            ),
        };
        match targets.iter_mut().find(|t| t.0 == target) {
            Some(t) => t.2 += 1,
            None => targets.push((target, name, 1)),
        }
    }
    targets.sort_by(|a, b| a.1.cmp(b.1));
    targets
}

/// The panel; `select` turns a click on a patient into the parent's message, `call_next` a
/// press of a doctor's "Call next".
pub fn view<'a, M: Clone + 'a>(
    inputs: Inputs<'a>,
    select: impl Fn(AppointmentId) -> M + 'a,
    call_next: impl Fn(CallTarget) -> M + 'a,
) -> Element<'a, M> {
    let Inputs {
        entries,
        now,
        zone,
        rules,
        may_call,
        calling,
        by_room,
    } = inputs;
    let item = |e: &'a AgendaEntry, line: String| -> Element<'a, M> {
        button(text(line).size(13))
            .on_press(select(e.appointment.id))
            .style(button::text)
            .width(Length::Fill)
            .into()
    };
    let queue = queue(entries, now);
    let called: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| e.appointment.status == Status::Called)
        .collect();
    let with_doctor: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| e.appointment.status == Status::InConsultation)
        .collect();
    let mut panel = column![widget::heading(crate::t!("today-title"))].spacing(6);
    let targets = if may_call {
        waiting_for(entries, by_room)
    } else {
        Vec::new()
    };
    if !targets.is_empty() {
        // One small button per doctor (or room), side by side: a clinic of ten doctors keeps
        // its queue in view.
        let buttons = targets.into_iter().map(|(target, name, count)| {
            let label = crate::t!("today-call-next", doctor = name, count = count);
            let press = (!calling).then(|| call_next(target));
            button(text(label).size(12.5))
                .padding([3, 8])
                .on_press_maybe(press)
                .into()
        });
        panel = panel
            .push(text(crate::t!("today-call-next-title")).size(15))
            .push(
                iced::widget::row(buttons)
                    .spacing(4)
                    .wrap()
                    .vertical_spacing(4),
            );
    }
    panel = panel.push(text(crate::t!("today-waiting", count = queue.len())).size(15));
    if queue.is_empty() {
        panel = panel.push(text(crate::t!("today-nobody-waiting")).size(13));
    }
    // A walk-in's or emergency's token first: the name the waiting room calls.
    let token = |e: &AgendaEntry| match e.appointment.queue_token.trim() {
        "" => String::new(),
        token => format!("{token} "),
    };
    for (e, minutes) in queue {
        let token = token(e);
        let line = crate::t!(
            "today-waiting-line",
            token = token,
            patient = crate::text::isolate(&e.patient_name),
            minutes = minutes.to_string(),
            doctor = e.doctor_name.as_str()
        );
        panel = panel.push(match overdue(&e.appointment, rules, now) {
            Some(_) => overdue_item(
                select(e.appointment.id),
                crate::t!(
                    "today-waiting-too-long",
                    line = line,
                    limit = rules.threshold(e.appointment.kind).to_string()
                ),
            ),
            None => item(e, line),
        });
    }
    if !called.is_empty() {
        panel = panel
            .push(rule::horizontal(1))
            .push(text(crate::t!("today-called-title", count = called.len())).size(15));
        for e in called {
            let line = format!(
                "{}{} · {}",
                token(e),
                crate::text::isolate(&e.patient_name),
                e.doctor_name
            );
            panel = panel.push(match overdue(&e.appointment, rules, now) {
                Some(_) => overdue_item(select(e.appointment.id), line),
                None => item(e, line),
            });
        }
    }
    panel = panel
        .push(rule::horizontal(1))
        .push(text(crate::t!("today-with-doctor", count = with_doctor.len())).size(15));
    for e in with_doctor {
        panel = panel.push(item(
            e,
            format!(
                "{}{} · {}",
                token(e),
                crate::text::isolate(&e.patient_name),
                e.doctor_name
            ),
        ));
    }
    panel = panel
        .push(rule::horizontal(1))
        .push(text(crate::t!("today-next-arrivals")).size(15));
    let next = next_arrivals(entries, now, 10);
    if next.is_empty() {
        panel = panel.push(text(crate::t!("today-no-more-bookings")).size(13));
    }
    for e in next {
        panel = panel.push(item(
            e,
            format!(
                "{} {} · {}",
                e.appointment
                    .interval
                    .start
                    .with_timezone(&zone)
                    .format("%H:%M"),
                crate::text::isolate(&e.patient_name),
                e.doctor_name
            ),
        ));
    }
    scrollable(panel.padding(14)).into()
}

/// A line of a patient waiting too long: marked in the danger colour with a sign, so it is
/// seen without colour too.
fn overdue_item<'a, M: Clone + 'a>(press: M, line: String) -> Element<'a, M> {
    button(
        text(format!("⚠ {line}"))
            .size(13)
            .style(|theme: &iced::Theme| text::Style {
                color: Some(theme.extended_palette().danger.base.color),
            }),
    )
    .on_press(press)
    .style(button::text)
    .width(Length::Fill)
    .into()
}
