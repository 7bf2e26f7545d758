//! The desk: the screen the window shows once a clinic is open, in the Halloy style. It owns
//! its state (the clinic shown, the view and date, the appointments loaded, the calendar's
//! layout and cache, the selection, the side panel and pages, the history of changes, the
//! status line), its `Message`s (`message.rs`), its `update` (`update.rs`) and its `view`
//! (`view.rs`), and gives the window's root an [`Event`] for what the root owns (theme, help).

mod data_page;
mod drag;
mod find_slot_panel;
pub mod keys;
pub mod live;
mod message;
mod panels;
pub mod reminders_page;
mod reports_page;
mod settings_page;
mod update;
pub mod view;
mod waiting_room;
mod waitlist_page;

pub use message::{Event, Message, WeekOf};
pub use reminders_page::Background;
pub use update::Update;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use iced::keyboard::key::Named;
use iced::{Color, Task};

use crate::gui::backend::{Backend, Setup, UiError, Who, clinic_date};
use crate::gui::calendar::{self, View};
use crate::gui::layout::{self, Block, Column};
use crate::gui::screen::{
    Context, access_log, booking, data, details, find_slot, offer, palette, reminders, reports,
    settings, waitlist, walk_in,
};
use crate::gui::theme;
use crate::scheduling::time::{FIRST_DATE, LAST_DATE, local_day};
use crate::scheduling::*;
use crate::store::{AgendaEntry, AgendaFilter};

/// An appointment just booked, moved, added as a walk-in or jumped to: once the grid holds
/// it, the grid scrolls to it and the status line names it in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Reveal {
    /// The appointment.
    pub id: AppointmentId,
    /// What happened, e.g. "Booked" or "Moved"; `None` scrolls without a new notice.
    pub verb: Option<String>,
    /// Said after the appointment, e.g. " (overbooked). Ctrl+Z undoes it."
    pub tail: String,
}

impl Reveal {
    /// Scroll to `id` and say "`verb` <who> with <whom>, <when>, <room>`tail`".
    pub fn saying(id: AppointmentId, verb: impl Into<String>, tail: impl Into<String>) -> Self {
        Reveal {
            id,
            verb: Some(verb.into()),
            tail: tail.into(),
        }
    }

    /// Scroll to `id`, leaving the status line as it is.
    pub fn quietly(id: AppointmentId) -> Self {
        Reveal {
            id,
            verb: None,
            tail: String::new(),
        }
    }
}

