//! The window as the keyboard tests drive it: widgets' state (focus) kept between frames, the
//! focus operations a Task asks for run before the next frame, and keys nobody took delivered
//! as `Message::Key`; with the small helpers those tests share (keys, typing, counts, forms).

use frontdesk::gui::Message;
use frontdesk::gui::calendar::{GridEvent, View};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::{Event, Size, Task};
use iced_runtime::Action;
use iced_runtime::core::widget::Operation;
use iced_runtime::core::widget::operation::Outcome;
use iced_runtime::core::{clipboard, event, mouse, renderer::Headless};
use iced_runtime::user_interface::{Cache, UserInterface};

use super::Harness;

/// The window between frames: the widgets' state and the operations waiting for the next frame.
pub struct Window {
    pub cache: Cache,
    pub renderer: iced::Renderer,
    pub operations: Vec<Box<dyn Operation>>,
}

impl Window {
    pub fn new() -> Self {
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::DEFAULT,
            iced::Pixels(16.0),
            None,
        ))
        .expect("a headless renderer");
        Window {
            cache: Cache::default(),
            renderer,
            operations: Vec::new(),
        }
    }

    /// Gives the widget with the id `id` the keyboard's focus before the next frame, as a click
    /// on it would.
    pub fn focus(&mut self, id: &'static str) {
        self.operations.push(Box::new(
            iced_runtime::core::widget::operation::focusable::focus(iced::widget::Id::new(id)),
        ));
    }

    /// One frame: the operations asked for run, then `events` reach the view; the messages the
    /// widgets made and the keys nobody took (as `Message::Key`) all reach `update` before any
    /// Task runs; then the Tasks run, and their focus operations wait for the next frame.
    pub fn frame(&mut self, h: &mut Harness, events: Vec<Event>) {
        let (mut messages, untaken) = self.deliver(h, &events);
        messages.extend(untaken);
        self.update(h, messages);
    }

    /// The view gets `events` after the operations asked for run: the messages its widgets
    /// made, and the keys nobody took as `Message::Key`.
    pub fn deliver(&mut self, h: &Harness, events: &[Event]) -> (Vec<Message>, Vec<Message>) {
        let mut messages = Vec::new();
        let mut untaken = Vec::new();
        let mut ui = UserInterface::build(
            h.app.view(),
            Size::new(1280.0, 800.0),
            std::mem::take(&mut self.cache),
            &mut self.renderer,
        );
        for mut operation in std::mem::take(&mut self.operations) {
            loop {
                ui.operate(&self.renderer, operation.as_mut());
                match operation.finish() {
                    Outcome::Chain(next) => operation = next,
                    _ => break,
                }
            }
        }
        let (_, statuses) = ui.update(
            events,
            mouse::Cursor::Unavailable,
            &mut self.renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        for (event, status) in events.iter().zip(statuses) {
            if let (
                Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }),
                event::Status::Ignored,
            ) = (event, status)
            {
                untaken.push(Message::Key(key.clone(), *modifiers));
            }
        }
        self.cache = ui.into_cache();
        (messages, untaken)
    }

    /// `messages` reach `update` in order, then the Tasks they made run.
    pub fn update(&mut self, h: &mut Harness, messages: Vec<Message>) {
        let tasks: Vec<Task<Message>> = messages.into_iter().map(|m| h.app.update(m)).collect();
        for task in tasks {
            self.settle(h, task);
        }
    }

    /// Runs a task and what follows from it; widget operations wait for the next frame.
    pub fn settle(&mut self, h: &mut Harness, task: Task<Message>) {
        let mut pending = vec![task];
        while let Some(task) = pending.pop() {
            let Some(stream) = iced_runtime::task::into_stream(task) else {
                continue;
            };
            use iced::futures::StreamExt;
            let actions: Vec<Action<Message>> = h.runtime.block_on(stream.collect());
            for action in actions {
                match action {
                    Action::Output(message) => pending.push(h.app.update(message)),
                    Action::Widget(operation) => self.operations.push(operation),
                    _ => {}
                }
            }
        }
    }
}

pub fn press(key: Key, modifiers: Modifiers, text: Option<&str>) -> Vec<Event> {
    vec![
        Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key.clone(),
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers,
            repeat: false,
            text: text.map(Into::into),
        }),
        Event::Keyboard(keyboard::Event::KeyReleased {
            key: key.clone(),
            modified_key: key,
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers,
        }),
    ]
}

pub fn tap(named: Named) -> Vec<Event> {
    press(Key::Named(named), Modifiers::empty(), None)
}

pub fn shift_tab() -> Vec<Event> {
    press(Key::Named(Named::Tab), Modifiers::SHIFT, None)
}

pub fn ctrl(letter: &str) -> Vec<Event> {
    press(Key::Character(letter.into()), Modifiers::CTRL, None)
}

pub fn typing(words: &str) -> Vec<Event> {
    words
        .chars()
        .flat_map(|c| {
            let s = c.to_string();
            press(
                Key::Character(s.as_str().into()),
                Modifiers::empty(),
                Some(&s),
            )
        })
        .collect()
}

pub fn keys(groups: &[Vec<Event>]) -> Vec<Event> {
    groups.concat()
}

pub fn count(h: &Harness, table: &str) -> i64 {
    rusqlite::Connection::open(h.dir.path().join("desk.sqlite3"))
        .expect("raw")
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// Patients, appointments and audit rows: what a key typed by mistake would change.
pub fn stored(h: &Harness) -> [i64; 3] {
    [
        count(h, "patient"),
        count(h, "appointment"),
        count(h, "audit_event"),
    ]
}

/// Opens the booking form on a free slot, its patient field focused as the app asks.
pub fn open_booking(h: &mut Harness, window: &mut Window) {
    let (column, minute) = h.free_slot(30);
    let task = h
        .app
        .update(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)).into());
    window.settle(h, task);
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
}

pub fn booking(h: &Harness) -> &frontdesk::gui::screen::booking::State {
    match &h.desk().panel {
        Panel::Booking(form) => form,
        _ => panic!("the booking form is not open"),
    }
}

pub fn walk_in(h: &Harness) -> &frontdesk::gui::screen::walk_in::State {
    match &h.desk().panel {
        Panel::WalkIn(form) => form,
        _ => panic!("the walk-in form is not open"),
    }
}

/// Where the calendar is: its view, date, keyboard cursor and selected appointment.
pub fn calendar(h: &Harness) -> (View, chrono::NaiveDate, Option<(usize, u16)>) {
    let d = h.desk();
    (d.view, d.date, d.cursor)
}
