//! The desk's messages, and the events it gives the window's root (`app.rs`).

use chrono::{DateTime, NaiveDate, Utc};
use iced::keyboard::{Key, Modifiers};

use crate::gui::backend::{Setup, UiError};
use crate::gui::calendar::GridEvent;
use crate::gui::screen::{
    access_log, booking, data, details, find_slot, offer, palette, reminders, reports, settings,
    waitlist, walk_in,
};
use crate::gui::widget::Choice;
use crate::scheduling::*;
use crate::store::{AgendaEntry, FeedCursor, FreedFeed};

/// Everything that can happen at the desk (the root `App` wraps it in `app::Message::Desk`).
#[derive(Debug, Clone)]
pub enum Message {
    /// Appointments for the view arrived; the number is the view generation that asked.
    Loaded(u64, Result<Vec<AgendaEntry>, UiError>),
    /// Today's appointments arrived, for that clinic and its date; the number is the request
    /// that asked (an answer to an older one is dropped).
    TodayLoaded(u64, ClinicId, NaiveDate, Result<Vec<AgendaEntry>, UiError>),
    /// The clock moved on (the root passes its tick on).
    Tick(DateTime<Utc>),
    /// Go back a day (or a week in a week view).
    Previous,
    /// Go forward a day (or a week).
    Next,
    /// Go to today.
    Today,
    /// Show the day with a column per doctor.
    DayByDoctor,
    /// Show the day with a column per room.
    DayByRoom,
    /// Show the week of the chosen doctor or room.
    Week(Choice<WeekOf>),
    /// Another clinic was chosen.
    Clinic(Choice<ClinicId>),
    /// Show or hide cancelled appointments.
    ShowCancelled(bool),
    /// Show or hide one doctor's or room's column.
    ToggleColumn(uuid::Uuid),
    /// Open the view options (date, cancelled, columns).
    OpenViewOptions,
    /// The go-to-date text changed.
    DateText(String),
    /// Go to the date typed.
    GoToDate,
    /// Something happened on the calendar grid.
    Grid(GridEvent),
    /// A message for the booking form.
    Booking(booking::Message),
    /// A message for the details panel.
    Details(details::Message),
    /// A message for the walk-in form.
    WalkIn(walk_in::Message),
    /// Open the walk-in form.
    OpenWalkIn,
    /// Close the side panel (back to today's queue).
    ClosePanel,
    /// An appointment was picked in the today panel.
    Select(AppointmentId),
    /// A drag-and-drop move was stored (what changed, in words, and how to undo it) or refused.
    Moved(Result<(String, String, crate::gui::screen::Undoable), UiError>),
    /// Switch between light and dark (asked of the window: [`Event::ToggleTheme`]).
    ToggleTheme,
    /// Use this language at this desk (asked of the window: [`Event::Language`]).
    ChooseLanguage(crate::gui::desk_prefs::LanguageChoice),
    /// Show or hide the keyboard help (asked of the window: [`Event::ToggleHelp`]).
    ToggleHelp,
    /// Hide the error on the status line.
    DismissError,
    /// A key no widget, panel or card took, passed on by the window when no card of its own
    /// (the keyboard help) holds it; see `desk::keys`.
    Key(Key, Modifiers),
    /// Undo the desk's newest change (Ctrl+Z).
    Undo,
    /// Redo the newest change undone (Ctrl+Shift+Z, Ctrl+Y).
    Redo,
    /// Put down the appointment pinned on the pinboard.
    Unpin,
    /// A message for the mini-calendar of the view options.
    MiniCalendar(crate::gui::mini_calendar::Message),
    /// A choice in a block's right-click menu.
    BlockMenu(crate::gui::block_menu::Action),
    /// The calendar was scrolled to this offset (x, y).
    Scrolled(f32, f32),
    /// Zoom the calendar in or out, or back to the usual zoom.
    Zoom(crate::gui::calendar::ZoomStep),
    /// Show or hide the top bar's "More" row (the buttons that did not fit).
    ToggleMore,
    /// Open the command palette (Ctrl+K).
    OpenPalette,
    /// A message for the command palette.
    Palette(palette::Message),
    /// A patient's next appointment was looked up (for the palette).
    PatientFound(String, Result<Option<Box<AgendaEntry>>, UiError>),
    /// An undo or redo was stored (what it did, and the change that reverses it) or refused.
    Undone(
        crate::gui::undo::Direction,
        Result<(String, crate::gui::screen::Undoable), UiError>,
    ),
    /// Show the calendar page (the page tabs, or Escape on another page).
    ShowCalendar,
    /// Open the find-a-slot panel (Ctrl+F).
    OpenFindSlot,
    /// A message for the find-a-slot panel.
    FindSlot(find_slot::Message),
    /// Show the Settings page.
    ShowSettings,
    /// A message for the Settings page.
    Settings(settings::Message),
    /// The setup, reloaded after a settings change.
    SetupReloaded(Result<Setup, UiError>),
    /// Lock the window now ("Lock" beside the signed-in name, or Ctrl+L).
    Lock,
    /// Show the waitlist page.
    ShowWaitlist,
    /// A message for the waitlist page.
    Waitlist(waitlist::Message),
    /// Freed slots and their matches arrived, for the look that started at that log position.
    WaitlistFeed(Option<FeedCursor>, Result<FreedFeed, UiError>),
    /// Open the offer of a freed slot (its place on the board).
    OpenOffer(usize),
    /// Put an offer away: the patients keep waiting.
    DismissOffer(usize),
    /// A message for the offer panel.
    Offer(offer::Message),
    /// Show the Reports page (its tab).
    ShowReports,
    /// A message for the Reports page.
    Reports(reports::Message),
    /// Show the access log page (administrators).
    ShowAccessLog,
    /// A message for the access log page.
    AccessLog(access_log::Message),
    /// Show the reminders page (its tab).
    OpenReminders,
    /// A message for the reminders page.
    Reminders(reminders::Message),
    /// The reminder timer fired: send what is due and tell staff what happened.
    RemindersTick(DateTime<Utc>),
    /// A send pass ended (what it did), or could not run.
    ReminderPassDone(Result<crate::reminders::PassReport, UiError>),
    /// Desktop notifications were shown (how many; zero where no service runs).
    Notified(usize),
    /// Show the Data page (export, import, backup, restore).
    ShowData,
    /// "I have written it down" under the recovery key of a file just encrypted.
    RecoveryNoted,
    /// A message for the Data page.
    Data(data::Message),
    /// The setup of a database just restored arrived: the desk starts again on it.
    Reopened(Result<Setup, UiError>),
    /// The database changed (here, at another desk or from the command line), or can be
    /// reached again after being lost: read again what is shown.
    DatabaseChanged,
    /// The database cannot be reached (found out at that time, for that reason): say so and
    /// keep showing what was read.
    DatabaseLost(DateTime<Utc>, String),
    /// The setup, read again after the database changed.
    LiveSetup(Result<Setup, UiError>),
    /// A message of the waiting room ("Call next", the clinic's rules).
    WaitingRoom(super::waiting_room::Message),
}

impl Message {
    /// Messages that act on the calendar bring it back when another page is shown.
    pub fn shows_calendar(&self) -> bool {
        matches!(
            self,
            Message::OpenWalkIn
                | Message::OpenViewOptions
                | Message::Select(_)
                | Message::PatientFound(..)
                | Message::Today
                | Message::ShowCalendar
        )
    }
}

/// The doctor or room a week view follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekOf {
    /// A doctor's week.
    Doctor(DoctorId),
    /// A room's week.
    Room(RoomId),
}

/// What the desk asks of the window's root, which owns the theme and the keyboard help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Switch between light and dark.
    ToggleTheme,
    /// Use this language at this desk, and keep the choice for the desk.
    Language(crate::gui::desk_prefs::LanguageChoice),
    /// Show or hide the keyboard help.
    ToggleHelp,
    /// Lock the window.
    Lock,
}