/// The working desk: a clinic's calendar and the panel beside it.
pub struct Desk {
    /// The clock, as the window's root last passed it on.
    pub now: DateTime<Utc>,
    /// The language this desk asked for (the window's root keeps it and its file).
    pub language: crate::gui::desk_prefs::LanguageChoice,
    /// Who is at the desk: every change is recorded with this name (the store records the
    /// signed-in name whatever a caller passes).
    pub actor: String,
    /// Who signed in: the window offers only what their role may do.
    pub who: Who,
    /// The last error, shown on the status line until dismissed.
    pub error: Option<UiError>,
    /// The last notice on the status line ("Booked …").
    pub notice: Option<String>,
    /// The recovery key of the file just encrypted, shown on every page to whoever encrypted
    /// it until they note it.
    pub recovery: Option<PendingRecovery>,
    /// Who pressed "Encrypt now", while the conversion runs.
    pub(super) encrypting: Option<String>,
    pub(super) backend: Backend,
    pub(super) setup: Setup,
    pub(super) clinic: ClinicId,
    /// What the grid shows.
    pub view: View,
    /// The date shown (any day of the week in week views).
    pub date: NaiveDate,
    pub(super) show_cancelled: bool,
    pub(super) hidden: Vec<uuid::Uuid>,
    pub(super) date_text: String,
    /// Appointments of the view.
    pub entries: Vec<AgendaEntry>,
    /// Today's appointments (for the today panel).
    pub today: Vec<AgendaEntry>,
    /// The clinic and date `today` is the list of, once it has loaded.
    pub today_for: Option<(ClinicId, NaiveDate)>,
    pub(super) generation: u64,
    /// The newest look at today's appointments asked for (older answers are dropped).
    pub(super) today_asked: u64,
    /// The waiting room: its rules and the "Call next" under way.
    pub waiting_room: waiting_room::State,
    pub(super) loading: bool,
    /// The grid's columns.
    pub columns: Vec<Column>,
    /// Placed blocks.
    pub blocks: Vec<Block>,
    pub(super) minutes: (u16, u16),
    pub(super) colours: HashMap<VisitTypeId, Color>,
    /// Minutes late per appointment after an emergency.
    pub late: HashMap<AppointmentId, i64>,
    /// The keyboard cursor: column and minute.
    pub cursor: Option<(usize, u16)>,
    /// The selected appointment.
    pub selected: Option<AppointmentId>,
    /// What fills the window: the calendar, or a full-window page (settings, reports …).
    pub page: Page,
    /// The panel beside the grid.
    pub panel: Panel,
    /// How far the calendar is scrolled (x, y), as the scrollable reports it.
    pub scroll: (f32, f32),
    /// The desk's changes, which Ctrl+Z undoes and Ctrl+Y redoes (`undo.rs`).
    pub history: crate::gui::undo::History,
    /// The command palette, when open (Ctrl+K).
    pub palette: Option<Box<palette::State>>,
    /// The grid's cached drawing.
    pub cache: calendar::GridCache,
    /// How close the grid is drawn (Ctrl+plus, Ctrl+minus, Ctrl+0).
    pub zoom: calendar::Zoom,
    /// The top bar's "More" row is open.
    pub more_open: bool,
    /// Doctors' calendar colours (from Settings), for the bars on headings and blocks.
    pub(super) doctor_colours: HashMap<DoctorId, Color>,
    /// The size of the grid's part of the window when it was last drawn (for scrolling to an
    /// appointment).
    pub(super) viewport: std::cell::Cell<iced::Size>,
    /// An appointment to scroll to and name in the status line once the grid has loaded it.
    pub(super) reveal: Option<Reveal>,
    /// The right-click menu of a block, when open (`block_menu.rs`).
    pub block_menu: Option<crate::gui::block_menu::Menu>,
    /// The month the mini-calendar shows when moved away from the month of `date`, and the
    /// `date` it was moved at (another date shown brings it back to that date's month).
    pub mini_month: Option<(NaiveDate, NaiveDate)>,
    /// The appointment pinned to move to another day (`pinboard.rs`).
    pub pinboard: crate::gui::pinboard::Pinboard,
    /// Forms (and searches) a shortcut or a jump put aside, newest last: the panel that
    /// replaced them gives them back when it closes ([`Desk::open_panel`], [`Desk::close_panel`]).
    pub parked: Vec<Panel>,
    /// The Waitlist page while another is shown (see [`Desk::set_page`]).
    pub(super) parked_waitlist: Option<Box<waitlist::State>>,
    /// The Settings page while the calendar is shown (see [`Desk::show_calendar`]).
    pub(super) parked_settings: Option<Box<settings::State>>,
    /// Freed slots offered to waiting patients (the banner), and how far the log was read.
    pub offers: offer::Board,
    /// Background reminder sending and staff notifications.
    pub reminders: Background,
    /// The live calendar: reading again after changes, and whether the database is reachable.
    pub live: live::Live,
}

/// What fills the window below the page tabs. The calendar keeps its state while another page
/// is shown; each full-window page owns its state here.
pub enum Page {
    /// The calendar grid with its side panel.
    Calendar,
    /// Settings: clinic, doctors, rooms, visit types, staff.
    Settings(Box<settings::State>),
    /// The waitlist: who waits for an earlier slot, and the form to add or change an entry.
    Waitlist(Box<waitlist::State>),
    /// The manager reports: charts over a range, CSV export, day sheets.
    Reports(Box<reports::State>),
    /// The reminders page: outbox, rules and templates, channels.
    Reminders(Box<reminders::State>),
    /// Export, import, backup and restore.
    Data(Box<data::State>),
    /// The access log (administrators).
    AccessLog(Box<access_log::State>),
}

/// A recovery key waiting to be noted: the file's new key, and who encrypted it.
#[derive(Debug, Clone)]
pub struct PendingRecovery {
    /// The conversion's outcome (the key shown once, warnings).
    pub done: crate::gui::backend::Converted,
    /// The name of who encrypted it: only they are shown it.
    pub by: String,
}

