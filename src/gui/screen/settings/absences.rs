//! Leave (of a doctor) and blockouts (of a room): the list of coming ones, each removable, and
//! a line to add one ("2026-12-01" to "2026-12-05", or with times). Adding one that covers
//! booked appointments lists them first and needs "Save anyway".

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::guard::Guard;
use super::parts;
use crate::gui::backend::{Backend, UiError};
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::conflict::Absence;
use crate::scheduling::setup_rules::{Field, Invalid, format_absence, parse_absence};
use crate::scheduling::*;
use crate::store::{AbsenceEntry, AbsenceId, AgendaEntry};

/// Whose leave or blockouts: a doctor's or a room's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A doctor's leave.
    Doctor(DoctorId),
    /// A room's blockouts.
    Room(RoomId),
}

/// How far back and ahead the list shows entries.
const LIST_BACK_DAYS: i64 = 7;
const LIST_AHEAD_DAYS: i64 = 730;

/// The editor's state for one doctor or room.
#[derive(Debug, Clone)]
pub struct Absences {
    owner: Owner,
    entries: Vec<AbsenceEntry>,
    start: String,
    end: String,
    reason: String,
    problems: Vec<Invalid>,
    dst_notices: Vec<String>,
    guard: Guard<Absence>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
}

/// What happens in the editor.
#[derive(Debug, Clone)]
pub enum Message {
    /// The entries arrived.
    Loaded(Result<Vec<AbsenceEntry>, UiError>),
    /// The "from" text changed.
    Start(String),
    /// The "until" text changed.
    End(String),
    /// The reason changed.
    Reason(String),
    /// Add was pressed.
    Add,
    /// The stranded appointments of the check with this generation arrived.
    Checked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" after the stranded appointments were listed.
    AddAnyway,
    /// The entry was stored (its id) or refused.
    Added(Result<AbsenceId, UiError>),
    /// Remove this entry.
    Remove(AbsenceId),
    /// The entry was removed, or could not be.
    Removed(Result<(), UiError>),
    /// Open a stranded appointment on the calendar.
    Open(Box<AgendaEntry>),
}

/// What the editor tells its form.
#[derive(Debug, Clone)]
pub enum Event {
    /// Something was stored.
    Saved,
    /// Open this appointment.
    Open(Box<AgendaEntry>),
}

/// Words that differ between leave and blockouts.
impl Owner {
    /// The add button.
    fn add(self) -> String {
        match self {
            Owner::Doctor(_) => crate::t!("settings-leave-add"),
            Owner::Room(_) => crate::t!("settings-blockout-add"),
        }
    }

    /// Where stranded appointments would be.
    fn stranded(self) -> String {
        match self {
            Owner::Doctor(_) => crate::t!("settings-stranded-leave"),
            Owner::Room(_) => crate::t!("settings-stranded-blockout"),
        }
    }

    /// What was added, on one day (`start` and `end` typed the same) or from `start` until
    /// `end`.
    fn added(self, start: &str, end: &str) -> String {
        match (self, start == end) {
            (Owner::Doctor(_), true) => crate::t!("settings-leave-added-on", day = start),
            (Owner::Doctor(_), false) => {
                crate::t!("settings-leave-added-from", start = start, end = end)
            }
            (Owner::Room(_), true) => crate::t!("settings-blockout-added-on", day = start),
            (Owner::Room(_), false) => {
                crate::t!("settings-blockout-added-from", start = start, end = end)
            }
        }
    }

    /// An entry was removed.
    fn removed(self) -> String {
        match self {
            Owner::Doctor(_) => crate::t!("settings-leave-removed"),
            Owner::Room(_) => crate::t!("settings-blockout-removed"),
        }
    }

    /// The list is empty.
    fn none(self) -> String {
        match self {
            Owner::Doctor(_) => crate::t!("settings-leave-none"),
            Owner::Room(_) => crate::t!("settings-blockout-none"),
        }
    }
}

fn load(backend: &Backend, owner: Owner, now: DateTime<Utc>) -> Task<Message> {
    let window = Interval::new(
        now - Duration::days(LIST_BACK_DAYS),
        now + Duration::days(LIST_AHEAD_DAYS),
    );
    let entries = backend.run(move |s| match owner {
        Owner::Doctor(d) => s.leave(d, window),
        Owner::Room(r) => s.blockouts(r, window),
    });
    Task::perform(entries, Message::Loaded)
}

impl Absences {
    /// The editor for `owner`, and the task that loads its entries.
    pub fn new(owner: Owner, backend: &Backend, now: DateTime<Utc>) -> (Self, Task<Message>) {
        let state = Self {
            owner,
            entries: Vec::new(),
            start: String::new(),
            end: String::new(),
            reason: String::new(),
            problems: Vec::new(),
            dst_notices: Vec::new(),
            guard: Guard::default(),
            saving: false,
            notice: None,
            error: None,
        };
        (state, load(backend, owner, now))
    }

