//! Keys by focus. A key goes first to the widget with the focus, then to its panel or card
//! (`escape_closes::PanelKeys`, put around each side panel and page by [`panel`] and [`page`]):
//! Escape closes what is on top in one press, Tab and Shift+Tab go through the fields, Up, Down
//! and Enter work a suggestion list, and a form keeps the keys typed into it. Only keys nobody
//! took arrive here (from the window's root, `window_keys`; F1 and Ctrl+D are the root's), and they work the calendar only when nothing else
//! wants them: not while the palette is open (what is typed before its field has the focus
//! goes into its text, in order), and not while the booking or walk-in form is open (typing
//! goes on the patient's name).

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Element, Task};

use super::{Desk, Message, Page, Panel, Update, WeekOf};
use crate::gui::block_menu::Action::Close;
use crate::gui::calendar::{GridEvent, ZoomStep};
use crate::gui::escape_closes::panel_keys;
use crate::gui::screen::{
    booking, find_slot, palette, patient_search, waitlist, waitlist_form, walk_in,
};
use crate::gui::widget::Choice;

/// The shortcuts that open something with a field of its own (the palette, the walk-in form,
/// find a slot, view options): a panel's field lets go of the focus when one is pressed.
const OPENERS: &[&str] = &["k", "i", "f", "g"];

/// The side panel with the keys it takes before the calendar (see the module's comment).
pub(super) fn panel<'a>(content: Element<'a, Message>, panel: &Panel) -> Element<'a, Message> {
    let panel_keys = |content| panel_keys(content).yields_to(OPENERS);
    match panel {
        Panel::Today => content,
        Panel::Booking(_) => panel_keys(content)
            .on_escape(Message::Booking(booking::Message::Escape))
            .on_arrows(
                "booking-patient",
                Message::Booking(booking::Message::Patient(patient_search::Message::Previous)),
                Message::Booking(booking::Message::Patient(patient_search::Message::Next)),
            )
            .holds_enter()
            .into(),
        Panel::WalkIn(_) => panel_keys(content)
            .on_escape(Message::WalkIn(walk_in::Message::Escape))
            .on_arrows(
                "walk-in-patient",
                Message::WalkIn(walk_in::Message::Patient(patient_search::Message::Previous)),
                Message::WalkIn(walk_in::Message::Patient(patient_search::Message::Next)),
            )
            .holds_enter()
            .into(),
        // Closed through the panel, which gives back the booking form it was opened from. It
        // keeps Enter as the forms do: Enter on the calendar behind would replace the search
        // and the booking it keeps.
        Panel::FindSlot(_) => panel_keys(content)
            .on_escape(Message::FindSlot(find_slot::Message::Close))
            .holds_enter()
            .into(),
        Panel::Details(_) | Panel::ViewOptions | Panel::Offer(_) => {
            panel_keys(content).on_escape(Message::ClosePanel).into()
        }
    }
}

/// A page other than the calendar (Settings, Waitlist, Reports, Reminders, Data): Escape goes
/// back to the calendar in one press, Tab goes through the page's fields. On the waitlist, Up
/// and Down work the patient suggestions, and Escape hides them first.
pub(super) fn page<'a>(content: Element<'a, Message>, page: &Page) -> Element<'a, Message> {
    let keys = panel_keys(content).yields_to(OPENERS);
    let patient = |m: patient_search::Message| {
        Message::Waitlist(waitlist::Message::Form(waitlist_form::Message::Patient(m)))
    };
    match page {
        Page::Waitlist(state) => keys
            .on_escape(if state.form.suggestions_shown() {
                patient(patient_search::Message::Hide)
            } else {
                Message::ShowCalendar
            })
            .on_arrows(
                "waitlist-patient",
                patient(patient_search::Message::Previous),
                patient(patient_search::Message::Next),
            )
            .into(),
        Page::Calendar
        | Page::Settings(_)
        | Page::Reports(_)
        | Page::Reminders(_)
        | Page::Data(_)
        | Page::AccessLog(_) => keys.on_escape(Message::ShowCalendar).into(),
    }
}