impl Page {
    /// What a role must be allowed to see this page (the calendar, waitlist and reminders
    /// are every role's; what each offers inside follows the role).
    pub fn needs(&self) -> Option<crate::scheduling::permission::Action> {
        use crate::scheduling::permission::Action;
        match self {
            Page::Calendar | Page::Waitlist(_) | Page::Reminders(_) => None,
            Page::Settings(_) => Some(Action::Settings),
            Page::Reports(_) => Some(Action::Reports),
            Page::Data(_) => Some(Action::Backup),
            Page::AccessLog(_) => Some(Action::AccessLog),
        }
    }

    /// True when the calendar is shown.
    pub fn is_calendar(&self) -> bool {
        matches!(self, Page::Calendar)
    }

    /// The Waitlist page, if it is the one shown.
    pub fn waitlist(&mut self) -> Option<&mut waitlist::State> {
        match self {
            Page::Waitlist(state) => Some(state),
            _ => None,
        }
    }

    /// The access log page, if it is the one shown.
    pub fn access_log(&mut self) -> Option<&mut access_log::State> {
        match self {
            Page::AccessLog(state) => Some(state),
            _ => None,
        }
    }

    /// The Reports page, if it is the one shown.
    pub fn reports(&mut self) -> Option<&mut reports::State> {
        match self {
            Page::Reports(state) => Some(state),
            _ => None,
        }
    }

    /// The Reminders page, if it is the one shown.
    pub fn reminders(&mut self) -> Option<&mut reminders::State> {
        match self {
            Page::Reminders(state) => Some(state),
            _ => None,
        }
    }

    /// The Data page, if it is the one shown.
    pub fn data(&mut self) -> Option<&mut data::State> {
        match self {
            Page::Data(state) => Some(state),
            _ => None,
        }
    }
}

/// The panel beside the calendar.
pub enum Panel {
    /// Today's queue and next arrivals.
    Today,
    /// The booking form.
    Booking(Box<booking::State>),
    /// An appointment's details.
    Details(Box<details::State>),
    /// The walk-in form.
    WalkIn(Box<walk_in::State>),
    /// View options: go to a date, show cancelled, which doctors and rooms are shown.
    ViewOptions,
    /// Find a slot: the next free slots by length, doctor, room, dates and time of day.
    FindSlot(Box<find_slot::State>),
    /// A freed slot offered to the waiting patients who fit it.
    Offer(Box<offer::State>),
}

impl Panel {
    /// True while the panel is storing a change (a booking, a walk-in, a status, a move): it
    /// is neither closed nor replaced then, so the store's answer (the notice, the grid, the
    /// undo) always reaches it.
    pub fn storing(&self) -> bool {
        match self {
            Panel::Booking(form) => form.saving(),
            Panel::WalkIn(form) => form.saving(),
            Panel::Details(state) => state.storing(),
            Panel::Today | Panel::ViewOptions | Panel::FindSlot(_) | Panel::Offer(_) => false,
        }
    }

    /// The booking form, if it is the panel open.
    pub fn booking(&mut self) -> Option<&mut booking::State> {
        match self {
            Panel::Booking(form) => Some(form),
            _ => None,
        }
    }

    /// The details panel, if it is the panel open.
    pub fn details(&mut self) -> Option<&mut details::State> {
        match self {
            Panel::Details(panel) => Some(panel),
            _ => None,
        }
    }

    /// The walk-in form, if it is the panel open.
    pub fn walk_in(&mut self) -> Option<&mut walk_in::State> {
        match self {
            Panel::WalkIn(form) => Some(form),
            _ => None,
        }
    }

    /// The find-a-slot panel, if it is the panel open.
    pub fn find_slot(&mut self) -> Option<&mut find_slot::State> {
        match self {
            Panel::FindSlot(panel) => Some(panel),
            _ => None,
        }
    }

    /// The offer of a freed slot, if it is the panel open.
    pub fn offer(&mut self) -> Option<&mut offer::State> {
        match self {
            Panel::Offer(panel) => Some(panel),
            _ => None,
        }
    }
}

/// The screens' context, from the desk's parts (so the panel can be borrowed beside it).
pub(super) fn context<'a>(
    backend: &'a Backend,
    setup: &'a Setup,
    clinic: ClinicId,
    now: DateTime<Utc>,
    who: &'a Who,
) -> Option<(Context<'a>, &'a Clinic)> {
    let clinic = setup.clinic(clinic)?;
    let ctx = Context {
        backend,
        setup,
        clinic,
        now,
        actor: &who.name,
        role: who.role,
    };
    Some((ctx, clinic))
}