    fn store(
        &mut self,
        absence: Absence,
        backend: &Backend,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Task<Message> {
        self.saving = true;
        let (owner, actor) = (self.owner, actor.to_owned());
        let record = backend.run(move |s| match owner {
            Owner::Doctor(d) => s.record_leave(d, &absence, &actor, now),
            Owner::Room(r) => s.record_blockout(r, &absence, &actor, now),
        });
        Task::perform(record, Message::Added)
    }

    /// Handles a message; `zone` is the clinic's.
    pub fn update(
        &mut self,
        message: Message,
        backend: &Backend,
        zone: Tz,
        actor: &str,
        now: DateTime<Utc>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(entries)) => self.entries = entries,
            Message::Loaded(Err(e)) => self.error = Some(e),
            Message::Start(t) => {
                self.start = t;
                self.guard.edited();
            }
            Message::End(t) => {
                self.end = t;
                self.guard.edited();
            }
            Message::Reason(t) => {
                self.reason = t;
                self.guard.edited();
            }
            Message::Add => {
                if self.saving || self.guard.checking {
                    return (Task::none(), None);
                }
                self.notice = None;
                self.error = None;
                match parse_absence(zone, &self.start, &self.end, &self.reason) {
                    Err(problems) => {
                        self.problems = problems;
                        self.error = Some(parts::not_saved());
                        self.dst_notices.clear();
                    }
                    Ok((absence, notices)) => {
                        self.problems.clear();
                        self.dst_notices = notices;
                        let interval = absence.interval;
                        let change = match self.owner {
                            Owner::Doctor(doctor) => SetupChange::DoctorLeave { doctor, interval },
                            Owner::Room(room) => SetupChange::RoomBlockout { room, interval },
                        };
                        let generation = self.guard.begin(absence);
                        return (
                            Task::perform(
                                backend.run(move |s| s.at_risk(&change, now)),
                                move |r| Message::Checked(generation, r),
                            ),
                            None,
                        );
                    }
                }
            }
            Message::Checked(generation, Ok(entries)) => {
                if let Some(absence) =
                    self.guard
                        .checked(generation, entries, self.owner.stranded())
                {
                    return (self.store(absence, backend, actor, now), None);
                }
            }
            Message::Checked(generation, Err(e)) => {
                self.guard.failed(generation);
                self.error = Some(e);
            }
            Message::AddAnyway => {
                if let Some(absence) = self.guard.anyway() {
                    return (self.store(absence, backend, actor, now), None);
                }
            }
            Message::Added(result) => {
                self.saving = false;
                match result {
                    Ok(_) => {
                        self.guard.saved();
                        self.notice = Some(self.owner.added(self.start.trim(), self.end.trim()));
                        self.start.clear();
                        self.end.clear();
                        self.reason.clear();
                        return (load(backend, self.owner, now), Some(Event::Saved));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Remove(id) => {
                self.notice = None;
                self.error = None;
                let (owner, actor) = (self.owner, actor.to_owned());
                let remove = backend.run(move |s| match owner {
                    Owner::Doctor(_) => s.remove_leave(id, &actor, now),
                    Owner::Room(_) => s.remove_blockout(id, &actor, now),
                });
                return (Task::perform(remove, Message::Removed), None);
            }
            Message::Removed(result) => match result {
                Ok(()) => {
                    self.notice = Some(self.owner.removed());
                    return (load(backend, self.owner, now), Some(Event::Saved));
                }
                Err(e) => self.error = Some(e),
            },
            Message::Open(entry) => return (Task::none(), Some(Event::Open(entry))),
        }
        (Task::none(), None)
    }

    /// The list and the add line; widget ids start with `prefix` ("leave", "blockout").
    pub fn view<'a>(&'a self, zone: Tz, prefix: &str) -> Element<'a, Message> {
        let mut list = column![].spacing(4);
        if self.entries.is_empty() {
            list = list.push(text(self.owner.none()).size(12.5));
        }
        for e in &self.entries {
            let reason = if e.absence.reason.is_empty() {
                String::new()
            } else {
                format!(" · {}", e.absence.reason)
            };
            list = list.push(
                row![
                    text(format!(
                        "{}{reason}",
                        format_absence(zone, e.absence.interval)
                    ))
                    .size(13)
                    .width(Length::Fill),
                    button(text(crate::t!("settings-remove")).size(12))
                        .on_press(Message::Remove(e.id))
                        .padding([2, 8])
                        .style(button::secondary),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            );
        }
        let inputs = row![
            parts::field(
                crate::t!("settings-absence-from"),
                text_input("2026-12-01", &self.start)
                    .id(format!("{prefix}-start"))
                    .on_input(Message::Start),
                parts::problem(&self.problems, Field::Start),
            ),
            parts::field(
                crate::t!("settings-absence-until"),
                text_input("2026-12-05", &self.end)
                    .id(format!("{prefix}-end"))
                    .on_input(Message::End)
                    .on_submit(Message::Add),
                parts::problem(&self.problems, Field::End),
            ),
            parts::field(
                crate::t!("settings-absence-reason"),
                text_input(&crate::t!("settings-absence-reason-example"), &self.reason)
                    .id(format!("{prefix}-reason"))
                    .on_input(Message::Reason)
                    .on_submit(Message::Add),
                None,
            ),
        ]
        .spacing(8);
        let busy = self.saving || self.guard.checking;
        let mut col = column![
            list,
            inputs,
            button(
                text(if busy {
                    crate::t!("settings-checking")
                } else {
                    self.owner.add()
                })
                .size(13)
            )
            .on_press_maybe((!busy).then_some(Message::Add))
            .style(button::primary),
        ]
        .spacing(10);
        for n in &self.dst_notices {
            col = col.push(text(n).size(12.5).color(parts::WARNING));
        }
        if let Some(s) = &self.guard.stranded {
            col = col.push(parts::stranded(s, zone, Message::Open, Message::AddAnyway));
        }
        col.push(parts::outcome(&self.notice, &self.error)).into()
    }
}
