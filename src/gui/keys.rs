//! Keyboard shortcuts: keys that no text field used become the app's messages.

use iced::Task;
use iced::keyboard::{Key, Modifiers, key::Named};

use super::app::{App, Message, Phase, WeekOf};
use super::block_menu::Action::Close;
use super::calendar::GridEvent;
use super::widget::Choice;

impl App {
    /// Keyboard shortcuts (only keys no text field used).
    pub(super) fn key(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        let message = match (key.as_ref(), modifiers.command()) {
            (Key::Named(Named::F1), _) => Message::ToggleHelp,
            (Key::Named(Named::Escape), _) if self.help => Message::ToggleHelp,
            (Key::Named(Named::Escape), _) if self.palette_open() => {
                if let Phase::Ready(desk) = &mut self.phase {
                    desk.palette = None;
                }
                return Task::none();
            }
            (Key::Named(Named::Escape), _) if self.block_menu_open() => Message::BlockMenu(Close),
            (Key::Named(Named::Escape), _) if !self.on_calendar() => Message::ShowCalendar,
            (Key::Named(Named::Escape), _) => Message::ClosePanel,
            (Key::Character("i"), true) => Message::OpenWalkIn,
            (Key::Character("f"), true) => Message::OpenFindSlot,
            (Key::Character("d"), true) => Message::ToggleTheme,
            (Key::Character("g"), true) => Message::OpenViewOptions,
            (Key::Character("z" | "Z"), true) if modifiers.shift() => Message::Redo,
            (Key::Character("y"), true) => Message::Redo,
            (Key::Character("z"), true) => Message::Undo,
            (Key::Character("k"), true) => Message::OpenPalette,
            // The rest work the calendar, and only while it is shown.
            _ if !self.on_calendar() => return Task::none(),
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
                if let Phase::Ready(desk) = &mut self.phase {
                    desk.move_cursor(arrow);
                }
                return Task::none();
            }
            _ => return Task::none(),
        };
        self.update(message)
    }

    /// True when the calendar page is shown (calendar keys act only then).
    pub(super) fn on_calendar(&self) -> bool {
        match &self.phase {
            Phase::Ready(desk) => desk.page.is_calendar(),
            _ => true,
        }
    }

    pub(super) fn palette_open(&self) -> bool {
        matches!(&self.phase, Phase::Ready(desk) if desk.palette.is_some())
    }

    pub(super) fn week_of_cursor(&mut self) -> Task<Message> {
        let Phase::Ready(desk) = &self.phase else {
            return Task::none();
        };
        let column = desk.cursor.and_then(|(c, _)| desk.columns.get(c));
        let of = match (column.and_then(|c| c.doctor), column.and_then(|c| c.room)) {
            (Some(d), _) => WeekOf::Doctor(d),
            (None, Some(r)) => WeekOf::Room(r),
            _ => match desk.setup.doctors.first() {
                Some((d, _)) => WeekOf::Doctor(d.id),
                None => return Task::none(),
            },
        };
        self.update(Message::Week(Choice::new(of, String::new())))
    }

    /// Enter on the keyboard cursor: open the appointment there, or book the empty slot.
    pub(super) fn enter(&mut self) -> Task<Message> {
        let Phase::Ready(desk) = &self.phase else {
            return Task::none();
        };
        let Some((column, minute)) = desk.cursor else {
            return Task::none();
        };
        let under = desk
            .blocks
            .iter()
            .find(|b| b.column == column && b.minutes.0 <= minute && minute < b.minutes.1);
        match under {
            Some(b) => {
                let id = desk.entries[b.entry].appointment.id;
                self.update(Message::Grid(GridEvent::AppointmentClicked(id)))
            }
            None => self.update(Message::Grid(GridEvent::SlotClicked(column, minute))),
        }
    }
}