pub(super) fn clinic_today(desk: &Desk, now: DateTime<Utc>) -> NaiveDate {
    desk.clinic()
        .map(|c| clinic_date(c, now))
        .unwrap_or(desk.date)
}

/// The desk split for a screen's update: the screens' context beside the parts a screen's
/// state lives in, borrowed at once ([`Desk::parts`]).
pub(super) struct Parts<'a> {
    /// The store, setup, clinic, clock and who is at the desk.
    pub ctx: Context<'a>,
    /// The clinic shown.
    pub clinic: &'a Clinic,
    /// The side panel.
    pub panel: &'a mut Panel,
    /// The page shown.
    pub page: &'a mut Page,
    /// The command palette, when open.
    pub palette: &'a mut Option<Box<palette::State>>,
    /// The Settings page kept aside while the calendar is shown.
    pub parked_settings: &'a mut Option<Box<settings::State>>,
}

/// How many panels are kept aside at most ([`Desk::open_panel`]).
pub const PARKED_LIMIT: usize = 8;

impl Desk {
    /// Shows `panel` beside the calendar. A half-filled booking or walk-in form, or a search,
    /// open until now is put aside (not dropped) and given back by [`Desk::close_panel`].
    /// Returns a word for the status line when the oldest form put aside had to be let go.
    pub fn open_panel(&mut self, panel: Panel) -> Option<String> {
        let open = std::mem::replace(&mut self.panel, panel);
        let keep = match &open {
            Panel::Booking(_) | Panel::FindSlot(_) => true,
            Panel::WalkIn(form) => !form.is_blank(),
            Panel::Today | Panel::Details(_) | Panel::ViewOptions | Panel::Offer(_) => false,
        };
        if !keep {
            return None;
        }
        self.parked.push(open);
        if self.parked.len() > PARKED_LIMIT {
            self.parked.remove(0);
            return Some(crate::t!("desk-parked-dropped", count = PARKED_LIMIT));
        }
        None
    }

    /// Closes the panel: the form put aside last comes back (its patient search asked again if
    /// its answer was lost meanwhile), or today's queue.
    pub(super) fn close_panel(&mut self) -> Task<Message> {
        self.panel = self.parked.pop().unwrap_or(Panel::Today);
        self.resume_panel()
    }

    /// The form in the panel, given back after it was put aside: see `PatientSearch::resume`.
    pub(super) fn resume_panel(&mut self) -> Task<Message> {
        let Some(Parts { ctx, panel, .. }) = self.parts() else {
            return Task::none();
        };
        match panel {
            Panel::Booking(form) => form.resume(&ctx).map(Message::Booking),
            Panel::WalkIn(form) => form.resume(&ctx).map(Message::WalkIn),
            Panel::Today
            | Panel::Details(_)
            | Panel::ViewOptions
            | Panel::FindSlot(_)
            | Panel::Offer(_) => Task::none(),
        }
    }

    /// The desk of `clinic`, for `who` (signed in), with the clock at `now`.
    pub(crate) fn new(
        backend: Backend,
        setup: Setup,
        clinic: &Clinic,
        now: DateTime<Utc>,
        who: Who,
    ) -> Self {
        let colours = visit_colours(&setup);
        Desk {
            now,
            language: crate::gui::desk_prefs::LanguageChoice::System,
            actor: who.name.clone(),
            who,
            error: None,
            notice: None,
            recovery: None,
            encrypting: None,
            backend,
            clinic: clinic.id,
            view: View::DayByDoctor,
            date: clinic_date(clinic, now),
            setup,
            show_cancelled: false,
            hidden: Vec::new(),
            date_text: String::new(),
            entries: Vec::new(),
            today: Vec::new(),
            today_for: None,
            generation: 0,
            today_asked: 0,
            waiting_room: waiting_room::State::default(),
            loading: false,
            columns: Vec::new(),
            blocks: Vec::new(),
            minutes: (8 * 60, 20 * 60),
            colours,
            late: HashMap::new(),
            cursor: None,
            selected: None,
            page: Page::Calendar,
            panel: Panel::Today,
            scroll: (0.0, 0.0),
            history: Default::default(),
            palette: None,
            cache: calendar::GridCache::default(),
            zoom: calendar::Zoom::default(),
            more_open: false,
            doctor_colours: HashMap::new(),
            viewport: std::cell::Cell::new(iced::Size::new(900.0, 600.0)),
            reveal: None,
            block_menu: None,
            mini_month: None,
            pinboard: Default::default(),
            reminders: Default::default(),
            offers: offer::Board::default(),
            parked: Vec::new(),
            parked_waitlist: None,
            parked_settings: None,
            live: live::Live::default(),
        }
    }