/// The text a key types, when it types one (no Ctrl, Alt or Logo held).
fn typed(key: &Key, modifiers: Modifiers) -> Option<&str> {
    if modifiers.control() || modifiers.alt() || modifiers.logo() {
        return None;
    }
    match key {
        Key::Character(c) if !c.chars().any(char::is_control) => Some(c.as_str()),
        Key::Named(Named::Space) => Some(" "),
        _ => None,
    }
}

impl Desk {
    /// Keys no widget, panel or card took (the window's own, F1 and Ctrl+D, are the root's):
    /// shortcuts, then the calendar's keys when nothing else wants them.
    pub(super) fn key(&mut self, key: Key, modifiers: Modifiers) -> Update {
        let plain = !(modifiers.control() || modifiers.alt() || modifiers.logo());
        // Tab outside a panel (a panel keeps its own): the next or previous field on screen.
        if key == Key::Named(Named::Tab) && plain {
            let task = if modifiers.shift() {
                iced::widget::operation::focus_previous()
            } else {
                iced::widget::operation::focus_next()
            };
            return (task, None);
        }
        if !modifiers.command() && self.palette_open() {
            return self.palette_key(&key, modifiers);
        }
        let message = match (key.as_ref(), modifiers.command()) {
            (Key::Named(Named::Escape), _) if self.palette_open() => {
                self.palette = None;
                return (Task::none(), None);
            }
            (Key::Named(Named::Escape), _) if self.block_menu_open() => Message::BlockMenu(Close),
            (Key::Named(Named::Escape), _) if !self.on_calendar() => Message::ShowCalendar,
            (Key::Named(Named::Escape), _) => match self.form_open() {
                Some(Form::Booking) => Message::Booking(booking::Message::Escape),
                Some(Form::WalkIn) => Message::WalkIn(walk_in::Message::Escape),
                None => Message::ClosePanel,
            },
            (Key::Character("i"), true) => Message::OpenWalkIn,
            (Key::Character("f"), true) => Message::OpenFindSlot,
            (Key::Character("g"), true) => Message::OpenViewOptions,
            (Key::Character("z" | "Z"), true) if modifiers.shift() => Message::Redo,
            (Key::Character("y"), true) => Message::Redo,
            (Key::Character("z"), true) => Message::Undo,
            (Key::Character("k"), true) => Message::OpenPalette,
            (Key::Character("+" | "="), true) => Message::Zoom(ZoomStep::In),
            (Key::Character("-"), true) => Message::Zoom(ZoomStep::Out),
            (Key::Character("0"), true) => Message::Zoom(ZoomStep::Reset),
            // The rest work the calendar, and only while it is shown.
            _ if !self.on_calendar() => return (Task::none(), None),
            // An open booking or walk-in form keeps them: what is typed goes on the patient's
            // name, and Enter or an arrow never opens or moves anything behind the form. Find a
            // slot keeps them too (it has no name to type on).
            _ if self.form_open().is_some() => return self.form_typed(&key, modifiers),
            _ if self.find_slot_open() => return (Task::none(), None),
            (Key::Named(Named::PageUp), _) => Message::Previous,
            (Key::Named(Named::PageDown), _) => Message::Next,
            (Key::Named(Named::Home), _) | (Key::Character("t"), false) => Message::Today,
            (Key::Character("1"), false) => Message::DayByDoctor,
            (Key::Character("2"), false) => Message::DayByRoom,
            (Key::Character("3"), false) => return self.week_of_cursor(),
            (Key::Named(Named::Enter), _) => return self.enter(),
            (
                Key::Named(
                    arrow @ (Named::ArrowUp
                    | Named::ArrowDown
                    | Named::ArrowLeft
                    | Named::ArrowRight),
                ),
                _,
            ) => {
                self.move_cursor(arrow);
                return (Task::none(), None);
            }
            _ => return (Task::none(), None),
        };
        self.update(message)
    }