    /// Drops every patient's data the window holds for the calendar (the appointments of the
    /// view and of today, the blocks drawn from them, the palette's finds, the right-click
    /// menu), and drops answers still on their way (a newer generation is asked for): the
    /// window is locking. Forms and the panel stay as they were, for after the unlock.
    pub(crate) fn forget_patients(&mut self) {
        self.entries.clear();
        self.today.clear();
        self.today_for = None;
        self.blocks.clear();
        self.late.clear();
        self.palette = None;
        self.block_menu = None;
        self.generation = self.generation.wrapping_add(1);
        self.today_asked = self.today_asked.wrapping_add(1);
        self.cache.clear();
        // The status line names patients too ("Booked … with …").
        self.notice = None;
        self.error = None;
    }

    /// Someone signed in again after a lock: the same person goes on, or `who` took over
    /// (the desk's undo history was theirs before, so it goes when someone else takes over).
    pub(crate) fn unlocked(&mut self, who: Who) {
        if who.name != self.who.name || who.role != self.who.role {
            // What the one before had open is theirs: the newcomer starts on the calendar
            // with nothing half-done of someone else's (and no page their role may not see).
            self.history = Default::default();
            self.page = Page::Calendar;
            self.parked_settings = None;
            self.parked_waitlist = None;
            self.panel = Panel::Today;
            self.parked.clear();
            self.palette = None;
            self.selected = None;
            self.notice = Some(crate::t!("desk-took-over", name = &who.name));
        }
        if self.error.as_deref()
            == Some(crate::store::StoreError::SignInNeeded.to_string().as_str())
        {
            self.error = None;
        }
        self.actor = who.name.clone();
        self.who = who;
    }

    /// The clinic's setup as the window holds it (reloaded after every settings save).
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Shows the calendar. The Settings and Waitlist pages are kept aside ([`Desk::set_page`]).
    pub(super) fn show_calendar(&mut self) {
        self.set_page(Page::Calendar);
    }

    /// Shows `page`. The page left is kept aside when it holds work: Settings (a list of
    /// appointments to move, a save still under way) and the Waitlist (the entry being
    /// written), so their tabs find them as they were.
    pub(super) fn set_page(&mut self, page: Page) {
        match std::mem::replace(&mut self.page, page) {
            Page::Settings(state) => self.parked_settings = Some(state),
            Page::Waitlist(state) => self.parked_waitlist = Some(state),
            Page::Calendar
            | Page::Reports(_)
            | Page::Reminders(_)
            | Page::Data(_)
            | Page::AccessLog(_) => {}
        }
    }

    /// The screens' context: the store, the setup, the clinic shown, the clock and who is at
    /// the desk.
    pub(super) fn context(&self) -> Option<(Context<'_>, &Clinic)> {
        context(&self.backend, &self.setup, self.clinic, self.now, &self.who)
    }

    /// The screens' context beside the panel, the page, the palette and the Settings page kept
    /// aside, borrowed at once; `None` when the clinic shown is missing.
    pub(super) fn parts(&mut self) -> Option<Parts<'_>> {
        let Desk {
            backend,
            setup,
            clinic,
            panel,
            page,
            palette,
            parked_settings,
            now,
            who,
            ..
        } = self;
        let (ctx, clinic) = context(backend, setup, *clinic, *now, who)?;
        Some(Parts {
            ctx,
            clinic,
            panel,
            page,
            palette,
            parked_settings,
        })
    }

    /// The screens' context at `clinic` (one the desk already looked up).
    pub(super) fn context_at<'a>(&'a self, clinic: &'a Clinic) -> Context<'a> {
        Context {
            backend: &self.backend,
            setup: &self.setup,
            clinic,
            now: self.now,
            actor: &self.who.name,
            role: self.who.role,
        }
    }

    /// The clinic shown.
    pub fn clinic(&self) -> Option<&Clinic> {
        self.setup.clinic(self.clinic)
    }

    /// The clinic's time zone.
    pub(super) fn zone(&self) -> chrono_tz::Tz {
        self.clinic().map(|c| c.time_zone).unwrap_or(chrono_tz::UTC)
    }

    /// Runs `update` on the open side panel that `pick` selects (e.g. `Panel::booking`), with the screens' context;
    /// `None` when that panel is not the one open.
    pub(super) fn update_panel<S, R>(
        &mut self,
        pick: fn(&mut Panel) -> Option<&mut S>,
        update: impl FnOnce(&mut S, &Context<'_>) -> R,
    ) -> Option<R> {
        let Parts { ctx, panel, .. } = self.parts()?;
        Some(update(pick(panel)?, &ctx))
    }

    /// Runs `update` on the page that `pick` selects (e.g. `Page::data`), with the screens'
    /// context; `None` when that page is not the one shown.
    pub(super) fn update_page<S, R>(
        &mut self,
        pick: fn(&mut Page) -> Option<&mut S>,
        update: impl FnOnce(&mut S, &Context<'_>) -> R,
    ) -> Option<R> {
        let Parts { ctx, page, .. } = self.parts()?;
        Some(update(pick(page)?, &ctx))
    }

    /// Asks for today's appointments; answers to earlier asks become stale.
    pub(super) fn today_task(&mut self, now: DateTime<Utc>) -> Task<Message> {
        self.today_asked = self.today_asked.wrapping_add(1);
        let asked = self.today_asked;
        let Some(clinic) = self.clinic() else {
            return Task::none();
        };
        let (id, date) = (clinic.id, clinic_date(clinic, now));
        let day = local_day(clinic.time_zone, date);
        let today = Task::perform(
            self.backend
                .run(move |s| s.agenda(id, day, AgendaFilter::All)),
            move |r| Message::TodayLoaded(asked, id, date, r),
        );
        Task::batch([today, self.waiting_room_rules_task()])
    }

    /// The appointments of the view arrived: lays them out, then scrolls to the appointment
    /// waiting to be revealed (and names it on the status line) once it is among them.
    pub(super) fn loaded(
        &mut self,
        generation: u64,
        result: Result<Vec<AgendaEntry>, UiError>,
    ) -> Task<Message> {
        if generation != self.generation {
            return Task::none(); // stale: the view changed since this was asked for
        }
        self.loading = false;
        match result {
            Ok(entries) => {
                self.entries = entries;
                self.relayout();
                self.reveal_now()
            }
            Err(e) => {
                self.read_failed(e);
                Task::none()
            }
        }
    }

    /// The size of the grid's part of the window when it was last drawn.
    pub fn grid_viewport(&self) -> iced::Size {
        self.viewport.get()
    }

    /// The size of the whole grid for the part of the window it has (as last drawn).
    pub fn grid_size(&self) -> iced::Size {
        calendar::content_size(
            self.columns.len(),
            self.minutes,
            self.zoom,
            self.viewport.get().width - view::SCROLLBAR,
        )
    }

    /// Scrolls to the appointment waiting to be revealed, if the grid holds it, and names it
    /// on the status line. The scroll offset is kept here too, so the next frame draws that part.
    fn reveal_now(&mut self) -> Task<Message> {
        let Some(reveal) = self.reveal.clone() else {
            return Task::none();
        };
        let Some(block) = self
            .blocks
            .iter()
            .find(|b| self.entries[b.entry].appointment.id == reveal.id)
            .copied()
        else {
            return Task::none(); // not (yet) in this view: a later load may hold it
        };
        self.reveal = None;
        let entry = &self.entries[block.entry];
        if let Some(verb) = &reveal.verb {
            self.notice = Some(format!(
                "{verb} {}{}",
                calendar::label::in_words(entry, self.zone()),
                reveal.tail
            ));
        }
        let size = self.grid_size();
        let scale = layout::Scale {
            first_minute: self.minutes.0,
            last_minute: self.minutes.1,
            header: calendar::HEADER,
            gutter: calendar::GUTTER,
            width: size.width,
            height: size.height,
        };
        let viewport = self.viewport.get();
        let view = layout::Rect {
            x: self.scroll.0,
            y: self.scroll.1,
            width: viewport.width,
            height: viewport.height,
        };
        let target = scale.rect(&block, self.columns.len());
        match layout::reveal_offset(
            target,
            view,
            (size.width, size.height),
            calendar::HEADER,
            calendar::GUTTER,
        ) {
            Some((x, y)) => {
                self.scroll = (x, y);
                iced::widget::operation::scroll_to(
                    calendar::SCROLL_ID,
                    iced::widget::scrollable::AbsoluteOffset {
                        x: Some(x),
                        y: Some(y),
                    },
                )
            }
            None => Task::none(),
        }
    }

    /// Recomputes columns and blocks and clears the grid's cache (only when data changed).
    /// Takes in the setup read again (after a settings save, or a change elsewhere): the
    /// visit types' colours, and the calendar's columns and hours laid out anew.
    pub(super) fn take_setup(&mut self, setup: Setup) {
        self.colours = visit_colours(&setup);
        self.setup = setup;
        self.follow_role();
        self.relayout();
    }

    /// The signed-in person's role as the setup just read says (an administrator may have
    /// changed it at another desk): the window shows what the new role may do from now on, a
    /// page it may no longer see is left for the calendar, and the status line says so. The
    /// store checks the role as the database holds it on every call anyway.
    fn follow_role(&mut self) {
        use crate::scheduling::permission::Role;
        let Some(id) = self.who.staff else {
            return;
        };
        let Some(member) = self.setup.staff.iter().find(|m| m.id == id) else {
            return;
        };
        let now = Role::Staff(member.role);
        if now == self.who.role {
            return;
        }
        self.who.role = now;
        self.notice = Some(crate::t!("desk-role-changed", role = member.role.label()));
        if self
            .page
            .needs()
            .is_some_and(|action| !self.who.may(action))
        {
            self.show_calendar();
        }
    }

    pub fn relayout(&mut self) {
        let Some(clinic) = self.clinic().cloned() else {
            return;
        };
        self.columns = calendar::columns(
            &self.setup,
            &clinic,
            self.view,
            self.date,
            &self.entries,
            &self.hidden,
        );
        self.blocks = layout::place(
            clinic.time_zone,
            &self.columns,
            &self.entries,
            self.show_cancelled,
            calendar::column_of(clinic.time_zone, self.view),
        );
        self.minutes = layout::visible_minutes(&self.columns, &self.blocks);
        self.doctor_colours = self
            .setup
            .doctors
            .iter()
            .filter_map(|(d, _)| Some((d.id, theme::doctor_colour(&d.colour)?)))
            .collect();
        if let Some((c, m)) = self.cursor {
            self.cursor = Some((c.min(self.columns.len().saturating_sub(1)), m));
        }
        self.cache.clear();
    }

    pub(super) fn shift(&mut self, direction: i64) -> bool {
        let days = match self.view {
            View::DayByDoctor | View::DayByRoom => 1,
            _ => 7,
        };
        // The calendar stays within the dates Frontdesk reads (1900 to 2199).
        match self
            .date
            .checked_add_signed(Duration::days(days * direction.signum()))
        {
            Some(date) if (FIRST_DATE..=LAST_DATE).contains(&date) => self.go_to(date),
            _ => false,
        }
    }

    pub(super) fn go_to(&mut self, date: NaiveDate) -> bool {
        // The knock-on delays are the day's: they go with it, not with a booking that day.
        if self.date != date {
            self.late.clear();
        }
        self.date = date;
        true
    }

    pub(super) fn set_view(&mut self, view: View) -> bool {
        self.view = view;
        self.cursor = None;
        true
    }

    pub(super) fn move_cursor(&mut self, arrow: Named) {
        let step = self
            .clinic()
            .map(|c| c.slot_minutes as u16)
            .unwrap_or(15)
            .max(5);
        let (column, minute) = self.cursor.unwrap_or((0, self.minutes.0.max(9 * 60)));
        let last_column = self.columns.len().saturating_sub(1);
        self.cursor = Some(match arrow {
            Named::ArrowUp => (column, minute.saturating_sub(step).max(self.minutes.0)),
            Named::ArrowDown => (
                column,
                (minute + step).min(self.minutes.1.saturating_sub(step)),
            ),
            Named::ArrowLeft => (column.saturating_sub(1), minute),
            _ => ((column + 1).min(last_column), minute),
        });
    }
}

/// The calendar colour of each visit type in `setup`.
fn visit_colours(setup: &Setup) -> HashMap<VisitTypeId, Color> {
    setup
        .visit_types
        .iter()
        .map(|v| (v.id, theme::hex(&v.colour)))
        .collect()
}