    /// A key while the palette is open that its field did not take (typed before the field
    /// had the focus, or with the focus elsewhere): text goes on the query, in order, and the
    /// field takes the focus; Enter, Up, Down, Backspace and Escape work the palette. Nothing
    /// reaches the calendar behind it.
    fn palette_key(&mut self, key: &Key, modifiers: Modifiers) -> Update {
        let Some(query) = self.palette.as_ref().map(|p| p.query().to_owned()) else {
            return (Task::none(), None);
        };
        let message = match (key.as_ref(), typed(key, modifiers)) {
            (_, Some(text)) => palette::Message::Query(format!("{query}{text}")),
            (Key::Named(Named::Backspace), _) => {
                let mut query = query;
                query.pop();
                palette::Message::Query(query)
            }
            (Key::Named(Named::Enter), _) => palette::Message::Submit,
            (Key::Named(Named::ArrowDown), _) => palette::Message::Next,
            (Key::Named(Named::ArrowUp), _) => palette::Message::Previous,
            (Key::Named(Named::Escape), _) => palette::Message::Close,
            _ => return (Task::none(), None),
        };
        let edits = matches!(message, palette::Message::Query(_));
        let (task, event) = self.palette(message);
        if edits {
            let focus = iced::widget::operation::focus("palette");
            (Task::batch([task, focus]), event)
        } else {
            (task, event)
        }
    }

    /// The booking or walk-in form, when one is the panel open.
    fn form_open(&self) -> Option<Form> {
        match &self.panel {
            Panel::Booking(_) => Some(Form::Booking),
            Panel::WalkIn(_) => Some(Form::WalkIn),
            Panel::Today
            | Panel::Details(_)
            | Panel::ViewOptions
            | Panel::FindSlot(_)
            | Panel::Offer(_) => None,
        }
    }

    /// True when Find a slot is the panel open.
    fn find_slot_open(&self) -> bool {
        matches!(self.panel, Panel::FindSlot(_))
    }

    /// Text typed with the booking or walk-in form open and none of its fields focused: on the
    /// patient's name, whose field takes the focus. Other keys do nothing.
    fn form_typed(&mut self, key: &Key, modifiers: Modifiers) -> Update {
        let Some(text) = typed(key, modifiers) else {
            return (Task::none(), None);
        };
        let (message, field) = match &self.panel {
            Panel::Booking(form) => (form.typed(text).map(Message::Booking), "booking-patient"),
            Panel::WalkIn(form) => (form.typed(text).map(Message::WalkIn), "walk-in-patient"),
            Panel::Today
            | Panel::Details(_)
            | Panel::ViewOptions
            | Panel::FindSlot(_)
            | Panel::Offer(_) => (None, ""),
        };
        match message {
            Some(message) => {
                let (task, event) = self.update(message);
                (
                    Task::batch([task, iced::widget::operation::focus(field)]),
                    event,
                )
            }
            None => (Task::none(), None),
        }
    }

    /// True when the calendar page is shown (calendar keys act only then).
    pub(super) fn on_calendar(&self) -> bool {
        self.page.is_calendar()
    }

    /// True when the command palette is open.
    pub(super) fn palette_open(&self) -> bool {
        self.palette.is_some()
    }

    /// Key 3: the week of the doctor (or room) at the keyboard cursor, else the first doctor's.
    pub(super) fn week_of_cursor(&mut self) -> Update {
        let column = self.cursor.and_then(|(c, _)| self.columns.get(c));
        let of = match (column.and_then(|c| c.doctor), column.and_then(|c| c.room)) {
            (Some(d), _) => WeekOf::Doctor(d),
            (None, Some(r)) => WeekOf::Room(r),
            _ => match self.setup.doctors.first() {
                Some((d, _)) => WeekOf::Doctor(d.id),
                None => return (Task::none(), None),
            },
        };
        self.update(Message::Week(Choice::new(of, String::new())))
    }

    /// Enter on the keyboard cursor: open the appointment there, or book the empty slot.
    pub(super) fn enter(&mut self) -> Update {
        let Some((column, minute)) = self.cursor else {
            return (Task::none(), None);
        };
        let under = self
            .blocks
            .iter()
            .find(|b| b.column == column && b.minutes.0 <= minute && minute < b.minutes.1);
        match under {
            Some(b) => {
                let id = self.entries[b.entry].appointment.id;
                self.update(Message::Grid(GridEvent::AppointmentClicked(id)))
            }
            None => self.update(Message::Grid(GridEvent::SlotClicked(column, minute))),
        }
    }
}

/// The forms that keep the calendar's keys while open.
#[derive(Debug, Clone, Copy)]
enum Form {
    Booking,
    WalkIn,
}
